"""The session history at the `pscompat` prompt: Get-History (h, history, ghy), Invoke-History
(r, ihy), Clear-History (clhy).  Lines are fed to the prompt on standard input; what it prints is
compared whole.  Behaviour and texts: PS test/powershell/Modules/Microsoft.PowerShell.Core/
History.Tests.ps1, src/System.Management.Automation/engine/hostifaces/History.cs,
resources/HistoryStrings.resx."""

import subprocess
import sys

import pytest

CASES = [
    # History.Tests.ps1 "Get-History returns proper history": the lines in order, as typed
    (["'a'", "1+1", "Get-History | ForEach-Object CommandLine"], "a\n2\n'a'\n1+1\n"),
    # "Invoke-History invokes proper command": it shows the line, runs it, and records it instead
    (["'a'", "1+1", "Invoke-History 2", "(h)[-1].CommandLine"], "a\n2\n1+1\n2\n1+1\n"),
    (["'x' * 2", "r"], "xx\n'x' * 2\nxx\n"),
    (["'first'", "'second'", 'ihy "\'f"'], "first\nsecond\n'first'\nfirst\n"),  # by the start of the line
    # "Clear-History removes history": the clhy line itself is the only entry left
    (["1", "2", "clhy", "(Get-History).Count"], "1\n2\n1\n"),
    (["1", "2", "3", "Clear-History -Id 2", "(h).CommandLine -join ','"], "1\n2\n3\n1,3,Clear-History -Id 2\n"),
    (["1", "2", "3", "clhy -Count 2", "(h).CommandLine -join ','"], "1\n2\n3\n3,clhy -Count 2\n"),
    (["1", "2", "3", "clhy -Count 1 -Newest", "(h).CommandLine -join ','"], "1\n2\n3\n1,2,clhy -Count 1 -Newest\n"),
    (
        ["'keep'", "'drop me'", "clhy -CommandLine *drop*", "(h).CommandLine -join ','"],
        "keep\ndrop me\n'keep',clhy -CommandLine *drop*\n",
    ),
    (["1", "2", "3", "(Get-History -Count 2).Id -join ','"], "1\n2\n3\n2,3\n"),
    (["1", "2", "3", "(Get-History 3 -Count 2).CommandLine -join ','"], "1\n2\n3\n2,3\n"),
    (["'a'", "(ghy 1).ExecutionStatus", "(ghy 1).Duration.GetType().Name"], "a\nCompleted\nTimeSpan\n"),
    (["throw 'x'", "(h)[0].ExecutionStatus"], "Failed\n"),
]


def run_prompt(lines):
    return subprocess.run(
        [sys.executable, "-m", "pscompat"], input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("lines,expected", CASES)
def test_history_at_the_prompt(lines, expected):
    assert run_prompt(lines).stdout == expected


ERRORS = [
    (["r 9"], "Invoke-History: Cannot locate the history for Id 9."),
    (["r"], "Invoke-History: Cannot locate most recent history."),
    (["r nothing-like-it"], "Invoke-History: Cannot locate the history for command line nothing-like-it."),
    (["r -3"], "The identifier -3 is not a valid value for a History identifier."),
    (["Get-History 5"], "Get-History: Cannot locate the history for Id 5."),
    (["1", "Get-History 1, 2 -Count 1"], "Get-History: The count cannot be combined with multiple Ids."),
]


@pytest.mark.parametrize("lines,error", ERRORS)
def test_history_errors(lines, error):
    assert error in run_prompt(lines).stderr


def test_the_table_view():
    out = run_prompt(["'a'", "Get-History"]).stdout.splitlines()
    assert out[2].split() == ["Id", "Duration", "CommandLine"]
    assert out[3].split() == ["--", "--------", "-----------"]
    assert out[4].split()[0] == "1" and out[4].split()[2] == "'a'"
    assert out[4].index("'a'") == 18  # Id right-aligned in 4, Duration right-aligned in 12
