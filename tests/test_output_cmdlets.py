"""The output cmdlets end to end, through the engine.

Sources (PS = test/powershell/Modules/Microsoft.PowerShell.Utility/ in PowerShell/PowerShell;
Docs = MicrosoftDocs/PowerShell-Docs reference/7.5/Microsoft.PowerShell.Utility/):
  FT = Format-Table.Tests.ps1   FL = Format-List.Tests.ps1   OS = Out-String.Tests.ps1
  OF = Out-File.Tests.ps1       WH = Write-Host.Tests.ps1    WE = Write-Error.Tests.ps1
"""

from __future__ import annotations

import io

import pytest

import pscompat
from pscompat.format.host import CollectingHost, ConsoleHost

OUTPUT_CASES = [
    # (source, script, expected output objects)
    (
        "issue 3",
        "[pscustomobject]@{Name='a';Size=1},[pscustomobject]@{Name='b';Size=22} | ft | Out-String",
        ["\nName Size\n---- ----\na       1\nb      22\n\n"],
    ),
    (
        "issue 3: five properties -> list",
        "[pscustomobject]@{a=1;b=2;c=3;d=4;e=5} | Out-String",
        ["\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n"],
    ),
    (
        "FT left/right",
        "[PSCustomObject]@{a='abc';b=123} | Format-Table | Out-String",
        ["\na     b\n-     -\nabc 123\n\n"],
    ),
    (
        "FT no trailing whitespace in rows",
        "[pscustomobject]@{a=1;b=2} | Format-Table -HideTableHeaders | Out-String",
        ["\n1 2\n\n"],
    ),
    (
        "FT no trailing whitespace in the header",
        "'hello' | Format-Table -Property foo -Force | Out-String",
        ["\nfoo\n---\n\n\n"],
    ),
    (
        "FT width and center alignment of a calculated column",
        "[pscustomobject] @{ one = 1 } | Format-Table @{ l='one'; e='one'; width=10; alignment='center' } | Out-String",
        ["\n   one\n   ---\n    1\n\n"],
    ),
    (
        "Docs Format-Table ex.: calculated property with a script block",
        "[pscustomobject]@{a=2} | Format-Table @{Name='Twice';Expression={$_.a * 2}} | Out-String",
        ["\nTwice\n-----\n    4\n\n"],
    ),
    # the column is right-aligned: ComputeDefaultAlignment looks at the unformatted double
    (
        "Docs Format-Table: FormatString",
        "[pscustomobject]@{d=1.5} | Format-Table @{n='d';e={$_.d};FormatString='N3'} | Out-String",
        ["\n    d\n    -\n1.500\n\n"],
    ),
    (
        "FT -ExcludeProperty",
        "[pscustomobject]@{A=1;B=2;C=3} | Format-Table -ExcludeProperty B | Out-String",
        ["\nA C\n- -\n1 3\n\n"],
    ),
    (
        "FT less enumeration count",
        "$FormatEnumerationLimit = 1; Format-Table -InputObject @{'test'= 1, 2} | Out-String",
        [
            "\nName                           Value\n----                           -----\ntest                           {1…}\n\n"
        ],
    ),
    ("FT null input", "$null | Format-Table -Property foo,bar | Out-String", [""]),
    (
        "FL expected output",
        "[pscustomobject]@{testName='testValue'} | Format-List | Out-String",
        ["\ntestName : testValue\n\n"],
    ),
    ("FL array value", "@{array=0..255} | Format-List | Out-String", ["\nName  : array\nValue : {0, 1, 2, 3…}\n\n"]),
    (
        "FL -GroupBy with a label",
        "[pscustomobject]@{k=1;v=1},[pscustomobject]@{k=0;v=3} | Format-List -GroupBy @{Label='Key';Expression={$_.k}} | Out-String",
        ["\n   Key: 1\n\nk : 1\nv : 1\n\n\n   Key: 0\n\nk : 0\nv : 3\n\n"],
    ),
    ("OS 'a',' b'", "'a',' b' | Out-String", ["a\n b\n"]),
    ("OS -Stream", "'a','b' | Out-String -Stream", ["a", "b"]),
    (
        "OS -Stream on a table: one string per line",
        "[pscustomobject]@{a=1} | Format-Table | Out-String -Stream",
        ["", "a", "-", "1", ""],
    ),
    ("OS -NoNewline", "1..3 | Out-String -NoNewline", ["123"]),
    ("OS no input: an empty string", "@() | Out-String", [""]),
    ("Out-Null", "1, 'a' | Out-Null", []),
    ("Write-Host is not output", "Write-Host 'hi'; 'out'", ["out"]),
]


@pytest.mark.parametrize("script,expected", [c[1:] for c in OUTPUT_CASES], ids=[c[0] for c in OUTPUT_CASES])
def test_output(script, expected):
    result = pscompat.run(script)
    assert not result.errors, [str(e) for e in result.errors]
    assert list(result) == expected


def _session():
    host = CollectingHost()
    return pscompat.Session(host=host), host


@pytest.mark.parametrize(
    "script,expected",
    [
        ("Write-Host 'no newline' -NoNewline; Write-Host '!'", "no newline!\n"),  # WH
        ("Write-Host (2,4,6) -Separator ', +2= '", "2, +2= 4, +2= 6\n"),  # Docs Write-Host ex. 3
        ("Write-Host a b -ForegroundColor Red", "a b\n"),  # colours are accepted; plain text off a terminal
        ("Write-Host", "\n"),
        # WriteConsoleCmdlet.cs ProcessObject: enumerables unroll with the separator (a hashtable
        # into its '[key, value]' entries), $null adds nothing, other values are their en-US ToString()
        ("Write-Host @{a=1}", "[a, 1]\n"),
        ("Write-Host a,$null,b -Separator '+'", "a++b\n"),
        ("Write-Host (1,(2,3)) -Separator ', '", "1, 2, 3\n"),
        ("Write-Host a,b,c -Separator $null", "abc\n"),
        ("Write-Host ([datetime]'2020-01-02 03:04:05')", "1/2/2020 3:04:05 AM\n"),
        ("Write-Host x -ForegroundColor 14 -BackgroundColor darkblue", "x\n"),  # names any case, or 0-15
        ("[pscustomobject]@{a=1} | Out-Host", "\na\n-\n1\n\n"),
        ("[pscustomobject]@{a=1} | Out-Default", "\na\n-\n1\n\n"),
    ],
)
def test_host_text(script, expected):
    session, host = _session()
    session.run(script)
    assert host.text == expected


def test_verbose_warning_debug_information_streams():
    session, host = _session()
    result = session.run(
        "Write-Verbose 'quiet'; Write-Verbose 'loud' -Verbose; Write-Warning 'careful'; "
        "Write-Debug 'dbg'; Write-Debug 'shown' -Debug; Write-Information 'info'"
    )
    assert result.verbose == ["loud"]
    assert result.warnings == ["careful"]
    assert host.debug == ["shown"]
    assert host.information == ["info"]
    result = session.run(
        "$VerbosePreference = 'Continue'; Write-Verbose 'pref'; Write-Warning 'gone' -WarningAction SilentlyContinue"
    )
    assert result.verbose == ["pref"] and result.warnings == []


@pytest.mark.parametrize(
    "script,fqid,category",
    [
        ("Write-Error 'boom'", "Microsoft.PowerShell.Commands.WriteErrorException", "NotSpecified"),  # WE
        ("Write-Error -Message 'boom' -ErrorId Foo -Category ObjectNotFound", "Foo", "ObjectNotFound"),
    ],
)
def test_write_error_is_non_terminating(script, fqid, category):
    result = pscompat.run(script + "; 'after'")
    assert list(result) == ["after"]
    assert [e.message for e in result.errors] == ["boom"]
    assert result.errors[0].fully_qualified_error_id == fqid
    assert result.errors[0].category == category


def test_write_error_allows_null_and_empty_messages():
    # Write.cs: Message is [AllowNull] [AllowEmptyString]
    result = pscompat.run("Write-Error $null; Write-Error ''; 'after'")
    assert list(result) == ["after"]
    assert [e.message for e in result.errors] == ["", ""]


def test_write_error_in_a_function_names_the_function():
    # ErrorView.Tests.ps1 'Function shows up correctly': the ConciseView reason is the caller
    result = pscompat.run("function test-myerror { [cmdletbinding()] param() Write-Error 'myError' }; test-myerror")
    assert [e.command for e in result.errors] == ["test-myerror"]


def test_write_progress_reaches_the_host():
    session, host = _session()
    session.run(
        "Write-Progress -Activity 'Copy' -Status 'half' -PercentComplete 50; Write-Progress -Activity 'Copy' -Completed"
    )
    assert host.progress_records == [("Copy", "half", 50, False, 0), ("Copy", "Processing", -1, True, 0)]


def test_out_file(tmp_path):
    path = tmp_path / "out.txt"
    result = pscompat.run(
        f"[pscustomobject]@{{a='abc';b=123}} | Out-File -FilePath '{path}'; "
        f"'more' | Out-File '{path}' -Append; 'x','y' | Out-File '{path}.2' -NoNewline"
    )
    assert not result.errors, [str(e) for e in result.errors]
    assert path.read_text(encoding="utf-8") == "\na     b\n-     -\nabc 123\n\nmore\n"  # OF
    assert (tmp_path / "out.txt.2").read_text(encoding="utf-8") == "xy"


def test_out_file_noclobber(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("keep")
    result = pscompat.run(f"'new' | Out-File '{path}' -NoClobber")
    assert result.errors and path.read_text() == "keep"


def test_format_table_output_is_format_data():
    result = pscompat.run("[pscustomobject]@{a=1} | Format-Table")
    names = [type(x).__name__ for x in result]
    assert names == ["FormatStartData", "GroupStartData", "FormatEntryData", "GroupEndData", "FormatEndData"]
    assert str(result) == "\na\n-\n1\n\n"


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize(
    "fg,bg,expected",
    [
        ("Red", None, "\x1b[91mhi\x1b[0m\n"),
        ("darkblue", "White", "\x1b[34;107mhi\x1b[0m\n"),
        (None, "DarkYellow", "\x1b[43mhi\x1b[0m\n"),
        (None, None, "hi\n"),
    ],
)
def test_console_host_colours_on_a_terminal(fg, bg, expected):
    out = _Terminal()
    ConsoleHost(stdout=out, interactive=False).write_host("hi", True, fg, bg)
    assert out.getvalue() == expected


def test_console_host_colours_off_a_terminal():
    out = io.StringIO()
    ConsoleHost(stdout=out, interactive=False).write_host("hi", False, "Red", "White")
    assert out.getvalue() == "hi"
