"""`[ref]`: System.Management.Automation.PSReference (PS: engine/LanguagePrimitives.cs and the
[ref] cast in the compiler).  `[ref]$x` refers to the variable itself: writing `.Value` sets the
variable, so a .NET method's out argument (`Parser::ParseInput($t, [ref]$tokens, [ref]$errors)`)
and a `[ref]` parameter of a function reach the caller's variable.  `[ref]` of any other value
holds that value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class PSReference:
    PS_TYPE_NAMES = ("System.Management.Automation.PSReference", "System.Object")
    PS_PROPERTIES = ("Value",)

    __slots__ = ("_get", "_set", "_value")

    def __init__(
        self, value: Any = None, getter: Callable[[], Any] | None = None, setter: Callable[[Any], None] | None = None
    ):
        self._value = value
        self._get = getter
        self._set = setter

    @property
    def Value(self) -> Any:
        return self._get() if self._get is not None else self._value

    @Value.setter
    def Value(self, value: Any) -> None:
        if self._set is not None:
            self._set(value)
        else:
            self._value = value

    def ToString(self) -> str:
        return "System.Management.Automation.PSReference"


def as_reference(value: Any) -> PSReference:
    """The cast `[ref]value`: a reference stays itself, anything else is held."""
    return value if isinstance(value, PSReference) else PSReference(value)
