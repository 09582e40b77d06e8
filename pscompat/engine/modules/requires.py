"""`#Requires -Modules A, @{ModuleName='B'; ModuleVersion='1.0'}`: each module must be loaded or
importable (then it is imported), else the script does not run (about_Requires; PS:
engine/CommandDiscovery.cs VerifyRequiredModules, engine/Modules/ModuleSpecification.cs
GetRequiredModuleNotFoundVersionMessage; messages from DiscoveryExceptions.resx
RequiresMissingModules and Modules.resx RequiredModuleNotFound*)."""

from __future__ import annotations

import os
import re
from typing import Any

from pscompat.errors import PSError

_ARGS = re.compile(r"-modules\s+(?P<list>.*?)(?=\s+-\w+\s|\s*$)", re.I)
_SPEC = re.compile(r"@\{(?P<body>[^}]*)\}|(?P<quoted>'[^']*'|\"[^\"]*\")|(?P<name>[^,\s]+)")
_FIELD = re.compile(r"(?P<key>\w+)\s*=\s*(?:'(?P<q1>[^']*)'|\"(?P<q2>[^\"]*)\"|(?P<bare>[^;\s]+))", re.I)


def _specs(text: str) -> list[dict[str, str]]:
    out = []
    for spec in _SPEC.finditer(text):
        if spec["body"] is not None:
            fields = {m["key"].lower(): m["q1"] or m["q2"] or m["bare"] or "" for m in _FIELD.finditer(spec["body"])}
            if fields.get("modulename"):
                out.append(fields)
        else:
            name = (spec["quoted"] or spec["name"] or "").strip("'\"")
            if name:
                out.append({"modulename": name})
    return out


def _not_found_text(spec: dict[str, str]) -> str:
    name = spec["modulename"]
    if spec.get("requiredversion"):
        return f"The module '{name}' cannot be found with RequiredVersion '{spec['requiredversion']}'."
    version, maximum = spec.get("moduleversion"), spec.get("maximumversion")
    if version and maximum:
        return f"The module '{name}' cannot be found with ModuleVersion '{version}' and MaximumVersion '{maximum}'."
    if version:
        return f"The module '{name}' cannot be found with ModuleVersion '{version}'."
    if maximum:
        return f"The module '{name}' cannot be found with MaximumVersion '{maximum}'."
    return f"The module '{name}' cannot be found."


def _version_ok(module: Any, spec: dict[str, str]) -> bool:
    from pscompat.engine.modules.info import to_version

    have = module.Version
    for key, test in (
        ("requiredversion", lambda want: have == want),
        ("moduleversion", lambda want: have >= want),
        ("maximumversion", lambda want: have <= want),
    ):
        want = to_version(spec[key]) if spec.get(key) else None
        if want is not None and not test(want):
            return False
    return True


def _is(module: Any, name: str) -> bool:
    if module.Name.lower() == name.lower():
        return True
    if not looks_like_a_path(name) or not module.Path:
        return False
    full = os.path.normcase(os.path.abspath(name.replace("\\", "/") if os.sep == "/" else name)).rstrip("/\\")
    return full in (os.path.normcase(module.Path), os.path.normcase(module.ModuleBase))


def looks_like_a_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.lower().endswith((".psd1", ".psm1"))


def check_required_modules(ctx: Any, script: str, args: str) -> None:
    from pscompat.engine.commands import REGISTRY
    from pscompat.engine.modules.loader import ImportOptions, find_module, import_into, load_module, loaded, register

    found = _ARGS.search(args)
    if found is None:
        return
    builtin = {info.module.lower() for info in REGISTRY.all()}  # Microsoft.PowerShell.Utility, Pester...
    missing = []
    for spec in _specs(found["list"]):
        name = spec["modulename"]
        if name.lower() in builtin:
            continue
        present = next((m for m in ctx.modules if _is(m, name)), None)
        if present is None:
            path = find_module(ctx, name, os.getcwd())
            if path is not None:
                present = loaded(ctx, path)
                if present is None:
                    present = load_module(ctx, path, ImportOptions())
                    register(ctx, present)
                    import_into(present, ctx.global_scope, "")
        if present is None or not _version_ok(present, spec):
            missing.append(_not_found_text(spec))
    if missing:
        raise PSError(
            f"The script '{script}' cannot be run because the following modules that are specified by the "
            f'"#requires" statements of the script are missing: {", ".join(missing)}.',
            "ScriptRequiresMissingModules",
            category="ResourceUnavailable",
            exception_type="System.Management.Automation.ScriptRequiresException",
            target=script,
        )
