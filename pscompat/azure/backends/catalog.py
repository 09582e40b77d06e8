"""What a fresh sandbox subscription contains, as REST-shaped dicts (the bodies of docs/azure-classic-api.md §3.3).

* the real mid-2015 public catalog of the reference (docs/azure-classic-api.md §5), from `data/catalog.json`;
* the demo cloud services and VMs the seed document names (`myServiceName`/`MyVMtoCapture`,
  `mySvc2`/`MyVMToCapture2`, both stopped and ready to capture) and the user VM image
  `MyOldVmImage` it removes, so every seed command runs as written;
* the subscription-level lists (locations, role sizes, subscriptions);
* synthetic images for `grow(n)`, the benchmark catalog.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

STORAGE_ACCOUNT = "pscompatsandbox"
BLOB_BASE = f"https://{STORAGE_ACCOUNT}.blob.core.windows.net/vhds/"
# Public images report this placeholder for CreatedTime/ModifiedTime (docs/azure-classic-api.md §3.3 VMImage).
PUBLIC_IMAGE_TIME = "1801-01-01T00:00:00Z"
SYNTHETIC_PREFIX = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a__"  # not a real publisher id: marks grown rows
SUBSCRIPTION_ID = "3b6a5c4e-1f0d-4c8e-9a7b-2d5e6f708192"


@lru_cache(maxsize=1)
def _raw() -> dict:
    return json.loads(resources.files(__package__).joinpath("data/catalog.json").read_text("utf-8"))


def public_os_images() -> list[dict]:
    """The 29 OSImage bodies of docs/azure-classic-api.md §5, in the recording's order, null elements omitted (§3.3)."""
    raw = _raw()
    columns = raw["os_image_columns"]
    images = []
    for row in raw["os_images"]:
        r = dict(zip(columns, row))
        prefix, publisher = raw["publishers"][r["publisher"]]
        image = {
            "Category": "Public",
            "Label": r["Label"],
            "Location": raw["locations"][r["loc"]],
            "LogicalSizeInGB": r["LogicalSizeInGB"],
            "Name": f"{prefix}__{r['slug']}",
            "OS": r["OS"],
            "ImageFamily": r["ImageFamily"],
            "ShowInGui": r["ShowInGui"],
            "PublishedDate": r["PublishedDate"],
            "IsPremium": r["IsPremium"],
            "RecommendedVMSize": r["RecommendedVMSize"],
            "PublisherName": publisher,
            "IOType": "Standard_LRS",
        }
        for extra in r["extras"]:
            image.update(raw["extras"][extra])
        images.append({k: v for k, v in image.items() if v is not None})
    return images


def public_vm_images() -> list[dict]:
    """The two public VMImage bodies of docs/azure-classic-api.md §5 (Site Recovery, Cloudera)."""
    raw = _raw()
    images = []
    for spec in raw["vm_images"]:
        spec = dict(spec)
        prefix, publisher = raw["publishers"][spec.pop("publisher")]
        name = f"{prefix}__{spec.pop('slug')}"
        location = spec.pop("Location")
        image = {
            "Name": name,
            "Category": "Public",
            **spec,
            "PublisherName": publisher,
            "Location": raw["locations"].get(location, location),
            "CreatedTime": PUBLIC_IMAGE_TIME,
            "ModifiedTime": PUBLIC_IMAGE_TIME,
            "IsPremium": False,
            "VMImageState": "VMImageReadyForUse",
        }
        images.append(image)
    return images


def find_public_os_image(family: str) -> dict:
    """The newest public OS image of a family (what the seed doc's Step 3 pattern selects)."""
    return max((i for i in public_os_images() if i.get("ImageFamily") == family), key=lambda i: i["PublishedDate"])


# --- the seed document's demo subscription ------------------------------------------------------
def _disk(name: str, size: int, lun: int | None = None, os: str | None = None, source: str | None = None) -> dict:
    disk = {
        "HostCaching": "ReadWrite" if os else "None",
        "DiskName": name,
        "MediaLink": f"{BLOB_BASE}{name}.vhd",
        "LogicalDiskSizeInGB": size,
        "IOType": "Standard",
    }
    if os:
        disk.update({"OS": os, "SourceImageName": source})
    else:
        disk["Lun"] = lun
    return disk


def demo_vm(
    service: str, vm: str, created: str, data_disk_sizes: tuple = (), ip: str = "10.0.0.4", status: str = "StoppedVM"
) -> dict:
    """One stopped (StayProvisioned) Windows VM made from the newest 2012 R2 image, as a Deployment."""
    image = find_public_os_image("Windows Server 2012 R2 Datacenter")
    stamp = created[:10]
    role = {
        "RoleName": vm,
        "RoleType": "PersistentVMRole",
        "RoleSize": "Small",
        "OSVirtualHardDisk": _disk(f"{service}-{vm}-0-{stamp}", 128, os="Windows", source=image["Name"]),
        "DataVirtualHardDisks": [
            _disk(f"{service}-{vm}-{lun + 1}-{stamp}", size, lun=lun) for lun, size in enumerate(data_disk_sizes)
        ],
        "ConfigurationSets": [
            {
                "ConfigurationSetType": "NetworkConfiguration",
                "InputEndpoints": [
                    {"Name": "RemoteDesktop", "Protocol": "tcp", "Port": 57034, "LocalPort": 3389},
                    {"Name": "PowerShell", "Protocol": "tcp", "Port": 5986, "LocalPort": 5986},
                ],
            }
        ],
        "ProvisionGuestAgent": True,
    }
    instance = {
        "RoleName": vm,
        "InstanceName": vm,
        "InstanceStatus": status,
        "PowerState": "Started" if status == "ReadyRole" else "Stopped",
        "InstanceSize": "Small",
        "IpAddress": ip,
        "HostName": vm,
        "InstanceFaultDomain": 0,
        "InstanceUpgradeDomain": 0,
    }
    return {
        "Name": service,
        "DeploymentSlot": "Production",
        "Status": "Running",
        "Label": service,
        "Url": f"http://{service.lower()}.cloudapp.net/",
        "CreatedTime": created,
        "RoleList": [role],
        "RoleInstanceList": [instance],
    }


def demo_services() -> list[dict]:
    def service(name: str, created: str) -> dict:
        return {
            "ServiceName": name,
            "Url": f"https://management.core.windows.net/{SUBSCRIPTION_ID}/services/hostedservices/{name}",
            "Label": name,
            "Description": None,
            "Location": "West US",
            "AffinityGroup": None,
            "Status": "Created",
            "DateCreated": created,
            "DateLastModified": created,
        }

    return [service("myServiceName", "2015-06-01T17:20:11Z"), service("mySvc2", "2015-06-03T09:02:47Z")]


def demo_deployments() -> list[dict]:
    return [
        demo_vm("myServiceName", "MyVMtoCapture", "2015-06-01T17:24:52Z"),
        demo_vm("mySvc2", "MyVMToCapture2", "2015-06-03T09:05:13Z", data_disk_sizes=(100,), ip="10.0.0.5"),
    ]


def demo_user_vm_images() -> list[dict]:
    """`MyOldVmImage`: a generalized VM image captured earlier, with one data disk, in User category."""
    stamp = "2015-05-11"
    name = "MyOldVmImage"
    return [
        {
            "Name": name,
            "Label": "My old VM image",
            "Category": "User",
            "OSDiskConfiguration": {
                "Name": f"{name}-os-{stamp}",
                "HostCaching": "ReadWrite",
                "OSState": "Generalized",
                "OS": "Windows",
                "MediaLink": f"{BLOB_BASE}{name}-os-{stamp}.vhd",
                "LogicalDiskSizeInGB": 128,
                "IOType": "Standard",
            },
            "DataDiskConfigurations": [
                {
                    "Name": f"{name}-datadisk-0-{stamp}",
                    "HostCaching": "None",
                    "Lun": 0,
                    "MediaLink": f"{BLOB_BASE}{name}-datadisk-0-{stamp}.vhd",
                    "LogicalDiskSizeInGB": 50,
                    "IOType": "Standard",
                }
            ],
            "ServiceName": "myOldService",
            "DeploymentName": "myOldService",
            "RoleName": "myOldVm",
            "Location": "West US",
            "CreatedTime": f"{stamp}T16:41:07.5209212Z",
            "ModifiedTime": f"{stamp}T16:41:07.5209212Z",
            "IsPremium": False,
            "VMImageState": "VMImageReadyForUse",
            "RoleStateOnCapture": "StoppedVM",
            "RoleSizeOnCapture": "Small",
        }
    ]


# --- subscription-level lists --------------------------------------------------------------------
def locations() -> list[dict]:
    services = ["Compute", "Storage", "PersistentVMRole", "HighMemory"]
    # List Locations' ComputeCapabilities (x-ms-version 2014-05-01 and later): the sizes a region offers.
    sizes = [n for n, *_ in _ROLE_SIZES]
    capabilities = {"VirtualMachinesRoleSizes": sizes, "WebWorkerRoleSizes": sizes}
    return [
        {"Name": name, "DisplayName": name, "AvailableServices": services, "ComputeCapabilities": capabilities}
        for name in _raw()["locations"]["L16"].split(";")
    ]


# (name, label, cores, memory MB, max data disks, VM resource disk MB) of the 2015 sizes.
_ROLE_SIZES = (
    ("ExtraSmall", "ExtraSmall (1 cores, 768 MB)", 1, 768, 1, 20480),
    ("Small", "Small (1 cores, 1792 MB)", 1, 1792, 2, 71680),
    ("Medium", "Medium (2 cores, 3584 MB)", 2, 3584, 4, 138240),
    ("Large", "Large (4 cores, 7168 MB)", 4, 7168, 8, 291840),
    ("ExtraLarge", "ExtraLarge (8 cores, 14336 MB)", 8, 14336, 16, 619520),
    ("A5", "A5 (2 cores, 14336 MB)", 2, 14336, 4, 138240),
    ("A6", "A6 (4 cores, 28672 MB)", 4, 28672, 8, 291840),
    ("A7", "A7 (8 cores, 57344 MB)", 8, 57344, 16, 619520),
    ("Basic_A0", "Basic_A0 (1 cores, 768 MB)", 1, 768, 1, 20480),
    ("Basic_A1", "Basic_A1 (1 cores, 1792 MB)", 1, 1792, 2, 40960),
    ("A2", "A2 (2 cores, 3584 MB)", 2, 3584, 4, 138240),
    ("Standard_D1", "Standard_D1 (1 cores, 3584 MB)", 1, 3584, 2, 51200),
    ("Standard_D2", "Standard_D2 (2 cores, 7168 MB)", 2, 7168, 4, 102400),
    ("Standard_D3", "Standard_D3 (4 cores, 14336 MB)", 4, 14336, 8, 204800),
    ("Standard_D4", "Standard_D4 (8 cores, 28672 MB)", 8, 28672, 16, 409600),
    ("Standard_D14", "Standard_D14 (16 cores, 114688 MB)", 16, 114688, 32, 819200),
)


def role_sizes() -> list[dict]:
    return [
        {
            "Name": n,
            "Label": label,
            "Cores": cores,
            "MemoryInMb": mem,
            "SupportedByWebWorkerRoles": True,
            "SupportedByVirtualMachines": True,
            "MaxDataDiskCount": disks,
            "VirtualMachineResourceDiskSizeInMb": res,
        }
        for n, label, cores, mem, disks, res in _ROLE_SIZES
    ]


def role_size(name: str) -> dict | None:
    return next((r for r in role_sizes() if r["Name"].lower() == (name or "").lower()), None)


def storage_accounts() -> list[dict]:
    """The sandbox's storage account (the one New-AzureVM's disks and captures are put in), as List
    Storage Accounts gives it (docs/azure-classic-api.md; StorageServiceProperties flattened)."""
    return [
        {
            "ServiceName": STORAGE_ACCOUNT,
            "Url": f"https://management.core.windows.net/{SUBSCRIPTION_ID}/services/storageservices/{STORAGE_ACCOUNT}",
            "Description": None,
            "AffinityGroup": None,
            "Location": "West US",
            "Label": STORAGE_ACCOUNT,
            "Status": "Created",
            "Endpoints": [
                f"https://{STORAGE_ACCOUNT}.{kind}.core.windows.net/" for kind in ("blob", "queue", "table", "file")
            ],
            "GeoReplicationEnabled": True,
            "GeoPrimaryRegion": "West US",
            "StatusOfPrimary": "Available",
            "GeoSecondaryRegion": "East US",
            "StatusOfSecondary": "Available",
            "CreationTime": "2015-06-01T00:00:00Z",
            "AccountType": "Standard_GRS",
        }
    ]


def subscriptions() -> list[dict]:
    return [
        {
            "SubscriptionId": SUBSCRIPTION_ID,
            "SubscriptionName": "pscompat sandbox",
            "Environment": "AzureCloud",
            "ServiceEndpoint": "https://management.core.windows.net/",
            "CurrentStorageAccountName": STORAGE_ACCOUNT,
            "IsDefault": True,
        },
        {
            "SubscriptionId": "9d2f4e1a-7c3b-4a5e-8f60-1b2c3d4e5f60",
            "SubscriptionName": "pscompat sandbox (test)",
            "Environment": "AzureCloud",
            "ServiceEndpoint": "https://management.core.windows.net/",
            "CurrentStorageAccountName": STORAGE_ACCOUNT,
            "IsDefault": False,
        },
    ]


# --- synthetic catalog for benchmarks ------------------------------------------------------------
_SYNTHETIC_FAMILIES = ("Synthetic Windows Server", "Synthetic Ubuntu Server", "Synthetic CentOS", "Synthetic SUSE")


def synthetic_os_image(index: int) -> dict:
    """Image number `index` of the grown catalog: deterministic, plausible, sortable by date."""
    family = _SYNTHETIC_FAMILIES[index % len(_SYNTHETIC_FAMILIES)]
    os_name = "Windows" if index % len(_SYNTHETIC_FAMILIES) == 0 else "Linux"
    day = 1 + index % 28
    month = 1 + (index // 28) % 12
    return {
        "Category": "Public",
        "Label": f"{family} build {index}",
        "Location": _raw()["locations"]["L15"],
        "LogicalSizeInGB": 128 if os_name == "Windows" else 30,
        "Name": f"{SYNTHETIC_PREFIX}Synthetic-{index:07d}",
        "OS": os_name,
        "ImageFamily": family,
        "PublishedDate": f"2015-{month:02d}-{day:02d}T00:00:00Z",
        "IsPremium": False,
        "PublisherName": "pscompat synthetic",
        "IOType": "Standard_LRS",
    }
