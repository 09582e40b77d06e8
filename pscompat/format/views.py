"""Per-type formatting views: PowerShell's *.format.ps1xml, as Python registrations.

    register_view(type_name, kind='table'|'list'|'wide'|'custom', properties=[...],
                  widths=None, group_by=None, alignments=None, autosize=False, render=None)

`properties` items are property names, or (label, expression) pairs where the expression is a
property name or a callable taking the object.  `widths` (same length; 0 = let the table decide)
and `alignments` ('left' | 'right' | 'center' | None) are per column, table views only.
`group_by` is a property name or callable: a new group (and `   Label: value` line) starts
whenever its value changes.  A 'custom' view has `render(obj) -> str` (the text shown); with out_of_band=True it
is shown on its own wherever the object appears (ErrorRecord), else between blank lines
like a table (DateTime).

Out-Default uses the first view registered for the first of an object's type names that has
one; Format-Table / Format-List / Format-Wide take the first view of their kind.  The built-in
views below are PowerShell's own (PS: src/System.Management.Automation/FormatAndOutput/
DefaultFormatters/PowerShellCore_format_ps1xml.cs, DotNetTypes_format_ps1xml.cs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pscompat.values.objects.access import get_member, lookup_member
from pscompat.values.objects.model import type_names

Expression = str | Callable[[Any], Any]


@dataclass
class Column:
    label: str
    expression: Expression
    width: int = 0
    alignment: str | None = None  # None: decided from the first value (tables without view)
    # A FormatString column shows formatted text, but its default alignment comes from the
    # unformatted value (PS ComputeDefaultAlignment evaluates the bare expression).
    unformatted: Expression | None = None

    def value(self, obj: Any) -> Any:
        return evaluate(self.expression, obj)


@dataclass
class View:
    type_name: str
    kind: str  # 'table' | 'list' | 'wide' | 'custom'
    columns: list = field(default_factory=list)
    group_by: Expression | None = None
    group_label: str | None = None
    autosize: bool = False
    render: Callable[[Any], str] | None = None
    out_of_band: bool = False  # custom views shown on their own, even inside another table
    # the other types the view is selected by (a ps1xml SelectionSet, e.g. FileSystemTypes):
    # objects of any of them continue one table instead of switching views
    also: tuple = ()

    def applies_to(self, obj: Any) -> bool:
        selected = {self.type_name.lower(), *(n.lower() for n in self.also)}
        return any(n.lower() in selected for n in type_names(obj))


def evaluate(expression: Expression, obj: Any) -> Any:
    """A property name or a callable, applied to obj; a missing property is $null.
    Formatting reads the object's own properties: no member-access enumeration on arrays."""
    if callable(expression):
        return expression(obj)
    try:
        found, value = lookup_member(obj, expression)
    except Exception:  # a throwing property getter shows as an empty cell, as in PowerShell
        return None
    return value if found else None


_VIEWS: dict[str, list[View]] = {}  # folded type name -> views in registration order


def register_view(
    type_name: str | tuple[str, ...],
    kind: str = "table",
    properties=(),
    widths=None,
    group_by=None,
    alignments=None,
    autosize: bool = False,
    render=None,
    group_label: str | None = None,
    out_of_band: bool = False,
) -> View:
    if kind not in ("table", "list", "wide", "custom"):
        raise ValueError(f"unknown view kind {kind!r}")
    if kind == "custom" and render is None:
        raise ValueError("a custom view needs render=")
    columns = []
    for i, item in enumerate(properties):
        if isinstance(item, Column):
            columns.append(item)
            continue
        label, expr = (item, item) if isinstance(item, str) else item
        width = widths[i] if widths and i < len(widths) and widths[i] else 0
        align = alignments[i] if alignments and i < len(alignments) else None
        columns.append(Column(label, expr, width, align or ("left" if kind == "table" else None)))
    if group_by is not None and group_label is None:
        group_label = group_by if isinstance(group_by, str) else "Group"
    names = (type_name,) if isinstance(type_name, str) else tuple(type_name)
    view = View(names[0], kind, columns, group_by, group_label, autosize, render, out_of_band, names[1:])
    for name in names:
        _VIEWS.setdefault(name.lower(), []).append(view)
    return view


def find_view(obj: Any, kind: str | None = None) -> View | None:
    """The view Out-Default (kind=None) or Format-<kind> uses for obj, or None."""
    for name in type_names(obj):
        for view in _VIEWS.get(name.lower(), ()):
            if kind is None or view.kind == kind:
                return view
    return None


# --------------------------------------------------------------------------------------------
# Built-in views


class DictionaryEntry:
    """One entry of an enumerated Hashtable, as the formatter shows it (Name is Key's alias)."""

    PS_TYPE_NAMES = ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
    PS_PROPERTIES = ("Name", "Key", "Value")

    def __init__(self, key: Any, value: Any):
        self.Key = key
        self.Value = value

    @property
    def Name(self) -> Any:
        return self.Key

    def ToString(self) -> str:
        return "System.Collections.DictionaryEntry"

    def __repr__(self) -> str:
        return f"DictionaryEntry({self.Key!r}, {self.Value!r})"


def _command_name(cmd: Any) -> Any:
    if str(get_member(cmd, "CommandType")) == "Alias":
        display = get_member(cmd, "DisplayName")
        if display is not None:
            return display
    return get_member(cmd, "Name")


def long_date_time(d) -> str:
    """DateTime's DateTime script property (types.ps1xml) under en-US:
    ToLongDateString() + ' ' + ToLongTimeString(), i.e. 'Thursday, November 26, 2026 2:30:43 AM';
    a DisplayHint of Date or Time (Get-Date -DisplayHint) keeps just that half."""
    from pscompat.values.dotnet_format.dates import format_datetime

    hint = str(getattr(d, "DisplayHint", "") or "").lower()
    if hint == "date":
        return format_datetime(d, "D")
    if hint == "time":
        return format_datetime(d, "T")
    return format_datetime(d, "D") + " " + format_datetime(d, "T")


def information_text(record) -> str:
    from pscompat.format.host import information_text as text

    return text(record)


def _to_text(value) -> str:
    from pscompat.values.convert.strings import to_string

    return to_string(value)


def _register_builtin() -> None:
    for name in ("Microsoft.PowerShell.Commands.GroupInfo", "Microsoft.PowerShell.Commands.GroupInfoNoElement"):
        no_element = name.endswith("NoElement")
        cols = ["Count", "Name"] if no_element else ["Count", "Name", "Group"]
        register_view(name, "table", cols, widths=[5, 25, 0], alignments=["right", None, None])
        register_view(name, "list", ["Name", "Count", "Values"] if no_element else ["Name", "Count", "Group", "Values"])
    # PathInfo (PowerShellCore_format_ps1xml.cs): a table of Path alone
    register_view("System.Management.Automation.PathInfo", "table", ["Path"])
    # GenericMeasureInfo / TextMeasureInfo have views only when Deserialized: live ones show
    # all their properties (StandardDeviation included), as the Measure-Object docs print.
    register_view(
        "Microsoft.PowerShell.Commands.MemberDefinition",
        "table",
        ["Name", "MemberType", "Definition"],
        group_by="TypeName",
        autosize=True,
    )
    register_view("System.Collections.DictionaryEntry", "table", ["Name", "Value"], widths=[30, 0])
    register_view("System.Collections.DictionaryEntry", "list", ["Name", "Value"])
    # one view for every kind of command (PowerShellCore_format_ps1xml.cs selects it by CommandInfo,
    # the base type), so Get-Command's aliases, cmdlets and functions share one table
    kinds = ("Alias", "Cmdlet", "Function", "Filter", "ExternalScript", "Application", "Script")
    register_view(
        ("System.Management.Automation.CommandInfo", *(f"System.Management.Automation.{k}Info" for k in kinds)),
        "table",
        ["CommandType", ("Name", _command_name), "Version", "Source"],
        widths=[15, 50, 10, 0],
    )
    from pscompat.format.host import error_text
    from pscompat.values.error_records import ErrorRecord

    # errors.ErrorRecord declares no PS_TYPE_NAMES yet: register under the name it reports too.
    for name in dict.fromkeys(
        ("System.Management.Automation.ErrorRecord", type_names(ErrorRecord.__new__(ErrorRecord))[0])
    ):
        register_view(name, "custom", render=error_text, out_of_band=True)
    register_view("System.DateTime", "custom", render=long_date_time)
    # PowerShellCore.format.ps1xml / HelpV3.format.ps1xml
    register_view("System.Management.Automation.PSVariable", "table", ["Name", "Value"], widths=[30, 0])
    register_view(
        "System.RuntimeType",
        "table",
        [("IsPublic", "IsPublic"), ("IsSerial", "IsSerializable"), "Name", "BaseType"],
        widths=[8, 8, 40, 0],
    )
    register_view("System.Management.Automation.ScriptBlock", "custom", render=_to_text, out_of_band=True)
    # Records merged into the output (3>&1 ...) show their message alone; the console host
    # writes them through WriteWarningLine & co, Out-String as plain lines.
    for kind in ("Warning", "Verbose", "Debug"):
        register_view(
            f"System.Management.Automation.{kind}Record",
            "custom",
            render=lambda r: _to_text(getattr(r, "Message", "")),
            out_of_band=True,
        )
    register_view(
        "System.Management.Automation.InformationRecord",
        "custom",
        render=lambda r: information_text(r),
        out_of_band=True,
    )
    # DotNetTypes.format.ps1xml
    register_view("System.Version", "table", ["Major", "Minor", "Build", "Revision"], widths=[6, 6, 6, 8])
    register_view(
        "System.TimeSpan",
        "list",
        [
            "Days",
            "Hours",
            "Minutes",
            "Seconds",
            "Milliseconds",
            "Ticks",
            "TotalDays",
            "TotalHours",
            "TotalMinutes",
            "TotalSeconds",
            "TotalMilliseconds",
        ],
    )
    register_view("System.TimeSpan", "table", ["Days", "Hours", "Minutes", "Seconds", "Milliseconds"])
    register_view("System.Guid", "table", [("Guid", str)])


_register_builtin()
