"""Paged lists and long-running operations of Azure Resource Manager
(../shared/reference/azure-arm.md §1.6, §1.7).

`paged` follows `nextLink` verbatim, one page per request, only as far as the caller reads: a
`Select-Object -First 1` after Get-AzureVMImage costs one page.  `LongRunning` watches one
operation: the `Azure-AsyncOperation` monitor when the first answer names one, else the
`Location` URL (202 while running), else the resource's own `provisioningState`; each `poll()`
is one request, after the `Retry-After` the service asked for.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx

from pscompat.azure.backends.arm_http import ArmClient, ArmError, retry_after, seconds_env

TERMINAL = {"succeeded", "failed", "canceled", "cancelled"}


def paged(client: ArmClient, url: str) -> Iterator[dict]:
    """The `value` items of a pageable list, page after page while `nextLink` is set."""
    next_url: str | None = url
    while next_url:
        page = client.json("GET", next_url)
        if isinstance(page, list):  # the marketplace lists answer a bare array, no paging
            yield from page
            return
        yield from page.get("value") or ()
        next_url = page.get("nextLink") or None


def poll_interval(default: float = 5.0) -> float:
    """PSCOMPAT_AZURE_POLL_INTERVAL: the wait when the service gives no Retry-After."""
    return seconds_env("PSCOMPAT_AZURE_POLL_INTERVAL", default)


class LongRunning:
    """One long-running ARM operation, started by `first` (the reply to the PUT/POST/DELETE).

    `resource_url`: where the result is read when the operation succeeded (PUT/PATCH); None for
    DELETE and actions, whose result is the monitor's success."""

    def __init__(self, client: ArmClient, first: httpx.Response, resource_url: str | None, what: str):
        self.client, self.resource_url, self.what = client, resource_url, what
        self.result: dict | None = None
        self.status = "InProgress"
        self.percent = -1
        self.wait = retry_after(first, poll_interval())
        headers = first.headers
        self.monitor = headers.get("azure-asyncoperation")
        self.location = None if self.monitor else headers.get("location")
        body = _body(first)
        state = ((body.get("properties") or {}).get("provisioningState") or "") if isinstance(body, dict) else ""
        self._last_poll = time.monotonic()
        if first.status_code in (200, 204) and not self.monitor and not self.location:
            self._finish("Succeeded", body if isinstance(body, dict) else None)
        elif first.status_code == 201 and not self.monitor and not self.location and state.lower() in ("", *TERMINAL):
            self._finish(state or "Succeeded", body if isinstance(body, dict) else None)
        elif not self.monitor and not self.location and resource_url is None:
            self._finish("Succeeded", None)  # an accepted action with nothing to watch

    @property
    def done(self) -> bool:
        return self.status.lower() in TERMINAL

    def _finish(self, status: str, result: dict | None, error: dict | None = None) -> None:
        self.status = status
        self.percent = 100
        if status.lower() != "succeeded":
            error = error or {}
            raise ArmError(
                error.get("code") or f"Operation{status.title()}",
                error.get("message") or f"{self.what} ended with status {status}.",
                500,
            )
        self.result = result

    def poll(self) -> None:
        """One status request, after waiting what the service asked (less the time since the last)."""
        if self.done:
            return
        pause = self.wait - (time.monotonic() - self._last_poll)
        if pause > 0:
            self.client.sleep(pause)
        if self.monitor:
            reply = self.client.request("GET", self.monitor)
            body = _body(reply)
            status = str(body.get("status") or "InProgress")
            if body.get("percentComplete") is not None:
                try:
                    self.percent = int(float(body["percentComplete"]))
                except (TypeError, ValueError):
                    pass
            if status.lower() in TERMINAL:
                self._finish(status, self._final(), body.get("error"))
        elif self.location:
            reply = self.client.request("GET", self.location)
            if reply.status_code != 202:
                body = _body(reply)
                self._finish("Succeeded", body if self.resource_url is None and body else self._final())
        else:
            reply = self.client.request("GET", self.resource_url or "")
            body = _body(reply)
            state = str((body.get("properties") or {}).get("provisioningState") or "Succeeded")
            if state.lower() in TERMINAL:
                self._finish(state, body)
        self._last_poll = time.monotonic()
        self.wait = retry_after(reply, poll_interval())

    def _final(self) -> dict | None:
        if self.resource_url is None:
            return None
        found = self.client.json("GET", self.resource_url)
        return found if isinstance(found, dict) else None

    def run(self, timeout: float | None = None) -> dict | None:
        """Poll to the end (for callers without progress), within `timeout` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.done:
            if deadline is not None and time.monotonic() > deadline:
                raise ArmError("OperationTimedOut", f"{self.what} did not finish within {timeout:g} seconds.", 504)
            self.poll()
        return self.result


def _body(reply: httpx.Response) -> dict:
    if not reply.content.strip():
        return {}
    try:
        body = reply.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
