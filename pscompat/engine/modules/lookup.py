"""Commands found through modules: `ModuleName\\Command` and auto-loading a module of
`$env:PSModulePath` when an unknown command is called (about_Modules, "Module
Auto-Loading"; `$PSModuleAutoLoadingPreference`: All, ModuleQualified or None)."""

from __future__ import annotations

import os
import re
from typing import Any

from pscompat.engine.commands import REGISTRY, ResolvedCommand
from pscompat.engine.modules.loader import (
    ImportOptions,
    find_module,
    import_into,
    load_module,
    module_file_in,
    module_paths,
    register,
)

# module file -> (mtime, lower-cased command names it would export), so a miss scans once
_EXPORTS: dict[str, tuple[tuple[int, int], frozenset]] = {}
_FUNCTION = re.compile(r"^\s*(?:function|filter)\s+(?:global:|script:)?([\w.-]+)", re.I | re.M)
_loading: set[str] = set()


def preference(ctx: Any, scope: Any) -> str:
    value = (scope or ctx.global_scope).lookup("psmoduleautoloadingpreference", None)
    return str(value).lower() if value is not None else "all"


def resolve_qualified(ctx: Any, name: str, scope: Any) -> ResolvedCommand | None:
    """`Microsoft.PowerShell.Utility\\Get-Date`, `MyModule\\f`: the command of that module only."""
    module_name, _, command = name.rpartition("\\")
    low = command.lower()
    info = REGISTRY.get(low)
    if info is not None and info.module.lower() == module_name.lower():
        return ResolvedCommand("cmdlet", info, info.name)
    module = next((m for m in reversed(ctx.modules) if m.Name.lower() == module_name.lower()), None)
    if module is None and preference(ctx, scope) != "none":
        module = _import_by_name(ctx, module_name)
    if module is None:
        return None
    for exported_name, found in module.functions.items():
        if exported_name.lower() == low:
            return ResolvedCommand("function", found.function, found.name)
    return None


def _import_by_name(ctx: Any, module_name: str):
    path = find_module(ctx, module_name, os.getcwd())
    if path is None or path in _loading:
        return None
    _loading.add(path)
    try:
        module = load_module(ctx, path, ImportOptions())
    finally:
        _loading.discard(path)
    register(ctx, module)
    import_into(module, ctx.global_scope, "")
    return module


def autoload(ctx: Any, name: str, scope: Any) -> bool:
    """Import the first module on PSModulePath that exports `name`; True when one was."""
    if "\\" in name or "/" in name or preference(ctx, scope) != "all":
        return False
    low = name.lower()
    for folder in module_paths(ctx):
        try:
            entries = sorted(os.listdir(folder))
        except OSError:
            continue
        for entry in entries:
            module_dir = os.path.join(folder, entry)
            if not os.path.isdir(module_dir):
                continue
            path = module_file_in(module_dir, entry)
            if path is None or path in _loading or any(m.Path == path for m in ctx.modules):
                continue
            if low in exports_of(path, ctx):
                return _import_by_name(ctx, path) is not None
    return False


def exports_of(path: str, ctx: Any = None) -> frozenset:
    """The command names a module file would export, read without running it: a manifest's
    FunctionsToExport/AliasesToExport (names without wildcards), else the functions its root or
    script module defines."""
    try:
        stat = os.stat(path)
        mtime = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        return frozenset()
    cached = _EXPORTS.get(path)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    names: set[str] = set()
    try:
        if path.lower().endswith(".psd1"):
            from pscompat.engine.modules.manifest import read_data_file

            data = read_data_file(path, ctx, "manifest")
            listed = []
            for key in ("FunctionsToExport", "AliasesToExport", "CmdletsToExport"):
                value = data.get(key) if isinstance(data, dict) else None
                listed += [str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v]
            names = {n.lower() for n in listed if "*" not in n and "?" not in n}
            root = data.get("RootModule") or data.get("ModuleToProcess") if isinstance(data, dict) else None
            if (not names or any("*" in n for n in listed)) and root:
                root_path = os.path.join(os.path.dirname(path), str(root))
                if os.path.isfile(root_path):
                    names |= exports_of(root_path, ctx)
        elif path.lower().endswith((".psm1", ".ps1")):
            with open(path, encoding="utf-8-sig", errors="replace") as fh:
                names = {m.group(1).lower() for m in _FUNCTION.finditer(fh.read())}
    except Exception:  # an unreadable module is skipped here; importing it by name reports why
        names = set()
    result = frozenset(names)
    _EXPORTS[path] = (mtime, result)
    return result


def _install() -> None:
    from pscompat.engine.context import ExecutionContext
    from pscompat.engine.modules.requires import check_required_modules

    ExecutionContext.module_hooks = (autoload, resolve_qualified, check_required_modules)


_install()
