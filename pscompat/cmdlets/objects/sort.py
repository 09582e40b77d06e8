"""Sort-Object and the order matrix it shares with Group-Object, Get-Unique and Compare-Object
(PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/OrderObjectBase.cs, Sort-Object.cs).

Both sorters build an 'order matrix': per input object, one value per key, where a key the
object lacks is 'non-existing' and sorts after everything else in either direction.
"""

from __future__ import annotations

import heapq
from datetime import datetime
from functools import cmp_to_key

from pscompat.cmdlets.objects.common import command_compare, has_input, property_reader, resolve_property
from pscompat.cmdlets.objects.introsort import dotnet_sort
from pscompat.cmdlets.objects.properties import SORT_ENTRIES, PropertySpec, parse_properties
from pscompat.cmdlets.objects.select import check_range
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.pipeline.fast_paths import FastEach

NON_EXISTING = object()  # ObjectCommandPropertyValue.NonExistingProperty
# Up to this many objects, Sort-Object without -Stable reproduces .NET's unstable order of
# equal keys exactly (objects_introsort); beyond it a Python call per comparison costs too
# much, and equal keys keep their input order.
EXACT_UNSTABLE_LIMIT = 4096
NUMBER_TYPES = (int, float)


class OrderEntry:
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
            values.append(NON_EXISTING)
            continue
        values.append(value)
        comparable = True
    return values, comparable


def _plain_entries(objects: list, specs: list[PropertySpec]):
    """order_values for keys that are all plain property names (no script block to run, no
    wildcard): each name resolved through a per-class reader.  None for other keys."""
    if not specs or any(s.is_block or s.wildcard for s in specs):
        return None
    readers = [property_reader(s.expression, NON_EXISTING) for s in specs]
    entries = []
    if len(readers) == 1:
        read = readers[0]
        for i, obj in enumerate(objects):
            v = read(obj)
            entries.append(OrderEntry(obj, [v], i, v is not NON_EXISTING))
        return entries
    for i, obj in enumerate(objects):
        values = [read(obj) for read in readers]
        entries.append(OrderEntry(obj, values, i, any(v is not NON_EXISTING for v in values)))
    return entries


def make_comparer(directions: list[bool], case_sensitive: bool):
    """OrderByPropertyComparer: key by key, missing values last whatever the direction."""

    def compare(a: OrderEntry, b: OrderEntry) -> int:
        av, bv = a.values, b.values
        for k, ascending in enumerate(directions):
            x = av[k] if k < len(av) else NON_EXISTING
            y = bv[k] if k < len(bv) else NON_EXISTING
            if x is NON_EXISTING or y is NON_EXISTING:
                if x is NON_EXISTING and y is NON_EXISTING:
                    continue
                return 1 if x is NON_EXISTING else -1
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


def _native_kind(values: list):
    """str, NUMBER_TYPES or datetime when every value is a plain number, every one a string, or
    every one a DateTime of one kind (naive or aware): values Python orders as the comparer
    does.  None when the general comparer is needed (missing values, nulls, other types)."""
    kind = None
    aware = None
    for v in values:
        t = type(v)
        if t in NUMBER_TYPES:
            t = NUMBER_TYPES
        elif t is datetime:
            tz = v.tzinfo is not None  # naive and aware values do not compare
            if aware is None:
                aware = tz
            elif aware is not tz:
                return None
        elif t is not str:
            return None
        if kind is None:
            kind = t
        elif kind is not t:
            return None
    return kind


def _column_key(entries: list[OrderEntry], k: int, case_sensitive: bool):
    """A native sort key for key column k when every entry's value there is a plain number,
    every one a string, or every one a DateTime of one kind (the common `sort Size`,
    `sort Name`, `sort PublishedDate` cases): the comparer's order for that column without a
    Python call per comparison.  None when the column needs the general comparer."""
    kind = _native_kind([e.values[k] if k < len(e.values) else NON_EXISTING for e in entries])
    if kind is None:
        return None
    if kind is not str:
        return lambda e: e.values[k]
    from pscompat.values.operators.equality import string_sort_key

    if case_sensitive:  # equal keys fall back to an ordinal comparison, as compare_strings does
        return lambda e: (string_sort_key(e.values[k], True), e.values[k])
    return lambda e: string_sort_key(e.values[k], False)


def _fast_sort(entries: list[OrderEntry], directions: list[bool], case_sensitive: bool, distinct_only: bool = False):
    """The comparer's (stable) order by native keys: one stable sort per key column, last key
    first, each in its own direction.  None when some column needs the general comparer, or
    (distinct_only) when two entries' keys are all equal: their order is then the unstable
    sort's business."""
    keys = []
    for k in range(len(directions)):
        key = _column_key(entries, k, case_sensitive)
        if key is None:
            return None
        keys.append(key)
    if distinct_only and len({tuple(key(e) for key in keys) for e in entries}) < len(entries):
        return None
    ordered = list(entries)
    for k in range(len(directions) - 1, -1, -1):
        ordered.sort(key=keys[k], reverse=not directions[k])  # reverse keeps ties in order
    return ordered


@cmdlet(
    "Sort-Object",
    aliases=("sort",),
    default_set="Default",
    synopsis="Sorts objects by property values.",
    description="Sorts objects in ascending or descending order by one or more keys: property "
    "names, script blocks or hashtables with Expression and Ascending/Descending.",
    examples=(
        ("3,1,2 | Sort-Object", "Sorts numbers: 1, 2, 3."),
        ("Get-Process | Sort-Object -Property CPU -Descending", "Sorts by a property, largest first."),
        ("$f | Sort-Object @{Expression='Status'; Descending=$true}, Name", "Mixed directions."),
        ("1..10 | Sort-Object -Top 3 -Descending", "The three largest: 10, 9, 8."),
    ),
)
class SortObject(Cmdlet):
    """Sorts objects by property values."""

    # Set by the pipeline when the next command reads only the first n objects
    # (`| Select-Object -First n`): only those need to be put in order.
    output_limit: int | None = None

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

    def fast_path(self):
        append = self._objects.append

        def collect(item):
            if item is not None:
                append(item)

        return FastEach(collect)

    def end(self):
        objects = self._objects
        if not objects:
            return []
        specs = expand_specs(self._specs, objects)
        if len(specs) <= 1 and not self.Unique:
            ordered = self._sort_one_key(
                objects, specs[0] if specs else None, _directions(specs, 1, bool(self.Descending))[0]
            )
            if ordered is not None:
                return ordered
        entries = _plain_entries(objects, specs)
        if entries is None:
            entries = []
            for i, obj in enumerate(objects):
                values, comparable = order_values(self, obj, specs)
                entries.append(OrderEntry(obj, values, i, comparable))
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
            # With every key present (no missing values) that is the stable sort itself.
            ordered = _fast_sort(entries, directions, bool(self.CaseSensitive))
            if ordered is None:
                key = cmp_to_key(lambda a, b: (b.comparable - a.comparable) or compare(a, b) or (a.index - b.index))
                ordered = sorted(entries, key=key)
            if top:
                ordered = ordered[:top]
            elif bottom:
                ordered = ordered[-bottom:] if bottom < len(ordered) else ordered
        return [e.obj for e in ordered]

    def _sort_one_key(self, objects: list, spec, ascending: bool):
        """`sort Name` / `sort PublishedDate -Descending` over objects that all have the
        property, its values all numbers, all strings or all DateTimes of one kind: a stable
        sort of positions by native keys (what the comparer and the stable heap path give),
        with no entry per object.  None otherwise.  No spec: the objects themselves."""
        if spec is None:
            vals = objects
        elif spec.is_block or spec.wildcard:
            return None
        else:
            from pscompat.engine.pipeline.fused import plain_column

            vals = plain_column(objects, spec.expression)
            if vals is None:
                read = property_reader(spec.expression, NON_EXISTING)
                vals = [read(o) for o in objects]
        kind = _native_kind(vals)
        if kind is None:
            return None
        if kind is str:
            from pscompat.values.operators.equality import string_sort_key

            cs = bool(self.CaseSensitive)
            keys = [(string_sort_key(v, True), v) for v in vals] if cs else [string_sort_key(v, False) for v in vals]
        else:
            keys = vals
        top, bottom = self.bound.get("Top", 0) or 0, self.bound.get("Bottom", 0) or 0
        n = len(objects)
        if not self.Stable and not top and not bottom and n <= EXACT_UNSTABLE_LIMIT and len(set(keys)) < n:
            # equal keys: their order is what .NET's unstable sort leaves
            sign = 1 if ascending else -1

            def compare(i, j):
                a, b = keys[i], keys[j]
                return 0 if a == b else (sign if a > b else -sign)

            return [objects[i] for i in dotnet_sort(range(n), compare)]
        limit = min(top or n, self.output_limit or n)
        if limit < n and not bottom:
            # nsmallest/nlargest give sorted(...)[:limit], ties in input order as the stable sort
            pick = heapq.nsmallest if ascending else heapq.nlargest
            return [objects[i] for i in pick(limit, range(n), key=keys.__getitem__)]
        order = sorted(range(n), key=keys.__getitem__, reverse=not ascending)
        if top:
            order = order[:top]
        elif bottom:
            order = order[-bottom:]
        return [objects[i] for i in order]

    def _sort(self, entries, compare, directions):
        """The unstable sort's order: .NET's introsort when equal keys make it matter (and the
        input is small enough to afford a Python call per comparison), else a native sort."""
        exact = len(entries) <= EXACT_UNSTABLE_LIMIT
        fast = _fast_sort(entries, directions, bool(self.CaseSensitive), distinct_only=exact)
        if fast is not None:
            return fast
        if exact:
            return dotnet_sort(entries, compare)
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
