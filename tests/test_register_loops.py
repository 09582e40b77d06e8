"""Register loops (engine/pycompile/registers.py): which loops keep their variables in Python
locals, and cases run both ways (generated vs. the closure compiler) that the spec file
tests/spec/register_loops.test.ps1 cannot hold (the converter's own rules differ there)."""

from __future__ import annotations

import pytest
from test_pycompile_differential import run_traced

from pscompat.engine.pycompile.driver import python_source
from pscompat.source import Source
from pscompat.syntax.grammar import parse


def _generated(text: str) -> str:
    return python_source(parse(text), Source(text))


@pytest.mark.parametrize(
    "script",
    [
        "$s = 0; for ($i = 0; $i -lt 10; $i++) { $s += $i }",
        "$s = 0; foreach ($x in $nums) { $s += $x }",
        "$i = 0; while ($i -lt 5) { $i++ }",
        "for ($i = 0; $i -lt 3; $i++) { if ($i -eq 1) { break } else { $j = -$i } }",
        "$s = 0; for ($i = 0; $i -lt 3; $i++) { foreach ($j in 1..$i) { $s += $j } }",
    ],
)
def test_loops_that_run_on_registers(script):
    assert "_PURE" in _generated(script)


@pytest.mark.parametrize(
    "script, counted",
    [
        ("for ($i = 0; $i -lt 10; $i++) { $s = $i }", True),
        ("for ($i = 0; $i -le $n; $i++) { $s = $i }", True),
        ("for ($i = 0; $i -lt 10; $i++) { $i += 1 }", False),  # the body moves $i
        ("for ($i = 0; $i -lt 10; $i += 2) { }", False),
    ],
)
def test_counting_loops_use_range(script, counted):
    assert ("in range(" in _generated(script)) is counted


@pytest.mark.parametrize(
    "script",
    [
        "for ($i = 0; $i -lt 3; $i++) { $i }",  # output: a downstream command could look
        "for ($i = 0; $i -lt 3; $i++) { f $i }",  # a command sees the caller's variables
        "for ($i = 0; $i -lt 3; $i++) { $s = $o.Name }",  # a getter may be script code
        "for ($i = 0; $i -lt 3; $i++) { $s = $l.Add($i) }",  # a method may be script code
        "for ($i = 0; $i -lt 3; $i++) { $null = 'a' -match 'a' }",  # sets $Matches
        "for ($i = 0; $i -lt 3; $i++) { $global:s = $i }",
        "foreach ($x in $nums) { $foreach.MoveNext() }",
        "for ($i = 0; $i -lt 3; $i++) { continue }",  # a `for` continue runs as a closure
        ":outer for ($i = 0; $i -lt 3; $i++) { }",
        "for ($i = 0; $i -lt 3; $i++) { $s = { $i } }",
        "for ($i = 0; $i -lt 3; $i++) { $_ = $i }",
    ],
)
def test_loops_that_do_not(script):
    assert "_PURE" not in _generated(script)


@pytest.mark.parametrize(
    "script, expected",
    [
        # IntOps: $i++ past Int32 is a double (NumericOps.cs), also on a register
        (
            "$i = 2147483645; $n = 0; while ($i -lt 2147483650) { $i++; $n++ }; $i; $i.GetType().Name; $n",
            [2147483650.0, "Double", 5],
        ),
        ("$i = 3000000000; for ($k = 0; $k -lt 2; $k++) { $i++ }; $i.GetType().Name", ["Int64"]),
        ("$i = -2147483647; for ($k = 0; $k -lt 3; $k++) { $i-- }; $i.GetType().Name", ["Double"]),
        ("$s = 0; foreach ($x in 1..70000) { $s += $x }; $s; $s.GetType().Name", [2450035000.0, "Double"]),
        ("$s = [long]0; foreach ($x in 1..70000) { $s += $x }; $s; $s.GetType().Name", [2450035000, "Int64"]),
        ("$s = 0; foreach ($c in 'a'..'c') { $s += 1; $t = $c }; $s; $t", [3, "c"]),
        # `-` takes the int fast path too (expressions.operator_parts): Int32 overflow is a double
        ("$a = -2147483648; $b = 1; ($a - $b).GetType().Name; $c = 3000000000; $c - $b", ["Double", 2999999999]),
        # a read-only variable that is not assigned may be read
        ("Set-Variable k 2 -Option ReadOnly; $s = 0; for ($i = 0; $i -lt 3; $i++) { $s += $k }; $s", [6]),
    ],
)
def test_register_cases_both_ways(script, expected, tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    compiled = run_traced(script, True)
    assert compiled == run_traced(script, False)
    assert compiled[0] == "ok" and compiled[2] == expected and compiled[3] == []
