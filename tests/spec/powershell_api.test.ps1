# The PowerShell hosting API: [powershell]::Create(), [runspacefactory]::CreateRunspace().
# Sources: PowerShell/PowerShell src/System.Management.Automation/engine/hostifaces/PowerShell.cs
# (AddScript/AddCommand/AddParameter/AddArgument/AddStatement, Invoke, BeginInvoke/EndInvoke,
# Streams, HadErrors, InvocationStateInfo), test/powershell/Language/Parser/LineContinuance.Tests.ps1
# and test/powershell/Language/Scripting/CommonParameters.Tests.ps1 (how the suite uses them).

#### AddScript(...).Invoke() returns the script's output
# source: LineContinuance.Tests.ps1 ([powershell]::Create().AddScript($command).Invoke())
[powershell]::Create().AddScript('1 + 1; "two"').Invoke()
## RESULT: [2, "two"]

#### The streams collect what the commands write; HadErrors tells a written error
# source: PowerShell.Streams (PSDataStreams: Error, Verbose, Debug, Warning...), PowerShell.HadErrors
$ps = [powershell]::Create()
$null = $ps.AddScript('Write-Verbose "v" -Verbose; Write-Warning "w"; Write-Error "e"; 3').Invoke()
$ps.Streams.Verbose[0].Message
$ps.Streams.Warning[0].Message
$ps.Streams.Error.Count
$ps.Streams.Error[0].ToString()
$ps.HadErrors
$ps.InvocationStateInfo.State
## RESULT: ["v", "w", 1, "e", true, "Completed"]

#### AddCommand with AddParameter builds a pipeline
# source: PowerShell.AddCommand / AddParameter (the parameter goes to the last command added)
[powershell]::Create().AddCommand('Get-Date').AddParameter('Year', 2000).AddCommand('Select-Object').AddParameter('ExpandProperty', 'Year').Invoke()
## RESULT: [2000]

#### AddArgument binds positionally; BeginInvoke/EndInvoke on a runspace of the factory
# source: CommonParameters.Tests.ps1 (RunspaceFactory.CreateRunspace, $ps.Runspace = $rs, BeginInvoke/EndInvoke)
$rs = [runspacefactory]::CreateRunspace()
$rs.Open()
$ps = [powershell]::Create()
$ps.Runspace = $rs
$handle = $ps.AddScript({ param($a, $b) "$a-$b" }).AddArgument(1).AddArgument(2).BeginInvoke()
$ps.EndInvoke($handle)
$rs.RunspaceStateInfo.State
## RESULT: ["1-2", "Opened"]

#### A runspace is separate from the caller's session, and keeps its own state between invocations
# source: Runspace: its own session state; AddScript(script) with useLocalScope=false runs in its global scope
$x = 'caller'
$ps = [powershell]::Create()
$null = $ps.AddScript('$x = "inner"; $y = 5').Invoke()
$ps.Commands.Clear()
$ps.AddScript('"$x $y"').Invoke()
$x
## RESULT: ["inner 5", "caller"]

#### Pipeline input to Invoke, and a terminating error fails the invocation
# source: PowerShell.Invoke(IEnumerable input); InvocationStateInfo.State Failed
[powershell]::Create().AddCommand('ForEach-Object').AddParameter('Process', { $_ * 10 }).Invoke(@(1, 2))
$ps = [powershell]::Create()
try { $null = $ps.AddScript('throw "boom"').Invoke() } catch { 'caught' }
$ps.InvocationStateInfo.State
## RESULT: [10, 20, "caught", "Failed"]
