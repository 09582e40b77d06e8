"""The `pscompat` prompt's line editing in a real terminal (tmux), with prompt_toolkit and with the
readline fallback: up-arrow recalls the last line, Tab completes a command name with the
completer xonsh uses, and the history survives into the next session.  Plus the colouring's
tokens as a table.  Skipped (the terminal part) where tmux is missing."""

import shutil
import subprocess
import time

import pytest
from test_repl import Terminal

from pscompat.shell.highlight import tokens

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _start(tmp_path, editor, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_LINE_EDITOR", editor)
    term = Terminal(tmp_path)
    term.wait_for("PS ")
    return term


def _end(term):
    term.send("exit", "Enter")
    end = time.time() + 20
    while time.time() < end:
        if subprocess.run([*term.tmux, "has-session", "-t", term.name], capture_output=True).returncode != 0:
            return
        time.sleep(0.3)
    term.close()


@needs_tmux
@pytest.mark.parametrize("editor", ["prompt_toolkit", "readline"])
def test_up_arrow_tab_and_history_across_sessions(tmp_path, monkeypatch, editor):
    term = _start(tmp_path, editor, monkeypatch)
    try:
        term.send("'first' + 'line'", "Enter")
        term.wait_for("firstline")
        term.send("Up")  # the last line comes back, not ^[[A
        screen = term.wait_for("PS " + str(tmp_path) + "> 'first' + 'line'", timeout=15)
        assert "^[[A" not in screen
        term.send("C-u", "Get-AzureVMI", "Tab")
        term.wait_for("Get-AzureVMImage")
        term.send("C-u")
    finally:
        _end(term)
    term = _start(tmp_path, editor, monkeypatch)  # a second session: the history file is read
    try:
        term.send("Up")  # `exit`, the first session's last line
        term.wait_for("> exit", timeout=15)
        term.send("Up")
        term.wait_for("> 'first' + 'line'", timeout=15)
        term.send("Enter")
        term.wait_for("firstline")
    finally:
        _end(term)


CASES = [
    ("Get-Item $x -Force", [("command", "Get-Item"), ("variable", "$x"), ("parameter", "-Force")]),
    ("$a -eq 'b'", [("variable", "$a"), ("operator", "-eq"), ("string", "'b'")]),
    (
        "ls | % { $_.Name } # c",
        [
            ("command", "ls"),
            ("operator", "|"),
            ("command", "%"),
            ("variable", "$_"),
            ("member", ".Name"),
            ("comment", "# c"),
        ],
    ),
    ("if ($n -gt 3) {", [("keyword", "if"), ("variable", "$n"), ("operator", "-gt"), ("number", "3")]),
    ("[int]$x = 5", [("type", "[int]"), ("variable", "$x"), ("operator", "="), ("number", "5")]),
    ('"half typed', [("string", '"half typed')]),
    ("<# open comment", [("comment", "<# open comment")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_colouring_tokens(text, expected):
    found = tokens(text)
    assert "".join(piece for _, piece in found) == text  # nothing dropped
    meaningful = [(k, p) for k, p in found if k != "text" and p not in "(){}"]
    assert meaningful == expected
