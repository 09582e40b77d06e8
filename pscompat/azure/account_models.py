"""The objects of the storage-account and certificate cmdlets (pscompat/azure/cmdlets/accounts.py),
beside models.py and built the same way: the module's type names, its property order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pscompat.azure.backends.base import Operation
from pscompat.azure.models import NS, OPERATION_PROPERTIES, ManagementOperationContext, PSModel, operation_fields, prop


class StorageServicePropertiesOperationContext(ManagementOperationContext):
    """Get-AzureStorageAccount's output (one storage account)."""

    PS_TYPE_NAMES = (
        NS + "StorageServicePropertiesOperationContext",
        NS + "ManagementOperationContext",
        "System.Object",
    )
    PS_PROPERTIES = (
        "StorageAccountDescription",
        "AffinityGroup",
        "Location",
        "GeoReplicationEnabled",
        "GeoPrimaryLocation",
        "GeoSecondaryLocation",
        "Label",
        "StorageAccountStatus",
        "StatusOfPrimary",
        "StatusOfSecondary",
        "Endpoints",
        "AccountType",
        "StorageAccountName",
    ) + OPERATION_PROPERTIES  # type: ignore[assignment]  # (the base's tuple is inferred as fixed-length)
    __slots__ = tuple(p for p in PS_PROPERTIES if p not in OPERATION_PROPERTIES)

    if TYPE_CHECKING:  # the keyword constructor is generated (PSModel.__init_subclass__)

        def __init__(self, **properties: Any) -> None: ...


def storage_account_context(account: dict, cmdlet: str, operation: Operation | None):
    """A List/Get Storage Account dict (StorageServiceProperties flattened) as the cmdlet shows it."""
    return StorageServicePropertiesOperationContext(
        StorageAccountDescription=account.get("Description"),
        AffinityGroup=account.get("AffinityGroup"),
        Location=account.get("Location"),
        GeoReplicationEnabled=account.get("GeoReplicationEnabled"),
        GeoPrimaryLocation=account.get("GeoPrimaryRegion"),
        GeoSecondaryLocation=account.get("GeoSecondaryRegion"),
        Label=account.get("Label"),
        StorageAccountStatus=account.get("Status"),
        StatusOfPrimary=account.get("StatusOfPrimary"),
        StatusOfSecondary=account.get("StatusOfSecondary"),
        Endpoints=list(account.get("Endpoints") or ()),
        AccountType=account.get("AccountType"),
        StorageAccountName=account.get("ServiceName"),
        **operation_fields(cmdlet, operation),
    )


class CertificateSetting(PSModel):
    """New-AzureCertificateSetting's output: a certificate of the cloud service (Add-AzureCertificate)
    that provisioning installs in the VM's store (Add-AzureProvisioningConfig -Certificates)."""

    PS_TYPE_NAMES = (NS + "CertificateSetting", "System.Object")
    PS_PROPERTIES = ("StoreLocation", "StoreName", "Thumbprint")
    __slots__ = PS_PROPERTIES

    if TYPE_CHECKING:  # the keyword constructor is generated (PSModel.__init_subclass__)

        def __init__(self, **properties: Any) -> None: ...


def certificate_setting(value) -> CertificateSetting:
    """Add-AzureProvisioningConfig -Certificates: New-AzureCertificateSetting's objects, or anything
    with StoreName and Thumbprint (LocalMachine and My by default, as the module's)."""
    if isinstance(value, CertificateSetting):
        return value
    return CertificateSetting(
        StoreLocation=prop(value, "StoreLocation") or "LocalMachine",
        StoreName=prop(value, "StoreName") or "My",
        Thumbprint=prop(value, "Thumbprint"),
    )
