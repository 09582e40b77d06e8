"""A client no one here wrote: Microsoft's legacy classic Python SDK (`azure-servicemanagement-legacy`,
docs/azure-classic-api.md S14) against `pscompat serve` over mutual TLS, with the management
certificate and the server's CA (REQUESTS_CA_BUNDLE), as docs/serve.md tells a user to.  Its list,
get, create, capture and delete calls must succeed and its own parsers must read the answers."""

from __future__ import annotations

import uuid

import pytest
from serve_process import ServeProcess

azure_common = pytest.importorskip("azure.common")
AzureHttpError, AzureMissingResourceHttpError = azure_common.AzureHttpError, azure_common.AzureMissingResourceHttpError
sm = pytest.importorskip("azure.servicemanagement", reason="the test extra installs azure-servicemanagement-legacy")

WS2012R2_MAY = "a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201505.01-en.us-127GB.vhd"
UBUNTU = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_2-LTS-amd64-server-20150506-en-us-30GB"
BLOBS = "https://pscompatsandbox.blob.core.windows.net/vhds/"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with ServeProcess(tmp_path_factory.mktemp("sdk") / "home", env={"PSCOMPAT_SANDBOX_LATENCY": "0"}) as s:
        yield s


@pytest.fixture
def sms(server, monkeypatch):
    """The SDK's client on a fresh subscription of the server."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(server.ca_file))
    host = server.url.removeprefix("https://")
    return sm.ServiceManagementService(str(uuid.uuid4()), cert_file=str(server.cert), host=host)


def done(sms, result) -> None:
    """The SDK's own polling of an asynchronous operation (Get Operation Status)."""
    status = sms.wait_for_operation_status(result.request_id, timeout=30, sleep_interval=0.05)
    assert status.status == "Succeeded", (status.error.code, status.error.message)


def test_images_list_and_get(sms):
    images = sms.list_os_images()
    assert len(images) == 29 and images[0].category == "Public"
    may = sms.get_os_image(WS2012R2_MAY)
    assert (may.name, may.os, may.logical_size_in_gb, may.image_family) == (
        WS2012R2_MAY,
        "Windows",
        128,
        "Windows Server 2012 R2 Datacenter",
    )
    vm_images = sms.list_vm_images()
    assert [i.name for i in vm_images if i.category == "User"] == ["MyOldVmImage"]
    old = next(i for i in vm_images if i.name == "MyOldVmImage")
    assert old.os_disk_configuration.os_state and old.data_disk_configurations is not None
    assert [i.name for i in sms.list_vm_images(category="User")] == ["MyOldVmImage"]
    with pytest.raises(AzureMissingResourceHttpError):
        sms.get_os_image("nope")


def test_add_update_and_delete_an_os_image(sms):
    result = sms.add_os_image("golden label", f"{BLOBS}golden.vhd", "golden", "Linux")
    done(sms, result)
    image = sms.get_os_image("golden")
    assert (image.label, image.media_link, image.os, image.category) == (
        "golden label",
        f"{BLOBS}golden.vhd",
        "Linux",
        "User",
    )
    done(sms, sms.update_os_image("golden", "golden v2", f"{BLOBS}golden.vhd", "golden", "Linux"))
    assert sms.get_os_image("golden").label == "golden v2"
    done(sms, sms.delete_os_image("golden", delete_vhd=True))
    assert "golden" not in [i.name for i in sms.list_os_images()]


def test_services_deployments_and_roles(sms):
    (service,) = [s for s in sms.list_hosted_services() if s.service_name == "mySvc2"]
    assert service.hosted_service_properties.location == "West US"
    detailed = sms.get_hosted_service_properties("mySvc2", embed_detail=True)
    assert [d.name for d in detailed.deployments] == ["mySvc2"]
    by_slot = sms.get_deployment_by_slot("mySvc2", "production")
    by_name = sms.get_deployment_by_name("mySvc2", "mySvc2")
    assert by_slot.name == by_name.name == "mySvc2"
    assert [r.role_name for r in by_slot.role_list] == ["MyVMToCapture2"]
    assert by_slot.role_instance_list[0].instance_status == "StoppedVM"
    role = sms.get_role("mySvc2", "mySvc2", "MyVMToCapture2")
    assert role.role_name == "MyVMToCapture2" and role.os_virtual_hard_disk.os == "Windows"
    locations = sms.list_locations()
    assert "Small" in locations[0].compute_capabilities.virtual_machines_role_sizes
    assert "Small" in [s.name for s in sms.list_role_sizes()]
    assert sms.get_subscription().subscription_status == "Active"


def test_a_vm_is_created_with_endpoints_and_data_disks_then_deleted(sms):
    sms.create_hosted_service("sdkvm", "sdkvm", location="West US")
    system = sm.LinuxConfigurationSet("sdkvm1", "azureuser", "Zx9!secretW", disable_ssh_password_authentication=False)
    network = sm.ConfigurationSet()
    network.input_endpoints.input_endpoints.append(
        sm.ConfigurationSetInputEndpoint("SSH", "tcp", "22", "22", enable_direct_server_return=False)
    )
    network.input_endpoints.input_endpoints[0].idle_timeout_in_minutes = 4
    os_disk = sm.OSVirtualHardDisk(UBUNTU, f"{BLOBS}sdkvm1-os.vhd")
    done(
        sms,
        sms.create_virtual_machine_deployment(
            "sdkvm", "sdkvm", "production", "sdkvm", "sdkvm1", system, os_disk, network_config=network
        ),
    )
    deployment = sms.get_deployment_by_name("sdkvm", "sdkvm")  # answered 500 before (issue 14)
    (network,) = [c for c in deployment.role_list[0].configuration_sets if c.input_endpoints is not None]
    (endpoint,) = network.input_endpoints
    assert (endpoint.name, endpoint.port, endpoint.idle_timeout_in_minutes) == ("SSH", "22", 4)
    done(sms, sms.add_data_disk("sdkvm", "sdkvm", "sdkvm1", 1, host_caching="ReadOnly", logical_disk_size_in_gb=10))
    assert sms.get_data_disk("sdkvm", "sdkvm", "sdkvm1", 1).host_caching == "ReadOnly"
    done(sms, sms.update_data_disk("sdkvm", "sdkvm", "sdkvm1", 1, host_caching="None"))
    assert sms.get_data_disk("sdkvm", "sdkvm", "sdkvm1", 1).host_caching == "None"
    done(sms, sms.delete_data_disk("sdkvm", "sdkvm", "sdkvm1", 1))
    done(sms, sms.shutdown_role("sdkvm", "sdkvm", "sdkvm1", post_shutdown_action="Stopped"))
    assert sms.get_deployment_by_slot("sdkvm", "production").role_instance_list[0].instance_status == "StoppedVM"
    done(sms, sms.delete_deployment("sdkvm", "sdkvm", delete_vhd=True))
    with pytest.raises(AzureMissingResourceHttpError):
        sms.get_deployment_by_slot("sdkvm", "production")
    done(sms, sms.delete_hosted_service("sdkvm"))


def test_capture_as_os_image_and_as_vm_image_then_delete(sms):
    done(sms, sms.capture_role("mySvc2", "mySvc2", "MyVMToCapture2", "Delete", "sdk-osimg", "sdk os image"))
    image = sms.get_os_image("sdk-osimg")
    assert (image.label, image.category, image.os) == ("sdk os image", "User", "Windows")
    done(sms, sms.delete_os_image("sdk-osimg", delete_vhd=True))

    capture = sm.CaptureRoleAsVMImage("Specialized", "sdk-vmimg", "sdk vm image", "a description")
    done(sms, sms.capture_vm_image("myServiceName", "myServiceName", "MyVMtoCapture", capture))
    (image,) = [i for i in sms.list_vm_images() if i.name == "sdk-vmimg"]
    assert (image.label, image.os_disk_configuration.os_state, image.role_name) == (
        "sdk vm image",
        "Specialized",
        "MyVMtoCapture",
    )
    done(sms, sms.delete_vm_image("sdk-vmimg", delete_vhd=True))
    assert "sdk-vmimg" not in [i.name for i in sms.list_vm_images()]


def test_a_request_without_the_certificate_is_refused(server, monkeypatch):
    import requests

    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(server.ca_file))
    client = sm.ServiceManagementService(
        str(uuid.uuid4()), request_session=requests.Session(), host=server.url.removeprefix("https://")
    )
    with pytest.raises(AzureHttpError) as refused:
        client.list_os_images()
    assert refused.value.status_code == 403


def test_storage_accounts_list_get_and_update(sms):
    """The account new disks and captures go to (Get-/Set-AzureStorageAccount's routes)."""
    (account,) = sms.list_storage_accounts()
    assert account.service_name == "pscompatsandbox"
    props = sms.get_storage_account_properties("pscompatsandbox").storage_service_properties
    assert (props.location, props.status, props.account_type) == ("West US", "Created", "Standard_GRS")
    assert "https://pscompatsandbox.blob.core.windows.net/" in list(props.endpoints)
    sms.update_storage_account("pscompatsandbox", label="vhds", account_type="Standard_LRS")
    props = sms.get_storage_account_properties("pscompatsandbox").storage_service_properties
    assert (props.label, props.account_type, props.geo_replication_enabled) == ("vhds", "Standard_LRS", False)
    with pytest.raises(AzureMissingResourceHttpError):
        sms.get_storage_account_properties("nope")
