"""`pscompat serve` as a process for the tests of the classic REST backend (docs/serve.md).

`ServeProcess` starts `python -m pscompat serve --port 0 ...` on 127.0.0.1 over TLS and stops it;
`use_classic` points this process's pscompat at it (mutual TLS with the server's management
certificate, the server's CA trusted through SSL_CERT_FILE) on a subscription of the test's own.
`Wire` records what the classic backend sends and can answer chosen requests itself (a service
that redirects or quotes a body), on the client side, so the product server has no test hooks.

`python tests/serve_process.py --echo PATH ARGS...` serves the same app through the same core with
one test-only change: POSTs whose path contains PATH get a 400 <Error> quoting their body, as a
careless service might (the secrets tests, which run pscompat as processes).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]


class ServeProcess:
    def __init__(
        self, root: Path, token: str | None = None, env: dict | None = None, echo: str | None = None, tls: bool = True
    ):
        self.root = Path(root)  # the server's home: its stores and serve-tls/
        files = self.root.parent / f"{self.root.name}-files"
        files.mkdir(exist_ok=True)
        self.ca_file, self.publishsettings, self.log = files / "ca.pem", files / "x.publishsettings", files / "log"
        options = ["--port", "0", "--home", str(self.root), "--log", str(self.log)]
        options += ["--ca-file", str(self.ca_file), "--publishsettings", str(self.publishsettings)] if tls else []
        options += ["--token", token] if token else []
        options += [] if tls else ["--no-tls"]
        if echo is None:
            cmd = [sys.executable, "-m", "pscompat", "serve", *options]
        else:
            cmd = [sys.executable, __file__, "--echo", echo, *options]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, cwd=REPO
        )
        line = self.proc.stdout.readline()
        found = re.search(r" on (https?://\S+) ", line)
        if not found:
            self.stop()
            raise RuntimeError(f"pscompat serve did not start: {line!r}")
        self.url = found.group(1)
        self.cert = self.root / "serve-tls" / "management.pem"

    def client(self, cert: bool = True, **kwargs) -> httpx.Client:
        import ssl

        context = ssl.create_default_context(cafile=str(self.ca_file))
        if cert:
            context.load_cert_chain(str(self.cert))
        return httpx.Client(verify=context, **kwargs)

    def log_lines(self) -> list[str]:
        return self.log.read_text().splitlines()

    def stop(self) -> int | None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()
        return self.proc.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def classic_env(server: ServeProcess, subscription: str, cert: bool = True) -> dict:
    env = {
        "PSCOMPAT_AZURE_BACKEND": "classic",
        "PSCOMPAT_AZURE_ENDPOINT": server.url,
        "PSCOMPAT_AZURE_SUBSCRIPTION": subscription,
        "PSCOMPAT_AZURE_POLL_INTERVAL": "0.01",
        "SSL_CERT_FILE": str(server.ca_file),
    }
    if cert:
        env["PSCOMPAT_AZURE_CERT"] = str(server.cert)
    return env


def use_classic(monkeypatch, server: ServeProcess, subscription: str, cert: bool = True) -> Path:
    """Point pscompat at the server with a fresh subscription; returns that subscription's
    sandbox home, which is also made PSCOMPAT_HOME so a test can read the server's store."""
    from pscompat.azure.server.classic import subscription_home

    home = subscription_home(server.root, subscription)
    for name, value in classic_env(server, subscription, cert).items():
        monkeypatch.setenv(name, value)
    if not cert:
        monkeypatch.delenv("PSCOMPAT_AZURE_CERT", raising=False)
    monkeypatch.setenv("PSCOMPAT_HOME", str(home))
    return home


def serve(tmp_path_factory):
    """One server for the test session (the `classic_server` fixture of conftest.py); tests
    keep apart by subscription (`use_classic`)."""
    with ServeProcess(tmp_path_factory.mktemp("classic") / "home", env={"PSCOMPAT_SANDBOX_LATENCY": "0"}) as server:
        yield server


def classic_home(request, monkeypatch) -> Path:
    """For a backend-parametrised fixture: the classic backend on a fresh subscription."""
    return use_classic(monkeypatch, request.getfixturevalue("classic_server"), str(uuid.uuid4()))


class Wire:
    """The requests httpx sends in this process (method, path, query, headers, body, status,
    request_id), and answers given without sending: `answer_next(status, ...)` makes the next
    `count` requests (of `method`, whose path contains `path`) get `status` and an empty body."""

    def __init__(self, monkeypatch):
        self.requests: list[dict] = []
        self.forced: list[dict] = []
        original = httpx.Client.send

        def send(client, request, **kwargs):
            entry = {
                "method": request.method,
                "path": request.url.path,
                "query": request.url.query.decode(),
                "headers": {k.lower(): v for k, v in request.headers.items()},
                "body": request.content.decode("utf-8", "replace"),
            }
            forced = next(
                (f for f in self.forced if f["method"] in (None, request.method) and f["path"] in request.url.path),
                None,
            )
            if forced is None:
                response = original(client, request, **kwargs)
            else:
                forced["count"] -= 1
                if forced["count"] <= 0:
                    self.forced.remove(forced)
                headers = {"x-ms-request-id": uuid.uuid4().hex}
                headers.update({"Location": forced["location"]} if forced["location"] else {})
                response = httpx.Response(forced["status"], headers=headers, request=request)
            entry.update(status=response.status_code, request_id=response.headers.get("x-ms-request-id"))
            self.requests.append(entry)
            return response

        monkeypatch.setattr(httpx.Client, "send", send)

    def clear(self) -> None:
        self.requests.clear()
        self.forced.clear()

    def answer_next(
        self, status: int, count: int = 1, method: str | None = None, location: str | None = None, path: str = ""
    ) -> None:
        self.forced.append({"status": status, "count": count, "method": method, "location": location, "path": path})


def _echoing(app, path: str):
    from pscompat.azure.backends import classic_xml as X
    from pscompat.azure.backends.base import new_request_id

    def echoing(environ, start_response):
        if environ["REQUEST_METHOD"] == "POST" and path in environ["PATH_INFO"]:
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)).decode("utf-8", "replace")
            message = f"Cannot process POST {environ['PATH_INFO']}: {body}"
            start_response("400 Bad Request", [("x-ms-request-id", new_request_id())])
            return [X.dump("Error", X.ERROR, {"Code": "BadRequest", "Message": message})]
        return app(environ, start_response)

    echoing.authentication_failed = app.authentication_failed
    return echoing


if __name__ == "__main__":
    # The CLI with the app wrapped: same options, same core, same output.
    sys.path.insert(0, str(REPO))
    from pscompat.shell import serve_cli

    echo_at = sys.argv.index("--echo")
    echo_path = sys.argv[echo_at + 1]
    del sys.argv[echo_at : echo_at + 2]
    wrapped = serve_cli.load_app
    serve_cli.load_app = lambda api, home: _echoing(wrapped(api, home), echo_path)
    sys.exit(serve_cli.main(sys.argv[1:]))
