# Start-Process on Linux.  Sources: PowerShell/PowerShell
# src/Microsoft.PowerShell.Commands.Management/commands/management/Process.cs (StartProcessCommand:
# PassThru written before the wait, the redirection checks), resources/ProcessResources.resx, and
# .NET's Process (ExitCode, WaitForExit, ParseArgumentsIntoList on Unix).

#### -Wait -PassThru gives the exited process and its exit code
# source: StartProcessCommand.BeginProcessing: WriteObject(process) then WaitForExitAsync; Process.ExitCode
$p = Start-Process sh -ArgumentList '-c', '"exit 3"' -PassThru -Wait
$p.HasExited
$p.ExitCode
## RESULT: [true, 3]

#### The argument list is one command line, split again by .NET's rules
# source: StartProcessCommand: startInfo.Arguments = string.Join(' ', ArgumentList); .NET splits on spaces outside double quotes
Start-Process printf -ArgumentList '"[%s]"', 'a b', '"c d"' -RedirectStandardOutput out.txt -Wait
Get-Content out.txt
## RESULT: ["[a][b][c d]"]

#### Redirecting two streams to one file is refused
# source: ProcessResources.resx DuplicateEntry; Process.cs (RedirectStandardOutput vs RedirectStandardError)
try { Start-Process echo -RedirectStandardOutput a.txt -RedirectStandardError a.txt } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
## RESULT: ["This command cannot be run because \"RedirectStandardOutput\" and \"RedirectStandardError\" are same. Give different inputs and Run your command again.", "InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand"]

#### A program that does not exist
# source: ProcessResources.resx InvalidStartProcess ("This command cannot be run due to the error: {0}") with .NET's Win32Exception text on Unix
try { Start-Process no-such-program-here } catch { $_.Exception.Message -like "This command cannot be run due to the error: An error occurred trying to start process 'no-such-program-here' with working directory '*'. No such file or directory" }
## RESULT: [true]

#### WaitForExit() is void; WaitForExit(ms) says whether the process ended in time
# source: System.Diagnostics.Process.WaitForExit() returns void, WaitForExit(int) returns bool
$p = Start-Process sleep 5 -PassThru
$p.WaitForExit(10)
$p.Kill()
$p.WaitForExit()
$p.HasExited
## RESULT: [false, true]

#### -Environment adds to the inherited environment; $null removes a variable
# source: StartProcessCommand -Environment (PowerShell 7.4): $null values remove the variable
$env:PSCOMPAT_SP_KEEP = 'kept'
Start-Process sh -ArgumentList '-c', '"echo $PSCOMPAT_SP_NEW-$PSCOMPAT_SP_KEEP-${HOME:+home}"' -Environment @{ PSCOMPAT_SP_NEW = 'new'; HOME = $null } -RedirectStandardOutput env.txt -Wait
Get-Content env.txt
## RESULT: ["new-kept-"]
