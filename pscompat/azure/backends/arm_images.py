"""ARM images as the classic image dicts the cmdlets and models already read
(../shared/reference/azure-arm.md §3.1; the table in docs/azure-arm.md says which classic
property comes from which ARM field).

* a managed image (`Microsoft.Compute/images`) is a User OS image named by its resource name;
* a marketplace image version is a Public OS image named by its URN
  `publisher:offer:sku:version` (the az CLI's convention);
* a Compute Gallery image version is a User VM image named after its image definition.

Properties ARM has no field for stay $null; `unmapped()` names them per kind so the backend can
warn once per session.  Values ARM does not hold but a script sorts or filters on (Label,
ImageFamily, PublishedDate) are read from tags that Save-AzureVMImage writes, or, for the
marketplace, derived from the URN and the version string.
"""

from __future__ import annotations

import re
from datetime import datetime

MANAGED, MARKETPLACE, GALLERY = "managed", "marketplace", "gallery"

# Classic properties with no ARM counterpart, per kind (azure-arm.md §3.1, last row and "partial" rows).
_NO_EQUIVALENT = {
    MANAGED: ("AffinityGroup", "IconUri", "SmallIconUri", "ShowInGui", "IOType", "PublisherName"),
    MARKETPLACE: (
        "AffinityGroup",
        "MediaLink",
        "LogicalSizeInGB",
        "Eula",
        "Description",
        "IconUri",
        "SmallIconUri",
        "PrivacyUri",
        "RecommendedVMSize",
        "ShowInGui",
        "IOType",
    ),
    GALLERY: (
        "AffinityGroup",
        "IconUri",
        "SmallIconUri",
        "ShowInGui",
        "IOType",
        "ServiceName",
        "DeploymentName",
        "RoleName",
        "Language",
        "PricingDetailLink",
        "CreatedTime",
        "ModifiedTime",
    ),
}


def unmapped(kind: str) -> tuple[str, ...]:
    return _NO_EQUIVALENT[kind]


def _tag(resource: dict, name: str):
    tags = resource.get("tags") or {}
    return next((v for k, v in tags.items() if k.lower() == name.lower()), None)


def resource_group_of(resource_id: str) -> str | None:
    """The resource group segment of an ARM id (ids are case-insensitive, azure-arm.md §1.1)."""
    parts = resource_id.strip("/").split("/")
    lowered = [p.lower() for p in parts]
    if "resourcegroups" in lowered:
        i = lowered.index("resourcegroups")
        return parts[i + 1] if i + 1 < len(parts) else None
    return None


def managed_image(image: dict) -> dict:
    """A managed image as an OSImage dict."""
    props = image.get("properties") or {}
    os_disk = (props.get("storageProfile") or {}).get("osDisk") or {}
    name = image.get("name") or ""
    return {
        "Name": name,
        "Category": "User",
        "Label": _tag(image, "Label") or name,
        "Location": image.get("location"),
        "LogicalSizeInGB": os_disk.get("diskSizeGB"),
        "MediaLink": os_disk.get("blobUri"),
        "OS": os_disk.get("osType"),
        "OSState": os_disk.get("osState"),
        "Eula": _tag(image, "Eula"),
        "Description": _tag(image, "Description"),
        "ImageFamily": _tag(image, "ImageFamily"),
        "PublishedDate": _tag(image, "PublishedDate"),
        "IsPremium": False,
        "PrivacyUri": _tag(image, "PrivacyUri"),
        "RecommendedVMSize": _tag(image, "RecommendedVMSize"),
        "ArmId": image.get("id"),
        "ResourceGroup": resource_group_of(image.get("id") or ""),
    }


def urn(publisher: str, offer: str, sku: str, version: str) -> str:
    return f"{publisher}:{offer}:{sku}:{version}"


def parse_urn(name: str) -> tuple[str, str, str, str] | None:
    parts = name.split(":")
    if len(parts) == 4 and all(parts):
        return parts[0], parts[1], parts[2], parts[3]
    return None


def version_key(version: str) -> tuple:
    """Marketplace versions compare part by part as numbers ("latest" is the highest, §1.4)."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in version.split("."))


_DATE_PART = re.compile(r"^(\d{6}|\d{8})$")


def derived_date(version: str) -> str | None:
    """The build date many publishers put in a version's last part (`4.127.20180315`,
    `26100.2033.241004`): a convention, not a contract, so only a valid date counts."""
    last = version.split(".")[-1]
    if not _DATE_PART.match(last):
        return None
    text = last if len(last) == 8 else "20" + last
    try:
        return datetime.strptime(text, "%Y%m%d").strftime("%Y-%m-%dT00:00:00Z")
    except ValueError:
        return None


def marketplace_image(publisher: str, offer: str, sku: str, version: dict, location: str) -> dict:
    """A marketplace version (`VirtualMachineImageResource`, with or without properties) as an
    OSImage dict."""
    name = version.get("name") or ""
    props = version.get("properties") or {}
    return {
        "Name": urn(publisher, offer, sku, name),
        "Category": "Public",
        "Label": f"{offer} {sku} {name}",
        "Location": version.get("location") or location,
        "OS": (props.get("osDiskImage") or {}).get("operatingSystem"),
        "ImageFamily": f"{publisher}:{offer}:{sku}",
        "PublishedDate": derived_date(name),
        "IsPremium": bool(props.get("plan")),
        "PublisherName": publisher,
        "ArmId": version.get("id"),
    }


def gallery_image(version: dict, definition: dict) -> dict:
    """A gallery image version with its image definition as a VMImage dict."""
    props = version.get("properties") or {}
    definition_props = definition.get("properties") or {}
    storage = props.get("storageProfile") or {}
    os_image = storage.get("osDiskImage") or {}
    publishing = props.get("publishingProfile") or {}
    name = definition.get("name") or ""
    number = version.get("name") or ""
    os_type = definition_props.get("osType")
    return {
        "Name": name,
        "Label": _tag(version, "Label") or f"{name} {number}",
        "Category": "User",
        "Description": definition_props.get("description"),
        "OSDiskConfiguration": {
            "Name": f"{name}-{number}-os",
            "HostCaching": os_image.get("hostCaching") or "ReadWrite",
            "OSState": definition_props.get("osState"),
            "OS": os_type,
            "LogicalDiskSizeInGB": os_image.get("sizeInGB"),
        },
        "DataDiskConfigurations": [
            {
                "Name": f"{name}-{number}-datadisk-{d.get('lun')}",
                "HostCaching": d.get("hostCaching") or "None",
                "Lun": d.get("lun"),
                "LogicalDiskSizeInGB": d.get("sizeInGB"),
            }
            for d in storage.get("dataDiskImages") or ()
        ],
        "Location": version.get("location"),
        "ImageFamily": _tag(version, "ImageFamily") or name,
        "RecommendedVMSize": None,
        "Eula": definition_props.get("eula"),
        "PrivacyUri": definition_props.get("privacyStatementUri"),
        "PublishedDate": publishing.get("publishedDate"),
        "IsPremium": False,
        "PublisherName": (definition_props.get("identifier") or {}).get("publisher"),
        "ArmId": version.get("id"),
        "Version": number,
    }


def vm_role(vm: dict, view: dict | None) -> tuple[dict, dict]:
    """An ARM VM as the classic (Role, RoleInstance) pair of a deployment."""
    props = vm.get("properties") or {}
    storage = props.get("storageProfile") or {}
    os_disk = storage.get("osDisk") or {}
    size = (props.get("hardwareProfile") or {}).get("vmSize")
    name = vm.get("name") or ""
    role = {
        "RoleName": name,
        "RoleSize": size,
        "RoleType": "PersistentVMRole",
        "ConfigurationSets": [],
        "OSVirtualHardDisk": {
            "DiskName": os_disk.get("name"),
            "OS": os_disk.get("osType"),
            "HostCaching": os_disk.get("caching"),
            "MediaLink": (os_disk.get("vhd") or {}).get("uri"),
            "SourceImageName": _image_reference(storage.get("imageReference") or {}),
        },
        "DataVirtualHardDisks": [
            {
                "DiskName": d.get("name"),
                "Lun": d.get("lun"),
                "LogicalDiskSizeInGB": d.get("diskSizeGB"),
                "HostCaching": d.get("caching"),
            }
            for d in storage.get("dataDisks") or ()
        ],
        "ArmId": vm.get("id"),
        "Location": vm.get("location"),
    }
    statuses = [s.get("code") or "" for s in ((view or props.get("instanceView") or {}).get("statuses") or ())]
    power = next((s.split("/", 1)[1] for s in statuses if s.lower().startswith("powerstate/")), None)
    generalized = any(s.lower() == "osstate/generalized" for s in statuses)
    status, power_state = _POWER.get((power or "").lower(), ("Unknown", None))
    instance = {
        "RoleName": name,
        "InstanceName": name,
        "InstanceStatus": status,
        "PowerState": power_state,
        "InstanceSize": size,
        "Generalized": generalized,
    }
    return role, instance


# ARM power state -> classic (InstanceStatus, PowerState)
_POWER = {
    "running": ("ReadyRole", "Started"),
    "starting": ("RoleStateUnknown", "Starting"),
    "stopped": ("StoppedVM", "Stopped"),
    "stopping": ("StoppedVM", "Stopping"),
    "deallocated": ("StoppedDeallocated", "Stopped"),
    "deallocating": ("StoppedDeallocated", "Stopping"),
}


def _image_reference(ref: dict) -> str | None:
    if ref.get("publisher"):
        return urn(ref["publisher"], ref.get("offer") or "", ref.get("sku") or "", ref.get("version") or "")
    return (ref.get("id") or "").rsplit("/", 1)[-1] or None
