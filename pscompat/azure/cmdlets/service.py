"""Cloud services and subscription-level lists: Get-/New-/Remove-AzureService, Get-AzureLocation,
Get-AzureRoleSize, Get-AzureSubscription, Select-AzureSubscription, Import-AzurePublishSettingsFile."""

from __future__ import annotations

import os

from pscompat.azure import models
from pscompat.azure.cmdlets.common import (
    MODULE,
    PROFILE,
    AzureCmdlet,
    complete_locations,
    complete_role_sizes,
    complete_service_names,
)
from pscompat.engine.commands import Parameter, cmdlet

SERVICES = "Microsoft.WindowsAzure.Commands.ServiceManagement.HostedServices."
PROFILE_COMMANDS = "Microsoft.WindowsAzure.Commands.Profile."


def _service_context(service: dict, cmdlet: str, operation) -> models.HostedServiceDetailedContext:
    return models.HostedServiceDetailedContext(
        ServiceName=service["ServiceName"],
        Url=service.get("Url"),
        Label=service.get("Label"),
        Description=service.get("Description"),
        Location=service.get("Location"),
        AffinityGroup=service.get("AffinityGroup"),
        Status=service.get("Status"),
        ExtendedProperties={},
        DateModified=models.parse_time(service.get("DateLastModified")),
        DateCreated=models.parse_time(service.get("DateCreated")),
        **models.operation_fields(cmdlet, operation),
    )


@cmdlet(
    "Get-AzureService",
    module=MODULE,
    output_type="HostedServiceDetailedContext",
    synopsis="Gets the cloud services of the subscription.",
    examples=(("Get-AzureService | Get-AzureVM", "Every VM, service by service."),),
)
class GetAzureService(AzureCmdlet):
    dotnet_class = SERVICES + "GetAzureServiceCommand"
    validate_not_empty = ("ServiceName",)
    parameters = (
        Parameter("ServiceName", "string", position=0, pipeline_by_name=True, completer=complete_service_names),
        PROFILE,
    )

    def run(self):
        if self.ServiceName is None:
            response, operation = self.client_action(self.backend.list_services)
            services = response.value
        else:
            response, operation = self.client_action(self.backend.get_service, self.ServiceName)
            services = [response.value]
        for service in services:
            yield _service_context(service, self.name, operation)


@cmdlet(
    "New-AzureService",
    module=MODULE,
    default_set="ParameterSetLocation",
    output_type="ManagementOperationContext",
    synopsis="Creates a cloud service in a location or affinity group.",
    examples=(('New-AzureService -ServiceName web-svc -Location "West US"', "An empty cloud service."),),
)
class NewAzureService(AzureCmdlet):
    dotnet_class = SERVICES + "NewAzureServiceCommand"
    validate_not_empty = ("ServiceName",)
    parameters = (
        Parameter("ServiceName", "string", position=0, mandatory=True, pipeline_by_name=True),
        Parameter(
            "Location",
            "string",
            position=1,
            mandatory=True,
            sets=("ParameterSetLocation",),
            pipeline_by_name=True,
            completer=complete_locations,
        ),
        Parameter(
            "AffinityGroup",
            "string",
            position=1,
            mandatory=True,
            sets=("ParameterSetAffinityGroup",),
            pipeline_by_name=True,
        ),
        Parameter("Label", "string", position=2, pipeline_by_name=True),
        Parameter("Description", "string", position=3, pipeline_by_name=True),
        Parameter("ReverseDnsFqdn", "string", position=4, pipeline_by_name=True),
        PROFILE,
    )

    def run(self):
        body = {
            "ServiceName": self.ServiceName,
            "Location": self.Location,
            "AffinityGroup": self.AffinityGroup,
            "Label": self.Label or self.ServiceName,
            "Description": self.Description,
        }
        _, operation = self.client_action(self.backend.create_service, body)
        yield models.operation_context(self.name, operation)


# pscompat's wording (the classic module's RemoveServiceWarning resource text is not at hand)
REMOVE_SERVICE_QUERY = 'Are you sure you want to remove cloud service "{0}"{1}?'
_EVERYTHING = " and delete its deployment, VMs, disks and their VHD blobs"


@cmdlet(
    "Remove-AzureService",
    module=MODULE,
    output_type="ManagementOperationContext",
    supports_should_process=True,
    synopsis="Deletes a cloud service; -DeleteAll also deletes its VMs, their disks and VHD blobs.",
    examples=(("Remove-AzureService -ServiceName web-svc -DeleteAll -Force", "Deletes the service and all in it."),),
)
class RemoveAzureService(AzureCmdlet):
    dotnet_class = SERVICES + "RemoveAzureServiceCommand"
    validate_not_empty = ("ServiceName",)
    parameters = (
        Parameter(
            "ServiceName", "string", position=0, mandatory=True, pipeline_by_name=True, completer=complete_service_names
        ),
        Parameter("Force", "switch", help="Do not ask for confirmation."),
        Parameter("DeleteAll", "switch", help="Also delete the deployment, its disks and their VHD blobs."),
        PROFILE,
    )

    def run(self):
        # The classic cmdlet's ConfirmAction: ShouldContinue unless -Force, then ShouldProcess.
        # pscompat does not ask under -WhatIf (the classic one did): a dry run never prompts.
        if not self.Force and not self.what_if:
            query = REMOVE_SERVICE_QUERY.format(self.ServiceName, _EVERYTHING if self.DeleteAll else "")
            if not self.should_continue(query):
                return
        if not self.should_process(self.ServiceName, self.name):
            return
        _, operation = self.client_action(
            self.backend.delete_service,
            self.ServiceName,
            bool(self.DeleteAll),
            progress=f"Removing cloud service '{self.ServiceName}'",
        )
        yield models.operation_context(self.name, operation)


@cmdlet(
    "Get-AzureLocation",
    module=MODULE,
    output_type="LocationsContext",
    synopsis="Gets the regions where the subscription can create services.",
    examples=(("Get-AzureLocation | select -Expand Name", "The region names."),),
)
class GetAzureLocation(AzureCmdlet):
    dotnet_class = "Microsoft.WindowsAzure.Commands.ServiceManagement.Location.GetAzureLocationCommand"
    parameters = (PROFILE,)

    def run(self):
        response, operation = self.client_action(self.backend.list_locations)
        for location in response.value:
            yield models.LocationsContext(
                DisplayName=location["DisplayName"],
                Name=location["Name"],
                AvailableServices=list(location["AvailableServices"]),
                **models.operation_fields(self.name, operation),
            )


@cmdlet(
    "Get-AzureRoleSize",
    module=MODULE,
    output_type="RoleSizeContext",
    synopsis="Gets the VM sizes (cores, memory, data-disk count).",
    examples=(("Get-AzureRoleSize -InstanceSize Small", "One size."),),
)
class GetAzureRoleSize(AzureCmdlet):
    dotnet_class = "Microsoft.WindowsAzure.Commands.ServiceManagement.IaaS.GetAzureRoleSizeCommand"
    parameters = (
        Parameter("InstanceSize", "string", position=0, pipeline_by_name=True, completer=complete_role_sizes),
        PROFILE,
    )

    def run(self):
        response, operation = self.client_action(self.backend.list_role_sizes)
        for size in response.value:
            if self.InstanceSize and size["Name"].lower() != self.InstanceSize.lower():
                continue
            yield models.RoleSizeContext(
                InstanceSize=size["Name"],
                RoleSizeLabel=size["Label"],
                Cores=size["Cores"],
                MemoryInMb=size["MemoryInMb"],
                SupportedByWebWorkerRoles=size["SupportedByWebWorkerRoles"],
                SupportedByVirtualMachines=size["SupportedByVirtualMachines"],
                MaxDataDiskCount=size["MaxDataDiskCount"],
                WebWorkerResourceDiskSizeInMb=None,
                VirtualMachineResourceDiskSizeInMb=size["VirtualMachineResourceDiskSizeInMb"],
                **models.operation_fields(self.name, operation),
            )


# Select-AzureSubscription -Current lasts for the session (here: the process); -Default persists.
_CURRENT_SUBSCRIPTION: dict[str, str] = {}


def current_subscription(cmd: AzureCmdlet) -> dict | None:
    """The subscription the cmdlets use (Select-AzureSubscription -Current, else the default)."""
    return next((s for s in _subscriptions(cmd) if s["IsCurrent"]), None)


def _subscriptions(cmd: AzureCmdlet) -> list[dict]:
    subs = cmd.backend.list_subscriptions().value
    current = _CURRENT_SUBSCRIPTION.get("id") or next((s["SubscriptionId"] for s in subs if s["IsDefault"]), None)
    return [{**s, "IsCurrent": s["SubscriptionId"] == current} for s in subs]


@cmdlet(
    "Get-AzureSubscription",
    module=MODULE,
    output_type="PSAzureSubscription",
    synopsis="Gets the subscriptions of the profile (the sandbox has two).",
    examples=(("Get-AzureSubscription -Current", "The subscription the cmdlets use."),),
)
class GetAzureSubscription(AzureCmdlet):
    dotnet_class = PROFILE_COMMANDS + "GetAzureSubscriptionCommand"
    parameters = (
        Parameter("SubscriptionName", "string", position=0, sets=("ByName",), aliases=("Name",)),
        Parameter("Current", "switch", sets=("Current",)),
        Parameter("Default", "switch", sets=("Default",)),
        PROFILE,
    )

    def run(self):
        for sub in _subscriptions(self):
            if self.SubscriptionName and sub["SubscriptionName"].lower() != self.SubscriptionName.lower():
                continue
            if (self.Current and not sub["IsCurrent"]) or (self.Default and not sub["IsDefault"]):
                continue
            yield models.AzureSubscription(**{k: sub.get(k) for k in models.AzureSubscription.PS_PROPERTIES})


@cmdlet(
    "Select-AzureSubscription",
    module=MODULE,
    default_set="SelectSubscriptionByNameParameterSet",
    synopsis="Makes a subscription current (this session) or default (persisted).",
    examples=(('Select-AzureSubscription -SubscriptionName "pscompat sandbox" -Default', "Persists the choice."),),
)
class SelectAzureSubscription(AzureCmdlet):
    dotnet_class = PROFILE_COMMANDS + "SelectAzureSubscriptionCommand"
    parameters = (
        Parameter(
            "SubscriptionName",
            "string",
            position=0,
            mandatory=True,
            aliases=("Name",),
            sets=("SelectSubscriptionByNameParameterSet",),
        ),
        Parameter(
            "SubscriptionId", "string", mandatory=True, aliases=("Id",), sets=("SelectSubscriptionByIdParameterSet",)
        ),
        Parameter("Current", "switch"),
        Parameter("Default", "switch"),
        Parameter("PassThru", "switch"),
        PROFILE,
    )

    def run(self):
        subs = _subscriptions(self)
        if self.SubscriptionId is not None:
            match = [s for s in subs if s["SubscriptionId"].lower() == self.SubscriptionId.lower()]
            wanted = self.SubscriptionId
        else:
            match = [s for s in subs if s["SubscriptionName"].lower() == self.SubscriptionName.lower()]
            wanted = self.SubscriptionName
        if not match:
            self.error(f"The subscription '{wanted}' was not found.", "InvalidArgument")
            return
        chosen = match[0]["SubscriptionId"]
        if self.Default:
            self.client_action(self.backend.set_default_subscription, chosen)
        if self.Current or not self.Default:
            _CURRENT_SUBSCRIPTION["id"] = chosen
        if self.PassThru:
            yield True


@cmdlet(
    "Import-AzurePublishSettingsFile",
    module=MODULE,
    synopsis="Imports the subscriptions and management certificates of a .publishsettings file.",
    examples=(
        (
            "Import-AzurePublishSettingsFile ./local.publishsettings",
            "Points the cmdlets at the endpoint the file names (e.g. pscompat serve --publishsettings).",
        ),
    ),
)
class ImportAzurePublishSettingsFile(AzureCmdlet):
    """docs/azure-classic-api.md §4: every subscription of the file, its certificate kept (as PEM,
    0600) in the sandbox home, the first one the default when none was; no output.  From then on
    the cmdlets of any process use the classic backend with it (publish_profile.py)."""

    dotnet_class = PROFILE_COMMANDS + "ImportAzurePublishSettingsCommand"
    parameters = (
        Parameter("PublishSettingsFile", "string", position=0, mandatory=True),
        Parameter("Environment", "string", position=1, help="Ignored: the file names its endpoint."),
        PROFILE,
    )

    def run(self):
        from pscompat.azure.backends import publish_profile

        path = os.path.normpath(os.path.join(self.ctx.cwd, os.path.expanduser(str(self.PublishSettingsFile))))
        try:
            with open(path, "rb") as f:
                text = f.read()
        except OSError as err:
            self.error(f"Cannot read the publish settings file '{path}': {err.strerror}.", "ReadError")
            return
        for sub in publish_profile.import_file(text):
            self.write_verbose(f"Imported subscription {sub['SubscriptionName']} ({sub['SubscriptionId']}).")
        _CURRENT_SUBSCRIPTION.clear()
        yield from ()


@cmdlet(
    "Set-AzureSubscription",
    module=MODULE,
    synopsis="Sets the storage account of a subscription (where New-AzureVM puts new disks).",
    examples=(
        (
            'Set-AzureSubscription -SubscriptionName "pscompat sandbox" -CurrentStorageAccountName pscompatsandbox',
            "New VMs' disks go to that account's vhds container.",
        ),
    ),
)
class SetAzureSubscription(AzureCmdlet):
    """Only -CurrentStorageAccountName of the module's parameters: the profile's endpoint and
    certificate come from Import-AzurePublishSettingsFile or the PSCOMPAT_AZURE_* variables."""

    dotnet_class = PROFILE_COMMANDS + "SetAzureSubscriptionCommand"
    parameters = (
        Parameter("SubscriptionName", "string", position=0, mandatory=True, aliases=("Name",)),
        Parameter("CurrentStorageAccountName", "string", aliases=("CurrentStorageAccount",)),
        Parameter("PassThru", "switch"),
        PROFILE,
    )

    def run(self):
        match = [s for s in _subscriptions(self) if s["SubscriptionName"].lower() == self.SubscriptionName.lower()]
        if not match:
            self.error(f"The subscription '{self.SubscriptionName}' was not found.", "InvalidArgument")
            return
        if self.CurrentStorageAccountName is not None:
            self.client_action(
                self.backend.set_current_storage_account, match[0]["SubscriptionId"], self.CurrentStorageAccountName
            )
        if self.PassThru:
            (sub,) = [s for s in _subscriptions(self) if s["SubscriptionId"] == match[0]["SubscriptionId"]]
            yield models.AzureSubscription(**{k: sub.get(k) for k in models.AzureSubscription.PS_PROPERTIES})


ADD_ACCOUNT_OFFLINE = (
    "Add-AzureAccount signs in to Azure Active Directory in a browser window, which pscompat does not "
    "do. Import a management certificate instead: Import-AzurePublishSettingsFile <file> (`pscompat "
    "serve --publishsettings <file>` writes one for the local endpoint), or set PSCOMPAT_AZURE_TOKEN "
    "to an access token (docs/serve.md)."
)
SWITCH_MODE_REMOVED = (
    "Switch-AzureMode was removed in Azure PowerShell 1.0 (September 2015): the Service Management "
    "cmdlets (module Azure, the ones pscompat runs) and the Resource Manager cmdlets (modules AzureRM, "
    "now Az) are separate modules used side by side, so there is no mode to switch."
)


@cmdlet(
    "Add-AzureAccount",
    module=MODULE,
    synopsis="Explains how to give pscompat credentials (it signs in to no directory).",
)
class AddAzureAccount(AzureCmdlet):
    dotnet_class = PROFILE_COMMANDS + "AddAzureAccount"
    parameters = (
        Parameter("Credential", "object"),
        Parameter("Environment", "string"),
        Parameter("Tenant", "string"),
        Parameter("ServicePrincipal", "switch"),
        PROFILE,
    )

    def run(self):
        self.error(ADD_ACCOUNT_OFFLINE, "NotImplemented", "System.NotSupportedException")
        yield from ()


@cmdlet(
    "Switch-AzureMode",
    module=MODULE,
    synopsis="Explains that Azure PowerShell 1.0 removed it.",
)
class SwitchAzureMode(AzureCmdlet):
    dotnet_class = "Microsoft.WindowsAzure.Commands.Profile.SwitchAzureMode"
    parameters = (
        Parameter("Name", "string", position=0, validate_set=("AzureServiceManagement", "AzureResourceManager")),
        Parameter("Global", "switch"),
    )

    def run(self):
        self.error(SWITCH_MODE_REMOVED, "NotImplemented", "System.NotSupportedException")
        yield from ()
