""".NET instance methods on values: `'abc'.ToUpper()`, `$h.ContainsKey('a')`, `$d.AddDays(1)`.

Names are case-insensitive; semantics are .NET's (string methods are ordinal and
case-sensitive unless a StringComparison says otherwise).  Other Python objects expose their
own methods, found by case-insensitive name.  `.ForEach{}`/`.Where{}` need script blocks, so
the evaluator handles them (INTRINSIC_BLOCK_METHODS) before calling call_method.

Split by domain: methods_invoke (DotNetError, VOID, invoke_dotnet), methods_strings,
methods_collections (numbers, lists, dictionaries, PSObject), methods_datetime.  This module
keeps the dispatch (call_method, has_method, ...) and re-exports the rest.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum

from pscompat.errors import PSError
from pscompat.values.methods.collections import (
    DICT_METHODS,
    LIST_METHODS,
    NUMBER_METHODS,
    PSOBJECT_METHODS,
)
from pscompat.values.methods.dates import DATETIME_METHODS, TIMESPAN_METHODS
from pscompat.values.methods.invoke import VoidResult, invoke_dotnet, is_void
from pscompat.values.methods.strings import STRING_METHODS, string_of
from pscompat.values.objects.adapted import class_info
from pscompat.values.objects.classes import Char, Hashtable, PSObject
from pscompat.values.objects.model import type_names
from pscompat.values.objects.script_members import ExtendedPSObject

__all__ = ["INTRINSIC_BLOCK_METHODS", "get_type", "call_method", "has_method", "method_names", "method_definition"]

INTRINSIC_BLOCK_METHODS = frozenset({"foreach", "where"})


def _not_found(obj, name: str) -> PSError:
    names = type_names(obj)
    return PSError(
        f"Method invocation failed because [{names[0] if names else 'System.Object'}] does not "
        f"contain a method named '{name}'.",
        "MethodNotFound",
        category="InvalidOperation",
    )


# --------------------------------------------------------------------------------------------
# Dispatch

# .NET spellings, for error messages ('Exception calling "Substring" ...').
_CANONICAL = {
    n.lower(): n
    for n in (
        "ToUpper ToUpperInvariant ToLower ToLowerInvariant Trim TrimStart TrimEnd Split Replace Substring "
        "Contains StartsWith EndsWith IndexOf LastIndexOf IndexOfAny PadLeft PadRight Insert Remove "
        "ToCharArray Equals CompareTo Normalize IsNormalized ToString GetHashCode GetEnumerator Chars "
        "Clone GetValue SetValue Add RemoveAt Clear ContainsKey ContainsValue Item AddDays AddHours "
        "AddMinutes AddSeconds AddMilliseconds AddTicks AddMonths AddYears Subtract ToShortDateString "
        "ToLongDateString ToShortTimeString ToLongTimeString ToUniversalTime ToLocalTime "
        "IsDaylightSavingTime Negate Duration GetType"
    ).split()
}

_TABLES = {
    str: STRING_METHODS,
    Char: STRING_METHODS,
    int: NUMBER_METHODS,
    float: NUMBER_METHODS,
    bool: NUMBER_METHODS,
    decimal.Decimal: NUMBER_METHODS,
    list: LIST_METHODS,
    tuple: LIST_METHODS,
    Hashtable: DICT_METHODS,
    dict: DICT_METHODS,
    PSObject: PSOBJECT_METHODS,
    ExtendedPSObject: PSOBJECT_METHODS,
    _dt.datetime: DATETIME_METHODS,
    _dt.timedelta: TIMESPAN_METHODS,
}
_UNIVERSAL = {
    "tostring": lambda o, *a: string_of(o),
    "equals": lambda o, other: o is other or o == other,
    "gethashcode": lambda o: hash(o) & 0x7FFFFFFF if o.__hash__ else id(o) & 0x7FFFFFFF,
}


def _base_table(obj):
    for base, table in _TABLES.items():
        if isinstance(obj, base) and not (base in (list, tuple) and hasattr(obj, "_fields")):
            return table
    return None


def _python_method(obj, folded: str):
    """A callable Python method of an ordinary object, by case-insensitive name."""
    real = class_info(type(obj)).methods.get(folded)
    if real is not None:
        return real, getattr(obj, real)
    attrs = getattr(obj, "__dict__", None) or {}
    for key, value in attrs.items():
        if key.lower() == folded and callable(value) and not key.startswith("_"):
            return key, value
    return None


def class_method_name(obj, folded: str) -> str | None:
    """The Python method `call_method(obj, ...)` runs for the lower-cased name `folded` when it
    comes from obj's class (not a table, an accessor, GetType or ForEach): its real name.  Any
    object of the same exact class then takes the same route, so a call site may keep it."""
    cls = type(obj)
    if obj is None or cls is ExtendedPSObject or folded in ("gettype", "foreach"):
        return None
    if folded[3:4] == "_" and folded[:4] in ("get_", "set_"):
        return None
    if _TABLES.get(cls) is not None or isinstance(obj, enum.Enum):
        return None
    return class_info(cls).methods.get(folded)


def get_type(obj):
    """$x.GetType(): a type value with Name/FullName (pstypes.PSType)."""
    from pscompat.values.dotnet.type_literals import resolve_type_info

    names = type_names(obj)
    return resolve_type_info(names[0] if names else "System.Object")


def call_method(obj, name: str, args: list):
    """`$obj.Name(args)`.  Raises PSError InvokeMethodOnNull / MethodNotFound, and
    'Exception calling ...' when the method throws."""
    if obj is None:
        raise PSError(
            "You cannot call a method on a null-valued expression.", "InvokeMethodOnNull", category="InvalidOperation"
        )
    folded = name.lower()
    if type(obj) is ExtendedPSObject:  # an instance member wins over the type's methods
        method = obj.script_method(folded)
        if method is not None:
            return method.call(obj, list(args))
    if folded == "gettype" and not args:
        return get_type(obj)
    if folded[3:4] == "_" and folded[:4] in ("get_", "set_") and not _python_method(obj, folded):
        void = folded.startswith("set_")  # a setter is a void method: no $null in the output
        return invoke_dotnet(name, lambda *a: _accessor(obj, name, folded, list(a)), list(args), void)
    if folded == "foreach" and args and not hasattr(args[0], "invoke"):
        return _foreach_member(obj, args)
    table = _TABLES.get(type(obj))
    if table is None and not isinstance(obj, enum.Enum):
        found = _python_method(obj, folded)
        if found is not None:
            return invoke_dotnet(found[0], found[1], list(args))
        table = _base_table(obj)
    if table is not None:
        fn = table.get(folded)
        if fn is not None:
            return invoke_dotnet(_CANONICAL.get(folded, name), lambda *a: fn(obj, *a), list(args), is_void(fn))
        if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
            return _enumerate_method(obj, name, args)
    fn = _UNIVERSAL.get(folded)
    if fn is not None:
        return invoke_dotnet(_CANONICAL.get(folded, name), lambda *a: fn(obj, *a), list(args))
    raise _not_found(obj, name)


def _accessor(obj, name: str, folded: str, args: list):
    """`$h.get_Keys()`, `$l.get_Item(0)`, `$o.set_Name('x')`: the accessor methods .NET compiles
    for every property and indexer (get_X/set_X, get_Item/set_Item), which PowerShell lists
    and calls like any other method."""
    from pscompat.values.objects.access import lookup_member, set_member

    prop = name[4:]
    if folded == "get_item" and len(args) == 1:
        return _get_item(obj, args[0])
    if folded == "set_item" and len(args) == 2 and isinstance(obj, (dict, list)):
        obj[args[0] if isinstance(obj, dict) else int(args[0])] = args[1]
        return None
    if folded.startswith("get_") and not args:
        found, value = lookup_member(obj, prop)
        if not found and prop.lower() in ("count", "length"):
            found, value = True, (len(obj) if isinstance(obj, (list, tuple, dict, str)) else 1)
        if found:
            return value
    if folded.startswith("set_") and len(args) == 1 and lookup_member(obj, prop)[0]:
        set_member(obj, prop, args[0])
        return None
    raise _not_found(obj, name)


def _get_item(obj, key):
    """The indexer's getter: a dictionary's value (None when absent), a list's element."""
    if isinstance(obj, dict):
        return obj.get(key)
    if isinstance(obj, (list, tuple, str)):
        i = int(key)
        if -len(obj) <= i < len(obj):
            return obj[i]
        raise PSError(
            'Exception calling "get_Item" with "1" argument(s): "Index was out of range. Must be non-negative '
            'and less than the size of the collection."',
            "ArgumentOutOfRangeException",
            category="InvalidOperation",
        )
    getitem = getattr(obj, "__getitem__", None)
    if getitem is None:
        raise _not_found(obj, "get_Item")
    return getitem(key)


def _foreach_member(obj, args: list) -> list:
    """The intrinsic `.ForEach(type)`, `.ForEach('Property')`, `.ForEach('Property', value)` (sets it)
    and `.ForEach('Method', args...)` (about_Arrays, ForEach method)."""
    from pscompat.values.objects.access import lookup_member, set_member

    items = list(obj) if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields") else [obj]
    first, rest = args[0], list(args[1:])
    if hasattr(first, "full_name") and hasattr(first, "convert"):  # a type: convert every item
        return [first.convert(item) for item in items]
    name = string_of(first)
    out: list = []
    for item in items:
        found, value = lookup_member(item, name)
        if found and not rest:
            out.append(value)
        elif found and len(rest) == 1 and not has_method(item, name):
            set_member(item, name, rest[0])
        elif has_method(item, name):
            result = call_method(item, name, rest)
            if not isinstance(result, VoidResult):
                out.append(result)
    return out


def _enumerate_method(items, name: str, args: list):
    """Member-access enumeration of a method: call it on every element (nested collections
    too); the first element lacking it raises MethodNotFound (about_Member-Access_Enumeration)."""
    results: list = []
    for item in items:
        value = _enumerate_method(item, name, args) if type(item) in (list, tuple) else call_method(item, name, args)
        if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
            results.extend(value)
        elif value is not None:
            results.append(value)
    if not results:
        return None
    return results[0] if len(results) == 1 else results


def has_method(obj, name: str) -> bool:
    """True if `name` is a method of obj (Get-Member would list it)."""
    if obj is None:
        return False
    folded = name.lower()
    if folded in _UNIVERSAL or folded == "gettype" or (type(obj) is ExtendedPSObject and obj.script_method(folded)):
        return True
    table = _TABLES.get(type(obj))
    if table is None:
        if _python_method(obj, folded) is not None:
            return True
        table = _base_table(obj)
    return table is not None and folded in table


def method_names(obj) -> list[str]:
    """The .NET spellings of obj's methods (for Get-Member)."""
    table = _TABLES.get(type(obj)) or _base_table(obj) or {}
    names = {_CANONICAL.get(n, n) for n in table} | {"GetType", "ToString", "Equals", "GetHashCode"}
    if type(obj) not in _TABLES:
        names |= set(class_info(type(obj)).methods.values())
    return sorted(names, key=str.lower)


def method_definition(obj, name: str) -> str:
    """Get-Member's Definition text for a method: the Python signature for Python methods,
    else the .NET name with its argument list elided."""
    import inspect

    found = None if type(obj) in _TABLES else _python_method(obj, name.lower())
    if found is not None:
        declared = getattr(found[1], "PS_DEFINITION", None)  # a script class's method (engine/classes.py)
        if declared is not None:
            return declared
        try:
            return f"System.Object {found[0]}{inspect.signature(found[1])}"
        except (TypeError, ValueError):
            pass
    return {
        "GetType": "type GetType()",
        "ToString": "string ToString()",
        "Equals": "bool Equals(System.Object obj)",
        "GetHashCode": "int GetHashCode()",
    }.get(name, f"{name}(...)")
