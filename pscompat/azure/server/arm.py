"""The sandbox as Azure Resource Manager: a WSGI app for `pscompat serve --api arm`
(../shared/reference/azure-arm.md; docs/azure-arm.md).

`make_app(home, **options)` serves the sandbox stores under `home` (the ones the sandbox backend
and the classic server use): their cloud services are resource groups, their VMs ARM VMs, their
user OS images managed images, their public OS images the marketplace.  As in the classic server
(classic.subscription_home), the sandbox's own subscription is the store in `home` and any other
subscription id a fresh store of its own, made on first use, so clients keep apart by
subscription.  Routes, under `/subscriptions/<id>`:

    GET  /resourcegroups[/<rg>]                         resource groups (paged)
    GET  [/resourceGroups/<rg>]/providers/Microsoft.Compute/images            (paged)
    GET|PUT|DELETE /resourceGroups/<rg>/providers/Microsoft.Compute/images/<name>
    GET  [/resourceGroups/<rg>]/providers/Microsoft.Compute/virtualMachines   (paged)
    GET  …/virtualMachines/<vm>[/instanceView]
    POST …/virtualMachines/<vm>/{deallocate,powerOff,start,restart,generalize}
    GET  /providers/Microsoft.Compute/locations/<loc>/publishers[/<p>/artifacttypes/vmimage/
         offers[/<o>/skus[/<s>/versions[/<v>]]]]       (versions ?$expand=Properties: paged)
    GET  /providers/Microsoft.Compute/locations/<loc>/operations/<id>       Azure-AsyncOperation
    GET  /providers/Microsoft.Compute/locations/<loc>/operationresults/<id> Location

Options (also the test knobs):
    token               bearer token every request must carry (None: any)
    issue_tokens        serve `POST /<tenant>/oauth2/v2.0/token` (client credentials) and
                        `GET /msi/token` (App Service managed identity), accept the tokens issued
    page_size           items per page of the paged lists (default 100)
    polls               status requests before an operation completes (default 1)
    operation_seconds   completion without polling after this long (default 30)
    retry_after         the Retry-After of accepted operations and monitors (default 0)
    throttle_every      every Nth request answers 429 TooManyRequests (0: never) ...
    throttle_retry_after ... with this Retry-After (default 1)
    unauthorized_every  every Nth request answers 401 ExpiredAuthenticationToken (0: never)
    public_url          base of nextLink and monitor URLs (default https://<Host header>)
    gallery             `group/name` of the one Compute Gallery (default pscompat-images/gallery):
                        GET|PUT …/galleries/<g>/images[/<def>], GET|PUT|DELETE …/versions[/<v>]
"""

from __future__ import annotations

import json
import pathlib
import re
import secrets
import threading
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs, unquote, urlencode

from pscompat.azure.backends import catalog, store
from pscompat.azure.server import arm_gallery
from pscompat.azure.server import arm_operations as O
from pscompat.azure.server import arm_resources as R
from pscompat.azure.server.arm_operations import ArmProblem, Reply
from pscompat.azure.server.arm_routes import route
from pscompat.azure.server.classic import subscription_home

_REASONS = {
    200: "OK",
    201: "Created",
    202: "Accepted",
    204: "No Content",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    429: "Too Many Requests",
    500: "Internal Server Error",
}
_SUB = re.compile(r"^/subscriptions/(?P<sub>[^/]+)(?P<rest>/.*)?$", re.I)
_SUB_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
_TOKEN = re.compile(r"^/[^/]+/oauth2/v2\.0/token$", re.I)


class _Store:
    """One subscription's store: its connection (opened, seeded on first use), its running
    operations and the images whose PUT is still running."""

    def __init__(self, path: pathlib.Path, operations: O.Operations):
        self.path, self.operations = path, operations
        self.creating: dict[tuple[str, str], dict] = {}
        self._conn = None

    def connection(self):
        if self._conn is None:
            self._conn = store.open_store(self.path)
            arm_gallery.ensure_schema(self._conn)
            R.ensure_meta(self._conn)
        return self._conn


class ArmApp:
    def __init__(
        self,
        home: pathlib.Path,
        *,
        token: str | None = None,
        issue_tokens: bool = False,
        page_size: int = 100,
        polls: int = 1,
        operation_seconds: float = 30.0,
        retry_after: int = 0,
        throttle_every: int = 0,
        throttle_retry_after: int = 1,
        unauthorized_every: int = 0,
        public_url: str | None = None,
        gallery: str = "pscompat-images/gallery",
    ):
        self.home = home
        self.path = store.db_path(home)  # the sandbox subscription's store
        self.token, self.issue_tokens = token, issue_tokens
        self.page_size = max(1, int(page_size))
        self.retry_after = int(retry_after)
        self.throttle_every, self.throttle_retry_after = int(throttle_every), int(throttle_retry_after)
        self.unauthorized_every = int(unauthorized_every)
        self.public_url = public_url.rstrip("/") if public_url else None
        group, _, name = gallery.strip("/").partition("/")
        self.gallery = (group or "pscompat-images", name or "gallery")
        self.polls, self.operation_seconds = int(polls), float(operation_seconds)
        self.issued: set[str] = set()
        self.requests = 0
        self.log: list[tuple[str, str, int]] = []  # (method, path?query, status): tests read it
        self.lock = threading.RLock()  # requests are answered one at a time
        self._stores: dict[str, _Store] = {}
        self._current = catalog.SUBSCRIPTION_ID  # the subscription of the request being answered

    def _store(self) -> _Store:
        key = self._current
        found = self._stores.get(key)
        if found is None:
            path = store.db_path(subscription_home(self.home, key))
            found = self._stores[key] = _Store(path, O.Operations(self.polls, self.operation_seconds))
        return found

    # The routes work on the store of the request's subscription (set under the lock in _handle).
    @property
    def conn(self):
        return self._store().connection()

    @property
    def operations(self) -> O.Operations:
        return self._store().operations

    @property
    def creating(self) -> dict[tuple[str, str], dict]:
        return self._store().creating

    # --- WSGI ------------------------------------------------------------------------------------
    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        path = unquote(environ.get("PATH_INFO") or "/")
        query = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING") or "").items()}
        base = self.public_url or f"https://{environ.get('HTTP_HOST') or 'localhost'}"
        with self.lock:
            try:
                reply = self._handle(environ, method, path, query, base)
            except ArmProblem as problem:
                reply = Reply(
                    problem.status, {"error": {"code": problem.code, "message": problem.message}}, problem.headers
                )
            except Exception as err:  # a bug here must answer, not drop the connection
                reply = Reply(500, {"error": {"code": "InternalServerError", "message": type(err).__name__}})
            query_text = environ.get("QUERY_STRING") or ""
            self.log.append((method, path + ("?" + query_text if query_text else ""), reply.status))
        payload = b"" if reply.body is None else json.dumps(reply.body).encode()
        headers = [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(payload)))]
        headers += [("x-ms-request-id", secrets.token_hex(16))] + list(reply.headers.items())
        start_response(f"{reply.status} {_REASONS.get(reply.status, 'Unknown')}", headers)
        return [payload]

    def _body(self, environ: dict) -> dict:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        if not raw.strip():
            return {}
        try:
            body = json.loads(raw)
        except ValueError:
            raise ArmProblem(
                400, "InvalidRequestContent", "The request content was invalid and could not be deserialized."
            ) from None
        if not isinstance(body, dict):
            raise ArmProblem(400, "InvalidRequestContent", "The request content must be a JSON object.")
        return body

    def _handle(self, environ: dict, method: str, path: str, query: dict, base: str) -> Reply:
        if _TOKEN.match(path) and self.issue_tokens and method == "POST":
            return self._issue_token(environ)
        if path == "/msi/token" and self.issue_tokens and method == "GET":  # App Service's managed identity
            if not environ.get("HTTP_X_IDENTITY_HEADER"):
                return Reply(400, {"error": "invalid_request", "error_description": "X-IDENTITY-HEADER missing"})
            return self._new_token()
        self._authenticate(environ)
        self.requests += 1
        if self.throttle_every and self.requests % self.throttle_every == 0:
            raise ArmProblem(
                429,
                "TooManyRequests",
                "The request is being throttled (sandbox test knob throttle_every).",
                {"Retry-After": str(self.throttle_retry_after)},
            )
        if self.unauthorized_every and self.requests % self.unauthorized_every == 0:
            raise ArmProblem(
                401, "ExpiredAuthenticationToken", "The access token expiry has passed (sandbox test knob)."
            )
        match = _SUB.match(path)
        if match is None:
            raise ArmProblem(404, "InvalidResourceType", f"No route for {path}.")
        if not _SUB_ID.fullmatch(match["sub"]):
            raise ArmProblem(404, "SubscriptionNotFound", f"The subscription '{match['sub']}' could not be found.")
        self._current = match["sub"].lower()
        self.operations.sweep(self.conn)
        return route(self, method, match["sub"], match["rest"] or "/", query, base, lambda: self._body(environ))

    # --- authentication -------------------------------------------------------------------------
    def _authenticate(self, environ: dict) -> None:
        if self.token is None and not self.issue_tokens:
            return
        header = environ.get("HTTP_AUTHORIZATION") or ""
        scheme, _, given = header.partition(" ")
        ok = scheme.lower() == "bearer" and (
            (self.token is not None and secrets.compare_digest(given, self.token)) or given in self.issued
        )
        if not ok:
            code = "AuthenticationFailed" if not header else "InvalidAuthenticationToken"
            raise ArmProblem(
                401,
                code,
                "The access token is missing or invalid.",
                {"WWW-Authenticate": 'Bearer authorization_uri="https://login.microsoftonline.com/common"'},
            )

    def _issue_token(self, environ: dict) -> Reply:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = {k: v[-1] for k, v in parse_qs(environ["wsgi.input"].read(length).decode()).items()}
        if form.get("grant_type") != "client_credentials" or not (
            form.get("client_secret") or form.get("client_assertion")
        ):
            return Reply(400, {"error": "invalid_request", "error_description": "client credentials required"})
        return self._new_token()

    def _new_token(self) -> Reply:
        issued = "sandbox-" + secrets.token_urlsafe(24)
        self.issued.add(issued)
        return Reply(200, {"token_type": "Bearer", "expires_in": 3599, "access_token": issued})

    # --- helpers for the routes -----------------------------------------------------------------
    def page(self, items: list, query: dict, base: str, path: str, api_version: str) -> Reply:
        """One page of `items` from `$skiptoken` on, with the absolute nextLink of the next."""
        try:
            start = max(0, int(query.get("$skiptoken") or 0))
        except ValueError:
            start = 0
        chunk = items[start : start + self.page_size]
        body: dict = {"value": chunk}
        if start + self.page_size < len(items):
            keep = {k: v for k, v in query.items() if k != "$skiptoken"}
            keep["api-version"] = api_version
            keep["$skiptoken"] = str(start + self.page_size)
            body["nextLink"] = f"{base}{path}?{urlencode(keep)}"
        return Reply(200, body)

    def accepted(
        self, sub: str, op: O.Pending, status: int, base: str, body=None, location_only: bool = False
    ) -> Reply:
        """The answer to a long-running request: the monitor URLs and the Retry-After to wait."""
        where = f"/subscriptions/{sub}/providers/Microsoft.Compute/locations/westus"
        headers = {"Retry-After": str(self.retry_after)}
        headers["Location"] = f"{base}{where}/operationresults/{op.id}?api-version=2024-11-01"
        if not location_only:
            headers["Azure-AsyncOperation"] = f"{base}{where}/operations/{op.id}?api-version=2024-11-01"
        return Reply(status, body, headers)


def make_app(home: pathlib.Path, **options) -> ArmApp:
    """The WSGI app serving the sandbox under `home` as ARM (CONTRACT with `pscompat serve --api arm`)."""
    return ArmApp(pathlib.Path(home), **options)
