""".NET types PowerShell's own tests and real scripts call that had no stand-in yet, measured by
tools/pwsh-tests (docs/pwsh-tests.md): System.Diagnostics.Stopwatch, System.Tuple,
System.DBNull, AutomationNull, System.Text.Encoding, System.BitConverter,
System.Threading.Thread, System.Net.IPAddress, HashSet[T] and Dictionary[K,V], more of
System.IO.Path, and [object]::ReferenceEquals/Equals.  Behaviour from the .NET documentation of
each member (learn.microsoft.com/dotnet/api); type_literals registers the tables below.
"""

from __future__ import annotations

import datetime as _dt
import ipaddress
import os
import random
import string
import tempfile
import time
from typing import Any

from pscompat.errors import PSError
from pscompat.values.convert.strings import to_string


class Stopwatch:
    PS_TYPE_NAMES = ("System.Diagnostics.Stopwatch", "System.Object")
    PS_PROPERTIES = ("IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks")

    def __init__(self) -> None:
        self._total = 0.0
        self._started: float | None = None

    def _seconds(self) -> float:
        running = time.perf_counter() - self._started if self._started is not None else 0.0
        return self._total + running

    @property
    def IsRunning(self) -> bool:
        return self._started is not None

    @property
    def Elapsed(self) -> _dt.timedelta:
        return _dt.timedelta(seconds=self._seconds())

    @property
    def ElapsedMilliseconds(self) -> int:
        return int(self._seconds() * 1000)

    @property
    def ElapsedTicks(self) -> int:
        return int(self._seconds() * 10_000_000)

    def Start(self) -> None:
        if self._started is None:
            self._started = time.perf_counter()

    def Stop(self) -> None:
        if self._started is not None:
            self._total += time.perf_counter() - self._started
            self._started = None

    def Reset(self) -> None:
        self._total, self._started = 0.0, None

    def Restart(self) -> None:
        self._total, self._started = 0.0, time.perf_counter()

    def ToString(self) -> str:
        return "System.Diagnostics.Stopwatch"


def _start_new(*_: Any) -> Stopwatch:  # *_: a method, not a property (type_literals)
    watch = Stopwatch()
    watch.Start()
    return watch


class Tuple:
    """System.Tuple`N: Item1..ItemN, indexable as ITuple ($t[0], $t[-1], $t[0..1])."""

    def __init__(self, *items: Any) -> None:
        self._items = tuple(items)
        for i, item in enumerate(items, 1):
            setattr(self, f"Item{i}", item)

    @property
    def PS_TYPE_NAMES(self) -> tuple:
        return (f"System.Tuple`{len(self._items)}", "System.Object")

    @property
    def Length(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        i = int(index)
        return self._items[i] if -len(self._items) <= i < len(self._items) else None

    def ToString(self) -> str:
        return "(" + ", ".join(to_string(i) for i in self._items) + ")"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tuple) and self._items == other._items

    def __hash__(self) -> int:
        return hash(self._items)


def _tuple_create(*items: Any) -> Tuple:
    if not 1 <= len(items) <= 8:
        raise PSError(
            f'Cannot find an overload for "Create" and the argument count: "{len(items)}".',
            "MethodCountCouldNotFindBest",
            category="InvalidOperation",
        )
    return Tuple(*items)


class DBNull:
    PS_TYPE_NAMES = ("System.DBNull", "System.Object")

    def ToString(self) -> str:
        return ""

    def __str__(self) -> str:
        return ""


DBNULL = DBNull()


class Encoding:
    PS_PROPERTIES = ("EncodingName", "WebName", "CodePage")

    def __init__(self, codec: str, web_name: str, name: str, code_page: int, bom: bytes = b"") -> None:
        self._codec = codec
        self.WebName = web_name
        self.EncodingName = name
        self.CodePage = code_page
        self._bom = bom

    @property
    def PS_TYPE_NAMES(self) -> tuple:
        return (f"System.Text.{self.EncodingName.replace('-', '').replace(' ', '')}Encoding", "System.Text.Encoding")

    def GetBytes(self, text: Any) -> list:
        if isinstance(text, (list, tuple)):
            text = "".join(to_string(c) for c in text)
        return list(to_string(text).encode(self._codec, errors="replace"))

    def GetString(self, data: Any, index: Any = 0, count: Any = None) -> str:
        raw = bytes(int(b) & 0xFF for b in (data if isinstance(data, (list, tuple, bytes)) else [data]))
        start = int(index)
        end = len(raw) if count is None else start + int(count)
        return raw[start:end].decode(self._codec, errors="replace")

    def GetByteCount(self, text: Any) -> int:
        return len(self.GetBytes(text))

    def GetPreamble(self) -> list:
        return list(self._bom)

    def ToString(self) -> str:
        return self.PS_TYPE_NAMES[0]


_ENCODINGS = {
    "utf8": Encoding("utf-8", "utf-8", "Unicode (UTF-8)", 65001, b"\xef\xbb\xbf"),
    "ascii": Encoding("ascii", "us-ascii", "US-ASCII", 20127),
    "unicode": Encoding("utf-16-le", "utf-16", "Unicode", 1200, b"\xff\xfe"),
    "bigendianunicode": Encoding("utf-16-be", "utf-16BE", "Unicode (Big-Endian)", 1201, b"\xfe\xff"),
    "utf32": Encoding("utf-32-le", "utf-32", "Unicode (UTF-32)", 12000, b"\xff\xfe\x00\x00"),
    "latin1": Encoding("latin-1", "iso-8859-1", "Western European (ISO)", 28591),
}


def _get_encoding(name: Any) -> Encoding:
    key = to_string(name).lower().replace("-", "")
    aliases = {"utf8": "utf8", "usascii": "ascii", "ascii": "ascii", "utf16": "unicode", "unicode": "unicode"}
    aliases.update({"utf32": "utf32", "iso88591": "latin1", "latin1": "latin1", "65001": "utf8", "1200": "unicode"})
    found = _ENCODINGS.get(aliases.get(key, ""))
    if found is None:
        raise PSError(
            f"'{to_string(name)}' is not a supported encoding name.", "ArgumentException", category="InvalidArgument"
        )
    return found


def _bit_to_string(data: Any, start: Any = 0, length: Any = None) -> str:
    raw = [int(b) & 0xFF for b in (data if isinstance(data, (list, tuple, bytes)) else [data])]
    first = int(start)
    last = len(raw) if length is None else first + int(length)
    return "-".join(f"{b:02X}" for b in raw[first:last])


def _bit_get_bytes(value: Any) -> list:
    if isinstance(value, bool):
        return [1 if value else 0]
    if isinstance(value, float):
        import struct

        return list(struct.pack("<d", value))
    n = int(value)
    size = 4 if -(2**31) <= n < 2**31 else 8
    return list(n.to_bytes(size, "little", signed=True))


class IPAddress:
    PS_TYPE_NAMES = ("System.Net.IPAddress", "System.Object")
    PS_PROPERTIES = ("AddressFamily", "IPAddressToString")

    def __init__(self, address: Any) -> None:
        self._address = address

    @property
    def AddressFamily(self) -> str:
        return "InterNetwork" if self._address.version == 4 else "InterNetworkV6"

    @property
    def IPAddressToString(self) -> str:
        return str(self._address)

    @property
    def IsIPv6LinkLocal(self) -> bool:
        return self._address.version == 6 and self._address.is_link_local

    def GetAddressBytes(self) -> list:
        return list(self._address.packed)

    def ToString(self) -> str:
        return str(self._address)

    def __str__(self) -> str:
        return str(self._address)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IPAddress) and self._address == other._address

    def __hash__(self) -> int:
        return hash(self._address)


def _ip_parse(text: Any) -> IPAddress:
    try:
        return IPAddress(ipaddress.ip_address(to_string(text).strip()))
    except ValueError:
        raise PSError(
            'Exception calling "Parse" with "1" argument(s): "An invalid IP address was specified."',
            "FormatException",
            category="InvalidArgument",
        ) from None


def _ip_new(full: str, value: Any) -> IPAddress:
    if isinstance(value, (list, tuple)):
        return IPAddress(ipaddress.ip_address(bytes(int(b) & 0xFF for b in value)))
    return IPAddress(_little(int(value)))


def _little(n: int) -> ipaddress.IPv4Address:
    """new IPAddress(long): the address's bytes in network order are the long's, low byte first."""
    return ipaddress.IPv4Address((n & 0xFFFFFFFF).to_bytes(4, "little"))


class HashSet(list):
    """HashSet[T]: unique items; Add tells whether it added (list-backed: small sets, keeps order)."""

    PS_TYPE_NAMES = ("System.Collections.Generic.HashSet`1", "System.Object")

    def Add(self, item: Any) -> bool:
        if item in self:
            return False
        self.append(item)
        return True

    def Contains(self, item: Any) -> bool:
        return item in self

    def Remove(self, item: Any) -> bool:
        if item in self:
            super().remove(item)
            return True
        return False

    def UnionWith(self, items: Any) -> None:
        for item in items if isinstance(items, (list, tuple)) else [items]:
            self.Add(item)

    def IntersectWith(self, items: Any) -> None:
        keep = list(items) if isinstance(items, (list, tuple)) else [items]
        self[:] = [i for i in self if i in keep]

    def ExceptWith(self, items: Any) -> None:
        drop = list(items) if isinstance(items, (list, tuple)) else [items]
        self[:] = [i for i in self if i not in drop]

    @property
    def Count(self) -> int:
        return len(self)


class Dictionary(dict):
    """Dictionary[K,V]: a case-sensitive dictionary (the default comparer is ordinal)."""

    PS_TYPE_NAMES = ("System.Collections.Generic.Dictionary`2", "System.Object")

    def Add(self, key: Any, value: Any) -> None:
        if key in self:
            raise PSError(
                'Exception calling "Add" with "2" argument(s): "An item with the same key has already been added. '
                f'Key: {to_string(key)}"',
                "ArgumentException",
                category="InvalidArgument",
            )
        self[key] = value

    def ContainsKey(self, key: Any) -> bool:
        return key in self

    def ContainsValue(self, value: Any) -> bool:
        return value in self.values()

    def Remove(self, key: Any) -> bool:
        return self.pop(key, _MISSING) is not _MISSING

    @property
    def Keys(self) -> list:
        return list(self.keys())

    @property
    def Values(self) -> list:
        return list(self.values())

    @property
    def Count(self) -> int:
        return len(self)


_MISSING = object()


def _random_file_name(*_: Any) -> str:
    chars = string.ascii_lowercase + string.digits
    return "".join(random.choice(chars) for _ in range(8)) + "." + "".join(random.choice(chars) for _ in range(3))


def _temp_file_name(*_: Any) -> str:
    handle, path = tempfile.mkstemp(prefix="tmp", suffix=".tmp")
    os.close(handle)
    return path


def _change_extension(path: Any, ext: Any) -> str | None:
    if path is None:
        return None
    text = to_string(path)
    root, _old = os.path.splitext(text)
    if ext is None:
        return root
    new = to_string(ext)
    if new and not new.startswith("."):
        new = "." + new
    return root + new


def _sleep(ms: Any) -> None:
    value = ms.total_seconds() if isinstance(ms, _dt.timedelta) else int(ms) / 1000
    time.sleep(max(0.0, value))


class _CurrentThread:
    PS_TYPE_NAMES = ("System.Threading.Thread", "System.Object")

    @property
    def ManagedThreadId(self) -> int:
        import threading

        return threading.get_ident() % 100000

    @property
    def CurrentCulture(self) -> Any:
        return None


SURFACE_STATICS: dict[str, dict[str, Any]] = {
    "System.Diagnostics.Stopwatch": {
        "StartNew": _start_new,
        "GetTimestamp": lambda *_: int(time.perf_counter() * 10_000_000),
        "Frequency": 10_000_000,
        "IsHighResolution": True,
    },
    "System.Tuple": {"Create": _tuple_create},
    "System.DBNull": {"Value": DBNULL},
    "System.Management.Automation.Internal.AutomationNull": {"Value": None},
    "System.Text.Encoding": {
        "UTF8": _ENCODINGS["utf8"],
        "ASCII": _ENCODINGS["ascii"],
        "Unicode": _ENCODINGS["unicode"],
        "BigEndianUnicode": _ENCODINGS["bigendianunicode"],
        "UTF32": _ENCODINGS["utf32"],
        "Latin1": _ENCODINGS["latin1"],
        "Default": _ENCODINGS["utf8"],
        "GetEncoding": _get_encoding,
    },
    "System.BitConverter": {
        "ToString": _bit_to_string,
        "GetBytes": _bit_get_bytes,
        "IsLittleEndian": True,
        "ToInt32": lambda data, start=0: int.from_bytes(
            bytes(data[int(start) : int(start) + 4]), "little", signed=True
        ),
        "ToInt64": lambda data, start=0: int.from_bytes(
            bytes(data[int(start) : int(start) + 8]), "little", signed=True
        ),
    },
    "System.Threading.Thread": {"Sleep": _sleep, "CurrentThread": _CurrentThread()},
    "System.Net.IPAddress": {
        "Parse": _ip_parse,
        "Loopback": IPAddress(ipaddress.ip_address("127.0.0.1")),
        "IPv6Loopback": IPAddress(ipaddress.ip_address("::1")),
        "Any": IPAddress(ipaddress.ip_address("0.0.0.0")),
        "IPv6Any": IPAddress(ipaddress.ip_address("::")),
        "Broadcast": IPAddress(ipaddress.ip_address("255.255.255.255")),
        "None": IPAddress(ipaddress.ip_address("255.255.255.255")),
    },
    "System.Object": {
        "ReferenceEquals": lambda a, b: a is b,
        "Equals": lambda a, b: a == b,
    },
}

PATH_STATICS: dict[str, Any] = {
    "GetRandomFileName": _random_file_name,
    "GetTempFileName": _temp_file_name,
    "ChangeExtension": _change_extension,
    "HasExtension": lambda p: bool(os.path.splitext(to_string(p))[1]),
    "GetPathRoot": lambda p: "/" if to_string(p).startswith(("/", "\\")) else "",
    "GetInvalidFileNameChars": lambda *_: ["\x00", "/"],
    "GetInvalidPathChars": lambda *_: ["\x00"],
    "Join": lambda *parts: "/".join(to_string(p).rstrip("/") for p in parts if p not in (None, "")),
    "AltDirectorySeparatorChar": "/",
    "VolumeSeparatorChar": "/",
}

SURFACE_CONSTRUCTORS: dict[str, Any] = {
    "System.Diagnostics.Stopwatch": lambda full: Stopwatch(),
    "System.Net.IPAddress": _ip_new,
    "System.Collections.Generic.HashSet": lambda full, items=(): _new_hashset(items),
    "System.Collections.Generic.Dictionary": lambda full, *rest: Dictionary(),
}


def _new_hashset(items: Any) -> HashSet:
    found = HashSet()
    for item in items if isinstance(items, (list, tuple)) else ():
        found.Add(item)
    return found


SURFACE_TYPES = (
    "System.Diagnostics.Stopwatch",
    "System.Tuple",
    "System.DBNull",
    "System.Management.Automation.Internal.AutomationNull",
    "System.Text.Encoding",
    "System.BitConverter",
    "System.Threading.Thread",
    "System.Net.IPAddress",
    "System.Collections.Generic.HashSet",
    "System.Collections.Generic.Dictionary",
)
