# $Host, Get-Host and the prompts where nobody can answer (the Python API's host, like pwsh's
# SDK host or `pwsh -NonInteractive`).  Answered prompts, in a terminal and from a pipe, are in
# tests/test_host_prompts.py.  Sources: PowerShell/PowerShell
# src/Microsoft.PowerShell.ConsoleHost/host/msh/ConsoleHostUserInterface.cs
# (HandleThrowOnReadAndPrompt, resources/ConsoleHostUserInterfaceStrings.resx
# ReadFailsOnNonInteractiveFlag), test/powershell/Modules/Microsoft.PowerShell.Utility/Get-Host.Tests.ps1,
# src/System.Management.Automation/engine/hostifaces/ChoiceDescription.cs, FieldDescription.cs.

#### Get-Host is $Host, an InternalHost
# source: Get-Host.Tests.ps1 ("Should works proper with get-host")
$results = Get-Host
$results -eq $Host
$results.PSObject.TypeNames[0]
## RESULT: [true, "System.Management.Automation.Internal.Host.InternalHost"]

#### $Host's version is the engine's, and the object stays the same
# source: InternalHost.Version is the hosting application's; pwsh's ConsoleHost reports PSVersion
$Host.Version.Major -eq $PSVersionTable.PSVersion.Major
(Get-Host).InstanceId -eq $Host.InstanceId
$Host.UI.RawUI.WindowSize.Width -gt 0
## RESULT: [true, true, true]

#### Read-Host where nobody can answer stops with the NonInteractive error
# source: ConsoleHostUserInterface.HandleThrowOnReadAndPrompt (ReadFailsOnNonInteractiveFlag)
try { Read-Host 'Name' } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
## RESULT: ["PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.", "System.Management.Automation.PSInvalidOperationException,Microsoft.PowerShell.Commands.ReadHostCommand"]

#### Get-Credential too
# source: ConsoleHostUserInterfaceSecurity.cs PromptForCredential -> HandleThrowOnReadAndPrompt
try { Get-Credential -UserName admin } catch { $_.Exception.Message }
## RESULT: ["PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."]

#### Get-Credential given a credential returns it without asking
# source: CredentialCommands.cs BeginProcessing (Credential != null -> WriteObject)
$c = [pscredential]::new('ops', (ConvertTo-SecureString 'x' -AsPlainText -Force))
(Get-Credential -Credential $c).UserName
## RESULT: ["ops"]

#### $Host.UI.ReadLine is a method call that throws
# source: a .NET exception from a method is wrapped as 'Exception calling "ReadLine" with "0" argument(s)'
try { $Host.UI.ReadLine() } catch { $_.Exception.Message }
## RESULT: ["Exception calling \"ReadLine\" with \"0\" argument(s): \"PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\""]

#### ChoiceDescription from a string and from its constructor
# source: ChoiceDescription.cs: ChoiceDescription(string label), ChoiceDescription(string label, string helpMessage)
$c = [System.Management.Automation.Host.ChoiceDescription[]]@('&Yes', '&No')
$c.Count
$c[1].Label
$h = [System.Management.Automation.Host.ChoiceDescription]::new('&Maybe', 'Think again')
$h.HelpMessage
## RESULT: [2, "&No", "Think again"]

#### FieldDescription: a name and the type it asks for
# source: FieldDescription.cs: ParameterTypeName defaults to String; SetParameterType
$f = [System.Management.Automation.Host.FieldDescription]::new('Server')
$f.Name
$f.ParameterTypeName
$f.SetParameterType([securestring])
$f.ParameterTypeName
## RESULT: ["Server", "String", "SecureString"]

#### $Host.UI.WriteLine writes to the host, not to the pipeline
# source: PSHostUserInterface.WriteLine (host output, like Write-Host)
$x = & { $Host.UI.WriteLine('shown'); 'piped' }
$x
## RESULT: ["piped"]

#### Outside the prompt there is no history
# source: History.cs (only a host's interactive lines are added; pwsh -c keeps none); HistoryStrings.NoLastHistoryEntryFound
@(Get-History).Count
try { Invoke-History } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
## RESULT: [0, "Cannot locate most recent history.", "InvokeHistoryNoLastHistoryEntryFound,Microsoft.PowerShell.Commands.InvokeHistoryCommand"]

#### The history aliases
# source: InitialSessionState.cs builtin aliases (h, history, ghy, r, ihy, clhy)
'h', 'history', 'ghy', 'r', 'ihy', 'clhy' | ForEach-Object { (Get-Alias $_).Definition }
## RESULT: ["Get-History", "Get-History", "Get-History", "Invoke-History", "Invoke-History", "Clear-History"]
