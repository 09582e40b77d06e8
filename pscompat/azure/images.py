"""The VM-image cmdlets as a Python API: `from pscompat.azure import images; images.list()`.

Each function runs the cmdlet itself (the same binding, validation, consent and backend as a
script: the sandbox, classic REST or whatever PSCOMPAT_AZURE_BACKEND selects), so a team that
drops PowerShell keeps the behaviour.  Errors raise `ImageError` with PowerShell's message and
error id instead of being written to an error stream.  Consent is the cmdlet's: `confirm=True` is
`-Confirm` (which, with no one to ask, refuses), `confirm=False` is `-Confirm:$false`, and the
default follows $ConfirmPreference as a script does."""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from typing import Any

from pscompat.engine.context import ExecutionContext
from pscompat.engine.direct_call import call_command
from pscompat.errors import PSError
from pscompat.format.host import CollectingHost

_CONTEXT: ExecutionContext | None = None


class ImageError(Exception):
    """A cmdlet's error: `str(e)` is PowerShell's message, `e.error_id` its FullyQualifiedErrorId."""

    def __init__(self, message: str, error_id: str = ""):
        super().__init__(message)
        self.error_id = error_id


def _context() -> ExecutionContext:
    global _CONTEXT
    if _CONTEXT is None:
        from pscompat.azure.cmdlets import images as _register  # noqa: F401  (defines the cmdlets)

        _CONTEXT = ExecutionContext(CollectingHost())
    return _CONTEXT


def _call(name: str, **parameters: Any) -> builtins.list[Any]:
    ctx = _context()
    try:
        out = call_command(ctx, name, {k: v for k, v in parameters.items() if v is not None})
    except PSError as err:
        raise ImageError(str(err), getattr(err, "error_id", "") or "") from None
    if ctx.run_errors:
        first = ctx.run_errors[0]
        raise ImageError(_message(first), str(getattr(first, "FullyQualifiedErrorId", "") or ""))
    return out


def _message(record: Any) -> str:
    exception = getattr(record, "Exception", None)
    return str(getattr(exception, "Message", None) or record)


def list() -> builtins.list[Any]:
    """Every OS image, then every VM image (Get-AzureVMImage)."""
    return _call("Get-AzureVMImage")


def iter_images() -> Iterator[Any]:
    """Get-AzureVMImage's rows one by one."""
    yield from _call("Get-AzureVMImage")


def get(name: str) -> Any:
    """The image called `name` (Get-AzureVMImage -ImageName); ImageError when there is none."""
    found = _call("Get-AzureVMImage", ImageName=name)
    return found[0] if len(found) == 1 else found


def capture(
    service: str,
    vm: str,
    image_name: str,
    *,
    os_state: str | None = None,
    label: str | None = None,
    confirm: bool | None = None,
) -> builtins.list[Any]:
    """Save-AzureVMImage: capture VM `vm` of cloud service `service` as `image_name` (with
    os_state='Generalized' or None the VM is deleted afterwards, as the service does)."""
    parameters: dict[str, Any] = {
        "ServiceName": service,
        "Name": vm,
        "ImageName": image_name,
        "OSState": os_state,
        "ImageLabel": label,
    }
    if confirm is not None:
        parameters["Confirm"] = confirm
    return _call("Save-AzureVMImage", **parameters)


def remove(name: str, *, delete_vhd: bool = False) -> builtins.list[Any]:
    """Remove-AzureVMImage (with -DeleteVHD when delete_vhd); returns the operation's context."""
    return _call("Remove-AzureVMImage", ImageName=name, DeleteVHD=delete_vhd or None)
