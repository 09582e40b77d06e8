"""Utility cmdlets: Start-Sleep (Docs: Microsoft.PowerShell.Utility/*.md); Get-Random and
Get-SecureRandom live in random_numbers.py.
The *-Variable cmdlets live in variables.py, the *-Alias cmdlets in aliases.py, Get-Command and
Get-Help in help.py, Read-Host in host.py."""

from __future__ import annotations

import datetime as _dt
import time

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.validation import validate_range
from pscompat.values.convert.strings import to_string


def _non_negative(value, binder) -> None:
    """[ValidateRange(ValidateRangeKind.NonNegative)] (Metadata.resx ValidateRangeNegativeFailure)."""
    if value is not None and value < type(value)(0):
        raise ValueError(
            f'The argument "{to_string(value)}" cannot be validated because its value is not greater than or '
            "equal to zero."
        )


@cmdlet(
    "Start-Sleep",
    aliases=("sleep",),
    default_set="Seconds",
    synopsis="Suspends the activity in a script or session for the specified period of time.",
    description="Waits -Seconds (fractions allowed), -Milliseconds or -Duration.",
    examples=(
        ("Start-Sleep -Seconds 1.5", "Waits one and a half seconds."),
        ("Start-Sleep -Milliseconds 250", "Waits a quarter second."),
    ),
)
class StartSleep(Cmdlet):
    """Suspends the activity in a script or session for the specified period of time."""

    parameters = (
        Parameter(
            "Seconds",
            "double",
            position=0,
            mandatory=True,
            pipeline=True,
            pipeline_by_name=True,
            sets=("Seconds",),
            validators=(validate_range(0.0, float(2147483647 // 1000)),),
        ),
        Parameter(
            "Milliseconds",
            "int",
            mandatory=True,
            pipeline_by_name=True,
            sets=("Milliseconds",),
            aliases=("ms",),
            validators=(validate_range(0, 2147483647),),
        ),
        Parameter(
            "Duration",
            "timespan",
            position=0,
            mandatory=True,
            pipeline=True,
            pipeline_by_name=True,
            sets=("FromTimeSpan",),
            aliases=("ts",),
            validators=(_non_negative,),
        ),
    )

    def process(self):
        if self.parameter_set == "Milliseconds":
            seconds = self.Milliseconds / 1000
        elif self.parameter_set == "FromTimeSpan":
            seconds = self.Duration.total_seconds()
            if seconds * 1000 > 2147483647:  # Thread.Sleep takes an Int32 of milliseconds
                self.throw_terminating(
                    f"The '-Duration' parameter value must not exceed '{to_string(_dt.timedelta(milliseconds=2147483647))}', "
                    f"provided value was '{to_string(self.Duration)}'.",
                    "MaximumDurationExceeded",
                    "InvalidArgument",
                    exception_type="System.Management.Automation.PSArgumentException",
                )
        else:
            seconds = float(self.Seconds)
        # in slices: a sleep in C sees no stop request, and Stop-Job / -TimeoutSeconds stop a
        # job's thread by raising in it (cmdlets/jobs/runspace.py interrupt)
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(left, 0.05))


# --- variables ---------------------------------------------------------------------------------
