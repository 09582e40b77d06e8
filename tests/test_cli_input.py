"""Input that must not crash, hang or blow up, tried through the `pscompat` command as a user runs
it: script files in the encodings Windows writes, exit codes as pwsh's (ConsoleHost.cs), a closed
standard output, Ctrl-C, ranges that would not fit in memory, deep recursion."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_SCRIPT = os.path.join(os.path.dirname(sys.executable), "pscompat")
COMMAND = [_SCRIPT] if os.path.exists(_SCRIPT) else [sys.executable, "-m", "pscompat"]


def _env(tmp_path) -> dict:
    env = dict(os.environ, PSCOMPAT_HOME=str(tmp_path / "home"), PYTHONIOENCODING="utf-8")
    env["PSCOMPAT_CACHE_DIR"] = ""
    return env


def run(tmp_path, *argv, stdin=None, timeout=120, **kw):
    return subprocess.run(
        [*COMMAND, *argv],
        input=stdin,
        capture_output=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        timeout=timeout,
        **kw,
    )


# -- script files in the encodings Windows PowerShell and editors write ----------------------------
# Non-ASCII text in a string, an en dash as a parameter's dash (as pasted from docs), CRLF endings.
TEXT = "$s = 'Grüße – 5 €'\r\n$s\r\n$s.Length\r\nWrite-Output \u2013InputObject 'ok'\r\n"
EXPECTED = "Grüße – 5 €\n11\nok\n"


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("UTF-16 LE with BOM (Windows PowerShell's Out-File / >)", b"\xff\xfe" + TEXT.encode("utf-16-le")),
        ("UTF-16 BE with BOM", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("UTF-8 with BOM (Windows PowerShell's -Encoding UTF8)", TEXT.encode("utf-8-sig")),
        ("UTF-8 without BOM (pwsh 7's default)", TEXT.encode("utf-8")),
        ("Windows-1252 without BOM (Windows PowerShell 5.1's default)", TEXT.encode("cp1252")),
        ("UTF-32 LE with BOM", b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le")),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_script_file_in_each_encoding_runs(tmp_path, encoding, data):
    script = tmp_path / "s.ps1"
    script.write_bytes(data)
    r = run(tmp_path, str(script))
    assert (r.returncode, r.stdout.decode(), r.stderr.decode()) == (0, EXPECTED, ""), encoding
    r = run(tmp_path, "-", stdin=data)  # the same bytes piped to standard input
    assert (r.returncode, r.stdout.decode(), r.stderr.decode()) == (0, EXPECTED, ""), encoding


def test_a_script_called_from_a_script_is_decoded_the_same_way(tmp_path):
    (tmp_path / "inner.ps1").write_bytes(b"\xff\xfe" + "'inner é'".encode("utf-16-le"))
    (tmp_path / "outer.ps1").write_bytes("./inner.ps1; . ./inner.ps1".encode("cp1252"))
    r = run(tmp_path, "outer.ps1")
    assert (r.returncode, r.stdout.decode(), r.stderr.decode()) == (0, "inner é\ninner é\n", "")


def test_bytes_that_are_no_text_give_an_error_not_a_traceback(tmp_path):
    script = tmp_path / "bin.ps1"
    script.write_bytes(bytes(range(256)) * 4)
    r = run(tmp_path, str(script))
    # PowerShell's errors about the unknown commands those bytes spell, then -File's exit code 0
    assert b"Traceback" not in r.stderr and b"InternalError" not in r.stderr, r.stderr[-2000:]
    assert b"is not recognized as a name of a cmdlet" in r.stderr and r.returncode == 0


def test_arguments_that_are_not_utf8_are_decoded_as_pwsh_does(tmp_path):
    r = run(tmp_path, "-c", b'"a\xffb"; Write-Error "c\xffd"')
    assert (r.stdout.decode(), r.stderr.decode().splitlines()[-1]) == ("a\ufffdb\n", "Write-Error: c\ufffdd")


# -- exit codes: pwsh's rules (ConsoleHost.cs; PowerShell issues #11712, #13501) -------------------
# (script, exit code with -File, exit code with -Command)
EXIT_CODES = [
    ("'fine'", 0, 0),
    ("Write-Error 'late'", 0, 1),  # -File: 0 after a trailing non-terminating error
    ("Write-Error 'early'; 'then fine'", 0, 0),
    ("Get-Item /no/such/path", 0, 1),
    ("exit 3", 3, 3),
    ("exit", 0, 0),
    ("exit -1", 255, 255),  # Unix keeps the low byte
    ("function f { exit 4 }; f; 'not reached'", 4, 4),
    ("throw 'boom'", 1, 1),  # a terminating error
    ("$ErrorActionPreference = 'Stop'; Write-Error 'x'; 'not reached'", 1, 1),
    ("try { throw 'x' } catch { 'caught' }", 0, 0),
    ("1 +", 1, 1),  # a parse error
    ("'a'; [int]'x'", 0, 1),  # a statement-terminating error ends the last statement
]


@pytest.mark.parametrize("script, file_code, command_code", EXIT_CODES, ids=[c[0] for c in EXIT_CODES])
def test_exit_codes_are_pwsh_s(tmp_path, monkeypatch, capsys, script, file_code, command_code):
    # in this process (the command line's main), so the table costs no start-ups; the command
    # itself is run by the tests above and below
    from pscompat.shell.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PSCOMPAT_CACHE_DIR", "")
    path = tmp_path / "s.ps1"
    path.write_text(script + "\n")
    assert main(["-File", str(path)]) == file_code
    assert main(["-Command", script]) == command_code
    assert "Traceback" not in capsys.readouterr().err


# -- a closed standard output (`pscompat x.ps1 | head -1`) ------------------------------------------
def test_a_closed_pipe_ends_the_script_quietly(tmp_path):
    script = tmp_path / "many.ps1"
    script.write_text("1..3\nStart-Sleep -Milliseconds 300\n" + '1..2000 | ForEach-Object { "line $_" }\n' * 20)
    r = subprocess.run(
        ["bash", "-c", '"$@" | head -1; echo "status=${PIPESTATUS[0]}" >&2', "bash", *COMMAND, str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        timeout=120,
    )
    assert r.stdout == "1\n"
    assert r.stderr == "status=141\n"  # no "Broken pipe" per statement, no traceback; 128 + SIGPIPE


# -- Ctrl-C ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv, code",
    [
        (["-c", "'started'; foreach ($i in 1..1e9) {}"], 1),  # -Command: 1, as pwsh
        (["-c", "'started'; while ($true) { $x = 1 }"], 1),
        (["-File", "loop.ps1"], 0),  # -File: 0, as pwsh (PowerShell issue #13523)
    ],
)
def test_ctrl_c_stops_a_long_loop_quietly(tmp_path, argv, code):
    (tmp_path / "loop.ps1").write_text("'started'\nforeach ($i in 1..1e9) { }\n")
    proc = subprocess.Popen(
        [*COMMAND, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=_env(tmp_path)
    )
    try:
        assert proc.stdout.readline() == b"started\n"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert (proc.returncode, out, err) == (code, b"", b"")


# -- ranges stream where PowerShell 7 streams them -------------------------------------------------
def _limit_address_space(megabytes: int):
    def apply():
        limit = megabytes * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


@pytest.mark.parametrize(
    "script, expected",
    [
        ("1..1e9 | Select-Object -First 3", "1\n2\n3\n"),
        ("1..1e9 | ForEach-Object { $_ * 2 } | Select-Object -First 2", "2\n4\n"),
        ("foreach ($i in 1..1e9) { if ($i -ge 3) { break } }; $i", "3\n"),
        ("foreach ($i in 2147483647..1) { $i; break }", "2147483647\n"),
        ("'a'..'z' | Select-Object -First 2", "a\nb\n"),
    ],
)
def test_a_huge_range_streams_in_little_memory(tmp_path, script, expected):
    # 1..1e9 as an array is 8 GB of pointers alone: under a 1 GB address-space limit it only
    # runs when the range is enumerated one number at a time.
    r = run(tmp_path, "-c", script, preexec_fn=_limit_address_space(1024))
    assert (r.returncode, r.stdout.decode(), r.stderr.decode()) == (0, expected, "")


def test_an_array_too_big_for_memory_is_powershell_s_error(tmp_path):
    r = run(tmp_path, "-c", "$a = 1..1e9; 'after'", preexec_fn=_limit_address_space(1024))
    err = r.stderr.decode()
    assert (r.returncode, r.stdout.decode()) == (0, "after\n"), err
    assert "OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown." in err


# -- call depth ------------------------------------------------------------------------------------
def test_recursion_a_thousand_deep_runs_and_deeper_ends_in_pwsh_s_error(tmp_path):
    script = (
        "function f($n) { if ($n) { f ($n - 1) } else { 'bottom' } }; f 1000\n"
        "function g { [CmdletBinding()] param([Parameter(ValueFromPipeline)][int]$n) "
        "process { if ($n) { $n - 1 | g } else { 'bottom' } } }; g 1000\n"
        # not named h: `h` is Get-History's alias, and aliases come before functions
        "function Deeper($n) { Deeper ($n + 1) }\n"
        "Deeper 0\n"  # thousands of levels deeper: the error ends this statement, not the script
        "$Error[0].FullyQualifiedErrorId\n"
        "'still running'\n"
    )
    r = run(tmp_path, "-c", script, timeout=300)
    out, err = r.stdout.decode(), r.stderr.decode()
    assert out == "bottom\nbottom\nCallDepthOverflow\nstill running\n", err
    assert "The script failed due to call depth overflow." in err and "Traceback" not in err
