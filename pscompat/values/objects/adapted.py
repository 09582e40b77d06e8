"""Adapted members of base objects: the per-class property/method tables for plain Python
objects, and the .NET properties of built-in values (DateTime, TimeSpan, arrays, dictionaries).
Kept apart from the get_member dispatch so those tables read as data, not as control flow."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
from functools import cached_property
from typing import Any, NamedTuple

# --------------------------------------------------------------------------------------------
# Per-type member tables for ordinary Python objects.


class _TypeInfoCache(NamedTuple):
    props: dict  # folded -> real attribute name (properties/fields/slots/instance attrs seen)
    order: tuple  # declared display order (PS_PROPERTIES / dataclass fields / @property)
    methods: dict  # folded -> real method name


_TYPE_CACHE: dict[type, _TypeInfoCache] = {}


def class_info(cls: type) -> _TypeInfoCache:
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


def object_lookup(obj, name: str):
    """(found, value) for an attribute of an ordinary object, case-insensitively."""
    info = class_info(type(obj))
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
    return class_info(type(obj)).props.get(name.lower())


def object_properties(obj) -> list[tuple[str, Any]]:
    cls = type(obj)
    info = class_info(cls)
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


DATETIME_PROPS = {
    "year": lambda d: d.year,
    "month": lambda d: d.month,
    "day": lambda d: d.day,
    "hour": lambda d: d.hour,
    "minute": lambda d: d.minute,
    "second": lambda d: d.second,
    "millisecond": lambda d: d.microsecond // 1000,
    "microsecond": lambda d: d.microsecond % 1000,
    "date": lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0),
    "dayofweek": lambda d: DayOfWeek((d.weekday() + 1) % 7),
    "dayofyear": lambda d: d.timetuple().tm_yday,
    "timeofday": lambda d: _dt.timedelta(hours=d.hour, minutes=d.minute, seconds=d.second, microseconds=d.microsecond),
    "ticks": lambda d: _ticks(d.replace(tzinfo=None) - _EPOCH),
}
DATETIME_NAMES = (
    "Date",
    "Day",
    "DayOfWeek",
    "DayOfYear",
    "Hour",
    "Millisecond",
    "Microsecond",
    "Minute",
    "Month",
    "Second",
    "Ticks",
    "TimeOfDay",
    "Year",
)

TIMESPAN_PROPS = {
    "days": lambda t: (
        _ticks(t) // (86400 * _TICKS_PER_SECOND) if t.days >= 0 else -(_ticks(-t) // (86400 * _TICKS_PER_SECOND))
    ),
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
TIMESPAN_NAMES = (
    "Days",
    "Hours",
    "Milliseconds",
    "Minutes",
    "Seconds",
    "Ticks",
    "TotalDays",
    "TotalHours",
    "TotalMilliseconds",
    "TotalMinutes",
    "TotalSeconds",
)


def _span_part(t: _dt.timedelta, unit: int, modulo: int) -> int:
    # .NET TimeSpan components carry the sign of the whole span (-1:30 -> Hours -1, Minutes -30).
    ticks = _ticks(t)
    sign = -1 if ticks < 0 else 1
    return sign * ((abs(ticks) // (unit * _TICKS_PER_SECOND)) % modulo)


def _span_ms(t: _dt.timedelta) -> int:
    ticks = _ticks(t)
    sign = -1 if ticks < 0 else 1
    return sign * ((abs(ticks) // 10_000) % 1000)


def list_props(value) -> dict:
    n = len(value)
    return {
        "count": n,
        "length": n,
        "longlength": n,
        "rank": 1,
        "isreadonly": False,
        "isfixedsize": isinstance(value, (list, tuple)) and type(value) in (list, tuple),
        "issynchronized": False,
    }


def dict_member(d: dict, folded: str):
    if folded == "count":
        return True, len(d)
    if folded == "keys":
        return True, list(d.keys())
    if folded == "values":
        return True, list(d.values())
    if folded in ("isreadonly", "isfixedsize", "issynchronized"):
        return True, False
    return False, None
