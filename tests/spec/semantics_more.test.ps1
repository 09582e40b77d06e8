# More semantics cases: action preferences, $MyInvocation, script blocks, return/exit, chain operators.
# Sources: test/powershell/Language/Scripting/ActionPreference.Tests.ps1 and PowerShell-Docs about_* pages (named per case).

#### $ErrorActionPreference in a function is inherited
# source: about_Preference_Variables (preference variables are scoped)
$ErrorActionPreference = 'Stop'; function f { Write-Error 'inner'; 'not reached' }; try { f } catch { "caught $_" }
## RESULT: ["caught inner"]

#### local $ErrorActionPreference does not leak
# source: about_Preference_Variables; about_Scopes
function f { $ErrorActionPreference = 'Stop' }; f; $ErrorActionPreference
## RESULT: ["Continue"]

#### WarningAction SilentlyContinue
# source: about_CommonParameters (-WarningAction)
Write-Warning 'w' -WarningAction SilentlyContinue; 'after'
## RESULT: ["after"]

#### script block Ast-free properties: param count via $args
# source: about_Script_Blocks
$sb = { $args.Count }; & $sb 1 2 3
## RESULT: [3]

#### script block as a value in a hashtable
# source: about_Script_Blocks
$h = @{ op = { param($x) $x * 3 } }; & $h.op 4
## RESULT: [12]

#### script block with begin process end invoked with &
# source: about_Script_Blocks; about_Functions_Advanced_Methods
1, 2, 3 | & { begin { $s = 0 } process { $s += $_ } end { $s } }
## RESULT: [6]

#### script block param block with defaults
# source: about_Script_Blocks
& { param($a = 'def') $a }
## RESULT: ["def"]

#### return in script block ends it
# source: about_Return
& { 'a'; return; 'b' }
## RESULT: ["a"]

#### return value from nested if
# source: about_Return
function f($n) { if ($n -gt 0) { return 'pos' }; 'nonpos' }; f 1; f 0
## RESULT: ["pos", "nonpos"]

#### return in process block returns from that invocation only
# source: about_Return; about_Functions
function f { process { if ($_ -eq 2) { return }; $_ } }; 1, 2, 3 | f
## RESULT: [1, 3]

#### break outside loop in a function stops the script
# source: about_Break ("break outside a loop ... stops the script")
function f { 'in f'; break; 'after break' }; f; 'after f'
## RESULT: ["in f"]

#### continue in ForEach-Object behaves like break for the pipeline
# source: about_Continue ("Don't use continue in ForEach-Object script block")
foreach ($o in 1) { 1..3 | ForEach-Object { if ($_ -eq 2) { continue }; $_ } ; 'not reached' }; 'end'
## RESULT: [1, "end"]

#### break in ForEach-Object exits enclosing loop
# source: about_Break
$r = foreach ($i in 1..2) { 1..3 | ForEach-Object { if ($_ -eq 2) { break }; "$i$_" } }; $r
## RESULT: ["11"]

#### exit in a script block stops the script
# source: about_Language_Keywords (exit)
'before'; exit; 'after'
## RESULT: ["before"]

#### chain operators: right side of && is a pipeline
# source: about_Pipeline_Chain_Operators
1 && 2 | ForEach-Object { $_ * 10 }
## RESULT: [1, 20]

#### chain operators: || after a function whose inner Write-Error failed: the function's own pipeline did not
# source: about_Pipeline_Chain_Operators; test/powershell/Language/Scripting/CleanBlockErrorHandling.Tests.ps1 ("Track the $? behavior for non-terminating errors within 'Clean' and 'End' blocks": `ErrorInEnd -WriteErrorCmdlet; $?` is True)
function Test-Fail { [CmdletBinding()] param() Write-Error 'nope' }; Test-Fail -ErrorAction SilentlyContinue || 'fallback'
## RESULT: []

#### chain operators: three-way chain
# source: about_Pipeline_Chain_Operators
Write-Output 'a' && Write-Error 'b' -ErrorAction SilentlyContinue && Write-Output 'c' || Write-Output 'd'
## RESULT: ["a", "d"]

#### chain operators: throw on left stops chain
# source: about_Pipeline_Chain_Operators ("terminating errors stop the chain")
try { throw 'bad' || 'not run' } catch { "caught $_" }
## RESULT: ["caught bad"]

#### environment: child scope sees env change
# source: about_Environment_Variables (process-wide)
function f { $env:PSC_SEM_X = 'fromf' }; f; $env:PSC_SEM_X
## RESULT: ["fromf"]

#### environment: [Environment]::GetEnvironmentVariable
# source: about_Environment_Variables ("Using the System.Environment methods")
$env:PSC_SEM_Z = 'z1'; [Environment]::GetEnvironmentVariable('PSC_SEM_Z')
## RESULT: ["z1"]

#### ErrorAction Ignore leaves $Error unchanged for a cmdlet
# source: ActionPreference.Tests.ps1 ("ActionPreference Ignore Works")
$errorCount = $error.Count; Get-ChildItem nosuchfile.nosuchextension -ErrorAction Ignore; $error.Count - $errorCount
## RESULT: [0]

#### ErrorAction Stop from a cmdlet is caught by the inner exception's type
# source: about_Try_Catch_Finally; about_CommonParameters (-ErrorAction Stop)
try { Get-ChildItem nosuchfile.nosuchextension -ErrorAction Stop } catch [System.Management.Automation.ItemNotFoundException] { 'typed' }
## RESULT: ["typed"]
