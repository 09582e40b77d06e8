"""The image cmdlets through the engine (`pscompat.run`), on a fresh sandbox per test: the seed
document's commands as written, and the errors, warnings and verbose lines of the reference
(azure-classic.md; the S# tags name its sources)."""

from __future__ import annotations

import os
import re

import pytest
from serve_process import classic_home

import pscompat
from pscompat.azure.backends import store
from pscompat.azure.backends.base import CloudError
from pscompat.azure.backends.sandbox import SandboxBackend
from pscompat.azure.cmdlets import common
from pscompat.azure.models import NS

WS2012R2_MAY = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"
OPERATION_ID_LINE = re.compile(r"\nOperationID : '[0-9a-f]{32}'$")
VERBOSE = re.compile(r"^\d{1,2}:\d\d:\d\d [AP]M - (Begin|Completed) Operation: (.+)$")


@pytest.fixture(autouse=True, params=["sandbox", "classic"])
def home(request, tmp_path, monkeypatch):
    """Every case runs on the embedded sandbox and through the classic REST backend (a fake
    Service Management server over a sandbox of its own, whose store PSCOMPAT_HOME then names)."""
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    return classic_home(request, monkeypatch) if request.param == "classic" else tmp_path


def run(script: str, **variables):
    return pscompat.run(script, **variables)


def ok(script: str, **variables):
    result = run(script, **variables)
    assert not result.errors, [e.message for e in result.errors]
    return result


def image_names(kind: str = "") -> list[str]:
    b = SandboxBackend()
    rows = list(b.list_os_images().value) if kind != "vm" else []
    rows += list(b.list_vm_images().value) if kind != "os" else []
    return [r["Name"] for r in rows]


def vm_status(service: str, vm: str) -> str | None:
    try:
        deployment = SandboxBackend().get_deployment(service).value
    except CloudError as err:  # the deployment is gone; any other failure fails the test
        if err.http_status != 404:
            raise
        return None
    return next((i["InstanceStatus"] for i in deployment["RoleInstanceList"] if i["RoleName"] == vm), None)


# --- the seed document, as written (en dashes, gm, where, Select) ---------------------------------
def test_seed_get_all_images_os_first_then_vm():
    result = ok("Get-AzureVMImage")
    assert len(result) == 32  # 29 OS + 3 VM images (docs/azure-classic-api.md §5)
    kinds = [type(o).__name__ for o in result]
    assert kinds == ["OSImageContext"] * 29 + ["VMImageContext"] * 3  # OS images first (docs/azure-classic-api.md §1.2)


def test_seed_select_first_one():
    result = ok("Get-AzureVMImage | Select-Object -First 1")
    assert [o.ImageName for o in result] == [image_names("os")[0]]


def test_seed_image_family_filter():
    result = ok(
        "$family = 'Windows Server 2012 R2 Datacenter'; Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family}"
    )
    assert [o.Label for o in result] == [
        "Windows Server 2012 R2 Datacenter, March 2015",
        "Windows Server 2012 R2 Datacenter, April 2015",
        "Windows Server 2012 R2 Datacenter, May 2015",
    ]


def test_seed_select_image_family():
    result = ok("Get-AzureVMImage | select ImageFamily")
    assert len(result) == 32 and result[0].ImageFamily == "Windows Server 2008 R2 SP1"


def test_seed_find_vm_images_with_get_member():
    result = ok(
        "Get-AzureVMImage | where {(gm –InputObject $_ -Name DataDiskConfigurations) -ne $null} | "
        "Select -Property Label, ImageName"
    )
    assert [r.ImageName for r in result] == image_names("vm")
    assert result[2].Label == "My old VM image"


def test_seed_save_generalized_vm_image_deletes_the_vm():
    result = ok(
        'Save-AzureVMImage –ServiceName "myServiceName" –Name "MyVMtoCapture" –OSState "Generalized" '
        '–ImageName "MyVmImage" –ImageLabel "This is my generalized image" -Confirm:$false'  # it deletes the VM
    )
    (context,) = result
    assert type(context).__name__ == "ManagementOperationContext"  # OutputType (docs/azure-classic-api.md §1.3)
    assert (context.OperationDescription, context.OperationStatus) == ("Save-AzureVMImage", "Succeeded")
    # Dashed GUID (docs/azure-classic-api.md §1.1)
    assert re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", context.OperationId)
    image = ok('Get-AzureVMImage -ImageName "MyVmImage"')[0]
    assert (image.Label, image.OSDiskConfiguration.OSState) == ("This is my generalized image", "Generalized")
    # Generalized deletes the VM (docs/azure-classic-api.md §1.3 step 4)
    assert vm_status("myServiceName", "MyVMtoCapture") is None


def test_seed_save_specialized_with_verbose_keeps_the_vm():
    result = ok(
        'Save-AzureVMImage –ServiceName "mySvc2" –Name "MyVMToCapture2" –ImageName "myFirstVMImageSP" '
        '–OSState "Specialized" -Verbose'
    )
    assert [VERBOSE.match(line).groups() for line in result.verbose] == [
        ("Begin", "Save-AzureVMImage"),
        ("Completed", "Save-AzureVMImage"),
    ]  # [S19] transcript format
    assert result.warnings == []  # the seed VM is stopped: no running-VM warning
    image = ok('Get-AzureVMImage -ImageName "myFirstVMImageSP"')[0]
    assert len(image.DataDiskConfigurations) == 1  # all data disks are captured (docs/azure-classic-api.md §1.3 step 4)
    assert vm_status("mySvc2", "MyVMToCapture2") == "StoppedVM"


def test_seed_remove_image():
    (context,) = ok('Remove-AzureVMImage –ImageName "MyOldVmImage"')
    assert context.OperationDescription == "Remove-AzureVMImage"
    assert "MyOldVmImage" not in image_names()


# --- Get-AzureVMImage (docs/azure-classic-api.md §1.2) ----------------------------------------------
def test_unknown_image_is_a_non_terminating_resource_not_found():
    result = run("Get-AzureVMImage -ImageName nope; 'after'")
    assert list(result) == ["after"]  # non-terminating: the script goes on (docs/azure-classic-api.md §1.1)
    (error,) = result.errors
    assert error.message.startswith("ResourceNotFound: The image with the specified name does not exist.")  # S15
    assert OPERATION_ID_LINE.search(error.message)  # ComputeCloudException's line (S11)
    assert error.fully_qualified_error_id == f",{common.IAAS}DiskRepository.GetAzureVMImage"


def test_image_name_lookup_is_case_insensitive_and_by_position():
    assert ok("Get-AzureVMImage myoldvmimage")[0].ImageName == "MyOldVmImage"


def test_listing_runs_two_wrapped_calls():
    result = ok("Get-AzureVMImage -Verbose | Out-Null")
    assert [VERBOSE.match(v).group(1) for v in result.verbose] == ["Begin", "Completed", "Begin", "Completed"]


@pytest.mark.parametrize("name, type_name", [(WS2012R2_MAY, "OSImageContext"), ("MyOldVmImage", "VMImageContext")])
def test_type_names_for_is_and_gettype(name, type_name):
    result = ok(
        f"$i = Get-AzureVMImage -ImageName '{name}'; $i.GetType().FullName; "
        f"$i -is [{NS}OSImageContext]; $i -is [{NS}ManagementOperationContext]"
    )
    # VMImageContext is-a OSImageContext (docs/azure-classic-api.md §2.3)
    assert list(result) == [NS + type_name, True, True]


def test_only_vm_images_have_data_disk_configurations():
    result = ok(
        f"(Get-Member -InputObject (Get-AzureVMImage -ImageName '{WS2012R2_MAY}') "
        "-Name DataDiskConfigurations) -eq $null"
    )
    assert list(result) == [True]


def test_os_image_list_display_uses_the_2015_property_order():
    text = str(ok(f"Get-AzureVMImage -ImageName '{WS2012R2_MAY}'"))
    labels = [line.split(" :")[0].strip() for line in text.splitlines() if " : " in line or line.endswith(" :")]
    assert labels == [
        "AffinityGroup",
        "Category",
        "Label",
        "Location",
        "LogicalSizeInGB",
        "MediaLink",
        "ImageName",
        "OS",
        "Eula",
        "Description",
        "ImageFamily",
        "PublishedDate",
        "IsPremium",
        "IconUri",
        "SmallIconUri",
        "PrivacyUri",
        "RecommendedVMSize",
        "PublisherName",
        "IOType",
        "ShowInGui",
        "OperationDescription",
        "OperationId",
        "OperationStatus",
    ]  # docs/azure-classic-api.md §2.2 recommendation
    # Labels padded to 20 chars (docs/azure-classic-api.md §2.5)
    assert "OperationDescription : Get-AzureVMImage" in text


# --- Save-AzureVMImage (docs/azure-classic-api.md §1.3) -------------------------------------------
SAVE_CASES = [
    # (script, warnings, error) -- docs/azure-classic-api.md §1.8 texts [S9]
    (
        "Save-AzureVMImage -ServiceName nosvc -Name novm -ImageName x",
        [
            "No deployment found in service: 'nosvc'.",
            "No VM deployment found by service name 'nosvc' and VM name 'novm'.",
        ],
        None,
    ),
    (
        "Save-AzureVMImage mySvc2 MyVMToCapture2 MyOldVmImage",
        [],
        "There is another image in 'VMImage' type found with the same name 'MyOldVmImage' exists; WAPS will stop here "
        "to avoid duplicates and potential conflicts. Please use another name for the image.",
    ),
    (
        f"Save-AzureVMImage mySvc2 MyVMToCapture2 '{WS2012R2_MAY}' -OSState Generalized",
        [],
        f"There is another image in 'OSImage' type found with the same name '{WS2012R2_MAY}' exists; WAPS will stop "
        "here to avoid duplicates and potential conflicts. Please use another name for the image.",
    ),
    (
        "Start-AzureVM mySvc2 MyVMToCapture2 | Out-Null; Save-AzureVMImage mySvc2 MyVMToCapture2 hot -OSState Specialized",
        [
            "VM image capture operation is trigged while VM is still running. As this may cause data corruption while "
            "creating VMs from this image, we recommend using Stop-AzureVM to stop the VM before capturing."
        ],
        None,
    ),
]


@pytest.mark.parametrize("script, warnings, error", SAVE_CASES)
def test_save_warnings_and_collision_errors(script, warnings, error):
    result = run(script)
    assert result.warnings == warnings
    assert [e.message for e in result.errors] == ([error] if error else [])


def test_save_without_os_state_captures_an_os_image_and_deletes_the_vm():
    ok(
        "Save-AzureVMImage -ServiceName myServiceName -Name MyVMtoCapture -NewImageName osimg -NewImageLabel 'os image' "
        "-Confirm:$false"
    )
    image = ok("Get-AzureVMImage -ImageName osimg")[0]
    assert (type(image).__name__, image.Label, image.Category) == ("OSImageContext", "os image", "User")
    assert vm_status("myServiceName", "MyVMtoCapture") is None


def test_save_binds_service_and_name_from_get_azurevm():
    ok("Get-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 | Save-AzureVMImage -ImageName piped -OSState Specialized")
    assert ok("Get-AzureVMImage piped")[0].RoleName == "MyVMToCapture2"


def test_save_shows_progress_while_the_capture_runs(monkeypatch):
    if os.environ.get("PSCOMPAT_AZURE_BACKEND") == "classic":
        pytest.skip("the latency is the server's (test_azure_rest_classic covers polling)")
    monkeypatch.setenv("PSCOMPAT_SANDBOX_LATENCY", "0.3")
    session = pscompat.Session()
    session.run("Save-AzureVMImage mySvc2 MyVMToCapture2 slow -OSState Specialized")
    records = session.host.progress_records
    assert records and records[-1][3] is True  # completed record last
    assert any(not r[3] and 0 <= r[2] < 100 for r in records)


def test_save_rejects_an_unknown_os_state():
    result = run("Save-AzureVMImage mySvc2 MyVMToCapture2 x -OSState Frozen")
    assert 'does not belong to the set "Generalized,Specialized"' in result.errors[0].message


# --- Remove / Add / Update (docs/azure-classic-api.md §1.4–1.6) ---------------------------------------
DUPLICATE = (
    "Duplicate names 'MyOldVmImage' found in both VM and OS images. Please delete one of them, using other "
    "method such as Portal or Invoke-RestMethod call, and try again."
)  # docs/azure-classic-api.md §1.8 [S9]


def plant_os_twin_of_my_old_vm_image() -> None:
    """An OS image named like the VM image MyOldVmImage, as a store of an older pscompat (or a
    service that allows it) may hold: the store itself refuses to make one (test_azure_data_safety)."""
    conn = SandboxBackend().conn
    twin = {"Name": "MyOldVmImage", "Label": "twin", "OS": "Windows", "Category": "User", "LogicalSizeInGB": 128}
    with store.transaction(conn):
        for trigger in ("os_image_name_is_free", "vm_image_name_is_free"):
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("INSERT INTO os_images (name, body) VALUES (?, ?)", ("MyOldVmImage", store.dumps(twin)))
        store.create_schema(conn)


@pytest.mark.parametrize("script", ["Remove-AzureVMImage MyOldVmImage", "Update-AzureVMImage MyOldVmImage -Label x"])
def test_name_in_both_repositories_is_refused(script):
    run("Get-AzureVMImage MyOldVmImage")  # the store exists
    plant_os_twin_of_my_old_vm_image()
    result = run(script)
    assert [e.message for e in result.errors] == [DUPLICATE]
    assert image_names().count("MyOldVmImage") == 2


def test_remove_unknown_image_is_the_os_image_404():
    (error,) = run("Remove-AzureVMImage -ImageName nope").errors
    assert error.message.startswith("ResourceNotFound: The image with the specified name does not exist.\n")


@pytest.mark.parametrize("switch, blobs_kept", [("", True), ("-DeleteVHD", False)])
def test_remove_keeps_vhds_unless_delete_vhd(switch, blobs_kept):
    link = next(i for i in SandboxBackend().list_vm_images().value if i["Name"] == "MyOldVmImage")[
        "OSDiskConfiguration"
    ]["MediaLink"]
    ok(f"Remove-AzureVMImage MyOldVmImage {switch}")
    assert store.blob_exists(SandboxBackend().conn, link) is blobs_kept


def test_add_os_image_set_returns_the_image():
    image = ok(
        "Add-AzureVMImage -ImageName golden-web -MediaLocation "
        "https://pscompatsandbox.blob.core.windows.net/vhds/golden-web.vhd -OS Linux -Label 'golden web' "
        "-ImageFamily web -RecommendedVMSize Small -ShowInGui"
    )[0]
    assert (image.ImageName, image.Category, image.OS, image.ImageFamily, image.ShowInGui) == (
        "golden-web",
        "User",
        "Linux",
        "web",
        True,
    )
    assert image.OperationDescription == "Add-AzureVMImage"


def test_add_os_image_twice_is_a_conflict():
    script = "Add-AzureVMImage g https://pscompatsandbox.blob.core.windows.net/vhds/g.vhd Windows"
    ok(script)
    assert run(script).errors[0].message.startswith("ConflictError: ")


def test_add_vm_image_set_from_a_disk_config():
    from pscompat.azure.models import DataDiskConfiguration, OSDiskConfiguration, VirtualMachineImageDiskConfigSet

    config = VirtualMachineImageDiskConfigSet(
        OSDiskConfiguration=OSDiskConfiguration(
            OS="Linux", OSState="Generalized", HostCaching="ReadWrite", LogicalDiskSizeInGB=30
        ),
        DataDiskConfigurations=[DataDiskConfiguration(Lun=0, HostCaching="None", LogicalDiskSizeInGB=10)],
    )
    (context,) = ok("Add-AzureVMImage -ImageName fromcfg -DiskConfig $cfg -Label cfg", cfg=config)
    assert type(context).__name__ == "ManagementOperationContext"
    image = ok("Get-AzureVMImage fromcfg")[0]
    assert (image.OS, len(image.DataDiskConfigurations)) == ("Linux", 1)


def test_update_os_image_metadata_and_dont_show_in_gui():
    ok("Add-AzureVMImage g https://pscompatsandbox.blob.core.windows.net/vhds/g.vhd Windows")
    image = ok("Update-AzureVMImage -ImageName g -Label relabeled -Description d -DontShowInGui")[0]
    assert (image.Label, image.Description, image.ShowInGui) == ("relabeled", "d", False)


def test_update_vm_image_returns_an_operation_and_changes_the_label():
    (context,) = ok("Update-AzureVMImage MyOldVmImage 'new label' -ImageFamily fam")
    assert type(context).__name__ == "ManagementOperationContext"
    image = ok("Get-AzureVMImage MyOldVmImage")[0]
    assert (image.Label, image.ImageFamily) == ("new label", "fam")


def test_update_platform_image_is_refused():
    assert run(f"Update-AzureVMImage '{WS2012R2_MAY}' -Label x").errors[0].message.startswith("Forbidden: ")


def test_empty_image_name_fails_validation():
    error = run("Get-AzureVMImage -ImageName ''").errors[0]
    assert error.message.startswith("Cannot validate argument on parameter 'ImageName'. The argument is null or empty.")


def test_image_name_completion_comes_from_the_backend():
    assert common.complete_image_names(None, "myold") == ["MyOldVmImage"]
