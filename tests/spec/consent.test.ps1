# Consent where nobody can answer (the Python API): refused with pwsh's NonInteractive error,
# nothing changed; -WhatIf and consent given up front need no answer.
# Texts: MshCommandRuntime.cs, ConsoleHostUserInterfaceStrings.resx (ReadFailsOnNonInteractiveFlag).

#### -Confirm with nobody to answer: refused, the file stays, the script goes on
# source: ConsoleHostUserInterface.cs HandleThrowOnReadAndPrompt
Set-Content f.txt 'x' -Confirm:$false
Remove-Item f.txt -Confirm
Test-Path f.txt
## RESULT: [true]
## ERRORS: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.

#### -WhatIf changes nothing and asks nothing
Set-Content f.txt 'x'
Remove-Item f.txt -WhatIf
Set-Content f.txt 'y' -WhatIf
Get-Content f.txt
## RESULT: ["x"]

#### the preferences' defaults
# source: InitialSessionState.cs DefaultConfirmPreference, DefaultWhatIfPreference
"$ConfirmPreference $WhatIfPreference"
## RESULT: ["High False"]

#### ConfirmImpact High asks by default; -Confirm:$false and $ConfirmPreference None do not
# source: MshCommandRuntime.cs CanShouldProcessAutoConfirm
function Remove-Thing { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')] param($Name)
    if ($PSCmdlet.ShouldProcess($Name, 'Remove')) { "removed $Name" } }
Remove-Thing a
Remove-Thing b -Confirm:$false
$ConfirmPreference = 'None'
Remove-Thing c
## RESULT: ["removed b", "removed c"]
## ERRORS: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.

#### ConfirmImpact Medium goes ahead under the default threshold; Low threshold asks
function Set-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name)
    if ($PSCmdlet.ShouldProcess($Name)) { "set $Name" } }
Set-Thing a
$ConfirmPreference = 'Low'
Set-Thing b
## RESULT: ["set a"]
## ERRORS: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.

#### a function's -WhatIf reaches the cmdlets it calls, and its ShouldProcess answers no
function Clear-Thing { [CmdletBinding(SupportsShouldProcess)] param($Path)
    Remove-Item $Path; $PSCmdlet.ShouldProcess($Path) }
Set-Content g.txt 'x'
Clear-Thing g.txt -WhatIf
Test-Path g.txt
## RESULT: [false, true]

#### a directory with children and no -Recurse asks first
# source: Navigation.cs RemoveItemCommand (RemoveItemWithChildren)
New-Item -ItemType Directory d | Out-Null
Set-Content d/leaf.txt 'x'
Remove-Item d
Test-Path d/leaf.txt
## RESULT: [true]
## ERRORS: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.

#### ShouldContinue always asks, whatever the preferences
function Go { [CmdletBinding()] param() if ($PSCmdlet.ShouldContinue('Go on?', 'Question')) { 'went' } }
$ConfirmPreference = 'None'
Go
'after'
## RESULT: ["after"]
## ERRORS: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.

#### the Env:, Variable: and Function: drives ask too
# source: SessionStateProviderBase.cs RemoveItem ("Remove Item", "Item: {0}")
$env:PSC_CONSENT = '1'
Remove-Item Env:PSC_CONSENT -WhatIf
$env:PSC_CONSENT
Remove-Item Env:PSC_CONSENT -Confirm
$env:PSC_CONSENT
Remove-Item Env:PSC_CONSENT
"[$env:PSC_CONSENT]"
## RESULT: ["1", "1", "[]"]
## ERRORS: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.

#### ConfirmImpact does not rename the function that declares it
# source: CmdletBindingAttribute.ConfirmImpact is metadata only; $MyInvocation.MyCommand.Name is the function's name
function Remove-Thing { [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')] param() $MyInvocation.MyCommand.Name }
Remove-Thing -Confirm:$false
## RESULT: ["Remove-Thing"]
