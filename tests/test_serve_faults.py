"""`pscompat serve --fault STATUS[xCOUNT][@PATH]` (docs/serve.md, Faults): the ARM backend's
429 backoff, 503 retry and 401 token refresh, and the classic backend's handling of a busy
service, tried against the server PROCESS; its request log is the record of what was asked
and answered (the in-process knobs of tests/arm_server.py cover the same ground for the app)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

import pscompat
from pscompat.azure.backends.base import current_backend

REPO = Path(__file__).resolve().parents[1]
TOKEN = "faults-token"
LIST = "Get-AzureVMImage | % ImageName"
CAPTURE = (
    "$ConfirmPreference = 'None'; $WarningPreference = 'SilentlyContinue'\n"
    "Save-AzureVMImage -ServiceName myServiceName -Name MyVMtoCapture -ImageName cap -OSState Generalized | Out-Null\n"
    "(Get-AzureVMImage -ImageName cap).ImageName"
)


class Served:
    """`pscompat serve` with the given options, on 127.0.0.1, TLS, its log in a file."""

    def __init__(self, root: Path, *options: str):
        self.root, self.log = root, root / "requests.log"
        command = [sys.executable, "-m", "pscompat", "serve", "--port", "0", "--home", str(root / "home")]
        command += ["--ca-file", str(root / "ca.pem"), "--token", TOKEN, "--log", str(self.log), *options]
        env = {**os.environ, "PSCOMPAT_SANDBOX_LATENCY": "0"}
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=REPO, env=env)
        self.banner = [self.proc.stdout.readline()]
        found = re.search(r" on (https://\S+) ", self.banner[0])
        if not found:
            self.stop()
            raise RuntimeError(f"pscompat serve did not start: {self.banner[0]!r}")
        self.url = found.group(1)
        while not self.banner[-1].startswith("  Ctrl-C"):
            self.banner.append(self.proc.stdout.readline())

    def lines(self, contains: str = "") -> list[str]:
        return [line for line in self.log.read_text(encoding="utf-8").splitlines() if contains.lower() in line.lower()]

    def statuses(self, contains: str = "") -> list[int]:
        return [int(re.search(r" (\d{3}) \d+ms ", line).group(1)) for line in self.lines(contains)]

    def stop(self) -> int | None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(30)
        self.proc.stdout.close()
        return self.proc.returncode


@pytest.fixture
def serve(tmp_path, monkeypatch):
    """serve(api, *options) -> a running Served the backend of this process points at."""
    started: list[Served] = []
    for name in [n for n in os.environ if n.startswith("PSCOMPAT_AZURE_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path / "client"))

    def start(api: str, *options: str) -> Served:
        server = Served(tmp_path, "--api", api, *options)
        started.append(server)
        monkeypatch.setenv("PSCOMPAT_AZURE_BACKEND", api)
        monkeypatch.setenv("PSCOMPAT_AZURE_ENDPOINT", server.url)
        monkeypatch.setenv("PSCOMPAT_AZURE_SUBSCRIPTION", str(uuid.uuid4()))
        monkeypatch.setenv("PSCOMPAT_AZURE_POLL_INTERVAL", "0")
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
        if api == "arm":
            monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", TOKEN)
        else:
            monkeypatch.setenv("PSCOMPAT_AZURE_CERT", str(tmp_path / "home" / "serve-tls" / "management.pem"))
        return server

    yield start
    for server in started:
        assert server.stop() == 0


def ok(script: str):
    result = pscompat.run(script)
    assert not result.errors, [e.message for e in result.errors]
    return result


# --- ARM ---------------------------------------------------------------------------------------------
def test_429_with_retry_after_is_waited_for_then_retried(serve):
    server = serve("arm", "--fault", "429x2@/images", "--fault-retry-after", "1")
    assert "  fault: the next 2 request(s) on paths containing /images answer 429\n" in server.banner
    began = time.monotonic()
    ok(LIST)
    assert time.monotonic() - began >= 2.0  # Retry-After: 1, twice
    assert server.statuses("/providers/Microsoft.Compute/images?")[:3] == [429, 429, 200]


def test_a_long_retry_after_is_capped(serve, monkeypatch):
    server = serve("arm", "--fault", "429@/images", "--fault-retry-after", "3600")
    monkeypatch.setenv("PSCOMPAT_AZURE_RETRY_CAP", "0.1")
    began = time.monotonic()
    ok(LIST)
    assert time.monotonic() - began < 30  # not an hour
    assert server.statuses("/providers/Microsoft.Compute/images?")[:2] == [429, 200]


def test_polls_wait_the_retry_after_of_the_operation(serve):
    serve("arm", "--operation-polls", "2", "--operation-retry-after", "7")
    waits: list[float] = []
    current_backend().client.sleep = waits.append  # the waits asked for, not waited
    assert list(ok(CAPTURE)) == ["cap"]
    assert waits and all(6 < w <= 7 for w in waits)  # 7 s less the time since the last request


def test_503_is_retried(serve):
    server = serve("arm", "--fault", "503@/virtualMachines", "--fault-retry-after", "0")
    assert list(ok("(Get-AzureVM -ServiceName mySvc2).Name")) == ["MyVMToCapture2"]
    assert server.statuses("/virtualMachines")[:2] == [503, 200]


def test_429_beyond_the_retries_is_a_powershell_error(serve, monkeypatch):
    server = serve("arm", "--fault", "429x5@/images", "--fault-retry-after", "0")
    monkeypatch.setenv("PSCOMPAT_AZURE_RETRIES", "2")
    result = pscompat.run(LIST)
    assert [e.message.splitlines()[0] for e in result.errors] == [
        "TooManyRequests: The request is being throttled. (pscompat serve --fault)"
    ]
    assert server.statuses("/images") == [429, 429, 429]  # the first try and two retries


def test_401_renews_the_token_and_repeats_the_request(serve):
    server = serve("arm", "--fault", "401@/generalize")
    assert list(ok(CAPTURE)) == ["cap"]
    assert server.statuses("/generalize") == [401, 200]
    assert not server.lines(TOKEN)  # the log never shows the credential


def test_a_second_401_in_a_row_is_an_error_that_does_not_show_the_token(serve):
    serve("arm", "--fault", "401x2@/images")
    result = pscompat.run(LIST)
    (error,) = result.errors
    assert error.message.startswith("ExpiredAuthenticationToken: The access token expiry has passed.")
    assert TOKEN not in error.message


def test_faults_during_a_long_running_operation_and_its_polls(serve):
    server = serve("arm", "--operation-polls", "3", "--fault", "503@/operations/", "--fault", "429@/images/cap")
    assert list(ok(CAPTURE)) == ["cap"]
    polls = server.statuses("/operations/")
    assert polls[0] == 503 and polls.count(200) >= 3  # several polls, one of them retried
    assert server.statuses("/images/cap")[:2] == [429, 201]


# --- classic -----------------------------------------------------------------------------------------
def test_a_busy_classic_service_is_a_powershell_error_with_its_code(serve):
    server = serve("classic", "--fault", "503@/services/images")
    result = pscompat.run("Get-AzureVMImage | select -First 1")
    (error,) = result.errors
    assert error.message.startswith("ServerBusy: The service is temporarily unavailable.")
    assert "Traceback" not in error.message
    assert list(ok("@(Get-AzureVMImage).Count -gt 0")) == [True]  # the fault is spent
    assert server.statuses("/services/images")[:2] == [503, 200]


# --- the option itself -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "spec, message",
    [
        ("429x0", "the count must be at least 1"),
        ("418", "status 418 is not one of 401, 403, 409, 429, 500, 503"),
        ("oops", "expected STATUS[xCOUNT][@PATH], e.g. 429x2@/images"),
    ],
)
def test_a_bad_fault_is_a_usage_error(tmp_path, spec, message):
    done = subprocess.run(
        [sys.executable, "-m", "pscompat", "serve", "--home", str(tmp_path), "--fault", spec],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
