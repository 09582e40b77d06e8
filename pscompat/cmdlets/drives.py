"""The non-file providers the item cmdlets reach through a drive prefix: Env:, Variable:,
Function: and Alias: (about_Providers, about_Environment_Variables, about_Variables).

`split(path)` tells whether a path is on one of these drives; the item cmdlets then call
`items`, `get`, `set` and `remove` here instead of touching the file system.
"""

from __future__ import annotations

import os
from typing import Any

from pscompat.cmdlets.objects.common import wildcard_matcher

DRIVES = ("env", "variable", "function", "alias")


class DictionaryEntry:
    """What Env: and Alias: items look like: Name/Key and Value."""

    PS_TYPE_NAMES = ("System.Collections.DictionaryEntry", "System.Object")
    PS_PROPERTIES = ("Name", "Value")

    def __init__(self, name: str, value: Any):
        self.Name = self.Key = name
        self.Value = value

    def ToString(self) -> str:
        return f"{self.Name}={self.Value}"


class PSVariable:
    PS_TYPE_NAMES = ("System.Management.Automation.PSVariable", "System.Object")
    PS_PROPERTIES = ("Name", "Value")

    def __init__(self, name: str, value: Any):
        self.Name = name
        self.Value = value


class FunctionItem:
    PS_TYPE_NAMES = (
        "System.Management.Automation.FunctionInfo",
        "System.Management.Automation.CommandInfo",
        "System.Object",
    )
    PS_PROPERTIES = ("CommandType", "Name", "Definition")

    def __init__(self, info):
        self.Name = info.name
        self.CommandType = info.command_type
        self.Definition = info.function.text if info.function is not None else ""
        self.ScriptBlock = info.function


def split(path: str) -> tuple[str, str] | None:
    """('env', 'PATH') for 'Env:PATH' or 'env:\\PATH'; None for a file-system path."""
    drive, sep, rest = str(path).partition(":")
    if not sep or drive.lower() not in DRIVES:
        return None
    return drive.lower(), rest.lstrip("\\/")


def items(ctx, scope, drive: str, pattern: str = "") -> list:
    match = wildcard_matcher(pattern or "*")
    if drive == "env":
        found = [DictionaryEntry(k, v) for k, v in sorted(os.environ.items())]
    elif drive == "variable":
        found = [PSVariable(k, v) for k, v in sorted(ctx.variable_table(scope).items())]
    elif drive == "function":
        table = scope.visible_functions() if scope is not None else ctx.functions  # functions are scoped
        found = [FunctionItem(i) for i in sorted(table.values(), key=lambda i: i.name.lower())]
    else:
        found = [DictionaryEntry(k, v) for k, v in sorted(ctx.alias_table().items())]
    return [i for i in found if match(i.Name)]


def set_item(ctx, scope, drive: str, name: str, value: Any) -> None:
    if drive == "env":
        from pscompat.engine.scope import env_set

        env_set(name, value)
    elif drive == "variable":
        ctx.set_variable(name, value, at=scope)
    elif drive == "alias":
        ctx.set_alias(name, str(value))
    else:
        from pscompat.engine.scriptblock import ScriptBlockValue

        if isinstance(value, ScriptBlockValue):
            ctx.define_function(scope, name, value)


def remove(ctx, scope, drive: str, name: str) -> bool:
    names = [i.Name for i in items(ctx, scope, drive, name)]
    for n in names:
        if drive == "env":
            os.environ.pop(n, None)
        elif drive == "variable":
            ctx.remove_variable(n, at=scope)
        elif drive == "function":
            holder = scope
            while holder is not None and not (holder.functions and n.lower() in holder.functions):
                holder = holder.parent
            (holder.functions if holder is not None else ctx.functions).pop(n.lower(), None)
        else:
            ctx.aliases.pop(n.lower(), None)
    return bool(names)
