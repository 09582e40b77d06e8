"""PowerShell's CLIXML (the format of Export-Clixml and remoting), written and read as
System.Management.Automation's serializer does (engine/serialization.cs):

- `<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">` holds one
  element per top-level object;
- primitives are elements named by type (`S`, `I32`, `I64`, `Db`, `B`, `DT`, `TS`, `G`, `By`, `C`,
  `D`, `Nil`, `BA`, `SS`, `SBK`, `Version`, `URI`), a property's name in the `N` attribute;
- other objects are `<Obj RefId>` with their type names (`<TN>`, repeated ones as `<TNRef>`), then
  `<ToString>`, the adapted properties (`<Props>`, one level less deep), the note properties
  (`<MS>`, same depth) and, for collections, `<LST>` or `<DCT>` of `<En>` Key/Value pairs; an object
  met again is a `<Ref>`;
- text is XML-escaped and control characters, surrogates and a `_` before `x` become `_xHHHH_`;
- a SecureString is `SS`: on Linux the hex of its UTF-16LE text, since there is no DPAPI
  (SecureStringHelper.Protect).  A file that holds one is created 0600.
Reading gives back primitives, hashtables, lists, PSCredentials (rehydrated, as pwsh's types
file asks) and, for everything else, property bags typed `Deserialized.<type>`.
"""

from __future__ import annotations

import base64
import datetime as _dt
import decimal
import math
import re
import uuid
from typing import Any
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.collections import ArrayList, Version
from pscompat.values.dotnet.integers import Byte, Int64
from pscompat.values.dotnet.secure import PSCredential, SecureString
from pscompat.values.objects.access import properties
from pscompat.values.objects.classes import Char, Hashtable, PSObject
from pscompat.values.objects.model import type_names

NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04"
_NS = "{" + NAMESPACE + "}"
_INT32 = range(-(2**31), 2**31)
_CUSTOM = "System.Management.Automation.PSCustomObject"

_ENCODE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]|_(?=[xX])")
_DECODE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def encode_text(text: str) -> str:
    """EncodeString: characters XML cannot carry as `_xHHHH_` (UTF-16 code units)."""

    def one(m: re.Match) -> str:
        return "".join(f"_x{unit:04X}_" for unit in _utf16_units(m.group(0)))

    return _ENCODE.sub(one, _split_astral(text))


def _split_astral(text: str) -> str:
    """Characters beyond the BMP as the two surrogates .NET strings hold them as."""
    if all(ord(c) < 0x10000 for c in text):
        return text
    out = []
    for c in text:
        code = ord(c)
        if code < 0x10000:
            out.append(c)
        else:
            code -= 0x10000
            out.append(chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF)))
    return "".join(out)


def _utf16_units(s: str) -> list[int]:
    return [ord(c) for c in s]


def decode_text(text: str) -> str:
    decoded = _DECODE.sub(lambda m: chr(int(m.group(1), 16)), text)
    # surrogate pairs back into one character
    return decoded.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _timespan_text(td: _dt.timedelta) -> str:
    """XmlConvert.ToString(TimeSpan): an xs:duration such as PT1H2M3.5S or -P1DT2H."""
    ticks = (td.days * 86400 + td.seconds) * 10_000_000 + td.microseconds * 10
    sign = "-" if ticks < 0 else ""
    ticks = abs(ticks)
    days, rest = divmod(ticks, 86400 * 10_000_000)
    hours, rest = divmod(rest, 3600 * 10_000_000)
    minutes, rest = divmod(rest, 60 * 10_000_000)
    seconds, fraction = divmod(rest, 10_000_000)
    out = f"{sign}P" + (f"{days}D" if days else "")
    time = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if seconds or fraction:
        time += f"{seconds}" + (f".{fraction:07d}".rstrip("0") if fraction else "") + "S"
    if time:
        out += "T" + time
    return out if out not in ("P", "-P") else "PT0S"


_DURATION = re.compile(
    r"(?P<sign>-)?P(?:(?P<d>\d+)D)?(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)(?:\.(?P<f>\d+))?S)?)?$"
)


def _parse_timespan(text: str) -> _dt.timedelta:
    m = _DURATION.match(text.strip())
    if not m:
        raise ValueError(f"'{text}' is not a valid duration")
    fraction = (m.group("f") or "0")[:7].ljust(7, "0")
    td = _dt.timedelta(
        days=int(m.group("d") or 0),
        hours=int(m.group("h") or 0),
        minutes=int(m.group("m") or 0),
        seconds=int(m.group("s") or 0),
        microseconds=int(fraction) // 10,
    )
    return -td if m.group("sign") else td


def _datetime_text(d: _dt.datetime) -> str:
    """XmlConvert.ToString(DateTime, RoundtripKind): local times carry their offset."""
    aware = d if d.tzinfo else d.astimezone()
    text = aware.strftime("%Y-%m-%dT%H:%M:%S")
    if aware.microsecond:
        text += f".{aware.microsecond * 10:07d}".rstrip("0")
    offset = aware.utcoffset() or _dt.timedelta(0)
    if d.tzinfo is _dt.timezone.utc:
        return text + "Z"
    sign = "-" if offset < _dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return text + f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _parse_datetime(text: str) -> _dt.datetime:
    text = text.strip()
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$", text)
    if not m:
        raise ValueError(f"'{text}' is not a valid date")
    base = _dt.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S")
    base = base.replace(microsecond=int((m.group(2) or "0")[:6].ljust(6, "0")))
    zone = m.group(3)
    if zone == "Z":
        return base.replace(tzinfo=_dt.timezone.utc)
    if zone:
        sign = -1 if zone[0] == "-" else 1
        offset = _dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])) * sign
        # a local time is read back as this machine's local time, as .NET does
        return base.replace(tzinfo=_dt.timezone(offset)).astimezone().replace(tzinfo=None)
    return base


def _double_text(x: float) -> str:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "INF" if x > 0 else "-INF"
    text = repr(x)
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace("e", "E")


class Writer:
    """Serializes objects to CLIXML text, one top-level element per `add`."""

    def __init__(self, depth: int = 2) -> None:
        self.depth = depth
        self.parts: list[str] = []
        self.ref_ids: dict[int, int] = {}
        self.keep_alive: list[Any] = []  # ids stay unique while the writer lives
        self.type_ids: dict[tuple, int] = {}
        self.holds_secret = False

    def text(self) -> str:
        return f'<Objs Version="1.1.0.1" xmlns="{NAMESPACE}">' + "".join(self.parts) + "</Objs>"

    def add(self, value: Any) -> None:
        self._write(value, None, self.depth)

    def _attr(self, name: str | None) -> str:
        return "" if name is None else f" N={quoteattr(encode_text(name))}"

    def _primitive(self, tag: str, name: str | None, content: str) -> None:
        self.parts.append(f"<{tag}{self._attr(name)}>{escape(content)}</{tag}>")

    def _write(self, value: Any, name: str | None, depth: int) -> None:
        if value is None:
            self.parts.append(f"<Nil{self._attr(name)} />")
            return
        if self._write_primitive(value, name):
            return
        key = id(value)
        if key in self.ref_ids:
            self.parts.append(f'<Ref{self._attr(name)} RefId="{self.ref_ids[key]}" />')
            return
        ref = self.ref_ids[key] = len(self.ref_ids)
        self.keep_alive.append(value)
        names = tuple(type_names(value))
        if isinstance(value, PSObject):
            self._open(name, ref, names, None if names and names[0] == _CUSTOM else to_string(value))
            self._member_set(value.properties(), depth)
        elif isinstance(value, dict):
            self._open(name, ref, names, None)
            self.parts.append("<DCT>")
            for k, v in value.items():
                self.parts.append("<En>")
                self._write(k, "Key", depth)
                self._write(v, "Value", depth)
                self.parts.append("</En>")
            self.parts.append("</DCT>")
        elif isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
            self._open(name, ref, names, None)
            self.parts.append("<LST>")
            for item in value:
                self._write(item, None, depth)
            self.parts.append("</LST>")
        elif depth <= 0:
            # past -Depth an object is its ToString() (HandlePSObjectAsString)
            del self.ref_ids[key]
            self._primitive("S", name, encode_text(to_string(value)))
            return
        else:
            self._open(name, ref, names, to_string(value))
            props = properties(value)
            if props:
                self.parts.append("<Props>")
                for prop, prop_value in props:
                    self._write(prop_value, prop, depth - 1)
                self.parts.append("</Props>")
        self.parts.append("</Obj>")

    def _open(self, name: str | None, ref: int, names: tuple, to_string_text: str | None) -> None:
        self.parts.append(f'<Obj{self._attr(name)} RefId="{ref}">')
        if names in self.type_ids:
            self.parts.append(f'<TNRef RefId="{self.type_ids[names]}" />')
        else:
            tn = self.type_ids[names] = len(self.type_ids)
            self.parts.append(f'<TN RefId="{tn}">' + "".join(f"<T>{escape(t)}</T>" for t in names) + "</TN>")
        if to_string_text is not None:
            self.parts.append(f"<ToString>{escape(encode_text(to_string_text))}</ToString>")

    def _member_set(self, members: list, depth: int) -> None:
        if not members:
            return
        self.parts.append("<MS>")
        for prop, prop_value in members:
            self._write(prop_value, prop, depth)
        self.parts.append("</MS>")

    def _write_primitive(self, value: Any, name: str | None) -> bool:
        if isinstance(value, str) and not isinstance(value, Char):
            self._primitive("S", name, encode_text(value))
        elif isinstance(value, Char):
            self._primitive("C", name, str(ord(value)))
        elif isinstance(value, bool):
            self._primitive("B", name, "true" if value else "false")
        elif isinstance(value, Byte):
            self._primitive("By", name, str(int(value)))
        elif isinstance(value, Int64) or (isinstance(value, int) and value not in _INT32):
            self._primitive("I64", name, str(int(value)))
        elif isinstance(value, int) and type(value) is int:
            self._primitive("I32", name, str(value))
        elif isinstance(value, float):
            self._primitive("Db", name, _double_text(value))
        elif isinstance(value, decimal.Decimal):
            self._primitive("D", name, str(value))
        elif isinstance(value, _dt.datetime):
            self._primitive("DT", name, _datetime_text(value))
        elif isinstance(value, _dt.timedelta):
            self._primitive("TS", name, _timespan_text(value))
        elif isinstance(value, uuid.UUID):
            self._primitive("G", name, str(value))
        elif isinstance(value, (bytes, bytearray)):
            self._primitive("BA", name, base64.b64encode(bytes(value)).decode("ascii"))
        elif isinstance(value, Version):
            self._primitive("Version", name, to_string(value))
        elif isinstance(value, SecureString):
            self.holds_secret = True
            self._primitive("SS", name, value.plain_text().encode("utf-16-le", "surrogatepass").hex())
        elif type_names(value)[0] == "System.Management.Automation.ScriptBlock":
            self._primitive("SBK", name, encode_text(to_string(value)))
        else:
            return False
        return True


def serialize(objects, depth: int = 2) -> tuple[str, bool]:
    """CLIXML text for the objects, and whether it holds a secret."""
    writer = Writer(depth)
    for obj in objects:
        writer.add(obj)
    return writer.text(), writer.holds_secret


class Reader:
    def __init__(self) -> None:
        self.refs: dict[str, Any] = {}
        self.types: dict[str, list[str]] = {}

    def read(self, text: str) -> list:
        root = ET.fromstring(text)
        if root.tag != _NS + "Objs":
            raise ValueError("The root element is not Objs")
        return [self.value(child) for child in root]

    def value(self, el: ET.Element) -> Any:
        tag = el.tag.replace(_NS, "")
        text = el.text or ""
        readers = {
            "S": lambda: decode_text(text),
            "C": lambda: Char(chr(int(text))),
            "B": lambda: text.strip().lower() == "true",
            "By": lambda: Byte(int(text)),
            "I16": lambda: int(text),
            "U16": lambda: int(text),
            "I32": lambda: int(text),
            "U32": lambda: int(text),
            "I64": lambda: Int64(int(text)),
            "U64": lambda: int(text),
            "SB": lambda: int(text),
            "Db": lambda: (
                {"NaN": math.nan, "INF": math.inf, "-INF": -math.inf}.get(text.strip())
                if text.strip() in ("NaN", "INF", "-INF")
                else float(text)
            ),
            "Sg": lambda: float(text),
            "D": lambda: decimal.Decimal(text),
            "DT": lambda: _parse_datetime(text),
            "TS": lambda: _parse_timespan(text),
            "G": lambda: uuid.UUID(text.strip()),
            "BA": lambda: list(base64.b64decode(text)),
            "Version": lambda: Version(text.strip()),
            "URI": lambda: decode_text(text),
            "SBK": lambda: decode_text(text),
            "Nil": lambda: None,
            "SS": lambda: _secure(text),
        }
        if tag in readers:
            return readers[tag]()
        if tag == "Ref":
            return self.refs.get(el.get("RefId", ""))
        if tag == "Obj":
            return self.obj(el)
        raise ValueError(f"Unknown element {tag}")

    def obj(self, el: ET.Element) -> Any:
        names: list[str] = []
        props: list[tuple[str, Any]] = []
        result: Any = None
        ref = el.get("RefId")
        primitive: Any = None
        has_primitive = False
        for child in el:
            tag = child.tag.replace(_NS, "")
            if tag == "TN":
                names = [t.text or "" for t in child]
                self.types[child.get("RefId", "")] = names
            elif tag == "TNRef":
                names = self.types.get(child.get("RefId", ""), [])
            elif tag == "ToString":
                pass  # the original's text: a pscompat property bag prints its properties instead
            elif tag == "LST" or tag == "IE" or tag == "STK" or tag == "QUE":
                result = ArrayList([])
                if ref is not None:
                    self.refs[ref] = result
                result.extend(self.value(item) for item in child)
            elif tag == "DCT":
                result = Hashtable()
                if ref is not None:
                    self.refs[ref] = result
                for entry in child:
                    key = value = None
                    for kv in entry:
                        if kv.get("N") == "Key":
                            key = self.value(kv)
                        elif kv.get("N") == "Value":
                            value = self.value(kv)
                    result[key] = value
            elif tag in ("Props", "MS"):
                for member in child:
                    props.append((decode_text(member.get("N") or ""), self.value(member)))
            else:
                primitive, has_primitive = self.value(child), True
        if result is not None:
            return result
        if names and names[0] == "System.Management.Automation.PSCredential":
            found = dict(props)
            password = found.get("Password")
            if isinstance(password, SecureString):
                result = PSCredential(to_string(found.get("UserName")), password)
        if result is None and has_primitive and not props:
            result = primitive  # an enum or a wrapped primitive: its value
        if result is None:
            deserialized = [n if n.startswith("Deserialized.") else "Deserialized." + n for n in names] or None
            result = PSObject(props, type_names=deserialized)
        if ref is not None:
            self.refs[ref] = result
        return result


def _secure(text: str) -> SecureString:
    secret = SecureString(bytes.fromhex(text.strip()).decode("utf-16-le", "surrogatepass"))
    secret.MakeReadOnly()
    return secret


def deserialize(text: str) -> list:
    return Reader().read(text)


HEADER = f'<Objs Version="1.1.0.1" xmlns="{NAMESPACE}">'
FOOTER = "</Objs>"
