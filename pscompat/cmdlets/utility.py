"""Utility cmdlets: Start-Sleep, Get-Random, Read-Host, the *-Variable and *-Alias cmdlets
(Docs: Microsoft.PowerShell.Utility/*.md).  Get-Command and Get-Help live in utility_help.py.
"""

from __future__ import annotations

import datetime as _dt
import random
import time

from pscompat.cmdlets.objects.common import wildcard_matcher
from pscompat.cmdlets.wildcards import has_wildcard
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.validation import validate_range
from pscompat.values.convert.strings import to_string


def _names(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _matches(patterns, name: str) -> bool:
    return any(wildcard_matcher(p)(name) for p in patterns)


def _non_negative(value, binder) -> None:
    """[ValidateRange(ValidateRangeKind.NonNegative)] (Metadata.resx ValidateRangeNegativeFailure)."""
    if value is not None and value < type(value)(0):
        raise ValueError(
            f'The argument "{to_string(value)}" cannot be validated because its value is not greater than or '
            "equal to zero."
        )


@cmdlet(
    "Start-Sleep",
    aliases=("sleep",),
    default_set="Seconds",
    synopsis="Suspends the activity in a script or session for the specified period of time.",
    description="Waits -Seconds (fractions allowed), -Milliseconds or -Duration.",
    examples=(
        ("Start-Sleep -Seconds 1.5", "Waits one and a half seconds."),
        ("Start-Sleep -Milliseconds 250", "Waits a quarter second."),
    ),
)
class StartSleep(Cmdlet):
    """Suspends the activity in a script or session for the specified period of time."""

    parameters = (
        Parameter(
            "Seconds",
            "double",
            position=0,
            mandatory=True,
            pipeline=True,
            pipeline_by_name=True,
            sets=("Seconds",),
            validators=(validate_range(0.0, float(2147483647 // 1000)),),
        ),
        Parameter(
            "Milliseconds",
            "int",
            mandatory=True,
            pipeline_by_name=True,
            sets=("Milliseconds",),
            aliases=("ms",),
            validators=(validate_range(0, 2147483647),),
        ),
        Parameter(
            "Duration",
            "timespan",
            position=0,
            mandatory=True,
            pipeline=True,
            pipeline_by_name=True,
            sets=("FromTimeSpan",),
            aliases=("ts",),
            validators=(_non_negative,),
        ),
    )

    def process(self):
        if self.parameter_set == "Milliseconds":
            seconds = self.Milliseconds / 1000
        elif self.parameter_set == "FromTimeSpan":
            seconds = self.Duration.total_seconds()
            if seconds * 1000 > 2147483647:  # Thread.Sleep takes an Int32 of milliseconds
                self.throw_terminating(
                    f"The '-Duration' parameter value must not exceed '{to_string(_dt.timedelta(milliseconds=2147483647))}', "
                    f"provided value was '{to_string(self.Duration)}'.",
                    "MaximumDurationExceeded",
                    "InvalidArgument",
                    exception_type="System.Management.Automation.PSArgumentException",
                )
        else:
            seconds = float(self.Seconds)
        time.sleep(seconds)


_INT32_MAX = 2147483647


# PowerShell's default set is RandomNumberParameterSet; it is left undeclared so that the binder,
# which prefers a declared default set even with pipeline input, picks a list set for piped input
# (its first set, RandomNumberParameterSet, still wins when nothing is piped).
@cmdlet(
    "Get-Random",
    synopsis="Gets a random number, or selects objects randomly from a collection.",
    description="A random integer in [Minimum, Maximum) (doubles if either bound is a double), or "
    "-Count distinct random items of the input; -Shuffle returns all of them in random order.",
    examples=(
        ("Get-Random -Maximum 10", "An integer from 0 to 9."),
        ("1..10 | Get-Random -Count 3", "Three distinct numbers from the input."),
        ("'a','b','c' | Get-Random -Shuffle", "The items in random order."),
    ),
)
class GetRandom(Cmdlet):
    """Gets a random number, or selects objects randomly from a collection."""

    parameters = (
        Parameter("SetSeed", "int"),
        Parameter("Maximum", "object", position=0, sets=("RandomNumberParameterSet",)),
        Parameter("Minimum", "object", sets=("RandomNumberParameterSet",)),
        Parameter("Count", "int"),
        Parameter(
            "InputObject",
            "object[]",
            position=0,
            mandatory=True,
            pipeline=True,
            sets=("RandomListItemParameterSet", "ShuffleParameterSet"),
            allow_null=True,
        ),
        Parameter("Shuffle", "switch", mandatory=True, sets=("ShuffleParameterSet",)),
    )

    def begin(self):
        self._rng = random.Random(self.SetSeed) if "SetSeed" in self.bound else random
        self._items = []

    def process(self):
        if self.parameter_set == "RandomNumberParameterSet":
            return None
        self._items.extend(_names(self.InputObject))

    def end(self):
        rng = self._rng
        if self.parameter_set == "ShuffleParameterSet":
            items = list(self._items)
            rng.shuffle(items)
            return items
        if self.parameter_set == "RandomListItemParameterSet":
            count = self.Count if "Count" in self.bound else 1
            items = self._items
            return rng.sample(items, min(count, len(items))) if items else []
        count = self.Count if "Count" in self.bound else 1
        return [self._number(rng) for _ in range(max(count, 0))]

    def _number(self, rng):
        from pscompat.values.convert.primitives import to_number

        maximum = self.bound.get("Maximum")
        minimum = self.bound.get("Minimum")
        hi = to_number(maximum) if maximum is not None else None
        lo = to_number(minimum) if minimum is not None else None
        if isinstance(hi, float) or isinstance(lo, float):
            lo = 0.0 if lo is None else float(lo)
            hi = 1.7976931348623157e308 if hi is None else float(hi)
            self._check(lo, hi)
            return lo + (hi - lo) * rng.random()
        lo = 0 if lo is None else int(lo)
        hi = _INT32_MAX if hi is None else int(hi)
        self._check(lo, hi)
        return rng.randrange(lo, hi)

    def _check(self, lo, hi) -> None:
        if lo >= hi:
            from pscompat.values.convert.strings import to_string

            self.throw_terminating(
                f"The Minimum value ({to_string(lo)}) cannot be greater than or equal to the Maximum value "
                f"({to_string(hi)}).",
                "MinGreaterThanOrEqualMax",
                "InvalidArgument",
            )


@cmdlet(
    "Read-Host",
    synopsis="Reads a line of input from the console.",
    description="Prompts the user and returns the line typed. Fails with a clear error when the "
    "session is not interactive (scripts run from files, CI, the Python API).",
    examples=(("$name = Read-Host 'Your name'", "Asks for a name."),),
)
class ReadHost(Cmdlet):
    """Reads a line of input from the console."""

    parameters = (
        Parameter("Prompt", "object", position=0, remaining=True),
        Parameter("AsSecureString", "switch", sets=("AsSecureString",)),
        Parameter("MaskInput", "switch", sets=("AsString",)),
    )

    def end(self):
        host = self.ctx.host
        if not getattr(host, "interactive", False):
            self.throw_terminating(
                "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                "System.Management.Automation.PSInvalidOperationException",
                "InvalidOperation",
            )
        prompt = self.Prompt
        from pscompat.values.convert.strings import to_string

        text = "" if prompt is None else to_string(prompt) + ": "
        if self.AsSecureString or self.MaskInput:
            import getpass

            return (getpass.getpass(text),)
        return (input(text),)


# --- variables ---------------------------------------------------------------------------------
class PSVariable:
    """System.Management.Automation.PSVariable as Get-Variable returns it."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSVariable", "System.Object")
    PS_PROPERTIES = ("Name", "Value", "Description", "Options", "Visibility")

    def __init__(self, name: str, value):
        self.Name, self.Value = name, value
        self.Description, self.Options, self.Visibility = "", "None", "Public"

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
        names = _names(self.Name) or ["*"]
        include, exclude = _names(self.Include), _names(self.Exclude)
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
                if include and not _matches(include, key):
                    continue
                if exclude and _matches(exclude, key):
                    continue
                name = pattern if not has_wildcard(pattern) else key
                out.append(table[key] if self.ValueOnly else PSVariable(name, table[key]))
        return out


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
        for name in _names(self.Name):
            if not self.should_process(f"Name: {name} Value: {value}", "Set variable"):
                continue
            if self.Force:  # -Force may overwrite a read-only variable (not a constant)
                self.ctx.set_variable_option(name, None, _scope_arg(self), at=self.runtime.scope)
            self.ctx.set_variable(name, value, _scope_arg(self), at=self.runtime.scope)
            if self.Option and str(self.Option).lower() != "none":
                self.ctx.set_variable_option(name, self.Option, _scope_arg(self), at=self.runtime.scope)
            if self.PassThru:
                out.append(PSVariable(name, value))
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
        for name in _names(self.Name):
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
        for pattern in _names(self.Name):
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
        for pattern in _names(self.Name):
            keys = [k for k in table if wildcard_matcher(pattern)(k)] if has_wildcard(pattern) else [pattern]
            for key in keys:
                if not self.ctx.remove_variable(key, _scope_arg(self), at=self.runtime.scope) and not has_wildcard(
                    pattern
                ):
                    _variable_not_found(self, pattern)


# --- aliases -----------------------------------------------------------------------------------
class AliasInfo:
    """System.Management.Automation.AliasInfo (what Get-Alias and Get-Command return)."""

    PS_TYPE_NAMES = (
        "System.Management.Automation.AliasInfo",
        "System.Management.Automation.CommandInfo",
        "System.Object",
    )
    PS_PROPERTIES = ("CommandType", "Name", "Version", "Source")

    def __init__(self, name: str, definition: str):
        self.CommandType = "Alias"
        self.Name = name
        self.Definition = self.ResolvedCommandName = definition
        self.DisplayName = f"{name} -> {definition}"
        self.Version, self.Source, self.ModuleName = "", "", ""
        self.ReferencedCommand = definition

    def ToString(self) -> str:
        return self.Name

    def __str__(self) -> str:
        return self.Name


def alias_items(ctx) -> list[tuple[str, str]]:
    """(alias, target) pairs; built-in aliases keep their registered spelling."""
    from pscompat.engine.commands import REGISTRY

    REGISTRY.load()
    spelled = {}
    for info in REGISTRY.all():
        for alias in info.aliases:
            spelled[alias.lower()] = alias
    return [(spelled.get(name, name), target) for name, target in ctx.alias_table().items()]


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
        exclude = _names(self.Exclude)
        out = []
        if self.parameter_set == "Definition":
            for pattern in _names(self.Definition):
                out.extend(
                    AliasInfo(n, t)
                    for n, t in items
                    if wildcard_matcher(pattern)(t) and not (exclude and _matches(exclude, n))
                )
            return out
        for pattern in _names(self.Name) or ["*"]:
            found = [
                AliasInfo(n, t)
                for n, t in items
                if wildcard_matcher(pattern)(n) and not (exclude and _matches(exclude, n))
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
        if not self.should_process(f"Name: {name} Value: {target}"):
            return None
        self.ctx.set_alias(name, target)
        return (AliasInfo(name, target),) if self.PassThru else None


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
