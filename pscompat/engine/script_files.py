"""What a script file sees about itself and demands of the session: `$PSScriptRoot`,
`$PSCommandPath` (about_Automatic_Variables) and the `#Requires` statements checked before it
runs (about_Requires; PS: engine/CommandDiscovery.cs VerifyPSVersion, VerifyPSEdition,
VerifyElevatedPrivileges; messages from DiscoveryExceptions.resx)."""

from __future__ import annotations

import os
import re

from pscompat.errors import PSError

PS_VERSION = (7, 4)  # the PowerShell version pscompat follows ($PSVersionTable.PSVersion)
PS_EDITION = "Core"

# `#Requires -Version 5.1`, `#requires -PSEdition Core`, `#Requires -RunAsAdministrator`: a
# comment line of its own (about_Requires: "must be the first item on a line").
_REQUIRES = re.compile(r"^[ \t]*#requires[ \t]+(?P<args>[^\r\n]*)", re.I | re.M)
_PARAM = re.compile(r"-(?P<name>\w+)(?:[ \t]+(?P<value>(?!-)[^ \t]+(?:[ \t]*,[ \t]*[^ \t,]+)*))?")


def set_script_variables(scope, path: str) -> None:
    """`$PSScriptRoot` and `$PSCommandPath` of the script file `path`, in the scope it runs in."""
    full = os.path.abspath(path)
    scope.vars["psscriptroot"] = os.path.dirname(full)
    scope.vars["pscommandpath"] = full


def check_requires(text: str, path: str, ctx=None) -> None:
    """Raise PowerShell's error for the first `#Requires` this session does not meet."""
    if "requires" not in text.lower():
        return
    name = os.path.basename(path)
    for line in _REQUIRES.finditer(text):
        if ctx is not None and ctx.module_hooks is not None and re.search(r"-modules\b", line["args"], re.I):
            ctx.module_hooks[2](ctx, name, line["args"])
        for param in _PARAM.finditer(line["args"]):
            key = param["name"].lower()
            value = (param["value"] or "").strip()
            if key == "version":
                _check_version(name, value)
            elif key == "psedition":
                _check_edition(name, value)
            elif key == "runasadministrator":
                _check_elevation(name)


def _check_version(name: str, value: str) -> None:
    parts = [int(p) for p in re.findall(r"\d+", value)[:2]] or [0]
    wanted = (parts[0], parts[1] if len(parts) > 1 else 0)
    if wanted <= PS_VERSION:
        return
    shown = ".".join(str(p) for p in wanted)
    raise PSError(
        f"The script '{name}' cannot be run because it contained a \"#requires\" statement for PowerShell "
        f"{shown}. The version of PowerShell that is required by the script does not match the currently "
        f"running version of PowerShell {PS_VERSION[0]}.{PS_VERSION[1]}.0.",
        "ScriptRequiresUnmatchedPSVersion",
        category="ResourceUnavailable",
        exception_type="System.Management.Automation.ScriptRequiresException",
        target=name,
    )


def _check_edition(name: str, value: str) -> None:
    editions = [e.strip() for e in value.split(",") if e.strip()]
    if not editions or any(e.lower() == PS_EDITION.lower() for e in editions):
        return
    raise PSError(
        f"The script '{name}' cannot be run because it contained a \"#requires\" statement for PowerShell "
        f"editions '{','.join(editions)}'. The edition of PowerShell that is required by the script does not "
        f"match the currently running PowerShell {PS_EDITION} edition.",
        "ScriptRequiresUnmatchedPSEdition",
        target=name,
    )


def _check_elevation(name: str) -> None:
    geteuid = getattr(os, "geteuid", None)
    if geteuid is not None and geteuid() == 0:
        return
    raise PSError(
        f"The script '{name}' cannot be run because it contains a \"#requires\" statement for running as "
        "Administrator. The current PowerShell session is not running as Administrator. Start PowerShell by "
        "using the Run as Administrator option, and then try running the script again.",
        "ScriptRequiresElevation",
        category="PermissionDenied",
        exception_type="System.Management.Automation.ScriptRequiresException",
        target=name,
    )
