"""[uri]'http://…': System.Uri as a cast creates it (UriKind.RelativeOrAbsolute): an absolute URI
when the text has a scheme, else a relative one.  The canonical text (ToString, AbsoluteUri) has
the scheme and host in lower case, the default port left out and `/` for an empty path, as
System.Uri writes it (.NET's Uri class documentation, "Remarks: canonical form")."""

from __future__ import annotations

import re
import urllib.parse

from pscompat.values.methods.invoke import DotNetError

_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class Uri:
    PS_TYPE_NAMES = ("System.Uri", "System.Object")
    PS_PROPERTIES = (
        "AbsolutePath",
        "AbsoluteUri",
        "LocalPath",
        "Authority",
        "IsDefaultPort",
        "IsFile",
        "IsLoopback",
        "PathAndQuery",
        "Segments",
        "Host",
        "Port",
        "Query",
        "Fragment",
        "Scheme",
        "OriginalString",
        "DnsSafeHost",
        "IsAbsoluteUri",
        "UserInfo",
    )

    def __init__(self, text: str):
        self.OriginalString = text
        self.IsAbsoluteUri = bool(_SCHEME.match(text)) and not re.match(r"^[A-Za-z]:[\\/]", text)
        parts = urllib.parse.urlsplit(text.strip()) if self.IsAbsoluteUri else None
        if parts is None:
            self._canonical = text
            for name in self.PS_PROPERTIES[:-3] + ("UserInfo",):
                setattr(self, name, None)
            return
        scheme = parts.scheme.lower()
        if scheme in _DEFAULT_PORTS and not parts.hostname:
            raise DotNetError("Invalid URI: The hostname could not be parsed.", "UriFormatException")
        try:
            port = parts.port
        except ValueError:
            raise DotNetError("Invalid URI: Invalid port specified.", "UriFormatException") from None
        host = (parts.hostname or "").lower()
        default = _DEFAULT_PORTS.get(scheme, -1)
        self.Scheme, self.Host, self.DnsSafeHost = scheme, host, host
        self.Port = port if port is not None else default
        self.IsDefaultPort = self.Port == default
        self.UserInfo = parts.username + (f":{parts.password}" if parts.password else "") if parts.username else ""
        self.Authority = host if self.IsDefaultPort else f"{host}:{self.Port}"
        self.AbsolutePath = parts.path or "/"
        self.Query = f"?{parts.query}" if parts.query else ""
        self.Fragment = f"#{parts.fragment}" if parts.fragment else ""
        self.PathAndQuery = self.AbsolutePath + self.Query
        self.LocalPath = urllib.parse.unquote(self.AbsolutePath)
        self.IsFile = scheme == "file"
        self.IsLoopback = host in ("localhost", "127.0.0.1", "::1")
        self.Segments = re.findall(r"[^/]*/|[^/]+$", self.AbsolutePath)
        user = f"{self.UserInfo}@" if self.UserInfo else ""
        self._canonical = f"{scheme}://{user}{self.Authority}{self.PathAndQuery}{self.Fragment}"
        self.AbsoluteUri = urllib.parse.quote(self._canonical, safe=":/?#[]@!$&'()*+,;=%~")

    def ToString(self) -> str:
        return self._canonical

    def __str__(self) -> str:
        return self._canonical

    def __eq__(self, other) -> bool:
        return isinstance(other, Uri) and self._canonical == other._canonical

    def __hash__(self) -> int:
        return hash(self._canonical)
