"""The sandbox backend on its own (no PowerShell engine): seeding with the reference catalog (docs/azure-classic-api.md §5),
relocation, reset/grow, streaming, the capture/delete semantics of docs/azure-classic-api.md §1.3–1.4, the async operation
pattern of docs/azure-classic-api.md §3.1, and crash safety with real processes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pscompat.azure.backends import catalog, sandbox, store
from pscompat.azure.backends.base import CloudError, current_backend
from pscompat.azure.backends.sandbox import SandboxBackend

REPO = Path(__file__).resolve().parents[1]
WS2012R2_MAY = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    return tmp_path


@pytest.fixture
def backend(home):
    b = SandboxBackend()
    yield b
    b.close()


def os_images(b) -> list[dict]:
    return list(b.list_os_images().value)


def vm_images(b) -> list[dict]:
    return list(b.list_vm_images().value)


def capture(b, service, vm, name, state=None):
    op = (
        {
            "OperationType": "CaptureRoleOperation",
            "PostCaptureAction": "Delete",
            "TargetImageName": name,
            "TargetImageLabel": name,
        }
        if state is None
        else {
            "OperationType": "CaptureRoleAsVMImageOperation",
            "OSState": state,
            "VMImageName": name,
            "VMImageLabel": name,
        }
    )
    return b.wait(b.role_operation(service, service, vm, op))


# --- seeding: the real catalog with its quirks (docs/azure-classic-api.md §5) --------------------
def test_catalog_has_the_29_public_os_images_in_recording_order(backend):
    images = os_images(backend)
    assert len(images) == 29
    assert images[0]["Name"] == ("a699494373c04fc0bc8f2bb1389d6106__Win2K8R2SP1-Datacenter-201503.01-en.us-127GB.vhd")
    assert images[-1]["Name"] == "810d5f35ce8748c686feabed1344911c__BarracudaNGFirewall-6.1.0-112"
    assert {i["Category"] for i in images} == {"Public"}
    assert {i["IOType"] for i in images} == {"Standard_LRS"}


@pytest.mark.parametrize(
    "name_part, field, expected",
    [
        # docs/azure-classic-api.md §5 quirks: "127GB" in Windows names but LogicalSizeInGB 128
        ("Windows-Server-2012-R2-201505.01", "LogicalSizeInGB", 128),
        # a "June 2015" label on a 201505.01 build
        ("Windows-Server-2012-Datacenter-201505.01", "Label", "Windows Server 2012 Datacenter, June 2015"),
        # OpenLogic images lack ImageFamily
        ("OpenLogic-CentOS-71-20150605", "ImageFamily", None),
        # ShowInGui absent for most, false for superseded Ubuntu, true for current
        ("Windows-Server-2012-R2-201505.01", "ShowInGui", None),
        ("Ubuntu-12_04_2-LTS", "ShowInGui", False),
        ("Ubuntu-14_04_2-LTS-amd64-server-20150610", "ShowInGui", True),
        # premium flags and L13 (no Australia) for Barracuda
        ("sles12-azure-guest-priority", "IsPremium", True),
        (
            "BarracudaNGFirewall",
            "Location",
            "East Asia;Southeast Asia;Brazil South;North Europe;West Europe;Japan East;"
            "Japan West;Central US;East US;East US 2;North Central US;South Central US;"
            "West US",
        ),
        ("Windows-Server-2012-R2-201505.01", "IconUri", "WindowsServer2012R2_100.png"),
        ("SQL-Server-2014-RTM", "PricingDetailLink", "http://go.microsoft.com/fwlink/?LinkId=271259"),
    ],
)
def test_catalog_quirks(backend, name_part, field, expected):
    image = next(i for i in os_images(backend) if name_part in i["Name"])
    assert image.get(field) == expected


def test_vm_images_are_the_two_public_ones_then_the_seed_docs_user_image(backend):
    images = vm_images(backend)
    assert [i["Name"].split("__")[-1] for i in images] == [
        "Microsoft-Azure-Site-Recovery-Master-Target-Server-201507.01",
        "ClouderaGolden-202406-699696",
        "MyOldVmImage",
    ]
    asr = images[0]
    assert asr["DataDiskConfigurations"][0]["LogicalDiskSizeInGB"] == 1023
    assert asr["CreatedTime"] == "1801-01-01T00:00:00Z"  # public images' placeholder (docs/azure-classic-api.md §3.3)
    assert images[2]["Category"] == "User"


@pytest.mark.parametrize(
    "service, vm, data_disks", [("myServiceName", "MyVMtoCapture", 0), ("mySvc2", "MyVMToCapture2", 1)]
)
def test_seed_doc_vms_are_stopped_and_ready_to_capture(backend, service, vm, data_disks):
    deployment = backend.get_deployment(service).value
    (role,), (instance,) = deployment["RoleList"], deployment["RoleInstanceList"]
    assert (role["RoleName"], instance["InstanceStatus"]) == (vm, "StoppedVM")
    assert role["OSVirtualHardDisk"]["SourceImageName"] == WS2012R2_MAY
    assert len(role["DataVirtualHardDisks"]) == data_disks


def test_pscompat_home_relocates_the_database(home):
    SandboxBackend().list_services()
    assert (home / store.DB_NAME).exists()
    assert store.db_path() == home / store.DB_NAME


def test_default_home_is_under_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.delenv("PSCOMPAT_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert store.db_path() == tmp_path / "pscompat" / store.DB_NAME


def test_database_is_in_wal_mode(backend):
    assert backend.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_current_backend_follows_pscompat_home(home, tmp_path_factory, monkeypatch):
    first = current_backend()
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path_factory.mktemp("other")))
    assert current_backend() is not first


# --- state, reset, grow ---------------------------------------------------------------------
def test_state_persists_across_backend_instances_and_reset_restores_it(home):
    b = SandboxBackend()
    capture(b, "mySvc2", "MyVMToCapture2", "persisted", "Specialized")
    b.close()
    assert "persisted" in [i["Name"] for i in vm_images(SandboxBackend())]
    sandbox.reset()
    assert "persisted" not in [i["Name"] for i in vm_images(SandboxBackend())]


def test_grow_adds_synthetic_images_after_the_real_ones_and_is_idempotent(home):
    assert store.grow(500) == 500
    assert store.grow(300) == 0
    assert store.grow(600) == 100
    names = [i["Name"] for i in os_images(SandboxBackend())]
    assert len(names) == 629 and names[29].startswith(catalog.SYNTHETIC_PREFIX)
    assert len(set(names)) == 629


def test_listing_streams_rows_one_at_a_time(home, monkeypatch):
    store.grow(2000)
    decoded = []
    real_loads = json.loads
    monkeypatch.setattr(sandbox.json, "loads", lambda s: decoded.append(1) or real_loads(s))
    rows = SandboxBackend().list_os_images().value
    next(rows)
    rows.close()
    assert len(decoded) == 1  # Select -First 1 on 2029 images decodes one row


def test_cli_path_reset_grow_check(home):
    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "pscompat.azure.sandbox", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "PSCOMPAT_HOME": str(home)},
            cwd=REPO,
        )

    assert cli("path").stdout.strip() == str(home / store.DB_NAME)
    assert cli("grow", "10").stdout.startswith("added 10 synthetic images")
    assert cli("check").stdout.strip() == "consistent"
    assert cli("reset").returncode == 0
    assert cli("bogus").returncode == 2


# --- capture, delete (docs/azure-classic-api.md §1.3, §1.4) -----------------------------------
def test_os_image_capture_registers_a_user_image_and_deletes_the_vm(backend):
    capture(backend, "myServiceName", "MyVMtoCapture", "golden")
    image = backend.get_os_image("GOLDEN").value  # names are case-insensitive (docs/azure-classic-api.md §7.2)
    assert (image["Category"], image["OS"], image["OSState"]) == ("User", "Windows", "Generalized")
    assert store.blob_exists(backend.conn, image["MediaLink"])
    with pytest.raises(CloudError) as err:  # the last VM took its deployment along
        backend.get_deployment("myServiceName")
    assert err.value.code == "ResourceNotFound"
    assert store.check() == []


@pytest.mark.parametrize("state, vm_survives", [("Specialized", True), ("Generalized", False)])
def test_vm_image_capture_copies_all_disks(backend, state, vm_survives):
    capture(backend, "mySvc2", "MyVMToCapture2", "img", state)
    image = next(i for i in vm_images(backend) if i["Name"] == "img")
    day = image["CreatedTime"][:10]
    assert image["OSDiskConfiguration"]["Name"] == f"img-os-{day}"  # naming of docs/azure-classic-api.md §3.3
    assert [d["Name"] for d in image["DataDiskConfigurations"]] == [f"img-datadisk-0-{day}"]
    assert (image["ServiceName"], image["RoleName"], image["RoleStateOnCapture"]) == (
        "mySvc2",
        "MyVMToCapture2",
        "StoppedVM",
    )
    try:
        backend.get_deployment("mySvc2")
        survived = True
    except CloudError:
        survived = False
    assert survived is vm_survives
    assert store.check() == []


def test_same_name_capture_fails_as_a_failed_operation_or_conflict(backend):
    capture(backend, "mySvc2", "MyVMToCapture2", "dup", "Specialized")
    with pytest.raises(CloudError) as err:
        capture(backend, "mySvc2", "MyVMToCapture2", "dup", "Specialized")
    assert err.value.code == "ConflictError"


@pytest.mark.parametrize("delete_vhd, blobs_left", [(False, 2), (True, 0)])
def test_delete_vm_image_keeps_vhds_unless_asked(backend, delete_vhd, blobs_left):
    old = next(i for i in vm_images(backend) if i["Name"] == "MyOldVmImage")
    links = [old["OSDiskConfiguration"]["MediaLink"]] + [d["MediaLink"] for d in old["DataDiskConfigurations"]]
    backend.wait(backend.delete_vm_image("myoldvmimage", delete_vhd))
    assert sum(store.blob_exists(backend.conn, link) for link in links) == blobs_left


def test_unknown_os_image_is_the_servers_404(backend):
    with pytest.raises(CloudError) as err:
        backend.get_os_image("nope")
    assert (err.value.http_status, str(err.value)) == (
        404,
        "ResourceNotFound: The image with the specified name does not exist.",
    )  # [rec S15]
    assert len(err.value.request_id) == 32


def test_platform_images_cannot_be_deleted(backend):
    with pytest.raises(CloudError) as err:
        backend.delete_os_image(WS2012R2_MAY)
    assert err.value.http_status == 403


# --- the async operation pattern (docs/azure-classic-api.md §3.1) -----------------------------
def test_async_operation_is_in_progress_until_its_duration_passes(home, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_SANDBOX_LATENCY", "0.4")
    b = SandboxBackend()
    response = b.role_operation("mySvc2", "mySvc2", "MyVMToCapture2", {"OperationType": "StartRoleOperation"})
    assert response.http_status == 202
    first = b.get_operation_status(response.request_id)
    assert first.status == "InProgress" and 0 <= first.percent < 100
    assert b.get_deployment("mySvc2").value["RoleInstanceList"][0]["InstanceStatus"] == "StoppedVM"
    seen = []
    done = b.wait(response, progress=seen.append)
    assert done.status == "Succeeded" and done.id.count("-") == 4  # dashed GUID (docs/azure-classic-api.md §1.1)
    assert b.get_deployment("mySvc2").value["RoleInstanceList"][0]["InstanceStatus"] == "ReadyRole"
    assert seen[-1].status == "Succeeded"


def test_validation_errors_come_back_synchronously(backend):
    with pytest.raises(CloudError) as err:
        backend.role_operation("mySvc2", "mySvc2", "NoSuchVM", {"OperationType": "StartRoleOperation"})
    assert err.value.http_status == 404
    assert backend.conn.execute("SELECT COUNT(*) FROM operations").fetchone()[0] == 0


def test_operation_of_a_dead_process_is_marked_failed(backend):
    with store.transaction(backend.conn) as conn:
        conn.execute(
            "INSERT INTO operations (id, kind, status, payload, pid, started, duration) VALUES "
            "('ab' || hex(randomblob(15)), 'power', 'InProgress', '{}', 999999999, 0, 0)"
        )
    rid = backend.conn.execute("SELECT id FROM operations").fetchone()[0]
    op = backend.get_operation_status(rid)
    assert (op.status, op.error_code) == ("Failed", "InternalError")


# --- crash safety and concurrency with real processes ---------------------------------------------
def _python(code: str, home: Path, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PSCOMPAT_HOME": str(home), **env},
    )


CAPTURE_SCRIPT = """
    from pscompat.azure.backends.sandbox import SandboxBackend
    b = SandboxBackend()
    op = {"OperationType": "CaptureRoleAsVMImageOperation", "OSState": "Generalized", "VMImageName": "crash",
          "VMImageLabel": "crash"}
    b.wait(b.role_operation("mySvc2", "mySvc2", "MyVMToCapture2", op))
    print("captured")
"""


def _assert_untouched_after_crash(home: Path):
    b = SandboxBackend(home)
    assert store.check(home) == []
    assert "crash" not in [i["Name"] for i in vm_images(b)]
    assert b.get_deployment("mySvc2").value["RoleList"][0]["RoleName"] == "MyVMToCapture2"
    assert [row[0] for row in b.conn.execute("SELECT status FROM operations")] == ["Failed"]


def test_process_killed_mid_capture_leaves_the_store_consistent(home):
    SandboxBackend(home).list_services()  # create the store before racing it
    proc = _python(CAPTURE_SCRIPT, home, PSCOMPAT_SANDBOX_LATENCY="30")
    db = sqlite3.connect(home / store.DB_NAME)
    deadline = time.time() + 20
    while not db.execute("SELECT 1 FROM operations WHERE status = 'InProgress'").fetchone():
        assert time.time() < deadline and proc.poll() is None, proc.stderr.read() if proc.poll() is not None else ""
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    db.close()
    _assert_untouched_after_crash(home)


# The process dies after every write of the capture and before COMMIT: the test replaces the
# backend's apply step from outside with one that applies, then kills the process.
DYING_CAPTURE_SCRIPT = (
    """
    import os
    from pscompat.azure.backends.sandbox import SandboxBackend
    apply = SandboxBackend.apply_operation
    def apply_then_die(self, conn, kind, payload):
        apply(self, conn, kind, payload)
        if kind == "capture_vm_image":
            os._exit(86)
    SandboxBackend.apply_operation = apply_then_die
"""
    + CAPTURE_SCRIPT
)


def test_process_dying_inside_the_capture_transaction_rolls_it_back(home):
    proc = _python(DYING_CAPTURE_SCRIPT, home)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 86 and "captured" not in out, err
    _assert_untouched_after_crash(home)


WRITER_SCRIPT = """
    import sys
    from pscompat.azure.backends.sandbox import SandboxBackend
    tag = sys.argv[1] if len(sys.argv) > 1 else "{tag}"
    b = SandboxBackend()
    for i in range(40):
        b.add_os_image({{"Name": f"{tag}-{{i}}", "Label": f"{tag} {{i}}", "OS": "Linux",
                         "MediaLink": f"https://pscompatsandbox.blob.core.windows.net/vhds/{tag}-{{i}}.vhd"}})
        b.wait(b.create_vm_image({{"Name": f"{tag}-vm-{{i}}", "Label": "x", "OSDiskConfiguration": {{
            "OS": "Linux", "OSState": "Generalized", "HostCaching": "ReadWrite", "LogicalDiskSizeInGB": 30}}}}))
        if i % 2:
            b.delete_os_image(f"{tag}-{{i - 1}}", True)
            b.wait(b.delete_vm_image(f"{tag}-vm-{{i - 1}}"))
    print("done")
"""


def test_two_processes_saving_and_removing_images_lose_nothing(home):
    SandboxBackend(home).list_services()
    procs = [_python(WRITER_SCRIPT.format(tag=tag), home) for tag in ("left", "right")]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.strip() == "done", err
    b = SandboxBackend(home)
    os_names = {i["Name"] for i in os_images(b)}
    vm_names = {i["Name"] for i in vm_images(b)}
    for tag in ("left", "right"):
        assert {f"{tag}-{i}" for i in range(40) if i % 2} <= os_names
        assert not {f"{tag}-{i}" for i in range(40) if not i % 2} & os_names
        assert {f"{tag}-vm-{i}" for i in range(40) if i % 2} <= vm_names
        assert not {f"{tag}-vm-{i}" for i in range(40) if not i % 2} & vm_names
    assert len(os_names) == 29 + 40 and store.check(home) == []
