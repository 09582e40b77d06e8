"""`pscompat convert`: PowerShell → Python that a reviewer would accept, that does what the script
did.  Table-driven: script → lines the Python must contain (plain Python where the kinds are
known, `rt.` where PowerShell's rules differ from Python's) → what running it writes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import pscompat
from pscompat import rt
from pscompat.migrate.module import ConversionRefused, convert

ROOT = Path(__file__).resolve().parent.parent

# (PowerShell, Python lines it must contain, output of the converted program as Python values)
CASES = [
    ("$x = 1; $x + 2", ["x = 1", "rt.out(x + 2)"], [3]),
    ("'a' + 'b'", ['rt.out("a" + "b")'], ["ab"]),
    ('$n = "World"; "Hello $n!"', ['rt.out(f"Hello {n}!")'], ["Hello World!"]),
    # PowerShell's -eq is case-insensitive: the runtime's eq, not ==
    ("'ABC' -eq 'abc'", ['rt.out(rt.eq("ABC", "abc"))'], [True]),
    ("1 -eq 1.0", ["rt.out(1 == 1.0)"], [True]),
    # a collection on the left filters
    ("1, 2, 1 -eq 1", ["rt.eq([1, 2, 1], 1)"], [1, 1]),
    ("$null -eq $y", ["rt.out(None is None)"], [True]),
    ("1..3 | Where-Object { $_ -gt 1 }", ["(n for n in range(1, 4) if n > 1)"], [2, 3]),
    ("1..4 | where { $_ -gt 1 } | where { $_ -lt 4 }", ["(n for n in range(1, 5) if n > 1 and n < 4)"], [2, 3]),
    # an unknown object may be a collection, whose -gt filters: PowerShell's truth of the result
    (
        "@{ A = 5 }, @{ A = 1 } | where { $_.A -gt 2 } | % { $_.A }",
        ['if rt.truthy(rt.gt(rt.member(item, "A"), 2))'],
        [5],
    ),
    # a method's result is written (a void method writes nothing), then enumerated
    ("'a', 'b' | ForEach-Object { $_.ToUpper() }", ['rt.call_statement(item, "ToUpper")'], ["A", "B"]),
    ("$s = 'ab'; $s.ToUpper(); $s.Length", ["rt.out(s.upper())", "rt.out(len(s))"], ["AB", 2]),
    ("[math]::Round(2.567, 2); [math]::PI -gt 3", ['rt.static("math", "Round", 2.567, 2)'], [2.57, True]),
    (
        "try { throw 'bad' } catch [System.IO.IOException] { 'io' } catch { \"caught $($_.Exception.Message)\" }",
        ['raise rt.thrown("bad")', 'if rt.catches(exc, "System.IO.IOException"):'],
        ["caught bad"],
    ),
    ("$c = 'Red'; switch ($c) { 'red' { 'stop' } 'green' { 'go' } default { '?' } }", ["elif rt.eq(value"], ["stop"]),
    (
        "switch (1, 2, 3) { 1 { 'one' } { $_ -gt 1 } { \"big $_\"; break } }",
        ["rt.switch_values([1, 2, 3])"],
        ["one", "big 2"],
    ),
    (
        "function Get-Double { param([Parameter(ValueFromPipeline)][int]$N) process { $N * 2 } }; 1, 2 | Get-Double; Get-Double 5",
        ["def get_double(input_objects=None, n=None):", 'for n in rt.piped(input_objects, n, "int", "N"):'],
        [2, 4, 10],
    ),
    ("filter Up { $_.ToUpper() }; 'a', 'b' | Up", ["for item in rt.process_input(input_objects):"], ["A", "B"]),
    (
        "function f { param([Parameter(Mandatory)][string]$Name, [int]$Times = 2) $Name * $Times }; f x 3",
        ["def f(name, times=2):", 'rt.parameter(times, "int", "Times")'],
        ["xxx"],
    ),
    ("1..5 | Select-Object -First 2", ["itertools.islice(range(1, 6), 2)", "import itertools"], [1, 2]),
    ("foreach ($i in 1..3) { $i * 2 }", ["for i in range(1, 4):"], [2, 4, 6]),
    (
        "$t = 0; $i = 0; while ($i -lt 4) { $t += $i; $i++ }; $t",
        ["while i < 4:", "t += i"],
        [6],
    ),
    ("if ('') { 'yes' } elseif (0) { 'zero' } else { 'no' }", ['if "":', "elif 0:", "else:"], ["no"]),
    (
        "function Add-Two([int]$a, $b = 2) { $a + $b }; Add-Two 3; Add-Two -b 5 -a 1",
        ["def add_two(a=None, b=2):"],
        [5, 6],
    ),
    ("function Get-Pair { 1; 2 }; $p = Get-Pair; $p.Count", ["yield 1", "rt.value(get_pair())"], [2]),
    ("$h = @{ Name = 'x' }; $h.name", ['rt.hashtable(("Name", "x"))', 'rt.member(h, "name")'], ["x"]),
    ("$o = [pscustomobject]@{ A = 1 }; $o.a", ['rt.custom_object(("A", 1))'], [1]),
    ("[int]'42' + 1", ['rt.convert("42", "int") + 1'], [43]),
    ("'a.b.c' -split '\\.'", ['rt.op("-split", "a.b.c", "\\\\.")'], ["a", "b", "c"]),
    ("'abc' -like 'A*'", ['rt.like("abc", "A*")'], [True]),
    ("if ('x1' -match 'x(\\d)') { $Matches[1] }", ["rt.match(", "rt.index(rt.matches(), 1)"], ["1"]),
    ("$e = $env:PSCOMPAT_TEST_VALUE; $e", ['os.environ.get("PSCOMPAT_TEST_VALUE")', "import os"], ["set"]),
    ("$MyVar = 3; $myvar", ["my_var = 3", "rt.out(my_var)"], [3]),
    ("@(1..3 | Where-Object { $_ -eq 5 }).Count", ["list("], [0]),
    ("$h = @{}; $h.Add('k', 1); $h.Count", ['rt.out(rt.call_statement(h, "Add", "k", 1))'], [1]),
    ("$p = @{ Path = 'a'; ChildPath = 'b' }; Join-Path @p", ['rt.cmd("Join-Path", splat=[p])'], ["a/b"]),
    (
        "'ccc', 'a', 'BB' | Sort-Object { $_.Length }",
        ['rt.sort(["ccc", "a", "BB"], lambda item: rt.member(item, "Length"))'],
        ["a", "BB", "ccc"],
    ),
    ("1..3 | Sort-Object -Descending", ['rt.cmd("Sort-Object", input=range(1, 4), Descending=True)'], [3, 2, 1]),
]


@pytest.mark.parametrize(("script", "lines", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_converted_python(script, lines, expected, tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    monkeypatch.setenv("PSCOMPAT_TEST_VALUE", "set")
    conversion = convert(script, "case.ps1")
    assert conversion.complete, conversion.problems
    for line in lines:
        assert line in conversion.code, conversion.code
    compile(conversion.code, "case.py", "exec")
    with rt.collecting() as run:
        exec(compile(conversion.code, "case.py", "exec"), {"__name__": "converted"})
    assert [pscompat.to_python(x) for x in run.objects] == expected
    assert pscompat.run(script).to_python() == expected  # and that is what PowerShell writes


# Statements the converter leaves as comments: (script, line, column, reason fragment)
NOT_CONVERTED = [
    ('$x = 1\nInvoke-Expression "$x"', 2, 1, "Invoke-Expression reads or writes PowerShell variables"),
    ("Get-ChildItem variable:", 1, 15, "the variable: drive"),
    ("function f { $n += 1 }", 1, 14, "read before the function assigns it"),
    ("'a' > out.txt", 1, 1, "redirections"),
    ("Add-Type -TypeDefinition 'public class A {}'", 1, 1, "Add-Type defines .NET types"),
    ("$ErrorActionPreference = 'Stop'", 1, 1, "changes how PowerShell runs"),
    ("f; function f { 1 }", 1, 1, "called before the script defines it"),
]


@pytest.mark.parametrize(("script", "line", "column", "reason"), NOT_CONVERTED, ids=[c[0][:40] for c in NOT_CONVERTED])
def test_not_converted_is_reported_with_its_position(script, line, column, reason):
    conversion = convert(script, "case.ps1")
    assert [(p.line, p.column) for p in conversion.problems] == [(line, column)]
    assert reason in conversion.problems[0].reason
    assert "# pscompat convert: not converted" in conversion.code
    compile(conversion.code, "case.py", "exec")  # the rest still runs
    with pytest.raises(ConversionRefused):
        convert(script, "case.ps1", strict=True)


def test_module_level_api_returns_text():
    text = pscompat.convert("$a = 'x'; $a.ToUpper()")
    assert text.startswith('"""Converted from <script>')
    assert "from pscompat import rt" in text


def _cli(*args, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "pscompat", "convert", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_cli_writes_the_file_and_lists_what_it_left(tmp_path):
    script = tmp_path / "s.ps1"
    script.write_text("# greet\n'hi'\niex 'x'\n", encoding="utf-8")
    done = _cli(str(script), "-o", str(tmp_path / "s.py"))
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr
        == f"{script}:3:1: not converted: Invoke-Expression reads or writes PowerShell variables, which are Python names here\n"
    )
    text = (tmp_path / "s.py").read_text(encoding="utf-8")
    assert '# greet\nrt.out("hi")' in text
    strict = _cli(str(script), "--strict", "-o", str(tmp_path / "t.py"))
    assert strict.returncode == 1 and not (tmp_path / "t.py").exists()
    assert "Traceback" not in strict.stderr


def test_cli_parse_error_and_usage():
    bad = _cli("-c", "if (")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and bad.stderr.strip()
    assert _cli().returncode == 2
    assert _cli("--help").stdout.startswith("usage: pscompat convert")


def _normalise(text: str) -> str:
    """Operation ids, times and the timestamps in disk names differ run to run."""
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<guid>", text)
    text = re.sub(r"\d{1,2}:\d\d:\d\d [AP]M", "<time>", text)
    return re.sub(r"-\d{18}\b", "-<stamp>", text)


@pytest.mark.parametrize("example", ["seed-doc.ps1", "lifecycle.ps1"])
def test_examples_convert_completely_and_run_the_same(example, tmp_path):
    """The README's side-by-side: the seed snippets and the lifecycle script as Python, run
    against a fresh sandbox each, print what pscompat prints for the PowerShell."""
    source = ROOT / "examples" / example
    target = tmp_path / (example[:-4].replace("-", "_") + ".py")
    done = _cli(str(source), "--strict", "-o", str(target))
    assert done.returncode == 0, done.stderr
    ps = subprocess.run(
        [sys.executable, "-m", "pscompat", str(source)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PSCOMPAT_HOME": str(tmp_path / "ps-home")},
        timeout=300,
    )
    py = subprocess.run(
        [sys.executable, str(target)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PSCOMPAT_HOME": str(tmp_path / "py-home")},
        timeout=300,
    )
    assert ps.returncode == py.returncode == 0, (ps.stderr, py.stderr)
    assert _normalise(py.stdout) == _normalise(ps.stdout)
    assert _normalise(py.stderr) == _normalise(ps.stderr)
    assert "images.list()" in target.read_text(encoding="utf-8")


def test_script_parameters_bind_the_command_line_as_powershell(tmp_path):
    """param(...) of a script: the converted module binds sys.argv as PowerShell binds a script's
    arguments (prefixes, positions, switches, conversion) and computes later defaults after."""
    script = tmp_path / "newest.ps1"
    script.write_text(
        'param([Parameter(Mandatory)][string]$Family, [int]$Count = 2, [switch]$Names, $Label = "image $Count")\n'
        "$found = Get-AzureVMImage | where { $_.ImageFamily -eq $Family } |"
        " Sort-Object PublishedDate -Descending | Select-Object -First $Count\n"
        'if ($Names) { $found | Select-Object -ExpandProperty ImageName } else { "$Label $($found.Count)" }\n',
        encoding="utf-8",
    )
    target = tmp_path / "newest.py"
    assert _cli(str(script), "--strict", "-o", str(target)).returncode == 0
    text = target.read_text(encoding="utf-8")
    assert 'Family=rt.Param("string", mandatory=True)' in text and "rt.script_arguments(" in text
    family = "Windows Server 2012 R2 Datacenter"
    for args in (["-Fam", family, "-Names"], [family, "3"], ["-Count", "x", family]):
        runs = []
        for command in ([sys.executable, "-m", "pscompat", str(script)], [sys.executable, str(target)]):
            done = subprocess.run(
                [*command, *args],
                capture_output=True,
                text=True,
                env={**os.environ, "PSCOMPAT_HOME": str(tmp_path / "home")},
                timeout=120,
            )
            runs.append((done.stdout, done.returncode == 0))
        assert runs[0][0] == runs[1][0] and runs[0][1] == runs[1][1], (args, runs)
