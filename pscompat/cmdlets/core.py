"""Write-Output (PS: src/Microsoft.PowerShell.Commands.Utility/commands/utility/Write-Object.cs)."""

from __future__ import annotations

from pscompat.cmdlets.objects.common import unroll
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet


@cmdlet(
    "Write-Output",
    aliases=("echo", "write"),
    synopsis="Writes the specified objects to the pipeline.",
    description="Sends objects to the success stream. Collections are enumerated, one "
    "element at a time, unless -NoEnumerate is given.",
    examples=(
        ("Write-Output 'hello'", "Writes a string."),
        ("Write-Output 1,2,3 | Measure-Object", "The array is enumerated: Count is 3."),
        ("Write-Output -NoEnumerate 1,2,3 | Measure-Object", "The array is one object: Count is 1."),
    ),
)
class WriteOutput(Cmdlet):
    """Writes the specified objects to the pipeline."""

    parameters = (
        # Mandatory but [AllowNull] [AllowEmptyCollection]: `Write-Output $null` writes $null.
        Parameter(
            "InputObject",
            "psobject",
            position=0,
            mandatory=True,
            pipeline=True,
            remaining=True,
            allow_null=True,
            allow_empty_collection=True,
        ),
        Parameter("NoEnumerate", "switch"),
    )

    def process(self):
        value = self.InputObject
        if value is None or self.NoEnumerate:
            return (value,)
        return unroll(value)
