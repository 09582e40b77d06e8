""".NET exception types as values: `[System.ArgumentException]::new('bad')`, `throw` of one,
`catch [ArgumentException]`, `-is [System.IO.IOException]` (about_Throw, about_Try_Catch_Finally).

The names here are registered with the type system (typenames.KNOWN_TYPES) and given
constructors (pstypes); the compiler's `throw` turns a DotNetException into a PowerShell error
of that type.  Kept free of heavy imports: typenames imports it at start-up.
"""

from __future__ import annotations

from typing import Any

# Each exception type with its base type (the chain ends at System.Object).
PARENTS = {
    "System.Exception": "System.Object",
    "System.SystemException": "System.Exception",
    "System.ApplicationException": "System.Exception",
    "System.ArgumentException": "System.SystemException",
    "System.ArgumentNullException": "System.ArgumentException",
    "System.ArgumentOutOfRangeException": "System.ArgumentException",
    "System.ArithmeticException": "System.SystemException",
    "System.DivideByZeroException": "System.ArithmeticException",
    "System.OverflowException": "System.ArithmeticException",
    "System.FormatException": "System.SystemException",
    "System.IndexOutOfRangeException": "System.SystemException",
    "System.InvalidCastException": "System.SystemException",
    "System.InvalidOperationException": "System.SystemException",
    "System.ObjectDisposedException": "System.InvalidOperationException",
    "System.NotImplementedException": "System.SystemException",
    "System.NotSupportedException": "System.SystemException",
    "System.NullReferenceException": "System.SystemException",
    "System.OperationCanceledException": "System.SystemException",
    "System.TimeoutException": "System.SystemException",
    "System.UnauthorizedAccessException": "System.SystemException",
    "System.Collections.Generic.KeyNotFoundException": "System.SystemException",
    "System.IO.IOException": "System.SystemException",
    "System.IO.FileNotFoundException": "System.IO.IOException",
    "System.IO.DirectoryNotFoundException": "System.IO.IOException",
    "System.IO.PathTooLongException": "System.IO.IOException",
    "System.Net.WebException": "System.InvalidOperationException",
    "System.Management.Automation.RuntimeException": "System.SystemException",
    "System.Management.Automation.ItemNotFoundException": "System.Management.Automation.RuntimeException",
    "System.Management.Automation.PSArgumentException": "System.ArgumentException",
    "System.Management.Automation.ParameterBindingException": "System.Management.Automation.RuntimeException",
    "System.Management.Automation.ParameterBindingValidationException": (
        "System.Management.Automation.ParameterBindingException"
    ),
    "System.Management.Automation.ParameterBindingArgumentTransformationException": (
        "System.Management.Automation.ParameterBindingException"
    ),
    "System.Management.Automation.PSInvalidOperationException": "System.InvalidOperationException",
    "System.Management.Automation.PSNotSupportedException": "System.NotSupportedException",
}


_PARENTS_LOWER = {name.lower(): parent.lower() for name, parent in PARENTS.items()}


def bases_lower(full_name: str) -> tuple:
    """The base types of an exception type, lower case, most derived first (for `catch`)."""
    out = []
    name = _PARENTS_LOWER.get(full_name.lower())
    while name is not None and name != "system.object":
        out.append(name)
        name = _PARENTS_LOWER.get(name)
    return tuple(out)


def lineage(full_name: str) -> tuple:
    """The type and its bases, most derived first (PS_TYPE_NAMES)."""
    names = [full_name]
    while names[-1] in PARENTS:
        names.append(PARENTS[names[-1]])
    if names[-1] != "System.Object":
        names.append("System.Object")
    return tuple(names)


class DotNetException(Exception):
    """An exception object a script creates: Message, InnerException, GetType() through its
    PS_TYPE_NAMES; also a Python exception, so it can be raised as one."""

    PS_PROPERTIES = ("Message", "InnerException", "Source", "HResult", "Data", "StackTrace")

    def __init__(self, full_name: str, message: str | None = None, inner: Any = None, param: str | None = None):
        short = full_name.rsplit(".", 1)[-1]
        text = message if message is not None else f"Exception of type '{full_name}' was thrown."
        if param and full_name.endswith(("ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException")):
            text = f"{text} (Parameter '{param}')"
        super().__init__(text)
        self.full_name = full_name
        self.short_name = short
        self.Message = text
        self.InnerException = inner
        self.ParamName = param
        self.Source = None
        self.HResult = -2146233088
        self.Data = {}
        self.StackTrace = None
        self.PS_TYPE_NAMES = lineage(full_name)

    @property
    def exception_type(self) -> str:  # what PowerShell errors and `catch` matching read
        return self.full_name

    def ToString(self) -> str:
        return f"{self.full_name}: {self.Message}"

    def __str__(self) -> str:
        return self.Message


def construct(full_name: str, *args):
    """`[T]::new()`, `[T]::new(message)`, `[T]::new(message, inner)`, and for argument
    exceptions `[ArgumentNullException]::new(paramName)` / `(paramName, message)`."""
    from pscompat.values.convert.strings import to_string

    texts = [a if isinstance(a, BaseException) else to_string(a) for a in args]
    if full_name.endswith(("ArgumentNullException", "ArgumentOutOfRangeException")):
        if len(texts) == 1:
            default = (
                "Value cannot be null."
                if full_name.endswith("NullException")
                else "Specified argument was out of the range of valid values."
            )
            return DotNetException(full_name, default, param=texts[0])
        if len(texts) >= 2 and not isinstance(texts[1], BaseException):
            return DotNetException(full_name, texts[1], param=texts[0])
    if full_name.endswith("ArgumentException") and len(texts) == 2 and not isinstance(texts[1], BaseException):
        return DotNetException(full_name, texts[0], param=texts[1])
    message = texts[0] if texts else None
    inner = texts[1] if len(texts) > 1 and isinstance(texts[1], BaseException) else None
    return DotNetException(full_name, message, inner)


def constructors() -> dict:
    return {name: construct for name in PARENTS if name != "System.Object"}
