"""A small HTTPS server for the web cmdlets' tests, run as its own process on 127.0.0.1.

`python tests/web_server.py --cert CERT --key KEY` prints its port on the first line, then serves
until killed.  Routes (any method):
  /json /array /text /number /xml /html /bytes /empty   fixed bodies of those kinds
  /echo                 the request as JSON: method, path, query, headers, body
  /status/N             status N with a JSON error body; /status/N/html with an HTML one
  /redirect/N           302 to /redirect/N-1, and /redirect/0 to /json
  /flaky/KEY            503 the first time KEY is asked for, 200 after
  /slow                 answers after 3 seconds
  /bearer               200 if the Authorization header is `Bearer s3cret-token`, else 401
"""

from __future__ import annotations

import argparse
import json
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXED = {
    "/json": ("application/json; charset=utf-8", json.dumps({"name": "pscompat", "items": [1, 2, 3]})),
    "/array": ("application/json", json.dumps([{"a": 1}, {"a": 2}])),
    "/text": ("text/plain; charset=utf-8", "hello"),
    "/number": ("text/plain", "42"),
    "/xml": ("application/xml", "<a><b>1</b></a>"),
    "/html": ("text/html", "<html><body><p>hi</p></body></html>"),
    "/empty": ("text/plain", ""),
}
SEEN: set[str] = set()
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the tests read what they need from the replies
        pass

    def _reply(self, status: int, content_type: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Test", "one")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        path = parts.path
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if path in FIXED:
            kind, text = FIXED[path]
            return self._reply(200, kind, text.encode())
        if path == "/bytes":
            return self._reply(200, "application/octet-stream", bytes([0, 1, 2, 255]))
        if path == "/echo":
            echo = {
                "method": self.command,
                "path": path,
                "query": parts.query,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
            }
            return self._reply(200, "application/json", json.dumps(echo).encode())
        if path.startswith("/status/"):
            pieces = path.split("/")
            code = int(pieces[2])
            if len(pieces) > 3 and pieces[3] == "html":
                return self._reply(code, "text/html", b"<html><b>went</b> wrong</html>")
            return self._reply(code, "application/json", json.dumps({"error": "nope", "code": code}).encode())
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/json" if n <= 0 else f"/redirect/{n - 1}"
            return self._reply(302, "text/plain", b"", {"Location": target})
        if path.startswith("/flaky/"):
            with LOCK:
                first = path not in SEEN
                SEEN.add(path)
            if first:
                return self._reply(503, "text/plain", b"try again")
            return self._reply(200, "text/plain", b"ok now")
        if path == "/slow":
            time.sleep(3)
            return self._reply(200, "text/plain", b"late")
        if path == "/basic":  # challenges, then accepts bob:pw1 (Basic)
            if self.headers.get("Authorization") == "Basic Ym9iOnB3MQ==":
                return self._reply(200, "application/json", b'{"user": "bob"}')
            return self._reply(401, "text/plain", b"who?", {"WWW-Authenticate": 'Basic realm="test"'})
        if path == "/bearer":
            if self.headers.get("Authorization") == "Bearer s3cret-token":
                return self._reply(200, "application/json", b'{"ok": true}')
            return self._reply(401, "application/json", b'{"error": "unauthorized"}')
        return self._reply(404, "text/plain", b"no such route")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_PURGE = _handle


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--cert")
    args.add_argument("--key")
    opts = args.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if opts.cert:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(opts.cert, opts.key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
