"""Jobs and parallelism with real threads and processes (tests/spec/jobs.test.ps1 has the
PowerShell-facing cases).  Every script runs under a time limit, so a hang fails the test
instead of blocking the run."""

from __future__ import annotations

import os
import threading

import pytest

import pscompat
from pscompat.format.out_default import render

LIMIT = 20.0  # seconds: far above what any case needs, far below a CI time-out


def run(session: pscompat.Session, script: str):
    box: dict = {}

    def target():
        try:
            box["result"] = session.run(script)
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(LIMIT)
    assert not worker.is_alive(), f"hung: {script}"
    if "error" in box:
        raise box["error"]
    return box["result"]


@pytest.fixture
def session(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = pscompat.Session()
    yield s
    run(s, "Get-Job | Remove-Job -Force")


def test_thread_job_output_is_the_live_object(session):
    # ThreadJob.Tests.ps1: thread jobs run in this process; their objects are not copies
    out = run(session, "$o = [pscustomobject]@{a = 1}; Start-ThreadJob { $using:o } | Receive-Job -Wait")
    assert out[0] is session.get_variable("o")


def test_start_job_output_is_a_deserialized_copy(session):
    # about_Jobs: a background job runs in another process; results come back deserialized
    out = run(session, "$o = [pscustomobject]@{a = 1; b = 'x'}; Start-Job { $using:o; $PID } | Receive-Job -Wait")
    copy, child_pid = out
    assert copy is not session.get_variable("o")
    assert pscompat.to_python(copy) == {"a": 1, "b": "x"}
    assert child_pid != os.getpid()


def test_stop_job_ends_the_child_process(session):
    out = run(
        session,
        "$j = Start-Job { $PID; while ($true) { Start-Sleep -Milliseconds 50 } }\n"
        "while (-not $j.HasMoreData) { Start-Sleep -Milliseconds 20 }\n"
        "$childPid = $j | Receive-Job -Keep\n"
        "$j | Stop-Job; $j.State; $childPid",
    )
    assert out[0] == "Stopped"
    child_pid = out[1]
    for _ in range(100):  # the kill is asynchronous: the process is gone soon after
        try:
            os.kill(child_pid, 0)
        except ProcessLookupError:
            break
        threading.Event().wait(0.05)
    else:
        pytest.fail("the job's process still runs")


def test_job_table_view_is_powershells(session):
    # PowerShellCore_format_ps1xml.cs ViewsOf_System_Management_Automation_Job
    job = run(session, "Start-ThreadJob { 1 } | Wait-Job")[0]
    text = render([job])
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0].split() == ["Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"]
    assert lines[2].split() == ["1", "Job1", "ThreadJob", "Completed", "True", "PowerShell", "1"]


def test_job_ids_are_per_session(session):
    other = pscompat.Session()
    first = run(session, "(Start-ThreadJob { 1 }).Id")
    again = run(other, "(Start-ThreadJob { 1 }).Id")
    assert list(first) == list(again) == [1]
    run(other, "Get-Job | Wait-Job | Remove-Job")


def test_start_job_ids_count_the_child_job(session):
    # a BackgroundJob has one child job, which takes the next id (Job.Tests.ps1)
    out = run(session, "$a = Start-Job { 1 }; $b = Start-Job { 2 }; $a.Id; $a.ChildJobs[0].Id; $b.Id; $b.Name")
    assert list(out) == [1, 2, 3, "Job3"]


def test_thread_job_throttle_limit_queues_the_rest(session):
    # ThreadJob.Tests.ps1 "ThreadJob ThrottleLimit and Queue"
    out = run(
        session,
        "$jobs = 1..4 | ForEach-Object { Start-ThreadJob { while ($true) { Start-Sleep -Milliseconds 20 } } -ThrottleLimit 2 }\n"
        "while ($jobs[1].State -ne 'Running') { Start-Sleep -Milliseconds 10 }\n"
        "@($jobs | Where-Object State -eq Running).Count\n"
        "@($jobs | Where-Object State -eq NotStarted).Count\n"
        "$jobs[0] | Stop-Job\n"
        "while ($jobs[2].State -ne 'Running') { Start-Sleep -Milliseconds 10 }\n"
        "$jobs[2].State",
    )
    assert list(out) == [2, 2, "Running"]


def test_parallel_iterations_run_at_the_same_time(session):
    out = run(
        session,
        "$sw = [System.Diagnostics.Stopwatch]::StartNew()\n"
        "$n = 1..4 | ForEach-Object -Parallel { Start-Sleep -Milliseconds 400; $_ } -ThrottleLimit 4\n"
        "$n.Count; $sw.ElapsedMilliseconds",
    )
    assert out[0] == 4
    assert out[1] < 1500  # four sleeps of 0.4 s one after the other would take 1.6 s


def test_parallel_engine_is_thread_safe(session):
    # many runspaces at once defining functions, variables and calling cmdlets
    out = run(
        session,
        "$r = 1..60 | ForEach-Object -Parallel {\n"
        "  function Double($x) { $x * 2 }\n"
        "  $v = Double $_\n"
        "  [pscustomobject]@{ N = $_; V = $v } | Where-Object V -gt 0 | Select-Object -ExpandProperty V\n"
        "} -ThrottleLimit 12\n"
        "($r | Measure-Object -Sum).Sum; $r.Count",
    )
    assert list(out) == [sum(2 * i for i in range(1, 61)), 60]


def test_runaway_recursion_in_a_thread_job_is_an_error_not_a_crash(session):
    # the worker thread's stack is large enough for the engine's call-depth limit to come first
    out = run(
        session,
        "$j = Start-ThreadJob { function Recurse($n) { Recurse ($n + 1) }; Recurse 1; 'after' } | Wait-Job\n"
        '"$($j.Error[0])"; $j | Receive-Job 2>$null',
    )
    assert list(out) == ["The script failed due to call depth overflow.", "after"]


def test_receive_job_wait_streams_while_the_job_runs(session):
    out = run(
        session,
        "$j = Start-ThreadJob { 1; Start-Sleep -Milliseconds 300; 2 }\n"
        '$j | Receive-Job -Wait | ForEach-Object { "$_ $($j.State)" }',
    )
    # the first object arrives while the job still sleeps; the second when it has ended or is ending
    assert list(out)[0] == "1 Running"
    assert list(out)[1].startswith("2 ")


def test_job_in_a_file_with_arguments(session, tmp_path):
    # Start-Job -FilePath / Start-ThreadJob -FilePath (ThreadJob.Tests.ps1 "ThreadJob with ScriptFile")
    (tmp_path / "job.ps1").write_text('param($n) 1..$n | ForEach-Object { "Hello $_" }\n')
    out = run(session, "Start-ThreadJob -FilePath ./job.ps1 -ArgumentList 3 | Receive-Job -Wait")
    assert list(out) == ["Hello 1", "Hello 2", "Hello 3"]
    out = run(session, "Start-Job -FilePath ./job.ps1 -ArgumentList 2 | Receive-Job -Wait -AutoRemoveJob")
    assert list(out) == ["Hello 1", "Hello 2"]
