"""Utility cmdlets: Start-Sleep and Get-Random (Docs: Microsoft.PowerShell.Utility/*.md).
The *-Variable cmdlets live in variables.py, the *-Alias cmdlets in aliases.py, Get-Command and
Get-Help in help.py, Read-Host in host.py."""

from __future__ import annotations

import datetime as _dt
import random
import time

from pscompat.cmdlets.paths import as_list
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


_INT32_MAX = 2147483647


# PowerShell's default set is RandomNumberParameterSet; it is left undeclared so that the binder,
# which prefers a declared default set even with pipeline input, picks a list set for piped input
# (its first set, RandomNumberParameterSet, still wins when nothing is piped).
@cmdlet(
    "Get-Random",
    synopsis="Gets a random number, or selects objects randomly from a collection.",
    description="A random integer in [Minimum, Maximum) (doubles if either bound is a double), or "
    "-Count distinct random items of the input; -Shuffle returns all of them in random order.",
    examples=(
        ("Get-Random -Maximum 10", "An integer from 0 to 9."),
        ("1..10 | Get-Random -Count 3", "Three distinct numbers from the input."),
        ("'a','b','c' | Get-Random -Shuffle", "The items in random order."),
    ),
)
class GetRandom(Cmdlet):
    """Gets a random number, or selects objects randomly from a collection."""

    parameters = (
        Parameter("SetSeed", "int"),
        Parameter("Maximum", "object", position=0, sets=("RandomNumberParameterSet",)),
        Parameter("Minimum", "object", sets=("RandomNumberParameterSet",)),
        Parameter("Count", "int"),
        Parameter(
            "InputObject",
            "object[]",
            position=0,
            mandatory=True,
            pipeline=True,
            sets=("RandomListItemParameterSet", "ShuffleParameterSet"),
            allow_null=True,
        ),
        Parameter("Shuffle", "switch", mandatory=True, sets=("ShuffleParameterSet",)),
    )

    def begin(self):
        self._rng = random.Random(self.SetSeed) if "SetSeed" in self.bound else random
        self._items = []

    def process(self):
        if self.parameter_set == "RandomNumberParameterSet":
            return None
        self._items.extend(as_list(self.InputObject))

    def end(self):
        rng = self._rng
        if self.parameter_set == "ShuffleParameterSet":
            items = list(self._items)
            rng.shuffle(items)
            return items
        if self.parameter_set == "RandomListItemParameterSet":
            count = self.Count if "Count" in self.bound else 1
            items = self._items
            return rng.sample(items, min(count, len(items))) if items else []
        count = self.Count if "Count" in self.bound else 1
        return [self._number(rng) for _ in range(max(count, 0))]

    def _number(self, rng):
        from pscompat.values.convert.primitives import to_number

        maximum = self.bound.get("Maximum")
        minimum = self.bound.get("Minimum")
        hi = to_number(maximum) if maximum is not None else None
        lo = to_number(minimum) if minimum is not None else None
        if isinstance(hi, float) or isinstance(lo, float):
            lo = 0.0 if lo is None else float(lo)
            hi = 1.7976931348623157e308 if hi is None else float(hi)
            self._check(lo, hi)
            return lo + (hi - lo) * rng.random()
        lo = 0 if lo is None else int(lo)
        hi = _INT32_MAX if hi is None else int(hi)
        self._check(lo, hi)
        return rng.randrange(lo, hi)

    def _check(self, lo, hi) -> None:
        if lo >= hi:
            from pscompat.values.convert.strings import to_string

            self.throw_terminating(
                f"The Minimum value ({to_string(lo)}) cannot be greater than or equal to the Maximum value "
                f"({to_string(hi)}).",
                "MinGreaterThanOrEqualMax",
                "InvalidArgument",
            )


# --- variables ---------------------------------------------------------------------------------
