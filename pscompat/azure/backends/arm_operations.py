"""The classic role operations as ARM call sequences (../shared/reference/azure-arm.md §1.3, §1.5, §3.2).

* Save-AzureVMImage without -OSState or with -OSState Generalized: deallocate the VM
  (long-running), generalize it, create a managed image from it (long-running).  Unlike the
  classic service, the VM is not deleted: it stays, deallocated and generalized, and cannot be
  started again.  ARM refuses Specialized managed images, so:
* -OSState Specialized: a Compute Gallery image version made from the VM (PSCOMPAT_AZURE_GALLERY),
  under an image definition of the image's name (created when missing); the VM keeps running.
* Start/Stop/Restart: start, deallocate (or power off with -StayProvisioned), restart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from pscompat.azure.backends import arm_images as I
from pscompat.azure.backends.arm_http import GALLERY_API, ArmClient, ArmError, NotSupportedOnArm
from pscompat.azure.backends.arm_paging import LongRunning, paged
from pscompat.azure.backends.base import FAILED, IN_PROGRESS, SUCCEEDED, CloudError, Operation

# --- jobs ----------------------------------------------------------------------------------------
# Classic operations that are several ARM calls in a row, run one poll at a time.
#
# The classic cmdlets poll Get Operation Status until an operation leaves InProgress
# (base.ComputeBackend.wait); on ARM one classic operation can be a sequence, e.g. a capture is
# deallocate (long-running) → generalize → create image (long-running).  A `Job` is such a
# sequence: each `advance()` does at most one request (starting the next step or polling the
# running one), so the cmdlet's Write-Progress moves with the real work, and a failure in any
# step is the operation's failure with ARM's code and message.


@dataclass
class Step:
    """One call of a job: `start()` sends it and returns the long-running operation to watch,
    or None when the call finished at once."""

    detail: str
    start: Callable[[], LongRunning | None]


class Job:
    def __init__(self, request_id: str, steps: list[Step], done: Callable[[], None] | None = None):
        self.request_id = request_id
        self.steps = steps
        self.done = done  # told once, when every step succeeded
        self.index = -1
        self.running: LongRunning | None = None
        self.outcome: Operation | None = None

    def _percent(self) -> int:
        inside = 0.0
        if self.running is not None and self.running.percent >= 0:
            inside = self.running.percent / 100
        return int(100 * (max(self.index, 0) + inside) / max(len(self.steps), 1))

    def advance(self) -> Operation:
        if self.outcome is not None:
            return self.outcome
        try:
            if self.running is not None and not self.running.done:
                self.running.poll()
            else:
                self.index += 1
                if self.index >= len(self.steps):
                    self.outcome = Operation(self.request_id, SUCCEEDED, 200, percent=100)
                    if self.done is not None:
                        self.done()
                    return self.outcome
                self.running = self.steps[self.index].start()
        except CloudError as err:
            self.outcome = Operation(self.request_id, FAILED, err.http_status, err.code, err.message, 100)
            return self.outcome
        detail = self.steps[min(self.index, len(self.steps) - 1)].detail
        return Operation(self.request_id, IN_PROGRESS, percent=self._percent(), detail=detail)


# --- the classic operations' steps ------------------------------------------------------------
GENERALIZED_CONSEQUENCE = (
    "Deallocate and generalize VM '{vm}', then capture it as managed image '{image}'. A generalized VM "
    "cannot be started again; unlike the classic service, it is not deleted"
)
NO_GALLERY = (
    "Set PSCOMPAT_AZURE_GALLERY=<resourceGroup>/<gallery> to capture specialized images as Compute Gallery "
    "image versions (ARM has no specialized managed images)."
)


def call(client: ArmClient, detail: str, method: str, url: str, body: dict | None = None, resource_url=None) -> Step:
    """A step that sends one request and watches it as a long-running operation."""

    def start() -> LongRunning | None:
        reply = client.request(method, url, body)
        return LongRunning(client, reply, resource_url, detail)

    return Step(detail, start)


def capture_consequence(vm: str, image: str, os_state: str | None) -> str | None:
    """The ShouldProcess action of a capture that leaves the VM unusable; None when it does not."""
    if os_state is not None and os_state.lower() == "specialized":
        return None
    return GENERALIZED_CONSEQUENCE.format(vm=vm, image=image)


def _vm(client: ArmClient, group: str, vm: str) -> tuple[str, dict]:
    path = f"/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/{vm}"
    found = client.json("GET", client.url(path))
    return path, found if isinstance(found, dict) else {}


def role_steps(client: ArmClient, group: str, vm: str, operation: dict, gallery: tuple[str, str] | None) -> list[Step]:
    """The ARM steps of one classic role operation body (base.ComputeBackend.role_operation)."""
    kind = operation.get("OperationType")
    path, found = _vm(client, group, vm)
    url = client.url
    if kind == "CaptureRoleOperation" or (
        kind == "CaptureRoleAsVMImageOperation" and operation.get("OSState") == "Generalized"
    ):
        image = operation.get("TargetImageName") or operation.get("VMImageName") or ""
        label = operation.get("TargetImageLabel") or operation.get("VMImageLabel") or image
        image_path = f"/resourceGroups/{group}/providers/Microsoft.Compute/images/{image}"
        body = {
            "location": found.get("location"),
            "properties": {"sourceVirtualMachine": {"id": found.get("id")}},
            "tags": {"Label": label, "PublishedDate": _now()},
        }
        return [
            call(client, f"Deallocating VM '{vm}'", "POST", url(f"{path}/deallocate")),
            call(client, f"Generalizing VM '{vm}'", "POST", url(f"{path}/generalize")),
            call(client, f"Creating image '{image}'", "PUT", url(image_path), body, url(image_path)),
        ]
    if kind == "CaptureRoleAsVMImageOperation":
        if gallery is None:
            raise NotSupportedOnArm("Save-AzureVMImage -OSState Specialized without a gallery", NO_GALLERY)
        return _gallery_capture(client, found, operation, gallery)
    power_actions: dict[tuple, tuple[str, str]] = {
        ("ShutdownRoleOperation", "StoppedDeallocated"): ("deallocate", "Deallocating"),
        ("ShutdownRoleOperation", "Stopped"): ("powerOff", "Stopping"),
        ("StartRoleOperation", None): ("start", "Starting"),
        ("RestartRoleOperation", None): ("restart", "Restarting"),
    }
    power = power_actions.get((kind, operation.get("PostShutdownAction")))
    if power is None:
        raise ArmError("BadRequest", f"The operation type {kind} is not supported.", 400)
    return [call(client, f"{power[1]} VM '{vm}'", "POST", url(f"{path}/{power[0]}"))]


def _gallery_capture(client: ArmClient, vm: dict, operation: dict, gallery: tuple[str, str]) -> list[Step]:
    name = operation.get("VMImageName") or ""
    label = operation.get("VMImageLabel") or name
    base = f"/resourceGroups/{gallery[0]}/providers/Microsoft.Compute/galleries/{gallery[1]}/images/{name}"
    location = vm.get("location")
    os_type = ((vm.get("properties") or {}).get("storageProfile") or {}).get("osDisk", {}).get("osType")
    steps: list[Step] = []
    existing: list[str] = []
    try:
        definition = client.json("GET", client.url(base, GALLERY_API))
    except ArmError as err:
        if err.http_status != 404:
            raise
        definition = None
    if definition is None:
        body = {
            "location": location,
            "properties": {
                "osType": os_type,
                "osState": "Specialized",
                "identifier": {"publisher": "pscompat", "offer": name, "sku": name},
            },
        }
        steps.append(
            call(client, f"Creating image definition '{name}'", "PUT", client.url(base, GALLERY_API), body, None)
        )
    else:
        state = ((definition if isinstance(definition, dict) else {}).get("properties") or {}).get("osState")
        if state and state.lower() != "specialized":
            raise ArmError(
                "OperationNotAllowed",
                f"The gallery image definition '{name}' is {state}; a specialized capture needs a Specialized one.",
                409,
            )
        existing = [v.get("name") or "" for v in paged(client, client.url(f"{base}/versions", GALLERY_API))]
    number = _next_version(existing)
    version_url = client.url(f"{base}/versions/{number}", GALLERY_API)
    body = {
        "location": location,
        "tags": {"Label": label},
        "properties": {
            "publishingProfile": {"targetRegions": [{"name": location}]},
            "storageProfile": {"source": {"virtualMachineId": vm.get("id")}},
        },
    }
    steps.append(call(client, f"Creating image version {number} of '{name}'", "PUT", version_url, body, version_url))
    return steps


def _next_version(existing: list[str]) -> str:
    """Gallery versions are major.minor.patch; a new capture takes the next patch number."""
    if not existing:
        return "1.0.0"
    newest = max(existing, key=I.version_key).split(".")
    try:
        return f"{newest[0]}.{newest[1]}.{int(newest[2]) + 1}"
    except (IndexError, ValueError):
        return "1.0.0"


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
