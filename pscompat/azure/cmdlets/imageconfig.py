"""The disk-configuration cmdlets scripts build a VM image's DiskConfig with (docs/azure-classic-api.md
§2.4; azure-powershell IaaS/DiskRepository/{New,Get}AzureVMImageDiskConfigSet.cs,
Set-AzureVMImage{OS,Data}DiskConfig.cs, Remove-AzureVMImageDataDiskConfig.cs):

    $cfg = Get-AzureVMImage img | Get-AzureVMImageDiskConfigSet
    $cfg = Set-AzureVMImageDataDiskConfig -DiskConfig $cfg -DataDiskName d0 -Lun 2 -HostCaching ReadOnly
    Update-AzureVMImage -ImageName img -Label img -DiskConfig $cfg

They work on the client's objects only; Add-/Update-AzureVMImage send the result."""

from __future__ import annotations

from pscompat.azure import models
from pscompat.azure.cmdlets.common import MODULE, PROFILE, AzureCmdlet
from pscompat.engine.commands import Parameter, cmdlet

DISK_REPOSITORY = "Microsoft.WindowsAzure.Commands.ServiceManagement.IaaS.DiskRepository."
CONFIG_SET = "VirtualMachineImageDiskConfigSet"
CACHING = ("None", "ReadOnly", "ReadWrite")


def _config_parameter() -> Parameter:
    return Parameter("DiskConfig", "object", position=0, mandatory=True, pipeline=True, pipeline_by_name=True)


def _copy(config) -> models.VirtualMachineImageDiskConfigSet:
    """A set of its own (the cmdlets return the object they were given, changed, as the .NET ones do;
    a hashtable or a deserialized object becomes a set)."""
    if isinstance(config, models.VirtualMachineImageDiskConfigSet):
        return config
    os_config = models.prop(config, "OSDiskConfiguration")
    data = models.prop(config, "DataDiskConfigurations") or []
    return _new_set(os_config, list(data))


def _new_set(os_config, data_configs: list) -> models.VirtualMachineImageDiskConfigSet:
    members = {"OSDiskConfiguration": os_config, "DataDiskConfigurations": data_configs}
    return models.VirtualMachineImageDiskConfigSet(**members)  # PSModel constructors are generated


@cmdlet(
    "New-AzureVMImageDiskConfigSet",
    module=MODULE,
    output_type=CONFIG_SET,
    synopsis="Creates an empty disk configuration set for Add-/Update-AzureVMImage -DiskConfig.",
)
class NewAzureVMImageDiskConfigSet(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "NewAzureVMImageDiskConfigSet"
    parameters = (PROFILE,)

    def run(self):
        yield _new_set(None, [])


@cmdlet(
    "Get-AzureVMImageDiskConfigSet",
    module=MODULE,
    output_type=CONFIG_SET,
    synopsis="The disk configuration set of a VM image (its OS disk and data disk configurations).",
    examples=(("Get-AzureVMImage myimg | Get-AzureVMImageDiskConfigSet", "The set Update-AzureVMImage can change."),),
)
class GetAzureVMImageDiskConfigSet(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "GetAzureVMImageDiskConfigSet"
    parameters = (
        Parameter("ImageContext", "object", position=0, mandatory=True, pipeline=True, pipeline_by_name=True),
        PROFILE,
    )

    def run(self):
        image = self.ImageContext
        # An OS image has no disk configurations: the set is empty (the .NET cmdlet reads the
        # VMImageContext's members, which an OSImageContext lacks).
        yield _new_set(
            models.prop(image, "OSDiskConfiguration"), list(models.prop(image, "DataDiskConfigurations") or [])
        )


@cmdlet(
    "Set-AzureVMImageOSDiskConfig",
    module=MODULE,
    output_type=CONFIG_SET,
    synopsis="Sets the OS disk's host caching in a disk configuration set.",
)
class SetAzureVMImageOSDiskConfig(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "SetAzureVMImageOSDiskConfig"
    parameters = (
        _config_parameter(),
        Parameter("HostCaching", "string", position=1, mandatory=True, validate_set=CACHING),
        PROFILE,
    )

    def run(self):
        config = _copy(self.DiskConfig)
        if config.OSDiskConfiguration is None:
            config.OSDiskConfiguration = models.OSDiskConfiguration()
        config.OSDiskConfiguration.HostCaching = self.HostCaching
        yield config


@cmdlet(
    "Set-AzureVMImageDataDiskConfig",
    module=MODULE,
    output_type=CONFIG_SET,
    synopsis="Sets a data disk's LUN and host caching in a disk configuration set (added when new).",
)
class SetAzureVMImageDataDiskConfig(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "SetAzureVMImageDataDiskConfig"
    parameters = (
        _config_parameter(),
        Parameter("DataDiskName", "string", position=1, mandatory=True),
        Parameter("Lun", "int", position=2),
        Parameter("HostCaching", "string", position=3, validate_set=CACHING),
        PROFILE,
    )

    def run(self):
        config = _copy(self.DiskConfig)
        disks = config.DataDiskConfigurations = list(config.DataDiskConfigurations or [])
        disk = next((d for d in disks if (models.prop(d, "Name") or "").lower() == self.DataDiskName.lower()), None)
        if disk is None:
            disk = models.DataDiskConfiguration(Name=self.DataDiskName, HostCaching="None", Lun=0)
            disks.append(disk)
        if self.Lun is not None:
            disk.Lun = self.Lun
        if self.HostCaching is not None:
            disk.HostCaching = self.HostCaching
        yield config


@cmdlet(
    "Remove-AzureVMImageDataDiskConfig",
    module=MODULE,
    output_type=CONFIG_SET,
    synopsis="Removes a data disk from a disk configuration set.",
)
class RemoveAzureVMImageDataDiskConfig(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "RemoveAzureVMImageDataDiskConfig"
    parameters = (
        _config_parameter(),
        Parameter("DataDiskName", "string", position=1, mandatory=True),
        PROFILE,
    )

    def run(self):
        config = _copy(self.DiskConfig)
        name = self.DataDiskName.lower()
        config.DataDiskConfigurations = [
            d for d in config.DataDiskConfigurations or [] if (models.prop(d, "Name") or "").lower() != name
        ]
        yield config
