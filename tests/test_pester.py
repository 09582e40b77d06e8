"""Pester 5 built in: the suite in tests/pester/ passes through Invoke-Pester, and the failing
fixture's messages are Pester's word for word (texts from Pester's src/functions/assertions)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

import pscompat

HERE = os.path.join(os.path.dirname(__file__), "pester")
FIXTURE = os.path.join(HERE, "Failures.Fixture.ps1")


def run(script: str):
    session = pscompat.Session()
    result = session.run(script)
    return result, "".join(session.host.output)


def test_own_suite_passes():
    result, _ = run(f"Invoke-Pester -Path '{HERE}' -Output None -PassThru")
    r = result[0]
    failed = [(t.ExpandedPath, t.FailureMessage) for t in r.Tests if t.Result == "Failed"]
    assert failed == []
    assert (r.PassedCount, r.FailedCount, r.SkippedCount, r.TotalCount) == (31, 0, 2, 33)


FAILURES = [
    ("be", "Expected 2, but got 1."),
    ("because", "Expected 2, because numbers matter, but got 1."),
    (
        "string",
        "Expected strings to be the same, but they were different.\nString lengths are both 3.\n"
        "Strings differ at index 2.\nExpected: 'abd'\nBut was:  'abc'\n           --^",
    ),
    (
        "collection",
        "Expected collections to be the same, but they were different.\nCollection lengths are both 2.\n"
        "Collections differ at index 1.\nExpected: @(1, 3)\nBut was:  @(1, 2)",
    ),
    ("gt", "Expected the actual value to be greater than 2, but got 1."),
    ("null", "Expected $null or empty, but got 'x'."),
    ("contain", "Expected 3 to be found in collection @(1, 2), but it was not found."),
    ("like", "Expected like wildcard 'x*' to match 'abc', but it did not match."),
    ("match", "Expected regular expression 'x' to match 'abc', but it did not match."),
    ("true", "Expected $true, but got $false."),
    ("count", "Expected a collection with size 3, but got collection with size 2 @(1, 2)."),
    ("type", "Expected the value to have type [int] or any of its subtypes, but got 'x' with type [string]."),
    ("throw", "Expected an exception to be thrown, but no exception was thrown."),
    ("throw message", "Expected an exception with message like 'boom' to be thrown, but the message was 'other'."),
    ("error", "plain error"),
    ("invoke", "Expected f to be called 2 times exactly, but was called 0 times"),
    ("in", "Expected collection @(1, 2) to contain 9, but it was not found."),
    ("exist", "Expected path '/nonexistent/x' to exist, but it did not exist."),
]


@pytest.fixture(scope="module")
def fixture_run():
    return run(f"Invoke-Pester -Path '{FIXTURE}' -PassThru")


@pytest.mark.parametrize(("name", "message"), FAILURES, ids=[n for n, _ in FAILURES])
def test_failure_messages(fixture_run, name, message):
    result, _ = fixture_run
    test = next(t for t in result[0].Tests if t.Name == name)
    assert test.Result == "Failed"
    assert test.FailureMessage.startswith(message)


def test_normal_output_format(fixture_run):
    _, out = fixture_run
    lines = out.splitlines()
    assert lines[1:4] == ["Starting discovery in 1 files.", lines[2], "Running tests."]
    assert re.fullmatch(r"Discovery found 18 tests in (\d+ms|[\d.]+s)\.", lines[2])
    i = next(i for i, line in enumerate(lines) if line.startswith("[-] Failures.be "))
    assert re.fullmatch(r"\[-\] Failures\.be \d+ms \(\d+ms\|\d+ms\)", lines[i])
    assert lines[i + 1] == " Expected 2, but got 1."
    assert lines[i + 2] == f" at It 'be' {{ 1 | Should -Be 2 }}, {FIXTURE}:4"
    assert re.fullmatch(r"Tests completed in (\d+ms|[\d.]+s)", lines[-2])
    assert lines[-1] == "Tests Passed: 0, Failed: 18, Skipped: 0, Inconclusive: 0, NotRun: 0"


def test_detailed_output_shows_blocks_and_results():
    _, out = run(f"Invoke-Pester -Path '{HERE}/Blocks.Tests.ps1' -Output Detailed")
    assert "\nDescribing Blocks\n" in out
    assert "\n Context nested one\n" in out
    assert re.search(r"\n  \[\+\] adds 1 and 2 \d+ms", out)
    assert re.search(r"\n  \[!\] can skip itself is skipped, because it chose to \d+ms", out)


@pytest.mark.parametrize(
    ("args", "selected"),
    [("-TagFilter slow", 1), ("-ExcludeTagFilter slow", 14), ("-FullNameFilter 'Blocks.adds*'", 2)],
)
def test_filters(args, selected):
    result, _ = run(f"Invoke-Pester -Path '{HERE}/Blocks.Tests.ps1' -Output None -PassThru {args}")
    r = result[0]
    assert (r.PassedCount + r.SkippedCount, r.NotRunCount, r.TotalCount) == (selected, 15 - selected, 15)


def test_configuration_and_result_files(tmp_path):
    nunit, junit = tmp_path / "n.xml", tmp_path / "j.xml"
    run(
        "$c = New-PesterConfiguration; $c.Run.Path = '" + FIXTURE + "'; $c.Output.Verbosity = 'None'; "
        f"$c.TestResult.Enabled = $true; $c.TestResult.OutputPath = '{nunit}'; Invoke-Pester -Configuration $c; "
        f"$c.TestResult.OutputFormat = 'JUnitXml'; $c.TestResult.OutputPath = '{junit}'; Invoke-Pester -Configuration $c"
    )
    root = ET.parse(nunit).getroot()
    assert (root.tag, root.get("total"), root.get("failures")) == ("test-results", "18", "18")
    case = root.find(".//test-case[@description='be']")
    assert case.find("failure/message").text == "Expected 2, but got 1."
    jroot = ET.parse(junit).getroot()
    assert (jroot.tag, jroot.get("tests"), jroot.get("failures")) == ("testsuites", "18", "18")


def test_ci_exit_code(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pscompat", "-c", f"Invoke-Pester -Path '{FIXTURE}' -CI -Output None"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 18
    assert (tmp_path / "testResults.xml").exists()


def test_describe_outside_invoke_pester_runs_itself():
    _, out = run("Describe 'Solo' { It 'works' { 1 | Should -Be 1 } }")
    assert "Describing Solo" in out
    assert "Tests Passed: 1, Failed: 0" in out


# -- the pytest plugin (pscompat.shell.pytest_plugin, entry point pytest11) ------------------------
PLUGIN_SAMPLE = """
Describe 'Math' {
    It 'adds' -Tag 'fast' { 1 + 1 | Should -Be 2 }
    It 'fails' { 1 + 1 | Should -Be 3 }
    It 'skips' -Skip { }
    Context 'more' {
        It 'case <n>' -ForEach @(@{ n = 1 }, @{ n = 2 }) { $n | Should -BeLessThan 3 }
    }
}
"""


def _pytest(tmp_path, *args):
    (tmp_path / "Sample.Tests.ps1").write_text(PLUGIN_SAMPLE)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", str(tmp_path), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )


def test_plugin_reports_each_it(tmp_path):
    proc = _pytest(tmp_path, "-v")
    out = proc.stdout
    assert "PASSED Sample.Tests.ps1::Math.adds\n" in out
    assert "FAILED Sample.Tests.ps1::Math.fails - Expected 3, but got 2.\n" in out
    assert "PASSED Sample.Tests.ps1::Math.more.case 2\n" in out
    assert "Expected 3, but got 2." in out
    assert f"at It 'fails' {{ 1 + 1 | Should -Be 3 }}, {tmp_path / 'Sample.Tests.ps1'}:4" in out
    assert "1 failed, 3 passed, 1 skipped" in out
    assert proc.returncode == 1


@pytest.mark.parametrize(
    ("args", "summary"), [(("-k", "case"), "2 passed, 3 deselected"), (("-m", "fast"), "1 passed, 4 deselected")]
)
def test_plugin_selects_with_k_and_m(tmp_path, args, summary):
    proc = _pytest(tmp_path, *args)
    assert summary in proc.stdout
    assert proc.returncode == 0


PESTER4 = """
Describe 'P4' {
    BeforeAll { $cases = @(@{ n = 1; twice = 2 }, @{ n = 2; twice = 4 }) }
    It 'case <n>' -TestCases $cases { param($n, $twice) $n * 2 | Should -Be $twice }
    $fromBody = 5
    It 'sees the body' { $fromBody | Should -Be 5 }
    It 'no cases' -TestCases @() { }
    throw 'body error'
}
"""


def test_pester4_model_runs_blocks_in_order(tmp_path):
    """-Pester4: no discovery phase; BeforeAll and the body run before the It calls after them."""
    path = tmp_path / "P4.Tests.ps1"
    path.write_text(PESTER4)
    result, out = run(f"Invoke-Pester -Path '{path}' -Pester4 -PassThru -Output Detailed")
    r = result[0]
    assert [(t.Name, t.Result) for t in r.Tests] == [
        ("case 1", "Passed"),
        ("case 2", "Passed"),
        ("sees the body", "Passed"),
        ("Error occurred in Describe block", "Failed"),
    ]
    assert "RuntimeException: body error" in out
