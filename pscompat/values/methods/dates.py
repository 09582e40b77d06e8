"""DateTime and TimeSpan instance methods (invariant culture), `ToString(format)` and
`[datetime]::ParseExact`'s pattern translation; the date arithmetic lives apart from
the string and collection tables."""

from __future__ import annotations

import datetime as _dt
import re as _re

from pscompat.values.methods.invoke import DotNetError
from pscompat.values.methods.strings import string_of

# --------------------------------------------------------------------------------------------
# DateTime / TimeSpan (invariant culture)
_DT_TOKEN = _re.compile(
    r"d{1,4}|M{1,4}|y{1,5}|H{1,2}|h{1,2}|m{1,2}|s{1,2}|f{1,7}|F{1,7}|t{1,2}|z{1,3}|K"
    r"|'[^']*'|\"[^\"]*\"|\\.|%|.",
    _re.DOTALL,
)
# Standard patterns ParseExact understands (en-US, like the formatter in dotnetfmt).
_STANDARD_DT = {
    "d": "M/d/yyyy",
    "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    "G": "M/d/yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt",
    "T": "h:mm:ss tt",
    "t": "h:mm tt",
    "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
}


def format_value(value, fmt) -> str:
    """value.ToString(fmt), by the project's .NET formatter (operators, else dotnetfmt)."""
    from pscompat.values.dotnet_format.composite import format_value as formatter

    return formatter(value, None if fmt is None else string_of(fmt))


_STRPTIME = {
    "dddd": "%A",
    "ddd": "%a",
    "dd": "%d",
    "d": "%d",
    "MMMM": "%B",
    "MMM": "%b",
    "MM": "%m",
    "M": "%m",
    "yyyy": "%Y",
    "yy": "%y",
    "HH": "%H",
    "H": "%H",
    "hh": "%I",
    "h": "%I",
    "mm": "%M",
    "m": "%M",
    "ss": "%S",
    "s": "%S",
    "tt": "%p",
    "zzz": "%z",
    "K": "%z",
}


def parse_exact(text: str, fmt: str) -> _dt.datetime:
    """DateTime.ParseExact(text, fmt, InvariantCulture)."""
    pattern = _STANDARD_DT.get(fmt, fmt) if len(fmt) == 1 else fmt
    parts = []
    for tok in _DT_TOKEN.findall(pattern):
        if tok[0] in "fF":
            parts.append("%f")
        elif tok in _STRPTIME:
            parts.append(_STRPTIME[tok])
        else:
            literal = tok[1:-1] if tok[0] in "'\"" else tok[1:] if tok[0] == "\\" else tok.strip("%")
            parts.append(literal.replace("%", "%%"))
    try:
        parsed = _dt.datetime.strptime(text, "".join(parts))
    except ValueError:
        raise DotNetError(f"String '{text}' was not recognized as a valid DateTime.", "FormatException") from None
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def _add_months(d: _dt.datetime, months) -> _dt.datetime:
    import calendar

    total = d.year * 12 + d.month - 1 + int(months)
    year, month = divmod(total, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return d.replace(year=year, month=month + 1, day=day)


def _subtract(d, other):
    return d - other


DATETIME_METHODS = {
    "adddays": lambda d, n: d + _dt.timedelta(days=float(n)),
    "addhours": lambda d, n: d + _dt.timedelta(hours=float(n)),
    "addminutes": lambda d, n: d + _dt.timedelta(minutes=float(n)),
    "addseconds": lambda d, n: d + _dt.timedelta(seconds=float(n)),
    "addmilliseconds": lambda d, n: d + _dt.timedelta(milliseconds=float(n)),
    "addticks": lambda d, n: d + _dt.timedelta(microseconds=int(n) / 10),
    "addmonths": _add_months,
    "addyears": lambda d, n: _add_months(d, int(n) * 12),
    "add": lambda d, span: d + span,
    "subtract": _subtract,
    # DateTime.ToString() uses the current culture (en-US 'G'); "$d" and [string]$d are invariant.
    # A lone IFormatProvider argument (the invariant culture) gives the invariant form.
    "tostring": lambda d, fmt=None, provider=None: (
        format_value(d, "G") if fmt is None else (format_value(d, fmt) if isinstance(fmt, str) else string_of(d))
    ),
    "toshortdatestring": lambda d: format_value(d, "d"),
    "tolongdatestring": lambda d: format_value(d, "D"),
    "toshorttimestring": lambda d: format_value(d, "t"),
    "tolongtimestring": lambda d: format_value(d, "T"),
    "touniversaltime": lambda d: (
        d.astimezone(_dt.timezone.utc).replace(tzinfo=None) if d.tzinfo is None else d.astimezone(_dt.timezone.utc)
    ),
    "tolocaltime": lambda d: d.astimezone().replace(tzinfo=None) if d.tzinfo else d,
    "compareto": lambda d, other: (d > other) - (d < other),
    "equals": lambda d, other: isinstance(other, _dt.datetime) and d == other,
    "isdaylightsavingtime": lambda d: bool(d.astimezone().dst()),
    "gethashcode": lambda d: hash(d) & 0x7FFFFFFF,
}

TIMESPAN_METHODS = {
    "add": lambda t, other: t + other,
    "subtract": lambda t, other: t - other,
    "negate": lambda t: -t,
    "duration": lambda t: abs(t),
    "tostring": lambda t, fmt=None, provider=None: string_of(t) if fmt is None else format_value(t, fmt),
    "compareto": lambda t, other: (t > other) - (t < other),
    "equals": lambda t, other: isinstance(other, _dt.timedelta) and t == other,
    "gethashcode": lambda t: hash(t) & 0x7FFFFFFF,
}
