"""PowerShell's terminating errors and flow-control signals as Python exceptions, and the concise
text an error is shown in.  The record written to the error stream (ErrorRecord) is a value:
pscompat.values.error_records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pscompat.source import Source, Span

if TYPE_CHECKING:
    from pscompat.values.error_records import ErrorRecord


class PSError(Exception):
    """A terminating PowerShell error.  Every error should point at source (span + source)."""

    category = "NotSpecified"
    default_id = "RuntimeException"

    def __init__(
        self,
        message: str,
        error_id: str | None = None,
        *,
        span: Span | None = None,
        source: Source | None = None,
        category: str | None = None,
        reason: str | None = None,
        target: Any = None,
        exception_type: str = "System.Management.Automation.RuntimeException",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fully_qualified_error_id = error_id or self.default_id
        self.span = span
        self.source = source
        if category:
            self.category = category
        # the concise view's 'Reason:': the command's name when a command failed; otherwise the
        # error category ('InvalidOperation: You cannot call a method on a null-valued
        # expression.'), or the exception's short type name when the category says nothing
        # ('RuntimeException: Attempted to divide by zero.')
        self.reason = reason or default_reason(self.category, exception_type)
        self.target = target
        self.exception_type = exception_type
        self.error_record: ErrorRecord | None = None

    def locate(self, span: Span | None, source: Source | None) -> PSError:
        """Fill in a position if the raiser did not know it; inner positions win."""
        if self.span is None and span is not None:
            self.span, self.source = span, source
        return self

    @property
    def line(self) -> int | None:
        return self.source.coord(self.span.start)[0] if self.span and self.source else None

    @property
    def column(self) -> int | None:
        return self.source.coord(self.span.start)[1] if self.span and self.source else None

    def __str__(self) -> str:
        return self.message


def default_reason(category: str, exception_type: str) -> str:
    if category and category not in ("NotSpecified", "OperationStopped"):
        return category
    return exception_type.rsplit(".", 1)[-1]


class ParseError(PSError):
    category = "ParserError"
    default_id = "ParseError"

    def __init__(self, message: str, error_id: str | None = None, **kw: Any) -> None:
        kw.setdefault("reason", "ParserError")
        kw.setdefault("exception_type", "System.Management.Automation.ParseException")
        super().__init__(message, error_id, **kw)


class IncompleteInputError(ParseError):
    """The input ended where more was expected (an open brace, a trailing pipe...)."""


class RuntimeError_(PSError):
    """PowerShell's RuntimeException (named to avoid shadowing Python's builtin)."""


class ParameterBindingError(PSError):
    category = "InvalidArgument"
    default_id = "ParameterBindingException"


class CommandNotFoundError(PSError):
    category = "ObjectNotFound"
    default_id = "CommandNotFoundException"


class ScriptThrow(PSError):
    """`throw` in a script; carries the thrown object."""

    default_id = "RuntimeException"


class ActionPreferenceStop(PSError):
    """A non-terminating error promoted to terminating by -ErrorAction Stop."""


class FlowControl(Exception):
    """break, continue, return and exit: they unwind the Python stack as exceptions do, and
    code at every layer (a script property's getter, a pipeline) must let them through."""


class BreakFlow(FlowControl):
    def __init__(self, label: str | None = None) -> None:
        self.label = label


class ContinueFlow(FlowControl):
    def __init__(self, label: str | None = None) -> None:
        self.label = label


class ReturnFlow(FlowControl):
    pass


class ExitFlow(FlowControl):
    def __init__(self, code: int = 0) -> None:
        self.code = code


def format_concise(message: str, reason: str | None, span: Span | None, source: Source | None) -> str:
    """PowerShell 7's ConciseView: 'Reason: message', with a Line | block for scripts."""
    # the Line | block: for parse errors, for script files, and for errors past a script's first line
    if (
        span is not None
        and source is not None
        and (reason == "ParserError" or not source.name.startswith("<") or source.coord(span.start)[0] > 1)
    ):
        # a script file is named with the line, as pwsh's ConciseView does ($myinv.ScriptName:line)
        where = "" if source.name.startswith("<") else f"{source.name}:{source.coord(span.start)[0]}"
        lines = [f"{reason}: {where}" if reason else where]
        lines.extend(source.excerpt(span))
        lines.extend(f"     | {part}" for part in message.split("\n"))
        return "\n".join(lines)
    return f"{reason}: {message}" if reason else message
