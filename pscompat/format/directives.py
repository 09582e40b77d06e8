"""Format directives and the generator that turns objects into them.

PowerShell's Format-* cmdlets (and Out-Default's implicit Format-Default) do not write text:
they emit FormatStartData, GroupStartData, FormatEntryData..., GroupEndData, FormatEndData
(PS: FormatAndOutput/common/FormattingObjects.cs), and an outputter (Out-Default, Out-String,
Out-File, Out-Host) lays them out.  We keep that split, so `... | ft Name | Out-String` and
`... | ft | Out-File x` work, Get-Member on `ft` output shows PowerShell's type names, and
tables stream (the outputter sizes columns from the first objects only).

`Formatter(options).feed(obj)` returns the directives for one object, `.close()` the closing
ones.  The choice of shape, view, columns, groups and out-of-band objects follows
PS: FormatAndOutput/common/BaseFormattingCommand.cs, FormatViewGenerator*.cs,
FormatViewManager.cs (OutOfBandFormatViewManager).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any

from pscompat.format.text import DEFAULT_ENUMERATION_LIMIT, culture_string, display_string, is_right_aligned, is_scalar
from pscompat.format.views import Column, DictionaryEntry, View, evaluate, find_view
from pscompat.values.convert.strings import to_string
from pscompat.values.objects.access import lookup_member, properties
from pscompat.values.objects.classes import is_dictionary

_NS = "Microsoft.PowerShell.Commands.Internal.Format."


class FormatInfoData:
    """Base of the objects Format-* emit; recognised by every outputter."""

    ps_name = "FormatInfoData"

    @property
    def PS_TYPE_NAMES(self):
        return (_NS + self.ps_name, _NS + "FormatInfoData", "System.Object")

    PS_PROPERTIES = ("ClassId2e4f51ef21dd47e99d3c952918aff9cd",)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__dict__!r})"

    def ToString(self) -> str:
        return _NS + self.ps_name


@dataclass(repr=False)
class ColumnInfo:
    label: str
    width: int = 0  # 0: sized by the outputter from the data
    alignment: str = "left"


@dataclass(repr=False)
class FormatStartData(FormatInfoData):
    shape: str  # 'table' | 'list' | 'wide' | 'complex'
    columns: list = field(default_factory=list)  # ColumnInfo, tables only
    autosize: bool = False
    hide_header: bool = False
    wide_columns: int = 0  # Format-Wide -Column (0 = outputter decides)
    ps_name = "FormatStartData"

    @property
    def ClassId2e4f51ef21dd47e99d3c952918aff9cd(self) -> str:
        return "033ecb2bc07a4d43b5ef94ed5a35d280"


@dataclass(repr=False)
class GroupStartData(FormatInfoData):
    label: str | None = None  # '   TypeName: System.String' line, or None
    ps_name = "GroupStartData"

    @property
    def ClassId2e4f51ef21dd47e99d3c952918aff9cd(self) -> str:
        return "9e210fe47d09416682b841769c78b8a3"


@dataclass(repr=False)
class FormatEntryData(FormatInfoData):
    """kind: 'row' (values, alignments), 'list' (labels, values), 'wide' (values[0]),
    'text' (values[0]: a raw string), 'lines' (values: lines of a custom view)."""

    kind: str
    values: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    alignments: list = field(default_factory=list)
    wrap: bool = False
    out_of_band: bool = False
    ps_name = "FormatEntryData"

    @property
    def ClassId2e4f51ef21dd47e99d3c952918aff9cd(self) -> str:
        return "27c87ef9bbda4f709f6b4002fa4af63c"


@dataclass(repr=False)
class GroupEndData(FormatInfoData):
    ps_name = "GroupEndData"

    @property
    def ClassId2e4f51ef21dd47e99d3c952918aff9cd(self) -> str:
        return "4ec4f0187cb04f4cb6973460dfe252df"


@dataclass(repr=False)
class FormatEndData(FormatInfoData):
    ps_name = "FormatEndData"

    @property
    def ClassId2e4f51ef21dd47e99d3c952918aff9cd(self) -> str:
        return "cf522b78d86c486691226b40aa69e95c"


@dataclass
class FormatOptions:
    """What a Format-* command line asks for (None: the view's or the default choice)."""

    shape: str | None = None  # None = Out-Default: a view, else <= 4 properties table, else list
    properties: list | None = None  # names (wildcards allowed) or Column (calculated)
    exclude: tuple = ()
    group_by: Column | None = None
    autosize: bool | None = None
    wrap: bool | None = None
    hide_header: bool = False
    force: bool = False
    wide_columns: int = 0
    enumeration_limit: int = DEFAULT_ENUMERATION_LIMIT
    expand: str = "EnumOnly"  # -Expand: CoreOnly formats a collection as one object


PROPERTY_COUNT_FOR_TABLE = 4  # PS displayDescriptionData.cs: more properties -> list


def _matches(pattern: str, name: str) -> bool:
    return fnmatch.fnmatchcase(name.lower(), pattern.lower())


def _has_wildcard(name: str) -> bool:
    return any(c in name for c in "*?[")


def resolve_columns(spec: list | None, obj: Any, exclude=(), keep_missing: bool = True) -> list[Column]:
    """-Property against one object: wildcards expand to its properties, a plain name stays a
    column (tables) or is dropped when the object lacks it (lists)."""
    names = [n for n, _ in properties(obj)]
    columns: list[Column] = []
    for item in spec if spec is not None else ["*"]:
        if isinstance(item, Column):
            columns.append(item)
        elif _has_wildcard(item):
            columns.extend(
                Column(n, n)
                for n in names
                if _matches(item, n) and not any(c.label.lower() == n.lower() for c in columns)
            )
        elif keep_missing or lookup_member(obj, item)[0]:
            real = next((n for n in names if n.lower() == item.lower()), item)
            columns.append(Column(real, real))
    if exclude:
        columns = [c for c in columns if not any(_matches(p, c.label) for p in exclude)]
    return columns


def _expand(obj: Any, mode: str = "EnumOnly") -> list:
    """Format commands enumerate what they are given (EnumerableExpansion.EnumOnly), and that
    includes dictionaries, which show as their entries; Both shows the collection first."""
    if mode.lower() == "coreonly":
        return [obj]
    if mode.lower() == "both" and (is_dictionary(obj) or isinstance(obj, (list, tuple))):
        return [obj] + _expand(obj)
    if is_dictionary(obj):
        return [DictionaryEntry(k, v) for k, v in obj.items()]
    if isinstance(obj, (list, tuple)) and not hasattr(obj, "_fields"):
        return list(obj)
    return [obj]


class Formatter:
    def __init__(self, options: FormatOptions | None = None):
        self.o = options or FormatOptions()
        self.in_document = False
        self.view: View | None = None
        self.shape = ""
        self.columns: list[Column] = []
        self.group_key: Any = _NO_GROUP
        self.group_open = False

    # -- public ------------------------------------------------------------------------------
    def feed(self, obj: Any) -> list:
        out: list = []
        if isinstance(obj, FormatInfoData):  # already formatted: passes through as is
            out.extend(self.close())
            out.append(obj)
            return out
        for item in _expand(obj, self.o.expand):
            if item is not None:
                self._process(item, out)
        return out

    def close(self) -> list:
        out: list = []
        if self.in_document:
            if self.group_open:
                out.append(GroupEndData())
            out.append(FormatEndData())
        self.in_document = False
        self.group_open = False
        self.group_key = _NO_GROUP
        return out

    # -- one object ----------------------------------------------------------------------------
    def _process(self, obj: Any, out: list) -> None:
        if not (self.o.force and self.o.properties is not None):
            band = self._out_of_band(obj, fallback=False)
            if band is not None:
                out.append(band)
                return
        if not self.in_document:
            self._start(obj, out)
        elif self.view is not None and not self.view.applies_to(obj):
            out.append(self._out_of_band(obj, fallback=True))
            return
        self._group(obj, out)
        out.append(self._payload(obj))

    def _out_of_band(self, obj: Any, fallback: bool) -> FormatEntryData | None:
        view = find_view(obj, "custom")
        if view is not None and view.out_of_band:
            return FormatEntryData("lines", view.render(obj).split("\n"), out_of_band=True)
        if is_scalar(obj) or not properties(obj):
            return FormatEntryData("text", [culture_string(obj)], out_of_band=True)
        if not fallback:
            return None
        cols = resolve_columns(None, obj)
        return FormatEntryData(
            "list", [self._text(c.value(obj)) for c in cols], labels=[c.label for c in cols], out_of_band=True
        )

    def _start(self, obj: Any, out: list) -> None:
        o = self.o
        view = None
        if o.properties is None:
            view = find_view(obj, o.shape)
            if view is not None and view.kind == "custom" and o.shape is not None:
                view = None
        shape = o.shape or (view.kind if view else None)
        if view is not None:
            columns = list(view.columns)
        else:
            shape = shape or ("table" if len(properties(obj)) <= PROPERTY_COUNT_FOR_TABLE else "list")
            if shape == "wide":
                columns = self._wide_column(obj)
            else:
                columns = resolve_columns(o.properties, obj, o.exclude, keep_missing=shape == "table")
        self.view, self.shape, self.columns = view, ("complex" if shape == "custom" else shape), columns
        self.in_document = True
        start = FormatStartData(
            self.shape,
            autosize=bool(o.autosize if o.autosize is not None else (view.autosize if view else False)),
            hide_header=o.hide_header,
            wide_columns=o.wide_columns,
        )
        if self.shape == "table":
            start.columns = [ColumnInfo(c.label, c.width, c.alignment or self._alignment(c, obj)) for c in columns]
        out.append(start)

    def _wide_column(self, obj: Any) -> list[Column]:
        if self.o.properties:
            return resolve_columns(self.o.properties[:1], obj)
        names = [n for n, _ in properties(obj)]
        if self.o.exclude:  # -ExcludeProperty implies -Property *: the first property left
            names = [n for n in names if not any(_matches(p, n) for p in self.o.exclude)]
            name = names[0] if names else None
        else:
            name = next((n for n in names if n.lower() == "name"), names[0] if names else None)
        return [Column(name, name)] if name else [Column("", to_string)]

    def _alignment(self, column: Column, obj: Any) -> str:
        value = evaluate(column.unformatted, obj) if column.unformatted is not None else column.value(obj)
        return "right" if is_right_aligned(value) else "left"

    def _group(self, obj: Any, out: list) -> None:
        group_by = self.o.group_by
        label = None
        if group_by is None and self.view is not None and self.view.group_by is not None:
            group_by = Column(self.view.group_label or "", self.view.group_by)
        if group_by is None:
            if not self.group_open:
                out.append(GroupStartData())
                self.group_open = True
            return
        key = group_by.value(obj)
        if self.group_open and _same_key(key, self.group_key):
            return
        if self.group_open:
            out.append(FormatEntryData("lines", [""], out_of_band=True))  # blank line between groups
            out.append(GroupEndData())
        label = f"   {group_by.label}: {display_string(key, self.o.enumeration_limit)}"
        out.append(GroupStartData(label))
        self.group_open = True
        self.group_key = key

    def _payload(self, obj: Any) -> FormatEntryData:
        if self.shape == "complex":
            return FormatEntryData("lines", self.view.render(obj).split("\n"))
        cols = self.columns if self.shape == "table" or self.view is not None else None
        if cols is None:  # a list without a view shows each object's own properties
            cols = (
                self.columns
                if self.shape == "wide"
                else resolve_columns(self.o.properties, obj, self.o.exclude, keep_missing=False)
            )
        values = [self._text(c.value(obj)) for c in cols]
        if self.shape == "table":
            return FormatEntryData("row", values, alignments=[None] * len(values), wrap=bool(self.o.wrap))
        if self.shape == "wide":
            return FormatEntryData("wide", values[:1])
        return FormatEntryData("list", values, labels=[c.label for c in cols])

    def _text(self, value: Any) -> str:
        return display_string(value, self.o.enumeration_limit, table=self.shape == "table")


_NO_GROUP = object()


def _same_key(a: Any, b: Any) -> bool:
    if b is _NO_GROUP:
        return False
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    try:
        return a == b
    except Exception:
        return a is b
