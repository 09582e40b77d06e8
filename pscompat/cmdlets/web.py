"""Invoke-WebRequest and Invoke-RestMethod over httpx, as PowerShell 7 runs them
(WebRequestPSCmdlet.Common.cs, InvokeRestMethodCommand.Common.cs, ContentHelper.Common.cs,
resources/WebCmdletStrings.resx; tests: test/powershell/Modules/Microsoft.PowerShell.Utility/
WebCmdlets.Tests.ps1).

What a request is made of:
- the method: -Method, else -CustomMethod, else GET (POST when only a body says so is not
  PowerShell's rule: the default stays GET);
- a dictionary -Body goes into the query string of a GET and is form-encoded otherwise; a byte
  array is sent as is; anything else as its string; -InFile sends a file;
- -ContentType, else application/x-www-form-urlencoded for a POST with content;
- -Authentication Basic (-Credential) or Bearer/OAuth (-Token, a SecureString); secrets are
  refused over plain http unless -AllowUnencryptedAuthentication, and never appear in output,
  errors or -Verbose text.
What comes back: a status outside 2xx is a terminating error "Response status code does not
indicate success: 404 (Not Found)." whose ErrorDetails hold the body (JSON indented, HTML tags
removed), unless -SkipHttpErrorCheck.  Invoke-RestMethod turns a JSON body into objects as
ConvertFrom-Json does (an array stays one object, as in PowerShell 7) and returns other text as
a string; XML is returned as text (pscompat has no XmlDocument).  Invoke-WebRequest returns a
response object (StatusCode, StatusDescription, Content, RawContent, Headers,
RawContentLength).
"""

from __future__ import annotations

import base64
import json
import os
import platform
import re
import ssl
import time
import urllib.parse
from typing import Any

import httpx

from pscompat.cmdlets.data.json import parse_json
from pscompat.cmdlets.paths import native_path
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet
from pscompat.errors import PSError
from pscompat.values.convert.primitives import TypedArray
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.secure import PSCredential, SecureString
from pscompat.values.objects.classes import Hashtable

_METHODS = ("Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch")
_AUTH = ("None", "Basic", "Bearer", "OAuth")
_USER_AGENT = f"Mozilla/5.0 ({platform.system()}; {platform.platform()}; en-US) PowerShell/7.4.0"

# WebCmdletStrings.resx
_STATUS_FAILURE = "Response status code does not indicate success: {0} ({1})."
_UNENCRYPTED = (
    "The cmdlet cannot protect plain text secrets sent over unencrypted connections. To suppress this "
    "warning and send plain text secrets over unencrypted networks, reissue the command specifying the "
    "AllowUnencryptedAuthentication parameter."
)
_NO_TOKEN = (
    "The cmdlet cannot run because the following parameter is not specified: Token. The supplied "
    "Authentication type requires a Token. Specify Token, then retry."
)
_NO_CREDENTIAL = (
    "The cmdlet cannot run because the following parameter is not specified: Credential. The supplied "
    "Authentication type requires a Credential. Specify Credential, then retry."
)
_TOKEN_CONFLICT = (
    "The cmdlet cannot run because the following conflicting parameters are specified: Credential and "
    "Token. Specify either Credential or Token, then retry."
)
_BODY_CONFLICT = (
    "The cmdlet cannot run because the following conflicting parameters are specified: Body and InFile. "
    "Specify either Body or Infile, then retry."
)
_MAX_REDIRECT = (
    "The maximum redirection count has been exceeded. To increase the number of redirections allowed, "
    "supply a higher value to the -MaximumRedirection parameter."
)
_OUTFILE_MISSING = (
    "The cmdlet cannot run because the following parameter is missing: OutFile. Provide a valid OutFile "
    "parameter value when using the {0} parameter, then retry."
)


def is_json(content_type: str) -> bool:
    """ContentHelper.IsJson: application/json and the javascript types, `+json` suffixes too."""
    ct = content_type.lower()
    return ct in (
        "application/json",
        "text/json",
        "application/x-javascript",
        "text/x-javascript",
        "application/javascript",
        "text/javascript",
    ) or ct.endswith("+json")


def is_xml(content_type: str) -> bool:
    ct = content_type.lower()
    return ct in ("application/xml", "application/xml-external-parsed-entity", "application/xml-dtd") or ct.endswith(
        "+xml"
    )


def is_text(content_type: str) -> bool:
    return content_type.lower().startswith("text/") or is_json(content_type) or is_xml(content_type)


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";", 1)[0].strip()


def form_encode(items: dict) -> str:
    """FormatDictionary: key=value pairs, each side URL-encoded (WebUtility.UrlEncode: space is '+')."""
    return "&".join(
        f"{urllib.parse.quote_plus(to_string(k))}={'' if v is None else urllib.parse.quote_plus(to_string(v))}"
        for k, v in items.items()
    )


def error_details(body: str, content_type: str) -> str:
    """FormatErrorMessage: JSON indented (on a new line), else the text without HTML tags."""
    if is_json(content_type):
        try:
            return "\n" + json.dumps(json.loads(body), indent=2, ensure_ascii=False)
        except ValueError:
            pass
    return re.sub(r"<[^>]*>", "", body)


def header_table(response: httpx.Response) -> Hashtable:
    """WebResponseHelper.GetHeadersDictionary: each header name (case-insensitive) to a string[]."""
    table = Hashtable()
    for key in response.headers.keys():
        table[key] = TypedArray(response.headers.get_list(key), "System.String")
    return table


class WebResponse:
    """Invoke-WebRequest's result (BasicHtmlWebResponseObject / WebResponseObject)."""

    PS_PROPERTIES = ("StatusCode", "StatusDescription", "Content", "RawContent", "Headers", "RawContentLength")

    def __init__(self, response: httpx.Response):
        self.StatusCode = response.status_code
        self.StatusDescription = response.reason_phrase
        media = _media_type(response)
        self._text = is_text(media) or not media
        self.Content: Any = response.text if self._text else TypedArray(response.content, "System.Byte")
        self.Headers = headers = header_table(response)
        self.RawContentLength = len(response.content)
        head = f"HTTP/{response.http_version.split('/')[-1]} {response.status_code} {response.reason_phrase}"
        lines = [head] + [f"{k}: {', '.join(v)}" for k, v in headers.items()]
        body = response.text if self._text else ""
        self.RawContent = "\r\n".join(lines) + "\r\n\r\n" + body

    @property
    def PS_TYPE_NAMES(self):
        name = "BasicHtmlWebResponseObject" if self._text else "WebResponseObject"
        return (
            f"Microsoft.PowerShell.Commands.{name}",
            "Microsoft.PowerShell.Commands.WebResponseObject",
            "System.Object",
        )

    def ToString(self) -> str:
        return self.Content if isinstance(self.Content, str) else to_string(self.Content)


class _WebCmdlet(Cmdlet):
    common = (
        Parameter("Uri", "string", position=0, mandatory=True),
        Parameter("Method", "string", validate_set=_METHODS),
        Parameter("CustomMethod", "string", aliases=("CM",)),
        Parameter("Headers", "hashtable"),
        Parameter("Body", "object"),
        Parameter("ContentType", "string"),
        Parameter("InFile", "string"),
        Parameter("OutFile", "string"),
        Parameter("PassThru", "switch"),
        Parameter("Authentication", "string", validate_set=_AUTH),
        Parameter("Credential", "pscredential"),
        Parameter("Token", "securestring"),
        Parameter("AllowUnencryptedAuthentication", "switch"),
        Parameter("SkipCertificateCheck", "switch"),
        Parameter("SkipHttpErrorCheck", "switch"),
        Parameter("SkipHeaderValidation", "switch"),
        Parameter("UseBasicParsing", "switch"),
        Parameter("NoProxy", "switch"),
        Parameter("UserAgent", "string"),
        Parameter("TimeoutSec", "int", aliases=("ConnectionTimeoutSeconds",)),
        Parameter("MaximumRedirection", "int", default=-1),
        Parameter("MaximumRetryCount", "int"),
        Parameter("RetryIntervalSec", "int", default=5),
    )

    # -- the request ----------------------------------------------------------------------
    def _method(self) -> str:
        if self.CustomMethod:
            return str(self.CustomMethod).upper()
        method = str(self.Method or "Default")
        return "GET" if method.lower() == "default" else method.upper()

    def _url(self, method: str) -> str:
        url = str(self.Uri)
        if "://" not in url:
            url = "http://" + url  # CheckProtocol: a relative URI is taken as http
        if isinstance(self.Body, dict) and method == "GET":
            parts = urllib.parse.urlsplit(url)
            query = "&".join(p for p in (parts.query, form_encode(self.Body)) if p)
            url = urllib.parse.urlunsplit(parts._replace(query=query))
        return url

    def _headers(self, url: str) -> dict:
        headers = {"User-Agent": str(self.UserAgent) if self.UserAgent else _USER_AGENT}
        for key, value in (self.Headers or {}).items():
            headers[to_string(key)] = to_string(value)
        auth = str(self.Authentication or "None").lower()
        if self.Credential is not None and self.Token is not None:
            self._invalid(_TOKEN_CONFLICT, "WebCmdletTokenConflictException")
        if auth in ("bearer", "oauth") and self.Token is None:
            self._invalid(_NO_TOKEN, "WebCmdletAuthenticationTokenNotSuppliedException")
        if auth == "basic" and self.Credential is None:
            self._invalid(_NO_CREDENTIAL, "WebCmdletAuthenticationCredentialNotSuppliedException")
        sends_secret = auth != "none" or self.Credential is not None
        if sends_secret and not self.AllowUnencryptedAuthentication and not url.lower().startswith("https://"):
            self._invalid(_UNENCRYPTED, "WebCmdletAllowUnencryptedAuthenticationRequiredException")
        if auth in ("bearer", "oauth"):
            headers["Authorization"] = "Bearer " + _secret_text(self.Token)
        elif auth == "basic":
            headers["Authorization"] = _basic_header(self.Credential)
        return headers

    def _auth(self) -> httpx.Auth | None:
        """-Credential without -Authentication answers the server's challenge (HttpClientHandler
        .Credentials): nothing is sent until a 401 asks for Basic or Digest."""
        if self.Credential is None or str(self.Authentication or "None").lower() != "none":
            return None
        return _ChallengeAuth(self.Credential)

    def _content(self, method: str, headers: dict) -> bytes | None:
        if self.Body is not None and self.InFile:
            self._invalid(_BODY_CONFLICT, "WebCmdletBodyConflictException")
        content: bytes | None = None
        body = self.Body
        if body is not None and not (isinstance(body, dict) and method == "GET"):
            if isinstance(body, dict):
                content = form_encode(body).encode("utf-8")
            elif isinstance(body, (bytes, bytearray)):
                content = bytes(body)
            elif isinstance(body, list) and body and all(isinstance(b, int) and 0 <= b < 256 for b in body):
                content = bytes(body)  # a [byte[]]
            else:
                content = to_string(body).encode("utf-8")
        elif self.InFile:
            with open(os.path.join(self.ctx.cwd, native_path(self.InFile)), "rb") as fh:
                content = fh.read()
        if self.ContentType:
            headers["Content-Type"] = str(self.ContentType)
        elif method == "POST":
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return content

    def _invalid(self, message: str, error_id: str) -> None:
        self.throw_terminating(
            message,
            error_id,
            "InvalidArgument",
            exception_type="System.Management.Automation.ValidationMetadataException",
        )

    # -- sending --------------------------------------------------------------------------
    def send(self) -> httpx.Response:
        method = self._method()
        url = self._url(method)
        headers = self._headers(url)
        content = self._content(method, headers)
        if self.PassThru and not self.OutFile:
            self._invalid(_OUTFILE_MISSING.format("PassThru"), "WebCmdletOutFileMissingException")
        redirects = 5 if self.MaximumRedirection is None or self.MaximumRedirection < 0 else self.MaximumRedirection
        timeout = None if not self.TimeoutSec or self.TimeoutSec <= 0 else float(self.TimeoutSec)
        self.write_verbose(f"Requested HTTP/1.1 {method} with {len(content or b'')}-byte payload")
        attempts = 1 + max(0, int(self.MaximumRetryCount or 0))
        with httpx.Client(
            verify=_verification(bool(self.SkipCertificateCheck)),
            follow_redirects=redirects > 0,
            max_redirects=max(redirects, 0),
            timeout=timeout,
            trust_env=not self.NoProxy,
        ) as client:
            for attempt in range(attempts):
                try:
                    response = client.request(method, url, headers=headers, content=content, auth=self._auth())
                except httpx.TooManyRedirects:
                    self.throw_terminating(_MAX_REDIRECT, "MaximumRedirectExceeded", "InvalidOperation")
                except httpx.TimeoutException:
                    self.throw_terminating(
                        f"The request was canceled due to the configured HttpClient.Timeout of {self.TimeoutSec} "
                        "seconds elapsing.",
                        "WebCmdletTimeoutException",
                        "OperationTimeout",
                        exception_type="System.Threading.Tasks.TaskCanceledException",
                    )
                except httpx.HTTPError as exc:
                    self.throw_terminating(
                        _transport_message(exc),
                        "WebCmdletWebResponseException",
                        "InvalidOperation",
                        exception_type="System.Net.Http.HttpRequestException",
                    )
                retriable = response.status_code == 304 or 400 <= response.status_code < 600
                if attempt + 1 < attempts and retriable and not response.is_success:
                    self.write_verbose(
                        f"Retrying after interval of {self.RetryIntervalSec} seconds. Status code for previous "
                        f"attempt: {response.reason_phrase}"
                    )
                    time.sleep(max(0, int(self.RetryIntervalSec or 0)))
                    continue
                break
        self.write_verbose(
            f"Received HTTP/{response.http_version.split('/')[-1]} {len(response.content)}-byte response of "
            f"content type {response.headers.get('content-type', '')}"
        )
        if response.is_redirect and redirects == 0:
            self.write_error(_MAX_REDIRECT, "MaximumRedirectExceeded", "InvalidOperation")
        elif not response.is_success and not self.SkipHttpErrorCheck:
            self._status_error(response)
        return response

    def _status_error(self, response: httpx.Response) -> None:
        err = self.runtime.terminating_error(
            _STATUS_FAILURE.format(response.status_code, response.reason_phrase),
            "WebCmdletWebResponseException",
            "InvalidOperation",
            None,
            "Microsoft.PowerShell.Commands.HttpResponseException",
        )
        details = error_details(response.text, _media_type(response))
        if details and err.error_record is not None:
            err.error_record.details = details
        raise err

    def save(self, response: httpx.Response) -> None:
        if self.OutFile:
            path = os.path.join(self.ctx.cwd, native_path(self.OutFile))
            with open(path, "wb") as fh:
                fh.write(response.content)


def _verification(skip: bool) -> bool | ssl.SSLContext:
    """-SkipCertificateCheck, else the system's CAs, or SSL_CERT_FILE / SSL_CERT_DIR when set (as
    .NET on Linux reads them), whatever -NoProxy says about the proxy variables."""
    if skip:
        return False
    cafile, capath = os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR")
    if cafile or capath:
        return ssl.create_default_context(cafile=cafile or None, capath=capath or None)
    return True


def _basic_header(cred: PSCredential) -> str:
    pair = f"{cred.UserName}:{cred.Password.plain_text()}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


class _ChallengeAuth(httpx.Auth):
    def __init__(self, cred: PSCredential) -> None:
        self.cred = cred

    def auth_flow(self, request):
        response = yield request
        challenge = response.headers.get("www-authenticate", "").lower()
        if response.status_code != 401:
            return
        if challenge.startswith("digest"):
            digest = httpx.DigestAuth(self.cred.UserName, self.cred.Password.plain_text())
            flow = digest.auth_flow(request)
            next(flow)  # the unauthenticated request was already sent
            try:
                yield flow.send(response)
            except StopIteration:
                return
        elif challenge.startswith("basic"):
            request.headers["Authorization"] = _basic_header(self.cred)
            yield request


def _secret_text(secret: Any) -> str:
    return secret.plain_text() if isinstance(secret, SecureString) else to_string(secret)


def _transport_message(exc: httpx.HTTPError) -> str:
    """HttpRequestException's text for a failure below HTTP; pwsh shows the socket's reason."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError) and "CERTIFICATE_VERIFY_FAILED" in text:
        return "The SSL connection could not be established, see inner exception."
    if isinstance(exc, httpx.ConnectError) and "refused" in text.lower():
        return "Connection refused"
    return text


@cmdlet(
    "Invoke-WebRequest",
    aliases=("iwr",),
    synopsis="Gets content from a web page on the internet.",
    description="Sends an HTTP or HTTPS request and returns the response: StatusCode, Content, Headers, RawContent.",
    examples=(
        ("(Invoke-WebRequest https://example.org).StatusCode", "The status of a request."),
        ("Invoke-WebRequest $url -OutFile file.zip", "Download a file."),
    ),
)
class InvokeWebRequest(_WebCmdlet):
    parameters = _WebCmdlet.common

    def process(self):
        response = self.send()
        if self.OutFile:
            self.save(response)
            if not self.PassThru:
                return None
        return [WebResponse(response)]


@cmdlet(
    "Invoke-RestMethod",
    aliases=("irm",),
    synopsis="Sends an HTTP or HTTPS request to a RESTful web service.",
    description="Returns the response's content: JSON as objects (as ConvertFrom-Json makes them), other text "
    "as a string.",
    examples=(
        ("Invoke-RestMethod https://api.example.org/items | Select-Object -First 3", "Objects from JSON."),
        (
            "Invoke-RestMethod $url -Method Post -Body (@{name='x'} | ConvertTo-Json) -ContentType application/json",
            "Post JSON.",
        ),
    ),
)
class InvokeRestMethod(_WebCmdlet):
    parameters = (
        *_WebCmdlet.common,
        Parameter("StatusCodeVariable", "string"),
        Parameter("ResponseHeadersVariable", "string", aliases=("RHV",)),
    )

    def process(self):
        response = self.send()
        if self.StatusCodeVariable:
            self.ctx.set_variable(str(self.StatusCodeVariable), response.status_code, at=self.runtime.scope)
        if self.ResponseHeadersVariable:
            self.ctx.set_variable(str(self.ResponseHeadersVariable), header_table(response), at=self.runtime.scope)
        if self.OutFile:
            self.save(response)
            if not self.PassThru:
                return None
        text = response.text
        if is_json(_media_type(response)) or not is_xml(_media_type(response)):
            try:
                return [parse_json(text)] if text.strip() else [text]
            except (ValueError, PSError):
                pass  # not JSON after all: the text itself, as pwsh falls back to the string
        return [text]
