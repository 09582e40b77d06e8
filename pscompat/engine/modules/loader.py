"""Finding and loading modules: script modules (`.psm1`), manifests (`.psd1`), by path or by
name through `$env:PSModulePath` (Name/Name.psd1|psm1, or Name/<version>/...), and the exports
a caller sees (about_Modules, about_PSModulePath; PS: engine/Modules/ModuleCmdletBase.cs,
ModuleIntrinsics.cs).  Messages from PS: resources/Modules.resx."""

from __future__ import annotations

import os
from typing import Any

from pscompat.engine.modules.info import PSModuleInfo, to_version
from pscompat.engine.modules.manifest import read_data_file
from pscompat.engine.scope import Scope
from pscompat.errors import PSError
from pscompat.values.objects.classes import Hashtable

MODULE_EXTENSIONS = (".psd1", ".psm1", ".ps1")
IMPORT_ID = "Microsoft.PowerShell.Commands.ImportModuleCommand"


class ImportOptions:
    """What Import-Module was asked (the parameters that change loading, not finding)."""

    def __init__(self, **kw: Any) -> None:
        self.force = bool(kw.get("force"))
        self.prefix = str(kw.get("prefix") or "")
        self.args: tuple = tuple(kw.get("args") or ())
        self.functions: list[str] | None = kw.get("functions")
        self.variables: list[str] | None = kw.get("variables")
        self.aliases: list[str] | None = kw.get("aliases")
        self.cmdlets: list[str] | None = kw.get("cmdlets")
        self.required_version: Any = kw.get("required_version")
        self.minimum_version: Any = kw.get("minimum_version")
        self.maximum_version: Any = kw.get("maximum_version")


def module_paths(ctx: Any) -> list[str]:
    """$env:PSModulePath's folders (about_PSModulePath: PowerShell's defaults when unset)."""
    value = os.environ.get("PSModulePath")
    if value is None:
        home = os.path.expanduser("~")
        value = os.pathsep.join(
            (
                os.path.join(home, ".local", "share", "powershell", "Modules"),
                "/usr/local/share/powershell/Modules",
            )
        )
    return [p for p in value.split(os.pathsep) if p]


def looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.lower().endswith(MODULE_EXTENSIONS) or name.startswith(".")


def module_file_in(folder: str, name: str | None = None) -> str | None:
    """The module file of a module folder: Name.psd1, else Name.psm1 (highest version folder)."""
    name = name or os.path.basename(os.path.normpath(folder))
    for ext in (".psd1", ".psm1", ".dll"):
        candidate = os.path.join(folder, name + ext)
        if os.path.isfile(candidate):
            return candidate
    versions = []
    try:
        entries = os.listdir(folder)
    except OSError:
        return None
    for entry in entries:
        version = to_version(entry) if entry[:1].isdigit() else None
        if version is not None and os.path.isdir(os.path.join(folder, entry)):
            versions.append((version, entry))
    for _version, entry in sorted(versions, key=lambda v: v[0], reverse=True):
        found = module_file_in(os.path.join(folder, entry), name)
        if found is not None:
            return found
    return None


def find_module(ctx: Any, name: str, cwd: str) -> str | None:
    """The file a module name or path stands for, or None."""
    if looks_like_path(name) or os.path.isabs(name):
        path = name if os.path.isabs(name) else os.path.join(cwd, name)
        path = os.path.normpath(path.replace("\\", "/") if os.sep == "/" else path)
        if os.path.isdir(path):
            return module_file_in(path)
        if os.path.isfile(path):
            return path
        for ext in (".psd1", ".psm1"):
            if os.path.isfile(path + ext):
                return path + ext
        return None
    for folder in module_paths(ctx):
        candidate = os.path.join(folder, name)
        if os.path.isdir(candidate):
            found = module_file_in(candidate, name)
            if found is not None:
                return found
        else:  # the folder's name may differ in case from the module's name
            try:
                entries = os.listdir(folder)
            except OSError:
                continue
            for entry in entries:
                if entry.lower() == name.lower() and os.path.isdir(os.path.join(folder, entry)):
                    found = module_file_in(os.path.join(folder, entry), entry)
                    if found is not None:
                        return found
    return None


def builtin_module(ctx: Any, name: str) -> PSModuleInfo | None:
    """A module whose cmdlets pscompat has built in (Microsoft.PowerShell.Utility, Pester...):
    importing it loads nothing, but Get-Module then lists it with its cmdlets."""
    from pscompat.engine.commands import REGISTRY
    from pscompat.engine.modules.info import to_version

    cmdlets = {info.name: info for info in REGISTRY.all() if info.module.lower() == name.lower()}
    if not cmdlets:
        return None
    module_name = next(iter(cmdlets.values())).module
    module = PSModuleInfo(module_name, "", ctx, "Manifest")
    module.Version = to_version("7.0.0.0") or module.Version
    module.cmdlets = cmdlets
    return module


def builtin_module_names() -> list[str]:
    from pscompat.engine.commands import REGISTRY

    return sorted({info.module for info in REGISTRY.all() if info.module}, key=str.lower)


def not_found(name: str) -> PSError:
    return PSError(
        f"The specified module '{name}' was not loaded because no valid module file was found in any module directory.",
        f"Modules_ModuleNotFound,{IMPORT_ID}",
        category="ResourceUnavailable",
        exception_type="System.IO.FileNotFoundException",
        target=name,
    )


def loaded(ctx: Any, path: str) -> PSModuleInfo | None:
    for module in ctx.modules:
        if module.Path == path:
            return module
    return None


def load_module(ctx: Any, path: str, options: ImportOptions, name: str | None = None) -> PSModuleInfo:
    """Load the module file `path` (not yet imported anywhere): its module object."""
    ext = os.path.splitext(path)[1].lower()
    base_name = name or os.path.splitext(os.path.basename(path))[0]
    if ext == ".psd1":
        return _load_manifest(ctx, path, options, base_name)
    if ext in (".psm1", ".ps1"):
        module = PSModuleInfo(base_name, path, ctx, "Script")
        _run_script_module(module, path, options.args)
        finish_exports(module)
        return module
    raise PSError(
        f"Could not load file or assembly '{path}'. pscompat loads script modules and manifests only.",
        f"FormatXmlUpdateException,{IMPORT_ID}",
        category="InvalidOperation",
        target=path,
    )


def _run_script_module(module: PSModuleInfo, path: str, args: tuple) -> None:
    from pscompat.engine.script_files import check_requires
    from pscompat.engine.scriptblock import ScriptBlockValue
    from pscompat.source import Source, read_script
    from pscompat.syntax.grammar import parse_cached

    text = read_script(path)
    check_requires(text, path, module.ctx)
    block = ScriptBlockValue(parse_cached(text, path), Source(text, path)).bound_to(module)
    run_module_body(module, block, args)


def run_module_body(module: PSModuleInfo, block: Any, args: tuple) -> list:
    """The module's code, run in the module's own scope; its param() takes -ArgumentList."""
    from pscompat.errors import ExitFlow, ReturnFlow

    scope = module.scope
    cb = block.compiled
    scope.vars["args"] = list(args[len(cb.decls) :])
    for i, d in enumerate(cb.decls):
        key = d.name.lower()
        scope.vars[key] = args[i] if i < len(args) else (cb.defaults[key](scope) if key in cb.defaults else None)
    aliases_before = dict(module.ctx.aliases)
    out: list = []
    try:
        if cb.expr is not None:
            out.append(cb.expr(scope))
        else:
            for part in (cb.begin, cb.process, cb.end):
                if part is not None:
                    try:
                        part(scope, out.append)
                    except ReturnFlow:
                        pass
    except ExitFlow:
        pass
    module.defined_aliases = [name for name, target in module.ctx.aliases.items() if aliases_before.get(name) != target]
    return out


def _load_manifest(ctx: Any, path: str, options: ImportOptions, name: str) -> PSModuleInfo:
    data = read_data_file(path, ctx, "manifest")
    if not isinstance(data, dict):
        raise PSError(
            f"The module manifest '{path}' could not be processed because it is not a valid PowerShell module "
            "manifest file. Remove the elements that are not permitted: "
            f"{path}",
            f"Modules_InvalidManifest,{IMPORT_ID}",
            category="InvalidOperation",
            target=path,
        )
    manifest = data if isinstance(data, Hashtable) else Hashtable(data)
    version = manifest.get("ModuleVersion") if "ModuleVersion" in manifest else None
    if version is None:
        raise PSError(
            "The member 'ModuleVersion' is not present in the module manifest. This member must exist and be "
            f"assigned a version number of the form 'n.n.n.n'. Add the missing member to the file '{path}'.",
            f"Modules_InvalidManifest,{IMPORT_ID}",
            category="ResourceUnavailable",
            target=path,
        )
    _check_powershell_version(manifest, name)
    required_modules = [_require(ctx, required, path) for required in _as_list(manifest.get("RequiredModules"))]
    root = manifest.get("RootModule") or manifest.get("ModuleToProcess") or ""
    _run_scripts_to_process(ctx, manifest, os.path.dirname(path))
    module = PSModuleInfo(name, path, ctx, "Manifest")
    module.RequiredModules = required_modules
    module.manifest = manifest
    module.Version = to_version(version) or module.Version
    module.Description = str(manifest.get("Description") or "")
    module.Author = str(manifest.get("Author") or "")
    module.CompanyName = str(manifest.get("CompanyName") or "")
    module.Copyright = str(manifest.get("Copyright") or "")
    module.Guid = str(manifest.get("GUID") or module.Guid)
    module.PrivateData = manifest.get("PrivateData")
    module.PowerShellVersion = to_version(manifest["PowerShellVersion"]) if manifest.get("PowerShellVersion") else None
    module.RootModule = str(root)
    base = os.path.dirname(path)
    for nested in _as_list(manifest.get("NestedModules")):
        nested_path = find_module(ctx, str(nested), base)
        if nested_path is None:
            raise _nested_missing(str(nested), "NestedModules", path)
        inner = load_module(ctx, nested_path, ImportOptions())
        module.NestedModules.append(inner)
        import_into(inner, module.scope, "")
        module.functions.update(inner.functions)
        module.variables.update(inner.variables)
        module.aliases.update(inner.aliases)
    if root:
        root_path = find_module(ctx, str(root), base)
        if root_path is None:
            raise _nested_missing(str(root), "RootModule", path)
        if root_path.lower().endswith((".psm1", ".ps1")):
            module.ModuleType = "Script"
            _run_script_module(module, root_path, options.args)
            finish_exports(module)
        else:
            inner = load_module(ctx, root_path, options)
            module.functions.update(inner.functions)
            module.variables.update(inner.variables)
            module.aliases.update(inner.aliases)
    _apply_manifest_filters(module, manifest)
    return module


def _run_scripts_to_process(ctx: Any, manifest: Hashtable, base: str) -> None:
    """ScriptsToProcess: each script runs in the caller's session state before the module loads
    (about_Module_Manifests)."""
    from pscompat.engine.scriptblock import ScriptBlockValue
    from pscompat.source import Source, read_script
    from pscompat.syntax.grammar import parse_cached

    for script in _as_list(manifest.get("ScriptsToProcess")):
        script_path = os.path.join(base, str(script).replace("\\", "/"))
        if os.path.isfile(script_path):
            text = read_script(script_path)
            block = ScriptBlockValue(parse_cached(text, script_path), Source(text, script_path))
            ctx.invoke_block(block, (), None, False, ctx.global_scope)


def _apply_manifest_filters(module: PSModuleInfo, manifest: Hashtable) -> None:
    """FunctionsToExport / VariablesToExport / AliasesToExport / CmdletsToExport (wildcards)
    narrow what the root and nested modules export."""
    from pscompat.values.operators.patterns import wildcard_match

    for key, exported in (
        ("FunctionsToExport", module.functions),
        ("VariablesToExport", module.variables),
        ("AliasesToExport", module.aliases),
        ("CmdletsToExport", module.cmdlets),
    ):
        if key not in manifest or manifest[key] is None:
            continue
        patterns = [str(p) for p in _as_list(manifest[key])]
        for name in list(exported):
            if not any(wildcard_match(p, name) for p in patterns):
                del exported[name]


def _as_list(value: Any) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _nested_missing(name: str, field: str, path: str) -> PSError:
    return PSError(
        f"The module to process '{name}', listed in field '{field}' of module manifest '{path}' was not processed "
        "because no valid module was found in any module directory.",
        f"Modules_ModuleFileNotFound,{IMPORT_ID}",
        category="ResourceUnavailable",
        target=name,
    )


def _check_powershell_version(manifest: Hashtable, name: str) -> None:
    from pscompat.engine.script_files import PS_VERSION

    wanted = to_version(manifest["PowerShellVersion"]) if manifest.get("PowerShellVersion") else None
    have = to_version(".".join(str(p) for p in PS_VERSION) + ".0")
    if wanted is not None and have is not None and wanted > have:
        raise PSError(
            f"The version of PowerShell on this computer is '{have}'. The module '{name}' requires a minimum "
            f"PowerShell version of '{wanted}' to run. Verify that you have the minimum required version of "
            "PowerShell installed, and then try again.",
            f"Modules_InsufficientPowerShellVersion,{IMPORT_ID}",
            category="ResourceUnavailable",
            target=name,
        )


def _require(ctx: Any, required: Any, path: str) -> PSModuleInfo:
    """A RequiredModules entry: loaded already, else imported (globally), else an error."""
    if isinstance(required, dict):
        spec = Hashtable(required) if not isinstance(required, Hashtable) else required
        name = str(spec.get("ModuleName") or "")
    else:
        name = str(required)
    for existing in ctx.modules:
        if existing.Name.lower() == name.lower():
            return existing
    found = find_module(ctx, name, os.path.dirname(path))
    if found is None:
        raise PSError(
            f"The required module '{name}' is not loaded. Load the module or remove the module from "
            f"'RequiredModules' in the file '{path}'.",
            f"Modules_RequiredModuleNotLoadedWithoutAutoLoading,{IMPORT_ID}",
            category="ResourceUnavailable",
            target=path,
        )
    existing_module = loaded(ctx, found)
    if existing_module is not None:
        return existing_module
    module = load_module(ctx, found, ImportOptions())
    register(ctx, module)
    import_into(module, ctx.global_scope, "")
    return module


def finish_exports(module: PSModuleInfo) -> None:
    """What a script module exports: what Export-ModuleMember named (wildcards), or without it
    every function and alias and no variable (about_Modules)."""
    from pscompat.values.operators.patterns import wildcard_match

    scope = module.scope
    functions = scope.functions or {}
    aliases = module.defined_aliases

    def pick(names: list[str] | None, pool: list[str]) -> list[str]:
        if names is None:
            return []
        return [p for p in pool if any(wildcard_match(str(n), p) for n in names)]

    if module.export_functions is None and module.export_variables is None and module.export_aliases is None:
        chosen_functions = list(functions)
        chosen_aliases = list(aliases)
        chosen_variables: list[str] = []
    else:
        chosen_functions = pick(module.export_functions, list(functions))
        chosen_aliases = pick(module.export_aliases, list(module.ctx.aliases))
        chosen_variables = pick(module.export_variables, [k for k in scope.vars if k not in _MODULE_AUTOMATIC])
    for key in chosen_functions:
        info = functions[key]
        module.functions[info.name] = info
    for key in chosen_variables:
        module.variables[scope.names.get(key, key) if scope.names else key] = scope.vars[key]
    for key in chosen_aliases:
        module.aliases[module.ctx.alias_details.get(key, (key,))[0]] = module.ctx.aliases[key]


_MODULE_AUTOMATIC = {"psscriptroot", "pscommandpath", "args", "_", "input", "myinvocation"}


def with_prefix(name: str, prefix: str) -> str:
    """-Prefix: Verb-Noun becomes Verb-PrefixNoun; a name without a verb gets the prefix first."""
    if not prefix:
        return name
    verb, dash, noun = name.partition("-")
    return f"{verb}-{prefix}{noun}" if dash else prefix + name


def import_into(module: PSModuleInfo, target: Scope, prefix: str, options: ImportOptions | None = None) -> list:
    """Copy the module's exports into `target` (a scope): its functions (the module-bound
    definitions), variables (their values now) and aliases.  Returns the imported names."""
    from pscompat.values.operators.patterns import wildcard_match

    def wanted(name: str, names: list[str] | None) -> bool:
        return names is None or any(wildcard_match(str(n), name) for n in names)

    ctx = module.ctx
    imported = []
    table = target.functions
    if table is None:
        table = target.functions = {}
    for name, info in module.functions.items():
        if options is not None and not wanted(name, options.functions):
            continue
        shown = with_prefix(name, prefix)
        if shown != name:
            from dataclasses import replace

            info = replace(info, name=shown)
        table[shown.lower()] = info
        imported.append(shown)
    for name, value in module.variables.items():
        if options is not None and not wanted(name, options.variables):
            continue
        ctx.set_variable(name, value, at=target)
    for name, aliased in module.aliases.items():
        if options is not None and not wanted(name, options.aliases):
            continue
        ctx.set_alias(with_prefix(name, prefix), aliased)
    return imported


def register(ctx: Any, module: PSModuleInfo) -> None:
    """Add to the session's loaded modules (Get-Module), replacing one of the same path."""
    ctx.modules[:] = [m for m in ctx.modules if not (m.Path and m.Path == module.Path and m.Name == module.Name)]
    ctx.modules.append(module)


def remove(ctx: Any, module: PSModuleInfo) -> None:
    """Remove-Module: its exported commands disappear from every scope that imported them, and
    its OnRemove script block runs."""
    if module.OnRemove is not None:
        ctx.invoke_block(module.OnRemove, (module,), None, True, module.scope)
    for nested in module.NestedModules:
        if nested in ctx.modules:
            remove(ctx, nested)
    owned = {module, *module.NestedModules}
    scopes = [ctx.global_scope] + [m.scope for m in ctx.modules]
    for scope in scopes:
        if scope.functions:
            for key in [k for k, info in scope.functions.items() if getattr(info.function, "module", None) in owned]:
                del scope.functions[key]
    for name in module.aliases:
        ctx.aliases.pop(name.lower(), None)
    if module in ctx.modules:
        ctx.modules.remove(module)
