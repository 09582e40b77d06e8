"""`pscompat serve`: the sandbox behind a local management endpoint (docs/serve.md).

core.py serves any WSGI app (TLS, client certificates, bearer token, request log, shutdown);
classic.py is the classic Service Management API over the sandbox store; each API module has
`make_app(home: pathlib.Path, **options)`.
"""
