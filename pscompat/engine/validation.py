"""Parameter validation attributes of PowerShell functions ([ValidateRange()], [ValidateSet()],
[ValidateScript()]...), turned into validators the binder runs after conversion.

Each validator is `check(value, binder)` and raises ValueError(message) with PowerShell's
Metadata.resx text; the binder prefixes "Cannot validate argument on parameter 'X'. ".
"""

from __future__ import annotations

from collections.abc import Callable


def _items(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _text(value) -> str:
    from pscompat.values.convert.strings import to_string

    return to_string(value)


def _custom(message: str | None, value, *args) -> str | None:
    if message:
        return message.replace("{0}", _text(value)).replace("{1}", ",".join(_text(a) for a in args) if args else "")
    return None


def validate_range(low, high, message: str | None = None) -> Callable:
    def check(value, binder):
        from pscompat.values.operators.equality import compare

        for v in _items(value):
            if v is None:
                raise ValueError(
                    "The argument is null, empty, or an element of the argument collection contains "
                    "a null value. Supply a collection that does not contain any null values and then "
                    "try the command again."
                )
            if low is not None and compare(v, low) < 0:
                raise ValueError(
                    _custom(message, v)
                    or f"The {_text(v)} argument is less than the minimum allowed range of {_text(low)}. "
                    f"Supply an argument that is greater than or equal to {_text(low)} and then try "
                    f"the command again."
                )
            if high is not None and compare(v, high) > 0:
                raise ValueError(
                    _custom(message, v)
                    or f"The {_text(v)} argument is greater than the maximum allowed range of {_text(high)}. "
                    f"Supply an argument that is less than or equal to {_text(high)} and then try the "
                    f"command again."
                )

    return check


def validate_not_null(value, binder) -> None:
    if value is None or (isinstance(value, (list, tuple)) and any(v is None for v in value)):
        raise ValueError(
            "The argument is null. Provide a valid value for the argument, and then run the command again."
        )


def validate_not_null_or_empty(value, binder) -> None:
    """[ValidateNotNullOrEmpty()] (Attributes.cs ValidateNotNullOrAttributeBase): a collection,
    the parameter's converted value for `[string[]]`, has its own message."""
    if value is None or (isinstance(value, str) and value == ""):
        raise ValueError(
            "The argument is null or empty. Provide an argument that is not null or empty, and then "
            "try the command again."
        )
    if (
        isinstance(value, (list, tuple))
        and (not value or any(v is None or (isinstance(v, str) and v == "") for v in value))
    ) or (isinstance(value, dict) and not value):
        raise ValueError(
            "The argument is null, empty, or an element of the argument collection contains a null "
            "value. Supply a collection that does not contain any null values and then try the "
            "command again."
        )


def validate_pattern(pattern: str, message: str | None = None) -> Callable:
    def check(value, binder):
        from pscompat.values.dotnet.regex import dotnet_regex

        rx = dotnet_regex(pattern, True)
        for v in _items(value):
            if rx.search(_text(v)) is None:
                raise ValueError(
                    _custom(message, v, pattern)
                    or f'The argument "{_text(v)}" does not match the "{pattern}" pattern. Supply an '
                    f'argument that matches "{pattern}" and try the command again.'
                )

    return check


def validate_length(low: int, high: int) -> Callable:
    def check(value, binder):
        for v in _items(value):
            n = len(_text(v))
            if n < low:
                raise ValueError(
                    f"The character length ({n}) of the argument is too short. Specify an argument "
                    f'with a length that is greater than or equal to "{low}", and then try the '
                    f"command again."
                )
            if n > high:
                raise ValueError(
                    f"The character length of the {n} argument is too long. Shorten the character "
                    f'length of the argument so it is fewer than or equal to "{high}" characters, and '
                    f"then try the command again."
                )

    return check


def validate_count(low: int, high: int) -> Callable:
    def check(value, binder):
        n = len(_items(value))
        if n < low:
            raise ValueError(
                f"The parameter requires at least {low} value(s) and no more than {high} value(s) - "
                f"{n} value(s) were provided."
            )
        if n > high:
            raise ValueError(
                f"The parameter requires at least {low} value(s) and no more than {high} value(s) - "
                f"{n} value(s) were provided."
            )

    return check


def validate_script(block, message: str | None = None) -> Callable:
    def check(value, binder):
        from pscompat.values.convert.primitives import to_bool

        for v in _items(value):
            result = binder.invoke_block(block, v)
            if to_bool(result[0] if len(result) == 1 else result):
                continue
            if message:
                raise ValueError(message.replace("{0}", _text(v)).replace("{1}", block.text))
            raise ValueError(
                f'The "{block.text}" validation script for the argument with value "{_text(v)}" did '
                f"not return a result of True. Determine why the validation script failed, and then "
                f"try the command again."
            )

    return check


def build(name: str, positional: list, named: dict) -> Callable | None:
    """The validator for one attribute, from its evaluated arguments; None if not a validator."""
    message = named.get("errormessage")
    low = name.lower()
    if low == "validaterange":
        if len(positional) == 1:  # [ValidateRange('Positive')] and friends
            kind = str(positional[0]).lower()
            bounds = {
                "positive": (1, None),
                "nonnegative": (0, None),
                "negative": (None, -1),
                "nonpositive": (None, 0),
            }.get(kind, (None, None))
            return validate_range(*bounds, message)
        return validate_range(positional[0], positional[1], message)
    if low == "validatenotnull":
        return validate_not_null
    if low == "validatenotnullorempty":
        return validate_not_null_or_empty
    if low == "validatepattern":
        return validate_pattern(str(positional[0]), message)
    if low == "validatelength":
        return validate_length(int(positional[0]), int(positional[1]))
    if low == "validatecount":
        return validate_count(int(positional[0]), int(positional[1]))
    if low == "validatescript":
        return validate_script(positional[0], message)
    return None


def validate_set(allowed: tuple, message: str | None = None) -> Callable:
    """[ValidateSet()] on a variable (a parameter's set is checked by the binder, which lists
    the allowed values in its message)."""
    folded = {a.lower() if isinstance(a, str) else a for a in allowed}

    def check(value, binder):
        for v in _items(value):
            key = _text(v).lower()
            if key not in folded:
                raise ValueError(_custom(message, v) or f"The argument {_text(v)} does not belong to the set.")

    return check


class _ScopeInvoker:
    """What a validator needs of a binder (running [ValidateScript()] blocks), for a variable."""

    def __init__(self, scope) -> None:
        self.scope = scope

    def invoke_block(self, block, value) -> list:
        return self.scope.ctx.invoke_block(block, (), value, True, self.scope)


def validate_variable(constraint: tuple, value, scope) -> None:
    """A value assigned to a variable with validation attributes must pass them all, else
    PowerShell's ValidationMetadataException (PS: ShellVariable.cs SetValue, Metadata.resx
    InvalidValueFailure; the error id is ValidateSetFailure whichever attribute failed)."""
    name, checks = constraint
    invoker = _ScopeInvoker(scope)
    for check in checks:
        try:
            check(value, invoker)
        except ValueError:
            from pscompat.errors import PSError

            shown = "$null" if value is None else _text(value)
            raise PSError(
                f"The variable cannot be validated because the value {shown} is not a valid value for the {name} variable.",
                "ValidateSetFailure",
                category="MetadataError",
                exception_type="System.Management.Automation.ValidationMetadataException",
            ) from None


__all__ = ["build", "validate_not_null", "validate_not_null_or_empty", "validate_variable"]
