"""PowerShell errors as Python exceptions, plus the record written to the error stream."""

from __future__ import annotations

from typing import Any

from pscompat.source import Source, Span


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
    ):
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

    def __init__(self, message: str, error_id: str | None = None, **kw):
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


def _short_type(value: Any) -> str:
    from pscompat.values.objects.model import type_names

    names = type_names(value)
    return names[0].rsplit(".", 1)[-1] if names else "Object"


class ErrorCategoryInfo:
    """$_.CategoryInfo: Category, Activity, Reason, TargetName, TargetType; its text is
    'NotSpecified: (:) [Write-Error], WriteErrorException'."""

    PS_TYPE_NAMES = ("System.Management.Automation.ErrorCategoryInfo", "System.Object")
    PS_PROPERTIES = ("Category", "Activity", "Reason", "TargetName", "TargetType")

    def __init__(self, category: str, activity: str, reason: str, target: Any):
        self.Category = category
        self.Activity = activity
        self.Reason = reason
        self.TargetName = "" if target is None else str(target)
        self.TargetType = "" if target is None else _short_type(target)

    def GetMessage(self) -> str:
        return f"{self.Category}: ({self.TargetName}:{self.TargetType}) [{self.Activity}], {self.Reason}"

    ToString = GetMessage
    __str__ = GetMessage


class ErrorRecord:
    """One entry of the error stream ($Error, result.errors); also what `catch` sees as `$_`."""

    PS_TYPE_NAMES = ("System.Management.Automation.ErrorRecord", "System.Object")
    PS_PROPERTIES = (
        "Exception",
        "TargetObject",
        "CategoryInfo",
        "FullyQualifiedErrorId",
        "InvocationInfo",
        "ScriptStackTrace",
    )

    def __init__(
        self,
        message: str,
        error_id: str,
        category: str = "NotSpecified",
        target: Any = None,
        *,
        command: str | None = None,
        span: Span | None = None,
        source: Source | None = None,
        exception: BaseException | None = None,
        exception_type: str = "System.Exception",
    ):
        self.message = message
        self.fully_qualified_error_id = error_id
        self.category = category
        self.target_object = target
        self.command = command
        self.span = span
        self.source = source
        self.exception = exception
        self.exception_type = exception_type

    @classmethod
    def from_error(cls, err: PSError) -> ErrorRecord:
        if err.error_record is not None:
            return err.error_record
        rec = cls(
            err.message,
            err.fully_qualified_error_id,
            err.category,
            err.target,
            command=err.reason,
            span=err.span,
            source=err.source,
            exception=err,
            exception_type=err.exception_type,
        )
        err.error_record = rec
        return rec

    # PowerShell-facing members (ErrorRecord's public surface)
    @property
    def FullyQualifiedErrorId(self) -> str:
        return self.fully_qualified_error_id

    @property
    def Exception(self):
        # one object per record, so a rethrown error's `$_.Exception` is the same exception
        info = self.__dict__.get("_exception_info")
        if info is None:
            from pscompat.values.objects.model import ExceptionInfo

            info = self._exception_info = ExceptionInfo(self.message, self.exception_type, self.exception)
        return info

    @property
    def TargetObject(self):
        return self.target_object

    @property
    def CategoryInfo(self) -> ErrorCategoryInfo:
        return ErrorCategoryInfo(
            self.category, self.command or "", self.exception_type.rsplit(".", 1)[-1], self.target_object
        )

    @property
    def InvocationInfo(self):
        return None

    @property
    def ScriptStackTrace(self) -> str:
        if self.span and self.source:
            line, _ = self.source.coord(self.span.start)
            return f"at <ScriptBlock>, {self.source.name}: line {line}"
        return ""

    @property
    def line(self) -> int | None:
        return self.source.coord(self.span.start)[0] if self.span and self.source else None

    @property
    def column(self) -> int | None:
        return self.source.coord(self.span.start)[1] if self.span and self.source else None

    def ToString(self) -> str:
        return self.message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ErrorRecord({self.message!r}, {self.fully_qualified_error_id!r})"


def format_concise(message: str, reason: str | None, span: Span | None, source: Source | None) -> str:
    """PowerShell 7's ConciseView: 'Reason: message', with a Line | block for scripts."""
    # the Line | block: for parse errors, for script files, and for errors past a script's first line
    if (
        span is not None
        and source is not None
        and (reason == "ParserError" or not source.name.startswith("<") or source.coord(span.start)[0] > 1)
    ):
        lines = [f"{reason}: " if reason else ""]
        lines.extend(source.excerpt(span))
        lines.extend(f"     | {part}" for part in message.split("\n"))
        return "\n".join(lines)
    return f"{reason}: {message}" if reason else message
