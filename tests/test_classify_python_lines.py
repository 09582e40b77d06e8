"""Python lines whose first word is a PowerShell alias stay Python (issue 10, "The xonsh prompt").

Two generated tables over the real registry, with no host claiming any name (the hardest case:
every alias is a PowerShell command then):
  * every alias that can be a Python name x every Python statement shape -> 'not_ps';
  * the same aliases in real PowerShell lines (arguments, parameters, paths, pipes) -> PowerShell.
Their sizes are in the test ids and in README's "Safety" section.
"""

import keyword

import pytest

from pscompat import catalog  # noqa: F401  (installs the real registry's loader)
from pscompat.engine import commands as base
from pscompat.shell import classify as C
from pscompat.shell.python_lines import INCOMPLETE, INVALID, VALID, python_reading


def _aliases():
    base.REGISTRY.load()  # every alias, the cmdlets' own and the Windows ones (`sc`, `ls`, `rm`...)
    return sorted(base.REGISTRY.aliases)


ALIASES = _aliases()
# `%` and `?` are no Python names; `del` is Python's own statement (its rows are `del X` below).
PYTHON_NAMED = [a for a in ALIASES if a.isidentifier() and not keyword.iskeyword(a)]

PYTHON_SHAPES = (
    # assignment in every form
    "X = 1",
    "X = 'data.csv'",
    'X = "x"',
    "X = y = 1",
    "X += 1",
    "X -= 1",
    "X *= 2",
    "X |= flags",
    "X //= 2",
    "X: int = 1",
    "X, y = 1, 2",
    "X, = pair",
    "X = [1,\n     2]\n",
    "X = lambda: 1",
    "X = 1; y = 2",
    # xonsh's own right-hand sides (without xonsh's parser: an assignment is never PowerShell)
    "X = $HOME",
    "X = $(ls -la /tmp)",
    "X = !(ls -l)",
    "X = $[ls]",
    "X = @(y)",
    "X = $(cat file.txt)",
    # del, calls, attributes, subscripts
    "del X",
    "del X, y",
    "del X[0]",
    "X(1)",
    "X()",
    "X(a, b=2)",
    "X(*args, **kw)",
    "X.attr",
    "X.method()",
    "X.a.b(c)[0]",
    "X[0]",
    "X[1:2]",
    "X['key'] = 3",
    "X.attr = 3",
    # expressions with Python operators
    "X == 1",
    "X != 1",
    "X < 1",
    "X > 1",
    "X >= 1",
    "X is None",
    "X is not None",
    "X in y",
    "X not in y",
    "X if c else d",
    "X and y",
    "X or y",
    "not X",
    "X + 1",
    "X - 1",
    "X-1",
    "X * 2",
    "X / 2",
    "X // 2",
    "X % 2",
    "X ** 2",
    "X @ y",
    "X & 1",
    "X ^ 1",
    "X << 1",
    "X >> 1",
    "X - y",
    # the start of a longer statement: Enter must give the next line to Python
    "X = (",
    "X = [1,",
    "X = {",
    "X(a,",
    "X[",
    'X = """text',
    "X = 1 + \\",
)

PYTHON_TABLE = [(shape.replace("X", alias), alias) for alias in PYTHON_NAMED for shape in PYTHON_SHAPES]

# Verbs whose cmdlets change state (files, variables, aliases, processes, locations, the screen).
STATE_VERBS = {"Add", "Clear", "Copy", "Export", "Invoke", "Move", "New", "Pop", "Push", "Remove", "Rename", "Set"}
STATE_VERBS |= {"Stop", "Tee"}
STATE_CHANGING = [a for a in ALIASES if base.REGISTRY.aliases[a].split("-")[0] in STATE_VERBS]


def _misread(table, expected):
    return [(line, got) for line, _ in table if (got := C.classify(line)) not in expected]


@pytest.mark.parametrize("table", [PYTHON_TABLE], ids=[f"{len(PYTHON_TABLE)}-alias-x-shape-lines"])
def test_python_shaped_lines_starting_with_an_alias_stay_with_the_host(table):
    assert len(PYTHON_NAMED) >= 60 and len(PYTHON_SHAPES) >= 60  # the table is really generated
    assert _misread(table, {C.NOT_PS}) == []


# Real PowerShell with the same first words: arguments, parameters, paths, wildcards, pipes.
POWERSHELL_SHAPES = (
    "X",
    "X  # with a comment",
    "X file.txt 'x'",
    "X a b",
    "X 'x'",
    "X x.txt",
    "X -r",
    "X -Recurse",
    "X -Path a -Destination b",
    "X \u2013Name n",  # an en dash, as the seed document writes it
    "X -Verbose -ErrorAction Stop",
    "X /tmp",
    "X /tmp/x y",
    "X .git",
    "X ..",
    "X .\\script.ps1",
    "X *.txt",
    "X @params",
    "X $x",
    "X $x -Force",
    "X | Sort-Object",
    "X | Select-Object -First 1",
    "X -r | Sort-Object Name",
    "X {$_ -gt 1}",
    "X a |",  # unfinished: the next line continues it
    "X `",
)

# `del` is left out: `del x.txt` and `del $x` read as Python's del statement, so the host keeps them
# (xonsh owns `del` anyway); `del -Recurse x` and `del a b` are in the named lines below.
POWERSHELL_TABLE = [
    (shape.replace("X", alias), alias) for alias in ALIASES if alias != "del" for shape in POWERSHELL_SHAPES
]

# Lines the brief names, and pipelines into aliases (the first word is then not the alias).
POWERSHELL_LINES = [
    ("1..3 | ? {$_ -gt 1}", C.COMPLETE),
    ("1..3 | % {$_ * 2}", C.COMPLETE),
    ("$xs | where Name -eq x", C.COMPLETE),
    ("$xs | where {$_.Length -gt 1} | select -First 1", C.COMPLETE),
    ("gci -r", C.COMPLETE),
    ("mi a b", C.COMPLETE),
    ("gci -r | ? {$_.Length -gt 1}", C.COMPLETE),
    ("gps | measure", C.COMPLETE),
    ("del -Recurse x", C.COMPLETE),  # `del` followed by a parameter is PowerShell's Remove-Item
    ("del a b", C.COMPLETE),
    ("sc file.txt 'x'", C.COMPLETE),
    ("foreach ($i in 1..3) { $i }", C.COMPLETE),
    ("foreach ($i in $xs) {", C.INCOMPLETE),
    ("throw", C.COMPLETE),
    ("throw 'boom'", C.COMPLETE),
    ("function f { 1 }", C.COMPLETE),
    ("filter f { $_ }", C.COMPLETE),
]


@pytest.mark.parametrize("table", [POWERSHELL_TABLE], ids=[f"{len(POWERSHELL_TABLE)}-alias-x-powershell-lines"])
def test_powershell_lines_starting_with_an_alias_stay_powershell(table):
    assert len(ALIASES) >= 60
    assert _misread(table, {C.COMPLETE, C.INCOMPLETE}) == []


@pytest.mark.parametrize("line, expected", POWERSHELL_LINES, ids=[c[0] for c in POWERSHELL_LINES])
def test_named_powershell_lines(line, expected):
    assert C.classify(line) == expected


@pytest.mark.parametrize(
    "line",
    ["throw = 1", "throw(x)", "filter = f", "filter(f, xs)", "function = 1", "foreach(1)", "foreach = []"],
)
def test_powershell_keywords_used_as_python_names_stay_python(line):
    assert C.classify(line) == C.NOT_PS


# --------------------------------------------------------------------------- ps! forces PowerShell


@pytest.mark.parametrize(
    "line, expected",
    [
        ("ps! sc = x", C.COMPLETE),
        ("ps! mi = 'data.csv'", C.COMPLETE),
        ("  ps!\tgci(1)", C.COMPLETE),
        ("ps! Get-AzureVMImage |", C.INCOMPLETE),
        ("ps! x = (", C.INCOMPLETE),
        ("ps!", C.NOT_PS),  # nothing to run: the system's ps
        ("ps! ", C.NOT_PS),
        ("ps!x = 1", C.NOT_PS),
    ],
)
def test_ps_prefix_forces_powershell(line, expected):
    assert C.classify(line) == expected


def test_forced_text():
    assert C.forced_text("ps! sc = x") == "sc = x"
    assert C.forced_text("  ps!  a\n  b") == "a\n  b"
    assert C.forced_text("sc = x") is None
    assert C.forced_text("ps!x") is None


# --------------------------------------------------------------------------- the reader itself


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mi = 'x'", VALID),
        ("mi(a,", INCOMPLETE),
        ("mi = (", INCOMPLETE),
        ("mi a b", INVALID),
        ("sc file.txt 'x'", INVALID),
        ("gci | where {$_ -gt 1}", INVALID),
        ("x = $HOME", VALID),  # xonsh's $NAME read as a name
        ("x = 'C:\\temp'", VALID),  # an invalid escape warns in Python; no warning escapes here
        ("x = '\0'", INVALID),  # a NUL byte: Python refuses the text, and says so without raising
        ("(" * 300, INVALID),  # too deep for Python's parser: an answer, not a crash
    ],
)
def test_python_reading(text, expected):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert python_reading(text) == expected


def test_host_parser_is_asked_where_python_says_no_and_its_failure_is_no_crash():
    asked = []

    def parser(text):
        asked.append(text)
        if text == "boom boom":
            raise RuntimeError("broken host parser")
        return text == "sc file.txt 'x'"  # a host that reads this line (xonsh would not)

    assert python_reading("sc file.txt 'x'", parser) == VALID
    assert python_reading("boom", parser) == VALID  # a name: Python itself reads it, the host is not asked
    assert python_reading("boom boom", parser) == INVALID
    assert python_reading("mi a b", parser) == INVALID
    assert asked == ["sc file.txt 'x'", "boom boom", "mi a b"]
