"""Group-Object and Get-Unique (PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/
Group-Object.cs, GetUnique.cs), on the order matrix of objects_sort.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from functools import cmp_to_key

from pscompat.cmdlets.objects.common import command_compare, has_input, read_column
from pscompat.cmdlets.objects.properties import (
    GROUP_ENTRIES,
    PropertySpec,
    is_scriptblock,
    key_reader,
    key_values,
    parse_properties,
)
from pscompat.cmdlets.objects.sort import (
    NON_EXISTING,
    NUMBER_TYPES,
    OrderEntry,
    expand_specs,
    make_comparer,
    native_order,
    order_values,
)
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.pipeline.fast_paths import FastEach
from pscompat.values.objects.classes import Hashtable, PSObject

_TYPE_NAMES = ("Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
_NO_ELEMENT_TYPE_NAMES = ("Microsoft.PowerShell.Commands.GroupInfoNoElement", *_TYPE_NAMES)


class GroupInfo:
    """Microsoft.PowerShell.Commands.GroupInfo: Count, Name (the keys joined by ', '), Group."""

    PS_PROPERTIES = ("Values", "Count", "Group", "Name")

    @property
    def PS_TYPE_NAMES(self) -> tuple:
        # -NoElement makes a GroupInfoNoElement (a GroupInfo subclass), whose views leave Group out
        if self._no_element:
            return _NO_ELEMENT_TYPE_NAMES
        return _TYPE_NAMES

    def __init__(self, entry: OrderEntry, no_element: bool):
        self._entry = entry
        self._no_element = no_element
        self.Group: list = []
        self.Count = 0
        self.Name = _build_name(entry.values)
        self.add(entry.obj)

    @classmethod
    def of(cls, entry: OrderEntry, group: list, count: int) -> GroupInfo:
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
        return [None if v is NON_EXISTING else v for v in self._entry.values]

    def __repr__(self) -> str:
        return f"GroupInfo(Name={self.Name!r}, Count={self.Count})"


def _build_name(values) -> str:
    from pscompat.values.convert.strings import to_string

    parts = []
    for value in values:
        if value is None or value is NON_EXISTING:
            continue
        if isinstance(value, (list, tuple)):
            parts.append("{" + ", ".join(to_string(v) for v in value) + "}")
        else:
            parts.append(to_string(value))
    return ", ".join(parts)


@cmdlet(
    "Group-Object",
    aliases=("group",),
    synopsis="Groups objects that contain the same value for specified properties.",
    description="Emits one GroupInfo per distinct key (Count, Name, Group, Values); groups are "
    "sorted by key when all keys have one type, else kept in order of appearance.",
    examples=(
        ("'a','b','a' | Group-Object", "Two groups: a (Count 2) and b (Count 1)."),
        ("Get-ChildItem | Group-Object Extension -NoElement", "Counts per extension."),
        ("$items | Group-Object Kind -AsHashTable", "A hashtable from key to group."),
    ),
)
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
        self._entries: list[OrderEntry] = []
        self._objs: list = []
        self._vals: list = []
        self._columns: list = []  # several keys: per key, its value for each object of _objs
        self._specs = None

    def _parse(self):
        specs = parse_properties(self, self.Property, GROUP_ENTRIES)
        if self.AsString and not self.AsHashTable:
            self.throw_terminating(
                "The command cannot be run because the AsString parameter requires that you "
                "specify the AsHashtable parameter.",
                "ArgumentException",
                "InvalidArgument",
            )
        if self.AsHashTable and not self.AsString and len(specs) > 1:
            self.throw_terminating(
                "The command cannot be run because using the AsHashTable parameter with more "
                "than one property requires adding the AsString parameter.",
                "ArgumentException",
                "InvalidArgument",
            )
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
        self._entries.append(OrderEntry(obj, values, len(self._entries), comparable))

    def fast_path(self):
        """Plain property names (or none): read each key through a per-class reader."""
        props = self.Property
        if props is not None:
            props = list(props) if isinstance(props, (list, tuple)) else [props]
            if not props or not all((type(p) is str and not has_wildcard(p)) or is_scriptblock(p) for p in props):
                return None
        parsed = []
        # a script-block key runs once per object through its value caller (key_reader)
        keys = [PropertySpec(p, {}) for p in props] if props is not None else []

        def first(item):
            self._parse()
            parsed.append(True)

        if props is None or len(props) == 1:
            # one key per object, kept in two flat lists (_groups makes entries only if needed)
            objs, vals = self._objs, self._vals
            add_obj, add_val = objs.append, vals.append
            read = key_reader(self, keys[0], NON_EXISTING) if props else None

            def each(item):
                if item is not None:
                    if not parsed:
                        first(item)
                    add_obj(item)
                    add_val(item if read is None else read(item))

            def batch(items, downstream):
                from pscompat.engine.pipeline.fused import plain_column

                if props and keys[0].is_block and None not in items:
                    if not parsed:
                        first(items[0])
                    objs.extend(items)
                    vals.extend(key_values(self, keys[0], items))
                    return
                column = plain_column(items, props[0]) if props and not keys[0].is_block else None
                if column is None:
                    for item in items:
                        each(item)
                    return
                if not parsed:
                    first(items[0])
                objs.extend(items)
                vals.extend(column)

            return FastEach(each, batch=batch)
        # several keys: one column per key, read in C-level passes over each batch
        objs, columns = self._objs, self._columns
        readers = [key_reader(self, k, NON_EXISTING) for k in keys]
        columns.extend([] for _ in props)

        def each_row(item):
            if item is not None:
                if not parsed:
                    first(item)
                objs.append(item)
                for column, read in zip(columns, readers):
                    column.append(read(item))

        def batch_rows(items, downstream):
            if not items or None in items or any(k.is_block for k in keys):  # blocks run object by object
                for item in items:
                    each_row(item)
                return
            if not parsed:
                first(items[0])
            objs.extend(items)
            for column, p in zip(columns, props):
                column.extend(read_column(items, p, NON_EXISTING))

        return FastEach(each_row, batch=batch_rows)

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
                if v is None or v is NON_EXISTING:
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
        case_sensitive = bool(self.CaseSensitive)
        if kind is not str and kind not in NUMBER_TYPES:
            return None
        if set(map(type, vals)) != {kind}:
            return None
        exact: dict = {}  # value -> its objects, in order of first appearance
        for obj, v in zip(objs, vals):
            members = exact.get(v)
            if members is None:
                exact[v] = [obj]
            else:
                members.append(obj)
        if kind is str and not case_sensitive and len({v.casefold() for v in exact}) != len(exact):
            return self._bucket_folded(objs, vals, no_element)
        # a finished group's entry carries its key; its index is never read
        return self._sorted_groups(
            [
                GroupInfo.of(OrderEntry(members[0], [v], None, True), members if not no_element else [], len(members))
                for v, members in exact.items()
            ],
            kind,
            case_sensitive,
        )

    def _bucket_folded(self, objs: list, vals: list, no_element: bool):
        """_bucket when texts that differ in case only must share a group (input order kept)."""
        members: dict = {}
        heads: dict = {}
        for i, v in enumerate(vals):
            key = v.casefold()
            group = members.get(key)
            if group is None:
                members[key] = group = []
                heads[key] = i
            group.append(i)
        groups = []
        for key, head in heads.items():
            indices = members[key]
            group = [objs[i] for i in indices] if not no_element else []
            groups.append(GroupInfo.of(OrderEntry(objs[head], [vals[head]], head, True), group, len(indices)))
        return self._sorted_groups(groups, str, False)

    @staticmethod
    def _bucket_columns(objs: list, columns: list, no_element: bool, case_sensitive: bool):
        """Several keys per object, each key's values of one type (str, int, float or
        DateTime; $null and missing allowed): group through a dict keyed by the tuple of
        values (texts case-folded unless -CaseSensitive), the keys ObjectCommandPropertyValue.
        Equals finds equal, then order the groups as the comparer orders their keys.  None
        when some key needs the comparer (two types in one column: PowerShell then keeps the
        groups in order of appearance, see _groups)."""
        key_columns = []
        for column in columns:
            types = set(map(type, column))
            only_text = types == {str}
            types.discard(type(None))
            if object in types:
                if any(type(v) is object and v is not NON_EXISTING for v in column):
                    return None
                types.discard(object)
            if len(types) > 1 or (types and next(iter(types)) not in (str, int, float, datetime)):
                return None
            if types == {float} and any(v != v for v in column if type(v) is float):
                return None  # NaN equals nothing, itself included
            if types == {datetime} and len({v.tzinfo is None for v in column if type(v) is datetime}) > 1:
                return None
            if types != {str} or case_sensitive:
                key_columns.append(column)
            elif only_text:
                key_columns.append(list(map(str.casefold, column)))
            else:
                key_columns.append([v.casefold() if type(v) is str else v for v in column])
        keys = zip(*key_columns)
        members: dict = {}
        heads: dict = {}
        get = members.get
        for obj, key, i in zip(objs, keys, itertools.count()):
            group = get(key)
            if group is None:
                members[key] = [obj]
                heads[key] = i
            else:
                group.append(obj)
        groups = list(members.values())
        entries = [
            OrderEntry(g[0], [c[heads[k]] for c in columns], n, True) for n, (k, g) in enumerate(members.items())
        ]
        ordered = native_order(entries, [True] * len(columns), case_sensitive)
        if ordered is None:
            return None
        return [GroupInfo.of(e, groups[e.index] if not no_element else [], len(groups[e.index])) for e in ordered]

    @staticmethod
    def _sorted_groups(groups: list, kind: type, case_sensitive: bool) -> list:
        if kind is not str:
            groups.sort(key=lambda g: g._entry.values[0])
        else:
            from pscompat.values.operators.equality import string_sort_key

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
                    "InvalidArgument",
                )
                return []
            table[key] = g.Group
        return [table]

    def _groups(self) -> list:
        no_element = bool(self.NoElement)
        case_sensitive = bool(self.CaseSensitive)
        objs, vals = self._objs, self._vals
        if self._columns:  # the fast path's several keys per object
            groups = self._bucket_columns(objs, self._columns, no_element, case_sensitive) if objs else []
            if groups is not None:
                return groups
            self._entries = [
                OrderEntry(o, list(r), i, any(v is not NON_EXISTING for v in r))
                for i, (o, r) in enumerate(zip(objs, zip(*self._columns)))
            ]
            objs = []
        elif objs:  # the fast path's one key per object
            groups = self._bucket(objs, vals, no_element)
            if groups is not None:
                return groups
            self._entries = [OrderEntry(o, [v], i, v is not NON_EXISTING) for i, (o, v) in enumerate(zip(objs, vals))]
        entries = self._entries
        if not entries:
            return []
        key_count = max(len(e.values) for e in entries)
        if key_count == 1 and not objs:
            groups = self._bucket([e.obj for e in entries], [e.values[0] for e in entries], no_element)
            if groups is not None:
                return groups
        elif key_count > 1 and all(len(e.values) == key_count for e in entries):
            columns = [list(c) for c in zip(*[e.values for e in entries])]
            groups = self._bucket_columns([e.obj for e in entries], columns, no_element, case_sensitive)
            if groups is not None:
                return groups
        compare = make_comparer([True] * key_count, case_sensitive)
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


@cmdlet(
    "Get-Unique",
    aliases=("gu",),
    synopsis="Returns unique items from a sorted list.",
    description="Drops each object equal to the one before it (so the input should be sorted). "
    "Strings compare case-sensitively unless -CaseInsensitive; -AsString compares "
    "the string forms, -OnType the type names.",
    examples=(
        ("1,1,2,2,2,3 | Get-Unique", "1, 2, 3."),
        ("'a','A','b' | Get-Unique -CaseInsensitive", "a, b."),
    ),
)
class GetUnique(Cmdlet):
    """Returns unique items from a sorted list."""

    parameters = (
        Parameter("InputObject", "psobject", pipeline=True, sets=("AsString", "UniqueByType")),
        Parameter("AsString", "switch", sets=("AsString",)),
        Parameter("OnType", "switch", sets=("UniqueByType",)),
        Parameter("CaseInsensitive", "switch"),
    )

    def begin(self):
        self._last = NON_EXISTING
        self._last_string = None

    def process(self):
        if not has_input(self):
            return None
        obj = self.InputObject
        last = self._last
        if last is NON_EXISTING or last is None:
            unique = True
        elif self.OnType:
            from pscompat.values.objects.model import type_names

            unique = (type_names(obj) or [""])[0] != (type_names(last) or [""])[0]
        elif self.AsString:
            from pscompat.values.convert.strings import to_string

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
