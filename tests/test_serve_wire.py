"""Issue 14 §2: the wire as Microsoft's clients spoke it, checked on what the classic backend sends
to `pscompat serve` (recorded client-side, tests/serve_process.Wire) and on what it reads back."""

from __future__ import annotations

import re
import uuid

import pytest
from serve_process import Wire, use_classic

import pscompat
from pscompat.azure.backends.classic_xml import NS

BLOB = "https://pscompatsandbox.blob.core.windows.net/vhds/"


@pytest.fixture(autouse=True)
def home(classic_server, monkeypatch):
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    return use_classic(monkeypatch, classic_server, str(uuid.uuid4()))


@pytest.fixture
def wire(monkeypatch) -> Wire:
    return Wire(monkeypatch)


def ok(script: str):
    result = pscompat.run(script)
    assert not result.errors, [e.message for e in result.errors]
    return list(result)


def sent(wire: Wire, method: str | None = None) -> list[tuple[str, str]]:
    return [
        (r["method"], "/" + r["path"].lstrip("/").partition("/")[2] + ("?" + r["query"] if r["query"] else ""))
        for r in wire.requests
        if not r["path"].rstrip("/").rpartition("/")[0].endswith("/operations") and r["method"] != "GET"
    ]


def children(body: str) -> list[str]:
    return re.findall(r"<(\w+)>", body)


def test_removing_the_only_vm_deletes_the_deployment(wire):
    """RemoveAzureVM.cs: the last role of a deployment goes with its deployment (Delete Deployment);
    Delete Role on it was answered 400/404 by the service."""
    ok("Remove-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 -DeleteVHD -Confirm:$false")
    assert sent(wire) == [("DELETE", "/services/hostedservices/mySvc2/deployments/mySvc2?comp=media")]
    assert ok("Get-AzureVM -ServiceName mySvc2") == [] and ok("(Get-AzureService mySvc2).ServiceName") == ["mySvc2"]


def test_a_data_disk_at_lun_0_comes_back_without_lun_and_reads_as_0(classic_server, home, wire):
    with classic_server.client() as client:
        served = client.get(
            f"{classic_server.url}/{home.name}/services/hostedservices/mySvc2/deploymentslots/production",
            headers={"x-ms-version": "2016-03-01"},
        ).text
    assert "<DataVirtualHardDisk>" in served and "<Lun>0</Lun>" not in served  # as the service answered
    assert ok("(Get-AzureVM mySvc2 MyVMToCapture2).VM.DataVirtualHardDisks | % Lun") == [0]
    # replacing the disk at LUN 0 sends one disk at LUN 0, not two
    wire.clear()
    ok(
        "Get-AzureVM mySvc2 MyVMToCapture2 | Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel new -LUN 0 "
        "| Update-AzureVM"
    )
    (body,) = [r["body"] for r in wire.requests if r["method"] == "PUT"]
    assert body.count("<DataVirtualHardDisk>") == 1 and body.count("<Lun>0</Lun>") == 1


@pytest.mark.parametrize(
    "script, expected",
    [
        (
            f"Add-AzureVMImage g1 {BLOB}g1.vhd Linux",
            ["Label", "MediaLink", "Name", "OS", "IsPremium", "ShowInGui"],
        ),
        (
            f"Add-AzureVMImage g2 {BLOB}g2.vhd Linux -PublishedDate 2015-06-01 -PrivacyUri http://example.com/privacy "
            "-IconName i.png -ShowInGui",
            ["Label", "MediaLink", "Name", "OS", "PublishedDate", "IsPremium", "ShowInGui", "PrivacyUri", "IconUri"],
        ),
    ],
)
def test_add_os_image_element_order_and_the_flags_always_sent(wire, script, expected):
    ok(script)
    (body,) = [r["body"] for r in wire.requests if r["method"] == "POST"]
    assert body.startswith(f'<OSImage xmlns="{NS}"') and children(body) == expected
    assert "<IsPremium>false</IsPremium>" in body
    assert ("<ShowInGui>true</ShowInGui>" in body) == ("-ShowInGui" in script)


def test_update_os_image_sends_privacy_uri_before_icon_uri(wire):
    ok(f"Add-AzureVMImage g3 {BLOB}g3.vhd Linux")
    wire.clear()
    (image,) = ok("Update-AzureVMImage g3 -Label l -PrivacyUri 'http://example.com/p' -IconName i.png")
    (body,) = [r["body"] for r in wire.requests if r["method"] == "PUT"]
    assert children(body) == ["Label", "PrivacyUri", "IconUri"]
    assert str(image.PrivacyUri) == "http://example.com/p"


@pytest.mark.parametrize(
    "script, expected",
    [
        ("[uri]'http://example.com/privacy' | % ToString", "http://example.com/privacy"),
        ("([uri]'HTTP://Example.COM').AbsoluteUri", "http://example.com/"),
        ("([uri]'https://x.org:8443/a/b?q=1#f').Authority", "x.org:8443"),
        ("([uri]'https://x.org/a/b').Segments -join '|'", "/|a/|b"),
        ("([uri]'https://x.org').Port", 443),
        ("([uri]'rel/path').IsAbsoluteUri", False),
        ("([uri]'http://x.org/p') -is [System.Uri]", True),
    ],
)
def test_uri_conversion(script, expected):
    """[uri]'http://…' failed to convert, so -PrivacyUri could not be used (System.Uri's canonical
    form: lower-case scheme and host, '/' for an empty path, the default port left out)."""
    assert ok(script) == [expected]


def test_an_invalid_uri_is_the_cast_error():
    (error,) = pscompat.run("[uri]'http://'").errors
    assert error.message == (
        'Cannot convert value "http://" to type "System.Uri". Error: "Invalid URI: The hostname could not be parsed."'
    )


WS2012R2 = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"
WINDOWS_VM = (
    f"New-AzureVMConfig -Name w1 -InstanceSize Small -ImageName {WS2012R2} | "
    "Add-AzureProvisioningConfig -Windows -AdminUsername adm -Password 'Zx9!secretW' {0} | "
    "Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel d -LUN 1 | "
    "New-AzureVM -ServiceName {1} -Location 'West US'"
)


@pytest.mark.parametrize(
    "switches, listeners",
    [
        ("", ["Https"]),
        ("-EnableWinRMHttp", ["Https", "Http"]),
        ("-DisableWinRMHttps", []),
        ("-DisableWinRMHttps -EnableWinRMHttp", ["Http"]),
    ],
)
def test_a_windows_vm_gets_a_winrm_listener_by_default(wire, switches, listeners):
    service = f"winrm{uuid.uuid4().hex[:6]}"
    ok(WINDOWS_VM.format(switches, service))
    (body,) = [r["body"] for r in wire.requests if r["method"] == "POST" and "/deployments" in r["path"]]
    assert re.findall(r"<Listener><Protocol>(\w+)</Protocol></Listener>", body) == listeners
    assert ("<WinRM>" in body) == bool(listeners)


def test_new_azure_vm_gives_disks_media_links_in_the_current_storage_account(monkeypatch, tmp_path):
    """On the sandbox, whose subscription names its storage account (pscompatsandbox), New-AzureVM
    sends a MediaLink for the OS disk and the new data disk, as NewAzureVM.cs did."""
    for name in ("PSCOMPAT_AZURE_BACKEND", "PSCOMPAT_AZURE_ENDPOINT", "PSCOMPAT_AZURE_SUBSCRIPTION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    ok(WINDOWS_VM.format("", "medialinks"))
    (vm,) = ok("(Get-AzureVM medialinks w1).VM")
    base = r"https://pscompatsandbox\.blob\.core\.windows\.net/vhds/medialinks-w1-\d{4}-\d{1,2}-\d{1,2}-\d+"
    assert re.fullmatch(base + r"\.vhd", vm.OSVirtualHardDisk.MediaLink)
    assert [d.Lun for d in vm.DataVirtualHardDisks] == [1]
    assert re.fullmatch(base + r"-1\.vhd", vm.DataVirtualHardDisks[0].MediaLink)


@pytest.mark.parametrize(
    "script, start",
    [
        ("Switch-AzureMode AzureResourceManager", "Switch-AzureMode was removed in Azure PowerShell 1.0"),
        ("Add-AzureAccount", "Add-AzureAccount signs in to Azure Active Directory in a browser window"),
    ],
)
def test_cmdlets_that_cannot_work_here_explain_what_to_do_instead(script, start):
    result = pscompat.run(f"{script}; 'after'")
    assert list(result) == ["after"]
    (error,) = result.errors
    assert error.message.startswith(start)
    assert "Import-AzurePublishSettingsFile" in error.message or "side by side" in error.message


def test_disk_config_cmdlets_change_a_vm_image_through_update(wire):
    """Get-AzureVMImageDiskConfigSet / Set-AzureVMImage{OS,Data}DiskConfig build the DiskConfig that
    Update-AzureVMImage sends (Update VM Image: OS-disk HostCaching, data disks by Name with Lun and
    HostCaching, docs/azure-classic-api.md §3.3)."""
    script = """
    $cfg = Get-AzureVMImage MyOldVmImage | Get-AzureVMImageDiskConfigSet
    $name = $cfg.DataDiskConfigurations[0].Name
    $cfg = Set-AzureVMImageDataDiskConfig -DiskConfig $cfg -DataDiskName $name -Lun 2 -HostCaching ReadOnly
    $cfg = $cfg | Set-AzureVMImageOSDiskConfig -HostCaching ReadOnly
    Update-AzureVMImage -ImageName MyOldVmImage -Label relabelled -DiskConfig $cfg | Out-Null
    $image = Get-AzureVMImage MyOldVmImage
    $image.OSDiskConfiguration.HostCaching
    $image.DataDiskConfigurations | % { $_.Lun, $_.HostCaching }
    """
    assert ok(script) == ["ReadOnly", 2, "ReadOnly"]
    (body,) = [r["body"] for r in wire.requests if r["method"] == "PUT"]
    assert "<OSDiskConfiguration><HostCaching>ReadOnly</HostCaching></OSDiskConfiguration>" in body
    assert "<Lun>2</Lun>" in body


@pytest.mark.parametrize(
    "script, expected",
    [
        ("(New-AzureVMImageDiskConfigSet).DataDiskConfigurations.Count", 0),
        (
            "(New-AzureVMImageDiskConfigSet | Set-AzureVMImageDataDiskConfig -DataDiskName d -Lun 3).DataDiskConfigurations.Lun",
            3,
        ),
        (
            "(New-AzureVMImageDiskConfigSet | Set-AzureVMImageDataDiskConfig -DataDiskName d | "
            "Remove-AzureVMImageDataDiskConfig -DataDiskName D).DataDiskConfigurations.Count",
            0,
        ),
        (
            "(New-AzureVMImageDiskConfigSet | Set-AzureVMImageOSDiskConfig -HostCaching ReadWrite).OSDiskConfiguration.HostCaching",
            "ReadWrite",
        ),
    ],
)
def test_disk_config_sets(script, expected):
    assert ok(script) == [expected]


UBUNTU = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_2-LTS-amd64-server-20150506-en-us-30GB"
STORAGE_SCRIPT = (
    "Set-AzureSubscription 'pscompat sandbox' -CurrentStorageAccountName acct2 -PassThru | % CurrentStorageAccountName\n"
    f"New-AzureVMConfig -Name l1 -InstanceSize Small -ImageName {UBUNTU} | "
    "Add-AzureProvisioningConfig -Linux -LinuxUser u -Password 'Zx9!secretW' | "
    "New-AzureVM -ServiceName {0} -Location 'West US' | Out-Null\n"
    "(Get-AzureVM {0} l1).VM.OSVirtualHardDisk.MediaLink"
)


@pytest.mark.parametrize("backend", ["classic", "sandbox"])
def test_set_azure_subscription_current_storage_account_places_new_disks(monkeypatch, tmp_path, backend):
    if backend == "sandbox":
        for name in ("PSCOMPAT_AZURE_BACKEND", "PSCOMPAT_AZURE_ENDPOINT", "PSCOMPAT_AZURE_SUBSCRIPTION"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path))
    service = f"acct{uuid.uuid4().hex[:6]}"
    account, link = ok(STORAGE_SCRIPT.replace("{0}", service))
    assert account == "acct2"
    assert re.fullmatch(rf"https://acct2\.blob\.core\.windows\.net/vhds/{service}-l1-[\d-]+\.vhd", link)
