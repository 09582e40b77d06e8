"""System.String's instance methods (`Split`, `Substring`, `IndexOf`, `PadLeft`, ...) with
.NET semantics: ordinal and case-sensitive unless a StringComparison says otherwise."""

from __future__ import annotations

import re as _re
import unicodedata

from pscompat.values.methods.invoke import DotNetError
from pscompat.values.objects.classes import Char

# --------------------------------------------------------------------------------------------
# Strings (System.String)


def string_of(value) -> str:
    from pscompat.values.convert.strings import to_string

    return to_string(value)


def _ignore_case(comparison) -> bool:
    return comparison is not None and string_of(comparison).lower().endswith("ignorecase")


def _chars(arg) -> str:
    """A char[] argument: a list of chars, a [char] or a string (PowerShell converts it)."""
    if isinstance(arg, (list, tuple)):
        return "".join(string_of(c) for c in arg)
    return string_of(arg)


def _trim(side):
    def trim(s, *chars):
        strip = {"both": str.strip, "start": str.lstrip, "end": str.rstrip}[side]
        return strip(s, _chars(list(chars)) if chars else None)

    return trim


def _split(s: str, separator=None, *rest):
    count, remove_empty, trim = -1, False, False
    for arg in rest:
        if isinstance(arg, int) and not isinstance(arg, bool):
            count = arg
        else:
            option = string_of(arg).lower()
            remove_empty |= "removeemptyentries" in option
            trim |= "trimentries" in option
    if separator is None or (isinstance(separator, (list, tuple)) and not separator):
        pieces = _split_any(s, [c for c in s if c.isspace()] or [" "], count)
    elif isinstance(separator, (list, tuple)):
        pieces = _split_any(s, [string_of(x) for x in separator], count)
    elif isinstance(separator, Char):
        pieces = _split_any(s, [separator], count)
    else:
        pieces = _split_any(s, [string_of(separator)], count)
    if trim:
        pieces = [p.strip() for p in pieces]
    if remove_empty:
        pieces = [p for p in pieces if p]
    return pieces


def _split_any(s: str, separators: list[str], count: int) -> list[str]:
    separators = [sep for sep in separators if sep]
    if count == 0:
        return []
    if not separators:
        return [s]
    pieces, start, i = [], 0, 0
    while i < len(s) and (count < 0 or len(pieces) < count - 1):
        sep = next((x for x in separators if s.startswith(x, i)), None)
        if sep is None:
            i += 1
            continue
        pieces.append(s[start:i])
        i += len(sep)
        start = i
    pieces.append(s[start:])
    return pieces


def _substring(s: str, start, length=None):
    start = int(start)
    if start < 0:
        raise DotNetError(
            "StartIndex cannot be less than zero. (Parameter 'startIndex')", "ArgumentOutOfRangeException"
        )
    if start > len(s):
        raise DotNetError(
            "startIndex cannot be larger than length of string. (Parameter 'startIndex')", "ArgumentOutOfRangeException"
        )
    if length is None:
        return s[start:]
    length = int(length)
    if length < 0:
        raise DotNetError("Length cannot be less than zero. (Parameter 'length')", "ArgumentOutOfRangeException")
    if start + length > len(s):
        raise DotNetError(
            "Index and length must refer to a location within the string. (Parameter 'length')",
            "ArgumentOutOfRangeException",
        )
    return s[start : start + length]


def _index_of(last: bool):
    def index_of(s: str, value, *rest):
        ints = [int(r) for r in rest if isinstance(r, int) and not isinstance(r, bool)]
        folded = any(_ignore_case(r) for r in rest if not isinstance(r, int))
        hay, needle = (s.lower(), string_of(value).lower()) if folded else (s, string_of(value))
        if last:
            end = ints[0] + 1 if ints else len(s)
            return hay.rfind(needle, 0, end)
        start = ints[0] if ints else 0
        if start > len(s):
            raise DotNetError(
                "Index was out of range. Must be non-negative and less than or equal to the size "
                "of the collection. (Parameter 'startIndex')",
                "ArgumentOutOfRangeException",
            )
        end = start + ints[1] if len(ints) > 1 else len(s)
        return hay.find(needle, start, end)

    return index_of


def _compare_key(s: str):
    # Culture-style ordering: case-insensitive first, lowercase before uppercase on ties.
    return (s.lower(), s.swapcase())


def compare_to(a, b) -> int:
    if b is None:
        return 1
    ka, kb = (_compare_key(a), _compare_key(string_of(b))) if isinstance(a, str) else (a, b)
    return (ka > kb) - (ka < kb)


def _replace(s: str, old, new=None, *rest):
    old = string_of(old)
    if not old:
        raise DotNetError("String cannot be of zero length. (Parameter 'oldValue')", "ArgumentException")
    new = string_of(new)
    if rest and (rest[0] is True or _ignore_case(rest[0])):
        return _re.sub(_re.escape(old), lambda m: new, s, flags=_re.IGNORECASE)
    return s.replace(old, new)


def _pad(left: bool):
    def pad(s: str, width, char=" "):
        width = int(width)
        if width < 0:
            raise DotNetError("Non-negative number required. (Parameter 'totalWidth')", "ArgumentOutOfRangeException")
        return s.rjust(width, string_of(char)) if left else s.ljust(width, string_of(char))

    return pad


def _remove(s: str, start, count=None):
    start = int(start)
    if start < 0:
        raise DotNetError(
            "StartIndex cannot be less than zero. (Parameter 'startIndex')", "ArgumentOutOfRangeException"
        )
    if start > len(s):
        raise DotNetError(
            "startIndex must be less than length of string. (Parameter 'startIndex')", "ArgumentOutOfRangeException"
        )
    if count is None:
        return s[:start]
    count = int(count)
    if start + count > len(s):
        raise DotNetError(
            "Index and count must refer to a location within the string. (Parameter 'count')",
            "ArgumentOutOfRangeException",
        )
    return s[:start] + s[start + count :]


def _insert(s: str, index, value):
    index = int(index)
    if not 0 <= index <= len(s):
        raise DotNetError(
            "Specified argument was out of the range of valid values. (Parameter 'startIndex')",
            "ArgumentOutOfRangeException",
        )
    return s[:index] + string_of(value) + s[index:]


STRING_METHODS = {
    "toupper": lambda s, *c: s.upper(),
    "toupperinvariant": lambda s: s.upper(),
    "tolower": lambda s, *c: s.lower(),
    "tolowerinvariant": lambda s: s.lower(),
    "trim": _trim("both"),
    "trimstart": _trim("start"),
    "trimend": _trim("end"),
    "split": _split,
    "replace": _replace,
    "substring": _substring,
    "contains": lambda s, v, c=None: (string_of(v).lower() in s.lower()) if _ignore_case(c) else string_of(v) in s,
    "startswith": lambda s, v, c=None: (
        s.lower().startswith(string_of(v).lower()) if _ignore_case(c) else s.startswith(string_of(v))
    ),
    "endswith": lambda s, v, c=None: (
        s.lower().endswith(string_of(v).lower()) if _ignore_case(c) else s.endswith(string_of(v))
    ),
    "indexof": _index_of(False),
    "lastindexof": _index_of(True),
    "indexofany": lambda s, chars, start=0: min(
        (i for i in (s.find(c, int(start)) for c in _chars(chars)) if i >= 0), default=-1
    ),
    "padleft": _pad(True),
    "padright": _pad(False),
    "insert": _insert,
    "remove": _remove,
    "tochararray": lambda s: [Char(c) for c in s],
    "equals": lambda s, v, c=None: isinstance(v, str) and (s.lower() == v.lower() if _ignore_case(c) else s == v),
    "compareto": compare_to,
    "normalize": lambda s, form="FormC": unicodedata.normalize("NF" + string_of(form)[-1].upper(), s),
    "isnormalized": lambda s: unicodedata.is_normalized("NFC", s),
    "tostring": lambda s, *provider: s,
    "gethashcode": lambda s: hash(s) & 0x7FFFFFFF,
    "getenumerator": lambda s: [Char(c) for c in s],
    "chars": lambda s, i: Char(s[int(i)]),
}
