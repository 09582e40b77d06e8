"""Get-Process and Stop-Process against real processes.

Each test starts its own `sleep` under a name no other process has (a symlink to sleep: the
kernel names a process after the path it was started by), so -Name lookups and stops can never
reach anyone else's processes.  PS: = PowerShell's Process.cs / ProcessResources.resx;
Docs: = learn.microsoft.com Get-Process.md / Stop-Process.md.
"""

import datetime as dt
import itertools
import os
import shutil
import signal
import subprocess
import sys

import pytest

import pscompat
from pscompat import to_python

_serial = itertools.count()


@pytest.fixture
def sleeper(tmp_path):
    """A running `sleep 60` called psct<pid><n> (at most 15 characters, the kernel's limit)."""
    name = f"psct{os.getpid() % 100000}{next(_serial)}"[:15]
    link = tmp_path / name
    link.symlink_to(shutil.which("sleep"))
    proc = subprocess.Popen([str(link), "60"])
    proc.ps_name = name
    proc.link = str(link)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def ps(script: str, proc=None, **variables):
    if proc is not None:
        variables.update(target=proc.pid, name=proc.ps_name)
    return to_python(list(pscompat.run(script, **variables)))


def error_texts(script: str, **variables) -> list:
    result = pscompat.run(script, **variables)
    return [(e.message, e.fully_qualified_error_id) for e in result.errors]


def wait_dead(proc) -> int:
    return proc.wait(timeout=10)  # a generous bound: the tests assert death, not speed


# --- Get-Process: the object ----------------------------------------------------------------

PROPERTY_CASES = [
    # (expression on $p = Get-Process -Id $target, expected: a value or a predicate on the value)
    ("$p.Id -eq $target", True),
    ("$p.Name -eq $name", True),
    ("$p.ProcessName -eq $p.Name", True),
    ("$p.GetType().FullName", "System.Diagnostics.Process"),
    ("$p -is [System.ComponentModel.Component]", True),
    (
        "$p.PSObject.TypeNames -join ','",
        "System.Diagnostics.Process,System.ComponentModel.Component,System.MarshalByRefObject,System.Object",
    ),
    ("$p.Path", os.path.realpath(shutil.which("sleep"))),
    ("$p.CommandLine", lambda v, proc: v == f"{proc.link} 60"),
    ("$p.WS -gt 0 -and $p.WS -eq $p.WorkingSet64", True),
    ("$p.WS.GetType().Name", "Int64"),
    ("$p.VM -eq $p.VirtualMemorySize64 -and $p.VM -gt 0", True),
    ("$p.PM -eq $p.PagedMemorySize64", True),
    ("$p.NPM", 0),  # .NET fills no nonpaged figure on Linux
    ("$p.CPU.GetType().FullName", "System.Double"),
    ("$p.CPU -eq $p.TotalProcessorTime.TotalSeconds", True),
    ("$p.TotalProcessorTime -eq $p.UserProcessorTime + $p.PrivilegedProcessorTime", True),
    ("$p.SI -eq $p.SessionId", True),
    ("$p.SessionId", lambda v, proc: v == os.getsid(proc.pid)),
    ("$p.Handles -eq $p.HandleCount -and $p.Handles -ge 3", True),
    ("$p.Threads.Count", 1),
    ("$p.Parent.Id -eq $PID", True),
    ("$p.HasExited", False),
    ("$p.Responding", True),
    ("[string]$p.PriorityClass", "Normal"),
    ("$p.MachineName", "."),
    ('"$p" -eq "System.Diagnostics.Process ($name)"', True),
    ("$p.StartTime.GetType().FullName", "System.DateTime"),
    ("$p.StartTime", lambda v, proc: abs(v - dt.datetime.now()) < dt.timedelta(minutes=2)),
    ("$p.__NounName", "Process"),
]


@pytest.mark.parametrize("expression,expected", PROPERTY_CASES, ids=[c[0] for c in PROPERTY_CASES])
def test_process_properties(sleeper, expression, expected):
    [value] = ps(f"$p = Get-Process -Id $target; {expression}", sleeper)
    if callable(expected):
        assert expected(value, sleeper), value
    else:
        assert value == expected


SELECTION_CASES = [
    ("Get-Process -Id $target | % Id", lambda proc: [proc.pid]),
    ("Get-Process -Name $name | % Id", lambda proc: [proc.pid]),
    ("Get-Process $name.ToUpper() | % Id", lambda proc: [proc.pid]),  # names ignore case
    ("Get-Process ($name.Substring(0, 6) + '*') | % Id", lambda proc: [proc.pid]),
    ("Get-Process $name, $name | % Id", lambda proc: [proc.pid]),  # each process once
    ("Get-Process -Id $target, $target | % Id", lambda proc: [proc.pid]),
    ("gps -PID $target | % Id", lambda proc: [proc.pid]),
    ("ps -Id $target | % Id", lambda proc: [proc.pid]),  # Windows alias, kept for pasted snippets
    ("Get-Process -Id $target | Get-Process | % Id", lambda proc: [proc.pid]),
    ("@(Get-Process | ? Id -eq $target).Count", lambda proc: [1]),
    (
        "Get-Process -Id $target -IncludeUserName | % { $_.PSObject.TypeNames[0], $_.UserName }",
        lambda proc: ["System.Diagnostics.Process#IncludeUserName", __import__("pwd").getpwuid(os.getuid()).pw_name],
    ),
]


@pytest.mark.parametrize("script,expected", SELECTION_CASES, ids=[c[0] for c in SELECTION_CASES])
def test_get_process_selects(sleeper, script, expected):
    assert ps(script, sleeper) == expected(sleeper)


def test_get_process_sorts_by_name_then_id():
    # PS: ProcessBaseCommand.ProcessComparison (OrdinalIgnoreCase name, then id)
    rows = ps("Get-Process | % { ,@($_.Name, $_.Id) }")
    keys = [(name.upper(), pid) for name, pid in rows]
    assert keys == sorted(keys)
    names = ps("Get-Process -Id $PID, 1 | % Name")
    assert [n.upper() for n in names] == sorted(n.upper() for n in names)


def test_sort_and_select_pipeline():
    rows = ps("Get-Process | Sort-Object WS -Descending | Select-Object -First 3 Name, Id")
    assert len(rows) == 3 and all(set(r) == {"Name", "Id"} for r in rows)


def test_default_table_header_matches_pwsh(sleeper):
    # PS: DotNetTypes_format_ps1xml.cs ViewsOf_System_Diagnostics_Process (widths 7 8 10 10 7 3)
    [text] = ps("Get-Process -Id $target | Out-String", sleeper)
    lines = text.strip("\n").splitlines()
    assert lines[0] == " NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName"
    assert lines[1] == " ------    -----      -----     ------      --  -- -----------"
    assert lines[2].endswith(f" {sleeper.ps_name}")
    assert lines[2].startswith("      0     0.00 ")
    assert f" {sleeper.pid} " in lines[2]


def test_include_user_name_table_header(sleeper):
    [text] = ps("Get-Process -Id $target -IncludeUserName | Out-String", sleeper)
    assert text.strip("\n").splitlines()[0] == "     WS(M)   CPU(s)      Id UserName                       ProcessName"


def test_format_list_shows_the_default_display_set(sleeper):
    [text] = ps("Get-Process -Id $target | Format-List | Out-String", sleeper)
    assert [line.split(":")[0].strip() for line in text.strip().splitlines()] == ["Id", "Handles", "CPU", "SI", "Name"]


# --- errors ----------------------------------------------------------------------------------

ERROR_CASES = [
    # PS: ProcessResources.resx NoProcessFoundForGivenName / NoProcessFoundForGivenId / RecommendIdTagForGivenName
    (
        "Get-Process -Name psct-no-such",
        'Cannot find a process with the name "psct-no-such". Verify the process name and call the cmdlet again.',
        "NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand",
    ),
    (
        "Get-Process -Id 2147483000",
        "Cannot find a process with the process identifier 2147483000.",
        "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand",
    ),
    (
        "Get-Process 2147483000",
        'Cannot find a process with the name "2147483000". Try running with -Id to search by Id of processes.',
        "RecommendIdTagForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand",
    ),
    (
        "Stop-Process -Id 2147483000",
        "Cannot find a process with the process identifier 2147483000.",
        "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.StopProcessCommand",
    ),
    (
        "Stop-Process -Name psct-no-such",
        'Cannot find a process with the name "psct-no-such". Verify the process name and call the cmdlet again.',
        "NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.StopProcessCommand",
    ),
]


@pytest.mark.parametrize("script,message,error_id", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_not_found_errors(script, message, error_id):
    assert error_texts(script) == [(message, error_id)]


def test_not_found_error_record():
    assert ps(
        "Get-Process psct-no-such -ErrorAction SilentlyContinue; $e = $error[0]; "
        "$e.Exception.GetType().FullName; [string]$e.CategoryInfo.Category; $e.TargetObject"
    ) == ["Microsoft.PowerShell.Commands.ProcessCommandException", "ObjectNotFound", "psct-no-such"]


def test_a_wildcard_that_matches_nothing_is_no_error():
    assert error_texts("Get-Process psct-no-such*") == []


def test_a_string_piped_to_get_process_lists_nothing():
    # -Name binds by property name only: a bare string must not fall back to every process
    result = pscompat.run("'sleep' | Get-Process")
    assert list(result) == [] and len(result.errors) == 1


# --- Stop-Process ----------------------------------------------------------------------------

STOP_CASES = [
    "Stop-Process -Id $target",
    "Stop-Process $target",
    "Stop-Process -Name $name",
    "spps -Id $target",
    "kill $target",
    "Get-Process -Id $target | Stop-Process",
    "Stop-Process -InputObject (Get-Process -Id $target)",
    "[pscustomobject]@{ Id = $target } | Stop-Process",
    "(Get-Process -Id $target).Kill()",
]


@pytest.mark.parametrize("script", STOP_CASES)
def test_stop_process_kills(sleeper, script):
    assert ps(script, sleeper) == []
    assert wait_dead(sleeper) == -signal.SIGKILL  # .NET's Process.Kill() on Unix


def test_stop_process_passthru(sleeper):
    assert ps("Stop-Process -Id $target -PassThru | % { $_.Id, $_.Name }", sleeper) == [sleeper.pid, sleeper.ps_name]
    wait_dead(sleeper)
    assert ps("(Get-Process -Id $target -ErrorAction SilentlyContinue) -eq $null", sleeper) == [True]


def test_stop_process_whatif_leaves_it_running(sleeper):
    session = pscompat.Session()
    assert list(session.run("Stop-Process -Name $name -WhatIf", name=sleeper.ps_name)) == []
    assert (
        "".join(session.ctx.host.output)
        == f'What if: Performing the operation "Stop-Process" on target "{sleeper.ps_name} ({sleeper.pid})".\n'
    )
    assert sleeper.poll() is None and ps("(Get-Process -Id $target).HasExited", sleeper) == [False]


def test_an_exited_process_object_stays_readable(sleeper):
    script = (
        "$p = Get-Process -Id $target; $p.Kill(); $p.WaitForExit(10000); $p.HasExited; "
        "$p.Refresh(); $p.Id -eq $target; $p | Stop-Process -PassThru | % Id"
    )
    assert ps(script, sleeper) == [True, True, True, sleeper.pid]


def test_a_process_gone_while_held_reads_as_empty(sleeper):
    [process] = pscompat.run("Get-Process -Id $target", target=sleeper.pid)
    sleeper.kill()
    wait_dead(sleeper)  # reaped: /proc no longer has it
    assert ps(
        "$p.Refresh(); $p.Path; $p.Handles; $p.HasExited; $p.Threads.Count; $p.Name -eq $n",
        p=process,
        n=sleeper.ps_name,
    ) == [None, 0, True, 0, True]


def test_stop_process_without_any_selection_asks_for_an_id():
    assert error_texts("Stop-Process") == [
        (
            "Cannot process command because of one or more missing mandatory parameters: Id.",
            "MissingMandatoryParameter,Microsoft.PowerShell.Commands.StopProcessCommand",
        )
    ]


def test_stop_process_on_its_own_process_stops_last(tmp_path):
    # PS: StopProcessCommand defers the current process to EndProcessing
    script = "'before'; Stop-Process -Id $PID; 'after'"
    run = subprocess.run(
        [sys.executable, "-m", "pscompat", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PSCOMPAT_HOME": str(tmp_path)},
    )
    assert run.returncode == -signal.SIGKILL
    assert run.stdout.split() == ["before"]


def test_aliases():
    assert ps("'gps', 'ps', 'spps', 'kill' | % { (Get-Alias $_).Definition }") == [
        "Get-Process",
        "Get-Process",
        "Stop-Process",
        "Stop-Process",
    ]


def test_a_process_that_may_not_be_stopped_is_an_error(sleeper, monkeypatch):
    # PS: StopProcessCommand catches the Win32Exception of Process.Kill (EPERM on Linux)
    def refuse(pid, sig):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "kill", refuse)
    assert error_texts("Stop-Process -Id $target -PassThru", target=sleeper.pid) == [
        (
            f'Cannot stop process "{sleeper.ps_name} ({sleeper.pid})" because of the following error: '
            f"Operation not permitted",
            "CouldNotStopProcess,Microsoft.PowerShell.Commands.StopProcessCommand",
        )
    ]
    monkeypatch.undo()
    assert sleeper.poll() is None
