"""Invoke-Expression and Clear-Host, and the aliases Windows PowerShell users type that the
cmdlets' own modules do not declare (PS: InitialSessionState.cs, the `#if !UNIX` aliases too:
pasted snippets come from Windows)."""

from __future__ import annotations

import sys

from pscompat.engine.commands import REGISTRY, Cmdlet, Parameter, cmdlet
from pscompat.errors import ParseError, PSError

WINDOWS_ALIASES = {
    "ls": "Get-ChildItem",
    "rm": "Remove-Item",
    "mv": "Move-Item",
    "cp": "Copy-Item",
    "sc": "Set-Content",
    "oh": "Out-Host",
    "iex": "Invoke-Expression",
    "cls": "Clear-Host",
    "clear": "Clear-Host",
    "chdir": "Set-Location",
    "ps": "Get-Process",
    "kill": "Stop-Process",
}


@cmdlet(
    "Invoke-Expression",
    aliases=("iex",),
    module="Microsoft.PowerShell.Utility",
    synopsis="Runs a string as a command or expression, in the current scope.",
    examples=(
        ("Invoke-Expression '1 + 2'", "3."),
        ("$cmd = 'Get-AzureVMImage -ImageName MyOldVmImage'; iex $cmd", "Runs the command in $cmd."),
    ),
)
class InvokeExpression(Cmdlet):
    parameters = (Parameter("Command", "string", position=0, mandatory=True, pipeline=True),)

    def process(self):
        from pscompat.engine.scriptblock import ScriptBlockValue
        from pscompat.source import Source
        from pscompat.syntax.grammar import parse_cached

        text = self.Command
        try:
            block = ScriptBlockValue(parse_cached(text, "<Invoke-Expression>"), Source(text, "<Invoke-Expression>"))
            # like dot-sourcing: the string's variables land in the caller's scope
            return self.invoke(block, use_local_scope=False)
        except PSError as err:
            # the string's parse errors (and its unknown type names, which PowerShell finds while
            # compiling it) are this command's: 'InvalidLeftHandSide,...InvokeExpressionCommand'
            # (PipelineChainOperator.Tests.ps1, ComparisonOperator.Tests.ps1)
            if (isinstance(err, ParseError) or err.fully_qualified_error_id == "TypeNotFound") and (
                "," not in err.fully_qualified_error_id
            ):
                err.fully_qualified_error_id += ",Microsoft.PowerShell.Commands.InvokeExpressionCommand"
                if err.error_record is not None:
                    err.error_record.fully_qualified_error_id = err.fully_qualified_error_id
            raise


@cmdlet(
    "Clear-Host",
    aliases=("cls", "clear"),
    module="Microsoft.PowerShell.Core",
    synopsis="Clears the display in the host program.",
)
class ClearHost(Cmdlet):
    parameters = ()

    def process(self):
        if self.interactive and sys.stdout.isatty():
            sys.stdout.write("\x1b[2J\x1b[H")
            sys.stdout.flush()
        return None


def _register_aliases() -> None:
    for alias, target in WINDOWS_ALIASES.items():
        if REGISTRY.aliases.get(alias) is None:
            REGISTRY.aliases[alias] = target


_register_aliases()
