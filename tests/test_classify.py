"""The classifier as a table: is a line PowerShell, and is it finished?

The registry is a small fake one (built with the real CommandInfo/Parameter types), so these
tables do not move when other cmdlet modules land; a few rows at the end use the real registry.
"""

import pytest

from pscompat import catalog  # noqa: F401  (installs the real registry's loader)
from pscompat.engine import commands as base
from pscompat.engine.commands import CommandInfo, Parameter
from pscompat.shell import classify as C

IMAGES = ("Win2012-R2-Datacenter", "Win2016-Datacenter", "Ubuntu 14.04 LTS")


def _images(ctx, prefix):
    return [i for i in IMAGES if i.lower().startswith(prefix.lower())]


FAKE_COMMANDS = (
    CommandInfo(
        "Get-AzureVMImage",
        None,
        (Parameter("ImageName", "string", position=0, help="Name of the image.", completer=_images),),
        synopsis="Gets the properties of an operating system or virtual machine image.",
    ),
    CommandInfo(
        "Save-AzureVMImage",
        None,
        (
            Parameter("ServiceName", "string", mandatory=True, help="Cloud service of the VM."),
            Parameter("Name", "string", mandatory=True, help="Name of the VM to capture."),
            Parameter("ImageName", "string", mandatory=True, aliases=("NewImageName",)),
            Parameter("ImageLabel", "string", aliases=("NewImageLabel",)),
            Parameter("OSState", "string", validate_set=("Generalized", "Specialized")),
        ),
        synopsis="Captures a virtual machine as an image.",
    ),
    CommandInfo(
        "Where-Object",
        None,
        (
            Parameter("FilterScript", "scriptblock", position=0),
            Parameter("InputObject", "psobject", pipeline=True),
        ),
        aliases=("where", "?"),
        synopsis="Selects objects from a collection.",
    ),
    CommandInfo(
        "Select-Object",
        None,
        (
            Parameter("Property", "object[]", position=0, help="Properties to select."),
            Parameter("First", "int"),
            Parameter("InputObject", "psobject", pipeline=True),
        ),
        aliases=("select",),
        synopsis="Selects objects or object properties.",
    ),
    CommandInfo("ForEach-Object", None, (Parameter("Process", "scriptblock[]", position=0),), aliases=("foreach", "%")),
    CommandInfo("Write-Output", None, (Parameter("InputObject", "psobject[]", position=0),), aliases=("echo", "write")),
    CommandInfo("Sort-Object", None, (Parameter("Property", "object[]", position=0),), aliases=("sort",)),
    CommandInfo(
        "Get-Member",
        None,
        (Parameter("Name", "string[]", position=0), Parameter("InputObject", "psobject")),
        aliases=("gm",),
    ),
)


def make_registry():
    reg = base.Registry()
    reg._loaded = True  # no module imports: only the fake commands exist
    for info in FAKE_COMMANDS:
        reg.register(info)
    return reg


@pytest.fixture
def fake_registry(monkeypatch):
    reg = make_registry()
    monkeypatch.setattr(base, "REGISTRY", reg)
    return reg


# What a xonsh session would claim: commands on PATH, xonsh aliases, Python names.
HOST_NAMES = {"ls", "echo", "sort", "cd", "print", "x", "select", "cat", "grep"}


def host(name):
    return name in HOST_NAMES


SEED_FIND_VM_IMAGES = (
    "Get-AzureVMImage | where {(gm \u2013InputObject $_ -Name DataDiskConfigurations) "
    "-ne $null} | Select -Property Label, ImageName"
)

CASES = [
    # --- not PowerShell: xonsh and Python lines stay with xonsh ----------------------------
    ("", "not_ps"),
    ("   \n", "not_ps"),
    ("ls", "not_ps"),
    ("ls -la /tmp", "not_ps"),
    ("echo $HOME", "not_ps"),  # echo is a PowerShell alias, but the host owns it
    ("sort file.txt", "not_ps"),
    ("x = 1", "not_ps"),
    ("print(x)", "not_ps"),
    ("print(x", "not_ps"),  # an unfinished Python line is not ours to continue
    ("if x:", "not_ps"),
    ("def f():\n    return 1\n", "not_ps"),
    ("$PATH = ['/bin']", "not_ps"),  # xonsh env var assignment
    ("$family = 'x'", "not_ps"),
    ("$N = 5", "not_ps"),
    ("$L = [1, 2]", "not_ps"),
    ("$S = (1 + 2)", "not_ps"),
    ("cat a | grep b", "not_ps"),
    ("# a comment", "not_ps"),
    ("Get-Process", "not_ps"),  # Verb-Noun but not a registered command
    ("apt-get install tmux", "not_ps"),
    ("ls | Sort-Object", "not_ps"),  # a host command's text output is the host's business
    ("@(ls)", "not_ps"),
    # --- complete PowerShell ------------------------------------------------------------------
    ("Get-AzureVMImage", "complete"),
    ("get-azurevmimage", "complete"),  # case-insensitive, as PowerShell
    ("  Get-AzureVMImage\n", "complete"),
    ("Get-AzureVMImage | select ImageFamily", "complete"),
    ("Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family}", "complete"),
    (SEED_FIND_VM_IMAGES, "complete"),
    (
        'Save-AzureVMImage \u2013ServiceName "myServiceName" \u2013Name "MyVMtoCapture" \u2013OSState '
        '"Generalized" \u2013ImageName "MyVmImage" \u2013ImageLabel "This is my generalized image"',
        "complete",
    ),
    ("where {$_.A -eq 1}", "complete"),  # an alias the host does not claim
    ("gm -InputObject 1", "complete"),
    ("% {$_}", "complete"),
    ("$imgs = Get-AzureVMImage", "complete"),
    ("$imgs=Get-AzureVMImage | select -First 2", "complete"),
    ("$n = 1..3", "complete"),
    ("$h = @{a = 1}", "complete"),
    ("$a = @(1, 2)", "complete"),
    ("$d = [datetime]::Now", "complete"),
    ("$v = $imgs | Select-Object -First 1", "complete"),
    ("$c = ($imgs | Select-Object -First 1).Label", "complete"),
    ("$c = (Get-AzureVMImage).Count", "complete"),
    ("$h = @{", "incomplete"),
    ("$imgs | Select-Object Label", "complete"),
    ("1..3 | ForEach-Object {$_ * 2}", "complete"),
    ("'a','b' | Sort-Object", "complete"),
    ("function Get-Double($x) { $x * 2 }", "complete"),
    ("Get-AzureVMImage | Where-Object {\n  $_.ImageFamily -eq $family\n} | Select Label\n", "complete"),
    ("Get-AzureVMImage |\n  Where-Object {$_.Label} |\n  Select Label\n", "complete"),
    ("Get-AzureVMImage `\n  -ImageName x\n", "complete"),
    ("Write-Output 'it''s'", "complete"),
    ('Write-Output "a $(Get-AzureVMImage | select -First 1) b"', "complete"),
    ('Write-Output @"\nline {\n"@\n', "complete"),
    ("Get-AzureVMImage <# block\ncomment #> -ImageName x", "complete"),
    ("Get-AzureVMImage # trailing | comment", "complete"),
    ("Write-Output \u2018typographic\u2019", "complete"),
    ("Get-AzureVMImage; ls", "complete"),  # the first statement decides
    # --- incomplete: the next line continues the same script ---------------------------------
    ("Get-AzureVMImage |", "incomplete"),
    ("Get-AzureVMImage | \n", "incomplete"),
    ("Get-AzureVMImage | # comment\n", "incomplete"),
    ("Get-AzureVMImage |\n  Where-Object {$_.Label} |\n", "incomplete"),
    ("Get-AzureVMImage `", "incomplete"),
    ("Get-AzureVMImage `\n", "incomplete"),
    ("Get-AzureVMImage | Where-Object {", "incomplete"),
    ("Get-AzureVMImage | Where-Object {\n  $_.ImageFamily -eq $family\n", "incomplete"),
    ("Get-AzureVMImage | Where-Object { ($_.A", "incomplete"),
    ("Select-Object -Property Label,", "incomplete"),
    ("Write-Output 'open", "incomplete"),
    ('Write-Output "open $(', "incomplete"),
    ("Write-Output @'\nhere\n", "incomplete"),
    ("Get-AzureVMImage <# open comment", "incomplete"),
    ("$imgs = Get-AzureVMImage |", "incomplete"),
    ("function Get-Double($x) {", "incomplete"),
    ("Get-AzureVMImage && Write-Output ok &&", "incomplete"),
]


@pytest.mark.parametrize("src, expected", CASES, ids=[repr(c[0])[:60] for c in CASES])
def test_classify(fake_registry, src, expected):
    assert C.classify(src, is_host_name=host) == expected


# Statements that start with a keyword.  Python has `if`, `for`, `while`, `try`, `class` too, so
# what follows decides: `if x:` / `if (x):` are Python, `if ($x -gt 1) {` is PowerShell.
KEYWORD_CASES = [
    ("if x:", "not_ps"),
    ("if (x):", "not_ps"),
    ("if (x)", "not_ps"),  # no block and no PowerShell in the condition: Python's SyntaxError
    ("if (x > 1 and", "not_ps"),  # Python continues an open paren itself
    ("if (a) and b:", "not_ps"),
    ("for (a, b) in pairs:", "not_ps"),
    ("while (x):", "not_ps"),
    ("while True:", "not_ps"),
    ("try:", "not_ps"),
    ("class Point:", "not_ps"),
    ("class Point(Base):", "not_ps"),
    ("switch(x)", "not_ps"),  # a Python call
    ("switch (x)", "not_ps"),
    ("param(x)", "not_ps"),
    ("param(", "not_ps"),
    ("@(ls)", "not_ps"),  # xonsh's @(expr)
    ("@(1, 2)", "not_ps"),
    ("[x][0]", "not_ps"),  # Python: index a list
    ("[x](1)", "not_ps"),
    ("[x].count(1)", "not_ps"),
    ("[1, 2]", "not_ps"),
    ("$L = [a][0]", "not_ps"),
    ("if ($x -gt 1) {", "incomplete"),
    ("if ($x -gt 1) { 'big' }", "complete"),
    ("If ($a) {1} else {2}", "complete"),  # keywords ignore case
    ("if ($x -gt 1)", "incomplete"),  # the block may start on the next line
    ("if ($x -gt 1)\n{\n  'a'\n}\n", "complete"),
    ("if ($x -gt 1 -and", "incomplete"),
    ("if (Test-Thing) {", "incomplete"),
    ("elseif ($a) { 1 }", "complete"),  # PowerShell's own parse error, not Python's
    ("for ($i = 0; $i -lt 3; $i++) { $i }", "complete"),
    ("for ($i = 0; $i -lt 3; $i++) {", "incomplete"),
    ("foreach ($i in 1..3) { $i }", "complete"),
    ("foreach ($i in $xs) {", "incomplete"),
    ("while ($i -lt 3) { $i++ }", "complete"),
    ("do { $i++ } while ($i -lt 3)", "complete"),
    ("do {", "incomplete"),
    ("switch ($x) { 1 {'one'} }", "complete"),
    ("switch -regex ($s) {", "incomplete"),
    ("switch -Wildcard -CaseSensitive ($s) { 'a*' {1} }", "complete"),
    ("try { 1 } catch { 2 }", "complete"),
    ("try {", "incomplete"),
    ("try { 1 }", "incomplete"),  # a catch or finally must follow
    ("trap { 'x' }", "complete"),
    ("throw 'boom'", "complete"),
    ("throw", "complete"),
    ("function f { 1 }", "complete"),
    ("filter f { $_ }", "complete"),
    ("param($a)", "complete"),
    ("param([int]$n = 1)", "complete"),
    ("param(\n  [string]$Name\n)\n", "complete"),
    ("[CmdletBinding()]", "incomplete"),  # its param(...) comes on the next line
    ("[CmdletBinding()]\nparam($a)\n$a\n", "complete"),
    ("class Point { [int]$X }", "complete"),
    ("class Point3 : Point { [int]$Z }", "complete"),
    ("enum Color { Red }", "complete"),
    ("$x = if ($a) { 1 } else { 2 }", "complete"),
    ("$x = switch ($a) { 1 {'x'} }", "complete"),
    ("$x = foreach ($i in 1..2) { $i }", "complete"),
    ("$x = try { 1 } catch { 2 }", "complete"),
    ("[pscustomobject]@{a = 1}", "complete"),
    ("[pscustomobject]@{", "incomplete"),
    ("[PSCustomObject]@{\n  Name = 'x'\n}\n", "complete"),
    ("@{a = 1}", "complete"),
    ("@{", "incomplete"),
    ("[int]'5'", "complete"),
    ("[math]::Pi", "complete"),
    ("[int[]]$a = 1, 2", "complete"),
    ("$v = [int]'5'", "complete"),
    ("& { 'called' }", "complete"),  # the call operator
    ("& $sb 1 2", "complete"),
    ("&{", "incomplete"),
    ("& 'C:\\tools\\x.exe' -v", "complete"),
]


@pytest.mark.parametrize("src, expected", KEYWORD_CASES, ids=[repr(c[0])[:60] for c in KEYWORD_CASES])
def test_classify_keyword_statements(fake_registry, src, expected):
    assert C.classify(src, is_host_name=host) == expected


@pytest.mark.parametrize("src", ["throw 'x'", "param($a)", "trap { 1 }"])
def test_keyword_names_the_host_owns_stay_with_the_host(fake_registry, src):
    """A user's Python function or command called `throw`, `param`, `trap` keeps its name."""
    assert C.classify(src, is_host_name=lambda n: n in ("throw", "param", "trap")) == "not_ps"


@pytest.mark.parametrize(
    "src, expected",
    [
        ("echo hi", "complete"),  # without a host, PowerShell's alias is all there is
        ("sort", "complete"),
        ("Get-AzureVMImage", "complete"),
    ],
)
def test_classify_without_host(fake_registry, src, expected):
    assert C.classify(src) == expected


class _Ctx:
    def __init__(self, functions=(), aliases=None):
        self.functions = {f.name: f for f in functions}
        self._aliases = aliases or {}

    def alias_table(self):
        return self._aliases


class _Session:
    def __init__(self, **kw):
        self.ctx = _Ctx(**kw)


@pytest.mark.parametrize(
    "src, expected",
    [
        ("Get-Double 21", "complete"),  # a function the session defined
        ("dbl 21", "complete"),  # a user alias to it
        ("imgs", "complete"),  # a user alias to a cmdlet
        ("Get-Triple 1", "not_ps"),
    ],
)
def test_classify_session_commands(fake_registry, src, expected):
    session = _Session(
        functions=[CommandInfo("Get-Double", None, (), command_type="Function")],
        aliases={"dbl": "Get-Double", "imgs": "Get-AzureVMImage"},
    )
    assert C.classify(src, session, is_host_name=host) == expected


@pytest.mark.parametrize(
    "src, words",
    [
        ("Get-AzureVMImage -Im", ["Get-AzureVMImage", "-Im"]),
        ("Get-AzureVMImage -ImageName 'Win", ["Get-AzureVMImage", "-ImageName", "'Win"]),
        ("a | Select-Object -Pr", ["Select-Object", "-Pr"]),
        ("a | Where-Object { Get-AzureVMImage -Ima", ["Get-AzureVMImage", "-Ima"]),
        ("Get-X -A 1 `\n  -B", ["Get-X", "-A", "1", "-B"]),
        ("Get-X -A $(Get-Y -B", ["Get-Y", "-B"]),
        ("Get-X ", ["Get-X"]),
        ("Get-X; Get-Y -Z", ["Get-Y", "-Z"]),
        ("Get-X -P a,b", ["Get-X", "-P", "a", "b"]),
    ],
)
def test_scan_current_words(src, words):
    """The words of the command being typed: what completion works from."""
    assert [w.text for w in C.scan(src).words] == words


def test_grammar_incomplete_is_asked_only_for_finished_scans(fake_registry, monkeypatch):
    """`$x = 1 +` scans as finished; only the parser knows it wants more input."""
    from pscompat.errors import IncompleteInputError

    calls = []

    def fake_parse(text):
        calls.append(text)
        if text.rstrip().endswith("+"):
            raise IncompleteInputError("Missing expression after '+'.")

    import sys
    import types

    monkeypatch.setitem(sys.modules, "pscompat.syntax.grammar", types.SimpleNamespace(parse=fake_parse))
    C._grammar_wants_more.cache_clear()
    try:
        assert C.classify("Write-Output (1 +") == "incomplete"
        assert calls == []  # open paren: the scan answered
        assert C.classify("Write-Output 1 +") == "incomplete"
        assert C.classify("Write-Output 1") == "complete"
        assert calls == ["Write-Output 1 +", "Write-Output 1"]
    finally:
        C._grammar_wants_more.cache_clear()


# --- against the real registry ----------------------------------------------------------------
@pytest.mark.parametrize(
    "src, expected",
    [
        ("Where-Object {$_}", "complete"),
        ("Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family} |", "incomplete"),
        ("ls", "not_ps"),
    ],
)
def test_classify_real_registry(src, expected):
    assert C.classify(src, is_host_name=host) == expected
