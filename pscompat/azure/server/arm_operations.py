"""The long-running operations of the ARM server and the changes they make to the store
(../shared/reference/azure-arm.md §1.3, §1.6).

An operation is checked when it is requested (so a bad request fails at once, as ARM validates
before it accepts) and applied when it completes: after `polls` status requests, or after
`seconds` when no client polls (a caller that does not wait still sees the change).  Its monitor
answers like Compute's: `{id, name, status, startTime, endTime, percentComplete, error}` at the
Azure-AsyncOperation URL, 202 then 200/204 at the Location URL.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from pscompat.azure.backends import catalog, store
from pscompat.azure.backends.base import CloudError
from pscompat.azure.backends.sandbox_vms import find_role, load_service, require_deployment, save_deployment
from pscompat.azure.server import arm_resources as R


class ArmProblem(Exception):
    """An ARM error answer: status, error.code, error.message."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


class Reply:
    """One answer: status, JSON body (None: empty) and headers."""

    def __init__(self, status: int, body=None, headers: dict | None = None):
        self.status, self.body, self.headers = status, body, headers or {}


@dataclass
class Pending:
    id: str
    apply: Callable[[sqlite3.Connection], None]
    polls_left: int
    due: float
    started: str = field(default_factory=lambda: _iso())
    status: str = "InProgress"
    error: dict | None = None
    ended: str | None = None
    total_polls: int = 1

    def monitor_body(self, location: str) -> dict:
        body: dict = {"name": self.id, "status": self.status, "startTime": self.started}
        if self.status == "InProgress":
            done = self.total_polls - self.polls_left
            body["percentComplete"] = int(100 * done / max(self.total_polls, 1))
        else:
            body["endTime"] = self.ended
            body["percentComplete"] = 100
        if self.error:
            body["error"] = self.error
        return body


def _iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f0+00:00")


class Operations:
    def __init__(self, polls: int, seconds: float):
        self.polls = max(0, polls)
        self.seconds = seconds
        self.pending: dict[str, Pending] = {}

    def start(self, apply: Callable[[sqlite3.Connection], None]) -> Pending:
        op = Pending(str(uuid.uuid4()), apply, self.polls, time.monotonic() + self.seconds, total_polls=self.polls)
        self.pending[op.id] = op
        return op

    def complete(self, conn: sqlite3.Connection, op: Pending) -> None:
        try:
            with store.transaction(conn):
                op.apply(conn)
        except (CloudError, ArmProblem) as err:
            op.status = "Failed"
            op.error = {"code": getattr(err, "code", "InternalError"), "message": getattr(err, "message", str(err))}
        else:
            op.status = "Succeeded"
        op.ended = _iso()

    def poll(self, conn: sqlite3.Connection, op_id: str) -> Pending:
        op = self.pending.get(op_id)
        if op is None:
            raise ArmProblem(404, "NotFound", f"The operation {op_id} was not found.")
        if op.status == "InProgress":
            op.polls_left -= 1
            if op.polls_left <= 0:
                self.complete(conn, op)
        return op

    def sweep(self, conn: sqlite3.Connection) -> None:
        """Complete what is overdue: a client that never polls still gets its change."""
        now = time.monotonic()
        for op in list(self.pending.values()):
            if op.status == "InProgress" and now >= op.due:
                self.complete(conn, op)
        if len(self.pending) > 1000:
            for key in [k for k, o in self.pending.items() if o.status != "InProgress"][:500]:
                del self.pending[key]


# --- the changes --------------------------------------------------------------------------------
def _vm(conn: sqlite3.Connection, group: str, name: str) -> tuple[dict, dict, dict, dict]:
    try:
        service = load_service(conn, group)
        deployment = require_deployment(conn, group)
        role, instance = find_role(deployment, name)
    except CloudError:
        raise ArmProblem(
            404,
            "ResourceNotFound",
            f"The Resource 'Microsoft.Compute/virtualMachines/{name}' under resource group '{group}' was not found.",
        ) from None
    return service, deployment, role, instance


def check_vm(conn: sqlite3.Connection, group: str, name: str) -> None:
    _vm(conn, group, name)


def power_action(group: str, name: str, action: str) -> Callable[[sqlite3.Connection], None]:
    status = {
        "deallocate": ("StoppedDeallocated", "Stopped"),
        "poweroff": ("StoppedVM", "Stopped"),
        "start": ("ReadyRole", "Started"),
        "restart": ("ReadyRole", "Started"),
    }[action.lower()]

    def apply(conn: sqlite3.Connection) -> None:
        _, deployment, role, instance = _vm(conn, group, name)
        if action.lower() in ("start", "restart") and R.is_generalized(conn, role):
            raise ArmProblem(
                409,
                "OperationNotAllowed",
                f"Operation '{action}' is not allowed on VM '{name}' since the VM is generalized.",
            )
        instance.update(InstanceStatus=status[0], PowerState=status[1])
        if status[0] == "StoppedDeallocated":
            instance["IpAddress"] = None
        save_deployment(conn, group, deployment)

    return apply


def generalize(conn: sqlite3.Connection, group: str, name: str) -> None:
    """Synchronous, like VirtualMachines_Generalize: the VM must be stopped first."""
    with store.transaction(conn):
        _, _, role, instance = _vm(conn, group, name)
        if instance.get("InstanceStatus") == "ReadyRole":
            raise ArmProblem(
                409,
                "OperationNotAllowed",
                f"Operation 'generalize' is not allowed on VM '{name}' since the VM is running. Deallocate it first.",
            )
        R.set_generalized(conn, role)


def image_from_vm(conn: sqlite3.Connection, sub: str, group: str, name: str, body: dict) -> dict:
    """Check an image PUT with `sourceVirtualMachine` and return the image to store."""
    props = body.get("properties") or {}
    source = (props.get("sourceVirtualMachine") or {}).get("id") or ""
    if not source:
        raise ArmProblem(
            400,
            "InvalidParameter",
            "Only images captured from a VM (properties.sourceVirtualMachine.id) can be created here.",
        )
    parts = source.strip("/").split("/")
    lowered = [p.lower() for p in parts]
    try:
        vm_group = parts[lowered.index("resourcegroups") + 1]
        vm_name = parts[lowered.index("virtualmachines") + 1]
    except (ValueError, IndexError):
        raise ArmProblem(400, "InvalidParameter", f"'{source}' is not a virtual machine id.") from None
    service, _, role, _ = _vm(conn, vm_group, vm_name)
    if not R.is_generalized(conn, role):
        raise ArmProblem(
            409,
            "OperationNotAllowed",
            f"The source virtual machine '{source}' must be generalized to create an image "
            "(POST …/generalize after deallocating it).",
        )
    existing = conn.execute("SELECT body FROM os_images WHERE name = ?", (name,)).fetchone()
    if existing is not None:
        other = R.image_group(R.with_meta(conn, "image", R.store_json(existing[0])))
        if other.lower() != group.lower():
            raise ArmProblem(
                409, "Conflict", f"An image named '{name}' exists in resource group '{other}' of this sandbox."
            )
    if conn.execute("SELECT 1 FROM vm_images WHERE name = ?", (name,)).fetchone():
        # ARM would allow it (another resource type), but the store shares one namespace of image
        # names with the classic API, which could then no longer tell the two apart.
        raise ArmProblem(
            409,
            "Conflict",
            f"A VM image (gallery image version) named '{name}' exists in this sandbox, whose classic "
            "and ARM images share one namespace.",
        )
    tags = body.get("tags") or {}
    os_disk = role["OSVirtualHardDisk"]
    stamp = datetime.now(timezone.utc)
    return {
        "Name": name,
        "Category": "User",
        "Label": tags.get("Label") or name,
        "Location": service.get("Location"),
        "LogicalSizeInGB": os_disk.get("LogicalDiskSizeInGB") or 30,
        "MediaLink": f"{catalog.BLOB_BASE}{name}-os-{stamp:%Y-%m-%d-%H%M%S}.vhd",
        "OS": os_disk.get("OS"),
        "OSState": "Generalized",
        "IsPremium": False,
        "IOType": "Standard",
        "ImageFamily": tags.get("ImageFamily"),
        "PublishedDate": tags.get("PublishedDate") or stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Description": tags.get("Description"),
        "ArmResourceGroup": group,
        "ArmSourceVirtualMachine": R.vm_id(sub, vm_group, role["RoleName"]),
    }


def create_image(image: dict) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM os_images WHERE name = ?", (image["Name"],))
        R.put_managed_image(conn, {k: v for k, v in image.items() if v is not None})

    return apply


def delete_image(name: str) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT body FROM os_images WHERE name = ?", (name,)).fetchone()
        if row is None:
            return  # deleted meanwhile: DELETE is idempotent
        store.delete_blob(conn, R.store_json(row[0]).get("MediaLink"))
        conn.execute("DELETE FROM os_images WHERE name = ?", (name,))
        R.set_meta(conn, "image", name, None)

    return apply
