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

#### [ErrorRecord]::new, and $PSCmdlet.WriteError names the function in the error id
# source: test/powershell/Language/Operators/PipelineChainOperator.Tests.ps1 (Test-NonTerminatingError: ThrownError 'NTERROR,Test-NonTerminatingError')
function Test-Fail {
    [CmdletBinding()] param()
    $exception = [System.Exception]::new('NTERROR')
    $record = [System.Management.Automation.ErrorRecord]::new($exception, 'NTERROR', [System.Management.Automation.ErrorCategory]::NotSpecified, $null)
    $PSCmdlet.WriteError($record)
}
try { Test-Fail -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message; $_.Exception.GetType().FullName }
## RESULT: ["NTERROR,Test-Fail", "NTERROR", "System.Exception"]

#### $PSCmdlet.ThrowTerminatingError keeps the record's exception type
# source: test/powershell/Language/Scripting/CleanBlockErrorHandling.Tests.ps1 (ErrorInEnd -ThrowTerminatingError)
function Test-Throw {
    [CmdletBinding()] param()
    $ex = [System.ArgumentException]::new('terminating-exception')
    $er = [System.Management.Automation.ErrorRecord]::new($ex, 'ThrowTerminatingError:error', 'InvalidArgument', $null)
    $PSCmdlet.ThrowTerminatingError($er)
}
try { Test-Throw } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; "$($_.CategoryInfo.Category)" }
## RESULT: ["ThrowTerminatingError:error,Test-Throw", "System.ArgumentException", "InvalidArgument"]

#### $? after a function: False when it wrote an error itself, not for errors of the commands inside it
# source: test/powershell/Language/Scripting/CleanBlockErrorHandling.Tests.ps1 ("Track the $? behavior for non-terminating errors within 'Clean' and 'End' blocks")
function Inner { Write-Error 'inner' }
function Own {
    [CmdletBinding()] param()
    $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new([Exception]::new('own'), 'Own', 'NotSpecified', $null))
}
function Expression { 1 / 0 }
Inner 2>$null; $?
Own 2>$null; $?
Expression 2>$null; $?
Own 2>$null || 'fallback'
## RESULT: [true, false, true, "fallback"]

#### a filter's parameter named $input keeps its bound value
# source: test/powershell/Language/Operators/PipelineChainOperator.Tests.ps1 (filter Test-NonTerminatingError)
filter Test-Input { [CmdletBinding()] param([Parameter(ValueFromPipeline)][object[]]$input) if ($input -ne 2) { return $input } }
1, 2, 3 | Test-Input
## RESULT: [1, 3]

#### exit in a script file ends that script only and sets $LASTEXITCODE and $?
# source: test/powershell/Language/Scripting/PipelineBehaviour.Tests.ps1 ("Exit from a script file works the same in 'Clean' block")
$file = Join-Path ([IO.Path]::GetTempPath()) "psc-exit-$PID.ps1"
Set-Content $file -Value 'param($code) "in script"; exit $code; "not reached"'
& $file 3
$?
$LASTEXITCODE
& $file 0
$?
Remove-Item $file
## RESULT: ["in script", false, 3, "in script", true]

#### ConvertTo-Json writes a Guid and a Uri as strings
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/ConvertTo-Json.Tests.ps1 ("Should serialize hashtable with Guid value correctly via Pipeline and InputObject", "Should serialize Uri <Description> correctly via Pipeline and InputObject")
@{ guid = [Guid]'12345678-1234-1234-1234-123456789abc' } | ConvertTo-Json -Compress
[Uri]'https://example.com/search?q=test' | ConvertTo-Json -Compress
## RESULT: ["{\"guid\":\"12345678-1234-1234-1234-123456789abc\"}", "\"https://example.com/search?q=test\""]

#### $null cast to a sized integer type is a zero of that type
# source: test/powershell/Language/Scripting/Conversions.Tests.ps1 ("should correctly convert $null to <Type> as <ExpectedResult>")
($null -as [sbyte]).GetType().Name
([byte]$null).GetType().Name
([ulong]$null).GetType().Name
## RESULT: ["SByte", "Byte", "UInt64"]

#### parameter binding errors carry their exception types
# source: test/powershell/Language/Scripting/ParameterBinding.Tests.ps1 ("Should throw a exception when passing a string that can't be parsed by Int")
function test-singleintparameter { [CmdletBinding()] param([int]$Parameter1 = 0) $Parameter1 }
try { test-singleintparameter -Parameter1 'exampleInvalidParam' } catch {
    "$($_.CategoryInfo.Category)"
    $_.CategoryInfo.Reason
    $_.Exception -is [System.Management.Automation.ParameterBindingException]
}
try { test-singleintparameter -Parameter1 'x' } catch [System.Management.Automation.ParameterBindingException] { 'caught by type' }
## RESULT: ["InvalidData", "ParameterBindingArgumentTransformationException", true, "caught by type"]

#### a mandatory [string] parameter given $null reports an empty string
# source: test/powershell/Language/Scripting/ParameterBinding.Tests.ps1 ("a mandatory parameter can't be passed a null if it doesn't have AllowNullAttribute")
function test-allownull { [CmdletBinding()] param([Parameter(Mandatory = $true)] [string]$Parameter3) $Parameter3 }
try { test-allownull -Parameter3 $null } catch { $_.FullyQualifiedErrorId; "$($_.CategoryInfo.Reason)" }
## RESULT: ["ParameterArgumentValidationErrorEmptyStringNotAllowed,test-allownull", "ParameterBindingValidationException"]

#### two parameters at the same position cannot bind a positional argument
# source: test/powershell/Language/Scripting/ParameterBinding.Tests.ps1 ("Should throw a parameter binding exception when two parameters have the same position")
function test-PositionalBinding1 { [CmdletBinding()] param([Parameter(Position = 0)] [int]$Parameter1 = 0, [Parameter(Position = 0)] [int]$Parameter2 = 0) $true }
try { test-PositionalBinding1 1 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
test-PositionalBinding1 -Parameter1 1
## RESULT: ["AmbiguousPositionalParameterNoName,test-PositionalBinding1", "Cannot bind positional parameters because no names were given.", true]

#### constant automatic variables cannot be assigned
# source: test/powershell/Language/Parser/LanguageAndParser.TestFollowup.Tests.ps1 ("Assign readonly/constant variables w/o type constraint - '<name>'")
foreach ($sb in { $? = 1 }, { $HOME = 1 }, { [datetime]$PID = 1 }) {
    try { & $sb } catch { $_.FullyQualifiedErrorId }
    try { . $sb } catch { $_.FullyQualifiedErrorId }
}
## RESULT: ["VariableNotWritable", "VariableNotWritable", "VariableNotWritable", "VariableNotWritable", "VariableNotWritable", "VariableNotWritable"]

#### Invoke-Expression's parse errors name the command in their error id
# source: test/powershell/Language/Operators/PipelineChainOperator.Tests.ps1 ("Recognises invalid assignment"); ComparisonOperator.Tests.ps1 (TypeNotFound)
try { Invoke-Expression -Command '$x = $x, $y += $z = 1' } catch { $_.FullyQualifiedErrorId }
try { Invoke-Expression '[NoSuchTypeHere]::Member' } catch { $_.FullyQualifiedErrorId }
## RESULT: ["InvalidLeftHandSide,Microsoft.PowerShell.Commands.InvokeExpressionCommand", "TypeNotFound,Microsoft.PowerShell.Commands.InvokeExpressionCommand"]
