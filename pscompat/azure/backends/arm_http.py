"""One HTTP client for Azure Resource Manager (../shared/reference/azure-arm.md §1.1, §1.8, §1.9).

Every request carries `api-version` and the bearer token; the client retries what ARM says may be
retried (429 and 503, after `Retry-After`, a bounded number of times), renews the token once on a
401, turns ARM's error bodies (`{"error": {"code", "message"}}`) into `ArmError`s that the
cmdlets render as PowerShell errors, and bounds every request with a timeout.

Configuration (read when the backend is first used in a process, and again when it changes):

    PSCOMPAT_AZURE_CLOUD          AzureCloud (default), AzureUSGovernment, AzureChinaCloud
    PSCOMPAT_AZURE_ENDPOINT       the Resource Manager endpoint (default: the cloud's)
    PSCOMPAT_AZURE_SUBSCRIPTION   the subscription id (else AZURE_SUBSCRIPTION_ID, else the CLI's)
    PSCOMPAT_AZURE_TOKEN          a bearer token; without it the chain of arm_auth.py is used
    PSCOMPAT_AZURE_HTTP_TIMEOUT   seconds per request (default 100)
    PSCOMPAT_AZURE_RETRIES        retries after a 429/503 (default 4)
    PSCOMPAT_AZURE_RETRY_CAP      longest wait in seconds for one Retry-After (default 60)
"""

from __future__ import annotations

import email.utils
import os
import time
from collections.abc import Callable

import httpx

from pscompat.azure.backends import arm_auth
from pscompat.azure.backends.base import CloudError, new_request_id

COMPUTE_API = "2024-11-01"  # ComputeRP: images, VMs, marketplace images (azure-arm.md §1.1)
GALLERY_API = "2024-03-03"  # GalleryRP
RESOURCES_API = "2021-04-01"  # resource groups
RETRYABLE = (429, 503)
DEFAULT_RETRY_AFTER = 2.0


class ArmError(CloudError):
    """An ARM error: HTTP status, `error.code`, `error.message` and the request id.  `error_id`
    becomes the PowerShell error record's FullyQualifiedErrorId (before the cmdlet's class)."""

    def __init__(self, code: str, message: str, http_status: int = 400, request_id: str | None = None, error_id=""):
        super().__init__(code, message, http_status, request_id)
        self.error_id = error_id or code

    @property
    def classic_message(self) -> str:
        return f"{self.code}: {self.message}\nOperationID : '{self.request_id}'"


class NotSupportedOnArm(ArmError):
    """A classic operation or parameter with no ARM counterpart (azure-arm.md §3.3)."""

    def __init__(self, what: str, instead: str):
        super().__init__("NotSupportedOnArm", f"{what} is not supported by the ARM backend. {instead}", 400)

    @property
    def classic_message(self) -> str:
        return f"{self.code}: {self.message}"


def seconds_env(name: str, default: float) -> float:
    try:
        return max(0.0, float(os.environ.get(name) or default))
    except ValueError:
        return default


def retry_after(reply: httpx.Response, default: float = DEFAULT_RETRY_AFTER) -> float:
    """Retry-After as seconds: a number or an HTTP date (RFC 9110 §10.2.3); else `default`."""
    value = (reply.headers.get("retry-after") or "").strip()
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


def error_from(reply: httpx.Response) -> ArmError:
    """ARM's CloudError body → ArmError; a body that is not one keeps the status and reason."""
    request_id = reply.headers.get("x-ms-request-id") or new_request_id()
    code = message = None
    try:
        body = reply.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        inner = body.get("error")
        error: dict = inner if isinstance(inner, dict) else body
        code, message = error.get("code"), error.get("message")
    if not code:
        code = "".join((reply.reason_phrase or f"HTTP{reply.status_code}").title().split())
    if not message:
        message = f"The service answered {reply.status_code} {reply.reason_phrase}.".replace(" .", ".")
    return ArmError(str(code), str(message), reply.status_code, request_id)


class ArmClient:
    """Requests against one Resource Manager endpoint for one subscription."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep):
        env = os.environ.get
        self.cloud = arm_auth.cloud(env("PSCOMPAT_AZURE_CLOUD"))
        self.endpoint = (env("PSCOMPAT_AZURE_ENDPOINT") or self.cloud.resource_manager).rstrip("/")
        # The token's audience is the cloud's Resource Manager, also when a proxy or a local
        # server stands in for it (the audience names the service, not the host asked).
        self.credential = arm_auth.credential_chain(self.cloud.resource_manager, self.cloud.authority)
        self._subscription = env("PSCOMPAT_AZURE_SUBSCRIPTION") or env("AZURE_SUBSCRIPTION_ID") or ""
        self.timeout = seconds_env("PSCOMPAT_AZURE_HTTP_TIMEOUT", 100.0)
        self.retries = int(seconds_env("PSCOMPAT_AZURE_RETRIES", 4))
        self.retry_cap = seconds_env("PSCOMPAT_AZURE_RETRY_CAP", 60.0)
        self.sleep = sleep
        self.http = httpx.Client(timeout=self.timeout, follow_redirects=False)
        self.on_retry: Callable[[str], None] | None = None  # told before each wait (progress, -Verbose)

    def close(self) -> None:
        self.http.close()

    @property
    def subscription(self) -> str:
        if not self._subscription:
            self.credential.token()  # the CLI knows the subscription it signed in to
            self._subscription = getattr(self.credential, "subscription", None) or ""
        if not self._subscription:
            raise ArmError(
                "MissingSubscription",
                "The ARM backend needs a subscription id: set PSCOMPAT_AZURE_SUBSCRIPTION (or AZURE_SUBSCRIPTION_ID).",
                400,
            )
        return self._subscription

    def url(self, path: str, api_version: str = COMPUTE_API, **query: str) -> str:
        """An absolute URL under the subscription (path starts with '/providers' or
        '/resourceGroups'), or under the endpoint when it starts with '/subscriptions'."""
        if not path.startswith("/subscriptions"):
            path = f"/subscriptions/{self.subscription}{path}"
        return str(httpx.URL(self.endpoint + path, params={"api-version": api_version, **query}))

    def request(self, method: str, url: str, body: dict | None = None, expect_json: bool = True) -> httpx.Response:
        """One ARM call with retries; the reply when 2xx, else ArmError.  `url` is absolute (a
        nextLink or a monitor URL is used verbatim)."""
        refreshed = False
        attempt = 0
        while True:
            headers = {"Authorization": f"Bearer {self.credential.token()}", "Accept": "application/json"}
            try:
                reply = self.http.request(method, url, json=body, headers=headers)
            except httpx.TimeoutException:
                raise ArmError(
                    "OperationTimedOut",
                    f"{method} {url.split('?')[0]} did not answer within {self.timeout:g} seconds "
                    "(PSCOMPAT_AZURE_HTTP_TIMEOUT).",
                    504,
                ) from None
            except httpx.HTTPError as err:
                raise ArmError(
                    "ConnectionFailed",
                    f"Cannot reach {url.split('?')[0]}: {err or type(err).__name__}. Check PSCOMPAT_AZURE_ENDPOINT.",
                    503,
                ) from None
            if reply.status_code == 401 and not refreshed:
                refreshed = True  # an expired or revoked token: renew it once
                self.credential.refresh()
                continue
            if reply.status_code in RETRYABLE and attempt < self.retries:
                attempt += 1
                wait = min(self.retry_cap, retry_after(reply, DEFAULT_RETRY_AFTER * attempt))
                if self.on_retry is not None:
                    self.on_retry(f"{reply.status_code}: waiting {wait:g} s (attempt {attempt} of {self.retries})")
                self.sleep(wait)
                continue
            if reply.status_code >= 400:
                raise error_from(reply)
            if 300 <= reply.status_code < 400:
                raise ArmError(
                    "UnexpectedRedirect",
                    f"{method} {url.split('?')[0]} answered {reply.status_code}; redirects are not followed "
                    "(they would carry the token elsewhere).",
                    reply.status_code,
                )
            return reply

    def json(self, method: str, url: str, body: dict | None = None) -> dict | list:
        reply = self.request(method, url, body)
        if not reply.content.strip():
            return {}
        try:
            return reply.json()
        except ValueError:
            raise ArmError("InvalidResponse", f"{method} {url.split('?')[0]} did not answer JSON.", 502) from None
