"""`pscompat serve --api arm` as a process: the classic image cmdlets with
PSCOMPAT_AZURE_BACKEND=arm against it over TLS with a bearer token, through several pages of a
list and an operation that takes several polls (the server's --page-size and --operation-polls).
The fault-injection cases (429 with Retry-After, 503, 401 and token refresh) run against the
process too, through its --fault option (tests/test_serve_faults.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOKEN = "serve-arm-token"


@pytest.fixture
def arm_serve(tmp_path):
    log = tmp_path / "requests.log"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pscompat",
            "serve",
            "--api",
            "arm",
            "--port",
            "0",
            "--home",
            str(tmp_path / "server"),
            "--ca-file",
            str(tmp_path / "ca.pem"),
            "--token",
            TOKEN,
            "--log",
            str(log),
            "--page-size",
            "1",
            "--operation-polls",
            "3",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    first, second = proc.stdout.readline(), proc.stdout.readline()
    url = re.search(r" on (https://\S+) ", first)
    subscription = re.search(r"subscription ([0-9a-f-]{36})", second)
    if not url or not subscription:
        proc.kill()
        pytest.fail(f"pscompat serve --api arm did not start: {first!r} {second!r}")
    env = {
        **os.environ,
        "PSCOMPAT_HOME": str(tmp_path / "client"),
        "PSCOMPAT_AZURE_BACKEND": "arm",
        "PSCOMPAT_AZURE_ENDPOINT": url.group(1),
        "PSCOMPAT_AZURE_SUBSCRIPTION": subscription.group(1),
        "PSCOMPAT_AZURE_TOKEN": TOKEN,
        "PSCOMPAT_AZURE_POLL_INTERVAL": "0",
        "SSL_CERT_FILE": str(tmp_path / "ca.pem"),
    }
    yield env, log
    proc.terminate()
    assert proc.wait(timeout=30) == 0  # a graceful stop


def _pscompat(env, script):
    return subprocess.run(
        # (the mapping's one-per-session warnings about classic properties ARM has no field for aside)
        [sys.executable, "-m", "pscompat", "-c", "$WarningPreference = 'SilentlyContinue'\n" + script],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_capture_list_and_remove_over_arm_through_the_served_process(arm_serve):
    env, log = arm_serve
    capture = _pscompat(
        env,
        "$ConfirmPreference = 'None'\n"
        "Save-AzureVMImage -ServiceName myServiceName -Name MyVMtoCapture -ImageName img-one -OSState Generalized | Out-Null\n"
        "Save-AzureVMImage -ServiceName mySvc2 -Name MyVMToCapture2 -ImageName img-two -OSState Generalized | Out-Null\n"
        "(Get-AzureVMImage | Sort-Object ImageName | ForEach-Object ImageName) -join ','",
    )
    assert capture.returncode == 0, capture.stderr
    assert capture.stdout.strip() == "img-one,img-two"
    lines = log.read_text(encoding="utf-8").splitlines()
    assert not any(TOKEN in line for line in lines)  # the log never shows the credential
    image_lists = [line for line in lines if "GET" in line and re.search(r"/images\?|/images ", line)]
    assert len(image_lists) >= 2  # one image per page: the list followed nextLink
    monitors = [line for line in lines if "GET" in line and "/operations/" in line.lower()]
    assert len(monitors) >= 3  # each capture's operation took several polls
    removed = _pscompat(env, "Remove-AzureVMImage -ImageName img-one | Out-Null; (Get-AzureVMImage).ImageName")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.split() == ["img-two"]


def test_a_wrong_token_is_refused(arm_serve):
    env, _ = arm_serve
    done = _pscompat({**env, "PSCOMPAT_AZURE_TOKEN": "not-the-token"}, "Get-AzureVMImage")
    assert done.returncode != 0 or done.stderr
    assert "not-the-token" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
