"""What the sandbox "server" does for deployment, role and capture operations.

Every `apply_*` function runs inside the caller's write transaction and either completes its whole
change or raises `CloudError` (the caller rolls back), so no process ever sees half a capture.
The sandbox calls each one twice: once, rolled back, when the request arrives (so validation errors
come back synchronously, like the server's 4xx answers before a 202), and once for real when the
asynchronous operation completes (preconditions may have changed in between).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone

from pscompat.azure.backends import catalog, store
from pscompat.azure.backends.base import IMAGE_NOT_FOUND, CloudError, bad_request, conflict, not_found


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# --- loading and saving ------------------------------------------------------------------------
def load_service(conn: sqlite3.Connection, name: str) -> dict:
    row = conn.execute("SELECT body FROM services WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise not_found("The hosted service does not exist.")
    return json.loads(row[0])


def load_deployment(conn: sqlite3.Connection, service: str) -> dict | None:
    row = conn.execute("SELECT body FROM deployments WHERE service = ?", (service,)).fetchone()
    return json.loads(row[0]) if row else None


def require_deployment(conn: sqlite3.Connection, service: str, deployment_name: str | None = None) -> dict:
    load_service(conn, service)
    deployment = load_deployment(conn, service)
    if deployment is None or (deployment_name and deployment["Name"].lower() != deployment_name.lower()):
        raise not_found("No deployments were found.")
    return deployment


def save_deployment(conn: sqlite3.Connection, service: str, deployment: dict) -> None:
    if deployment["RoleList"]:
        conn.execute(
            "INSERT OR REPLACE INTO deployments (service, body) VALUES (?, ?)", (service, store.dumps(deployment))
        )
    else:  # the last VM went away: so does the deployment (the service stays)
        conn.execute("DELETE FROM deployments WHERE service = ?", (service,))


def find_role(deployment: dict, role_name: str) -> tuple[dict, dict]:
    for role, instance in zip(deployment["RoleList"], deployment["RoleInstanceList"]):
        if role["RoleName"].lower() == role_name.lower():
            return role, instance
    raise not_found(f"The role {role_name} does not exist in deployment {deployment['Name']}.")


def _remove_role(deployment: dict, role_name: str) -> dict:
    role, _ = find_role(deployment, role_name)
    keep = [i for i, r in enumerate(deployment["RoleList"]) if r is not role]
    deployment["RoleList"] = [deployment["RoleList"][i] for i in keep]
    deployment["RoleInstanceList"] = [deployment["RoleInstanceList"][i] for i in keep]
    return role


def _disks(role: dict) -> list[dict]:
    return [role["OSVirtualHardDisk"], *role["DataVirtualHardDisks"]]


def _release_disks(conn: sqlite3.Connection, disks: list[dict], delete_vhd: bool) -> None:
    """Detach disks from a deleted role; with ?comp=media also delete them and their blobs."""
    for disk in disks:
        if delete_vhd:
            conn.execute("DELETE FROM disks WHERE name = ?", (disk["DiskName"],))
            store.refuse_if_blob_in_use(conn, disk["MediaLink"], disk["DiskName"])
            store.delete_blob(conn, disk["MediaLink"])
        else:
            conn.execute("UPDATE disks SET attached_to = NULL WHERE name = ?", (disk["DiskName"],))


# --- creating VMs ------------------------------------------------------------------------------
def _new_disk(service: str, role: str, n: int, stamp: str, size: int, media_link: str | None = None, **extra) -> dict:
    name = f"{service}-{role}-{n}-{stamp}"
    return {
        "HostCaching": "None",
        "DiskLabel": None,
        "DiskName": name,
        "MediaLink": media_link or f"{catalog.BLOB_BASE}{name}.vhd",
        "LogicalDiskSizeInGB": size,
        "IOType": "Standard",
        **extra,
    }


def _image_for(conn: sqlite3.Connection, spec: dict) -> tuple[str, dict]:
    """('vm', VMImage) or ('os', OSImage) the role is created from."""
    name = spec.get("VMImageName")
    table = "vm_images" if name else "os_images"
    name = name or (spec.get("OSVirtualHardDisk") or {}).get("SourceImageName")
    row = conn.execute(f"SELECT body FROM {table} WHERE name = ?", (name,)).fetchone() if name else None
    if row is None:
        raise not_found(IMAGE_NOT_FOUND)
    return ("vm" if table == "vm_images" else "os"), json.loads(row[0])


def materialize_role(conn: sqlite3.Connection, service: str, spec: dict, taken_ips: set[str]) -> tuple[dict, dict]:
    """A Role (+ its RoleInstance) from a PersistentVM spec: the image's disks are copied into new
    VHDs (a VM image brings its data disks along), then the spec's own data disks are added."""
    stamp = utc_now().strftime("%Y%m%d%H%M%S%f")[:18]
    name = spec["RoleName"]
    kind, image = _image_for(conn, spec)
    os_spec = spec.get("OSVirtualHardDisk") or {}
    if kind == "vm":
        config = image["OSDiskConfiguration"]
        os_disk = _new_disk(
            service,
            name,
            0,
            stamp,
            config["LogicalDiskSizeInGB"],
            os_spec.get("MediaLink"),
            OS=config["OS"],
            SourceImageName=image["Name"],
        )
        os_disk["HostCaching"] = config.get("HostCaching") or "ReadWrite"
        data_disks = [
            _new_disk(
                service,
                name,
                d["Lun"] + 1,
                stamp,
                d["LogicalDiskSizeInGB"],
                Lun=d["Lun"],
                HostCaching=d.get("HostCaching") or "None",
            )
            for d in image["DataDiskConfigurations"]
        ]
    else:
        os_disk = _new_disk(
            service,
            name,
            0,
            stamp,
            image["LogicalSizeInGB"],
            os_spec.get("MediaLink"),
            OS=image["OS"],
            SourceImageName=image["Name"],
        )
        os_disk["HostCaching"] = os_spec.get("HostCaching") or "ReadWrite"
        data_disks = []
    role = {
        "RoleName": name,
        "RoleType": "PersistentVMRole",
        "RoleSize": spec.get("RoleSize") or "Small",
        "Label": spec.get("Label"),
        "AvailabilitySetName": spec.get("AvailabilitySetName"),
        "OSVirtualHardDisk": os_disk,
        "DataVirtualHardDisks": data_disks,
        "ConfigurationSets": spec.get("ConfigurationSets") or [],
        "ProvisionGuestAgent": spec.get("ProvisionGuestAgent", True),
    }
    if kind == "vm":
        role["VMImageName"] = image["Name"]
    _attach_data_disks(conn, service, role, spec.get("DataVirtualHardDisks") or [], stamp)
    store.register_disk(conn, os_disk, f"{service}/{name}")
    for disk in role["DataVirtualHardDisks"]:
        store.register_disk(conn, disk, f"{service}/{name}")
    ip = next(f"10.0.0.{n}" for n in range(4, 255) if f"10.0.0.{n}" not in taken_ips)
    instance = {
        "RoleName": name,
        "InstanceName": name,
        "InstanceStatus": "ReadyRole",
        "PowerState": "Started",
        "InstanceSize": role["RoleSize"],
        "IpAddress": ip,
        "HostName": name,
        "InstanceFaultDomain": 0,
        "InstanceUpgradeDomain": 0,
    }
    return role, instance


def _attach_data_disks(conn: sqlite3.Connection, service: str, role: dict, wanted: list[dict], stamp: str) -> None:
    """Add the data disks of `wanted` whose LUN the role does not have yet: -Import attaches an
    existing disk of the repository, -CreateNew makes an empty VHD of the requested size."""
    by_lun = {d["Lun"]: d for d in role["DataVirtualHardDisks"]}
    for want in wanted:
        lun = int(want.get("Lun") or 0)
        if lun in by_lun:
            continue
        if want.get("DiskName"):
            row = conn.execute("SELECT body, attached_to FROM disks WHERE name = ?", (want["DiskName"],)).fetchone()
            if row is None:
                raise not_found(f"The disk {want['DiskName']} does not exist.")
            if row[1] is not None:
                raise conflict(f"The disk {want['DiskName']} is already in use by {row[1]}.")
            found = json.loads(row[0])
            disk = {
                "HostCaching": want.get("HostCaching") or "None",
                "DiskLabel": want.get("DiskLabel"),
                "DiskName": found["DiskName"],
                "MediaLink": found["MediaLink"],
                "LogicalDiskSizeInGB": found["LogicalDiskSizeInGB"],
                "IOType": "Standard",
                "Lun": lun,
            }
        else:
            disk = _new_disk(
                service,
                role["RoleName"],
                lun + 1,
                stamp,
                int(want.get("LogicalDiskSizeInGB") or 0),
                want.get("MediaLink"),
                Lun=lun,
                HostCaching=want.get("HostCaching") or "None",
                DiskLabel=want.get("DiskLabel"),
            )
        by_lun[lun] = disk
    role["DataVirtualHardDisks"] = [by_lun[lun] for lun in sorted(by_lun)]


def _taken_ips(deployment: dict | None) -> set[str]:
    return {i.get("IpAddress") for i in (deployment or {}).get("RoleInstanceList", ()) if i.get("IpAddress")}


def apply_create_deployment(conn: sqlite3.Connection, p: dict) -> None:
    service = load_service(conn, p["service"])["ServiceName"]
    if load_deployment(conn, service) is not None:
        raise conflict(f"The deployment slot Production of hosted service {service} is already occupied.")
    spec = p["deployment"]
    deployment = {
        "Name": spec.get("Name") or service,
        "DeploymentSlot": "Production",
        "Status": "Running",
        "Label": spec.get("Label") or service,
        "Url": f"http://{service.lower()}.cloudapp.net/",
        "CreatedTime": iso(utc_now()),
        "RoleList": [],
        "RoleInstanceList": [],
    }
    if spec.get("ReservedIPName"):
        # The sandbox keeps no reserved IPs (New-AzureReservedIP): any name is taken as reserved, and
        # its address is made from the name, so a redeployment with the same name gets the same one.
        octets = hashlib.sha256(spec["ReservedIPName"].lower().encode()).digest()[:2]
        deployment["VirtualIPs"] = [
            {
                "Address": f"23.99.{octets[0]}.{max(octets[1], 1)}",
                "IsDnsProgrammed": True,
                "Name": f"{service}ContractContract",
                "ReservedIPName": spec["ReservedIPName"],
            }
        ]
    for role_spec in spec["RoleList"]:
        _add(conn, service, deployment, role_spec)
    save_deployment(conn, service, deployment)


def _add(conn: sqlite3.Connection, service: str, deployment: dict, spec: dict) -> None:
    if any(r["RoleName"].lower() == spec["RoleName"].lower() for r in deployment["RoleList"]):
        raise conflict(f"A virtual machine with the name {spec['RoleName']} already exists in the deployment.")
    role, instance = materialize_role(conn, service, spec, _taken_ips(deployment))
    deployment["RoleList"].append(role)
    deployment["RoleInstanceList"].append(instance)


def apply_add_role(conn: sqlite3.Connection, p: dict) -> None:
    deployment = require_deployment(conn, p["service"], p["deployment"])
    _add(conn, p["service"], deployment, p["role"])
    save_deployment(conn, p["service"], deployment)


def apply_update_role(conn: sqlite3.Connection, p: dict) -> None:
    """Update-AzureVM: size, and the data disks as the complete wanted list (absent LUNs detach)."""
    deployment = require_deployment(conn, p["service"], p["deployment"])
    role, instance = find_role(deployment, p["role_name"])
    spec = p["role"]
    if spec.get("RoleSize"):
        if catalog.role_size(spec["RoleSize"]) is None:
            raise bad_request(f"The role size {spec['RoleSize']} is not valid.")
        role["RoleSize"] = instance["InstanceSize"] = spec["RoleSize"]
    wanted = spec.get("DataVirtualHardDisks") or []
    wanted_luns = {int(d.get("Lun") or 0) for d in wanted}
    dropped = [d for d in role["DataVirtualHardDisks"] if d["Lun"] not in wanted_luns]
    _release_disks(conn, dropped, delete_vhd=False)
    role["DataVirtualHardDisks"] = [d for d in role["DataVirtualHardDisks"] if d["Lun"] in wanted_luns]
    before = {d["DiskName"] for d in role["DataVirtualHardDisks"]}
    _attach_data_disks(conn, p["service"], role, wanted, utc_now().strftime("%Y%m%d%H%M%S%f")[:18])
    caching = {int(d.get("Lun") or 0): d.get("HostCaching") for d in wanted}
    for disk in role["DataVirtualHardDisks"]:
        disk["HostCaching"] = caching.get(disk["Lun"]) or disk["HostCaching"]
        if disk["DiskName"] not in before:
            store.register_disk(conn, disk, f"{p['service']}/{role['RoleName']}")
    maximum = (catalog.role_size(role["RoleSize"]) or {}).get("MaxDataDiskCount", 16)
    if len(role["DataVirtualHardDisks"]) > maximum:
        raise bad_request(f"The maximum number of data disks allowed to be attached to a VM of this size is {maximum}.")
    save_deployment(conn, p["service"], deployment)


def apply_delete_role(conn: sqlite3.Connection, p: dict) -> None:
    deployment = require_deployment(conn, p["service"], p["deployment"])
    role = _remove_role(deployment, p["role_name"])
    _release_disks(conn, _disks(role), p.get("delete_vhd", False))
    save_deployment(conn, p["service"], deployment)


# --- power state -------------------------------------------------------------------------------
_POWER = {
    # operation type -> (InstanceStatus, PowerState, keeps the IP address)
    ("ShutdownRoleOperation", "Stopped"): ("StoppedVM", "Stopped", True),
    ("ShutdownRoleOperation", "StoppedDeallocated"): ("StoppedDeallocated", "Stopped", False),
    ("StartRoleOperation", None): ("ReadyRole", "Started", True),
    ("RestartRoleOperation", None): ("ReadyRole", "Started", True),
}


def apply_power(conn: sqlite3.Connection, p: dict) -> None:
    deployment = require_deployment(conn, p["service"], p["deployment"])
    _, instance = find_role(deployment, p["role_name"])
    op = p["operation"]
    status, power, keep_ip = _POWER[(op["OperationType"], op.get("PostShutdownAction"))]
    instance.update(InstanceStatus=status, PowerState=power)
    if not keep_ip:
        instance["IpAddress"] = None
    elif not instance.get("IpAddress"):
        others = _taken_ips(deployment)
        instance["IpAddress"] = next(f"10.0.0.{n}" for n in range(4, 255) if f"10.0.0.{n}" not in others)
    save_deployment(conn, p["service"], deployment)


# --- capture -----------------------------------------------------------------------------------
def apply_capture_os_image(conn: sqlite3.Connection, p: dict) -> None:
    """CaptureRoleOperation with PostCaptureAction=Delete: the OS VHD becomes a User OS image and
    the VM is deleted; its data disks stay in the disk repository, detached (docs/azure-classic-api.md §1.3 step 3)."""
    service = load_service(conn, p["service"])
    deployment = require_deployment(conn, p["service"], p["deployment"])
    role, _ = find_role(deployment, p["role_name"])
    op = p["operation"]
    name = op["TargetImageName"]
    os_disk = role["OSVirtualHardDisk"]
    media = f"{catalog.BLOB_BASE}{name}-os-{utc_now():%Y-%m-%d}.vhd"
    image = {
        "Category": "User",
        "Label": op.get("TargetImageLabel") or name,
        "Location": service["Location"],
        "LogicalSizeInGB": os_disk["LogicalDiskSizeInGB"],
        "MediaLink": media,
        "Name": name,
        "OS": os_disk["OS"],
        "IsPremium": False,
        "OSState": "Generalized",
        "IOType": "Standard",
    }
    store.insert_image(conn, "os_images", image)
    store.put_blob(conn, media, os_disk["LogicalDiskSizeInGB"], name)
    _remove_role(deployment, role["RoleName"])
    _release_disks(conn, [os_disk], delete_vhd=True)  # its VHD became the image's
    _release_disks(conn, role["DataVirtualHardDisks"], delete_vhd=False)
    save_deployment(conn, p["service"], deployment)


def apply_capture_vm_image(conn: sqlite3.Connection, p: dict) -> None:
    """CaptureRoleAsVMImageOperation: the OS disk and every data disk are copied into the image
    (`<image>-os-<date>`, `<image>-datadisk-<n>-<date>`, docs/azure-classic-api.md §3.3); Generalized deletes the VM,
    Specialized keeps it (docs/azure-classic-api.md §1.3 step 4)."""
    service = load_service(conn, p["service"])
    deployment = require_deployment(conn, p["service"], p["deployment"])
    role, instance = find_role(deployment, p["role_name"])
    op = p["operation"]
    name, state = op["VMImageName"], op["OSState"]
    now = utc_now()
    day = f"{now:%Y-%m-%d}"
    os_disk = role["OSVirtualHardDisk"]
    os_config = {
        "Name": f"{name}-os-{day}",
        "HostCaching": os_disk.get("HostCaching") or "ReadWrite",
        "OSState": state,
        "OS": os_disk["OS"],
        "MediaLink": f"{catalog.BLOB_BASE}{name}-os-{day}.vhd",
        "LogicalDiskSizeInGB": os_disk["LogicalDiskSizeInGB"],
        "IOType": "Standard",
    }
    data_configs = [
        {
            "Name": f"{name}-datadisk-{n}-{day}",
            "HostCaching": d.get("HostCaching") or "None",
            "Lun": d["Lun"],
            "MediaLink": f"{catalog.BLOB_BASE}{name}-datadisk-{n}-{day}.vhd",
            "LogicalDiskSizeInGB": d["LogicalDiskSizeInGB"],
            "IOType": "Standard",
        }
        for n, d in enumerate(role["DataVirtualHardDisks"])
    ]
    image = {
        "Name": name,
        "Label": op.get("VMImageLabel") or name,
        "Category": "User",
        "Description": op.get("Description"),
        "OSDiskConfiguration": os_config,
        "DataDiskConfigurations": data_configs,
        "ServiceName": service["ServiceName"],
        "DeploymentName": deployment["Name"],
        "RoleName": role["RoleName"],
        "Location": service["Location"],
        "CreatedTime": iso(now),
        "ModifiedTime": iso(now),
        "Language": op.get("Language"),
        "ImageFamily": op.get("ImageFamily"),
        "RecommendedVMSize": op.get("RecommendedVMSize"),
        "IsPremium": False,
        "VMImageState": "VMImageReadyForUse",
        "RoleStateOnCapture": instance["InstanceStatus"],
        "RoleSizeOnCapture": role["RoleSize"],
    }
    image = {k: v for k, v in image.items() if v is not None}
    store.insert_image(conn, "vm_images", image)
    for config in [os_config, *data_configs]:
        store.put_blob(conn, config["MediaLink"], config["LogicalDiskSizeInGB"], name)
    if state.lower() == "generalized":
        _remove_role(deployment, role["RoleName"])
        _release_disks(conn, _disks(role), delete_vhd=True)  # the VHDs moved into the image
        save_deployment(conn, p["service"], deployment)


def apply_delete_deployment(conn: sqlite3.Connection, p: dict) -> None:
    """Delete Deployment: every role goes, its disks detached (or deleted with their blobs under
    ?comp=media); the service stays."""
    deployment = require_deployment(conn, p["service"], p["deployment"])
    for role in deployment["RoleList"]:
        _release_disks(conn, _disks(role), p.get("delete_vhd", False))
    conn.execute("DELETE FROM deployments WHERE service = ?", (load_service(conn, p["service"])["ServiceName"],))


def apply_delete_service(conn: sqlite3.Connection, p: dict) -> None:
    service = load_service(conn, p["service"])["ServiceName"]
    deployment = load_deployment(conn, service)
    if deployment is not None:
        if not p.get("delete_all"):
            raise conflict(f"The hosted service {service} has deployments; delete them first or use -DeleteAll.")
        for role in deployment["RoleList"]:
            _release_disks(conn, _disks(role), delete_vhd=True)
        conn.execute("DELETE FROM deployments WHERE service = ?", (service,))
    conn.execute("DELETE FROM services WHERE name = ?", (service,))


def check_role_operation(operation: dict) -> None:
    kind = operation.get("OperationType")
    if kind == "CaptureRoleAsVMImageOperation" and operation.get("OSState") not in ("Generalized", "Specialized"):
        raise bad_request("OSState must be Generalized or Specialized.")
    if (
        kind not in ("CaptureRoleOperation", "CaptureRoleAsVMImageOperation")
        and (kind, operation.get("PostShutdownAction")) not in _POWER
    ):
        raise CloudError("BadRequest", f"The operation type {kind} is not supported.")
