"""Job objects and the session's job table.

A job as PowerShell shows it (System.Management.Automation.Job): Id, Name, PSJobTypeName, State,
HasMoreData, Location, Command, ChildJobs and the data streams (Output, Error, Warning, Verbose,
Debug, Information, Progress).  Start-Job and Start-ThreadJob return a parent job whose one child
does the work; Receive-Job reads the children's streams (PS: src/System.Management.Automation/
engine/remoting/client/Job.cs).  Workers run on other threads, so each job guards its streams
with one condition variable: appending wakes Receive-Job -Wait and Wait-Job.
"""

from __future__ import annotations

import datetime as _dt
import threading
import uuid
import weakref
from collections.abc import Callable
from typing import Any

RUNNING = "Running"
FINISHED_STATES = frozenset(("Completed", "Failed", "Stopped"))
STREAMS = ("Output", "Error", "Warning", "Verbose", "Debug", "Information", "Progress")


class JobStateInfo:
    PS_TYPE_NAMES = ("System.Management.Automation.JobStateInfo", "System.Object")
    PS_PROPERTIES = ("State", "Reason")

    def __init__(self, state: str, reason: Any = None) -> None:
        self.State = state
        self.Reason = reason

    def ToString(self) -> str:
        return self.State


class Job:
    """One job.  A parent job (what the Start- cmdlets return) has children and no streams of
    its own that matter; its State follows the children (Job.cs, ParentJob state rules)."""

    PS_PROPERTIES = (
        "Id",
        "Name",
        "PSJobTypeName",
        "State",
        "HasMoreData",
        "Location",
        "Command",
        "ChildJobs",
        "InstanceId",
        "JobStateInfo",
        "PSBeginTime",
        "PSEndTime",
        "StatusMessage",
        "Output",
        "Error",
        "Progress",
        "Verbose",
        "Debug",
        "Warning",
        "Information",
    )

    def __init__(self, job_id: int, name: str, type_name: str, command: str, location: str) -> None:
        self.Id = job_id
        self.Name = name
        self.PSJobTypeName = type_name
        self.Command = command
        self.Location = location
        self.InstanceId = uuid.uuid4()
        self.StatusMessage = ""
        self.ChildJobs: list[Job] = []
        self.PSBeginTime: _dt.datetime | None = None
        self.PSEndTime: _dt.datetime | None = None
        self.cond = threading.Condition()
        self._state = "NotStarted"
        self._reason: Any = None
        self.streams: dict[str, list] = {name: [] for name in STREAMS}
        self.parent: Job | None = None
        self.stopper: Callable[[], None] | None = None  # how Stop-Job ends the work
        self.starter: Callable[[], None] | None = None  # a queued thread job started now

    @property
    def PS_TYPE_NAMES(self) -> tuple:
        specific = {
            "BackgroundJob": "System.Management.Automation.PSRemotingJob",
            "ThreadJob": "ThreadJob.ThreadJob",
            "PSTaskJob": "System.Management.Automation.PSTaskJob",
        }.get(self.PSJobTypeName, "System.Management.Automation.Job")
        return (specific, "System.Management.Automation.Job", "System.Object")

    # -- state -------------------------------------------------------------------------------
    @property
    def State(self) -> str:
        if self.ChildJobs:
            return _parent_state([c.State for c in self.ChildJobs])
        return self._state

    @property
    def JobStateInfo(self) -> JobStateInfo:
        reason = self._reason
        if self.ChildJobs and reason is None:
            reason = next((c._reason for c in self.ChildJobs if c._reason is not None), None)
        return JobStateInfo(self.State, reason)

    @property
    def finished(self) -> bool:
        return self.State in FINISHED_STATES

    def set_state(self, state: str, reason: Any = None) -> None:
        with self.cond:
            if self._state in FINISHED_STATES:
                return  # Stop-Job won the race against the worker's own end
            now = _dt.datetime.now()  # the times first: a reader that sees the state sees them
            if state == RUNNING:
                self.PSBeginTime = now
            elif state in FINISHED_STATES:
                self.PSEndTime = now
            if reason is not None:
                self._reason = reason
            self._state = state
            self.cond.notify_all()
        if self.parent is not None:
            self.parent.changed()

    def changed(self) -> None:
        with self.cond:
            self.cond.notify_all()
        if self.parent is not None:
            self.parent.changed()

    def stop(self) -> None:
        for child in self.ChildJobs:
            child.stop()
        if not self.ChildJobs and not self.finished:
            if self.stopper is not None:
                self.stopper()
            self.set_state("Stopped")

    # -- data --------------------------------------------------------------------------------
    def add(self, stream: str, item: Any) -> None:
        with self.cond:
            self.streams[stream].append(item)
            self.cond.notify_all()
        if self.parent is not None:
            self.parent.changed()

    def take(self, keep: bool) -> list[tuple[str, Any]]:
        """Everything the job and its children wrote that was not received yet, as (stream,
        item); -Keep leaves it for the next Receive-Job."""
        out: list[tuple[str, Any]] = []
        for job in self.ChildJobs or [self]:
            with job.cond:
                for name in STREAMS:
                    items = job.streams[name]
                    out.extend((name, item) for item in items)
                    if not keep:
                        job.streams[name] = []
        return out

    @property
    def HasMoreData(self) -> bool:
        if self.ChildJobs:
            return any(c.HasMoreData for c in self.ChildJobs)
        return any(self.streams[name] for name in ("Output", "Error", "Warning", "Verbose", "Debug", "Information"))

    def wait(self, timeout: float | None = None) -> bool:
        """Until the job is finished (True) or timeout seconds passed (False)."""
        return self.wait_for(lambda: self.finished, timeout)

    def wait_for(self, predicate: Callable[[], bool], timeout: float | None = None) -> bool:
        with self.cond:
            return self.cond.wait_for(predicate, timeout)

    # streams as properties, as PowerShell's job objects have them
    @property
    def Output(self) -> list:
        return list(self.streams["Output"])

    @property
    def Error(self) -> list:
        return list(self.streams["Error"])

    @property
    def Warning(self) -> list:
        return list(self.streams["Warning"])

    @property
    def Verbose(self) -> list:
        return list(self.streams["Verbose"])

    @property
    def Debug(self) -> list:
        return list(self.streams["Debug"])

    @property
    def Information(self) -> list:
        return list(self.streams["Information"])

    @property
    def Progress(self) -> list:
        return list(self.streams["Progress"])

    # the Job2 methods scripts call (ThreadJob.Tests.ps1 "Verifies StopJob API" and the rest)
    def StopJob(self, force: Any = False, reason: Any = None) -> None:
        self.stop()

    def StopJobAsync(self, force: Any = False, reason: Any = None) -> None:
        self.stop()

    def StartJob(self) -> None:
        if self.starter is not None and self.State == "NotStarted":
            self.starter()

    def StartJobAsync(self) -> None:
        self.StartJob()

    def ToString(self) -> str:
        return "System.Management.Automation.PSRemotingJob" if self.PSJobTypeName == "BackgroundJob" else self.Name

    def __repr__(self) -> str:
        return f"<Job {self.Id} {self.Name} {self.State}>"


def _parent_state(states: list[str]) -> str:
    if any(s in ("Running", "NotStarted") for s in states):
        return RUNNING if any(s != "NotStarted" for s in states) else "NotStarted"
    if "Stopped" in states:
        return "Stopped"
    if "Failed" in states:
        return "Failed"
    return "Completed"


class JobTable:
    """The jobs of one session, by Id.  Ids count up from 1 and each job takes one per child
    as well (a Start-Job job is 1, its child 2, the next job 3), as in PowerShell."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.next_id = 1
        self.jobs: dict[int, Job] = {}
        self.thread_queue: Any = None  # Start-ThreadJob's queue (threads.thread_queue)

    def create(self, type_name: str, command: str, location: str, name: str | None, children: int = 1) -> Job:
        with self.lock:
            job_id = self.next_id
            self.next_id += 1 + children
        job = Job(job_id, name or f"Job{job_id}", type_name, command, location)
        for i in range(children):
            child = Job(job_id + 1 + i, f"Job{job_id + 1 + i}", type_name, command, location)
            child.parent = job
            job.ChildJobs.append(child)
        with self.lock:
            self.jobs[job_id] = job
        return job

    def all(self) -> list[Job]:
        with self.lock:
            return [self.jobs[k] for k in sorted(self.jobs)]

    def remove(self, job: Job) -> None:
        with self.lock:
            self.jobs.pop(job.Id, None)


_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_TABLES_LOCK = threading.Lock()


def job_table(ctx: Any) -> JobTable:
    """The job table of a session (an ExecutionContext); made on first use."""
    with _TABLES_LOCK:
        table = _TABLES.get(ctx)
        if table is None:
            table = _TABLES[ctx] = JobTable()
        return table


def _register_types() -> None:
    from pscompat.values.dotnet.typenames import register_type

    for name in (
        "System.Management.Automation.Job",
        "System.Management.Automation.PSRemotingJob",
        "System.Management.Automation.PSTaskJob",
        "System.Management.Automation.JobStateInfo",
        "ThreadJob.ThreadJob",
        "System.Management.Automation.PipelineStoppedException",
    ):
        register_type(name)  # `$j -is [System.Management.Automation.Job]`


_register_types()
