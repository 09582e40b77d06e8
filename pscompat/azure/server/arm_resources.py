"""The sandbox store seen as Azure Resource Manager resources (../shared/reference/azure-arm.md §1.2-1.5,
shapes checked against ../shared/data/arm-examples/).

* a cloud service is a resource group, the VMs of its deployment are `Microsoft.Compute/
  virtualMachines` of that group;
* a User OS image is a managed image (`Microsoft.Compute/images`); one captured over ARM keeps its
  resource group (`ArmResourceGroup`), older ones live in the group `IMAGES_GROUP`;
* a Public OS image is a marketplace version: publisher = its publisher name without spaces,
  offer = the first word of its family, sku = the family as a slug, version
  `<n>.0.<yyyymmdd of PublishedDate>` (n counts the family's images oldest first), so the
  client's derived PublishedDate is the catalog's date;
* the generalized state ARM keeps for a VM is recorded under its OS disk's name (a VM made again
  with the same name has a new disk, so it is not generalized).

What ARM knows and the classic API does not (those three facts, the gallery coordinates of a
version) lives in a table of its own, `arm_meta`, never in the classic bodies: the classic server
writes those strictly, and a member its XML tables do not know would break every later answer.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from datetime import datetime

from pscompat.azure.backends import store
from pscompat.azure.backends.sandbox_vms import load_deployment

IMAGES_GROUP = "pscompat-images"
COMPUTE = "Microsoft.Compute"


_META = (
    "CREATE TABLE IF NOT EXISTS arm_meta (kind TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE, "
    "body TEXT NOT NULL, PRIMARY KEY (kind, name))"
)


def ensure_meta(conn: sqlite3.Connection) -> None:
    conn.execute(_META)


def get_meta(conn: sqlite3.Connection, kind: str, name: str) -> dict:
    row = conn.execute("SELECT body FROM arm_meta WHERE kind = ? AND name = ?", (kind, name)).fetchone()
    return json.loads(row[0]) if row else {}


def set_meta(conn: sqlite3.Connection, kind: str, name: str, value: dict | None) -> None:
    if value is None:
        conn.execute("DELETE FROM arm_meta WHERE kind = ? AND name = ?", (kind, name))
    else:
        conn.execute(
            "INSERT OR REPLACE INTO arm_meta (kind, name, body) VALUES (?, ?, ?)", (kind, name, json.dumps(value))
        )


def with_meta(conn: sqlite3.Connection, kind: str, body: dict) -> dict:
    """A classic body with ARM's facts about it added (in memory only: never written back)."""
    return {**body, **get_meta(conn, kind, body["Name"])}


def _vm_key(role: dict) -> str:
    disk = role.get("OSVirtualHardDisk") or {}
    return disk.get("DiskName") or disk.get("MediaLink") or role["RoleName"]


def is_generalized(conn: sqlite3.Connection, role: dict) -> bool:
    return get_meta(conn, "vm", _vm_key(role)).get("osState") == "Generalized"


def set_generalized(conn: sqlite3.Connection, role: dict) -> None:
    set_meta(conn, "vm", _vm_key(role), {"osState": "Generalized"})


def short_location(location: str | None) -> str:
    """`West US` → `westus`, the ARM spelling of a region."""
    return re.sub(r"\s+", "", location or "westus").lower()


def group_id(sub: str, group: str) -> str:
    return f"/subscriptions/{sub}/resourceGroups/{group}"


def resource_group(sub: str, service: dict) -> dict:
    name = service["ServiceName"]
    return {
        "id": group_id(sub, name),
        "name": name,
        "type": "Microsoft.Resources/resourceGroups",
        "location": short_location(service.get("Location")),
        "properties": {"provisioningState": "Succeeded"},
    }


# --- VMs ---------------------------------------------------------------------------------------
_POWER = {"ReadyRole": "running", "StoppedVM": "stopped", "StoppedDeallocated": "deallocated"}


def vm_id(sub: str, group: str, name: str) -> str:
    return f"{group_id(sub, group)}/providers/{COMPUTE}/virtualMachines/{name}"


def _disk_id(sub: str, group: str, name: str) -> str:
    return f"{group_id(sub, group)}/providers/{COMPUTE}/disks/{name}"


def virtual_machine(
    sub: str, group: str, location: str | None, role: dict, instance: dict, generalized: bool, expand: bool = False
) -> dict:
    os_disk = role["OSVirtualHardDisk"]
    name = role["RoleName"]
    body = {
        "id": vm_id(sub, group, name),
        "name": name,
        "type": f"{COMPUTE}/virtualMachines",
        "location": short_location(location),
        "properties": {
            "vmId": str(uuid.uuid5(uuid.NAMESPACE_URL, vm_id(sub, group, name).lower())),
            "hardwareProfile": {"vmSize": role.get("RoleSize")},
            "storageProfile": {
                "osDisk": {
                    "osType": os_disk.get("OS"),
                    "name": os_disk.get("DiskName"),
                    "createOption": "FromImage",
                    "caching": os_disk.get("HostCaching") or "ReadWrite",
                    "managedDisk": {"id": _disk_id(sub, group, os_disk.get("DiskName") or name)},
                    "diskSizeGB": os_disk.get("LogicalDiskSizeInGB"),
                },
                "dataDisks": [
                    {
                        "lun": d.get("Lun") or 0,
                        "name": d.get("DiskName"),
                        "createOption": "Attach",
                        "caching": d.get("HostCaching") or "None",
                        "diskSizeGB": d.get("LogicalDiskSizeInGB"),
                        "managedDisk": {"id": _disk_id(sub, group, d.get("DiskName") or "")},
                    }
                    for d in role.get("DataVirtualHardDisks") or ()
                ],
            },
            "osProfile": {"computerName": name},
            "networkProfile": {"networkInterfaces": []},
            "provisioningState": "Succeeded",
        },
    }
    if expand:
        body["properties"]["instanceView"] = instance_view(instance, generalized)
    return body


def instance_view(instance: dict, generalized: bool) -> dict:
    power = _POWER.get(instance.get("InstanceStatus") or "", "unknown")
    statuses = [
        {"code": "ProvisioningState/succeeded", "level": "Info", "displayStatus": "Provisioning succeeded"},
        {"code": f"PowerState/{power}", "level": "Info", "displayStatus": f"VM {power}"},
    ]
    if generalized:
        statuses.append({"code": "OSState/generalized", "level": "Info", "displayStatus": "VM generalized"})
    return {"computerName": instance.get("RoleName"), "statuses": statuses}


def deployments(conn: sqlite3.Connection) -> list[tuple[dict, dict]]:
    """(service, deployment) pairs, services in name order."""
    pairs = []
    for (body,) in conn.execute("SELECT body FROM services ORDER BY name"):
        service = store_json(body)
        deployment = load_deployment(conn, service["ServiceName"])
        if deployment is not None:
            pairs.append((service, deployment))
    return pairs


def store_json(body: str) -> dict:
    return json.loads(body)


# --- managed images ----------------------------------------------------------------------------
def image_group(image: dict) -> str:
    return image.get("ArmResourceGroup") or IMAGES_GROUP


def image_id(sub: str, group: str, name: str) -> str:
    return f"{group_id(sub, group)}/providers/{COMPUTE}/images/{name}"


def managed_image(sub: str, image: dict, state: str = "Succeeded") -> dict:
    group = image_group(image)
    tags = {k: image[k] for k in ("Label", "ImageFamily", "PublishedDate", "Description") if image.get(k)}
    props: dict = {
        "storageProfile": {
            "osDisk": {
                "osType": image.get("OS"),
                "osState": image.get("OSState") or "Generalized",
                "blobUri": image.get("MediaLink"),
                "caching": "ReadWrite",
                "diskSizeGB": image.get("LogicalSizeInGB"),
                "storageAccountType": "Standard_LRS",
            },
            "dataDisks": [],
            "zoneResilient": False,
        },
        "provisioningState": state,
        "hyperVGeneration": "V1",
    }
    if image.get("ArmSourceVirtualMachine"):
        props = {"sourceVirtualMachine": {"id": image["ArmSourceVirtualMachine"]}, **props}
    return {
        "id": image_id(sub, group, image["Name"]),
        "name": image["Name"],
        "type": f"{COMPUTE}/images",
        "location": short_location(image.get("Location")),
        "tags": tags,
        "properties": props,
    }


def user_images(conn: sqlite3.Connection, group: str | None = None) -> list[dict]:
    images = []
    for (body,) in conn.execute("SELECT body FROM os_images WHERE body LIKE '%\"User\"%' ORDER BY seq"):
        image = with_meta(conn, "image", store_json(body))
        if image.get("Category") == "User" and (group is None or image_group(image).lower() == group.lower()):
            images.append(image)
    return images


# --- marketplace -------------------------------------------------------------------------------
def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def public_images(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute("SELECT body FROM os_images ORDER BY seq")
    return [json.loads(body) for (body,) in rows if '"Public"' in body]


def marketplace(public_images: list[dict]) -> list[dict]:
    """Each public OS image with its marketplace coordinates (publisher, offer, sku, version)."""
    rows = []
    families: dict[tuple, int] = {}
    dated = sorted(public_images, key=lambda i: (i.get("PublishedDate") or "", i["Name"]))
    for image in dated:
        family = image.get("ImageFamily") or image.get("Label") or image["Name"]
        publisher = re.sub(r"[^A-Za-z0-9]", "", image.get("PublisherName") or "Unknown")
        offer = _slug(family.split()[0]) if family.split() else "Image"
        sku = _slug(family)
        key = (publisher.lower(), offer.lower(), sku.lower())
        families[key] = families.get(key, 0) + 1
        day = _yyyymmdd(image.get("PublishedDate"))
        rows.append(
            {"publisher": publisher, "offer": offer, "sku": sku, "version": f"{families[key]}.0.{day}", "image": image}
        )
    return rows


def _yyyymmdd(text: str | None) -> str:
    try:
        return datetime.strptime((text or "")[:10], "%Y-%m-%d").strftime("%Y%m%d")
    except ValueError:
        return "0"


def marketplace_id(sub: str, location: str, *parts: str) -> str:
    """ARM's own spelling of marketplace ids (capitalised segments, azure-arm.md §1.1)."""
    base = f"/Subscriptions/{sub}/Providers/{COMPUTE}/Locations/{location}"
    names = ("Publishers", "ArtifactTypes/VMImage/Offers", "Skus", "Versions")
    return base + "".join(f"/{n}/{p}" for n, p in zip(names, parts))


def marketplace_version(sub: str, location: str, row: dict, detail: bool) -> dict:
    body = {
        "name": row["version"],
        "location": location,
        "id": marketplace_id(sub, location, row["publisher"], row["offer"], row["sku"], row["version"]),
    }
    if detail:
        image = row["image"]
        body["properties"] = {
            "osDiskImage": {"operatingSystem": image.get("OS")},
            "dataDiskImages": [],
            "automaticOSUpgradeProperties": {"automaticOSUpgradeSupported": False},
            "hyperVGeneration": "V1",
            "architecture": "x64",
        }
        if image.get("IsPremium"):
            body["properties"]["plan"] = {"publisher": row["publisher"], "name": row["sku"], "product": row["offer"]}
    return body


ARM_IMAGE_KEYS = ("ArmResourceGroup", "ArmSourceVirtualMachine")


def put_managed_image(conn: sqlite3.Connection, image: dict) -> None:
    classic = {k: v for k, v in image.items() if k not in ARM_IMAGE_KEYS}
    store.insert_image(conn, "os_images", classic)
    store.put_blob(conn, image["MediaLink"], image["LogicalSizeInGB"], image["Name"])
    set_meta(conn, "image", image["Name"], {k: image[k] for k in ARM_IMAGE_KEYS if image.get(k)})
