"""What every classic Azure cmdlet shares (docs/azure-classic-api.md §1.1): the ExecuteClientActionNewSM wrapper
with its `Begin Operation`/`Completed Operation` verbose lines, the operation-status lookup after
each call, the classic error rendering, the two-call image-type probe, and value completers."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from pscompat.azure.backends.base import (
    CloudError,
    ComputeBackend,
    Operation,
    Response,
    current_backend,
    register_backend,
)
from pscompat.engine.commands import Cmdlet, Parameter


def _classic_rest() -> ComputeBackend:
    # Imported on first use: httpx and the XML tables stay out of the sandbox's start-up.
    from pscompat.azure.backends.classic_rest import ClassicRestBackend

    return ClassicRestBackend()


register_backend("classic", _classic_rest)  # PSCOMPAT_AZURE_BACKEND=classic (rest_classic.py)


def _arm() -> ComputeBackend:
    from pscompat.azure.backends.arm import ArmBackend

    return ArmBackend()


register_backend("arm", _arm)  # PSCOMPAT_AZURE_BACKEND=arm (backends/arm.py, docs/azure-arm.md)

MODULE = "Azure"
OS_IMAGE, VM_IMAGE = "OSImage", "VMImage"
PROFILE = Parameter("Profile", "AzureSMProfile", help="Ignored: the sandbox has one profile.")

# Verbatim message strings [S9] (docs/azure-classic-api.md §1.8).
NO_DEPLOYMENT_IN_SERVICE = "No deployment found in service: '{0}'."
NO_VM_DEPLOYMENT = "No VM deployment found by service name '{0}' and VM name '{1}'."
ANOTHER_IMAGE_TYPE = (
    "There is another image in '{0}' type found with the same name '{1}' exists; WAPS will stop "
    "here to avoid duplicates and potential conflicts. Please use another name for the image."
)
DUPLICATE_NAMES = (
    "Duplicate names '{0}' found in both VM and OS images. Please delete one of them, using other "
    "method such as Portal or Invoke-RestMethod call, and try again."
)
CAPTURE_WHILE_RUNNING = (
    "VM image capture operation is trigged while VM is still running. As this may cause data "
    "corruption while creating VMs from this image, we recommend using Stop-AzureVM to stop the VM "
    "before capturing."
)
LAST_VM_PROMPT = (
    "The specified virtual machine is the last virtual machine in this deployment. Continuing will "
    "result in a new IP address for your deployment. To shut down without losing the deployment IP use "
    "-StayProvisioned."
)
# NewAzureVMCommand's text when the service is missing (azure-powershell NewAzureVM.cs; not in the reference).
SERVICE_MISSING = "Cloud Service does not exist. Specify -Location or -AffinityGroup to create one."
NOT_NULL_OR_EMPTY = (
    "Cannot validate argument on parameter '{0}'. The argument is null or empty. Provide an argument "
    "that is not null or empty, and then try the command again."
)
COMPUTE_CLOUD_EXCEPTION = "Microsoft.WindowsAzure.Commands.Common.ComputeCloudException"
IAAS = "Microsoft.WindowsAzure.Commands.ServiceManagement.IaaS."


def clock() -> str:
    """The `h:mm:ss tt` time that prefixes the verbose lines (e.g. `3:01:17 PM`)."""
    now = datetime.now()
    return f"{now.hour % 12 or 12}:{now:%M:%S} {'AM' if now.hour < 12 else 'PM'}"


class AzureCmdlet(Cmdlet):
    """Base of the classic cmdlets.  `dotnet_class` names the C# class, which the classic module's
    error records carry as their FullyQualifiedErrorId (`,<class>`; errorId was empty)."""

    dotnet_class = ""
    validate_not_empty: tuple = ()  # string parameters with [ValidateNotNullOrEmpty]

    _backend: ComputeBackend | None = None

    @property
    def backend(self) -> ComputeBackend:
        """The backend chosen when this command first needs it: one command talks to one
        backend (choosing reads the environment and stats the publish settings, too slow to
        repeat for every image of a listing)."""
        backend = self._backend
        if backend is None:
            backend = self._backend = current_backend()
        return backend

    def process(self):
        """Validate, then run the cmdlet body with CloudErrors reported as non-terminating errors."""
        for name in self.validate_not_empty:
            if getattr(self, name, None) == "":
                self.throw_terminating(
                    NOT_NULL_OR_EMPTY.format(name),
                    f"ParameterArgumentValidationError,{self.dotnet_class}",
                    "InvalidData",
                )
        with self.reporting():
            yield from self.run() or ()

    def run(self):
        """The cmdlet's ProcessRecord: a generator of output objects."""
        return None

    # --- the REST wrapper -----------------------------------------------------------------
    def client_action(
        self, call: Callable[..., Response], *args, progress: str | None = None, description: str | None = None
    ) -> tuple[Response, Operation]:
        """ExecuteClientActionNewSM: Begin verbose line, the call, Get Operation Status (polling an
        accepted call, with Write-Progress when `progress` names the activity), Completed line.
        `description` replaces the cmdlet name in the verbose lines (e.g. `New-AzureVM - Create VM x`)."""
        self.verbose_begin(description)
        response = call(*args)
        if response.accepted:
            try:
                operation = self.backend.wait(response, self._progress_reporter(progress) if progress else None)
            finally:
                if progress:
                    self.write_progress(progress, "Completed", 100, completed=True)
        else:
            operation = self.backend.get_operation_status(response.request_id)
            operation.raise_if_failed()
        self.verbose_completed(description)
        return response, operation

    def warn_notices(self) -> None:
        """The backend's pending warnings (the ARM backend's unmapped properties, once a session)."""
        for text in self.backend.notices():
            self.write_warning(text)

    def verbose_begin(self, description: str | None = None) -> None:
        self.write_verbose(f"{clock()} - Begin Operation: {description or self.name}")

    def verbose_completed(self, description: str | None = None) -> None:
        self.write_verbose(f"{clock()} - Completed Operation: {description or self.name}")

    def _progress_reporter(self, activity: str) -> Callable[[Operation], None]:
        def report(operation: Operation) -> None:
            if not operation.done:
                status = f"{operation.status}: {operation.detail}".rstrip(": ")
                self.write_progress(activity, status, max(operation.percent, 0))

        return report

    @contextmanager
    def reporting(self) -> Iterator[None]:
        """Turn a CloudError into the classic non-terminating error; the pipeline goes on."""
        try:
            yield
        except CloudError as err:
            self.report(err)

    def report(self, err: CloudError) -> None:
        # docs/azure-classic-api.md §1.1: "<Code>: <Message>" + newline +
        # "OperationID : '<request id>'", CloseError, ComputeCloudException; a sandbox storage failure
        # (storage_errors.StorageError) brings its own id, category and type.
        self.write_error(
            err.classic_message,
            f"{getattr(err, 'error_id', '')},{self.dotnet_class}",
            getattr(err, "category", "CloseError"),
            None,
            getattr(err, "exception_type", COMPUTE_CLOUD_EXCEPTION),
        )

    def error(self, message: str, category: str = "CloseError", exception_type: str = "System.ArgumentException"):
        self.write_error(message, f",{self.dotnet_class}", category, None, exception_type)

    # --- shared look-ups ------------------------------------------------------------------
    def image_types(self, name: str) -> set[str]:
        """VirtualMachineImageHelper.GetImageType (docs/azure-classic-api.md §1.1, S7): GET the OS image by name, list the VM
        images; 404s are swallowed, other errors propagate."""
        kinds = set()
        try:
            found = self.backend.get_os_image(name).value
            if found["Name"].lower() == name.lower():
                kinds.add(OS_IMAGE)
        except CloudError as err:
            if err.http_status != 404:
                raise
        rows = self.backend.list_vm_images().value
        try:
            if any(image["Name"].lower() == name.lower() for image in rows):
                kinds.add(VM_IMAGE)
        finally:
            getattr(rows, "close", lambda: None)()
        return kinds

    def deployment(self, service: str) -> dict | None:
        """The production deployment, or None after the classic warning (docs/azure-classic-api.md §1.3 step 1, S6)."""
        try:
            return self.backend.get_deployment(service).value
        except CloudError as err:
            if err.http_status != 404:
                raise
            self.write_warning(NO_DEPLOYMENT_IN_SERVICE.format(service))
            return None


def roles_matching(deployment: dict, patterns) -> list[tuple[dict, dict]]:
    """(role, instance) pairs whose name matches one of the patterns (case-insensitive wildcards)."""
    if isinstance(patterns, str):
        patterns = [patterns]
    pairs = zip(deployment["RoleList"], deployment["RoleInstanceList"])
    return [
        (r, i) for r, i in pairs if any(fnmatch.fnmatchcase(r["RoleName"].lower(), str(p).lower()) for p in patterns)
    ]


# --- value completion: names from the current backend ----------------------------------------
def _prefixed(names, prefix: str) -> list[str]:
    prefix = (prefix or "").strip("'\"").lower()
    return [n for n in names if n.lower().startswith(prefix)]


def complete_image_names(ctx, prefix: str) -> list[str]:
    backend = current_backend()
    names = []
    for listing in (backend.list_os_images().value, backend.list_vm_images().value):
        for image in listing:
            if image["Name"].lower().startswith((prefix or "").strip("'\"").lower()):
                names.append(image["Name"])
                if len(names) >= 200:  # a grown catalog has 100k names; completion needs a few
                    listing.close()
                    return names
    return names


def complete_service_names(ctx, prefix: str) -> list[str]:
    return _prefixed([s["ServiceName"] for s in current_backend().list_services().value], prefix)


def complete_vm_names(ctx, prefix: str) -> list[str]:
    backend = current_backend()
    names = []
    for service in backend.list_services().value:
        try:
            names += [r["RoleName"] for r in backend.get_deployment(service["ServiceName"]).value["RoleList"]]
        except CloudError:
            continue
    return _prefixed(names, prefix)


def complete_locations(ctx, prefix: str) -> list[str]:
    return _prefixed([loc["Name"] for loc in current_backend().list_locations().value], prefix)


def complete_role_sizes(ctx, prefix: str) -> list[str]:
    return _prefixed([size["Name"] for size in current_backend().list_role_sizes().value], prefix)
