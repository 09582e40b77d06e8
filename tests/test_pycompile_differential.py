"""The generated Python (engine/pycompile) against the closure compiler (engine/compiler), the
reference semantics: every spec case of tests/spec/*.test.ps1 and the guard cases below run
both ways and must give the same output, the same errors and the same error positions."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from spec_runner import all_cases

import pscompat
from pscompat import session as session_module
from pscompat.engine.pycompile.driver import set_enabled
from pscompat.format.out_default import render


def _span(obj):
    span = getattr(obj, "span", None)
    return None if span is None else (span.start, span.end)


def run_traced(script: str, compiled: bool):
    """What a run shows: rendered output and errors with their positions, or the terminating
    error; every script block compiled afresh in the chosen mode."""
    old = set_enabled(compiled)
    session_module._COMPILED.clear()
    try:
        try:
            result = pscompat.run(script)
        except pscompat.PSError as exc:
            return ("error", exc.message, _span(exc))
        errors = [(e.message, _span(e)) for e in result.errors]
        return ("ok", render(list(result)), [pscompat.to_python(x) for x in result], errors)
    finally:
        set_enabled(old)
        session_module._COMPILED.clear()


CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_spec_case_same_both_ways(case, tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)

    def fresh_run(compiled: bool):
        os.chdir(tmp_path)
        for item in tmp_path.iterdir():  # each run starts from an empty directory
            shutil.rmtree(item) if item.is_dir() and not item.is_symlink() else item.unlink()
        return run_traced(case.script, compiled)

    compiled = fresh_run(True)
    reference = fresh_run(False)
    if compiled != reference and reference != fresh_run(False):
        # the case's output changes from run to run (times, ids): its checked parts must agree
        assert compiled[0] == reference[0]
        if compiled[0] == "error":
            assert compiled[1:] == reference[1:]
        else:
            assert compiled[3] == reference[3]
        return
    assert compiled == reference


# (script, the expected output as plain Python, or None to compare with the reference only)
GUARD_CASES = [
    # -eq / -ne: text is case-insensitive unless -c; the left operand's type decides conversions
    ("'abc' -eq 'ABC'", [True]),
    ("'abc' -ceq 'ABC'", [False]),
    ("'abc' -ine 'ABC'", [False]),
    ("'1' -eq 1", [True]),
    ("1 -eq '1'", [True]),
    ("1 -eq '01'", [True]),
    ("'01' -eq 1", [False]),
    ("$true -eq 1", [True]),
    ("1 -eq $true", [True]),
    ("$null -eq 0", [False]),
    ("0 -eq $null", [False]),
    ("$null -eq $null", [True]),
    ("$x = $null; $x -ne 'a'", [True]),
    ("1.0 -eq 1", [True]),
    ("'ß' -eq 'SS'", None),
    # collections on the left filter
    ("@(1, 2, 1) -eq 1", [1, 1]),
    ("@(1, 2, 3) -gt 1", [2, 3]),
    ("@('a', 'B') -like 'b'", ["B"]),
    ("$a = 1, 2, 3; $a -ne 2", [1, 3]),
    ("$a = @(); ($a -eq 1).Count", [0]),
    # ordering: numbers, text, mixed
    ("10 -gt 9", [True]),
    ("'10' -gt 9", [False]),
    ("10 -gt '9'", [True]),
    ("'b' -gt 'A'", [True]),
    ("'b' -cgt 'B'", None),
    ("$null -lt 1", [True]),
    ("1 -le $null", [False]),
    ("2147483647 -lt 2147483648", [True]),
    # -like / -notlike
    ("'build 12' -like '*build 1*'", [True]),
    ("'Build 12' -clike '*build 1*'", [False]),
    ("'x' -notlike '*y*'", [True]),
    ("$null -like ''", [True]),
    ("5 -like '5'", [True]),
    ("'a[b' -like 'a[b'", None),
    # -match sets $Matches; -notmatch too; a failed match keeps the old $Matches
    ("'abc' -match 'b(c)'; $Matches[1]", [True, "c"]),
    ("'abc' -match 'x'; $Matches", [False, None]),
    ("'abc' -match '(?<n>b)'; 'zzz' -match 'q'; $Matches.n", [True, False, "b"]),
    ("@('ab', 'cd') -match 'a'", ["ab"]),
    # -in / -contains
    ("1 -in 1, 2", [True]),
    ("'A' -in 'a', 'b'", [True]),
    ("'A' -cin 'a', 'b'", [False]),
    ("@(1, 2) -contains '2'", [True]),
    ("@(1, 2) -notcontains 3", [True]),
    # -and / -or on values that are not bools
    ("1 -and 'x'", [True]),
    ("0 -or ''", [False]),
    ("@() -or @(0)", [False]),
    ("@(1) -and $null", [False]),
    ("-not @()", [True]),
    ("!'False'", [False]),
    # arithmetic: int32 overflow widens, text and arrays
    ("2147483647 + 1", [2147483648.0]),
    ("$i = 2147483647; $i++; $i", [2147483648.0]),
    ("$i = 5; $i += 2147483647; $i", [2147483652.0]),
    ("'a' + 1", ["a1"]),
    ("1 + '2'", [3]),
    ("$a = 1, 2; $a += 3; $a.Count", [3]),
    ("$x = $null; $x++; $x", [1]),
    ("7 * 3 - 1", [20]),
    ("$d = 1.5; $d + 2; $d * 2; $d - 0.5; 2 + $d", [3.5, 3.0, 1.0, 3.5]),
    ("$t = 2147483647; $t += 1; $t += 5; $t", [2147483653.0]),
    ("$d = 0.5; $d + 9007199254740993", None),
    ("$d = 1.0; $d + $true; $d + '2'; $d * $null", [2.0, 3.0, 0.0]),
    ("$s = 'ab'; $s * 2", ["abab"]),
    # member and method access
    ("'abc'.Length", [3]),
    ("'abc'.StartsWith('A')", [False]),
    ("'Ubuntu 20'.StartsWith('Ubuntu')", [True]),
    ("'abc'.ToUpper()", ["ABC"]),
    ("$o = [pscustomobject]@{Label = 'x'}; $o.Label.ToUpper()", ["X"]),
    ("$o = [pscustomobject]@{Label = 'x'}; $o.label", ["x"]),
    ("$o = [pscustomobject]@{a = 1}; $o.Missing", [None]),
    ("$l = [System.Collections.Generic.List[int]]::new(); $l.Add(3); $l.Count", [1]),
    ("$h = @{a = 1}; $h.a + $h['a']", [2]),
    ("(1, 2, 3)[1]", [2]),
    ("$s = 'a b c'; $s.Split(' ')", ["a", "b", "c"]),
    ("'ab'.Substring(5)", None),
    ("$null.ToUpper()", None),
    ("'abc'.NoSuchMethod()", None),
    ("'x'.ToString()", ["x"]),
    # variables: typed, read-only, automation null, scopes
    ("[int]$x = 1; $x = '5'; $x + 1", [6]),
    ("Set-Variable -Name r -Value 1 -Option ReadOnly; $r = 2; $r", None),
    ("$r = 1 | Where-Object { $false }; @($r).Count", [0]),
    ("$r = 1 | Where-Object { $false }; $r", []),
    ("function f { $y }; $y = 3; f", [3]),
    ("$x = 1; & { $x = 2; $x }; $x", [2, 1]),
    ("$x = 1; . { $x = 2 }; $x", [2]),
    ("$_ = 5; $_", [5]),
    ('$n = 3; "n is $n"', ["n is 3"]),
    ('$a = 1, 2; "a: $a"', ["a: 1 2"]),
    ('$OFS = "-"; $a = 1, 2; "a: $a"', ["a: 1-2"]),
    # loops and flow
    ("$t = 0; for ($i = 0; $i -lt 5; $i++) { if ($i -eq 2) { continue }; $t += $i }; $t", [8]),
    ("$i = 0; while ($true) { $i++; if ($i -ge 3) { break } }; $i", [3]),
    ("foreach ($o in 1, 2, 3) { if ($o -ge 2) { $o } }", [2, 3]),
    ("foreach ($o in 1, 2, 3, 4) { $o; [void]$foreach.MoveNext() }", [1, 3]),
    (':outer foreach ($a in 1, 2) { foreach ($b in 1, 2) { if ($b -eq 2) { continue outer }; "$a$b" } }', None),
    (":outer while ($true) { while ($true) { break outer } }; 'done'", ["done"]),
    ("foreach ($x in $null) { 'never' }; 'after'", ["after"]),
    ("foreach ($x in 5) { $x * 2 }", [10]),
    ("foreach ($c in 'ab') { $c }", ["ab"]),
    ("$x = 3; if ($x -gt 5) { 'big' } elseif ($x -gt 2) { 'mid' } else { 'small' }", ["mid"]),
    ("switch (2) { 1 { 'one' } 2 { 'two' } }", ["two"]),
    ("1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }", [1, 3]),
    ("function fib($n) { if ($n -lt 2) { $n } else { (fib ($n - 1)) + (fib ($n - 2)) } }; fib 10", [55]),
    # pipelines with script blocks
    ("1..6 | Where-Object { $_ % 2 -eq 0 }", [2, 4, 6]),
    ("1..3 | Where-Object { $s = $_ * 10; $s -gt 15 }; $s", [2, 3, 30]),
    ("(1..4).Where({ $_ -gt 2 })", [3, 4]),
    ("(1..3).ForEach({ $_ * 2 })", [2, 4, 6]),
    ("'b', 'a', 'C' | Sort-Object { $_.ToLower() }", ["a", "b", "C"]),
    # a NUL in the source of a statement that runs as a closure (--show-python's comment)
    ("'a\x00b' | Write-Output", None),
    # errors and their positions
    ("$x = 1\n$y = $x / 0\n'next'", None),
    ("1 + (2 -gt 'x')", None),
    ("$a = 'x'\n$b = $a.Foo(1)\n'after'", None),
    ("$h = @{}; $h.a.b.c", [None]),
    ("for ($i = 0; $i -lt 2; $i++) { 1 / 0 }", None),
    ("$ErrorActionPreference = 'Stop'; $x = 1 / 0; 'not reached'", None),
    ("try { $x = 1 / 0 } catch { 'caught' }", ["caught"]),
]


@pytest.mark.parametrize("script, expected", GUARD_CASES, ids=[c[0][:60] for c in GUARD_CASES])
def test_guard_cases(script, expected, tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    compiled = run_traced(script, True)
    reference = run_traced(script, False)
    assert compiled == reference
    if expected is not None:
        assert compiled[0] == "ok" and compiled[2] == expected and compiled[3] == []


def test_generated_code_is_used():
    """The cases above would pass trivially if nothing were generated: the common shapes are."""
    from pscompat.engine.pycompile.driver import python_source
    from pscompat.source import Source
    from pscompat.syntax.grammar import parse

    text = "$t = 0; for ($i = 0; $i -lt 3; $i++) { $t += $i }; $t\n1..3 | ? { $_.N -gt 1 -and $_.L -like 'a*' }"
    script, block = python_source(parse(text), Source(text)).split("# {")
    # only the pipeline with a command (`1..3 | ?`) runs as the closure compiler's statement
    assert "while " in script and len(re.findall(r"_s\d+\(scope, emit\)", script)) == 1
    assert "_rx" in block and not re.search(r"_[sf]\d+\(scope", block)
