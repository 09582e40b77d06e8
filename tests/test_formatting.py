"""PowerShell's output formatting, checked against the exact texts PowerShell's own tests and
sources expect.

Sources (PS = github.com/PowerShell/PowerShell, test/powershell/Modules/Microsoft.PowerShell.Utility/):
  FT  = Format-Table.Tests.ps1     FL = Format-List.Tests.ps1     OS = Out-String.Tests.ps1
  SRC = src/System.Management.Automation/FormatAndOutput/ (the file named in the row)
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest

from pscompat.format.directives import FormatOptions
from pscompat.format.host import CollectingHost, ConsoleHost
from pscompat.format.out_default import OutDefault, render
from pscompat.format.views import Column, register_view
from pscompat.values.error_records import ErrorRecord
from pscompat.values.objects.classes import Hashtable, PSObject


def P(*pairs, **kw):
    return PSObject(list(pairs) + list(kw.items()))


def typed(type_name, **kw):
    return PSObject(kw, type_names=[type_name, "System.Object"])


TABLE = FormatOptions(shape="table")
LIST = FormatOptions(shape="list")
WRAP = FormatOptions(shape="table", wrap=True)

CASES = [
    # (id, objects, options, width, expected text)
    ("FT left/right", [P(a="abc", b=123)], TABLE, None, "\na     b\n-     -\nabc 123\n\n"),
    ("FT left/left", [P(a="abc", b="abc")], TABLE, None, "\na   b\n-   -\nabc abc\n\n"),
    ("FT right/left", [P(a=123, b="abc")], TABLE, None, "\n  a b\n  - -\n123 abc\n\n"),
    ("FT right/right", [P(a=123, b=123)], TABLE, None, "\n  a   b\n  -   -\n123 123\n\n"),
    (
        "FT implicit autosize, first column",
        [P(abc="1234", bcd="123"), P(abc="1", bcd="1234")],
        TABLE,
        None,
        "\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n",
    ),
    (
        "FT implicit autosize, both columns",
        [P(abc="1234", bcd="1234"), P(abc="1", bcd="1")],
        TABLE,
        None,
        "\nabc  bcd\n---  ---\n1234 1234\n1    1\n\n",
    ),
    (
        "FT implicit autosize, second column",
        [P(abc="123", bcd="1234"), P(abc="1", bcd="123")],
        TABLE,
        None,
        "\nabc bcd\n--- ---\n123 1234\n1   123\n\n",
    ),
    (
        "FT wrapped rows: right",
        [P(A=1, B=2, Name="This\nIs some random\nmultiline content")],
        WRAP,
        None,
        "\nA B Name\n- - ----\n1 2 This\n    Is some random\n    multiline content\n\n",
    ),
    (
        "FT wrapped rows: left",
        [P(Name="This\nIs some random\nmultiline content", A=1, B=2)],
        WRAP,
        None,
        "\nName                                  A B\n----                                  - -\n"
        "This                                  1 2\nIs some random\nmultiline content\n\n",
    ),
    (
        "FT wrapped rows: middle",
        [P(A=1, Name="This\nIs some random\nmultiline content", B=2)],
        WRAP,
        None,
        "\nA Name                                  B\n- ----                                  -\n"
        "1 This                                  2\n  Is some random\n  multiline content\n\n",
    ),
    (
        "FT without -Wrap a multi-line cell shows its first line and …",
        [P(a="1\n2", b=1)],
        TABLE,
        None,
        "\na   b\n-   -\n1…  1\n\n",
    ),
    (
        "FT double byte wide chars",
        [P(("哇", "62"), ("dbda", "KM"), ("消息", "千"))],
        TABLE,
        None,
        "\n哇 dbda 消息\n-- ---- ----\n62 KM   千\n\n",
    ),
    (
        "FT floats and decimals with two decimals (culture 'F')",
        [P(double=1234.56789, float=9876.54321, decimal=Decimal("4567.123456789"))],
        TABLE,
        None,
        "\n double   float decimal\n ------   ----- -------\n1234.57 9876.54 4567.12\n\n",
    ),
    (
        "FT should not add trailing whitespace to rows (-HideTableHeaders)",
        [P(a=1, b=2)],
        FormatOptions(shape="table", hide_header=True),
        None,
        "\n1 2\n\n",
    ),
    (
        "FT string with -Property -Force: header only",
        ["hello"],
        FormatOptions(shape="table", properties=["foo"], force=True),
        None,
        "\nfoo\n---\n\n\n",
    ),
    ("FT $null input: nothing", [None], FormatOptions(shape="table", properties=["foo", "bar"]), None, ""),
    ("FT empty hashtable: nothing", [Hashtable()], FormatOptions(shape="table", properties=["foo", "bar"]), None, ""),
    (
        "FT hashtable with array: {0, 1, 2, 3…}",
        [Hashtable(array=list(range(256)))],
        TABLE,
        None,
        "\nName                           Value\n----                           -----\narray                          {0, 1, 2, 3…}\n\n",
    ),
    (
        "FT enumeration limit -1",
        [Hashtable(test=[1, 2])],
        FormatOptions(shape="table", enumeration_limit=-1),
        None,
        "\nName                           Value\n----                           -----\ntest                           {1, 2}\n\n",
    ),
    (
        "FT enumeration limit 1",
        [Hashtable(test=[1, 2])],
        FormatOptions(shape="table", enumeration_limit=1),
        None,
        "\nName                           Value\n----                           -----\ntest                           {1…}\n\n",
    ),
    (
        "FT enumeration limit 2 (equal count)",
        [Hashtable(test=[1, 2])],
        FormatOptions(shape="table", enumeration_limit=2),
        None,
        "\nName                           Value\n----                           -----\ntest                           {1, 2}\n\n",
    ),
    (
        "FT -AutoSize",
        [P(name="Bob", size=1234, booleanValue=True), P(name="Jim", size=5678, booleanValue=False)],
        FormatOptions(shape="table", autosize=True),
        None,
        "\nname size booleanValue\n---- ---- ------------\nBob  1234         True\nJim  5678        False\n\n",
    ),
    (
        "FT -Property with a calculated column and its width/alignment",
        [P(one=1)],
        FormatOptions(shape="table", properties=[Column("one", "one", 10, "center")]),
        None,
        "\n   one\n   ---\n    1\n\n",
    ),
    # TableWriter.GenerateRow pads every column but the declared last one, even when that one
    # was dropped: the dashes line keeps its padding then.
    (
        "FT columns that do not fit are dropped, the last one truncated with …",
        [P(a="x" * 30, b="y")],
        TABLE,
        20,
        "\na\n-" + " " * 19 + "\n" + "x" * 19 + "…\n\n",
    ),
    (
        "FT -GroupBy: a '   Label: value' line per group, a blank line between groups",
        [P(k=1, v="a"), P(k=1, v="b"), P(k=2, v="c")],
        FormatOptions(shape="table", group_by=Column("k", "k")),
        None,
        "\n   k: 1\n\nk v\n- -\n1 a\n1 b\n\n   k: 2\n\nk v\n- -\n2 c\n\n",
    ),
    ("FL expected output", [P(testName="testValue")], LIST, None, "\ntestName : testValue\n\n"),
    (
        "FL double byte wide chars",
        [P(("哇", "62"), ("dbda", "KM"), ("消息", "千"))],
        LIST,
        None,
        "\n哇   : 62\ndbda : KM\n消息 : 千\n\n",
    ),
    (
        "FL floats keep their digits",
        [P(double=1234.56789, float=9876.543, decimal=Decimal("4567.123456789"))],
        LIST,
        None,
        "\ndouble  : 1234.56789\nfloat   : 9876.543\ndecimal : 4567.123456789\n\n",
    ),
    (
        "FL hashtable with array",
        [Hashtable(array=list(range(256)))],
        LIST,
        None,
        "\nName  : array\nValue : {0, 1, 2, 3…}\n\n",
    ),
    (
        "FL several objects: each with its own properties",
        [P(Name="name1", Length=1), P(Name="n2", Value="v2")],
        LIST,
        None,
        "\nName   : name1\nLength : 1\n\nName  : n2\nValue : v2\n\n",
    ),
    (
        "FL long values wrap under the value column",
        [P(a="word " * 5)],
        LIST,
        14,
        "\na : word word \n    word word \n    word \n\n",
    ),
    (
        "FL with -Property drops properties the object lacks",
        [P(a=1)],
        FormatOptions(shape="list", properties=["a", "nope"]),
        None,
        "\na : 1\n\n",
    ),
    ("OS strings: one per line", ["a", " b"], None, None, "a\n b\n"),
    (
        "Out-Default: <= 4 properties is a table",
        [P(Name="a", Size=1), P(Name="b", Size=22)],
        None,
        None,
        "\nName Size\n---- ----\na       1\nb      22\n\n",
    ),
    (
        "Out-Default: 5 properties is a list",
        [P(a=1, b=2, c=3, d=4, e=5)],
        None,
        None,
        "\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n",
    ),
    ("Out-Default: a scalar before an object prints on its own", [1, P(a=1)], None, None, "1\n\na\n-\n1\n\n"),
    # (the empty cell is right-aligned like the column, hence the blank)
    (
        "Out-Default: objects after the first share its columns (SRC BaseFormattingCommand.cs)",
        [P(a=1), P(b=2)],
        None,
        None,
        "\na\n-\n1\n \n\n",
    ),
    (
        "Out-Default: a hashtable shows Name/Value (SRC DotNetTypes_format_ps1xml.cs Dictionary)",
        [Hashtable(a=1, b="x")],
        None,
        None,
        "\nName                           Value\n----                           -----\na                              1\nb                              x\n\n",
    ),
    (
        "Out-Default: GroupInfo view (Count 5 right, Name 25, Group)",
        [typed("Microsoft.PowerShell.Commands.GroupInfo", Count=2, Name="a", Group=["x", "y"], Values=["a"])],
        None,
        None,
        "\nCount Name                      Group\n----- ----                      -----\n    2 a                         {x, y}\n\n",
    ),
    # The Measure-Object view is Deserialized-only: a live result lists all its properties
    # (Measure-Object reference page output, StandardDeviation included).
    (
        "Out-Default: Measure-Object result as a list; empty values keep ' : '",
        [
            typed(
                "Microsoft.PowerShell.Commands.GenericMeasureInfo",
                Count=3,
                Average=None,
                Sum=6,
                Maximum=None,
                Minimum=None,
                StandardDeviation=None,
                Property=None,
            )
        ],
        None,
        None,
        "\nCount             : 3\nAverage           : \nSum               : 6\nMaximum           : \n"
        "Minimum           : \nStandardDeviation : \nProperty          : \n\n",
    ),
    (
        "Out-Default: Get-Member view grouped by TypeName",
        [
            typed(
                "Microsoft.PowerShell.Commands.MemberDefinition",
                TypeName="System.String",
                Name="Length",
                MemberType="Property",
                Definition="int Length {get;}",
            ),
            typed(
                "Microsoft.PowerShell.Commands.MemberDefinition",
                TypeName="System.Int32",
                Name="CompareTo",
                MemberType="Method",
                Definition="int CompareTo(int value)",
            ),
        ],
        None,
        None,
        "\n   TypeName: System.String\n\nName   MemberType Definition\n----   ---------- ----------\n"
        "Length Property   int Length {get;}\n\n   TypeName: System.Int32\n\n"
        "Name      MemberType Definition\n----      ---------- ----------\nCompareTo Method     int CompareTo(int value)\n\n",
    ),
    (
        "Out-Default: a DateTime is its long date and time between blank lines",
        [dt.datetime(2024, 1, 2, 15, 4, 5)],
        None,
        None,
        "\nTuesday, January 2, 2024 3:04:05 PM\n\n",
    ),
    (
        "Out-Default: an ErrorRecord in ConciseView, on its own",
        [ErrorRecord("boom", "X", command="Write-Error")],
        None,
        None,
        "Write-Error: boom\n",
    ),
    # a short last row is padded like a full one (WideOutputContext.WriteStringBuffer)
    (
        "Format-Wide: two columns sharing the width",
        [P(Name="a"), P(Name="b"), P(Name="c")],
        FormatOptions(shape="wide"),
        20,
        "\na          b\nc" + " " * 10 + "\n\n",
    ),
    (
        "Format-Wide -Column 3",
        [P(Name=n) for n in "abcd"],
        FormatOptions(shape="wide", wide_columns=3),
        20,
        "\na      b      c\nd" + " " * 13 + "\n\n",
    ),
]


@pytest.mark.parametrize("objects,options,width,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_render(objects, options, width, expected):
    assert render(objects, width=width, options=options) == expected


# FT "Format-Table should correctly render rows" / "headers that span multiple rows": a view with
# fixed widths 4, 7, 5 and left/right/center alignment.
register_view(
    "Test.Format",
    "table",
    [("LongLongHeader", "First"), ("Header2", "Second"), ("Header3", "Third")],
    widths=[4, 7, 5],
    alignments=["left", "right", "center"],
)


@pytest.mark.parametrize(
    "values,wrap,expected",
    [
        (
            (1, 2, 3),
            False,
            "\nLong*Header2*Heade\nLong**********r3\nHead\ner\n----*-------*-----\n1**********2***3\n\n",
        ),
        (
            ("12345", "12345678", "123456"),
            False,
            "\nLong*Header2*Heade\nLong**********r3\nHead\ner\n----*-------*-----\n123…*…345678*1234…\n\n",
        ),
        (
            ("12345", "12345678", "123456"),
            True,
            "\nLong*Header2*Heade\nLong**********r3\nHead\ner\n----*-------*-----\n1234*1234567*12345\n5**********8***6\n\n",
        ),
    ],
    ids=["narrow values", "wide values", "wide values with wrap, all 3 columns"],
)
def test_view_with_fixed_widths(values, wrap, expected):
    obj = typed("Test.Format", First=values[0], Second=values[1], Third=values[2])
    text = render([obj], options=FormatOptions(shape="table", wrap=wrap))
    assert text.replace(" ", "*") == expected


def test_streaming_sizes_columns_from_the_first_300ms():
    """BaseOutputtingCommand.cs: rows are held back 300 ms to size the columns, later rows
    are cut to those widths."""
    now = [0.0]
    written: list[str] = []
    out = OutDefault(written.append, width=80, clock=lambda: now[0])
    out.feed(P(a="x", b=1))
    now[0] = 0.1
    out.feed(P(a="xxx", b=2))
    assert written == [], "the first rows (and the blank line before them) wait for the window"
    now[0] = 0.5
    out.feed(P(a="yyyyyyy", b=3))
    out.close()
    # the row that arrives after the window is still part of the sized batch
    assert "".join(written) == "\na       b\n-       -\nx       1\nxxx     2\nyyyyyyy 3\n\n"

    now[0], written[:] = 0.0, []
    out = OutDefault(written.append, width=80, clock=lambda: now[0])
    out.feed(P(a="x", b=1))
    now[0] = 0.5
    out.feed(P(a="xx", b=2))  # the window has passed: released with these two rows
    out.feed(P(a="yyyyyyy", b=3))
    out.close()
    assert "".join(written) == "\na  b\n-  -\nx  1\nxx 2\ny… 3\n\n"


def test_format_directives_pass_through_out_string():
    """`... | Format-Table | Out-String`: Out-String prints the directives Format-Table made."""
    from pscompat.format.directives import Formatter

    fmt = Formatter(FormatOptions(shape="list"))
    directives = fmt.feed(P(a=1, b=2)) + fmt.close()
    assert directives[0].PS_TYPE_NAMES[0] == "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData"
    assert render(directives) == "\na : 1\nb : 2\n\n"
    assert render(directives + ["x"]) == "\na : 1\nb : 2\n\nx\n"


# --------------------------------------------------------------------------------------------
# Hosts (PS: src/Microsoft.PowerShell.ConsoleHost/host/msh/ConsoleHostUserInterface.cs)


def test_console_host_streams_when_redirected():
    out, err = io.StringIO(), io.StringIO()
    host = ConsoleHost(out, err, interactive=False)
    host.write_verbose("v")
    host.write_warning("w")
    host.write_debug("d")
    host.write_host("no newline", newline=False)
    host.write_host("!")
    host.write_information("info", show=True)
    host.write_information("hidden", show=False)
    host.progress("Activity", "status", 50)  # not a terminal: nothing drawn
    host.write_error(ErrorRecord("boom", "X", command="Write-Error"))
    assert out.getvalue() == "VERBOSE: v\nWARNING: w\nDEBUG: d\nno newline!\ninfo\n"
    assert err.getvalue() == "Write-Error: boom\n"
    assert host.width == 120


def test_console_host_progress_bar_on_a_terminal():
    out = io.StringIO()
    host = ConsoleHost(out, io.StringIO(), interactive=False, width=40)
    host.tty = True
    host.progress("Copy", "1 of 4", 25)
    bar = out.getvalue()
    assert bar.startswith("\r\x1b[33;1mCopy [\x1b[7m") and bar.count("\n") == 0
    host.write_host("line")  # text goes above the bar, which is redrawn
    host.progress("Copy", "", 100, completed=True)
    assert out.getvalue().endswith("\r\x1b[2K") and "line\n" in out.getvalue()


def test_collecting_host_records_everything():
    host = CollectingHost()
    mark = host.mark()
    host.write_verbose("v")
    host.write_warning("w")
    host.write_information("i")
    host.write_host("h")
    assert host.since(mark) == (["w"], ["v"], ["i"])
    assert host.text == "h\n"
