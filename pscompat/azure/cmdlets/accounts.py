"""What VM creation and image capture draw on besides images: the subscription's storage accounts
(Get-AzureStorageAccount, Set-AzureStorageAccount; New-AzureVM and the captures put their VHDs in
the current one, Set-AzureSubscription -CurrentStorageAccountName) and the cloud service's
certificates a VM installs at provisioning (New-AzureCertificateSetting for
Add-AzureProvisioningConfig -Certificates).

Names and parameters follow azure-powershell's classic module (StorageServices/
GetAzureStorageAccount.cs, SetAzureStorageAccount.cs, Certificates/NewAzureCertificateSetting.cs);
creating and removing storage accounts is outside what image scripts need and is not offered.
"""

from __future__ import annotations

from pscompat.azure import account_models, models
from pscompat.azure.cmdlets.common import MODULE, PROFILE, AzureCmdlet
from pscompat.engine.commands import Parameter, cmdlet

STORAGE = "Microsoft.WindowsAzure.Commands.ServiceManagement.StorageServices."
ACCOUNT_TYPES = ("Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_RAGRS", "Premium_LRS")


@cmdlet(
    "Get-AzureStorageAccount",
    module=MODULE,
    output_type="StorageServicePropertiesOperationContext",
    synopsis="Gets the subscription's storage accounts, or one by name.",
    examples=(("Get-AzureStorageAccount | select StorageAccountName, Location, AccountType", "Every account."),),
)
class GetAzureStorageAccount(AzureCmdlet):
    dotnet_class = STORAGE + "GetAzureStorageAccountCommand"
    parameters = (
        Parameter("StorageAccountName", "string", position=0, pipeline_by_name=True, aliases=("ServiceName",)),
        PROFILE,
    )

    def run(self):
        if self.StorageAccountName:
            response, operation = self.client_action(self.backend.get_storage_account, self.StorageAccountName)
            yield account_models.storage_account_context(response.value, self.name, operation)
            return
        response, operation = self.client_action(self.backend.list_storage_accounts)
        for account in response.value:
            yield account_models.storage_account_context(account, self.name, operation)


@cmdlet(
    "Set-AzureStorageAccount",
    module=MODULE,
    output_type="ManagementOperationContext",
    synopsis="Changes a storage account's label, description or replication type.",
    examples=(("Set-AzureStorageAccount -StorageAccountName vhds1 -Type Standard_LRS", "Locally redundant only."),),
)
class SetAzureStorageAccount(AzureCmdlet):
    dotnet_class = STORAGE + "SetAzureStorageAccountCommand"
    parameters = (
        Parameter(
            "StorageAccountName", "string", position=0, mandatory=True, pipeline_by_name=True, aliases=("ServiceName",)
        ),
        Parameter("Label", "string", position=1),
        Parameter("Description", "string", position=2),
        Parameter("Type", "string", validate_set=ACCOUNT_TYPES, aliases=("AccountType",)),
        PROFILE,
    )

    def run(self):
        changes = {"Label": self.Label, "Description": self.Description, "AccountType": self.Type}
        _, operation = self.client_action(self.backend.update_storage_account, self.StorageAccountName, changes)
        yield models.operation_context(self.name, operation)


@cmdlet(
    "New-AzureCertificateSetting",
    module=MODULE,
    output_type="CertificateSetting",
    synopsis="A certificate of the cloud service for Add-AzureProvisioningConfig -Certificates to install "
    "in the VM's LocalMachine store.",
    examples=(
        (
            "$cert = New-AzureCertificateSetting -StoreName My -Thumbprint $thumbprint; "
            "$vm | Add-AzureProvisioningConfig -Windows -AdminUsername admin1 -Password $pw -Certificates $cert",
            "The service's certificate installed in the VM's personal store.",
        ),
    ),
)
class NewAzureCertificateSetting(AzureCmdlet):
    dotnet_class = "Microsoft.WindowsAzure.Commands.ServiceManagement.Certificates.NewAzureCertificateSettingCommand"
    parameters = (
        Parameter("StoreName", "string", position=0),
        Parameter("Thumbprint", "string", position=1, mandatory=True),
    )

    def run(self):
        yield account_models.CertificateSetting(
            StoreLocation="LocalMachine", StoreName=self.StoreName or "My", Thumbprint=self.Thumbprint
        )
