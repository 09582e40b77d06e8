"""Issue 10, the Azure data-safety items, on the sandbox backend with real processes: one image
name is never both an OS image and a VM image (a constraint of the store, raced by two processes),
`Remove-AzureVMImage -DeleteVHD` never deletes the blob of a disk in use."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import pscompat
from pscompat.azure.backends import store
from pscompat.azure.backends.base import CloudError
from pscompat.azure.backends.sandbox import SandboxBackend

REPO = Path(__file__).resolve().parents[1]
BLOB = "https://pscompatsandbox.blob.core.windows.net/vhds/"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    return tmp_path


def ok(script: str):
    result = pscompat.run(script)
    assert not result.errors, [e.message for e in result.errors]
    return list(result)


def errors(script: str) -> list[str]:
    return [e.message for e in pscompat.run(script).errors]


def pscompat_process(script: str, home: Path, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pscompat", "-c", script],
        cwd=REPO,
        env={**os.environ, "PSCOMPAT_HOME": str(home), **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def names_in_both(home: Path) -> list[str]:
    backend = SandboxBackend(home)
    try:
        os_names = {i["Name"].lower() for i in backend.list_os_images().value}
        return sorted(i["Name"] for i in backend.list_vm_images().value if i["Name"].lower() in os_names)
    finally:
        backend.close()


# --- one name, one image -----------------------------------------------------------------------------
CONFLICT = "ConflictError: An image with the name '{0}' already exists."


@pytest.mark.parametrize(
    "script, expected",
    [
        (f"Add-AzureVMImage MyOldVmImage -MediaLocation {BLOB}x.vhd -OS Windows", CONFLICT.format("MyOldVmImage")),
        (f"Add-AzureVMImage myoldvmimage -MediaLocation {BLOB}x.vhd -OS Windows", CONFLICT.format("myoldvmimage")),
        # the cmdlet's own check comes first (§1.3 step 2)
        ("Save-AzureVMImage mySvc2 MyVMToCapture2 myOLDvmImage", "There is another image in 'VMImage' type"),
    ],
)
def test_a_name_taken_by_the_other_kind_of_image_is_a_conflict(home, script, expected):
    assert errors(script)[-1].startswith(expected)
    assert names_in_both(home) == []


def test_an_os_capture_and_a_vm_capture_racing_for_one_name_make_one_image(home):
    """Two processes capture two VMs under one new name, an OS image and a VM image: both pass
    the cmdlet's GetImageType check (the name is free) and both operations are in progress at
    once; the store lets the first to complete have the name, the second fails with the
    service's conflict.  Before the constraint both succeeded and the name became unremovable."""
    pscompat.run("Get-AzureVMImage MyOldVmImage")  # seed the store before the race
    slow = {"PSCOMPAT_SANDBOX_LATENCY": "2"}
    procs = [
        pscompat_process("Save-AzureVMImage myServiceName MyVMtoCapture dup | % OperationStatus", home, **slow),
        pscompat_process(
            "Save-AzureVMImage mySvc2 MyVMToCapture2 dup -OSState Specialized | % OperationStatus", home, **slow
        ),
    ]
    results = [p.communicate(timeout=120) for p in procs]
    outputs = sorted(out.strip() for out, _ in results)
    assert outputs == ["", "Succeeded"], results
    (failure,) = [err for out, err in results if not out.strip()]
    assert CONFLICT.format("dup") in failure and "Traceback" not in failure
    assert names_in_both(home) == []
    assert ok("Remove-AzureVMImage dup | % OperationStatus") == ["Succeeded"]


RACE = textwrap.dedent(
    """
    import sys
    from pscompat.azure.backends.base import CloudError
    from pscompat.azure.backends.sandbox import SandboxBackend
    kind, start = sys.argv[1], float(sys.argv[2])
    b = SandboxBackend()
    b.list_os_images().value.close()
    import time
    time.sleep(max(0, start - time.time()))
    won = 0
    for n in range(60):
        name = f"race-{n}"
        try:
            if kind == "os":
                b.add_os_image({"Name": name, "Label": name, "OS": "Linux",
                                "MediaLink": f"https://pscompatsandbox.blob.core.windows.net/vhds/{name}-os.vhd"})
            else:
                b.create_vm_image({"Name": name.upper(), "Label": name, "OSDiskConfiguration": {
                    "HostCaching": "ReadWrite", "OSState": "Generalized", "OS": "Linux", "LogicalDiskSizeInGB": 30,
                    "MediaLink": f"https://pscompatsandbox.blob.core.windows.net/vhds/{name}-vm.vhd"}})
            won += 1
        except CloudError as err:
            assert err.code == "ConflictError", err
    print(won)
    """
)


def test_two_processes_adding_os_and_vm_images_of_the_same_names_never_make_both(home):
    store.open_store(store.db_path()).close()
    start = time.time() + 1.5
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, kind, str(start)],
            cwd=REPO,
            env={**os.environ, "PSCOMPAT_HOME": str(home)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for kind in ("os", "vm")
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    assert sum(int(out) for out, _ in results) == 60  # every name went to exactly one of them
    assert names_in_both(home) == []
    assert store.check() == []


def test_a_version_1_store_gets_the_constraint_and_check_reports_old_duplicates(home):
    conn = store.open_store(store.db_path())
    with store.transaction(conn):
        for trigger in ("os_image_name_is_free", "vm_image_name_is_free"):
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
        conn.execute("INSERT INTO os_images (name, body) VALUES ('MyOldVmImage', '{}')")  # the old race's result
    conn.close()
    backend = SandboxBackend(home)
    with pytest.raises(CloudError, match="already exists"):
        backend.add_os_image({"Name": "myOldVMimage", "Label": "x", "OS": "Linux", "MediaLink": f"{BLOB}y.vhd"})
    backend.close()
    problems = store.check()
    assert any("MyOldVmImage is both an OS image and a VM image" in p for p in problems), problems


# --- -DeleteVHD never deletes a blob a disk or another image still uses --------------------------------
OS_DISK = "$link = (Get-AzureVM myServiceName MyVMtoCapture).VM.OSVirtualHardDisk.MediaLink; "
IN_USE = (
    "BadRequest: A disk with name {disk} is currently in use by virtual machine MyVMtoCapture running within "
    "hosted service myServiceName, deployment myServiceName."
)
LEASE = "BadRequest: A lease conflict occurred with the blob {link}."


def vm_os_disk() -> tuple[str, str]:
    disk = ok("(Get-AzureVM myServiceName MyVMtoCapture).VM.OSVirtualHardDisk")[0]
    return disk.DiskName, disk.MediaLink


ADD_FROM_VM = OS_DISK + "Add-AzureVMImage fromvm -MediaLocation $link -OS Windows | Out-Null"


@pytest.mark.parametrize(
    "setup, remove, expected, vm_left",
    [
        # an OS image registered over the VHD of a VM's OS disk: the VM still uses it
        (ADD_FROM_VM, "Remove-AzureVMImage fromvm -DeleteVHD", IN_USE, True),
        # the VM went (its disk stays in the repository, holding the VHD's lease)
        (
            ADD_FROM_VM + "; Remove-AzureVM -ServiceName myServiceName -Name MyVMtoCapture | Out-Null",
            "Remove-AzureVMImage fromvm -DeleteVHD",
            LEASE,
            False,
        ),
        # the VM goes with -DeleteVHD while an image still uses its VHD
        (ADD_FROM_VM, "Remove-AzureVM -ServiceName myServiceName -Name MyVMtoCapture -DeleteVHD", LEASE, True),
    ],
)
def test_delete_vhd_refuses_a_blob_still_in_use(home, setup, remove, expected, vm_left):
    """Issue 10: Remove-AzureVMImage -DeleteVHD deleted the blob of a disk a VM still used.  The
    service refuses the whole request (nothing is deleted) with its in-use or lease-conflict text."""
    disk, link = vm_os_disk()
    ok(setup)
    result = pscompat.run(remove)
    assert [e.message.split("\n")[0] for e in result.errors] == [expected.format(disk=disk, link=link)]
    backend = SandboxBackend(home)
    try:
        assert store.blob_exists(backend.conn, link)
        assert backend.get_os_image("fromvm").value["MediaLink"] == link
    finally:
        backend.close()
    vms = ok("Get-AzureVM -ServiceName myServiceName | % Name")
    assert ("MyVMtoCapture" in vms) is vm_left
    assert store.check() == []
    # without -DeleteVHD, or once nothing else uses the VHD, the image goes
    assert ok("Remove-AzureVMImage fromvm | % OperationStatus") == ["Succeeded"]
