"""DateTime and TimeSpan format strings for dotnetfmt (en-US names and patterns).

Sources: learn.microsoft.com/dotnet/standard/base-types/standard-date-and-time-format-strings,
custom-date-and-time-format-strings, standard-timespan-format-strings,
custom-timespan-format-strings.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pscompat.values.dotnet_format.errors import MSG_BAD_INPUT, DotNetFormatError

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# ------------------------------------------------------------------------------------------
# dates
# ------------------------------------------------------------------------------------------

_STD_DATE = {
    "d": "M/d/yyyy",
    "D": "dddd, MMMM d, yyyy",
    "t": "h:mm tt",
    "T": "h:mm:ss tt",
    "f": "dddd, MMMM d, yyyy h:mm tt",
    "F": "dddd, MMMM d, yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt",
    "G": "M/d/yyyy h:mm:ss tt",
    "M": "MMMM d",
    "m": "MMMM d",
    "Y": "MMMM yyyy",
    "y": "MMMM yyyy",
    "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    "U": "dddd, MMMM d, yyyy h:mm:ss tt",
    "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
}


def format_datetime(dt: datetime, fmt: str) -> str:
    """DateTime.ToString(fmt) with en-US names and patterns."""
    if not fmt:
        fmt = "G"
    if len(fmt) == 1:
        if fmt not in _STD_DATE:
            raise DotNetFormatError(MSG_BAD_INPUT)
        if fmt in "rRu" and dt.tzinfo is not None:
            dt = dt.astimezone(timezone.utc)
        if fmt == "U":
            dt = dt.astimezone(timezone.utc) if dt.tzinfo else dt
        fmt = _STD_DATE[fmt]
    return _custom_date(dt, fmt)


def _run(fmt: str, i: int) -> int:
    j = i
    while j < len(fmt) and fmt[j] == fmt[i]:
        j += 1
    return j - i


def _frac(dt_us: int, n: int, trim: bool) -> str:
    s = f"{dt_us:06d}0"[:n] if n <= 7 else None
    if s is None:
        raise DotNetFormatError(MSG_BAD_INPUT)
    return s.rstrip("0") if trim else s


def _custom_date(dt: datetime, fmt: str) -> str:
    out: list[str] = []
    i = 0
    if len(fmt) == 2 and fmt[0] == "%":
        fmt = fmt[1]
    while i < len(fmt):
        c = fmt[i]
        n = _run(fmt, i)
        if c == "d":
            if n == 1:
                out.append(str(dt.day))
            elif n == 2:
                out.append(f"{dt.day:02d}")
            elif n == 3:
                out.append(_DAYS[dt.weekday()][:3])
            else:
                out.append(_DAYS[dt.weekday()])
        elif c == "M":
            if n == 1:
                out.append(str(dt.month))
            elif n == 2:
                out.append(f"{dt.month:02d}")
            elif n == 3:
                out.append(_MONTHS[dt.month - 1][:3])
            else:
                out.append(_MONTHS[dt.month - 1])
        elif c == "y":
            if n == 1:
                out.append(str(dt.year % 100))
            elif n == 2:
                out.append(f"{dt.year % 100:02d}")
            else:
                out.append(str(dt.year).rjust(n, "0"))
        elif c == "h":
            h = dt.hour % 12 or 12
            out.append(str(h) if n == 1 else f"{h:02d}")
        elif c == "H":
            out.append(str(dt.hour) if n == 1 else f"{dt.hour:02d}")
        elif c == "m":
            out.append(str(dt.minute) if n == 1 else f"{dt.minute:02d}")
        elif c == "s":
            out.append(str(dt.second) if n == 1 else f"{dt.second:02d}")
        elif c == "f":
            out.append(_frac(dt.microsecond, n, False))
        elif c == "F":
            out.append(_frac(dt.microsecond, n, True))
        elif c == "t":
            ampm = "AM" if dt.hour < 12 else "PM"
            out.append(ampm[0] if n == 1 else ampm)
        elif c == "g":
            out.append("A.D.")
        elif c == "K":
            off = dt.utcoffset() if dt.tzinfo else None
            if off is not None:
                out.append("Z" if off == timedelta(0) and dt.tzinfo is timezone.utc else _offset(off, 3))
            n = 1
        elif c == "z":
            off = dt.utcoffset() if dt.tzinfo else _local_offset(dt)
            out.append(_offset(off, min(n, 3)))
        elif c == ":":
            out.append(":")
            n = 1
        elif c == "/":
            out.append("/")
            n = 1
        elif c in "'\"\\":
            text, n = _literal(fmt, i)
            out.append(text)
        elif c == "%":
            n = 1
        else:
            out.append(c)
            n = 1
        i += n
    return "".join(out)


def _local_offset(dt: datetime) -> timedelta:
    try:
        return dt.astimezone().utcoffset() or timedelta(0)
    except (OverflowError, OSError, ValueError):
        return timedelta(0)


def _offset(off: timedelta, n: int) -> str:
    total = int(off.total_seconds() // 60)
    sign = "-" if total < 0 else "+"
    total = abs(total)
    h, m = divmod(total, 60)
    if n == 1:
        return f"{sign}{h}"
    if n == 2:
        return f"{sign}{h:02d}"
    return f"{sign}{h:02d}:{m:02d}"


# ------------------------------------------------------------------------------------------
# time spans
# ------------------------------------------------------------------------------------------


def _literal(fmt: str, i: int) -> tuple[str, int]:
    """The literal text a custom date or time-span format holds at fmt[i] (a quoted string, or
    one character after a backslash), and how many format characters it takes."""
    c = fmt[i]
    if c == "\\":
        if i + 1 >= len(fmt):
            raise DotNetFormatError(MSG_BAD_INPUT)
        return fmt[i + 1], 2
    j = fmt.find(c, i + 1)
    if j < 0:
        raise DotNetFormatError(MSG_BAD_INPUT)
    return fmt[i + 1 : j], j - i + 1


def _ticks(td: timedelta) -> int:
    return (td.days * 86400 + td.seconds) * 10_000_000 + td.microseconds * 10


def format_timespan(td: timedelta, fmt: str) -> str:
    """TimeSpan.ToString(fmt): 'c' (default), 'g', 'G' and custom (`hh\\:mm\\:ss`)."""
    ticks = _ticks(td)
    neg = ticks < 0
    t = -ticks if neg else ticks
    days, rem = divmod(t, 864_000_000_000)
    hours, rem = divmod(rem, 36_000_000_000)
    minutes, rem = divmod(rem, 600_000_000)
    seconds, frac = divmod(rem, 10_000_000)
    sign = "-" if neg else ""
    if not fmt or fmt in ("c", "t", "T"):
        s = f"{sign}{str(days) + '.' if days else ''}{hours:02d}:{minutes:02d}:{seconds:02d}"
        return s + (f".{frac:07d}" if frac else "")
    if fmt == "g":
        s = f"{sign}{str(days) + ':' if days else ''}{hours}:{minutes:02d}:{seconds:02d}"
        return s + (("." + f"{frac:07d}".rstrip("0")) if frac else "")
    if fmt == "G":
        return f"{sign}{days}:{hours:02d}:{minutes:02d}:{seconds:02d}.{frac:07d}"
    if len(fmt) == 1 and fmt != "%":
        raise DotNetFormatError(MSG_BAD_INPUT)
    if len(fmt) == 2 and fmt[0] == "%":
        fmt = fmt[1]
    out: list[str] = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        n = _run(fmt, i)
        if c == "d":
            if n > 8:
                raise DotNetFormatError(MSG_BAD_INPUT)
            out.append(str(days).rjust(n, "0"))
        elif c in "hms":
            if n > 2:
                raise DotNetFormatError(MSG_BAD_INPUT)
            v = {"h": hours, "m": minutes, "s": seconds}[c]
            out.append(str(v) if n == 1 else f"{v:02d}")
        elif c in "fF":
            if n > 7:
                raise DotNetFormatError(MSG_BAD_INPUT)
            s = f"{frac:07d}"[:n]
            out.append(s.rstrip("0") if c == "F" else s)
        elif c in "'\"\\":
            text, n = _literal(fmt, i)
            out.append(text)
        elif c == "%":
            n = 1
        else:
            raise DotNetFormatError(MSG_BAD_INPUT)
        i += n
    return "".join(out)
