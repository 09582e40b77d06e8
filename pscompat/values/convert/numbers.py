"""Numbers: PowerShell's numeric-literal grammar (string -> number) and the casts to the numeric
types and [char] (`[int]'0x10'`, `[byte]300` fails, `[double]'1e3'`, `[decimal]'1.50'`).
Split out of conversion.py, which re-exports these names."""

from __future__ import annotations

import decimal
import enum
import math
import re

from pscompat.values.convert.strings import cast_error, format_double, value_error
from pscompat.values.dotnet.integers import BY_TYPE_NAME as _SIZED_INTS
from pscompat.values.dotnet.integers import BigInteger, Int64
from pscompat.values.objects.classes import Char

_Decimal = decimal.Decimal

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
    "y": (-128, 127),
    "uy": (0, 255),
    "s": (-(1 << 15), (1 << 15) - 1),
    "us": (0, (1 << 16) - 1),
    "l": (-(1 << 63), (1 << 63) - 1),
    "u": (0, (1 << 64) - 1),
    "ul": (0, (1 << 64) - 1),
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
    if (
        m["dec"] is not None
        and ("." in m["dec"] or "e" in m["dec"].lower())
        or (m["dec"] is not None and suffix == "d")
    ):
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


def format_error(value: str) -> str:
    return f"The input string '{value}' was not in a correct format."


def special_double(text: str):
    return {"nan": math.nan, "infinity": math.inf, "-infinity": -math.inf, "+infinity": math.inf}.get(
        text.strip().lower()
    )


def number_from_text(text: str):
    """A string as the number an arithmetic operand or a [double] cast reads: blank -> 0, a
    numeric literal, NaN / Infinity; None when it is none of these (the caller's error)."""
    if not text.strip():
        return 0
    number = parse_number(text)
    return number if number is not None else special_double(text)


# --------------------------------------------------------------------------------------------
# Casts to the numeric types and [char]


INTEGER_TYPES = {  # full name -> (min, max, .NET short name)
    "System.Int32": (INT32_MIN, INT32_MAX, "Int32"),
    "System.Int64": (INT64_MIN, INT64_MAX, "Int64"),
    "System.Int16": (-(1 << 15), (1 << 15) - 1, "Int16"),
    "System.Byte": (0, 255, "Byte"),
    "System.SByte": (-128, 127, "SByte"),
    "System.UInt16": (0, (1 << 16) - 1, "UInt16"),
    "System.UInt32": (0, (1 << 32) - 1, "UInt32"),
    "System.UInt64": (0, (1 << 64) - 1, "UInt64"),
}


# .NET's OverflowException wording per type (SR.Overflow_Byte, ...).
_OVERFLOW_NOUN = {
    "Byte": "an unsigned byte",
    "SByte": "a signed byte",
    "UInt16": "a UInt16",
    "UInt32": "a UInt32",
    "UInt64": "a UInt64",
}


def to_integer(value, full: str):
    lo, hi, short = INTEGER_TYPES[full]
    if value is None:  # [byte]$null is a Byte 0 (Conversions.Tests.ps1)
        sized = _SIZED_INTS.get(full)
        return 0 if sized is None else sized(0)
    if isinstance(value, Char):
        number = ord(value)
    elif isinstance(value, str):
        number = parse_number(value) if value.strip() else 0
        if number is None:
            raise value_error(value, full, format_error(value), "InvalidCastFromStringToInteger")
    elif isinstance(value, (bool, int, enum.IntEnum)):
        number = int(value)
    elif isinstance(value, (float, _Decimal)):
        number = value
    else:
        raise cast_error(value, full)
    if isinstance(number, float):
        if number != number or number in (math.inf, -math.inf):
            raise value_error(
                value,
                full,
                f"Value was either too large or too small for {_OVERFLOW_NOUN.get(short, 'an ' + short)}.",
                "InvalidCastIConvertible",
            )
        number = round(number)  # .NET rounds half to even: [int]2.5 -> 2, [int]3.5 -> 4
    elif isinstance(number, _Decimal):
        number = int(number.to_integral_value(decimal.ROUND_HALF_EVEN))
    if not lo <= number <= hi:
        raise value_error(
            value,
            full,
            f"Value was either too large or too small for {_OVERFLOW_NOUN.get(short, 'an ' + short)}.",
            "InvalidCastIConvertible",
        )
    sized = _SIZED_INTS.get(full)  # Int32 stays a plain int
    return number if sized is None else sized(number)


def to_bigint(value):
    """[bigint]: any integer, however large; strings of digits parse exactly."""
    if isinstance(value, int) and not isinstance(value, bool):
        return BigInteger(value)
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"[+-]?\d+", text):
            return BigInteger(int(text))
        number = parse_number(text) if text else 0
        if number is None:
            raise value_error(
                value, "System.Numerics.BigInteger", format_error(value), "InvalidCastFromStringToInteger"
            )
        value = number
    if isinstance(value, float) and (value != value or value in (math.inf, -math.inf)):
        raise cast_error(value, "System.Numerics.BigInteger")
    if isinstance(value, (float, _Decimal)):
        return BigInteger(int(value))  # BigInteger(double) truncates
    return BigInteger(to_integer(value, "System.Int64"))


def to_double(value, full: str = "System.Double"):
    if value is None:
        return 0.0
    if isinstance(value, Char):
        raise cast_error(value, full)
    if isinstance(value, str):
        number = number_from_text(value)
        if number is None:
            raise value_error(value, full, format_error(value), "InvalidCastFromStringToDoubleOrSingle")
        return float(number)
    if isinstance(value, (bool, int, float, _Decimal)):
        return float(value)
    raise cast_error(value, full)


def to_decimal(value, full: str = "System.Decimal"):
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
            raise value_error(value, full, format_error(value), "InvalidCastFromStringToDecimal")
        value = number
    if isinstance(value, float):
        if value != value or value in (math.inf, -math.inf):
            raise value_error(
                value, full, "Value was either too large or too small for a Decimal.", "InvalidCastIConvertible"
            )
        return _Decimal(format_double(value)) if "E" not in format_double(value) else _Decimal(repr(value))
    if isinstance(value, (bool, int, _Decimal)):
        return _Decimal(int(value)) if isinstance(value, bool) else _Decimal(value)
    raise cast_error(value, full)


def to_char(value, full: str = "System.Char"):
    if isinstance(value, str):
        if len(value) != 1:
            raise value_error(
                value, full, "String must be exactly one character long.", "InvalidCastParseTargetInvocation"
            )
        return Char(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= 0xFFFF:
            raise value_error(
                value, full, "Value was either too large or too small for a character.", "InvalidCastIConvertible"
            )
        return Char(chr(value))
    if value is None:
        return Char("\0")
    raise cast_error(value, full)
