"""Method call sites of generated code keep the method their object's class resolved to
(engine/pycompile/helpers.method_site, values/methods/dispatch.class_method_name): one site
meeting objects of several classes must still call each one's own method, with the same
results and errors as the general path."""

from __future__ import annotations

import pytest
from test_pycompile_differential import run_traced


@pytest.mark.parametrize(
    "script, expected",
    [
        (
            "$a = [System.Collections.ArrayList]::new(); $b = [System.Collections.Generic.List[int]]::new()\n"
            '$o = [pscustomobject]@{}; $o | Add-Member ScriptMethod Add { param($x) "added $x" }\n'
            "foreach ($t in @($a, $b, $o, $a, $b)) { $t.Add(7) }; $a.Count; $b.Count",
            [0, "added 7", 1, 2, 2],
        ),
        (
            "$b = [System.Collections.Generic.List[int]]::new(); foreach ($v in 1, '2', 3.0) { $b.Add($v) }; $b",
            [1, 2, 3],
        ),
        ("$s = [System.Text.StringBuilder]::new(); foreach ($w in 'a', 'b') { $null = $s.Append($w) }; \"$s\"", ["ab"]),
    ],
)
def test_one_site_many_classes(script, expected, tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    compiled = run_traced(script, True)
    assert compiled == run_traced(script, False)
    assert compiled[0] == "ok" and compiled[2] == expected and compiled[3] == []


def test_an_error_after_the_site_is_warm(tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    script = "$b = [System.Collections.Generic.List[int]]::new(); foreach ($v in 1, 'x', 3) { $b.Add($v) }; $b.Count"
    compiled = run_traced(script, True)
    assert compiled == run_traced(script, False)
    assert compiled[2] == [2] and len(compiled[3]) == 1
