"""The small .NET value classes scripts construct: [version], ArrayList, List[T] and
StringBuilder.  Kept apart from PSType so the type table reads as a table of factories."""

from __future__ import annotations

import functools

from pscompat.values.convert.primitives import convert_to, to_number
from pscompat.values.convert.strings import to_string
from pscompat.values.methods.invoke import DotNetError

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
                raise DotNetError(
                    "Version string portion was too short or too long."
                    if not 2 <= len(pieces) <= 4
                    else f"The input string '{text}' was not in a correct format.",
                    "ArgumentException" if not 2 <= len(pieces) <= 4 else "FormatException",
                )
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
        if self._element == "System.Object":
            return item
        if item.__class__ is int and self._element == "System.Int32" and -2147483648 <= item <= 2147483647:
            return item  # already an Int32 (what convert_to gives back for it)
        return convert_to(item, self._element)

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

    def Append(self, value=None) -> StringBuilder:
        self._parts.append(to_string(value))
        return self

    def AppendLine(self, value="") -> StringBuilder:
        self._parts.append(to_string(value) + "\n")
        return self

    def Clear(self) -> StringBuilder:
        self._parts.clear()
        return self

    def ToString(self) -> str:
        return "".join(self._parts)
