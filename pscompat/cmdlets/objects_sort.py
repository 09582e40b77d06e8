"""Sort-Object, Group-Object and Get-Unique (PS: src/Microsoft.PowerShell.Commands.Utility/
commands/utility/OrderObjectBase.cs, Sort-Object.cs, Group-Object.cs, GetUnique.cs).

Both sorters build an 'order matrix': per input object, one value per key, where a key the
object lacks is 'non-existing' and sorts after everything else in either direction.
"""
from __future__ import annotations

from functools import cmp_to_key

from ..psobject import Hashtable, PSObject
from .base import Cmdlet, Parameter, cmdlet
from .objects_common import NS, command_compare, has_input, resolve_property
from .objects_props import GROUP_ENTRIES, SORT_ENTRIES, PropertySpec, parse_properties
from .objects_select import check_range

_MISSING = object()  # ObjectCommandPropertyValue.NonExistingProperty
_NUMBER = (int, float)


class _Entry:
    """OrderByPropertyEntry: an input object with its sort values."""

    __slots__ = ("obj", "values", "index", "comparable")

    def __init__(self, obj, values, index, comparable):
        self.obj, self.values, self.index, self.comparable = obj, values, index, comparable


def expand_specs(specs: list[PropertySpec], objects: list) -> list[PropertySpec]:
    """ExpandExpressions: a wildcard key becomes one key per matching property name found on
    any input object, in case-insensitive name order."""
    out = []
    for spec in specs:
        if not spec.wildcard:
            out.append(spec)
            continue
        names: dict = {}
        for obj in objects:
            for name in spec.resolve(obj):
                names[name.lower()] = name
        for folded in sorted(names):
            out.append(PropertySpec(names[folded], spec.entries))
    return out


def order_values(cmd, obj, specs: list[PropertySpec]) -> tuple[list, bool]:
    """EvaluateSortingExpression for every key: (values, comparable).  A script block that
    fails writes 'ExpressionEvaluation' and sorts as $null."""
    if not specs:
        return [obj], True
    values = []
    comparable = False
    for spec in specs:
        if spec.is_block:
            _, value, exc = spec.block_value(cmd, obj)
            if exc is not None:
                cmd.write_error(exc.message, "ExpressionEvaluation", "InvalidResult", obj)
                value = None
            values.append(value)
            comparable = True
            continue
        if spec.wildcard:
            names = spec.resolve(obj)
            found, value = (True, resolve_property(obj, names[0])[2]) if names else (False, None)
        else:
            found, _, value = resolve_property(obj, spec.expression)
        if not found:
            values.append(_MISSING)
            continue
        values.append(value)
        comparable = True
    return values, comparable


def make_comparer(directions: list[bool], case_sensitive: bool):
    """OrderByPropertyComparer: key by key, missing values last whatever the direction."""

    def compare(a: _Entry, b: _Entry) -> int:
        av, bv = a.values, b.values
        for k, ascending in enumerate(directions):
            x = av[k] if k < len(av) else _MISSING
            y = bv[k] if k < len(bv) else _MISSING
            if x is _MISSING or y is _MISSING:
                if x is _MISSING and y is _MISSING:
                    continue
                return 1 if x is _MISSING else -1
            order = command_compare(x, y, case_sensitive)
            if order:
                return order if ascending else -order
        return 0

    return compare


def _directions(specs, key_count: int, descending: bool) -> list[bool]:
    directions = []
    for k in range(key_count):
        ascending = not descending
        if k < len(specs):
            entries = specs[k].entries
            asc, desc = entries.get("ascending"), entries.get("descending")
            if asc is not None and desc is not None and asc == desc:
                pass  # contradictory: the -Descending switch decides
            elif asc is not None:
                ascending = asc
            elif desc is not None:
                ascending = not desc
        directions.append(ascending)
    return directions


def _fast_key(entries: list[_Entry], case_sensitive: bool):
    """A native sort key when every entry has one plain number, or one string, as its value
    (the common `sort Size` / `sort Name` cases): the comparer's order without a Python call
    per comparison."""
    kinds = set()
    for e in entries:
        v = e.values[0] if len(e.values) == 1 else _MISSING
        t = type(v)
        if t in _NUMBER:
            kinds.add(_NUMBER)
        elif t is str:
            kinds.add(str)
        else:
            return None
        if len(kinds) > 1:
            return None
    if kinds == {_NUMBER}:
        return lambda e: e.values[0]
    from ..operators_compare import string_sort_key

    if case_sensitive:  # equal keys fall back to an ordinal comparison, as compare_strings does
        return lambda e: (string_sort_key(e.values[0], True), e.values[0])
    return lambda e: string_sort_key(e.values[0], False)


@cmdlet("Sort-Object", aliases=("sort",), default_set="Default",
        synopsis="Sorts objects by property values.",
        description="Sorts objects in ascending or descending order by one or more keys: property "
                    "names, script blocks or hashtables with Expression and Ascending/Descending.",
        examples=(
            ("3,1,2 | Sort-Object", "Sorts numbers: 1, 2, 3."),
            ("Get-Process | Sort-Object -Property CPU -Descending", "Sorts by a property, largest first."),
            ("$f | Sort-Object @{Expression='Status'; Descending=$true}, Name", "Mixed directions."),
            ("1..10 | Sort-Object -Top 3 -Descending", "The three largest: 10, 9, 8."),
        ))
class SortObject(Cmdlet):
    """Sorts objects by property values."""

    parameters = (
        Parameter("Stable", "switch", sets=("Default",)),
        Parameter("Descending", "switch"),
        Parameter("Unique", "switch"),
        Parameter("Top", "int", mandatory=True, sets=("Top",)),
        Parameter("Bottom", "int", mandatory=True, sets=("Bottom",)),
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0),
        Parameter("Culture", "string"),
        Parameter("CaseSensitive", "switch"),
    )

    def begin(self):
        check_range(self, ("Top", "Bottom"), minimum=1)
        self._specs = parse_properties(self, self.Property, SORT_ENTRIES)
        self._objects = []

    def process(self):
        if has_input(self) and self.InputObject is not None:
            self._objects.append(self.InputObject)

    def end(self):
        objects = self._objects
        if not objects:
            return []
        specs = expand_specs(self._specs, objects)
        entries = []
        for i, obj in enumerate(objects):
            values, comparable = order_values(self, obj, specs)
            entries.append(_Entry(obj, values, i, comparable))
        key_count = max(len(e.values) for e in entries)
        if key_count == 0:
            return []
        directions = _directions(specs, key_count, bool(self.Descending))
        compare = make_comparer(directions, bool(self.CaseSensitive))
        top, bottom = self.bound.get("Top", 0) or 0, self.bound.get("Bottom", 0) or 0
        if not self.Stable and not top and not bottom:
            ordered = self._sort(entries, compare, directions)
            if self.Unique:
                ordered = _unique_runs(ordered, compare)
        else:
            # The heap sort PowerShell uses here is stable and puts objects without any of
            # the keys after the others.
            if self.Unique:
                entries = _unique_first(entries, compare)
            key = cmp_to_key(lambda a, b: (b.comparable - a.comparable) or compare(a, b) or (a.index - b.index))
            ordered = sorted(entries, key=key)
            if top:
                ordered = ordered[:top]
            elif bottom:
                ordered = ordered[-bottom:] if bottom < len(ordered) else ordered
        return [e.obj for e in ordered]

    def _sort(self, entries, compare, directions):
        fast = _fast_key(entries, bool(self.CaseSensitive)) if len(directions) == 1 else None
        if fast is not None:
            return sorted(entries, key=fast, reverse=not directions[0])
        return sorted(entries, key=cmp_to_key(compare))


def _unique_runs(ordered: list, compare) -> list:
    """MoveUniqueEntriesToFront: keep the first entry of each run of equal entries."""
    out = []
    for e in ordered:
        if not out or compare(out[-1], e) != 0:
            out.append(e)
    return out


def _unique_first(entries: list, compare) -> list:
    """The heap path's SortedSet: the first entry (in input order) of each equal value."""
    out: list = []
    for e in entries:
        if all(compare(seen, e) != 0 for seen in out):
            out.append(e)
    return out


class GroupInfo:
    """Microsoft.PowerShell.Commands.GroupInfo: Count, Name (the keys joined by ', '), Group."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
    PS_PROPERTIES = ("Values", "Count", "Group", "Name")

    def __init__(self, entry: _Entry, no_element: bool):
        self._entry = entry
        self._no_element = no_element
        self.Group: list = []
        self.Count = 0
        self.Name = _build_name(entry.values)
        self.add(entry.obj)

    def add(self, obj) -> None:
        self.Count += 1
        if not self._no_element:
            self.Group.append(obj)

    @property
    def Values(self) -> list:
        return [None if v is _MISSING else v for v in self._entry.values]

    def __repr__(self) -> str:
        return f"GroupInfo(Name={self.Name!r}, Count={self.Count})"


def _build_name(values) -> str:
    from ..conversion import to_string

    parts = []
    for value in values:
        if value is None or value is _MISSING:
            continue
        if isinstance(value, (list, tuple)):
            parts.append("{" + ", ".join(to_string(v) for v in value) + "}")
        else:
            parts.append(to_string(value))
    return ", ".join(parts)


@cmdlet("Group-Object", aliases=("group",),
        synopsis="Groups objects that contain the same value for specified properties.",
        description="Emits one GroupInfo per distinct key (Count, Name, Group, Values); groups are "
                    "sorted by key when all keys have one type, else kept in order of appearance.",
        examples=(
            ("'a','b','a' | Group-Object", "Two groups: a (Count 2) and b (Count 1)."),
            ("Get-ChildItem | Group-Object Extension -NoElement", "Counts per extension."),
            ("$items | Group-Object Kind -AsHashTable", "A hashtable from key to group."),
        ))
class GroupObject(Cmdlet):
    """Groups objects that contain the same value for specified properties."""

    parameters = (
        Parameter("NoElement", "switch"),
        Parameter("AsHashTable", "switch", sets=("HashTable",), aliases=("AHT",)),
        Parameter("AsString", "switch", sets=("HashTable",)),
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0),
        Parameter("Culture", "string"),
        Parameter("CaseSensitive", "switch"),
    )

    def begin(self):
        self._entries: list[_Entry] = []
        self._specs = None
        self._types = None
        self._mixed = False

    def process(self):
        if not has_input(self) or self.InputObject is None:
            return
        obj = self.InputObject
        if self._specs is None:
            specs = parse_properties(self, self.Property, GROUP_ENTRIES)
            if self.AsString and not self.AsHashTable:
                self.throw_terminating(
                    "The command cannot be run because the AsString parameter requires that you "
                    "specify the AsHashtable parameter.", "ArgumentException", "InvalidArgument")
            if self.AsHashTable and not self.AsString and len(specs) > 1:
                self.throw_terminating(
                    "The command cannot be run because using the AsHashTable parameter with more "
                    "than one property requires adding the AsString parameter.",
                    "ArgumentException", "InvalidArgument")
            self._specs = specs
        values, comparable = order_values(self, obj, expand_specs(self._specs, [obj]))
        self._entries.append(_Entry(obj, values, len(self._entries), comparable))
        if not self._mixed:
            self._track_types(values)

    def _track_types(self, values) -> None:
        """UpdateOrderPropertyTypeInfo: are all (non-null) key values of one type per key?"""
        types = [None if v is None or v is _MISSING else type(v) for v in values]
        if self._types is None:
            self._types = types
            return
        if len(types) != len(self._types):
            self._mixed = True
            return
        for i, t in enumerate(types):
            if t is None:
                continue
            if self._types[i] is None:
                self._types[i] = t
            elif self._types[i] is not t:
                self._mixed = True
                return

    def _bucket(self, entries, no_element):
        """One string or number key per object: group through a dict instead of comparisons.
        Strings that compare equal are exactly those equal after case folding (or equal, with
        -CaseSensitive); groups are then ordered by key as the comparer orders them."""
        first = entries[0].values[0]
        kind = type(first)
        if kind is str:
            case_sensitive = bool(self.CaseSensitive)
            fold = (lambda v: v) if case_sensitive else str.casefold
        elif kind in _NUMBER:
            fold = None
        else:
            return None
        buckets: dict = {}
        for e in entries:
            v = e.values[0]
            if type(v) is not kind:
                return None
            key = v if fold is None else fold(v)
            group = buckets.get(key)
            if group is None:
                buckets[key] = GroupInfo(e, no_element)
            else:
                group.add(e.obj)
        groups = list(buckets.values())
        if fold is None:
            groups.sort(key=lambda g: g._entry.values[0])
        else:
            from ..operators_compare import string_sort_key

            groups.sort(key=lambda g: string_sort_key(g._entry.values[0], case_sensitive))
        return groups

    def end(self):
        entries = self._entries
        if not entries:
            return []
        key_count = max(len(e.values) for e in entries)
        compare = make_comparer([True] * key_count, bool(self.CaseSensitive))
        groups: list[GroupInfo] = []
        no_element = bool(self.NoElement)
        fast = None if self._mixed or key_count != 1 else self._bucket(entries, no_element)
        if fast is not None:
            groups = fast
        elif not self._mixed:
            for e in sorted(entries, key=cmp_to_key(compare)):
                if groups and compare(groups[-1]._entry, e) == 0:
                    groups[-1].add(e.obj)
                else:
                    groups.append(GroupInfo(e, no_element))
        else:
            for e in entries:
                for g in groups:
                    if compare(g._entry, e) == 0:
                        g.add(e.obj)
                        break
                else:
                    groups.append(GroupInfo(e, no_element))
        if not self.AsHashTable:
            return groups
        table = Hashtable()
        for g in groups:
            key = g.Name if self.AsString else g.Values[0]
            if key in table:
                self.write_error(
                    "The objects grouped by this property cannot be expanded because there is a key "
                    "duplication. Provide a valid value for the property, and then try again.",
                    "The objects grouped by this property cannot be expanded because there is a key "
                    "duplication. Provide a valid value for the property, and then try again.",
                    "InvalidArgument")
                return []
            table[key] = g.Group
        return [table]


@cmdlet("Get-Unique", aliases=("gu",),
        synopsis="Returns unique items from a sorted list.",
        description="Drops each object equal to the one before it (so the input should be sorted). "
                    "Strings compare case-sensitively unless -CaseInsensitive; -AsString compares "
                    "the string forms, -OnType the type names.",
        examples=(
            ("1,1,2,2,2,3 | Get-Unique", "1, 2, 3."),
            ("'a','A','b' | Get-Unique -CaseInsensitive", "a, b."),
        ))
class GetUnique(Cmdlet):
    """Returns unique items from a sorted list."""

    parameters = (
        Parameter("InputObject", "psobject", pipeline=True, sets=("AsString", "UniqueByType")),
        Parameter("AsString", "switch", sets=("AsString",)),
        Parameter("OnType", "switch", sets=("UniqueByType",)),
        Parameter("CaseInsensitive", "switch"),
    )

    def begin(self):
        self._last = _MISSING
        self._last_string = None

    def process(self):
        if not has_input(self):
            return None
        obj = self.InputObject
        last = self._last
        if last is _MISSING or last is None:
            unique = True
        elif self.OnType:
            from ..psobject import type_names

            unique = (type_names(obj) or [""])[0] != (type_names(last) or [""])[0]
        elif self.AsString:
            from ..conversion import to_string

            text = to_string(obj)
            if self._last_string is None:
                self._last_string = to_string(last)
            if self.CaseInsensitive:
                unique = text.lower() != self._last_string.lower()
            else:
                unique = text != self._last_string
            if unique:
                self._last_string = text
        elif isinstance(obj, PSObject) and isinstance(last, PSObject):
            # ObjectCommandComparer compares two PSCustomObjects by their (empty) base
            # ToString(): PowerShell treats them all as equal here.
            unique = False
        else:
            unique = command_compare(obj, last, not self.CaseInsensitive) != 0
        if unique:
            self._last = obj
            return (obj,)
        return None
