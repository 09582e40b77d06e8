"""Get-Job, Receive-Job, Wait-Job, Stop-Job and Remove-Job over the session's job table.

Messages and error ids: src/System.Management.Automation/resources/RemotingErrorIdStrings.resx
(JobWithSpecifiedSessionIdNotFound, JobWithSpecifiedNameNotFound,
JobWithSpecifiedSessionIdNotCompleted); behaviour: engine/remoting/commands/ReceiveJob.cs,
WaitJob.cs, RemoveJob.cs, test/powershell/Modules/Microsoft.PowerShell.Core/Job.Tests.ps1.
"""

from __future__ import annotations

import time
from typing import Any

from pscompat.cmdlets.jobs.model import Job, job_table
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.operators.patterns import wildcard_match

_POLL = 0.25  # seconds between looks at a job while waiting (each wait also wakes on a change)


class _JobCmdlet(Cmdlet):
    """Jobs from -Job (also piped), -Id, -Name, -InstanceId or -State; unknown ids and names
    are non-terminating errors, as in PowerShell."""

    noun_id = ""
    Job: Any
    Id: Any
    Name: Any
    InstanceId: Any
    State: Any

    def selected(self) -> list[Job]:
        table = job_table(self.ctx)
        jobs = table.all()
        bound = self.bound
        if bound.get("Job") is not None:
            # `Remove-Job $job` and `Remove-Job 3` both bind here: PowerShell's binder tries the
            # Id set first and falls back to -Job; this binder picks one set, so -Job takes both
            out: list[Job] = []
            for item in _list(self.Job):
                item = getattr(item, "BaseObject", item)
                if isinstance(item, Job):
                    out.append(item)
                elif isinstance(item, int) and not isinstance(item, bool):
                    out.extend(self._by_id(jobs, item))
                elif isinstance(item, str):
                    out.extend(self._by_name(jobs, item))
            return out
        if bound.get("Id") is not None:
            out = []
            for item in _list(self.Id):
                item = getattr(item, "BaseObject", item)
                if isinstance(item, Job):  # `Get-Job $job`: PowerShell binds it to -Name (its name)
                    out.extend(self._by_name(jobs, item.Name))
                elif isinstance(item, str) and not item.strip().lstrip("-").isdigit():
                    out.extend(self._by_name(jobs, item))
                else:
                    out.extend(self._by_id(jobs, int(item)))
            return out
        if bound.get("Name") is not None:
            return [j for name in _list(self.Name) for j in self._by_name(jobs, str(name))]
        if bound.get("InstanceId") is not None:
            wanted = {
                str(i).lower() for i in (self.InstanceId if isinstance(self.InstanceId, list) else [self.InstanceId])
            }
            return [j for j in jobs if str(j.InstanceId).lower() in wanted]
        if bound.get("State") is not None:
            return [j for j in jobs if j.State.lower() == str(self.State).lower()]
        return jobs

    def _by_id(self, jobs: list[Job], job_id: int) -> list[Job]:
        found = [j for j in jobs if j.Id == job_id] or [c for j in jobs for c in j.ChildJobs if c.Id == job_id]
        if not found:
            self.write_error(
                f"The command cannot find a job with the job ID {job_id}. Verify the value of the Id "
                "parameter and then try the command again.",
                "JobWithSpecifiedSessionIdNotFound," + self.noun_id,
                "ObjectNotFound",
                job_id,
                "System.ArgumentException",
            )
        return found

    def _by_name(self, jobs: list[Job], name: str) -> list[Job]:
        found = [j for j in jobs if wildcard_match(name, j.Name)]
        if not found and not has_wildcard(name):
            self.write_error(
                f"The command cannot find the job because the job name {name} was not found. Verify "
                "the value of the Name parameter, and then try the command again.",
                "JobWithSpecifiedNameNotFound," + self.noun_id,
                "ObjectNotFound",
                name,
                "System.ArgumentException",
            )
        return found


def _selection(pipeline_job: bool = True, job_set: str = "Job", by_state: bool = True) -> tuple:
    """The ways a job cmdlet picks its jobs: the job objects, or their ids, names, instance ids
    or (unless by_state is False, as for Receive-Job) their state; each its own parameter set."""
    chosen = (
        Parameter(
            "Job", "object[]", position=0, mandatory=True, pipeline=pipeline_job, pipeline_by_name=True, sets=(job_set,)
        ),
        Parameter("Id", "int[]", position=0, mandatory=True, sets=("SessionIdParameterSet",)),
        Parameter("Name", "string[]", position=0, mandatory=True, pipeline_by_name=True, sets=("NameParameterSet",)),
        Parameter(
            "InstanceId", "guid[]", position=0, mandatory=True, pipeline_by_name=True, sets=("InstanceIdParameterSet",)
        ),
    )
    if not by_state:
        return chosen
    return (*chosen, Parameter("State", "string", position=0, mandatory=True, pipeline_by_name=True, sets=("State",)))


@cmdlet(
    "Get-Job",
    aliases=("gjb",),
    module="Microsoft.PowerShell.Core",
    default_set="SessionIdParameterSet",
    synopsis="Gets PowerShell background jobs that are running in the current session.",
    examples=(("Get-Job", "Lists the session's jobs."), ("Get-Job -State Running", "The running ones.")),
    output_type="System.Management.Automation.Job",
)
class GetJob(_JobCmdlet):
    noun_id = "Microsoft.PowerShell.Commands.GetJobCommand"
    parameters = (
        # object[], not int[]: a job or a name given by position binds here too (see selected)
        Parameter("Id", "object[]", position=0, sets=("SessionIdParameterSet",)),
        Parameter("Name", "string[]", position=0, mandatory=True, pipeline_by_name=True, sets=("NameParameterSet",)),
        Parameter(
            "InstanceId", "guid[]", position=0, mandatory=True, pipeline_by_name=True, sets=("InstanceIdParameterSet",)
        ),
        Parameter("State", "string", mandatory=True, pipeline_by_name=True, sets=("State",)),
        Parameter("Command", "string[]", pipeline_by_name=True, sets=("CommandParameterSet",)),
        Parameter("IncludeChildJob", "switch"),
        Parameter("ChildJobState", "string"),
        Parameter("HasMoreData", "bool"),
        Parameter("Newest", "int"),
    )

    def end(self):
        if self.bound.get("Command") is not None:
            patterns = [str(p) for p in _list(self.Command)]
            jobs = [j for j in job_table(self.ctx).all() if any(wildcard_match(p, j.Command) for p in patterns)]
        else:
            jobs = self.selected()
        if self.bound.get("IncludeChildJob"):
            jobs = [x for j in jobs for x in [j, *j.ChildJobs]]
        if self.bound.get("HasMoreData") is not None:
            jobs = [j for j in jobs if j.HasMoreData == bool(self.HasMoreData)]
        if self.bound.get("Newest") is not None:
            jobs = sorted(jobs, key=lambda j: j.PSBeginTime or 0)[-int(self.Newest) :]  # type: ignore[arg-type,return-value]
        return jobs


def _list(value: Any) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


@cmdlet(
    "Receive-Job",
    aliases=("rcjb",),
    module="Microsoft.PowerShell.Core",
    default_set="Location",
    synopsis="Gets the results of the PowerShell background jobs in the current session.",
    description="Writes what the jobs wrote since the last Receive-Job: output objects, errors "
    "(non-terminating, to the error stream), warnings, verbose and information records.  -Keep "
    "keeps them for the next call; -Wait waits for the jobs to end, writing results as they come; "
    "-AutoRemoveJob (with -Wait) removes the jobs afterwards.",
    examples=(("Start-Job { 1 } | Receive-Job -Wait -AutoRemoveJob", "1"),),
)
class ReceiveJob(_JobCmdlet):
    noun_id = "Microsoft.PowerShell.Commands.ReceiveJobCommand"
    parameters = (
        *_selection(job_set="Location", by_state=False),
        Parameter("Keep", "switch"),
        Parameter("NoRecurse", "switch"),
        Parameter("Force", "switch"),
        Parameter("Wait", "switch"),
        Parameter("AutoRemoveJob", "switch"),
        Parameter("WriteEvents", "switch"),
        Parameter("WriteJobInResults", "switch"),
        Parameter("Location", "string[]", position=1, sets=("Location",)),
    )

    def begin(self):
        if self.bound.get("AutoRemoveJob") and not self.bound.get("Wait"):
            # PS: RemotingErrorIdStrings.resx AutoRemoveCannotBeUsedWithoutWait (ReceiveJob.cs)
            self.throw_terminating(
                "The -AutoRemoveJob parameter cannot be used without the -Wait parameter",
                "InvalidOperation," + self.noun_id,
                "InvalidOperation",
                exception_type="System.InvalidOperationException",
            )
        return None

    def process(self):
        keep = bool(self.bound.get("Keep"))
        for job in self.selected():
            if self.bound.get("WriteJobInResults"):
                yield job
            if self.bound.get("Wait"):
                yield from self._wait_and_write(job, keep)
                if self.bound.get("AutoRemoveJob"):
                    job_table(self.ctx).remove(job)
            else:
                yield from self._write(job.take(keep))

    def _wait_and_write(self, job: Job, keep: bool):
        if keep:  # -Keep leaves the records in place: take them once, at the end
            job.wait_for(lambda: job.finished)
            yield from self._write(job.take(True))
            return
        while True:
            finished = job.finished
            yield from self._write(job.take(False))
            if finished:
                return
            job.wait_for(lambda: job.finished or job.HasMoreData, _POLL)

    def _write(self, records: list[tuple[str, Any]]):
        for stream, item in records:
            if stream == "Output":
                yield item
            elif stream == "Error":
                self.runtime.write_error_record(item)
            elif stream == "Warning":
                self.write_warning(getattr(item, "Message", item))
            elif stream == "Verbose":
                self.write_verbose(getattr(item, "Message", item))
            elif stream == "Debug":
                self.write_debug(getattr(item, "Message", item))
            elif stream == "Information":
                self.write_information(item)


@cmdlet(
    "Wait-Job",
    aliases=("wjb",),
    module="Microsoft.PowerShell.Core",
    default_set="Job",
    synopsis="Waits until one or all of the PowerShell jobs running in the session are in a terminating state.",
    description="Writes the jobs once they are Completed, Failed or Stopped; -Any writes the first "
    "one that ends; -Timeout (seconds, -1 = forever) stops waiting and writes only the ended ones.",
    examples=(("Get-Job | Wait-Job -Timeout 10", "Waits at most 10 seconds."),),
    output_type="System.Management.Automation.Job",
)
class WaitJob(_JobCmdlet):
    noun_id = "Microsoft.PowerShell.Commands.WaitJobCommand"
    parameters = (
        *_selection(),
        Parameter("Any", "switch"),
        Parameter("Timeout", "int", aliases=("TimeoutSec",)),
        Parameter("Force", "switch"),
    )

    def begin(self):
        self._jobs: list[Job] = []
        return None

    def process(self):
        self._jobs.extend(j for j in self.selected() if j not in self._jobs)
        return None

    def end(self):
        jobs = self._jobs
        timeout = self.Timeout if self.bound.get("Timeout") is not None else -1
        deadline = None if timeout is None or int(timeout) < 0 else time.monotonic() + int(timeout)
        want_any = bool(self.bound.get("Any"))

        def ready() -> bool:
            done = [j for j in jobs if j.finished]
            return bool(done) if want_any else len(done) == len(jobs)

        while jobs and not ready():
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            # wait on any one unfinished job's condition, waking at least every _POLL seconds
            pending = next(j for j in jobs if not j.finished)
            pending.wait_for(lambda p=pending: p.finished, _POLL if left is None else min(_POLL, left))
        done = [j for j in jobs if j.finished]
        return done[:1] if want_any else done


@cmdlet(
    "Stop-Job",
    aliases=("spjb",),
    module="Microsoft.PowerShell.Core",
    default_set="Job",
    supports_should_process=True,
    synopsis="Stops a PowerShell background job.",
    examples=(("Get-Job | Stop-Job", "Stops every job of the session."),),
)
class StopJob(_JobCmdlet):
    noun_id = "Microsoft.PowerShell.Commands.StopJobCommand"
    parameters = (*_selection(), Parameter("PassThru", "switch"))

    def process(self):
        for job in self.selected():
            if not job.finished and self.should_process(job.Command, "Stop-Job"):
                job.stop()
        if self.bound.get("PassThru"):
            yield from self.selected()


@cmdlet(
    "Remove-Job",
    aliases=("rjb",),
    module="Microsoft.PowerShell.Core",
    default_set="Job",
    supports_should_process=True,
    synopsis="Deletes a PowerShell background job.",
    description="Removes finished jobs from the session; a job still running is refused with "
    "PowerShell's error unless -Force, which stops it first.",
    examples=(("Get-Job | Remove-Job -Force", "Stops and removes every job."),),
)
class RemoveJob(_JobCmdlet):
    noun_id = "Microsoft.PowerShell.Commands.RemoveJobCommand"
    parameters = (*_selection(), Parameter("Force", "switch", aliases=("F",)))

    def process(self):
        table = job_table(self.ctx)
        for job in self.selected():
            if not job.finished and not self.bound.get("Force"):
                # an ArgumentException naming the parameter, whose .NET message ends in it (RemoveJob.cs)
                parameter = "Id" if self.bound.get("Id") is not None else "Job"
                self.write_error(
                    f"The command cannot remove the job with the job ID {job.Id} because the job is not "
                    f"finished. To remove the job, first stop the job, or use the Force parameter. "
                    f"(Parameter '{parameter}')",
                    "JobObjectNotFinishedCannotBeRemoved," + self.noun_id,
                    "InvalidOperation",
                    job,
                    "System.ArgumentException",
                )
                continue
            if not self.should_process(job.Command, "Remove-Job"):
                continue
            if not job.finished:
                job.stop()
            table.remove(job)
        return None


__all__ = ["GetJob", "ReceiveJob", "WaitJob", "StopJob", "RemoveJob"]
