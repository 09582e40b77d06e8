""".NET formatting: composite format strings (`-f`, [string]::Format) and format specifiers.

Culture: en-US (a typical admin's machine; what `-f`, `.ToString(fmt)` and `Get-Date -Format`
use through CurrentCulture).  Deliberate choices where pwsh output depends on the ICU version:
the space before AM/PM is a plain space (ICU >= 72 prints U+202F), currency is `$1,234.57` /
`-$1,234.57`, percent is `12.35%`.

Rounding follows .NET Core 3.0+: digits come from the exact binary value and are rounded half
away from zero (so `{0:F2}` of 0.125 is `0.13`, of 2.675 is `2.67`).

Sources: learn.microsoft.com/dotnet/standard/base-types/standard-numeric-format-strings,
custom-numeric-format-strings, standard-/custom-date-and-time-format-string,
standard-/custom-timespan-format-strings; dotnet/runtime StringBuilder.AppendFormat (parser and
error offsets) and Strings.resx (messages).

Split by domain: dotnetfmt_numbers (standard numeric formats, format_double), dotnetfmt_custom
(custom numeric formats), dotnetfmt_dates, dotnetfmt_errors.  This module keeps composite
formatting (`-f`) and format_value, and re-exports the rest.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from pscompat.errors import PSError
from pscompat.values.dotnet_format.dates import format_datetime, format_timespan
from pscompat.values.dotnet_format.errors import (
    DIGIT,
    MSG_INDEX,
    PARSE_FAIL,
    UNCLOSED,
    UNEXPECTED_CLOSE,
    DotNetFormatError,
)
from pscompat.values.dotnet_format.numbers import decimal_str, double_to_string, format_double, format_number

__all__ = ["format_string", "format_value"]

# ------------------------------------------------------------------------------------------
# composite formatting
# ------------------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _parse_composite(fmt: str):
    """Split a composite format into literal strings and (index, width, left, spec) items.

    Mirrors StringBuilder.AppendFormat (dotnet/runtime) including its error offsets.
    """
    parts: list = []
    buf: list[str] = []
    pos, n = 0, len(fmt)

    def move_next(p: int) -> int:
        p += 1
        if p >= n:
            raise DotNetFormatError(PARSE_FAIL.format(p, UNCLOSED))
        return p

    while pos < n:
        ch = fmt[pos]
        if ch not in "{}":
            buf.append(ch)
            pos += 1
            continue
        brace = ch
        pos = move_next(pos)
        ch = fmt[pos]
        if ch == brace:
            buf.append(ch)
            pos += 1
            continue
        if brace != "{":
            raise DotNetFormatError(PARSE_FAIL.format(pos, UNEXPECTED_CLOSE))
        if not ("0" <= ch <= "9"):
            raise DotNetFormatError(PARSE_FAIL.format(pos, DIGIT))
        index, width, left, spec = ord(ch) - 48, 0, False, ""
        pos = move_next(pos)
        ch = fmt[pos]
        if ch != "}":
            while "0" <= ch <= "9" and index < 1_000_000:
                index = index * 10 + ord(ch) - 48
                pos = move_next(pos)
                ch = fmt[pos]
            while ch == " ":
                pos = move_next(pos)
                ch = fmt[pos]
            if ch == ",":
                pos = move_next(pos)
                ch = fmt[pos]
                while ch == " ":
                    pos = move_next(pos)
                    ch = fmt[pos]
                if ch == "-":
                    left = True
                    pos = move_next(pos)
                    ch = fmt[pos]
                if not ("0" <= ch <= "9"):
                    raise DotNetFormatError(PARSE_FAIL.format(pos, DIGIT))
                width = ord(ch) - 48
                pos = move_next(pos)
                ch = fmt[pos]
                while "0" <= ch <= "9" and width < 1_000_000:
                    width = width * 10 + ord(ch) - 48
                    pos = move_next(pos)
                    ch = fmt[pos]
                while ch == " ":
                    pos = move_next(pos)
                    ch = fmt[pos]
            if ch != "}":
                if ch != ":":
                    raise DotNetFormatError(PARSE_FAIL.format(pos, UNCLOSED))
                start = pos
                while True:
                    pos = move_next(pos)
                    ch = fmt[pos]
                    if ch == "}":
                        break
                    if ch == "{":
                        raise DotNetFormatError(PARSE_FAIL.format(pos, UNCLOSED))
                spec = fmt[start + 1 : pos]
        pos += 1
        if buf:
            parts.append("".join(buf))
            buf = []
        parts.append((index, width, left, spec))
    if buf:
        parts.append("".join(buf))
    return tuple(parts)


def format_string(fmt, args) -> str:
    """The `-f` operator: .NET composite formatting with PowerShell's error wrapping.

    `args` is the right operand: a list/tuple is the argument list, anything else is one
    argument.  Errors: PSError 'Error formatting a string: <FormatException message>.'
    (ParserStrings.FormatError, id FormatError).
    """
    if not isinstance(fmt, str):
        fmt = _to_string(fmt)
    if isinstance(args, (list, tuple)):
        argv = args
    else:
        argv = (args,)
    try:
        parts = _parse_composite(fmt)
        out: list[str] = []
        for part in parts:
            if type(part) is str:
                out.append(part)
                continue
            index, width, left, spec = part
            if index >= len(argv):
                raise DotNetFormatError(MSG_INDEX)
            s = format_value(argv[index], spec) if spec else _to_string_fmt(argv[index])
            if width > len(s):
                s = s.ljust(width) if left else s.rjust(width)
            out.append(s)
        return "".join(out)
    except DotNetFormatError as e:
        raise PSError(
            f"Error formatting a string: {e.message}.", "FormatError", category="InvalidOperation", target=fmt
        ) from None


def _to_string_fmt(v) -> str:
    """An argument without a format item spec: IFormattable.ToString(null, en-US)."""
    if type(v) is float:
        return format_double(v, "", invariant=False)
    if isinstance(v, datetime):
        return format_datetime(v, "G")
    return _to_string(v)


def _to_string(v) -> str:
    try:
        from pscompat.values.convert.strings import to_string
    except ImportError:  # pragma: no cover - conversion.py lands separately
        return _fallback_to_string(v)
    return to_string(v)


def _fallback_to_string(v) -> str:
    if v is None:
        return ""
    if v is True:
        return "True"
    if v is False:
        return "False"
    if type(v) is float:
        return double_to_string(v)
    if isinstance(v, Decimal):
        return decimal_str(v)
    if isinstance(v, (list, tuple)):
        return " ".join(_fallback_to_string(x) for x in v)
    if isinstance(v, dict):
        return "System.Collections.Hashtable"
    if isinstance(v, datetime):
        return format_datetime(v, "MM/dd/yyyy HH:mm:ss")
    if isinstance(v, timedelta):
        return format_timespan(v, "c")
    return str(v)


# ------------------------------------------------------------------------------------------
# entry point for one value
# ------------------------------------------------------------------------------------------


def format_value(value, fmt: str | None) -> str:
    """`value.ToString(fmt)` with en-US culture for numbers, dates and time spans."""
    if value is None:
        return ""
    if not fmt:
        return _to_string_fmt(value)
    t = type(value)
    if t is bool or t is str:
        return _to_string(value)
    if isinstance(value, int):
        return format_number(int(value), fmt)
    if isinstance(value, (float, Decimal)):
        return format_number(value, fmt)
    if isinstance(value, datetime):
        return format_datetime(value, fmt)
    if isinstance(value, date):
        return format_datetime(datetime(value.year, value.month, value.day), fmt)
    if isinstance(value, timedelta):
        return format_timespan(value, fmt)
    tostr = getattr(value, "ToString", None)
    if callable(tostr):
        try:
            return tostr(fmt)
        except TypeError:
            pass
    return _to_string(value)
