"""Measure-Command, New-TimeSpan and New-Guid (Docs: Microsoft.PowerShell.Utility/*.md;
behaviour from PowerShell's own sources, MeasureCommandCommand.cs, NewTimeSpanCommand.cs,
NewGuidCommand.cs)."""

from __future__ import annotations

import datetime as _dt
import time
import uuid

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet


@cmdlet(
    "Measure-Command",
    module="Microsoft.PowerShell.Utility",
    synopsis="Measures the time it takes to run script blocks and cmdlets.",
    description="Runs -Expression in the caller's scope (once per piped object, with $_ set, or once "
    "when nothing is piped), discards its output and returns the elapsed time as a "
    "TimeSpan.  Errors it writes still show.",
    examples=(
        ("Measure-Command { Get-AzureVMImage }", "How long listing the images takes."),
        ("(Measure-Command { 1..1000 | % { $_ } }).TotalMilliseconds", "Just the milliseconds."),
        ("1..3 | Measure-Command { Start-Sleep -Milliseconds $_ }", "One run per piped object."),
    ),
)
class MeasureCommand(Cmdlet):
    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Expression", "scriptblock", position=0, mandatory=True),
    )

    def begin(self):
        self._elapsed = 0.0

    def process(self):
        # Only the block's own running time counts; its output goes to a null pipe, consumed as
        # it is produced so a long-running block never piles up objects.
        start = time.perf_counter()
        try:
            for _ in self.invoke_iter(
                self.Expression, dollar_under=self.bound.get("InputObject"), use_local_scope=False
            ):
                pass
        finally:
            self._elapsed += time.perf_counter() - start

    def end(self):
        return [_dt.timedelta(seconds=self._elapsed)]


@cmdlet(
    "New-TimeSpan",
    module="Microsoft.PowerShell.Utility",
    default_set="Date",
    synopsis="Creates a TimeSpan object.",
    description="The time between -Start and -End (each defaults to now), or a span of -Days, "
    "-Hours, -Minutes, -Seconds and -Milliseconds.",
    examples=(
        ("New-TimeSpan -Hours 1 -Minutes 30", "An hour and a half."),
        ("New-TimeSpan -Start (Get-Date '2015-03-01') -End (Get-Date '2015-06-01')", "92 days."),
        ("(New-TimeSpan -End (Get-Date).AddDays(7)).Days", "Days until a date."),
    ),
)
class NewTimeSpan(Cmdlet):
    parameters = (
        Parameter(
            "Start",
            "datetime",
            position=0,
            pipeline=True,
            pipeline_by_name=True,
            sets=("Date",),
            aliases=("LastWriteTime",),
        ),
        Parameter("End", "datetime", position=1, pipeline_by_name=True, sets=("Date",)),
        Parameter("Days", "int", sets=("Time",)),
        Parameter("Hours", "int", sets=("Time",)),
        Parameter("Minutes", "int", sets=("Time",)),
        Parameter("Seconds", "int", sets=("Time",)),
        Parameter("Milliseconds", "int", sets=("Time",)),
    )

    def process(self):
        bound = self.bound
        if self.parameter_set == "Time":
            return [
                _dt.timedelta(
                    days=bound.get("Days", 0),
                    hours=bound.get("Hours", 0),
                    minutes=bound.get("Minutes", 0),
                    seconds=bound.get("Seconds", 0),
                    milliseconds=bound.get("Milliseconds", 0),
                )
            ]
        from pscompat.values.operators.arithmetic import subtract

        now = _dt.datetime.now()  # one reading: an omitted -Start and -End are the same instant
        return [subtract(bound.get("End", now), bound.get("Start", now))]


@cmdlet(
    "New-Guid",
    module="Microsoft.PowerShell.Utility",
    default_set="Default",
    synopsis="Creates a GUID.",
    description="A random (version 4) GUID; -Empty gives 00000000-0000-0000-0000-000000000000.  "
    "-InputObject converts strings to GUIDs.",
    examples=(
        ("New-Guid", "A new GUID."),
        ("(New-Guid).Guid", "Its text."),
        ("'3ba2c9a4-3b1e-4a57-9a4e-1b2c3d4e5f60' | New-Guid", "A GUID from its text."),
    ),
)
class NewGuid(Cmdlet):
    parameters = (
        Parameter("Empty", "switch", sets=("Empty",)),
        Parameter("InputObject", "string", position=0, pipeline=True, sets=("InputObject",), allow_null=True),
    )

    def process(self):
        if self.parameter_set == "InputObject":
            text = self.bound.get("InputObject")
            try:
                return [uuid.UUID(str(text).strip().strip("{}()"))]
            except ValueError:
                # like the cmdlet: the error, then the (null) GUID it could not make
                self.write_error(
                    "Unrecognized Guid format.",
                    "StringNotRecognizedAsGuid",
                    "InvalidArgument",
                    exception_type="System.FormatException",
                )
                return [None]
        if self.bound.get("Empty"):
            return [uuid.UUID(int=0)]
        return [uuid.uuid4()]  # PowerShell 7.4: Guid.NewGuid(); version 7 GUIDs came later
