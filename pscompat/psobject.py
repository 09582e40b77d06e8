"""PowerShell's object model over live Python objects: Hashtable, PSObject (PSCustomObject),
case-insensitive member access, type names, and the property lists Get-Member/Format-* use.

Any Python object is a first-class PowerShell object: dataclasses, plain objects (instance
attributes and @property), dicts (they act like hashtables), namedtuples.  A class may declare
`PS_TYPE_NAMES = ('Full.Type.Name', ..., 'System.Object')` and `PS_PROPERTIES = ('A', 'B')`
(display order).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
import operator
import uuid
from functools import cached_property
from typing import Any, NamedTuple

_MISSING = object()


class Char(str):
    """[char]: a one-character string that remembers it is a System.Char."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Char({str.__repr__(self)})"


def _fold(key):
    # OrdinalIgnoreCase applies to string keys only; other keys compare as themselves.
    return key.lower() if isinstance(key, str) else key


class Hashtable(dict):
    """@{} / [ordered]@{}: case-insensitive keys (first spelling kept), insertion order kept.

    Storage is the plain dict itself (original spellings), so json.dumps, dict(h) and
    iteration see ordinary keys; `_folded` maps folded key -> stored key.
    """

    __slots__ = ("_folded", "ordered")

    def __init__(self, *args, ordered: bool = False, **kw):
        super().__init__()
        self._folded: dict = {}
        self.ordered = ordered
        if args or kw:
            self.update(*args, **kw)

    def real_key(self, key, default=None):
        """The stored spelling of `key` (or `default` when absent)."""
        return self._folded.get(_fold(key), default)

    def __getitem__(self, key):
        return dict.__getitem__(self, self._folded.get(_fold(key), key))

    def __setitem__(self, key, value):
        folded = _fold(key)
        real = self._folded.setdefault(folded, key)
        dict.__setitem__(self, real, value)

    def __delitem__(self, key):
        real = self._folded.pop(_fold(key), key)
        dict.__delitem__(self, real)

    def __contains__(self, key):
        return _fold(key) in self._folded

    def get(self, key, default=None):
        real = self._folded.get(_fold(key), _MISSING)
        return default if real is _MISSING else dict.__getitem__(self, real)

    def pop(self, key, *default):
        real = self._folded.pop(_fold(key), _MISSING)
        if real is _MISSING:
            if default:
                return default[0]
            raise KeyError(key)
        return dict.pop(self, real)

    def popitem(self):
        key, value = dict.popitem(self)
        del self._folded[_fold(key)]
        return key, value

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kw):
        for source in args + (kw,):
            items = source.items() if hasattr(source, "items") else source
            for key, value in items:
                self[key] = value

    def clear(self):
        dict.clear(self)
        self._folded.clear()

    def copy(self) -> "Hashtable":
        return Hashtable(self, ordered=self.ordered)

    __copy__ = copy

    def __reduce__(self):
        return (_rebuild_hashtable, (list(self.items()), self.ordered))

    def __or__(self, other):
        result = self.copy()
        result.update(other)
        return result

    def __repr__(self) -> str:
        name = "Hashtable(ordered=True, " if self.ordered else "Hashtable("
        return name + dict.__repr__(self) + ")"


def _rebuild_hashtable(items, ordered):
    return Hashtable(items, ordered=ordered)


PSCUSTOMOBJECT_TYPE_NAMES = ("System.Management.Automation.PSCustomObject", "System.Object")


class TypeNameList(list):
    """A PSObject's PSTypeNames: a Collection<string>, so Insert/Add/Remove/Clear work
    (`$o.pstypenames.Insert(0, 'My.Type')` names the type formatting and -is see)."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSObject+ConsolidatedString",
                     "System.Collections.ObjectModel.Collection`1[[System.String]]", "System.Object")

    def Add(self, name) -> None:
        self.append(str(name))

    def Insert(self, index, name) -> None:
        self.insert(int(index), str(name))

    def Remove(self, name) -> bool:
        if name in self:
            self.remove(name)
            return True
        return False

    def RemoveAt(self, index) -> None:
        del self[int(index)]

    def Clear(self) -> None:
        self.clear()

    def Contains(self, name) -> bool:
        return name in self


class PSObject:
    """[pscustomobject]: an ordered, case-insensitive property bag.

    Python access: o.Name / o.name, o['name'], 'name' in o, o.properties(), dict(o.items()).
    Not iterable on purpose: a PSCustomObject is one pipeline object, never enumerated.
    """

    __slots__ = ("_names", "_values", "type_names")
    __iter__ = None  # __getitem__ must not make it look like a sequence

    def __init__(self, properties=(), type_names=None, **kw):
        names: dict = {}  # folded -> display name, insertion order
        values: dict = {}  # folded -> value
        items = properties.items() if hasattr(properties, "items") else properties
        for source in (items, kw.items()):
            for name, value in source:  # set_property, inlined: Select-Object builds many of these
                folded = name.lower()
                if folded not in names:
                    names[folded] = name
                values[folded] = value
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "type_names", TypeNameList(type_names or PSCUSTOMOBJECT_TYPE_NAMES))

    # -- property bag API -------------------------------------------------------------------
    def set_property(self, name: str, value: Any) -> None:
        """Add a note property, or set an existing one (keeping its spelling and position)."""
        folded = name.lower()
        self._names.setdefault(folded, name)
        self._values[folded] = value

    def remove_property(self, name: str) -> None:
        folded = name.lower()
        self._names.pop(folded, None)
        self._values.pop(folded, None)

    def has_property(self, name: str) -> bool:
        return name.lower() in self._values

    def get(self, name: str, default: Any = None) -> Any:
        return self._values.get(name.lower(), default)

    def property_names(self) -> list[str]:
        return list(self._names.values())

    def properties(self) -> list[tuple[str, Any]]:
        values = self._values
        return [(name, values[folded]) for folded, name in self._names.items()]

    items = properties

    def copy(self) -> "PSObject":
        return PSObject(self.properties(), self.type_names)

    def __reduce__(self):  # copy/pickle must not go through the property-setting __setattr__
        return (PSObject, (self.properties(), self.type_names))

    # -- Python conveniences ----------------------------------------------------------------
    def __getattr__(self, name):
        value = self._values.get(name.lower(), _MISSING)
        if value is _MISSING:
            raise AttributeError(name)
        return value

    def __setattr__(self, name, value):
        if name == "type_names":
            object.__setattr__(self, name, TypeNameList(value))
        else:
            self.set_property(name, value)

    def __delattr__(self, name):
        if name.lower() not in self._values:
            raise AttributeError(name)
        self.remove_property(name)

    def __getitem__(self, name):
        value = self._values.get(name.lower(), _MISSING) if isinstance(name, str) else _MISSING
        if value is _MISSING:
            raise KeyError(name)
        return value

    def __setitem__(self, name, value):
        self.set_property(name, value)

    def __contains__(self, name) -> bool:
        return isinstance(name, str) and name.lower() in self._values

    def __repr__(self) -> str:
        return "PSObject(" + ", ".join(f"{n}={v!r}" for n, v in self.properties()) + ")"

    def __str__(self) -> str:
        from .conversion import to_string

        return to_string(self)


def is_dictionary(obj) -> bool:
    """IDictionary: member access looks keys up first; the pipeline does not enumerate it."""
    return isinstance(obj, dict)


# --------------------------------------------------------------------------------------------
# Per-type member tables for ordinary Python objects.


class _TypeInfoCache(NamedTuple):
    props: dict  # folded -> real attribute name (properties/fields/slots/instance attrs seen)
    order: tuple  # declared display order (PS_PROPERTIES / dataclass fields / @property)
    methods: dict  # folded -> real method name


_TYPE_CACHE: dict[type, _TypeInfoCache] = {}


def _class_info(cls: type) -> _TypeInfoCache:
    info = _TYPE_CACHE.get(cls)
    if info is not None:
        return info
    props: dict[str, str] = {}
    methods: dict[str, str] = {}
    declared = getattr(cls, "PS_PROPERTIES", None)
    order: list[str] = list(declared) if declared else []
    if dataclasses.is_dataclass(cls) and not declared:
        order = [f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")]
    if hasattr(cls, "_fields") and issubclass(cls, tuple) and not declared:  # namedtuple
        order = [f for f in cls._fields if not f.startswith("_")]
    for klass in reversed(cls.__mro__):
        if klass.__module__ == "builtins":  # list.clear, dict.pop...: not .NET members
            continue
        for attr, value in vars(klass).items():
            if attr.startswith("_") or attr in ("PS_PROPERTIES", "PS_TYPE_NAMES"):
                continue
            if isinstance(value, (property, cached_property)):
                props[attr.lower()] = attr
                if not declared and attr not in order:
                    order.append(attr)
            elif callable(value) or isinstance(value, (staticmethod, classmethod)):
                methods[attr.lower()] = attr
        for slot in getattr(klass, "__slots__", ()):
            if isinstance(slot, str) and not slot.startswith("_"):
                props[slot.lower()] = slot
    for name in order:
        props[name.lower()] = name
    info = _TypeInfoCache(props, tuple(order), methods)
    _TYPE_CACHE[cls] = info
    return info


def _object_lookup(obj, name: str):
    """(found, value) for an attribute of an ordinary object, case-insensitively."""
    info = _class_info(type(obj))
    folded = name.lower()
    real = info.props.get(folded)
    if real is not None:
        try:
            return True, getattr(obj, real)
        except AttributeError:
            pass
    attrs = getattr(obj, "__dict__", None)
    if attrs:
        if name in attrs and not name.startswith("_"):
            return True, attrs[name]
        for key in attrs:
            if key.lower() == folded and not key.startswith("_"):
                # Instances of one class usually share attribute names: remember the spelling.
                info.props[folded] = key
                return True, attrs[key]
    return False, None


def declared_name(obj, name: str) -> str | None:
    """The spelling an ordinary object's class gives a property (`imagename` -> 'ImageName'),
    from the per-class cache; None when the class does not declare it."""
    return _class_info(type(obj)).props.get(name.lower())


def _object_properties(obj) -> list[tuple[str, Any]]:
    cls = type(obj)
    info = _class_info(cls)
    if getattr(cls, "PS_PROPERTIES", None) or dataclasses.is_dataclass(cls) or isinstance(obj, tuple):
        names = list(info.order)
    else:
        attrs = getattr(obj, "__dict__", None) or {}
        names = [k for k in attrs if not k.startswith("_")]
        names += [p for p in info.order if p not in attrs]
    result = []
    for name in names:
        try:
            result.append((name, getattr(obj, name)))
        except AttributeError:
            continue
    return result


# --------------------------------------------------------------------------------------------
# Intrinsic and .NET members of built-in values.

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class DayOfWeek(enum.IntEnum):
    """System.DayOfWeek (Sunday = 0, as in .NET)."""

    Sunday = 0
    Monday = 1
    Tuesday = 2
    Wednesday = 3
    Thursday = 4
    Friday = 5
    Saturday = 6

    def __str__(self) -> str:
        return self.name


_TICKS_PER_SECOND = 10_000_000
_EPOCH = _dt.datetime(1, 1, 1)


def _ticks(value: _dt.timedelta) -> int:
    return (value.days * 86400 + value.seconds) * _TICKS_PER_SECOND + value.microseconds * 10


_DATETIME_PROPS = {
    "year": lambda d: d.year, "month": lambda d: d.month, "day": lambda d: d.day,
    "hour": lambda d: d.hour, "minute": lambda d: d.minute, "second": lambda d: d.second,
    "millisecond": lambda d: d.microsecond // 1000,
    "microsecond": lambda d: d.microsecond % 1000,
    "date": lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0),
    "dayofweek": lambda d: DayOfWeek((d.weekday() + 1) % 7),
    "dayofyear": lambda d: d.timetuple().tm_yday,
    "timeofday": lambda d: _dt.timedelta(hours=d.hour, minutes=d.minute, seconds=d.second,
                                         microseconds=d.microsecond),
    "ticks": lambda d: _ticks(d.replace(tzinfo=None) - _EPOCH),
}
_DATETIME_NAMES = ("Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Millisecond", "Microsecond",
                   "Minute", "Month", "Second", "Ticks", "TimeOfDay", "Year")

_TIMESPAN_PROPS = {
    "days": lambda t: _ticks(t) // (86400 * _TICKS_PER_SECOND) if t.days >= 0 else -(_ticks(-t) // (86400 * _TICKS_PER_SECOND)),
    "hours": lambda t: _span_part(t, 3600, 24),
    "minutes": lambda t: _span_part(t, 60, 60),
    "seconds": lambda t: _span_part(t, 1, 60),
    "milliseconds": lambda t: _span_ms(t),
    "ticks": _ticks,
    "totaldays": lambda t: t.total_seconds() / 86400,
    "totalhours": lambda t: t.total_seconds() / 3600,
    "totalminutes": lambda t: t.total_seconds() / 60,
    "totalseconds": lambda t: t.total_seconds(),
    "totalmilliseconds": lambda t: t.total_seconds() * 1000,
}
_TIMESPAN_NAMES = ("Days", "Hours", "Milliseconds", "Minutes", "Seconds", "Ticks", "TotalDays",
                   "TotalHours", "TotalMilliseconds", "TotalMinutes", "TotalSeconds")


def _span_part(t: _dt.timedelta, unit: int, modulo: int) -> int:
    # .NET TimeSpan components carry the sign of the whole span (-1:30 -> Hours -1, Minutes -30).
    ticks = _ticks(t)
    sign = -1 if ticks < 0 else 1
    return sign * ((abs(ticks) // (unit * _TICKS_PER_SECOND)) % modulo)


def _span_ms(t: _dt.timedelta) -> int:
    ticks = _ticks(t)
    sign = -1 if ticks < 0 else 1
    return sign * ((abs(ticks) // 10_000) % 1000)


def _list_props(value) -> dict:
    n = len(value)
    return {"count": n, "length": n, "longlength": n, "rank": 1, "isreadonly": False,
            "isfixedsize": isinstance(value, (list, tuple)) and type(value) in (list, tuple),
            "issynchronized": False}


def _dict_member(d: dict, folded: str):
    if folded == "count":
        return True, len(d)
    if folded == "keys":
        return True, list(d.keys())
    if folded == "values":
        return True, list(d.values())
    if folded in ("isreadonly", "isfixedsize", "issynchronized"):
        return True, False
    return False, None


# --------------------------------------------------------------------------------------------
# get_member: the hot path ($_.Prop over many objects) - one dict dispatch on the exact type.


_INTRINSIC = frozenset(("psobject", "pstypenames", "psbase", "psadapted", "psextended"))


def _intrinsic(obj, folded: str):
    """.psobject / .pstypenames / .psbase ... (about_Intrinsic_Members): on every object but $null."""
    from .psobject_members import intrinsic_member

    return intrinsic_member(obj, folded)


def _get_psobject(obj: PSObject, name: str):
    value = obj._values.get(name.lower(), _MISSING)
    if value is not _MISSING:
        return value
    folded = name.lower()
    if folded in ("count", "length"):
        return 1
    if folded in _INTRINSIC:
        return _intrinsic(obj, folded)
    return None


def _get_hashtable(obj: Hashtable, name: str):
    real = obj._folded.get(name.lower(), _MISSING)
    if real is not _MISSING:
        return dict.__getitem__(obj, real)
    return _dict_fallback(obj, name.lower())


def _dict_fallback(obj: dict, folded: str):
    found, value = _dict_member(obj, folded)
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
    getter = _DATETIME_PROPS.get(name.lower())
    return getter(obj) if getter else _get_scalar(obj, name)


def _get_timespan(obj, name: str):
    getter = _TIMESPAN_PROPS.get(name.lower())
    return getter(obj) if getter else _get_scalar(obj, name)


def _get_list(obj, name: str):
    folded = name.lower()
    props = _list_props(obj)
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
    found, value = _object_lookup(obj, name)
    if found:
        return value
    return _get_scalar(obj, name)


_SEQUENCE_TYPES = {list, tuple}

_GETTERS = {
    PSObject: _get_psobject,
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
    for base, getter in (
        (PSObject, _get_psobject), (Hashtable, _get_hashtable), (dict, _get_dict),
        (str, _get_str), (bool, _get_scalar), (enum.Enum, _get_object), (int, _get_scalar),
        (float, _get_scalar), (_dt.datetime, _get_datetime), (_dt.timedelta, _get_timespan),
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
    real = _class_info(cls).props.get(name.lower())
    if real is None:
        return None
    return operator.attrgetter(real)


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
        value = obj._values.get(folded, _MISSING)
        return (False, None) if value is _MISSING else (True, value)
    if isinstance(obj, Hashtable):
        real = obj._folded.get(folded, _MISSING)
        if real is not _MISSING:
            return True, dict.__getitem__(obj, real)
        return _dict_member(obj, folded)
    if isinstance(obj, dict):
        for key in obj:
            if isinstance(key, str) and key.lower() == folded:
                return True, obj[key]
        return _dict_member(obj, folded)
    if isinstance(obj, str):
        return (True, len(obj)) if folded == "length" else (False, None)
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
        props = _list_props(obj)
        return (True, props[folded]) if folded in props else (False, None)
    if isinstance(obj, _dt.datetime):
        getter = _DATETIME_PROPS.get(folded)
        return (True, getter(obj)) if getter else (False, None)
    if isinstance(obj, _dt.timedelta):
        getter = _TIMESPAN_PROPS.get(folded)
        return (True, getter(obj)) if getter else (False, None)
    if isinstance(obj, (int, float, decimal.Decimal)) and not isinstance(obj, enum.Enum):
        return False, None
    if isinstance(obj, uuid.UUID):
        return (True, str(obj)) if folded == "guid" else (False, None)
    return _object_lookup(obj, name)


def has_member(obj, name: str) -> bool:
    """True if `name` is a property or method of obj (what `Get-Member -Name` would find)."""
    if lookup_member(obj, name)[0]:
        return True
    from .methods import has_method

    return has_method(obj, name)


def set_member(obj, name: str, value) -> None:
    """`$obj.Name = value`: dictionaries add keys, PSObjects add/set note properties,
    objects set an existing attribute (by its real spelling)."""
    from .errors import PSError

    if isinstance(obj, PSObject):
        if not obj.has_property(name):
            raise PSError(_NOT_SETTABLE.format(name), "PropertyNotFound",
                          category="InvalidOperation")
        obj.set_property(name, value)
        return
    if isinstance(obj, dict):
        real = obj.real_key(name, name) if isinstance(obj, Hashtable) else next(
            (k for k in obj if isinstance(k, str) and k.lower() == name.lower()), name)
        obj[real] = value
        return
    if obj is not None and not isinstance(obj, (str, int, float, decimal.Decimal, list, tuple,
                                                 _dt.datetime, _dt.timedelta)):
        info = _class_info(type(obj))
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


_NOT_SETTABLE = ("The property '{}' cannot be found on this object. "
                 "Verify that the property exists and can be set.")


def properties(obj) -> list[tuple[str, Any]]:
    """The object's properties in display order (what Format-List / Select * see).
    Dictionaries give their own .NET properties, not their keys: callers check is_dictionary."""
    if isinstance(obj, PSObject):
        return obj.properties()
    if obj is None:
        return []
    if isinstance(obj, dict):
        return [("IsReadOnly", False), ("IsFixedSize", False), ("IsSynchronized", False),
                ("Keys", list(obj.keys())), ("Values", list(obj.values())),
                ("SyncRoot", obj), ("Count", len(obj))]
    if isinstance(obj, str):
        return [("Length", len(obj))]
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
        n = len(obj)
        return [("Length", n), ("LongLength", n), ("Rank", 1), ("SyncRoot", obj),
                ("IsReadOnly", False), ("IsFixedSize", True), ("IsSynchronized", False),
                ("Count", n)]
    if isinstance(obj, _dt.datetime):
        return [(n, _DATETIME_PROPS[n.lower()](obj)) for n in _DATETIME_NAMES]
    if isinstance(obj, _dt.timedelta):
        return [(n, _TIMESPAN_PROPS[n.lower()](obj)) for n in _TIMESPAN_NAMES]
    if isinstance(obj, (bool, int, float, decimal.Decimal, enum.Enum)):
        return []
    if isinstance(obj, uuid.UUID):
        return [("Guid", str(obj))]
    return _object_properties(obj)


def to_python(value):
    """Plain Python data for any output: objects become dicts of their properties (display
    order), PSObjects and Hashtables become dicts, lists stay lists; scalars are unchanged."""
    if value is None or isinstance(value, (str, bool, int, float, decimal.Decimal, _dt.datetime,
                                           _dt.timedelta, enum.Enum)):
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
    if cls is PSObject:
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


class ExceptionInfo:
    """What `$_.Exception` is: a .NET exception's public surface over a PSError/Python error."""

    PS_PROPERTIES = ("Message", "InnerException")

    def __init__(self, message: str, exception_type: str = "System.Exception", inner=None):
        self.Message = message
        self._type = exception_type
        self._inner = inner  # the Python exception; its __cause__ is the inner exception

    @property
    def PS_TYPE_NAMES(self):
        return (self._type, "System.Exception", "System.Object")

    @property
    def InnerException(self):
        cause = getattr(self._inner, "__cause__", None)
        if cause is None:
            return None
        return ExceptionInfo(str(cause), getattr(cause, "exception_type", "System.Exception"), cause)

    def GetType(self):
        from .pstypes import resolve_type_info

        return resolve_type_info(self._type)

    def ToString(self) -> str:
        return f"{self._type}: {self.Message}"

    def __str__(self) -> str:
        return self.Message

    def __repr__(self) -> str:
        return f"ExceptionInfo({self.Message!r}, {self._type!r})"


# --------------------------------------------------------------------------------------------
# Get-Member


class MemberInfo(NamedTuple):
    """One row of Get-Member: Name, MemberType ('Property', 'NoteProperty', 'Method', ...),
    Definition (e.g. 'string ImageName {get;set;}', 'int a=1')."""

    Name: str
    MemberType: str
    Definition: str


# Get-Member spells common types with their accelerator names (ToStringCodeMethods.Type).
_SHORT_TYPE = {"System.Int32": "int", "System.Int64": "long", "System.String": "string", "System.Boolean": "bool",
               "System.Double": "double", "System.Decimal": "decimal", "System.Char": "char",
               "System.DateTime": "datetime", "System.TimeSpan": "timespan", "System.Object": "System.Object",
               "System.Collections.Hashtable": "hashtable", "System.Object[]": "Object[]"}


def short_type_name(value) -> str:
    names = type_names(value)
    if not names:
        return "object"
    return _SHORT_TYPE.get(names[0], names[0])


def _settable(cls: type, name: str) -> bool:
    attr = getattr(cls, name, None)
    if isinstance(attr, property):
        return attr.fset is not None
    params = getattr(cls, "__dataclass_params__", None)
    return not (params is not None and params.frozen)


def members(obj) -> list[MemberInfo]:
    """Get-Member's rows for obj (properties, then methods), in display order."""
    from .conversion import to_string
    from .methods import method_definition, method_names

    rows: list[MemberInfo] = []
    if isinstance(obj, PSObject):
        for name, value in obj.properties():
            text = "null" if value is None else to_string(value)
            rows.append(MemberInfo(name, "NoteProperty", f"{short_type_name(value)} {name}={text}"))
    elif isinstance(obj, dict):
        rows.append(MemberInfo("Item", "ParameterizedProperty",
                               "System.Object Item(System.Object key) {get;set;}"))
        for name, value in properties(obj):
            rows.append(MemberInfo(name, "Property", f"{short_type_name(value)} {name} {{get;}}"))
    elif obj is not None:
        readonly = isinstance(obj, (str, int, float, decimal.Decimal, list, tuple, _dt.datetime, _dt.timedelta))
        for name, value in properties(obj):
            access = "{get;}" if readonly or not _settable(type(obj), name) else "{get;set;}"
            rows.append(MemberInfo(name, "Property", f"{short_type_name(value)} {name} {access}"))
    if obj is not None:
        listed = {row.Name.lower() for row in rows}  # Item is a parameterized property, not a method
        rows.extend(MemberInfo(name, "Method", method_definition(obj, name))
                    for name in method_names(obj) if name.lower() not in listed)
    return rows


def static_members(obj) -> list[MemberInfo]:
    """Get-Member -Static: the static members of obj's type (or of obj when it is a type)."""
    from .pstypes import PSType, resolve_type_info

    names = type_names(obj)
    target = obj if isinstance(obj, PSType) else resolve_type_info(names[0] if names else "System.Object")
    return target.static_members()
