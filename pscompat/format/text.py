"""Text primitives of PowerShell's formatter: display cells, truncation, line wrapping, and the
string a value shows inside a table cell or list entry.

Ported from PowerShell's FormatAndOutput code (PS: src/System.Management.Automation/
FormatAndOutput/common/ComplexWriter.cs `StringManipulationHelper`, Utilities/MshObjectUtil.cs
`PSObjectHelper.SmartToString`, FormatViewManager.cs `DefaultScalarTypes`), so that widths,
`…` truncation and `{1, 2, 3…}` collections come out exactly as PowerShell prints them.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import math
import unicodedata
from typing import Any

from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet_format.dates import format_datetime
from pscompat.values.dotnet_format.numbers import double_to_string
from pscompat.values.objects.classes import Char, PSObject
from pscompat.values.objects.model import type_names

ELLIPSIS = "\u2026"
DEFAULT_ENUMERATION_LIMIT = 4  # $FormatEnumerationLimit


# --------------------------------------------------------------------------------------------
# Display cells: East Asian wide characters take two columns (PS: DisplayCells.Length).


def char_cells(ch: str) -> int:
    if ch < "\u1100":  # fast path: everything below Hangul Jamo is one cell (or zero)
        return 0 if ch in "\u200b" or unicodedata.combining(ch) else 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(char_cells(c) for c in text)


def take_cells(text: str, width: int) -> str:
    """The longest prefix of text that fits in `width` cells (PS: DisplayCells.TruncateTail)."""
    if cells(text) <= width:
        return text
    used = 0
    for i, ch in enumerate(text):
        used += char_cells(ch)
        if used > width:
            return text[:i]
    return text


def take_cells_from_end(text: str, width: int) -> str:
    """The longest suffix of text that fits in `width` cells (PS: DisplayCells.TruncateHead)."""
    if cells(text) <= width:
        return text
    used = 0
    for i in range(len(text) - 1, -1, -1):
        used += char_cells(text[i])
        if used > width:
            return text[i + 1 :]
    return text


# --------------------------------------------------------------------------------------------
# Lines


def split_lines(text: str) -> list[str]:
    """PS StringManipulationHelper.SplitLines: split on '\\n', dropping every '\\r'."""
    if not text:
        return [text]
    return text.replace("\r", "").split("\n")


def truncate_at_newline(text: str) -> str:
    """A table cell without -Wrap shows only its first line, followed by '…'."""
    if not text:
        return ""
    cut = min((i for i in (text.find("\n"), text.find("\r")) if i >= 0), default=-1)
    return text if cut < 0 else text[:cut] + ELLIPSIS


def _words(line: str):
    """(word, delimiter) pairs; a word keeps its trailing blank (PS GetWords)."""
    word = []
    for ch in line:
        if ch in " \t":
            yield "".join(word), ch
            word = []
        else:  # hard hyphens and no-break spaces stay inside the word
            word.append(ch)
    yield "".join(word), ""


def wrap_lines(text: str, first_width: int, following_width: int | None = None) -> list[str]:
    """PS GenerateLinesWithWordWrap (English and other word-wrapping cultures): each source
    line is broken at blanks to fit; a word longer than a whole line is cut by characters."""
    following_width = first_width if following_width is None else following_width
    if not text:
        return [text]
    out: list[str] = []
    for line in split_lines(text):
        if cells(line) <= first_width:
            out.append(line)
            continue
        spaces_left = line_width = first_width
        first = True
        current: list[str] = []
        for word, delim in _words(line):
            piece = word + delim
            width = cells(piece)
            if line_width == 0:
                if first:
                    first = False
                    line_width = following_width
                if line_width == 0:
                    break
                spaces_left = line_width
            if width > line_width:  # the word alone does not fit a line: cut it by characters
                for ch in piece:
                    w = char_cells(ch)
                    if w > line_width:
                        ch, w = "?", 1
                    if w > spaces_left:
                        out.append("".join(current))
                        current = [ch]
                        if first:
                            first = False
                            line_width = following_width
                        spaces_left = line_width - w
                    else:
                        current.append(ch)
                        spaces_left -= w
            elif width > spaces_left:
                out.append("".join(current))
                current = [piece]
                if first:
                    first = False
                    line_width = following_width
                spaces_left = line_width - width
            else:
                current.append(piece)
                spaces_left -= width
        out.append("".join(current))
    return out


# --------------------------------------------------------------------------------------------
# Values


_SCALAR_TYPES = frozenset(
    {
        "System.String",
        "System.SByte",
        "System.Byte",
        "System.Int16",
        "System.UInt16",
        "System.Int32",
        "System.UInt32",
        "System.Int64",
        "System.UInt64",
        "System.Char",
        "System.Single",
        "System.Double",
        "System.Boolean",
        "System.Decimal",
        "System.IntPtr",
        "System.Security.SecureString",
        "System.Numerics.BigInteger",
    }
)


def is_scalar(value: Any) -> bool:
    """DefaultScalarTypes: shown by their string form, never as a table or list."""
    if isinstance(value, (str, bool, int, float, decimal.Decimal, enum.Enum)):
        return True
    names = type_names(value)
    return bool(names) and (names[0] in _SCALAR_TYPES or "System.Enum" in names)


def is_right_aligned(value: Any) -> bool:
    """A table column is right-aligned when its first value is a non-string scalar
    (PS FormatViewGenerator_Table.ComputeDefaultAlignment)."""
    if isinstance(value, Char):  # System.Char is a scalar type, not System.String
        return True
    return value is not None and not isinstance(value, str) and is_scalar(value)


def is_collection(value: Any) -> bool:
    """What SmartToString enumerates: arrays and other IEnumerables, and dictionaries too."""
    if isinstance(value, (str, bytes, PSObject)):
        return False
    if isinstance(value, (list, tuple)):
        return not hasattr(value, "_fields")
    return isinstance(value, (dict, set, frozenset, range))


def _element_name(x: Any) -> str:
    # PS PSObjectHelper.GetObjectName: $null shows as '$null'; anything else as its
    # (current-culture) ToString().
    if x is None:
        return "$null"
    return culture_string(x)


def culture_string(value: Any) -> str:
    """The text formatting shows for a non-collection value: PSObject.ToString() with the
    current culture (en-US), not the invariant "$x" conversion -- so a DateTime in a cell is
    '5/22/2015 12:00:00 AM' (DateTime.ToString() under en-US, pattern 'G')."""
    if isinstance(value, _dt.datetime):
        return format_datetime(value, "G")
    if type(value) is float:
        return double_to_string(value, invariant=False)
    if isinstance(value, PSObject):
        return _psobject_text(value)
    return to_string(value)


def _psobject_text(obj: PSObject) -> str:
    """PSObject.ToStringEmptyBaseObject: '@{a=1; b=x}' with each value's own ToString under
    the current culture (collections not expanded); no properties at all is the empty string."""
    props = obj.properties()
    if not props:
        return ""
    return "@{" + "; ".join(f"{name}={_net_string(v)}" for name, v in props) + "}"


def _net_string(value: Any) -> str:
    """.NET's own Object.ToString() (no PowerShell adaptation): what KeyValuePair.PairToString
    shows for a DictionaryEntry's key and value."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return "System.Object[]"
    if isinstance(value, dict) and not isinstance(value, PSObject):
        return type_names(value)[0] if type_names(value) else "System.Collections.Hashtable"
    return culture_string(value)


def entry_text(key: Any, value: Any) -> str:
    # A Hashtable enumerates DictionaryEntry values, whose ToString() (.NET Core 2.0+) is
    # '[key, value]' -- so @{a=1} in a cell shows '{[a, 1]}'.
    return f"[{_net_string(key)}, {_net_string(value)}]"


def display_string(value: Any, enumeration_limit: int = DEFAULT_ENUMERATION_LIMIT, table: bool = False) -> str:
    """PS SmartToString: collections as '{a, b, c, d…}' (at most $FormatEnumerationLimit
    items; a negative limit means all), floats in tables with two decimals ('F'), else the
    value's string form."""
    if value is None:
        return ""
    if is_collection(value):
        if isinstance(value, dict):
            items = [entry_text(k, v) for k, v in _limited(value.items(), enumeration_limit)]
        else:
            items = [_element_name(x) for x in _limited(value, enumeration_limit)]
        more = enumeration_limit >= 0 and _longer_than(value, enumeration_limit)
        items = items[:enumeration_limit] if enumeration_limit >= 0 else items
        return "{" + ", ".join(items) + (ELLIPSIS if more else "") + "}"
    if table and isinstance(value, (float, decimal.Decimal)) and not isinstance(value, bool):
        return _fixed_two(value)
    return culture_string(value)


def _limited(value, limit: int):
    if limit < 0:
        return list(value)
    out = []
    for x in value:
        if len(out) == limit:
            break
        out.append(x)
    return out


def _longer_than(value, limit: int) -> bool:
    try:
        return len(value) > limit
    except TypeError:
        return sum(1 for _ in value) > limit


def _fixed_two(value) -> str:
    """.NET ToString("F"): two decimals, midpoint away from zero on the exact value."""
    if isinstance(value, float) and not math.isfinite(value):
        return to_string(value)
    q = decimal.Decimal(value).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    return format(q, "f")  # .NET Core 3+ keeps the sign of a negative value rounded to zero
