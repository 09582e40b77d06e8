"""Existing VMs: Get-AzureVM, Stop-/Start-/Restart-AzureVM, Remove-AzureVM, Update-AzureVM (docs/azure-classic-api.md §1.7)."""

from __future__ import annotations

from pscompat.azure import models
from pscompat.azure.backends.base import CloudError
from pscompat.azure.cmdlets.common import (
    IAAS,
    LAST_VM_PROMPT,
    MODULE,
    PROFILE,
    AzureCmdlet,
    complete_service_names,
    complete_vm_names,
    roles_matching,
)
from pscompat.engine.commands import Parameter, cmdlet

VMS = IAAS + "PersistentVMs."


def _service_parameter(position: int = 0, mandatory: bool = True, sets: tuple = ()) -> Parameter:
    return Parameter(
        "ServiceName",
        "string",
        position=position,
        mandatory=mandatory,
        sets=sets,
        pipeline_by_name=True,
        completer=complete_service_names,
    )


@cmdlet(
    "Get-AzureVM",
    module=MODULE,
    default_set="ListAllVMs",
    output_type="PersistentVMRoleContext",
    synopsis="Gets the VMs of a cloud service, or of every cloud service.",
    examples=(
        ("Get-AzureVM", "Every VM of the subscription (ServiceName, Name, Status)."),
        ('Get-AzureVM -ServiceName "mySvc2" -Name "MyVMToCapture2"', "One VM, with all its details."),
    ),
)
class GetAzureVM(AzureCmdlet):
    dotnet_class = VMS + "GetAzureVMCommand"
    validate_not_empty = ("ServiceName",)
    parameters = (
        _service_parameter(sets=("GetVMByServiceAndVMName",)),
        Parameter("Name", "string", position=1, sets=("GetVMByServiceAndVMName",), completer=complete_vm_names),
        # Declared in both sets so that ListAllVMs (no parameters at all) is a set of its own.
        Parameter("Profile", "AzureSMProfile", sets=("ListAllVMs", "GetVMByServiceAndVMName")),
    )

    def run(self):
        if self.ServiceName is None:
            for service in self.backend.list_services().value:
                try:
                    response, operation = self.client_action(self.backend.get_deployment, service["ServiceName"])
                except CloudError as err:
                    if err.http_status == 404:  # a service without VMs lists nothing
                        continue
                    raise
                yield from self._contexts(service["ServiceName"], response.value, operation, listing=True)
            return
        try:
            response, operation = self.client_action(self.backend.get_deployment, self.ServiceName)
        except CloudError as err:
            if err.http_status != 404:
                raise
            self.write_warning(f"No deployment found in service: '{self.ServiceName}'.")
            return
        yield from self._contexts(self.ServiceName, response.value, operation, listing=False)

    def _contexts(self, service, deployment, operation, listing):
        for role, instance in roles_matching(deployment, [self.Name] if self.Name else ["*"]):
            yield models.role_context(service, deployment, role, instance, self.name, operation, listing)


class _RoleOperationCmdlet(AzureCmdlet):
    """Stop/Start/Restart: by -ServiceName/-Name (wildcards), or by -VM objects."""

    parameters = (
        _service_parameter(),
        Parameter(
            "Name",
            "string[]",
            position=1,
            mandatory=True,
            sets=("ByName",),
            pipeline_by_name=True,
            completer=complete_vm_names,
        ),
        Parameter("VM", "object[]", position=1, mandatory=True, sets=("Input",), aliases=("InputObject",)),
    )
    activity = ""

    def role_names(self) -> list[str]:
        if self.parameter_set == "Input":
            return [models.vm_of(vm).RoleName for vm in self.VM]
        return list(self.Name)

    def operation_for(self, deployment: dict, role: dict, instance: dict) -> dict | None:
        raise NotImplementedError

    def run(self):
        deployment = self.deployment(self.ServiceName)
        if deployment is None:
            return
        names = self.role_names()
        pairs = roles_matching(deployment, names)
        if not pairs:  # let the service answer for a name it does not have (404)
            pairs = [({"RoleName": n}, {}) for n in names]
        for role, instance in pairs:
            operation = self.operation_for(deployment, role, instance)
            if operation is None:
                continue
            _, done = self.client_action(
                self.backend.role_operation,
                self.ServiceName,
                deployment["Name"],
                role["RoleName"],
                operation,
                progress=f"{self.activity} '{role['RoleName']}'",
            )
            yield models.operation_context(self.name, done)


@cmdlet(
    "Stop-AzureVM",
    module=MODULE,
    default_set="ByName",
    output_type="ManagementOperationContext",
    supports_should_process=True,
    synopsis="Shuts VMs down: deallocated by default, provisioned (keeping the IP) with -StayProvisioned.",
    examples=(
        (
            'Stop-AzureVM -ServiceName "mySvc2" -Name "MyVMToCapture2" -StayProvisioned',
            "Stops the VM but keeps it provisioned.",
        ),
    ),
)
class StopAzureVM(_RoleOperationCmdlet):
    dotnet_class = VMS + "StopAzureVMCommand"
    activity = "Stopping VM"
    parameters = _RoleOperationCmdlet.parameters + (
        Parameter("StayProvisioned", "switch", position=2, help="PostShutdownAction Stopped (keeps the IP)."),
        Parameter("Force", "switch", position=3, help="Do not ask before deallocating the deployment's last VM."),
        PROFILE,
    )

    def operation_for(self, deployment, role, instance):
        if not self.should_process(role["RoleName"], self.name):
            return None
        others_running = any(
            i["InstanceStatus"] != "StoppedDeallocated" for i in deployment["RoleInstanceList"] if i is not instance
        )
        if not self.StayProvisioned and not self.Force and not others_running and not self._confirm_last_vm():
            return None
        return {
            "OperationType": "ShutdownRoleOperation",
            "PostShutdownAction": "Stopped" if self.StayProvisioned else "StoppedDeallocated",
        }

    def _confirm_last_vm(self) -> bool:
        """ShouldContinue with the VIP-loss text (docs/azure-classic-api.md §1.7); -Force or
        -StayProvisioned skip it."""
        return self.should_continue(LAST_VM_PROMPT, "Virtual machine stopping")


@cmdlet(
    "Start-AzureVM",
    module=MODULE,
    default_set="ByName",
    output_type="ManagementOperationContext",
    synopsis="Starts stopped VMs.",
    examples=(('Start-AzureVM -ServiceName "mySvc2" -Name "MyVMToCapture2"', "Starts the VM."),),
)
class StartAzureVM(_RoleOperationCmdlet):
    dotnet_class = VMS + "StartAzureVMCommand"
    activity = "Starting VM"
    parameters = _RoleOperationCmdlet.parameters + (PROFILE,)

    def operation_for(self, deployment, role, instance):
        return {"OperationType": "StartRoleOperation"}


@cmdlet(
    "Restart-AzureVM",
    module=MODULE,
    default_set="ByName",
    output_type="ManagementOperationContext",
    synopsis="Restarts VMs.",
    examples=(('Restart-AzureVM -ServiceName "mySvc2" -Name "MyVMToCapture2"', "Restarts the VM."),),
)
class RestartAzureVM(_RoleOperationCmdlet):
    dotnet_class = VMS + "RestartAzureVMCommand"
    activity = "Restarting VM"
    parameters = _RoleOperationCmdlet.parameters + (PROFILE,)

    def operation_for(self, deployment, role, instance):
        return {"OperationType": "RestartRoleOperation"}


@cmdlet(
    "Remove-AzureVM",
    module=MODULE,
    output_type="ManagementOperationContext",
    supports_should_process=True,
    synopsis="Deletes a VM; its disks stay in the disk repository unless -DeleteVHD is given.",
    examples=(
        (
            'Remove-AzureVM -ServiceName "mySvc2" -Name "MyVMToCapture2" -DeleteVHD',
            "Deletes the VM, its disks and their VHD blobs.",
        ),
    ),
)
class RemoveAzureVM(AzureCmdlet):
    dotnet_class = VMS + "RemoveAzureVMCommand"
    validate_not_empty = ("ServiceName", "Name")
    parameters = (
        _service_parameter(),
        Parameter("Name", "string", position=1, mandatory=True, pipeline_by_name=True, completer=complete_vm_names),
        Parameter("DeleteVHD", "switch", help="Also delete the VM's disks and their VHD blobs."),
        PROFILE,
    )

    def run(self):
        deployment = self.deployment(self.ServiceName)
        if deployment is None or not self.should_process(self.Name, self.name):
            return
        roles = [r["RoleName"].lower() for r in deployment.get("RoleList") or ()]
        # RemoveAzureVM.cs: a deployment cannot lose its last role, so for the only VM the module
        # deletes the whole deployment (Delete Deployment) instead of the role.
        if roles == [self.Name.lower()]:
            call, args = self.backend.delete_deployment, (self.ServiceName, deployment["Name"], bool(self.DeleteVHD))
        else:
            call, args = (
                self.backend.delete_role,
                (self.ServiceName, deployment["Name"], self.Name, bool(self.DeleteVHD)),
            )
        _, operation = self.client_action(call, *args)
        yield models.operation_context(self.name, operation)


@cmdlet(
    "Update-AzureVM",
    module=MODULE,
    output_type="ManagementOperationContext",
    synopsis="Applies a changed VM configuration (size, data disks) to a VM.",
    examples=(
        (
            "Get-AzureVM -ServiceName s -Name v | Add-AzureDataDisk -CreateNew -DiskSizeInGB 20 "
            "-DiskLabel logs -LUN 1 | Update-AzureVM",
            "Adds an empty 20 GB data disk.",
        ),
    ),
)
class UpdateAzureVM(AzureCmdlet):
    dotnet_class = VMS + "UpdateAzureVMCommand"
    validate_not_empty = ("ServiceName", "Name")
    parameters = (
        _service_parameter(),
        Parameter("Name", "string", position=1, mandatory=True, pipeline_by_name=True, completer=complete_vm_names),
        Parameter("VM", "object", position=2, mandatory=True, pipeline_by_name=True),
        PROFILE,
    )

    def run(self):
        vm = models.vm_of(self.VM)
        if vm is None:
            self.throw_terminating(
                "The VM parameter must be a PersistentVM (New-AzureVMConfig or Get-AzureVM).",
                f"ArgumentException,{self.dotnet_class}",
                "InvalidArgument",
            )
        deployment = self.deployment(self.ServiceName)
        if deployment is None:
            return
        _, operation = self.client_action(
            self.backend.update_role,
            self.ServiceName,
            deployment["Name"],
            self.Name,
            models.role_spec(vm),
            progress=f"Updating VM '{self.Name}'",
        )
        yield models.operation_context(self.name, operation)
