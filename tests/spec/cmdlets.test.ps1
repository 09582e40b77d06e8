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
#### Measure-Object sum average
# source: Measure-Object docs
$m = 1..10 | Measure-Object -Sum -Average -Maximum -Minimum
$m.Count; $m.Sum; $m.Average; $m.Maximum; $m.Minimum; $m.Property
## RESULT: [10, 55, 5.5, 10, 1, null]

#### Measure-Object -Line -Word -Character
# source: Measure-Object docs Example 3
"One", "Two three", "Four five six" | Measure-Object -Line -Character -Word | ForEach-Object { $_.Lines; $_.Words; $_.Characters }
## RESULT: [3, 6, 25]

#### Measure-Object -AllStats
# source: Measure-Object docs Example (AllStats)
$m = 1, 2, 3, 4 | Measure-Object -AllStats
$m.Count; $m.Sum; $m.Average; $m.Maximum; $m.Minimum; [math]::Round($m.StandardDeviation, 4)
## RESULT: [4, 10, 2.5, 4, 1, 1.291]

#### Measure-Object on strings -Maximum
# source: Measure-Object docs Example 5
$m = 'a', 'c', 'b' | Measure-Object -Maximum -Minimum
$m.Maximum; $m.Minimum
## RESULT: ["c", "a"]

#### Select-Object -First -Last -Skip
# source: Select-Object docs
1..10 | Select-Object -First 3
1..10 | Select-Object -Last 2
1..10 | Select-Object -Skip 8
1..10 | Select-Object -Index 1, 3
## RESULT: [1, 2, 3, 9, 10, 9, 10, 2, 4]

#### Select-Object -Unique
# source: Select-Object docs Example (-Unique)
"a","b","c","a","A","a" | Select-Object -Unique
## RESULT: ["a", "b", "c", "A"]

#### Select-Object -SkipLast
# source: Select-Object docs -SkipLast
1..5 | Select-Object -SkipLast 2
## RESULT: [1, 2, 3]

#### Select-Object -ExpandProperty
# source: Select-Object docs
[pscustomobject]@{Name='x'; Items=1,2,3} | Select-Object -ExpandProperty Items
## RESULT: [1, 2, 3]

#### Select-Object calculated property
# source: Select-Object docs Example / about_Calculated_Properties
$o = [pscustomobject]@{A=2} | Select-Object A, @{Name='Double'; Expression={$_.A * 2}}
$o.A; $o.Double; ($o.psobject.Properties.Name) -join ','
## RESULT: [2, 4, "A,Double"]

#### Select-Object with a missing property gives null
# source: Select-Object docs
$o = [pscustomobject]@{A=1} | Select-Object A, B
$null -eq $o.B; ($o.psobject.Properties.Name) -join ','
## RESULT: [true, "A,B"]

#### Select-Object -ExcludeProperty
# source: Select-Object docs -ExcludeProperty
$o = [pscustomobject]@{A=1;B=2;C=3} | Select-Object -Property * -ExcludeProperty B
($o.psobject.Properties.Name) -join ','
## RESULT: ["A,C"]

#### Select-Object -ExpandProperty with -Property adds note properties
# source: Select-Object docs Example (ExpandProperty + Property)
$o = [pscustomobject]@{Name='n'; Inner=[pscustomobject]@{X=1}} | Select-Object -Property Name -ExpandProperty Inner
$o.X; $o.Name
## RESULT: [1, "n"]

#### Where-Object comparison statement forms
# source: Where-Object docs
1..6 | Where-Object { $_ -gt 4 }
[pscustomobject]@{N='a'}, [pscustomobject]@{N='b'} | Where-Object N -eq 'b' | ForEach-Object N
## RESULT: [5, 6, "b"]

#### Where-Object property only truthiness
# source: Where-Object docs (Where-Object Name: property value truthy)
[pscustomobject]@{N='a';F=$true}, [pscustomobject]@{N='b';F=$false} | Where-Object F | ForEach-Object N
## RESULT: ["a"]

#### Where-Object -Not
# source: Where-Object docs -Not
[pscustomobject]@{N='a';F=$null}, [pscustomobject]@{N='b';F=1} | Where-Object -Not F | ForEach-Object N
## RESULT: ["a"]

#### Where-Object -In and -Contains
# source: Where-Object docs
1..5 | Where-Object -Property { $_ } -In 2,4 -ErrorAction Ignore
## RESULT: []

#### ForEach-Object -MemberName
# source: ForEach-Object docs Example (member name)
'a','b' | ForEach-Object ToUpper
'abc' | ForEach-Object -MemberName Split -ArgumentList 'b'
## RESULT: ["A", "B", "a", "c"]

#### ForEach-Object -Begin -Process -End
# source: ForEach-Object docs Example
1..3 | ForEach-Object -Begin { 'start' } -Process { $_ * 2 } -End { 'end' }
## RESULT: ["start", 2, 4, 6, "end"]

#### ForEach-Object multiple process blocks
# source: ForEach-Object docs Example 9 (positional begin/process/end)
1..2 | ForEach-Object { 'b' } { $_ } { 'e' }
## RESULT: ["b", 1, 2, "e"]

#### ForEach-Object property name
# source: ForEach-Object docs
[pscustomobject]@{N=1}, [pscustomobject]@{N=2} | ForEach-Object N
## RESULT: [1, 2]

#### Compare-Object side indicators
# source: Compare-Object docs Example
Compare-Object -ReferenceObject 'a','b','c' -DifferenceObject 'b','c','d' | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }
## RESULT: ["d=>", "a<="]

#### Compare-Object -IncludeEqual -ExcludeDifferent
# source: Compare-Object docs Example
Compare-Object 'a','b' 'b','c' -IncludeEqual -ExcludeDifferent | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }
## RESULT: ["b=="]

#### Compare-Object -PassThru
# source: Compare-Object docs Example 6
$r = Compare-Object 'a','b' 'b','c' -PassThru
$r
## RESULT: ["c", "a"]

#### Tee-Object -Variable
# source: Tee-Object docs
1..3 | Tee-Object -Variable t | ForEach-Object { $_ * 10 }
$t
## RESULT: [10, 20, 30, 1, 2, 3]

#### Get-Unique
# source: Get-Unique docs
1, 1, 2, 2, 3, 1 | Get-Unique
'a', 'A', 'b' | Get-Unique
'a', 'A', 'b' | Get-Unique -CaseInsensitive
## RESULT: [1, 2, 3, 1, "a", "A", "b", "a", "b"]

#### Add-Member NoteProperty and -PassThru
# source: Add-Member docs Example 1/2
$o = [pscustomobject]@{A=1}
$o | Add-Member -MemberType NoteProperty -Name B -Value 2
$o.B
($o | Add-Member -NotePropertyName C -NotePropertyValue 3 -PassThru).C
$o | Add-Member -NotePropertyMembers @{D=4}
$o.D
## RESULT: [2, 3, 4]

#### Add-Member existing member errors
# source: Add-Member.Tests.ps1
$o = [pscustomobject]@{A=1}
$o | Add-Member -NotePropertyName A -NotePropertyValue 2
$o.A
## ERRORS: Cannot add a member with the name "A" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.

#### Add-Member -Force overwrites
# source: Add-Member docs -Force
$o = [pscustomobject]@{A=1}
$o | Add-Member -NotePropertyName A -NotePropertyValue 2 -Force
$o.A
## RESULT: [2]
#### ConvertTo-Json object
# source: ConvertTo-Json docs
[pscustomobject]@{a=1; b='x'} | ConvertTo-Json
## RESULT: ["{\n  \"a\": 1,\n  \"b\": \"x\"\n}"]

#### ConvertTo-Json -Compress
# source: ConvertTo-Json docs Example 4 (-Compress)
[ordered]@{Account="User01";Domain="Domain01";Admin="True"} | ConvertTo-Json -Compress
## RESULT: ["{\"Account\":\"User01\",\"Domain\":\"Domain01\",\"Admin\":\"True\"}"]

#### ConvertTo-Json pipeline input becomes an array
# source: ConvertTo-Json docs
1, 2 | ConvertTo-Json -Compress
ConvertTo-Json -InputObject 1
1 | ConvertTo-Json -AsArray -Compress
## RESULT: ["[1,2]", "1", "[1]"]

#### ConvertTo-Json null, bool, string escapes
# source: ConvertTo-Json.Tests.ps1
$null | ConvertTo-Json
$true | ConvertTo-Json
"a`"b\c`n" | ConvertTo-Json
## RESULT: ["null", "true", "\"a\\\"b\\\\c\\n\""]

#### ConvertTo-Json -EscapeHandling EscapeHtml
# source: ConvertTo-Json docs -EscapeHandling
'<a>' | ConvertTo-Json
'<a>' | ConvertTo-Json -EscapeHandling EscapeHtml
## RESULT: ["\"<a>\"", "\"\\u003ca\\u003e\""]

#### ConvertTo-Json DateTime
# source: ConvertTo-Json docs (DateTime as ISO 8601)
[datetime]::new(2020, 1, 2, 3, 4, 5) | ConvertTo-Json
## RESULT: ["\"2020-01-02T03:04:05\""]

#### ConvertTo-Json nested array
# source: ConvertTo-Json docs
@{a=@(1,2)} | ConvertTo-Json -Compress
## RESULT: ["{\"a\":[1,2]}"]

#### ConvertTo-Json depth truncation warning
# source: ConvertTo-Json docs -Depth (default 2); JsonObject.cs
$o = @{a=@{b=@{c=@{d=1}}}}
$o | ConvertTo-Json -Compress -WarningAction SilentlyContinue
## RESULT: ["{\"a\":{\"b\":{\"c\":\"System.Collections.Hashtable\"}}}"]

#### ConvertTo-Json -Depth
# source: ConvertTo-Json docs -Depth
@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress -Depth 5
## RESULT: ["{\"a\":{\"b\":{\"c\":{\"d\":1}}}}"]

#### ConvertTo-Json -EnumsAsStrings
# source: ConvertTo-Json docs -EnumsAsStrings
[DayOfWeek]::Monday | ConvertTo-Json
[DayOfWeek]::Monday | ConvertTo-Json -EnumsAsStrings
## RESULT: ["1", "\"Monday\""]

#### ConvertFrom-Json object
# source: ConvertFrom-Json docs
$o = '{ "a": 1, "b": [1, 2], "c": { "d": "x" }, "e": null, "f": 1.5 }' | ConvertFrom-Json
$o.a; $o.b.Count; $o.c.d; $null -eq $o.e; $o.f; $o.a.GetType().Name; $o.GetType().Name
## RESULT: [1, 2, "x", true, 1.5, "Int64", "PSCustomObject"]

#### ConvertFrom-Json array enumerates unless -NoEnumerate
# source: ConvertFrom-Json docs -NoEnumerate
('[1,2,3]' | ConvertFrom-Json).Count
'[1,2,3]' | ConvertFrom-Json | ForEach-Object { $_ * 2 }
('[1,2,3]' | ConvertFrom-Json -NoEnumerate | Measure-Object).Count
## RESULT: [3, 2, 4, 6, 1]

#### ConvertFrom-Json -AsHashtable
# source: ConvertFrom-Json docs Example (-AsHashtable)
$h = '{ "a": 1, "A": 2 }' | ConvertFrom-Json -AsHashtable
$h.Count; $h['a']; $h['A']
## RESULT: [2, 1, 2]

#### ConvertFrom-Json duplicate keys differing in case
# source: ConvertFrom-Json.Tests.ps1 (keys that differ only in case need -AsHashtable)
'{ "a": 1, "A": 2 }' | ConvertFrom-Json
## ERRORS: Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key 'a' was 'A'.

#### ConvertFrom-Json dates
# source: ConvertFrom-Json docs (ISO dates become DateTime)
('{ "d": "2020-01-02T03:04:05" }' | ConvertFrom-Json).d.GetType().Name
## RESULT: ["DateTime"]

#### ConvertFrom-Json multi-line string from pipeline
# source: ConvertFrom-Json docs (Get-Content lines joined)
$lines = '{', '"a": 5', '}'
($lines | ConvertFrom-Json).a
## RESULT: [5]

#### ConvertTo-Csv
# source: ConvertTo-Csv docs Example 1
[pscustomobject]@{a=1; b='x'} | ConvertTo-Csv
## RESULT: ["\"a\",\"b\"", "\"1\",\"x\""]

#### ConvertTo-Csv -NoHeader and -UseQuotes
# source: ConvertTo-Csv docs -UseQuotes / -NoHeader
$o = [pscustomobject]@{a=1; b='x,y'}
$o | ConvertTo-Csv -UseQuotes AsNeeded
$o | ConvertTo-Csv -UseQuotes Never -NoHeader
$o | ConvertTo-Csv -QuoteFields b
## RESULT: ["a,b", "1,\"x,y\"", "1,x,y", "a,\"b\"", "1,\"x,y\""]

#### ConvertTo-Csv -IncludeTypeInformation and -Delimiter
# source: ConvertTo-Csv docs
[pscustomobject]@{a=1; b=2} | ConvertTo-Csv -IncludeTypeInformation -Delimiter ';'
## RESULT: ["#TYPE System.Management.Automation.PSCustomObject", "\"a\";\"b\"", "\"1\";\"2\""]

#### ConvertTo-Csv quotes embedded quotes
# source: ConvertTo-Csv.Tests.ps1
[pscustomobject]@{a='say "hi"'} | ConvertTo-Csv
## RESULT: ["\"a\"", "\"say \"\"hi\"\"\""]

#### ConvertFrom-Csv
# source: ConvertFrom-Csv docs
$o = "a,b", "1,2", "3,4" | ConvertFrom-Csv
$o.Count; $o[1].b; $o[0].a.GetType().Name
## RESULT: [2, "4", "String"]

#### ConvertFrom-Csv -Header and -Delimiter
# source: ConvertFrom-Csv docs Example (-Header)
$o = "1;2", "3;4" | ConvertFrom-Csv -Delimiter ';' -Header X, Y
$o[0].X; $o[1].Y
## RESULT: ["1", "4"]

#### ConvertFrom-Csv missing values are null
# source: ConvertFrom-Csv docs (fewer values than headers)
$o = "a,b,c", "1" | ConvertFrom-Csv
$o.a; $null -eq $o.b
## RESULT: ["1", true]

#### ConvertFrom-Csv round trip of ConvertTo-Csv
# source: ConvertFrom-Csv docs Example 2
$o = [pscustomobject]@{Name='n, m'; Value='"q"'} | ConvertTo-Csv | ConvertFrom-Csv
$o.Name; $o.Value
## RESULT: ["n, m", "\"q\""]

#### Export-Csv and Import-Csv
# source: Export-Csv / Import-Csv docs
[pscustomobject]@{a=1; b='x'}, [pscustomobject]@{a=2; b='y'} | Export-Csv -Path t.csv
Get-Content t.csv
$i = Import-Csv t.csv
$i.Count; $i[1].b
## RESULT: ["\"a\",\"b\"", "\"1\",\"x\"", "\"2\",\"y\"", 2, "y"]

#### Export-Csv -Append
# source: Export-Csv docs Example (-Append)
[pscustomobject]@{a=1} | Export-Csv t.csv
[pscustomobject]@{a=2} | Export-Csv t.csv -Append
Get-Content t.csv
## RESULT: ["\"a\"", "\"1\"", "\"2\""]
#### Set-Content, Add-Content, Get-Content
# source: Set-Content / Add-Content / Get-Content docs
Set-Content -Path f.txt -Value 'one', 'two'
Add-Content -Path f.txt -Value 'three'
Get-Content f.txt
(Get-Content f.txt).Count
Get-Content f.txt -TotalCount 1
Get-Content f.txt -Tail 1
(Get-Content f.txt -Raw) -eq "one`ntwo`nthree`n"
## RESULT: ["one", "two", "three", 3, "one", "three", true]

#### Set-Content -NoNewline
# source: Set-Content docs -NoNewline
Set-Content f.txt -Value 'a', 'b' -NoNewline
Get-Content f.txt -Raw
## RESULT: ["ab"]

#### Get-Content -ReadCount 0 returns one array
# source: Get-Content docs -ReadCount
Set-Content f.txt 1, 2, 3
(Get-Content f.txt -ReadCount 0).Count
Get-Content f.txt -ReadCount 2 | ForEach-Object { $_.Count }
## RESULT: [3, 2, 1]

#### Get-Content -Delimiter
# source: Get-Content docs Example (-Delimiter)
Set-Content f.txt -Value 'a,b,c' -NoNewline
Get-Content f.txt -Delimiter ','
## RESULT: ["a,", "b,", "c"]

#### Get-Content missing file
# source: Get-Content docs
try { Get-Content nosuch.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().Name }
## RESULT: ["PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand", "ItemNotFoundException"]

#### Test-Path
# source: Test-Path docs
Set-Content f.txt x
Test-Path f.txt
Test-Path nosuch.txt
Test-Path f.txt -PathType Leaf
Test-Path f.txt -PathType Container
Test-Path . -PathType Container
## RESULT: [true, false, true, false, true]

#### Test-Path -IsValid
# source: Test-Path docs -IsValid
Test-Path -Path 'a/b/c.txt' -IsValid
## RESULT: [true]

#### Join-Path
# source: Join-Path docs (Linux separator)
Join-Path -Path a -ChildPath b
Join-Path a b c d
Join-Path -Path 'a/' -ChildPath '/b'
Join-Path a, b c
## RESULT: ["a/b", "a/b/c/d", "a/b", "a/c", "b/c"]

#### Split-Path
# source: Split-Path docs (Linux separator)
Split-Path -Path '/x/y/file.txt'
Split-Path -Path '/x/y/file.txt' -Leaf
Split-Path -Path '/x/y/file.txt' -LeafBase
Split-Path -Path '/x/y/file.txt' -Extension
Split-Path -Path '/x/y/file.txt' -Qualifier -ErrorAction SilentlyContinue
Split-Path -Path 'x/y' -IsAbsolute
Split-Path -Path '/x' -IsAbsolute
## RESULT: ["/x/y", "file.txt", "file", ".txt", false, true]

#### Get-Date components
# source: Get-Date docs
$d = Get-Date -Year 2024 -Month 2 -Day 29 -Hour 13 -Minute 5 -Second 7 -Millisecond 0
$d.Year; $d.Month; $d.Day; $d.DayOfWeek.ToString(); $d.DayOfYear
## RESULT: [2024, 2, 29, "Thursday", 60]

#### Get-Date -Format
# source: Get-Date docs Example 2 (-Format)
$d = Get-Date -Date '2024-02-29 13:05:07'
Get-Date -Date $d -Format 'yyyy-MM-dd HH:mm:ss'
Get-Date -Date $d -Format 'dddd MM/dd/yyyy HH:mm K'
Get-Date -Date $d -Format o
Get-Date -Date $d -UFormat '%Y/%m/%d'
## RESULT: ["2024-02-29 13:05:07", "Thursday 02/29/2024 13:05 ", "2024-02-29T13:05:07.0000000", "2024/02/29"]

#### Get-Date -DisplayHint Date returns a DateTime
# source: Get-Date docs
(Get-Date -Date '2020-01-01' -DisplayHint Date).GetType().Name
## RESULT: ["DateTime"]

#### Get-Random -SetSeed is repeatable; range bounds
# source: Get-Random docs -SetSeed / Get-Random.Tests.ps1
$a = Get-Random -SetSeed 42 -Maximum 1000
$b = Get-Random -SetSeed 42 -Maximum 1000
$a -eq $b
$r = 1..100 | ForEach-Object { Get-Random -Minimum 5 -Maximum 8 }
($r | Measure-Object -Minimum -Maximum | ForEach-Object { $_.Minimum -ge 5 -and $_.Maximum -lt 8 })
(1..10 | Get-Random -Count 10 | Sort-Object) -join ','
(1..10 | Get-Random -Shuffle).Count
## RESULT: [true, true, "1,2,3,4,5,6,7,8,9,10", 10]

#### Get-Random -Minimum greater than -Maximum
# source: Get-Random.Tests.ps1
Get-Random -Minimum 10 -Maximum 5
## ERRORS: The Minimum value (10) cannot be greater than or equal to the Maximum value (5).

#### Set-Variable and Get-Variable
# source: Set-Variable / Get-Variable docs
Set-Variable -Name v1 -Value 5
$v1
(Get-Variable v1).Value
Get-Variable v1 -ValueOnly
(Get-Variable -Name v* | Where-Object Name -eq v1).Name
## RESULT: [5, 5, 5, "v1"]

#### Get-Variable missing
# source: Get-Variable docs
Get-Variable nosuchvariable
## ERRORS: Cannot find a variable with the name 'nosuchvariable'.

#### Get-Alias
# source: Get-Alias docs
(Get-Alias -Name gci).Definition
(Get-Alias -Name where).Definition
(Get-Alias -Definition Sort-Object).Name
## RESULT: ["Get-ChildItem", "Where-Object", "sort"]

#### Get-Command
# source: Get-Command docs
(Get-Command Get-Date).Name
(Get-Command Get-Date).CommandType.ToString()
(Get-Command sort).CommandType.ToString()
function Test-Fn { }
(Get-Command Test-Fn).CommandType.ToString()
## RESULT: ["Get-Date", "Cmdlet", "Alias", "Function"]

#### Write-Output -NoEnumerate
# source: Write-Output docs Example 3
(Write-Output 1, 2, 3 | Measure-Object).Count
(Write-Output 1, 2, 3 -NoEnumerate | Measure-Object).Count
## RESULT: [3, 1]

#### New-Object -Property and -TypeName PSObject
# source: New-Object docs Example
$o = New-Object -TypeName PSObject -Property @{A=1}
$o.A
$l = New-Object System.Collections.Generic.List[int]
$l.Add(3); $l.Count
(New-Object -TypeName System.Text.StringBuilder).GetType().Name
## RESULT: [1, 1, "StringBuilder"]

#### Get-Member names
# source: Get-Member docs
$o = [pscustomobject]@{B=1; A='x'}
($o | Get-Member -MemberType NoteProperty).Name
($o | Get-Member -MemberType NoteProperty | Select-Object -First 1).Definition
($o | Get-Member)[0].TypeName
## RESULT: ["A", "B", "string A=x", "System.Management.Automation.PSCustomObject"]
#### Where-Object Pester: computers
# source: test/powershell/Modules/Microsoft.PowerShell.Core/Where-Object.Tests.ps1
$Computers = @(
    [PSCustomObject]@{ ComputerName = "SPC-1234"; IPAddress = "192.168.0.1"; NumberOfCores = 1; Drives = 'C','D' },
    [PSCustomObject]@{ ComputerName = "BGP-5678"; IPAddress = ""; NumberOfCores = 2; Drives = 'C','D','E' },
    [PSCustomObject]@{ ComputerName = "MGC-9101"; NumberOfCores = 3; Drives = 'C' }
)
@($Computers | Where-Object -Not 'IPAddress').Count
@($Computers | Where-Object -FilterScript {$true -ne $_.IPAddress}).Count
@($Computers | Where-Object 'IPAddress').Count
@($Computers | Where-Object -FilterScript {$true -eq $_.IPAddress}).Count
@($Computers | Where-Object Drives -contains 'D').Count
$Array = 'SPC-1234','BGP-5678'
@($Computers | Where-Object ComputerName -in $Array).Count
@($Computers | Where-Object NumberOfCores -ge 2).Count
@($Computers | Where-Object NumberOfCores -gt 2).Count
@($Computers | Where-Object NumberOfCores -le 2).Count
@($Computers | Where-Object NumberOfCores -lt 2).Count
@($Computers | Where-Object ComputerName -like 'MGC-9101').Count
@($Computers | Where-Object ComputerName -match '^MGC.+').Count
## RESULT: [2, 2, 1, 1, 2, 2, 2, 1, 2, 1, 1, 1]

#### Where-Object Prop -is $null
# source: Where-Object.Tests.ps1 "Where-Object Prop -is $null"
$NullTestData = @(
    [PSCustomObject]@{ Prop = $null }
    [PSCustomObject]@{ Prop = @() }
    [PSCustomObject]@{ Prop = @($null) }
    [PSCustomObject]@{ Prop = @('Some value') }
    [PSCustomObject]@{ Prop = @(1, $null, 2, $null, 3) }
)
@($NullTestData | Where-Object Prop -Is $null).Count
@($NullTestData | Where-Object Prop -IsNot $null).Count
@($NullTestData | Where-Object Prop -Is -Value:$null).Count
## RESULT: [1, 4, 1]

#### Where-Object NullProp -is $($null) is an error
# source: Where-Object.Tests.ps1 "Should cause an error when the right-hand side is a null value, but not a null literal"
$testObject = [pscustomobject]@{ NonNullProp = 'Hello'; NullProp = $null }
$testObject | Where-Object NullProp -Is $($null) -ErrorAction SilentlyContinue -ErrorVariable myError
$myError.FullyQualifiedErrorId
## RESULT: ["OperatorFailed,Microsoft.PowerShell.Commands.WhereObjectCommand"]
#### ForEach-Object runs in the caller's scope
# source: test/powershell/Modules/Microsoft.PowerShell.Core/ForEach-Object.Tests.ps1
$null = 1..2 | ForEach-Object { $bar = 100 }
Get-Variable -Name bar -Scope 0 -ValueOnly
$null = 1..2 | & ForEach-Object { $foo = "foo" }
$foo
## RESULT: [100, "foo"]

#### Select-Object employees: First/Last overlap, Unique
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Select-Object.Tests.ps1 "DRT basic functionality"
$employees = @(
    [pscustomobject]@{"FirstName" = "joseph"; "LastName" = "smith"; "YearsInMS" = 15 }
    [pscustomobject]@{"FirstName" = "paul"; "LastName" = "smith"; "YearsInMS" = 15 }
    [pscustomobject]@{"FirstName" = "mary"; "LastName" = "soe"; "YearsInMS" = 5 }
    [pscustomobject]@{"FirstName" = "edmund"; "LastName" = "bush"; "YearsInMS" = 9 }
)
($employees | Select-Object -Property "YearsInMS", "L*" -First 2 -Last 3).Count
$r = $employees | Select-Object -Property "YearsInMS", "L*" -First 2 -Last 1
$r.Count; $r[2].LastName
@($employees | Select-Object -Property "YearsInMS", "L*" -First 0).Count
@($employees | Select-Object -Property "YearsInMS", "L*" -Last 0).Count
$u = $employees | Select-Object -Property "YearsInMS", "L*" -Unique:$true
$u.Count; $u[0].LastName; $u[2].LastName
## RESULT: [4, 3, "bush", 0, 0, 3, "smith", "bush"]

#### Select-Object string property, null input, Skip/SkipLast/Index/SkipIndex
# source: Select-Object.Tests.ps1
("bar" | Select-Object -Prop foo | Measure-Object).Count
@($null | Select-Object -Property "FirstName", "YearsInMS", "FirstNa*").Count
"1", "2", "3" | Select-Object -Skip 1 -SkipLast 1
"1", "2", "3" | Select-Object -Index 2
"1", "2", "3" | Select-Object -SkipIndex 0, 2
(0..10 | Select-Object -SkipIndex 5, 6, 7, 8, 11) -join ','
## RESULT: [1, 0, "2", "3", "2", "0,1,2,3,4,9,10"]

#### Select-Object empty script block property
# source: Select-Object.Tests.ps1 "Select-Object with empty script block property should throw"
try { "bar" | Select-Object -Prop {} -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## RESULT: ["EmptyScriptBlockAndNoName,Microsoft.PowerShell.Commands.SelectObjectCommand"]

#### Select-Object -ExcludeProperty with implicit *
# source: Select-Object.Tests.ps1 "Select-Object with Property = '*'" (issues 2420, 2351)
$results = [pscustomobject]@{Thing = "thing1"; Param2 = "param2" } | Select-Object -ExcludeProperty Param2
$null -eq $results.Param2; $results.Thing
$null -eq $results.psobject.Properties.Item("*")
## RESULT: [true, "thing1", true]

#### Select-Object adds the Selected type name once
# source: Select-Object.Tests.ps1 "Select-Object add 'Selected.*' type only once"
$obj = [PSCustomObject]@{ Name = 1 }
$obj.psobject.TypeNames.Count
$obj = $obj | Select-Object
$obj.psobject.TypeNames.Count
$obj.psobject.TypeNames[0]
## RESULT: [2, 3, "Selected.System.Management.Automation.PSCustomObject"]

#### Select-Object hashtable entries and members
# source: Select-Object.Tests.ps1 "Select-Object behaviour with hashtable entries and actual members"
(@{ Entry = 100 } | Select-Object -Property Entry).Entry
@{ Entry = 100 } | Select-Object -ExpandProperty Entry
(@{ Value = 10 } | Select-Object -Property Keys).Keys
(@{ Keys = 10 } | Select-Object -Property Keys).Keys
@{ a = 10; b = 20; c = 30 } | Select-Object -ExpandProperty Count
## RESULT: [100, 100, "Value", 10, 3]

#### Select-Object -First stops upstream without an error
# source: Select-Object.Tests.ps1 "Should not leak 'StopUpstreamCommandsException'"
1, 2 | Select-Object -First 1 -ErrorVariable err
$null -eq $err -or $err.Count -eq 0
## RESULT: [1, true]
#### Sort-Object null property value sorts among values
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Sort-Object.Tests.ps1 "Sort-Object with object array should work"
$employee1 = [pscustomobject]@{"FirstName"="Eight"; "LastName"="Eight"; "YearsInMS"=8}
$employee2 = [pscustomobject]@{"FirstName"="Eight"; "YearsInMS"=$null}
$employee3 = [pscustomobject]@{"FirstName"="Minus"; "LastName"="Two"; "YearsInMS"=-2}
$employee4 = [pscustomobject]@{"FirstName"="One"; "LastName"="One"; "YearsInMS"=1}
$results = @($employee1,$employee2,$employee3,$employee4) | Sort-Object -Property YearsInMS
$results | ForEach-Object { "$($_.FirstName)$($_.YearsInMS)" }
## RESULT: ["Minus-2", "Eight", "One1", "Eight8"]

#### Sort-Object order entry keys against -Descending
# source: Sort-Object.Tests.ps1 "Non Conflicting / Conflicting / One Order Entry Key"
$e1 = [pscustomobject]@{"FirstName"="john"; "LastName"="smith"; "YearsInMS"=5}
$e2 = [pscustomobject]@{"FirstName"="joesph"; "LastName"="smith"; "YearsInMS"=15}
$e3 = [pscustomobject]@{"FirstName"="john"; "LastName"="smyth"; "YearsInMS"=2}
$employees = @($e1,$e2,$e3)
($employees | Sort-Object -Property @{"e"="YearsInMS"; "descending"=$false; "ascending"=$true} -Descending).YearsInMS -join ','
($employees | Sort-Object -Property @{"e"="YearsInMS"; "descending"=$false; "ascending"=$false} -Descending).YearsInMS -join ','
($employees | Sort-Object -Property @{"e"="YearsInMS"; "descending"=$false} -Descending).YearsInMS -join ','
## RESULT: ["2,5,15", "15,5,2", "2,5,15"]

#### Sort-Object -Unique case-insensitive and -CaseSensitive
# source: Sort-Object.Tests.ps1 "Non Case-Sensitive Unique" / "Case-Sensitive Unique"
$e1 = [pscustomobject]@{"FirstName"="john"; "LastName"="smith"; "YearsInMS"=5}
$e2 = [pscustomobject]@{"FirstName"="joesph"; "LastName"="smith"; "YearsInMS"=15}
$e3 = [pscustomobject]@{"FirstName"="john"; "LastName"="smyth"; "YearsInMS"=12}
$employees = @($e1,$e2,$e3)
$r = $employees | Sort-Object -Property "LastName" -Descending -Unique
$r.Count; $r[0].YearsInMS; $r[1].YearsInMS
($employees | Sort-Object -Property "LastName","FirstName" -Descending -Unique -CaseSensitive).YearsInMS -join ','
## RESULT: [2, 12, 15, "12,5,15"]

#### Sort-Object two order entry keys
# source: Sort-Object.Tests.ps1 "Two Order Entry Keys" / "-Descending:$false" / "asc=true"
$e1 = [pscustomobject]@{"FirstName"="john"; "LastName"="smith"; "YearsInMS"=5}
$e2 = [pscustomobject]@{"FirstName"="joesph"; "LastName"="smith"; "YearsInMS"=15}
$e3 = [pscustomobject]@{"FirstName"="john"; "LastName"="smyth"; "YearsInMS"=2}
$employees = @($e1,$e2,$e3)
($employees | Sort-Object -Property @(@{"expression"="LastName"; "ascending"=$false}, @{"expression"="FirstName"; "ascending"=$true}) -Descending).YearsInMS -join ','
($employees | Sort-Object -Property "LastName","FirstName" -Descending:$false).YearsInMS -join ','
($employees | Sort-Object -Property "LastName","FirstName" -Descending).YearsInMS -join ','
($employees | Sort-Object -Property @(@{"e"="FirstName"; "asc"=$true}, @{"e"="LastName";}) -Descending).YearsInMS -join ','
## RESULT: ["2,15,5", "15,5,2", "2,5,15", "15,2,5"]

#### Sort-Object -Stable by modulo
# source: Sort-Object.Tests.ps1 "Sort-Object Stable Unit Tests"
(1..20 | Sort-Object {$_ % 3} -Stable) -join ','
(1..20 | Sort-Object {$_ % 3} -Stable -Descending) -join ','
(1..20 | Sort-Object {$_ % 3} -Stable -Unique) -join ','
(1..20 | Sort-Object {$_ % 3} -Stable -Unique -Descending) -join ','
## RESULT: ["3,6,9,12,15,18,1,4,7,10,13,16,19,2,5,8,11,14,17,20", "2,5,8,11,14,17,20,1,4,7,10,13,16,19,3,6,9,12,15,18", "3,1,2", "2,1,3"]

#### Sort-Object -Stable -Unique keeps the first record
# source: Sort-Object.Tests.ps1 "Sort-Object with Uniqe Stable should return proper records"
$Records = @([PSCustomObject]@{Key="A";Record="A1"}, [PSCustomObject]@{Key="A";Record="A2"},
             [PSCustomObject]@{Key="B";Record="B1"}, [PSCustomObject]@{Key="B";Record="B2"})
($Records | Sort-Object -Stable -Unique -Property Key).Record -join ','
## RESULT: ["A1,B1"]

#### Sort-Object -Top/-Bottom agree with the full sort
# source: Sort-Object.Tests.ps1 "Sort-Object Top and Bottom Unit Tests" (Integer n-sort)
$d = 973474993,271612178,-1258909473,659770354,1829227828,-1709391247,-10835210,-1477737798,1125017828,813732193
$full = $d | Sort-Object
(($d | Sort-Object -Top 9) -join ',') -eq (($full | Select-Object -First 9) -join ',')
(($d | Sort-Object -Bottom 9) -join ',') -eq (($full | Select-Object -Last 9) -join ',')
$fullD = $d | Sort-Object -Descending
(($d | Sort-Object -Top 9 -Descending) -join ',') -eq (($fullD | Select-Object -First 9) -join ',')
($d | Sort-Object -Top 20).Count
## RESULT: [true, true, true, 10]
#### Compare-Object lines: reference-only, IncludeEqual, CaseSensitive, ExcludeDifferent
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Compare-Object.Tests.ps1
$c3 = "line 1", "line 2", "line 3"
$c4 = "line 1", "line 2.1", "Line 3"
$out = Compare-Object -ReferenceObject $c3 -DifferenceObject $c4
$out[1].SideIndicator
$eq = Compare-Object -ReferenceObject $c3 -DifferenceObject $c4 -IncludeEqual
$eq.Length; $eq[0].SideIndicator; $eq[1].SideIndicator
$ca = Compare-Object -ReferenceObject $c3 -DifferenceObject $c4 -CaseSensitive
$ca.Length
@(Compare-Object -ReferenceObject $c3 -DifferenceObject $c4 -IncludeEqual -ExcludeDifferent).Length
## RESULT: ["<=", 4, "==", "==", 4, 2]

#### Compare-Object -SyncWindow
# source: Compare-Object.Tests.ps1 "Should have the expected output when changing the syncwindow"
$out = Compare-Object -ReferenceObject (1..15) -DifferenceObject (15..1) -SyncWindow 6
$out[0..3] | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }
## RESULT: ["15=>", "1<=", "1=>", "15<="]

#### Compare-Object null reference set throws
# source: Compare-Object.Tests.ps1 "Should throw when reference set is null"
Compare-Object -ReferenceObject $anonexistentvariable -DifferenceObject 'a'
## ERRORS: Cannot bind argument to parameter 'ReferenceObject' because it is null.

#### Compare-Object empty sides
# source: Compare-Object.Tests.ps1 "no ReferenceObject nor DifferenceObject" / "no DifferenceObject" / "no ReferenceObject"
@(Compare-Object @() @()).Count
$r = Compare-Object @() @("diffObject"); $r.InputObject; $r.SideIndicator
$r = Compare-Object @("refObject") @(); $r.InputObject; $r.SideIndicator
## RESULT: [0, "diffObject", "=>", "refObject", "<="]

#### Compare-Object script block properties
# source: Compare-Object.Tests.ps1 "Compare-Object with Script Block Property Parameter should work"
$a = [version]"1.2.3.4"
$b = [version]"5.6.7.8"
$result = Compare-Object $a $b -IncludeEqual -Property {$_.Major},{$_.Minor}
$result[0] | Select-Object -ExpandProperty "*Major"
$result[0] | Select-Object -ExpandProperty "*Minor"
$result[0].SideIndicator
$result[1] | Select-Object -ExpandProperty "*Major"
$result[1].SideIndicator
## RESULT: [5, 6, "=>", 1, "<="]

#### Compare-Object -Property on objects
# source: Compare-Object docs Example (compare by property)
$r = Compare-Object ([pscustomobject]@{N='a';V=1}) ([pscustomobject]@{N='a';V=2}) -Property V
$r | ForEach-Object { "$($_.V)$($_.SideIndicator)" }
($r[0].psobject.Properties.Name) -join ','
## RESULT: ["2=>", "1<=", "V,SideIndicator"]
#### Measure-Object wildcard properties
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Measure-Object.Tests.ps1 "Should be able to use wildcards for the Property argument"
$data = [pscustomobject]@{ A1 = 1; A2 = 2; C3 = 3 }, [pscustomobject]@{ A1 = 1; A2 = 2; A3 = 3 }
$actual = $data | Measure-Object -Property A* -Sum
$actual.Count
$actual | ForEach-Object { "$($_.Property):$($_.Sum):$($_.Count)" }
## RESULT: [3, "A1:2:2", "A2:4:2", "A3:3:1"]

#### Measure-Object statistics of a property
# source: Measure-Object.Tests.ps1 "Measure-Object with Generic enum value options combination should work"
$employees = [pscustomobject]@{"FirstName"="joseph"; "LastName"="smith"; "YearsInMS"=15},
             [pscustomobject]@{"FirstName"="paul"; "LastName"="smith"; "YearsInMS"=15},
             [pscustomobject]@{"FirstName"="mary jo"; "LastName"="soe"; "YearsInMS"=5},
             [pscustomobject]@{"FirstName"="edmund`todd `n"; "LastName"="bush"; "YearsInMS"=9}
$r = $employees | Measure-Object -Prop FirstName
$r.Count; $null -eq $r.Sum; $null -eq $r.Maximum
$r = $employees | Measure-Object -Sum -Average -Maximum -Minimum -Prop YearsInMS
$r.Count; $r.Sum; $r.Average; $r.Maximum; $r.Minimum
$r = $employees | Measure-Object -Sum -Prop YearsInMS
$null -eq $r.Average
## RESULT: [4, true, true, 4, 44, 11, 15, 5, true]

#### Measure-Object text of a property
# source: Measure-Object.Tests.ps1 "Measure-Object with Text combination should work"
$employees = [pscustomobject]@{"FirstName"="joseph"; "LastName"="smith"; "YearsInMS"=15},
             [pscustomobject]@{"FirstName"="paul"; "LastName"="smith"; "YearsInMS"=15},
             [pscustomobject]@{"FirstName"="mary jo"; "LastName"="soe"; "YearsInMS"=5},
             [pscustomobject]@{"FirstName"="edmund`todd `n"; "LastName"="bush"; "YearsInMS"=9}
$r = $employees | Measure-Object -Character -Word -Line -Prop FirstName
$r.Characters; $r.Words; $r.Lines
($employees | Measure-Object -Character -IgnoreWhiteSpace -Prop FirstName).Characters
"123`n4" | Measure-Object -Line | ForEach-Object Lines
## RESULT: [29, 6, 4, 25, 2]

#### Measure-Object words, characters, lines of a poem
# source: Measure-Object.Tests.ps1 "String tests"
$nl = [Environment]::NewLine
$testString = "HAD I the heavens' embroidered cloths,$nl Enwrought with golden and silver light,$nl The blue and the dim and the dark cloths$nl Of night and light and the half light,$nl I would spread the cloths under your feet:$nl But I, being poor, have only my dreams;$nl I have spread my dreams under your feet;$nl Tread softly because you tread on my dreams."
($testString | Measure-Object -Word).Words -eq $testString.Replace($nl,"").Split().length
($testString | Measure-Object -Character).Characters -eq $testString.length
($testString | Measure-Object -Line).Lines
## RESULT: [true, true, 8]
#### ConvertTo-Json -Depth 0 and -AsArray
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/ConvertTo-Json.Tests.ps1
1 | ConvertTo-Json -Depth 0
(1 | ConvertTo-Json -AsArray) -like "``[*1*]"
(1,2 | ConvertTo-Json -AsArray) -like "``[*1*2*]"
1 | ConvertTo-Json
## RESULT: ["1", true, true, "1"]

#### ConvertTo-Json escaping of quotes
# source: ConvertTo-Json.Tests.ps1 "The result string should <Name>"
@{ 'abc' = "'def'" } | ConvertTo-Json
@{ 'abc' = "'def'" } | ConvertTo-Json -EscapeHandling Default
@{ 'abc' = "'def'" } | ConvertTo-Json -EscapeHandling EscapeHtml
## RESULT: ["{\n  \"abc\": \"'def'\"\n}", "{\n  \"abc\": \"'def'\"\n}", "{\n  \"abc\": \"\\u0027def\\u0027\"\n}"]

#### ConvertTo-Json null handling
# source: ConvertTo-Json.Tests.ps1 "Should handle null"
[pscustomobject] @{ prop=$null } | ConvertTo-Json -Compress
$null | ConvertTo-Json -Compress
ConvertTo-Json -Compress $null
1, $null, 2 | ConvertTo-Json -Compress
## RESULT: ["{\"prop\":null}", "null", "null", "[1,null,2]"]

#### ConvertTo-Json AutomationNull and NullString
# source: ConvertTo-Json.Tests.ps1 "Should handle 'AutomationNull.Value' and 'NullString.Value' correctly"
[ordered]@{ a = $null; d = [NullString]::Value } | ConvertTo-Json -Compress
ConvertTo-Json ([NullString]::Value)
ConvertTo-Json -Compress @($null, [NullString]::Value)
## RESULT: ["{\"a\":null,\"d\":null}", "null", "[null,null]"]
#### Get-Unique -AsString
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Get-Unique.Tests.ps1 "Command get-unique works with AsString switch"
"aa","aa","Aa","ba","BA","BA" | Get-Unique -AsString
## RESULT: ["aa", "Aa", "ba", "BA"]

#### Get-Unique -InputObject keeps the collection whole
# source: Get-Unique.Tests.ps1 "Should output an array of unchanged items when the InputObject switch is used"
$sortedList1 = 1,2,2,3,3,4,5
$actual = Get-Unique -InputObject $sortedList1
$actual.Count
@(Compare-Object $actual $sortedList1 -SyncWindow 0).Length
($sortedList1 | Get-Unique) -join ','
("a", "b", "b", "d" | Get-Unique) -join ','
## RESULT: [7, 0, "1,2,3,4,5", "a,b,d"]

#### Tee-Object -FilePath and -Append
# source: Tee-Object docs Example 1/3
'a', 'b' | Tee-Object -FilePath t.txt | Out-Null
'c' | Tee-Object -FilePath t.txt -Append | Out-Null
Get-Content t.txt
## RESULT: ["a", "b", "c"]

#### Tee-Object -Variable keeps piped objects
# source: Tee-Object docs Example 2
$r = 1..3 | Tee-Object -Variable tv | Measure-Object -Sum
$r.Sum; $tv.Count
## RESULT: [6, 3]
#### Add-Member multiple notes from a hashtable
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Add-Member.Tests.ps1 "Add Multiple Note Members" / "With TypeName" / "With Force"
$obj = New-Object psobject
Add-Member -InputObject $obj @{Name='Name';TestInt=1;TestNull=$null}
$obj.Name; $obj.TestInt; $null -eq $obj.TestNull
$obj2 = Add-Member -InputObject (New-Object psobject) @{Name='Name'} -TypeName MyType -PassThru
$obj2.PSTypeNames[0]
$obj3 = New-Object psobject
$obj3 | Add-Member -MemberType NoteProperty -Name TestNote -Value 1
$obj3 | Add-Member @{TestNote='hello'} -Force
$obj3.TestNote
## RESULT: ["Name", 1, true, "MyType", "hello"]

#### Add-Member to a new psobject
# source: Add-Member.Tests.ps1 "Describe Add-Member"
$o = New-Object psobject
Add-Member -InputObject $o -MemberType NoteProperty -Name proppy -Value "superVal"
Add-Member -InputObject $o -MemberType NoteProperty -Name AnotherMember -Value "AnotherValue"
$o.proppy; $o.AnotherMember
## RESULT: ["superVal", "AnotherValue"]

#### Add-Member mandatory parameter validation
# source: Add-Member.Tests.ps1 "Mandatory parameters should not be null nor empty"
try { Add-Member -Name $null } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ParameterArgumentValidationErrorNullNotAllowed,Microsoft.PowerShell.Commands.AddMemberCommand"]

#### Add-Member cannot add Method or Property members
# source: Add-Member.Tests.ps1 "Cannot Add PS Property Or PS Method"
$o = [pscustomobject]@{}
foreach ($member in "Method", "Property", "ParameterizedProperty") {
    try { Add-Member -InputObject $o -MemberType $member -Name Name } catch { $_.FullyQualifiedErrorId }
}
## RESULT: ["CannotAddMemberType,Microsoft.PowerShell.Commands.AddMemberCommand", "CannotAddMemberType,Microsoft.PowerShell.Commands.AddMemberCommand", "CannotAddMemberType,Microsoft.PowerShell.Commands.AddMemberCommand"]

#### Add-Member -SecondValue not allowed for notes
# source: Add-Member.Tests.ps1 "Should Not Have Value2"
$o = [pscustomobject]@{}
try { Add-Member -InputObject $o -MemberType NoteProperty -Name Name -Value something -SecondValue somethingElse } catch { $_.FullyQualifiedErrorId }
## RESULT: ["Value2ShouldNotBeSpecified,Microsoft.PowerShell.Commands.AddMemberCommand"]
#### ConvertFrom-Csv here-string with columns and #TYPE
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/ConvertFrom-Csv.Tests.ps1
$testColumns = @"
a,b,c
1,2,3
"@
$d = $testColumns | ConvertFrom-Csv
@($d | Get-Member | Where-Object {$_.MemberType -eq "NoteProperty" }).Length
$d.c
$testTypeData = @"
#TYPE My.Custom.Object
a,b,c
1,2,3
"@
$t = $testTypeData | ConvertFrom-Csv
$t.PSObject.TypeNames.Count
$t.PSObject.TypeNames[0]
$t.PSObject.TypeNames[1]
## RESULT: [3, "3", 2, "My.Custom.Object", "CSV:My.Custom.Object"]

#### ConvertFrom-Csv -Header over ConvertTo-Csv output
# source: ConvertFrom-Csv.Tests.ps1 "Test ConvertFrom-Csv with pipelined InputObject and Header"
$res = [pscustomobject]@{ First = 1; Second = 2 } | ConvertTo-Csv
$result = $res | ConvertFrom-Csv -Header "Header1","Header2"
$result[0].Header1; $result[0].Header2; $result[1].Header1; $result[1].Header2
## RESULT: ["First", "Second", "1", "2"]
