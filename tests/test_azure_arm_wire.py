"""The ARM backend's wire behaviour against the sandbox served as ARM (tests/arm_server.py):
429 with Retry-After, 401 and token refresh, every credential of the chain, timeouts, clouds,
and no secret in any message (../shared/reference/azure-arm.md §1.8, §1.9, §2)."""

from __future__ import annotations

import base64
import json
import socket
import stat
import time

import pytest
import trustme
from arm_server import SUBSCRIPTION, ArmServer
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

import pscompat
from pscompat.azure.backends import arm_auth
from pscompat.azure.backends.arm_http import ArmClient

LIST = "Get-AzureVMImage -Location westus -PublisherName MicrosoftWindowsServerGroup -Offer Windows -Skus Windows-Server-2012-R2-Datacenter"
CAPTURE = "$ConfirmPreference = 'None'; Save-AzureVMImage -ServiceName myServiceName -Name MyVMtoCapture -ImageName cap"


@pytest.fixture
def start(tmp_path, monkeypatch):
    """start(**options) -> a running server the backend points at (closed after the test)."""
    servers = []
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path / "client-home"))
    for name in ("PSCOMPAT_AZURE_CLOUD", "PSCOMPAT_AZURE_RETRIES", "PSCOMPAT_AZURE_RETRY_CAP", "IDENTITY_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)

    def start(token: str | None = "sandbox-token", **options) -> ArmServer:
        server = ArmServer(tmp_path / "home", tmp_path, token=token, **options).__enter__()
        servers.append(server)
        server.use(monkeypatch)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


def ok(script: str):
    result = pscompat.run(script)
    assert not result.errors, [e.message for e in result.errors]
    return result


def statuses(server) -> list[int]:
    return [status for _, _, status in server.app.log]


def everything_said(result) -> str:
    return "\n".join([str(x) for x in result] + [e.message for e in result.errors] + [str(w) for w in result.warnings])


# Throttling (429, 503, Retry-After and its cap), the polls' Retry-After and the 401 renewal run
# against the served process: tests/test_serve_faults.py.


# --- authentication ------------------------------------------------------------------------------------
def test_wrong_token_is_an_error_that_does_not_show_it(start, monkeypatch):
    start()
    secret = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.wrong-token-value"
    monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", secret)
    result = pscompat.run(LIST)
    assert result.errors[0].message.startswith("InvalidAuthenticationToken: ")
    assert "wrong-token" not in everything_said(result) and "eyJ0eXAi" not in everything_said(result)


def _service_principal(server, monkeypatch, **extra: str) -> None:
    monkeypatch.delenv("PSCOMPAT_AZURE_TOKEN")
    monkeypatch.setenv("AZURE_TENANT_ID", "72f988bf-86f1-41af-91ab-2d7cd011db47")
    monkeypatch.setenv("AZURE_CLIENT_ID", "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b")
    monkeypatch.setenv("AZURE_AUTHORITY_HOST", server.url)
    for name, value in extra.items():
        monkeypatch.setenv(name, value)


def test_service_principal_with_a_secret_gets_a_new_token_on_401(start, monkeypatch):
    server = start(token=None, issue_tokens=True, unauthorized_every=4)
    _service_principal(server, monkeypatch, AZURE_CLIENT_SECRET="s3cr3t-client-secret-value")
    result = ok(CAPTURE)
    token_posts = [p for m, p, _ in server.app.log if m == "POST" and p.endswith("/oauth2/v2.0/token")]
    assert len(token_posts) >= 2 and token_posts[0].startswith("/72f988bf-")
    assert 401 in statuses(server)
    assert "s3cr3t" not in everything_said(result)


def test_service_principal_with_a_certificate_signs_an_rs256_assertion(start, monkeypatch, tmp_path):
    server = start(token=None, issue_tokens=True)
    cert = trustme.CA(key_type=trustme.KeyType.RSA).issue_cert("app.example", key_type=trustme.KeyType.RSA)
    pem = tmp_path / "sp.pem"
    pem.write_bytes(cert.private_key_and_cert_chain_pem.bytes())
    _service_principal(server, monkeypatch, AZURE_CLIENT_CERTIFICATE_PATH=str(pem))
    monkeypatch.delenv("AZURE_CLIENT_SECRET", raising=False)
    ok(LIST)
    # the assertion itself: header x5t = SHA-1 thumbprint, RS256 signature by the certificate's key
    audience = f"{server.url}/tenant/oauth2/v2.0/token"
    assertion = arm_auth.client_assertion(str(pem), "client-id", audience)
    head, claims, signature = assertion.split(".")

    def decode(part: str) -> bytes:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))

    public = x509.load_pem_x509_certificate(cert.cert_chain_pems[0].bytes())
    public.public_key().verify(decode(signature), f"{head}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256())
    header, body = json.loads(decode(head)), json.loads(decode(claims))
    assert header["alg"] == "RS256" and decode(header["x5t"]) == public.fingerprint(hashes.SHA1())
    assert (body["aud"], body["iss"], body["sub"]) == (audience, "client-id", "client-id")


def test_managed_identity_from_the_platform_endpoint(start, monkeypatch):
    server = start(token=None, issue_tokens=True)
    monkeypatch.delenv("PSCOMPAT_AZURE_TOKEN")
    monkeypatch.setenv("IDENTITY_ENDPOINT", f"{server.url}/msi/token")
    monkeypatch.setenv("IDENTITY_HEADER", "identity-header-value")
    ok(LIST)
    assert [m for m, p, _ in server.app.log if p.startswith("/msi/token")] == ["GET"]


def test_azure_cli_token_and_subscription(start, monkeypatch, tmp_path):
    server = start()
    monkeypatch.delenv("PSCOMPAT_AZURE_TOKEN")
    monkeypatch.delenv("PSCOMPAT_AZURE_SUBSCRIPTION")
    monkeypatch.delenv("AZURE_SUBSCRIPTION_ID", raising=False)
    az = tmp_path / "bin" / "az"
    az.parent.mkdir()
    answer = {"accessToken": "sandbox-token", "expires_on": int(time.time()) + 3600, "subscription": "cli-sub"}
    az.write_text(f"#!/bin/sh\necho '{json.dumps(answer)}'\n")
    az.chmod(az.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{az.parent}:/usr/bin:/bin")
    ok(LIST)
    assert server.app.log[0][1].startswith("/subscriptions/cli-sub/")


def test_no_credentials_says_how_to_give_them(start, monkeypatch):
    start()
    monkeypatch.delenv("PSCOMPAT_AZURE_TOKEN")
    monkeypatch.setenv("PATH", "/nonexistent")
    result = pscompat.run(LIST)
    assert "PSCOMPAT_AZURE_TOKEN" in result.errors[0].message and "az login" in result.errors[0].message


# --- clouds and timeouts -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, endpoint",
    [
        (None, "https://management.azure.com"),
        ("AzureUSGovernment", "https://management.usgovcloudapi.net"),
        ("azurechinacloud", "https://management.chinacloudapi.cn"),
    ],
)
def test_sovereign_clouds_by_name(monkeypatch, name, endpoint):
    monkeypatch.delenv("PSCOMPAT_AZURE_ENDPOINT", raising=False)
    monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", "t0ken-for-cloud-test")
    if name:
        monkeypatch.setenv("PSCOMPAT_AZURE_CLOUD", name)
    else:
        monkeypatch.delenv("PSCOMPAT_AZURE_CLOUD", raising=False)
    client = ArmClient()
    try:
        assert client.endpoint == endpoint and client.credential.resource == endpoint + "/"
    finally:
        client.close()


@pytest.mark.parametrize("name, text", [("AzureGermanCloud", "closed on 29 October 2021"), ("Mars", "Unknown cloud")])
def test_clouds_that_do_not_exist(name, text):
    with pytest.raises(arm_auth.AuthError, match=text):
        arm_auth.cloud(name)


def test_a_silent_endpoint_times_out(start, monkeypatch):
    start()
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    try:
        monkeypatch.setenv("PSCOMPAT_AZURE_ENDPOINT", f"https://127.0.0.1:{silent.getsockname()[1]}")
        monkeypatch.setenv("PSCOMPAT_AZURE_HTTP_TIMEOUT", "0.5")
        result = pscompat.run(LIST)
        assert result.errors[0].message.startswith("OperationTimedOut: GET https://127.0.0.1:")
        assert "within 0.5 seconds" in result.errors[0].message
    finally:
        silent.close()


def test_subscription_is_required(start, monkeypatch):
    start()
    monkeypatch.delenv("PSCOMPAT_AZURE_SUBSCRIPTION")
    monkeypatch.delenv("AZURE_SUBSCRIPTION_ID", raising=False)
    result = pscompat.run(LIST)
    assert result.errors[0].message.startswith("MissingSubscription: ")
    assert SUBSCRIPTION not in result.errors[0].message
