"""The VM, service and subscription cmdlets through the engine, the example scripts, and two
`pscompat -c` processes capturing and removing at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from serve_process import classic_home

import pscompat
from pscompat.azure.backends import store
from pscompat.azure.backends.sandbox import SandboxBackend
from pscompat.azure.cmdlets import common
from pscompat.azure.models import NS

REPO = Path(__file__).resolve().parents[1]
WS2012R2_MAY = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"
UBUNTU = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_2-LTS-amd64-server-20150610-en-us-30GB"
QUICK_VM = (
    f"New-AzureQuickVM -Windows -ServiceName qsvc -Name q1 -ImageName '{WS2012R2_MAY}' -AdminUsername admin1 "
    "-Password 'Pa55word!' -InstanceSize Small -Location 'West US'"
)


@pytest.fixture(autouse=True, params=["sandbox", "classic"])
def home(request, tmp_path, monkeypatch):
    """Every case runs on the embedded sandbox and through the classic REST backend (see
    test_azure_images.py)."""
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    return classic_home(request, monkeypatch) if request.param == "classic" else tmp_path


def ok(script: str, **variables):
    result = pscompat.run(script, **variables)
    assert not result.errors, [e.message for e in result.errors]
    return result


def errors(script: str) -> list[str]:
    return [e.message for e in pscompat.run(script).errors]


def instance(service: str, vm: str) -> dict:
    deployment = SandboxBackend().get_deployment(service).value
    return next(i for i in deployment["RoleInstanceList"] if i["RoleName"] == vm)


def role(service: str, vm: str) -> dict:
    return next(r for r in SandboxBackend().get_deployment(service).value["RoleList"] if r["RoleName"] == vm)


# --- Get-AzureVM (docs/azure-classic-api.md §1.7) -------------------------------------------------
def test_get_azurevm_without_parameters_lists_every_vm_as_list_contexts():
    result = ok("Get-AzureVM")
    assert [(v.ServiceName, v.Name, v.Status) for v in result] == [
        ("myServiceName", "MyVMtoCapture", "StoppedVM"),
        ("mySvc2", "MyVMToCapture2", "StoppedVM"),
    ]
    assert type(result[0]).__name__ == "PersistentVMRoleListContext"
    lines = str(result).strip().splitlines()
    assert lines[0].split() == ["ServiceName", "Name", "Status"]  # the S10 table view


def test_get_azurevm_by_service_and_name():
    (vm,) = ok("Get-AzureVM -ServiceName mysvc2 -Name myvmtocapture2")
    assert (vm.Name, vm.DeploymentName, vm.InstanceSize, vm.OperationStatus) == (
        "MyVMToCapture2",
        "mySvc2",
        "Small",
        "OK",
    )
    assert ok(f"(Get-AzureVM mySvc2 MyVMToCapture2) -is [{NS}PersistentVMRoleContext]") == [True]
    assert len(vm.VM.DataVirtualHardDisks) == 1


def test_get_azurevm_of_an_empty_service_warns():
    result = pscompat.run("Get-AzureVM -ServiceName nosvc")
    assert (list(result), result.warnings) == ([], ["No deployment found in service: 'nosvc'."])  # S9


# --- power state: Stop (-StayProvisioned, -Force), Start, Restart ---------------------------------------
@pytest.mark.parametrize(
    "script, status, ip_kept",
    [
        ("Stop-AzureVM qsvc q1 -StayProvisioned", "StoppedVM", True),
        ("Stop-AzureVM -ServiceName qsvc -Name q1 -Force", "StoppedDeallocated", False),
        ("Stop-AzureVM qsvc q1 -Force | Out-Null; Start-AzureVM qsvc q1", "ReadyRole", True),
        ("Restart-AzureVM -ServiceName qsvc -Name q1", "ReadyRole", True),
        ("Get-AzureVM qsvc q1 | Stop-AzureVM -StayProvisioned", "StoppedVM", True),
        ("Stop-AzureVM -ServiceName qsvc -VM (Get-AzureVM qsvc q1).VM -StayProvisioned", "StoppedVM", True),
    ],
)
def test_power_operations(script, status, ip_kept):
    ok(QUICK_VM)
    result = ok(script)
    assert result[-1].OperationDescription.split()[0] in script
    assert result[-1].OperationStatus == "Succeeded"
    got = instance("qsvc", "q1")
    assert (got["InstanceStatus"], got["IpAddress"] is not None) == (status, ip_kept)


def test_stopping_the_last_vm_without_force_asks_and_a_host_that_cannot_ask_refuses():
    ok(QUICK_VM)
    # docs/azure-classic-api.md §1.7: ShouldContinue, and the Python API cannot ask
    result = pscompat.run("Stop-AzureVM qsvc q1")
    assert [e.message for e in result.errors] == [
        "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
    ]
    assert instance("qsvc", "q1")["InstanceStatus"] == "ReadyRole"
    ok("Stop-AzureVM qsvc q1 -Force")
    assert instance("qsvc", "q1")["InstanceStatus"] == "StoppedDeallocated"


def test_stop_with_wildcards_stops_every_match():
    ok(QUICK_VM)
    ok(
        f"New-AzureQuickVM -Windows -ServiceName qsvc -Name q2 -ImageName '{WS2012R2_MAY}' -AdminUsername a "
        "-Password 'Pa55word!'"
    )
    assert len(ok("Stop-AzureVM qsvc q* -StayProvisioned")) == 2


def test_stop_what_if_changes_nothing():
    ok(QUICK_VM)
    ok("Stop-AzureVM qsvc q1 -Force -WhatIf")
    assert instance("qsvc", "q1")["InstanceStatus"] == "ReadyRole"


# --- creating VMs ---------------------------------------------------------------------------------
def test_quick_vm_creates_service_deployment_and_vm():
    (context,) = ok(QUICK_VM + " -Verbose")
    assert context.OperationStatus == "Succeeded"
    (svc,) = ok("Get-AzureService -ServiceName qsvc")
    assert (svc.Location, svc.Label) == ("West US", "qsvc")
    got = role("qsvc", "q1")
    assert got["OSVirtualHardDisk"]["SourceImageName"] == WS2012R2_MAY
    assert [e["LocalPort"] for e in got["ConfigurationSets"][-1]["InputEndpoints"]] == [3389, 5986]


@pytest.mark.parametrize(
    "script, message",
    [
        (
            QUICK_VM.replace("'West US'", "'West US'") + "; " + QUICK_VM.replace("q1", "q9"),
            "Service already exists, Location cannot be specified.",
        ),  # NewQuickVM.cs
        (QUICK_VM.replace(" -Location 'West US'", "").replace("qsvc", "nosvc"), common.SERVICE_MISSING),
        (QUICK_VM.replace("Pa55word!", "simple"), "Password does not meet complexity requirements."),
        (
            f"New-AzureQuickVM -Linux -ServiceName l -ImageName '{UBUNTU}' -Password 'Pa55word!' -Location 'West US'",
            "Specify -LinuxUser when creating Linux Virtual Machines",
        ),
    ],
)
def test_quick_vm_errors(script, message):
    assert errors(script) == [message]


def test_linux_quick_vm_defaults_its_name_to_the_service():
    ok(
        f"New-AzureQuickVM -Linux -ServiceName lsvc -ImageName '{UBUNTU}' -LinuxUser azureuser -Password 'Pa55word!' "
        "-Location 'West US'"
    )
    got = role("lsvc", "lsvc")
    assert got["ConfigurationSets"][0]["UserName"] == "azureuser"
    assert "Pa55word!" not in store.db_path().read_bytes().decode("latin-1")  # passwords never stored


def test_vm_config_pipeline_with_new_data_disk():
    ok(
        f"$vm = New-AzureVMConfig -Name c1 -InstanceSize Medium -ImageName '{WS2012R2_MAY}' | "
        "Add-AzureProvisioningConfig -Windows -AdminUsername a -Password 'Pa55word!' | "
        "Add-AzureDataDisk -CreateNew -DiskSizeInGB 20 -DiskLabel logs -LUN 1 -HostCaching ReadOnly; "
        "New-AzureVM -ServiceName csvc -Location 'West US' -VMs $vm"
    )
    got = role("csvc", "c1")
    (disk,) = got["DataVirtualHardDisks"]
    assert (got["RoleSize"], disk["Lun"], disk["LogicalDiskSizeInGB"], disk["HostCaching"]) == (
        "Medium",
        1,
        20,
        "ReadOnly",
    )


def test_new_vm_without_location_into_a_missing_service_fails():
    assert errors(
        f"New-AzureVMConfig -Name c1 -InstanceSize Small -ImageName '{WS2012R2_MAY}' | New-AzureVM -ServiceName nosvc"
    ) == [common.SERVICE_MISSING]


def test_vm_from_a_vm_image_gets_the_images_data_disks():
    ok("New-AzureVMConfig -Name fromimg -InstanceSize Small -ImageName MyOldVmImage | New-AzureVM -ServiceName mySvc2")
    got = role("mySvc2", "fromimg")
    assert got["VMImageName"] == "MyOldVmImage"
    assert [(d["Lun"], d["LogicalDiskSizeInGB"]) for d in got["DataVirtualHardDisks"]] == [(0, 50)]


def test_new_vm_from_an_unknown_image_is_the_servers_404():
    (message,) = errors(
        "New-AzureVMConfig -Name x -InstanceSize Small -ImageName nope | New-AzureVM -ServiceName mySvc2"
    )
    assert message.startswith("ResourceNotFound: The image with the specified name does not exist.")


def test_update_vm_adds_and_imports_data_disks():
    ok(
        "Get-AzureVM mySvc2 MyVMToCapture2 | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel extra -LUN 1 | "
        "Update-AzureVM"
    )
    assert [d["Lun"] for d in role("mySvc2", "MyVMToCapture2")["DataVirtualHardDisks"]] == [0, 1]
    detached = role("myServiceName", "MyVMtoCapture")["OSVirtualHardDisk"]["DiskName"]
    ok("Remove-AzureVM -ServiceName myServiceName -Name MyVMtoCapture")  # its OS disk stays, detached
    import_disk = f"Add-AzureDataDisk -Import -DiskName '{detached}' -LUN 2 | Update-AzureVM"
    (message,) = errors(f"Get-AzureVM mySvc2 MyVMToCapture2 | {import_disk}")  # a Small VM takes 2 data disks
    assert message.startswith(
        "BadRequest: The maximum number of data disks allowed to be attached to a VM of this size is 2."
    )
    ok(f"$v = Get-AzureVM mySvc2 MyVMToCapture2; $v.VM.RoleSize = 'Medium'; $v | {import_disk}")
    assert role("mySvc2", "MyVMToCapture2")["DataVirtualHardDisks"][2]["DiskName"] == detached
    assert instance("mySvc2", "MyVMToCapture2")["InstanceSize"] == "Medium"


@pytest.mark.parametrize("switch, blobs_left", [("", 1), ("-DeleteVHD", 0)])
def test_remove_vm_keeps_disks_unless_delete_vhd(switch, blobs_left):
    link = role("myServiceName", "MyVMtoCapture")["OSVirtualHardDisk"]["MediaLink"]
    ok(f"Remove-AzureVM -ServiceName myServiceName -Name MyVMtoCapture {switch}")
    assert int(store.blob_exists(SandboxBackend().conn, link)) == blobs_left
    assert pscompat.run("Get-AzureVM myServiceName").warnings == ["No deployment found in service: 'myServiceName'."]


# --- services, locations, sizes, subscriptions -------------------------------------------------------
def test_service_lifecycle():
    ok("New-AzureService -ServiceName s1 -Location 'East US' -Label first")
    assert errors("New-AzureService s1 'East US'")[0].startswith(
        "ConflictError: The specified DNS name is already taken."
    )
    assert [s.ServiceName for s in ok("Get-AzureService")] == ["myServiceName", "mySvc2", "s1"]
    ok("Remove-AzureService -ServiceName s1 -Force")
    assert errors("Get-AzureService s1")[0].startswith("ResourceNotFound: The hosted service does not exist.")


def test_remove_service_with_vms_needs_delete_all():
    assert errors("Remove-AzureService mySvc2 -Force")[0].startswith("ConflictError: ")
    ok("Remove-AzureService mySvc2 -DeleteAll -Force")
    assert [s.ServiceName for s in ok("Get-AzureService")] == ["myServiceName"]
    assert store.check() == []


def test_locations_and_role_sizes():
    locations = ok("Get-AzureLocation")
    assert len(locations) == 16 and locations[0].Name == "East Asia"
    (small,) = ok("Get-AzureRoleSize -InstanceSize small")
    assert (small.InstanceSize, small.Cores, small.MemoryInMb, small.MaxDataDiskCount) == ("Small", 1, 1792, 2)


def test_subscriptions_current_and_default():
    if os.environ.get("PSCOMPAT_AZURE_BACKEND") == "classic":
        pytest.skip("the classic backend knows only its configured subscription (test_azure_rest_classic)")
    subs = ok("Get-AzureSubscription")
    assert [(s.SubscriptionName, s.IsDefault, s.IsCurrent) for s in subs] == [
        ("pscompat sandbox", True, True),
        ("pscompat sandbox (test)", False, False),
    ]
    assert list(ok("Select-AzureSubscription -SubscriptionName 'pscompat sandbox (test)' -Default -PassThru")) == [True]
    assert [s.SubscriptionName for s in ok("Get-AzureSubscription -Default")] == ["pscompat sandbox (test)"]
    assert errors("Select-AzureSubscription -SubscriptionName nope") == ["The subscription 'nope' was not found."]


# --- examples and processes ---------------------------------------------------------------------------
def _pscompat(*args, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pscompat", *args],
        cwd=REPO,
        stdin=subprocess.DEVNULL,  # never a terminal: a question refuses, never waits
        capture_output=True,
        text=True,
        env={**os.environ, "PSCOMPAT_HOME": str(home)},
        timeout=120,
    )


# An unattended run gives its consent up front: seed-doc's generalized capture deletes a VM and
# asks first (ConfirmImpact High, pscompat's addition).
UNATTENDED = "$ConfirmPreference = 'None'; & ./{0}"


@pytest.mark.parametrize("script", ["examples/seed-doc.ps1", "examples/lifecycle.ps1"])
def test_example_scripts_run_clean_on_a_fresh_sandbox(script, home):
    done = _pscompat("-c", UNATTENDED.format(script), home=home)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert store.check(home) == []


def test_lifecycle_output():
    done = _pscompat("examples/lifecycle.ps1", home=Path(os.environ["PSCOMPAT_HOME"]))
    assert "web01-image web tier         1" in done.stdout  # found by DataDiskConfigurations, one data disk
    assert done.stdout.rstrip().endswith("Removed web01-image and lifecycle-svc")


def test_state_persists_between_pscompat_processes(home):
    assert (
        _pscompat("-c", "Save-AzureVMImage mySvc2 MyVMToCapture2 kept -OSState Specialized", home=home).returncode == 0
    )
    assert _pscompat("-c", "(Get-AzureVMImage kept).RoleName", home=home).stdout.strip() == "MyVMToCapture2"


def test_two_shells_capturing_and_removing_at_once_lose_nothing(home):
    SandboxBackend(home).list_services()
    shells = [
        subprocess.Popen(
            [sys.executable, "-m", "pscompat", "-c", script],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PSCOMPAT_HOME": str(home)},
        )
        for script in (
            'foreach ($i in 1..8) { Save-AzureVMImage mySvc2 MyVMToCapture2 "sp-$i" -OSState Specialized | Out-Null }',
            'Remove-AzureVMImage MyOldVmImage | Out-Null; foreach ($i in 1..8) { Add-AzureVMImage "os-$i" '
            '"https://pscompatsandbox.blob.core.windows.net/vhds/os-$i.vhd" Linux | Out-Null; '
            'if ($i % 2) { Remove-AzureVMImage "os-$i" -DeleteVHD | Out-Null } }',
        )
    ]
    for shell in shells:
        out, err = shell.communicate(timeout=120)
        assert shell.returncode == 0 and err == "", err
    names = {i["Name"] for i in SandboxBackend(home).list_os_images().value} | {
        i["Name"] for i in SandboxBackend(home).list_vm_images().value
    }
    assert {f"sp-{i}" for i in range(1, 9)} <= names
    assert {f"os-{i}" for i in (2, 4, 6, 8)} <= names and not {f"os-{i}" for i in (1, 3, 5, 7)} & names
    assert "MyOldVmImage" not in names and store.check(home) == []
