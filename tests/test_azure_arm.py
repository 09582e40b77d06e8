"""The classic image cmdlets over Azure Resource Manager (PSCOMPAT_AZURE_BACKEND=arm) end to end,
against the sandbox served as ARM (pscompat/azure/server/arm.py) over TLS by tests/arm_server.py:
the seed lines, a capture/list/remove flow, paging, several polls, errors.  Throttling and
authentication are in test_azure_arm_wire.py, Microsoft's SDK in test_azure_arm_sdk.py."""

from __future__ import annotations

import json
import ssl

import pytest
from arm_server import SUBSCRIPTION, ArmServer

import pscompat
from pscompat.azure.backends.base import current_backend
from pscompat.azure.backends.sandbox import SandboxBackend

SEED_CAPTURE = (
    "$ConfirmPreference = 'None'; Save-AzureVMImage –ServiceName 'myServiceName' –Name 'MyVMtoCapture' "
    "–OSState 'Generalized' –ImageName 'MyVmImage' –ImageLabel 'This is my generalized image'"
)
WS2012R2 = "MicrosoftWindowsServerGroup:Windows:Windows-Server-2012-R2-Datacenter"


@pytest.fixture
def server(tmp_path, monkeypatch, request):
    options = getattr(request, "param", {})
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    monkeypatch.delenv("PSCOMPAT_AZURE_GALLERY", raising=False)
    monkeypatch.delenv("PSCOMPAT_AZURE_MARKETPLACE", raising=False)
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path / "client-home"))
    with ArmServer(tmp_path / "home", tmp_path, token="sandbox-token", **options) as srv:
        srv.use(monkeypatch)
        yield srv


def run(script: str):
    return pscompat.run(script)


def ok(script: str):
    result = run(script)
    assert not result.errors, [e.message for e in result.errors]
    return result


def requests(server, method: str | None = None, contains: str = "") -> list[tuple[str, str, int]]:
    return [r for r in server.app.log if (method is None or r[0] == method) and contains.lower() in r[1].lower()]


def add_user_images(server, names: list[str]) -> None:
    """User OS images written to the served store directly (as the classic API would add them)."""
    sandbox = SandboxBackend(server.app.path.parent)
    try:
        for name in names:
            sandbox.add_os_image(
                {
                    "Name": name,
                    "Label": name,
                    "OS": "Linux",
                    "MediaLink": f"https://x.blob.core.windows.net/v/{name}.vhd",
                }
            )
    finally:
        sandbox.close()


# --- the seed document's lines ----------------------------------------------------------------------
def test_seed_capture_lists_and_removes_a_managed_image_over_arm(server):
    ok(SEED_CAPTURE)
    posts = [path.split("?")[0].rsplit("/", 1)[-1] for _, path, _ in requests(server, "POST")]
    assert posts == ["deallocate", "generalize"]
    assert requests(server, "PUT", "/images/MyVmImage")[0][2] == 201
    found = ok("Get-AzureVMImage | where {$_.Category -eq 'User'} | sort PublishedDate -Desc | select -First 1")
    image = found[0]
    assert (image.ImageName, image.Label, image.OS, image.Location) == (
        "MyVmImage",
        "This is my generalized image",
        "Windows",
        "westus",
    )
    assert image.PublishedDate is not None and image.IconUri is None
    ok("Remove-AzureVMImage –ImageName 'MyVmImage'")
    assert requests(server, "DELETE", "/images/MyVmImage")[0][2] == 202
    gone = run("Get-AzureVMImage -ImageName MyVmImage; 'after'")
    assert list(gone) == ["after"]  # not found is non-terminating: `if (!$image)` scripts go on
    assert [e.message.splitlines()[0] for e in gone.errors] == [
        "ResourceNotFound: The image with the specified name does not exist."
    ]


def test_generalized_vm_is_kept_but_cannot_start_again(server):
    warnings = [str(w) for w in ok(SEED_CAPTURE).warnings]
    assert [w for w in warnings if "generalized" in w] == [
        "ARM backend: VM 'MyVMtoCapture' is deallocated and generalized; unlike the classic service, it was not "
        "deleted, and it cannot be started again (delete it with Remove-AzVM when it is no longer needed)."
    ]
    vm = ok("Get-AzureVM -ServiceName myServiceName -Name MyVMtoCapture")[0]
    assert vm.InstanceStatus == "StoppedDeallocated"
    failed = run("Start-AzureVM -ServiceName myServiceName -Name MyVMtoCapture")
    assert any("is not allowed on VM 'MyVMtoCapture' since the VM is generalized" in e.message for e in failed.errors)


def test_unmapped_properties_warn_once_per_session(server):
    ok(SEED_CAPTURE)
    first = ok("Get-AzureVMImage -ImageName MyVmImage; Get-AzureVMImage -ImageName MyVmImage")
    again = ok("Get-AzureVMImage -ImageName MyVmImage")
    warnings = [str(w) for w in first.warnings]
    assert len([w for w in warnings if "no ARM equivalent" in w]) == 1
    assert "IconUri" in warnings[0] and "$null" in warnings[0]
    assert not [w for w in again.warnings if "no ARM equivalent" in str(w)]


def test_specialized_capture_without_a_gallery_is_refused_with_a_stable_id(server):
    result = run(
        "Save-AzureVMImage –ServiceName 'mySvc2' –Name 'MyVMToCapture2' –ImageName 'sp' –OSState 'Specialized'"
    )
    assert [e.fully_qualified_error_id.split(",")[0] for e in result.errors] == ["NotSupportedOnArm"]
    assert "PSCOMPAT_AZURE_GALLERY" in result.errors[0].message
    assert requests(server, "POST") == []


def test_capture_asks_first_and_whatif_changes_nothing(server):
    asked = run("Save-AzureVMImage -ServiceName myServiceName -Name MyVMtoCapture -ImageName img")
    assert asked.errors and "NonInteractive" in asked.errors[0].message
    what_if = run("Save-AzureVMImage -ServiceName myServiceName -Name MyVMtoCapture -ImageName img -WhatIf")
    assert not what_if.errors
    assert requests(server, "POST") == [] and requests(server, "PUT") == []


def test_marketplace_images_by_location_publisher_offer_and_sku(server):
    images = ok(
        "Get-AzureVMImage -Location westus -PublisherName MicrosoftWindowsServerGroup -Offer Windows "
        "-Skus Windows-Server-2012-R2-Datacenter | sort PublishedDate -Desc"
    )
    assert [i.ImageName for i in images] == [
        f"{WS2012R2}:{v}" for v in ("3.0.20150522", "2.0.20150417", "1.0.20150312")
    ]
    newest = images[0]
    assert (newest.Category, newest.OS, newest.PublisherName, newest.ImageFamily) == (
        "Public",
        "Windows",
        "MicrosoftWindowsServerGroup",
        WS2012R2,
    )
    assert newest.PublishedDate.strftime("%Y-%m-%d") == "2015-05-22"  # derived from the version


@pytest.mark.parametrize(
    "name, version",
    [(f"{WS2012R2}:2.0.20150417", "2.0.20150417"), (f"{WS2012R2}:latest", "3.0.20150522")],
)
def test_marketplace_image_by_urn(server, name, version):
    image = ok(f"Get-AzureVMImage -ImageName '{name}'")[0]
    assert image.ImageName == f"{WS2012R2}:{version}"


ERROR_CASES = [
    # script, FullyQualifiedErrorId prefix, message start
    (
        f"Remove-AzureVMImage -ImageName '{WS2012R2}:latest'",
        "MarketplaceImageNotRemovable",
        "OperationNotAllowed: ",
    ),
    # a missing image: the classic text and (empty) error id, as on the other backends
    ("Get-AzureVMImage -ImageName no-such-image", "", "ResourceNotFound: The image with"),
    ("Get-AzureVMImage -ImageName 'nogroup/img'", "", "ResourceNotFound: The image with"),
    (
        "New-AzureService -ServiceName x -Location 'West US'",
        "NotSupportedOnArm",
        "NotSupportedOnArm: New-AzureService is not supported",
    ),
    ("Get-AzureVMImage -Location westus", "", "-Location and -PublisherName are needed"),
    (
        "$ConfirmPreference='None'; Save-AzureVMImage -ServiceName myServiceName -Name nobody -ImageName i",
        "ResourceNotFound",
        "ResourceNotFound: The Resource 'Microsoft.Compute/virtualMachines/nobody'",
    ),
]


@pytest.mark.parametrize("script, error_id, message", ERROR_CASES)
def test_errors_are_powershell_errors(server, script, error_id, message):
    result = run(script + "; 'went on'")
    assert list(result)[-1:] == ["went on"]
    assert len(result.errors) == 1, [e.message for e in result.errors]
    assert result.errors[0].message.startswith(message)
    assert result.errors[0].fully_qualified_error_id.split(",")[0] == error_id


# --- paging and long-running operations -------------------------------------------------------------
@pytest.mark.parametrize("server", [{"page_size": 2}], indirect=True)
def test_paging_follows_next_link_lazily(server):
    add_user_images(server, [f"img{n}" for n in range(5)])
    names = ok("Get-AzureVMImage | % ImageName")
    assert list(names) == [f"img{n}" for n in range(5)]
    pages = requests(server, "GET", "/providers/Microsoft.Compute/images")
    assert len(pages) == 3 and "$skiptoken=4" in pages[-1][1].replace("%24", "$")
    server.app.log.clear()
    first = ok("Get-AzureVMImage | select -First 1 | % ImageName")
    assert list(first) == ["img0"]
    assert len(requests(server, "GET", "/providers/Microsoft.Compute/images")) == 1  # one page read


@pytest.mark.parametrize("server", [{"polls": 3}], indirect=True)
def test_operations_that_take_several_polls(server):
    ok(SEED_CAPTURE)
    monitors = requests(server, "GET", "/operations/")
    assert len(monitors) == 6  # deallocate and image creation, three polls each
    backend = current_backend()
    response = backend.delete_os_image("MyVmImage")
    seen = []
    while True:
        operation = backend.get_operation_status(response.request_id)
        seen.append((operation.status, operation.detail))
        if operation.done:
            break
    assert seen[0] == ("InProgress", "Deleting image 'MyVmImage'") and seen[-1][0] == "Succeeded"
    assert len(requests(server, "GET", "/operationresults/")) == 3  # the Location header's URL


def test_images_are_addressed_by_group_and_name(server):
    add_user_images(server, ["shared"])  # in the default group of older images
    ok(SEED_CAPTURE.replace("MyVmImage", "solo"))
    assert ok("Get-AzureVMImage -ImageName pscompat-images/shared")[0].ImageName == "shared"
    assert ok("Get-AzureVMImage -ImageName myServiceName/solo")[0].ImageName == "solo"


# --- the answers have the shapes of the published examples (tests/fixtures/arm-examples/) ------
def _examples_dir():
    from pathlib import Path

    return Path(__file__).resolve().parent / "fixtures" / "arm-examples"  # copies, README.md says whence


def _paths(value, prefix: str = "") -> set[str]:
    """The key paths of a JSON value (`properties.storageProfile.dataDisks[].lun`); tags are free-form."""
    if isinstance(value, dict):
        found = set()
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found.add(path)
            if key != "tags":
                found |= _paths(item, path)
        return found
    if isinstance(value, list):
        return set().union(*(_paths(item, prefix + "[]") for item in value)) if value else set()
    return set()


# Fields the spec defines that the examples happen not to show (azure-arm.md §1.2: Image.tags,
# ImageProperties.hyperVGeneration; §1.4: VirtualMachineImageProperties.architecture).
SCHEMA_ONLY = {"tags", "properties.hyperVGeneration", "properties.architecture"}

SHAPES = [
    # (our request, example files whose 200 bodies together allow every key we answer)
    (
        "/resourceGroups/myServiceName/providers/Microsoft.Compute/images/MyVmImage",
        ["Image_Get.json", "Image_CreateFromAVM.json"],
    ),
    ("/providers/Microsoft.Compute/images", ["Image_ListBySubscription.json", "Image_ListByResourceGroup.json"]),
    (
        "/providers/Microsoft.Compute/locations/westus/publishers",
        ["VirtualMachineImage_ListPublishers_MaximumSet_Gen.json"],
    ),
    (
        "/providers/Microsoft.Compute/locations/westus/publishers/MicrosoftWindowsServerGroup/artifacttypes/vmimage/offers/Windows/skus",
        ["VirtualMachineImage_ListSkus_MaximumSet_Gen.json"],
    ),
    (
        "/providers/Microsoft.Compute/locations/westus/publishers/MicrosoftWindowsServerGroup/artifacttypes/vmimage/offers/Windows/skus/Windows-Server-2012-R2-Datacenter/versions/3.0.20150522",
        ["VirtualMachineImage_Get_MaximumSet_Gen.json"],
    ),
]


@pytest.mark.parametrize("path, examples", SHAPES)
def test_answers_use_only_the_fields_of_the_published_examples(server, path, examples):
    import httpx

    folder = _examples_dir()
    ok(SEED_CAPTURE)
    allowed: set[str] = set()
    for name in examples:
        example = json.loads((folder / name).read_text())
        allowed |= _paths(example["responses"]["200"]["body"])
    if any(a.startswith("value[]") for a in allowed):  # a list's items may carry what one image shows
        for name in ("Image_Get.json", "Image_CreateFromAVM.json"):
            one = _paths(json.loads((folder / name).read_text())["responses"]["200"]["body"])
            allowed |= {"value[]." + p for p in one}
    allowed |= {prefix + field for prefix in ("", "value[].") for field in SCHEMA_ONLY}
    reply = httpx.get(
        f"{server.url}/subscriptions/{SUBSCRIPTION}{path}",
        params={"api-version": "2024-11-01"},
        headers={"Authorization": "Bearer sandbox-token"},
        verify=ssl.create_default_context(cafile=str(server.ca_file)),
    )
    assert reply.status_code == 200
    ours = _paths(reply.json())
    assert ours - allowed == set()
    assert ours, "an empty answer proves nothing"


# --- specialized captures go to a Compute Gallery (PSCOMPAT_AZURE_GALLERY) -----------------------------
LIFECYCLE = """
Save-AzureVMImage -ServiceName 'mySvc2' -Name 'MyVMToCapture2' -ImageName 'web01-image' -ImageLabel 'web tier' -OSState 'Specialized' | Out-Null
$vmImage = Get-AzureVMImage |
    where { (gm -InputObject $_ -Name DataDiskConfigurations) -ne $null } |
    where { $_.ImageName -eq 'web01-image' }
$vmImage.Label
$vmImage.OSDiskConfiguration.OSState
$vmImage.DataDiskConfigurations.Count
(Get-AzureVM -ServiceName 'mySvc2' -Name 'MyVMToCapture2').Name
Remove-AzureVMImage -ImageName 'web01-image' | Out-Null
@(Get-AzureVMImage | where { $_.ImageName -eq 'web01-image' }).Count
"""


def test_specialized_capture_is_a_gallery_version_listed_and_removed(server, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_AZURE_GALLERY", "pscompat-images/gallery")
    result = ok(LIFECYCLE)
    disks = len(
        SandboxBackend(server.app.path.parent).get_deployment("mySvc2").value["RoleList"][0]["DataVirtualHardDisks"]
    )
    assert list(result) == ["web tier", "Specialized", disks, "MyVMToCapture2", 0]
    puts = [p.split("?")[0].split("/galleries/")[1] for m, p, _ in requests(server, "PUT")]
    assert puts == ["gallery/images/web01-image", "gallery/images/web01-image/versions/1.0.0"]
    assert [p.split("?")[0].rsplit("/", 2)[-2:] for m, p, _ in requests(server, "DELETE")] == [["versions", "1.0.0"]]


def test_a_second_specialized_capture_is_the_next_version(server, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_AZURE_GALLERY", "pscompat-images/gallery")
    save = "Save-AzureVMImage -ServiceName mySvc2 -Name MyVMToCapture2 -ImageName app -OSState Specialized | Out-Null"
    ok(f"{save}; {save}")
    disks = ok("Get-AzureVMImage | where ImageName -eq app | % { $_.OSDiskConfiguration.Name }")
    assert list(disks) == ["app-1.0.0-os", "app-1.0.1-os"]


POWER = [
    # script, then the VM's Status, and the ARM action POSTed
    ("Start-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2", "ReadyRole", "start"),
    ("Stop-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 -StayProvisioned", "StoppedVM", "powerOff"),
    ("Stop-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 -Force", "StoppedDeallocated", "deallocate"),
    ("Restart-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2", "ReadyRole", "restart"),
]


@pytest.mark.parametrize("script, status, action", POWER)
def test_power_cmdlets_map_to_vm_actions(server, script, status, action):
    ok("$ConfirmPreference = 'None'; " + script + " | Out-Null")
    assert ok("(Get-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2).Status")[0] == status
    assert [p.split("?")[0].rsplit("/", 1)[-1] for _, p, _ in requests(server, "POST")] == [action]


def test_services_are_resource_groups(server):
    assert list(ok("Get-AzureService | % ServiceName")) == ["myServiceName", "mySvc2"]


def test_delete_vhd_on_a_managed_image_warns_that_storage_goes_with_it(server):
    ok(SEED_CAPTURE.replace("MyVmImage", "x"))
    result = ok("Remove-AzureVMImage x -DeleteVHD")
    assert any("-DeleteVHD: a managed image owns its storage" in str(w) for w in result.warnings)


def test_the_seed_document_runs_clean_over_arm(server, monkeypatch):
    from pathlib import Path

    monkeypatch.setenv("PSCOMPAT_AZURE_GALLERY", "pscompat-images/gallery")
    seed = Path(__file__).resolve().parents[1] / "examples" / "seed-doc.ps1"
    result = ok(f"$ConfirmPreference = 'None'; & '{seed}'")
    vm_images = {i["Name"] for i in SandboxBackend(server.app.path.parent).list_vm_images().value}
    assert "MyOldVmImage" not in vm_images  # the classic VM image was version 1.0.0 of its own definition
    assert "myFirstVMImageSP-1.0.0" in vm_images  # the specialized capture, seen by the classic API too
    assert ok("Get-AzureVMImage -ImageName MyVmImage")[0].Label == "This is my generalized image"
    assert [str(w) for w in result.warnings if "no ARM equivalent" in str(w)]


def test_what_arm_writes_stays_readable_by_the_classic_api(server, monkeypatch):
    """The store is shared with the classic API, whose server writes bodies strictly (a member the
    XML tables do not know is an error): ARM's own facts must not leak into them."""
    from pscompat.azure.backends import classic_xml as X
    from pscompat.azure.backends import store

    monkeypatch.setenv("PSCOMPAT_AZURE_GALLERY", "pscompat-images/gallery")
    ok(SEED_CAPTURE)
    ok("Save-AzureVMImage -ServiceName mySvc2 -Name MyVMToCapture2 -ImageName sp -OSState Specialized | Out-Null")
    conn = store.connect(server.app.path)
    try:
        tables = [("os_images", "OSImage", X.OS_IMAGE), ("vm_images", "VMImage", X.VM_IMAGE)]
        tables.append(("deployments", "Deployment", X.DEPLOYMENT))
        for table, root, schema in tables:
            for (body,) in conn.execute(f"SELECT body FROM {table}"):
                X.dump(root, schema, json.loads(body), strict=True)
    finally:
        conn.close()
    assert ok("Get-AzureVMImage -ImageName MyVmImage")[0].ImageName == "MyVmImage"  # still found over ARM
