"""Access tokens for Azure Resource Manager without the Azure SDK (../shared/reference/azure-arm.md §2).

The chain, first match wins:

1. PSCOMPAT_AZURE_TOKEN: a bearer token given as is (it cannot be renewed: a 401 re-reads the
   variable, so a wrapper that refreshes it keeps working);
2. a service principal, the variables azure-identity's EnvironmentCredential reads:
   AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET, or + AZURE_CLIENT_CERTIFICATE_PATH
   (a PEM file with the certificate and its private key; the client assertion is an RS256 JWT);
   the token comes from `<authority>/<tenant>/oauth2/v2.0/token` (client-credentials grant);
3. managed identity, only where the platform says there is one (IDENTITY_ENDPOINT +
   IDENTITY_HEADER on App Service/Functions/Arc) or PSCOMPAT_AZURE_MANAGED_IDENTITY=1 (the VM
   metadata service at 169.254.169.254): probing the metadata address elsewhere only costs time;
4. the Azure CLI: `az account get-access-token --resource <arm endpoint>`.

Tokens are cached until five minutes before they expire, refreshed when the service answers
401, and registered as secrets (base.register_secret) so that no message shows them.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass

import httpx

from pscompat.azure.backends.base import CloudError, register_secret

EARLY_REFRESH = 300  # seconds before expiry at which a cached token is renewed


@dataclass(frozen=True)
class Cloud:
    name: str
    resource_manager: str
    authority: str


# Resource Manager endpoint and Entra authority per sovereign cloud (azure-arm.md §2).
CLOUDS = {
    c.name.lower(): c
    for c in (
        Cloud("AzureCloud", "https://management.azure.com/", "https://login.microsoftonline.com"),
        Cloud("AzureUSGovernment", "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us"),
        Cloud("AzureChinaCloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn"),
    )
}
CLOUD_ALIASES = {"azurepubliccloud": "azurecloud", "public": "azurecloud", "usgov": "azureusgovernment"}


class AuthError(CloudError):
    """No token could be had; the message says which way was tried and how to fix it."""

    error_id = "ArmAuthenticationFailed"

    def __init__(self, message: str):
        super().__init__("AuthenticationFailed", message, 401)

    @property
    def classic_message(self) -> str:
        return f"{self.code}: {self.message}"


def cloud(name: str | None) -> Cloud:
    """The cloud called `name` (PSCOMPAT_AZURE_CLOUD, default AzureCloud); Azure Germany closed
    on 2021-10-29 and is refused by name."""
    key = (name or "AzureCloud").strip().lower()
    key = CLOUD_ALIASES.get(key, key)
    if key in ("azuregermancloud", "azuregermany"):
        raise AuthError("Azure Germany (AzureGermanCloud) was closed on 29 October 2021; choose another cloud.")
    if key not in CLOUDS:
        known = ", ".join(c.name for c in CLOUDS.values())
        raise AuthError(f"Unknown cloud '{name}' (PSCOMPAT_AZURE_CLOUD); known clouds: {known}.")
    return CLOUDS[key]


class Credential:
    """A source of bearer tokens for one audience (the ARM endpoint)."""

    kind = "token"

    def __init__(self, resource: str):
        self.resource = resource.rstrip("/") + "/"
        self._token: str | None = None
        self._expires = 0.0

    def token(self) -> str:
        if self._token is None or time.time() > self._expires - EARLY_REFRESH:
            self.refresh()
        assert self._token is not None
        return self._token

    def refresh(self) -> None:
        token, expires = self.fetch()
        register_secret(token)
        self._token, self._expires = token, expires

    def fetch(self) -> tuple[str, float]:
        raise NotImplementedError


class GivenToken(Credential):
    kind = "PSCOMPAT_AZURE_TOKEN"

    def fetch(self) -> tuple[str, float]:
        raw = os.environ.get("PSCOMPAT_AZURE_TOKEN") or ""
        register_secret(raw)
        cleaned = raw.strip()
        if not cleaned or any(not ("!" <= ch <= "~") for ch in cleaned):
            raise AuthError("PSCOMPAT_AZURE_TOKEN must hold the access token alone (no spaces or line breaks).")
        return cleaned, time.time() + 3600  # unknown lifetime: re-read on 401


def _post_token(url: str, data: dict, what: str, headers: dict | None = None, method: str = "POST") -> dict:
    """One request to a token endpoint; its answer's error text (never the request) in failures."""
    try:
        with httpx.Client(timeout=30) as client:
            reply = client.request(method, url, data=data if method == "POST" else None, headers=headers)
    except httpx.HTTPError as err:
        raise AuthError(f"{what}: cannot reach {url.split('?')[0]} ({type(err).__name__}).") from None
    try:
        body = reply.json()
    except ValueError:
        body = {}
    if reply.status_code != 200 or not isinstance(body, dict) or "access_token" not in body:
        detail = body.get("error_description") or body.get("error") if isinstance(body, dict) else None
        raise AuthError(f"{what}: the token endpoint answered {reply.status_code}: {detail or reply.reason_phrase}.")
    return body


def _expiry(body: dict) -> float:
    for key, relative in (("expires_in", True), ("expires_on", False)):
        try:
            value = float(body[key])
        except (KeyError, TypeError, ValueError):
            continue
        return time.time() + value if relative else value
    return time.time() + 3600


class ServicePrincipal(Credential):
    """Client-credentials grant with a secret or a certificate (JWT client assertion)."""

    kind = "service principal (AZURE_CLIENT_ID)"

    def __init__(self, resource: str, authority: str, tenant: str, client_id: str, secret: str, cert_path: str):
        super().__init__(resource)
        self.url = f"{authority.rstrip('/')}/{tenant}/oauth2/v2.0/token"
        self.client_id, self.secret, self.cert_path = client_id, secret, cert_path
        register_secret(secret)

    def fetch(self) -> tuple[str, float]:
        data = {"grant_type": "client_credentials", "client_id": self.client_id, "scope": self.resource + ".default"}
        if self.secret:
            data["client_secret"] = self.secret
        else:
            data["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            data["client_assertion"] = client_assertion(self.cert_path, self.client_id, self.url)
        body = _post_token(self.url, data, "Service principal sign-in")
        return body["access_token"], _expiry(body)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def client_assertion(cert_path: str, client_id: str, audience: str) -> str:
    """The signed JWT Entra ID accepts instead of a secret: header with the certificate's SHA-1
    thumbprint (`x5t`), claims aud/iss/sub/jti/nbf/exp, signed RS256 with the certificate's key."""
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding, rsa
    except ImportError:
        raise AuthError("Certificate sign-in needs the 'cryptography' package (pip install cryptography).") from None
    try:
        pem = open(cert_path, "rb").read()
        cert = x509.load_pem_x509_certificate(pem)
        key = serialization.load_pem_private_key(pem, password=None)
    except (OSError, ValueError, TypeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else "not a PEM certificate with its key"
        raise AuthError(f"Cannot read AZURE_CLIENT_CERTIFICATE_PATH '{cert_path}': {reason}.") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise AuthError(f"The key in '{cert_path}' is not an RSA key; Entra ID certificate sign-in needs RSA.")
    header = {"alg": "RS256", "typ": "JWT", "x5t": _b64url(cert.fingerprint(hashes.SHA1()))}
    now = int(time.time())
    claims = {
        "aud": audience,
        "iss": client_id,
        "sub": client_id,
        "jti": str(uuid.uuid4()),
        "nbf": now,
        "exp": now + 600,
    }
    signing_input = f"{_b64url(json.dumps(header).encode())}.{_b64url(json.dumps(claims).encode())}"
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{_b64url(signature)}"


class ManagedIdentity(Credential):
    kind = "managed identity"

    def fetch(self) -> tuple[str, float]:
        env = os.environ.get
        client_id = env("AZURE_CLIENT_ID")
        if env("IDENTITY_ENDPOINT") and env("IDENTITY_HEADER"):  # App Service, Functions, Arc
            params = {"api-version": "2019-08-01", "resource": self.resource}
            headers = {"X-IDENTITY-HEADER": env("IDENTITY_HEADER") or ""}
            base = env("IDENTITY_ENDPOINT") or ""
        else:  # the VM's instance metadata service
            params = {"api-version": "2018-02-01", "resource": self.resource}
            headers = {"Metadata": "true"}
            base = "http://169.254.169.254/metadata/identity/oauth2/token"
        if client_id:
            params["client_id"] = client_id
        url = str(httpx.URL(base, params=params))
        body = _post_token(url, {}, "Managed identity", headers=headers, method="GET")
        return body["access_token"], _expiry(body)


class AzureCli(Credential):
    kind = "Azure CLI (az account get-access-token)"

    def __init__(self, resource: str):
        super().__init__(resource)
        self.subscription: str | None = None

    def fetch(self) -> tuple[str, float]:
        az = shutil.which("az")
        if az is None:
            raise AuthError(
                "No Azure credentials: set PSCOMPAT_AZURE_TOKEN, or AZURE_TENANT_ID/AZURE_CLIENT_ID with "
                "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, or install the Azure CLI and run 'az login'."
            )
        try:
            done = subprocess.run(
                [az, "account", "get-access-token", "--output", "json", "--resource", self.resource],
                capture_output=True,
                text=True,
                timeout=60,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            raise AuthError(f"'az account get-access-token' failed: {type(err).__name__}.") from None
        if done.returncode != 0:
            first = next((line for line in done.stderr.splitlines() if line.strip()), "no message")
            raise AuthError(f"'az account get-access-token' failed: {first.strip()[:300]} (run 'az login').")
        try:
            body = json.loads(done.stdout)
            token = body["accessToken"]
        except (ValueError, KeyError, TypeError):
            raise AuthError("'az account get-access-token' printed no access token.") from None
        self.subscription = body.get("subscription")
        if body.get("expires_on"):
            expires = float(body["expires_on"])
        else:
            try:  # expiresOn: local time without a zone (az before 2.54)
                expires = time.mktime(time.strptime(body["expiresOn"].split(".")[0], "%Y-%m-%d %H:%M:%S"))
            except (KeyError, ValueError, AttributeError):
                expires = time.time() + 300
        return token, expires


def credential_chain(resource: str, authority: str) -> Credential:
    """The first configured credential of the chain in the module docstring."""
    env = os.environ.get
    if env("PSCOMPAT_AZURE_TOKEN"):
        return GivenToken(resource)
    tenant, client = env("AZURE_TENANT_ID"), env("AZURE_CLIENT_ID")
    secret, cert = env("AZURE_CLIENT_SECRET") or "", env("AZURE_CLIENT_CERTIFICATE_PATH") or ""
    if tenant and client and (secret or cert):
        host = env("AZURE_AUTHORITY_HOST") or authority
        return ServicePrincipal(resource, host, tenant, client, secret, cert)
    if (env("IDENTITY_ENDPOINT") and env("IDENTITY_HEADER")) or env("PSCOMPAT_AZURE_MANAGED_IDENTITY") == "1":
        return ManagedIdentity(resource)
    return AzureCli(resource)
