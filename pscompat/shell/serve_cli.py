"""`pscompat serve ...`: the sandbox as a local management endpoint (docs/serve.md).

`serve` as the first argument is a subcommand, unlike pwsh, where `pwsh serve` runs a script file
named `serve`; `pscompat ./serve` or `pscompat -File serve` still runs such a file.
"""

from __future__ import annotations

import argparse
import base64
import importlib
import os
import sys
import threading
from pathlib import Path

DESCRIPTION = (
    "Serve the Azure sandbox over the classic Service Management REST API (or ARM with --api arm) "
    "on a local HTTPS endpoint, for pscompat and for other clients."
)
DEFAULT_PORT = 8443


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pscompat serve", description=DESCRIPTION)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any free)")
    parser.add_argument("--home", help="the sandbox home (default: $PSCOMPAT_HOME, else the user's sandbox)")
    parser.add_argument("--api", choices=("classic", "arm"), default="classic", help="the API to serve")
    parser.add_argument("--token", help="also accept 'Authorization: Bearer TOKEN' (else a client certificate)")
    parser.add_argument("--ca-file", help="write the CA certificate that clients should trust to FILE")
    parser.add_argument("--publishsettings", help="write a .publishsettings file for this endpoint to FILE")
    parser.add_argument("--log", help="append one line per request to FILE (default: standard error)")
    parser.add_argument("--no-tls", action="store_true", help="plain HTTP (then --token is the only credential)")
    faults = parser.add_argument_group("fault injection (docs/serve.md, Faults)")
    faults.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="STATUS[xCOUNT][@PATH]",
        help="answer the next COUNT (default 1) requests whose path contains PATH with STATUS "
        "(401, 403, 409, 429, 500 or 503); repeatable",
    )
    faults.add_argument(
        "--fault-retry-after", type=int, default=1, metavar="SECONDS", help="Retry-After of 429/503 faults (default 1)"
    )
    arm = parser.add_argument_group("ARM (--api arm)")
    arm.add_argument("--page-size", type=int, default=100, help="items per page of a list (nextLink after)")
    arm.add_argument(
        "--operation-polls", type=int, default=1, help="status polls before a long-running operation completes"
    )
    arm.add_argument(
        "--operation-retry-after",
        type=int,
        default=0,
        metavar="SECONDS",
        help="the Retry-After a long-running operation's answers ask clients to wait between polls (default 0)",
    )
    return parser


def load_app(api: str, home: Path, **options):
    module = f"pscompat.azure.server.{api}"
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name != module:
            raise
        raise SystemExit(f"pscompat serve: the {api} API is not available in this installation ({module} is missing)")
    return loaded.make_app(home, **options)


def _logger(path: str | None):
    lock = threading.Lock()
    if path is None:

        def to_stderr(line: str) -> None:
            with lock:
                sys.stderr.write(line + "\n")
                sys.stderr.flush()

        return to_stderr
    stream = open(path, "a", encoding="utf-8", buffering=1)  # kept open while serving

    def to_file(line: str) -> None:
        with lock:
            stream.write(line + "\n")

    return to_file


def publish_settings(url: str, subscription_id: str, name: str, pkcs12: bytes) -> str:
    """A schema 2.0 .publishsettings (docs/azure-classic-api.md §4): the management certificate as
    base64 PKCS#12 without a password, per subscription."""
    from xml.sax.saxutils import quoteattr

    certificate = base64.b64encode(pkcs12).decode("ascii")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<PublishData>\n'
        '  <PublishProfile SchemaVersion="2.0" PublishMethod="AzureServiceManagementAPI">\n'
        f"    <Subscription ServiceManagementUrl={quoteattr(url)} Id={quoteattr(subscription_id)} "
        f"Name={quoteattr(name)} ManagementCertificate={quoteattr(certificate)} />\n"
        "  </PublishProfile>\n</PublishData>\n"
    )


def _write_private(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def main(argv: list[str]) -> int:
    from pscompat.azure.backends import catalog, store
    from pscompat.azure.backends.base import CloudError
    from pscompat.azure.server import core, faults

    parser = _parser()
    args = parser.parse_args(argv)
    try:
        injected = [faults.parse(spec) for spec in args.fault]
    except faults.FaultSpecError as err:
        parser.error(str(err))
    try:
        home = store.home(args.home)
    except CloudError as err:
        sys.stderr.write(f"pscompat serve: {err.message}\n")
        return 1
    if args.no_tls and args.publishsettings:
        sys.stderr.write("pscompat serve: --publishsettings needs TLS (its certificate is the credential)\n")
        return 2
    if args.host not in ("127.0.0.1", "::1", "localhost"):
        sys.stderr.write(f"pscompat serve: warning: listening on {args.host}, reachable from other machines\n")
    try:
        arm_options = (
            {"page_size": args.page_size, "polls": args.operation_polls, "retry_after": args.operation_retry_after}
            if args.api == "arm"
            else {}
        )
        app = load_app(args.api, home, **arm_options)
        if injected:
            app = faults.Faulty(app, injected, args.api, args.fault_retry_after)
        context = creds = None
        if not args.no_tls:
            creds = core.credentials(home, args.host)
            context = core.server_context(creds)
        options = core.Options(host=args.host, port=args.port, token=args.token, log=_logger(args.log))
        server = core.Server(app, options, context)
    except (core.ServeError, OSError) as err:
        sys.stderr.write(f"pscompat serve: {err}\n")
        return 1
    try:
        if creds is not None and args.ca_file:
            Path(args.ca_file).write_bytes(creds.ca_pem)
        if creds is not None and args.publishsettings:
            text = publish_settings(server.url, catalog.SUBSCRIPTION_ID, "pscompat sandbox", creds.management_pkcs12())
            _write_private(args.publishsettings, text.encode("utf-8"))
    except OSError as err:
        server.close()
        sys.stderr.write(f"pscompat serve: cannot write {err.filename}: {err.strerror}\n")
        return 1
    server.stop_on_signals()
    auth = "a management certificate" if creds is not None else "no credentials"
    if args.token:
        auth += " or the bearer token" if creds is not None else " but the bearer token"
    print(f"pscompat serve: {args.api} API on {server.url} (home {home})", flush=True)
    print(f"  requires {auth}; subscription {catalog.SUBSCRIPTION_ID}", flush=True)
    if creds is not None:
        print(f"  CA certificate: {args.ca_file or creds.folder / 'ca-cert.pem'}", flush=True)
        print(f"  management certificate (PEM, private): {creds.management_pem}", flush=True)
    if args.publishsettings:
        print(f"  publish settings: {args.publishsettings}", flush=True)
    for fault in injected:
        where = f"on paths containing {fault.path}" if fault.path else "on any path"
        print(f"  fault: the next {fault.count} request(s) {where} answer {fault.status}", flush=True)
    print("  Ctrl-C stops it", flush=True)
    server.serve_until_stopped()
    print("pscompat serve: stopped", flush=True)
    return 0
