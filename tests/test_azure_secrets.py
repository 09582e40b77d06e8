"""Issue 10, secrets: the Azure cmdlets run with test secrets (a Bearer token, a management
certificate's PEM text with its private key, provisioning passwords) through their paths,
successes and errors, with -Verbose and -Debug, as `pscompat` processes against `pscompat serve`
(tests/serve_process.py) and on the sandbox.  Everything they print (stdout, stderr, the full text of every error
record and its exception) and every file they leave is searched for each secret and for every
8-character piece of it.  Files that hold state are 0600 in 0700 folders."""

from __future__ import annotations

import os
import secrets
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from serve_process import ServeProcess, classic_env

REPO = Path(__file__).resolve().parents[1]
TOKEN = "eyJ0eXAi" + secrets.token_urlsafe(48)
OTHER_TOKEN = "eyJhbGci" + secrets.token_urlsafe(48)
WIN_PASSWORD = "Wp!" + secrets.token_hex(10) + "aZ9"
LINUX_PASSWORD = "Lp#" + secrets.token_hex(10) + "bY8"
FAKE_PEM = (
    "-----BEGIN CERTIFICATE-----\nMIIC" + secrets.token_hex(40) + "\n-----END CERTIFICATE-----\n"
    "-----BEGIN PRIVATE KEY-----\nMIIE" + secrets.token_hex(60) + "\n-----END PRIVATE KEY-----\n"
)
PART = 8
WS2012R2 = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"
UBUNTU = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_2-LTS-amd64-server-20150610-en-us-30GB"


# Every cmdlet path that touches a credential, with the verbose and debug streams on; the last line
# prints every error record in full (as Format-List * -Force shows it) and its exception.
SCRIPT = f"""
$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
Get-AzureVMImage -ImageName MyOldVmImage -Verbose -Debug | Format-List * | Out-String
Get-AzureVMImage -ImageName nope -Verbose -Debug
New-AzureQuickVM -Windows -ServiceName "sec-win-{{0}}" -Name win1 -ImageName {WS2012R2} -AdminUsername adm `
    -Password '{WIN_PASSWORD}' -Location 'West US' -Verbose -Debug | Format-List * | Out-String
New-AzureVMConfig -Name lin1 -InstanceSize Small -ImageName {UBUNTU} |
    Add-AzureProvisioningConfig -Linux -LinuxUser usr -Password '{LINUX_PASSWORD}' |
    New-AzureVM -ServiceName "sec-lin-{{0}}" -Location 'West US' -Verbose -Debug | Format-List * | Out-String
New-AzureQuickVM -Windows -ServiceName "sec-bad-{{0}}" -Name bad1 -ImageName nope -AdminUsername adm `
    -Password '{WIN_PASSWORD}' -Location 'West US' -Verbose -Debug
New-AzureQuickVM -Linux -ServiceName "sec-echo-{{0}}" -Name echo1 -ImageName {UBUNTU} -LinuxUser usr `
    -Password '{LINUX_PASSWORD}' -Location 'West US' -Verbose -Debug
Get-AzureVM -Verbose -Debug | Format-List * | Out-String
Get-AzureVM -ServiceName "sec-win-{{0}}" -Name win1 | Format-List * | Out-String
(Get-AzureVM -ServiceName "sec-lin-{{0}}" -Name lin1).VM.ConfigurationSets | Format-List * | Out-String
Remove-AzureVMImage -ImageName nope -DeleteVHD -Verbose -Debug
'---errors---'
$Error | ForEach-Object {{ $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }}
"""


def run(script: str, env: dict) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pscompat", "-c", script],
        cwd=REPO,
        env={**os.environ, "PSCOMPAT_SANDBOX_LATENCY": "0", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout + done.stderr


def leaks(text: str, secret: str) -> list[str]:
    """The secret, or any 8-character piece of it, found in `text`."""
    pieces = {secret.strip()} | {secret[i : i + PART] for i in range(len(secret) - PART + 1)}
    return sorted(p for p in pieces if p.strip() and p in text)


def assert_no_secret(text: str, *values: str) -> None:
    for value in values:
        found = leaks(text, value)
        assert not found, f"{found[:3]} of a secret in:\n{text[:3000]}"


def files_under(root: Path):
    for path in root.rglob("*"):
        if path.is_file():
            yield path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`pscompat serve` taking the token; the tests that authenticate by certificate say so."""
    with ServeProcess(
        tmp_path_factory.mktemp("secrets") / "home", token=TOKEN, env={"PSCOMPAT_SANDBOX_LATENCY": "0"}
    ) as s:
        yield s


@pytest.fixture(scope="module")
def echoing_server(tmp_path_factory):
    """The same server, except that POSTs to a deployment are answered with an error quoting
    their body (the provisioning password), as a careless service might."""
    home = tmp_path_factory.mktemp("echo") / "home"
    with ServeProcess(home, token=TOKEN, env={"PSCOMPAT_SANDBOX_LATENCY": "0"}, echo="/deployments") as s:
        yield s


def classic(server, **extra) -> dict:
    return {**classic_env(server, str(uuid.uuid4()), cert=False), **extra}


@pytest.mark.parametrize(
    "token",
    [TOKEN, TOKEN + "\r\n", TOKEN + " ", "\t" + TOKEN + "\n"],
    ids=["plain", "crlf", "space", "tab-newline"],
)
def test_classic_paths_with_a_token_never_show_it_or_a_password(server, token, tmp_path):
    """A token read with its line ending used to be printed whole in an error; now the white space
    around it is dropped (it authenticates) and no output holds it or the passwords.  A service
    that quotes the request body (the provisioning password) in its error is redacted too."""
    tag = uuid.uuid4().hex[:8]
    env = classic(server, PSCOMPAT_AZURE_TOKEN=token, PSCOMPAT_HOME=str(tmp_path))
    out = run(SCRIPT.replace("{0}", tag), env)
    assert "AuthenticationFailed" not in out, out[:2000]
    assert "---errors---" in out
    assert_no_secret(out, token, TOKEN, WIN_PASSWORD, LINUX_PASSWORD)


@pytest.mark.parametrize(
    "token, expected",
    [
        (OTHER_TOKEN, "AuthenticationFailed: The server failed to authenticate the request."),
        (TOKEN[:20] + "\n" + TOKEN[20:], "InvalidToken: PSCOMPAT_AZURE_TOKEN holds a character a token cannot hold"),
        (TOKEN + "\x07", "InvalidToken: PSCOMPAT_AZURE_TOKEN holds a character a token cannot hold"),
        ("   \r\n", "InvalidToken: PSCOMPAT_AZURE_TOKEN holds only white space"),
    ],
    ids=["wrong", "newline-inside", "bell", "blank"],
)
def test_a_wrong_or_malformed_token_is_an_error_that_does_not_show_it(server, token, expected, tmp_path):
    out = run(SCRIPT.replace("{0}", uuid.uuid4().hex[:8]), classic(server, PSCOMPAT_AZURE_TOKEN=token))
    assert expected in out, out[:2000]
    assert_no_secret(out, token, TOKEN, OTHER_TOKEN, WIN_PASSWORD, LINUX_PASSWORD)


def test_a_service_quoting_the_request_body_does_not_show_the_password(echoing_server):
    out = run(SCRIPT.replace("{0}", uuid.uuid4().hex[:8]), classic(echoing_server, PSCOMPAT_AZURE_TOKEN=TOKEN))
    assert "BadRequest: Cannot process POST" in out, out[:2000]
    assert_no_secret(out, TOKEN, WIN_PASSWORD, LINUX_PASSWORD)


@pytest.mark.parametrize("kind", ["real", "garbage"])
def test_a_certificate_given_as_pem_text_never_shows_its_key(server, kind, tmp_path):
    """PEM text in PSCOMPAT_AZURE_CERT used to be printed (private key included) in the 'cannot
    load' error.  A real PEM now loads from memory; anything else is an error without it."""
    # the real one is the server's own management certificate: a certificate it did not sign
    # ends the TLS handshake (mutual TLS), as the service refused unknown certificates
    pem = server.cert.read_text() if kind == "real" else FAKE_PEM
    env = classic(server, PSCOMPAT_AZURE_TOKEN=TOKEN, PSCOMPAT_AZURE_CERT=pem)
    out = run(SCRIPT.replace("{0}", uuid.uuid4().hex[:8]), env)
    if kind == "garbage":
        assert "CertificateError: Cannot load the management certificate the PEM text in PSCOMPAT_AZURE_CERT" in out
    else:
        assert "CertificateError" not in out and "MyOldVmImage" in out, out[:2000]
    assert_no_secret(out, pem, TOKEN, WIN_PASSWORD, LINUX_PASSWORD)
    assert list(tmp_path.iterdir()) == []  # the PEM text was never written to a file
    # and a key in PSCOMPAT_AZURE_CERT_KEY as text
    key = pem[pem.index("-----BEGIN PRIVATE KEY-----") :]
    env.update(PSCOMPAT_AZURE_CERT="/nonexistent/cert.pem", PSCOMPAT_AZURE_CERT_KEY=key)
    out = run("Get-AzureVMImage -ImageName MyOldVmImage -Verbose -Debug", env)
    assert "CertificateError: Cannot load the management certificate '/nonexistent/cert.pem'" in out
    assert_no_secret(out, key)


def test_the_sandbox_keeps_no_password_and_its_files_are_private(tmp_path):
    home = tmp_path / "home"
    out = run(SCRIPT.replace("{0}", "sb"), {"PSCOMPAT_HOME": str(home), "PSCOMPAT_AZURE_BACKEND": "sandbox"})
    assert "---errors---" in out and "sec-win-sb" in out, out[:2000]
    assert_no_secret(out, WIN_PASSWORD, LINUX_PASSWORD)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for path in files_under(home):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert_no_secret(path.read_bytes().decode("latin-1"), WIN_PASSWORD, LINUX_PASSWORD)


def test_the_servers_stores_keep_no_secret(server):
    """What the server's sandboxes wrote during this module (its stores strip passwords)."""
    for path in files_under(server.root):
        assert_no_secret(path.read_bytes().decode("latin-1"), TOKEN, WIN_PASSWORD, LINUX_PASSWORD)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
