"""Set-StrictMode (Microsoft.PowerShell.Core; PS: src/System.Management.Automation/engine/
InternalCommands.cs SetStrictModeCommand, PSVersionInfo.IsValidPSVersion; the rules themselves
are in pscompat.engine.strict_mode)."""

from __future__ import annotations

from pscompat.engine import strict_mode
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.values.convert.strings import to_string

INVALID_VERSION = (
    'The "{0}" argument does not contain a valid PowerShell version. Supply a valid version number and then '
    "try the command again."
)  # Metadata.ValidateVersionFailure
# PSVersionInfo.IsValidPSVersion: the minor versions each major had (7.4 is this engine's)
_MINORS = {1: (0,), 2: (0,), 3: (0,), 4: (0,), 5: (0, 1), 6: (0, 1, 2), 7: (0, 1, 2, 3, 4)}


def _major(value) -> int:
    """'Latest', 'N', 'N.M' or a [version] as the major version; ValueError when not a
    PowerShell version."""
    text = to_string(value).strip()
    if text.lower() == "latest":
        return 7
    parts = text.split(".")
    try:
        numbers = [int(p) for p in parts] if len(parts) <= 4 else []
    except ValueError:
        numbers = []
    if len(numbers) == 1:
        numbers.append(0)
    if not numbers or numbers[0] not in _MINORS or numbers[1] not in _MINORS[numbers[0]]:
        raise ValueError(INVALID_VERSION.format(text))
    return numbers[0]


def _validate_version(value, binder=None) -> None:
    _major(value)


@cmdlet(
    "Set-StrictMode",
    module="Microsoft.PowerShell.Core",
    synopsis="Establishes and enforces coding rules in expressions, scripts, and script blocks.",
    examples=(
        ("Set-StrictMode -Version Latest", "Unset variables, missing properties and bad indexes are errors."),
        ("Set-StrictMode -Off", "Back to PowerShell's forgiving defaults."),
    ),
)
class SetStrictMode(Cmdlet):
    parameters = (
        Parameter("Off", "switch", mandatory=True, sets=("Off",)),
        Parameter("Version", "object", mandatory=True, sets=("Version",), validators=(_validate_version,)),
    )

    def end(self):
        if self.bound.get("Off"):
            level = 0
        else:
            level = min(_major(self.bound["Version"]), strict_mode.LATEST)
        strict_mode.set_version(self.runtime.scope, level)
        return ()
