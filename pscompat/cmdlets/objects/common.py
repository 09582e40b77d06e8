"""Helpers shared by the object cmdlets: pipeline-input detection, collection unrolling,
property resolution with wildcards, and PowerShell's ObjectCommandComparer.

Kept free of cmdlet declarations so every objects_*.py module can import it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pscompat.engine.runtime import is_enumerable
from pscompat.values.objects.access import lookup_member, properties
from pscompat.values.objects.adapted import declared_name
from pscompat.values.objects.classes import PSObject, is_dictionary

# Error ids are '<Id>,<cmdlet class>' (ErrorRecord.FullyQualifiedErrorId).
NS = "Microsoft.PowerShell.Commands."

PSCUSTOMOBJECT = "System.Management.Automation.PSCustomObject"


def has_input(cmd) -> bool:
    """True when process() runs for a real pipeline object (or -InputObject was given).

    PowerShell leaves InputObject as AutomationNull when a cmdlet runs first in a pipeline;
    Where/Select/Sort skip that call, ForEach-Object does not."""
    return "InputObject" in cmd.bound


def unroll(value) -> Iterator:
    """Write a value to the pipeline the way WriteObject(value, enumerateCollection: true) does."""
    if is_enumerable(value):
        yield from value
    else:
        yield value


def as_is(outputs: list) -> Any:
    """ScriptBlock.DoInvokeReturnAsIs: no output -> $null, one -> itself, several -> array."""
    if not outputs:
        return None
    if len(outputs) == 1:
        return outputs[0]
    return list(outputs)


def wildcard_regex(pattern: str):
    """Case-insensitive compiled form of a PowerShell wildcard (* ? [set] and ` escapes)."""
    import re

    out = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "`" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if ch == "*":
            out.append(".*")
        elif ch == "?":
            out.append(".")
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                out.append("[" + body + "]")
                i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE | re.DOTALL)


_pattern_cache: dict = {}


def wildcard_matcher(pattern: str):
    """A cached `match(text) -> bool` for a case-insensitive wildcard pattern."""
    fn = _pattern_cache.get(pattern)
    if fn is None:
        rx = wildcard_regex(pattern)
        fn = _pattern_cache[pattern] = lambda text, _m=rx.match: _m(text) is not None
    return fn


def matches_any(patterns, name: str) -> bool:
    """Does the name match one of the wildcard patterns (-Include / -Exclude)?"""
    return any(wildcard_matcher(p)(name) for p in patterns)


def property_names(obj) -> list[str]:
    """Property names in display order; a dictionary's keys come first (Select-Object wraps a
    hashtable as a PSCustomObject of its keys, then falls back to its real properties)."""
    if isinstance(obj, PSObject):
        return obj.property_names()
    return [name for name, _ in properties(obj)]


def match_properties(obj, pattern: str) -> list[str]:
    """Names of obj's properties matching a wildcard, in the object's own order.
    Hashtable keys are tried first; the hashtable's own properties only if no key matches."""
    match = wildcard_matcher(pattern)
    if is_dictionary(obj):
        keys = [k for k in obj.keys() if isinstance(k, str) and match(k)]
        if keys:
            return keys
    return [name for name in property_names(obj) if match(name)]


def resolve_property(obj, name: str) -> tuple[bool, str, Any]:
    """(found, canonical name, value) of a property spelled without wildcards.
    PowerShell names the result after the member it found (`select name` -> 'Name')."""
    if isinstance(obj, PSObject):
        folded = name.lower()
        real = obj._names.get(folded)
        if real is None:
            return False, name, None
        if type(obj) is not PSObject:  # script/alias members run code; a method is no property
            return (True, real, obj.get(real)) if obj.has_property(real) else (False, name, None)
        return True, real, obj._values[folded]
    if is_dictionary(obj):
        real = (
            obj.real_key(name, None)
            if hasattr(obj, "real_key")
            else next((k for k in obj if isinstance(k, str) and k.lower() == name.lower()), None)
        )
        if real is not None:
            return True, real, obj[real]
    found, value = lookup_member(obj, name)
    if not found:
        return False, name, None
    if not isinstance(obj, (dict, list, tuple, str)):
        real = declared_name(obj, name)
        if real is not None:
            return True, real, value
    folded = name.lower()
    for prop in property_names(obj):
        if prop.lower() == folded:
            return True, prop, value
    return True, name, value


def base_type_name(obj) -> str:
    """The .NET type of the base object (for 'Selected.<type>'): a PSCustomObject stays a
    PSCustomObject whatever PSTypeNames were added to it."""
    if isinstance(obj, PSObject):
        return PSCUSTOMOBJECT
    from pscompat.values.objects.model import type_names

    names = type_names(obj)
    return names[0] if names else "System.Object"


# --- ObjectCommandComparer (Sort-Object, Group-Object, Select -Unique, Compare-Object) --------


def command_compare(a, b, case_sensitive: bool = False) -> int:
    """ObjectCommandComparer.Compare: LanguagePrimitives.TryCompare, falling back to comparing
    the two values' string forms under the culture (PS: ObjectCommandComparer.cs)."""
    if a is None and b is None:
        return 0
    from pscompat.values.operators.equality import compare

    try:
        return compare(a, b, case_sensitive)
    except Exception:  # not comparable: PowerShell compares ToString() forms instead
        from pscompat.values.convert.strings import to_string

        return compare(to_string(a), to_string(b), case_sensitive)


def command_equal(a, b, case_sensitive: bool = False) -> bool:
    """ObjectCommandPropertyValue.Equals (Group-Object keys, Compare-Object)."""
    return command_compare(a, b, case_sensitive) == 0


def property_reader(name: str, missing):
    """A one-argument reader of property `name` (no wildcards) that returns `missing` when the
    object lacks it: the value resolve_property would find, with the per-class attribute getter
    remembered, so sorting or grouping many objects of one class resolves the name once."""
    from pscompat.values.objects.access import member_getter

    folded = name.lower()
    getters: dict = {}

    def read(obj):
        cls = type(obj)
        getter = getters.get(cls)
        if getter is None:
            if cls is PSObject:
                getter = getters[cls] = lambda o: o._values.get(folded, missing)
            else:
                plain = member_getter(cls, name) if not is_dictionary(obj) else None
                getter = getters[cls] = plain if plain is not None else _general
        try:
            return getter(obj)
        except AttributeError:  # an unset slot: the general lookup decides
            return _general(obj)

    def _general(obj):
        found, _, value = resolve_property(obj, name)
        return value if found else missing

    return read


def read_column(items: list, name: str, missing) -> list:
    """Property `name` (no wildcards) of every object of `items` (`missing` where an object
    lacks it), read in C-level passes when the objects are all of one class with a plain
    attribute, or all plain PSObjects (a dict lookup each, through map); object by object
    through property_reader otherwise."""
    from operator import attrgetter

    from pscompat.engine.pipeline.fused import plain_column

    column = plain_column(items, name)
    if column is not None:
        return column
    if items and set(map(type, items)) == {PSObject}:
        folded = name.lower()
        return [values.get(folded, missing) for values in map(attrgetter("_values"), items)]
    read = property_reader(name, missing)
    return [read(obj) for obj in items]
