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
    getitem = getattr(target, "__getitem__", None)
    if getitem is not None and not isinstance(target, (int, float)):
        try:
            return getitem(index)
        except (KeyError, IndexError):
            return None
        except TypeError:
            pass
    try:
        i = int(index)
    except (TypeError, ValueError):
        return None
    return target if i in (0, -1) else None


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
