"""The objects the classic cmdlets emit, with the module's type names and property order (docs/azure-classic-api.md §2).

Each class declares `PS_TYPE_NAMES` (most derived first) and `PS_PROPERTIES` (display order),
which the engine's value layer uses for `-is`, `Get-Member`, `.GetType()` and formatting.  The
attributes are `__slots__`, so assigning a property the real class lacks fails, as in PowerShell.
Builders at the end turn the backend's REST dicts into these objects and back.
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from pscompat.azure.backends.base import Operation

NS = "Microsoft.WindowsAzure.Commands.ServiceManagement.Model."
OPERATION_PROPERTIES = ("OperationDescription", "OperationId", "OperationStatus")


class PSModel:
    """Base: keyword construction over PS_PROPERTIES, every property defaulting to $null; an
    unknown keyword is a TypeError."""

    __slots__ = ()
    PS_TYPE_NAMES: tuple = ("System.Object",)
    PS_PROPERTIES: tuple = ()

    def __init_subclass__(cls, **kwargs):
        # A generated keyword-only __init__ per class: building 100k image objects with a generic
        # loop over PS_PROPERTIES took half of a full listing.
        super().__init_subclass__(**kwargs)
        names = cls.PS_PROPERTIES
        source = (
            (
                f"def __init__(self, *, {', '.join(f'{n}=None' for n in names)}):\n"
                + "".join(f"    self.{n} = {n}\n" for n in names)
            )
            if names
            else "def __init__(self):\n    pass\n"
        )
        namespace: dict = {}
        exec(source, namespace)
        cls.__init__ = namespace["__init__"]

    def __getitem__(self, name: str):
        """Python users read properties by key too, case-insensitively: `img["imagename"]`."""
        low = str(name).lower()
        for p in type(self).PS_PROPERTIES:
            if p.lower() == low:
                return getattr(self, p)
        raise KeyError(name)

    def __repr__(self) -> str:
        shown = ", ".join(f"{p}={getattr(self, p)!r}" for p in self.PS_PROPERTIES[:3])
        return f"{type(self).__name__}({shown}, ...)"


def _slots(properties: tuple, *bases: type) -> tuple:
    """The slots a subclass adds: its properties that no base already has."""
    inherited = {p for base in bases for p in base.PS_PROPERTIES}
    return tuple(p for p in properties if p not in inherited)


def _names(*classes: str) -> tuple:
    return tuple(NS + c for c in classes) + ("System.Object",)


class ManagementOperationContext(PSModel):
    PS_TYPE_NAMES = _names("ManagementOperationContext")
    PS_PROPERTIES = OPERATION_PROPERTIES
    __slots__ = PS_PROPERTIES


class OSImageContext(ManagementOperationContext):
    # The 2015 order the seed document's readers saw (docs/azure-classic-api.md §2.2
    # recommendation), then the operation fields.
    PS_TYPE_NAMES = _names("OSImageContext", "ManagementOperationContext")
    PS_PROPERTIES = (
        "AffinityGroup",
        "Category",
        "Label",
        "Location",
        "LogicalSizeInGB",
        "MediaLink",
        "ImageName",
        "OS",
        "Eula",
        "Description",
        "ImageFamily",
        "PublishedDate",
        "IsPremium",
        "IconUri",
        "SmallIconUri",
        "PrivacyUri",
        "RecommendedVMSize",
        "PublisherName",
        "IOType",
        "ShowInGui",
    ) + OPERATION_PROPERTIES
    __slots__ = _slots(PS_PROPERTIES, ManagementOperationContext)


# Reflection order (docs/azure-classic-api.md §2.3): members declared or overridden in
# VMImageContext first, then the base's others.
_VM_IMAGE_DECLARED = (
    "ImageName",
    "Label",
    "Category",
    "Description",
    "OS",
    "OSDiskConfiguration",
    "DataDiskConfigurations",
    "ServiceName",
    "DeploymentName",
    "RoleName",
    "AffinityGroup",
    "CreatedTime",
    "ModifiedTime",
    "Language",
    "ImageFamily",
    "RecommendedVMSize",
    "IsPremium",
    "Eula",
    "IconUri",
    "SmallIconUri",
    "PrivacyUri",
    "PublisherName",
    "PublishedDate",
    "ShowInGui",
    "PricingDetailLink",
)


class VMImageContext(OSImageContext):
    PS_TYPE_NAMES = _names("VMImageContext", "OSImageContext", "ManagementOperationContext")
    PS_PROPERTIES = _VM_IMAGE_DECLARED + tuple(p for p in OSImageContext.PS_PROPERTIES if p not in _VM_IMAGE_DECLARED)
    __slots__ = _slots(PS_PROPERTIES, OSImageContext)


class OSDiskConfiguration(PSModel):
    PS_TYPE_NAMES = _names("OSDiskConfiguration")
    PS_PROPERTIES = (
        "Name",
        "HostCaching",
        "OSState",
        "OS",
        "MediaLink",
        "LogicalDiskSizeInGB",
        "IOType",
        "ResizedSizeInGB",
        "ExtensionData",
    )
    __slots__ = PS_PROPERTIES


class DataDiskConfiguration(PSModel):
    PS_TYPE_NAMES = _names("DataDiskConfiguration")
    PS_PROPERTIES = (
        "Name",
        "HostCaching",
        "Lun",
        "MediaLink",
        "LogicalDiskSizeInGB",
        "IOType",
        "ResizedSizeInGB",
        "ExtensionData",
    )
    __slots__ = PS_PROPERTIES


class VirtualMachineImageDiskConfigSet(PSModel):
    """Input of Add-/Update-AzureVMImage's VM-image set (docs/azure-classic-api.md §2.4)."""

    PS_TYPE_NAMES = _names("VirtualMachineImageDiskConfigSet")
    PS_PROPERTIES = ("OSDiskConfiguration", "DataDiskConfigurations")
    __slots__ = PS_PROPERTIES


# --- VMs ---------------------------------------------------------------------------------------
class OSVirtualHardDisk(PSModel):
    PS_TYPE_NAMES = _names("OSVirtualHardDisk")
    PS_PROPERTIES = (
        "HostCaching",
        "DiskLabel",
        "DiskName",
        "MediaLink",
        "SourceImageName",
        "OS",
        "IOType",
        "ResizedSizeInGB",
    )
    __slots__ = PS_PROPERTIES


class DataVirtualHardDisk(PSModel):
    PS_TYPE_NAMES = _names("DataVirtualHardDisk")
    PS_PROPERTIES = (
        "HostCaching",
        "DiskLabel",
        "DiskName",
        "Lun",
        "LogicalDiskSizeInGB",
        "MediaLink",
        "SourceMediaLink",
        "IOType",
    )
    __slots__ = PS_PROPERTIES


class ProvisioningConfigurationSet(PSModel):
    """Windows/Linux provisioning (Add-AzureProvisioningConfig); the password is kept but never shown."""

    PS_TYPE_NAMES = _names("ProvisioningConfigurationSet")
    PS_PROPERTIES = (
        "ConfigurationSetType",
        "ComputerName",
        "HostName",
        "AdminUsername",
        "UserName",
        "EnableAutomaticUpdates",
        "TimeZone",
        "DisableSSH",
        "ResetPasswordOnFirstLogon",
        "WinRM",
        "StoredCertificateSettings",
    )
    __slots__ = PS_PROPERTIES + ("_password",)


class NetworkConfigurationSet(PSModel):
    PS_TYPE_NAMES = _names("NetworkConfigurationSet")
    PS_PROPERTIES = ("ConfigurationSetType", "InputEndpoints", "SubnetNames", "StaticVirtualNetworkIPAddress")
    __slots__ = PS_PROPERTIES


class PersistentVM(PSModel):
    """New-AzureVMConfig's output and the `VM` of a Get-AzureVM result (IPersistentVM)."""

    PS_TYPE_NAMES = _names("PersistentVM")
    PS_PROPERTIES = (
        "AvailabilitySetName",
        "ConfigurationSets",
        "DataVirtualHardDisks",
        "Label",
        "OSVirtualHardDisk",
        "RoleName",
        "RoleSize",
        "RoleType",
        "ProvisionGuestAgent",
        "VMImageName",
        "MediaLocation",
    )
    __slots__ = PS_PROPERTIES


class PersistentVMRoleContext(ManagementOperationContext):
    PS_TYPE_NAMES = _names("PersistentVMRoleContext", "ManagementOperationContext")
    PS_PROPERTIES = (
        "DeploymentName",
        "Name",
        "Label",
        "VM",
        "InstanceStatus",
        "IpAddress",
        "InstanceStateDetails",
        "PowerState",
        "InstanceErrorCode",
        "InstanceFaultDomain",
        "InstanceName",
        "InstanceUpgradeDomain",
        "InstanceSize",
        "HostName",
        "AvailabilitySetName",
        "DNSName",
        "Status",
        "GuestAgentStatus",
        "ResourceExtensionStatusList",
        "PublicIPAddress",
        "PublicIPName",
        "NetworkInterfaces",
        "VirtualNetworkName",
        "ServiceName",
    ) + OPERATION_PROPERTIES
    __slots__ = _slots(PS_PROPERTIES, ManagementOperationContext)


class PersistentVMRoleListContext(PersistentVMRoleContext):
    """What Get-AzureVM without -ServiceName emits; its view is a ServiceName/Name/Status table."""

    PS_TYPE_NAMES = _names("PersistentVMRoleListContext", "PersistentVMRoleContext", "ManagementOperationContext")
    __slots__ = ()


# --- services and subscription-level lists ---------------------------------------------------------
class HostedServiceDetailedContext(ManagementOperationContext):
    PS_TYPE_NAMES = _names("HostedServiceDetailedContext", "HostedServiceContext", "ManagementOperationContext")
    PS_PROPERTIES = (
        "ServiceName",
        "Url",
        "Label",
        "Description",
        "Location",
        "AffinityGroup",
        "Status",
        "ExtendedProperties",
        "DateModified",
        "DateCreated",
    ) + OPERATION_PROPERTIES
    __slots__ = _slots(PS_PROPERTIES, ManagementOperationContext)


class LocationsContext(ManagementOperationContext):
    PS_TYPE_NAMES = _names("LocationsContext", "ManagementOperationContext")
    PS_PROPERTIES = ("DisplayName", "Name", "AvailableServices") + OPERATION_PROPERTIES
    __slots__ = _slots(PS_PROPERTIES, ManagementOperationContext)


class RoleSizeContext(ManagementOperationContext):
    PS_TYPE_NAMES = _names("RoleSizeContext", "ManagementOperationContext")
    PS_PROPERTIES = (
        "InstanceSize",
        "RoleSizeLabel",
        "Cores",
        "MemoryInMb",
        "SupportedByWebWorkerRoles",
        "SupportedByVirtualMachines",
        "MaxDataDiskCount",
        "WebWorkerResourceDiskSizeInMb",
        "VirtualMachineResourceDiskSizeInMb",
    ) + OPERATION_PROPERTIES
    __slots__ = _slots(PS_PROPERTIES, ManagementOperationContext)


class AzureSubscription(PSModel):
    PS_TYPE_NAMES = ("Microsoft.WindowsAzure.Commands.Profile.Models.PSAzureSubscription", "System.Object")
    PS_PROPERTIES = (
        "SubscriptionId",
        "SubscriptionName",
        "Environment",
        "DefaultAccount",
        "IsDefault",
        "IsCurrent",
        "TenantId",
        "CurrentStorageAccountName",
    )
    __slots__ = PS_PROPERTIES


ALL_MODELS = (
    ManagementOperationContext,
    OSImageContext,
    VMImageContext,
    OSDiskConfiguration,
    DataDiskConfiguration,
    VirtualMachineImageDiskConfigSet,
    OSVirtualHardDisk,
    DataVirtualHardDisk,
    ProvisioningConfigurationSet,
    NetworkConfigurationSet,
    PersistentVM,
    PersistentVMRoleContext,
    PersistentVMRoleListContext,
    HostedServiceDetailedContext,
    LocationsContext,
    RoleSizeContext,
    AzureSubscription,
)


# --- builders: REST dict -> object -------------------------------------------------------------------
@lru_cache(maxsize=4096)  # catalogs repeat dates; the conversion was a third of a 100k listing
def parse_time(text: str | None) -> datetime | None:
    """REST ISO-8601 UTC -> local DateTime, as the .NET client shows it (docs/azure-classic-api.md §2.5)."""
    if not text:
        return None
    main, _, fraction = text.rstrip("Z").partition(".")
    moment = datetime.fromisoformat(main).replace(tzinfo=timezone.utc)
    if fraction:
        moment = moment.replace(microsecond=int(fraction[:6].ljust(6, "0")))
    return moment.astimezone().replace(tzinfo=None)


def operation_fields(cmdlet: str, operation: Operation | None) -> dict:
    """OperationDescription = cmdlet name, OperationId = dashed GUID, OperationStatus (docs/azure-classic-api.md §1.1)."""
    if operation is None:
        return {"OperationDescription": cmdlet}
    return {"OperationDescription": cmdlet, "OperationId": operation.id, "OperationStatus": operation.status}


def operation_context(cmdlet: str, operation: Operation) -> ManagementOperationContext:
    return ManagementOperationContext(**operation_fields(cmdlet, operation))


_COMMON_IMAGE = (
    "AffinityGroup",
    "Category",
    "Label",
    "Location",
    "Eula",
    "Description",
    "ImageFamily",
    "IsPremium",
    "IconUri",
    "SmallIconUri",
    "PrivacyUri",
    "RecommendedVMSize",
    "PublisherName",
    "ShowInGui",
)


def os_image_context(image: dict, cmdlet: str, operation: Operation | None) -> OSImageContext:
    values = {k: image.get(k) for k in _COMMON_IMAGE}
    return OSImageContext(
        **values,
        ImageName=image["Name"],
        OS=image.get("OS"),
        MediaLink=image.get("MediaLink"),
        LogicalSizeInGB=image.get("LogicalSizeInGB"),
        IOType=image.get("IOType"),
        PublishedDate=parse_time(image.get("PublishedDate")),
        **operation_fields(cmdlet, operation),
    )


def os_disk_configuration(config: dict) -> OSDiskConfiguration:
    return OSDiskConfiguration(**{k: config.get(k) for k in OSDiskConfiguration.PS_PROPERTIES})


def data_disk_configuration(config: dict) -> DataDiskConfiguration:
    return DataDiskConfiguration(**{k: config.get(k) for k in DataDiskConfiguration.PS_PROPERTIES})


def vm_image_context(image: dict, cmdlet: str, operation: Operation | None) -> VMImageContext:
    os_config = os_disk_configuration(image["OSDiskConfiguration"])
    values = {
        k: image.get(k)
        for k in _COMMON_IMAGE + ("ServiceName", "DeploymentName", "RoleName", "Language", "PricingDetailLink")
    }
    # MediaLink / LogicalSizeInGB stay $null: a VM image's disks live in its disk configs
    # (docs/azure-classic-api.md §2.3).
    return VMImageContext(
        **values,
        ImageName=image["Name"],
        OS=os_config.OS,
        OSDiskConfiguration=os_config,
        DataDiskConfigurations=[data_disk_configuration(d) for d in image["DataDiskConfigurations"]],
        CreatedTime=parse_time(image.get("CreatedTime")),
        ModifiedTime=parse_time(image.get("ModifiedTime")),
        PublishedDate=parse_time(image.get("PublishedDate")),
        IOType=image.get("IOType"),
        **operation_fields(cmdlet, operation),
    )


def prop(obj, name: str):
    """A property of a script-supplied value (our objects, hashtables, PSCustomObjects), or None."""
    if obj is None:
        return None
    if isinstance(obj, dict):
        return next((v for k, v in obj.items() if isinstance(k, str) and k.lower() == name.lower()), None)
    try:
        from pscompat.values.objects.access import lookup_member
    except ImportError:  # the engine's value layer is optional for direct (Python) use
        return getattr(obj, name, None)
    found, value = lookup_member(obj, name)
    return value if found else None


def disk_config_dict(config) -> dict:
    """A disk-config object (or hashtable) from a script back into its REST form."""
    names = OSDiskConfiguration.PS_PROPERTIES + ("Lun",)
    return {k: v for k in names if k != "ExtensionData" and (v := prop(config, k)) is not None}


# --- VMs: REST Role <-> PersistentVM, and the Get-AzureVM contexts -----------------------------------
def persistent_vm(role: dict) -> PersistentVM:
    os_disk = role["OSVirtualHardDisk"]
    return PersistentVM(
        AvailabilitySetName=role.get("AvailabilitySetName"),
        Label=role.get("Label"),
        RoleName=role["RoleName"],
        RoleSize=role.get("RoleSize"),
        RoleType="PersistentVMRole",
        VMImageName=role.get("VMImageName"),
        ProvisionGuestAgent=role.get("ProvisionGuestAgent"),
        ConfigurationSets=[
            NetworkConfigurationSet(
                ConfigurationSetType="NetworkConfiguration", InputEndpoints=c.get("InputEndpoints") or []
            )
            for c in role.get("ConfigurationSets") or ()
            if c.get("ConfigurationSetType") == "NetworkConfiguration"
        ],
        OSVirtualHardDisk=OSVirtualHardDisk(**{k: os_disk.get(k) for k in OSVirtualHardDisk.PS_PROPERTIES}),
        DataVirtualHardDisks=[
            DataVirtualHardDisk(**{k: d.get(k) for k in DataVirtualHardDisk.PS_PROPERTIES})
            for d in role.get("DataVirtualHardDisks") or ()
        ],
    )


# The REST element that carries a provisioning set's password (Create Virtual Machine Deployment).
PASSWORD_ELEMENTS = {
    "WindowsProvisioningConfiguration": "AdminPassword",
    "LinuxProvisioningConfiguration": "UserPassword",
}


def _config_set_dict(config) -> dict:
    if not isinstance(config, PSModel):
        return dict(config)
    body = {k: v for k in type(config).PS_PROPERTIES if (v := getattr(config, k)) is not None}
    if body.get("StoredCertificateSettings"):
        body["StoredCertificateSettings"] = [
            {k: prop(c, k) for k in ("StoreLocation", "StoreName", "Thumbprint")}
            for c in body["StoredCertificateSettings"]
        ]
    password = getattr(config, "_password", None)
    element = PASSWORD_ELEMENTS.get(body.get("ConfigurationSetType"))
    if password and element:  # the service needs it to provision; the sandbox drops it (without_passwords)
        body[element] = password
    return body


def role_spec(vm: PersistentVM) -> dict:
    """The REST Role body New-AzureVM / Update-AzureVM send for a PersistentVM."""
    os_disk = vm.OSVirtualHardDisk
    spec = {
        "RoleName": vm.RoleName,
        "RoleSize": vm.RoleSize,
        "Label": vm.Label,
        "AvailabilitySetName": vm.AvailabilitySetName,
        "VMImageName": vm.VMImageName,
        "ProvisionGuestAgent": vm.ProvisionGuestAgent,
        "ConfigurationSets": [_config_set_dict(c) for c in vm.ConfigurationSets or ()],
        "OSVirtualHardDisk": {
            k: getattr(os_disk, k) for k in ("SourceImageName", "MediaLink", "HostCaching", "DiskLabel", "DiskName")
        }
        if os_disk
        else None,
        "DataVirtualHardDisks": [
            {k: getattr(d, k) for k in DataVirtualHardDisk.PS_PROPERTIES} for d in vm.DataVirtualHardDisks or ()
        ],
    }
    return spec


def role_context(
    service: str,
    deployment: dict,
    role: dict,
    instance: dict,
    cmdlet: str,
    operation: Operation | None,
    listing: bool = False,
) -> PersistentVMRoleContext:
    cls = PersistentVMRoleListContext if listing else PersistentVMRoleContext
    fields = operation_fields(cmdlet, operation)
    # Get-AzureVM reports the deployment call's HTTP status (docs/azure-classic-api.md §1.7)
    fields["OperationStatus"] = "OK"
    return cls(
        DeploymentName=deployment["Name"],
        Name=role["RoleName"],
        Label=role.get("Label"),
        VM=persistent_vm(role),
        InstanceStatus=instance["InstanceStatus"],
        IpAddress=instance.get("IpAddress"),
        PowerState=instance.get("PowerState"),
        InstanceFaultDomain=instance.get("InstanceFaultDomain"),
        InstanceName=instance.get("InstanceName"),
        InstanceUpgradeDomain=instance.get("InstanceUpgradeDomain"),
        InstanceSize=instance.get("InstanceSize"),
        HostName=instance.get("HostName"),
        AvailabilitySetName=role.get("AvailabilitySetName"),
        DNSName=deployment.get("Url"),
        Status=instance["InstanceStatus"],
        ResourceExtensionStatusList=[],
        NetworkInterfaces=[],
        ServiceName=service,
        **fields,
    )


def vm_of(value) -> PersistentVM | None:
    """IPersistentVM.GetInstance(): a PersistentVM itself, or the VM of a Get-AzureVM result."""
    if isinstance(value, PersistentVM):
        return value
    if isinstance(value, PersistentVMRoleContext):
        return value.VM
    inner = prop(value, "VM")
    return inner if isinstance(inner, PersistentVM) else None
