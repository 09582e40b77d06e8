"""The error stream's records as scripts see them: ErrorRecord (`$_`, `$Error[0]`), its
CategoryInfo, and the .NET exception surface of `$_.Exception`."""

from __future__ import annotations

from typing import Any

from pscompat.errors import PSError
from pscompat.source import Source, Span
from pscompat.values.objects.model import type_names


class ExceptionInfo:
    """What `$_.Exception` is: a .NET exception's public surface over a PSError/Python error."""

    PS_PROPERTIES = ("Message", "InnerException")

    def __init__(self, message: str, exception_type: str = "System.Exception", inner=None):
        self.Message = message
        self._type = exception_type
        self._inner = inner  # the Python exception; its __cause__ is the inner exception

    @property
    def PS_TYPE_NAMES(self):
        from pscompat.values.dotnet.exceptions import lineage

        names = lineage(self._type)  # the type's bases as .NET has them, else Exception's
        return names if "System.Exception" in names else (self._type, "System.Exception", "System.Object")

    @property
    def InnerException(self):
        cause = getattr(self._inner, "__cause__", None)
        if cause is None:
            return None
        return ExceptionInfo(str(cause), getattr(cause, "exception_type", "System.Exception"), cause)

    def GetType(self):
        from pscompat.values.dotnet.type_literals import resolve_type_info

        return resolve_type_info(self._type)

    def ToString(self) -> str:
        return f"{self._type}: {self.Message}"

    def __str__(self) -> str:
        return self.Message

    def __repr__(self) -> str:
        return f"ExceptionInfo({self.Message!r}, {self._type!r})"


def _short_type(value: Any) -> str:
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


class ErrorDetails:
    """System.Management.Automation.ErrorDetails: a message shown instead of the exception's."""

    PS_TYPE_NAMES = ("System.Management.Automation.ErrorDetails", "System.Object")
    PS_PROPERTIES = ("Message", "RecommendedAction")

    def __init__(self, message: str, recommended_action: str = "") -> None:
        self.Message = message
        self.RecommendedAction = recommended_action

    def ToString(self) -> str:
        return self.Message

    def __str__(self) -> str:
        return self.Message


class ErrorRecord:
    """One entry of the error stream ($Error, result.errors); also what `catch` sees as `$_`."""

    PS_TYPE_NAMES = ("System.Management.Automation.ErrorRecord", "System.Object")
    PS_PROPERTIES = (
        "Exception",
        "ErrorDetails",
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
        # ErrorDetails.Message: what a command adds for the reader (a web response's body); the
        # concise view and ToString() show it in place of the exception's message, as pwsh does
        self.details: str | None = None

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
            info = self._exception_info = ExceptionInfo(self.message, self.exception_type, self.exception)
        return info

    @property
    def ErrorDetails(self):
        return None if self.details is None else ErrorDetails(self.details)

    @property
    def shown_message(self) -> str:
        return self.details or self.message

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
        """Where the error happened (pscompat.values.error_position); None when unknown."""
        if self.span is None or self.source is None:
            return None
        from pscompat.values.error_position import ErrorInvocationInfo

        # a command's error names it (Verb-Noun); an expression's or `throw`'s has no command
        command = self.command if self.command and "-" in self.command and " " not in self.command else None
        return ErrorInvocationInfo(self.source, self.span, command)

    @property
    def ScriptStackTrace(self) -> str:
        from pscompat.values.error_position import stack_trace

        return stack_trace(self.source, self.span)

    @property
    def line(self) -> int | None:
        return self.source.coord(self.span.start)[0] if self.span and self.source else None

    @property
    def column(self) -> int | None:
        return self.source.coord(self.span.start)[1] if self.span and self.source else None

    def ToString(self) -> str:
        return self.shown_message

    def __str__(self) -> str:
        return self.shown_message

    def __repr__(self) -> str:
        return f"ErrorRecord({self.message!r}, {self.fully_qualified_error_id!r})"


def new_error_record(full_name: str, exception: Any, error_id: Any = None, category: Any = None, target: Any = None):
    """`[System.Management.Automation.ErrorRecord]::new(exception, errorId, category, target)`,
    and `::new(errorRecord, replacementException)`: the record a script hands to
    `$PSCmdlet.WriteError()` / `ThrowTerminatingError()` (ErrorRecord's public constructors)."""
    from pscompat.values.convert.strings import to_string

    if isinstance(exception, ErrorRecord):  # (ErrorRecord, Exception): the same record, another exception
        rec = ErrorRecord(
            exception.message,
            exception.fully_qualified_error_id,
            exception.category,
            exception.target_object,
            command=exception.command,
            span=exception.span,
            source=exception.source,
            exception=exception.exception,
            exception_type=exception.exception_type,
        )
        if error_id is not None:
            _attach_exception(rec, error_id)
        return rec
    if exception is None:
        raise PSError(
            'Exception calling ".ctor" with "4" argument(s): "Value cannot be null. (Parameter \'exception\')"',
            "MethodInvocationException",
            exception_type="System.Management.Automation.MethodInvocationException",
        )
    rec = ErrorRecord("", "" if error_id is None else to_string(error_id), "NotSpecified", target)
    rec.category = "NotSpecified" if category is None else to_string(category)
    _attach_exception(rec, exception)
    return rec


def _attach_exception(rec: ErrorRecord, exception: Any) -> None:
    """The record's `.Exception` is the script's own exception object (its type, Message,
    InnerException), and its message the exception's."""
    from pscompat.values.convert.strings import to_string

    message = getattr(exception, "Message", None)
    rec.message = to_string(message) if message is not None else str(exception)
    rec.exception_type = getattr(exception, "exception_type", None) or type_names(exception)[0]
    if isinstance(exception, BaseException):
        rec.exception = exception
    rec._exception_info = exception
