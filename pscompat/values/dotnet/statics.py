"""The static members of .NET types (`[math]::Round`, `[string]::Join`, `[IO.Path]::Combine`,
`[datetime]::Now`, ...): full type name -> {Name: value or function}.  A large table of
small helpers, so it lives apart from PSType, which only looks entries up."""

from __future__ import annotations

import datetime as _dt
import decimal
import functools
import math
import os
import re
import socket
import tempfile
import uuid

from pscompat.errors import PSError
from pscompat.values.convert.primitives import convert_to, to_number
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.collections import Version
from pscompat.values.dotnet.enums import ENUM_STATICS
from pscompat.values.dotnet.enums import statics as enum_statics
from pscompat.values.dotnet.integers import Byte, Int16, Int64, SByte, UInt16, UInt32, UInt64
from pscompat.values.dotnet.regex import Regex, dotnet_unescape
from pscompat.values.dotnet.switch_parameter import SwitchParameter
from pscompat.values.methods.invoke import DotNetError
from pscompat.values.objects.classes import Char

# --------------------------------------------------------------------------------------------
# Static members: full type name -> {folded name: (Name, fn)}; properties take no arguments.


def number_of(x):
    return to_number(x)


def _round(value, digits=0, mode=None):
    # Math.Round: half to even unless MidpointRounding.AwayFromZero.  With digits, .NET scales
    # the double by 10^digits first, so Round(2.675, 2) is 2.68 (Python's round() gives 2.67).
    if isinstance(digits, str):
        digits, mode = 0, digits
    away = mode is not None and "away" in to_string(mode).lower()
    x, digits = number_of(value), int(digits)
    if isinstance(x, decimal.Decimal):
        rounding = decimal.ROUND_HALF_UP if away else decimal.ROUND_HALF_EVEN
        return x.quantize(decimal.Decimal(1).scaleb(-digits), rounding=rounding)
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return x
    power = 10.0**digits
    scaled = x * power
    if away:
        rounded = math.copysign(math.floor(abs(scaled) + 0.5), scaled)
    else:
        rounded = float(round(scaled))
    return rounded / power


def _same_kind(fn):
    # Floor/Ceiling/Truncate return a Decimal for a Decimal, else a double.
    return lambda x: (
        decimal.Decimal(fn(number_of(x))) if isinstance(number_of(x), decimal.Decimal) else float(fn(number_of(x)))
    )


def _minmax(pick):
    def f(a, b):
        a, b = number_of(a), number_of(b)
        result = pick(a, b)
        return float(result) if isinstance(a, float) or isinstance(b, float) else result

    return f


def _log(x, base=None):
    x = float(number_of(x))
    if x <= 0:
        return float("-inf") if x == 0 else float("nan")
    if base is None:
        return math.log(x)
    base = float(number_of(base))
    return math.log10(x) if base == 10 else math.log2(x) if base == 2 else math.log(x, base)


_MATH = {
    "Round": _round,
    "Floor": _same_kind(math.floor),
    "Ceiling": _same_kind(math.ceil),
    "Truncate": _same_kind(math.trunc),
    "Abs": lambda x: abs(number_of(x)),
    "Max": _minmax(max),
    "Min": _minmax(min),
    "Pow": lambda x, y: float(number_of(x)) ** float(number_of(y)),
    "Sqrt": lambda x: math.sqrt(number_of(x)) if number_of(x) >= 0 else float("nan"),
    "Log": _log,
    "Log10": lambda x: _log(x, 10),
    "Log2": lambda x: _log(x, 2),
    "Exp": lambda x: math.exp(number_of(x)),
    "Sign": lambda x: (number_of(x) > 0) - (number_of(x) < 0),
    "Sin": lambda x: math.sin(number_of(x)),
    "Cos": lambda x: math.cos(number_of(x)),
    "Tan": lambda x: math.tan(number_of(x)),
    "Atan": lambda x: math.atan(number_of(x)),
    "Atan2": lambda y, x: math.atan2(number_of(y), number_of(x)),
    "DivRem": lambda a, b: divmod(int(number_of(a)), int(number_of(b)))[0],
    "BigMul": lambda a, b: int(number_of(a)) * int(number_of(b)),
}


def _join(sep, *items):
    if len(items) == 1 and isinstance(items[0], (list, tuple)):
        items = items[0]
    return to_string(sep).join(to_string(i) for i in items)


def _format(fmt, *args):
    from pscompat.values.dotnet_format.composite import format_string

    if len(args) == 1 and isinstance(args[0], (list, tuple)):
        args = tuple(args[0])
    return format_string(to_string(fmt), list(args))


def _parse_int(full):
    # Int32.Parse: optional sign and surrounding white space, decimal digits only.
    def parse(text, *rest):
        text = to_string(text)
        if not re.fullmatch(r"\s*[+-]?\d+\s*", text):
            raise DotNetError(f"The input string '{text}' was not in a correct format.", "FormatException")
        try:
            return convert_to(text, full)
        except PSError:
            raise DotNetError(
                f"Value was either too large or too small for an {full[7:]}.", "OverflowException"
            ) from None

    return parse


def _parse_double(text, *rest):
    try:
        return convert_to(to_string(text), "System.Double")
    except PSError:
        raise DotNetError(
            f"The input string '{to_string(text)}' was not in a correct format.", "FormatException"
        ) from None


def _parse_datetime(text, *rest):
    from pscompat.values.convert.primitives import parse_datetime

    parsed = parse_datetime(to_string(text))
    if parsed is None:
        raise DotNetError(f"String '{to_string(text)}' was not recognized as a valid DateTime.", "FormatException")
    return parsed


def _parse_exact(text, fmt, *rest):
    from pscompat.values.methods.dates import parse_exact

    formats = fmt if isinstance(fmt, (list, tuple)) else [fmt]
    for candidate in formats:
        try:
            return parse_exact(to_string(text), to_string(candidate))
        except DotNetError:
            continue
    raise DotNetError(f"String '{to_string(text)}' was not recognized as a valid DateTime.", "FormatException")


def _regex_static(method):
    def call(text, pattern, *rest):
        options = rest[-1] if rest and method != "Replace" or len(rest) > 1 else None
        regex = Regex(to_string(pattern), options)
        return getattr(regex, method)(text, *([rest[0]] if method == "Replace" else []))

    return call


def _char_test(pred):
    def test(value, index=None):
        text = to_string(value)
        return pred(text[int(index)] if index is not None else text[:1])

    return test


def _path_combine(*parts):
    parts = [to_string(p) for p in (parts[0] if len(parts) == 1 and isinstance(parts[0], list) else parts)]
    return os.path.join(*parts) if parts else ""


def _convert_to_string(value, base=None, *rest):
    """[convert]::ToString(value[, toBase]): base 2, 8, 10 or 16 (two's complement for negatives)."""
    if base is None or isinstance(base, str) or not isinstance(value, int):
        return to_string(value)
    base = int(base)
    n = int(value)
    if n < 0:
        n += 1 << (64 if n < -(1 << 31) or getattr(value, "PS_TYPE_NAMES", ("",))[0] == "System.Int64" else 32)
    return {2: format(n, "b"), 8: format(n, "o"), 10: str(int(value)), 16: format(n, "x")}[base]


def _reverse(items) -> None:
    items.reverse()


def _sort(items, *rest) -> None:
    """Array.Sort(items): in place, by Comparer.Default (culture order; 'a' before 'A')."""
    from pscompat.values.operators.equality import compare

    items.sort(key=functools.cmp_to_key(lambda a, b: compare(a, b, True)))


def _env_var(name, *target):
    return os.environ.get(to_string(name))


STATICS = {
    "System.Math": {"PI": math.pi, "E": math.e, "Tau": math.tau, **_MATH},
    "System.DateTime": {
        "Now": lambda: _dt.datetime.now(),
        "UtcNow": lambda: _dt.datetime.utcnow(),
        "Today": lambda: _dt.datetime.combine(_dt.date.today(), _dt.time()),
        "MinValue": _dt.datetime.min,
        "MaxValue": _dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
        "Parse": _parse_datetime,
        "ParseExact": _parse_exact,
        "DaysInMonth": lambda y, m: __import__("calendar").monthrange(int(y), int(m))[1],
        "IsLeapYear": lambda y: __import__("calendar").isleap(int(y)),
    },
    "System.String": {
        "Empty": "",
        "IsNullOrEmpty": lambda s: s is None or to_string(s) == "",
        "IsNullOrWhiteSpace": lambda s: s is None or to_string(s).strip() == "",
        "Join": _join,
        "Format": _format,
        "Concat": lambda *a: "".join(to_string(x) for x in a),
        "Compare": lambda a, b, ignore=False: (lambda x, y: (x > y) - (x < y))(
            *(
                (to_string(a).lower(), to_string(b).lower())
                if ignore is True
                else ((to_string(a).lower(), to_string(a).swapcase()), (to_string(b).lower(), to_string(b).swapcase()))
            )
        ),
        "Equals": lambda a, b: to_string(a) == to_string(b),
    },
    "System.Int32": {"MaxValue": 2147483647, "MinValue": -2147483648, "Parse": _parse_int("System.Int32")},
    "System.Int64": {
        "MaxValue": Int64((1 << 63) - 1),
        "MinValue": Int64(-(1 << 63)),
        "Parse": _parse_int("System.Int64"),
    },
    "System.Byte": {"MaxValue": Byte(255), "MinValue": Byte(0), "Parse": _parse_int("System.Byte")},
    "System.SByte": {"MaxValue": SByte(127), "MinValue": SByte(-128), "Parse": _parse_int("System.SByte")},
    "System.Int16": {"MaxValue": Int16(32767), "MinValue": Int16(-32768), "Parse": _parse_int("System.Int16")},
    "System.UInt16": {"MaxValue": UInt16(65535), "MinValue": UInt16(0), "Parse": _parse_int("System.UInt16")},
    "System.UInt32": {"MaxValue": UInt32((1 << 32) - 1), "MinValue": UInt32(0), "Parse": _parse_int("System.UInt32")},
    "System.UInt64": {"MaxValue": UInt64((1 << 64) - 1), "MinValue": UInt64(0), "Parse": _parse_int("System.UInt64")},
    "System.Management.Automation.WildcardPattern": {
        # Escapes the wildcard characters and the backtick (WildcardPattern.Escape).
        "Escape": lambda s: re.sub(r"([*?\[\]`])", r"`\1", to_string(s)),
        "ContainsWildcardCharacters": lambda s: bool(re.search(r"(?<!`)[*?\[]", to_string(s))),
    },
    "System.Double": {
        "MaxValue": 1.7976931348623157e308,
        "MinValue": -1.7976931348623157e308,
        "NaN": math.nan,
        "PositiveInfinity": math.inf,
        "NegativeInfinity": -math.inf,
        "Epsilon": 5e-324,
        "Parse": _parse_double,
        "IsNaN": lambda x: math.isnan(number_of(x)),
        "IsInfinity": lambda x: math.isinf(number_of(x)),
    },
    "System.Decimal": {
        "MaxValue": decimal.Decimal("79228162514264337593543950335"),
        "MinValue": decimal.Decimal("-79228162514264337593543950335"),
        "Parse": lambda s, *r: convert_to(to_string(s), "System.Decimal"),
    },
    "System.Boolean": {"Parse": lambda s: _parse_bool(s), "TrueString": "True", "FalseString": "False"},
    "System.Guid": {
        "NewGuid": lambda *_: uuid.uuid4(),
        "Empty": uuid.UUID(int=0),
        "Parse": lambda s: uuid.UUID(to_string(s)),
    },
    "System.Text.RegularExpressions.Regex": {
        "Escape": lambda s: _regex_escape(to_string(s)),
        "Unescape": lambda s: dotnet_unescape(to_string(s)),
        "Match": _regex_static("Match"),
        "Matches": _regex_static("Matches"),
        "IsMatch": _regex_static("IsMatch"),
        "Replace": _regex_static("Replace"),
        "Split": _regex_static("Split"),
    },
    "System.Char": {
        "IsDigit": _char_test(str.isdigit),
        "IsLetter": _char_test(str.isalpha),
        "IsUpper": _char_test(str.isupper),
        "IsLower": _char_test(str.islower),
        "IsWhiteSpace": _char_test(str.isspace),
        "IsLetterOrDigit": _char_test(str.isalnum),
        "IsPunctuation": _char_test(lambda c: bool(c) and __import__("unicodedata").category(c).startswith("P")),
        "ToUpper": lambda c: Char(to_string(c).upper()),
        "ToLower": lambda c: Char(to_string(c).lower()),
        "MaxValue": Char("\uffff"),
        "MinValue": Char("\0"),
    },
    "System.Environment": {
        "NewLine": os.linesep,
        "MachineName": lambda: socket.gethostname().split(".")[0],
        "UserName": lambda: os.environ.get("USER") or os.environ.get("USERNAME", ""),
        "GetEnvironmentVariable": _env_var,
        "ProcessorCount": lambda: os.cpu_count() or 1,
        "CurrentDirectory": lambda: os.getcwd(),
        "Is64BitProcess": True,
        "Is64BitOperatingSystem": True,
    },
    "System.IO.Path": {
        "Combine": _path_combine,
        "GetFileName": lambda p: os.path.basename(to_string(p)),
        "GetExtension": lambda p: os.path.splitext(to_string(p))[1],
        "GetFileNameWithoutExtension": lambda p: os.path.splitext(os.path.basename(to_string(p)))[0],
        "GetDirectoryName": lambda p: os.path.dirname(to_string(p)),
        "GetTempPath": lambda *_: os.path.join(tempfile.gettempdir(), ""),
        "DirectorySeparatorChar": Char(os.sep),
        "PathSeparator": Char(os.pathsep),
        "IsPathRooted": lambda p: os.path.isabs(to_string(p)),
        "GetFullPath": lambda p: os.path.abspath(to_string(p)),
    },
    "System.TimeSpan": {
        "FromDays": lambda n: _dt.timedelta(days=float(number_of(n))),
        "FromHours": lambda n: _dt.timedelta(hours=float(number_of(n))),
        "FromMinutes": lambda n: _dt.timedelta(minutes=float(number_of(n))),
        "FromSeconds": lambda n: _dt.timedelta(seconds=float(number_of(n))),
        "FromMilliseconds": lambda n: _dt.timedelta(milliseconds=float(number_of(n))),
        "Zero": _dt.timedelta(0),
        "Parse": lambda s: convert_to(to_string(s), "System.TimeSpan"),
    },
    "System.Array": {
        "Reverse": _reverse,
        "Sort": _sort,
        "IndexOf": lambda items, v: next((i for i, x in enumerate(items) if x == v), -1),
    },
    "System.Version": {"Parse": lambda s: Version(to_string(s))},
    "System.Convert": {
        "ToInt32": lambda v, base=None: int(to_string(v), int(base)) if base is not None else convert_to(v, "int"),
        "ToInt64": lambda v, base=None: int(to_string(v), int(base)) if base is not None else convert_to(v, "long"),
        "ToDouble": lambda v: convert_to(v, "double"),
        "ToString": _convert_to_string,
        "ToBoolean": lambda v: _parse_bool(v) if isinstance(v, str) else convert_to(v, "bool"),
        "ToBase64String": lambda b: __import__("base64").b64encode(bytes(b)).decode("ascii"),
        "FromBase64String": lambda s: list(__import__("base64").b64decode(to_string(s))),
    },
    "System.MidpointRounding": {"ToEven": "ToEven", "AwayFromZero": "AwayFromZero"},
    "System.StringSplitOptions": {
        "None": "None",
        "RemoveEmptyEntries": "RemoveEmptyEntries",
        "TrimEntries": "TrimEntries",
    },
    "System.StringComparison": {
        n: n
        for n in (
            "Ordinal",
            "OrdinalIgnoreCase",
            "CurrentCulture",
            "CurrentCultureIgnoreCase",
            "InvariantCulture",
            "InvariantCultureIgnoreCase",
        )
    },
}
STATICS["System.Single"] = STATICS["System.Double"]
STATICS.update(enum_statics())
STATICS["System.Enum"] = ENUM_STATICS
STATICS["System.Management.Automation.SwitchParameter"] = {"Present": lambda: SwitchParameter(True)}


def _parse_bool(text) -> bool:
    value = to_string(text).strip().lower()
    if value not in ("true", "false"):
        raise DotNetError(f"String '{to_string(text)}' was not recognized as a valid Boolean.", "FormatException")
    return value == "true"


def _regex_escape(text: str) -> str:
    # Regex.Escape escapes \ * + ? | { [ ( ) ^ $ . # and white space (not ] or }).
    out = []
    for ch in text:
        if ch in "\\*+?|{[()^$.# ":
            out.append("\\" + ch)
        else:
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f", "\v": "\\v"}.get(ch, ch))
    return "".join(out)
