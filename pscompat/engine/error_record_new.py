"""`[System.Management.Automation.ErrorRecord]::new(exception, errorId, errorCategory, targetObject)`:
the record a script builds to hand to $PSCmdlet.WriteError / ThrowTerminatingError (PowerShell:
src/System.Management.Automation/engine/ErrorPackage.cs, the public ErrorRecord constructor;
used by PipelineChainOperator.Tests.ps1 and others).  Also the copy constructor
`::new(errorRecord, replaceParentContainsErrorRecordException)`."""

from __future__ import annotations

from typing import Any

from pscompat.errors import PSError
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.type_literals import register_constructor
from pscompat.values.error_records import ErrorRecord


def new_error_record(full: str, *args: Any) -> ErrorRecord:
    if len(args) == 2 and isinstance(args[0], ErrorRecord):
        source = args[0]
        copy = ErrorRecord(
            source.message,
            source.fully_qualified_error_id,
            source.category,
            source.target_object,
            command=source.command,
            span=source.span,
            source=source.source,
            exception=source.exception,
            exception_type=source.exception_type,
        )
        copy.details = source.details
        return copy
    if len(args) != 4:
        raise PSError(
            f'Cannot find an overload for "new" and the argument count: "{len(args)}".',
            "MethodCountCouldNotFindBest",
            category="InvalidOperation",
        )
    exception, error_id, category, target = args
    if exception is None:
        raise PSError(
            'Exception calling ".ctor" with "4" argument(s): "Value cannot be null. (Parameter \'exception\')"',
            "ArgumentNullException",
            category="InvalidOperation",
        )
    message = to_string(getattr(exception, "Message", exception))
    exception_type = getattr(exception, "exception_type", None) or (
        exception.PS_TYPE_NAMES[0] if hasattr(exception, "PS_TYPE_NAMES") else "System.Exception"
    )
    return ErrorRecord(
        message,
        to_string(error_id) if error_id is not None else "",
        to_string(category) if category is not None else "NotSpecified",
        target,
        exception=exception if isinstance(exception, BaseException) else None,
        exception_type=exception_type,
    )


register_constructor("System.Management.Automation.ErrorRecord", new_error_record)
