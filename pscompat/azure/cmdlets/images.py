"""The classic VM-image cmdlets (docs/azure-classic-api.md §1.2–1.6); importing this module also registers the VM,
service and subscription cmdlets, the default views and the model type names."""

from __future__ import annotations

from pscompat.azure import models
from pscompat.azure.cmdlets.common import (
    ANOTHER_IMAGE_TYPE,
    CAPTURE_WHILE_RUNNING,
    DUPLICATE_NAMES,
    IAAS,
    MODULE,
    NO_VM_DEPLOYMENT,
    OS_IMAGE,
    PROFILE,
    VM_IMAGE,
    AzureCmdlet,
    complete_image_names,
    complete_service_names,
    complete_vm_names,
)
from pscompat.engine.commands import Parameter, cmdlet

DISK_REPOSITORY = IAAS + "DiskRepository."
DISK_CONFIG_SET = models.NS + "VirtualMachineImageDiskConfigSet"  # the binder resolves full type names


@cmdlet(
    "Get-AzureVMImage",
    module=MODULE,
    output_type="OSImageContext, VMImageContext",
    synopsis="Gets the OS images and VM images of the image repository.",
    description="Without -ImageName lists every OS image (in server order), then every VM image. "
    "With -ImageName returns that image; an unknown name is a non-terminating ResourceNotFound error.",
    examples=(
        (
            "Get-AzureVMImage | ? ImageFamily -eq 'Windows Server 2012 R2 Datacenter' | "
            "sort PublishedDate -Desc | select -Expand ImageName -First 1",
            "The newest Windows Server 2012 R2 Datacenter image.",
        ),
        (
            "Get-AzureVMImage | where {(gm -InputObject $_ -Name DataDiskConfigurations) -ne $null}",
            "Only the VM images (they alone have DataDiskConfigurations).",
        ),
    ),
)
class GetAzureVMImage(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "GetAzureVMImage"
    validate_not_empty = ("ImageName",)
    parameters = (
        Parameter(
            "ImageName",
            "string",
            position=0,
            pipeline_by_name=True,
            completer=complete_image_names,
            help="The image's name; no wildcards.",
        ),
        PROFILE,
        # Azure PowerShell 0.9's ARM-mode parameters: marketplace images (ARM backend, docs/azure-arm.md)
        Parameter("Location", "string", help="Marketplace region, e.g. westus (ARM backend)."),
        Parameter("PublisherName", "string", help="Marketplace publisher (ARM backend)."),
        Parameter("Offer", "string", help="Marketplace offer; all offers when omitted (ARM backend)."),
        Parameter("Skus", "string", help="Marketplace SKU; all SKUs when omitted (ARM backend)."),
    )

    def run(self):
        if self.Location or self.PublisherName or self.Offer or self.Skus:
            if not (self.Location and self.PublisherName):
                self.error("-Location and -PublisherName are needed to list marketplace images.")
                return
            yield from self._list(
                lambda: self.backend.list_marketplace_images(self.Location, self.PublisherName, self.Offer, self.Skus),
                models.os_image_context,
            )
            return
        if self.ImageName is None:
            # Two wrapped REST calls (docs/azure-classic-api.md §1.1): OS images first,
            # then VM images; rows stream one by one.
            yield from self._list(self.backend.list_os_images, models.os_image_context)
            yield from self._list(self.backend.list_vm_images, models.vm_image_context)
            return
        kinds = self.image_types(self.ImageName)
        if OS_IMAGE in kinds or not kinds:  # neither: the OS-image GET produces the server's 404
            response, operation = self.client_action(self.backend.get_os_image, self.ImageName)
            self.warn_notices()
            yield models.os_image_context(response.value, self.name, operation)
        if VM_IMAGE in kinds:
            yield from self._list(
                self.backend.list_vm_images,
                models.vm_image_context,
                lambda image: image["Name"].lower() == self.ImageName.lower(),
            )

    def _list(self, call, build, keep=None):
        """One wrapped list call whose objects are yielded as the rows arrive (Select -First 1 stops it)."""
        self.verbose_begin()
        response = call()
        operation = self.backend.get_operation_status(response.request_id)
        for image in response.value:
            if keep is None or keep(image):
                self.warn_notices()
                yield build(image, self.name, operation)
        self.verbose_completed()


@cmdlet(
    "Save-AzureVMImage",
    module=MODULE,
    output_type="ManagementOperationContext",
    supports_should_process=True,
    synopsis="Captures a VM of a cloud service as an OS image or, with -OSState, as a VM image.",
    description="Without -OSState the VM's OS disk becomes a generalized OS image and the VM is deleted. With "
    "-OSState Generalized|Specialized the OS disk and all data disks become a VM image; Generalized "
    "deletes the VM, Specialized keeps it. -WhatIf and -Confirm are pscompat's addition (the classic "
    "module had neither): under -Confirm a capture asks first, saying whether it deletes the VM; "
    "-WhatIf shows what it would do.",
    examples=(
        (
            'Save-AzureVMImage -ServiceName "mySvc2" -Name "MyVMToCapture2" -ImageName "myFirstVMImageSP" '
            '-OSState "Specialized" -Verbose',
            "Captures a specialized VM image and keeps the VM.",
        ),
        (
            "Get-AzureVM -ServiceName s -Name v | Save-AzureVMImage -ImageName img",
            "ServiceName and Name bind from the VM object.",
        ),
    ),
)
class SaveAzureVMImage(AzureCmdlet):
    dotnet_class = IAAS + "PersistentVMs.SaveAzureVMImageCommand"
    validate_not_empty = ("ServiceName", "Name", "ImageName", "ImageLabel")
    parameters = (
        Parameter(
            "ServiceName", "string", position=0, mandatory=True, pipeline_by_name=True, completer=complete_service_names
        ),
        Parameter(
            "Name",
            "string",
            position=1,
            mandatory=True,
            pipeline_by_name=True,
            completer=complete_vm_names,
            help="The VM (role) to capture.",
        ),
        Parameter("ImageName", "string", position=2, mandatory=True, aliases=("NewImageName",), pipeline_by_name=True),
        Parameter(
            "ImageLabel",
            "string",
            position=3,
            aliases=("NewImageLabel",),
            pipeline_by_name=True,
            help="Defaults to ImageName.",
        ),
        Parameter("OSState", "string", position=4, pipeline_by_name=True, validate_set=("Generalized", "Specialized")),
        PROFILE,
    )

    def run(self):
        deployment = self.deployment(self.ServiceName)
        if deployment is None:  # docs/azure-classic-api.md §1.3 step 1: two warnings, no error
            self.write_warning(NO_VM_DEPLOYMENT.format(self.ServiceName, self.Name))
            return
        kinds = self.image_types(self.ImageName)
        clash = VM_IMAGE if self.OSState is None else OS_IMAGE
        if clash in kinds:  # docs/azure-classic-api.md §1.3 step 2
            self.error(ANOTHER_IMAGE_TYPE.format(clash, self.ImageName))
            return
        label = self.ImageLabel or self.ImageName
        # pscompat's addition: a dry run (-WhatIf) and, under -Confirm, a question that names the
        # VM's deletion; at the cmdlet's Medium impact nothing asks by default, so no old snippet
        # that captured unattended stops working (issue: "no old snippet can break")
        deletes_vm = self.OSState is None or self.OSState.lower() == "generalized"
        if deletes_vm:
            action = f"Capture as {'OS' if self.OSState is None else 'VM'} image '{self.ImageName}' and delete the VM"
        else:
            action = f"Capture as VM image '{self.ImageName}'"
        consequence = self.backend.capture_consequence(self.Name, self.ImageName, self.OSState)
        if consequence:  # the ARM backend: the VM is left generalized, never to start again
            action = consequence
        if not self.should_process(self.Name, action, "High" if consequence else None, echo=False):
            return
        if self.OSState is None:
            operation = {
                "OperationType": "CaptureRoleOperation",
                "PostCaptureAction": "Delete",
                "TargetImageLabel": label,
                "TargetImageName": self.ImageName,
            }
        else:
            state = "Generalized" if self.OSState.lower() == "generalized" else "Specialized"
            instance = next(
                (i for i in deployment["RoleInstanceList"] if i["RoleName"].lower() == self.Name.lower()), None
            )
            if instance is not None and instance["InstanceStatus"] == "ReadyRole":
                self.write_warning(CAPTURE_WHILE_RUNNING)  # docs/azure-classic-api.md §1.3 step 4: warn, capture anyway
            operation = {
                "OperationType": "CaptureRoleAsVMImageOperation",
                "OSState": state,
                "VMImageName": self.ImageName,
                "VMImageLabel": label,
            }
        _, done = self.client_action(
            self.backend.role_operation,
            self.ServiceName,
            deployment["Name"],
            self.Name,
            operation,
            progress=f"Capturing VM '{self.Name}' as image '{self.ImageName}'",
        )
        self.warn_notices()
        yield models.operation_context(self.name, done)


@cmdlet(
    "Remove-AzureVMImage",
    module=MODULE,
    output_type="ManagementOperationContext",
    supports_should_process=True,
    synopsis="Removes an OS image or VM image from the image repository.",
    description="The VHD blobs stay in storage unless -DeleteVHD is given. -WhatIf and -Confirm are "
    "pscompat's addition (the classic module had neither).",
    examples=(
        ('Remove-AzureVMImage -ImageName "MyOldVmImage"', "Removes the image, keeps its VHDs."),
        (
            "Get-AzureVMImage | ? Label -match Beta | % { Remove-AzureVMImage -ImageName $_.ImageName }",
            "Removes every image whose label mentions Beta.",
        ),
    ),
)
class RemoveAzureVMImage(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "RemoveAzureVMImage"
    validate_not_empty = ("ImageName",)
    parameters = (
        Parameter(
            "ImageName", "string", position=0, mandatory=True, pipeline_by_name=True, completer=complete_image_names
        ),
        Parameter("DeleteVHD", "switch", position=1, help="Also delete the image's VHD blobs."),
        PROFILE,
    )

    def run(self):
        kinds = self.image_types(self.ImageName)
        if kinds == {OS_IMAGE, VM_IMAGE}:
            self.error(DUPLICATE_NAMES.format(self.ImageName))
            return
        action = "Remove image and delete its VHD blobs" if self.DeleteVHD else "Remove image"
        if not self.should_process(self.ImageName, action, echo=False):
            return
        delete = self.backend.delete_vm_image if VM_IMAGE in kinds else self.backend.delete_os_image
        _, operation = self.client_action(
            delete, self.ImageName, bool(self.DeleteVHD), progress=f"Removing image '{self.ImageName}'"
        )
        self.warn_notices()
        yield models.operation_context(self.name, operation)


_METADATA = (  # Add/Update-AzureVMImage parameter -> REST element
    ("Label", "Label"),
    ("Eula", "Eula"),
    ("Description", "Description"),
    ("ImageFamily", "ImageFamily"),
    ("PrivacyUri", "PrivacyUri"),
    ("RecommendedVMSize", "RecommendedVMSize"),
    ("IconName", "IconUri"),
    ("SmallIconName", "SmallIconUri"),
    ("Language", "Language"),
)


def _metadata(cmd: AzureCmdlet) -> dict:
    body = {element: getattr(cmd, param, None) for param, element in _METADATA}
    published = getattr(cmd, "PublishedDate", None)
    if published is not None:
        body["PublishedDate"] = (
            published.strftime("%Y-%m-%dT%H:%M:%SZ") if hasattr(published, "strftime") else str(published)
        )
    return {k: (str(v) if v is not None else None) for k, v in body.items()}


def _disk_configs(config) -> dict:
    os_config = models.disk_config_dict(models.prop(config, "OSDiskConfiguration"))
    data = [models.disk_config_dict(d) for d in models.prop(config, "DataDiskConfigurations") or ()]
    return {"OSDiskConfiguration": os_config, "DataDiskConfigurations": data}


_ICON_PARAMETERS = (
    Parameter("IconName", "string", position=10, aliases=("IconUri",), pipeline_by_name=True),
    Parameter("SmallIconName", "string", position=11, aliases=("SmallIconUri",), pipeline_by_name=True),
)


@cmdlet(
    "Add-AzureVMImage",
    module=MODULE,
    default_set="OSImage",
    output_type="OSImageContext",
    synopsis="Adds an OS image (from a VHD) or a VM image (from disk configurations) to the repository.",
    examples=(
        (
            "Add-AzureVMImage -ImageName golden-web -MediaLocation "
            "https://pscompatsandbox.blob.core.windows.net/vhds/golden-web.vhd -OS Linux",
            "Registers a generalized Linux VHD as an OS image.",
        ),
    ),
)
class AddAzureVMImage(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "AddAzureVMImage"
    validate_not_empty = ("ImageName",)
    parameters = (
        Parameter("ImageName", "string", position=0, mandatory=True, pipeline_by_name=True),
        Parameter("MediaLocation", "string", position=1, mandatory=True, sets=("OSImage",), pipeline_by_name=True),
        Parameter(
            "DiskConfig",
            DISK_CONFIG_SET,
            position=1,
            mandatory=True,
            sets=("VMImage",),
            pipeline=True,
            pipeline_by_name=True,
        ),
        Parameter(
            "OS",
            "string",
            position=2,
            mandatory=True,
            mandatory_sets=("OSImage",),
            validate_set=("Windows", "Linux"),
            pipeline_by_name=True,
        ),
        Parameter("Label", "string", position=3, pipeline_by_name=True, help="Defaults to ImageName."),
        Parameter("Eula", "string", position=4, pipeline_by_name=True),
        Parameter("Description", "string", position=5, pipeline_by_name=True),
        Parameter("ImageFamily", "string", position=6, pipeline_by_name=True),
        Parameter("PublishedDate", "datetime", position=7, pipeline_by_name=True),
        Parameter("PrivacyUri", "uri", position=8, pipeline_by_name=True),
        Parameter("RecommendedVMSize", "string", position=9, pipeline_by_name=True),
        *_ICON_PARAMETERS,
        Parameter("ShowInGui", "switch", position=12, pipeline_by_name=True),
        PROFILE,
    )

    def run(self):
        body = {"Name": self.ImageName, **_metadata(self)}
        body["Label"] = body["Label"] or self.ImageName
        if self.ShowInGui:
            body["ShowInGui"] = True
        if self.parameter_set == "VMImage":
            body.update(_disk_configs(self.DiskConfig))
            _, operation = self.client_action(self.backend.create_vm_image, body)
            yield models.operation_context(self.name, operation)
            return
        body.update(MediaLink=self.MediaLocation, OS=self.OS.capitalize())
        # AddAzureVMImage.cs fills the .NET client's non-nullable IsPremium (false) and
        # ShowInGui (ShowInGui.IsPresent), so the request always carries both.
        body.update(IsPremium=False, ShowInGui=bool(self.ShowInGui))
        response, operation = self.client_action(self.backend.add_os_image, body)
        yield models.os_image_context(response.value, self.name, operation)


@cmdlet(
    "Update-AzureVMImage",
    module=MODULE,
    output_type="OSImageContext",
    synopsis="Changes the label and metadata of a user OS image or VM image.",
    examples=(('Update-AzureVMImage -ImageName golden-web -Label "golden web, v2"', "Relabels an image."),),
)
class UpdateAzureVMImage(AzureCmdlet):
    dotnet_class = DISK_REPOSITORY + "UpdateAzureVMImage"
    validate_not_empty = ("ImageName", "Label")
    parameters = (
        Parameter(
            "ImageName", "string", position=0, mandatory=True, pipeline_by_name=True, completer=complete_image_names
        ),
        Parameter("Label", "string", position=1, mandatory=True, pipeline_by_name=True),
        Parameter("Eula", "string", position=2, pipeline_by_name=True),
        Parameter("Description", "string", position=3, pipeline_by_name=True),
        Parameter("ImageFamily", "string", position=4, pipeline_by_name=True),
        Parameter("PublishedDate", "datetime", position=5, pipeline_by_name=True),
        Parameter("PrivacyUri", "uri", position=6, pipeline_by_name=True),
        Parameter("RecommendedVMSize", "string", position=7, pipeline_by_name=True),
        Parameter("DiskConfig", DISK_CONFIG_SET, position=8, pipeline=True, pipeline_by_name=True),
        Parameter("Language", "string", position=9, pipeline_by_name=True),
        *_ICON_PARAMETERS,
        Parameter("DontShowInGui", "switch", position=12, pipeline_by_name=True),
        PROFILE,
    )

    def run(self):
        kinds = self.image_types(self.ImageName)
        if kinds == {OS_IMAGE, VM_IMAGE}:
            self.error(DUPLICATE_NAMES.format(self.ImageName))
            return
        changes = _metadata(self)
        if self.DontShowInGui:
            changes["ShowInGui"] = False  # absent switch: the element is omitted (docs/azure-classic-api.md §1.6)
        if OS_IMAGE in kinds:
            response, operation = self.client_action(self.backend.update_os_image, self.ImageName, changes)
            yield models.os_image_context(response.value, self.name, operation)
            return
        if self.DiskConfig is not None:
            changes["DiskConfig"] = _disk_configs(self.DiskConfig)
        _, operation = self.client_action(self.backend.update_vm_image, self.ImageName, changes)
        yield models.operation_context(self.name, operation)


def _register_types_and_views() -> None:
    from pscompat.azure.cmdlets.views import register

    register()


_register_types_and_views()
