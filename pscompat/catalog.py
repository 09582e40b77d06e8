"""The built-in commands: every module that declares cmdlets, imported by name in code.

The engine's registry knows no cmdlet module; this module, above the cmdlets and the Azure
module in the layer order, hands it the function that imports them on first lookup.  Plain
imports mean a renamed or missing module fails at once instead of leaving its cmdlets unknown.
"""

from __future__ import annotations

from pscompat.engine import powershell_api  # noqa: F401  (registers [powershell]::Create(), runspaces)
from pscompat.engine.ast_api import parser as _ast_parser  # noqa: F401  (registers [Parser]::ParseInput, [PSParser])
from pscompat.engine.commands import REGISTRY


def load_builtin_commands() -> None:
    """Import every module whose classes declare cmdlets; each registers itself on import."""
    from pscompat.azure.cmdlets import accounts, imageconfig, images, service, vm, vmconfig  # noqa: F401
    from pscompat.cmdlets import (  # noqa: F401
        add_type,
        aliases,
        core,
        dates,
        debugging,
        help,
        history,
        host,
        html,
        item_properties,
        items,
        random_numbers,
        resolve_path,
        security,
        session,
        strict_mode,
        strings,
        system_info,
        text,
        timing,
        utility,
        variables,
        verbs,
        web,
    )
    from pscompat.cmdlets.data import archive, clixml_cmdlets, csv, file_hash, files, json, json_schema  # noqa: F401
    from pscompat.cmdlets.jobs import manage as job_manage  # noqa: F401
    from pscompat.cmdlets.jobs import parallel as job_parallel  # noqa: F401
    from pscompat.cmdlets.jobs import start as job_start  # noqa: F401
    from pscompat.cmdlets.modules import dynamic, importing, manifests  # noqa: F401
    from pscompat.cmdlets.objects import group, measure, member, misc, select, sort, where  # noqa: F401
    from pscompat.cmdlets.output import formatting, gridview, write  # noqa: F401
    from pscompat.cmdlets.pester import blocks, mocks, runner, should  # noqa: F401
    from pscompat.cmdlets.process import commands, start  # noqa: F401


REGISTRY.loader = load_builtin_commands
