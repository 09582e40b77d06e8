# Values and semantics that PowerShell's own tests (the yardstick, docs/pwsh-tests.md) found wrong.
# Each case names the test file and It block of PowerShell/PowerShell it comes from.

#### exit in a clean block ends only the clean block
# source: test/powershell/Language/Scripting/PipelineBehaviour.Tests.ps1 ("ExitException within 'Clean' block will not be propagated up")
function test { end {} clean { Write-Warning 'hit'; exit; Write-Warning 'more' } }
test 3>&1 | ForEach-Object { "$_" }
'after'
## RESULT: ["hit", "after"]

#### -WarningVariable of a script block collects its clean block's warnings
# source: test/powershell/Language/Scripting/PipelineBehaviour.Tests.ps1 ("'Clean' block runs when '<BlockName>' runs")
$s = { [CmdletBinding()]param() end { 'output' } clean { Write-Warning 'clean-warning' } }
& $s -WarningVariable wv 3>$null
"$wv"
## RESULT: ["output", "clean-warning"]

#### a clean block's warning is merged by 3>&1, after the end block's output
# source: test/powershell/Language/Scripting/PipelineBehaviour.Tests.ps1 ("passes output for begin, then process, then end, then clean")
& { clean { Write-Warning 'clean-warning' } process { 'PROCESS' } begin { 'BEGIN' } end { 'END' } } 3>&1 | ForEach-Object { "$_" }
## RESULT: ["BEGIN", "PROCESS", "END", "clean-warning"]

#### -InformationVariable of an advanced function
# source: test/powershell/Language/Scripting/PipelineBehaviour.Tests.ps1 ("Other streams can be captured from 'Clean' block")
function test { [CmdletBinding()] param() end {} clean { Write-Information 'clean-information' } }
test -InformationVariable iv
"$iv"
## RESULT: ["clean-information"]

#### a redirection's file name takes a backslash for the separator
# source: test/powershell/Language/Scripting/PipelineBehaviour.Tests.ps1 ($filePath = "$TestDrive\output.txt")
$dir = Join-Path ([IO.Path]::GetTempPath()) "psc-redir-$PID"
$null = New-Item -ItemType Directory $dir -Force
'text' > "$dir\out.txt"
Get-Content (Join-Path $dir out.txt)
Remove-Item $dir -Recurse
## RESULT: ["text"]

#### a command's arguments see the $? the statement before left
# source: test/powershell/Language/Scripting/DollarHook.Tests.ps1 ("Sets $? for case 'Write-Error "Bad"; Hook $?; Hook $?'")
function Hook { param([Parameter(Position = 0)][bool]$Value) $Value }
Write-Error 'Bad' 2>$null
Hook $?
Hook $?
## RESULT: [false, true]

#### $? after @( ) and $( ) statements is their last pipeline's, or True when empty
# source: test/powershell/Language/Scripting/DollarHook.Tests.ps1 ("Sets $? for case '@("Hi"; Write-Error "Bad"); Hook $?; Hook $?'")
function Hook { param([Parameter(Position = 0)][bool]$Value) $Value }
@('Hi'; Write-Error 'Bad') 2>$null | Out-Null
@('Hi'; Write-Error 'Bad' 2>$null)
Hook $?
@(Write-Error 'Bad' 2>$null; 'Hi')
Hook $?
Write-Error 'Bad' 2>$null
$()
Hook $?
Write-Error 'Bad' 2>$null
@(trap { continue })
Hook $?
## RESULT: ["Hi", false, "Hi", true, true, true]

#### a redirection to a missing folder is Out-File's error, and the script goes on
# source: test/powershell/Language/Scripting/DollarHook.Tests.ps1 (redirection to TESTDRIVE:\out.txt); OutFileCommand's FileOpenFailure
try { 'b' > /no-such-folder-psc/out.txt } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
'after'
## RESULT: ["FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand", "Could not find a part of the path '/no-such-folder-psc/out.txt'.", "after"]
