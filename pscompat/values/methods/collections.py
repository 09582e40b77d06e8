"""Instance methods of numbers, arrays/lists, dictionaries (with DictionaryEntry) and
PSObjects: the .NET surface of Python's built-in containers."""

from __future__ import annotations

import decimal

from pscompat.errors import PSError
from pscompat.values.convert.strings import format_double
from pscompat.values.methods.dates import format_value
from pscompat.values.methods.invoke import DotNetError
from pscompat.values.methods.strings import compare_to, string_of
from pscompat.values.objects.classes import Char, Hashtable
from pscompat.values.objects.model import type_names

# --------------------------------------------------------------------------------------------
# Numbers, collections, dictionaries


def _dotnet_equals(a, b) -> bool:
    """Object.Equals: same .NET type and equal value (1 -ne 1.0 for Equals, unlike -eq)."""
    if a is None or b is None:
        return a is b
    names_a, names_b = type_names(a), type_names(b)
    return names_a[:1] == names_b[:1] and a == b


def _number_tostring(value, fmt=None, provider=None):
    if fmt is None or string_of(fmt) == "":
        # Double.ToString() is .NET's shortest round-trip text; only PowerShell's own
        # conversion ("$x", [string]$x) rounds a double to 15 digits.
        return format_double(value) if type(value) is float else string_of(value)
    return format_value(value, fmt)


NUMBER_METHODS = {
    "tostring": _number_tostring,
    "compareto": lambda a, b: compare_to(a, 0 if b is None else b),
    "equals": _dotnet_equals,
    "gethashcode": lambda v: hash(v) & 0x7FFFFFFF,
}


def _fixed_size(*_args):
    raise DotNetError("Collection was of a fixed size.", "NotSupportedException")


def _array_set_value(lst, value, index) -> None:
    lst[int(index)] = value


def _array_clear(lst) -> None:
    """Array.Clear(): every element becomes its type's default; the length stays (about_Arrays)."""
    element = getattr(lst, "_element", "System.Object")
    if element in ("System.Double", "System.Single"):
        default = 0.0
    elif element == "System.Boolean":
        default = False
    elif element == "System.Char":
        default = Char("\0")
    elif element == "System.Decimal":
        default = decimal.Decimal(0)
    elif element.startswith(("System.Int", "System.UInt", "System.Byte", "System.SByte")):
        from pscompat.values.convert.primitives import convert_to

        default = convert_to(0, element)
    else:
        default = None
    lst[:] = [default] * len(lst)


LIST_METHODS = {
    "contains": lambda lst, v: any(_dotnet_equals(x, v) for x in lst),
    "indexof": lambda lst, v, *rest: next((i for i, x in enumerate(lst) if _dotnet_equals(x, v)), -1),
    "clone": lambda lst: list(lst),
    "getvalue": lambda lst, i: lst[int(i)],
    "setvalue": _array_set_value,
    "add": _fixed_size,
    "remove": _fixed_size,
    "insert": _fixed_size,
    "removeat": _fixed_size,
    "clear": _array_clear,
    "tostring": lambda lst: type_names(lst)[0],
    "equals": lambda lst, other: lst is other,
    "gethashcode": lambda lst: id(lst) & 0x7FFFFFFF,
}


class DictionaryEntry:
    """An element of $hashtable.GetEnumerator(): Key/Value (Name is PowerShell's alias of Key)."""

    PS_TYPE_NAMES = ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Name", "Key", "Value")

    def __init__(self, key, value):
        self.Key, self.Value = key, value

    @property
    def Name(self):
        return self.Key

    def __repr__(self) -> str:
        return f"DictionaryEntry({self.Key!r}, {self.Value!r})"


def _dict_add(d: dict, key, value) -> None:
    if key in d if isinstance(d, Hashtable) else any(_same_key(k, key) for k in d):
        existing = d.real_key(key) if isinstance(d, Hashtable) else key
        raise DotNetError(
            f"Item has already been added. Key in dictionary: '{string_of(existing)}'  Key being added: '{string_of(key)}'",
            "ArgumentException",
        )
    d[key] = value


def _same_key(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    return a == b


def _dict_remove(d: dict, key) -> None:
    if isinstance(d, Hashtable):
        d.pop(key, None)
        return
    for k in list(d):
        if _same_key(k, key):
            del d[k]


def _dict_insert(d: dict, index, key, value) -> None:
    """OrderedDictionary.Insert(index, key, value)."""
    if not getattr(d, "ordered", False):
        raise PSError(
            f"Method invocation failed because [{type_names(d)[0]}] does not contain a method named 'Insert'.",
            "MethodNotFound",
            category="InvalidOperation",
        )
    items = list(d.items())
    i = int(index)
    if not 0 <= i <= len(items):
        raise DotNetError(
            "Index was out of range. Must be non-negative and less than or equal to the size of "
            "the collection. (Parameter 'index')",
            "ArgumentOutOfRangeException",
        )
    if key in d:
        _dict_add(d, key, value)  # raises the duplicate-key error
    d.clear()
    for k, v in items[:i] + [(key, value)] + items[i:]:
        d[k] = v


def _dict_clear(d: dict) -> None:
    d.clear()


DICT_METHODS = {
    "insert": _dict_insert,
    "containskey": lambda d, k: k in d if isinstance(d, Hashtable) else any(_same_key(x, k) for x in d),
    "contains": lambda d, k: k in d if isinstance(d, Hashtable) else any(_same_key(x, k) for x in d),
    "containsvalue": lambda d, v: any(_dotnet_equals(x, v) or x == v for x in d.values()),
    "add": _dict_add,
    "remove": _dict_remove,
    "clear": _dict_clear,
    "clone": lambda d: d.copy() if isinstance(d, Hashtable) else Hashtable(d),
    "getenumerator": lambda d: [DictionaryEntry(k, v) for k, v in d.items()],
    "item": lambda d, k: (
        d.get(k) if isinstance(d, Hashtable) else next((v for x, v in d.items() if _same_key(x, k)), None)
    ),
    "tostring": lambda d: type_names(d)[0],
    "equals": lambda d, other: d is other,
    "gethashcode": lambda d: id(d) & 0x7FFFFFFF,
}

PSOBJECT_METHODS = {
    "tostring": lambda o: string_of(o),
    "equals": lambda o, other: o is other,
    "gethashcode": lambda o: id(o) & 0x7FFFFFFF,
}
