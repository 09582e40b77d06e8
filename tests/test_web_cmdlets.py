"""Invoke-WebRequest / Invoke-RestMethod against a real HTTPS server process on 127.0.0.1
(tests/web_server.py), its certificate signed by a test CA that the client trusts through
SSL_CERT_FILE, as .NET on Linux and httpx both read it.  Expected texts come from
WebCmdletStrings.resx and the behaviour of WebRequestPSCmdlet.Common.cs / InvokeRestMethodCommand
(PowerShell's source), cited in pscompat/cmdlets/web.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import trustme

import pscompat

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    ca = trustme.CA()
    leaf = ca.issue_cert("127.0.0.1", "localhost")
    cert, key, ca_file = tmp / "cert.pem", tmp / "key.pem", tmp / "ca.pem"
    leaf.private_key_pem.write_to_path(str(key))
    leaf.cert_chain_pems[0].write_to_path(str(cert))
    ca.cert_pem.write_to_path(str(ca_file))
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "web_server.py"), "--cert", str(cert), "--key", str(key)],
        stdout=subprocess.PIPE,
        text=True,
    )
    port = int(proc.stdout.readline())
    yield {"url": f"https://127.0.0.1:{port}", "ca": str(ca_file), "port": port}
    proc.kill()
    proc.wait()


@pytest.fixture
def web(server, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", server["ca"])

    def run(script: str, **variables):
        return pscompat.run(script, url=server["url"], **variables)

    return run


# script -> the Python value of its output (pscompat.to_python of each object)
VALUE_CASES = [
    ("Invoke-RestMethod $url/json", [{"name": "pscompat", "items": [1, 2, 3]}]),
    ("(Invoke-RestMethod $url/json).items[1]", [2]),
    # PowerShell 7 writes a JSON array as one object: .Count is the array's
    ("(Invoke-RestMethod $url/array).Count", [2]),
    ("Invoke-RestMethod $url/array | ForEach-Object { $_.Count }", [2]),
    ("Invoke-RestMethod $url/text", ["hello"]),
    # text that parses as JSON becomes its value, as pwsh's fallback chain does
    ("(Invoke-RestMethod $url/number).GetType().Name", ["Int64"]),  # JSON numbers are Int64 in pwsh 7
    ("Invoke-RestMethod $url/xml", ["<a><b>1</b></a>"]),
    ("Invoke-RestMethod $url/empty", [""]),
    ("irm $url/json | Select-Object -ExpandProperty name", ["pscompat"]),
    # the method, the query built from a dictionary body on GET, the form body otherwise
    ("(Invoke-RestMethod $url/echo).method", ["GET"]),
    ("(Invoke-RestMethod $url/echo -Method Delete).method", ["DELETE"]),
    ("(Invoke-RestMethod $url/echo -CustomMethod purge).method", ["PURGE"]),
    ("(Invoke-RestMethod $url/echo -Body @{a='x y'; b=2}).query", ["a=x+y&b=2"]),
    (
        "(Invoke-RestMethod '$url/echo?z=1' -Body ([ordered]@{a=1})).query".replace("'$url", '"$url').replace(
            "1'", '1"'
        ),
        ["z=1&a=1"],
    ),
    ("(Invoke-RestMethod $url/echo -Method Post -Body ([ordered]@{a='x&y'; b=$null})).body", ["a=x%26y&b="]),
    (
        "$r = Invoke-RestMethod $url/echo -Method Post -Body ([ordered]@{a=1}); $r.headers.'content-type'",
        ["application/x-www-form-urlencoded"],
    ),
    (
        "$r = Invoke-RestMethod $url/echo -Method Post -Body (@{n=1} | ConvertTo-Json -Compress) "
        "-ContentType 'application/json'; $r.body; $r.headers.'content-type'",
        ['{"n":1}', "application/json"],
    ),
    ("(Invoke-RestMethod $url/echo -Headers @{'X-Api'='v1'}).headers.'x-api'", ["v1"]),
    ("(Invoke-RestMethod $url/echo -UserAgent 'me/1').headers.'user-agent'", ["me/1"]),
    ("(Invoke-RestMethod $url/echo).headers.'user-agent' -like '*PowerShell/7*'", [True]),
    # redirects are followed; -MaximumRedirection 0 returns the redirect with an error
    ("(Invoke-RestMethod $url/redirect/2).name", ["pscompat"]),
    # status codes and headers into variables
    (
        "$null = Invoke-RestMethod $url/json -StatusCodeVariable sc -ResponseHeadersVariable h; $sc; $h['X-Test']",
        [200, "one"],
    ),
    ("Invoke-RestMethod $url/status/404 -SkipHttpErrorCheck -StatusCodeVariable sc | Out-Null; $sc", [404]),
    ("(Invoke-RestMethod $url/status/500 -SkipHttpErrorCheck).error", ["nope"]),
    # a bearer token from a SecureString
    (
        "$t = ConvertTo-SecureString 's3cret-token' -AsPlainText -Force; "
        "(Invoke-RestMethod $url/bearer -Authentication Bearer -Token $t).ok",
        [True],
    ),
    # Basic: sent at once with -Authentication Basic, after the 401 challenge with -Credential alone
    (
        "$c = [pscredential]::new('bob', (ConvertTo-SecureString pw1 -AsPlainText -Force)); "
        "(Invoke-RestMethod $url/echo -Authentication Basic -Credential $c).headers.authorization",
        ["Basic Ym9iOnB3MQ=="],
    ),
    (
        "$c = [pscredential]::new('bob', (ConvertTo-SecureString pw1 -AsPlainText -Force)); "
        "(Invoke-RestMethod $url/basic -Credential $c).user; (Invoke-RestMethod $url/echo -Credential $c).headers.authorization",
        ["bob", None],
    ),
    # retries: the first answer is 503, the second 200
    ("Invoke-RestMethod $url/flaky/a -MaximumRetryCount 1 -RetryIntervalSec 0", ["ok now"]),
    # Invoke-WebRequest's response object
    ("(Invoke-WebRequest $url/text).StatusCode", [200]),
    ("(Invoke-WebRequest $url/text).StatusDescription", ["OK"]),
    ("(Invoke-WebRequest $url/text).Content", ["hello"]),
    # a header's values are a string[]: output enumerates them
    ("(Invoke-WebRequest $url/text).Headers['X-Test'].GetType().Name", ["String[]"]),
    ("(Invoke-WebRequest $url/text).Headers['X-Test']", ["one"]),
    ("(Invoke-WebRequest $url/text).RawContentLength", [5]),
    ("(Invoke-WebRequest $url/bytes).Content", [0, 1, 2, 255]),
    ("(Invoke-WebRequest $url/bytes).Content.GetType().Name", ["Byte[]"]),
    ('(Invoke-WebRequest $url/text).RawContent -split "`r`n" | Select-Object -First 1', ["HTTP/1.1 200 OK"]),
    ("(iwr $url/html).GetType().Name", ["BasicHtmlWebResponseObject"]),
    ("(iwr $url/bytes).GetType().Name", ["WebResponseObject"]),
    ("(Invoke-WebRequest $url/text -Method Head).StatusCode", [200]),
]


@pytest.mark.parametrize("script,expected", VALUE_CASES, ids=[c[0][:60] for c in VALUE_CASES])
def test_web_cmdlet_values(web, script, expected):
    result = web(script)
    assert [e.message for e in result.errors] == []
    assert [pscompat.to_python(x) for x in result] == expected


# script -> (error message, FullyQualifiedErrorId, ErrorDetails message or None)
ERROR_CASES = [
    (
        "Invoke-RestMethod $url/status/404",
        "Response status code does not indicate success: 404 (Not Found).",
        "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand",
        '\n{\n  "error": "nope",\n  "code": 404\n}',
    ),
    (
        "Invoke-WebRequest $url/status/503/html",
        "Response status code does not indicate success: 503 (Service Unavailable).",
        "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand",
        "went wrong",
    ),
    (
        "Invoke-RestMethod $url/bearer -Authentication Bearer",
        "The cmdlet cannot run because the following parameter is not specified: Token. The supplied "
        "Authentication type requires a Token. Specify Token, then retry.",
        "WebCmdletAuthenticationTokenNotSuppliedException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand",
        None,
    ),
    (
        "Invoke-RestMethod $url/json -PassThru",
        "The cmdlet cannot run because the following parameter is missing: OutFile. Provide a valid OutFile "
        "parameter value when using the PassThru parameter, then retry.",
        "WebCmdletOutFileMissingException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand",
        None,
    ),
    (
        "Invoke-RestMethod $url/redirect/3 -MaximumRedirection 1",
        "The maximum redirection count has been exceeded. To increase the number of redirections allowed, "
        "supply a higher value to the -MaximumRedirection parameter.",
        "MaximumRedirectExceeded,Microsoft.PowerShell.Commands.InvokeRestMethodCommand",
        None,
    ),
]


@pytest.mark.parametrize("script,message,error_id,details", ERROR_CASES, ids=[c[0][:60] for c in ERROR_CASES])
def test_web_cmdlet_errors(web, script, message, error_id, details):
    result = web(f"try {{ {script} }} catch {{ $_ }}")
    (record,) = result
    assert record.Exception.Message == message
    assert record.FullyQualifiedErrorId == error_id
    assert (record.ErrorDetails.Message if record.ErrorDetails else None) == details


def test_secrets_never_go_over_plain_http_and_are_never_shown(web, server):
    """Bearer over http:// is refused before anything is sent; the token appears nowhere."""
    script = (
        "$t = ConvertTo-SecureString 's3cret-token' -AsPlainText -Force; "
        "try { Invoke-RestMethod http://127.0.0.1:$port/bearer -Authentication Bearer -Token $t -Verbose } "
        'catch { $_.Exception.Message; $_.FullyQualifiedErrorId }; $t; "$t"'
    )
    result = web(script, port=server["port"])
    text = str(result) + " ".join(str(x) for x in result)
    assert result[0].startswith("The cmdlet cannot protect plain text secrets")
    assert result[1].startswith("WebCmdletAllowUnencryptedAuthenticationRequiredException,")
    assert "s3cret" not in text


def test_an_untrusted_certificate_fails_unless_skipped(server, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    result = pscompat.run("try { Invoke-RestMethod $url/text } catch { $_.FullyQualifiedErrorId }", url=server["url"])
    assert list(result) == ["WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand"]
    result = pscompat.run("Invoke-RestMethod $url/text -SkipCertificateCheck", url=server["url"])
    assert list(result) == ["hello"]


def test_out_file_writes_the_body_and_passthru_returns_it(web, tmp_path):
    target = tmp_path / "dl.bin"
    result = web("Invoke-WebRequest $url/bytes -OutFile $out; (Get-Item $out).Length", out=str(target))
    assert list(result) == [4] and target.read_bytes() == bytes([0, 1, 2, 255])
    result = web("(Invoke-RestMethod $url/text -OutFile $out -PassThru)", out=str(tmp_path / "t.txt"))
    assert list(result) == ["hello"] and (tmp_path / "t.txt").read_text() == "hello"


def test_the_command_line_shows_error_details_as_pwsh_does(server):
    """ConciseView: the response body (ErrorDetails) is what the user reads, not the status line."""
    env = dict(os.environ, SSL_CERT_FILE=server["ca"])
    out = subprocess.run(
        [sys.executable, "-m", "pscompat", "-c", f"Invoke-RestMethod {server['url']}/status/404/html"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.stderr.strip() == "Invoke-RestMethod: went wrong"
    assert out.returncode == 1
