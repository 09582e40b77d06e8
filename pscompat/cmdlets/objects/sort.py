"""Sort-Object and the order matrix it shares with Group-Object, Get-Unique and Compare-Object
(PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/OrderObjectBase.cs, Sort-Object.cs).

Both sorters build an 'order matrix': per input object, one value per key, where a key the
object lacks is 'non-existing' and sorts after everything else in either direction.
"""

from __future__ import annotations

import heapq
from datetime import datetime
from functools import cmp_to_key
from typing import Any

from pscompat.cmdlets.objects.common import command_compare, has_input, property_reader, read_column, resolve_property
from pscompat.cmdlets.objects.introsort import dotnet_sort
from pscompat.cmdlets.objects.properties import SORT_ENTRIES, PropertySpec, key_values, parse_properties
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


def _kind_of_column(values: list):
    """(kind, has_null, has_missing) when every value of a key column is $null, missing, or of
    one kind the comparer orders as Python does: plain numbers (int and float, no NaN), strings,
    or DateTimes of one kind (naive or aware).  None when the general comparer is needed
    (other types, or two kinds mixed: LanguagePrimitives.Compare converts the right operand
    to the left's type, which no key reproduces)."""
    types = set(map(type, values))  # one C-level pass; the rest looks at the few types
    has_null = type(None) in types
    has_missing = object in types
    if has_missing and any(type(v) is object and v is not NON_EXISTING for v in values):
        return None
    types.discard(type(None))
    types.discard(object)
    if not types:
        return None, has_null, has_missing
    if types <= {int, float}:
        if float in types and any(v != v for v in values if type(v) is float):
            return None  # NaN: Double.CompareTo orders it first, Python's < does not
        return NUMBER_TYPES, has_null, has_missing
    if len(types) != 1:
        return None
    kind = types.pop()
    if kind is datetime:
        zones = {v.tzinfo for v in values if v is not None and v is not NON_EXISTING}
        if len({tz is None for tz in zones}) > 1:  # naive and aware values do not compare
            return None
    elif kind is not str:
        return None
    return kind, has_null, has_missing


_NULL_KEY = (1, 0)  # numbers: $null between the negatives (0, v) and zero and above (2, v)
_BEFORE = (0, 0)  # strings, DateTimes: $null before every value (1, key)


def column_keys(values: list, case_sensitive: bool, ascending: bool = True) -> list | None:
    """One native sort key per value of a key column, ordered as ObjectCommandComparer orders
    the values (PS: ObjectCommandComparer.cs; LanguagePrimitives.Compare for $null), or None
    when the column needs the general comparer (see _kind_of_column).

    - $null (an existing property whose value is null) against a number: below zero and the
      positive numbers, above the negative ones; against anything else: below it.
    - A missing property sorts after every value whatever the direction (the comparer's
      NonExistingProperty): its key is the largest ascending and the smallest descending, so
      a sort with reverse=True still puts it last.
    """
    found = _kind_of_column(values)
    if found is None:
        return None
    kind, has_null, has_missing = found
    keys: list[Any]
    if kind is str:
        from pscompat.values.operators.equality import string_sort_key

        if case_sensitive:  # equal keys fall back to an ordinal comparison, as compare_strings does
            keys = [(string_sort_key(v, True), v) if type(v) is str else v for v in values]
        else:
            keys = [string_sort_key(v, False) if type(v) is str else v for v in values]
    else:
        keys = list(values)
    if has_null:
        if kind is NUMBER_TYPES:
            keys = [_NULL_KEY if v is None else v if v is NON_EXISTING else (0, v) if v < 0 else (2, v) for v in keys]
        else:
            keys = [_BEFORE if v is None else v if v is NON_EXISTING else (1, v) for v in keys]
    if has_missing:
        last, present = ((1,), 0) if ascending else ((0,), 1)
        keys = [last if v is NON_EXISTING else (present, v) for v in keys]
    return keys


def stable_order(values: list, case_sensitive: bool, ascending: bool, limit: int | None = None) -> list | None:
    """Positions of `values` in the comparer's stable order (the first `limit` of them), or None
    when the column needs the general comparer.  The same order as sorting by column_keys, but
    $null and missing values are placed as blocks around one sort of the plain keys (a tuple
    key per value would make the sort several times slower): $null before every string or
    DateTime, between the negative numbers and the others; missing values after all."""
    found = _kind_of_column(values)
    if found is None:
        return None
    kind, has_null, has_missing = found
    n = len(values)
    present: list[int] | range
    if has_null or has_missing:
        present = [i for i, v in enumerate(values) if v is not None and v is not NON_EXISTING]
        nulls = [i for i, v in enumerate(values) if v is None] if has_null else []
        missing = [i for i, v in enumerate(values) if v is NON_EXISTING] if has_missing else []
    else:
        present, nulls, missing = range(n), [], []
    if kind is str:
        from pscompat.values.operators.equality import string_sort_key

        cs = case_sensitive
        keys: list | dict
        if has_null or has_missing:
            keys = {
                i: (string_sort_key(values[i], True), values[i]) if cs else string_sort_key(values[i]) for i in present
            }
        else:
            keys = [(string_sort_key(v, True), v) for v in values] if cs else [string_sort_key(v) for v in values]
        key = keys.__getitem__
    else:
        key = values.__getitem__
    if limit is not None and limit < len(present):
        # nsmallest/nlargest give sorted(...)[:limit], ties in input order as the stable sort
        order = (heapq.nsmallest if ascending else heapq.nlargest)(limit, present, key=key)
    else:
        order = sorted(present, key=key, reverse=not ascending)
    if nulls:
        if kind is NUMBER_TYPES:
            negative = sum(1 for i in order if values[i] < 0)
            cut = negative if ascending else len(order) - negative
        else:
            cut = 0 if ascending else len(order)
        order[cut:cut] = nulls
    return order + missing if missing else order


def native_order(entries: list[OrderEntry], directions: list[bool], case_sensitive: bool, distinct_only: bool = False):
    """The comparer's (stable) order by native keys: one stable sort per key column, last key
    first, each in its own direction.  None when some column needs the general comparer, or
    (distinct_only) when two entries' keys are all equal: their order is then the unstable
    sort's business."""
    columns = []
    for k, ascending in enumerate(directions):
        keys = column_keys(
            [e.values[k] if k < len(e.values) else NON_EXISTING for e in entries], case_sensitive, ascending
        )
        if keys is None:
            return None
        columns.append(keys)
    if distinct_only and len(set(zip(*columns))) < len(entries):
        return None
    order = list(range(len(entries)))
    for k in range(len(directions) - 1, -1, -1):
        order.sort(key=columns[k].__getitem__, reverse=not directions[k])  # reverse keeps ties in order
    return [entries[i] for i in order]


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

        def batch(items, downstream):
            if None in items:
                self._objects.extend(item for item in items if item is not None)
            else:
                self._objects.extend(items)

        return FastEach(collect, batch=batch)

    def end(self):
        objects = self._objects
        if not objects:
            return []
        specs = expand_specs(self._specs, objects)
        entries = None
        if len(specs) == 1 and specs[0].is_block:
            # every object's key once (decorate-sort), through the block's per-object caller
            vals = key_values(self, specs[0], objects)
            if not self.Unique:
                ordered = self._sort_one_key(objects, vals, _directions(specs, 1, bool(self.Descending))[0])
                if ordered is not None:
                    return ordered
            entries = [OrderEntry(obj, [v], i, True) for i, (obj, v) in enumerate(zip(objects, vals))]
        elif len(specs) <= 1 and not self.Unique:
            spec = specs[0] if specs else None
            if spec is None:
                vals = objects
            elif spec.wildcard:
                vals = None
            else:
                vals = read_column(objects, spec.expression, NON_EXISTING)
            ordered = (
                self._sort_one_key(objects, vals, _directions(specs, 1, bool(self.Descending))[0])
                if vals is not None
                else None
            )
            if ordered is not None:
                return ordered
        if entries is None:
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
            ordered = native_order(entries, directions, bool(self.CaseSensitive))
            if ordered is None:
                key = cmp_to_key(lambda a, b: (b.comparable - a.comparable) or compare(a, b) or (a.index - b.index))
                ordered = sorted(entries, key=key)
            if top:
                ordered = ordered[:top]
            elif bottom:
                ordered = ordered[-bottom:] if bottom < len(ordered) else ordered
        return [e.obj for e in ordered]

    def _sort_one_key(self, objects: list, vals: list, ascending: bool):
        """`sort Name` / `sort PublishedDate -Descending` / `sort {$_.Name.Length}` when the
        key values `vals` (one per object) are numbers, strings or DateTimes of one kind, with
        or without $null and missing properties (column_keys): a stable sort of positions by
        native keys (what the comparer and the stable heap path give), with no entry per
        object.  None otherwise."""
        top, bottom = self.bound.get("Top", 0) or 0, self.bound.get("Bottom", 0) or 0
        n = len(objects)
        limit = min(top or n, self.output_limit or n)
        case_sensitive = bool(self.CaseSensitive)
        if n > EXACT_UNSTABLE_LIMIT or self.Stable or top or bottom:
            order = stable_order(vals, case_sensitive, ascending, limit if not bottom else None)
            if order is None:
                return None
            if bottom:
                order = order[-bottom:]
            return list(map(objects.__getitem__, order[:limit] if limit < len(order) else order))
        keys = column_keys(vals, case_sensitive, ascending)
        if keys is None:
            return None
        if len(set(keys)) < n:
            # equal keys: their order is what .NET's unstable sort leaves
            sign = 1 if ascending else -1

            def compare(i, j):
                a, b = keys[i], keys[j]
                return 0 if a == b else (sign if a > b else -sign)

            return [objects[i] for i in dotnet_sort(range(n), compare)]
        if limit < n:
            # nsmallest/nlargest give sorted(...)[:limit], ties in input order as the stable sort
            pick = heapq.nsmallest if ascending else heapq.nlargest
            return [objects[i] for i in pick(limit, range(n), key=keys.__getitem__)]
        return list(map(objects.__getitem__, sorted(range(n), key=keys.__getitem__, reverse=not ascending)))

    def _sort(self, entries, compare, directions):
        """The unstable sort's order: .NET's introsort when equal keys make it matter (and the
        input is small enough to afford a Python call per comparison), else a native sort."""
        exact = len(entries) <= EXACT_UNSTABLE_LIMIT
        fast = native_order(entries, directions, bool(self.CaseSensitive), distinct_only=exact)
        if fast is not None:
            return fast
        if exact:
            return dotnet_sort(entries, compare)
        if self.output_limit is not None and self.output_limit < len(entries):
            # `| Select-Object -First n`: the first n of the same stable order, O(n log limit)
            return heapq.nsmallest(self.output_limit, entries, key=cmp_to_key(compare))
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
