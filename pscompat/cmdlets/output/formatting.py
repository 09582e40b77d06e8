"""Output cmdlets: Format-Table/List/Wide, Out-Default/Host/String/File/Null (the Write-*
cmdlets are in output_write.py).

The Format-* cmdlets emit format directives (format_data.py), not text: an outputter lays them
out, so `Get-X | ft Name | Out-String` is PowerShell's table text.  Docs: Util/Format-Table.md,
Format-List.md, Format-Wide.md, Out-String.md, Out-File.md, Write-*.md; PS tests
test/powershell/Modules/Microsoft.PowerShell.Utility/{Format-Table,Out-String,...}.Tests.ps1.
"""

from __future__ import annotations

import os
from typing import Any

from pscompat.cmdlets.encodings import ENCODINGS
from pscompat.cmdlets.paths import native_path
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.validation import validate_not_null_or_empty
from pscompat.errors import PSError
from pscompat.format.directives import FormatOptions, Formatter
from pscompat.format.out_default import OutDefault
from pscompat.format.views import Column
from pscompat.values.convert.strings import to_string
from pscompat.values.objects.classes import is_dictionary
from pscompat.values.objects.model import SCRIPTBLOCK_TYPE, type_names

_CORE = "Microsoft.PowerShell.Core"
_EXPAND = ("CoreOnly", "EnumOnly", "Both")
_ALIGN = {"left": "left", "right": "right", "center": "center"}


def _is_block(value: Any) -> bool:
    names = type_names(value)
    return bool(names) and names[0] == SCRIPTBLOCK_TYPE


def _key(table: dict, *names: str) -> Any:
    """A calculated-property key: any unambiguous prefix of its name (N, E, Label, ...)."""
    for key, value in table.items():
        k = str(key).lower()
        if any(name.startswith(k) for name in names):
            return value
    return None


class FormatCmdlet(Cmdlet):
    """Shared by Format-Table/List/Wide: -Property/-GroupBy parsing and the Formatter."""

    shape = "table"

    def _options(self) -> FormatOptions:
        props = self.bound.get("Property")
        if props is not None and not isinstance(props, (list, tuple)):
            props = [props]
        limit = _enumeration_limit(self)
        return FormatOptions(
            shape=self.shape,
            properties=[self._column(p) for p in props] if props is not None else None,
            exclude=tuple(self.bound.get("ExcludeProperty") or ()),
            group_by=self._group_by(),
            autosize=True if self.bound.get("AutoSize") else None,
            wrap=bool(self.bound.get("Wrap")),
            hide_header=bool(self.bound.get("HideTableHeaders")),
            force=bool(self.bound.get("Force")),
            wide_columns=int(self.bound.get("Column") or 0),
            enumeration_limit=limit,
            expand=self.bound.get("Expand") or "EnumOnly",
        )

    def _column(self, spec: Any) -> Any:
        """A -Property item: a name (wildcards kept), a script block, or a hashtable with
        Name/Label, Expression, Width, Alignment, FormatString."""
        if isinstance(spec, str):
            return spec
        if _is_block(spec):
            return Column(spec.text, self._evaluator(spec))
        if is_dictionary(spec):
            expr = _key(spec, "expression")
            if expr is None:
                self.throw_terminating(
                    "A hash table key 'Expression' is missing.", "DictionaryKeyMissingEntry", "InvalidArgument"
                )
            label = _key(spec, "name", "label")
            evaluate = raw = self._evaluator(expr)
            fmt = _key(spec, "formatstring")
            if fmt is not None:
                evaluate = _formatted(evaluate, str(fmt))
            label = to_string(label) if label is not None else (expr.text if _is_block(expr) else to_string(expr))
            width = _key(spec, "width")
            align = _ALIGN.get(str(_key(spec, "alignment") or "").lower())
            return Column(
                label, evaluate, int(width) if width else 0, align, unformatted=raw if fmt is not None else None
            )
        return to_string(spec)

    def _group_by(self) -> Column | None:
        spec = self.bound.get("GroupBy")
        if spec is None:
            return None
        column = self._column(spec)
        return Column(column, column) if isinstance(column, str) else column

    def _evaluator(self, expr: Any):
        if _is_block(expr):

            def run(obj, block=expr):
                try:
                    out = self.invoke(block, dollar_under=obj)
                except PSError:
                    # A failing expression is an empty cell, or '#ERR' with -DisplayError
                    # (PS: FormatErrorManager; Format-Table reference page, Example 8).
                    return "#ERR" if self.bound.get("DisplayError") else None
                return None if not out else out[0] if len(out) == 1 else out

            return run
        return to_string(expr)

    def begin(self):
        self.formatter = Formatter(self._options())

    def process(self):
        yield from self.formatter.feed(self.InputObject)

    def end(self):
        yield from self.formatter.close()


def _formatted(evaluate, fmt: str):
    from pscompat.values.dotnet_format.composite import format_string, format_value

    def run(obj):
        value = evaluate(obj) if callable(evaluate) else obj
        if "{0" in fmt or "}" in fmt:
            return format_string(fmt, [value])
        return format_value(value, fmt)

    return run


_COMMON_FORMAT = (
    Parameter("GroupBy", "object"),
    Parameter("DisplayError", "switch"),
    Parameter("Force", "switch"),
    Parameter("Expand", "string", validate_set=_EXPAND),
    Parameter("InputObject", "psobject", pipeline=True),
)


@cmdlet(
    "Format-Table",
    aliases=("ft",),
    synopsis="Formats the output as a table.",
    examples=(
        ("Get-Process | Format-Table -Property Name, Id -AutoSize", "Two columns, sized to the data."),
        (
            "$o | Format-Table @{Name='Size (KB)'; Expression={$_.Length / 1KB}; FormatString='N1'}",
            "A calculated column.",
        ),
    ),
)
class FormatTable(FormatCmdlet):
    parameters = (
        Parameter("Property", "object[]", position=0, validators=(validate_not_null_or_empty,)),
        Parameter("AutoSize", "switch"),
        Parameter("HideTableHeaders", "switch"),
        Parameter("Wrap", "switch"),
        Parameter("ExcludeProperty", "string[]"),
    ) + _COMMON_FORMAT
    shape = "table"


@cmdlet(
    "Format-List",
    aliases=("fl",),
    synopsis="Formats the output as a list of properties in which each property appears on a new line.",
    examples=(("Get-Item . | Format-List -Property *", "Every property, one per line."),),
)
class FormatList(FormatCmdlet):
    parameters = (
        Parameter("Property", "object[]", position=0, validators=(validate_not_null_or_empty,)),
        Parameter("ExcludeProperty", "string[]"),
    ) + _COMMON_FORMAT
    shape = "list"


@cmdlet(
    "Format-Wide",
    aliases=("fw",),
    synopsis="Formats objects as a wide table that displays only one property of each object.",
    examples=(("Get-ChildItem | Format-Wide -Column 3", "Names in three columns."),),
)
class FormatWide(FormatCmdlet):
    parameters = (
        Parameter("Property", "object", position=0),
        Parameter("ExcludeProperty", "string[]"),
        Parameter("AutoSize", "switch"),
        Parameter("Column", "int"),
    ) + _COMMON_FORMAT
    shape = "wide"


# --------------------------------------------------------------------------------------------
# Outputters


def _enumeration_limit(cmd: Cmdlet) -> int:
    """$FormatEnumerationLimit as the command's scope sees it (a bad value: the default 4)."""
    limit = cmd.runtime.scope.lookup("formatenumerationlimit", 4)
    try:
        return int(limit)
    except (TypeError, ValueError):
        return 4


class _Outputter(Cmdlet):
    """Runs objects through Format-Default and the line output, collecting the lines."""

    def _start(self, width: int | None) -> None:
        self.lines: list[str] = []
        self.out = OutDefault(
            lambda text: self.lines.append(text[:-1]),
            width or self.ctx.host.width,
            FormatOptions(enumeration_limit=_enumeration_limit(self)),
        )

    def _take(self) -> list[str]:
        lines, self.lines[:] = list(self.lines), []
        return lines


@cmdlet(
    "Out-String",
    synopsis="Outputs input objects as a string.",
    examples=(("Get-Alias | Out-String -Stream | Select-String 'Get-'", "One string per line."),),
    default_set="NoNewLineFormatting",
)
class OutString(_Outputter):
    # -Stream and -NoNewline are in different parameter sets (Out-String.Tests.ps1: together
    # they fail with AmbiguousParameterSet).
    parameters = (
        Parameter("Width", "int"),
        Parameter("Stream", "switch", sets=("StreamFormatting",)),
        Parameter("NoNewline", "switch", sets=("NoNewLineFormatting",)),
        Parameter("InputObject", "psobject", pipeline=True),
    )

    def begin(self):
        self._start(self.Width)
        self.text: list[str] = []

    def process(self):
        self.out.feed(self.InputObject)
        if self.Stream:
            yield from self._take()

    def end(self):
        self.out.close()
        lines = self._take()
        if self.Stream:
            yield from lines
            return
        if self.NoNewline:
            text = "".join(lines)
        else:
            text = "".join(line + "\n" for line in lines)
        yield text  # always one string, "" for no input (PS OutStringCommand.EndProcessing)


@cmdlet(
    "Out-Default", module=_CORE, synopsis="Sends the output to the default formatter and to the default output cmdlet."
)
class OutDefaultCmdlet(Cmdlet):
    parameters = (
        Parameter("Transcript", "switch"),
        Parameter("InputObject", "psobject", pipeline=True),
    )

    def begin(self):
        self.out = OutDefault(
            self.ctx.host.write, self.ctx.host.width, FormatOptions(enumeration_limit=_enumeration_limit(self))
        )

    def process(self):
        self.out.feed(self.InputObject)

    def end(self):
        self.out.close()


@cmdlet("Out-Host", module=_CORE, synopsis="Sends output to the command line.")
class OutHost(OutDefaultCmdlet):
    parameters = (
        Parameter("Paging", "switch"),
        Parameter("InputObject", "psobject", pipeline=True),
    )


@cmdlet("Out-Null", module=_CORE, synopsis="Hides the output instead of sending it down the pipeline or displaying it.")
class OutNull(Cmdlet):
    parameters = (Parameter("InputObject", "psobject", pipeline=True),)

    def process(self):
        return None


_BOMS = {"unicode": "\ufeff", "bigendianunicode": "\ufeff", "utf32": "\ufeff", "bigendianutf32": "\ufeff"}


@cmdlet(
    "Out-File",
    synopsis="Sends output to a file.",
    supports_should_process=True,
    examples=(("Get-Process | Out-File -FilePath processes.txt", "The table, as shown on screen, in a file."),),
)
class OutFile(_Outputter):
    parameters = (
        Parameter("FilePath", "string", position=0, mandatory=True, aliases=("Path",), sets=("ByPath",)),
        Parameter("LiteralPath", "string", mandatory=True, aliases=("PSPath", "LP"), sets=("ByLiteralPath",)),
        Parameter("Encoding", "string", position=1),
        Parameter("Append", "switch"),
        Parameter("Force", "switch"),
        Parameter("NoClobber", "switch", aliases=("NoOverwrite",)),
        Parameter("Width", "int"),
        Parameter("NoNewline", "switch"),
        Parameter("InputObject", "psobject", pipeline=True),
    )

    def begin(self):
        path = self.FilePath if self.FilePath is not None else self.LiteralPath
        self.path = os.path.join(self.ctx.cwd, native_path(path))
        name = str(self.Encoding or "utf8NoBOM").lower().replace("-", "")
        if name not in ENCODINGS:
            self.throw_terminating(
                f"Cannot bind parameter 'Encoding'. '{self.Encoding}' is not a supported encoding name.",
                "CannotConvertArgumentNoMessage",
                "InvalidArgument",
            )
        self.encoding, self.bom = ENCODINGS[name], _BOMS.get(name, "")
        if self.NoClobber and not self.Append and os.path.exists(self.path):
            self.throw_terminating(
                f"The file '{self.path}' already exists.",
                "NoClobber",
                "ResourceExists",
                exception_type="System.IO.IOException",
            )
        self._start(self.Width)
        self.fh = None
        if self.should_process(self.path):
            fresh = not (self.Append and os.path.exists(self.path) and os.path.getsize(self.path))
            self.fh = open(self.path, "a" if self.Append else "w", encoding=self.encoding, newline="")
            if fresh and self.bom:
                self.fh.write(self.bom)

    def process(self):
        self.out.feed(self.InputObject)
        self._write(self._take())

    def end(self):
        self.out.close()
        self._write(self._take())
        if self.fh is not None:
            self.fh.close()

    def _write(self, lines: list[str]) -> None:
        if self.fh is not None and lines:
            self.fh.write("".join(lines) if self.NoNewline else "".join(line + "\n" for line in lines))


# The Write-* cmdlets live in output_write.py; importing it registers them with this module.
from pscompat.cmdlets.output import write as output_write  # noqa: E402,F401
