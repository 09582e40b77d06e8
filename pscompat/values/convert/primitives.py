"""PowerShell's LanguagePrimitives: truthiness, string conversion, numbers and casts.

All conversions are culture-invariant, as PowerShell's are for casts and string expansion.

Split by domain: conversion_strings (to_string, the text of numbers and dates, cast errors),
conversion_numbers (the numeric-literal grammar, casts to numeric types and [char]).  This
module keeps truthiness, to_number, -is, the cast dispatch (convert_to) with the casts to
arrays, hashtables, dates and time spans, and re-exports the rest.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import re

from pscompat.errors import PSError
from pscompat.values.convert.numbers import (
    INTEGER_TYPES,
    format_error,
    number_from_text,
    to_bigint,
    to_char,
    to_decimal,
    to_double,
    to_integer,
)
from pscompat.values.convert.strings import (
    cast_error,
    to_string,
    value_error,
)
from pscompat.values.dotnet.typenames import type_of_name
from pscompat.values.objects.classes import Char, Hashtable, PSObject
from pscompat.values.objects.model import SCRIPTBLOCK_TYPE, type_names

_Decimal = decimal.Decimal
_NoneType = type(None)

# --------------------------------------------------------------------------------------------
# to_bool (about_Booleans; LanguagePrimitives.IsTrue)


def _list_truth(value) -> bool:
    n = len(value)
    if n == 0:
        return False
    if n > 1:
        return True
    first = value[0]
    # IsTrue(IList) with one element: a nested list counts by its length, not its truth.
    if type(first) in (list, tuple):
        return len(first) > 0
    return to_bool(first)


_BOOL = {
    _NoneType: lambda v: False,
    bool: lambda v: v,
    str: lambda v: len(v) > 0,
    Char: lambda v: True,
    int: lambda v: v != 0,
    float: lambda v: v != 0,
    _Decimal: lambda v: v != 0,
    list: _list_truth,
    tuple: _list_truth,
}


def to_bool(value) -> bool:
    """PowerShell truthiness: '', $null, 0 and empty collections are false; a one-element
    collection is its element's truth; any other object (even 'False' or @{}) is true."""
    f = _BOOL.get(type(value))
    if f is not None:
        return f(value)
    if isinstance(value, enum.Enum):  # an enum is its number: [bool][ConsoleColor]::Black is False
        return not isinstance(value, int) or int(value) != 0
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        return len(value) > 0
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return _list_truth(value)
    if hasattr(value, "ToBool"):  # [switch]
        return value.ToBool()
    return True


def to_number(value):
    """The numeric value of an arithmetic operand: None -> 0, bool -> int, [char] -> its code,
    numeric strings per PowerShell's number grammar ('' -> 0)."""
    t = type(value)
    if t is int or t is float or t is _Decimal:
        return value
    if value is None:
        return 0
    if t is bool:
        return int(value)
    if t is Char:
        return ord(value)
    if isinstance(value, str):
        number = number_from_text(value)
        if number is None:
            raise PSError(
                f'Cannot convert value "{value}" to type "System.Int32". Error: "{format_error(value)}"',
                "InvalidCastFromStringToInteger",
                category="InvalidArgument",
            )
        return number
    if isinstance(value, (int, float, _Decimal)):
        return value if not isinstance(value, bool) else int(value)
    return convert_to(value, "System.Int32")


# --------------------------------------------------------------------------------------------
# Interfaces and bases a value also "is" beyond its PSTypeNames (for -is).
_IMPLIED = {
    "System.Object[]": ("System.Collections.IList", "System.Collections.ICollection", "System.Collections.IEnumerable"),
    "System.Collections.Hashtable": (
        "System.Collections.IDictionary",
        "System.Collections.ICollection",
        "System.Collections.IEnumerable",
    ),
    "System.Collections.Specialized.OrderedDictionary": (
        "System.Collections.IDictionary",
        "System.Collections.ICollection",
        "System.Collections.IEnumerable",
    ),
    "System.String": ("System.Collections.IEnumerable", "System.IComparable", "System.IConvertible"),
}


def is_instance(value, type_name: str) -> bool:
    """`value -is [type]`."""
    full = type_of_name(type_name)
    if value is None:
        return False
    if full == "System.Object":
        return True
    if full == "System.Management.Automation.PSObject":
        return isinstance(value, PSObject)
    names = type_names(value)
    if full in names:
        return True
    if full in ("System.IComparable", "System.IFormattable", "System.IConvertible"):
        return "System.ValueType" in names or names[0] == "System.String"
    return any(full in _IMPLIED.get(n, ()) for n in names[:1])


# --------------------------------------------------------------------------------------------
# convert_to: casts `[type]value` (LanguagePrimitives.ConvertTo)


class TypedArray(list):
    """A .NET array of a given element type (`[int[]]`, `[string[]]`): `.GetType()` is
    Int32[], `-is [int[]]` holds.  Object[] stays a plain list."""

    __slots__ = ("_element",)

    def __init__(self, items=(), element: str = "System.Object"):
        super().__init__(items)
        self._element = element

    @property
    def PS_TYPE_NAMES(self):
        return (self._element + "[]", "System.Array", "System.Object")

    def __reduce__(self):
        return (TypedArray, (list(self), self._element))


def _to_array(value, element: str | None):
    if value is None:
        return None
    if element == "System.Char" and type(value) is str:  # [char[]]'abc': the string's characters
        return TypedArray((Char(c) for c in value), element)
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        items = list(value)
    else:
        items = [value]
    if element is None or element == "System.Object":
        return items
    if isinstance(value, TypedArray) and value._element == element:
        return value
    return TypedArray((convert_to(item, element) for item in items), element)


def _to_hashtable(value, full: str):
    if value is None:
        return None
    if isinstance(value, dict):
        if isinstance(value, Hashtable) and value.ordered == (full != "System.Collections.Hashtable"):
            return value
        return Hashtable(value, ordered=full != "System.Collections.Hashtable")
    raise cast_error(value, full)


def _to_psobject(value, full: str):
    # [pscustomobject]@{...} builds a custom object in key order; any other value is itself.
    if isinstance(value, dict):
        return PSObject(value)
    return value


def _to_scriptblock(value, full: str):
    if value is not None and type_names(value)[:1] == [SCRIPTBLOCK_TYPE]:
        return value
    raise cast_error(value, full)


def _to_datetime(value, full: str = "System.DateTime"):
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None:
            raise value_error(
                value,
                full,
                f"String '{value}' was not recognized as a valid DateTime.",
                "InvalidCastParseTargetInvocation",
            )
        return parsed
    if isinstance(value, int) and not isinstance(value, bool):  # ticks
        return _dt.datetime(1, 1, 1) + _dt.timedelta(microseconds=value // 10)
    raise cast_error(value, full)


_DATE_FORMATS = (
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y %H:%M:%S",
    "%d %b %Y %H:%M:%S",
    "%a, %d %b %Y %H:%M:%S GMT",
    "%H:%M:%S",
    "%H:%M",
)


_TWO_DIGIT_YEAR = re.compile(r"(?P<md>\d{1,2}/\d{1,2}/)(?P<yy>\d{2})(?P<rest>(?:\s.*)?)$")


def parse_datetime(text: str):
    """DateTime.Parse with the invariant culture, for the common shapes: ISO 8601 (an offset
    or Z converts to local time, as .NET does), MM/dd/yyyy[ HH:mm[:ss]], 'dd MMM yyyy', RFC 1123.
    A bare time means today.  None when not recognised."""
    s = text.strip()
    short = _TWO_DIGIT_YEAR.match(s)
    if short is not None:  # M/d/yy: .NET's TwoDigitYearMax is 2049 (07 -> 2007, 50 -> 1950)
        yy = int(short["yy"])
        s = f"{short['md']}{yy + (2000 if yy <= 49 else 1900)}{short['rest']}"
    try:
        parsed = _dt.datetime.fromisoformat(s)
    except ValueError:
        parsed = None
    if parsed is not None:
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone().replace(tzinfo=None)
        return parsed
    for fmt in _DATE_FORMATS:
        try:
            parsed = _dt.datetime.strptime(s, fmt)
        except ValueError:
            continue
        if fmt.startswith("%H"):
            parsed = _dt.datetime.combine(_dt.date.today(), parsed.time())
        return parsed
    return None


_TIMESPAN = re.compile(r"(?P<neg>-)?(?:(?P<d>\d+)\.)?(?P<h>\d+):(?P<m>\d+)(?::(?P<s>\d+)(?:\.(?P<f>\d{1,7}))?)?")


def _to_timespan(value, full: str = "System.TimeSpan"):
    if isinstance(value, _dt.timedelta):
        return value
    if isinstance(value, int) and not isinstance(value, bool):  # ticks
        return _dt.timedelta(microseconds=value / 10)
    if isinstance(value, str):
        s = value.strip()
        m = _TIMESPAN.fullmatch(s)
        if m is None and s.lstrip("-").isdigit():
            return _dt.timedelta(days=int(s))
        if m is not None and int(m["h"]) < 24 and int(m["m"]) < 60 and int(m["s"] or 0) < 60:
            span = _dt.timedelta(
                days=int(m["d"] or 0),
                hours=int(m["h"]),
                minutes=int(m["m"]),
                seconds=int(m["s"] or 0),
                microseconds=int((m["f"] or "0").ljust(7, "0")) / 10,
            )
            return -span if m["neg"] else span
        raise value_error(
            value, full, f"String '{value}' was not recognized as a valid TimeSpan.", "InvalidCastParseTargetInvocation"
        )
    raise cast_error(value, full)


def _to_switch(value):
    from pscompat.values.dotnet.switch_parameter import SwitchParameter

    return SwitchParameter(to_bool(value))


def _to_pstype_value(value, full: str):
    # Types implemented in pstypes (regex, version, guid, List/ArrayList, type literals).
    from pscompat.values.dotnet.type_literals import convert_special

    return convert_special(value, full)


def _to_void():
    from pscompat.values.methods.invoke import VOID  # the methods import this module

    return VOID


_CONVERTERS = {
    "System.String": lambda v, full: to_string(v),
    "System.Boolean": lambda v, full: to_bool(v),
    "System.Management.Automation.SwitchParameter": lambda v, full: _to_switch(v),
    "System.Double": to_double,
    "System.Single": to_double,
    "System.Decimal": to_decimal,
    "System.Char": to_char,
    "System.DateTime": _to_datetime,
    "System.TimeSpan": _to_timespan,
    "System.Object": lambda v, full: v,
    "System.Management.Automation.PSObject": _to_psobject,
    "System.Management.Automation.PSCustomObject": _to_psobject,
    "System.Array": lambda v, full: _to_array(v, None),
    "System.Collections.Hashtable": _to_hashtable,
    "System.Collections.Specialized.OrderedDictionary": _to_hashtable,
    SCRIPTBLOCK_TYPE: _to_scriptblock,
    "System.Void": lambda v, full: _to_void(),  # [void]: no output
    "System.Numerics.BigInteger": lambda v, full: to_bigint(v),
}
_CONVERTERS.update({name: to_integer for name in INTEGER_TYPES})


def register_converter(full_name: str, converter) -> None:
    """`[full_name]value` calls converter(value, full_name): the casts to a script's classes."""
    _CONVERTERS[full_name] = converter


def convert_to(value, type_name: str):
    """`[type]value`: PowerShell's cast.  Raises PSError (InvalidArgument) when impossible."""
    full = type_of_name(type_name)
    converter = _CONVERTERS.get(full)
    if converter is not None:
        return converter(value, full)
    # Imported here, not at the top: building the enum types costs start-up time.
    from pscompat.values.dotnet.enums import ENUMS, to_enum

    if full in ENUMS:
        return to_enum(value, full)
    if full.endswith("[]"):
        return _to_array(value, full[:-2])
    if full in type_names(value):
        return value
    return _to_pstype_value(value, full)


def try_convert(value, type_name: str):
    """`value -as [type]`: the converted value, or None when the cast fails.
    An unknown type still raises (as `-as [NoSuchType]` does)."""
    full = type_of_name(type_name)
    try:
        return convert_to(value, full)
    except PSError:
        return None
