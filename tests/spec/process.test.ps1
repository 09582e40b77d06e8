# Get-Process and Stop-Process, on this session's own process (the only one every run has).
# Sources: PowerShell/PowerShell src/Microsoft.PowerShell.Commands.Management/commands/management/Process.cs
# (ProcessBaseCommand, GetProcessCommand, StopProcessCommand), resources/ProcessResources.resx,
# src/System.Management.Automation/engine/TypeTable_Types_Ps1Xml.cs (System.Diagnostics.Process)
# and engine/InitialSessionState.cs (aliases).

#### Get-Process -Id gives a System.Diagnostics.Process
# source: GetProcessCommand [OutputType(typeof(Process))]; RetrieveMatchingProcessesById
$p = Get-Process -Id $PID
$p.Id -eq $PID
$p.GetType().FullName
$p -is [System.ComponentModel.Component]
## STDOUT:
True
System.Diagnostics.Process
True
## END

#### The type table's aliases read the .NET properties
# source: TypeTable_Types_Ps1Xml.cs: Name = ProcessName, WS = WorkingSet64, VM = VirtualMemorySize64, PM = PagedMemorySize64, SI = SessionId, Handles = Handlecount
$p = Get-Process -Id $PID
$p.Name -eq $p.ProcessName
$p.WS -eq $p.WorkingSet64
$p.VM -eq $p.VirtualMemorySize64
$p.PM -eq $p.PagedMemorySize64
$p.SI -eq $p.SessionId
$p.__NounName
## STDOUT:
True
True
True
True
True
Process
## END

#### CPU is TotalProcessorTime in seconds, a double
# source: TypeTable_Types_Ps1Xml.cs: CPU = $this.TotalProcessorTime.TotalSeconds
$p = Get-Process -Id $PID
$p.CPU -is [double]
$p.TotalProcessorTime -is [timespan]
## RESULT: [true, true]

#### Each process once, however often it is named
# source: ProcessBaseCommand.AddIdempotent
@(Get-Process -Id $PID, $PID).Count
## RESULT: [1]

#### A name without wildcards that matches nothing is an error
# source: RetrieveMatchingProcessesByProcessName; ProcessResources.resx NoProcessFoundForGivenName
Get-Process -Name pscompat-no-such-process
## ERRORS: Cannot find a process with the name "pscompat-no-such-process". Verify the process name and call the cmdlet again.

#### A wildcard that matches nothing is no error
# source: RetrieveMatchingProcessesByProcessName: !WildcardPattern.ContainsWildcardCharacters(pattern)
@(Get-Process -Name pscompat-no-such-process*).Count
## RESULT: [0]

#### A number given as a name suggests -Id
# source: RetrieveMatchingProcessesByProcessName: int.TryParse(pattern) -> RecommendIdTagForGivenName
Get-Process 2147483000
## ERRORS: Cannot find a process with the name "2147483000". Try running with -Id to search by Id of processes.

#### An id no process has is an error, and the others are still listed
# source: RetrieveMatchingProcessesById; ProcessResources.resx NoProcessFoundForGivenId
(Get-Process -Id 2147483000, $PID).Id -eq $PID
## STDOUT:
True
## END
## ERRORS: Cannot find a process with the process identifier 2147483000.

#### Stop-Process reports an id no process has
# source: StopProcessCommand uses ProcessBaseCommand.MatchingProcesses
Stop-Process -Id 2147483000
## ERRORS: Cannot find a process with the process identifier 2147483000.

#### Stop-Process reports a name no process has
Stop-Process -Name pscompat-no-such-process
## ERRORS: Cannot find a process with the name "pscompat-no-such-process". Verify the process name and call the cmdlet again.

#### gps and spps are the aliases on every platform
# source: InitialSessionState.cs BuiltInAliases (ps and kill only under #if !UNIX)
(Get-Alias gps).Definition
(Get-Alias spps).Definition
## RESULT: ["Get-Process", "Stop-Process"]
