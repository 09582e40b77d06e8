"""Measure-Object (PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/Measure-Object.cs).

Statistics are kept per property name (case-insensitive, first spelling wins) in order of first
appearance; a property no object has produces no result.  Sums are doubles, the standard
deviation is the sample one (PowerShell's running-variance update, ported as is).
"""

from __future__ import annotations

from functools import reduce
from operator import add

from pscompat.cmdlets.objects.common import has_input, property_reader, read_column, resolve_property
from pscompat.cmdlets.objects.properties import parse_properties
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.pipeline.fast_paths import FastEach
from pscompat.errors import PSError
from pscompat.values.objects.classes import is_dictionary

THIS_OBJECT = "$_"


class _Stats:
    __slots__ = ("name", "count", "sum", "sum_previous", "variance", "max", "min", "characters", "words", "lines")

    def __init__(self, name):
        self.name = name
        self.count = 0
        self.sum = self.sum_previous = self.variance = 0.0
        self.max = self.min = None
        self.characters = self.words = self.lines = 0


class GenericMeasureInfo:
    PS_TYPE_NAMES = (
        "Microsoft.PowerShell.Commands.GenericMeasureInfo",
        "Microsoft.PowerShell.Commands.MeasureInfo",
        "System.Object",
    )
    PS_PROPERTIES = ("Count", "Average", "Sum", "Maximum", "Minimum", "StandardDeviation", "Property")

    def __init__(self, count, average, total, maximum, minimum, deviation, prop):
        self.Count, self.Average, self.Sum = count, average, total
        self.Maximum, self.Minimum, self.StandardDeviation = maximum, minimum, deviation
        self.Property = prop


class GenericObjectMeasureInfo(GenericMeasureInfo):
    """Used when a minimum or maximum is not a number (strings, dates): keeps the value."""

    PS_TYPE_NAMES = (
        "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo",
        "Microsoft.PowerShell.Commands.MeasureInfo",
        "System.Object",
    )


class TextMeasureInfo:
    PS_TYPE_NAMES = (
        "Microsoft.PowerShell.Commands.TextMeasureInfo",
        "Microsoft.PowerShell.Commands.MeasureInfo",
        "System.Object",
    )
    PS_PROPERTIES = ("Lines", "Words", "Characters", "Property")

    def __init__(self, lines, words, characters, prop):
        self.Lines, self.Words, self.Characters, self.Property = lines, words, characters, prop


def _to_double(value):
    """LanguagePrimitives.TryConvertTo<double>: the double, or None when it does not convert."""
    if value is None:
        return 0.0
    if isinstance(value, float):
        return value
    if isinstance(value, int):
        return float(value)
    from pscompat.values.convert.primitives import convert_to

    try:
        return float(convert_to(value, "double"))
    except (PSError, TypeError, ValueError):
        return None


def _pick(value, current, is_min: bool):
    """Measure-Object's Compare: numbers compare as doubles; values of different types compare
    as strings; returns the new minimum/maximum (the original value, not the double)."""
    if current is None:
        return value
    a = _to_double(value) if value is not None else None
    b = _to_double(current)
    a = value if a is None else a
    b = current if b is None else b
    if a is not None and type(a) is not type(b):
        from pscompat.values.convert.strings import to_string

        a, b = to_string(a), to_string(b)
    from pscompat.values.operators.equality import compare

    result = compare(b, a, True)
    return value if (result if is_min else -result) > 0 else current


def count_words(text: str) -> int:
    words, was_space = 0, True
    for ch in text:
        if ch.isspace():
            was_space = True
        else:
            if was_space:
                words += 1
            was_space = False
    return words


def count_lines(text: str) -> int:
    if not text:
        return 0
    lines = text.count("\n")
    return lines if text.endswith("\n") else lines + 1


@cmdlet(
    "Measure-Object",
    aliases=("measure",),
    default_set="GenericMeasure",
    synopsis="Calculates the numeric properties of objects, and the characters, words, and lines in string objects.",
    description="Counts the input objects and, on request, computes the sum, average, minimum, "
    "maximum and standard deviation of their values or of named properties; with "
    "-Line, -Word or -Character it measures text.",
    examples=(
        ("1..10 | Measure-Object -Sum -Average", "Count 10, Sum 55, Average 5.5."),
        ("Get-ChildItem | Measure-Object -Property Length -AllStats", "All statistics of a property."),
        ("'one two','three' | Measure-Object -Word -Line", "Lines 2, Words 3."),
    ),
)
class MeasureObject(Cmdlet):
    """Calculates the numeric properties of objects, and the characters, words, and lines in
    string objects."""

    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0),
        Parameter("StandardDeviation", "switch", sets=("GenericMeasure",)),
        Parameter("Sum", "switch", sets=("GenericMeasure",)),
        Parameter("AllStats", "switch", sets=("GenericMeasure",)),
        Parameter("Average", "switch", sets=("GenericMeasure",)),
        Parameter("Maximum", "switch", sets=("GenericMeasure",)),
        Parameter("Minimum", "switch", sets=("GenericMeasure",)),
        Parameter("Line", "switch", sets=("TextMeasure",)),
        Parameter("Word", "switch", sets=("TextMeasure",)),
        Parameter("Character", "switch", sets=("TextMeasure",)),
        Parameter("IgnoreWhiteSpace", "switch", sets=("TextMeasure",)),
    )

    def begin(self):
        all_stats = bool(self.AllStats)
        self._sum = all_stats or bool(self.Sum)
        self._avg = all_stats or bool(self.Average)
        self._std = all_stats or bool(self.StandardDeviation)
        self._max = all_stats or bool(self.Maximum)
        self._min = all_stats or bool(self.Minimum)
        self._text = bool(self.Line or self.Word or self.Character)
        self._numeric = self._sum or self._avg or self._std
        self._specs = parse_properties(self, self.Property) if self.Property is not None else None
        self._stats: dict[str, _Stats] = {}
        self._records = 0
        self._non_numeric = False

    def fast_path(self):
        """`Measure-Object -Property Name ...`: one property read per object, its getter cached
        per class, the spelling resolved once per class."""
        specs = self._specs
        if specs is None or len(specs) != 1 or specs[0].is_block or specs[0].wildcard:
            return None
        spec = specs[0]
        missing = object()
        read = property_reader(spec.expression, missing)
        spelling: dict = {}
        # -Sum/-Average of numbers (the common case) needs only the count and the running sum
        sum_only = not (self._text or self._std or self._min or self._max)

        def each(item):
            if item is None:
                return None
            self._records += 1
            value = read(item)
            if value is missing:
                self._entry(spec.text)
                return None
            cls = type(item)
            name = spelling.get(cls)
            if name is None:
                name = spelling[cls] = resolve_property(item, spec.expression)[1]
            vtype = type(value)
            if sum_only and (vtype is int or vtype is float):
                stat = self._entry(name)
                stat.count += 1
                stat.sum_previous = stat.sum
                stat.sum += value
                return None
            self._analyze(name, value)
            return None

        def batch(items, downstream):
            if sum_only and self._sum_of_integers(items, spec.expression):
                return
            if not (self._text or self._std) and self._number_column(items, spec.expression):
                return
            for item in items:
                each(item)

        return FastEach(each, batch=batch)

    def _number_column(self, items: list, name: str) -> bool:
        """-Sum/-Average/-Minimum/-Maximum of a property whose values are all plain numbers:
        the column read in C-level passes (read_column), the sum PowerShell's running double
        total (the same additions in the same order, through reduce), the extremes by max/min
        (the first of equal values, as Measure-Object's strict comparison keeps).  False, with
        nothing counted, when some object lacks the property or a value is not an int or a
        float (NaN included: it compares unlike a double), so the object-by-object path runs."""
        if not items or None in items:
            return False
        missing = object()
        values = read_column(items, name, missing)
        types = set(map(type, values))
        if not types <= {int, float} or (float in types and any(v != v for v in values if type(v) is float)):
            return False
        real = resolve_property(items[0], name)[1]
        stat = self._entry(real)
        if self._numeric:
            try:
                floats = list(map(float, values))
            except OverflowError:  # an integer beyond a double's range: the general path reports it
                return False
            previous = reduce(add, floats[:-1], stat.sum)
            stat.sum_previous, stat.sum = previous, previous + floats[-1]
        self._records += len(items)
        stat.count += len(items)
        if self._max:
            stat.max = _pick(max(values), stat.max, False)
        if self._min:
            stat.min = _pick(min(values), stat.min, True)
        return True

    def _sum_of_integers(self, items: list, name: str) -> bool:
        """-Sum/-Average of an integer property of objects of one class, in one generated loop.
        False (nothing counted) unless every object has the class, the property is a plain
        attribute and every value is an int: then the float sum PowerShell's running total
        gives is the exact integer sum, as long as no partial sum can pass 2**53."""
        from pscompat.engine.pipeline.fused import integer_total
        from pscompat.values.objects.access import plain_attribute

        if not items or items[0] is None or is_dictionary(items[0]):
            return False
        cls = type(items[0])
        attribute = plain_attribute(cls, name)
        total = integer_total(cls, attribute) if attribute is not None else None
        sums = total(items) if total is not None else None
        if sums is None:
            return False
        real = resolve_property(items[0], name)[1]
        known = self._stats.get(real.lower())
        start = 0.0 if known is None else known.sum
        if not (start.is_integer() and abs(start) + sums[1] < 2**53):
            return False
        stat = self._entry(real)
        self._records += len(items)
        stat.count += len(items)
        stat.sum_previous = float(int(start) + sums[0] - getattr(items[-1], attribute))
        stat.sum = float(int(start) + sums[0])
        return True

    def _entry(self, name: str) -> _Stats:
        folded = name.lower()
        stat = self._stats.get(folded)
        if stat is None:
            stat = self._stats[folded] = _Stats(name)
        return stat

    def process(self):
        if not has_input(self) or self.InputObject is None:
            return
        self._records += 1
        obj = self.InputObject
        if self._specs is None:
            self._analyze(THIS_OBJECT, obj)
            return
        counted = set()
        for spec in self._specs:
            if not spec.is_block and not spec.wildcard:
                # one lookup gives the spelling and the value (the common `-Property Size` case)
                found, real, value = resolve_property(obj, spec.expression)
                if not found:
                    self._entry(spec.text)
                elif real.lower() not in counted:
                    self._analyze(real, value)
                    counted.add(real.lower())
                continue
            if spec.is_block:
                names = [spec.text]
            else:
                names = spec.resolve(obj)
                if not names:
                    if not spec.wildcard:
                        self._entry(spec.text)
                    continue
            for name in names:
                if name.lower() in counted:
                    continue
                value = spec.block_value(self, obj)[1] if spec.is_block else _property(obj, name)
                self._analyze(name, value)
                counted.add(name.lower())

    def _analyze(self, name: str, value) -> None:
        stat = self._entry(name)
        stat.count += 1
        if self._text:
            from pscompat.values.convert.strings import to_string

            text = "" if value is None else to_string(value)
            if self.Character:
                stat.characters += sum(1 for c in text if not c.isspace()) if self.IgnoreWhiteSpace else len(text)
            if self.Word:
                stat.words += count_words(text)
            if self.Line:
                stat.lines += count_lines(text)
        if self._numeric:
            number = _to_double(value)
            if number is None:
                self._non_numeric = True
                from pscompat.values.convert.strings import to_string

                self.write_error(
                    f'Input object "{to_string(value)}" is not numeric.', "NonNumericInputObject", "InvalidType", value
                )
                return
            stat.sum_previous = stat.sum
            stat.sum += number
            if self._std and stat.count > 1:
                avg_previous = stat.sum_previous / (stat.count - 1)
                stat.variance *= (stat.count - 2.0) / (stat.count - 1)
                stat.variance += (number - avg_previous) * (number - avg_previous) / stat.count
        if self._min:
            stat.min = _pick(value, stat.min, True)
        if self._max:
            stat.max = _pick(value, stat.max, False)

    def end(self):
        if self._records == 0 and self._specs is None:
            self._entry(THIS_OBJECT)
        out = []
        for stat in self._stats.values():
            if stat.count == 0 and self._specs is not None:
                continue  # a property no input object has (an error only in strict mode)
            prop = stat.name if self._specs is not None else None
            if self.parameter_set == "TextMeasure":
                out.append(
                    TextMeasureInfo(
                        stat.lines if self.Line else None,
                        stat.words if self.Word else None,
                        stat.characters if self.Character else None,
                        prop,
                    )
                )
            else:
                out.append(self._generic(stat, prop))
        return out

    def _generic(self, stat: _Stats, prop):
        total = average = deviation = None
        if not self._non_numeric:
            if self._sum:
                total = stat.sum
            if self._avg and stat.count > 0:
                average = stat.sum / stat.count
            if self._std:
                deviation = stat.variance**0.5
        numeric = all(v is None or _to_double(v) is not None for v in (stat.min, stat.max))
        maximum = stat.max if self._max else None
        minimum = stat.min if self._min else None
        if numeric:
            maximum = None if maximum is None else _to_double(maximum)
            minimum = None if minimum is None else _to_double(minimum)
            return GenericMeasureInfo(stat.count, average, total, maximum, minimum, deviation, prop)
        return GenericObjectMeasureInfo(stat.count, average, total, maximum, minimum, None, prop)


def _property(obj, name):
    return resolve_property(obj, name)[2]
