"""PowerShell's object model over live Python objects: Hashtable, PSObject (PSCustomObject),
case-insensitive member access, type names, and the property lists Get-Member/Format-* use.

Any Python object is a first-class PowerShell object: dataclasses, plain objects (instance
attributes and @property), dicts (they act like hashtables), namedtuples.  A class may declare
`PS_TYPE_NAMES = ('Full.Type.Name', ..., 'System.Object')` and `PS_PROPERTIES = ('A', 'B')`
(display order).

The model is split by domain: psobject_classes (Char, Hashtable, PSObject), psobject_adapted
(members of plain Python objects and built-in values), psobject_access (get_member and friends).
This module keeps type names, to_python, ExceptionInfo and Get-Member's rows, and re-exports
the rest so callers import everything from here.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import uuid
from typing import NamedTuple

from pscompat.values.objects.access import properties

# class_info: conversion and methods read the per-class tables; _rebuild_hashtable: pickles
# made before the split name it here.
from pscompat.values.objects.adapted import DayOfWeek
from pscompat.values.objects.classes import (
    Char,
    Hashtable,
    PSObject,
)
from pscompat.values.objects.script_members import ExtendedPSObject, Member

__all__ = [
    "to_python",
    "type_names",
    "SCRIPTBLOCK_TYPE",
    "MemberInfo",
    "short_type_name",
    "members",
    "static_members",
]


def to_python(value):
    """Plain Python data for any output: objects become dicts of their properties (display
    order), PSObjects and Hashtables become dicts, lists stay lists; scalars are unchanged."""
    if value is None or isinstance(
        value, (str, bool, int, float, decimal.Decimal, _dt.datetime, _dt.timedelta, enum.Enum)
    ):
        return value
    if isinstance(value, PSObject):
        return {name: to_python(v) for name, v in value.properties()}
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return [to_python(v) for v in value]
    if getattr(value, "PS_TYPE_NAMES", ("",))[0] == "System.Management.Automation.ScriptBlock":
        return value
    return {name: to_python(v) for name, v in properties(value)}


# --------------------------------------------------------------------------------------------
# PSTypeNames


_VALUE = ("System.ValueType", "System.Object")
_INT32 = ["System.Int32", *_VALUE]
_INT64 = ["System.Int64", *_VALUE]
_ARRAY = ["System.Object[]", "System.Array", "System.Object"]
_HASHTABLE = ["System.Collections.Hashtable", "System.Object"]
_ORDERED = ["System.Collections.Specialized.OrderedDictionary", "System.Object"]
SCRIPTBLOCK_TYPE = "System.Management.Automation.ScriptBlock"

_FIXED_TYPE_NAMES = {
    bool: ["System.Boolean", *_VALUE],
    float: ["System.Double", *_VALUE],
    decimal.Decimal: ["System.Decimal", *_VALUE],
    str: ["System.String", "System.Object"],
    Char: ["System.Char", *_VALUE],
    list: _ARRAY,
    tuple: _ARRAY,
    dict: _HASHTABLE,
    _dt.datetime: ["System.DateTime", *_VALUE],
    _dt.timedelta: ["System.TimeSpan", *_VALUE],
    DayOfWeek: ["System.DayOfWeek", "System.Enum", *_VALUE],
    uuid.UUID: ["System.Guid", *_VALUE],
    type(None): [],
}


def type_names(obj) -> list[str]:
    """PowerShell's PSTypeNames, most derived first.  Callers must not mutate the result."""
    cls = type(obj)
    names = _FIXED_TYPE_NAMES.get(cls)
    if names is not None:
        return names
    if cls is int:
        if -0x80000000 <= obj <= 0x7FFFFFFF:
            return _INT32
        return _INT64 if -(1 << 63) <= obj < (1 << 63) else ["System.Numerics.BigInteger", *_VALUE]
    if cls is PSObject or cls is ExtendedPSObject:
        return obj.type_names
    if cls is Hashtable:
        return _ORDERED if obj.ordered else _HASHTABLE
    declared = getattr(obj, "PS_TYPE_NAMES", None)
    if declared is not None:
        return list(declared)
    for base in cls.__mro__[1:]:
        names = _FIXED_TYPE_NAMES.get(base)
        if names is not None and base not in (tuple, type(None)):
            return names
        if base is int:
            return _INT32
    return [f"Python.{cls.__module__}.{cls.__qualname__}", "System.Object"]


# --------------------------------------------------------------------------------------------
# $_.Exception in a catch block


# --------------------------------------------------------------------------------------------
# Get-Member


class MemberInfo(NamedTuple):
    """One row of Get-Member: Name, MemberType ('Property', 'NoteProperty', 'Method', ...),
    Definition (e.g. 'string ImageName {get;set;}', 'int a=1')."""

    Name: str
    MemberType: str
    Definition: str


# Get-Member spells common types with their accelerator names (ToStringCodeMethods.Type).
_SHORT_TYPE = {
    "System.Int32": "int",
    "System.Int64": "long",
    "System.String": "string",
    "System.Boolean": "bool",
    "System.Double": "double",
    "System.Decimal": "decimal",
    "System.Char": "char",
    "System.DateTime": "datetime",
    "System.TimeSpan": "timespan",
    "System.Object": "System.Object",
    "System.Collections.Hashtable": "hashtable",
    "System.Object[]": "Object[]",
}


def short_type_name(value) -> str:
    names = type_names(value)
    if not names:
        return "object"
    return _SHORT_TYPE.get(names[0], names[0])


def property_settable(cls: type, name: str) -> bool:
    attr = getattr(cls, name, None)
    if isinstance(attr, property):
        return attr.fset is not None
    params = getattr(cls, "__dataclass_params__", None)
    return not (params is not None and params.frozen)


def members(obj) -> list[MemberInfo]:
    """Get-Member's rows for obj (properties, then methods), in display order."""
    from pscompat.values.convert.strings import to_string
    from pscompat.values.methods.dispatch import method_definition, method_names

    rows: list[MemberInfo] = []
    if isinstance(obj, PSObject):
        for name, value in obj.members() if type(obj) is ExtendedPSObject else obj.properties():
            if isinstance(value, Member):
                rows.append(MemberInfo(name, value.kind, value.definition()))
                continue
            text = "null" if value is None else to_string(value)
            rows.append(MemberInfo(name, "NoteProperty", f"{short_type_name(value)} {name}={text}"))
    elif isinstance(obj, dict):
        rows.append(MemberInfo("Item", "ParameterizedProperty", "System.Object Item(System.Object key) {get;set;}"))
        for name, value in properties(obj):
            rows.append(MemberInfo(name, "Property", f"{short_type_name(value)} {name} {{get;}}"))
    elif obj is not None:
        readonly = isinstance(obj, (str, int, float, decimal.Decimal, list, tuple, _dt.datetime, _dt.timedelta))
        for name, value in properties(obj):
            access = "{get;}" if readonly or not property_settable(type(obj), name) else "{get;set;}"
            rows.append(MemberInfo(name, "Property", f"{short_type_name(value)} {name} {access}"))
    if obj is not None:
        listed = {row.Name.lower() for row in rows}  # Item is a parameterized property, not a method
        rows.extend(
            MemberInfo(name, "Method", method_definition(obj, name))
            for name in method_names(obj)
            if name.lower() not in listed
        )
    return rows


def static_members(obj) -> list[MemberInfo]:
    """Get-Member -Static: the static members of obj's type (or of obj when it is a type)."""
    from pscompat.values.dotnet.type_literals import PSType, resolve_type_info

    names = type_names(obj)
    target = obj if isinstance(obj, PSType) else resolve_type_info(names[0] if names else "System.Object")
    return target.static_members()
