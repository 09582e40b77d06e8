"""ConvertTo-Json and ConvertFrom-Json (PS: src/Microsoft.PowerShell.Commands.Utility/commands/
utility/WebCmdlet/JsonObject.cs, ConvertToJsonCommand.cs, ConvertFromJsonCommand.cs).

ConvertTo-Json pre-processes the object graph as PowerShell does (objects deeper than -Depth
become their string form, with one warning) and then writes Newtonsoft.Json's layout: two-space
indentation, `"name": value`, doubles always with a decimal point.
ConvertFrom-Json keeps property order (PSCustomObject), reads integers as Int64 and ISO 8601
date strings as DateTime, as Newtonsoft's reader does.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import json
import re
import sys
import uuid

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.runtime import is_enumerable
from pscompat.values.dotnet.integers import Int64
from pscompat.values.dotnet.uri import Uri
from pscompat.values.objects.access import properties
from pscompat.values.objects.classes import PSObject, is_dictionary


class _Context:
    def __init__(self, cmd, depth: int, enums_as_strings: bool, escape: str):
        self.cmd, self.depth, self.enums_as_strings, self.escape = cmd, depth, enums_as_strings, escape
        self.warned = False


def _to_string(value) -> str:
    from pscompat.values.convert.strings import to_string

    return to_string(value)


def process_value(obj, depth: int, ctx: _Context):
    """JsonObject.ProcessValue: a tree of dict/list/scalars ready to be written."""
    if obj is None:
        return None
    if isinstance(obj, (str, bool, float, decimal.Decimal, _dt.datetime)):
        return obj
    if isinstance(obj, enum.Enum):
        return obj.name if ctx.enums_as_strings else obj.value
    if isinstance(obj, int):
        return obj
    from pscompat.values.objects.classes import Char

    if isinstance(obj, Char):
        return str(obj)
    if isinstance(obj, uuid.UUID):  # Guid and Uri are written as strings, as Newtonsoft.Json writes them
        return str(obj)
    if isinstance(obj, Uri):
        return obj.OriginalString
    if depth > ctx.depth:
        if not ctx.warned and ctx.cmd is not None:
            ctx.warned = True
            ctx.cmd.write_warning(
                f"Resulting JSON is truncated as serialization has exceeded the set depth of {ctx.depth}."
            )
        return _to_string(obj) if isinstance(obj, PSObject) else _dotnet_string(obj)
    if isinstance(obj, PSObject):
        return {name: process_value(value, depth + 1, ctx) for name, value in obj.properties()}
    if is_dictionary(obj):
        result = {}
        for key, value in obj.items():
            if not isinstance(key, str):
                ctx.cmd.throw_terminating(
                    f"The type '{_type_name(obj)}' is not supported for serialization or deserialization "
                    f"of a dictionary. Keys must be strings.",
                    "NonStringKeyInDictionary",
                    "InvalidOperation",
                    obj,
                )
            result[key] = process_value(value, depth + 1, ctx)
        return result
    if is_enumerable(obj):
        return [process_value(v, depth + 1, ctx) for v in obj]
    if isinstance(obj, _dt.timedelta):
        return {name: process_value(value, depth + 1, ctx) for name, value in properties(obj)}
    props = properties(obj)
    return {name: process_value(value, depth + 1, ctx) for name, value in props}


def _type_name(obj) -> str:
    from pscompat.values.objects.model import type_names

    names = type_names(obj)
    return names[0] if names else "System.Object"


def _dotnet_string(obj) -> str:
    """LanguagePrimitives.ConvertTo(obj, string) for an object past the depth limit."""
    return _to_string(obj)


# --- writing: Newtonsoft.Json's text -------------------------------------------------------------
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_DEFAULT_ESCAPE = re.compile('["\\\\\x00-\x1f\x85\u2028\u2029]')
_HTML_ESCAPE = re.compile("[\"\\\\\x00-\x1f\x85\u2028\u2029<>&'\u007f-\uffff]")
_NON_ASCII_ESCAPE = re.compile('["\\\\\x00-\x1f\u007f-\uffff]')


def _escape_char(m) -> str:
    ch = m.group(0)
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def json_string(text: str, escape: str = "Default") -> str:
    rx = {"escapehtml": _HTML_ESCAPE, "escapenonascii": _NON_ASCII_ESCAPE}.get(escape.lower(), _DEFAULT_ESCAPE)
    return '"' + rx.sub(_escape_char, text) + '"'


def json_number(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return '"NaN"' if value != value else ('"Infinity"' if value > 0 else '"-Infinity"')
        from pscompat.values.convert.strings import format_double

        text = format_double(value)
    else:
        text = str(value)
    # Newtonsoft's EnsureDecimalPlace: 1.0 stays 1.0, never 1.
    if not any(c in text for c in ".eE"):
        text += ".0"
    return text


def json_datetime(d: _dt.datetime) -> str:
    text = d.strftime("%Y-%m-%dT%H:%M:%S")
    if d.microsecond:  # .NET's "FFFFFFF": seven digits, trailing zeros dropped
        text += "." + f"{d.microsecond * 10:07d}".rstrip("0")
    if d.tzinfo is not None:
        offset = d.utcoffset()
        if offset == _dt.timedelta(0) and d.tzinfo is _dt.timezone.utc:
            text += "Z"
        else:
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            minutes = abs(minutes)
            text += f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return '"' + text + '"'


def write_json(value, compress: bool, escape: str = "Default", indent: int = 0) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return json_string(value, escape)
    if isinstance(value, (bool, int, float, decimal.Decimal)):
        return json_number(value)
    if isinstance(value, _dt.datetime):
        return json_datetime(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        if compress:
            return (
                "{"
                + ",".join(json_string(k, escape) + ":" + write_json(v, True, escape) for k, v in value.items())
                + "}"
            )
        pad = "  " * (indent + 1)
        items = [
            pad + json_string(k, escape) + ": " + write_json(v, False, escape, indent + 1) for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if compress:
            return "[" + ",".join(write_json(v, True, escape) for v in value) + "]"
        pad = "  " * (indent + 1)
        items = [pad + write_json(v, False, escape, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + "  " * indent + "]"
    return json_string(_to_string(value), escape)


@cmdlet(
    "ConvertTo-Json",
    synopsis="Converts an object to a JSON-formatted string.",
    description="Serializes the input (several pipeline objects become one JSON array) with "
    "-Depth levels of nesting (default 2); deeper objects are written as strings.",
    examples=(
        ("@{a=1; b=@(1,2)} | ConvertTo-Json -Compress", '{"a":1,"b":[1,2]}'),
        ("[pscustomobject]@{Name='x'} | ConvertTo-Json", "An indented JSON object."),
        ("1 | ConvertTo-Json -AsArray", "[1] as a JSON array."),
    ),
)
class ConvertToJson(Cmdlet):
    """Converts an object to a JSON-formatted string."""

    parameters = (
        Parameter("InputObject", "object", position=0, mandatory=True, pipeline=True, allow_null=True),
        Parameter("Depth", "int", default=2),
        Parameter("Compress", "switch"),
        Parameter("EnumsAsStrings", "switch"),
        Parameter("AsArray", "switch"),
        Parameter("EscapeHandling", "string", validate_set=("Default", "EscapeNonAscii", "EscapeHtml")),
    )

    def begin(self):
        depth = self.bound.get("Depth", 2)
        if depth is not None and not 0 <= depth <= 100:
            bound = "less than the minimum" if depth < 0 else "greater than the maximum"
            limit = 0 if depth < 0 else 100
            rel = "greater than or equal to 0" if depth < 0 else "less than or equal to 100"
            self.throw_terminating(
                f"Cannot validate argument on parameter 'Depth'. The {depth} argument is {bound} allowed "
                f"range of {limit}. Supply an argument that is {rel} and then try the command again.",
                "ParameterArgumentValidationError",
                "InvalidData",
            )
        self._items = []

    def process(self):
        self._items.append(self.InputObject)

    def end(self):
        items = self._items
        if not items:
            return None
        obj = list(items) if len(items) > 1 or self.AsArray else items[0]
        escape = str(self.EscapeHandling or "Default")
        ctx = _Context(self, self.bound.get("Depth", 2), bool(self.EnumsAsStrings), escape)
        tree = process_value(obj, 0, ctx)
        return (write_json(tree, bool(self.Compress), escape),)


# --- ConvertFrom-Json ----------------------------------------------------------------------------
_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)


def _parse_date(text: str):
    """Newtonsoft's DateParseHandling.DateTime for ISO 8601 strings (RoundtripKind)."""
    m = _ISO_DATE.match(text)
    if m is None:
        return None
    year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
    second = int(m.group(6) or 0)
    micro = int((m.group(7) or "0").ljust(7, "0")[:6])
    try:
        value = _dt.datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None
    zone = m.group(8)
    if zone is None:
        return value
    if zone == "Z":
        return value.replace(tzinfo=_dt.timezone.utc)
    sign = 1 if zone[0] == "+" else -1
    digits = zone[1:].replace(":", "")
    offset = _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    # RoundtripKind turns an offset into local time, as .NET's DateTimeKind.Local.
    return value.replace(tzinfo=_dt.timezone(sign * offset)).astimezone()


class _Duplicate(Exception):
    pass


def _object_hook(as_hashtable: bool):
    def hook(pairs):
        if as_hashtable:
            # OrderedHashtable with the default (ordinal, case-sensitive) key comparer: keys
            # that differ only in case stay apart, the reason -AsHashtable exists
            table: dict = {}
            for key, value in pairs:
                if key in table:
                    raise _Duplicate(
                        f"Cannot convert the JSON string because a dictionary that was converted "
                        f"from the string contains the duplicated key '{key}'."
                    )
                table[key] = _convert(value)
            return table
        obj = PSObject()
        for key, value in pairs:
            if key == "":
                raise _Duplicate(
                    "The provided JSON includes a property whose name is an empty string, this is "
                    "only supported using the -AsHashTable switch."
                )
            if obj.has_property(key):
                existing = next(n for n in obj.property_names() if n.lower() == key.lower())
                if existing == key:
                    raise _Duplicate(
                        f"Cannot convert the JSON string because a dictionary that was converted "
                        f"from the string contains the duplicated key '{key}'."
                    )
                raise _Duplicate(
                    f"Cannot convert the JSON string because it contains keys with different "
                    f"casing. Please use the -AsHashTable switch instead. The key that was attempted "
                    f"to be added to the existing key '{existing}' was '{key}'."
                )
            obj.set_property(key, _convert(value))
        return obj

    return hook


def _convert(value):
    if isinstance(value, str):
        date = _parse_date(value)
        return value if date is None else date
    if isinstance(value, list):
        return [_convert(v) for v in value]
    if type(value) is int and _INT64_MIN <= value <= _INT64_MAX:
        return Int64(value)  # Json.NET reads every integer that fits as a long
    return value


_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def _nesting(text: str) -> int:
    """How deep the document's arrays and objects nest (strings left out)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def parse_json(text: str, as_hashtable: bool = False, max_depth: int = 1024):
    """JSON text to PowerShell values.  Documents nest up to -Depth (1024 by default, Json.NET's
    MaxDepth as ConvertFrom-Json sets it); Python's recursion limit is raised for the parse so a
    deep document is read instead of failing at Python's own limit of about 1,000."""
    # a document with few brackets can neither pass the limit nor need a deeper Python stack:
    # the scan is skipped for most documents
    depth = _nesting(text) if text.count("[") + text.count("{") > min(max_depth, 300) else 0
    if depth > max_depth:
        raise ValueError(f"The reader's MaxDepth of {max_depth} has been exceeded.")
    limit = sys.getrecursionlimit()
    needed = 3 * depth + 500  # the decoder, the object hook and _convert each recurse per level
    if needed > limit:
        sys.setrecursionlimit(needed)
    try:
        return _convert(
            json.loads(text, object_pairs_hook=_object_hook(as_hashtable), parse_constant=lambda c: float(c))
        )
    finally:
        if needed > limit:
            sys.setrecursionlimit(limit)


@cmdlet(
    "ConvertFrom-Json",
    synopsis="Converts a JSON-formatted string to a custom object or a hash table.",
    description="Parses JSON text (pipeline strings are joined with newlines first) into "
    "PSCustomObjects that keep the property order, or hashtables with -AsHashtable. "
    "A top-level array is written as one object unless -NoEnumerate is absent.",
    examples=(
        ('\'{"a":1,"b":[1,2]}\' | ConvertFrom-Json', "An object with a=1 and b=1,2."),
        ("'[1,2,3]' | ConvertFrom-Json", "The numbers 1, 2, 3."),
        ("Get-Content data.json -Raw | ConvertFrom-Json -AsHashtable", "A hashtable."),
    ),
)
class ConvertFromJson(Cmdlet):
    """Converts a JSON-formatted string to a custom object or a hash table."""

    parameters = (
        Parameter("InputObject", "string", position=0, mandatory=True, pipeline=True, allow_empty_string=True),
        Parameter("AsHashtable", "switch"),
        Parameter("Depth", "int", default=1024),
        Parameter("NoEnumerate", "switch"),
        Parameter("DateKind", "string", validate_set=("Default", "Local", "Utc", "Offset", "String")),
    )

    def begin(self):
        self._lines = []

    def process(self):
        value = self.InputObject
        if value is not None:
            self._lines.append(value)

    def end(self):
        # Several pipeline strings are either complete documents each, or the lines of one
        # document: PowerShell tries the first alone and falls back to joining them all.
        lines = self._lines
        if not lines:
            return None
        if len(lines) > 1:
            try:
                first = self._parse(lines[0])
            except ValueError:
                return self._emit(self._parse_or_fail("\n".join(lines)))
            out = list(self._emit(first))
            for line in lines[1:]:
                out.extend(self._emit(self._parse_or_fail(line)))
            return out
        return self._emit(self._parse_or_fail(lines[0]))

    def _parse(self, text):
        if not text.strip():
            return _EMPTY
        try:
            return parse_json(text, bool(self.AsHashtable), int(self.Depth if self.Depth is not None else 1024))
        except _Duplicate as exc:
            self.throw_terminating(str(exc), "System.InvalidOperationException", "InvalidOperation")

    def _parse_or_fail(self, text):
        try:
            return self._parse(text)
        except (ValueError, RecursionError) as exc:
            self.throw_terminating(
                f"Conversion from JSON failed with error: {exc}", "System.ArgumentException", "ParserError"
            )

    def _emit(self, result):
        if result is _EMPTY:
            return ()
        if isinstance(result, list) and not self.NoEnumerate:
            return result
        return (result,)


_EMPTY = object()
