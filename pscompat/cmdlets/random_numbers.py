"""Get-Random and Get-SecureRandom (Docs: Microsoft.PowerShell.Utility/Get-Random.md,
Get-SecureRandom.md).

Both share one behaviour (PowerShell: commands/utility/GetRandomCommandBase.cs): the type of
-Minimum and -Maximum picks the kind of number returned (both Int32 or absent: an Int32; Int32
or Int64: an Int64; anything else: a Double), a string bound is read as a numeric literal
('1kb', '0x10', '20.'), an array given to -Maximum is a list to choose from, and -Count items
are chosen uniformly (reservoir sampling) and returned in random order.  Get-Random draws from
a generator kept per session (so -SetSeed makes the following calls repeatable too);
Get-SecureRandom draws from the operating system's cryptographic source and has no -SetSeed.
"""

from __future__ import annotations

import math
import random
import re
import secrets
import weakref
from decimal import Decimal
from typing import ClassVar

from pscompat.cmdlets.paths import as_list
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.validation import validate_range
from pscompat.values.convert.numbers import INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, parse_number
from pscompat.values.convert.primitives import convert_to
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.integers import Int64

_DOUBLE_MAX = 1.7976931348623157e308
_NUMBER_SET = "RandomNumberParameterSet"
_LIST_SET = "RandomListItemParameterSet"
_SHUFFLE_SET = "ShuffleParameterSet"

# Get-Random's generator per session (PowerShell keeps one per runspace), keyed by the
# session's execution context.
_SESSION_GENERATORS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


_HEX = re.compile(r"\s*[+-]?0x[0-9a-f]+\s*", re.IGNORECASE)


def _operand(value):
    """The bound value as GetRandomCommandBase.ProcessOperand reads it: a string is scanned as
    a number literal (int, long or double as written); None stays None."""
    if isinstance(value, str):
        number = parse_number(value)
        if number is None and _HEX.fullmatch(value):
            # a hex literal wider than 64 bits, left a bare word by the tokenizer: Parser.ScanNumber
            # fails on it (Get-Random.Tests.ps1 "Should throw an error because the hexadecimal number is to large")
            raise OverflowError("Value was either too large or too small for a UInt32.")
        return number
    return value


def _kind(value) -> str:
    """'none', 'int' (System.Int32), 'long' (System.Int64) or 'other'."""
    if value is None:
        return "none"
    if type(value) is int:  # a plain int is an Int32, or an Int64 when it does not fit
        return "int" if INT32_MIN <= value <= INT32_MAX else "long" if INT64_MIN <= value <= INT64_MAX else "other"
    if type(value) is Int64:
        return "long"
    return "other"


def _as_double(value, default: float) -> float:
    if value is None:
        return default
    if isinstance(value, float):
        return value
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return float(value)
    return float(convert_to(value, "System.Double"))


class RandomCommandBase(Cmdlet):
    """The parameters and processing Get-Random and Get-SecureRandom share."""

    parameters: ClassVar[tuple] = (
        Parameter("Maximum", "object", position=0, sets=(_NUMBER_SET,)),
        Parameter("Minimum", "object", sets=(_NUMBER_SET,)),
        Parameter(
            "InputObject",
            "object[]",
            position=0,
            mandatory=True,
            pipeline=True,
            sets=(_LIST_SET, _SHUFFLE_SET),
            allow_null=True,
        ),
        Parameter("Count", "int", sets=(_NUMBER_SET, _LIST_SET), validators=(validate_range(1, INT32_MAX),)),
        Parameter("Shuffle", "switch", mandatory=True, sets=(_SHUFFLE_SET,)),
    )

    def generator(self) -> random.Random:
        raise NotImplementedError

    def begin(self):
        self._rng = self.generator()
        self._count = self.bound.get("Count", 1)
        self._chosen: list = []
        self._seen = 0
        maximum = self.bound.get("Maximum")
        self._list_mode = self.parameter_set in (_LIST_SET, _SHUFFLE_SET)
        if not self._list_mode and isinstance(maximum, (list, tuple)):
            # an array given to -Maximum (`Get-Random 1,2,3`) is the list to choose from
            self._list_mode = True
            self._take(list(maximum))
        if self._list_mode:
            return None
        return self._numbers()

    def process(self):
        if self._list_mode and "InputObject" in self.bound:
            items = self.InputObject
            self._take([None] if items is None else as_list(items))

    def _take(self, items: list) -> None:
        rng, count, chosen = self._rng, self._count, self._chosen
        if self.parameter_set == _SHUFFLE_SET and self.bound.get("Shuffle"):
            chosen.extend(items)
            return
        for item in items:
            if self._seen < count:
                chosen.append(item)
            elif rng.randrange(self._seen + 1) < count:
                chosen[rng.randrange(len(chosen))] = item
            self._seen += 1

    def end(self):
        if not self._list_mode:
            return None
        chosen, rng = self._chosen, self._rng
        out = []
        for i in range(len(chosen)):  # a uniformly random order
            j = rng.randrange(i, len(chosen))
            out.append(chosen[j])
            chosen[j] = chosen[i]
        return out

    def _numbers(self) -> list:
        maximum, minimum = self.bound.get("Maximum"), self.bound.get("Minimum")
        try:
            hi, lo = _operand(maximum), _operand(minimum)
        except OverflowError as e:
            self.throw_terminating(str(e), "System.OverflowException", exception_type="System.OverflowException")
        hi_kind, lo_kind = _kind(hi), _kind(lo)
        rng, count = self._rng, self._count
        if hi_kind in ("none", "int") and lo_kind in ("none", "int"):
            low = 0 if lo is None else int(lo)
            high = INT32_MAX if hi is None else int(hi)
            self._check(low, high)
            return [rng.randrange(low, high) for _ in range(count)]
        if hi_kind != "other" and lo_kind != "other":
            low = 0 if lo is None else int(lo)
            high = INT64_MAX if hi is None else int(hi)
            self._check(low, high)
            return [Int64(rng.randrange(low, high)) for _ in range(count)]
        low_d = lo if isinstance(lo, float) else _as_double(minimum, 0.0)
        high_d = hi if isinstance(hi, float) else _as_double(maximum, _DOUBLE_MAX)
        self._check(low_d, high_d)
        return [self._double(low_d, high_d) for _ in range(count)]

    def _double(self, low: float, high: float) -> float:
        # low + r * (high - low) can round up to high, or overflow when the span exceeds
        # Double.MaxValue: draw again until the value lies in [low, high)
        rng = self._rng
        span = high - low
        while True:
            r = rng.random()
            value = low + r * high - r * low if math.isinf(span) else low + r * span
            if low <= value < high:
                return value

    def _check(self, low, high) -> None:
        if low >= high:
            self.throw_terminating(
                f"The Minimum value ({to_string(low)}) cannot be greater than or equal to the Maximum value "
                f"({to_string(high)}).",
                "MinGreaterThanOrEqualMax",
                "InvalidArgument",
                exception_type="System.ArgumentException",
            )


# PowerShell's default set is RandomNumberParameterSet; it is left undeclared so that the binder,
# which prefers a declared default set even with pipeline input, picks a list set for piped input
# (its first set, RandomNumberParameterSet, still wins when nothing is piped).
@cmdlet(
    "Get-Random",
    synopsis="Gets a random number, or selects objects randomly from a collection.",
    description="A random integer in [Minimum, Maximum) (Int64 or Double when a bound is one), or "
    "-Count random items of the input; -Shuffle returns all of them in random order.  -SetSeed "
    "makes this and the session's following calls repeatable.",
    examples=(
        ("Get-Random -Maximum 10", "An integer from 0 to 9."),
        ("1..10 | Get-Random -Count 3", "Three distinct numbers from the input."),
        ("'a','b','c' | Get-Random -Shuffle", "The items in random order."),
    ),
)
class GetRandom(RandomCommandBase):
    """Gets a random number, or selects objects randomly from a collection."""

    parameters = (Parameter("SetSeed", "int"), *RandomCommandBase.parameters)

    def generator(self) -> random.Random:
        key = self.ctx
        if "SetSeed" in self.bound and self.bound["SetSeed"] is not None:
            _SESSION_GENERATORS[key] = random.Random(self.bound["SetSeed"])
        rng = _SESSION_GENERATORS.get(key)
        if rng is None:
            rng = _SESSION_GENERATORS[key] = random.Random()
        return rng


@cmdlet(
    "Get-SecureRandom",
    synopsis="Gets a random number from a cryptographically secure source, or selects objects randomly "
    "from a collection.",
    description="As Get-Random, drawing from the operating system's cryptographic random source; there is no -SetSeed.",
    examples=(
        ("Get-SecureRandom -Maximum 100", "An integer from 0 to 99."),
        ("Get-SecureRandom -InputObject 'a','b','c' -Count 2", "Two of the items, in random order."),
    ),
)
class GetSecureRandom(RandomCommandBase):
    """Gets a random number from a cryptographically secure source, or selects objects randomly."""

    def generator(self) -> random.Random:
        return secrets.SystemRandom()
