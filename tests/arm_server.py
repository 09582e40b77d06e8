"""TEST-ONLY: the ARM WSGI app (pscompat/azure/server/arm.py) over TLS on 127.0.0.1, in a thread
of the test process, with a certificate from a throw-away CA (trustme).  `pscompat serve --api
arm` replaces it once the serve command exists; the app and its options stay the same."""

from __future__ import annotations

import ssl
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import trustme

from pscompat.azure.backends import catalog
from pscompat.azure.server.arm import ArmApp, make_app

SUBSCRIPTION = catalog.SUBSCRIPTION_ID  # the store in the home the tests seed


class _Quiet(WSGIRequestHandler):
    def log_message(self, format, *args):  # the app keeps its own log (ArmApp.log)
        pass


class _Threading(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class ArmServer:
    """`with ArmServer(home, **options) as server:` serves until the block ends."""

    def __init__(self, home: Path, ca_dir: Path, **options):
        self.app: ArmApp = make_app(home, **options)
        self.ca = trustme.CA()
        self.ca_file = ca_dir / "arm-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        self.httpd = make_server("127.0.0.1", 0, self.app, server_class=_Threading, handler_class=_Quiet)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.url = f"https://127.0.0.1:{self.httpd.server_address[1]}"
        self.app.public_url = self.url
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ArmServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def use(self, monkeypatch, token: str = "sandbox-token") -> None:
        """Point pscompat's ARM backend at this server."""
        monkeypatch.setenv("PSCOMPAT_AZURE_BACKEND", "arm")
        monkeypatch.setenv("PSCOMPAT_AZURE_ENDPOINT", self.url)
        monkeypatch.setenv("PSCOMPAT_AZURE_SUBSCRIPTION", SUBSCRIPTION)
        monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", token)
        monkeypatch.setenv("SSL_CERT_FILE", str(self.ca_file))
        monkeypatch.setenv("PSCOMPAT_AZURE_POLL_INTERVAL", "0")
        for name in ("AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH"):
            monkeypatch.delenv(name, raising=False)
