"""Write-Host, Write-Verbose/Warning/Debug/Information/Error, Write-Progress.

What they print follows PowerShell's own commands: Write-Host is WriteConsoleCmdlet.cs
(ProcessObject unrolls collections, [ConsoleColor] binding), Write-Error is Write.cs
(WriteOrThrowErrorCommand).  Docs: Util/Write-*.md; PS tests
test/powershell/Modules/Microsoft.PowerShell.Utility/{Write-Host,Write-Error}.Tests.ps1.
"""

from __future__ import annotations

from typing import Any

from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.runtime import is_enumerable
from pscompat.format.text import culture_string, entry_text
from pscompat.values.convert.strings import to_string
from pscompat.values.error_records import ErrorRecord
from pscompat.values.objects.classes import is_dictionary
from pscompat.values.objects.model import type_names


# The colours are validated and accepted; the text goes through the runtime's information
# stream (so 6> redirection works), which carries no colour.
@cmdlet(
    "Write-Host",
    synopsis="Writes customized output to a host.",
    examples=(
        ("Write-Host 'no newline' -NoNewline", "Text without a line break."),
        ("Write-Host (2,4,6) -Separator ', +2= '", "Items joined by a separator."),
    ),
)
class WriteHost(Cmdlet):
    parameters = (
        Parameter("Object", "object", position=0, pipeline=True, remaining=True, aliases=("Msg", "Message")),
        Parameter("NoNewline", "switch"),
        Parameter("Separator", "object", default=" "),
        Parameter("ForegroundColor", "object"),
        Parameter("BackgroundColor", "object"),
    )

    def begin(self):
        self._colors = {
            name: _console_color(self, name, self.bound[name])
            for name in ("ForegroundColor", "BackgroundColor")
            if self.bound.get(name) is not None
        }

    def process(self):
        sep = None if self.Separator is None else to_string(self.Separator)
        self.write_host(
            _host_text(self.Object, sep) or "",
            not self.NoNewline,
            self._colors.get("ForegroundColor"),
            self._colors.get("BackgroundColor"),
        )


def _console_color(cmd: Cmdlet, param: str, value: Any) -> str:
    """[System.ConsoleColor] parameter binding: a name (any case) or its number 0-15; anything
    else fails as PowerShell's binder does (CannotConvertArgumentNoMessage)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        value = to_string(value)
    if isinstance(value, int):
        if 0 <= value < len(_CONSOLE_COLOR_ORDER):
            return _CONSOLE_COLOR_ORDER[value]
        cmd.throw_terminating(
            f"Cannot bind parameter '{param}'. Cannot convert the \"{value}\" value of type "
            f'"System.Int32" to type "System.ConsoleColor".',
            "CannotConvertArgumentNoMessage",
            "InvalidArgument",
        )
    text = value.strip()
    if text.lstrip("-").isdigit():
        return _console_color(cmd, param, int(text))
    hit = next((c for c in _CONSOLE_COLOR_ORDER if c.lower() == text.lower()), None)
    if hit is None:
        cmd.throw_terminating(
            f'Cannot bind parameter \'{param}\'. Cannot convert value "{value}" to type "System.ConsoleColor". '
            f'Error: "Unable to match the identifier name {value} to a valid enumerator name. Specify one of '
            f'the following enumerator names and try again:\n{", ".join(_CONSOLE_COLOR_ORDER)}"',
            "CannotConvertArgumentNoMessage",
            "InvalidArgument",
        )
    return hit


# System.ConsoleColor in value order (Black = 0 ... White = 15).
_CONSOLE_COLOR_ORDER = (
    "Black",
    "DarkBlue",
    "DarkGreen",
    "DarkCyan",
    "DarkRed",
    "DarkMagenta",
    "DarkYellow",
    "Gray",
    "DarkGray",
    "Blue",
    "Green",
    "Cyan",
    "Red",
    "Magenta",
    "Yellow",
    "White",
)


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
    return (
        Parameter(
            "Message", "string", position=0, mandatory=True, pipeline=True, aliases=("Msg",), allow_empty_string=True
        ),
    )  # [AllowEmptyString] (Write.cs)


@cmdlet(
    "Write-Verbose",
    synopsis="Writes text to the verbose message stream.",
    examples=(("Write-Verbose 'Copying files' -Verbose", "Shown as 'VERBOSE: Copying files'."),),
)
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
        Parameter(
            "MessageData",
            "object",
            position=0,
            mandatory=True,
            pipeline=True,
            aliases=("Msg", "Message"),
            allow_null=True,
        ),
        Parameter("Tags", "string[]", position=1),
    )

    def process(self):
        self.write_information(self.MessageData, tuple(self.Tags or ()))


_CATEGORIES = (
    "NotSpecified",
    "OpenError",
    "CloseError",
    "DeviceError",
    "DeadlockDetected",
    "InvalidArgument",
    "InvalidData",
    "InvalidOperation",
    "InvalidResult",
    "InvalidType",
    "MetadataError",
    "NotImplemented",
    "NotInstalled",
    "ObjectNotFound",
    "OperationStopped",
    "OperationTimeout",
    "SyntaxError",
    "ParserError",
    "PermissionDenied",
    "ResourceBusy",
    "ResourceExists",
    "ResourceUnavailable",
    "ReadError",
    "WriteError",
    "FromStdErr",
    "SecurityError",
    "ProtocolError",
    "ConnectionError",
    "AuthenticationError",
    "LimitsExceeded",
    "QuotaExceeded",
    "NotEnabled",
)


@cmdlet(
    "Write-Error",
    synopsis="Writes an object to the error stream.",
    default_set="NoException",
    examples=(
        (
            "Write-Error -Message 'Not found' -Category ObjectNotFound -ErrorId NF01",
            "A non-terminating error; the script goes on.",
        ),
    ),
)
class WriteError(Cmdlet):
    parameters = (
        Parameter(
            "Message",
            "string",
            position=0,
            mandatory=True,
            aliases=("Msg",),
            pipeline=True,
            sets=("NoException", "WithException"),
            mandatory_sets=("NoException",),
            allow_null=True,
            allow_empty_string=True,
        ),  # [AllowNull] [AllowEmptyString]
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
        rec = self.runtime.record(
            to_string(message), "x", self.Category or "NotSpecified", self.TargetObject, exception_type
        )
        # Write-Error's FullyQualifiedErrorId: the -ErrorId as given, else the exception type
        # (PS WriteErrorCommand), with no suffix for Write-Error itself.
        rec.fully_qualified_error_id = self.ErrorId or (
            "Microsoft.PowerShell.Commands.WriteErrorException" if exc is None else exception_type
        )
        caller = _calling_function(self)
        if caller:
            # WriteErrorCommand gives the record its caller's $MyInvocation: inside a function
            # the ConciseView names the function ('test-myerror: myError'), at the top level
            # the activity 'Write-Error' (ErrorView.Tests.ps1 'Function shows up correctly').
            rec.command = caller
            # ... and its FullyQualifiedErrorId names the function: 'WriteErrorException,bar'
            # (ErrorHistoryId.Tests.ps1); at the top level it has no suffix.
            rec.fully_qualified_error_id += "," + caller
        self.runtime.write_error_record(rec)


def _calling_function(cmd: Cmdlet) -> str | None:
    """The name of the function or filter whose scope runs this command, if any."""
    inv = cmd.runtime.scope.lookup("myinvocation", None)
    command = getattr(inv, "MyCommand", None)
    kind = to_string(getattr(command, "CommandType", "") or "")
    name = to_string(getattr(command, "Name", "") or "")
    return name if kind in ("Function", "Filter") and name else None


@cmdlet(
    "Write-Progress",
    synopsis="Displays a progress bar within a PowerShell command window.",
    examples=(
        (
            'foreach ($i in 1..100) { Write-Progress -Activity Search -Status "$i%" -PercentComplete $i }',
            "A bar that fills up; nothing is drawn when the output is not a terminal.",
        ),
    ),
)
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
            self.throw_terminating(
                f"Cannot validate argument on parameter 'PercentComplete'. The {percent} "
                f"argument is greater than the maximum allowed range of 100.",
                "ParameterArgumentValidationError",
                "InvalidData",
            )
        # PowerShell shows 'Processing' when no status is given (WriteProgressCommand).
        status = self.Status if self.Status else "Processing"
        self.write_progress(
            to_string(self.Activity or ""), to_string(status), percent, bool(self.Completed), int(self.Id or 0)
        )
