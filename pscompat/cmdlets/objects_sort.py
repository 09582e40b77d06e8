"""Sort-Object, Group-Object and Get-Unique (PS: src/Microsoft.PowerShell.Commands.Utility/
commands/utility/OrderObjectBase.cs, Sort-Object.cs, Group-Object.cs, GetUnique.cs).

Both sorters build an 'order matrix': per input object, one value per key, where a key the
object lacks is 'non-existing' and sorts after everything else in either direction.
"""
from __future__ import annotations

from datetime import datetime
from functools import cmp_to_key

from ..psobject import Hashtable, PSObject
from .base import Cmdlet, Parameter, cmdlet
from .objects_introsort import dotnet_sort
from .objects_common import NS, command_compare, has_input, has_wildcard, property_reader, resolve_property
from .objects_props import GROUP_ENTRIES, SORT_ENTRIES, PropertySpec, parse_properties
from .objects_select import check_range

_MISSING = object()  # ObjectCommandPropertyValue.NonExistingProperty
# Up to this many objects, Sort-Object without -Stable reproduces .NET's unstable order of
# equal keys exactly (objects_introsort); beyond it a Python call per comparison costs too
# much, and equal keys keep their input order.
EXACT_UNSTABLE_LIMIT = 4096
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


def _plain_entries(objects: list, specs: list[PropertySpec]):
    """order_values for keys that are all plain property names (no script block to run, no
    wildcard): each name resolved through a per-class reader.  None for other keys."""
    if not specs or any(s.is_block or s.wildcard for s in specs):
        return None
    readers = [property_reader(s.expression, _MISSING) for s in specs]
    entries = []
    if len(readers) == 1:
        read = readers[0]
        for i, obj in enumerate(objects):
            v = read(obj)
            entries.append(_Entry(obj, [v], i, v is not _MISSING))
        return entries
    for i, obj in enumerate(objects):
        values = [read(obj) for read in readers]
        entries.append(_Entry(obj, values, i, any(v is not _MISSING for v in values)))
    return entries


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


def _native_kind(values: list):
    """str, _NUMBER or datetime when every value is a plain number, every one a string, or
    every one a DateTime of one kind (naive or aware): values Python orders as the comparer
    does.  None when the general comparer is needed (missing values, nulls, other types)."""
    kind = None
    aware = None
    for v in values:
        t = type(v)
        if t in _NUMBER:
            t = _NUMBER
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


def _column_key(entries: list[_Entry], k: int, case_sensitive: bool):
    """A native sort key for key column k when every entry's value there is a plain number,
    every one a string, or every one a DateTime of one kind (the common `sort Size`,
    `sort Name`, `sort PublishedDate` cases): the comparer's order for that column without a
    Python call per comparison.  None when the column needs the general comparer."""
    kind = _native_kind([e.values[k] if k < len(e.values) else _MISSING for e in entries])
    if kind is None:
        return None
    if kind is not str:
        return lambda e: e.values[k]
    from ..operators_compare import string_sort_key

    if case_sensitive:  # equal keys fall back to an ordinal comparison, as compare_strings does
        return lambda e: (string_sort_key(e.values[k], True), e.values[k])
    return lambda e: string_sort_key(e.values[k], False)


def _fast_sort(entries: list[_Entry], directions: list[bool], case_sensitive: bool,
               distinct_only: bool = False):
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

    def fast_path(self):
        append = self._objects.append

        def collect(item):
            if item is not None:
                append(item)

        return ("each", collect, None)

    def end(self):
        objects = self._objects
        if not objects:
            return []
        specs = expand_specs(self._specs, objects)
        if len(specs) <= 1 and not self.Unique:
            ordered = self._sort_one_key(objects, specs[0] if specs else None,
                                         _directions(specs, 1, bool(self.Descending))[0])
            if ordered is not None:
                return ordered
        entries = _plain_entries(objects, specs)
        if entries is None:
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
            # With every key present (no missing values) that is the stable sort itself.
            ordered = _fast_sort(entries, directions, bool(self.CaseSensitive))
            if ordered is None:
                key = cmp_to_key(lambda a, b: (b.comparable - a.comparable) or compare(a, b)
                                 or (a.index - b.index))
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
            read = property_reader(spec.expression, _MISSING)
            vals = [read(o) for o in objects]
        kind = _native_kind(vals)
        if kind is None:
            return None
        if kind is str:
            from ..operators_compare import string_sort_key

            cs = bool(self.CaseSensitive)
            keys = [(string_sort_key(v, True), v) for v in vals] if cs else [string_sort_key(v, False) for v in vals]
        else:
            keys = vals
        top, bottom = self.bound.get("Top", 0) or 0, self.bound.get("Bottom", 0) or 0
        n = len(objects)
        if (not self.Stable and not top and not bottom and n <= EXACT_UNSTABLE_LIMIT
                and len(set(keys)) < n):
            # equal keys: their order is what .NET's unstable sort leaves
            sign = 1 if ascending else -1

            def compare(i, j):
                a, b = keys[i], keys[j]
                return 0 if a == b else (sign if a > b else -sign)

            return [objects[i] for i in dotnet_sort(range(n), compare)]
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

    @classmethod
    def of(cls, entry: _Entry, group: list, count: int) -> "GroupInfo":
        """A finished group: its first entry, its members (empty with -NoElement), their count."""
        info = cls.__new__(cls)
        info._entry, info._no_element = entry, not group
        info.Group, info.Count, info.Name = group, count, _build_name(entry.values)
        return info

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
        self._objs: list = []
        self._vals: list = []
        self._specs = None

    def _parse(self):
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

    def process(self):
        if not has_input(self) or self.InputObject is None:
            return
        obj = self.InputObject
        if self._specs is None:
            self._parse()  # on the first object: no input, no parameter errors
        specs = self._specs
        if any(s.wildcard for s in specs):
            specs = expand_specs(specs, [obj])
        values, comparable = order_values(self, obj, specs)
        self._entries.append(_Entry(obj, values, len(self._entries), comparable))

    def fast_path(self):
        """Plain property names (or none): read each key through a per-class reader."""
        props = self.Property
        if props is not None:
            props = list(props) if isinstance(props, (list, tuple)) else [props]
            if not props or not all(type(p) is str and not has_wildcard(p) for p in props):
                return None
        entries = self._entries
        append = entries.append
        parsed = []

        def first(item):
            self._parse()
            parsed.append(True)

        if props is None or len(props) == 1:
            # one key per object, kept in two flat lists (_groups makes entries only if needed)
            objs, vals = self._objs, self._vals
            add_obj, add_val = objs.append, vals.append
            read = property_reader(props[0], _MISSING) if props else None

            def each(item):
                if item is not None:
                    if not parsed:
                        first(item)
                    add_obj(item)
                    add_val(item if read is None else read(item))
        else:
            readers = [property_reader(p, _MISSING) for p in props]

            def each(item):
                if item is not None:
                    if not parsed:
                        first(item)
                    values = [read(item) for read in readers]
                    append(_Entry(item, values, len(entries), any(v is not _MISSING for v in values)))
        return ("each", each, None)

    @staticmethod
    def _mixed_types(entries) -> bool:
        """UpdateOrderPropertyTypeInfo over all objects: do the (non-null) values of some key
        have more than one type, or do objects have different numbers of keys?"""
        width = len(entries[0].values)
        kinds: list = [None] * width
        for e in entries:
            values = e.values
            if len(values) != width:
                return True
            for i, v in enumerate(values):
                if v is None or v is _MISSING:
                    continue
                t = type(v)
                if kinds[i] is None:
                    kinds[i] = t
                elif kinds[i] is not t:
                    return True
        return False

    def _bucket(self, objs: list, vals: list, no_element: bool):
        """One string or number key per object: group through a dict instead of comparisons.
        Strings that compare equal are exactly those equal after case folding (or equal, with
        -CaseSensitive); groups are then ordered by key as the comparer orders them."""
        kind = type(vals[0])
        if kind is str:
            case_sensitive = bool(self.CaseSensitive)
        elif kind not in _NUMBER:
            return None
        members: dict = {}
        heads: dict = {}
        fold = str.casefold if kind is str and not case_sensitive else None
        for i, v in enumerate(vals):
            if type(v) is not kind:
                return None
            key = v if fold is None else fold(v)
            group = members.get(key)
            if group is None:
                members[key] = group = []
                heads[key] = i
            group.append(i)
        groups = []
        for key, head in heads.items():
            indices = members[key]
            group = [objs[i] for i in indices] if not no_element else []
            groups.append(GroupInfo.of(_Entry(objs[head], [vals[head]], head, True), group, len(indices)))
        if kind is not str:
            groups.sort(key=lambda g: g._entry.values[0])
        else:
            from ..operators_compare import string_sort_key

            groups.sort(key=lambda g: string_sort_key(g._entry.values[0], case_sensitive))
        return groups

    def end(self):
        groups = self._groups()
        if not self.AsHashTable:
            return groups
        # -CaseSensitive: a case-sensitive table, so 'Bill' and 'bill' stay two keys
        table = {} if self.CaseSensitive else Hashtable()
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

    def _groups(self) -> list:
        no_element = bool(self.NoElement)
        objs, vals = self._objs, self._vals
        if objs:  # the fast path's one key per object
            groups = self._bucket(objs, vals, no_element)
            if groups is not None:
                return groups
            self._entries = [_Entry(o, [v], i, v is not _MISSING) for i, (o, v) in enumerate(zip(objs, vals))]
        entries = self._entries
        if not entries:
            return []
        key_count = max(len(e.values) for e in entries)
        if key_count == 1 and not objs:
            groups = self._bucket([e.obj for e in entries], [e.values[0] for e in entries], no_element)
            if groups is not None:
                return groups
        compare = make_comparer([True] * key_count, bool(self.CaseSensitive))
        groups = []
        if not self._mixed_types(entries):
            # one type per key: sort, then equal neighbours form a group
            for e in sorted(entries, key=cmp_to_key(compare)):
                if groups and compare(groups[-1]._entry, e) == 0:
                    groups[-1].add(e.obj)
                else:
                    groups.append(GroupInfo(e, no_element))
        else:  # mixed types: groups in order of appearance
            for e in entries:
                for g in groups:
                    if compare(g._entry, e) == 0:
                        g.add(e.obj)
                        break
                else:
                    groups.append(GroupInfo(e, no_element))
        return groups


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
