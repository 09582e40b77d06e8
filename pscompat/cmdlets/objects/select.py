"""Select-Object (PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/Select-Object.cs).

The -First/-Last/-Skip/-SkipLast bookkeeping is a port of PowerShell's SelectObjectQueue, whose
combinations have documented quirks (`-Last 3 -Skip 2` skips from the end; `-First a -Last b`
never repeats an object).  -First and -Index stop the upstream commands once satisfied.
"""

from __future__ import annotations

from collections import deque

from pscompat.cmdlets.objects.common import (
    NS,
    base_type_name,
    command_compare,
    property_reader,
    read_column,
    resolve_property,
    wildcard_matcher,
)
from pscompat.cmdlets.objects.properties import PropertySpec, parse_properties
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.pipeline.fast_paths import FastEach, FastPush
from pscompat.engine.runtime import StopUpstream, is_enumerable
from pscompat.values.objects.classes import PSCUSTOMOBJECT_TYPE_NAMES, PSObject, is_dictionary

SELECT_ID = NS + "SelectObjectCommand"
_NOTHING = object()

_RANGE_CHECKED = ("First", "Last", "Skip", "SkipLast", "Index", "SkipIndex")


def check_range(cmd, names=_RANGE_CHECKED, minimum: int = 0) -> None:
    """[ValidateRange(0, int.MaxValue)] as the binder reports it."""
    for name in names:
        if name not in cmd.bound:
            continue
        value = cmd.bound[name]
        for v in value if isinstance(value, (list, tuple)) else (value,):
            if v is not None and v < minimum:
                cmd.throw_terminating(
                    f"Cannot validate argument on parameter '{name}'. The {v} argument is less than "
                    f"the minimum allowed range of {minimum}. Supply an argument that is greater than "
                    f"or equal to {minimum} and then try the command again.",
                    "ParameterArgumentValidationError",
                    "InvalidData",
                )


class _SelectQueue:
    """SelectObjectQueue: holds objects that may still be needed for -Last/-Skip/-SkipLast."""

    __slots__ = ("first", "last", "skip", "skip_last", "first_or_last", "streamed", "items")

    def __init__(self, first, last, skip, skip_last, first_or_last):
        self.first, self.last, self.skip, self.skip_last = first, last, skip, skip_last
        self.first_or_last = first_or_last
        self.streamed = 0
        self.items: deque = deque()

    @property
    def all_requested_processed(self) -> bool:
        return self.first_or_last and self.last == 0 and self.first != 0 and self.streamed >= self.first

    def enqueue(self, obj) -> None:
        items = self.items
        if self.last > 0 and len(items) >= self.last + self.skip and self.first == 0:
            items.popleft()
        elif self.last > 0 and len(items) >= self.last and self.first != 0:
            items.popleft()
        items.append(obj)

    def streaming_dequeue(self):
        items = self.items
        if self.skip == 0:
            if self.skip_last > 0:
                if len(items) > self.skip_last:
                    return items.popleft()
            else:
                if self.streamed < self.first or not self.first_or_last:
                    self.streamed += 1
                    return items.popleft()
                if self.last == 0:
                    items.popleft()
        else:
            if self.last == 0:
                items.popleft()
                self.skip -= 1
            elif self.first != 0:
                self.skip -= 1
                items.popleft()
        return _NOTHING


class _SelectError(Exception):
    """SelectObjectException: an error record for one input object (written, not thrown)."""

    def __init__(self, message, error_id, category, target):
        super().__init__(message)
        self.args4 = (message, error_id, category, target)


@cmdlet(
    "Select-Object",
    aliases=("select",),
    default_set="DefaultParameter",
    synopsis="Selects objects or object properties.",
    description="Selects specified properties of objects (emitting new objects), expands one "
    "property, or selects objects by position (-First, -Last, -Skip, -Index) and "
    "uniqueness (-Unique).",
    examples=(
        ("Get-Process | Select-Object -Property ProcessName, Id", "New objects with two properties."),
        ("1..10 | Select-Object -First 3", "The first three objects: 1, 2, 3."),
        ("$o | Select-Object -ExpandProperty Items", "The values of a property, enumerated."),
        ("$o | Select-Object Name, @{Name='KB'; Expression={$_.Length / 1KB}}", "A calculated property."),
        ("'a','b','a' | Select-Object -Unique", "Unique objects: a, b."),
    ),
)
class SelectObject(Cmdlet):
    """Selects objects or object properties."""

    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("Property", "object[]", position=0, sets=("DefaultParameter", "SkipLastParameter")),
        Parameter("ExcludeProperty", "string[]", sets=("DefaultParameter", "SkipLastParameter")),
        Parameter("ExpandProperty", "string", sets=("DefaultParameter", "SkipLastParameter")),
        Parameter("Unique", "switch"),
        Parameter("CaseInsensitive", "switch"),
        Parameter("Last", "int", sets=("DefaultParameter",)),
        Parameter("First", "int", sets=("DefaultParameter",)),
        Parameter("Skip", "int", sets=("DefaultParameter", "SkipLastParameter")),
        Parameter("SkipLast", "int", sets=("SkipLastParameter",)),
        Parameter("Wait", "switch", sets=("DefaultParameter", "IndexParameter")),
        Parameter("Index", "int[]", sets=("IndexParameter",)),
        Parameter("SkipIndex", "int[]", sets=("SkipIndexParameter",)),
    )

    def begin(self):
        check_range(self)
        bound = self.bound
        self._props: list[PropertySpec] = parse_properties(self, self.Property)
        expand = self.ExpandProperty
        self._expand = parse_properties(self, [expand])[0] if expand else None
        self._exclude = None
        if self.ExcludeProperty is not None:
            patterns = self.ExcludeProperty
            if isinstance(patterns, str):
                patterns = [patterns]
            self._exclude = [wildcard_matcher(p) for p in patterns]
            if not self._props:  # -ExcludeProperty implies -Property *
                self._props = parse_properties(self, ["*"])
        self._plain = not self._props and self._expand is None
        # The common `select Name, Size` on PSCustomObjects: plain names, looked up directly in
        # the property bag (Select-Object runs over hundreds of thousands of objects).
        self._names_only = None
        if (
            self._props
            and self._expand is None
            and self._exclude is None
            and all(not p.is_block and not p.wildcard for p in self._props)
        ):
            self._names_only = [(p.expression.lower(), p.expression, p.name) for p in self._props]
        # ... and with calculated properties too (script blocks, named or not): over ordinary
        # objects a column plan per class (_select_attributes), the blocks run through their
        # per-object callers (engine/pipeline/block_calls)
        self._columns: list[PropertySpec] | None = None
        if (
            self._props
            and self._expand is None
            and self._exclude is None
            and all((p.is_block and (p.name or p.text)) or (not p.is_block and not p.wildcard) for p in self._props)
        ):
            self._columns = self._props
        self._uniques = [] if self.Unique else None
        first, last = bound.get("First", 0) or 0, bound.get("Last", 0) or 0
        self._queue = _SelectQueue(
            first, last, bound.get("Skip", 0) or 0, bound.get("SkipLast", 0) or 0, "First" in bound or "Last" in bound
        )
        index = bound.get("Index") if "Index" in bound else bound.get("SkipIndex")
        self._index = None
        if index is not None:
            self._index = sorted(index if isinstance(index, (list, tuple)) else [index])
            self._include = "Index" in bound
            self._filter_pos = 0
            self._object_pos = 0
        self._wait = bool(self.Wait)
        self._last_input = None
        return None

    # --- per object -------------------------------------------------------------------------
    def process(self):
        if "InputObject" not in self.bound:
            return None
        item = self.InputObject
        if item is None:  # Select-Object drops $null input
            return None
        self._last_input = item
        if self._index is not None:
            return self._process_indexed(item)
        return self._process_queued(item)

    def fast_path(self):
        queue = self._queue
        if (
            self._index is None
            and self._uniques is None
            and not queue.first_or_last
            and not queue.skip
            and not queue.skip_last
        ):
            if self._columns is None:
                return FastEach(self._fast_select, batch=self._expand_batch())
            return FastPush(self._compiled_select)
        if (
            self._index is None
            and self._uniques is None
            and queue.first > 0
            and not queue.last
            and not queue.skip
            and not queue.skip_last
            and not self._wait
        ):
            return FastEach(self._first_n(queue.first))
        return None

    def _first_n(self, n: int):
        """`select -First n [properties]`: each object as _fast_select makes it (the per-class
        plan for properties), and after the n-th (non-null) one the upstream stops, as the
        queue's all_requested_processed does."""
        select = self._fast_select
        taken = 0

        def after_last(out):
            yield from out
            raise StopUpstream()

        def each(item):
            nonlocal taken
            if item is None:
                return None
            out = select(item)
            taken += 1
            return after_last(out) if taken >= n else out

        return each

    def _expand_batch(self):
        """`select -ExpandProperty Name` (no -Property, -ExcludeProperty or -Unique): a piped
        list whose values of the property are all scalars (text, numbers, booleans, dates: no
        collection to enumerate, no $null to drop, no PSObject to mark) is read in a C-level
        pass (read_column) and written as is; anything else goes object by object."""
        spec = self._expand
        if spec is None or self._props or self._exclude is not None or spec.is_block or spec.wildcard:
            return None
        from collections import deque
        from datetime import datetime

        scalars = {str, int, float, bool, datetime}
        general = self._fast_select
        name = spec.expression

        def batch(items, downstream):
            if items and None not in items:
                column = read_column(items, name, scalars)  # a missing value reads as a set: not a scalar
                if set(map(type, column)) <= scalars:
                    self._last_input = items[-1]
                    deque(map(downstream, column), maxlen=0)
                    return
            for item in items:
                out = general(item)
                if out:
                    for obj in out:
                        downstream(obj)

        return batch

    def input_limit(self) -> int | None:
        """How many (non-null) input objects this invocation reads before it stops its upstream
        (-First n, after -Skip s), or None when it may read them all."""
        queue = self._queue
        if (
            self.parameter_set != "DefaultParameter"
            or not queue.first
            or queue.last
            or queue.skip_last
            or self._uniques is not None
            or self._wait
            or self._index is not None
        ):
            return None
        return queue.first + queue.skip

    def _compiled_select(self, downstream):
        """`select Name, Size`: the first ordinary class seen gets a generated builder
        (pipeline_fused.record_builder); other objects take _fast_select."""
        general = self._fast_select
        fast_class, fast, tried = None, None, False

        def push_general(item):
            out = general(item)
            if out:
                for obj in out:
                    downstream(obj)

        def push(item):
            nonlocal fast_class, fast, tried
            if item.__class__ is fast_class:
                fast(item)
                return
            if not tried and item is not None and type(item) is not PSObject and not is_dictionary(item):
                tried = True
                fast = self._attribute_builder(item, downstream, push_general)
                if fast is not None:
                    fast_class = item.__class__
                    fast(item)
                    return
            push_general(item)

        return push

    def _attribute_builder(self, item, downstream, general):
        from pscompat.engine.pipeline.fused import record_builder
        from pscompat.values.objects.access import plain_attribute

        cls = type(item)
        specs = self._columns
        columns = [self._block_reader(s) if s.is_block else plain_attribute(cls, s.expression) for s in specs]
        if None in columns:
            return None
        names = [
            (s.name or s.text) if s.is_block else (s.name or resolve_property(item, s.expression)[1]) for s in specs
        ]
        if len({n.lower() for n in names}) != len(names):
            return None  # duplicate names: the general path reports them
        type_names = ["Selected." + base_type_name(item), *PSCUSTOMOBJECT_TYPE_NAMES]
        return record_builder(cls, columns, names, type_names, downstream, general)

    def _fast_select(self, item):
        if item is None:  # Select-Object drops $null input
            return None
        self._last_input = item
        if (
            self._columns is not None
            and self._uniques is None
            and type(item) is not PSObject
            and not is_dictionary(item)
        ):
            return self._select_attributes(item)
        return self._handle(item)

    def _select_attributes(self, item) -> list:
        """`select Name, Size, @{n='Twice'; e={...}}` over ordinary objects: getters, spellings
        and the Selected.<type> name are worked out once per class; then each object is one
        read per property and one call per script block (a block that fails gives $null, as
        _add_property has it)."""
        plan = self.__dict__.get("_plan")
        if plan is None:
            missing = object()
            readers = [
                (None, spec.name or spec.text, self._block_reader(spec))
                if spec.is_block
                else (spec.expression, spec.name, property_reader(spec.expression, missing))
                for spec in self._columns or ()
            ]
            plan = self._plan = (missing, readers, {})
        missing, readers, per_class = plan
        cls = type(item)
        shape = per_class.get(cls)
        if shape is None:
            # a block's column always has its name (rename); a property's is spelled as found
            names = [rename or resolve_property(item, typed or "")[1] for typed, rename, _ in readers]
            unique = len({n.lower() for n in names}) == len(names)
            shape = per_class[cls] = (
                (names, ["Selected." + base_type_name(item), *PSCUSTOMOBJECT_TYPE_NAMES]) if unique else False
            )
        if shape is False:
            return self._handle(item)  # duplicate names: the general path reports them
        names, type_names = shape
        values = [read(item) for _, _, read in readers]
        return [PSObject([(n, None if v is missing else v) for n, v in zip(names, values)], type_names=type_names)]

    def _block_reader(self, spec: PropertySpec):
        from pscompat.errors import PSError

        value = spec.value_function(self)

        def read(item):
            try:
                return value(item)
            except PSError:  # PSPropertyExpression.GetValues eats the error: the value is $null
                return None

        return read

    def _process_queued(self, item):
        queue = self._queue
        queue.enqueue(item)
        obj = queue.streaming_dequeue()
        if obj is not _NOTHING:
            yield from self._handle(obj)
        if queue.all_requested_processed and not self._wait:
            raise StopUpstream()

    def _process_indexed(self, item):
        index = self._index
        pos = self._object_pos
        self._object_pos = pos + 1
        if self._include:
            if self._filter_pos < len(index) and index[self._filter_pos] == pos:
                yield from self._handle(item)
                while self._filter_pos < len(index) and index[self._filter_pos] == pos:
                    self._filter_pos += 1
            if not self._wait and self._filter_pos >= len(index):
                raise StopUpstream()
        else:
            if self._filter_pos < len(index) and index[self._filter_pos] == pos:
                while self._filter_pos < len(index) and index[self._filter_pos] == pos:
                    self._filter_pos += 1
            else:
                yield from self._handle(item)

    def end(self):
        out = []
        if self.parameter_set == "DefaultParameter":
            queue = self._queue
            items = queue.items
            if queue.first != 0:
                while items:
                    out.extend(self._handle(items.popleft()))
            else:
                while len(items) > queue.skip:
                    out.extend(self._handle(items.popleft()))
        if self._uniques is not None:
            out.extend(obj for obj, _ in self._uniques)
        return out

    # --- building the output ----------------------------------------------------------------
    def _handle(self, obj) -> list:
        """ProcessObjectAndHandleErrors: the objects to write now (none while -Unique collects)."""
        try:
            return self._process_object(obj)
        except _SelectError as err:
            self.write_error(*err.args4)
            return []

    def _process_object(self, obj) -> list:
        if self._plain:
            return self._filtered_write(obj, ())
        if self._names_only is not None and type(obj) is PSObject:
            return self._select_names(obj)
        matched: list = []
        for spec in self._props:
            self._add_property(spec, obj, matched)
        if self._expand is None:
            result = PSObject()
            for name, value in matched:
                if result.has_property(name):
                    self.write_error(
                        f'The property cannot be processed because the property "{name}" already exists.',
                        "AlreadyExistingUserSpecifiedPropertyNoExpand," + SELECT_ID,
                        "InvalidOperation",
                        obj,
                    )
                else:
                    result.set_property(name, value)
            return self._filtered_write(result, matched)
        return self._expand_object(obj, matched)

    def _select_names(self, obj) -> list:
        names, values = obj._names, obj._values
        result = PSObject()
        matched = []
        for folded, typed, rename in self._names_only:
            real = names.get(folded)
            name = rename or (typed if real is None else real)
            value = None if real is None else values[folded]
            if result.has_property(name):
                self.write_error(
                    f'The property cannot be processed because the property "{name}" already exists.',
                    "AlreadyExistingUserSpecifiedPropertyNoExpand," + SELECT_ID,
                    "InvalidOperation",
                    obj,
                )
            else:
                result.set_property(name, value)
            matched.append((name, value))
        return self._filtered_write(result, matched)

    def _add_property(self, spec: PropertySpec, obj, matched: list) -> None:
        exclude = self._exclude
        if spec.is_block:
            results = [spec.block_value(self, obj)]
        elif not spec.wildcard and exclude is None:
            # Fast path: one plain name.  A missing name still makes a $null property.
            _, real, value = resolve_property(obj, spec.expression)
            matched.append((spec.name or real, value))
            return
        else:
            results = [r for r in spec.values(self, obj) if not (exclude and _excluded(exclude, r[0]))]
            if not results and not spec.wildcard:
                results = [(spec.expression, None, None)]
        name = spec.name
        if name and len(results) > 1:
            self.write_error(
                "Cannot rename multiple results.", "RenamingMultipleResults," + SELECT_ID, "InvalidOperation", obj
            )
            return
        for resolved, value, _ in results:
            if exclude and _excluded(exclude, resolved):
                continue
            if not name and not resolved:
                self.throw_terminating(
                    "A property is an empty script block and does not provide a name.",
                    "EmptyScriptBlockAndNoName," + SELECT_ID,
                    "InvalidArgument",
                )
            matched.append((name or resolved, value))

    def _expand_object(self, obj, matched: list) -> list:
        spec = self._expand
        results = spec.values(self, obj)
        if not results:
            raise _SelectError(
                f'Property "{self.ExpandProperty}" cannot be found.',
                "ExpandPropertyNotFound," + SELECT_ID,
                "InvalidArgument",
                obj,
            )
        if len(results) > 1:
            raise _SelectError(
                "Multiple properties cannot be expanded.",
                "MutlipleExpandProperties," + SELECT_ID,
                "InvalidArgument",
                obj,
            )
        _, value, exc = results[0]
        if exc is not None:
            raise _SelectError(exc.message, "PropertyEvaluationExpand," + SELECT_ID, "InvalidResult", obj)
        if value is None:
            return []
        out = []
        for element in value if is_enumerable(value) else (value,):
            if element is None:
                continue
            self._add_note_properties(element, obj, matched)
            out.extend(self._filtered_write(element, matched))
        return out

    def _add_note_properties(self, target, obj, matched) -> None:
        # PowerShell attaches the -Property values to the expanded object's PSObject wrapper;
        # only PSCustomObjects can carry note properties here, so other values pass unchanged.
        if not matched or not isinstance(target, PSObject):
            return
        for name, value in matched:
            if target.has_property(name):
                self.write_error(
                    f'The property cannot be processed because the property "{name}" already exists.',
                    "AlreadyExistingUserSpecifiedPropertyExpand," + SELECT_ID,
                    "InvalidOperation",
                    obj,
                )
            else:
                target.set_property(name, value)

    def _filtered_write(self, obj, added) -> list:
        if self._uniques is None:
            self._mark_selected(obj, bool(added))
            return [obj]
        case_sensitive = not self.CaseInsensitive
        for written, count in self._uniques:
            if count != len(added):
                continue
            # Two PSCustomObjects always compare equal as base objects (PowerShell compares
            # their empty ToString() forms), so only the selected properties tell them apart.
            if (
                not (isinstance(obj, PSObject) and isinstance(written, PSObject))
                and command_compare(obj, written, case_sensitive) != 0
            ):
                continue
            if all(
                written.has_property(n) and command_compare(written.get(n), v, case_sensitive) == 0 for n, v in added
            ):
                return []
        self._mark_selected(obj, bool(added))
        self._uniques.append((obj, len(added)))
        return []

    def _mark_selected(self, obj, new: bool) -> None:
        """SetPSCustomObject: custom objects get 'Selected.<input type>' as first type name."""
        if isinstance(obj, PSObject):
            source = self._last_input
            if type(source) is PSObject:
                name = _SELECTED_PSCUSTOMOBJECT
            else:
                name = "Selected." + base_type_name(source)
            if new or name not in obj.type_names:
                obj.type_names.insert(0, name)


_SELECTED_PSCUSTOMOBJECT = "Selected.System.Management.Automation.PSCustomObject"


def _excluded(matchers, name: str) -> bool:
    return any(m(name) for m in matchers)
