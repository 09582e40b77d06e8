"""Simple function calls made without a pipeline (engine/pycompile/calls.py), run both ways
(generated vs. the closure compiler's general pipeline), for cases the converter of
tests/test_convert_differential.py does not model (AutomationNull, dynamic scoping)."""

from __future__ import annotations

import pytest
from test_pycompile_differential import run_traced

from pscompat.engine.pycompile.driver import python_source
from pscompat.source import Source
from pscompat.syntax.grammar import parse


@pytest.mark.parametrize(
    "script, expected",
    [
        # a call that writes nothing: AutomationNull when assigned, $null in parentheses
        ("function none { }; $r = none; $null -eq $r; @($r).Count; @((none)).Count", [True, 0, 0]),
        # the callee sees the caller's variables (about_Scopes: dynamic scoping)
        ("function show { \"$outer $x\" }; function caller($x) { $outer = 'o'; show }; caller 5", ["o 5"]),
        # a parameter assigned in the function does not leak to the caller
        ("$x = 1; function setx($x) { $x = 9; $x }; setx 2; $x", [9, 1]),
        # $args, then the positional plan kept for the next call of the same site
        ("function a { $args.Count }; for ($i = 0; $i -lt 3; $i++) { a $i 1 }", [2, 2, 2]),
        # the same site reaching a redefined function with a typed parameter
        ("function t($v) { $v }; foreach ($k in 1..2) { t '5'; function t([int]$v) { $v } }", ["5", 5]),
    ],
)
def test_calls_both_ways(script, expected, tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    compiled = run_traced(script, True)
    assert compiled == run_traced(script, False)
    assert compiled[0] == "ok" and compiled[2] == expected and compiled[3] == []


def test_the_call_is_generated():
    text = "function f($x) { $x }; f 1; $y = f 2; (f 3) + 1; f @y; & f 1; f 1 > $null"
    script = python_source(parse(text), Source(text)).split("# function")[0]
    assert script.count(".target(scope)") == 3  # splatting, `&` and a redirection: the pipeline
