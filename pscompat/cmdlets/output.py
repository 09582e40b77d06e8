"""Output cmdlets: Format-Table/List/Wide, Out-Default/Host/String/File/Null, Write-Host,
Write-Verbose/Warning/Debug/Information/Error, Write-Progress.

The Format-* cmdlets emit format directives (format_data.py), not text: an outputter lays them
out, so `Get-X | ft Name | Out-String` is PowerShell's table text.  Docs: Util/Format-Table.md,
Format-List.md, Format-Wide.md, Out-String.md, Out-File.md, Write-*.md; PS tests
test/powershell/Modules/Microsoft.PowerShell.Utility/{Format-Table,Out-String,...}.Tests.ps1.
"""
from __future__ import annotations

import os
from typing import Any

from ..conversion import to_string
from ..errors import ErrorRecord, PSError
from ..format_data import FormatOptions, Formatter
from ..formatting import OutDefault
from ..format_values import culture_string, entry_text
from ..psobject import SCRIPTBLOCK_TYPE, is_dictionary, type_names
from ..runtime import is_enumerable
from ..validation import validate_not_null_or_empty
from ..views import Column
from .base import Cmdlet, Parameter, cmdlet

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
                self.throw_terminating("A hash table key 'Expression' is missing.", "DictionaryKeyMissingEntry",
                                       "InvalidArgument")
            label = _key(spec, "name", "label")
            evaluate = raw = self._evaluator(expr)
            fmt = _key(spec, "formatstring")
            if fmt is not None:
                evaluate = _formatted(evaluate, str(fmt))
            label = to_string(label) if label is not None else (expr.text if _is_block(expr) else to_string(expr))
            width = _key(spec, "width")
            align = _ALIGN.get(str(_key(spec, "alignment") or "").lower())
            return Column(label, evaluate, int(width) if width else 0, align,
                          unformatted=raw if fmt is not None else None)
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
    from ..dotnetfmt import format_string, format_value

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


@cmdlet("Format-Table", aliases=("ft",), synopsis="Formats the output as a table.",
        examples=(("Get-Process | Format-Table -Property Name, Id -AutoSize", "Two columns, sized to the data."),
                  ("$o | Format-Table @{Name='Size (KB)'; Expression={$_.Length / 1KB}; FormatString='N1'}",
                   "A calculated column.")))
class FormatTable(FormatCmdlet):
    parameters = (
        Parameter("Property", "object[]", position=0, validators=(validate_not_null_or_empty,)),
        Parameter("AutoSize", "switch"),
        Parameter("HideTableHeaders", "switch"),
        Parameter("Wrap", "switch"),
        Parameter("ExcludeProperty", "string[]"),
    ) + _COMMON_FORMAT
    shape = "table"


@cmdlet("Format-List", aliases=("fl",), synopsis="Formats the output as a list of properties in which each property appears on a new line.",
        examples=(("Get-Item . | Format-List -Property *", "Every property, one per line."),))
class FormatList(FormatCmdlet):
    parameters = (
        Parameter("Property", "object[]", position=0, validators=(validate_not_null_or_empty,)),
        Parameter("ExcludeProperty", "string[]"),
    ) + _COMMON_FORMAT
    shape = "list"


@cmdlet("Format-Wide", aliases=("fw",), synopsis="Formats objects as a wide table that displays only one property of each object.",
        examples=(("Get-ChildItem | Format-Wide -Column 3", "Names in three columns."),))
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
        self.out = OutDefault(lambda text: self.lines.append(text[:-1]), width or self.ctx.host.width,
                              FormatOptions(enumeration_limit=_enumeration_limit(self)))

    def _take(self) -> list[str]:
        lines, self.lines[:] = list(self.lines), []
        return lines


@cmdlet("Out-String", synopsis="Outputs input objects as a string.",
        examples=(("Get-Alias | Out-String -Stream | Select-String 'Get-'", "One string per line."),),
        default_set="NoNewLineFormatting")
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


@cmdlet("Out-Default", module=_CORE, synopsis="Sends the output to the default formatter and to the default output cmdlet.")
class OutDefaultCmdlet(Cmdlet):
    parameters = (
        Parameter("Transcript", "switch"),
        Parameter("InputObject", "psobject", pipeline=True),
    )

    def begin(self):
        self.out = OutDefault(self.ctx.host.write, self.ctx.host.width,
                              FormatOptions(enumeration_limit=_enumeration_limit(self)))

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


_ENCODINGS = {
    "utf8": "utf-8", "utf8nobom": "utf-8", "utf8bom": "utf-8-sig", "ascii": "ascii", "unicode": "utf-16-le",
    "bigendianunicode": "utf-16-be", "utf32": "utf-32-le", "bigendianutf32": "utf-32-be", "latin1": "latin-1",
    "ansi": "latin-1", "oem": "utf-8", "default": "utf-8", "utf7": "utf-7",
}
_BOMS = {"unicode": "\ufeff", "bigendianunicode": "\ufeff", "utf32": "\ufeff", "bigendianutf32": "\ufeff"}


@cmdlet("Out-File", synopsis="Sends output to a file.", supports_should_process=True,
        examples=(("Get-Process | Out-File -FilePath processes.txt", "The table, as shown on screen, in a file."),))
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
        self.path = os.path.join(self.ctx.cwd, os.path.expanduser(str(path)))
        name = str(self.Encoding or "utf8NoBOM").lower().replace("-", "")
        if name not in _ENCODINGS:
            self.throw_terminating(f"Cannot bind parameter 'Encoding'. '{self.Encoding}' is not a supported "
                                   f"encoding name.", "CannotConvertArgumentNoMessage", "InvalidArgument")
        self.encoding, self.bom = _ENCODINGS[name], _BOMS.get(name, "")
        if self.NoClobber and not self.Append and os.path.exists(self.path):
            self.throw_terminating(f"The file '{self.path}' already exists.", "NoClobber", "ResourceExists",
                                   exception_type="System.IO.IOException")
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


# --------------------------------------------------------------------------------------------
# Write-*


# The colours are validated and accepted; the text goes through the runtime's information
# stream (so 6> redirection works), which carries no colour.
@cmdlet("Write-Host", synopsis="Writes customized output to a host.",
        examples=(("Write-Host 'no newline' -NoNewline", "Text without a line break."),
                  ("Write-Host (2,4,6) -Separator ', +2= '", "Items joined by a separator.")))
class WriteHost(Cmdlet):
    parameters = (
        Parameter("Object", "object", position=0, pipeline=True, remaining=True, aliases=("Msg", "Message")),
        Parameter("NoNewline", "switch"),
        Parameter("Separator", "object", default=" "),
        Parameter("ForegroundColor", "object"),
        Parameter("BackgroundColor", "object"),
    )

    def begin(self):
        for name in ("ForegroundColor", "BackgroundColor"):
            if self.bound.get(name) is not None:
                _console_color(self, name, self.bound[name])

    def process(self):
        sep = None if self.Separator is None else to_string(self.Separator)
        self.write_host(_host_text(self.Object, sep) or "", not self.NoNewline)


def _console_color(cmd: Cmdlet, param: str, value: Any) -> str:
    """[System.ConsoleColor] parameter binding: a name (any case) or its number 0-15; anything
    else fails as PowerShell's binder does (CannotConvertArgumentNoMessage)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        value = to_string(value)
    if isinstance(value, int):
        if 0 <= value < len(_CONSOLE_COLOR_ORDER):
            return _CONSOLE_COLOR_ORDER[value]
        cmd.throw_terminating(f"Cannot bind parameter '{param}'. Cannot convert the \"{value}\" value of type "
                              f"\"System.Int32\" to type \"System.ConsoleColor\".",
                              "CannotConvertArgumentNoMessage", "InvalidArgument")
    text = value.strip()
    if text.lstrip("-").isdigit():
        return _console_color(cmd, param, int(text))
    hit = next((c for c in _CONSOLE_COLOR_ORDER if c.lower() == text.lower()), None)
    if hit is None:
        cmd.throw_terminating(
            f"Cannot bind parameter '{param}'. Cannot convert value \"{value}\" to type \"System.ConsoleColor\". "
            f"Error: \"Unable to match the identifier name {value} to a valid enumerator name. Specify one of "
            f"the following enumerator names and try again:\n{', '.join(_CONSOLE_COLOR_ORDER)}\"",
            "CannotConvertArgumentNoMessage", "InvalidArgument")
    return hit


# System.ConsoleColor in value order (Black = 0 ... White = 15).
_CONSOLE_COLOR_ORDER = ("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow",
                        "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White")


def _host_text(obj: Any, sep: str | None) -> str | None:
    """WriteHostCommand.ProcessObject: enumerables unroll (nested ones too) with the separator
    between elements -- a hashtable's elements being its entries, '[key, value]' -- anything
    else is its ToString() under the current culture (a DateTime is '1/2/2020 3:04:05 AM');
    $null and '' add nothing."""
    if obj is None:
        return None
    if isinstance(obj, str):
        return obj or None
    if is_dictionary(obj):
        return (sep or "").join(entry_text(k, v) for k, v in obj.items())
    if is_enumerable(obj):
        return (sep or "").join(_host_text(x, sep) or "" for x in obj)
    return culture_string(obj) or None


def _message_param():
    return (Parameter("Message", "string", position=0, mandatory=True, pipeline=True, aliases=("Msg",)),)


@cmdlet("Write-Verbose", synopsis="Writes text to the verbose message stream.",
        examples=(("Write-Verbose 'Copying files' -Verbose", "Shown as 'VERBOSE: Copying files'."),))
class WriteVerbose(Cmdlet):
    parameters = _message_param()

    def process(self):
        self.write_verbose(to_string(self.Message))


@cmdlet("Write-Warning", synopsis="Writes a warning message.")
class WriteWarning(Cmdlet):
    parameters = _message_param()

    def process(self):
        self.write_warning(to_string(self.Message))


@cmdlet("Write-Debug", synopsis="Writes a debug message to the console.")
class WriteDebug(Cmdlet):
    parameters = _message_param()

    def process(self):
        self.write_debug(to_string(self.Message))


@cmdlet("Write-Information", synopsis="Specifies how PowerShell handles information stream data for a command.")
class WriteInformation(Cmdlet):
    parameters = (
        Parameter("MessageData", "object", position=0, mandatory=True, aliases=("Msg", "Message")),
        Parameter("Tags", "string[]", position=1),
    )

    def process(self):
        self.write_information(self.MessageData, tuple(self.Tags or ()))


_CATEGORIES = (
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument",
    "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented",
    "NotInstalled", "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError",
    "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError",
    "FromStdErr", "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled",
)


@cmdlet("Write-Error", synopsis="Writes an object to the error stream.", default_set="NoException",
        examples=(("Write-Error -Message 'Not found' -Category ObjectNotFound -ErrorId NF01",
                   "A non-terminating error; the script goes on."),))
class WriteError(Cmdlet):
    parameters = (
        Parameter("Message", "string", position=0, mandatory=True, aliases=("Msg",), pipeline=True,
                  sets=("NoException", "WithException"), mandatory_sets=("NoException",),
                  allow_null=True, allow_empty_string=True),  # [AllowNull] [AllowEmptyString]
        Parameter("Exception", "object", mandatory=True, sets=("WithException",)),
        Parameter("ErrorRecord", "object", mandatory=True, sets=("ErrorRecord",)),
        Parameter("Category", "string", validate_set=_CATEGORIES, sets=("NoException", "WithException")),
        Parameter("ErrorId", "string", sets=("NoException", "WithException")),
        Parameter("TargetObject", "object", sets=("NoException", "WithException")),
        Parameter("RecommendedAction", "string"),
        Parameter("CategoryActivity", "string", aliases=("Activity",)),
        Parameter("CategoryReason", "string", aliases=("Reason",)),
        Parameter("CategoryTargetName", "string", aliases=("TargetName",)),
        Parameter("CategoryTargetType", "string", aliases=("TargetType",)),
    )

    def process(self):
        if isinstance(self.ErrorRecord, ErrorRecord):
            self.runtime.write_error_record(self.ErrorRecord)
            return
        exc = self.Exception
        message = self.Message
        exception_type = "Microsoft.PowerShell.Commands.WriteErrorException"
        if exc is not None:
            message = message if message is not None else to_string(getattr(exc, "Message", exc))
            exception_type = getattr(exc, "exception_type", None) or type_names(exc)[0]
        rec = self.runtime.record(to_string(message), "x", self.Category or "NotSpecified",
                                  self.TargetObject, exception_type)
        # Write-Error's FullyQualifiedErrorId carries no command suffix: the -ErrorId as given,
        # else the exception type (PS WriteErrorCommand).
        rec.fully_qualified_error_id = self.ErrorId or ("Microsoft.PowerShell.Commands.WriteErrorException"
                                                        if exc is None else exception_type)
        caller = _calling_function(self)
        if caller:
            # WriteErrorCommand gives the record its caller's $MyInvocation: inside a function
            # the ConciseView names the function ('test-myerror: myError'), at the top level
            # the activity 'Write-Error' (ErrorView.Tests.ps1 'Function shows up correctly').
            rec.command = caller
        self.runtime.write_error_record(rec)


def _calling_function(cmd: Cmdlet) -> str | None:
    """The name of the function or filter whose scope runs this command, if any."""
    inv = cmd.runtime.scope.lookup("myinvocation", None)
    command = getattr(inv, "MyCommand", None)
    kind = to_string(getattr(command, "CommandType", "") or "")
    name = to_string(getattr(command, "Name", "") or "")
    return name if kind in ("Function", "Filter") and name else None


@cmdlet("Write-Progress", synopsis="Displays a progress bar within a PowerShell command window.",
        examples=(("foreach ($i in 1..100) { Write-Progress -Activity Search -Status \"$i%\" -PercentComplete $i }",
                   "A bar that fills up; nothing is drawn when the output is not a terminal."),))
class WriteProgress(Cmdlet):
    parameters = (
        Parameter("Activity", "string", position=0),
        Parameter("Status", "string", position=1),
        Parameter("Id", "int", position=2),
        Parameter("PercentComplete", "int", default=-1),
        Parameter("SecondsRemaining", "int", default=-1),
        Parameter("CurrentOperation", "string"),
        Parameter("ParentId", "int", default=-1),
        Parameter("Completed", "switch"),
        Parameter("SourceId", "int"),
    )

    def process(self):
        percent = -1 if self.PercentComplete is None else int(self.PercentComplete)
        if percent > 100:
            self.throw_terminating(f"Cannot validate argument on parameter 'PercentComplete'. The {percent} "
                                   f"argument is greater than the maximum allowed range of 100.",
                                   "ParameterArgumentValidationError", "InvalidData")
        # PowerShell shows 'Processing' when no status is given (WriteProgressCommand).
        status = self.Status if self.Status else "Processing"
        self.write_progress(to_string(self.Activity or ""), to_string(status), percent,
                            bool(self.Completed), int(self.Id or 0))

