"""PowerShell's string conversion: `"$x"` / `[string]$x` (PSObject.ToString with the invariant
culture), the text of numbers, dates and time spans, and the cast errors that quote a value
as that text.  Split out of conversion.py, which re-exports these names."""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import math

from pscompat.errors import PSError
from pscompat.values.dotnet.typenames import type_spelling
from pscompat.values.dotnet_format.numbers import double_to_string
from pscompat.values.objects.classes import Char, Hashtable, PSObject
from pscompat.values.objects.model import SCRIPTBLOCK_TYPE, type_names
from pscompat.values.objects.script_members import ExtendedPSObject

_Decimal = decimal.Decimal
_NoneType = type(None)

# --------------------------------------------------------------------------------------------
# to_string (PSObject.ToString with the invariant culture)


def format_double(x: float) -> str:
    """.NET Core's Double.ToString(): shortest round-trip digits, scientific notation when the
    decimal exponent is >= 15 or < -4 ('1E+15', '1E-05'), 'NaN', 'Infinity', '-0'."""
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    sign, raw, exp = _Decimal(repr(x)).as_tuple()  # repr = shortest round-trip digits
    raw = "".join(map(str, raw))
    point = len(raw) + exp  # decimal point position, counted from the first digit
    digits = raw.rstrip("0")
    e10 = point - 1
    prefix = "-" if sign else ""
    if e10 >= 15 or e10 < -4:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{prefix}{mantissa}E{'+' if e10 >= 0 else '-'}{abs(e10):02d}"
    if point <= 0:
        return f"{prefix}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return prefix + digits + "0" * (point - len(digits))
    return f"{prefix}{digits[:point]}.{digits[point:]}"


def format_decimal(d: _Decimal) -> str:
    """System.Decimal keeps its scale ('1.50') and never uses exponent notation."""
    text = format(d, "f")
    return "0" + text[2:] if text.startswith("-0") and d == 0 else text


def format_timespan(t: _dt.timedelta) -> str:
    """TimeSpan's constant format: [-][d.]hh:mm:ss[.fffffff]."""
    ticks = (t.days * 86400 + t.seconds) * 10_000_000 + t.microseconds * 10
    sign = "-" if ticks < 0 else ""
    ticks = abs(ticks)
    seconds, frac = divmod(ticks, 10_000_000)
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    text = f"{sign}{f'{days}.' if days else ''}{hours:02d}:{minutes:02d}:{seconds:02d}"
    return text + (f".{frac:07d}" if frac else "")


def format_datetime(d: _dt.datetime) -> str:
    """DateTime.ToString() with the invariant culture: MM/dd/yyyy HH:mm:ss."""
    return f"{d.month:02d}/{d.day:02d}/{d.year:04d} {d.hour:02d}:{d.minute:02d}:{d.second:02d}"


def _psobject_string(obj: PSObject) -> str:
    # PSCustomObject.ToString: '@{a=1; b=x}'; values are not recursed into (arrays show as
    # 'System.Object[]'), a null value is empty.
    return "@{" + "; ".join(f"{n}={_element_string(v)}" for n, v in obj.properties()) + "}"


def _list_string(value, ofs: str = " ") -> str:
    return ofs.join([_element_string(v) for v in value])


def _element_string(value) -> str:
    """An element inside a collection or a PSCustomObject: nested collections are not
    expanded, they show their type name (PSObject.ToString(..., recurse: false))."""
    if type(value) in (list, tuple):
        return "System.Object[]"
    return to_string(value)


def _object_string(value) -> str:
    names = type_names(value)
    if names and names[0] == SCRIPTBLOCK_TYPE:
        return value.text
    if names and names[0] == "System.RuntimeType" and hasattr(value, "full_name"):
        return type_spelling(value.full_name)
    if isinstance(value, enum.Enum):
        from pscompat.values.dotnet.enums import (
            enum_text,  # here, not at the top: building the enum types costs start-up time
        )

        return enum_text(value)
    from pscompat.values.objects.adapted import class_info  # per-type method table: cheap after the first call

    method = class_info(type(value)).methods.get("tostring")
    if method is not None:
        return getattr(value, method)()
    if type(value).__str__ is not object.__str__:
        return str(value)
    return names[0] if names else ""


_STRING = {
    str: lambda v: v,
    Char: str.__str__,
    _NoneType: lambda v: "",
    bool: lambda v: "True" if v else "False",
    int: int.__repr__,
    float: double_to_string,
    _Decimal: format_decimal,
    list: _list_string,
    tuple: _list_string,
    PSObject: _psobject_string,
    ExtendedPSObject: _psobject_string,
    dict: lambda v: "System.Collections.Hashtable",
    Hashtable: lambda v: type_names(v)[0],
    _dt.datetime: format_datetime,
    _dt.timedelta: format_timespan,
}


def to_string(value, ofs: str = " ") -> str:
    """`"$x"` / `[string]$x`: PowerShell's culture-invariant string conversion."""
    f = _STRING.get(type(value))
    if f is not None:
        if f is _list_string:
            return _list_string(value, ofs)
        return f(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, enum.Enum):
        from pscompat.values.dotnet.enums import (
            enum_text,  # here, not at the top: building the enum types costs start-up time
        )

        return enum_text(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return double_to_string(value)
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return _list_string(value, ofs)
    if isinstance(value, dict):
        return type_names(value)[0]
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    return _object_string(value)


# --------------------------------------------------------------------------------------------
# Cast errors quote the value as its string conversion shows it.


def cast_error(value, target: str, error_id: str = "ConvertToFinalInvalidCastException") -> PSError:
    text = to_string(value)
    return PSError(
        f'Cannot convert the "{text}" value of type "{type_names(value)[0]}" to type "{target}".',
        error_id,
        category="InvalidArgument",
    )


def value_error(value, target: str, inner: str, error_id: str) -> PSError:
    return PSError(
        f'Cannot convert value "{to_string(value)}" to type "{target}". Error: "{inner}"',
        error_id,
        category="InvalidArgument",
    )
