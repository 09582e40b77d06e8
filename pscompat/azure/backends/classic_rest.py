"""The classic Service Management REST API as a `ComputeBackend` (docs/azure-classic-api.md §3), over httpx.

Selected with PSCOMPAT_AZURE_BACKEND=classic; the rest of the configuration is read from the
environment at each call, so a session can point itself elsewhere without restarting:

    PSCOMPAT_AZURE_ENDPOINT       default https://management.core.windows.net
    PSCOMPAT_AZURE_SUBSCRIPTION   the subscription id (required)
    PSCOMPAT_AZURE_CERT           management certificate: a PEM file with the certificate and key
    PSCOMPAT_AZURE_CERT_KEY       the key, when it is in a PEM file of its own
    PSCOMPAT_AZURE_TOKEN          an AAD access token, sent as `Authorization: Bearer <token>`
    PSCOMPAT_AZURE_VERSION        x-ms-version (default 2016-03-01, the final classic .NET client's)
    PSCOMPAT_AZURE_POLL_INTERVAL  seconds between Get Operation Status calls (default 2)
    PSCOMPAT_AZURE_HTTP_TIMEOUT   seconds per HTTP request (default 100)

Bodies are built and read by `rest_classic_xml`; resources come back as the dicts the sandbox
returns for the same resource, so the cmdlets and models do not know which backend they talk to.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Iterator
from urllib.parse import quote

import httpx

from pscompat.azure.backends import classic_xml as X
from pscompat.azure.backends import publish_profile
from pscompat.azure.backends.base import (
    PASSWORD_KEYS,
    SUCCEEDED,
    CloudError,
    ComputeBackend,
    Operation,
    Response,
    new_request_id,
    not_found,
    register_backend,
    register_secret,
)

DEFAULT_ENDPOINT = "https://management.core.windows.net"
DEFAULT_VERSION = "2016-03-01"
# The success codes the operations document (docs/azure-classic-api.md §3.2, MSDN per operation): GETs and the
# synchronous OS-image calls 200, Create Cloud Service 201, everything asynchronous 202.
OK, CREATED, ACCEPTED = (200,), (201,), (202,)


class TransportError(CloudError):
    """The service could not be reached or answered nonsense: no request id to quote, so the
    classic rendering's OperationID line is left out."""

    @property
    def classic_message(self) -> str:
        return f"{self.code}: {self.message}"


def _settings() -> tuple:
    """The environment's configuration; what it leaves unset comes from the profile that
    Import-AzurePublishSettingsFile wrote (publish_profile.py), for its current subscription."""
    env = os.environ.get
    imported = publish_profile.current() if not env("PSCOMPAT_AZURE_SUBSCRIPTION") else None
    imported = imported or {}
    return (
        env("PSCOMPAT_AZURE_ENDPOINT") or imported.get("ServiceEndpoint") or DEFAULT_ENDPOINT,
        env("PSCOMPAT_AZURE_SUBSCRIPTION") or imported.get("SubscriptionId") or "",
        env("PSCOMPAT_AZURE_CERT") or imported.get("Certificate") or "",
        env("PSCOMPAT_AZURE_CERT_KEY") or "",
        env("PSCOMPAT_AZURE_TOKEN") or "",
        env("PSCOMPAT_AZURE_VERSION") or DEFAULT_VERSION,
        env("PSCOMPAT_AZURE_HTTP_TIMEOUT") or "100",
    )


def _seconds(name: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(name) or default))
    except ValueError:
        return default


def _rows(items: list) -> Iterator[dict]:
    # A generator, not a list: callers close listings they stop reading (common.complete_image_names).
    yield from items


def _q(name: str) -> str:
    return quote(name, safe="")


class ClassicRestBackend(ComputeBackend):
    name = "classic"

    def __init__(self):
        self._client: httpx.Client | None = None
        self._settings: tuple | None = None
        self._local: dict[str, Operation] = {}  # calls answered here, without a request to look up
        self._storage_account: str | None = None  # Set-AzureSubscription without an imported profile

    @property
    def poll_interval(self) -> float:  # read each time: tests and impatient users shorten it
        return _seconds("PSCOMPAT_AZURE_POLL_INTERVAL", 2.0)

    # --- HTTP -------------------------------------------------------------------------------
    def _session(self) -> tuple[httpx.Client, tuple]:
        settings = _settings()
        if self._client is None or settings != self._settings:
            endpoint, subscription, cert, key, token, version, timeout = settings
            if not subscription:
                raise TransportError(
                    "MissingSubscription",
                    "The classic REST backend needs a subscription id: set PSCOMPAT_AZURE_SUBSCRIPTION.",
                    400,
                )
            verify: ssl.SSLContext | bool = True
            if cert:
                verify = _management_certificate(cert, key)
            headers = {"x-ms-version": version, "Accept": "application/xml"}
            if token:
                headers["Authorization"] = f"Bearer {_bearer_token(token)}"
            if self._client is not None:
                self._client.close()
            self._client = httpx.Client(verify=verify, headers=headers, timeout=_seconds_text(timeout, 100.0))
            self._settings = settings
        return self._client, self._settings

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _call(
        self, method: str, path: str, expect: tuple[int, ...], body: bytes | None = None, media: bool = False
    ) -> tuple[str, int, bytes]:
        """One request; returns (request id, HTTP status, body) or raises CloudError.  Only the
        operation's documented success codes (`expect`, docs/azure-classic-api.md §3.2) count as success: a 3xx is
        not followed (it would resend the credentials elsewhere) and means nothing was done."""
        client, settings = self._session()
        url = f"{settings[0].rstrip('/')}/{settings[1]}{path}"
        headers = {}
        if body is not None or method in ("POST", "PUT"):
            headers["Content-Type"] = "application/xml"
        try:
            reply = client.request(
                method,
                url,
                content=body if body is not None else b"",
                headers=headers,
                params={"comp": "media"} if media else None,
            )
        except httpx.TimeoutException:
            raise TransportError("OperationTimedOut", f"The request to {url} timed out.", 504) from None
        except httpx.HTTPError as err:
            raise TransportError(
                "ConnectionFailed",
                f"An error occurred while sending the request to {url}: {err or type(err).__name__}.",
                503,
            ) from None
        request_id = reply.headers.get("x-ms-request-id") or new_request_id()
        if reply.status_code >= 400:
            raise _error(reply, request_id)
        if reply.status_code not in expect:
            raise _unexpected(reply, request_id, method, path, expect)
        return request_id, reply.status_code, reply.content

    def _read(self, body: bytes, schema, root: str, request_id: str):
        try:
            return X.parse(body, schema, root)
        except X.XmlError as err:
            raise TransportError(
                "InvalidXmlResponse", f"The service's answer could not be read: {err}.", 502, request_id
            ) from None

    def _get(self, path: str, schema, root: str) -> Response:
        request_id, status, body = self._call("GET", path, OK)
        value = self._read(body, schema, root, request_id)
        return Response(request_id, status, _rows(value) if isinstance(schema, X.ListOf) else value)

    def _send(
        self,
        method: str,
        path: str,
        expect: tuple[int, ...],
        root: str | None = None,
        schema=None,
        value: dict | None = None,
        media: bool = False,
        answer=None,
    ) -> Response:
        """A mutating call: 202 means the caller polls; a synchronous answer may carry a body."""
        try:
            body = X.dump(root, schema, value) if root is not None else None
        except X.XmlError as err:
            raise CloudError("BadRequest", f"The request cannot be written as <{root}>: {err}.") from None
        request_id, status, reply = self._call(method, path, expect, body, media)
        result = None
        if answer is not None and reply.strip():
            result = self._read(reply, answer[1], answer[0], request_id)
        return Response(request_id, status, result)

    # --- operations -------------------------------------------------------------------------
    def get_operation_status(self, request_id: str) -> Operation:
        if request_id in self._local:
            return self._local[request_id]
        rid, _, body = self._call("GET", f"/operations/{_q(request_id)}", OK)
        op = self._read(body, X.OPERATION, "Operation", rid)
        error = op.get("Error") or {}
        return Operation(
            request_id, op.get("Status") or "", op.get("HttpStatusCode"), error.get("Code"), error.get("Message")
        )

    # --- OS images --------------------------------------------------------------------------
    def list_os_images(self) -> Response:
        return self._get("/services/images", X.IMAGES, "Images")

    def get_os_image(self, name: str) -> Response:
        return self._get(f"/services/images/{_q(name)}", X.OS_IMAGE, "OSImage")

    def add_os_image(self, image: dict) -> Response:
        return self._send(
            "POST", "/services/images", OK, "OSImage", X.OS_IMAGE_ADD, image, answer=("OSImage", X.OS_IMAGE)
        )

    def update_os_image(self, name: str, changes: dict) -> Response:
        return self._send(
            "PUT",
            f"/services/images/{_q(name)}",
            OK,
            "OSImage",
            X.OS_IMAGE_UPDATE,
            changes,
            answer=("OSImage", X.OS_IMAGE),
        )

    def delete_os_image(self, name: str, delete_vhd: bool = False) -> Response:
        return self._send("DELETE", f"/services/images/{_q(name)}", OK, media=delete_vhd)

    # --- VM images --------------------------------------------------------------------------
    def list_vm_images(self) -> Response:
        return self._get("/services/vmimages", X.VM_IMAGES, "VMImages")

    def create_vm_image(self, image: dict) -> Response:
        return self._send("POST", "/services/vmimages", ACCEPTED, "VMImage", X.VM_IMAGE_CREATE, image)

    def update_vm_image(self, name: str, changes: dict) -> Response:
        body = {k: v for k, v in changes.items() if k != "DiskConfig"}
        body.update(changes.get("DiskConfig") or {})  # the disk settings are members of <VMImage> itself
        return self._send("PUT", f"/services/vmimages/{_q(name)}", ACCEPTED, "VMImage", X.VM_IMAGE_UPDATE, body)

    def delete_vm_image(self, name: str, delete_vhd: bool = False) -> Response:
        return self._send("DELETE", f"/services/vmimages/{_q(name)}", ACCEPTED, media=delete_vhd)

    # --- cloud services and deployments -----------------------------------------------------
    def list_services(self) -> Response:
        response = self._get("/services/hostedservices", X.HOSTED_SERVICES, "HostedServices")
        response.value = list(response.value)  # the sandbox hands out a list here too
        return response

    def get_service(self, name: str) -> Response:
        return self._get(f"/services/hostedservices/{_q(name)}", X.HOSTED_SERVICE, "HostedService")

    def create_service(self, service: dict) -> Response:
        return self._send(
            "POST", "/services/hostedservices", CREATED, "CreateHostedService", X.CREATE_HOSTED_SERVICE, service
        )

    def delete_service(self, name: str, delete_all: bool = False) -> Response:
        # Delete Cloud Service (gg441305): synchronous 200; with comp=media asynchronous, always 202.
        expect = ACCEPTED if delete_all else OK
        return self._send("DELETE", f"/services/hostedservices/{_q(name)}", expect, media=delete_all)

    def get_deployment(self, service: str, slot: str = "Production") -> Response:
        response = self._get(
            f"/services/hostedservices/{_q(service)}/deploymentslots/{slot.lower()}", X.DEPLOYMENT, "Deployment"
        )
        # The service leaves <Lun> out for LUN 0 (its default): absent means 0, not $null, or
        # Add-AzureDataDisk -LUN 0 | Update-AzureVM would send two disks at LUN 0.
        for role in response.value.get("RoleList") or ():
            for disk in role.get("DataVirtualHardDisks") or ():
                disk.setdefault("Lun", 0)
        return response

    def create_deployment(self, service: str, deployment: dict) -> Response:
        body = {
            "DeploymentSlot": "Production",
            **deployment,
            "RoleList": [_persistent_vm_role(r) for r in deployment.get("RoleList") or ()],
        }
        return self._send(
            "POST",
            f"/services/hostedservices/{_q(service)}/deployments",
            ACCEPTED,
            "Deployment",
            X.DEPLOYMENT_CREATE,
            body,
        )

    def delete_deployment(self, service: str, deployment: str, delete_vhd: bool = False) -> Response:
        return self._send("DELETE", self._roles(service, deployment), ACCEPTED, media=delete_vhd)

    # --- roles ------------------------------------------------------------------------------
    def _roles(self, service: str, deployment: str) -> str:
        return f"/services/hostedservices/{_q(service)}/deployments/{_q(deployment)}"

    def add_role(self, service: str, deployment: str, role: dict) -> Response:
        return self._send(
            "POST",
            f"{self._roles(service, deployment)}/roles",
            ACCEPTED,
            "PersistentVMRole",
            X.ROLE,
            _persistent_vm_role(role),
        )

    def update_role(self, service: str, deployment: str, role_name: str, role: dict) -> Response:
        return self._send(
            "PUT",
            f"{self._roles(service, deployment)}/roles/{_q(role_name)}",
            ACCEPTED,
            "PersistentVMRole",
            X.ROLE,
            _persistent_vm_role(role),
        )

    def delete_role(self, service: str, deployment: str, role_name: str, delete_vhd: bool = False) -> Response:
        return self._send(
            "DELETE", f"{self._roles(service, deployment)}/roles/{_q(role_name)}", ACCEPTED, media=delete_vhd
        )

    def role_operation(self, service: str, deployment: str, role_name: str, operation: dict) -> Response:
        kind = operation.get("OperationType")
        schema = X.ROLE_OPERATIONS.get(kind)
        if schema is None:
            raise CloudError("BadRequest", f"The operation type {kind} is not supported.")
        return self._send(
            "POST",
            f"{self._roles(service, deployment)}/roleinstances/{_q(role_name)}/Operations",
            ACCEPTED,
            kind,
            schema,
            operation,
        )

    # --- storage accounts (docs/serve.md; Get/Set-AzureStorageAccount) ------------------------
    def list_storage_accounts(self) -> Response:
        response = self._get("/services/storageservices", X.STORAGE_SERVICES, "StorageServices")
        response.value = list(response.value)
        return response

    def get_storage_account(self, name: str) -> Response:
        return self._get(f"/services/storageservices/{_q(name)}", X.STORAGE_SERVICE, "StorageService")

    def update_storage_account(self, name: str, changes: dict) -> Response:
        body = {k: changes.get(k) for k in ("Description", "Label", "AccountType")}
        return self._send(
            "PUT", f"/services/storageservices/{_q(name)}", OK, "UpdateStorageServiceInput", X.STORAGE_UPDATE, body
        )

    # --- subscription-level lists -----------------------------------------------------------
    def list_locations(self) -> Response:
        response = self._get("/locations", X.LOCATIONS, "Locations")
        response.value = list(response.value)
        return response

    def list_role_sizes(self) -> Response:
        response = self._get("/rolesizes", X.ROLE_SIZES, "RoleSizes")
        response.value = list(response.value)
        return response

    def list_subscriptions(self) -> Response:
        """The imported subscriptions (Import-AzurePublishSettingsFile), else Get Subscription
        (GET /<subscription-id>): the one subscription this configuration names."""
        imported = publish_profile.subscriptions() if not os.environ.get("PSCOMPAT_AZURE_SUBSCRIPTION") else []
        if imported:
            request_id = new_request_id()
            self._local[request_id] = Operation(request_id, SUCCEEDED, 200)
            fields = ("SubscriptionId", "SubscriptionName", "Environment", "ServiceEndpoint", "IsDefault")
            rows = [{**{k: s.get(k) for k in fields + ("CurrentStorageAccountName",)}} for s in imported]
            return Response(request_id, 200, rows)
        response = self._get("", X.SUBSCRIPTION, "Subscription")
        sub = response.value
        endpoint = self._settings[0].rstrip("/") + "/"
        response.value = [
            {
                "SubscriptionId": sub.get("SubscriptionID") or self._settings[1],
                "SubscriptionName": sub.get("SubscriptionName"),
                "Environment": "AzureCloud",
                "ServiceEndpoint": endpoint,
                "CurrentStorageAccountName": self._storage_account,
                "IsDefault": True,
            }
        ]
        return response

    def set_current_storage_account(self, subscription_id: str, account: str) -> Response:
        """Kept in the imported profile (Import-AzurePublishSettingsFile), else for this session."""
        if publish_profile.subscriptions() and not os.environ.get("PSCOMPAT_AZURE_SUBSCRIPTION"):
            publish_profile.set_storage_account(subscription_id, account)
        else:
            _, settings = self._session()
            if subscription_id.lower() != settings[1].lower():
                raise not_found(f"The subscription {subscription_id} is not the configured one.")
            self._storage_account = account
        request_id = new_request_id()
        self._local[request_id] = Operation(request_id, SUCCEEDED, 200)
        return Response(request_id, 200)

    def set_default_subscription(self, subscription_id: str) -> Response:
        if publish_profile.subscriptions() and not os.environ.get("PSCOMPAT_AZURE_SUBSCRIPTION"):
            publish_profile.set_default(subscription_id)  # raises CloudError 404 for an unknown id
            request_id = new_request_id()
            self._local[request_id] = Operation(request_id, SUCCEEDED, 200)
            return Response(request_id, 200)
        # The environment names the subscription; there is no profile file to persist a choice in.
        _, settings = self._session()
        if subscription_id.lower() != settings[1].lower():
            raise not_found(
                f"The subscription {subscription_id} is not the configured one (PSCOMPAT_AZURE_SUBSCRIPTION)."
            )
        request_id = new_request_id()
        self._local[request_id] = Operation(request_id, SUCCEEDED, 200)
        return Response(request_id, 200)


def _bearer_token(token: str) -> str:
    """PSCOMPAT_AZURE_TOKEN as a header value: whitespace around it (a token read from a file with
    its newline) is dropped; anything else a token cannot hold is an error that shows no part of it."""
    register_secret(token)
    cleaned = token.strip()
    bad = next((i for i, ch in enumerate(cleaned) if not ("!" <= ch <= "~")), None)
    if bad is not None or not cleaned:
        where = f"a character a token cannot hold at position {bad + 1}" if bad is not None else "only white space"
        raise TransportError(
            "InvalidToken", f"PSCOMPAT_AZURE_TOKEN holds {where}; set it to the access token alone.", 400
        )
    return cleaned


def _management_certificate(cert: str, key: str) -> ssl.SSLContext:
    """An SSL context with the client certificate: PSCOMPAT_AZURE_CERT/_KEY name PEM files, or hold
    the PEM text itself, which is then read from memory (an anonymous memfd, never a file on disk).
    No error shows PEM text: it holds the private key."""
    for value in (cert, key):
        if _is_pem(value):
            register_secret(value)
    what = "the PEM text in PSCOMPAT_AZURE_CERT" if _is_pem(cert) else f"'{cert}' (PSCOMPAT_AZURE_CERT)"
    context = ssl.create_default_context()
    opened: list[int] = []
    try:
        paths = [_pem_path(value, opened) if _is_pem(value) else value for value in (cert, key)]
        context.load_cert_chain(paths[0], paths[1] or None)
    except (OSError, ssl.SSLError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else type(err).__name__
        if isinstance(err, ssl.SSLError):
            reason = f"{err.reason or 'not a PEM certificate with its private key'}"
        raise TransportError(
            "CertificateError", f"Cannot load the management certificate {what}: {reason}.", 400
        ) from None
    finally:
        for fd in opened:
            os.close(fd)
    return context


def _is_pem(value: str) -> bool:
    return "-----BEGIN" in (value or "")


def _pem_path(text: str, opened: list[int]) -> str:
    if not hasattr(os, "memfd_create"):
        raise TransportError(
            "CertificateError",
            "PSCOMPAT_AZURE_CERT holds PEM text, which this system cannot read from memory: save it in a file "
            "only you can read (chmod 600) and set PSCOMPAT_AZURE_CERT to its path.",
            400,
        )
    fd = os.memfd_create("pscompat-management-cert", os.MFD_CLOEXEC)
    opened.append(fd)
    os.write(fd, text.encode())
    return f"/proc/self/fd/{fd}"


def _persistent_vm_role(role: dict) -> dict:
    # Add Role / Create Deployment require RoleType; the cmdlets' role specs leave it implicit.
    for config in role.get("ConfigurationSets") or ():
        for element in PASSWORD_KEYS:
            register_secret(config.get(element) if isinstance(config, dict) else None)
    return {"RoleType": "PersistentVMRole", **{k: v for k, v in role.items() if v is not None}}


def _seconds_text(text: str, default: float) -> float:
    try:
        return float(text)
    except ValueError:
        return default


def _unexpected(reply: httpx.Response, request_id: str, method: str, path: str, expect: tuple[int, ...]) -> CloudError:
    """A status the operation does not document as success (a redirect, 204, 304…): an error, never
    Succeeded, since nothing says the change was made.  The redirect target is named without its
    query string (which may carry a signature)."""
    wanted = " or ".join(f"{c} {httpx.codes.get_reason_phrase(c)}" for c in expect)
    answer = f"{reply.status_code} {reply.reason_phrase or httpx.codes.get_reason_phrase(reply.status_code)}".strip()
    where = reply.headers.get("location")
    moved = f" to {where.split('?', 1)[0]}" if where else ""
    code = "".join((reply.reason_phrase or f"HTTP{reply.status_code}").title().split()) or f"HTTP{reply.status_code}"
    return CloudError(
        code,
        f"The service answered {method} {path or '/'} with {answer}{moved}, which is not a success for this "
        f"operation (expected {wanted}); the request was not followed and may not have been carried out. "
        "Check PSCOMPAT_AZURE_ENDPOINT.",
        reply.status_code,
        request_id,
    )


def _error(reply: httpx.Response, request_id: str) -> CloudError:
    """Hyak's CloudException: Code and Message from an <Error> body; else whatever the body or the
    reason phrase says (S11)."""
    code = message = None
    try:
        error = X.parse(reply.content, X.ERROR, "Error")
        code, message = error.get("Code"), error.get("Message")
    except X.XmlError:
        pass
    if not code and not message:
        text = reply.text.strip() if reply.content and "xml" not in reply.headers.get("content-type", "") else ""
        code, message = reply.reason_phrase or f"HTTP{reply.status_code}", text[:500] or reply.reason_phrase or ""
    return CloudError(code or message, message or code, reply.status_code, request_id)


register_backend("classic", ClassicRestBackend)
