# Object, data and utility cmdlet cases.  Sources: PowerShell-Docs reference/7.5 cmdlet pages
# (Examples sections) and PowerShell's Pester tests (test/powershell/Modules/...), named per case.

#### Group-Object -CaseSensitive
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Group-Object.Tests.ps1
$results = 'aA', 'aA', 'AA', 'AA' | Group-Object -CaseSensitive
$results.Count
$results.Name
$results[0].Group
$results[1].Group
## RESULT: [2, "aA", "AA", "aA", "aA", "AA", "AA"]

#### Group-Object -NoElement leaves Group empty
# source: Group-Object.Tests.ps1 "NoElement switch"
$g = 'a', 'b', 'a' | Group-Object -NoElement
$g.Count
$null -eq $g[0].Group -or $g[0].Group.Count -eq 0
$g | ForEach-Object { "$($_.Name)=$($_.Count)" }
## RESULT: [2, true, "a=2", "b=1"]

#### Group-Object -AsHashTable retrieves objects by key
# source: Group-Object.Tests.ps1 "retrieve objects by key when using -AsHashTable"
$testObject = [pscustomobject] @{a="one"; b=2}, [pscustomobject] @{a="two"; b=10}
$result = $testObject | Group-Object -AsHashtable -Property a
$result.one.b
$result["two"].b
## RESULT: [2, 10]

#### Group-Object script block key -AsHashTable
# source: Group-Object.Tests.ps1 "User's scenario should work (issue #6933)"
$result = 1..9 | ForEach-Object {[PSCustomObject]@{ErrorMessage = if ($_ % 2) {'SomeError'} else {''}}} |
    Group-Object -Property {if ($_.ErrorMessage) {'Failed'} else {'Successful'}} -AsHashTable
$result['Failed'].ErrorMessage.Count
$result['Failed'].ErrorMessage[0]
$result['Successful'].ErrorMessage.Count
$result['Successful'].ErrorMessage[0]
## RESULT: [5, "SomeError", 4, ""]

#### Group-Object empty NoteProperty
# source: Group-Object.Tests.ps1 "Should understand empty NoteProperty"
$result = "dummy" | Select-Object -Property @{Name = 'X'; Expression = {}} | Group-Object X
$result.Count
$result[0].Name
"$($result[0].Group)"
## RESULT: [1, "", "@{X=}"]

#### Group-Object -AsHashTable -CaseSensitive keeps capitonyms apart
# source: Group-Object.Tests.ps1 "should not throw a key duplication error with -CaseSensitive -AsHashtable"
$capitonyms = @([PSCustomObject]@{ Capitonym = 'Bill' }, [PSCustomObject]@{ Capitonym = 'bill' })
$Result = $capitonyms | Group-Object -Property Capitonym -AsHashTable -CaseSensitive
$Result.Count
$Result.Keys | Sort-Object -CaseSensitive
## RESULT: [2, "bill", "Bill"]

#### Group-Object -AsString without -AsHashTable throws
# source: Group-Object.Tests.ps1 "Should throw when attempting to use AsString without AsHashTable"
1, 2 | Group-Object -AsString
## ERRORS: The command cannot be run because the AsString parameter requires that you specify the AsHashtable parameter.

#### Group-Object numbers by parity
# source: Group-Object docs Example 5 style (script block key)
1..10 | Group-Object -Property {$_ % 2} | ForEach-Object { "$($_.Name): $($_.Group -join ',')" }
## RESULT: ["0: 2,4,6,8,10", "1: 1,3,5,7,9"]

#### Group-Object Values property
# source: Group-Object docs (GroupInfo.Values)
$g = [pscustomobject]@{A=1;B='x'}, [pscustomobject]@{A=1;B='x'}, [pscustomobject]@{A=2;B='y'} | Group-Object A, B
$g.Count
$g[0].Name
$g[0].Values
$g[1].Count
## RESULT: [2, "1, x", 1, "x", 1]

#### Sort-Object -Unique
# source: Sort-Object docs Example (sort -Unique)
'b', 'a', 'c', 'a', 'B' | Sort-Object -Unique
## RESULT: ["a", "b", "c"]

#### Sort-Object -Top and -Bottom
# source: Sort-Object docs, -Top / -Bottom parameters
$n = 5, 3, 9, 1, 7
$n | Sort-Object -Top 2
$n | Sort-Object -Bottom 2
$n | Sort-Object -Top 2 -Descending
## RESULT: [1, 3, 7, 9, 9, 7]

#### Sort-Object hashtable keys with mixed directions
# source: Sort-Object docs Example 4 (@{Expression=...; Descending=$true})
$o = @([pscustomobject]@{S='Stopped';N='b'}, [pscustomobject]@{S='Running';N='c'},
       [pscustomobject]@{S='Running';N='a'}, [pscustomobject]@{S='Stopped';N='a'})
$o | Sort-Object -Property @{Expression = "S"; Descending = $true}, @{Expression = "N"; Descending = $false} |
    ForEach-Object { "$($_.S)/$($_.N)" }
## RESULT: ["Stopped/a", "Stopped/b", "Running/a", "Running/c"]

#### Sort-Object strings case-insensitively, lowercase first on ties
# source: Sort-Object docs -CaseSensitive
'b', 'B', 'a', 'A' | Sort-Object
'b', 'B', 'a', 'A' | Sort-Object -CaseSensitive
## RESULT: ["a", "A", "b", "B", "a", "A", "b", "B"]

#### Sort-Object by script block
# source: Sort-Object docs Example (sort by Length of name)
'ccc', 'a', 'bb' | Sort-Object { $_.Length }
## RESULT: ["a", "bb", "ccc"]

#### Sort-Object numeric strings sort as strings
# source: Sort-Object docs Example 7 ("Sort a string as integers")
'10', '9', '100' | Sort-Object
'10', '9', '100' | Sort-Object { [int]$_ }
## RESULT: ["10", "100", "9", "9", "10", "100"]

#### Sort-Object -Stable keeps input order among equals
# source: Sort-Object docs -Stable
$o = 1..6 | ForEach-Object { [pscustomobject]@{K = $_ % 2; V = $_} }
($o | Sort-Object K -Stable).V
## RESULT: [2, 4, 6, 1, 3, 5]

#### Sort-Object by DateTime descending
# source: Sort-Object docs (sort by a DateTime property)
$o = '2020-03-01', '2021-01-01', '2019-05-05' | ForEach-Object { [pscustomobject]@{D = [datetime]$_} }
($o | Sort-Object D -Descending | Select-Object -First 1).D.Year
## RESULT: [2021]

#### Sort-Object objects without the property sort last
# source: OrderObjectBase.cs (non-existing property values sort last)
$o = [pscustomobject]@{A=2}, [pscustomobject]@{B=1}, [pscustomobject]@{A=1}
($o | Sort-Object A | ForEach-Object { if ($_.A) { $_.A } else { 'none' } })
($o | Sort-Object A -Descending | ForEach-Object { if ($_.A) { $_.A } else { 'none' } })
## RESULT: [1, 2, "none", 2, 1, "none"]
