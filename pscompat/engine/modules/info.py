"""PSModuleInfo: a loaded (or listed) module, its own session state and what it exports.

A module's session state is a scope whose parent is the global scope (PS:
engine/SessionStateScope.cs: a module's top scope sits on the global one); every scope under it
carries `module` (engine/scope.py), so `$script:` inside a module is the module's scope and
functions written in the module run from it (ScriptBlockValue.module).  Callers see only the
exported functions, variables and aliases, copied into their scope on import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pscompat.engine.scope import Scope
from pscompat.values.objects.classes import Hashtable

_SMA = "System.Management.Automation."

# how an exported command shows (FunctionInfo / CmdletInfo): set by the cmdlet layer
# (cmdlets/modules/) to Get-Command's view, the bare CommandInfo until then
command_view: list[Callable[[Any], Any]] = [lambda info: info]


class ModuleSessionState:
    """`$module.SessionState`: the module's variables (PSVariable.GetValue/Set)."""

    PS_TYPE_NAMES = (_SMA + "SessionState", "System.Object")

    def __init__(self, module: PSModuleInfo) -> None:
        self.Module = module
        self.PSVariable = VariableIntrinsics(module.scope)


class VariableIntrinsics:
    PS_TYPE_NAMES = (_SMA + "PSVariableIntrinsics", "System.Object")

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def GetValue(self, name: str, default: Any = None) -> Any:
        from pscompat.engine.scope import MISSING

        value = self._scope.lookup(str(name).lower(), MISSING)
        return default if value is MISSING else value

    def Set(self, name: str, value: Any) -> None:
        self._scope.ctx.set_variable(str(name), value, at=self._scope)

    def Get(self, name: str) -> Any:
        return self.GetValue(name)


class PSModuleInfo:
    """System.Management.Automation.PSModuleInfo."""

    PS_TYPE_NAMES = (_SMA + "PSModuleInfo", "System.Object")
    is_module_info = True  # how the pipeline knows `& $module {...}` (it does not import this package)
    PS_PROPERTIES = ("ModuleType", "Version", "PreRelease", "Name", "ExportedCommands")

    def __init__(self, name: str, path: str, ctx: Any, module_type: str = "Script") -> None:
        import os

        self.Name = name
        self.Path = path
        self.ModuleBase = os.path.dirname(path) if path else ""
        self.ModuleType = module_type
        self.Version = _version("0.0")
        self.PreRelease = None
        self.Description = ""
        self.Guid = "00000000-0000-0000-0000-000000000000"
        self.Author = self.CompanyName = self.Copyright = ""
        self.PowerShellVersion = None
        self.CompatiblePSEditions: list[str] = []
        self.PrivateData = None
        self.RootModule = ""
        self.NestedModules: list = []
        self.RequiredModules: list = []
        self.Prefix = ""
        self.OnRemove = None
        self.AccessMode = "ReadWrite"
        self.manifest: Hashtable | None = None
        self.ctx = ctx
        self.scope = Scope(ctx.global_scope, ctx, is_script=True)
        self.scope.module = self
        self.scope.vars["psscriptroot"] = self.ModuleBase
        self.scope.vars["pscommandpath"] = path
        # what Export-ModuleMember (or the manifest) named; None: nothing said yet
        self.export_functions: list[str] | None = None
        self.export_variables: list[str] | None = None
        self.export_aliases: list[str] | None = None
        self.export_cmdlets: list[str] | None = None
        # the result of applying them: name -> CommandInfo / value / alias target
        self.functions: dict[str, Any] = {}
        self.variables: dict[str, Any] = {}
        self.aliases: dict[str, str] = {}
        self.cmdlets: dict[str, Any] = {}
        self.defined_aliases: list[str] = []  # aliases its code set (exported when nothing is named)
        self.SessionState = ModuleSessionState(self)

    # -- what Get-Module and scripts read ---------------------------------------------------
    def _table(self, items: dict, view: bool = True) -> Hashtable:
        out = Hashtable(ordered=True)
        for name, value in items.items():
            out[name] = command_view[0](value) if view else value
        return out

    @property
    def ExportedFunctions(self) -> Hashtable:
        return self._table(self.functions)

    @property
    def ExportedCmdlets(self) -> Hashtable:
        return self._table(self.cmdlets)

    @property
    def ExportedVariables(self) -> Hashtable:
        return self._table(self.variables, view=False)

    @property
    def ExportedAliases(self) -> Hashtable:
        return self._table(self.aliases, view=False)

    @property
    def ExportedCommands(self) -> Hashtable:
        out = self._table(self.cmdlets)
        for key, value in self._table(self.functions).items():
            out[key] = value
        for key, value in self.aliases.items():
            out[key] = value
        return out

    def ToString(self) -> str:
        return self.Name

    def __str__(self) -> str:
        return self.Name

    def __repr__(self) -> str:
        return f"<PSModuleInfo {self.Name}>"

    def Invoke(self, block: Any, *args: Any) -> Any:
        """`$module.Invoke({...}, args)`: runs the block in the module's scope."""
        out = run_in_module(self, block, args)
        return out[0] if len(out) == 1 else out

    def NewBoundScriptBlock(self, block: Any) -> Any:
        return block.bound_to(self)

    def GetExportedTypeDefinitions(self) -> Hashtable:
        return Hashtable()


def run_in_module(module: PSModuleInfo, block: Any, args: tuple = (), dot: bool = False) -> list:
    """`& $module { ... }` (a child of the module's scope) or `. $module { ... }` (the module's
    scope itself): how Pester's InModuleScope reaches a module's privates."""
    ctx = module.ctx
    bound = block.bound_to(module)
    if dot:
        return ctx.invoke_block(bound, args, None, False, module.scope)
    return ctx.invoke_block(bound, args, None, True, module.scope)


def _version(text: str) -> Any:
    from pscompat.values.dotnet.type_literals import resolve_type

    return resolve_type("version").convert(text)


def to_version(value: Any) -> Any:
    """A manifest's ModuleVersion / -RequiredVersion as [version] (None when it is not one)."""
    try:
        return _version(str(value))
    except Exception:
        return None
