"""Type literals as values: `[int]`, `[math]::Round(2.5)`, `[regex]::Escape(...)`,
`[System.Collections.ArrayList]::new()`, plus the .NET regex dialect and the small .NET
value classes (Regex/Match, Version, ArrayList, List[T], StringBuilder) PowerShell scripts use.
"""
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

from .exceptions import constructors as _exception_constructors
from .conversion import convert_to, is_instance, to_number, to_string, type_of_name
from .errors import PSError
from .methods import DotNetError, invoke_dotnet
from .enums import ENUM_STATICS
from .enums import statics as enum_statics
from .numtypes import Byte, Int16, Int64, SByte, UInt16, UInt32, UInt64
from .psobject import Char, type_names

# --------------------------------------------------------------------------------------------
# .NET regular expressions on Python's re


_NAMED_GROUP = re.compile(r"\(\?<(?![=!])(\w+)>|\(\?'(\w+)'|\\k<(\w+)>|\\k'(\w+)'|\\Z|\\z|\\.|\[(?:\\.|[^\]])*\]",
                          re.DOTALL)


def _translate(match: re.Match) -> str:
    text = match.group(0)
    if match.group(1) or match.group(2):
        return f"(?P<{match.group(1) or match.group(2)}>"
    if match.group(3) or match.group(4):
        return f"(?P={match.group(3) or match.group(4)})"
    if text == r"\z":
        return r"\Z"
    if text == r"\Z":  # .NET \Z also matches before a final newline
        return r"(?=\n?\Z)"
    if text.startswith("["):
        return _char_class(text)
    return text  # other escapes pass through untouched


_CLASS_TOKEN = re.compile(r"\\[pP]\{\w+\}|\\.|.", re.DOTALL)
_SHORTHAND = re.compile(r"\\[wWdDsSpP]")


def _char_class(text: str) -> str:
    """.NET takes a '-' next to a shorthand class as a literal ([\\w-.]); Python's re rejects it."""
    tokens = _CLASS_TOKEN.findall(text[1:-1])
    for i, tok in enumerate(tokens):
        if tok == "-" and 0 < i < len(tokens) - 1 and (
                _SHORTHAND.match(tokens[i - 1]) or _SHORTHAND.match(tokens[i + 1])):
            tokens[i] = "\\-"
    return "[" + "".join(tokens) + "]"


@functools.lru_cache(maxsize=512)
def dotnet_regex(pattern: str, ignore_case: bool = False, flags: int = 0) -> re.Pattern:
    """Compile a .NET regex: named groups (?<n>..)/(?'n'..), \\k<n>, \\z and \\Z translated."""
    try:
        return re.compile(_NAMED_GROUP.sub(_translate, pattern), flags | (re.IGNORECASE if ignore_case else 0))
    except re.error as exc:
        raise PSError(f'Invalid pattern \'{pattern}\' at offset {exc.pos or 0}. {exc.msg}.',
                      "InvalidRegularExpression", category="InvalidOperation") from None


_REPLACEMENT = re.compile(r"\$(?:(\d+)|\{(\w+)\}|([$&`'+_]))")


def dotnet_replacement(replacement: str):
    """A re.sub callable for a .NET substitution string ($1, ${name}, $0, $&, $$, $`, $', $_)."""
    def expand(m: re.Match) -> str:
        def sub(r: re.Match) -> str:
            num, name, special = r.groups()
            if special == "$":
                return "$"
            if special == "&":
                return m.group(0)
            if special == "`":
                return m.string[:m.start()]
            if special == "'":
                return m.string[m.end():]
            if special == "_":
                return m.string
            if special == "+":
                return m.group(m.lastindex) or "" if m.lastindex else ""
            key = int(num) if num is not None else (int(name) if name.isdigit() else name)
            try:
                return m.group(key) or ""
            except (IndexError, re.error):
                return r.group(0)  # an unknown group stays literal, as in .NET
        return _REPLACEMENT.sub(sub, replacement)
    return expand


class Group:
    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture",
                     "System.Object")
    PS_PROPERTIES = ("Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, match: re.Match | None, key):
        self._match, self.Name = match, str(key)
        self.Success = match is not None and match.group(key) is not None
        self.Value = match.group(key) or "" if self.Success else ""
        self.Index = match.start(key) if self.Success else 0
        self.Length = len(self.Value)

    @property
    def Captures(self) -> list:
        return [self] if self.Success else []

    def ToString(self) -> str:
        return self.Value


class Match(Group):
    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Match",) + Group.PS_TYPE_NAMES[:1] + Group.PS_TYPE_NAMES[1:]
    PS_PROPERTIES = ("Groups", "Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, match: re.Match | None, regex: re.Pattern | None = None, text: str = ""):
        super().__init__(match, 0)
        self._regex, self._text = regex, text

    @property
    def Groups(self) -> list:
        if self._match is None:
            return []
        names = {index: name for name, index in self._match.re.groupindex.items()}
        return [Group(self._match, names.get(i, i)) for i in range(self._match.re.groups + 1)]

    def NextMatch(self) -> "Match":
        if self._match is None or self._regex is None:
            return Match(None)
        pos = self._match.end() + (self._match.end() == self._match.start())
        return Match(self._regex.search(self._text, pos) if pos <= len(self._text) else None,
                     self._regex, self._text)


class Regex:
    """[regex]'pattern': a compiled .NET regex value."""

    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Regex", "System.Object")
    PS_PROPERTIES = ("Options", "RightToLeft", "MatchTimeout")

    def __init__(self, pattern: str, options=None):
        self._pattern = pattern
        opts = to_string(options).lower() if options is not None else ""
        self.Options = to_string(options) if options is not None else "None"
        self.RightToLeft = False
        self.MatchTimeout = _dt.timedelta(0)
        flags = (re.MULTILINE if "multiline" in opts else 0) | (re.DOTALL if "singleline" in opts else 0)
        self._re = dotnet_regex(pattern, "ignorecase" in opts, flags)

    def Match(self, text, start=0) -> Match:
        text = to_string(text)
        return Match(self._re.search(text, int(start)), self._re, text)

    def Matches(self, text, start=0) -> list:
        text = to_string(text)
        return [Match(m, self._re, text) for m in self._re.finditer(text, int(start))]

    def IsMatch(self, text) -> bool:
        return self._re.search(to_string(text)) is not None

    def Replace(self, text, replacement, count=-1) -> str:
        repl = dotnet_replacement(to_string(replacement)) if not callable(replacement) else replacement
        return self._re.sub(repl, to_string(text), count=max(int(count), 0) if count != -1 else 0)

    def Split(self, text) -> list:
        return self._re.split(to_string(text))

    def GetGroupNames(self) -> list:
        names = {i: n for n, i in self._re.groupindex.items()}
        return [names.get(i, str(i)) for i in range(self._re.groups + 1)]

    def ToString(self) -> str:
        return self._pattern


# --------------------------------------------------------------------------------------------
# Small .NET value types


@functools.total_ordering
class Version:
    """[version]'1.2.3': Major.Minor[.Build[.Revision]]; missing parts are -1."""

    PS_TYPE_NAMES = ("System.Version", "System.Object")
    PS_PROPERTIES = ("Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision")

    def __init__(self, *parts):
        if len(parts) == 1 and isinstance(parts[0], str):
            text = parts[0].strip()
            pieces = text.split(".")
            if not 2 <= len(pieces) <= 4 or not all(p.strip().isdigit() for p in pieces):
                raise DotNetError("Version string portion was too short or too long." if not 2 <= len(pieces) <= 4
                                  else f"The input string '{text}' was not in a correct format.",
                                  "ArgumentException" if not 2 <= len(pieces) <= 4 else "FormatException")
            parts = tuple(int(p) for p in pieces)
        nums = [int(to_number(p)) for p in parts] + [-1] * (4 - len(parts))
        self.Major, self.Minor, self.Build, self.Revision = (max(n, 0) if i < 2 else n for i, n in enumerate(nums))
        self.MajorRevision = self.Revision >> 16 if self.Revision > 0 else (0 if self.Revision >= 0 else -1)
        self.MinorRevision = self.Revision & 0xFFFF if self.Revision >= 0 else -1

    def _key(self):
        return (self.Major, self.Minor, self.Build, self.Revision)

    def __eq__(self, other):
        return isinstance(other, Version) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())

    def CompareTo(self, other) -> int:
        return (self._key() > other._key()) - (self._key() < other._key())

    def ToString(self, fields=None) -> str:
        parts = [p for p in self._key() if p >= 0]
        return ".".join(map(str, parts[: int(fields) if fields is not None else 4]))


class ArrayList(list):
    """[System.Collections.ArrayList]: Add returns the new index."""

    PS_TYPE_NAMES = ("System.Collections.ArrayList", "System.Object")

    def Add(self, item) -> int:
        self.append(item)
        return len(self) - 1

    def AddRange(self, items) -> None:
        self.extend(items if isinstance(items, (list, tuple)) else [items])

    def Remove(self, item) -> None:
        for i, v in enumerate(self):
            if v == item:
                del self[i]
                return

    def RemoveAt(self, index) -> None:
        del self[int(index)]

    def Insert(self, index, item) -> None:
        self.insert(int(index), item)

    def Contains(self, item) -> bool:
        return item in self

    def IndexOf(self, item) -> int:
        return self.index(item) if item in self else -1

    def Clear(self) -> None:
        self.clear()

    def ToArray(self) -> list:
        return list(self)


class GenericList(ArrayList):
    """[System.Collections.Generic.List[T]]: Add is void; items convert to T."""

    def __init__(self, element_type: str = "System.Object", items=()):
        super().__init__()
        self._element = element_type
        self.PS_TYPE_NAMES = (f"System.Collections.Generic.List[{element_type}]", "System.Object")
        self.AddRange(list(items))

    def _convert(self, item):
        return item if self._element == "System.Object" else convert_to(item, self._element)

    def Add(self, item) -> None:
        self.append(self._convert(item))

    def AddRange(self, items) -> None:
        self.extend(self._convert(i) for i in (items if isinstance(items, (list, tuple)) else [items]))

    def Insert(self, index, item) -> None:
        self.insert(int(index), self._convert(item))

    def Remove(self, item) -> bool:
        size = len(self)
        ArrayList.Remove(self, item)
        return len(self) != size


class StringBuilder:
    PS_TYPE_NAMES = ("System.Text.StringBuilder", "System.Object")
    PS_PROPERTIES = ("Capacity", "MaxCapacity", "Length")

    def __init__(self, text=""):
        self._parts = [to_string(text)] if text else []
        self.Capacity = 16
        self.MaxCapacity = 2147483647

    @property
    def Length(self) -> int:
        return sum(map(len, self._parts))

    def Append(self, value=None) -> "StringBuilder":
        self._parts.append(to_string(value))
        return self

    def AppendLine(self, value="") -> "StringBuilder":
        self._parts.append(to_string(value) + "\n")
        return self

    def Clear(self) -> "StringBuilder":
        self._parts.clear()
        return self

    def ToString(self) -> str:
        return "".join(self._parts)


# --------------------------------------------------------------------------------------------
# Static members: full type name -> {folded name: (Name, fn)}; properties take no arguments.


def _num(x):
    return to_number(x)


def _round(value, digits=0, mode=None):
    # Math.Round: half to even unless MidpointRounding.AwayFromZero.  With digits, .NET scales
    # the double by 10^digits first, so Round(2.675, 2) is 2.68 (Python's round() gives 2.67).
    if isinstance(digits, str):
        digits, mode = 0, digits
    away = mode is not None and "away" in to_string(mode).lower()
    x, digits = _num(value), int(digits)
    if isinstance(x, decimal.Decimal):
        rounding = decimal.ROUND_HALF_UP if away else decimal.ROUND_HALF_EVEN
        return x.quantize(decimal.Decimal(1).scaleb(-digits), rounding=rounding)
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return x
    power = 10.0 ** digits
    scaled = x * power
    if away:
        rounded = math.copysign(math.floor(abs(scaled) + 0.5), scaled)
    else:
        rounded = float(round(scaled))
    return rounded / power


def _same_kind(fn):
    # Floor/Ceiling/Truncate return a Decimal for a Decimal, else a double.
    return lambda x: (decimal.Decimal(fn(_num(x))) if isinstance(_num(x), decimal.Decimal) else float(fn(_num(x))))


def _minmax(pick):
    def f(a, b):
        a, b = _num(a), _num(b)
        result = pick(a, b)
        return float(result) if isinstance(a, float) or isinstance(b, float) else result
    return f


def _log(x, base=None):
    x = float(_num(x))
    if x <= 0:
        return float("-inf") if x == 0 else float("nan")
    if base is None:
        return math.log(x)
    base = float(_num(base))
    return math.log10(x) if base == 10 else math.log2(x) if base == 2 else math.log(x, base)


_MATH = {
    "Round": _round, "Floor": _same_kind(math.floor), "Ceiling": _same_kind(math.ceil),
    "Truncate": _same_kind(math.trunc), "Abs": lambda x: abs(_num(x)),
    "Max": _minmax(max), "Min": _minmax(min), "Pow": lambda x, y: float(_num(x)) ** float(_num(y)),
    "Sqrt": lambda x: math.sqrt(_num(x)) if _num(x) >= 0 else float("nan"), "Log": _log,
    "Log10": lambda x: _log(x, 10), "Log2": lambda x: _log(x, 2), "Exp": lambda x: math.exp(_num(x)),
    "Sign": lambda x: (_num(x) > 0) - (_num(x) < 0), "Sin": lambda x: math.sin(_num(x)),
    "Cos": lambda x: math.cos(_num(x)), "Tan": lambda x: math.tan(_num(x)),
    "Atan": lambda x: math.atan(_num(x)), "Atan2": lambda y, x: math.atan2(_num(y), _num(x)),
    "DivRem": lambda a, b: divmod(int(_num(a)), int(_num(b)))[0],
    "BigMul": lambda a, b: int(_num(a)) * int(_num(b)),
}


def _join(sep, *items):
    if len(items) == 1 and isinstance(items[0], (list, tuple)):
        items = items[0]
    return to_string(sep).join(to_string(i) for i in items)


def _format(fmt, *args):
    from .operators import format_string

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
            raise DotNetError(f"Value was either too large or too small for an {full[7:]}.",
                              "OverflowException") from None
    return parse


def _parse_double(text, *rest):
    try:
        return convert_to(to_string(text), "System.Double")
    except PSError:
        raise DotNetError(f"The input string '{to_string(text)}' was not in a correct format.",
                          "FormatException") from None


def _parse_datetime(text, *rest):
    from .conversion import parse_datetime

    parsed = parse_datetime(to_string(text))
    if parsed is None:
        raise DotNetError(f"String '{to_string(text)}' was not recognized as a valid DateTime.", "FormatException")
    return parsed


def _parse_exact(text, fmt, *rest):
    from .methods import parse_exact

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
    from .operators_compare import compare

    items.sort(key=functools.cmp_to_key(lambda a, b: compare(a, b, True)))


def _env_var(name, *target):
    return os.environ.get(to_string(name))


_STATICS = {
    "System.Math": {"PI": math.pi, "E": math.e, "Tau": math.tau, **_MATH},
    "System.DateTime": {
        "Now": lambda: _dt.datetime.now(), "UtcNow": lambda: _dt.datetime.utcnow(),
        "Today": lambda: _dt.datetime.combine(_dt.date.today(), _dt.time()),
        "MinValue": _dt.datetime.min, "MaxValue": _dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
        "Parse": _parse_datetime, "ParseExact": _parse_exact,
        "DaysInMonth": lambda y, m: __import__("calendar").monthrange(int(y), int(m))[1],
        "IsLeapYear": lambda y: __import__("calendar").isleap(int(y)),
    },
    "System.String": {
        "Empty": "", "IsNullOrEmpty": lambda s: s is None or to_string(s) == "",
        "IsNullOrWhiteSpace": lambda s: s is None or to_string(s).strip() == "",
        "Join": _join, "Format": _format, "Concat": lambda *a: "".join(to_string(x) for x in a),
        "Compare": lambda a, b, ignore=False: (lambda x, y: (x > y) - (x < y))(
            *((to_string(a).lower(), to_string(b).lower()) if ignore is True else
              ((to_string(a).lower(), to_string(a).swapcase()), (to_string(b).lower(), to_string(b).swapcase())))),
        "Equals": lambda a, b: to_string(a) == to_string(b),
    },
    "System.Int32": {"MaxValue": 2147483647, "MinValue": -2147483648, "Parse": _parse_int("System.Int32")},
    "System.Int64": {"MaxValue": Int64((1 << 63) - 1), "MinValue": Int64(-(1 << 63)),
                     "Parse": _parse_int("System.Int64")},
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
    "System.Double": {"MaxValue": 1.7976931348623157e308, "MinValue": -1.7976931348623157e308,
                      "NaN": math.nan, "PositiveInfinity": math.inf, "NegativeInfinity": -math.inf,
                      "Epsilon": 5e-324, "Parse": _parse_double, "IsNaN": lambda x: math.isnan(_num(x)),
                      "IsInfinity": lambda x: math.isinf(_num(x))},
    "System.Decimal": {"MaxValue": decimal.Decimal("79228162514264337593543950335"),
                       "MinValue": decimal.Decimal("-79228162514264337593543950335"),
                       "Parse": lambda s, *r: convert_to(to_string(s), "System.Decimal")},
    "System.Boolean": {"Parse": lambda s: _parse_bool(s), "TrueString": "True", "FalseString": "False"},
    "System.Guid": {"NewGuid": lambda *_: uuid.uuid4(), "Empty": uuid.UUID(int=0),
                    "Parse": lambda s: uuid.UUID(to_string(s))},
    "System.Text.RegularExpressions.Regex": {
        "Escape": lambda s: _regex_escape(to_string(s)), "Unescape": lambda s: re.sub(r"\\(.)", r"\1", to_string(s)),
        "Match": _regex_static("Match"), "Matches": _regex_static("Matches"),
        "IsMatch": _regex_static("IsMatch"), "Replace": _regex_static("Replace"), "Split": _regex_static("Split"),
    },
    "System.Char": {
        "IsDigit": _char_test(str.isdigit), "IsLetter": _char_test(str.isalpha),
        "IsUpper": _char_test(str.isupper), "IsLower": _char_test(str.islower),
        "IsWhiteSpace": _char_test(str.isspace), "IsLetterOrDigit": _char_test(str.isalnum),
        "IsPunctuation": _char_test(lambda c: bool(c) and __import__("unicodedata").category(c).startswith("P")),
        "ToUpper": lambda c: Char(to_string(c).upper()), "ToLower": lambda c: Char(to_string(c).lower()),
        "MaxValue": Char("\uffff"), "MinValue": Char("\0"),
    },
    "System.Environment": {
        "NewLine": os.linesep, "MachineName": lambda: socket.gethostname().split(".")[0],
        "UserName": lambda: os.environ.get("USER") or os.environ.get("USERNAME", ""),
        "GetEnvironmentVariable": _env_var, "ProcessorCount": lambda: os.cpu_count() or 1,
        "CurrentDirectory": lambda: os.getcwd(), "Is64BitProcess": True, "Is64BitOperatingSystem": True,
    },
    "System.IO.Path": {
        "Combine": _path_combine, "GetFileName": lambda p: os.path.basename(to_string(p)),
        "GetExtension": lambda p: os.path.splitext(to_string(p))[1],
        "GetFileNameWithoutExtension": lambda p: os.path.splitext(os.path.basename(to_string(p)))[0],
        "GetDirectoryName": lambda p: os.path.dirname(to_string(p)),
        "GetTempPath": lambda *_: os.path.join(tempfile.gettempdir(), ""),
        "DirectorySeparatorChar": Char(os.sep), "PathSeparator": Char(os.pathsep),
        "IsPathRooted": lambda p: os.path.isabs(to_string(p)),
        "GetFullPath": lambda p: os.path.abspath(to_string(p)),
    },
    "System.TimeSpan": {
        "FromDays": lambda n: _dt.timedelta(days=float(_num(n))),
        "FromHours": lambda n: _dt.timedelta(hours=float(_num(n))),
        "FromMinutes": lambda n: _dt.timedelta(minutes=float(_num(n))),
        "FromSeconds": lambda n: _dt.timedelta(seconds=float(_num(n))),
        "FromMilliseconds": lambda n: _dt.timedelta(milliseconds=float(_num(n))),
        "Zero": _dt.timedelta(0), "Parse": lambda s: convert_to(to_string(s), "System.TimeSpan"),
    },
    "System.Array": {"Reverse": _reverse, "Sort": _sort, "IndexOf": lambda items, v: next(
        (i for i, x in enumerate(items) if x == v), -1)},
    "System.Version": {"Parse": lambda s: Version(to_string(s))},
    "System.Convert": {
        "ToInt32": lambda v, base=None: int(to_string(v), int(base)) if base is not None else convert_to(v, "int"),
        "ToInt64": lambda v, base=None: int(to_string(v), int(base)) if base is not None else convert_to(v, "long"),
        "ToDouble": lambda v: convert_to(v, "double"), "ToString": _convert_to_string,
        "ToBoolean": lambda v: _parse_bool(v) if isinstance(v, str) else convert_to(v, "bool"),
        "ToBase64String": lambda b: __import__("base64").b64encode(bytes(b)).decode("ascii"),
        "FromBase64String": lambda s: list(__import__("base64").b64decode(to_string(s))),
    },
    "System.MidpointRounding": {"ToEven": "ToEven", "AwayFromZero": "AwayFromZero"},
    "System.StringSplitOptions": {"None": "None", "RemoveEmptyEntries": "RemoveEmptyEntries",
                                  "TrimEntries": "TrimEntries"},
    "System.StringComparison": {n: n for n in ("Ordinal", "OrdinalIgnoreCase", "CurrentCulture",
                                               "CurrentCultureIgnoreCase", "InvariantCulture",
                                               "InvariantCultureIgnoreCase")},
}
_STATICS["System.Single"] = _STATICS["System.Double"]
_STATICS.update(enum_statics())
_STATICS["System.Enum"] = ENUM_STATICS
_STATICS["System.Management.Automation.SwitchParameter"] = {
    "Present": lambda: __import__("pscompat.switchparam", fromlist=["SwitchParameter"]).SwitchParameter(True)}


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


# --------------------------------------------------------------------------------------------
# Type values


_STATIC_INDEX = {full: {name.lower(): (name, member) for name, member in members.items()}
                 for full, members in _STATICS.items()}


class PSType:
    """A type literal (`[int]`) and the value of `$x.GetType()`: Name, FullName, casts,
    `-is`, static members and constructors."""

    PS_TYPE_NAMES = ("System.RuntimeType", "System.Reflection.TypeInfo", "System.Type",
                     "System.Reflection.MemberInfo", "System.Object")
    PS_PROPERTIES = ("Name", "FullName", "Namespace", "IsArray", "BaseType")

    def __init__(self, full_name: str):
        self.full_name = full_name
        generic = full_name.find("[")
        base = full_name[:generic] if generic > 0 and not full_name.endswith("[]") else full_name
        self.name = base.rsplit(".", 1)[-1] + (full_name[len(base):] if full_name.endswith("[]") else "")
        if generic > 0 and not full_name.endswith("[]"):
            self.name += f"`{full_name.count(',') + 1}"
        self.Namespace = base.rsplit(".", 1)[0] if "." in base else ""
        self.IsArray = full_name.endswith("[]")

    @property
    def Name(self) -> str:
        return self.name

    @property
    def FullName(self) -> str:
        return self.full_name

    @property
    def BaseType(self):
        names = _BASES.get(self.full_name)
        return resolve_type_info(names) if names else None

    def convert(self, value):
        return convert_to(value, self.full_name)

    def is_instance(self, value) -> bool:
        return is_instance(value, self.full_name)

    def _statics(self) -> dict:
        return _STATIC_INDEX.get(self.full_name, {})

    def get_static(self, member: str):
        """`[type]::Member`: a static property value; a missing one is None (no strict mode)."""
        entry = self._statics().get(member.lower())
        if entry is None:
            return None
        value = entry[1]
        return value() if callable(value) and entry[0][0].isupper() and _is_property(value) else value

    def call_static(self, method: str, args: list):
        """`[type]::Method(args)`; `::new(args)` constructs."""
        if method.lower() == "new":
            return self.new(args)
        entry = self._statics().get(method.lower())
        if entry is None or not callable(entry[1]) or _is_property(entry[1]):
            raise PSError(f"Method invocation failed because [{self.full_name}] does not contain a method "
                          f"named '{method}'.", "MethodNotFound", category="InvalidOperation")
        return invoke_dotnet(entry[0], entry[1], list(args))

    def new(self, args: list):
        """`[type]::new(args)` / New-Object."""
        factory = _CONSTRUCTORS.get(self.full_name.split("[", 1)[0] if not self.IsArray else "")
        if self.IsArray and len(args) == 1 and not isinstance(args[0], (list, tuple, str)):
            return _new_array(self.full_name[:-2], args[0])  # [int[]]::new(3): three zeros
        if factory is None:
            if len(args) == 1:
                return self.convert(args[0])
            raise PSError(f"Method invocation failed because [{self.full_name}] does not contain a method "
                          f"named 'new'.", "MethodNotFound", category="InvalidOperation")
        return invoke_dotnet("new", lambda *a: factory(self.full_name, *a), list(args))

    def static_members(self) -> list:
        """Get-Member -Static rows: zero-argument entries are properties, callables methods."""
        from .psobject import MemberInfo, short_type_name

        rows = []
        for name, member in sorted(self._statics().values(), key=lambda e: e[0].lower()):
            if callable(member) and not _is_property(member):
                rows.append(MemberInfo(name, "Method", f"static {name}(...)"))
            else:
                value = member() if callable(member) else member
                rows.append(MemberInfo(name, "Property", f"static {short_type_name(value)} {name} {{get;}}"))
        return rows

    def ToString(self) -> str:
        return self.full_name

    def __eq__(self, other):
        return isinstance(other, PSType) and other.full_name == self.full_name

    def __hash__(self):
        return hash(self.full_name)

    def __repr__(self) -> str:
        return f"PSType({self.full_name!r})"


# Zero-argument lambdas stand for static *properties* ([datetime]::Now); others are methods.
def _is_property(fn) -> bool:
    code = getattr(fn, "__code__", None)
    return code is not None and code.co_argcount == 0 and not code.co_flags & 0x04


_BASES = {"System.Int32": "System.ValueType", "System.Int64": "System.ValueType",
          "System.Double": "System.ValueType", "System.Boolean": "System.ValueType",
          "System.DateTime": "System.ValueType", "System.String": "System.Object",
          "System.Object[]": "System.Array", "System.Array": "System.Object",
          "System.Collections.Hashtable": "System.Object", "System.ValueType": "System.Object"}


def _generic_args(full: str) -> list[str]:
    inner = full[full.index("[") + 1:-1]
    return [a.strip() for a in inner.split(",")] if inner else []


def _new_hashtable(full, *args):
    from .psobject import Hashtable

    return Hashtable(ordered=full.endswith("OrderedDictionary"))


_CONSTRUCTORS = {
    "System.Collections.ArrayList": lambda full, items=(): ArrayList(items if isinstance(items, (list, tuple)) else ()),
    "System.Collections.Generic.List": lambda full, items=(): GenericList(
        (_generic_args(full) or ["System.Object"])[0], items if isinstance(items, (list, tuple)) else ()),
    "System.Text.StringBuilder": lambda full, text="": StringBuilder(text),
    "System.Text.RegularExpressions.Regex": lambda full, pattern, options=None: Regex(to_string(pattern), options),
    "System.Version": lambda full, *parts: Version(*parts) if parts else Version(0, 0),
    "System.Guid": lambda full, text=None: uuid.UUID(to_string(text)) if text is not None else uuid.UUID(int=0),
    "System.DateTime": lambda full, *parts: _dt.datetime(*(int(_num(p)) for p in parts)) if parts else _dt.datetime(1, 1, 1),
    "System.TimeSpan": lambda full, *parts: _timespan(*parts),
    "System.Collections.Hashtable": _new_hashtable,
    "System.Collections.Specialized.OrderedDictionary": _new_hashtable,
    "System.Management.Automation.PSObject": lambda full, *a: __import__(
        "pscompat.psobject", fromlist=["PSObject"]).PSObject(),
    "System.Object": lambda full: __import__("pscompat.psobject", fromlist=["PSObject"]).PSObject(),
    "System.String": lambda full, chars, count=None: (
        to_string(chars) * int(_num(count)) if count is not None else
        "".join(to_string(c) for c in chars) if isinstance(chars, (list, tuple)) else to_string(chars)),
    "System.Management.Automation.PSNoteProperty": lambda full, name, value=None: __import__(
        "pscompat.psobject_members", fromlist=["new_note_property"]).new_note_property(name, value),
}
_CONSTRUCTORS.update(_exception_constructors())  # [System.ArgumentException]::new('bad') & co


def _new_array(element: str, length):
    """A new .NET array of `length` default elements."""
    from .conversion import TypedArray
    from .methods import call_method

    items = TypedArray([None] * int(_num(length)), element)
    if element != "System.Object":
        call_method(items, "Clear", [])  # fill with the element type's default value
        return items
    return list(items)


def _timespan(*parts):
    nums = [int(_num(p)) for p in parts]
    if len(nums) == 1:
        return _dt.timedelta(microseconds=nums[0] / 10)  # ticks
    if len(nums) == 3:
        return _dt.timedelta(hours=nums[0], minutes=nums[1], seconds=nums[2])
    days, hours, minutes, seconds, ms = (nums + [0] * 5)[:5]
    return _dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds, milliseconds=ms)


_TYPE_CACHE: dict[str, PSType] = {}


def resolve_type(name: str) -> PSType:
    """`[name]` -> PSType; PSError TypeNotFound ('Unable to find type [X].') when unknown."""
    full = type_of_name(name)
    found = _TYPE_CACHE.get(full)
    if found is None:
        found = _TYPE_CACHE[full] = PSType(full)
    return found


def resolve_type_info(full_name: str) -> PSType:
    """The type value for a full name taken from PSTypeNames (no accelerator lookup, never fails)."""
    found = _TYPE_CACHE.get(full_name)
    if found is None:
        found = _TYPE_CACHE[full_name] = PSType(full_name)
    return found


def convert_special(value, full: str):
    """Casts to the types defined here (called by conversion.convert_to)."""
    if full == "System.Text.RegularExpressions.Regex":
        return value if isinstance(value, Regex) else Regex(to_string(value))
    if full == "System.Version":
        if isinstance(value, Version):
            return value
        try:
            return Version(to_string(value))
        except DotNetError as exc:
            raise PSError(f'Cannot convert value "{to_string(value)}" to type "System.Version". Error: '
                          f'"{exc.message}"', "InvalidCastParseTargetInvocation", category="InvalidArgument") from None
    if full == "System.Guid":
        if isinstance(value, uuid.UUID):
            return value
        try:
            return uuid.UUID(to_string(value))
        except ValueError:
            raise PSError(f'Cannot convert value "{to_string(value)}" to type "System.Guid". Error: "Guid should '
                          f'contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."',
                          "InvalidCastParseTargetInvocation", category="InvalidArgument") from None
    if full == "System.Type":
        return value if isinstance(value, PSType) else resolve_type(to_string(value))
    base = full.split("[", 1)[0]
    if base in ("System.Collections.ArrayList", "System.Collections.Generic.List"):
        items = value if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        return _CONSTRUCTORS[base](full, list(items))
    raise PSError(f'Cannot convert the "{to_string(value)}" value of type "{type_names(value)[0]}" to type '
                  f'"{full}".', "ConvertToFinalInvalidCastException", category="InvalidArgument")
