"""`#Requires -Modules A, @{ModuleName='B'; ModuleVersion='1.0'}`: each module must be loaded or
importable (then it is imported), else the script does not run (about_Requires; PS:
engine/CommandDiscovery.cs, DiscoveryExceptions.resx RequiresMissingModules)."""

from __future__ import annotations

import os
import re
from typing import Any

from pscompat.errors import PSError

_ARGS = re.compile(r"-modules\s+(?P<list>.*?)(?=\s+-\w+\s|\s*$)", re.I)
_SPEC = re.compile(r"@\{(?P<body>[^}]*)\}|(?P<name>[^,\s]+)")
_NAME = re.compile(r"ModuleName\s*=\s*['\"]?(?P<name>[^'\";]+)", re.I)


def check_required_modules(ctx: Any, script: str, args: str) -> None:
    from pscompat.engine.modules.loader import ImportOptions, find_module, import_into, load_module, register

    found = _ARGS.search(args)
    if found is None:
        return
    from pscompat.engine.commands import REGISTRY

    builtin = {info.module.lower() for info in REGISTRY.all()}  # Microsoft.PowerShell.Utility, Pester...
    missing = []
    for spec in _SPEC.finditer(found["list"]):
        if spec["body"] is not None:
            named = _NAME.search(spec["body"])
            name = named["name"].strip() if named else ""
        else:
            name = spec["name"].strip("'\"")
        if not name or name.lower() in builtin or any(m.Name.lower() == name.lower() for m in ctx.modules):
            continue
        path = find_module(ctx, name, os.getcwd())
        if path is None:
            missing.append(name)
            continue
        module = load_module(ctx, path, ImportOptions())
        register(ctx, module)
        import_into(module, ctx.global_scope, "")
    if missing:
        raise PSError(
            f"The script '{script}' cannot be run because the following modules that are specified by the "
            f'"#requires" statements of the script are missing: {", ".join(missing)}.',
            "ScriptRequiresMissingModules",
            category="ResourceUnavailable",
            exception_type="System.Management.Automation.ScriptRequiresException",
            target=script,
        )
