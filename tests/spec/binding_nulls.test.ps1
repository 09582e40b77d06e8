# Mandatory parameters of built-in cmdlets refuse $null and '' unless the cmdlet declares
# [AllowNull()] / [AllowEmptyString()] (ParameterBinderBase; the attributes are on each cmdlet's
# parameter in PowerShell/PowerShell src/Microsoft.PowerShell.Commands.*).

#### Invoke-Expression refuses $null and an empty string
# source: InvokeExpressionCommand.cs: [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)] string Command (no AllowNull/AllowEmptyString); found by python -m fuzz
Invoke-Expression $null
Invoke-Expression ''
'after'
## ERRORS: Cannot bind argument to parameter 'Command' because it is null. | Cannot bind argument to parameter 'Command' because it is an empty string.

#### Split-Path and Join-Path refuse an empty or null path, piped or not
# source: ParsePathCommand.cs / CombinePathCommand.cs: Mandatory, ValueFromPipeline string[] Path without Allow* attributes
Split-Path ''
$null | Split-Path
Join-Path $null 'a'
## ERRORS: Cannot bind argument to parameter 'Path' because it is an empty string. | Cannot bind argument to parameter 'Path' because it is null. | Cannot bind argument to parameter 'Path' because it is null.

#### Write-Output, Write-Information and ConvertTo-Json take $null
# source: Write-Object.cs [AllowNull] InputObject; Write.cs [AllowNull] MessageData; ConvertToJsonCommand.cs [AllowNull] InputObject
(Write-Output $null) -eq $null
Write-Information $null
ConvertTo-Json $null
## STDOUT:
True
null
## END

#### Write-Verbose and Write-Warning take an empty string but not $null
# source: Write.cs: [AllowEmptyString] Message on WriteDebug/WriteVerbose/WriteWarning
Write-Warning ''
Write-Verbose $null
## ERRORS: Cannot bind argument to parameter 'Message' because it is null.

#### Test-Path: a blank path is False, a null one an error
# source: TestPathCommand.cs (7.4): [AllowNull][AllowEmptyCollection][AllowEmptyString] Path; ProcessRecord writes false for IsNullOrWhiteSpace and NullPathNotPermitted for null
Test-Path ''
Test-Path ' '
Test-Path $null
'/', '' | Test-Path
## RESULT: [false, false, true, false]
## ERRORS: The provided Path argument was null or an empty collection.

#### ValidateNotNullOrEmpty: a collection has its own message
# source: Attributes.cs ValidateNotNullOrAttributeBase.Validate (a collection that is empty or holds a null or '' element: ValidateNotNullOrEmptyCollectionFailure; a null or '' scalar: ValidateNotNullOrEmptyFailure); Metadata.resx
function f { param([ValidateNotNullOrEmpty()][string[]]$n, [ValidateNotNullOrEmpty()][string]$s) 'ran' }
f -n 'a', ''
f -n @()
f -s ''
f -n 'a' -s 'b'
## RESULT: ["ran"]
## ERRORS: Cannot validate argument on parameter 'n'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again. | Cannot validate argument on parameter 'n'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again. | Cannot validate argument on parameter 's'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.
