"""Import-Module, Get-Module, Remove-Module (Docs: Microsoft.PowerShell.Core/Import-Module.md,
Get-Module.md, Remove-Module.md; PS: engine/Modules/ImportModuleCommand.cs, GetModuleCommand.cs,
RemoveModuleCommand.cs; messages from resources/Modules.resx)."""

from __future__ import annotations

import os
from typing import Any

from pscompat.cmdlets.help import CommandInfoView
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.modules import info as module_info
from pscompat.engine.modules.info import PSModuleInfo
from pscompat.engine.modules.loader import (
    ImportOptions,
    builtin_module,
    builtin_module_names,
    find_module,
    import_into,
    load_module,
    loaded,
    module_file_in,
    module_paths,
    not_found,
    register,
    remove,
)
from pscompat.engine.modules.lookup import exports_of  # also installs the engine's module hooks
from pscompat.engine.modules.verbs import APPROVED_VERBS
from pscompat.errors import PSError
from pscompat.format.views import register_view
from pscompat.values.operators.patterns import wildcard_match

module_info.command_view[0] = CommandInfoView

# PS: FormatAndOutput/DefaultFormatters/PowerShellCore_format_ps1xml.cs, view "Module"
register_view(
    "System.Management.Automation.PSModuleInfo",
    "table",
    [
        "ModuleType",
        "Version",
        ("PreRelease", lambda m: m.PreRelease or ""),
        "Name",
        ("ExportedCommands", lambda m: "{" + ", ".join(m.ExportedCommands.keys()) + "}"),
    ],
    widths=[10, 10, 10, 35, 0],
)


def _names(value) -> list:
    if value is None:
        return []
    return [v for v in (value if isinstance(value, (list, tuple)) else [value])]


def _opt_list(value) -> list[str] | None:
    return None if value is None else [str(v) for v in _names(value)]


@cmdlet(
    "Import-Module",
    aliases=("ipmo",),
    module="Microsoft.PowerShell.Core",
    default_set="Name",
    synopsis="Adds modules to the current session.",
    description="Loads a script module (.psm1) or a manifest (.psd1) by path, or by name from "
    "$env:PSModulePath, runs it in a session state of its own and imports what it exports.",
    examples=(("Import-Module ./MyModule.psm1", "Loads a module file."),),
)
class ImportModule(Cmdlet):
    # the bound parameters the code reads as attributes (the binder sets every parameter)
    Alias: Any
    ArgumentList: Any
    AsCustomObject: bool
    Cmdlet: Any
    DisableNameChecking: bool
    Force: bool
    Function: Any
    MinimumVersion: Any
    Prefix: Any
    RequiredVersion: Any
    Variable: Any

    parameters = (
        Parameter("Name", "object[]", position=0, mandatory=True, pipeline=True, sets=("Name",)),
        Parameter("ModuleInfo", "psmoduleinfo[]", position=0, mandatory=True, pipeline=True, sets=("ModuleInfo",)),
        Parameter("FullyQualifiedName", "object[]", position=0, mandatory=True, sets=("FullyQualifiedName",)),
        Parameter("Assembly", "object[]", position=0, mandatory=True, sets=("Assembly",)),
        Parameter("Global", "switch"),
        Parameter("Prefix", "string"),
        Parameter("Function", "string[]"),
        Parameter("Cmdlet", "string[]"),
        Parameter("Variable", "string[]"),
        Parameter("Alias", "string[]"),
        Parameter("Force", "switch"),
        Parameter("PassThru", "switch"),
        Parameter("AsCustomObject", "switch"),
        Parameter("MinimumVersion", "version", aliases=("Version",)),
        Parameter("MaximumVersion", "string"),
        Parameter("RequiredVersion", "version"),
        Parameter("ArgumentList", "object[]", aliases=("Args",)),
        Parameter("DisableNameChecking", "switch"),
        Parameter("NoClobber", "switch"),
        Parameter("Scope", "string", validate_set=("Local", "Global")),
        Parameter("SkipEditionCheck", "switch"),
        Parameter("UseWindowsPowerShell", "switch"),
    )

    def _target(self):
        """Where the exports go: -Global / -Scope, else the global scope, or the importing
        module's scope when a module imports (Import-Module.md, -Global)."""
        scope = self.runtime.scope
        if self.Global or str(self.Scope or "").lower() == "global":
            return self.ctx.global_scope
        if str(self.Scope or "").lower() == "local":
            return scope
        return scope.module_scope() if scope.module is not None else self.ctx.global_scope

    def _options(self) -> ImportOptions:
        return ImportOptions(
            force=self.Force,
            prefix=self.Prefix,
            args=self.ArgumentList,
            functions=_opt_list(self.Function),
            variables=_opt_list(self.Variable),
            aliases=_opt_list(self.Alias),
            cmdlets=_opt_list(self.Cmdlet),
        )

    def process(self):
        targets = self.ModuleInfo if self.parameter_set == "ModuleInfo" else self.Name
        if self.parameter_set == "FullyQualifiedName":
            targets = self.FullyQualifiedName
        out = []
        for item in _names(targets):
            module = self._import_one(item)
            if module is not None and (self.PassThru or self.AsCustomObject):
                out.append(as_custom_object(self.ctx, module) if self.AsCustomObject else module)
        return out

    def _import_one(self, item) -> PSModuleInfo | None:
        options = self._options()
        if isinstance(item, PSModuleInfo):
            return self._finish(item, options)
        required = None
        if isinstance(item, dict):  # -FullyQualifiedName @{ModuleName=...; ModuleVersion=...}
            folded = {str(k).lower(): v for k, v in item.items()}
            name = str(folded.get("modulename") or "")
            required = folded.get("requiredversion") or folded.get("moduleversion")
        else:
            name = str(item)
        path = find_module(self.ctx, name, self.ctx.cwd)
        builtin = builtin_module(self.ctx, name) if path is None else None
        if builtin is not None:
            existing = next((m for m in self.ctx.modules if m.Name == builtin.Name), None)
            return self._finish(existing or builtin, options)
        if path is None:
            self.write_error(
                not_found(name).message,
                "Modules_ModuleNotFound",
                "ResourceUnavailable",
                name,
                "System.IO.FileNotFoundException",
            )
            return None
        existing = loaded(self.ctx, path)
        if existing is not None and not self.Force:
            return self._finish(existing, options)
        if existing is not None:
            remove(self.ctx, existing)
        try:
            module = load_module(self.ctx, path, options)
        except PSError as exc:
            if exc.fully_qualified_error_id.startswith(("Modules_", "FormatXml")):
                self.throw_terminating(
                    exc.message, exc.fully_qualified_error_id, exc.category or "InvalidOperation", name
                )
            raise
        wanted = required or self.RequiredVersion or self.MinimumVersion
        if wanted is not None and not self._version_ok(module, wanted, exact=required or self.RequiredVersion):
            return None
        register(self.ctx, module)
        return self._finish(module, options)

    def _version_ok(self, module: PSModuleInfo, wanted, exact) -> bool:
        from pscompat.engine.modules.info import to_version

        want = to_version(wanted)
        if want is None:
            return True
        good = module.Version == want if exact else module.Version >= want
        if not good:
            self.write_error(
                f"The specified module '{module.Name}' with version '{want}' was not loaded because no valid "
                "module file was found in any module directory.",
                "Modules_ModuleWithVersionNotFound",
                "ResourceUnavailable",
                module.Name,
                "System.IO.FileNotFoundException",
            )
        return good

    def _finish(self, module: PSModuleInfo, options: ImportOptions) -> PSModuleInfo:
        if module not in self.ctx.modules:
            register(self.ctx, module)
        if self.AsCustomObject:
            return module
        module.Prefix = options.prefix
        imported = import_into(module, self._target(), options.prefix, options)
        self._check_names(module, imported)
        return module

    def _check_names(self, module: PSModuleInfo, imported: list[str]) -> None:
        """The unapproved-verb warning (PS: ModuleCmdletBase.cs ValidateCommandName,
        Modules.resx ImportingNonStandardVerb*)."""
        if self.DisableNameChecking:
            return
        unapproved = [n for n in imported if "-" in n and n.split("-", 1)[0].lower() not in APPROVED_VERBS]
        for name in unapproved:
            self.write_verbose(
                f"The '{name}' command in the {module.Name}' module was imported, but because its name does not "
                "include an approved verb, it might be difficult to find. For a list of approved verbs, type Get-Verb."
            )
        if unapproved:
            self.write_warning(
                f"The names of some imported commands from the module '{module.Name}' include unapproved verbs that "
                "might make them less discoverable. To find the commands with unapproved verbs, run the Import-Module "
                "command again with the Verbose parameter. For a list of approved verbs, type Get-Verb."
            )


def as_custom_object(ctx, module: PSModuleInfo):
    """-AsCustomObject: a PSCustomObject whose script methods are the exported functions and
    whose note properties are the exported variables."""
    from pscompat.values.objects.classes import PSObject
    from pscompat.values.objects.script_members import ScriptMethod, extend

    obj = PSObject()
    for name, value in module.variables.items():
        obj.set_property(name, value)
    extended = extend(obj)
    for name, info in module.functions.items():
        extended.add_member(ScriptMethod(name, info.function, ctx, module.scope))
    return extended


def available_modules(ctx, every_file: bool = False) -> list[PSModuleInfo]:
    """Get-Module -ListAvailable: every module folder of $env:PSModulePath, read, not run;
    `every_file` (-All): every .psd1 and .psm1 file under those folders."""
    out = []
    for folder in module_paths(ctx):
        try:
            entries = sorted(os.listdir(folder), key=str.lower)
        except OSError:
            continue
        for entry in entries:
            if every_file:
                for base, _dirs, files in sorted(os.walk(os.path.join(folder, entry))):
                    for file in sorted(files):
                        if file.lower().endswith((".psd1", ".psm1")):
                            path = os.path.join(base, file)
                            out.append(_listed(ctx, os.path.splitext(file)[0], path, exports_of))
                continue
            for path in _module_files(os.path.join(folder, entry), entry):
                out.append(_listed(ctx, entry, path, exports_of))
    if os.environ.get("PSModulePath") is None:  # the built-in modules' folder is on the default path only
        for name in builtin_module_names():
            module = builtin_module(ctx, name)
            if module is not None:
                out.append(module)
    return out


def _module_files(folder: str, name: str) -> list[str]:
    """Every module file of a module folder: Name.psd1|psm1 itself, and one per version folder,
    highest version first (Get-Module -ListAvailable lists each version)."""
    if not os.path.isdir(folder):
        return []
    from pscompat.engine.modules.info import to_version

    files = []
    for ext in (".psd1", ".psm1"):
        if os.path.isfile(os.path.join(folder, name + ext)):
            files.append(os.path.join(folder, name + ext))
            break
    versions = []
    for entry in os.listdir(folder):
        version = to_version(entry) if entry[:1].isdigit() else None
        if version is not None and os.path.isdir(os.path.join(folder, entry)):
            found = module_file_in(os.path.join(folder, entry), name)
            if found is not None:
                versions.append((version, found))
    return files + [f for _v, f in sorted(versions, key=lambda v: v[0], reverse=True)]


def _listed(ctx, name: str, path: str, exports_of) -> PSModuleInfo:
    from pscompat.engine.modules.info import to_version
    from pscompat.engine.modules.manifest import read_data_file

    module = PSModuleInfo(name, path, ctx, "Manifest" if path.lower().endswith(".psd1") else "Script")
    if path.lower().endswith(".psd1"):
        try:
            data = read_data_file(path, ctx, "manifest")
        except PSError:
            data = None
        if isinstance(data, dict):
            folded = {str(k).lower(): v for k, v in data.items()}
            module.Version = to_version(folded.get("moduleversion") or "0.0") or module.Version
            module.Description = str(folded.get("description") or "")
            editions = folded.get("compatiblepseditions")
            module.CompatiblePSEditions = [str(e) for e in _names(editions)]
            root = folded.get("rootmodule") or folded.get("moduletoprocess")
            if root and str(root).lower().endswith(".psm1"):
                module.ModuleType = "Script"
    for command in sorted(exports_of(path, ctx)):
        module.functions[command] = command
    return module


@cmdlet(
    "Get-Module",
    aliases=("gmo",),
    module="Microsoft.PowerShell.Core",
    synopsis="List the modules imported in the current session or that can be imported from the PSModulePath.",
)
class GetModule(Cmdlet):
    parameters = (
        Parameter("Name", "string[]", position=0, pipeline=True),
        Parameter("FullyQualifiedName", "object[]"),
        Parameter("All", "switch"),
        Parameter("ListAvailable", "switch"),
        Parameter("Refresh", "switch"),
        Parameter("PSEdition", "string"),
        Parameter("SkipEditionCheck", "switch"),
    )

    def process(self):
        modules = available_modules(self.ctx, bool(self.All)) if self.ListAvailable else list(self.ctx.modules)
        if not self.All and not self.ListAvailable:
            nested = {id(n) for m in modules for n in m.NestedModules}
            modules = [m for m in modules if id(m) not in nested]
        patterns = [str(n) for n in _names(self.Name)]
        if patterns:
            modules = [m for m in modules if any(_matches(p, m) for p in patterns)]
        if self.PSEdition:  # the CompatiblePSEditions a manifest lists (Get-Module.Tests.ps1 "PSEdition")
            wanted = str(self.PSEdition).lower()
            modules = [m for m in modules if wanted in [e.lower() for e in m.CompatiblePSEditions]]
        specs = [s for s in _names(self.FullyQualifiedName) if s is not None]
        if specs:
            modules = [m for m in modules if any(_meets(spec, m) for spec in specs)]
        # loaded modules come ordered by name (PS: ModuleIntrinsics.GetModules, OrderBy Name)
        return modules if self.ListAvailable else sorted(modules, key=lambda m: m.Name.lower())


def _matches(pattern: str, module: PSModuleInfo) -> bool:
    if wildcard_match(pattern, module.Name):
        return True
    if not module.Path or not ("/" in pattern or "\\" in pattern):
        return False
    full = os.path.normpath(os.path.abspath(pattern.replace("\\", "/") if os.sep == "/" else pattern))
    # a module file, its folder, or the folder above its version folder
    candidates = (module.Path, module.ModuleBase, os.path.dirname(module.ModuleBase))
    return any(wildcard_match(full, candidate) for candidate in candidates)


def _meets(spec, module: PSModuleInfo) -> bool:
    """A -FullyQualifiedName entry: a name (or @{ModuleName=...; ModuleVersion / RequiredVersion /
    MaximumVersion}) the module matches."""
    from pscompat.engine.modules.info import to_version

    if not isinstance(spec, dict):
        return _matches(str(spec), module)
    folded = {str(k).lower(): v for k, v in spec.items()}
    if not _matches(str(folded.get("modulename") or ""), module):
        return False
    for key, ok in (
        ("moduleversion", lambda want: module.Version >= want),
        ("requiredversion", lambda want: module.Version == want),
        ("maximumversion", lambda want: module.Version <= want),
    ):
        want = to_version(folded[key]) if folded.get(key) else None
        if want is not None and not ok(want):
            return False
    return True


@cmdlet(
    "Remove-Module",
    aliases=("rmo",),
    module="Microsoft.PowerShell.Core",
    default_set="name",
    supports_should_process=True,
    synopsis="Removes modules from the current session.",
)
class RemoveModule(Cmdlet):
    parameters = (
        Parameter("Name", "string[]", position=0, mandatory=True, pipeline=True, sets=("name",)),
        Parameter("ModuleInfo", "psmoduleinfo[]", position=0, mandatory=True, pipeline=True, sets=("ModuleInfo",)),
        Parameter("FullyQualifiedName", "object[]", mandatory=True, sets=("FullyQualifiedName",)),
        Parameter("Force", "switch"),
    )

    def process(self):
        if self.parameter_set == "ModuleInfo":
            found = [m for m in _names(self.ModuleInfo) if m in self.ctx.modules]
        else:
            found = []
            for pattern in _names(self.Name if self.parameter_set == "name" else self.FullyQualifiedName):
                text = str(pattern.get("ModuleName", "")) if isinstance(pattern, dict) else str(pattern)
                matched = [m for m in self.ctx.modules if _matches(text, m)]
                if not matched and not any(c in text for c in "*?["):
                    self.write_error(
                        "No modules were removed. Verify that the specification of modules to remove is correct "
                        "and those modules exist in the runspace.",
                        "Modules_NoModulesRemoved",
                        "ResourceUnavailable",
                        text,
                        "System.InvalidOperationException",
                    )
                found.extend(m for m in matched if m not in found)
        for module in found:
            if self.should_process(module.Name, "Remove-Module"):
                remove(self.ctx, module)


__all__ = ["as_custom_object", "available_modules"]
