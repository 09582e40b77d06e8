"""The interface between the classic Azure cmdlets and a Service Management (ASM) implementation.

The cmdlets never touch storage or HTTP themselves; they call a `ComputeBackend`.  The sandbox
(`sandbox.py`, SQLite) is the first implementation; REST backends come later and must behave
alike, so the interface keeps the REST concepts of the classic API (docs/azure-classic-api.md §3):

* every call has a request id (`x-ms-request-id`, 32 hex digits) that the cmdlets then look up
  with `get_operation_status`, as `ExecuteClientActionNewSM` does (docs/azure-classic-api.md §1.1);
* mutating calls may be asynchronous: they return a `Response` with `http_status == 202` and the
  caller polls `get_operation_status` until the status leaves `InProgress` (docs/azure-classic-api.md §3.1 async pattern);
* errors are `CloudError(code, message)` parsed from the `<Error>` body; the cmdlets render them as
  `<Code>: <Message>` plus the `OperationID : '<request id>'` line (docs/azure-classic-api.md §1.1, S11);
* resources travel as plain dicts keyed by the REST element names (`Name`, `Label`,
  `OSDiskConfiguration`, `RoleList`...), i.e. the XML bodies of docs/azure-classic-api.md §3.3 without the XML, so a REST
  backend only has to parse, and `models.py` builds the PowerShell objects from them.
"""

from __future__ import annotations

import os
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Operation statuses of Get Operation Status (docs/azure-classic-api.md §3.3 Operation).
IN_PROGRESS, SUCCEEDED, FAILED = "InProgress", "Succeeded", "Failed"


def new_request_id() -> str:
    """A fresh `x-ms-request-id`: 32 lower-case hex digits, no dashes (docs/azure-classic-api.md §3.1)."""
    return uuid.uuid4().hex


def dashed(request_id: str) -> str:
    """The operation id as Get Operation Status reports it: the request id as a dashed GUID (docs/azure-classic-api.md §1.1)."""
    return str(uuid.UUID(hex=request_id))


# --- secrets never reach a message -------------------------------------------------------------
_SECRETS: set[str] = set()
_SHORTEST_PART = 8  # a secret's substrings this long or longer are hidden too


def register_secret(value: str | None) -> None:
    """Remember a credential (token, certificate or key text, provisioning password) so that no
    error message built in this process can show it, whole or in part."""
    if value and len(value.strip()) >= 4:
        _SECRETS.add(value)
        _SECRETS.add(value.strip())


def redact(text: str) -> str:
    """`text` with every known secret, and every run of 8 or more of its characters, replaced by
    `***` (a service echoing part of a request body, an HTTP library quoting a header value)."""
    if not _SECRETS or not text:
        return text
    for secret in sorted(_SECRETS, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, "***")
    out, i = [], 0
    while i < len(text):
        window = text[i : i + _SHORTEST_PART]
        if len(window) == _SHORTEST_PART and any(window in s for s in _SECRETS):
            j = i + _SHORTEST_PART
            while j < len(text) and any(text[i : j + 1] in s for s in _SECRETS):
                j += 1
            out.append("***")
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class CloudError(Exception):
    """An error response of the Service Management API (`<Error><Code/><Message/></Error>`)."""

    def __init__(self, code: str, message: str, http_status: int = 400, request_id: str | None = None):
        code, message = redact(code), redact(message)
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.http_status = http_status
        self.request_id = request_id or new_request_id()

    @property
    def classic_message(self) -> str:
        """What ComputeCloudException shows: `Code: Message` + newline + `OperationID : '<rid>'` (S11)."""
        return f"{self.code}: {self.message}\nOperationID : '{self.request_id}'"


def not_found(message: str) -> CloudError:
    return CloudError("ResourceNotFound", message, 404)


def conflict(message: str) -> CloudError:
    return CloudError("ConflictError", message, 409)


def bad_request(message: str) -> CloudError:
    return CloudError("BadRequest", message, 400)


# The server's text for a missing OS image [rec S15]; Get and Remove surface it verbatim.
IMAGE_NOT_FOUND = "The image with the specified name does not exist."


@dataclass
class Response:
    """One REST call's answer: its request id, HTTP status and decoded body (or a row iterator)."""

    request_id: str
    http_status: int = 200
    value: Any = None

    @property
    def accepted(self) -> bool:
        return self.http_status == 202


@dataclass
class Operation:
    """Get Operation Status (docs/azure-classic-api.md §3.3): ID, Status, HttpStatusCode, Error{Code, Message}."""

    request_id: str
    status: str
    http_status: int | None = None
    error_code: str | None = None
    error_message: str | None = None
    percent: int = -1  # how far an InProgress operation is, when the backend knows (sandbox does)
    detail: str = ""  # what it is doing right now, for Write-Progress

    @property
    def id(self) -> str:
        return dashed(self.request_id)

    @property
    def done(self) -> bool:
        return self.status != IN_PROGRESS

    def raise_if_failed(self) -> None:
        if self.status == FAILED:
            raise CloudError(
                self.error_code or "InternalError", self.error_message or "", self.http_status or 500, self.request_id
            )


ProgressCallback = Callable[[Operation], None]


class ComputeBackend(ABC):
    """Classic compute for one subscription.  Method docstrings name the REST operation (docs/azure-classic-api.md §3.2)."""

    name = "abstract"
    poll_interval = 0.5  # seconds between Get Operation Status calls while an operation runs

    # --- operations -------------------------------------------------------------------------
    @abstractmethod
    def get_operation_status(self, request_id: str) -> Operation:
        """GET /operations/<request-id>."""

    def wait(
        self, response: Response, progress: ProgressCallback | None = None, timeout: float | None = None
    ) -> Operation:
        """Poll an accepted (202) call until it finishes; synchronous calls are already done.

        Raises CloudError when the operation failed, like the .NET client's long-running calls."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            op = self.get_operation_status(response.request_id)
            if progress is not None:
                progress(op)
            if op.done:
                op.raise_if_failed()
                return op
            if deadline is not None and time.monotonic() > deadline:
                raise CloudError(
                    "OperationTimedOut", "The operation did not complete in time.", 500, response.request_id
                )
            time.sleep(self.poll_interval)

    # --- OS images --------------------------------------------------------------------------
    @abstractmethod
    def list_os_images(self) -> Response:
        """GET /services/images.  `value` is an iterator of OSImage dicts in server order; it
        streams, so stopping early (Select -First 1) costs only the rows read."""

    @abstractmethod
    def get_os_image(self, name: str) -> Response:
        """GET /services/images/<name>; 404 ResourceNotFound when absent."""

    @abstractmethod
    def add_os_image(self, image: dict) -> Response:
        """POST /services/images (synchronous 200 with the OSImage body)."""

    @abstractmethod
    def update_os_image(self, name: str, changes: dict) -> Response:
        """PUT /services/images/<name> (metadata only; 200 with the OSImage body)."""

    @abstractmethod
    def delete_os_image(self, name: str, delete_vhd: bool = False) -> Response:
        """DELETE /services/images/<name>[?comp=media] (synchronous 200)."""

    # --- VM images --------------------------------------------------------------------------
    @abstractmethod
    def list_vm_images(self) -> Response:
        """GET /services/vmimages.  `value` streams VMImage dicts."""

    @abstractmethod
    def create_vm_image(self, image: dict) -> Response:
        """POST /services/vmimages (202)."""

    @abstractmethod
    def update_vm_image(self, name: str, changes: dict) -> Response:
        """PUT /services/vmimages/<name> (202)."""

    @abstractmethod
    def delete_vm_image(self, name: str, delete_vhd: bool = False) -> Response:
        """DELETE /services/vmimages/<name>[?comp=media] (202)."""

    # --- cloud services and deployments -----------------------------------------------------
    @abstractmethod
    def list_services(self) -> Response:
        """GET /services/hostedservices."""

    @abstractmethod
    def get_service(self, name: str) -> Response:
        """GET /services/hostedservices/<name>; 404 when absent."""

    @abstractmethod
    def create_service(self, service: dict) -> Response:
        """POST /services/hostedservices (201; 409 ConflictError when the DNS name is taken)."""

    @abstractmethod
    def delete_service(self, name: str, delete_all: bool = False) -> Response:
        """DELETE /services/hostedservices/<name>[?comp=media] (202)."""

    @abstractmethod
    def get_deployment(self, service: str, slot: str = "Production") -> Response:
        """GET /services/hostedservices/<svc>/deploymentslots/<slot>: a Deployment dict with
        `RoleList` and `RoleInstanceList`; 404 when the slot is empty."""

    @abstractmethod
    def create_deployment(self, service: str, deployment: dict) -> Response:
        """POST /services/hostedservices/<svc>/deployments (202): the first VM(s) of a service."""

    def delete_deployment(self, service: str, deployment: str, delete_vhd: bool = False) -> Response:
        """DELETE /services/hostedservices/<svc>/deployments/<dep>[?comp=media] (202): every VM of
        the deployment; Remove-AzureVM sends it for the last VM (a deployment cannot be empty)."""
        raise CloudError("BadRequest", f"The {self.name} backend cannot delete a deployment.")

    # --- roles (VMs) ------------------------------------------------------------------------
    @abstractmethod
    def add_role(self, service: str, deployment: str, role: dict) -> Response:
        """POST …/deployments/<dep>/roles (202)."""

    @abstractmethod
    def update_role(self, service: str, deployment: str, role_name: str, role: dict) -> Response:
        """PUT …/deployments/<dep>/roles/<role> (202)."""

    @abstractmethod
    def delete_role(self, service: str, deployment: str, role_name: str, delete_vhd: bool = False) -> Response:
        """DELETE …/deployments/<dep>/roles/<role>[?comp=media] (202)."""

    @abstractmethod
    def role_operation(self, service: str, deployment: str, role_name: str, operation: dict) -> Response:
        """POST …/roleinstances/<role>/Operations (202) with one of the bodies of docs/azure-classic-api.md §3.3:
        {OperationType: ShutdownRoleOperation, PostShutdownAction}, StartRoleOperation,
        RestartRoleOperation, CaptureRoleOperation {PostCaptureAction, TargetImageName,
        TargetImageLabel}, CaptureRoleAsVMImageOperation {OSState, VMImageName, VMImageLabel}."""

    # --- subscription-level lists -----------------------------------------------------------
    @abstractmethod
    def list_locations(self) -> Response:
        """GET /locations."""

    @abstractmethod
    def list_role_sizes(self) -> Response:
        """GET /rolesizes."""

    @abstractmethod
    def list_storage_accounts(self) -> Response:
        """GET /services/storageservices: dicts of classic_xml.STORAGE_SERVICE, properties flattened."""

    @abstractmethod
    def get_storage_account(self, name: str) -> Response:
        """GET /services/storageservices/<name>."""

    @abstractmethod
    def update_storage_account(self, name: str, changes: dict) -> Response:
        """PUT /services/storageservices/<name>: Label, Description, AccountType (synchronous, 200)."""

    @abstractmethod
    def list_subscriptions(self) -> Response:
        """The subscriptions this profile knows (the publish-settings data file, not REST)."""

    @abstractmethod
    def set_default_subscription(self, subscription_id: str) -> Response:
        """Persist the default subscription (Select-AzureSubscription -Default)."""

    # --- what only some backends have (the ARM backend, docs/azure-arm.md) -------------------
    def list_marketplace_images(
        self, location: str, publisher: str, offer: str | None = None, sku: str | None = None
    ) -> Response:
        """Marketplace image versions (Get-AzureVMImage -Location -PublisherName [-Offer] [-Skus])."""
        raise CloudError(
            "NotSupported",
            "-Location, -PublisherName, -Offer and -Skus list marketplace images, which only the ARM backend "
            "(PSCOMPAT_AZURE_BACKEND=arm) reaches.",
        )

    def notices(self) -> list[str]:
        """Warnings the backend has for the user since the last call (each said once per session)."""
        return []

    def capture_consequence(self, vm: str, image: str, os_state: str | None) -> str | None:
        """The ShouldProcess action, asked at High impact, of a capture that leaves the VM unusable
        where the classic service did not; None: the classic behaviour."""
        return None

    def set_current_storage_account(self, subscription_id: str, account: str) -> Response:
        """Set-AzureSubscription -CurrentStorageAccountName: the profile's storage account of a
        subscription (where New-AzureVM puts new disks); not a REST operation."""
        raise CloudError("BadRequest", f"The {self.name} backend keeps no storage account setting.")


# --- choosing the backend --------------------------------------------------------------------
_FACTORIES: dict[str, Callable[[], ComputeBackend]] = {}
_CURRENT: dict[tuple, ComputeBackend] = {}


def register_backend(name: str, factory: Callable[[], ComputeBackend]) -> None:
    """Make a backend selectable with PSCOMPAT_AZURE_BACKEND=<name> (the REST issues add theirs)."""
    _FACTORIES[name] = factory


def _default_kind() -> str:
    """The sandbox, unless Import-AzurePublishSettingsFile has pointed the cmdlets at an endpoint."""
    from pscompat.azure.backends import publish_profile

    return "classic" if publish_profile.exists() else "sandbox"


def current_backend() -> ComputeBackend:
    """The backend for this process; re-created when PSCOMPAT_AZURE_BACKEND or PSCOMPAT_HOME
    change, because tests and the before-stop hook relocate the sandbox through the environment."""
    kind = os.environ.get("PSCOMPAT_AZURE_BACKEND") or _default_kind()
    key = (kind, os.environ.get("PSCOMPAT_HOME"), os.environ.get("XDG_DATA_HOME"))
    backend = _CURRENT.get(key)
    if backend is None:
        if kind == "sandbox" and kind not in _FACTORIES:
            from pscompat.azure.backends import sandbox  # noqa: F401  (registers itself)
        if kind not in _FACTORIES:
            raise CloudError("BadRequest", f"Unknown Azure backend '{kind}' (PSCOMPAT_AZURE_BACKEND).")
        backend = _CURRENT[key] = _FACTORIES[kind]()
    return backend


PASSWORD_KEYS = ("AdminPassword", "UserPassword")


def without_passwords(role: dict) -> dict:
    """A role body as the sandbox keeps it: the store is not a vault, and nothing reads a
    password back (the classic API never returns one)."""
    sets = role.get("ConfigurationSets")
    if not sets:
        return role
    for c in sets:
        if isinstance(c, dict):
            for key in PASSWORD_KEYS:
                register_secret(c.get(key))
    cleaned = [{k: v for k, v in c.items() if k not in PASSWORD_KEYS} if isinstance(c, dict) else c for c in sets]
    return {**role, "ConfigurationSets": cleaned}
