"""Member access on any object: the get_member hot path (one dict dispatch on the exact
type), member-access enumeration, lookup/has/set_member and the display-order property list.
Separate from the classes so the dispatch table and its fallbacks can be read in one place."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
import operator
import uuid
from typing import Any

from pscompat.values.objects.adapted import (
    DATETIME_NAMES,
    DATETIME_PROPS,
    TIMESPAN_NAMES,
    TIMESPAN_PROPS,
    class_info,
    dict_member,
    list_props,
    object_lookup,
    object_properties,
)
from pscompat.values.objects.classes import ABSENT, Hashtable, PSObject
from pscompat.values.objects.script_members import ExtendedPSObject

# --------------------------------------------------------------------------------------------
# get_member: the hot path ($_.Prop over many objects) - one dict dispatch on the exact type.


_INTRINSIC = frozenset(("psobject", "pstypenames", "psbase", "psadapted", "psextended"))


def _intrinsic(obj, folded: str):
    """.psobject / .pstypenames / .psbase ... (about_Intrinsic_Members): on every object but $null."""
    from pscompat.values.objects.intrinsic import intrinsic_member

    return intrinsic_member(obj, folded)


def _get_psobject(obj: PSObject, name: str):
    value = obj._values.get(name.lower(), ABSENT)
    if value is not ABSENT:
        return value
    folded = name.lower()
    if folded in ("count", "length"):
        return 1
    if folded in _INTRINSIC:
        return _intrinsic(obj, folded)
    return None


def _get_extended(obj: ExtendedPSObject, name: str):
    found, value = obj.lookup(name)
    return value if found else _get_psobject(obj, name)


def _get_hashtable(obj: Hashtable, name: str):
    real = obj._folded.get(name.lower(), ABSENT)
    if real is not ABSENT:
        return dict.__getitem__(obj, real)
    return _dict_fallback(obj, name.lower())


def _dict_fallback(obj: dict, folded: str):
    found, value = dict_member(obj, folded)
    if not found and folded in _INTRINSIC:
        return _intrinsic(obj, folded)
    return value


def _get_dict(obj: dict, name: str):
    if name in obj:
        return obj[name]
    folded = name.lower()
    for key in obj:
        if isinstance(key, str) and key.lower() == folded:
            return obj[key]
    return _dict_fallback(obj, folded)


def _get_str(obj: str, name: str):
    folded = name.lower()
    if folded == "length":
        return len(obj)
    if folded == "count":
        return 1
    return _intrinsic(obj, folded) if folded in _INTRINSIC else None


def _get_scalar(obj, name: str):
    folded = name.lower()
    if folded in ("count", "length"):
        return 1
    return _intrinsic(obj, folded) if folded in _INTRINSIC else None


def _get_none(obj, name: str):
    return 0 if name.lower() in ("count", "length") else None


def _get_datetime(obj, name: str):
    getter = DATETIME_PROPS.get(name.lower())
    return getter(obj) if getter else _get_scalar(obj, name)


def _get_timespan(obj, name: str):
    getter = TIMESPAN_PROPS.get(name.lower())
    return getter(obj) if getter else _get_scalar(obj, name)


def _get_list(obj, name: str):
    folded = name.lower()
    props = list_props(obj)
    if folded in props:
        return props[folded]
    if folded in _INTRINSIC:  # the array's own, not its elements' (no member enumeration)
        return _intrinsic(obj, folded)
    results: list = []
    _enumerate_member(obj, name, results)
    if not results:
        return None
    return results[0] if len(results) == 1 else results


def _enumerate_member(items, name: str, results: list) -> None:
    """Member-access enumeration: the value from each item that has the member; nested
    collections are enumerated too (about_Member-Access_Enumeration)."""
    for item in items:
        if type(item) in _SEQUENCE_TYPES:
            _enumerate_member(item, name, results)
            continue
        if type(item) is PSObject:
            # PSCustomObject items yield $null for a missing property (PowerShell issue #13752).
            found, value = True, item._values.get(name.lower())
        else:
            found, value = lookup_member(item, name)
        if found:
            # a value that is itself a collection is unrolled into the result
            # (Group-Object.Tests.ps1: `$results.Group.Count` counts every grouped object)
            if type(value) in _SEQUENCE_TYPES:
                results.extend(value)
            else:
                results.append(value)


def _get_guid(obj, name: str):
    # System.Guid's one property is Guid (its string form).
    return str(obj) if name.lower() == "guid" else _get_scalar(obj, name)


def _get_object(obj, name: str):
    found, value = object_lookup(obj, name)
    if found:
        return value
    return _get_scalar(obj, name)


_SEQUENCE_TYPES = {list, tuple}

_GETTERS = {
    PSObject: _get_psobject,
    ExtendedPSObject: _get_extended,
    Hashtable: _get_hashtable,
    dict: _get_dict,
    str: _get_str,
    int: _get_scalar,
    float: _get_scalar,
    bool: _get_scalar,
    decimal.Decimal: _get_scalar,
    type(None): _get_none,
    list: _get_list,
    tuple: _get_list,
    _dt.datetime: _get_datetime,
    _dt.timedelta: _get_timespan,
    uuid.UUID: _get_guid,
}


def _getter_for(cls: type):
    """Getter for a type not in the table: found by its nearest known base, then cached."""
    for base, getter in (  # noqa: B007  (the getter found is used after the loop)
        (PSObject, _get_psobject),
        (Hashtable, _get_hashtable),
        (dict, _get_dict),
        (str, _get_str),
        (bool, _get_scalar),
        (enum.Enum, _get_object),
        (int, _get_scalar),
        (float, _get_scalar),
        (_dt.datetime, _get_datetime),
        (_dt.timedelta, _get_timespan),
    ):
        if issubclass(cls, base):
            break
    else:
        if issubclass(cls, (list, tuple)) and not hasattr(cls, "_fields"):
            getter = _get_list
        else:
            getter = _get_object
    _GETTERS[cls] = getter
    return getter


def member_getter(cls: type, name: str):
    """A one-argument getter for property `name` on instances of `cls`, when that is a plain
    attribute read (what get_member would do anyway), else None.  Compiled member access caches
    it per class, so `$_.ImageFamily` over many objects skips the general lookup."""
    if (_GETTERS.get(cls) or _getter_for(cls)) is not _get_object:
        return None
    real = class_info(cls).props.get(name.lower())
    if real is None:
        return None
    return operator.attrgetter(real)


def plain_attribute(cls: type, name: str) -> str | None:
    """The attribute behind property `name` of instances of `cls` when reading it runs no code
    (a slot or an instance attribute, no property, no __getattr__), else None: generated code
    may then read `obj.<attribute>` (an AttributeError still means an unset slot)."""
    if (
        member_getter(cls, name) is None
        or cls.__getattribute__ is not object.__getattribute__
        or getattr(cls, "__getattr__", None) is not None
    ):
        return None
    real = class_info(cls).props[name.lower()]
    for klass in cls.__mro__:
        if real in vars(klass):
            return real if type(vars(klass)[real]) is _SLOT else None
    return real


_SLOT = type(PSObject._names)


def get_member(obj, name: str):
    """PowerShell `$obj.Name`: case-insensitive; a missing member is None (no strict mode)."""
    getter = _GETTERS.get(type(obj))
    if getter is None:
        getter = _getter_for(type(obj))
    return getter(obj, name)


def lookup_member(obj, name: str) -> tuple[bool, Any]:
    """(exists, value) for a property-like member, without intrinsic Count/Length fallbacks
    on scalars (Get-Member and member-access enumeration need to tell 'missing' from null)."""
    folded = name.lower()
    if obj is None:
        return False, None
    if isinstance(obj, PSObject):
        if type(obj) is ExtendedPSObject:
            return (False, None) if obj.script_method(folded) else obj.lookup(folded)
        value = obj._values.get(folded, ABSENT)
        return (False, None) if value is ABSENT else (True, value)
    if isinstance(obj, Hashtable):
        real = obj._folded.get(folded, ABSENT)
        if real is not ABSENT:
            return True, dict.__getitem__(obj, real)
        return dict_member(obj, folded)
    if isinstance(obj, dict):
        for key in obj:
            if isinstance(key, str) and key.lower() == folded:
                return True, obj[key]
        return dict_member(obj, folded)
    if isinstance(obj, str):
        return (True, len(obj)) if folded == "length" else (False, None)
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
        props = list_props(obj)
        return (True, props[folded]) if folded in props else (False, None)
    if isinstance(obj, _dt.datetime):
        getter = DATETIME_PROPS.get(folded)
        return (True, getter(obj)) if getter else (False, None)
    if isinstance(obj, _dt.timedelta):
        getter = TIMESPAN_PROPS.get(folded)
        return (True, getter(obj)) if getter else (False, None)
    if isinstance(obj, (int, float, decimal.Decimal)) and not isinstance(obj, enum.Enum):
        return False, None
    if isinstance(obj, uuid.UUID):
        return (True, str(obj)) if folded == "guid" else (False, None)
    return object_lookup(obj, name)


def has_member(obj, name: str) -> bool:
    """True if `name` is a property or method of obj (what `Get-Member -Name` would find)."""
    if lookup_member(obj, name)[0]:
        return True
    from pscompat.values.methods.dispatch import has_method

    return has_method(obj, name)


def set_member(obj, name: str, value) -> None:
    """`$obj.Name = value`: dictionaries add keys, PSObjects add/set note properties,
    objects set an existing attribute (by its real spelling)."""
    from pscompat.errors import PSError

    if isinstance(obj, PSObject):
        if not obj.has_property(name):
            raise PSError(_NOT_SETTABLE.format(name), "PropertyNotFound", category="InvalidOperation")
        obj.set_property(name, value)
        return
    if isinstance(obj, dict):
        real = (
            obj.real_key(name, name)
            if isinstance(obj, Hashtable)
            else next((k for k in obj if isinstance(k, str) and k.lower() == name.lower()), name)
        )
        obj[real] = value
        return
    if obj is not None and not isinstance(
        obj, (str, int, float, decimal.Decimal, list, tuple, _dt.datetime, _dt.timedelta)
    ):
        info = class_info(type(obj))
        real = info.props.get(name.lower())
        if real is None:
            attrs = getattr(obj, "__dict__", None) or {}
            real = next((k for k in attrs if k.lower() == name.lower() and not k.startswith("_")), None)
        if real is not None:
            try:
                setattr(obj, real, value)
                return
            except (AttributeError, TypeError, dataclasses.FrozenInstanceError):
                pass
    raise PSError(_NOT_SETTABLE.format(name), "PropertyNotFound", category="InvalidOperation")


_NOT_SETTABLE = "The property '{}' cannot be found on this object. Verify that the property exists and can be set."


def properties(obj) -> list[tuple[str, Any]]:
    """The object's properties in display order (what Format-List / Select * see).
    Dictionaries give their own .NET properties, not their keys: callers check is_dictionary."""
    if isinstance(obj, PSObject):
        return obj.properties()
    if obj is None:
        return []
    if isinstance(obj, dict):
        return [
            ("IsReadOnly", False),
            ("IsFixedSize", False),
            ("IsSynchronized", False),
            ("Keys", list(obj.keys())),
            ("Values", list(obj.values())),
            ("SyncRoot", obj),
            ("Count", len(obj)),
        ]
    if isinstance(obj, str):
        return [("Length", len(obj))]
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
        n = len(obj)
        return [
            ("Length", n),
            ("LongLength", n),
            ("Rank", 1),
            ("SyncRoot", obj),
            ("IsReadOnly", False),
            ("IsFixedSize", True),
            ("IsSynchronized", False),
            ("Count", n),
        ]
    if isinstance(obj, _dt.datetime):
        return [(n, DATETIME_PROPS[n.lower()](obj)) for n in DATETIME_NAMES]
    if isinstance(obj, _dt.timedelta):
        return [(n, TIMESPAN_PROPS[n.lower()](obj)) for n in TIMESPAN_NAMES]
    if isinstance(obj, (bool, int, float, decimal.Decimal, enum.Enum)):
        return []
    if isinstance(obj, uuid.UUID):
        return [("Guid", str(obj))]
    return object_properties(obj)
