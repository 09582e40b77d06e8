""".NET FormatException messages and the error type the formatters raise."""

from __future__ import annotations

from pscompat.errors import PSError

# .NET messages (dotnet/runtime src/libraries/System.Private.CoreLib/src/Resources/Strings.resx)
MSG_BAD_SPECIFIER = "Format specifier was invalid."
MSG_BAD_INPUT = "Input string was not in a correct format."
MSG_INDEX = "Index (zero based) must be greater than or equal to zero and less than the size of the argument list."
PARSE_FAIL = "Input string was not in a correct format. Failure to parse near offset {0}. {1}"
UNEXPECTED_CLOSE = "Unexpected closing brace without a corresponding opening brace."
UNCLOSED = "Format item ends prematurely."
DIGIT = "Expected an ASCII digit."


class DotNetFormatError(PSError):
    """A System.FormatException raised while formatting (`-f` wraps it as FormatError)."""

    category = "InvalidOperation"
    default_id = "FormatException"

    def __init__(self, message: str):
        super().__init__(message, "FormatException", exception_type="System.FormatException")
