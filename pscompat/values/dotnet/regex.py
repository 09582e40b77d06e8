"""The .NET regular-expression dialect on Python's re (named groups, \\z, character-class
shorthands, $1/${name} replacements) and the Regex/Match/Group objects [regex] gives back.
Separate because it is self-contained text translation, independent of the type table."""

from __future__ import annotations

import datetime as _dt
import functools
import re
import warnings

from pscompat.errors import PSError
from pscompat.values.convert.strings import to_string

# --------------------------------------------------------------------------------------------
# .NET regular expressions on Python's re


_NAMED_GROUP = re.compile(
    r"\(\?<(?![=!])(\w+)>|\(\?'(\w+)'|\\k<(\w+)>|\\k'(\w+)'|\\Z|\\z|\\.|\[(?:\\.|[^\]])*\]", re.DOTALL
)


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
        if (
            tok == "-"
            and 0 < i < len(tokens) - 1
            and (_SHORTHAND.match(tokens[i - 1]) or _SHORTHAND.match(tokens[i + 1]))
        ):
            tokens[i] = "\\-"
    return "[" + "".join(tokens) + "]"


@functools.lru_cache(maxsize=512)
def dotnet_regex(pattern: str, ignore_case: bool = False, flags: int = 0) -> re.Pattern:
    """Compile a .NET regex: named groups (?<n>..)/(?'n'..), \\k<n>, \\z and \\Z translated."""
    try:
        with warnings.catch_warnings():  # "Possible nested set" for `[[a]`: .NET reads it as Python does today
            warnings.simplefilter("ignore", FutureWarning)
            return re.compile(_NAMED_GROUP.sub(_translate, pattern), flags | (re.IGNORECASE if ignore_case else 0))
    except re.error as exc:
        raise PSError(
            f"Invalid pattern '{pattern}' at offset {exc.pos or 0}. {exc.msg}.",
            "InvalidRegularExpression",
            category="InvalidOperation",
        ) from None


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
                return m.string[: m.start()]
            if special == "'":
                return m.string[m.end() :]
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
    PS_TYPE_NAMES = ("System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object")
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

    def NextMatch(self) -> Match:
        if self._match is None or self._regex is None:
            return Match(None)
        pos = self._match.end() + (self._match.end() == self._match.start())
        return Match(self._regex.search(self._text, pos) if pos <= len(self._text) else None, self._regex, self._text)


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


_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def dotnet_unescape(text: str) -> str:
    """Regex.Unescape (RegexParser.ScanCharEscape): \\n \\t \\r \\a \\b \\e \\f \\v, octal up to
    \\377, \\xHH, \\uHHHH, \\cX; any other punctuation stands for itself; a letter or digit that
    is no escape is an error, as is a lone backslash at the end."""
    from pscompat.values.methods.invoke import DotNetError  # the methods import this module

    def bad(reason: str, offset: int) -> DotNetError:
        return DotNetError(f"Invalid pattern '{text}' at offset {offset}. {reason}", "ArgumentException")

    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise bad("Illegal \\ at end of pattern.", n)
        esc = text[i + 1]
        i += 2
        if esc in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[esc])
        elif esc in "01234567":
            digits = esc
            while i < n and len(digits) < 3 and text[i] in "01234567" and int(digits + text[i], 8) <= 0o377:
                digits += text[i]
                i += 1
            out.append(chr(int(digits, 8)))
        elif esc in "xu":
            width = 2 if esc == "x" else 4
            digits = text[i : i + width]
            if len(digits) < width or any(c not in "0123456789abcdefABCDEF" for c in digits):
                raise bad("Insufficient or invalid hexadecimal digits.", min(i + width, n))
            out.append(chr(int(digits, 16)))
            i += width
        elif esc == "c":
            if i >= n or not text[i].isalpha():
                raise bad("Missing control character.", i)
            out.append(chr(ord(text[i].upper()) - 64))
            i += 1
        elif esc.isalnum() or esc == "_":
            raise bad(f"Unrecognized escape sequence \\{esc}.", i)
        else:
            out.append(esc)
    return "".join(out)
