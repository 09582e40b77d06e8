"""Get-Date (GetDateCommand.cs): a DateTime, or its text by a .NET format (-Format, including
the ISO 8601 "basic" names FileDate, FileDateUniversal, FileDateTime, FileDateTimeUniversal) or
by Unix strftime specifiers (-UFormat)."""

from __future__ import annotations

import datetime as _dt

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.dotnet_format.dates import format_datetime

# -Format's built-in names: dashes and colons dropped so the text can name a file
_FILE_FORMATS = {
    "filedate": ("yyyyMMdd", False),
    "filedateuniversal": ("yyyyMMddZ", True),
    "filedatetime": ("yyyyMMddTHHmmssffff", False),
    "filedatetimeuniversal": ("yyyyMMddTHHmmssffffZ", True),
}

_UFORMAT = {
    "a": "%a",
    "A": "%A",
    "b": "%b",
    "B": "%B",
    "h": "%b",
    "d": "%d",
    "H": "%H",
    "I": "%I",
    "j": "%j",
    "m": "%m",
    "M": "%M",
    "p": "%p",
    "S": "%S",
    "y": "%y",
    "Y": "%Y",
    "n": "\n",
    "t": "\t",
    "%": "%",
}


def uformat(d: _dt.datetime, fmt: str) -> str:
    """Get-Date -UFormat: the Unix (strftime) specifiers PowerShell supports."""
    out, i = [], 0
    while i < len(fmt):
        ch = fmt[i]
        if ch != "%" or i + 1 == len(fmt):
            out.append(ch)
            i += 1
            continue
        spec = fmt[i + 1]
        i += 2
        if spec in _UFORMAT:
            out.append(d.strftime(_UFORMAT[spec]) if _UFORMAT[spec].startswith("%") else _UFORMAT[spec])
        elif spec == "e":
            out.append(f"{d.day:>2}")
        elif spec == "k":
            out.append(f"{d.hour:>2}")
        elif spec == "l":
            out.append(f"{(d.hour % 12) or 12:>2}")
        elif spec == "D":
            out.append(d.strftime("%m/%d/%y"))
        elif spec == "F":
            out.append(d.strftime("%Y-%m-%d"))
        elif spec in ("T", "X"):
            out.append(d.strftime("%H:%M:%S"))
        elif spec == "R":
            out.append(d.strftime("%H:%M"))
        elif spec == "r":
            out.append(d.strftime("%I:%M:%S %p"))
        elif spec == "x":
            out.append(d.strftime("%m/%d/%y"))
        elif spec == "c":
            out.append(d.strftime("%a %b ") + f"{d.day:>2}" + d.strftime(" %H:%M:%S %Y"))
        elif spec == "s":
            epoch = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
            aware = d if d.tzinfo else d.astimezone()
            out.append(str(int((aware - epoch).total_seconds())))
        elif spec == "u":
            out.append(str(d.isoweekday()))
        elif spec == "w":
            out.append(str(d.isoweekday() % 7))
        elif spec in ("G", "g", "V", "U", "W"):
            iso = d.isocalendar()
            out.append(
                {
                    "G": str(iso[0]),
                    "g": f"{iso[0] % 100:02d}",
                    "V": f"{iso[1]:02d}",
                    "U": d.strftime("%U"),
                    "W": d.strftime("%W"),
                }[spec]
            )
        elif spec == "C":
            out.append(f"{d.year // 100:02d}")
        elif spec == "Z":
            aware = d if d.tzinfo else d.astimezone()
            offset = int(aware.utcoffset().total_seconds() // 3600)
            out.append(f"{offset:+03d}")
        else:
            out.append(spec)
    return "".join(out)


@cmdlet(
    "Get-Date",
    module="Microsoft.PowerShell.Utility",
    default_set="net",
    synopsis="Gets the current date and time.",
    description="Returns a DateTime (now, or -Date with -Year/-Month/... replaced), or its text "
    "with -Format (.NET format strings) or -UFormat (Unix specifiers).",
    examples=(
        ("Get-Date -Format 'yyyy-MM-dd'", "Today's date as text."),
        ("(Get-Date).AddDays(-7)", "A week ago."),
        ("Get-Date -UFormat '%Y%m%d'", "Unix-style format."),
    ),
)
class GetDate(Cmdlet):
    """Gets the current date and time."""

    parameters = (
        Parameter("Date", "datetime", position=0, pipeline=True, pipeline_by_name=True, aliases=("LastWriteTime",)),
        Parameter("UnixTimeSeconds", "long", aliases=("UnixTime",)),
        Parameter("Year", "int"),
        Parameter("Month", "int"),
        Parameter("Day", "int"),
        Parameter("Hour", "int"),
        Parameter("Minute", "int"),
        Parameter("Second", "int"),
        Parameter("Millisecond", "int"),
        Parameter("DisplayHint", "string", validate_set=("Date", "Time", "DateTime")),
        Parameter("Format", "string", sets=("net",)),
        Parameter("UFormat", "string", mandatory=True, sets=("UFormat",)),
        Parameter("AsUTC", "switch"),
    )

    def process(self):
        bound = self.bound
        if "UnixTimeSeconds" in bound:
            d = _dt.datetime.fromtimestamp(bound["UnixTimeSeconds"], _dt.timezone.utc).astimezone().replace(tzinfo=None)
        elif bound.get("Date") is not None:
            d = bound["Date"]
        else:
            d = _dt.datetime.now()
        fields = {}
        for name, attr in (
            ("Year", "year"),
            ("Month", "month"),
            ("Day", "day"),
            ("Hour", "hour"),
            ("Minute", "minute"),
            ("Second", "second"),
        ):
            if name in bound:
                fields[attr] = bound[name]
        if fields:
            d = d.replace(**fields)
        if "Millisecond" in bound:
            d = d.replace(microsecond=bound["Millisecond"] * 1000)
        if self.AsUTC:
            d = (d if d.tzinfo else d.astimezone()).astimezone(_dt.timezone.utc)
        if "UFormat" in bound:
            return (uformat(d, self.UFormat),)
        if self.Format is not None:
            fmt, universal = _FILE_FORMATS.get(str(self.Format).lower(), (str(self.Format), False))
            if universal:
                d = (d if d.tzinfo else d.astimezone()).astimezone(_dt.timezone.utc).replace(tzinfo=None)
            return (format_datetime(d, fmt),)
        return (d,)
