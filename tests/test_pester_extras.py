"""Pester gaps closed after the first cut: the TestDrive: drive, Pester 4's Setup, the call
history under a failed Should -Invoke and -Output Diagnostic's debug lines.  The drive, Setup and
the history are also tested from PowerShell in tests/pester/TestDrive.Tests.ps1; here the console
output and what is left behind.
sources: Pester src/functions/Output.ps1 (Resolve-OutputConfiguration: Diagnostic turns on the
debug categories Discovery, Skip, Mock, CodeCoverage), src/Pester.Utility.ps1
(Write-PesterDebugMessage: '<Category>: <message> '), src/Pester.Runtime.ps1 and
src/functions/Mock.ps1 (the message texts), Pester 4.10 Functions/TestDrive.ps1 (Setup)."""

from __future__ import annotations

import os

import pytest

import pscompat

HERE = os.path.join(os.path.dirname(__file__), "pester")


def run(script: str):
    session = pscompat.Session()
    result = session.run(script)
    return result, "".join(session.host.output)


@pytest.fixture
def diag_file(tmp_path):
    path = tmp_path / "d.Tests.ps1"
    path.write_text(
        "Describe 'd' {\n"
        "  It 'mocked' { function g { }; Mock g { 1 }; g | Should -Be 1 }\n"
        "  It 'skipped' -Skip { }\n"
        "}\n"
    )
    return str(path)


def test_diagnostic_adds_debug_lines_detailed_lacks(diag_file):
    _, detailed = run(f"Invoke-Pester -Path '{diag_file}' -Output Detailed")
    _, diagnostic = run(f"Invoke-Pester -Path '{diag_file}' -Output Diagnostic")
    debug = [line for line in diagnostic.splitlines() if line not in detailed.splitlines()]
    assert debug[:4] == [
        "Discovery: Starting test discovery in 1 test containers. ",
        f"Discovery: Discovering tests in {diag_file} ",
        debug[2],
        "Discovery: Test discovery finished. ",
    ]
    assert debug[2].startswith("Discovery: Found 2 tests in ") and debug[2].endswith("ms ")
    assert "Mock: Setting up default mock for g. " in debug
    assert "Mock: Executing mock behavior for mock g. " in debug
    assert "Mock: Behavior for g was executed. " in debug
    assert "Skip: (d.skipped) Test is skipped. " in debug
    assert not any(line.startswith(("Discovery:", "Mock:", "Skip:")) for line in detailed.splitlines())


def test_failed_should_invoke_prints_call_history(tmp_path):
    path = tmp_path / "h.Tests.ps1"
    path.write_text(
        "Describe 'h' {\n  It 'i' { function g($a) { }; Mock g { }; g -a 5; Should -Invoke g -Times 2 }\n}\n"
    )
    _, out = run(f"Invoke-Pester -Path '{path}'")
    lines = out.splitlines()
    i = lines.index(" Expected g to be called at least 2 times, but was called 1 time")
    assert lines[i + 1 : i + 3] == [" Performed invocations:", f"   [*] g -a 5 from {path}:2"]


def test_testdrive_drive_is_gone_after_the_run(tmp_path):
    path = tmp_path / "t.Tests.ps1"
    path.write_text("Describe 't' { It 'i' { Set-Content TestDrive:\\f.txt 1; $global:td = $TestDrive } }\n")
    session = pscompat.Session()
    session.run(f"Invoke-Pester -Path '{path}' -Output None")
    folder = session.run("$global:td")[0]
    assert not os.path.exists(folder)
    assert session.run("Test-Path TestDrive:\\f.txt")[0] is False


def test_setup_outside_a_test_run_is_an_error():
    result = pscompat.Session().run("try { Setup -File x.txt } catch { $_.Exception.Message }")
    assert result[0] == "The Setup command may only be used from a Pester test script."


def test_own_testdrive_suite_passes_in_both_models():
    for model in ("", "-Pester4"):
        result, _ = run(f"Invoke-Pester -Path '{HERE}/TestDrive.Tests.ps1' -Output None -PassThru {model}")
        r = result[0]
        assert [(t.ExpandedPath, t.FailureMessage) for t in r.Tests if t.Result == "Failed"] == []
        assert r.PassedCount == 7


def test_pester4_it_sees_the_dollar_underscore_around_it(tmp_path):
    # Pester 4 runs an It where it stands: ScriptHelp.Tests.ps1 makes its Its in ForEach-Object
    path = tmp_path / "u.Tests.ps1"
    path.write_text("Describe 'u' {\n  'a', 'b' | ForEach-Object { It \"is $_\" { $_ | Should -BeIn 'a', 'b' } }\n}\n")
    result, _ = run(f"Invoke-Pester -Path '{path}' -Pester4 -Output None -PassThru")
    assert [(t.Name, t.Result) for t in result[0].Tests] == [("is a", "Passed"), ("is b", "Passed")]
