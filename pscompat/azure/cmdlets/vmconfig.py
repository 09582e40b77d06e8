"""New VMs: the client-side configuration cmdlets (New-AzureVMConfig, Add-AzureProvisioningConfig,
Add-AzureDataDisk) and the two that create VMs (New-AzureVM, New-AzureQuickVM).

Texts and defaults follow azure-powershell's NewQuickVM.cs / NewAzureVM.cs (not in the reference):
the existence check with its own Begin/Completed verbose pair, `Service already exists, Location
cannot be specified.`, the role named after the service when -Name is absent, the
`<svc>-<vm>-<y>-<m>-<d>-<ms>.vhd` OS disk name, the RemoteDesktop/WinRmHTTPs/SSH endpoints.
"""

from __future__ import annotations

import re
from datetime import datetime

from pscompat.azure import account_models, models
from pscompat.azure.backends import catalog
from pscompat.azure.backends.base import CloudError
from pscompat.azure.cmdlets.common import (
    MODULE,
    PROFILE,
    SERVICE_MISSING,
    VM_IMAGE,
    AzureCmdlet,
    complete_image_names,
    complete_locations,
    complete_role_sizes,
    complete_service_names,
)
from pscompat.azure.cmdlets.vm import VMS
from pscompat.engine.commands import Parameter, cmdlet

HOST_CACHING = ("ReadOnly", "ReadWrite", "None")
PASSWORD_COMPLEXITY = "Password does not meet complexity requirements."


def _vm_parameter() -> Parameter:
    # IPersistentVM: a PersistentVM, or a Get-AzureVM result (its VM is changed and it is passed on).
    return Parameter("VM", "object", mandatory=True, pipeline=True, aliases=("InputObject",))


def _persistent_vm(cmd: AzureCmdlet) -> models.PersistentVM:
    vm = models.vm_of(cmd.VM)
    if vm is None:
        cmd.throw_terminating(
            "The VM parameter must be a PersistentVM (New-AzureVMConfig or Get-AzureVM).",
            f"ArgumentException,{cmd.dotnet_class}",
            "InvalidArgument",
        )
    return vm


def _endpoint(name: str, port: int) -> dict:
    return {"Name": name, "Protocol": "tcp", "LocalPort": port}


# AddAzureProvisioningConfig.cs / NewQuickVM.cs: a Windows VM gets a WinRM HTTPS listener unless
# -DisableWinRMHttps; -EnableWinRMHttp adds an HTTP one.
WINRM_HTTPS = {"Listeners": [{"Protocol": "Https"}]}


def _provision(
    vm: models.PersistentVM,
    linux: bool,
    user: str | None,
    password: str | None,
    endpoints: list[dict],
    winrm: dict | None = None,
) -> None:
    """Add the provisioning and network configuration sets (replacing earlier ones)."""
    config = models.ProvisioningConfigurationSet(
        ConfigurationSetType="LinuxProvisioningConfiguration" if linux else "WindowsProvisioningConfiguration",
        ComputerName=None if linux else vm.RoleName,
        HostName=vm.RoleName if linux else None,
        AdminUsername=None if linux else user,
        UserName=user if linux else None,
        EnableAutomaticUpdates=None if linux else True,
        ResetPasswordOnFirstLogon=None if linux else False,
        DisableSSH=False if linux else None,
    )
    config._password = password
    setattr(config, "WinRM", None if linux else winrm)  # noqa: B010  (PSModel's slots are generated)
    network = models.NetworkConfigurationSet(ConfigurationSetType="NetworkConfiguration", InputEndpoints=endpoints)
    vm.ConfigurationSets = [
        c
        for c in vm.ConfigurationSets or ()
        if not isinstance(c, (models.ProvisioningConfigurationSet, models.NetworkConfigurationSet))
    ]
    vm.ConfigurationSets += [config, network]


def _blob_base(cmd: AzureCmdlet) -> str | None:
    """The vhds container of the current subscription's storage account (Set-AzureSubscription
    -CurrentStorageAccountName), or None when the profile names none."""
    from pscompat.azure.cmdlets.service import current_subscription

    account = (current_subscription(cmd) or {}).get("CurrentStorageAccountName")
    return f"https://{account}.blob.core.windows.net/vhds/" if account else None


def _with_media_links(spec: dict, service: str, base: str | None) -> dict:
    """NewAzureVM.cs gives every disk without a MediaLink one in the current storage account,
    named like New-AzureQuickVM's OS disk (`<svc>-<vm>-<y>-<m>-<d>-<ms>.vhd`; data disks add
    their LUN [inf]).  Without a storage account the service chooses."""
    if base is None:
        return spec
    now = datetime.now()
    stem = f"{base}{service}-{spec['RoleName']}-{now.year}-{now.month}-{now.day}-{now.microsecond // 1000}"
    os_disk = spec.get("OSVirtualHardDisk")
    if os_disk is not None and not os_disk.get("MediaLink") and not spec.get("VMImageName"):
        os_disk["MediaLink"] = f"{stem}.vhd"
    for disk in spec.get("DataVirtualHardDisks") or ():
        if not disk.get("MediaLink") and not disk.get("DiskName"):
            disk["MediaLink"] = f"{stem}-{disk.get('Lun') or 0}.vhd"
    return spec


def _password_ok(password: str | None, linux: bool) -> bool:
    """ValidationHelpers.Is{Windows,Linux}PasswordValid: length, then 3 of 4 character classes."""
    low, high = (6, 72) if linux else (8, 123)
    if not password or not low <= len(password) <= high:
        return False
    classes = (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^a-zA-Z0-9]")
    return sum(bool(re.search(c, password)) for c in classes) >= 3


@cmdlet(
    "New-AzureVMConfig",
    module=MODULE,
    default_set="ImageName",
    output_type="PersistentVM",
    synopsis="Creates a VM configuration object from an OS image, a VM image or an existing OS disk.",
    examples=(
        (
            "$vm = New-AzureVMConfig -Name web01 -InstanceSize Small -ImageName $img",
            "A configuration to pass on to Add-AzureProvisioningConfig and New-AzureVM.",
        ),
    ),
)
class NewAzureVMConfig(AzureCmdlet):
    dotnet_class = VMS + "NewAzureVMConfigCommand"
    validate_not_empty = ("Name", "InstanceSize")
    parameters = (
        Parameter("Name", "string", position=0, mandatory=True),
        Parameter("InstanceSize", "string", position=1, mandatory=True, completer=complete_role_sizes),
        Parameter("HostCaching", "string", position=2, validate_set=("ReadOnly", "ReadWrite")),
        Parameter("AvailabilitySetName", "string", position=3),
        Parameter("Label", "string", position=4),
        Parameter(
            "ImageName", "string", position=5, mandatory=True, sets=("ImageName",), completer=complete_image_names
        ),
        Parameter("MediaLocation", "string", position=6, sets=("ImageName",)),
        Parameter("DiskLabel", "string", position=7, sets=("ImageName",)),
        Parameter("DiskName", "string", position=5, mandatory=True, sets=("ExistingDisk",)),
        PROFILE,
    )

    def run(self):
        vm = models.PersistentVM(
            RoleName=self.Name,
            RoleSize=self.InstanceSize,
            RoleType="PersistentVMRole",
            AvailabilitySetName=self.AvailabilitySetName,
            Label=self.Label,
            ConfigurationSets=[],
            DataVirtualHardDisks=[],
            ProvisionGuestAgent=True,
            MediaLocation=self.MediaLocation,
        )
        disk = models.OSVirtualHardDisk(
            HostCaching=self.HostCaching, DiskLabel=self.DiskLabel, DiskName=self.DiskName, MediaLink=self.MediaLocation
        )
        if self.ImageName is not None:
            if VM_IMAGE in self.image_types(self.ImageName):
                vm.VMImageName = self.ImageName
            else:
                disk.SourceImageName = self.ImageName
        vm.OSVirtualHardDisk = disk
        yield vm


@cmdlet(
    "Add-AzureProvisioningConfig",
    module=MODULE,
    default_set="Windows",
    output_type="IPersistentVM",
    synopsis="Adds the Windows or Linux provisioning configuration (admin user, password) to a VM configuration.",
    examples=(
        (
            '$vm | Add-AzureProvisioningConfig -Windows -AdminUsername admin1 -Password "Pa55word!"',
            "Windows VM with RDP and WinRM endpoints.",
        ),
    ),
)
class AddAzureProvisioningConfig(AzureCmdlet):
    dotnet_class = VMS + "AddAzureProvisioningConfigCommand"
    parameters = (
        _vm_parameter(),
        Parameter("Windows", "switch", mandatory=True, sets=("Windows",)),
        Parameter("Linux", "switch", mandatory=True, sets=("Linux",)),
        Parameter("AdminUsername", "string", sets=("Windows",)),
        Parameter("LinuxUser", "string", sets=("Linux",)),
        Parameter("Password", "string"),
        Parameter("NoRDPEndpoint", "switch", sets=("Windows",)),
        Parameter("NoWinRMEndpoint", "switch", sets=("Windows",)),
        Parameter("DisableWinRMHttps", "switch", sets=("Windows",)),
        Parameter("EnableWinRMHttp", "switch", sets=("Windows",)),
        Parameter("NoSSHEndpoint", "switch", sets=("Linux",)),
        Parameter("DisableAutomaticUpdates", "switch", sets=("Windows",)),
        # CertificateSettingList: New-AzureCertificateSetting's objects, installed at provisioning
        Parameter("Certificates", "object[]", sets=("Windows",)),
        PROFILE,
    )

    def run(self):
        vm = _persistent_vm(self)
        linux = self.parameter_set == "Linux"
        if linux:
            endpoints = [] if self.NoSSHEndpoint else [_endpoint("SSH", 22)]
        else:
            endpoints = ([] if self.NoRDPEndpoint else [_endpoint("RemoteDesktop", 3389)]) + (
                [] if self.NoWinRMEndpoint else [_endpoint("WinRmHTTPs", 5986)]
            )
        listeners = [] if self.DisableWinRMHttps else [{"Protocol": "Https"}]
        listeners += [{"Protocol": "Http"}] if self.EnableWinRMHttp else []
        winrm = {"Listeners": listeners} if listeners else None
        _provision(vm, linux, self.LinuxUser if linux else self.AdminUsername, self.Password, endpoints, winrm)
        if not linux and self.DisableAutomaticUpdates:
            vm.ConfigurationSets[-2].EnableAutomaticUpdates = False
        if not linux and self.Certificates:
            vm.ConfigurationSets[-2].StoredCertificateSettings = [
                account_models.certificate_setting(c) for c in self.Certificates
            ]
        yield self.VM


@cmdlet(
    "Add-AzureDataDisk",
    module=MODULE,
    default_set="CreateNew",
    output_type="IPersistentVM",
    synopsis="Adds a new empty data disk (-CreateNew), an existing disk (-Import) or a VHD (-ImportFrom) to a VM "
    "configuration; Update-AzureVM or New-AzureVM applies it.",
    examples=(
        (
            "$vm | Add-AzureDataDisk -CreateNew -DiskSizeInGB 100 -DiskLabel data -LUN 0",
            "An empty 100 GB disk at LUN 0.",
        ),
    ),
)
class AddAzureDataDisk(AzureCmdlet):
    dotnet_class = VMS + "AddAzureDataDiskCommand"
    parameters = (
        _vm_parameter(),
        Parameter("CreateNew", "switch", mandatory=True, sets=("CreateNew",)),
        Parameter("Import", "switch", mandatory=True, sets=("Import",)),
        Parameter("ImportFrom", "switch", mandatory=True, sets=("ImportFrom",)),
        Parameter("DiskSizeInGB", "int", position=0, mandatory=True, sets=("CreateNew",)),
        Parameter("DiskName", "string", position=0, mandatory=True, sets=("Import",)),
        Parameter(
            "MediaLocation", "string", mandatory=True, mandatory_sets=("ImportFrom",), sets=("CreateNew", "ImportFrom")
        ),
        Parameter(
            "DiskLabel",
            "string",
            position=1,
            mandatory=True,
            mandatory_sets=("CreateNew",),
            sets=("CreateNew", "ImportFrom"),
        ),
        Parameter("LUN", "int", position=2, mandatory=True),
        Parameter("HostCaching", "string", validate_set=HOST_CACHING),
        PROFILE,
    )

    def run(self):
        vm = _persistent_vm(self)
        disk = models.DataVirtualHardDisk(
            HostCaching=self.HostCaching or "None", DiskLabel=self.DiskLabel, Lun=self.LUN, IOType="Standard"
        )
        if self.parameter_set == "CreateNew":
            disk.LogicalDiskSizeInGB, disk.MediaLink = self.DiskSizeInGB, self.MediaLocation
        elif self.parameter_set == "Import":
            disk.DiskName = self.DiskName
        else:
            disk.SourceMediaLink = disk.MediaLink = self.MediaLocation
        vm.DataVirtualHardDisks = [d for d in vm.DataVirtualHardDisks or () if d.Lun != self.LUN] + [disk]
        yield self.VM


class _DeployingCmdlet(AzureCmdlet):
    """Shared by New-AzureVM and New-AzureQuickVM: create the service if asked, then the deployment
    with the first VMs, or add the VMs to the existing deployment."""

    def service_ready(self, service: str, location: str | None, affinity_group: str | None) -> bool:
        self.verbose_begin()
        try:
            self.backend.get_service(service)
            exists = True
        except CloudError as err:
            if err.http_status != 404:
                raise
            exists = False
        self.verbose_completed()
        for value, what in ((location, "Location"), (affinity_group, "AffinityGroup")):
            if value and exists:
                self.error(
                    f"Service already exists, {what} cannot be specified.", exception_type="System.ApplicationException"
                )
                return False
        if not exists and not (location or affinity_group):
            self.error(SERVICE_MISSING, exception_type="System.Exception")
            return False
        if not exists:
            body = {
                "ServiceName": service,
                "Location": location,
                "AffinityGroup": affinity_group,
                "Label": service,
                "Description": f"Implicitly created hosted service{datetime.utcnow():%Y-%m-%d %H:%M}",
            }
            self.client_action(self.backend.create_service, body, description=f"{self.name} - Create Cloud Service")
        return True

    def deploy(
        self,
        service: str,
        vms: list,
        deployment_name: str | None = None,
        label: str | None = None,
        reserved_ip: str | None = None,
    ):
        base = _blob_base(self)
        specs = [_with_media_links(models.role_spec(vm), service, base) for vm in vms]
        try:
            deployment = self.backend.get_deployment(service).value
        except CloudError as err:
            if err.http_status != 404:
                raise
            deployment = None
        if deployment is None:
            body = {"Name": deployment_name or service, "Label": label or service, "RoleList": specs}
            if reserved_ip:
                body["ReservedIPName"] = reserved_ip
            names = ", ".join(s["RoleName"] for s in specs)
            _, operation = self.client_action(
                self.backend.create_deployment,
                service,
                body,
                progress=f"Creating VM {names}",
                description=f"{self.name} - Create Deployment with VM {names}",
            )
            yield models.operation_context(self.name, operation)
            return
        if reserved_ip:
            # A reserved IP is given to a deployment when it is created (Create Virtual Machine Deployment);
            # Add Role has no place for it.
            self.write_warning(
                f"-ReservedIPName '{reserved_ip}' is not used: the service {service} has a deployment already, "
                "and a reserved IP is given to a deployment when it is created."
            )
        for spec in specs:
            _, operation = self.client_action(
                self.backend.add_role,
                service,
                deployment["Name"],
                spec,
                progress=f"Creating VM {spec['RoleName']}",
                description=f"{self.name} - Create VM {spec['RoleName']}",
            )
            yield models.operation_context(self.name, operation)


@cmdlet(
    "New-AzureVM",
    module=MODULE,
    output_type="ManagementOperationContext",
    synopsis="Creates VMs from configurations; creates the cloud service too when -Location is given.",
    examples=(('New-AzureVM -ServiceName web-svc -Location "West US" -VMs $vm', "A new service with one VM."),),
)
class NewAzureVM(_DeployingCmdlet):
    dotnet_class = VMS + "NewAzureVMCommand"
    validate_not_empty = ("ServiceName",)
    parameters = (
        Parameter("ServiceName", "string", position=0, mandatory=True, completer=complete_service_names),
        Parameter("Location", "string", position=1, sets=("CreateService",), completer=complete_locations),
        Parameter("AffinityGroup", "string", position=2, sets=("CreateService",)),
        Parameter("VMs", "object[]", mandatory=True, pipeline=True),
        Parameter("DeploymentName", "string"),
        Parameter("DeploymentLabel", "string"),
        Parameter("ReservedIPName", "string", help="The reserved IP the new deployment gets (New-AzureReservedIP)."),
        Parameter("WaitForBoot", "switch", help="The sandbox's VMs are booted when created."),
        PROFILE,
    )

    def begin(self):
        self._vms = []

    def process(self):
        # Piped VMs are collected: one deployment with all of them, as `$vm1, $vm2 | New-AzureVM` means.
        self._vms += [models.vm_of(v) or v for v in self.VMs or ()]
        return None

    def end(self):
        with self.reporting():
            if self.service_ready(self.ServiceName, self.Location, self.AffinityGroup):
                yield from self.deploy(
                    self.ServiceName, self._vms, self.DeploymentName, self.DeploymentLabel, self.ReservedIPName
                )


@cmdlet(
    "New-AzureQuickVM",
    module=MODULE,
    default_set="Windows",
    output_type="ManagementOperationContext",
    synopsis="Creates a Windows or Linux VM from an image in one step.",
    examples=(
        (
            "New-AzureQuickVM -Windows -ServiceName web-svc -Name web01 -ImageName $img -AdminUsername admin1 "
            '-Password "Pa55word!" -Location "West US"',
            "A new service and VM.",
        ),
    ),
)
class NewAzureQuickVM(_DeployingCmdlet):
    dotnet_class = VMS + "NewQuickVM"
    validate_not_empty = ("ServiceName", "ImageName", "Name")
    parameters = (
        Parameter("Windows", "switch", mandatory=True, sets=("Windows",)),
        Parameter("Linux", "switch", mandatory=True, sets=("Linux",)),
        Parameter("ServiceName", "string", mandatory=True, completer=complete_service_names),
        Parameter("Name", "string"),
        Parameter("ImageName", "string", mandatory=True, completer=complete_image_names),
        Parameter("AdminUsername", "string", sets=("Windows",)),
        Parameter("LinuxUser", "string", sets=("Linux",), aliases=("AdminUser",)),
        Parameter("Password", "string"),
        Parameter("InstanceSize", "string", completer=complete_role_sizes),
        Parameter("Location", "string", completer=complete_locations),
        Parameter("AffinityGroup", "string"),
        Parameter("MediaLocation", "string"),
        Parameter("HostCaching", "string", validate_set=("ReadOnly", "ReadWrite")),
        Parameter("AvailabilitySetName", "string"),
        Parameter("ReservedIPName", "string", help="The reserved IP the new deployment gets (New-AzureReservedIP)."),
        Parameter("WaitForBoot", "switch", help="The sandbox's VMs are booted when created."),
        PROFILE,
    )

    def run(self):
        linux = self.parameter_set == "Linux"
        if linux and not self.LinuxUser:
            self.error("Specify -LinuxUser when creating Linux Virtual Machines")
            return
        if not _password_ok(self.Password, linux):
            self.error(PASSWORD_COMPLEXITY)
            return
        if not self.service_ready(self.ServiceName, self.Location, self.AffinityGroup):
            return
        name = self.Name or self.ServiceName  # "default like the portal"
        now = datetime.now()
        media = self.MediaLocation or (
            f"{catalog.BLOB_BASE}{self.ServiceName}-{name}-{now.year}-{now.month}-"
            f"{now.day}-{now.microsecond // 1000}.vhd"
        )
        vm = models.PersistentVM(
            RoleName=name,
            RoleSize=self.InstanceSize,
            RoleType="PersistentVMRole",
            Label=self.ServiceName,
            AvailabilitySetName=self.AvailabilitySetName,
            ConfigurationSets=[],
            DataVirtualHardDisks=[],
            ProvisionGuestAgent=True,
            OSVirtualHardDisk=models.OSVirtualHardDisk(MediaLink=media, HostCaching=self.HostCaching),
        )
        if VM_IMAGE in self.image_types(self.ImageName):
            vm.VMImageName = self.ImageName
        else:
            vm.OSVirtualHardDisk.SourceImageName = self.ImageName
        endpoints = (
            [_endpoint("SSH", 22)] if linux else [_endpoint("RemoteDesktop", 3389), _endpoint("WinRmHTTPs", 5986)]
        )
        user = self.LinuxUser if linux else self.AdminUsername
        _provision(vm, linux, user, self.Password, endpoints, None if linux else WINRM_HTTPS)
        yield from self.deploy(self.ServiceName, [vm], reserved_ip=self.ReservedIPName)
