"""A client no one here wrote: Microsoft's ARM Python SDK (azure-mgmt-compute on azure-core, from
PyPI, the `test` extra) against a `pscompat serve --api arm` PROCESS (two items a page, two polls
an operation).  Its list, get, create, capture (deallocate + generalize + image create) and
delete calls must succeed and parse into the SDK's models; its long-running-operation pollers
must end in success.  Each test works in a fresh subscription (a store of its own); the
process's request log is the record of what was asked."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import azure.mgmt.compute as compute
import azure.mgmt.compute.models as models
import pytest
from azure.core.credentials import AccessToken
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

REPO = Path(__file__).resolve().parents[1]
GROUP, VM = "myServiceName", "MyVMtoCapture"
TOKEN = "sandbox-token"


class StaticCredential:
    """A TokenCredential (azure.core.credentials) handing out the server's token."""

    def get_token(self, *scopes, **kwargs) -> AccessToken:
        return AccessToken(TOKEN, int(time.time()) + 3600)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("arm-sdk")
    command = [sys.executable, "-m", "pscompat", "serve", "--api", "arm", "--port", "0", "--token", TOKEN]
    command += ["--home", str(root / "home"), "--ca-file", str(root / "ca.pem"), "--log", str(root / "log")]
    command += ["--page-size", "2", "--operation-polls", "2"]
    env = {**os.environ, "PSCOMPAT_SANDBOX_LATENCY": "0"}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=REPO, env=env)
    found = re.search(r" on (https://\S+) ", proc.stdout.readline())
    if not found:
        proc.kill()
        pytest.fail("pscompat serve --api arm did not start")
    yield found.group(1), root
    proc.terminate()
    assert proc.wait(30) == 0
    proc.stdout.close()


class Sdk:
    """The SDK's client on a fresh subscription of the served process, and that process's log."""

    def __init__(self, url: str, root: Path):
        self.subscription, self.root = str(uuid.uuid4()), root
        self.client = compute.ComputeManagementClient(
            StaticCredential(),
            self.subscription,
            base_url=url,
            connection_verify=str(root / "ca.pem"),
            polling_interval=0,
        )

    def __getattr__(self, name):
        return getattr(self.client, name)

    def requested(self) -> list[str]:
        """The paths (and query names) this test's subscription asked for, from the request log."""
        lines = (self.root / "log").read_text(encoding="utf-8").splitlines()
        return [line.split()[3] for line in lines if self.subscription in line]

    def home(self) -> Path:
        from pscompat.azure.server.classic import subscription_home

        return subscription_home(self.root / "home", self.subscription)


@pytest.fixture
def sdk(served):
    made = Sdk(*served)
    yield made
    made.client.close()


def test_sdk_lists_and_gets_vms(sdk):
    vms = list(sdk.virtual_machines.list(GROUP))
    assert [vm.name for vm in vms] == [VM]
    vm = sdk.virtual_machines.get(GROUP, VM)
    assert vm.storage_profile.os_disk.os_type == "Windows" and vm.hardware_profile.vm_size
    view = sdk.virtual_machines.instance_view(GROUP, VM)
    assert any(s.code.startswith("PowerState/") for s in view.statuses)
    everywhere = list(sdk.virtual_machines.list_all())
    assert {vm.name for vm in everywhere} >= {VM, "MyVMToCapture2"}


def test_sdk_captures_lists_gets_and_deletes_a_managed_image(sdk):
    sdk.virtual_machines.begin_deallocate(GROUP, VM).result()
    assert any(s.code == "PowerState/deallocated" for s in sdk.virtual_machines.instance_view(GROUP, VM).statuses)
    sdk.virtual_machines.generalize(GROUP, VM)
    vm = sdk.virtual_machines.get(GROUP, VM)
    body = models.Image(
        location=vm.location, source_virtual_machine=models.SubResource(id=vm.id), tags={"Label": "sdk"}
    )
    image = sdk.images.begin_create_or_update(GROUP, "sdk-image", body).result()
    assert (image.name, image.provisioning_state) == ("sdk-image", "Succeeded")
    assert image.storage_profile.os_disk.os_state == "Generalized"
    assert image.source_virtual_machine.id.lower() == vm.id.lower()
    assert [i.name for i in sdk.images.list_by_resource_group(GROUP)] == ["sdk-image"]
    assert "sdk-image" in [i.name for i in sdk.images.list()]
    assert sdk.images.get(GROUP, "sdk-image").tags["Label"] == "sdk"
    sdk.images.begin_delete(GROUP, "sdk-image").result()
    with pytest.raises(ResourceNotFoundError):
        sdk.images.get(GROUP, "sdk-image")
    monitors = [p for p in sdk.requested() if "/operations/" in p or "/operationresults/" in p]
    assert len(monitors) >= 6  # every long-running call was polled, twice each


def test_sdk_image_from_a_vm_that_is_not_generalized_is_refused(sdk):
    vm = sdk.virtual_machines.get("mySvc2", "MyVMToCapture2")
    body = models.Image(location=vm.location, source_virtual_machine=models.SubResource(id=vm.id))
    with pytest.raises(HttpResponseError) as caught:
        sdk.images.begin_create_or_update("mySvc2", "nope", body).result()
    assert caught.value.error.code == "OperationNotAllowed"


def test_sdk_pages_through_images(sdk):
    from pscompat.azure.backends.sandbox import SandboxBackend

    list(sdk.virtual_machines.list(GROUP))  # the store exists from the subscription's first request on
    sandbox = SandboxBackend(sdk.home())  # written beside the running server, as another client would
    for n in range(5):
        sandbox.add_os_image(
            {"Name": f"p{n}", "OS": "Linux", "MediaLink": f"https://x.blob.core.windows.net/v/p{n}.vhd"}
        )
    sandbox.close()
    assert [i.name for i in sdk.images.list()] == [f"p{n}" for n in range(5)]
    assert len([p for p in sdk.requested() if "/images" in p]) == 3  # page size 2


def test_sdk_walks_the_marketplace(sdk):
    publishers = sdk.virtual_machine_images.list_publishers("westus")
    assert "MicrosoftWindowsServerGroup" in [p.name for p in publishers]
    offers = sdk.virtual_machine_images.list_offers("westus", "MicrosoftWindowsServerGroup")
    skus = sdk.virtual_machine_images.list_skus("westus", "MicrosoftWindowsServerGroup", offers[0].name)
    versions = sdk.virtual_machine_images.list("westus", "MicrosoftWindowsServerGroup", offers[0].name, skus[0].name)
    image = sdk.virtual_machine_images.get(
        "westus", "MicrosoftWindowsServerGroup", offers[0].name, skus[0].name, versions[-1].name
    )
    assert image.os_disk_image.operating_system == "Windows" and image.name == versions[-1].name


def test_sdk_captures_a_specialized_vm_into_the_gallery(sdk):
    vm = sdk.virtual_machines.get("mySvc2", "MyVMToCapture2")
    definition = models.GalleryImage(
        location=vm.location,
        os_type="Windows",
        os_state="Specialized",
        identifier=models.GalleryImageIdentifier(publisher="contoso", offer="web", sku="tier"),
    )
    made = sdk.gallery_images.begin_create_or_update("pscompat-images", "gallery", "web", definition).result()
    assert (made.name, made.os_state, made.provisioning_state) == ("web", "Specialized", "Succeeded")
    version = models.GalleryImageVersion(
        location=vm.location,
        storage_profile=models.GalleryImageVersionStorageProfile(
            source=models.GalleryArtifactVersionFullSource(virtual_machine_id=vm.id)
        ),
    )
    done = sdk.gallery_image_versions.begin_create_or_update(
        "pscompat-images", "gallery", "web", "1.0.0", version
    ).result()
    assert (done.name, done.provisioning_state) == ("1.0.0", "Succeeded")
    assert done.storage_profile.source.virtual_machine_id.lower() == vm.id.lower()
    listed = list(sdk.gallery_image_versions.list_by_gallery_image("pscompat-images", "gallery", "web"))
    assert [v.name for v in listed] == ["1.0.0"]
    assert "MyOldVmImage" in [d.name for d in sdk.gallery_images.list_by_gallery("pscompat-images", "gallery")]
    sdk.gallery_image_versions.begin_delete("pscompat-images", "gallery", "web", "1.0.0").result()
    assert list(sdk.gallery_image_versions.list_by_gallery_image("pscompat-images", "gallery", "web")) == []
