"""PowerShell's LanguagePrimitives: truthiness, string conversion, numbers and casts.

All conversions are culture-invariant, as PowerShell's are for casts and string expansion.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import enum
import math
import re

from . import enums as _enums
from .errors import PSError
from .numtypes import BY_TYPE_NAME as _SIZED_INTS
from .numtypes import BigInteger, Int64
# register_type / type_of_name / type_spelling live in typenames; other modules import them from here.
from .typenames import register_type, type_of_name, type_spelling  # noqa: F401
from .psobject import SCRIPTBLOCK_TYPE, Char, Hashtable, PSObject, type_names

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
        return _enums.enum_text(value)
    from .psobject import _class_info  # per-type method table: cheap after the first call

    method = _class_info(type(value)).methods.get("tostring")
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
    float: format_double,
    _Decimal: format_decimal,
    list: _list_string,
    tuple: _list_string,
    PSObject: _psobject_string,
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
        return _enums.enum_text(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return format_double(value)
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return _list_string(value, ofs)
    if isinstance(value, dict):
        return type_names(value)[0]
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    return _object_string(value)


# --------------------------------------------------------------------------------------------
# Numbers: PowerShell's numeric-literal grammar, used for string -> number conversion.

_NUMBER = re.compile(
    r"""(?P<sign>[+-]?)
        (?:0x(?P<hex>[0-9a-f]+) | 0b(?P<bin>[01]+)
          | (?P<dec>(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?))
        (?P<suffix>ul|uy|us|u|l|y|s|d|n)?
        (?P<mult>kb|mb|gb|tb|pb)?""",
    re.IGNORECASE | re.VERBOSE,
)
_MULTIPLIERS = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}
_INT_RANGES = {  # suffix -> (min, max) of its type
    "y": (-128, 127), "uy": (0, 255), "s": (-(1 << 15), (1 << 15) - 1), "us": (0, (1 << 16) - 1),
    "l": (-(1 << 63), (1 << 63) - 1), "u": (0, (1 << 64) - 1), "ul": (0, (1 << 64) - 1),
}
INT32_MIN, INT32_MAX = -(1 << 31), (1 << 31) - 1
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
_DECIMAL_MAX = _Decimal("79228162514264337593543950335")


def _signed_radix(text: str, base: int, digits_per_byte: int) -> int:
    # Hex/binary literals whose digit count fills an int32/int64 exactly take the sign bit
    # (0xFFFFFFFF -> -1); a leading 0 digit makes it unsigned (about_Numeric_Literals).
    value = int(text, base)
    for bits in (32, 64):
        if len(text) == bits // 8 * digits_per_byte and value >= 1 << (bits - 1):
            return value - (1 << bits)
    return value


def parse_number(text: str):
    """A PowerShell numeric literal (surrounding whitespace allowed) -> int/float/Decimal,
    or None when `text` is not one.  '' and whitespace are not numbers here."""
    m = _NUMBER.fullmatch(text.strip())
    if m is None:
        return None
    sign = -1 if m["sign"] == "-" else 1
    suffix = (m["suffix"] or "").lower()
    mult = _MULTIPLIERS.get((m["mult"] or "").lower(), 1)
    if m["dec"] is not None and ("." in m["dec"] or "e" in m["dec"].lower()) or (
            m["dec"] is not None and suffix == "d"):
        if suffix == "d":
            return sign * _Decimal(m["dec"]) * mult
        value = sign * float(m["dec"]) * mult
        if suffix in _INT_RANGES:  # '1.2l' is an integer literal (about_Numeric_Literals)
            return _to_integer_value(value, *_INT_RANGES[suffix])
        return value
    if m["hex"] is not None:
        value = sign * _signed_radix(m["hex"], 16, 2) * mult
    elif m["bin"] is not None:
        value = sign * _signed_radix(m["bin"], 2, 8) * mult
    else:
        value = sign * int(m["dec"]) * mult
    if suffix == "n":
        return BigInteger(value)
    if suffix:
        lo, hi = _INT_RANGES[suffix]
        if not lo <= value <= hi:
            return None
        return Int64(value) if suffix == "l" else value
    if INT64_MIN <= value <= INT64_MAX:
        return value
    if m["dec"] is not None:
        return _Decimal(value) if abs(value) <= _DECIMAL_MAX else float(value)
    return None


def _to_integer_value(x, lo, hi):
    value = round(x)  # .NET Convert.ToInt32(double) rounds half to even, as Python's round()
    return value if lo <= value <= hi else None


def _format_error(value: str) -> str:
    return f"The input string '{value}' was not in a correct format."


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
        if not value.strip():
            return 0
        number = parse_number(value)
        if number is None:
            number = _special_double(value)
        if number is None:
            raise PSError(f'Cannot convert value "{value}" to type "System.Int32". '
                          f'Error: "{_format_error(value)}"', "InvalidCastFromStringToInteger",
                          category="InvalidArgument")
        return number
    if isinstance(value, (int, float, _Decimal)):
        return value if not isinstance(value, bool) else int(value)
    return convert_to(value, "System.Int32")


def _special_double(text: str):
    return {"nan": math.nan, "infinity": math.inf, "-infinity": -math.inf,
            "+infinity": math.inf}.get(text.strip().lower())


# --------------------------------------------------------------------------------------------
# Interfaces and bases a value also "is" beyond its PSTypeNames (for -is).
_IMPLIED = {
    "System.Object[]": ("System.Collections.IList", "System.Collections.ICollection",
                        "System.Collections.IEnumerable"),
    "System.Collections.Hashtable": ("System.Collections.IDictionary", "System.Collections.ICollection",
                                     "System.Collections.IEnumerable"),
    "System.Collections.Specialized.OrderedDictionary": (
        "System.Collections.IDictionary", "System.Collections.ICollection", "System.Collections.IEnumerable"),
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


def _cast_error(value, target: str, error_id: str = "ConvertToFinalInvalidCastException") -> PSError:
    text = to_string(value)
    return PSError(f'Cannot convert the "{text}" value of type "{type_names(value)[0]}" to type '
                   f'"{target}".', error_id, category="InvalidArgument")


def _value_error(value, target: str, inner: str, error_id: str) -> PSError:
    return PSError(f'Cannot convert value "{to_string(value)}" to type "{target}". Error: "{inner}"',
                   error_id, category="InvalidArgument")


_INTEGER_TYPES = {  # full name -> (min, max, .NET short name)
    "System.Int32": (INT32_MIN, INT32_MAX, "Int32"), "System.Int64": (INT64_MIN, INT64_MAX, "Int64"),
    "System.Int16": (-(1 << 15), (1 << 15) - 1, "Int16"), "System.Byte": (0, 255, "Byte"),
    "System.SByte": (-128, 127, "SByte"), "System.UInt16": (0, (1 << 16) - 1, "UInt16"),
    "System.UInt32": (0, (1 << 32) - 1, "UInt32"), "System.UInt64": (0, (1 << 64) - 1, "UInt64"),
}


# .NET's OverflowException wording per type (SR.Overflow_Byte, ...).
_OVERFLOW_NOUN = {"Byte": "an unsigned byte", "SByte": "a signed byte", "UInt16": "a UInt16",
                  "UInt32": "a UInt32", "UInt64": "a UInt64"}


def _to_integer(value, full: str):
    lo, hi, short = _INTEGER_TYPES[full]
    if value is None:
        return 0
    if isinstance(value, Char):
        number = ord(value)
    elif isinstance(value, str):
        number = parse_number(value) if value.strip() else 0
        if number is None:
            raise _value_error(value, full, _format_error(value), "InvalidCastFromStringToInteger")
    elif isinstance(value, (bool, int, enum.IntEnum)):
        number = int(value)
    elif isinstance(value, (float, _Decimal)):
        number = value
    else:
        raise _cast_error(value, full)
    if isinstance(number, float):
        if number != number or number in (math.inf, -math.inf):
            raise _value_error(value, full, f"Value was either too large or too small for {_OVERFLOW_NOUN.get(short, 'an ' + short)}.",
                               "InvalidCastIConvertible")
        number = round(number)  # .NET rounds half to even: [int]2.5 -> 2, [int]3.5 -> 4
    elif isinstance(number, _Decimal):
        number = int(number.to_integral_value(decimal.ROUND_HALF_EVEN))
    if not lo <= number <= hi:
        raise _value_error(value, full, f"Value was either too large or too small for {_OVERFLOW_NOUN.get(short, 'an ' + short)}.",
                           "InvalidCastIConvertible")
    sized = _SIZED_INTS.get(full)  # Int32 stays a plain int
    return number if sized is None else sized(number)


def _to_bigint(value):
    """[bigint]: any integer, however large; strings of digits parse exactly."""
    if isinstance(value, int) and not isinstance(value, bool):
        return BigInteger(value)
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[+-]?\d+", text):
            return BigInteger(int(text))
        number = parse_number(text) if text else 0
        if number is None:
            raise _value_error(value, "System.Numerics.BigInteger", _format_error(value),
                               "InvalidCastFromStringToInteger")
        value = number
    if isinstance(value, float) and (value != value or value in (math.inf, -math.inf)):
        raise _cast_error(value, "System.Numerics.BigInteger")
    if isinstance(value, (float, _Decimal)):
        return BigInteger(int(value))  # BigInteger(double) truncates
    return BigInteger(_to_integer(value, "System.Int64"))


def _to_double(value, full: str = "System.Double"):
    if value is None:
        return 0.0
    if isinstance(value, Char):
        raise _cast_error(value, full)
    if isinstance(value, str):
        if not value.strip():
            return 0.0
        number = parse_number(value)
        if number is None:
            number = _special_double(value)
        if number is None:
            raise _value_error(value, full, _format_error(value), "InvalidCastFromStringToDoubleOrSingle")
        return float(number)
    if isinstance(value, (bool, int, float, _Decimal)):
        return float(value)
    raise _cast_error(value, full)


def _to_decimal(value, full: str = "System.Decimal"):
    if value is None:
        return _Decimal(0)
    if isinstance(value, str) and not isinstance(value, Char):
        if not value.strip():
            return _Decimal(0)
        try:  # Decimal.Parse keeps the scale: [decimal]'1.50' is 1.50
            parsed = _Decimal(value.strip())
            if parsed.is_finite():
                return parsed
        except decimal.InvalidOperation:
            pass
        number = parse_number(value)
        if number is None:
            raise _value_error(value, full, _format_error(value), "InvalidCastFromStringToDecimal")
        value = number
    if isinstance(value, float):
        if value != value or value in (math.inf, -math.inf):
            raise _value_error(value, full, "Value was either too large or too small for a Decimal.",
                               "InvalidCastIConvertible")
        return _Decimal(format_double(value)) if "E" not in format_double(value) else _Decimal(repr(value))
    if isinstance(value, (bool, int, _Decimal)):
        return _Decimal(int(value)) if isinstance(value, bool) else _Decimal(value)
    raise _cast_error(value, full)


def _to_char(value, full: str = "System.Char"):
    if isinstance(value, str):
        if len(value) != 1:
            raise _value_error(value, full, "String must be exactly one character long.",
                               "InvalidCastParseTargetInvocation")
        return Char(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= 0xFFFF:
            raise _value_error(value, full, "Value was either too large or too small for a character.",
                               "InvalidCastIConvertible")
        return Char(chr(value))
    if value is None:
        return Char("\0")
    raise _cast_error(value, full)


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
    raise _cast_error(value, full)


def _to_psobject(value, full: str):
    # [pscustomobject]@{...} builds a custom object in key order; any other value is itself.
    if isinstance(value, dict):
        return PSObject(value)
    return value


def _to_scriptblock(value, full: str):
    if value is not None and type_names(value)[:1] == [SCRIPTBLOCK_TYPE]:
        return value
    raise _cast_error(value, full)


def _to_datetime(value, full: str = "System.DateTime"):
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None:
            raise _value_error(value, full, f"String '{value}' was not recognized as a valid DateTime.",
                               "InvalidCastParseTargetInvocation")
        return parsed
    if isinstance(value, int) and not isinstance(value, bool):  # ticks
        return _dt.datetime(1, 1, 1) + _dt.timedelta(microseconds=value // 10)
    raise _cast_error(value, full)


_DATE_FORMATS = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%m/%d/%Y %I:%M:%S %p",
                 "%m/%d/%Y %I:%M %p", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d", "%d %B %Y", "%d %b %Y",
                 "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y %H:%M:%S",
                 "%d %b %Y %H:%M:%S", "%a, %d %b %Y %H:%M:%S GMT", "%H:%M:%S", "%H:%M")


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
            span = _dt.timedelta(days=int(m["d"] or 0), hours=int(m["h"]), minutes=int(m["m"]),
                                 seconds=int(m["s"] or 0),
                                 microseconds=int((m["f"] or "0").ljust(7, "0")) / 10)
            return -span if m["neg"] else span
        raise _value_error(value, full, f"String '{value}' was not recognized as a valid TimeSpan.",
                           "InvalidCastParseTargetInvocation")
    raise _cast_error(value, full)


def _to_switch(value):
    from .switchparam import SwitchParameter

    return SwitchParameter(to_bool(value))


def _to_pstype_value(value, full: str):
    # Types implemented in pstypes (regex, version, guid, List/ArrayList, type literals).
    from .pstypes import convert_special

    return convert_special(value, full)


_CONVERTERS = {
    "System.String": lambda v, full: to_string(v),
    "System.Boolean": lambda v, full: to_bool(v),
    "System.Management.Automation.SwitchParameter": lambda v, full: _to_switch(v),
    "System.Double": _to_double,
    "System.Single": _to_double,
    "System.Decimal": _to_decimal,
    "System.Char": _to_char,
    "System.DateTime": _to_datetime,
    "System.TimeSpan": _to_timespan,
    "System.Object": lambda v, full: v,
    "System.Management.Automation.PSObject": _to_psobject,
    "System.Management.Automation.PSCustomObject": _to_psobject,
    "System.Array": lambda v, full: _to_array(v, None),
    "System.Collections.Hashtable": _to_hashtable,
    "System.Collections.Specialized.OrderedDictionary": _to_hashtable,
    SCRIPTBLOCK_TYPE: _to_scriptblock,
    "System.Void": lambda v, full: __import__("pscompat.methods", fromlist=["VOID"]).VOID,  # [void]: no output
    "System.Numerics.BigInteger": lambda v, full: _to_bigint(v),
}
_CONVERTERS.update({name: _to_integer for name in _INTEGER_TYPES})
_CONVERTERS.update({name: _enums.to_enum for name in _enums.ENUMS})


def convert_to(value, type_name: str):
    """`[type]value`: PowerShell's cast.  Raises PSError (InvalidArgument) when impossible."""
    full = type_of_name(type_name)
    converter = _CONVERTERS.get(full)
    if converter is not None:
        return converter(value, full)
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
