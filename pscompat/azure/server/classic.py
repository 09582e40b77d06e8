"""The classic Service Management API (docs/azure-classic-api.md §3) as a WSGI app over sandbox stores.

Each subscription id in a URL has a store of its own: the sandbox's own subscription
(catalog.SUBSCRIPTION_ID, the one the .publishsettings names) is `home` itself, any other id
`home/subscriptions/<id>`, made on first use, so tests and scripts can keep apart by subscription.

What it holds clients to (§3.1): x-ms-version (missing, malformed or older than the operation's
minimum of §3.2 -> 400 MissingOrIncorrectVersionHeader), XML bodies in the Windows Azure namespace
with the operation's root element.  What it gives back: x-ms-request-id on every answer, <Error>
bodies, 202 for asynchronous operations with their status under /operations/<request-id>.
Request bodies are read into the elements the XML tables know; anything else is dropped, so a
stored resource can always be written back (an endpoint's EnableDirectServerReturn used to be
stored and then make every Get Deployment of its service answer 500).

Requests run concurrently: each takes a sandbox connection of its own from a pool, and every
change is one SQLite write transaction (store.transaction), so two writers never lose an update.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, unquote

from pscompat.azure.backends import catalog
from pscompat.azure.backends import classic_xml as X
from pscompat.azure.backends.base import CloudError, Operation, bad_request, dashed, new_request_id, not_found
from pscompat.azure.backends.sandbox import SandboxBackend
from pscompat.azure.server.classic_routes import COMPILED, NO_RESOURCE, VERSION_ERROR

AUTH_ERROR = (
    "The server failed to authenticate the request. Verify that the certificate is valid and is "
    "associated with this subscription."
)
_REASONS = {200: "OK", 201: "Created", 202: "Accepted", 400: "Bad Request", 403: "Forbidden", 404: "Not Found"}
_REASONS.update({405: "Method Not Allowed", 409: "Conflict", 500: "Internal Server Error", 503: "Service Unavailable"})


def subscription_home(home: Path, subscription: str) -> Path:
    """Where the store of `subscription` lives under the server's home."""
    if subscription.lower() == catalog.SUBSCRIPTION_ID:
        return home
    return home / "subscriptions" / subscription.lower()


class Reply:
    def __init__(self, status: int, request_id: str, body: bytes = b""):
        self.status, self.request_id, self.body = status, request_id, body


class _Pool:
    """Sandbox connections of one subscription, one per request at a time.  They share the record
    of synchronous calls, so a status asked on another connection is found."""

    def __init__(self, path: Path):
        self.path = path
        self.free: list[SandboxBackend] = []
        self.lock = threading.Lock()
        self.sync_ops: dict[str, Operation] = {}

    @contextmanager
    def backend(self) -> Iterator[SandboxBackend]:
        with self.lock:
            backend = self.free.pop() if self.free else None
        if backend is None:
            backend = SandboxBackend(self.path)
            backend._sync_ops = self.sync_ops
        try:
            yield backend
        finally:
            with self.lock:
                self.free.append(backend)


class ClassicApp:
    def __init__(self, home: Path):
        self.home = Path(home)
        self._pools: dict[str, _Pool] = {}
        self._lock = threading.Lock()

    def _pool(self, subscription: str) -> _Pool:
        if not re.fullmatch(r"[A-Za-z0-9-]{1,64}", subscription):
            raise CloudError("ResourceNotFound", "The subscription does not exist.", 404)
        key = subscription.lower()
        with self._lock:
            if key not in self._pools:
                self._pools[key] = _Pool(subscription_home(self.home, key))
            return self._pools[key]

    # --- WSGI ------------------------------------------------------------------------------------
    def __call__(self, environ: dict, start_response):
        method = environ["REQUEST_METHOD"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
        headers["content-type"] = environ.get("CONTENT_TYPE", "")
        try:
            reply = self.handle(
                method, environ.get("PATH_INFO", ""), parse_qs(environ.get("QUERY_STRING", "")), headers, body
            )
        except CloudError as err:
            reply = Reply(err.http_status, err.request_id, _error_body(err.code, err.message))
        start_response(f"{reply.status} {_REASONS.get(reply.status, '')}".strip(), _headers(reply.request_id))
        return [reply.body]

    def authentication_failed(self, reason: str) -> tuple[int, list[tuple[str, str]], bytes]:
        """core's answer to a request without a valid certificate or token (§3.1: 403)."""
        rid = new_request_id()
        return 403, _headers(rid), _error_body("AuthenticationFailed", AUTH_ERROR)

    def handle(self, method: str, path: str, query: dict, headers: dict, body: bytes) -> Reply:
        subscription, _, rest = path.lstrip("/").partition("/")
        rest = "/" + rest.rstrip("/") if rest else ""
        for route_method, pattern, handler, minimum in COMPILED:  # noqa: B007  (used after the loop)
            match = pattern.match(rest)
            if match and route_method == method:
                break
        else:
            if any(p.match(rest) for _, p, _, _ in COMPILED):
                raise CloudError("InvalidHttpVerb", f"The HTTP verb {method} is not supported for this URI.", 400)
            raise CloudError("ResourceNotFound", NO_RESOURCE, 404)
        version = headers.get("x-ms-version", "")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", version) or version < minimum:
            raise CloudError("MissingOrIncorrectVersionHeader", VERSION_ERROR, 400)
        if method in ("POST", "PUT") and "xml" not in headers.get("content-type", ""):
            raise bad_request("The request's content type must be application/xml.")
        args = [unquote(a) for a in match.groups()]
        request = _Request(subscription, query, body)
        with self._pool(subscription).backend() as sandbox:
            return getattr(self, handler)(sandbox, request, *args)

    # --- operations ------------------------------------------------------------------------------
    def subscription(self, sb, req):
        subs = sb.list_subscriptions()
        sub = next(s for s in subs.value if s["IsDefault"])
        value = {"SubscriptionID": req.subscription, "SubscriptionName": sub["SubscriptionName"]}
        value["SubscriptionStatus"] = "Active"
        return _answer(subs, "Subscription", X.SUBSCRIPTION, value)

    def operation(self, sb, req, rid):
        op = sb.get_operation_status(rid)
        value = {"ID": dashed(rid), "Status": op.status}
        if op.done:
            value["HttpStatusCode"] = op.http_status or 200
        if op.error_code:
            value["Error"] = {"Code": op.error_code, "Message": op.error_message}
        return Reply(200, new_request_id(), X.dump("Operation", X.OPERATION, value, strict=True))

    def list_os_images(self, sb, req):
        response = sb.list_os_images()
        return _answer(response, "Images", X.IMAGES, list(_filtered(response.value, req.query)))

    def get_os_image(self, sb, req, name):
        return _answer(sb.get_os_image(name), "OSImage", X.OS_IMAGE)

    def add_os_image(self, sb, req):
        return _answer(sb.add_os_image(req.read(X.OS_IMAGE, "OSImage")), "OSImage", X.OS_IMAGE)

    def update_os_image(self, sb, req, name):
        return _answer(sb.update_os_image(name, req.read(X.OS_IMAGE, "OSImage")), "OSImage", X.OS_IMAGE)

    def delete_os_image(self, sb, req, name):
        return _answer(sb.delete_os_image(name, req.media))

    def list_vm_images(self, sb, req):
        response = sb.list_vm_images()
        return _answer(response, "VMImages", X.VM_IMAGES, list(_filtered(response.value, req.query)))

    def create_vm_image(self, sb, req):
        return _answer(sb.create_vm_image(req.read(X.VM_IMAGE, "VMImage")))

    def update_vm_image(self, sb, req, name):
        changes = req.read(X.VM_IMAGE, "VMImage")
        disks = {k: changes.pop(k) for k in ("OSDiskConfiguration", "DataDiskConfigurations") if k in changes}
        if disks:
            changes["DiskConfig"] = disks
        return _answer(sb.update_vm_image(name, changes))

    def delete_vm_image(self, sb, req, name):
        return _answer(sb.delete_vm_image(name, req.media))

    def list_services(self, sb, req):
        return _answer(sb.list_services(), "HostedServices", X.HOSTED_SERVICES)

    def get_service(self, sb, req, name):
        response = sb.get_service(name)
        if req.flag("embed-detail"):  # Get Cloud Service Properties with its deployments
            try:
                deployments = [_as_served(sb.get_deployment(response.value["ServiceName"]).value)]
            except CloudError as err:
                if err.http_status != 404:
                    raise
                deployments = []
            value = {**response.value, "Deployments": deployments}
            return _answer(response, "HostedService", X.HOSTED_SERVICE_DETAILED, value)
        return _answer(response, "HostedService", X.HOSTED_SERVICE)

    def create_service(self, sb, req):
        response = sb.create_service(req.read(X.CREATE_HOSTED_SERVICE, "CreateHostedService"))
        return Reply(201, response.request_id)  # Create Hosted Service answers 201 without a body

    def delete_service(self, sb, req, name):
        response = sb.delete_service(name, req.media)
        if req.media:
            return _answer(response)
        # Delete Cloud Service without comp=media is synchronous: 200 once done (gg441305).
        sb.wait(response)
        return Reply(200, response.request_id)

    def get_deployment(self, sb, req, service, slot):
        if slot.lower() != "production":  # the sandbox deploys to the production slot only
            sb.get_service(service)
            raise not_found("No deployments were found.")
        response = sb.get_deployment(service)
        return _answer(response, "Deployment", X.DEPLOYMENT, _as_served(response.value))

    def get_deployment_by_name(self, sb, req, service, name):
        response = sb.get_deployment(service)
        if response.value["Name"].lower() != name.lower():
            raise not_found("No deployments were found.")
        return _answer(response, "Deployment", X.DEPLOYMENT, _as_served(response.value))

    def delete_deployment(self, sb, req, service, name):
        return _answer(sb.delete_deployment(service, name, req.media))

    def delete_deployment_by_slot(self, sb, req, service, slot):
        if slot.lower() != "production":
            sb.get_service(service)
            raise not_found("No deployments were found.")
        name = sb.get_deployment(service).value["Name"]
        return _answer(sb.delete_deployment(service, name, req.media))

    def create_deployment(self, sb, req, service):
        return _answer(sb.create_deployment(service, req.read(X.DEPLOYMENT_CREATE, "Deployment")))

    def get_role(self, sb, req, service, deployment, role):
        role_body = _role_as_served(_role(sb, service, deployment, role))
        return Reply(200, new_request_id(), X.dump("PersistentVMRole", X.ROLE, role_body))

    def add_role(self, sb, req, service, deployment):
        return _answer(sb.add_role(service, deployment, req.read(X.ROLE, "PersistentVMRole")))

    def update_role(self, sb, req, service, deployment, role):
        return _answer(sb.update_role(service, deployment, role, req.read(X.ROLE, "PersistentVMRole")))

    def delete_role(self, sb, req, service, deployment, role):
        return _answer(sb.delete_role(service, deployment, role, req.media))

    def role_operation(self, sb, req, service, deployment, role):
        try:
            root = X.root_of(req.body)
        except X.XmlError as err:
            raise CloudError("InvalidXmlRequest", str(err), 400) from None
        schema = X.ROLE_OPERATIONS.get(root)
        if schema is None:
            raise bad_request(f"The operation {root} is not supported.")
        operation = req.read(schema, root)
        if operation.get("OperationType") != root:
            raise bad_request(f"OperationType must be {root}.")
        return _answer(sb.role_operation(service, deployment, role, operation))

    # --- data disks: a change of the role's disk list (Update Role's rule: the list is complete) ---
    def get_data_disk(self, sb, req, service, deployment, role, lun):
        disk = _data_disk(_role(sb, service, deployment, role), lun)
        return Reply(200, new_request_id(), X.dump("DataVirtualHardDisk", X.DATA_VHD, disk))

    def add_data_disk(self, sb, req, service, deployment, role):
        wanted = req.read(X.DATA_VHD, "DataVirtualHardDisk")
        current = _role(sb, service, deployment, role)
        lun = int(wanted.get("Lun") or 0)
        if any(int(d.get("Lun") or 0) == lun for d in current.get("DataVirtualHardDisks") or ()):
            raise CloudError("ConflictError", f"A disk is already attached at LUN {lun}.", 409)
        disks = [*(current.get("DataVirtualHardDisks") or ()), {**wanted, "Lun": lun}]
        return _answer(sb.update_role(service, deployment, role, {"DataVirtualHardDisks": disks}))

    def update_data_disk(self, sb, req, service, deployment, role, lun):
        wanted = req.read(X.DATA_VHD, "DataVirtualHardDisk")
        current = _role(sb, service, deployment, role)
        disk = _data_disk(current, lun)
        disks = [
            {**d, "HostCaching": wanted.get("HostCaching") or d.get("HostCaching")} if d is disk else d
            for d in current.get("DataVirtualHardDisks") or ()
        ]
        return _answer(sb.update_role(service, deployment, role, {"DataVirtualHardDisks": disks}))

    def delete_data_disk(self, sb, req, service, deployment, role, lun):
        current = _role(sb, service, deployment, role)
        disk = _data_disk(current, lun)
        disks = [d for d in current.get("DataVirtualHardDisks") or () if d is not disk]
        return _answer(sb.update_role(service, deployment, role, {"DataVirtualHardDisks": disks}))

    def list_locations(self, sb, req):
        return _answer(sb.list_locations(), "Locations", X.LOCATIONS)

    def list_role_sizes(self, sb, req):
        return _answer(sb.list_role_sizes(), "RoleSizes", X.ROLE_SIZES)

    def list_storage_accounts(self, sb, req):
        return _answer(sb.list_storage_accounts(), "StorageServices", X.STORAGE_SERVICES)

    def get_storage_account(self, sb, req, name):
        return _answer(sb.get_storage_account(name), "StorageService", X.STORAGE_SERVICE)

    def update_storage_account(self, sb, req, name):
        return _answer(sb.update_storage_account(name, req.read(X.STORAGE_UPDATE, "UpdateStorageServiceInput")))


class _Request:
    def __init__(self, subscription: str, query: dict, body: bytes):
        self.subscription, self.query, self.body = subscription, query, body

    @property
    def media(self) -> bool:
        return "media" in self.query.get("comp", [])

    def flag(self, name: str) -> bool:
        return (self.query.get(name) or [""])[0].lower() == "true"

    def read(self, schema, root: str):
        try:
            return X.parse(self.body, schema, root, known_only=True)
        except X.XmlError as err:
            raise CloudError(
                "InvalidXmlRequest", f"The request body's XML was invalid or not correctly specified: {err}.", 400
            ) from None


def _headers(request_id: str) -> list[tuple[str, str]]:
    return [
        ("Content-Type", "application/xml; charset=utf-8"),
        ("Cache-Control", "no-cache"),
        ("x-ms-request-id", request_id),
    ]


def _error_body(code: str, message: str) -> bytes:
    return X.dump("Error", X.ERROR, {"Code": code, "Message": message})


def _answer(response, root: str | None = None, schema=None, value=None) -> Reply:
    body = b""
    if root is not None:
        body = X.dump(root, schema, response.value if value is None else value, strict=True)
    return Reply(response.http_status, response.request_id, body)


def _filtered(images, query: dict):
    """List OS/VM Images' filters (x-ms-version 2014-05-01): location= (one of the image's
    regions), publisher=, category= (Public/User), compared without regard to case."""
    location = (query.get("location") or [""])[0].lower()
    publisher = (query.get("publisher") or [""])[0].lower()
    category = (query.get("category") or [""])[0].lower()
    for image in images:
        regions = [r.strip().lower() for r in (image.get("Location") or "").split(";")]
        if location and location not in regions:
            continue
        if publisher and (image.get("PublisherName") or "").lower() != publisher:
            continue
        if category and (image.get("Category") or "").lower() != category:
            continue
        yield image


def _role_as_served(role: dict) -> dict:
    """The service left `<Lun>` out of a data disk at LUN 0 (its default) in Get Deployment and
    Get Role; clients must read the absence as 0 (issue 14 §2), so the server does the same."""
    disks = [
        {k: v for k, v in d.items() if not (k == "Lun" and v == 0)} for d in role.get("DataVirtualHardDisks") or ()
    ]
    return {**role, "DataVirtualHardDisks": disks} if "DataVirtualHardDisks" in role else role


def _as_served(deployment: dict) -> dict:
    return {**deployment, "RoleList": [_role_as_served(r) for r in deployment.get("RoleList") or ()]}


def _role(sb, service: str, deployment: str, name: str) -> dict:
    found = sb.get_deployment(service).value
    if found["Name"].lower() != deployment.lower():
        raise not_found("No deployments were found.")
    for role in found["RoleList"]:
        if role["RoleName"].lower() == name.lower():
            return role
    raise not_found(f"The role {name} does not exist in deployment {found['Name']}.")


def _data_disk(role: dict, lun: str) -> dict:
    for disk in role.get("DataVirtualHardDisks") or ():
        if str(int(disk.get("Lun") or 0)) == lun.strip():
            return disk
    raise not_found(f"No data disk is attached at LUN {lun}.")


def make_app(home: Path, **options) -> ClassicApp:
    """The classic API over the stores under `home` (the contract every API module keeps)."""
    return ClassicApp(Path(home))
