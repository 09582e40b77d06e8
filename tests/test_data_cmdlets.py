"""Data cmdlets, table-driven: JSON, CSV, file content, paths, dates.

PS: = github.com/PowerShell/PowerShell test/powershell/Modules/...; Docs: = learn.microsoft.com/
powershell/module/... (7.5).  File cases run in a fresh temporary directory.
"""

import datetime

import pytest

import pscompat
from pscompat import to_python


def ps(script: str):
    return to_python(list(pscompat.run(script)))


CASES = [
    # --- ConvertTo-Json: Docs: Util/ConvertTo-Json.md; PS: .../ConvertTo-Json.Tests.ps1 --------
    ("@{a=1} | ConvertTo-Json", ['{\n  "a": 1\n}']),
    ("[pscustomobject]@{a=1;b=@(1,2)} | ConvertTo-Json", ['{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ]\n}']),
    ("[pscustomobject]@{a=1;b=@(1,2)} | ConvertTo-Json -Compress", ['{"a":1,"b":[1,2]}']),
    ("1,2 | ConvertTo-Json -Compress", ["[1,2]"]),  # several inputs: an array
    ("ConvertTo-Json @(1,2) -Compress", ["[1,2]"]),
    ("1 | ConvertTo-Json -AsArray -Compress", ["[1]"]),
    ("$null | ConvertTo-Json", ["null"]),
    ("1.0 | ConvertTo-Json", ["1.0"]),  # Newtonsoft keeps the .0
    ("'a\"b\\c' | ConvertTo-Json", ['"a\\"b\\\\c"']),
    ("$true | ConvertTo-Json", ["true"]),
    ("@() | ConvertTo-Json -AsArray", []),  # no input, no output
    ("ConvertTo-Json @() -Compress", ["[]"]),
    ("[pscustomobject]@{} | ConvertTo-Json", ["{}"]),
    ("[ordered]@{b=1;a=2} | ConvertTo-Json -Compress", ['{"b":1,"a":2}']),
    # -Depth: deeper objects become strings (PS: ConvertTo-Json.Tests.ps1 depth cases)
    ("@{a=@{b=@{c=1}}} | ConvertTo-Json -Depth 1 -Compress", ['{"a":{"b":"System.Collections.Hashtable"}}']),
    (
        "[pscustomobject]@{a=[pscustomobject]@{b=[pscustomobject]@{c=[pscustomobject]@{d=1}}}} "
        "| ConvertTo-Json -Compress",
        ['{"a":{"b":{"c":"@{d=1}"}}}'],
    ),
    (
        "[pscustomobject]@{d=[datetime]'2020-01-02 03:04:05'} | ConvertTo-Json -Compress",
        ['{"d":"2020-01-02T03:04:05"}'],
    ),
    # --- ConvertFrom-Json: Docs: Util/ConvertFrom-Json.md; PS: .../ConvertFrom-Json.Tests.ps1 ----
    ('\'{"b":1,"a":[1,2]}\' | ConvertFrom-Json', [{"b": 1, "a": [1, 2]}]),
    ('(\'{"b":1,"a":2}\' | ConvertFrom-Json | Get-Member -MemberType NoteProperty).Name', ["a", "b"]),
    ('\'{"z":1,"y":2}\' | ConvertFrom-Json | ConvertTo-Json -Compress', ['{"z":1,"y":2}']),
    ("'[1,2,3]' | ConvertFrom-Json", [1, 2, 3]),
    ("('[1,2,3]' | ConvertFrom-Json -NoEnumerate).Count", [3]),
    ('\'{"a":{"b":"x"}}\' | ConvertFrom-Json | % {$_.a.b}', ["x"]),
    ('(\'{"d":"2020-01-01T10:20:30"}\' | ConvertFrom-Json).d.Hour', [10]),
    ("('{\"a\":1}' | ConvertFrom-Json -AsHashtable)['a']", [1]),
    ("'{', '\"a\": 1', '}' | ConvertFrom-Json", [{"a": 1}]),  # lines of one document
    ("'{\"a\":1}', '{\"a\":2}' | ConvertFrom-Json | % a", [1, 2]),  # several documents
    # --- CSV: Docs: Util/ConvertTo-Csv.md, ConvertFrom-Csv.md; PS: .../ConvertTo-Csv.Tests.ps1 ---
    ("[pscustomobject]@{a=1;b='x'} | ConvertTo-Csv", ['"a","b"', '"1","x"']),
    ("[pscustomobject]@{a=1;b=$null} | ConvertTo-Csv", ['"a","b"', '"1",']),
    ("[pscustomobject]@{a='say \"hi\"'} | ConvertTo-Csv", ['"a"', '"say ""hi"""']),
    ("[pscustomobject]@{a=1;b=2} | ConvertTo-Csv -Delimiter ';'", ['"a";"b"', '"1";"2"']),
    (
        "[pscustomobject]@{a=1} | ConvertTo-Csv -IncludeTypeInformation",
        ["#TYPE System.Management.Automation.PSCustomObject", '"a"', '"1"'],
    ),
    ("[pscustomobject]@{a=1} | ConvertTo-Csv -NoTypeInformation", ['"a"', '"1"']),
    ("[pscustomobject]@{a=1},[pscustomobject]@{b=2} | ConvertTo-Csv", ['"a"', '"1"', ""]),
    ("[pscustomobject]@{a=1;b='x,y'} | ConvertTo-Csv -UseQuotes AsNeeded", ["a,b", '1,"x,y"']),
    ("'a,b','1,\"x,y\"' | ConvertFrom-Csv", [{"a": "1", "b": "x,y"}]),
    ("'a;b','1;2' | ConvertFrom-Csv -Delimiter ';'", [{"a": "1", "b": "2"}]),
    ("'1,2' | ConvertFrom-Csv -Header x,y", [{"x": "1", "y": "2"}]),
    ("'a,b','1' | ConvertFrom-Csv", [{"a": "1", "b": None}]),
    # --- Join-Path / Split-Path: Docs: Management/Join-Path.md, Split-Path.md -------------------
    ("Join-Path a b", ["a/b"]),
    ("Join-Path a/ /b", ["a/b"]),
    ("Join-Path a b c d", ["a/b/c/d"]),
    ("Join-Path -Path a,b -ChildPath c", ["a/c", "b/c"]),
    ("Split-Path /tmp/a/b.txt", ["/tmp/a"]),
    ("Split-Path /tmp/a/b.txt -Leaf", ["b.txt"]),
    ("Split-Path /tmp/a/b.txt -LeafBase", ["b"]),
    ("Split-Path /tmp/a/b.txt -Extension", [".txt"]),
    ("Split-Path b.txt", [""]),
    ("Split-Path /x -IsAbsolute", [True]),
    ("Split-Path x/y -IsAbsolute", [False]),
    # --- Get-Date: Docs: Util/Get-Date.md --------------------------------------------------------
    ("Get-Date -Date '2020-03-04 05:06:07' -Format 'yyyy-MM-dd HH:mm:ss'", ["2020-03-04 05:06:07"]),
    ("Get-Date -Date '2020-03-04 05:06:07' -UFormat '%Y/%m/%d %H:%M:%S'", ["2020/03/04 05:06:07"]),
    ("Get-Date -Date '2020-03-04' -UFormat '%A %j %u'", ["Wednesday 064 3"]),
    ("(Get-Date -Year 2000 -Month 1 -Day 2).Year", [2000]),
    ("(Get-Date -Date '2020-01-31').AddDays(1).Month", [2]),
    ("(Get-Date) -is [datetime]", [True]),
]


@pytest.mark.parametrize("script,expected", CASES)
def test_data(script, expected):
    assert ps(script) == expected


FILE_CASES = [
    # Docs: Management/Set-Content.md, Add-Content.md, Get-Content.md
    ("'a','b' | Set-Content f.txt; Get-Content f.txt", ["a", "b"]),
    ("'a','b' | Set-Content f.txt; Add-Content f.txt 'c'; Get-Content f.txt", ["a", "b", "c"]),
    ("'a','b' | Set-Content f.txt; Get-Content f.txt -Raw", ["a\nb\n"]),
    ("'a','b','c' | Set-Content f.txt; Get-Content f.txt -TotalCount 2", ["a", "b"]),
    ("'a','b','c' | Set-Content f.txt; Get-Content f.txt -Tail 1", ["c"]),
    ("Set-Content f.txt 'x' -NoNewline; Get-Content f.txt -Raw", ["x"]),
    # Docs: Management/Test-Path.md
    ("Set-Content f.txt 1; Test-Path f.txt; Test-Path nope.txt", [True, False]),
    ("Set-Content f.txt 1; Test-Path f.txt -PathType Leaf; Test-Path . -PathType Leaf", [True, False]),
    ("Test-Path . -PathType Container", [True]),
    ("Set-Content f.txt 1; Test-Path *.txt", [True]),
    # Docs: Util/Export-Csv.md, Import-Csv.md; PS: .../Tee-Object.Tests.ps1
    ("[pscustomobject]@{n='a';v=1} | Export-Csv t.csv; Get-Content t.csv", ['"n","v"', '"a","1"']),
    ("[pscustomobject]@{n='a';v=1} | Export-Csv t.csv; Import-Csv t.csv", [{"n": "a", "v": "1"}]),
    (
        "[pscustomobject]@{n='a'} | Export-Csv t.csv; [pscustomobject]@{n='b'} | Export-Csv t.csv -Append; "
        "Import-Csv t.csv | % n",
        ["a", "b"],
    ),
    ("'1','2','3' | Tee-Object -FilePath tee.txt | Out-Null; Get-Content tee.txt", ["1", "2", "3"]),
    ("$r = '1','2' | Tee-Object -Path tee.txt; $r", ["1", "2"]),
]


@pytest.mark.parametrize("script,expected", FILE_CASES)
def test_files(script, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert ps(script) == expected


def test_get_content_missing_path(tmp_path, monkeypatch):
    # PS: Get-Content.Tests.ps1 ("should throw PathNotFound")
    monkeypatch.chdir(tmp_path)
    result = pscompat.run("Get-Content nope.txt")
    assert [e.fully_qualified_error_id for e in result.errors] == [
        "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand"
    ]
    assert result.errors[0].message == f"Cannot find path '{tmp_path}/nope.txt' because it does not exist."


def test_get_date_now_is_current():
    before = datetime.datetime.now()
    (value,) = pscompat.run("Get-Date")
    assert before <= value <= datetime.datetime.now()


ERROR_CASES = [
    # WebCmdletStrings.resx KeysWithDifferentCasingInJsonString
    (
        '\'{"a":1,"A":2}\' | ConvertFrom-Json',
        "System.InvalidOperationException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand",
    ),
    ("'not json' | ConvertFrom-Json", "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand"),
    (
        "1 | ConvertTo-Json -Depth 101",
        "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.ConvertToJsonCommand",
    ),
]


@pytest.mark.parametrize("script,error_id", ERROR_CASES)
def test_data_error(script, error_id):
    try:
        ids = [e.fully_qualified_error_id for e in pscompat.run(script).errors]
    except pscompat.PSError as exc:
        ids = [exc.fully_qualified_error_id]
    assert error_id in ids
