"""ONE cmdlet matrix on three backends (issue 14, "Done when"): the embedded sandbox, the classic
REST backend against a `pscompat serve` process over mutual TLS (the management certificate
taken from the .publishsettings the server wrote, imported with Import-AzurePublishSettingsFile),
and the ARM backend against a `pscompat serve --api arm` process (bearer token, one item a page,
two polls per long-running operation, so paging and polling run in every case that lists or
captures).

Each case is data: a script, the output it must give (its output objects as text, one a line),
or the error it must raise (`!ErrorId: message start`).  Where a backend cannot give the same
answer, the case says what it gives instead and why (`differs`), so no backend is skipped
silently.  Every case starts on a fresh store: the sandbox in a fresh home, the servers on a
fresh subscription (each subscription id has a store of its own), one server process per
backend for the module.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from serve_process import ServeProcess

import pscompat

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
BACKENDS = ("sandbox", "classic", "arm")
TOKEN = "matrix-arm-token"
GALLERY = "pscompat-images/gallery"
WS2012R2 = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"
VM_OBJECT = """ServiceName         : mySvc2
Name                : MyVMToCapture2
DeploymentName      : mySvc2
InstanceStatus      : StoppedVM
PowerState          : Stopped
InstanceSize        : Small
HostName            : MyVMToCapture2
IpAddress           : 10.0.0.5
DNSName             : http://mysvc2.cloudapp.net/
AvailabilitySetName :"""
IMAGE_OBJECT = """ImageName       : obj
Label           : obj label
OS              : Windows
Category        : User
LogicalSizeInGB :
Location        : West US
ImageFamily     :"""
# examples/lifecycle.ps1's output; the new data disk's name ends in a time stamp (<stamp> below).
LIFECYCLE_OUTPUT = f"""Newest 'Windows Server 2012 R2 Datacenter' image: {WS2012R2}

Name  Status    InstanceSize
----  ------    ------------
web01 ReadyRole Small


ImageName   Label    DataDisks
---------   -----    ---------
web01-image web tier         1


Lun LogicalDiskSizeInGB DiskName
--- ------------------- --------
  0                  50 lifecycle-svc-web02-1-<stamp>

Removed web01-image and lifecycle-svc"""

# The ARM mapping's reasons, named once (docs/azure-arm.md says the same at length).
ARM_LISTS_MANAGED = (
    "ARM lists managed images and Compute Gallery versions only: the marketplace is not a list of the "
    "subscription's images (it is walked with -Location -PublisherName -Offer -Skus)"
)
ARM_NO_CREATE = "ARM VMs and resource groups are created with New-AzVM/templates, not the classic cmdlets"


@dataclass
class Case:
    id: str
    script: str
    expect: str  # output lines, or '!ErrorId: message start' for the first error
    differs: dict[str, tuple[str, str]] = field(default_factory=dict)  # backend -> (expect, reason)

    def expected(self, backend: str) -> str:
        return self.differs[backend][0] if backend in self.differs else self.expect


SEED = [
    # examples/seed-doc.ps1, line by line (the seed document's commands in their own spelling).
    Case(
        "seed-get-all",
        "$all = Get-AzureVMImage; @($all).Count -gt 0; @($all | where Category -eq 'User').ImageName -join ','",
        "True\nMyOldVmImage",
    ),
    Case(
        "seed-families",
        "(Get-AzureVMImage | select ImageFamily | where ImageFamily | % ImageFamily | sort -Unique | select -First 3) -join ','",
        "Barracuda NG Firewall 6.1,CDH 5.1 Evaluation,CoreOS Alpha",
        differs={
            "arm": (
                "MyOldVmImage",
                ARM_LISTS_MANAGED + "; a gallery version's ImageFamily is its image definition's name",
            )
        },
    ),
    Case(
        "seed-one-family",
        '$family = "Windows Server 2012 R2 Datacenter"\n'
        "$f = Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family}\n"
        "@($f).Count; ($f | sort PublishedDate -Descending | select -First 1).ImageName",
        "3\na699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd",
        differs={"arm": ("0", ARM_LISTS_MANAGED)},
    ),
    Case(
        "seed-vm-images",
        "Get-AzureVMImage | where {(gm –InputObject $_ -Name DataDiskConfigurations) -ne $null} | "
        'Select -Property Label, ImageName | % { "$($_.Label)|$($_.ImageName)" }',
        "Microsoft Azure Site Recovery Master Target Server|d4a65b493c36471ba82b42d53fbd8063__Microsoft-Azure-Site-Recovery-Master-Target-Server-201507.01\nCDH 5.1 Evaluation|1acf693f34c74e86a50be61cb631ddfe__ClouderaGolden-202406-699696\nMy old VM image|MyOldVmImage",
        differs={
            "arm": (
                "My old VM image|MyOldVmImage",
                ARM_LISTS_MANAGED + " (the public VM images are marketplace images there)",
            )
        },
    ),
    Case(
        "seed-save-generalized",
        'Save-AzureVMImage –ServiceName "myServiceName" –Name "MyVMtoCapture" –OSState "Generalized" '
        '–ImageName "MyVmImage" –ImageLabel "This is my generalized image" | Out-Null\n'
        "$i = Get-AzureVMImage -ImageName MyVmImage; $i.Label; $i.OS; $i.Category\n"
        "@(Get-AzureVM -ServiceName myServiceName | where Name -eq MyVMtoCapture).Count",
        "This is my generalized image\nWindows\nUser\n0",
        differs={
            "arm": (
                "This is my generalized image\nWindows\nUser\n1",
                "ARM keeps the captured VM, deallocated and generalized (it can never start again); the classic service deleted it (azure-arm.md §1.3)",
            )
        },
    ),
    Case(
        "seed-save-specialized",
        'Save-AzureVMImage –ServiceName "mySvc2" –Name "MyVMToCapture2" –ImageName "myFirstVMImageSP" '
        '–OSState "Specialized" -Verbose | Out-Null\n'
        "$i = Get-AzureVMImage | where ImageName -eq myFirstVMImageSP\n"
        "$i.OSDiskConfiguration.OSState; $i.OSDiskConfiguration.OS; (Get-AzureVM -ServiceName mySvc2).Name",
        "Specialized\nWindows\nMyVMToCapture2",
    ),
    Case(
        "seed-remove",
        'Remove-AzureVMImage –ImageName "MyOldVmImage" | Out-Null\n'
        "@(Get-AzureVMImage | where ImageName -eq MyOldVmImage).Count",
        "0",
    ),
    Case(
        "seed-document-whole",
        f"& '{EXAMPLES / 'seed-doc.ps1'}' | Out-Null; 'ran'",
        "ran",
    ),
]

LIFECYCLE = [
    Case(
        "lifecycle-script",
        f"& '{EXAMPLES / 'lifecycle.ps1'}'",
        LIFECYCLE_OUTPUT,
        differs={
            "arm": (
                "!ParameterArgumentValidationErrorNullNotAllowed: Cannot bind argument to parameter 'ImageName' "
                "because it is null.",
                ARM_LISTS_MANAGED + " (so no image of the family is found); past that, New-AzureVM has no ARM "
                "counterpart either (case new-vm)",
            )
        },
    ),
    Case(
        # The part of the lifecycle that every backend maps: a VM that exists is stopped, captured as a
        # specialized VM image with its data disks, found by DataDiskConfigurations, and the image removed.
        "lifecycle-existing-vm",
        "Stop-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 -StayProvisioned | Out-Null\n"
        "(Get-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2).Status\n"
        "Save-AzureVMImage -ServiceName mySvc2 -Name MyVMToCapture2 -ImageName web01-image -ImageLabel 'web tier' "
        "-OSState Specialized | Out-Null\n"
        "$vmImage = Get-AzureVMImage | where { (gm -InputObject $_ -Name DataDiskConfigurations) -ne $null } | "
        "where { $_.ImageName -eq 'web01-image' }\n"
        "$vmImage.Label; @($vmImage.DataDiskConfigurations).Count\n"
        "Remove-AzureVMImage -ImageName web01-image -DeleteVHD | Out-Null\n"
        "@(Get-AzureVMImage | where ImageName -eq web01-image).Count",
        "StoppedVM\nweb tier\n1\n0",
    ),
    Case(
        "services-and-vms",
        "(Get-AzureService | % ServiceName) -join ','\n"
        "Get-AzureVM -ServiceName mySvc2 | % { $_.Name; $_.Status; $_.InstanceSize }",
        "myServiceName,mySvc2\nMyVMToCapture2\nStoppedVM\nSmall",
    ),
    Case(
        # The whole VM object, property by property, where ARM's VM maps onto the classic role.
        "vm-object",
        "Get-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 | Format-List ServiceName, Name, DeploymentName, "
        "InstanceStatus, PowerState, InstanceSize, HostName, IpAddress, DNSName, AvailabilitySetName",
        VM_OBJECT,
        differs={
            "arm": (
                VM_OBJECT.replace(
                    ": MyVMToCapture2\nIpAddress           : 10.0.0.5", ":\nIpAddress           :"
                ).replace(": http://mysvc2.cloudapp.net/", ":"),
                "an ARM VM has no address or DNS name of its own (they belong to its network interface and public "
                "IP, Microsoft.Network resources outside the Compute mapping), and the served VM has no osProfile "
                "computer name to fill HostName from",
            )
        },
    ),
    Case(
        "captured-image-object",
        "Save-AzureVMImage -ServiceName myServiceName -Name MyVMtoCapture -ImageName obj -ImageLabel 'obj label' "
        "-OSState Generalized | Out-Null\n"
        "$i = Get-AzureVMImage -ImageName obj\n"
        "$i | Format-List ImageName, Label, OS, Category, LogicalSizeInGB, Location, ImageFamily\n"
        "'VM image: ' + ($null -ne (gm -InputObject $i -Name DataDiskConfigurations))\n"
        "'VHD: ' + [bool]$i.MediaLink",
        IMAGE_OBJECT + "\n\nVM image: True\nVHD: False",
        differs={
            "arm": (
                IMAGE_OBJECT.replace("LogicalSizeInGB :", "LogicalSizeInGB : 128").replace("West US", "westus")
                + "\n\nVM image: False\nVHD: True",
                "a generalized capture is a managed image under ARM, an OS image with its size and VHD at the top, "
                "where the classic -OSState capture makes a VM image (size and VHD in OSDiskConfiguration); ARM "
                "names regions in lower case without spaces",
            )
        },
    ),
    Case(
        "power-start-stop",
        "Start-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 | Out-Null\n"
        "(Get-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2).Status\n"
        "Stop-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 -Force | Out-Null\n"
        "(Get-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2).Status",
        "ReadyRole\nStoppedDeallocated",
    ),
    Case(
        "new-vm-and-remove",
        f"New-AzureVMConfig -Name vm9 -InstanceSize Small -ImageName '{WS2012R2}' | "
        "Add-AzureProvisioningConfig -Windows -AdminUsername matrix -Password 'Pa55word!' | "
        "New-AzureVM -ServiceName mySvc2 | Out-Null\n"
        "(Get-AzureVM -ServiceName mySvc2 | % Name | sort) -join ','\n"
        "Remove-AzureVM -ServiceName mySvc2 -Name vm9 | Out-Null\n"
        "(Get-AzureVM -ServiceName mySvc2 | % Name) -join ','",
        "MyVMToCapture2,vm9\nMyVMToCapture2",
        differs={
            "arm": (
                "!NotSupportedOnArm: NotSupportedOnArm: New-AzureVM is not supported by the ARM backend. "
                "Create ARM VMs with New-AzVM or a template.",
                ARM_NO_CREATE,
            )
        },
    ),
    Case(
        "data-disk-add",
        "Get-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2 | "
        "Add-AzureDataDisk -CreateNew -DiskSizeInGB 10 -DiskLabel matrix -LUN 3 | Update-AzureVM | Out-Null\n"
        "(Get-AzureVM -ServiceName mySvc2 -Name MyVMToCapture2).VM.DataVirtualHardDisks | "
        '% { "$($_.Lun):$($_.LogicalDiskSizeInGB)" }',
        "0:100\n3:10",
        differs={
            "arm": (
                "!NotSupportedOnArm: NotSupportedOnArm: Update-AzureVM is not supported by the ARM backend. "
                "Change ARM VMs with Update-AzVM or a template.",
                "ARM VMs change with Update-AzVM or a template; the ARM backend maps the image cmdlets, "
                "power and reads only",
            )
        },
    ),
    Case(
        "locations",
        "(Get-AzureLocation | select -First 1).Name",
        "East Asia",
        differs={
            "arm": (
                "!NotSupportedOnArm: NotSupportedOnArm: Get-AzureLocation is not supported by the ARM backend. List regions with GET /subscriptions/<id>/locations.",
                "ARM lists regions under the subscription, not the classic locations with their compute capabilities",
            )
        },
    ),
    Case(
        "role-sizes",
        "@(Get-AzureRoleSize | where InstanceSize -eq Small).Count",
        "1",
        differs={
            "arm": (
                "!NotSupportedOnArm: NotSupportedOnArm: Get-AzureRoleSize is not supported by the ARM backend. List VM sizes with Microsoft.Compute/locations/<region>/vmSizes.",
                "ARM has VM sizes per region, not the classic role sizes",
            )
        },
    ),
    Case(
        "new-service",
        "New-AzureService -ServiceName matrix-svc -Location 'West US' | Out-Null; (Get-AzureService matrix-svc).ServiceName",
        "matrix-svc",
        differs={
            "arm": (
                "!NotSupportedOnArm: NotSupportedOnArm: New-AzureService is not supported by the ARM backend. Create a resource group instead (az group create).",
                ARM_NO_CREATE,
            )
        },
    ),
]

ACCOUNTS = [
    # What capture and VM creation draw on besides images (issue 14 §2).
    Case(
        "storage-accounts",
        "Set-AzureStorageAccount pscompatsandbox -Label vhds -Type Standard_LRS | Out-Null\n"
        "Get-AzureStorageAccount | % { $_.StorageAccountName; $_.Label; $_.AccountType; $_.Endpoints[0] }",
        "pscompatsandbox\nvhds\nStandard_LRS\nhttps://pscompatsandbox.blob.core.windows.net/",
        differs={
            "arm": (
                "!NotSupportedOnArm: NotSupportedOnArm: Set-AzureStorageAccount is not supported by the ARM backend. "
                "Change storage accounts with Microsoft.Storage/storageAccounts (Set-AzStorageAccount).",
                "storage accounts are Microsoft.Storage resources under ARM, outside the Compute mapping, and "
                "managed images and disks own their storage",
            )
        },
    ),
    Case(
        "vm-with-certificates-and-reserved-ip",
        "$c = New-AzureCertificateSetting -StoreName My -Thumbprint 0A1B2C3D\n"
        f"New-AzureVMConfig -Name c1 -InstanceSize Small -ImageName '{WS2012R2}' | "
        "Add-AzureProvisioningConfig -Windows -AdminUsername matrix -Password 'Pa55word!' -Certificates $c | "
        "New-AzureVM -ServiceName certsvc -Location 'West US' -ReservedIPName web-ip | Out-Null\n"
        "(Get-AzureVM -ServiceName certsvc -Name c1).Status",
        "ReadyRole",
        differs={
            "arm": (
                "!NotSupportedOnArm: NotSupportedOnArm: New-AzureService is not supported by the ARM backend. "
                "Create a resource group instead (az group create).",
                ARM_NO_CREATE + " (New-AzureVM -Location first creates the service, a resource group there)",
            )
        },
    ),
]

ERRORS = [
    Case(
        "error-image-not-found",
        "Get-AzureVMImage -ImageName no-such-image",
        "!: ResourceNotFound: The image with the specified name does not exist.",
    ),
    Case(
        "error-remove-missing-image",
        "Remove-AzureVMImage -ImageName no-such-image",
        "!: ResourceNotFound: The image with the specified name does not exist.",
    ),
    Case("error-service-not-found", "Get-AzureVM -ServiceName no-such-service", ""),
    Case(
        "error-capture-missing-vm",
        "Save-AzureVMImage -ServiceName mySvc2 -Name nope -ImageName x -OSState Generalized",
        "!: ResourceNotFound: The role nope does not exist in deployment mySvc2.",
        differs={
            "arm": (
                "!ResourceNotFound: ResourceNotFound: The Resource 'Microsoft.Compute/virtualMachines/nope' under resource group 'mySvc2' was not found.",
                "ARM's own error body (code and message of Microsoft.Compute) becomes the error, with its code as the error id",
            )
        },
    ),
    Case(
        "error-bad-osstate",
        "Save-AzureVMImage -ServiceName mySvc2 -Name MyVMToCapture2 -ImageName x -OSState Bogus",
        '!ParameterArgumentValidationError: Cannot validate argument on parameter \'OSState\'. The argument "Bogus" does not belong to the set "Generalized,Specialized" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.',
    ),
    Case(
        "error-remove-public-image",
        "$p = Get-AzureVMImage -Location westus -PublisherName MicrosoftWindowsServerGroup -Offer Windows -Skus Windows-Server-2012-R2-Datacenter -ErrorAction SilentlyContinue | select -First 1\n"
        "if (-not $p) { $p = Get-AzureVMImage | where Category -eq Public | select -First 1 }\n"
        "Remove-AzureVMImage -ImageName $p.ImageName",
        "!: Forbidden: Platform images cannot be deleted.",
        differs={
            "arm": (
                "!MarketplaceImageNotRemovable: OperationNotAllowed: 'MicrosoftWindowsServerGroup:Windows:Windows-Server-2012-R2-Datacenter:1.0.20150312' is a marketplace image; marketplace images belong to their publisher and cannot be removed.",
                "the platform images of ARM are marketplace images: refused before any request, with a stable error id",
            )
        },
    ),
    Case(
        "error-storage-account-missing",
        "Get-AzureStorageAccount no-such-account",
        "!: ResourceNotFound: The storage account 'no-such-account' was not found.",
        differs={
            "arm": (
                "!NotSupportedOnArm: NotSupportedOnArm: Get-AzureStorageAccount is not supported by the ARM backend. "
                "List storage accounts with Microsoft.Storage/storageAccounts (Get-AzStorageAccount).",
                "storage accounts are Microsoft.Storage resources under ARM, outside the Compute mapping",
            )
        },
    ),
    Case(
        "error-capture-twice",
        "Save-AzureVMImage -ServiceName myServiceName -Name MyVMtoCapture -ImageName MyOldVmImage -OSState Generalized",
        "!: ConflictError: An image with the name 'MyOldVmImage' already exists.",
        differs={
            "arm": (
                "!: Conflict: A VM image (gallery image version) named 'MyOldVmImage' exists in this sandbox, whose classic and ARM images share one namespace.",
                "ARM itself would allow a managed image named like a gallery image; the served store shares its image names with the classic API",
            )
        },
    ),
]

CASES = SEED + LIFECYCLE + ACCOUNTS + ERRORS


def _render(result) -> str:
    if result.errors:
        err = result.errors[0]
        first = err.message.splitlines()[0] if err.message else ""
        return f"!{err.fully_qualified_error_id.split(',')[0]}: {first}"
    # a disk name made by New-AzureVM ends in its creation time (NewAzureVM.cs: yyyy-M-d-ms digits)
    text = "\n".join(line.rstrip() for line in str(result).strip("\n").splitlines())  # no trailing blanks
    return re.sub(r"(?<=-)\d{14,}\b", "<stamp>", text)


# --- the three backends -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def classic_process(tmp_path_factory):
    root = tmp_path_factory.mktemp("matrix-classic")
    with ServeProcess(root / "home", env={"PSCOMPAT_SANDBOX_LATENCY": "0"}) as server:
        # The management certificate as a user gets it: from the .publishsettings, imported.
        client = root / "client"
        done = subprocess.run(
            [sys.executable, "-m", "pscompat", "-c", f"Import-AzurePublishSettingsFile '{server.publishsettings}'"],
            env={**os.environ, "PSCOMPAT_HOME": str(client), "SSL_CERT_FILE": str(server.ca_file)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        (certificate,) = (client / "classic-certificates").glob("*.pem")
        yield server, certificate


@pytest.fixture(scope="module")
def arm_process(tmp_path_factory):
    root = tmp_path_factory.mktemp("matrix-arm")
    log = root / "requests.log"
    command = [sys.executable, "-m", "pscompat", "serve", "--api", "arm", "--port", "0"]
    command += ["--home", str(root / "home"), "--ca-file", str(root / "ca.pem"), "--token", TOKEN]
    command += ["--log", str(log), "--page-size", "1", "--operation-polls", "2"]
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, cwd=REPO, env={**os.environ, "PSCOMPAT_SANDBOX_LATENCY": "0"}
    )
    first = proc.stdout.readline()
    found = re.search(r" on (https://\S+) ", first)
    if not found:
        proc.kill()
        pytest.fail(f"pscompat serve --api arm did not start: {first!r}")
    yield found.group(1), root / "ca.pem", log
    proc.terminate()
    assert proc.wait(timeout=30) == 0
    proc.stdout.close()


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path, monkeypatch):
    """Point this process's cmdlets at one backend, on a fresh store; yields its name."""
    for name in [n for n in os.environ if n.startswith("PSCOMPAT_AZURE_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("PSCOMPAT_SANDBOX_LATENCY", "0")
    monkeypatch.setenv("PSCOMPAT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PSCOMPAT_AZURE_POLL_INTERVAL", "0")
    subscription = str(uuid.uuid4())
    if request.param == "sandbox":
        monkeypatch.setenv("PSCOMPAT_AZURE_BACKEND", "sandbox")
    elif request.param == "classic":
        server, certificate = request.getfixturevalue("classic_process")
        monkeypatch.setenv("PSCOMPAT_AZURE_BACKEND", "classic")
        monkeypatch.setenv("PSCOMPAT_AZURE_ENDPOINT", server.url)
        monkeypatch.setenv("PSCOMPAT_AZURE_SUBSCRIPTION", subscription)
        monkeypatch.setenv("PSCOMPAT_AZURE_CERT", str(certificate))
        monkeypatch.setenv("SSL_CERT_FILE", str(server.ca_file))
    else:
        url, ca_file, _ = request.getfixturevalue("arm_process")
        monkeypatch.setenv("PSCOMPAT_AZURE_BACKEND", "arm")
        monkeypatch.setenv("PSCOMPAT_AZURE_ENDPOINT", url)
        monkeypatch.setenv("PSCOMPAT_AZURE_SUBSCRIPTION", subscription)
        monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", TOKEN)
        monkeypatch.setenv("PSCOMPAT_AZURE_GALLERY", GALLERY)
        monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
        for name in ("AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH"):
            monkeypatch.delenv(name, raising=False)
    return request.param


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matrix(case: Case, backend: str):
    script = "$ConfirmPreference = 'None'; $WarningPreference = 'SilentlyContinue'\n" + case.script
    got = _render(pscompat.run(script))
    if os.environ.get("MATRIX_PROBE"):
        print(f"\n### {case.id} [{backend}]\n{got}\n###")
    assert got == case.expected(backend)


def test_every_command_of_the_seed_document_is_a_case():
    """A seed line dropped from the matrix would be a silent skip."""
    lines = [line.strip() for line in (EXAMPLES / "seed-doc.ps1").read_text(encoding="utf-8").splitlines()]
    commands = [line for line in lines if line and not line.startswith("#")]
    scripts = "\n".join(case.script for case in SEED)
    assert commands and [c for c in commands if c not in scripts] == []


def test_every_difference_gives_its_reason():
    for case in CASES:
        for backend, (expect, reason) in case.differs.items():
            assert backend in BACKENDS and expect != case.expect and len(reason) > 20, case.id


def test_the_arm_process_paged_and_polled(arm_process):
    """The matrix ran over several pages and several polls per operation (--page-size 1,
    --operation-polls 2), as the served process's request log shows; it never shows the token."""
    _, _, log = arm_process
    lines = log.read_text(encoding="utf-8").splitlines()
    assert sum("skiptoken" in line and " 200 " in line for line in lines) >= 3, lines[-5:]
    assert sum("/operations/" in line for line in lines) >= 4
    assert not any(TOKEN in line for line in lines)
