"""PowerShell's index operator, reading and assigning: negative indexes, index lists,
dictionaries (by key, and [ordered] by position), strings (a [char]), by-name indexers."""

from __future__ import annotations

from typing import Any

from pscompat.errors import RuntimeError_


def index_value(target: Any, index: Any) -> Any:
    """PowerShell's index operator: negative indexes, index lists, dictionaries, strings."""
    if target is None:
        raise RuntimeError_("Cannot index into a null array.", "NullArray")
    if isinstance(target, dict):
        if isinstance(index, list):
            return [index_value(target, i) for i in index]
        if index not in target and getattr(target, "ordered", False) and type(index) is int:
            values = list(target.values())  # [ordered] also indexes by position
            return values[index] if -len(values) <= index < len(values) else None
        return target.get(index)
    if isinstance(index, list):
        out = []
        for i in index:
            v = index_value(target, i)
            if v is not None or isinstance(target, (list, tuple)):
                out.append(v)
        return out
    if isinstance(target, (list, tuple, str)):
        if isinstance(index, str) and not isinstance(target, str):
            indexer = getattr(target, "Item", None)  # .NET's by-name indexer: Properties['Name']
            if indexer is not None:
                return indexer(index)
            if type(target).__getitem__ not in (list.__getitem__, tuple.__getitem__):
                try:
                    return target[index]
                except (KeyError, IndexError, TypeError):
                    return None
        try:
            i = int(index)
        except (TypeError, ValueError):
            from pscompat.values.convert.primitives import convert_to

            i = convert_to(index, "int")
        n = len(target)
        if -n <= i < n:
            if isinstance(target, str):  # a string's element is a [char]
                from pscompat.values.objects.classes import Char

                return Char(target[i])
            return target[i]
        return None
    from pscompat.values.objects.classes import PSObject

    getitem = getattr(target, "__getitem__", None)
    # A PSCustomObject's `[name]` is pscompat's own convenience, not an indexer PowerShell sees:
    # indexed, it is a scalar like any object without one.
    if getitem is not None and not isinstance(target, (int, float, PSObject)):
        try:
            return getitem(index)
        except (KeyError, IndexError):
            return None
        except TypeError:
            pass
    return scalar_index(target, index)


def scalar_index(target: Any, index: Any) -> Any:
    """An object that cannot be indexed: `$x[0]` and `$x[-1]` are `$x`, so a command that
    returned one object reads like one that returned a list of them (`$images[0].ImageName`);
    any other index is no result (PS: ArrayOps.cs GetNonIndexable; StrictMode 2 makes it an
    error, which pscompat does not model)."""
    from pscompat.values.operators.equality import equals

    if index is not None and not isinstance(index, (list, tuple)):
        try:
            if equals(0, index) or equals(-1, index):
                return target
        except Exception:  # an index that does not compare with a number is simply no match
            return None
    return None


def set_index(target, index, value) -> None:
    if target is None:
        raise RuntimeError_("Cannot index into a null array.", "NullArray")
    if isinstance(target, dict):
        target[index] = value
        return
    if isinstance(target, list):
        from pscompat.values.convert.primitives import convert_to

        i = convert_to(index, "int")
        if not -len(target) <= i < len(target):
            raise RuntimeError_(
                "Index was outside the bounds of the array.",
                "IndexOutOfRange",
                exception_type="System.IndexOutOfRangeException",
            )
        target[i] = value
        return
    try:
        target[index] = value
    except TypeError:
        from pscompat.values.objects.model import type_names

        tn = (type_names(target) or ["System.Object"])[0]
        raise RuntimeError_(f"Unable to index into an object of type {tn}.", "CannotIndex") from None


def dynamic_member(target: Any, name: Any) -> Any:
    """`$obj.$name`, `$obj.$(expr)`, `$Matches.1`: the member named by a value.  A dictionary
    looks the value itself up as a key first (`$Matches.1` finds the key 1, an int), then the
    member of that name (PS: Binders.cs PSGetDynamicMemberBinder.GetIDictionaryMember)."""
    from pscompat.values.convert.strings import to_string
    from pscompat.values.objects.access import get_member

    if isinstance(target, dict) and not isinstance(name, str):
        try:
            if name in target:
                return target[name]
        except TypeError:  # an unhashable value is no key
            pass
    return get_member(target, to_string(name))
