"""One Azure Compute Gallery over the sandbox (../shared/reference/azure-arm.md §1.5): where
specialized captures go, since ARM has no specialized managed images.

The server's gallery is `<group>/<name>` (option `gallery`, default `pscompat-images/gallery`).
Its image definitions live in a table of their own (`arm_gallery_images`); an image version is a
classic VM image of the store named `<definition>-<version>` (so the classic API sees it too),
made from the VM by the sandbox's own capture, with the gallery coordinates (`ArmGallery`) in
`arm_meta` (arm_resources.py: never in the classic body).
User VM images made the classic way appear as version 1.0.0 of a definition of their name.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from pscompat.azure.backends import store
from pscompat.azure.backends.base import CloudError
from pscompat.azure.backends.sandbox_vms import apply_capture_vm_image, load_deployment
from pscompat.azure.server import arm_resources as R
from pscompat.azure.server.arm_operations import ArmProblem

GALLERY_API = "2024-03-03"
_SCHEMA = "CREATE TABLE IF NOT EXISTS arm_gallery_images (name TEXT PRIMARY KEY COLLATE NOCASE, body TEXT NOT NULL)"


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.execute(_SCHEMA)


def gallery_id(sub: str, gallery: tuple[str, str]) -> str:
    return f"{R.group_id(sub, gallery[0])}/providers/Microsoft.Compute/galleries/{gallery[1]}"


def _legacy_images(conn: sqlite3.Connection) -> list[dict]:
    """The store's User VM images made the classic way (no `ArmGallery`): each is version 1.0.0 of
    a definition of its own name, so ARM clients see (and can remove) every VM image."""
    found = []
    for (body,) in conn.execute("SELECT body FROM vm_images WHERE body LIKE '%\"User\"%' ORDER BY seq"):
        image = R.with_meta(conn, "vmimage", json.loads(body))
        if image.get("Category") == "User" and not image.get("ArmGallery"):
            os_config = image.get("OSDiskConfiguration") or {}
            image["ArmGallery"] = {
                "definition": image["Name"],
                "version": "1.0.0",
                "source": None,
                "publishedDate": image.get("CreatedTime"),
                "definitionProperties": {
                    "osType": os_config.get("OS"),
                    "osState": os_config.get("OSState") or "Specialized",
                    "identifier": {"publisher": "pscompat", "offer": image["Name"], "sku": image["Name"]},
                },
            }
            found.append(image)
    return found


def definitions(conn: sqlite3.Connection) -> list[dict]:
    stored = [json.loads(b) for (b,) in conn.execute("SELECT body FROM arm_gallery_images ORDER BY name")]
    names = {d["name"].lower() for d in stored}
    for image in _legacy_images(conn):
        arm = image["ArmGallery"]
        if arm["definition"].lower() not in names:
            stored.append(
                {
                    "name": arm["definition"],
                    "location": R.short_location(image.get("Location")),
                    "properties": arm["definitionProperties"],
                }
            )
    return stored


def definition(conn: sqlite3.Connection, name: str) -> dict | None:
    return next((d for d in definitions(conn) if d["name"].lower() == name.lower()), None)


def definition_body(sub: str, gallery: tuple[str, str], stored: dict, state: str = "Succeeded") -> dict:
    return {
        "id": f"{gallery_id(sub, gallery)}/images/{stored['name']}",
        "name": stored["name"],
        "type": "Microsoft.Compute/galleries/images",
        "location": stored.get("location"),
        "properties": {**stored["properties"], "provisioningState": state},
    }


def check_definition(name: str, body: dict) -> dict:
    props = body.get("properties") or {}
    missing = [k for k in ("osType", "osState", "identifier") if not props.get(k)]
    if missing:
        raise ArmProblem(400, "InvalidParameter", f"Required parameter '{missing[0]}' is missing (null).")
    keep = ("osType", "osState", "identifier", "hyperVGeneration", "description", "eula", "privacyStatementUri")
    return {"name": name, "location": body.get("location"), "properties": {k: props[k] for k in keep if k in props}}


def put_definition(stored: dict) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        ensure_schema(conn)
        conn.execute(
            "INSERT OR REPLACE INTO arm_gallery_images (name, body) VALUES (?, ?)", (stored["name"], json.dumps(stored))
        )

    return apply


def versions(conn: sqlite3.Connection, definition_name: str) -> list[dict]:
    found = []
    for (body,) in conn.execute("SELECT body FROM vm_images ORDER BY seq"):
        image = R.with_meta(conn, "vmimage", json.loads(body))
        arm = image.get("ArmGallery") or {}
        if arm.get("definition", "").lower() == definition_name.lower():
            found.append(image)
    legacy = [i for i in _legacy_images(conn) if i["Name"].lower() == definition_name.lower()]
    return legacy + found


def version_body(sub: str, gallery: tuple[str, str], image: dict, state: str = "Succeeded") -> dict:
    arm = image["ArmGallery"]
    os_config = image["OSDiskConfiguration"]
    return {
        "id": f"{gallery_id(sub, gallery)}/images/{arm['definition']}/versions/{arm['version']}",
        "name": arm["version"],
        "type": "Microsoft.Compute/galleries/images/versions",
        "location": R.short_location(image.get("Location")),
        "tags": {"Label": image.get("Label")} if image.get("Label") else {},
        "properties": {
            "publishingProfile": {
                "targetRegions": [{"name": R.short_location(image.get("Location")), "regionalReplicaCount": 1}],
                "replicaCount": 1,
                "publishedDate": arm.get("publishedDate"),
                "excludeFromLatest": False,
                "storageAccountType": "Standard_LRS",
            },
            "storageProfile": {
                "source": {"virtualMachineId": arm.get("source")},
                "osDiskImage": {
                    "sizeInGB": os_config.get("LogicalDiskSizeInGB"),
                    "hostCaching": os_config.get("HostCaching"),
                },
                "dataDiskImages": [
                    {"lun": d.get("Lun"), "sizeInGB": d.get("LogicalDiskSizeInGB"), "hostCaching": d.get("HostCaching")}
                    for d in image["DataDiskConfigurations"]
                ],
            },
            "provisioningState": state,
        },
    }


def check_version(conn: sqlite3.Connection, definition_name: str, number: str, body: dict) -> tuple[str, str, str]:
    """(group, vm, source id) of a version PUT made from a VM; the definition must be Specialized."""
    found = definition(conn, definition_name)
    if found is None:
        raise ArmProblem(404, "ResourceNotFound", f"The gallery image definition '{definition_name}' was not found.")
    if (found["properties"].get("osState") or "").lower() != "specialized":
        raise ArmProblem(400, "InvalidParameter", "This gallery only captures VMs into Specialized image definitions.")
    source = (((body.get("properties") or {}).get("storageProfile") or {}).get("source") or {}).get("virtualMachineId")
    parts = (source or "").strip("/").split("/")
    lowered = [p.lower() for p in parts]
    try:
        group = parts[lowered.index("resourcegroups") + 1]
        vm = parts[lowered.index("virtualmachines") + 1]
    except (ValueError, IndexError):
        raise ArmProblem(400, "InvalidParameter", "storageProfile.source.virtualMachineId must name a VM.") from None
    deployment = load_deployment(conn, group)
    if deployment is None or not any(r["RoleName"].lower() == vm.lower() for r in deployment["RoleList"]):
        raise ArmProblem(404, "ResourceNotFound", f"The virtual machine '{source}' was not found.")
    if any(v["ArmGallery"]["version"] == number for v in versions(conn, definition_name)):
        raise ArmProblem(409, "Conflict", f"Version {number} of '{definition_name}' exists.")
    return group, vm, source or ""


def capture_version(
    definition_name: str, number: str, group: str, vm: str, source: str, label: str | None
) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        deployment = load_deployment(conn, group)
        if deployment is None:
            raise CloudError("ResourceNotFound", f"The virtual machine '{source}' was deleted meanwhile.", 404)
        name = f"{definition_name}-{number}"
        operation = {"VMImageName": name, "VMImageLabel": label or name, "OSState": "Specialized"}
        apply_capture_vm_image(
            conn, {"service": group, "deployment": deployment["Name"], "role_name": vm, "operation": operation}
        )
        published = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        coordinates = {"definition": definition_name, "version": number, "source": source, "publishedDate": published}
        R.set_meta(conn, "vmimage", name, {"ArmGallery": coordinates})

    return apply


def delete_version(image_name: str) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT body FROM vm_images WHERE name = ?", (image_name,)).fetchone()
        if row is None:
            return
        image = json.loads(row[0])
        conn.execute("DELETE FROM vm_images WHERE name = ?", (image_name,))
        R.set_meta(conn, "vmimage", image_name, None)
        for disk in [image["OSDiskConfiguration"], *image["DataDiskConfigurations"]]:
            store.delete_blob(conn, disk.get("MediaLink"))

    return apply
