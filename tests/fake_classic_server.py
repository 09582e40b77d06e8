"""A fake Service Management endpoint for the tests of the classic REST backend (docs/azure-classic-api.md §3).

Run as its own process on 127.0.0.1:  python tests/fake_classic_server.py --root DIR [--token T]
It prints `listening <port>` once it accepts connections.  Each subscription id in a URL gets a
sandbox of its own in DIR/<subscription-id> (a `SandboxBackend`), so its state behaves like the
service's: the tests can give every test a fresh subscription, and read the same store directly.

What it holds the client to (docs/azure-classic-api.md §3.1): the x-ms-version header (missing, malformed or older than the
operation's minimum of docs/azure-classic-api.md §3.2 -> 400 MissingOrIncorrectVersionHeader), XML bodies in the Windows
Azure namespace with the request's root element, the Bearer token when started with --token
(403 AuthenticationFailed).  What it gives back: x-ms-request-id on every answer, <Error> bodies,
202 for asynchronous operations and their status under /operations/<request-id>.

Test hooks outside the API: GET /_fake/requests lists the requests received (method, path, query,
headers, body) and DELETE /_fake/requests forgets them (and answers asked for and not yet given); POST /_fake/answer?status=301&count=1
[&method=DELETE][&path=PART][&location=URL] makes the next `count` API requests (of that method) answer that
status with an empty body, without doing anything (a misrouted or intercepted request); with
&echo=1 the body is an <Error> quoting the request's body, as a careless service might.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from pscompat.azure.backends import classic_xml as X
from pscompat.azure.backends.base import CloudError, bad_request, dashed, new_request_id
from pscompat.azure.backends.sandbox import SandboxBackend

VERSION_ERROR = "The versioning header is not specified or was specified incorrectly."
AUTH_ERROR = (
    "The server failed to authenticate the request. Verify that the certificate is valid and is "
    "associated with this subscription."
)
NO_RESOURCE = "The requested URI does not represent any resource on the server."

S = r"([^/]+)"  # one path segment
HS = f"/services/hostedservices/{S}"
ROLES = f"{HS}/deployments/{S}"
# (method, path pattern after /<subscription>, handler name, minimum x-ms-version per docs/azure-classic-api.md §3.2)
ROUTES = [
    ("GET", "", "subscription", "2009-10-01"),
    ("GET", f"/operations/{S}", "operation", "2009-10-01"),
    ("GET", "/services/images", "list_os_images", "2009-10-01"),
    ("POST", "/services/images", "add_os_image", "2012-03-01"),
    ("GET", f"/services/images/{S}", "get_os_image", "2012-03-01"),
    ("PUT", f"/services/images/{S}", "update_os_image", "2012-03-01"),
    ("DELETE", f"/services/images/{S}", "delete_os_image", "2012-08-01"),
    ("GET", "/services/vmimages", "list_vm_images", "2014-02-01"),
    ("POST", "/services/vmimages", "create_vm_image", "2014-06-01"),
    ("PUT", f"/services/vmimages/{S}", "update_vm_image", "2014-06-01"),
    ("DELETE", f"/services/vmimages/{S}", "delete_vm_image", "2014-02-01"),
    ("GET", "/services/hostedservices", "list_services", "2009-10-01"),
    ("POST", "/services/hostedservices", "create_service", "2010-10-28"),
    ("GET", HS, "get_service", "2009-10-01"),
    ("DELETE", HS, "delete_service", "2009-10-01"),
    ("GET", f"{HS}/deploymentslots/{S}", "get_deployment", "2009-10-01"),
    ("POST", f"{HS}/deployments", "create_deployment", "2012-03-01"),
    ("POST", f"{ROLES}/roles", "add_role", "2012-03-01"),
    ("PUT", f"{ROLES}/roles/{S}", "update_role", "2012-03-01"),
    ("DELETE", f"{ROLES}/roles/{S}", "delete_role", "2012-03-01"),
    ("POST", f"{ROLES}/roleinstances/{S}/Operations", "role_operation", "2013-06-01"),
    ("GET", "/locations", "list_locations", "2009-10-01"),
    ("GET", "/rolesizes", "list_role_sizes", "2013-08-01"),
]
_COMPILED = [(m, re.compile(f"^{p}/?$"), h, v) for m, p, h, v in ROUTES]


class Reply:
    def __init__(self, status: int, request_id: str, body: bytes = b""):
        self.status, self.request_id, self.body = status, request_id, body


class Service:
    """The API on top of one sandbox per subscription; one lock keeps the sandboxes' connections
    to one thread at a time."""

    def __init__(self, root: Path, token: str | None):
        self.root, self.token = root, token
        self.lock = threading.Lock()
        self.sandboxes: dict[str, SandboxBackend] = {}
        self.log: list[dict] = []
        self.forced: list[dict] = []  # answers the tests ask for (POST /_fake/answer)

    def sandbox(self, subscription: str) -> SandboxBackend:
        if not re.fullmatch(r"[A-Za-z0-9-]{1,64}", subscription):
            raise CloudError("ResourceNotFound", "The subscription does not exist.", 404)
        if subscription not in self.sandboxes:
            self.sandboxes[subscription] = SandboxBackend(self.root / subscription)
        return self.sandboxes[subscription]

    def handle(self, method: str, path: str, query: dict, headers: dict, body: bytes) -> Reply:
        subscription, _, rest = path.lstrip("/").partition("/")
        rest = "/" + rest if rest else ""
        for route_method, pattern, handler, minimum in _COMPILED:  # noqa: B007  (used after the loop)
            match = pattern.match(rest)
            if match and route_method == method:
                break
        else:
            if any(p.match(rest) for _, p, _, _ in _COMPILED):
                raise CloudError("InvalidHttpVerb", f"The HTTP verb {method} is not supported for this URI.", 400)
            raise CloudError("ResourceNotFound", NO_RESOURCE, 404)
        version = headers.get("x-ms-version", "")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", version) or version < minimum:
            raise CloudError("MissingOrIncorrectVersionHeader", VERSION_ERROR, 400)
        if self.token and headers.get("authorization") != f"Bearer {self.token}":
            raise CloudError("AuthenticationFailed", AUTH_ERROR, 403)
        if method in ("POST", "PUT") and "xml" not in headers.get("content-type", ""):
            raise bad_request("The request's content type must be application/xml.")
        args = [unquote(a) for a in match.groups()]
        return getattr(self, handler)(
            self.sandbox(subscription), *args, media="media" in query.get("comp", []), body=body
        )

    # --- helpers ------------------------------------------------------------------------------
    @staticmethod
    def read(body: bytes, schema, root: str):
        try:
            return X.parse(body, schema, root)
        except X.XmlError as err:
            raise CloudError(
                "InvalidXmlRequest", f"The request body's XML was invalid or not correctly specified: {err}.", 400
            ) from None

    @staticmethod
    def answer(response, root: str | None = None, schema=None, value=None) -> Reply:
        body = b""
        if root is not None:
            body = X.dump(root, schema, response.value if value is None else value, strict=True)
        return Reply(response.http_status, response.request_id, body)

    # --- the operations -----------------------------------------------------------------------
    def subscription(self, sb, media, body):
        subs = sb.list_subscriptions()
        sub = next(s for s in subs.value if s["IsDefault"])
        value = {
            "SubscriptionID": sb.path.parent.name,
            "SubscriptionName": sub["SubscriptionName"],
            "SubscriptionStatus": "Active",
        }
        return self.answer(subs, "Subscription", X.SUBSCRIPTION, value)

    def operation(self, sb, rid, media, body):
        op = sb.get_operation_status(rid)
        value = {"ID": dashed(rid), "Status": op.status}
        if op.done:
            value["HttpStatusCode"] = op.http_status or 200
        if op.error_code:
            value["Error"] = {"Code": op.error_code, "Message": op.error_message}
        return Reply(200, new_request_id(), X.dump("Operation", X.OPERATION, value, strict=True))

    def list_os_images(self, sb, media, body):
        response = sb.list_os_images()
        return self.answer(response, "Images", X.IMAGES, list(response.value))

    def get_os_image(self, sb, name, media, body):
        return self.answer(sb.get_os_image(name), "OSImage", X.OS_IMAGE)

    def add_os_image(self, sb, media, body):
        return self.answer(sb.add_os_image(self.read(body, X.OS_IMAGE, "OSImage")), "OSImage", X.OS_IMAGE)

    def update_os_image(self, sb, name, media, body):
        return self.answer(sb.update_os_image(name, self.read(body, X.OS_IMAGE, "OSImage")), "OSImage", X.OS_IMAGE)

    def delete_os_image(self, sb, name, media, body):
        return self.answer(sb.delete_os_image(name, media))

    def list_vm_images(self, sb, media, body):
        response = sb.list_vm_images()
        return self.answer(response, "VMImages", X.VM_IMAGES, list(response.value))

    def create_vm_image(self, sb, media, body):
        return self.answer(sb.create_vm_image(self.read(body, X.VM_IMAGE, "VMImage")))

    def update_vm_image(self, sb, name, media, body):
        changes = self.read(body, X.VM_IMAGE, "VMImage")
        disks = {k: changes.pop(k) for k in ("OSDiskConfiguration", "DataDiskConfigurations") if k in changes}
        if disks:
            changes["DiskConfig"] = disks
        return self.answer(sb.update_vm_image(name, changes))

    def delete_vm_image(self, sb, name, media, body):
        return self.answer(sb.delete_vm_image(name, media))

    def list_services(self, sb, media, body):
        return self.answer(sb.list_services(), "HostedServices", X.HOSTED_SERVICES)

    def get_service(self, sb, name, media, body):
        return self.answer(sb.get_service(name), "HostedService", X.HOSTED_SERVICE)

    def create_service(self, sb, media, body):
        response = sb.create_service(self.read(body, X.CREATE_HOSTED_SERVICE, "CreateHostedService"))
        return Reply(201, response.request_id)  # Create Hosted Service answers 201 without a body

    def delete_service(self, sb, name, media, body):
        response = sb.delete_service(name, media)
        if media:
            return self.answer(response)
        # Delete Cloud Service without comp=media is synchronous: 200 once done (gg441305).
        sb.wait(response)
        return Reply(200, response.request_id)

    def get_deployment(self, sb, service, slot, media, body):
        if slot.lower() != "production":
            raise CloudError("ResourceNotFound", "No deployments were found.", 404)
        return self.answer(sb.get_deployment(service), "Deployment", X.DEPLOYMENT)

    def create_deployment(self, sb, service, media, body):
        return self.answer(sb.create_deployment(service, self.read(body, X.DEPLOYMENT_CREATE, "Deployment")))

    def add_role(self, sb, service, deployment, media, body):
        return self.answer(sb.add_role(service, deployment, self.read(body, X.ROLE, "PersistentVMRole")))

    def update_role(self, sb, service, deployment, role, media, body):
        return self.answer(sb.update_role(service, deployment, role, self.read(body, X.ROLE, "PersistentVMRole")))

    def delete_role(self, sb, service, deployment, role, media, body):
        return self.answer(sb.delete_role(service, deployment, role, media))

    def role_operation(self, sb, service, deployment, role, media, body):
        try:
            root = X.root_of(body)
        except X.XmlError as err:
            raise CloudError("InvalidXmlRequest", str(err), 400) from None
        schema = X.ROLE_OPERATIONS.get(root)
        if schema is None:
            raise bad_request(f"The operation {root} is not supported.")
        operation = self.read(body, schema, root)
        if operation.get("OperationType") != root:
            raise bad_request(f"OperationType must be {root}.")
        return self.answer(sb.role_operation(service, deployment, role, operation))

    def list_locations(self, sb, media, body):
        return self.answer(sb.list_locations(), "Locations", X.LOCATIONS)

    def list_role_sizes(self, sb, media, body):
        return self.answer(sb.list_role_sizes(), "RoleSizes", X.ROLE_SIZES)


def make_handler(service: Service):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

        def log_message(self, *args):  # quiet: the request log is the record
            pass

        def _dispatch(self):
            parts = urlsplit(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            if parts.path.startswith("/_fake/requests"):
                return self._fake_requests()
            if parts.path.startswith("/_fake/answer"):
                return self._fake_answer(parse_qs(parts.query))
            entry = {
                "method": self.command,
                "path": parts.path,
                "query": parts.query,
                "headers": headers,
                "body": body.decode("utf-8", "replace"),
            }
            with service.lock:
                forced = next(
                    (
                        f
                        for f in service.forced
                        if f["method"] in (None, self.command) and (f["path"] or "") in parts.path
                    ),
                    None,
                )
                if forced is not None:
                    forced["count"] -= 1
                    if forced["count"] <= 0:
                        service.forced.remove(forced)
                    entry.update(status=forced["status"], request_id=new_request_id())
                    service.log.append(entry)
                    extra = {"Location": forced["location"]} if forced["location"] else {}
                    echo = b""
                    if forced["echo"]:  # a service that quotes the request in its error (the secrets test)
                        message = f"Cannot process {self.command} {parts.path}: {body.decode('utf-8', 'replace')}"
                        echo = X.dump("Error", X.ERROR, {"Code": "BadRequest", "Message": message})
                    return self._send(forced["status"], echo, {"x-ms-request-id": entry["request_id"], **extra})
                try:
                    reply = service.handle(self.command, parts.path, parse_qs(parts.query), headers, body)
                except CloudError as err:
                    body_out = X.dump("Error", X.ERROR, {"Code": err.code, "Message": err.message})
                    reply = Reply(err.http_status, err.request_id, body_out)
                except Exception as err:  # a bug here must reach the test as a 500, with the reason
                    traceback.print_exc()
                    body_out = X.dump("Error", X.ERROR, {"Code": "InternalError", "Message": f"{err!r}"})
                    reply = Reply(500, new_request_id(), body_out)
                entry.update(status=reply.status, request_id=reply.request_id)
                service.log.append(entry)
            self._send(reply.status, reply.body, {"x-ms-request-id": reply.request_id})

        def _fake_requests(self):
            with service.lock:
                if self.command == "DELETE":
                    service.log.clear()
                    service.forced.clear()
                data = json.dumps(service.log).encode()
            self._send(200, data, {"Content-Type": "application/json"})

        def _fake_answer(self, query: dict):
            first = {k: v[0] for k, v in query.items()}
            with service.lock:
                service.forced.append(
                    {
                        "status": int(first["status"]),
                        "count": int(first.get("count", 1)),
                        "method": first.get("method"),
                        "location": first.get("location"),
                        "echo": first.get("echo") == "1",
                        "path": first.get("path"),
                    }
                )
            self._send(200, b"{}", {"Content-Type": "application/json"})

        def _send(self, status: int, body: bytes, headers: dict):
            self.send_response(status)
            self.send_header("Content-Type", "application/xml; charset=utf-8")
            self.send_header("Cache-Control", "no-cache")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _dispatch

    return Handler


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="directory for the per-subscription sandboxes")
    parser.add_argument("--token", help="require Authorization: Bearer <token>")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    service = Service(Path(args.root), args.token)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(service))
    server.daemon_threads = True
    print(f"listening {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


# --- for the tests: the server as a child process ------------------------------------------------
class FakeServer:
    """Starts the server in a process of its own and stops it again (a context manager)."""

    def __init__(self, root: Path, token: str | None = None, env: dict | None = None):
        cmd = [sys.executable, __file__, "--root", str(root)] + (["--token", token] if token else [])
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
        line = self.proc.stdout.readline()
        if not line.startswith("listening "):
            self.stop()
            raise RuntimeError(f"the fake classic server did not start: {line!r}")
        self.port = int(line.split()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.root = Path(root)

    def requests(self) -> list[dict]:
        import httpx

        return httpx.get(f"{self.url}/_fake/requests").json()

    def clear(self) -> None:
        import httpx

        httpx.delete(f"{self.url}/_fake/requests")

    def answer_next(
        self,
        status: int,
        count: int = 1,
        method: str | None = None,
        location: str | None = None,
        echo: bool = False,
        path: str = "",
    ) -> None:
        """The next `count` API requests (of `method`, whose path contains `path`) get `status` and
        an empty body, or with `echo` an <Error> whose message quotes the request's body."""
        import httpx

        params = {"status": status, "count": count, "echo": int(echo), "path": path}
        params.update({"method": method} if method else {})
        httpx.post(f"{self.url}/_fake/answer", params={**params, **({"location": location} if location else {})})

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def use_classic(monkeypatch, server: FakeServer, subscription: str) -> Path:
    """Point pscompat at the fake server with a fresh subscription; returns that subscription's
    sandbox home, which is also made PSCOMPAT_HOME so a test can read the server's store."""
    home = server.root / subscription
    monkeypatch.setenv("PSCOMPAT_AZURE_BACKEND", "classic")
    monkeypatch.setenv("PSCOMPAT_AZURE_ENDPOINT", server.url)
    monkeypatch.setenv("PSCOMPAT_AZURE_SUBSCRIPTION", subscription)
    monkeypatch.setenv("PSCOMPAT_AZURE_POLL_INTERVAL", "0.01")
    monkeypatch.setenv("PSCOMPAT_HOME", str(home))
    return home


if __name__ == "__main__":
    sys.exit(main())


if __name__ != "__main__":
    import uuid

    def serve(tmp_path_factory):
        """One server for the test session (the `classic_server` fixture of conftest.py); tests
        keep apart by subscription (`use_classic`)."""
        with FakeServer(tmp_path_factory.mktemp("classic"), env={"PSCOMPAT_SANDBOX_LATENCY": "0"}) as server:
            yield server

    def classic_home(request, monkeypatch) -> Path:
        """For a backend-parametrised fixture: the classic backend on a fresh subscription."""
        return use_classic(monkeypatch, request.getfixturevalue("classic_server"), str(uuid.uuid4()))
