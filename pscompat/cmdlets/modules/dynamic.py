"""New-Module (dynamic modules), Export-ModuleMember and Import-PowerShellDataFile (Docs:
Microsoft.PowerShell.Core/New-Module.md, Export-ModuleMember.md,
Microsoft.PowerShell.Utility/Import-PowerShellDataFile.md)."""

from __future__ import annotations

import uuid

from pscompat.cmdlets.modules.importing import as_custom_object
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.engine.modules.info import PSModuleInfo
from pscompat.engine.modules.loader import finish_exports, import_into, run_module_body


def _list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, (list, tuple)) else [value])]


@cmdlet(
    "New-Module",
    aliases=("nmo",),
    module="Microsoft.PowerShell.Core",
    default_set="ScriptBlock",
    synopsis="Creates a new dynamic module that exists only in memory.",
)
class NewModule(Cmdlet):
    parameters = (
        Parameter("Name", "string", position=0, mandatory=True, sets=("Name",)),
        Parameter(
            "ScriptBlock",
            "scriptblock",
            position=0,
            mandatory=True,
            sets=("ScriptBlock", "Name"),
            positions={"Name": 1},
        ),
        Parameter("Function", "string[]"),
        Parameter("Cmdlet", "string[]"),
        Parameter("ReturnResult", "switch"),
        Parameter("AsCustomObject", "switch"),
        Parameter("ArgumentList", "object[]", aliases=("Args",), remaining=True),
    )

    def process(self):
        block = self.ScriptBlock
        name = self.Name
        module = PSModuleInfo(str(name or f"__DynamicModule_{uuid.uuid4()}"), "", self.ctx, "Script")
        module.ModuleBase = self.ctx.cwd
        out = run_module_body(module, block.bound_to(module), tuple(self.ArgumentList or ()))
        finish_exports(module)
        if self.Function is not None:
            from pscompat.values.operators.patterns import wildcard_match

            patterns = _list(self.Function)
            for key in [k for k in module.functions if not any(wildcard_match(p, k) for p in patterns)]:
                del module.functions[key]
        if self.ReturnResult:
            return out
        if self.AsCustomObject:
            return [as_custom_object(self.ctx, module)]
        # a dynamic module's commands are imported (globally) but it is not listed by Get-Module
        # until it is piped to Import-Module (New-Module.md)
        import_into(module, self.ctx.global_scope, "")
        return [module]


@cmdlet(
    "Export-ModuleMember",
    module="Microsoft.PowerShell.Core",
    synopsis="Specifies the module members that are exported.",
)
class ExportModuleMember(Cmdlet):
    parameters = (
        Parameter("Function", "string[]", position=0, pipeline=True, pipeline_by_name=True),
        Parameter("Cmdlet", "string[]", pipeline_by_name=True),
        Parameter("Variable", "string[]", pipeline_by_name=True),
        Parameter("Alias", "string[]", pipeline_by_name=True),
    )

    def process(self):
        module = self.runtime.scope.module
        if module is None:
            # PS: Modules.resx CanOnlyBeUsedFromWithinAModule
            self.throw_terminating(
                "The Export-ModuleMember cmdlet can only be called from inside a module.",
                "Modules_CanOnlyExecuteExportModuleMemberInsideAModule",
                "PermissionDenied",
                exception_type="System.InvalidOperationException",
            )
        for attr, param in (
            ("export_functions", "Function"),
            ("export_cmdlets", "Cmdlet"),
            ("export_variables", "Variable"),
            ("export_aliases", "Alias"),
        ):
            current = getattr(module, attr)
            if current is None:
                current = []
                setattr(module, attr, current)
            if param in self.bound:
                current.extend(_list(self.bound[param]))


@cmdlet(
    "Import-PowerShellDataFile",
    module="Microsoft.PowerShell.Utility",
    synopsis="Imports values from a .PSD1 file without invoking its contents.",
)
class ImportPowerShellDataFile(Cmdlet):
    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True, sets=("ByPath",)),
        Parameter("LiteralPath", "string[]", mandatory=True, sets=("ByLiteralPath",), aliases=("PSPath", "LP")),
        Parameter("SkipLimitCheck", "switch"),
    )

    def process(self):
        import os

        from pscompat.engine.modules.manifest import read_data_file

        for path in _list(self.Path if self.parameter_set == "ByPath" else self.LiteralPath):
            full = path if os.path.isabs(path) else os.path.join(self.ctx.cwd, path)
            if not os.path.isfile(full):
                self.write_error(
                    f"Cannot find path '{full}' because it does not exist.",
                    "PathNotFound",
                    "ObjectNotFound",
                    path,
                    "System.Management.Automation.ItemNotFoundException",
                )
                continue
            yield read_data_file(full, self.ctx, "data")
