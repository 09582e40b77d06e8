"""The embedded sandbox subscription: a `ComputeBackend` over the SQLite store of `store.py`.

Synchronous REST calls (OS images, services) commit immediately.  Asynchronous ones (VM images,
VMs, captures) follow the 202 pattern of docs/azure-classic-api.md §3.1: the request is validated at once (a rolled-back dry
run of the same change, so errors come back as the server's 4xx would), an `operations` row is
committed as `InProgress`, and the change itself is applied in one transaction when the caller
polls Get Operation Status after the operation's duration (`PSCOMPAT_SANDBOX_LATENCY` seconds,
default 0).  A process killed before that leaves the store untouched; its operation is marked
`Failed` by the next process that opens the sandbox.

Command line:  python -m pscompat.azure.backends.sandbox reset | grow N | path | check
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator

from pscompat.azure.backends import catalog, sandbox_vms, storage_errors, store
from pscompat.azure.backends.base import (
    FAILED,
    IMAGE_NOT_FOUND,
    IN_PROGRESS,
    SUCCEEDED,
    CloudError,
    ComputeBackend,
    Operation,
    Response,
    bad_request,
    conflict,
    new_request_id,
    not_found,
    register_backend,
    without_passwords,
)

grow = store.grow
reset = store.reset
path = store.db_path

# What each asynchronous operation kind does when it completes.
_APPLY: dict[str, Callable[[sqlite3.Connection, dict], None]] = {
    "create_deployment": sandbox_vms.apply_create_deployment,
    "add_role": sandbox_vms.apply_add_role,
    "update_role": sandbox_vms.apply_update_role,
    "delete_role": sandbox_vms.apply_delete_role,
    "power": sandbox_vms.apply_power,
    "capture_os_image": sandbox_vms.apply_capture_os_image,
    "capture_vm_image": sandbox_vms.apply_capture_vm_image,
    "delete_service": sandbox_vms.apply_delete_service,
    "delete_deployment": sandbox_vms.apply_delete_deployment,
}


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _guarded(method: Callable) -> Callable:
    """A REST call of the sandbox: storage failures become StorageErrors (a CloudError the cmdlets
    report with the file, what happened and how to recover), never a Python exception."""

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except storage_errors.sqlite_errors() as exc:
            raise storage_errors.translate(exc, self.path) from None

    return call


def _guard_public_methods(cls: type) -> type:
    for name, value in list(vars(cls).items()):
        if callable(value) and not name.startswith("_") and name != "close":
            setattr(cls, name, _guarded(value))
    return cls


@_guard_public_methods
class SandboxBackend(ComputeBackend):
    name = "sandbox"

    def __init__(self, home: str | os.PathLike | None = None):
        self.path = store.db_path(home)
        self._conn: sqlite3.Connection | None = None
        self._sync_ops: dict[str, Operation] = {}  # synchronous calls of this process, for their status
        self.latency = float(os.environ.get("PSCOMPAT_SANDBOX_LATENCY", "0") or 0)
        self.poll_interval = min(0.5, max(0.02, self.latency / 20))

    # --- plumbing ---------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is not None and not self.path.exists():
            self.close()  # the home was removed under us: writes would go to a deleted file
        if self._conn is None:
            self._conn = store.open_store(self.path)
            self._fail_orphaned_operations()
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _done(self, value=None, http_status: int = 200) -> Response:
        rid = new_request_id()
        if len(self._sync_ops) > 1000:
            self._sync_ops.clear()
        self._sync_ops[rid] = Operation(rid, SUCCEEDED, http_status)
        return Response(rid, http_status, value)

    def _stream(self, sql: str) -> Iterator[dict]:
        """Rows decoded one at a time from a cursor on a connection of its own: the listing is a
        consistent snapshot (WAL), and the consumer may write meanwhile (`| % { Remove-… }`)."""
        conn = None
        try:
            _ = self.conn  # make sure the store exists and is seeded
            conn = store.connect(self.path)
            for (body,) in conn.execute(sql):
                yield json.loads(body)
        except storage_errors.sqlite_errors() as exc:  # the rows are read as the caller asks for them
            raise storage_errors.translate(exc, self.path) from None
        finally:
            if conn is not None:
                conn.close()

    def _one(self, table: str, name: str) -> dict | None:
        row = self.conn.execute(f"SELECT body FROM {table} WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else None

    # --- asynchronous operations ------------------------------------------------------------
    def _begin(self, kind: str, payload: dict) -> Response:
        conn = self.conn
        with store.transaction(conn):
            conn.execute("SAVEPOINT dry_run")
            try:
                _APPLY[kind](conn, payload)
            finally:
                conn.execute("ROLLBACK TO dry_run")
                conn.execute("RELEASE dry_run")
            rid = new_request_id()
            conn.execute(
                "INSERT INTO operations (id, kind, status, payload, pid, started, duration) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (rid, kind, IN_PROGRESS, store.dumps(payload), os.getpid(), time.time(), self.latency),
            )
        return Response(rid, 202)

    def _complete(self, rid: str) -> None:
        conn = self.conn
        with store.transaction(conn):
            row = conn.execute("SELECT kind, payload, status FROM operations WHERE id = ?", (rid,)).fetchone()
            if row is None or row[2] != IN_PROGRESS:
                return  # someone else finished (or failed) it meanwhile
            conn.execute("SAVEPOINT apply")
            try:
                self.apply_operation(conn, row[0], json.loads(row[1]))
            except CloudError as err:
                conn.execute("ROLLBACK TO apply")
                conn.execute(
                    "UPDATE operations SET status = ?, http_status = ?, error_code = ?, error_message = ?, "
                    "finished = ? WHERE id = ?",
                    (FAILED, err.http_status, err.code, err.message, time.time(), rid),
                )
            else:
                conn.execute(
                    "UPDATE operations SET status = ?, http_status = 200, finished = ? WHERE id = ?",
                    (SUCCEEDED, time.time(), rid),
                )
            conn.execute("RELEASE apply")

    def apply_operation(self, conn: sqlite3.Connection, kind: str, payload: dict) -> None:
        """The writes of a completing operation, inside _complete's transaction (before COMMIT).
        The crash-safety tests replace it to kill the process at exactly that point."""
        _APPLY[kind](conn, payload)

    def _fail_orphaned_operations(self) -> None:
        """Operations whose process died before completing them never happened: mark them Failed."""
        conn = self._conn
        orphans = [
            rid
            for rid, pid in conn.execute("SELECT id, pid FROM operations WHERE status = ?", (IN_PROGRESS,))
            if pid != os.getpid() and not _pid_alive(pid)
        ]
        if orphans:
            with store.transaction(conn):
                conn.executemany(
                    "UPDATE operations SET status = ?, http_status = 500, error_code = 'InternalError', "
                    "error_message = 'The operation was interrupted before it completed.', finished = ? "
                    "WHERE id = ? AND status = ?",
                    [(FAILED, time.time(), rid, IN_PROGRESS) for rid in orphans],
                )

    def get_operation_status(self, request_id: str) -> Operation:
        if request_id in self._sync_ops:
            return self._sync_ops[request_id]
        query = (
            "SELECT status, http_status, error_code, error_message, pid, started, duration, kind "
            "FROM operations WHERE id = ?"
        )
        row = self.conn.execute(query, (request_id,)).fetchone()
        if row is None:
            raise not_found("The operation request ID was not found.")
        status, http_status, code, message, pid, started, duration, kind = row
        if status == IN_PROGRESS and pid == os.getpid():
            elapsed = time.time() - started
            if elapsed < duration:
                return Operation(request_id, IN_PROGRESS, percent=int(100 * elapsed / duration), detail=kind)
            self._complete(request_id)
            row = self.conn.execute(query, (request_id,)).fetchone()
            status, http_status, code, message = row[:4]
        elif status == IN_PROGRESS and not _pid_alive(pid):
            self._fail_orphaned_operations()
            return self.get_operation_status(request_id)
        return Operation(request_id, status, http_status, code, message, 100 if status != IN_PROGRESS else -1)

    # --- OS images --------------------------------------------------------------------------
    def list_os_images(self) -> Response:
        return self._done(self._stream("SELECT body FROM os_images ORDER BY seq"))

    def _user_image(self, table: str, name: str, verb: str) -> dict:
        """The image a change applies to: it must exist and be the user's, not a platform image."""
        image = self._one(table, name)
        if image is None:
            raise not_found(IMAGE_NOT_FOUND)
        if image.get("Category") == "Public":
            raise CloudError("Forbidden", f"Platform images cannot be {verb}.", 403)
        return image

    def get_os_image(self, name: str) -> Response:
        image = self._one("os_images", name)
        if image is None:
            raise not_found(IMAGE_NOT_FOUND)
        return self._done(image)

    def add_os_image(self, image: dict) -> Response:
        image = {k: v for k, v in image.items() if v is not None}
        image.setdefault("Category", "User")
        image.setdefault("IsPremium", False)
        image.setdefault("IOType", "Standard")
        image.setdefault("LogicalSizeInGB", 30 if image.get("OS") == "Linux" else 128)
        image.setdefault("Location", "West US")
        conn = self.conn
        with store.transaction(conn):
            store.insert_image(conn, "os_images", image)
            # The sandbox stands in for the VHD upload (Add-AzureVhd): the blob exists from now on.
            store.put_blob(conn, image["MediaLink"], image["LogicalSizeInGB"], image["Name"])
        return self._done(image)

    def update_os_image(self, name: str, changes: dict) -> Response:
        conn = self.conn
        with store.transaction(conn):
            image = self._user_image("os_images", name, "updated")
            image.update({k: v for k, v in changes.items() if v is not None})
            conn.execute("UPDATE os_images SET body = ? WHERE name = ?", (store.dumps(image), name))
        return self._done(image)

    def delete_os_image(self, name: str, delete_vhd: bool = False) -> Response:
        conn = self.conn
        with store.transaction(conn):
            image = self._user_image("os_images", name, "deleted")
            conn.execute("DELETE FROM os_images WHERE name = ?", (name,))
            if delete_vhd:
                store.refuse_if_blob_in_use(conn, image.get("MediaLink"), image["Name"])
                store.delete_blob(conn, image.get("MediaLink"))
        return self._done()

    # --- VM images --------------------------------------------------------------------------
    def list_vm_images(self) -> Response:
        return self._done(self._stream("SELECT body FROM vm_images ORDER BY seq"))

    def create_vm_image(self, image: dict) -> Response:
        conn = self.conn
        rid = new_request_id()
        with store.transaction(conn):
            image = {
                "Category": "User",
                "IsPremium": False,
                "VMImageState": "VMImageReadyForUse",
                "CreatedTime": sandbox_vms.iso(sandbox_vms.utc_now()),
                **image,
            }
            image["ModifiedTime"] = image["CreatedTime"]
            image.setdefault("DataDiskConfigurations", [])
            store.insert_image(conn, "vm_images", image)
            for disk in [image["OSDiskConfiguration"], *image["DataDiskConfigurations"]]:
                if disk.get("MediaLink"):
                    store.put_blob(conn, disk["MediaLink"], disk.get("LogicalDiskSizeInGB") or 0, image["Name"])
        self._sync_ops[rid] = Operation(rid, SUCCEEDED, 200)
        return Response(rid, 202)

    def update_vm_image(self, name: str, changes: dict) -> Response:
        conn = self.conn
        rid = new_request_id()
        with store.transaction(conn):
            image = self._user_image("vm_images", name, "updated")
            disks = changes.pop("DiskConfig", None)
            image.update({k: v for k, v in changes.items() if v is not None})
            if disks is not None:
                _merge_disk_config(image, disks)
            image["ModifiedTime"] = sandbox_vms.iso(sandbox_vms.utc_now())
            conn.execute("UPDATE vm_images SET body = ? WHERE name = ?", (store.dumps(image), name))
        self._sync_ops[rid] = Operation(rid, SUCCEEDED, 200)
        return Response(rid, 202)

    def delete_vm_image(self, name: str, delete_vhd: bool = False) -> Response:
        conn = self.conn
        rid = new_request_id()
        with store.transaction(conn):
            image = self._user_image("vm_images", name, "deleted")
            conn.execute("DELETE FROM vm_images WHERE name = ?", (name,))
            if delete_vhd:
                for disk in [image["OSDiskConfiguration"], *image["DataDiskConfigurations"]]:
                    store.refuse_if_blob_in_use(conn, disk.get("MediaLink"), image["Name"])
                    store.delete_blob(conn, disk.get("MediaLink"))
        self._sync_ops[rid] = Operation(rid, SUCCEEDED, 200)
        return Response(rid, 202)

    # --- services and deployments -----------------------------------------------------------
    def list_services(self) -> Response:
        rows = self.conn.execute("SELECT body FROM services ORDER BY rowid").fetchall()
        return self._done([json.loads(body) for (body,) in rows])

    def get_service(self, name: str) -> Response:
        return self._done(sandbox_vms.load_service(self.conn, name))

    def create_service(self, service: dict) -> Response:
        name = service["ServiceName"]
        if not service.get("Location") and not service.get("AffinityGroup"):
            raise bad_request("A location or an affinity group is required.")
        now = sandbox_vms.iso(sandbox_vms.utc_now())
        body = {
            "ServiceName": name,
            "Url": f"https://management.core.windows.net/{catalog.SUBSCRIPTION_ID}/services/hostedservices/{name}",
            "Label": service.get("Label") or name,
            "Description": service.get("Description"),
            "Location": service.get("Location"),
            "AffinityGroup": service.get("AffinityGroup"),
            "Status": "Created",
            "DateCreated": now,
            "DateLastModified": now,
        }
        conn = self.conn
        with store.transaction(conn):
            if conn.execute("SELECT 1 FROM services WHERE name = ?", (name,)).fetchone():
                raise conflict("The specified DNS name is already taken.")
            conn.execute("INSERT INTO services (name, body) VALUES (?, ?)", (name, store.dumps(body)))
        return self._done(body, 201)

    def delete_service(self, name: str, delete_all: bool = False) -> Response:
        return self._begin("delete_service", {"service": name, "delete_all": delete_all})

    def get_deployment(self, service: str, slot: str = "Production") -> Response:
        return self._done(sandbox_vms.require_deployment(self.conn, service))

    def create_deployment(self, service: str, deployment: dict) -> Response:
        roles = [without_passwords(r) for r in deployment.get("RoleList") or ()]
        return self._begin("create_deployment", {"service": service, "deployment": {**deployment, "RoleList": roles}})

    def delete_deployment(self, service: str, deployment: str, delete_vhd: bool = False) -> Response:
        return self._begin(
            "delete_deployment", {"service": service, "deployment": deployment, "delete_vhd": delete_vhd}
        )

    # --- roles ------------------------------------------------------------------------------
    def add_role(self, service: str, deployment: str, role: dict) -> Response:
        return self._begin("add_role", {"service": service, "deployment": deployment, "role": without_passwords(role)})

    def update_role(self, service: str, deployment: str, role_name: str, role: dict) -> Response:
        return self._begin(
            "update_role",
            {"service": service, "deployment": deployment, "role_name": role_name, "role": without_passwords(role)},
        )

    def delete_role(self, service: str, deployment: str, role_name: str, delete_vhd: bool = False) -> Response:
        return self._begin(
            "delete_role",
            {"service": service, "deployment": deployment, "role_name": role_name, "delete_vhd": delete_vhd},
        )

    def role_operation(self, service: str, deployment: str, role_name: str, operation: dict) -> Response:
        sandbox_vms.check_role_operation(operation)
        kind = {"CaptureRoleOperation": "capture_os_image", "CaptureRoleAsVMImageOperation": "capture_vm_image"}.get(
            operation["OperationType"], "power"
        )
        return self._begin(
            kind, {"service": service, "deployment": deployment, "role_name": role_name, "operation": operation}
        )

    # --- subscription-level -----------------------------------------------------------------
    def list_locations(self) -> Response:
        return self._done(catalog.locations())

    def list_role_sizes(self) -> Response:
        return self._done(catalog.role_sizes())

    def list_subscriptions(self) -> Response:
        rows = self.conn.execute("SELECT body, is_default FROM subscriptions ORDER BY rowid").fetchall()
        return self._done([{**json.loads(body), "IsDefault": bool(default)} for body, default in rows])

    def set_default_subscription(self, subscription_id: str) -> Response:
        conn = self.conn
        with store.transaction(conn):
            if not conn.execute("SELECT 1 FROM subscriptions WHERE id = ?", (subscription_id,)).fetchone():
                raise not_found(f"The subscription {subscription_id} does not exist.")
            conn.execute("UPDATE subscriptions SET is_default = (id = ?)", (subscription_id,))
        return self._done()

    def set_current_storage_account(self, subscription_id: str, account: str) -> Response:
        return _set_storage_account(self, subscription_id, account)

    # --- storage accounts: the catalog's, with Set-AzureStorageAccount's changes kept in meta ---------
    def list_storage_accounts(self) -> Response:
        return self._done([self._storage_account(a) for a in catalog.storage_accounts()])

    def _storage_account(self, account: dict) -> dict:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (_STORAGE_KEY + account["ServiceName"],))
        found = row.fetchone()
        return {**account, **(json.loads(found[0]) if found else {})}

    def get_storage_account(self, name: str) -> Response:
        for account in catalog.storage_accounts():
            if account["ServiceName"].lower() == (name or "").lower():
                return self._done(self._storage_account(account))
        raise not_found(f"The storage account '{name}' was not found.")

    def update_storage_account(self, name: str, changes: dict) -> Response:
        account = self.get_storage_account(name).value
        wanted = {k: v for k, v in changes.items() if k in ("Label", "Description", "AccountType") and v is not None}
        if wanted.get("AccountType") and wanted["AccountType"] not in STORAGE_ACCOUNT_TYPES:
            raise bad_request(f"The account type '{wanted['AccountType']}' is not valid.")
        if "AccountType" in wanted and (wanted["AccountType"] == "Premium_LRS") != (
            account["AccountType"] == "Premium_LRS"
        ):
            raise bad_request("A standard storage account cannot become a premium one, nor the other way round.")
        conn = self.conn
        with store.transaction(conn):
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (_STORAGE_KEY + account["ServiceName"],))
            found = row.fetchone()
            kept = {**(json.loads(found[0]) if found else {}), **wanted}
            if "AccountType" in wanted:
                kept["GeoReplicationEnabled"] = wanted["AccountType"] in ("Standard_GRS", "Standard_RAGRS")
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                (_STORAGE_KEY + account["ServiceName"], json.dumps(kept)),
            )
        return self._done()


_STORAGE_KEY = "storage-account:"
# Update Storage Account's AccountType values (x-ms-version 2014-06-01).
STORAGE_ACCOUNT_TYPES = ("Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_RAGRS", "Premium_LRS")


def _set_storage_account(backend: SandboxBackend, subscription_id: str, account: str) -> Response:
    conn = backend.conn
    with store.transaction(conn):
        row = conn.execute("SELECT id, body FROM subscriptions WHERE id = ?", (subscription_id,)).fetchone()
        if row is None:
            raise not_found(f"The subscription {subscription_id} does not exist.")
        body = {**json.loads(row[1]), "CurrentStorageAccountName": account}
        conn.execute("UPDATE subscriptions SET body = ? WHERE id = ?", (store.dumps(body), row[0]))
    return backend._done()


def _merge_disk_config(image: dict, disks: dict) -> None:
    """Update VM Image: OS-disk HostCaching, data disks' HostCaching and Lun by Name (docs/azure-classic-api.md §1.6)."""
    if disks.get("OSDiskConfiguration", {}).get("HostCaching"):
        image["OSDiskConfiguration"]["HostCaching"] = disks["OSDiskConfiguration"]["HostCaching"]
    by_name = {d.get("Name"): d for d in disks.get("DataDiskConfigurations") or ()}
    for disk in image["DataDiskConfigurations"]:
        wanted = by_name.get(disk.get("Name"))
        if wanted:
            disk["HostCaching"] = wanted.get("HostCaching") or disk["HostCaching"]
            if wanted.get("Lun") is not None:
                disk["Lun"] = int(wanted["Lun"])
    if len({d["Lun"] for d in image["DataDiskConfigurations"]}) != len(image["DataDiskConfigurations"]):
        raise bad_request("Two data disks cannot share a LUN.")


register_backend("sandbox", SandboxBackend)
