"""Fault injection for `pscompat serve --fault ...` (docs/serve.md, "Faults"): the next requests
on a route answer an error instead of the API, so a client's handling of throttling (429 with
Retry-After), an expired token (401), a busy service (503) or a failure (500) can be tried
against the real server process, with the request log as the record of what happened.

A fault is `STATUS[xCOUNT][@PATH]`: the next COUNT requests (default 1) whose path contains PATH
(case-insensitive; default every path) are answered STATUS, then the fault is spent.  Faults
are checked in the order given; a request takes at most one.  Authentication comes first (the
server refuses a request without credentials before any fault), so a 401 fault is an expired
token, not a missing one.  The answers carry the body each API gives for that status: ARM's
`{"error": {"code", "message"}}`, the classic API's `<Error>` (docs/azure-classic-api.md §3.1).
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pscompat.azure.backends import classic_xml as X
from pscompat.azure.backends.base import new_request_id

# status -> (ARM error code, classic error code, message): the codes the services used
# (../shared/reference/azure-arm.md §1.8, §1.9; docs/azure-classic-api.md §3.1).
_KNOWN = {
    401: ("ExpiredAuthenticationToken", "AuthenticationFailed", "The access token expiry has passed."),
    403: ("AuthorizationFailed", "ForbiddenError", "The client does not have authorization for this operation."),
    409: ("Conflict", "ConflictError", "The operation conflicts with another operation in progress."),
    429: ("TooManyRequests", "TooManyRequests", "The request is being throttled."),
    500: ("InternalServerError", "InternalError", "The server encountered an internal error."),
    503: ("ServerBusy", "ServerBusy", "The service is temporarily unavailable."),
}
_REASONS = {401: "Unauthorized", 403: "Forbidden", 409: "Conflict", 429: "Too Many Requests"}
_REASONS.update({500: "Internal Server Error", 503: "Service Unavailable"})
_SPEC = re.compile(r"^(?P<status>\d{3})(?:x(?P<count>\d+))?(?:@(?P<path>\S+))?$", re.I)
_SECONDS_RETRY_AFTER = (429, 503)


class FaultSpecError(ValueError):
    """A --fault value that does not parse: the message says what the form is."""


@dataclass
class Fault:
    status: int
    count: int = 1
    path: str = ""

    def matches(self, path: str) -> bool:
        return self.count > 0 and self.path.lower() in path.lower()


def parse(spec: str) -> Fault:
    """`429x2@/images` -> Fault(429, 2, '/images')."""
    found = _SPEC.match(spec.strip())
    if found is None:
        raise FaultSpecError(f"--fault {spec!r}: expected STATUS[xCOUNT][@PATH], e.g. 429x2@/images")
    status = int(found["status"])
    if status not in _KNOWN:
        known = ", ".join(str(s) for s in sorted(_KNOWN))
        raise FaultSpecError(f"--fault {spec!r}: status {status} is not one of {known}")
    count = int(found["count"] or 1)
    if count < 1:
        raise FaultSpecError(f"--fault {spec!r}: the count must be at least 1")
    return Fault(status, count, found["path"] or "")


WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


class Faulty:
    """`app` with `faults` in front of it (a WSGI app itself; the server's rejection hook passes through)."""

    def __init__(self, app: WsgiApp, faults: list[Fault], api: str, retry_after: int = 1):
        self.app, self.faults, self.api, self.retry_after = app, list(faults), api, int(retry_after)
        self.lock = threading.Lock()
        rejection = getattr(app, "authentication_failed", None)
        if rejection is not None:
            self.authentication_failed = rejection

    def _take(self, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.matches(path):
                    fault.count -= 1
                    return fault
        return None

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        fault = self._take(environ.get("PATH_INFO") or "/")
        if fault is None:
            return self.app(environ, start_response)
        environ["wsgi.input"].read()  # the body is not looked at
        arm_code, classic_code, message = _KNOWN[fault.status]
        message += " (pscompat serve --fault)"
        request_id = secrets.token_hex(16)
        if self.api == "arm":
            body = json.dumps({"error": {"code": arm_code, "message": message}}).encode()
            headers = [("Content-Type", "application/json; charset=utf-8"), ("x-ms-request-id", request_id)]
        else:
            body = X.dump("Error", X.ERROR, {"Code": classic_code, "Message": message})
            request_id = new_request_id()
            headers = [("Content-Type", "application/xml; charset=utf-8"), ("x-ms-request-id", request_id)]
        if fault.status in _SECONDS_RETRY_AFTER:
            headers.append(("Retry-After", str(self.retry_after)))
        if fault.status == 401 and self.api == "arm":
            headers.append(("WWW-Authenticate", 'Bearer error="invalid_token", error_description="expired"'))
        headers.append(("Content-Length", str(len(body))))
        start_response(f"{fault.status} {_REASONS.get(fault.status, 'Error')}", headers)
        return [body]
