"""Serve any WSGI app the way the management endpoints were served: HTTPS with a certificate this
server makes itself, clients known by a management certificate (mutual TLS, as the classic
service required, docs/azure-classic-api.md §3.1 Auth) or by a bearer token, checked before the
app sees the request; one log line per request; a clean stop on SIGINT/SIGTERM.

The certificates live in `<home>/serve-tls/` (folder 0700, keys 0600): a CA made on first start,
which signs this server's certificate (made fresh at every start, for the address it listens on)
and the one management certificate it hands out (`management.pem`, also the certificate of the
.publishsettings file).  A client presenting a certificate that this CA did not sign cannot
complete the handshake; one presenting none may still authenticate with the token.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import signal
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TLS_FOLDER = "serve-tls"
_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# environ keys the server sets for the app
AUTH_KEY = "pscompat.auth"  # "certificate", "token" or "" (no credentials were required)
REQUEST_ID_HEADER = "x-ms-request-id"


class ServeError(Exception):
    """Something that stops the server from starting (a busy port, a missing library): one line."""


# --- certificates --------------------------------------------------------------------------------
@dataclass
class Credentials:
    """The files of one server start."""

    folder: Path
    ca_pem: bytes
    server_cert: Path
    server_key: Path
    management_pem: Path  # certificate and key of the management certificate, PEM

    def management_pkcs12(self) -> bytes:
        """The management certificate as a PKCS#12 without a password, as .publishsettings
        files carry it (docs/azure-classic-api.md §4)."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.serialization import pkcs12

        pem = self.management_pem.read_bytes()
        cert = _x509().load_pem_x509_certificate(pem)
        key: Any = serialization.load_pem_private_key(pem, password=None)  # the RSA key credentials() made
        return pkcs12.serialize_key_and_certificates(b"pscompat serve", key, cert, None, serialization.NoEncryption())


def _x509():
    try:
        from cryptography import x509
    except ImportError:
        raise ServeError(
            "pscompat serve needs the 'cryptography' package for its TLS certificates: "
            "pip install 'pscompat[serve]' (or start it with --no-tls)"
        ) from None
    return x509


def _private_write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _certificate(subject: str, key, issuer_name, issuer_key, days: int, extensions: list):
    x509 = _x509()
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name or name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=days))
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(issuer_key or key, hashes.SHA256())


def _pem(cert, key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return cert.public_bytes(serialization.Encoding.PEM) + key_pem


def credentials(home: Path, host: str) -> Credentials:
    """The CA and management certificate of `home` (made once), and a server certificate for `host`."""
    x509 = _x509()
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID

    home.mkdir(mode=0o700, parents=True, exist_ok=True)  # as the sandbox makes it (store.connect)
    folder = home / TLS_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    ca_file, management_file = folder / "ca.pem", folder / "management.pem"
    if not ca_file.exists() or not management_file.exists():
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca = _certificate(
            "pscompat serve local CA",
            ca_key,
            None,
            None,
            3650,
            [(x509.BasicConstraints(ca=True, path_length=0), True)],
        )
        # Management certificates were RSA of 2048 bits or more (gg551722).
        client_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        client = _certificate(
            "pscompat serve management certificate",
            client_key,
            ca.subject,
            ca_key,
            3650,
            [(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), False)],
        )
        _private_write(management_file, _pem(client, client_key))
        _private_write(ca_file, _pem(ca, ca_key))
    ca_text = ca_file.read_bytes()
    ca = x509.load_pem_x509_certificate(ca_text)
    loaded_key: Any = serialization.load_pem_private_key(ca_text, password=None)  # the EC key written above
    ca_key = loaded_key
    server_key = ec.generate_private_key(ec.SECP256R1())
    names: list = [x509.DNSName("localhost")]
    try:
        names.append(x509.IPAddress(ipaddress.ip_address(host)))
    except ValueError:
        names.append(x509.DNSName(host))
    if host != "127.0.0.1":
        names.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    server = _certificate(
        host,
        server_key,
        ca.subject,
        ca_key,
        30,
        [
            (x509.SubjectAlternativeName(names), False),
            (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
        ],
    )
    server_file = folder / "server.pem"
    _private_write(server_file, _pem(server, server_key))
    ca_pem = ca.public_bytes(serialization.Encoding.PEM)
    _private_write(folder / "ca-cert.pem", ca_pem)  # the CA's certificate alone, for clients to trust
    return Credentials(folder, ca_pem, server_file, server_file, management_file)


def server_context(creds: Credentials) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(str(creds.server_cert), str(creds.server_key))
    context.verify_mode = ssl.CERT_OPTIONAL  # a certificate, or the token instead
    context.load_verify_locations(cadata=creds.ca_pem.decode("ascii"))
    return context


# --- the server ----------------------------------------------------------------------------------
@dataclass
class Options:
    host: str = "127.0.0.1"
    port: int = 0
    token: str | None = None
    tls: bool = True
    log: Callable[[str], None] = field(default=lambda line: None)


WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


def _rejection(app: WsgiApp, reason: str) -> tuple[int, list[tuple[str, str]], bytes]:
    """The app's own 403 (an <Error> body for the classic API, JSON for ARM) when it has one."""
    reject = getattr(app, "authentication_failed", None)
    if reject is not None:
        return reject(reason)
    return 403, [("Content-Type", "text/plain; charset=utf-8")], f"Authentication failed: {reason}\n".encode()


def authenticate(environ: dict, options: Options, tls: bool) -> str | None:
    """'certificate' or 'token' for an authenticated request, '' when nothing is required (plain
    HTTP without --token), None when it must be refused.  The token is compared in constant time."""
    import hmac

    if environ.get("pscompat.client_certificate"):
        return "certificate"
    header = environ.get("HTTP_AUTHORIZATION", "")
    if options.token:
        scheme, _, given = header.partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), options.token.encode()):
            return "token"
        return None
    return None if tls else ""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: one TLS handshake per client, not per request
    disable_nagle_algorithm = True  # headers and body leave in two writes: no delayed-ACK stall
    timeout = 120  # an idle keep-alive connection is closed after this
    server: _Server

    def log_message(self, *args):  # the request log below is the record
        pass

    def _environ(self, body: bytes) -> dict:
        parts = urlsplit(self.path)
        environ = {
            "REQUEST_METHOD": self.command,
            "SCRIPT_NAME": "",
            "PATH_INFO": parts.path,
            "QUERY_STRING": parts.query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "SERVER_NAME": self.server.server_address[0],
            "SERVER_PORT": str(self.server.server_address[1]),
            "SERVER_PROTOCOL": self.request_version,
            "REMOTE_ADDR": self.client_address[0],
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "https" if self.server.tls else "http",
            "wsgi.input": _Body(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        for name, value in self.headers.items():
            key = "HTTP_" + name.upper().replace("-", "_")
            if key not in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
                environ[key] = value
        if isinstance(self.connection, ssl.SSLSocket):
            environ["pscompat.client_certificate"] = self.connection.getpeercert(binary_form=True)
        return environ

    def _dispatch(self) -> None:
        started = time.monotonic()
        length = self.headers.get("Content-Length")
        try:
            body = self.rfile.read(int(length)) if length else b""
        except ValueError:
            self.send_error(400, "Bad Content-Length")
            return
        environ = self._environ(body)
        options = self.server.options
        with self.server.counting():
            auth = authenticate(environ, options, self.server.tls)
            if auth is None:
                reason = "a management certificate or the bearer token is required"
                if environ.get("HTTP_AUTHORIZATION"):
                    reason = "the bearer token is not the one this server accepts"
                status, headers, out = _rejection(self.server.app, reason)
            else:
                environ[AUTH_KEY] = auth
                status, headers, out = _call(self.server.app, environ)
            # Logged before the answer leaves, so a client that has its answer finds the line.
            rid = next((v for k, v in headers if k.lower() == REQUEST_ID_HEADER), "-")
            query = urlsplit(self.path).query
            # the query's names only: a value may be a signature
            names = "&".join(p.partition("=")[0] for p in query.split("&")) if query else ""
            options.log(
                f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {self.client_address[0]} {self.command} "
                f"{urlsplit(self.path).path}{'?' + names if names else ''} {status} "
                f"{(time.monotonic() - started) * 1000:.0f}ms auth={auth or ('refused' if auth is None else 'none')} "
                f"request-id={rid}"
            )
            self._send(status, headers, out)

    def _send(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers:
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _dispatch


class _Body:
    def __init__(self, data: bytes):
        self._data, self._at = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size is None or size < 0 else self._at + size
        chunk = self._data[self._at : end]
        self._at += len(chunk)
        return chunk


def _call(app: WsgiApp, environ: dict) -> tuple[int, list[tuple[str, str]], bytes]:
    started: list = []

    def start_response(status: str, headers: list, exc_info=None):
        started[:] = [int(status.split()[0]), list(headers)]

    try:
        chunks = app(environ, start_response)
        try:
            body = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
    except Exception as err:  # an app's bug answers 500 and the server keeps serving
        print(f"pscompat serve: internal error: {type(err).__name__}: {err}", file=sys.stderr, flush=True)
        return 500, [("Content-Type", "text/plain; charset=utf-8")], b"Internal server error\n"
    return started[0], started[1], body


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, app: WsgiApp, options: Options, context: ssl.SSLContext | None):
        self.app, self.options, self.context = app, options, context
        self.tls = context is not None
        self._busy = 0
        self._lock = threading.Condition()
        self.address_family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
        try:
            super().__init__((options.host, options.port), _Handler)
        except (OSError, OverflowError) as err:
            reason = getattr(err, "strerror", None) or err
            raise ServeError(f"cannot listen on {options.host}:{options.port}: {reason}") from None

    def finish_request(self, request, client_address) -> None:
        # The handshake runs in the connection's own thread, so a slow client holds up no other.
        if self.context is not None:
            request.settimeout(30)
            try:
                request = self.context.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return  # no certificate this CA signed, a plain-HTTP client, a dropped connection
            request.settimeout(None)
        super().finish_request(request, client_address)

    def counting(self):
        server = self

        class _Busy:
            def __enter__(self):
                with server._lock:
                    server._busy += 1

            def __exit__(self, *exc):
                with server._lock:
                    server._busy -= 1
                    server._lock.notify_all()

        return _Busy()

    def drain(self, seconds: float) -> None:
        """Wait for the requests being answered (not for idle keep-alive connections)."""
        with self._lock:
            self._lock.wait_for(lambda: self._busy == 0, timeout=seconds)


class Server:
    """A running (not yet serving) server: `url`, then `serve_until_stopped()`."""

    def __init__(self, app: WsgiApp, options: Options, context: ssl.SSLContext | None):
        self._server = _Server(app, options, context)
        host, port = str(self._server.server_address[0]), int(self._server.server_address[1])
        self.port = port
        shown = f"[{host}]" if ":" in host else host
        self.url = f"{'https' if context is not None else 'http'}://{shown}:{port}"

    def stop_on_signals(self) -> None:
        """From now on SIGINT and SIGTERM stop the server (installed before the address is printed,
        so a client that reads it and signals at once is obeyed)."""
        self._stop = threading.Event()
        self._previous = {s: signal.signal(s, lambda signum, frame: self._stop.set()) for s in _SIGNALS}

    def serve_until_stopped(self) -> None:
        """Serve until SIGINT or SIGTERM; then finish the requests under way (up to 10 s)."""
        if not hasattr(self, "_stop"):
            self.stop_on_signals()
        thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
        thread.start()
        try:
            while not self._stop.wait(0.5):
                pass
        finally:
            self._server.shutdown()
            thread.join()
            self._server.drain(10)
            self._server.server_close()
            for signum, handler in self._previous.items():
                signal.signal(signum, handler)

    def close(self) -> None:
        self._server.server_close()
