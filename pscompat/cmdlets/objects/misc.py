"""Tee-Object and Compare-Object (PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/
Tee-Object.cs, Compare-Object.cs).
"""

from __future__ import annotations

import os

from pscompat.cmdlets.encodings import python_encoding
from pscompat.cmdlets.objects.common import has_input
from pscompat.cmdlets.objects.properties import SORT_ENTRIES, parse_properties
from pscompat.cmdlets.objects.sort import OrderEntry, expand_specs, make_comparer, order_values
from pscompat.cmdlets.paths import native_path
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.objects.classes import PSObject


@cmdlet(
    "Tee-Object",
    aliases=("tee",),
    synopsis="Saves command output in a file or variable and also sends it down the pipeline.",
    description="Passes every input object on unchanged and also writes it to a file (as Out-File "
    "renders it) or collects it into a variable.",
    default_set="File",
    examples=(
        ("Get-Process | Tee-Object -Variable procs | Select-Object -First 1", "Keeps all in $procs."),
        ("'a','b' | Tee-Object -FilePath out.txt", "Writes a and b to out.txt and to the pipeline."),
    ),
)
class TeeObject(Cmdlet):
    """Saves command output in a file or variable and also sends it down the pipeline."""

    parameters = (
        Parameter("InputObject", "psobject", pipeline=True),
        Parameter("FilePath", "string", position=0, mandatory=True, sets=("File",), aliases=("Path",)),
        Parameter("LiteralPath", "string", mandatory=True, sets=("LiteralFile",), aliases=("PSPath", "LP")),
        Parameter("Append", "switch", sets=("File",)),
        Parameter("Encoding", "string", sets=("File", "LiteralFile")),
        Parameter("Variable", "string", mandatory=True, sets=("Variable",)),
    )

    def begin(self):
        self._items = []

    def process(self):
        if not has_input(self):
            return None
        item = self.InputObject
        self._items.append(item)
        return (item,)

    def end(self):
        items = self._items
        if self.parameter_set == "Variable":
            # Set-Variable fed from the pipeline: one object is stored as itself, several as
            # an array, in the caller's scope.
            value = items[0] if len(items) == 1 else list(items)
            if not items:
                value = None
            self.ctx.set_variable(self.Variable, value, at=self.runtime.scope)
            return None
        from pscompat.format.out_default import render

        path = self.FilePath if self.parameter_set == "File" else self.LiteralPath
        path = os.path.join(self.ctx.cwd, native_path(path))
        encoding = python_encoding(self.Encoding)
        with open(path, "a" if self.Append else "w", encoding=encoding, newline="") as fh:
            fh.write(render(items))
        return None


@cmdlet(
    "Compare-Object",
    aliases=("compare", "diff"),
    synopsis="Compares two sets of objects.",
    description="Reports the objects that are only in the reference set ('<=') or only in the "
    "difference set ('=>'), and with -IncludeEqual those in both ('==').",
    examples=(
        ("Compare-Object 1,2,3 2,3,4", "1 (<=) and 4 (=>)."),
        ("Compare-Object $a $b -Property Name -IncludeEqual", "Compares by a property."),
    ),
)
class CompareObject(Cmdlet):
    """Compares two sets of objects."""

    parameters = (
        Parameter("ReferenceObject", "psobject[]", position=0, mandatory=True, allow_empty_collection=True),
        Parameter(
            "DifferenceObject", "psobject[]", position=1, mandatory=True, pipeline=True, allow_empty_collection=True
        ),
        Parameter("SyncWindow", "int", default=2147483647),
        Parameter("Property", "object[]"),
        Parameter("ExcludeDifferent", "switch"),
        Parameter("IncludeEqual", "switch"),
        Parameter("PassThru", "switch"),
        Parameter("Culture", "string"),
        Parameter("CaseSensitive", "switch"),
    )

    def begin(self):
        self._window = self.bound.get("SyncWindow", 2147483647)
        self._include_equal = bool(self.IncludeEqual)
        if self.ExcludeDifferent and not ("IncludeEqual" in self.bound and not self.IncludeEqual):
            self._include_equal = True
        self._specs = None
        self._compare = None
        self._references = None
        self._ref_index = 0
        self._ref_backlog: list = []
        self._diff_backlog: list = []
        self._out: list = []

    # --- order matrix -----------------------------------------------------------------------
    def _entries(self, objects) -> list:
        out = []
        for i, obj in enumerate(objects):
            values, comparable = order_values(self, obj, self._specs)
            out.append(OrderEntry(obj, values, i, comparable))
        return out

    def _init(self, reference: list) -> None:
        if self._compare is not None:
            return
        self._specs = expand_specs(parse_properties(self, self.Property, SORT_ENTRIES), reference)
        self._references = self._entries(reference)
        keys = max((len(e.values) for e in self._references), default=0)
        self._compare = make_comparer([True] * keys, bool(self.CaseSensitive))

    def process(self):
        reference = _as_list(self.ReferenceObject)
        difference = _as_list(self.DifferenceObject)
        if not reference:
            if difference:
                if self._specs is None:
                    self._specs = expand_specs(parse_properties(self, self.Property, SORT_ENTRIES), difference)
                for entry in self._entries(difference):
                    self._emit_difference(entry)
            return self._flush()
        self._init(reference)
        if not difference:
            self._step(None)
            return self._flush()
        for entry in self._entries(difference):
            self._step(entry)
        return self._flush()

    def end(self):
        if self._references is not None:
            while self._ref_index < len(self._references):
                self._step(None)
        for entry in self._diff_backlog:
            self._emit_difference(entry)
        self._diff_backlog = []
        for entry in self._ref_backlog:
            self._emit_reference(entry)
        self._ref_backlog = []
        return self._flush()

    def _flush(self) -> list:
        out, self._out = self._out, []
        return out

    def _step(self, difference) -> None:
        """CompareObjectCommand.Process: match against the next reference object, then the
        backlogs; unmatched objects wait in a backlog of at most -SyncWindow entries."""
        reference = None
        if self._ref_index < len(self._references):
            reference = self._references[self._ref_index]
            self._ref_index += 1
        compare = self._compare
        if reference is not None and difference is not None and compare(reference, difference) == 0:
            self._emit_match(reference)
            return
        match = _match_and_remove(difference, self._ref_backlog, compare)
        if match is not None:
            self._emit_match(match)
            difference = None
        match = _match_and_remove(reference, self._diff_backlog, compare)
        if match is not None:
            self._emit_match(reference)
            reference = None
        window = self._window
        if difference is not None:
            if window > 0:
                while len(self._diff_backlog) >= window:
                    self._emit_difference(self._diff_backlog.pop(0))
                self._diff_backlog.append(difference)
            else:
                self._emit_difference(difference)
        if reference is not None:
            if window > 0:
                while len(self._ref_backlog) >= window:
                    self._emit_reference(self._ref_backlog.pop(0))
                self._ref_backlog.append(reference)
            else:
                self._emit_reference(reference)

    def _emit_match(self, entry) -> None:
        if self._include_equal:
            self._emit(entry, "==")

    def _emit_difference(self, entry) -> None:
        if not self.ExcludeDifferent:
            self._emit(entry, "=>")

    def _emit_reference(self, entry) -> None:
        if not self.ExcludeDifferent:
            self._emit(entry, "<=")

    def _emit(self, entry, side: str) -> None:
        if self.PassThru:
            obj = entry.obj
            if isinstance(obj, PSObject):  # only a PSObject can carry the note property here
                obj.remove_property("SideIndicator")
                obj.set_property("SideIndicator", side)
            self._out.append(obj)
            return
        result = PSObject()
        if not self.Property:
            result.set_property("InputObject", entry.obj)
        else:
            for spec, value in zip(self._specs, entry.values):
                if not result.has_property(spec.text):
                    result.set_property(spec.text, None if value is _missing() else value)
        result.set_property("SideIndicator", side)
        self._out.append(result)


def _missing():
    from pscompat.cmdlets.objects.sort import NON_EXISTING

    return NON_EXISTING


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _match_and_remove(entry, backlog: list, compare):
    if entry is None:
        return None
    for i, other in enumerate(backlog):
        if compare(entry, other) == 0:
            return backlog.pop(i)
    return None
