"""The *-Alias cmdlets and the alias table as Get-Alias and Get-Command see it (AliasInfo)
(Docs: Microsoft.PowerShell.Utility/*-Alias.md)."""

from __future__ import annotations

from pscompat.cmdlets.objects.common import matches_any, wildcard_matcher
from pscompat.cmdlets.paths import as_list
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet


class AliasInfo:
    """System.Management.Automation.AliasInfo (what Get-Alias and Get-Command return)."""

    PS_TYPE_NAMES = (
        "System.Management.Automation.AliasInfo",
        "System.Management.Automation.CommandInfo",
        "System.Object",
    )
    PS_PROPERTIES = ("CommandType", "Name", "Version", "Source")

    def __init__(self, name: str, definition: str, description: str = "", options: str = "None"):
        self.CommandType = "Alias"
        self.Name = name
        self.Description, self.Options = description, options
        self.Definition = self.ResolvedCommandName = definition
        self.DisplayName = f"{name} -> {definition}"
        self.Version, self.Source, self.ModuleName = "", "", ""
        self.ReferencedCommand = definition

    def ToString(self) -> str:
        return self.Name

    def __str__(self) -> str:
        return self.Name


def alias_items(ctx) -> list[tuple[str, str]]:
    """(alias, target) pairs; aliases keep the spelling they were registered or set with
    (`Set-Alias ABCD` lists as ABCD: Set-Alias.Tests.ps1)."""
    from pscompat.engine.commands import REGISTRY

    REGISTRY.load()
    spelled = {}
    for info in REGISTRY.all():
        for alias in info.aliases:
            spelled[alias.lower()] = alias
    for low, (name, _, _) in ctx.alias_details.items():
        spelled[low] = name
    return [(spelled.get(name, name), target) for name, target in ctx.alias_table().items()]


def alias_info(ctx, name: str, target: str) -> AliasInfo:
    _, description, option = ctx.alias_details.get(name.lower(), (name, "", "None"))
    return AliasInfo(name, target, description, option)


@cmdlet(
    "Get-Alias",
    aliases=("gal",),
    default_set="Default",
    synopsis="Gets the aliases for the current session.",
    description="Lists aliases by name (wildcards) or by the command they stand for (-Definition).",
    examples=(("Get-Alias gm", "gm -> Get-Member"), ("Get-Alias -Definition Where-Object", "where, ?")),
)
class GetAlias(Cmdlet):
    """Gets the aliases for the current session."""

    parameters = (
        Parameter("Name", "string[]", position=0, pipeline=True, pipeline_by_name=True, sets=("Default",)),
        Parameter("Exclude", "string[]"),
        Parameter("Scope", "string"),
        Parameter("Definition", "string[]", sets=("Definition",)),
    )

    def process(self):
        items = sorted(alias_items(self.ctx), key=lambda p: p[0].lower())
        exclude = as_list(self.Exclude)
        out = []
        if self.parameter_set == "Definition":
            for pattern in as_list(self.Definition):
                out.extend(
                    alias_info(self.ctx, n, t)
                    for n, t in items
                    if wildcard_matcher(pattern)(t) and not (exclude and matches_any(exclude, n))
                )
            return out
        for pattern in as_list(self.Name) or ["*"]:
            found = [
                alias_info(self.ctx, n, t)
                for n, t in items
                if wildcard_matcher(pattern)(n) and not (exclude and matches_any(exclude, n))
            ]
            if not found and not has_wildcard(pattern):
                self.write_error(
                    f"This command cannot find a matching alias because an alias with the name "
                    f"'{pattern}' does not exist.",
                    "ItemNotFoundException",
                    "ObjectNotFound",
                    pattern,
                )
            out.extend(found)
        return out


class _AliasSetter(Cmdlet):
    parameters = (
        Parameter("Name", "string", position=0, mandatory=True, pipeline_by_name=True),
        Parameter("Value", "string", position=1, mandatory=True, pipeline_by_name=True),
        Parameter("Description", "string"),
        Parameter("Option", "string"),
        Parameter("PassThru", "switch"),
        Parameter("Scope", "string"),
        Parameter("Force", "switch"),
    )
    creating = False

    def process(self):
        name, target = self.Name, self.Value
        if self.creating and not self.Force and name.lower() in self.ctx.alias_table():
            self.write_error(
                f"The alias is not allowed, because an alias with the name '{name}' already exists.",
                "AliasAlreadyExists",
                "ResourceExists",
                name,
            )
            return None
        _, _, current = self.ctx.alias_details.get(name.lower(), (name, "", "None"))
        if current == "Constant" or (current == "ReadOnly" and not self.Force):
            # PS: SessionStateStrings.resx AliasNotWritable (a SessionStateUnauthorizedAccessException)
            self.write_error(
                f"Alias is not writeable because alias {name} is read-only or constant and cannot be written to.",
                "AliasNotWritable",
                "WriteError",
                name,
                exception_type="System.Management.Automation.SessionStateUnauthorizedAccessException",
            )
            return None
        if not self.should_process(f"Name: {name} Value: {target}"):
            return None
        option = _option_name(self.Option)
        self.ctx.set_alias(name, target, self.Description or "", option)
        return (AliasInfo(name, target, self.Description or "", option),) if self.PassThru else None


def _option_name(option) -> str:
    """-Option as ScopedItemOptions prints it: None, ReadOnly, Constant, Private, AllScope."""
    known = {o.lower(): o for o in ("None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified")}
    names = [known.get(part.strip().lower(), part.strip()) for part in str(option or "None").split(",")]
    return ", ".join(names)


@cmdlet(
    "Set-Alias",
    aliases=("sal",),
    supports_should_process=True,
    synopsis="Creates or changes an alias for a cmdlet or other command in the current PowerShell session.",
    description="Makes Name another name for the command Value.",
    examples=(("Set-Alias ll Get-ChildItem", "ll now runs Get-ChildItem."),),
)
class SetAlias(_AliasSetter):
    """Creates or changes an alias."""


@cmdlet(
    "New-Alias",
    aliases=("nal",),
    supports_should_process=True,
    synopsis="Creates a new alias.",
    description="Like Set-Alias, but fails if the alias already exists (unless -Force).",
    examples=(("New-Alias list Get-ChildItem", "A new alias."),),
)
class NewAlias(_AliasSetter):
    """Creates a new alias."""

    creating = True
