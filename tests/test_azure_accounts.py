"""What image scripts call around VM creation and capture (issue 14 §2): Get-/Set-AzureStorageAccount,
-ReservedIPName on New-AzureVM / New-AzureQuickVM, Add-AzureProvisioningConfig -Certificates with
New-AzureCertificateSetting; on the sandbox and over the classic REST API against `pscompat serve`,
where the bodies sent are checked too (tests/serve_process.py's Wire).  The three-backend view,
ARM included, is in test_backend_matrix.py."""

from __future__ import annotations

import uuid
from xml.etree import ElementTree

import pytest
from serve_process import Wire, use_classic

import pscompat
from pscompat.azure.backends.base import current_backend

WS2012R2 = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"
NS = "{http://schemas.microsoft.com/windowsazure}"
QUICK = (
    f"New-AzureQuickVM -Windows -ServiceName rip -Name r1 -ImageName {WS2012R2} -AdminUsername u1 "
    "-Password 'Pa55word!' -Location 'West US'"
)


@pytest.fixture(params=["sandbox", "classic"])
def backend(request, tmp_path, monkeypatch):
    monkeypatch.delenv("PSCOMPAT_SANDBOX_LATENCY", raising=False)
    if request.param == "sandbox":
        monkeypatch.setenv("PSCOMPAT_AZURE_BACKEND", "sandbox")
        monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path / "home"))
    else:
        use_classic(monkeypatch, request.getfixturevalue("classic_server"), str(uuid.uuid4()))
    return request.param


def ok(script: str):
    result = pscompat.run(script)
    assert not result.errors, [e.message for e in result.errors]
    return list(result)


def errors(script: str) -> list[str]:
    return [e.message.splitlines()[0] for e in pscompat.run(script).errors]


# --- storage accounts --------------------------------------------------------------------------------
def test_the_storage_account_new_disks_go_to_is_listed(backend):
    (account,) = ok("Get-AzureStorageAccount")
    assert account.StorageAccountName == "pscompatsandbox"
    if backend == "sandbox":  # the classic backend's profile names none until Set-AzureSubscription does
        assert ok("(Get-AzureSubscription -Current).CurrentStorageAccountName") == ["pscompatsandbox"]
    assert (account.Location, account.AccountType, account.StorageAccountStatus) == (
        "West US",
        "Standard_GRS",
        "Created",
    )
    assert account.Endpoints[0] == "https://pscompatsandbox.blob.core.windows.net/"
    assert account.OperationDescription == "Get-AzureStorageAccount"
    assert ok("(Get-AzureStorageAccount -StorageAccountName PSCOMPATSANDBOX).Label") == ["pscompatsandbox"]


def test_set_storage_account_changes_label_description_and_type(backend):
    done = ok("Set-AzureStorageAccount pscompatsandbox -Label vhds -Description 'VM disks' -Type Standard_LRS")
    assert done[0].OperationStatus == "Succeeded"
    got = ok("Get-AzureStorageAccount pscompatsandbox | % { $_.Label; $_.StorageAccountDescription; $_.AccountType }")
    assert got == ["vhds", "VM disks", "Standard_LRS"]
    assert ok("(Get-AzureStorageAccount pscompatsandbox).GeoReplicationEnabled") == [False]


@pytest.mark.parametrize(
    "script, message",
    [
        ("Get-AzureStorageAccount nope", "ResourceNotFound: The storage account 'nope' was not found."),
        ("Set-AzureStorageAccount nope -Label x", "ResourceNotFound: The storage account 'nope' was not found."),
        (
            "Set-AzureStorageAccount pscompatsandbox -Type Premium_LRS",
            "BadRequest: A standard storage account cannot become a premium one, nor the other way round.",
        ),
        (
            "Set-AzureStorageAccount pscompatsandbox -Type Cheap",
            "Cannot validate argument on parameter 'Type'. The argument \"Cheap\" does not belong to the set "
            '"Standard_LRS,Standard_ZRS,Standard_GRS,Standard_RAGRS,Premium_LRS" specified by the ValidateSet '
            "attribute. Supply an argument that is in the set and then try the command again.",
        ),
    ],
)
def test_storage_account_errors(backend, script, message):
    assert errors(script) == [message]


def test_update_storage_account_body_over_the_wire(classic_server, monkeypatch):
    use_classic(monkeypatch, classic_server, str(uuid.uuid4()))
    wire = Wire(monkeypatch)
    ok("Set-AzureStorageAccount pscompatsandbox -Label vhds -Type Standard_ZRS")
    (put,) = [r for r in wire.requests if r["method"] == "PUT"]
    assert put["path"].endswith("/services/storageservices/pscompatsandbox")
    root = ElementTree.fromstring(put["body"])
    assert root.tag == f"{NS}UpdateStorageServiceInput"
    assert [child.tag.removeprefix(NS) for child in root] == ["Label", "AccountType"]  # the schema's order
    assert root.find(f"{NS}Label").text == "dmhkcw=="  # base64, as labels travel


# --- -ReservedIPName ---------------------------------------------------------------------------------
def test_a_new_deployment_gets_the_reserved_ip(backend):
    ok(f"{QUICK} -ReservedIPName myrip | Out-Null")
    (vip,) = current_backend().get_deployment("rip").value["VirtualIPs"]
    assert vip["ReservedIPName"] == "myrip" and vip["Address"].startswith("23.99.")
    result = pscompat.run(QUICK.replace("r1", "r2").replace(" -Location 'West US'", "") + " -ReservedIPName myrip")
    assert not result.errors
    assert [str(w) for w in result.warnings] == [
        "-ReservedIPName 'myrip' is not used: the service rip has a deployment already, and a reserved IP is "
        "given to a deployment when it is created."
    ]


def test_reserved_ip_name_travels_in_create_deployment_and_comes_back(classic_server, monkeypatch):
    use_classic(monkeypatch, classic_server, str(uuid.uuid4()))
    wire = Wire(monkeypatch)
    ok(
        f"New-AzureVMConfig -Name n1 -InstanceSize Small -ImageName {WS2012R2} | "
        "Add-AzureProvisioningConfig -Windows -AdminUsername u1 -Password 'Pa55word!' | "
        "New-AzureVM -ServiceName ripsvc -Location 'West US' -ReservedIPName web-ip | Out-Null"
    )
    (create,) = [r for r in wire.requests if r["method"] == "POST" and r["path"].endswith("/deployments")]
    root = ElementTree.fromstring(create["body"])
    assert [c.tag.removeprefix(NS) for c in root][-2:] == ["RoleList", "ReservedIPName"]
    assert root.find(f"{NS}ReservedIPName").text == "web-ip"
    assert current_backend().get_deployment("ripsvc").value["VirtualIPs"][0]["ReservedIPName"] == "web-ip"


# --- -Certificates -----------------------------------------------------------------------------------
def test_certificate_settings_are_sent_with_the_windows_provisioning_set(classic_server, monkeypatch):
    use_classic(monkeypatch, classic_server, str(uuid.uuid4()))
    wire = Wire(monkeypatch)
    setting = ok("New-AzureCertificateSetting -StoreName Root -Thumbprint D3F1A2B4C5E6")[0]
    assert (setting.StoreLocation, setting.StoreName, setting.Thumbprint) == ("LocalMachine", "Root", "D3F1A2B4C5E6")
    ok(
        "$c = @((New-AzureCertificateSetting -Thumbprint 0A1B2C3D), @{StoreName='CA'; Thumbprint='99AA'})\n"
        f"New-AzureVMConfig -Name c1 -InstanceSize Small -ImageName {WS2012R2} | "
        "Add-AzureProvisioningConfig -Windows -AdminUsername u1 -Password 'Pa55word!' -Certificates $c | "
        "New-AzureVM -ServiceName certsvc -Location 'West US' | Out-Null"
    )
    (create,) = [r for r in wire.requests if r["method"] == "POST" and r["path"].endswith("/deployments")]
    windows = ElementTree.fromstring(create["body"]).find(f".//{NS}ConfigurationSet")
    tags = [c.tag.removeprefix(NS) for c in windows]
    assert tags.index("StoredCertificateSettings") < tags.index("WinRM")  # the set's element order
    settings = [[c.text for c in setting] for setting in windows.find(f"{NS}StoredCertificateSettings")]
    assert settings == [["LocalMachine", "My", "0A1B2C3D"], ["LocalMachine", "CA", "99AA"]]
    assert ok("(Get-AzureVM -ServiceName certsvc -Name c1).Status") == ["ReadyRole"]


def test_certificates_belong_to_windows_provisioning(backend):
    message = errors(
        f"New-AzureVMConfig -Name c1 -InstanceSize Small -ImageName {WS2012R2} | "
        "Add-AzureProvisioningConfig -Linux -LinuxUser u1 -Password 'Pa55word!' -Certificates (New-AzureCertificateSetting -Thumbprint AB)"
    )
    assert message == [
        "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued "
        "cannot be used together or an insufficient number of parameters were provided."
    ]
