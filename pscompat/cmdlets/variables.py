"""The *-Variable cmdlets: Get-Variable, Set-Variable, New-Variable, Clear-Variable and
Remove-Variable (Docs: Microsoft.PowerShell.Utility/*-Variable.md), over the session's scopes."""

from __future__ import annotations

from pscompat.cmdlets.objects.common import matches_any, wildcard_matcher
from pscompat.cmdlets.paths import as_list
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet


class PSVariable:
    """System.Management.Automation.PSVariable as Get-Variable returns it."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSVariable", "System.Object")
    PS_PROPERTIES = ("Name", "Value", "Description", "Options", "Visibility")

    def __init__(self, name: str, value, description: str = "", options: str = "None"):
        self.Name, self.Value = name, value
        self.Description, self.Options, self.Visibility = description, options, "Public"

    def __repr__(self) -> str:
        return f"PSVariable({self.Name!r})"


_SCOPES = ("Global", "Script", "Local", "Private")


def _scope_arg(cmd):
    scope = cmd.bound.get("Scope")
    if scope is None:
        return None
    text = str(scope).lower()
    if text.isdigit():  # numbered scopes: 0 is local; others approximate as the global scope
        return None if text == "0" else "global"
    return text if text in ("global", "script", "local") else None


def _scope_table(cmd) -> dict:
    scope = _scope_arg(cmd)
    if scope == "global":
        return cmd.ctx.variable_table(cmd.ctx.global_scope)
    if scope == "script":
        return cmd.ctx.variable_table(cmd.runtime.scope.script_scope())
    return cmd.ctx.variable_table(cmd.runtime.scope)


def _variable_not_found(cmd, name: str) -> None:
    cmd.write_error(f"Cannot find a variable with the name '{name}'.", "VariableNotFound", "ObjectNotFound", name)


@cmdlet(
    "Get-Variable",
    aliases=("gv",),
    synopsis="Gets the variables in the current console.",
    description="Lists variables (names accept wildcards) with their values; -ValueOnly writes just the values.",
    examples=(
        ("Get-Variable m*", "The variables whose names start with m."),
        ("Get-Variable x -ValueOnly", "The value of $x."),
    ),
)
class GetVariable(Cmdlet):
    """Gets the variables in the current console."""

    parameters = (
        Parameter("Name", "string[]", position=0, pipeline_by_name=True),
        Parameter("ValueOnly", "switch"),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("Scope", "string"),
    )

    def process(self):
        table = _scope_table(self)
        names = as_list(self.Name) or ["*"]
        include, exclude = as_list(self.Include), as_list(self.Exclude)
        out = []
        for pattern in names:
            if has_wildcard(pattern):
                found = sorted((k for k in table if wildcard_matcher(pattern)(k)), key=str.lower)
            else:
                found = [pattern.lower()] if pattern.lower() in table else []
                if not found:
                    _variable_not_found(self, pattern)
                    continue
            for key in found:
                if include and not matches_any(include, key):
                    continue
                if exclude and matches_any(exclude, key):
                    continue
                if self.ValueOnly:
                    out.append(table[key])
                    continue
                name, description, option = self._details(key)
                out.append(PSVariable(name, table[key], description, _option_text(option)))
        return out

    def _details(self, key: str) -> tuple[str, str, str]:
        scope = _scope_arg(self)
        start = self.ctx.global_scope if scope == "global" else self.runtime.scope
        if scope == "script":
            start = self.runtime.scope.script_scope()
        return start.variable_details(key)


def _option_text(option: str) -> str:
    """-Option as ScopedItemOptions prints it (New-Variable.Tests.ps1: 'Constant', 'ReadOnly')."""
    known = {o.lower(): o for o in ("None", "ReadOnly", "Constant", "Private", "AllScope")}
    return ", ".join(known.get(part.strip().lower(), part.strip()) for part in str(option).split(","))


@cmdlet(
    "Set-Variable",
    aliases=("set", "sv"),
    supports_should_process=True,
    synopsis="Sets the value of a variable. Creates the variable if one with the requested name does not exist.",
    description="Assigns -Value (or the pipeline input) to the named variables in the given scope.",
    examples=(
        ("Set-Variable -Name x -Value 5", "Same as $x = 5."),
        ("Set-Variable total 0 -Scope Global", "A global variable."),
    ),
)
class SetVariable(Cmdlet):
    """Sets the value of a variable."""

    parameters = (
        Parameter("Name", "string[]", position=0, mandatory=True, pipeline_by_name=True),
        Parameter("Value", "object", position=1, pipeline=True, pipeline_by_name=True),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("Description", "string"),
        Parameter("Option", "string"),
        Parameter("Force", "switch"),
        Parameter("Visibility", "string"),
        Parameter("PassThru", "switch"),
        Parameter("Scope", "string"),
    )

    def begin(self):
        self._values = []

    def process(self):
        # One call (a -Value argument, or one piped object) stores the value itself; several
        # piped objects are stored as an array, as Set-Variable fed by a pipeline does.
        self._values.append(self.Value if "Value" in self.bound else None)

    def end(self):
        values = self._values
        return self._assign(values[0] if len(values) == 1 else list(values))

    def _assign(self, value):
        out = []
        for name in as_list(self.Name):
            if not self.should_process(f"Name: {name} Value: {value}", "Set variable"):
                continue
            if self.Force:  # -Force may overwrite a read-only variable (not a constant)
                self.ctx.set_variable_option(name, None, _scope_arg(self), at=self.runtime.scope)
            self.ctx.set_variable(name, value, _scope_arg(self), at=self.runtime.scope)
            if self.Option and str(self.Option).lower() != "none":
                self.ctx.set_variable_option(name, self.Option, _scope_arg(self), at=self.runtime.scope)
            if self.Description is not None:
                self.ctx.set_variable_description(name, self.Description, _scope_arg(self), at=self.runtime.scope)
            if self.PassThru:
                option = _option_text(self.Option) if self.Option else "None"
                out.append(PSVariable(name, value, self.Description or "", option))
        return out


@cmdlet(
    "New-Variable",
    aliases=("nv",),
    supports_should_process=True,
    synopsis="Creates a new variable.",
    description="Like Set-Variable, but the variable must not exist yet in the scope.",
    examples=(("New-Variable -Name days -Value 7 -Option ReadOnly", "A read-only variable."),),
)
class NewVariable(SetVariable):
    """Creates a new variable."""

    def _assign(self, value):
        scope = self.ctx._scope_for(_scope_arg(self), self.runtime.scope)
        for name in as_list(self.Name):
            if name.lower() in scope.vars and not self.Force:
                self.write_error(
                    f"A variable with name '{name}' already exists.",
                    "VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand",
                    "ResourceExists",
                    name,
                    "System.Management.Automation.SessionStateUnauthorizedAccessException",
                )
                return []
        return super()._assign(value)


@cmdlet(
    "Clear-Variable",
    aliases=("clv",),
    supports_should_process=True,
    synopsis="Deletes the value of a variable.",
    description="Sets the named variables to $null; they keep existing.",
    examples=(("Clear-Variable x", "$x is now $null."),),
)
class ClearVariable(Cmdlet):
    """Deletes the value of a variable."""

    parameters = (
        Parameter("Name", "string[]", position=0, mandatory=True, pipeline_by_name=True),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("Force", "switch"),
        Parameter("PassThru", "switch"),
        Parameter("Scope", "string"),
    )

    def process(self):
        table = _scope_table(self)
        out = []
        for pattern in as_list(self.Name):
            keys = (
                [k for k in table if wildcard_matcher(pattern)(k)]
                if has_wildcard(pattern)
                else ([pattern.lower()] if pattern.lower() in table else [])
            )
            if not keys and not has_wildcard(pattern):
                _variable_not_found(self, pattern)
            for key in keys:
                self.ctx.set_variable(key, None, _scope_arg(self), at=self.runtime.scope)
                if self.PassThru:
                    out.append(PSVariable(key, None))
        return out


@cmdlet(
    "Remove-Variable",
    aliases=("rv",),
    supports_should_process=True,
    synopsis="Deletes a variable and its value.",
    description="Removes the named variables (wildcards allowed) from the scope.",
    examples=(("Remove-Variable x", "$x no longer exists."),),
)
class RemoveVariable(Cmdlet):
    """Deletes a variable and its value."""

    parameters = (
        Parameter("Name", "string[]", position=0, mandatory=True, pipeline_by_name=True),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
        Parameter("Force", "switch"),
        Parameter("Scope", "string"),
    )

    def process(self):
        table = _scope_table(self)
        for pattern in as_list(self.Name):
            keys = [k for k in table if wildcard_matcher(pattern)(k)] if has_wildcard(pattern) else [pattern]
            for key in keys:
                if not self.ctx.remove_variable(key, _scope_arg(self), at=self.runtime.scope) and not has_wildcard(
                    pattern
                ):
                    _variable_not_found(self, pattern)


# --- aliases -----------------------------------------------------------------------------------
