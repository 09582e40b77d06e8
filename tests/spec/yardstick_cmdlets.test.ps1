# Commands added for PowerShell's own test suite (docs/pwsh-tests.md).  Sources: PowerShell/PowerShell
# test/powershell/Modules/Microsoft.PowerShell.Utility/Get-SecureRandom.Tests.ps1 and Get-Random.Tests.ps1,
# src/Microsoft.PowerShell.Commands.Utility/commands/utility/GetRandomCommandBase.cs.

#### Get-SecureRandom: the bounds' types pick Int32, Int64 or Double
# source: Get-SecureRandom.Tests.ps1 $testData (Type column)
(Get-SecureRandom -Maximum 100 -Minimum -100).GetType().Name
(Get-SecureRandom -Maximum ([int64]100)).GetType().Name
(Get-SecureRandom -Maximum '+100' -Minimum ([int64]0)).GetType().Name
(Get-SecureRandom -Maximum 100000000000).GetType().Name
(Get-SecureRandom -Maximum 8 -Minimum 5.0).GetType().Name
(Get-SecureRandom -Maximum '20.' -Minimum 0.0).GetType().Name
## RESULT: ["Int32", "Int64", "Int64", "Int64", "Double", "Double"]

#### Get-SecureRandom: string bounds are number literals with multipliers
# source: Get-SecureRandom.Tests.ps1 'max set to 1tb, min set to 10 mb', 'maximum set to kb'
$r = Get-SecureRandom -Maximum '1tb' -Minimum '10mb'
$r -ge 10485760 -and $r -lt 1099511627776
$k = Get-SecureRandom -Maximum '1kb' -Minimum 1023
$k
## RESULT: [true, 1023]

#### Get-SecureRandom: Minimum not below Maximum is MinGreaterThanOrEqualMax
# source: Get-SecureRandom.Tests.ps1 $testDataForError; GetRandomCommandStrings.resx MinGreaterThanOrEqualMax
try { Get-SecureRandom -Minimum 20 -Maximum 20 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Get-SecureRandom -Maximum -10 } catch { $_.FullyQualifiedErrorId }
## RESULT: ["MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetSecureRandomCommand", "The Minimum value (20) cannot be greater than or equal to the Maximum value (20).", "MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetSecureRandomCommand"]

#### Get-SecureRandom: -Count items of a list, no more than it has; -Shuffle returns all
# source: Get-SecureRandom.Tests.ps1 'Should return all the numbers for array of 1,2,3,5,8,13 in no particular order'
(Get-SecureRandom -InputObject 1, 2, 3, 5, 8, 13 -Count 3).Count
$all = Get-SecureRandom -InputObject 1, 2, 3, 5, 8, 13 -Count ([int]::MaxValue)
$all.Count
($all | Sort-Object) -join ','
((Get-SecureRandom -InputObject 1, 2, 3, 5, 8, 13 -Shuffle) | Sort-Object) -join ','
(Get-SecureRandom -InputObject 1, 2, 3 -Shuffle:$false).Count
## RESULT: [3, 6, "1,2,3,5,8,13", "1,2,3,5,8,13", 1]

#### Get-SecureRandom: an array given to -Maximum and piped input are lists to choose from
# source: GetRandomCommandBase.cs EffectiveParameterSet (Maximum holding an array; ExpectingInput)
(Get-SecureRandom 7, 7, 7)
(7, 7 | Get-SecureRandom -Count 5).Count
## RESULT: [7, 2]

#### Get-SecureRandom has no -SetSeed; Get-Random -SetSeed repeats the session's sequence
# source: Get-SecureRandom.Tests.ps1 'Should not have a -SetSeed parameter'; Get-Random.Tests.ps1 SetSeed tests
$null -eq (Get-Command Get-SecureRandom).Parameters['SetSeed']
$a = Get-Random -SetSeed 42; $b = Get-Random
$c = Get-Random -SetSeed 42; $d = Get-Random
$a -eq $c -and $b -eq $d
## RESULT: [true, true]

#### A hex literal wider than 64 bits fails
# source: Get-SecureRandom.Tests.ps1 'Should throw an error because the hexadecimal number is to large'
try { Get-SecureRandom 0x07FFFFFFFFFFFFFFFF } catch { $_.Exception.Message }
## RESULT: ["Value was either too large or too small for a UInt32."]
