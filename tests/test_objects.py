"""Object cmdlets, table-driven: (script, expected success output as plain Python).

Each block cites the PowerShell doc or test it comes from.  PS: = github.com/PowerShell/PowerShell
test/powershell/Modules/...; Docs: = learn.microsoft.com/powershell/module/... (7.5).
"""

import pytest

import pscompat
from pscompat import to_python


def ps(script: str):
    return to_python(list(pscompat.run(script)))


def error_ids(script: str) -> list:
    """FullyQualifiedErrorIds a script reports: the terminating one, or the non-terminating ones."""
    try:
        result = pscompat.run(script)
    except pscompat.PSError as exc:
        return [exc.fully_qualified_error_id]
    return [e.fully_qualified_error_id for e in result.errors]


COMPUTERS = """$Computers = @(
  [PSCustomObject]@{ComputerName='SPC-1234'; IPAddress='192.168.0.1'; NumberOfCores=1; Drives='C','D'},
  [PSCustomObject]@{ComputerName='BGP-5678'; IPAddress=''; NumberOfCores=2; Drives='C','D','E'},
  [PSCustomObject]@{ComputerName='MGC-9101'; NumberOfCores=3; Drives='C'})
"""

EMPLOYEES = """$employees = @(
  [pscustomobject]@{FirstName='joseph'; LastName='smith'; YearsInMS=15}
  [pscustomobject]@{FirstName='paul'; LastName='smith'; YearsInMS=15}
  [pscustomobject]@{FirstName='mary'; LastName='soe'; YearsInMS=5}
  [pscustomobject]@{FirstName='edmund'; LastName='bush'; YearsInMS=9})
"""

CASES = [
    # --- Where-Object: PS: Microsoft.PowerShell.Core/Where-Object.Tests.ps1 ------------------
    (COMPUTERS + "($Computers | Where-Object -Not 'IPAddress').Count", [2]),
    (COMPUTERS + "($Computers | Where-Object 'IPAddress').Count", [1]),
    (COMPUTERS + "($Computers | Where-Object Drives -Contains 'D').Count", [2]),
    (COMPUTERS + "($Computers | Where-Object ComputerName -In 'SPC-1234','BGP-5678').Count", [2]),
    (COMPUTERS + "($Computers | Where-Object NumberOfCores -GE 2).Count", [2]),
    (COMPUTERS + "($Computers | Where-Object NumberOfCores -GT 2).Count", [1]),
    (COMPUTERS + "($Computers | Where-Object NumberOfCores -LE 2).Count", [2]),
    (COMPUTERS + "($Computers | Where-Object NumberOfCores -LT 2).Count", [1]),
    (COMPUTERS + "($Computers | Where-Object ComputerName -Like 'MGC-9101').ComputerName", ["MGC-9101"]),
    (COMPUTERS + "($Computers | Where-Object ComputerName -Match '^MGC.+').ComputerName", ["MGC-9101"]),
    (COMPUTERS + "($Computers | Where-Object -FilterScript {$_.NumberOfCores -ge 2}).Count", [2]),
    # -Op:$false is the truth test (PowerShell 7.6, same test file, "Switch parameter explicit $false")
    (COMPUTERS + "($Computers | Where-Object NumberOfCores -GT:$false).Count", [3]),
    ("([pscustomobject]@{Name=''},[pscustomobject]@{Name='Test'} | Where-Object Name -Not:$false).Name", ["Test"]),
    # Docs: Core/Where-Object.md (simplified syntax; operators and their c-variants)
    ("'a','A','b' | Where-Object {$_ -ceq 'a'}", ["a"]),
    ("[pscustomobject]@{N='a'},[pscustomobject]@{N='A'} | Where-Object N -CEQ 'A' | % N", ["A"]),
    ("[pscustomobject]@{N='a'},[pscustomobject]@{N='A'} | Where-Object N -EQ 'A' | % N", ["a", "A"]),
    ("[pscustomobject]@{N='ab'},[pscustomobject]@{N='Ab'} | ? N -CLike 'a*' | % N", ["ab"]),
    ("[pscustomobject]@{N='ab'},[pscustomobject]@{N='c'} | ? N -NotLike 'a*' | % N", ["c"]),
    ("[pscustomobject]@{N=1},[pscustomobject]@{N='x'} | ? N -Is [int] | % N", [1]),
    ("[pscustomobject]@{N=1},[pscustomobject]@{N='x'} | ? N -IsNot 'int' | % N", ["x"]),
    ("[pscustomobject]@{N=3},[pscustomobject]@{N=4} | ? N -NotIn 1,2,3 | % N", [4]),
    ("[pscustomobject]@{N=3},[pscustomobject]@{N=4} | ? N -NE 3 | % N", [4]),
    ("'abc','de' | Where-Object Length -EQ 2", ["de"]),  # properties of any object
    ("@{a=1},@{a=2} | Where-Object a -EQ 2 | % {$_.a}", [2]),  # hashtable keys
    ("$null, 1 | Where-Object {$_ -eq $null} | % {'null'}", ["null"]),  # $null input is processed
    ("1..5 | Where-Object {$_ -gt 2}", [3, 4, 5]),
    ("1..3 | Where-Object {$PSItem -ne 2}", [1, 3]),
    ("$x = 0; $null = 1..3 | Where-Object {$x += $_; $true}; $x", [6]),  # caller's scope
    # --- ForEach-Object: Docs: Core/ForEach-Object.md; PS: .../ForEach-Object.Tests.ps1 -------
    ("1..3 | ForEach-Object {$_ * 2}", [2, 4, 6]),
    ("1..3 | ForEach-Object -Begin {$s = 0} -Process {$s += $_} -End {$s}", [6]),
    ("1..2 | ForEach-Object {'b'} {$_} {'e'}", ["b", 1, 2, "e"]),  # begin, process, end
    ("1..2 | ForEach-Object {'b'} {$_}", ["b", 1, 2]),  # two blocks: begin+process
    ("1..2 | ForEach-Object {'b'} {$_} {$_ * 10} {'e'}", ["b", 1, 10, 2, 20, "e"]),
    ("1..2 | ForEach-Object -Process {$_} -End {'e'} -Begin {'b'}", ["b", 1, 2, "e"]),
    ("'a','b' | ForEach-Object ToUpper", ["A", "B"]),
    ("'a-b','c-d' | ForEach-Object -MemberName Split -ArgumentList '-'", ["a", "b", "c", "d"]),
    ("'abc' | ForEach-Object Length", [3]),
    ("@{k='v'} | ForEach-Object k", ["v"]),
    ("'s' | ForEach-Object missing | ForEach-Object {$_ + 3}", [3]),  # missing member -> $null
    ("$null | ForEach-Object {'x'}", ["x"]),
    ("ForEach-Object {'once'}", ["once"]),
    ("1..5 | ForEach-Object { if ($_ -eq 3) { return }; $_ }", [1, 2, 4, 5]),
    ("$t = 0; 1..3 | ForEach-Object { $t += $_ }; $t", [6]),  # caller's scope
    ("1,2 | % {$_}", [1, 2]),
    ("@(1,2),@(3) | ForEach-Object {$_.Count}", [2, 1]),
    # --- Write-Output: PS: .../Write-Output.Tests.ps1 -------------------------------------------
    ("Write-Output 1,2,3 | Measure-Object | % Count", [3]),
    ("Write-Output -NoEnumerate 1,2,3 | Measure-Object | % Count", [1]),
    ("echo a b c", ["a", "b", "c"]),
    ("Write-Output $null | % {'got'}", ["got"]),
    ("Write-Output -NoEnumerate 1,2 | ForEach-Object {$_.Count}", [2]),
    # --- Select-Object: PS: .../Select-Object.Tests.ps1; Docs: Util/Select-Object.md ------------
    ("1..10 | Select-Object -First 3", [1, 2, 3]),
    ("1..10 | Select-Object -Last 2", [9, 10]),
    ("1..20 | Select-Object -First 3 -Last 3 -Skip 4", [5, 6, 7, 18, 19, 20]),
    ("1..10 | Select-Object -Last 3 -Skip 2", [6, 7, 8]),
    ("'1','2','3' | Select-Object -Skip 1", ["2", "3"]),
    ("'1','2','3' | Select-Object -SkipLast 1", ["1", "2"]),
    ("'1','2','3' | Select-Object -Skip 1 -SkipLast 1", ["2"]),
    ("'1','2' | Select-Object -Skip 2 -SkipLast 1", []),
    ("'1','2','3' | Select-Object -Index 2", ["3"]),
    ("'a','b','c','d' | Select-Object -Index 3,1,1", ["b", "d"]),
    ("'1','2','3' | Select-Object -SkipIndex 0,2", ["2"]),
    ("(0..10 | Select-Object -SkipIndex 5,6,7,8,11) -join ','", ["0,1,2,3,4,9,10"]),
    (EMPLOYEES + "($employees | Select-Object -Property YearsInMS, 'L*' -First 2 -Last 3).Count", [4]),
    (
        EMPLOYEES + "$employees | Select-Object -Property YearsInMS, 'L*' -First 2 -Last 1 | % LastName",
        ["smith", "smith", "bush"],
    ),
    (EMPLOYEES + "($employees | Select-Object -Property YearsInMS, 'L*' -First 0).Count", [0]),
    (EMPLOYEES + "$employees | Select-Object -Property YearsInMS, 'L*' -Unique | % LastName", ["smith", "soe", "bush"]),
    ("('bar' | Select-Object -Prop foo | Measure-Object).Count", [1]),
    ("($null | Select-Object -Property FirstName, 'FirstNa*').Count", [0]),
    ("[pscustomobject]@{a=1;b=2;c=3} | Select-Object c, a", [{"c": 3, "a": 1}]),
    ("[pscustomobject]@{Name='x'} | Select-Object name", [{"Name": "x"}]),  # member's spelling
    ("[pscustomobject]@{a=1} | Select-Object a, nope", [{"a": 1, "nope": None}]),
    ("[pscustomobject]@{ab=1;ac=2;b=3} | Select-Object a*", [{"ab": 1, "ac": 2}]),
    ("[pscustomobject]@{a=1;b=2} | Select-Object *", [{"a": 1, "b": 2}]),
    ("[pscustomobject]@{Thing='t';Param2='p'} | Select-Object -ExcludeProperty Param2", [{"Thing": "t"}]),
    ("[pscustomobject]@{Thing='t'} | Select-Object -Property * -ExcludeProperty thing", [{}]),
    ("[pscustomobject]@{a=2} | Select-Object @{Name='d'; Expression={$_.a * 2}}", [{"d": 4}]),
    ("[pscustomobject]@{a=2} | Select-Object @{n='d'; e='a'}", [{"d": 2}]),
    ("[pscustomobject]@{a=2} | Select-Object @{l='d'; e={$_.a}}", [{"d": 2}]),
    ("[pscustomobject]@{a=2} | Select-Object {$_.a + 1}", [{"$_.a + 1": 3}]),
    ("[pscustomobject]@{a=2} | Select-Object @{n='x';e={throw 'boom'}}", [{"x": None}]),
    ("@{Entry=100} | Select-Object -Property Entry", [{"Entry": 100}]),
    ("@{Entry=100} | Select-Object -ExpandProperty Entry", [100]),
    ("@{Keys=10} | Select-Object -ExpandProperty Keys", [10]),
    ("@{a=10;b=20;c=30} | Select-Object -ExpandProperty Count", [3]),
    ("@{Value=10} | Select-Object -ExpandProperty Keys", ["Value"]),
    ("[pscustomobject]@{L=1,2,$null,3} | Select-Object -ExpandProperty L", [1, 2, 3]),
    ("[pscustomobject]@{L=$null} | Select-Object -ExpandProperty L", []),
    (
        "$o = [pscustomobject]@{Name='n'; Child=[pscustomobject]@{v=1}}; "
        "$o | Select-Object -ExpandProperty Child -Property Name",
        [{"v": 1, "Name": "n"}],
    ),
    ("'a','b','a','A' | Select-Object -Unique", ["a", "b", "A"]),
    ("'a','b','a','A' | Select-Object -Unique -CaseInsensitive", ["a", "b"]),
    ("1,2,1 | Select-Object -Unique", [1, 2]),
    ("1,$null,2 | Select-Object", [1, 2]),
    # type names, read through Get-Member's TypeName (PS: Select-Object.Tests.ps1 "add 'Selected.*'
    # type only once")
    (
        "$o = [pscustomobject]@{Name=1}; $o = $o | Select-Object; $o = $o | Select-Object; "
        "($o | Get-Member Name).TypeName",
        ["Selected.System.Management.Automation.PSCustomObject"],
    ),
    (
        "([pscustomobject]@{a=1} | Select-Object a | Get-Member a).TypeName",
        ["Selected.System.Management.Automation.PSCustomObject"],
    ),
    ("('abc' | Select-Object Length | Get-Member Length).TypeName", ["Selected.System.String"]),
    ("$n = 0; $null = 1..10 | ForEach-Object { $n++; $_ } | Select-Object -First 2; $n", [2]),
    ("$n = 0; $null = 1..10 | ForEach-Object { $n++; $_ } | Select-Object -First 2 -Wait; $n", [10]),
    ("$n = 0; $null = 1..10 | ForEach-Object { $n++; $_ } | Select-Object -Index 1; $n", [2]),
    # --- Sort-Object: Docs: Util/Sort-Object.md; PS: .../Sort-Object.Tests.ps1 ------------------
    ("3,1,2 | Sort-Object", [1, 2, 3]),
    ("3,1,2 | Sort-Object -Descending", [3, 2, 1]),
    ("'b','A','a','C' | Sort-Object", ["A", "a", "b", "C"]),
    ("'b','a','B','A' | Sort-Object -CaseSensitive", ["a", "A", "b", "B"]),
    ("'10','9','1' | Sort-Object", ["1", "10", "9"]),
    ("1,3,2,3,1 | Sort-Object -Unique", [1, 2, 3]),
    ("'a','A','b' | Sort-Object -Unique", ["a", "b"]),
    ("1..10 | Sort-Object -Top 3 -Descending", [10, 9, 8]),
    ("1..10 | Sort-Object -Bottom 3", [8, 9, 10]),
    ("5,1,4 | Sort-Object -Top 2", [1, 4]),
    ("$null, 1, -1, 0 | Sort-Object", [-1, 0, 1]),  # $null input dropped
    ("[pscustomobject]@{v=1},[pscustomobject]@{v=$null},[pscustomobject]@{v=-1} | Sort-Object v | % v", [-1, None, 1]),
    ("[pscustomobject]@{n='b';v=1},[pscustomobject]@{n='a';v=2} | Sort-Object n | % v", [2, 1]),
    (
        "[pscustomobject]@{n='b';v=1},[pscustomobject]@{n='a';v=2},[pscustomobject]@{v=3} | Sort-Object n | % v",
        [2, 1, 3],
    ),
    (
        "[pscustomobject]@{n='b';v=1},[pscustomobject]@{v=3},[pscustomobject]@{n='a';v=2} "
        "| Sort-Object n -Descending | % v",
        [1, 2, 3],
    ),  # missing sorts last both ways
    (
        "$d = [pscustomobject]@{a=1;b='x'},[pscustomobject]@{a=1;b='y'},[pscustomobject]@{a=0;b='z'}; "
        "$d | Sort-Object a, @{Expression='b'; Descending=$true} | % b",
        ["z", "y", "x"],
    ),
    (
        "$d = [pscustomobject]@{a=1;b='x'},[pscustomobject]@{a=2;b='y'}; "
        "$d | Sort-Object @{e={$_.a}; Ascending=$false} | % b",
        ["y", "x"],
    ),
    ("'ccc','a','bb' | Sort-Object Length", ["a", "bb", "ccc"]),
    ("'ccc','a','bb' | Sort-Object {$_.Length} -Descending", ["ccc", "bb", "a"]),
    (
        "[pscustomobject]@{k=1;n='first'},[pscustomobject]@{k=0;n='x'},[pscustomobject]@{k=1;n='second'} "
        "| Sort-Object k -Stable | % n",
        ["x", "first", "second"],
    ),
    ("1,$null,2 | Sort-Object | Measure-Object | % Count", [2]),
    # --- Group-Object: Docs: Util/Group-Object.md; PS: .../Group-Object.Tests.ps1 --------------
    ("'a','b','a' | Group-Object | % Name", ["a", "b"]),
    ("'a','b','a' | Group-Object | % Count", [2, 1]),
    ("'b','a','B' | Group-Object | % Name", ["a", "b"]),
    ("'b','a','B' | Group-Object -CaseSensitive | % Name", ["a", "b", "B"]),
    ("3,1,2,1 | Group-Object | % Name", ["1", "2", "3"]),
    ("3,'x',1 | Group-Object | % Name", ["3", "x", "1"]),  # mixed types: input order
    ("(1,1,2 | Group-Object)[0].Group", [1, 1]),
    ("(1,1,2 | Group-Object)[0]", [{"Values": [1], "Count": 2, "Group": [1, 1], "Name": "1"}]),
    ("(1,1,2 | Group-Object -NoElement)[0].Count", [2]),
    ("[pscustomobject]@{a=1;b=2},[pscustomobject]@{a=1;b=2} | Group-Object a, b | % Name", ["1, 2"]),
    ("([pscustomobject]@{a=1;b=2} | Group-Object a, b).Values", [1, 2]),
    ("$h = 'x','y','x' | Group-Object -AsHashTable; $h['x'].Count", [2]),
    ("$h = [pscustomobject]@{a=1},[pscustomobject]@{a=2} | Group-Object a -AsHashTable -AsString; $h['2'].a", [2]),
    ("'ab','c','de' | Group-Object Length | % Name", ["1", "2"]),
    ("'ab','c','de' | Group-Object {$_.Length} | % Count", [1, 2]),
    ("@(1,$null,1 | Group-Object).Count", [1]),
    ("('a' | Group-Object | Get-Member Count).TypeName", ["Microsoft.PowerShell.Commands.GroupInfo"]),
    # --- Measure-Object: Docs: Util/Measure-Object.md; PS: .../Measure-Object.Tests.ps1 --------
    ("(1..10 | Measure-Object).Count", [10]),
    ("(1,$null,2 | Measure-Object).Count", [2]),
    ("(1..10 | Measure-Object -Sum).Sum", [55.0]),
    ("(1..4 | Measure-Object -Average).Average", [2.5]),
    ("(3,1,2 | Measure-Object -Maximum -Minimum) | % {$_.Maximum, $_.Minimum}", [3.0, 1.0]),
    ("(1..10 | Measure-Object).Sum", [None]),
    ("[math]::Round((1,2,3,4 | Measure-Object -StandardDeviation).StandardDeviation, 6)", [1.290994]),
    ("$m = 1..4 | Measure-Object -AllStats; $m.Sum, $m.Average, $m.Maximum, $m.Minimum", [10.0, 2.5, 4.0, 1.0]),
    ("('b','a','c' | Measure-Object -Maximum).Maximum", ["c"]),
    ("('b','a','c' | Measure-Object -Minimum).Minimum", ["a"]),
    (
        "([pscustomobject]@{x=1},[pscustomobject]@{x=5},[pscustomobject]@{y=9} | Measure-Object x -Sum) "
        "| % {$_.Count, $_.Sum, $_.Property}",
        [2, 6.0, "x"],
    ),
    ("([pscustomobject]@{a=1;b=2} | Measure-Object a, b -Sum).Property", ["a", "b"]),
    (
        "('one two', 'three' | Measure-Object -Word -Line -Character) | % {$_.Lines, $_.Words, $_.Characters}",
        [2, 3, 12],
    ),
    ("('a b' | Measure-Object -Character -IgnoreWhiteSpace).Characters", [2]),
    ("(Measure-Object).Count", [0]),
    ("('1','2' | Measure-Object -Sum).Sum", [3.0]),
    # --- Get-Member: Docs: Util/Get-Member.md; PS: .../Get-Member.Tests.ps1 ---------------------
    ("([pscustomobject]@{b=1;a='x'} | Get-Member -MemberType NoteProperty).Name", ["a", "b"]),
    ("([pscustomobject]@{a=1} | Get-Member -Name a).Definition", ["int a=1"]),
    ("(Get-Member -InputObject ([pscustomobject]@{a=1}) -Name nope) -ne $null", [False]),
    ("(Get-Member -InputObject ([pscustomobject]@{a=1}) -Name a) -ne $null", [True]),
    ("@(Get-Member -InputObject ([pscustomobject]@{a=1}) -Name nope).Count", [0]),
    ("([pscustomobject]@{a=1},[pscustomobject]@{b=1} | Get-Member -MemberType NoteProperty).Name", ["a"]),
    ("([pscustomobject]@{a=1} | Get-Member a).TypeName", ["System.Management.Automation.PSCustomObject"]),
    # --- Get-Unique: Docs: Util/Get-Unique.md --------------------------------------------------
    ("1,1,2,2,2,3,1 | Get-Unique", [1, 2, 3, 1]),
    ("'a','A','b' | Get-Unique", ["a", "A", "b"]),
    ("'a','A','b' | Get-Unique -CaseInsensitive", ["a", "b"]),
    ("1,'1',2 | Get-Unique -AsString", [1, 2]),
    # --- Tee-Object: PS: .../Tee-Object.Tests.ps1 ----------------------------------------------
    ("$null = '1','2','3' | Tee-Object -Variable t; $t", ["1", "2", "3"]),
    ("$r = 'teeobjecttest1' | Tee-Object -Variable tv; $r, $tv", ["teeobjecttest1", "teeobjecttest1"]),
    # --- Compare-Object: Docs: Util/Compare-Object.md; PS: .../Compare-Object.Tests.ps1 ---------
    (
        "Compare-Object 1,2,3 2,3,4",
        [{"InputObject": 4, "SideIndicator": "=>"}, {"InputObject": 1, "SideIndicator": "<="}],
    ),
    ("Compare-Object 'a','b' 'b','c' -IncludeEqual | % SideIndicator", ["==", "=>", "<="]),
    ("Compare-Object 'a','b' 'b','c' -ExcludeDifferent | % InputObject", ["b"]),
    ("Compare-Object 'a' 'A'", []),
    ("(Compare-Object 'a' 'A' -CaseSensitive).Count", [2]),
    ("Compare-Object @() 1 | % SideIndicator", ["=>"]),
    ("2,3 | Compare-Object 1,2 | % InputObject", [3, 1]),
    (
        "Compare-Object ([pscustomobject]@{n=1}) ([pscustomobject]@{n=2}) -Property n",
        [{"n": 2, "SideIndicator": "=>"}, {"n": 1, "SideIndicator": "<="}],
    ),
    # --- New-Object / Add-Member: Docs: Util/New-Object.md, Util/Add-Member.md -----------------
    ("New-Object PSObject -Property ([ordered]@{a=1; b=2})", [{"a": 1, "b": 2}]),
    ("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName b -NotePropertyValue 2; $o", [{"a": 1, "b": 2}]),
    ("[pscustomobject]@{a=1} | Add-Member -MemberType NoteProperty -Name c -Value 3 -PassThru", [{"a": 1, "c": 3}]),
    ("$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyMembers ([ordered]@{x=1;y=2}); $o.y", [2]),
    ("([pscustomobject]@{a=1} | Add-Member -TypeName My.Type -PassThru | Get-Member a).TypeName", ["My.Type"]),
]


@pytest.mark.parametrize("script,expected", CASES)
def test_cmdlet(script, expected):
    assert ps(script) == expected


ERROR_CASES = [
    # PS: Where-Object.Tests.ps1 ("-GT:$false with -Value should throw ... OperatorNotSpecified")
    (
        "[pscustomobject]@{Age=3} | Where-Object Age -GT:$false -Value 25",
        "OperatorNotSpecified,Microsoft.PowerShell.Commands.WhereObjectCommand",
    ),
    # InternalCommandStrings.resx ValueNotSpecifiedForWhereObject
    (
        "[pscustomobject]@{Age=3} | Where-Object Age -GT",
        "ValueNotSpecifiedForWhereObject,Microsoft.PowerShell.Commands.WhereObjectCommand",
    ),
    # PS: Select-Object.Tests.ps1 ("empty script block property should throw")
    (
        "'bar' | Select-Object -Prop {} -ErrorAction Stop",
        "EmptyScriptBlockAndNoName,Microsoft.PowerShell.Commands.SelectObjectCommand",
    ),
    # Docs: Select-Object.md; SelectObjectStrings.resx PropertyNotFound
    (
        "[pscustomobject]@{a=1} | Select-Object -ExpandProperty b",
        "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand",
    ),
    (
        "[pscustomobject]@{ab=1;ac=2} | Select-Object -ExpandProperty a*",
        "MutlipleExpandProperties,Microsoft.PowerShell.Commands.SelectObjectCommand",
    ),
    (
        "[pscustomobject]@{a=1} | Select-Object a, A",
        "AlreadyExistingUserSpecifiedPropertyNoExpand,Microsoft.PowerShell.Commands.SelectObjectCommand",
    ),
    (
        "[pscustomobject]@{ab=1;ac=2} | Select-Object @{n='x';e='a*'}",
        "RenamingMultipleResults,Microsoft.PowerShell.Commands.SelectObjectCommand",
    ),
    # FormatAndOut_MshParameter.resx: key errors are terminating
    ("1 | Select-Object @{foo='x'}", "DictionaryKeyIllegal,Microsoft.PowerShell.Commands.SelectObjectCommand"),
    ("1 | Select-Object @{n='x'}", "DictionaryKeyMandatoryEntry,Microsoft.PowerShell.Commands.SelectObjectCommand"),
    (
        "1 | Select-Object -First -1",
        "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SelectObjectCommand",
    ),
    # GetMember.resx NoObjectSpecified
    ("Get-Member -InputObject $null", "NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand"),
    # UtilityCommonStrings.resx GroupObjectWithHashTable
    ("1 | Group-Object -AsString", "ArgumentException,Microsoft.PowerShell.Commands.GroupObjectCommand"),
    # MeasureObjectStrings.resx NonNumericInputObject
    ("'x' | Measure-Object -Sum", "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand"),
    # AddMember.resx MemberAlreadyExists
    (
        "[pscustomobject]@{a=1} | Add-Member -NotePropertyName a -NotePropertyValue 2",
        "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand",
    ),
]


@pytest.mark.parametrize("script,error_id", ERROR_CASES)
def test_cmdlet_error(script, error_id):
    assert error_id in error_ids(script)


MESSAGES = [
    ("[pscustomobject]@{a=1} | Select-Object -ExpandProperty b", 'Property "b" cannot be found.'),
    ("1 | Select-Object @{foo='x'}", "The foo key is not valid."),
    ("Get-Member -InputObject $null", "You must specify an object for the Get-Member cmdlet."),
    ("'x' | Measure-Object -Sum", 'Input object "x" is not numeric.'),
]


@pytest.mark.parametrize("script,message", MESSAGES)
def test_error_message(script, message):
    try:
        result = pscompat.run(script)
    except pscompat.PSError as exc:
        assert exc.message == message
        return
    assert message in [e.message for e in result.errors]
