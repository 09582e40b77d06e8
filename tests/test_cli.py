"""The command line reads pwsh's own switches (PowerShell's ConsoleHost
CommandLineParameterParser.cs; about_Pwsh), so pasted pwsh/powershell.exe command lines run."""

from __future__ import annotations

import base64
import os
import subprocess
import sys

import pytest

from pscompat.shell.pwsh_args import UsageError, parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _enc(text: str) -> str:
    return base64.b64encode(text.encode("utf-16-le")).decode()


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["-c", "Write-Output", "a", "b"], {"command": "Write-Output a b", "args": []}),  # -Command joins the rest
        (["-Command", "1"], {"command": "1"}),
        (["-COMM", "1"], {"command": "1"}),  # any prefix down to the shortest, in any case
        (["--command", "1"], {"command": "1"}),
        (["/c", "1"], {"command": "1"}),
        (["\u2013c", "1"], {"command": "1"}),  # an en dash, as pasted from docs
        (["-nop", "-noni", "-ep", "Bypass", "-c", "1"], {"command": "1"}),
        (
            [
                "-NoProfile",
                "-NoLogo",
                "-NonInteractive",
                "-ExecutionPolicy",
                "RemoteSigned",
                "-WindowStyle",
                "Hidden",
                "-File",
                "x.ps1",
                "-Name",
                "v",
            ],
            {"file": "x.ps1", "args": ["-Name", "v"]},
        ),
        (["x.ps1", "a", "-c", "b"], {"file": "x.ps1", "args": ["a", "-c", "b"]}),  # a script's arguments are its own
        (["-f", "-"], {"file": "-"}),
        (["-"], {"file": "-"}),
        (["-cwa", "$args", "1", "2"], {"command": "$args", "args": ["1", "2"]}),
        (["-e", _enc("2*21")], {"command": "2*21"}),
        (["-EncodedCommand", _enc("'é'")], {"command": "'é'"}),
        (["-c", "-"], {"stdin_command": True, "command": ""}),
        (["-NoExit", "-c", "1"], {"no_exit": True, "command": "1"}),
        (["-wd", "/tmp", "-c", "1"], {"working_directory": "/tmp"}),
        (["-v"], {"show_version": True}),
        (["-?"], {"show_help": True}),
        (["/?"], {"show_help": True}),
        (["--debug", "-c", "1"], {"debug": True, "command": "1"}),
        (["-Unknown", "a"], {"file": "-Unknown", "args": ["a"]}),  # pwsh: an unknown switch starts the file name
        ([], {"command": None, "file": None}),
    ],
)
def test_parse(argv, expected):
    opts = parse(argv)
    for key, value in expected.items():
        assert getattr(opts, key) == value, key


@pytest.mark.parametrize(
    "argv, message",
    [
        (["-c"], "Cannot process the command because of a missing parameter. A command must follow -Command."),
        (["-ep", "Sometimes", "-c", "1"], "Invalid ExecutionPolicy value 'Sometimes'."),
        (
            ["-ep"],
            "Cannot process the execution policy because of a missing policy name. A policy name must follow "
            "-ExecutionPolicy.",
        ),
        (
            ["-File"],
            "The command cannot be run because the File parameter requires a file path. Supply a path for "
            "the File parameter and then try the command again.",
        ),
        (
            ["-e", "!!"],
            "Cannot process the command because the value specified with -EncodedCommand is not properly "
            "encoded. The value must be Base64 encoded.",
        ),
        (
            ["-e", _enc("1"), "-c", "2"],
            "Cannot process command because a command is already specified with "
            "-Command, -CommandWithArgs, or -EncodedCommand.",
        ),
        (
            ["-c", "-", "x"],
            "'-' was specified with the -Command parameter; no other arguments to -Command are permitted.",
        ),
        (
            ["-w", "sideways"],
            "Processing -WindowStyle 'sideways' failed: Cannot convert value \"sideways\" to type "
            '"System.Diagnostics.ProcessWindowStyle".',
        ),
    ],
)
def test_refused(argv, message):
    with pytest.raises(UsageError) as info:
        parse(argv)
    assert str(info.value) == message


def _run(*argv, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "pscompat", *argv], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_a_pasted_pwsh_command_line_runs(tmp_path):
    script = tmp_path / "s.ps1"
    script.write_text('param($Name) "hi $Name"; $args.Count\n')
    r = _run(
        "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", str(script), "-Name", "bob", "x", "y"
    )
    assert (r.returncode, r.stdout, r.stderr) == (0, "hi bob\n2\n", "")
    r = _run("-nop", "-c", "Write-Output", "a", "b")
    assert r.stdout == "a\nb\n"
    assert _run("-c", "-", stdin="3*3").stdout == "9\n"
    assert _run("-e", _enc("'x' * 3")).stdout == "xxx\n"


def test_a_bad_command_line_exits_64_with_pwsh_message():
    r = _run("-ep", "Sometimes", "-c", "1")
    assert (r.returncode, r.stdout, r.stderr) == (64, "", "Invalid ExecutionPolicy value 'Sometimes'.\n")


def test_an_error_in_a_script_file_names_the_file_and_line(tmp_path):
    """pwsh's ConciseView heads an error from a script with `Command: /path/x.ps1:LINE`
    (PowerShellCore_format_ps1xml.cs: $myinv.ScriptName:$myinv.ScriptLineNumber)."""
    script = tmp_path / "x.ps1"
    script.write_text('"ok"\nGet-Item nope\n')
    out = subprocess.run(
        [sys.executable, "-m", "pscompat", str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert out.stdout == "ok\n"
    assert out.stderr.splitlines()[:3] == [f"Get-Item: {script}:2", "Line |", "   2 |  Get-Item nope"]
