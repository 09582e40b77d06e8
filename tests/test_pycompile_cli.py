"""`pscompat --show-python`: the generated Python of a script, printed instead of run."""

from __future__ import annotations

import pytest

from pscompat.shell import cli
from pscompat.shell.pwsh_args import parse


def test_show_python_switch_is_read():
    assert parse(["--show-python", "-c", "1"]).show_python is True
    assert parse(["-c", "1"]).show_python is False


@pytest.mark.parametrize(
    "argv_tail, expected",
    [
        (["-c", "$x = 1; $x -gt 0"], ["def end(scope, emit):", "V['x']", "_L"]),
        (["-c", "1..3 | Where-Object { $_ -like 'a*' }"], ["# closure: 1..3 | Where-Object", "_rx"]),
        (["-c", "function f { 'x'.ToUpper() }"], ["# function f: end block", ".upper()"]),
    ],
)
def test_show_python_prints_each_block_and_runs_nothing(argv_tail, expected, capsys):
    assert cli.main(["--show-python", *argv_tail]) == 0
    out = capsys.readouterr().out
    for text in expected:
        assert text in out


def test_show_python_of_a_file(tmp_path, capsys):
    script = tmp_path / "s.ps1"
    script.write_text("foreach ($i in 1..3) { $i * 2 }\n", encoding="utf-8")
    assert cli.main(["--show-python", str(script)]) == 0
    assert "while _t" in capsys.readouterr().out


def test_show_python_of_bad_script_is_a_positioned_parse_error(capsys):
    assert cli.main(["--show-python", "-c", "1 +"]) == 1
    assert "You must provide a value expression following the '+' operator." in capsys.readouterr().err
