"""The classic REST backend (pscompat/azure/backends/classic_rest.py) against `pscompat serve` in
its own process on 127.0.0.1, over mutual TLS (tests/serve_process.py).  The image cmdlets' cases
of test_azure_images.py also run through it; here: the example scripts give the same output on
both backends, the dicts equal the sandbox's, the wire (docs/azure-classic-api.md §3.1, §3.3, §3.4), errors and polling."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from serve_process import ServeProcess, Wire, use_classic

import pscompat
from pscompat.azure.backends.base import CloudError, current_backend
from pscompat.azure.backends.classic_xml import NS
from pscompat.azure.backends.sandbox import SandboxBackend

REPO = Path(__file__).resolve().parents[1]
WS2012R2_MAY = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"
OPERATION_ID_LINE = re.compile(r"\nOperationID : '[0-9a-f]{32}'$")


@pytest.fixture(autouse=True)
def home(classic_server, monkeypatch):
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    return use_classic(monkeypatch, classic_server, str(uuid.uuid4()))


def ok(script: str, **variables):
    result = pscompat.run(script, **variables)
    assert not result.errors, [e.message for e in result.errors]
    return result


def messages(script: str) -> list[str]:
    return [e.message for e in pscompat.run(script).errors]


@pytest.fixture
def wire(monkeypatch) -> Wire:
    return Wire(monkeypatch)


def calls(wire: Wire) -> list[tuple[str, str]]:
    """(method, path after the subscription) of the requests since the last clear()."""
    return [
        (r["method"], "/" + r["path"].lstrip("/").partition("/")[2] + ("?" + r["query"] if r["query"] else ""))
        for r in wire.requests
    ]


# --- the example scripts: the same text on both backends --------------------------------------------
_VOLATILE = [
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<guid>"),
    (re.compile(r"\b[0-9a-f]{32}\b"), "<rid>"),
    (re.compile(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d:\d\d [AP]M"), "<time>"),
    (re.compile(r"\d{1,2}:\d\d:\d\d [AP]M"), "<clock>"),
    (re.compile(r"\d{4}-\d\d-\d\d"), "<date>"),
    (re.compile(r"\d{14,}"), "<stamp>"),
]  # disk names carry their creation time


def _normalised(text: str) -> str:
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


@pytest.mark.parametrize("script", ["examples/seed-doc.ps1", "examples/lifecycle.ps1"])
def test_example_scripts_print_what_the_sandbox_prints(script, tmp_path):
    def cli(env: dict) -> subprocess.CompletedProcess:
        return subprocess.run(  # unattended: consent given up front (test_azure_compute.UNATTENDED)
            [sys.executable, "-m", "pscompat", "-c", f"$ConfirmPreference = 'None'; & '{REPO / script}'"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=REPO,
        )

    classic = cli(dict(os.environ))
    sandbox_env = {k: v for k, v in os.environ.items() if not k.startswith("PSCOMPAT_AZURE_")}
    sandbox = cli({**sandbox_env, "PSCOMPAT_HOME": str(tmp_path)})
    assert "Traceback" not in classic.stderr
    assert (classic.returncode, _normalised(classic.stdout), _normalised(classic.stderr)) == (
        sandbox.returncode,
        _normalised(sandbox.stdout),
        _normalised(sandbox.stderr),
    )


# --- resources are the sandbox's dicts ---------------------------------------------------------------
def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


READS = [
    ("list_os_images",),
    ("list_vm_images",),
    ("list_services",),
    ("list_locations",),
    ("list_role_sizes",),
    ("get_os_image", WS2012R2_MAY),
    ("get_service", "mySvc2"),
    ("get_deployment", "myServiceName"),
    ("get_deployment", "mySvc2"),
]


@pytest.mark.parametrize("call", READS, ids=lambda c: "-".join(c)[:40])
def test_rest_dicts_equal_the_sandbox_dicts(call, home):
    ok("Save-AzureVMImage mySvc2 MyVMToCapture2 captured -OSState Specialized")  # a user VM image, fresh times
    method, *args = call
    over_rest = getattr(current_backend(), method)(*args).value
    direct = getattr(SandboxBackend(home), method)(*args).value
    assert _plain(list(over_rest) if not isinstance(over_rest, dict) else over_rest) == _plain(
        list(direct) if not isinstance(direct, dict) else direct
    )


# --- the cmdlets around a capture (docs/azure-classic-api.md §1.3, §1.7), through the wire -----------
VM_CASES = [
    # (script, expected output of the check script)
    ("Stop-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 -Force", ["StoppedDeallocated"]),
    ("Start-AzureVM mySvc2 MyVMToCapture2", ["ReadyRole"]),
    ("Get-AzureVM mySvc2 MyVMToCapture2 | Stop-AzureVM -StayProvisioned", ["StoppedVM"]),
    ("Save-AzureVMImage mySvc2 MyVMToCapture2 gen -OSState Generalized -Confirm:$false", []),
    ("Save-AzureVMImage mySvc2 MyVMToCapture2 spec -OSState Specialized", ["StoppedVM"]),
    ("Save-AzureVMImage mySvc2 MyVMToCapture2 osimg -Confirm:$false", []),
]


@pytest.mark.parametrize("script, statuses", VM_CASES)
def test_vm_cmdlets_change_the_servers_state(script, statuses):
    ok(script)
    assert list(ok("Get-AzureVM -ServiceName mySvc2 | % Status")) == statuses


CAPTURE_CASES = [
    ("", "OSImageContext", "Generalized", 0),
    ("-OSState Generalized", "VMImageContext", "Generalized", 1),
    ("-OSState Specialized", "VMImageContext", "Specialized", 1),
]


@pytest.mark.parametrize("switch, type_name, state, data_disks", CAPTURE_CASES)
def test_captured_image_round_trip(switch, type_name, state, data_disks):
    ok(f"Save-AzureVMImage mySvc2 MyVMToCapture2 img -ImageLabel 'the label' {switch} -Confirm:$false")
    (image,) = ok("Get-AzureVMImage -ImageName img")
    assert (type(image).__name__, image.Label, image.Category) == (type_name, "the label", "User")
    if type_name == "VMImageContext":
        assert (image.OSDiskConfiguration.OSState, len(image.DataDiskConfigurations)) == (state, data_disks)
    ok("Remove-AzureVMImage img -DeleteVHD")
    assert messages("Get-AzureVMImage img")[0].startswith(
        "ResourceNotFound: The image with the specified name does not exist.\nOperationID : '"
    )


def test_get_vm_list_and_add_update_image():
    assert [(v.ServiceName, v.Name, v.Status) for v in ok("Get-AzureVM")] == [
        ("myServiceName", "MyVMtoCapture", "StoppedVM"),
        ("mySvc2", "MyVMToCapture2", "StoppedVM"),
    ]
    (image,) = ok(
        "Add-AzureVMImage -ImageName golden -MediaLocation "
        "https://pscompatsandbox.blob.core.windows.net/vhds/golden.vhd -OS Linux -ImageFamily web"
    )
    assert (image.ImageName, image.Label, image.ImageFamily, image.OS) == ("golden", "golden", "web", "Linux")
    (image,) = ok("Update-AzureVMImage golden -Label 'golden, v2' -Description d -DontShowInGui")
    assert (image.Label, image.Description, image.ShowInGui) == ("golden, v2", "d", False)


def test_the_subscription_is_the_configured_one(home):
    (sub,) = ok("Get-AzureSubscription")
    assert (sub.SubscriptionId, sub.SubscriptionName, sub.IsDefault, sub.IsCurrent) == (
        home.name,
        "pscompat sandbox",
        True,
        True,
    )  # the name comes from Get Subscription
    assert list(ok(f"Select-AzureSubscription -SubscriptionId {home.name} -Default -PassThru")) == [True]
    assert messages("Select-AzureSubscription -SubscriptionId 00000000-0000-0000-0000-000000000000 -Default") == [
        "The subscription '00000000-0000-0000-0000-000000000000' was not found."
    ]


# --- the wire (docs/azure-classic-api.md §3.1, §3.3, §3.4) -------------------------------------------
def test_every_request_carries_the_version_and_xml_bodies_use_the_namespace(wire):
    wire.clear()
    ok("Save-AzureVMImage mySvc2 MyVMToCapture2 wire -OSState Specialized; Get-AzureVMImage wire | Out-Null")
    requests = wire.requests
    assert requests and all(r["headers"].get("x-ms-version") for r in requests)
    bodies = [r for r in requests if r["body"]]
    assert bodies and all(
        f'xmlns="{NS}"' in r["body"] and r["headers"]["content-type"] == "application/xml" for r in bodies
    )
    (capture,) = [r["body"] for r in bodies if "CaptureRoleAsVMImageOperation" in r["body"]]
    # docs/azure-classic-api.md §3.4
    assert re.findall(r"<(\w+)>", capture) == ["OperationType", "OSState", "VMImageName", "VMImageLabel"]
    assert all(re.fullmatch(r"[0-9a-f]{32}", r["request_id"]) for r in requests)


BODY_ORDER = [  # (script, the body's root element, its children in order: docs/azure-classic-api.md §3.3 / §3.4)
    (
        "Add-AzureVMImage golden https://pscompatsandbox.blob.core.windows.net/vhds/golden.vhd Linux",
        "OSImage",
        ["Label", "MediaLink", "Name", "OS", "IsPremium", "ShowInGui"],  # both always sent (issue 14 §2)
    ),
    (
        "Save-AzureVMImage mySvc2 MyVMToCapture2 cap -ImageLabel 'a label' -Confirm:$false",
        "CaptureRoleOperation",
        ["OperationType", "PostCaptureAction", "TargetImageLabel", "TargetImageName"],
    ),
    (
        "Stop-AzureVM mySvc2 MyVMToCapture2 -StayProvisioned",
        "ShutdownRoleOperation",
        ["OperationType", "PostShutdownAction"],
    ),
    ("Update-AzureVMImage MyOldVmImage -Label new -ImageFamily fam", "VMImage", ["Label", "ImageFamily"]),
]


@pytest.mark.parametrize("script, root, children", BODY_ORDER)
def test_request_bodies_keep_the_element_order(classic_server, wire, script, root, children):
    wire.clear()
    ok(script)
    (body,) = [r["body"] for r in wire.requests if r["body"]]
    assert body.startswith(f'<{root} xmlns="{NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">')
    assert re.findall(r"<(\w+)>", body) == children


def test_save_runs_the_documented_call_sequence(wire):
    wire.clear()
    ok("Save-AzureVMImage mySvc2 MyVMToCapture2 seq -OSState Specialized")
    seen = calls(wire)
    assert [c for c in seen if not c[1].startswith("/operations/")] == [  # docs/azure-classic-api.md §3.5
        ("GET", "/services/hostedservices/mySvc2/deploymentslots/production"),
        ("GET", "/services/images/seq"),
        ("GET", "/services/vmimages"),
        ("POST", "/services/hostedservices/mySvc2/deployments/mySvc2/roleinstances/MyVMToCapture2/Operations"),
    ]
    accepted = [r for r in wire.requests if r["status"] == 202]
    assert len(accepted) == 1 and ("GET", f"/operations/{accepted[0]['request_id']}") in seen


def test_remove_with_delete_vhd_sends_comp_media(wire):
    wire.clear()
    ok("Remove-AzureVMImage MyOldVmImage -DeleteVHD")
    assert ("DELETE", "/services/vmimages/MyOldVmImage?comp=media") in calls(wire)


@pytest.mark.parametrize("status", [301, 302, 304, 307, 204])
@pytest.mark.parametrize(
    "script, method",
    [
        ("Remove-AzureVMImage MyOldVmImage -DeleteVHD", "DELETE"),  # async: 202 is its only success
        ("Remove-AzureVMImage golden -DeleteVHD", "DELETE"),  # sync OS image delete: 200 only
        ("Get-AzureVMImage MyOldVmImage", "GET"),
    ],
)
def test_a_status_the_operation_does_not_document_is_an_error(classic_server, wire, home, script, method, status):
    """Issue 10: a 3xx answer was taken for success (Remove-AzureVMImage said Succeeded, nothing
    was deleted).  Only the documented codes of §3.2 succeed; the redirect is not followed."""
    ok("Add-AzureVMImage golden -MediaLocation https://pscompatsandbox.blob.core.windows.net/vhds/g.vhd -OS Linux")
    wire.answer_next(status, method=method, location="https://elsewhere.example/x?sig=s3cr3tsig")
    (message,) = ok(f"try {{ {script} -ErrorAction Stop; 'not reached' }} catch {{ $_.Exception.Message }}")
    assert f"with {status} " in message and "not a success for this operation" in message, message
    assert "s3cr3tsig" not in message and "Succeeded" not in message
    # nothing was done, and nothing more was sent: the image is still there and still answers
    assert [(r["method"], r["status"]) for r in wire.requests][-1] == (method, status)
    assert list(ok("'MyOldVmImage', 'golden' | % { Get-AzureVMImage $_ } | % ImageName")) == ["MyOldVmImage", "golden"]


@pytest.mark.parametrize(
    "headers, code",
    [
        ({}, "MissingOrIncorrectVersionHeader"),
        ({"x-ms-version": "yesterday"}, "MissingOrIncorrectVersionHeader"),
        ({"x-ms-version": "2013-01-01"}, "MissingOrIncorrectVersionHeader"),  # List VM Images needs 2014-02-01
        ({"x-ms-version": "2016-03-01"}, None),
    ],
)
def test_server_checks_the_version_header(classic_server, headers, code):
    with classic_server.client() as client:
        reply = client.get(f"{classic_server.url}/{uuid.uuid4()}/services/vmimages", headers=headers)
    assert re.fullmatch(r"[0-9a-f]{32}", reply.headers["x-ms-request-id"])
    if code is None:
        assert reply.status_code == 200 and reply.text.startswith(f'<VMImages xmlns="{NS}"')
    else:
        assert reply.status_code == 400 and f"<Code>{code}</Code>" in reply.text


# --- errors reach the user as classic error records, never as Python tracebacks -----------------------
def test_an_error_body_becomes_code_message_and_operation_id(monkeypatch):
    monkeypatch.setenv("PSCOMPAT_AZURE_VERSION", "2013-01-01")
    result = pscompat.run("Get-AzureVMImage; 'after'")
    assert list(result)[-1] == "after"
    message = result.errors[0].message
    assert message.startswith(
        "MissingOrIncorrectVersionHeader: The versioning header is not specified or was specified incorrectly."
    ) and OPERATION_ID_LINE.search(message)


def test_an_unreachable_endpoint_is_a_plain_error(monkeypatch):
    monkeypatch.setenv("PSCOMPAT_AZURE_ENDPOINT", "http://127.0.0.1:9")  # discard port: nothing listens
    result = pscompat.run("Get-AzureVMImage; 'after'")
    assert list(result) == ["after"]
    (message,) = [e.message for e in result.errors]
    assert message.startswith("ConnectionFailed: An error occurred while sending the request to http://127.0.0.1:9/")
    assert "OperationID" not in message


@pytest.mark.parametrize(
    "variable, value, start",
    [
        ("PSCOMPAT_AZURE_SUBSCRIPTION", "", "MissingSubscription: "),
        ("PSCOMPAT_AZURE_CERT", "/nonexistent/cert.pem", "CertificateError: Cannot load the management certificate"),
    ],
)
def test_bad_configuration_is_reported(monkeypatch, variable, value, start):
    monkeypatch.setenv(variable, value)
    assert messages("Get-AzureVMImage")[0].startswith(start)


def test_cli_shows_the_error_text_not_a_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "pscompat", "-c", "Get-AzureVMImage -ImageName nope"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert "ResourceNotFound: The image with the specified name does not exist." in done.stderr
    assert "Traceback" not in done.stderr


# --- a slower, authenticated server: polling and the Bearer token ------------------------------------
@pytest.fixture(scope="module")
def slow_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("slow") / "home"
    with ServeProcess(home, token="t0ken", env={"PSCOMPAT_SANDBOX_LATENCY": "0.3"}) as s:
        yield s


def test_bearer_token_is_sent_and_required(slow_server, monkeypatch):
    use_classic(monkeypatch, slow_server, str(uuid.uuid4()), cert=False)
    assert messages("Get-AzureVMImage nope")[0].startswith("AuthenticationFailed: The server failed to authenticate")
    monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", "t0ken")
    assert ok(f"Get-AzureVMImage '{WS2012R2_MAY}'")[0].ImageName == WS2012R2_MAY


def test_an_accepted_operation_is_polled_until_it_succeeds(slow_server, monkeypatch, wire):
    use_classic(monkeypatch, slow_server, str(uuid.uuid4()), cert=False)
    monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", "t0ken")
    monkeypatch.setenv("PSCOMPAT_AZURE_POLL_INTERVAL", "0.05")
    wire.clear()
    session = pscompat.Session()
    (context,) = session.run("Stop-AzureVM mySvc2 MyVMToCapture2 -StayProvisioned")
    assert context.OperationStatus == "Succeeded"
    accepted = [r["request_id"] for r in wire.requests if r["status"] == 202]
    polls = [c for c in calls(wire) if c == ("GET", f"/operations/{accepted[0]}")]
    assert len(accepted) == 1 and len(polls) >= 3  # 0.3 s at 0.05 s a poll
    assert any(not r[3] for r in session.host.progress_records)  # Write-Progress while InProgress


def test_a_failed_operation_is_reported(slow_server, monkeypatch):
    use_classic(monkeypatch, slow_server, str(uuid.uuid4()), cert=False)
    monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", "t0ken")
    backend = current_backend()
    # Two captures to one name are both accepted; the second fails when it completes
    # (docs/azure-classic-api.md §3.4 Failed).
    capture = {
        "OperationType": "CaptureRoleAsVMImageOperation",
        "OSState": "Specialized",
        "VMImageName": "twice",
        "VMImageLabel": "twice",
    }
    first, second = (backend.role_operation("mySvc2", "mySvc2", "MyVMToCapture2", capture) for _ in range(2))
    assert (first.http_status, second.http_status) == (202, 202)
    assert backend.wait(first).status == "Succeeded"
    with pytest.raises(CloudError) as failed:
        backend.wait(second)
    assert (failed.value.code, failed.value.http_status, failed.value.request_id) == (
        "ConflictError",
        409,
        second.request_id,
    )


# --- provisioning passwords: sent to the service, never kept by the sandbox --------------------------
UBUNTU = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_2-LTS-amd64-server-20150506-en-us-30GB"


@pytest.mark.parametrize(
    "script, element",
    [
        (
            f"New-AzureQuickVM -Windows -ServiceName pw1 -Name w1 -ImageName '{WS2012R2_MAY}' -AdminUsername admin1 "
            "-Password 'Zx9!secretW' -Location 'West US'",
            "AdminPassword",
        ),
        (
            f"New-AzureQuickVM -Linux -ServiceName pw2 -Name l1 -ImageName '{UBUNTU}' -LinuxUser azureuser "
            "-Password 'Zx9!secretW' -Location 'West US'",
            "UserPassword",
        ),
    ],
)
def test_a_new_vm_sends_its_password_and_the_store_never_keeps_it(classic_server, wire, script, element):
    wire.clear()
    ok(script)
    bodies = [r["body"] for r in wire.requests if r["body"] and "ProvisioningConfiguration" in r["body"]]
    assert bodies and f"<{element}>Zx9!secretW</{element}>" in bodies[0]
    # Create Virtual Machine Deployment's order: the password follows the computer/user name
    body = bodies[0]
    name = "ComputerName" if element == "AdminPassword" else "UserName"
    assert body.index(f"<{name}>") < body.index(f"<{element}>")
    stored = b"".join(p.read_bytes() for p in Path(classic_server.root).rglob("*") if p.is_file())
    assert b"Zx9!secretW" not in stored
    assert "Zx9!secretW" not in str(ok("Get-AzureVM | Format-List * | Out-String"))
