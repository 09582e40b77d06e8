"""The classic image cmdlets over Azure Resource Manager: PSCOMPAT_AZURE_BACKEND=arm
(../shared/reference/azure-arm.md §3.2; docs/azure-arm.md for users).

`-ServiceName` is a resource group and `-Name` a VM in it.  Managed images are the User OS
images, marketplace versions the Public ones (by URN, or listed with Get-AzureVMImage -Location
-PublisherName [-Offer] [-Skus]), Compute Gallery image versions the VM images.  What has no ARM
counterpart fails with the stable error id NotSupportedOnArm and names the ARM way instead.

Besides arm_http.py's settings:

    PSCOMPAT_AZURE_LOCATION     region of marketplace look-ups by URN (default westus)
    PSCOMPAT_AZURE_GALLERY      `resourceGroup/gallery`: the Compute Gallery whose image versions
                                are the VM images, and where -OSState Specialized captures go
    PSCOMPAT_AZURE_MARKETPLACE  `location:publisher:offer[:sku]` entries separated by `;` that a
                                plain Get-AzureVMImage lists too (the whole marketplace is
                                thousands of calls)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from pscompat.azure.backends import arm_images as I
from pscompat.azure.backends import arm_operations
from pscompat.azure.backends.arm_http import (
    GALLERY_API,
    RESOURCES_API,
    ArmClient,
    ArmError,
    NotSupportedOnArm,
)
from pscompat.azure.backends.arm_paging import paged
from pscompat.azure.backends.base import (
    IMAGE_NOT_FOUND,
    SUCCEEDED,
    ComputeBackend,
    Operation,
    Response,
    new_request_id,
    not_found,
    register_backend,
)

COMPUTE = "/providers/Microsoft.Compute"
MARKETPLACE_NOT_REMOVABLE = "MarketplaceImageNotRemovable"
# azure-arm.md §1.3: ARM keeps the VM the classic service deleted, and it can never start again.
LEFT_GENERALIZED = (
    "ARM backend: VM '{0}' is deallocated and generalized; unlike the classic service, it was not deleted, "
    "and it cannot be started again (delete it with Remove-AzVM when it is no longer needed)."
)


def _settings() -> tuple:
    names = (
        "PSCOMPAT_AZURE_CLOUD",
        "PSCOMPAT_AZURE_ENDPOINT",
        "PSCOMPAT_AZURE_SUBSCRIPTION",
        "AZURE_SUBSCRIPTION_ID",
        "PSCOMPAT_AZURE_HTTP_TIMEOUT",
        "PSCOMPAT_AZURE_RETRIES",
        "PSCOMPAT_AZURE_RETRY_CAP",
        "AZURE_TENANT_ID",
        "AZURE_CLIENT_ID",
        "AZURE_AUTHORITY_HOST",
        "IDENTITY_ENDPOINT",
        "PSCOMPAT_AZURE_MANAGED_IDENTITY",
    )
    # Whether a token is given decides the credential; its value is re-read on a 401.
    return (*(os.environ.get(n) for n in names), bool(os.environ.get("PSCOMPAT_AZURE_TOKEN")))


class ArmBackend(ComputeBackend):
    name = "arm"
    poll_interval = 0.0  # LongRunning waits the service's Retry-After itself

    def __init__(self) -> None:
        self._client: ArmClient | None = None
        self._settings: tuple | None = None
        self._ops: dict[str, Operation] = {}
        self._jobs: dict[str, arm_operations.Job] = {}
        self._warned: set[str] = set()
        self._notices: list[str] = []

    # --- plumbing ---------------------------------------------------------------------------
    @property
    def client(self) -> ArmClient:
        settings = _settings()
        if self._client is None or settings != self._settings:
            if self._client is not None:
                self._client.close()
            self._client = ArmClient()
            self._settings = settings
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _done(self, value=None, status: int = 200) -> Response:
        rid = new_request_id()
        if len(self._ops) > 1000:
            self._ops.clear()
        self._ops[rid] = Operation(rid, SUCCEEDED, status)
        return Response(rid, status, value)

    def _job(self, job_steps, done: Callable[[], None] | None = None) -> Response:
        rid = new_request_id()
        self._jobs[rid] = arm_operations.Job(rid, job_steps, done)
        return Response(rid, 202)

    def get_operation_status(self, request_id: str) -> Operation:
        if request_id in self._ops:
            return self._ops[request_id]
        job = self._jobs.get(request_id)
        if job is None:
            raise not_found("The operation request ID was not found.")
        operation = job.advance()
        if operation.done:
            del self._jobs[request_id]
            self._ops[request_id] = operation
        return operation

    def notices(self) -> list[str]:
        taken, self._notices = self._notices, []
        return taken

    def _note_unmapped(self, kind: str) -> None:
        new = [p for p in I.unmapped(kind) if p not in self._warned]
        if new:
            self._warned.update(new)
            self._notices.append(
                f"ARM backend: {', '.join(new)} of {kind} images have no ARM equivalent; their value is $null "
                "(docs/azure-arm.md)."
            )

    def _url(self, path: str, api: str | None = None, **query: str) -> str:
        return self.client.url(path, api, **query) if api else self.client.url(path, **query)

    # --- OS images: managed and marketplace -----------------------------------------------------
    def list_os_images(self) -> Response:
        return self._done(self._os_images())

    def _os_images(self) -> Iterator[dict]:
        for image in paged(self.client, self._url(f"{COMPUTE}/images")):
            self._note_unmapped(I.MANAGED)
            yield I.managed_image(image)
        for entry in filter(None, (os.environ.get("PSCOMPAT_AZURE_MARKETPLACE") or "").split(";")):
            parts = [p.strip() for p in entry.split(":")]
            if len(parts) in (3, 4) and all(parts):
                yield from self._marketplace(*parts)

    def list_marketplace_images(
        self, location: str, publisher: str, offer: str | None = None, sku: str | None = None
    ) -> Response:
        return self._done(self._marketplace(location, publisher, offer, sku))

    def _marketplace(self, location: str, publisher: str, offer: str | None = None, sku: str | None = None):
        base = f"{COMPUTE}/locations/{location}/publishers/{publisher}/artifacttypes/vmimage/offers"
        offers = [offer] if offer else [o["name"] for o in paged(self.client, self._url(base))]
        for each_offer in offers:
            skus_url = f"{base}/{each_offer}/skus"
            skus = [sku] if sku else [s["name"] for s in paged(self.client, self._url(skus_url))]
            for each_sku in skus:
                versions = f"{skus_url}/{each_sku}/versions"
                rows = list(paged(self.client, self._url(versions, **{"$expand": "Properties"})))
                for version in sorted(rows, key=lambda v: I.version_key(v.get("name") or "")):
                    if not version.get("properties"):  # an endpoint without ListWithProperties
                        detail = self.client.json("GET", self._url(f"{versions}/{version['name']}"))
                        version = detail if isinstance(detail, dict) else version
                    self._note_unmapped(I.MARKETPLACE)
                    yield I.marketplace_image(publisher, each_offer, each_sku, version, location)

    def get_os_image(self, name: str) -> Response:
        return self._done(self._find_os_image(name))

    def _find_os_image(self, name: str) -> dict:
        parsed = I.parse_urn(name)
        if parsed is not None:
            return self._marketplace_version(*parsed)
        if name.lower().startswith("/subscriptions/"):
            self._note_unmapped(I.MANAGED)
            return I.managed_image(self._get_or_404(self.client.url(name)))
        if "/" in name:
            group, _, image = name.partition("/")
            self._note_unmapped(I.MANAGED)
            return I.managed_image(self._get_or_404(self._url(f"/resourceGroups/{group}{COMPUTE}/images/{image}")))
        matches = [i for i in self._managed_images() if i["Name"].lower() == name.lower()]
        if not matches:
            raise not_found(IMAGE_NOT_FOUND)
        if len(matches) > 1:
            where = ", ".join(f"{m['ResourceGroup']}/{m['Name']}" for m in matches)
            raise ArmError(
                "AmbiguousImageName",
                f"Managed images named '{name}' exist in several resource groups ({where}); "
                "give the image as resourceGroup/name.",
                409,
            )
        return matches[0]

    def _managed_images(self) -> Iterator[dict]:
        for image in paged(self.client, self._url(f"{COMPUTE}/images")):
            self._note_unmapped(I.MANAGED)
            yield I.managed_image(image)

    def _marketplace_version(self, publisher: str, offer: str, sku: str, version: str) -> dict:
        location = os.environ.get("PSCOMPAT_AZURE_LOCATION") or "westus"
        versions = f"{COMPUTE}/locations/{location}/publishers/{publisher}/artifacttypes/vmimage/offers/{offer}/skus/{sku}/versions"
        if version.lower() == "latest":  # the REST API does not resolve "latest" (azure-arm.md §1.4)
            names = [v.get("name") or "" for v in paged(self.client, self._url(versions))]
            if not names:
                raise not_found(IMAGE_NOT_FOUND)
            version = max(names, key=I.version_key)
        found = self._get_or_404(self._url(f"{versions}/{version}"))
        self._note_unmapped(I.MARKETPLACE)
        return I.marketplace_image(publisher, offer, sku, found, location)

    def _get_or_404(self, url: str) -> dict:
        try:
            found = self.client.json("GET", url)
        except ArmError as err:
            if err.http_status == 404:
                raise not_found(IMAGE_NOT_FOUND) from None  # the classic text and error id
            raise
        return found if isinstance(found, dict) else {}

    def delete_os_image(self, name: str, delete_vhd: bool = False) -> Response:
        if I.parse_urn(name) is not None:
            raise ArmError(
                "OperationNotAllowed",
                f"'{name}' is a marketplace image; marketplace images belong to their publisher and cannot be removed.",
                403,
                error_id=MARKETPLACE_NOT_REMOVABLE,
            )
        image = self._find_os_image(name)
        if delete_vhd:
            blob = image.get("MediaLink")
            self._notices.append(
                "ARM backend: -DeleteVHD: a managed image owns its storage, which goes with it"
                + (f"; the source blob {blob} is not deleted (Storage data plane)." if blob else ".")
            )
        url = self.client.url(image["ArmId"])
        return self._job([arm_operations.call(self.client, f"Deleting image '{image['Name']}'", "DELETE", url)])

    def add_os_image(self, image: dict) -> Response:
        raise NotSupportedOnArm(
            "Add-AzureVMImage", "Create a managed image from a VHD or snapshot with a PUT of Microsoft.Compute/images."
        )

    def update_os_image(self, name: str, changes: dict) -> Response:
        raise NotSupportedOnArm("Update-AzureVMImage", "Managed images only take tag changes (PATCH …/images/<name>).")

    # --- VM images: Compute Gallery versions -------------------------------------------------
    def gallery(self) -> tuple[str, str] | None:
        value = (os.environ.get("PSCOMPAT_AZURE_GALLERY") or "").strip().strip("/")
        group, _, name = value.partition("/")
        return (group, name) if group and name else None

    def _gallery_path(self) -> str:
        found = self.gallery()
        assert found is not None
        return f"/resourceGroups/{found[0]}{COMPUTE}/galleries/{found[1]}"

    def list_vm_images(self) -> Response:
        return self._done(self._gallery_images())

    def _gallery_images(self) -> Iterator[dict]:
        if self.gallery() is None:
            return
        for definition in paged(self.client, self._url(f"{self._gallery_path()}/images", GALLERY_API)):
            versions = f"{self._gallery_path()}/images/{definition['name']}/versions"
            for version in paged(self.client, self._url(versions, GALLERY_API)):
                self._note_unmapped(I.GALLERY)
                yield I.gallery_image(version, definition)

    def delete_vm_image(self, name: str, delete_vhd: bool = False) -> Response:
        wanted, _, number = name.partition("/")
        found = [
            i
            for i in self._gallery_images()
            if i["Name"].lower() == wanted.lower() and (not number or i["Version"] == number)
        ]
        if not found:
            raise not_found(IMAGE_NOT_FOUND)
        newest = max(found, key=lambda i: I.version_key(i["Version"]))
        url = self.client.url(newest["ArmId"], GALLERY_API)
        return self._job(
            [arm_operations.call(self.client, f"Deleting version {newest['Version']} of '{wanted}'", "DELETE", url)]
        )

    def create_vm_image(self, image: dict) -> Response:
        raise NotSupportedOnArm("Add-AzureVMImage -DiskConfig", "Create a Compute Gallery image version instead.")

    def update_vm_image(self, name: str, changes: dict) -> Response:
        raise NotSupportedOnArm("Update-AzureVMImage", "Change the gallery image definition or version with a PATCH.")

    # --- resource groups stand for cloud services ---------------------------------------------
    def list_services(self) -> Response:
        groups = paged(self.client, self._url("/resourcegroups", RESOURCES_API))
        return self._done([_service(g) for g in groups])

    def get_service(self, name: str) -> Response:
        try:
            group = self.client.json("GET", self._url(f"/resourcegroups/{name}", RESOURCES_API))
        except ArmError as err:
            if err.http_status == 404:
                raise not_found(f"The resource group '{name}' (the cloud service) was not found.") from None
            raise
        return self._done(_service(group if isinstance(group, dict) else {}))

    def get_deployment(self, service: str, slot: str = "Production") -> Response:
        """The VMs of resource group `service` as the classic production deployment."""
        vms = list(paged(self.client, self._url(f"/resourceGroups/{service}{COMPUTE}/virtualMachines")))
        if not vms:
            raise not_found(f"No virtual machines in resource group '{service}'.")
        roles, instances = [], []
        for vm in vms:
            view = self.client.json(
                "GET", self._url(f"/resourceGroups/{service}{COMPUTE}/virtualMachines/{vm['name']}/instanceView")
            )
            role, instance = I.vm_role(vm, view if isinstance(view, dict) else None)
            roles.append(role)
            instances.append(instance)
        return self._done(
            {"Name": service, "DeploymentSlot": "Production", "RoleList": roles, "RoleInstanceList": instances}
        )

    def role_operation(self, service: str, deployment: str, role_name: str, operation: dict) -> Response:
        """Capture, start, stop, restart: a job of ARM calls (arm_operations.py)."""
        steps = arm_operations.role_steps(self.client, service, role_name, operation, self.gallery())
        generalizes = any(step.detail.startswith("Generalizing") for step in steps)
        return self._job(
            steps, (lambda: self._notices.append(LEFT_GENERALIZED.format(role_name))) if generalizes else None
        )

    def capture_consequence(self, vm: str, image: str, os_state: str | None) -> str | None:
        return arm_operations.capture_consequence(vm, image, os_state)

    def create_service(self, service: dict) -> Response:
        raise NotSupportedOnArm("New-AzureService", "Create a resource group instead (az group create).")

    def delete_service(self, name: str, delete_all: bool = False) -> Response:
        raise NotSupportedOnArm("Remove-AzureService", "Delete the resource group instead (az group delete).")

    def create_deployment(self, service: str, deployment: dict) -> Response:
        raise NotSupportedOnArm("New-AzureVM", "Create ARM VMs with New-AzVM or a template.")

    def add_role(self, service: str, deployment: str, role: dict) -> Response:
        raise NotSupportedOnArm("New-AzureVM", "Create ARM VMs with New-AzVM or a template.")

    def update_role(self, service: str, deployment: str, role_name: str, role: dict) -> Response:
        raise NotSupportedOnArm("Update-AzureVM", "Change ARM VMs with Update-AzVM or a template.")

    def delete_role(self, service: str, deployment: str, role_name: str, delete_vhd: bool = False) -> Response:
        raise NotSupportedOnArm("Remove-AzureVM", "Delete ARM VMs with Remove-AzVM.")

    def list_storage_accounts(self) -> Response:
        raise NotSupportedOnArm(
            "Get-AzureStorageAccount",
            "List storage accounts with Microsoft.Storage/storageAccounts (Get-AzStorageAccount).",
        )

    def get_storage_account(self, name: str) -> Response:
        return self.list_storage_accounts()

    def update_storage_account(self, name: str, changes: dict) -> Response:
        raise NotSupportedOnArm(
            "Set-AzureStorageAccount",
            "Change storage accounts with Microsoft.Storage/storageAccounts (Set-AzStorageAccount).",
        )

    def list_locations(self) -> Response:
        raise NotSupportedOnArm("Get-AzureLocation", "List regions with GET /subscriptions/<id>/locations.")

    def list_role_sizes(self) -> Response:
        raise NotSupportedOnArm("Get-AzureRoleSize", "List VM sizes with Microsoft.Compute/locations/<region>/vmSizes.")

    def list_subscriptions(self) -> Response:
        client = self.client
        return self._done(
            [
                {
                    "SubscriptionId": client.subscription,
                    "SubscriptionName": None,
                    "Environment": client.cloud.name,
                    "ServiceEndpoint": client.endpoint + "/",
                    "CurrentStorageAccountName": None,
                    "IsDefault": True,
                }
            ]
        )

    def set_default_subscription(self, subscription_id: str) -> Response:
        if subscription_id.lower() != self.client.subscription.lower():
            raise not_found(
                f"The subscription {subscription_id} is not the configured one (PSCOMPAT_AZURE_SUBSCRIPTION)."
            )
        return self._done()


def _service(group: dict) -> dict:
    return {
        "ServiceName": group.get("name"),
        "Label": group.get("name"),
        "Location": group.get("location"),
        "Description": None,
        "AffinityGroup": None,
        "Status": "Created",
        "ArmId": group.get("id"),
    }


register_backend("arm", ArmBackend)
