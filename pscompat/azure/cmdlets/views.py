"""Default display of the classic module's objects, as data, registered with the engine.

The module's format.ps1xml (S10) has views for PersistentVMRoleListContext (a ServiceName | Name |
Status table) and others, but none for OSImageContext, VMImageContext or
ManagementOperationContext (docs/azure-classic-api.md §2.5): those fall back to PowerShell's rule (more than four properties:
a list of all of them in declared order; up to four: a table), which the formatter applies itself.
"""

from __future__ import annotations

from pscompat.azure.models import ALL_MODELS, NS

# type name -> (kind, properties).  Only views the classic module really had.
VIEWS = {
    NS + "PersistentVMRoleListContext": ("table", ("ServiceName", "Name", "Status")),
}


def register() -> None:
    """Tell the engine our views and make our type names resolvable (`-is [..OSImageContext]`).
    Either engine module may be missing while the project is assembled; the data stays here."""
    try:
        from pscompat.format.views import register_view
    except ImportError:
        register_view = None
    if register_view is not None:
        for type_name, (kind, properties) in VIEWS.items():
            register_view(type_name, kind, properties)
    try:
        from pscompat.values.dotnet.typenames import register_type
    except ImportError:
        return
    for model in ALL_MODELS:
        for type_name in model.PS_TYPE_NAMES[:-1]:
            register_type(type_name)
