"""PowerShell's default output: what Out-Default / Out-String / Out-Host print.

    render(objects, width=None) -> str      the exact text Out-String produces for objects
    render_lines(objects, width=None)      the same, as lines (Out-String -Stream)
    OutDefault(write, width=None)          streaming: .feed(obj) per object, .close() at end;
                                           write(text) receives text ending in '\\n'
    register_view(type_name, kind, ...)    per-type views (see views.py)

Objects go through a Formatter (format_data.py: the implicit Format-Default, or the directives
a Format-* cmdlet already produced) and the LineOutput below lays the directives out, as
PS: FormatAndOutput/common/BaseOutputtingCommand.cs (OutCommandInner) does:

* a document starts with an empty line; a table document ends with one; a list prints an
  empty line after each object; strings and numbers print as their text, one per line;
* a table whose columns have no declared width is sized from its first objects: the rows
  are held back until the group ends, `close()` is called, or 300 ms have passed since the
  first one (PowerShell's own time window), then the widths are fixed for the rest;
  -AutoSize holds back the whole group;
* the first object picks the shape; later objects of another type with a view of their own
  show as lists, and objects without a view share the first table's columns (PowerShell's
  well-known 'missing columns' behaviour).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from pscompat.format.directives import (
    FormatEndData,
    FormatEntryData,
    FormatInfoData,
    FormatOptions,
    FormatStartData,
    Formatter,
    GroupEndData,
    GroupStartData,
)
from pscompat.format.list_layout import list_entry
from pscompat.format.table_layout import TableWriter, wide_items_per_row
from pscompat.format.text import cells, wrap_lines

__all__ = ["render", "render_lines", "OutDefault", "LineOutput", "DEFAULT_WIDTH"]

DEFAULT_WIDTH = 120  # PowerShell's width when there is no console (BaseOutputtingCommand.cs)
CACHE_SECONDS = 0.3  # FormattedObjectsCache time window for implicitly sized tables


class LineOutput:
    """Consumes format directives and writes lines (each via `emit(line)`)."""

    def __init__(self, emit: Callable[[str], None], width: int | None = None, clock=time.monotonic):
        self._emit_raw = emit
        self.pending_blank = False  # the blank line a table starts with, written with its first line
        self.width = width or DEFAULT_WIDTH
        self.clock = clock
        self.start: FormatStartData | None = None
        self.table: TableWriter | None = None
        self.labels: list[str] = []
        self.wide_buffer: list[str] = []
        self.wide_per_row = 2
        self.cache: list | None = None  # held-back [GroupStartData, FormatEntryData...]
        self.cache_started = 0.0
        self.cache_whole_group = False

    # -- directive stream ---------------------------------------------------------------------
    def process(self, item: FormatInfoData) -> None:
        if isinstance(item, FormatStartData):
            if self.start is not None:  # a new document without the end of the previous one
                self.process(FormatEndData())
            self.start = item
            self.pending_blank = True  # written just before the first line, so that a verbose or
            return  # warning line written meanwhile comes first, as in pwsh
        if self.cache is not None:
            if isinstance(item, GroupEndData) or isinstance(item, FormatEndData):
                self._release()
            elif isinstance(item, GroupStartData):
                self._release()
            else:
                self.cache.append(item)
                if not self.cache_whole_group and self.clock() - self.cache_started >= CACHE_SECONDS:
                    self._release()
                return
        if isinstance(item, GroupStartData):
            if self._should_cache():
                self.cache = [item]
                self.cache_started = self.clock()
                self.cache_whole_group = bool(self.start and self.start.autosize)
                return
            self._group_start(item, None)
        elif isinstance(item, FormatEntryData):
            self._entry(item)
        elif isinstance(item, GroupEndData):
            self._flush_wide()
        elif isinstance(item, FormatEndData):
            self._flush_wide()
            if self.start is not None and self.start.shape != "list":
                self.emit("")
            self.start = None
            self.table = None

    def emit(self, line: str) -> None:
        if self.pending_blank:
            self.pending_blank = False
            self._emit_raw("")
        self._emit_raw(line)

    def flush(self) -> None:
        """Release held-back rows (end of input)."""
        if self.cache is not None:
            self._release()

    def close(self) -> None:
        self.flush()
        if self.start is not None:
            self.process(FormatEndData())

    # -- groups ---------------------------------------------------------------------------------
    def _should_cache(self) -> bool:
        s = self.start
        if s is None:
            return False
        if s.autosize:
            return s.shape in ("table", "wide")
        return s.shape == "table" and bool(s.columns) and s.columns[0].width == 0

    def _release(self) -> None:
        cached, self.cache = self.cache, None
        group, entries = cached[0], cached[1:]
        hint = None
        if self.start.shape == "table":
            hint = [cells(c.label) for c in self.start.columns]
            for e in entries:
                if e.kind == "row" and not e.out_of_band:
                    for k, v in enumerate(e.values[: len(hint)]):
                        hint[k] = max(hint[k], cells(v))
        elif self.start.shape == "wide":
            values = [e.values[0] for e in entries if e.kind == "wide" and not e.out_of_band]
            hint = max((cells(v) for v in values if v), default=0)
        self._group_start(group, hint)
        for e in entries:
            self._entry(e)

    def _group_start(self, group: GroupStartData, hint) -> None:
        if group.label is not None:
            for line in wrap_lines(group.label, self.width):
                self.emit(line)
            self.emit("")
        s = self.start
        if s is None:
            return
        if s.shape == "table":
            widths = hint if hint is not None else [c.width for c in s.columns]
            self.labels = [c.label for c in s.columns]
            self.table = TableWriter(widths, [c.alignment for c in s.columns], self.width, s.hide_header)
            for line in self.table.header(self.labels):
                self.emit(line)
        elif s.shape == "wide":
            if hint:
                self.wide_per_row = wide_items_per_row(hint, self.width)
            else:
                self.wide_per_row = s.wide_columns if s.wide_columns > 0 else 2
            self.table = TableWriter([0] * self.wide_per_row, ["left"] * self.wide_per_row, self.width)
            self.wide_buffer = []

    # -- entries -------------------------------------------------------------------------------
    def _entry(self, e: FormatEntryData) -> None:
        if e.out_of_band or self.start is None:
            self._out_of_band(e)
        elif e.kind == "row" and self.table is not None:
            for line in self.table.row(e.values, e.alignments, e.wrap):
                self.emit(line)
        elif e.kind == "list":
            for line in list_entry(e.labels, e.values, self.width):
                self.emit(line)
            self.emit("")
        elif e.kind == "wide" and self.table is not None:
            self.wide_buffer.append(e.values[0] if e.values else "")
            if len(self.wide_buffer) == self.wide_per_row:
                self._flush_wide()
        else:
            self._out_of_band(e)

    def _flush_wide(self) -> None:
        if self.wide_buffer and self.table is not None:
            for line in self.table.row(self.wide_buffer):
                self.emit(line)
        self.wide_buffer = []

    def _out_of_band(self, e: FormatEntryData) -> None:
        if e.kind == "text":
            # Raw text (strings, numbers) is written as it is, in one piece (PS LineOutput
            # WriteRawText): a multi-line string stays one string under Out-String -Stream.
            self.emit(e.values[0] if e.values else "")
        elif e.kind == "list":
            self.emit("")
            for line in list_entry(e.labels, e.values, self.width):
                self.emit(line)
            self.emit("")
        elif e.kind in ("lines", "row", "wide"):
            for line in e.values:
                self.emit(line)


class OutDefault:
    """Streaming Out-Default: feed objects (or format directives) as they come."""

    def __init__(
        self,
        write: Callable[[str], None],
        width: int | None = None,
        options: FormatOptions | None = None,
        clock=time.monotonic,
    ):
        self.write = write
        self.formatter = Formatter(options)
        self.output = LineOutput(lambda line: write(line + "\n"), width, clock)

    def feed(self, obj: Any) -> None:
        for directive in self.formatter.feed(obj):
            self.output.process(directive)

    def close(self) -> None:
        for directive in self.formatter.close():
            self.output.process(directive)
        self.output.close()


def render_lines(objects: Iterable[Any], width: int | None = None, options: FormatOptions | None = None) -> list[str]:
    lines: list[str] = []
    formatter = Formatter(options)
    # render() sees all objects at once, like a pipeline whose objects all arrive within
    # PowerShell's 300 ms window: columns are sized from the whole first group.
    output = LineOutput(lines.append, width, clock=lambda: 0.0)
    for obj in objects:
        for directive in formatter.feed(obj):
            output.process(directive)
    for directive in formatter.close():
        output.process(directive)
    output.close()
    return lines


def render(objects: Iterable[Any], width: int | None = None, options: FormatOptions | None = None) -> str:
    """Out-String's text for the objects: every line followed by a newline."""
    return "".join(line + "\n" for line in render_lines(objects, width, options))
