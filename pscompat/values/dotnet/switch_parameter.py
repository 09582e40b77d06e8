"""[switch] values: System.Management.Automation.SwitchParameter.

A switch is its own type in PowerShell (`$s.GetType().Name` is SwitchParameter, `$s.IsPresent`,
`$s.ToBool()`), yet it behaves as a bool everywhere a bool is expected: `if ($s)`, `-not $s`,
`[bool]$s`, `$s -eq $true`.  Python code sees it as truthy/falsy and equal to True/False."""

from __future__ import annotations

SWITCH_TYPE = "System.Management.Automation.SwitchParameter"


class SwitchParameter:
    __slots__ = ("_present",)
    PS_TYPE_NAMES = (SWITCH_TYPE, "System.ValueType", "System.Object")
    PS_PROPERTIES = ("IsPresent",)

    def __init__(self, present=False):
        self._present = bool(present)

    @property
    def IsPresent(self) -> bool:
        return self._present

    def ToBool(self) -> bool:
        return self._present

    @staticmethod
    def Present() -> SwitchParameter:
        return SwitchParameter(True)

    def ToString(self) -> str:
        return "True" if self._present else "False"

    __str__ = ToString

    def __bool__(self) -> bool:
        return self._present

    def __eq__(self, other) -> bool:
        if isinstance(other, (bool, SwitchParameter)):
            return self._present == bool(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._present)

    def __repr__(self) -> str:
        return f"SwitchParameter({self._present})"
