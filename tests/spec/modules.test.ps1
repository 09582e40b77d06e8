# Function scoping and in-memory (dynamic) modules.  Sources: PowerShell/PowerShell
# about_Scopes ("functions are scoped like variables"), about_Modules, New-Module.md,
# Export-ModuleMember.md, test/powershell/Language/Scripting/Scoping.Tests.ps1 and
# test/powershell/Modules/Microsoft.PowerShell.Core/New-Module.Tests.ps1.

#### A function defined in a script block is gone when the block ends
# source: about_Scopes "Items ... functions ... are visible only in the scope in which they were created"
& { function inner { 'in' }; inner }
(Get-Command inner -ErrorAction SilentlyContinue) -eq $null
## RESULT: ["in", true]

#### function global: outlives the block that defines it
# source: about_Scopes, scope modifiers on functions
& { function global:outlives { 'still here' } }
outlives
## RESULT: ["still here"]

#### A nested scope sees the functions of the scopes around it, and its own hide them
# source: about_Scopes "an item created in a scope is visible in that scope and in its child scopes"
function who { 'outer' }
function test-it { function who { 'inner' }; who }
test-it
who
## RESULT: ["inner", "outer"]

#### Dot-sourcing a block defines its functions in the caller's scope
# source: about_Scripts "Script scope and dot sourcing"
. { function dotted { 'dotted' } }
dotted
## RESULT: ["dotted"]

#### New-Module imports the module's functions, which see the module's variables
# source: New-Module.md example 1; about_Modules (module session state)
$null = New-Module -Name Counter -ScriptBlock { $count = 0; function Step-Count { $script:count++; $script:count } }
Step-Count
Step-Count
$count -eq $null
## RESULT: [1, 2, true]

#### Export-ModuleMember narrows what a dynamic module exports
# source: Export-ModuleMember.md; New-Module.Tests.ps1
$null = New-Module -ScriptBlock { function Get-Pub { 'pub ' + (priv) }; function priv { 'priv' }; Export-ModuleMember -Function Get-Pub }
Get-Pub
[bool](Get-Command priv -ErrorAction SilentlyContinue)
## RESULT: ["pub priv", false]

#### New-Module -AsCustomObject: functions become script methods, exported variables note properties
# source: New-Module.md -AsCustomObject
$o = New-Module -AsCustomObject -ScriptBlock { $Base = 10; function Add($n) { $n + $Base }; Export-ModuleMember -Function Add -Variable Base }
$o.Base
$o.Add(5)
## RESULT: [10, 15]

#### A block run with & $module sees the module's private variables
# source: about_Modules; PSModuleInfo.Invoke / `& $module {}` (Pester InModuleScope)
$m = New-Module -ScriptBlock { $secret = 42; function Get-Nothing { } }
& $m { $secret }
$secret -eq $null
## RESULT: [42, true]

#### $ExecutionContext.SessionState.Module and (Get-Command).ModuleName inside a module
# source: about_Automatic_Variables $ExecutionContext; FunctionInfo.ModuleName
$null = New-Module -Name Named -ScriptBlock { function Get-ModName { $ExecutionContext.SessionState.Module.Name } }
Get-ModName
(Get-Command Get-ModName).ModuleName
## RESULT: ["Named", "Named"]

#### New-Module -ArgumentList reaches the module's param()
# source: New-Module.md -ArgumentList
$null = New-Module -ScriptBlock { param($greeting) function Get-Hello { "$greeting world" } } -ArgumentList 'hi'
Get-Hello
## RESULT: ["hi world"]

#### Export-ModuleMember outside a module is an error
# source: Modules.resx CanOnlyBeUsedFromWithinAModule
Export-ModuleMember -Function x
## ERRORS: The Export-ModuleMember cmdlet can only be called from inside a module.
