"""What Import-AzurePublishSettingsFile keeps: the subscriptions of a .publishsettings file and
their management certificates, so that later processes reach the same endpoint
(docs/azure-classic-api.md §4; the module kept a "subscription data file" in the user's profile).

`<sandbox home>/classic-profile.json` (0600) lists the subscriptions (id, name, endpoint, the
certificate file, which one is the default); each certificate is a PEM file of its own in
`<sandbox home>/classic-certificates/` (folder 0700, files 0600): the .publishsettings carried it as
a PKCS#12 without a password, which TLS libraries do not load, so it is written out as PEM once.
While the profile exists and PSCOMPAT_AZURE_BACKEND is unset, the cmdlets use the classic backend
(base.current_backend); the PSCOMPAT_AZURE_* variables still override what the profile says.
"""

from __future__ import annotations

import base64
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from pscompat.azure.backends import store
from pscompat.azure.backends.base import CloudError, not_found, register_secret

PROFILE_NAME = "classic-profile.json"
CERTIFICATE_FOLDER = "classic-certificates"


def profile_path() -> Path:
    return store.home() / PROFILE_NAME


def exists() -> bool:
    """Cheap (one stat): asked each time a cmdlet picks its backend."""
    try:
        return profile_path().is_file()
    except CloudError:  # no home folder at all
        return False


def _load() -> dict:
    try:
        return json.loads(profile_path().read_text("utf-8"))
    except (OSError, ValueError, CloudError):
        return {"Subscriptions": [], "Default": None}


def _save(profile: dict) -> None:
    path = profile_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    _write_private(path, json.dumps(profile, indent=1).encode("utf-8"))


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def subscriptions() -> list[dict]:
    profile = _load()
    default = (profile.get("Default") or "").lower()
    return [{**s, "IsDefault": s["SubscriptionId"].lower() == default} for s in profile.get("Subscriptions") or ()]


def current() -> dict | None:
    return next((s for s in subscriptions() if s["IsDefault"]), None)


def set_default(subscription_id: str) -> None:
    profile = _load()
    match = [s for s in profile.get("Subscriptions") or () if s["SubscriptionId"].lower() == subscription_id.lower()]
    if not match:
        raise not_found(f"The subscription {subscription_id} does not exist.")
    profile["Default"] = match[0]["SubscriptionId"]
    _save(profile)


def set_storage_account(subscription_id: str, account: str) -> None:
    profile = _load()
    match = [s for s in profile.get("Subscriptions") or () if s["SubscriptionId"].lower() == subscription_id.lower()]
    if not match:
        raise not_found(f"The subscription {subscription_id} does not exist.")
    match[0]["CurrentStorageAccountName"] = account
    _save(profile)


def read(text: bytes) -> list[dict]:
    """The subscriptions of a .publishsettings file, schema 2.0 (a certificate and URL per
    subscription) or 1.0 (on the PublishProfile), as §4 describes both."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as err:
        raise CloudError("InvalidPublishSettings", f"The file is not a publish settings file: {err}.") from None
    found = []
    for profile in root.iter("PublishProfile"):
        for sub in profile.iter("Subscription"):
            certificate = sub.get("ManagementCertificate") or profile.get("ManagementCertificate")
            endpoint = sub.get("ServiceManagementUrl") or profile.get("Url") or "https://management.core.windows.net"
            if not sub.get("Id") or not certificate:
                continue
            register_secret(certificate)
            found.append(
                {
                    "SubscriptionId": sub.get("Id"),
                    "SubscriptionName": sub.get("Name") or sub.get("Id"),
                    "Environment": "AzureCloud",
                    "ServiceEndpoint": endpoint.rstrip("/"),
                    "pkcs12": certificate,
                }
            )
    if not found:
        raise CloudError("InvalidPublishSettings", "The file names no subscription with a management certificate.")
    return found


def _pem(pkcs12_base64: str) -> bytes:
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.serialization import pkcs12
    except ImportError:
        raise CloudError(
            "MissingDependency",
            "Reading the certificate of a publish settings file needs the 'cryptography' package "
            "(pip install 'pscompat[serve]').",
        ) from None
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(base64.b64decode(pkcs12_base64), b"")
    except ValueError:
        raise CloudError(
            "InvalidPublishSettings", "The management certificate is not a PKCS#12 without a password."
        ) from None
    if key is None or cert is None:
        raise CloudError("InvalidPublishSettings", "The management certificate has no private key.")
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    chain = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in extra or ())
    return cert.public_bytes(serialization.Encoding.PEM) + chain + key_pem


def import_file(text: bytes) -> list[dict]:
    """Keep the file's subscriptions (replacing ones of the same id); the first becomes the
    default when none is.  Returns them as Get-AzureSubscription lists them."""
    imported = read(text)
    folder = store.home() / CERTIFICATE_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    profile = _load()
    kept = {s["SubscriptionId"].lower(): s for s in profile.get("Subscriptions") or ()}
    for sub in imported:
        certificate = folder / f"{sub['SubscriptionId'].lower()}.pem"
        _write_private(certificate, _pem(sub.pop("pkcs12")))
        kept[sub["SubscriptionId"].lower()] = {**sub, "Certificate": str(certificate)}
    profile["Subscriptions"] = list(kept.values())
    if not profile.get("Default") or profile["Default"].lower() not in kept:
        profile["Default"] = imported[0]["SubscriptionId"]
    _save(profile)
    return imported
