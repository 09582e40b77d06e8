"""The ARM client against Microsoft's own published example payloads (tests/fixtures/arm-examples/,
copies from Azure/azure-rest-api-specs), replayed through an httpx MockTransport: no server of
ours decides the shapes here (../shared/reference/azure-arm.md §4, §5)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from pscompat.azure.backends import arm_images as I
from pscompat.azure.backends.arm_http import ArmClient, ArmError
from pscompat.azure.backends.arm_paging import LongRunning, paged

# Microsoft's published example payloads, copied with their provenance (tests/fixtures/arm-examples/README.md)
FOLDER = Path(__file__).resolve().parent / "fixtures" / "arm-examples"


def example(name: str) -> dict:
    assert FOLDER is not None
    return json.loads((FOLDER / name).read_text())


def body(name: str, status: str = "200"):
    return example(name)["responses"][status]["body"]


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("PSCOMPAT_AZURE_TOKEN", "example-token")
    monkeypatch.setenv("PSCOMPAT_AZURE_SUBSCRIPTION", "sub")
    monkeypatch.setenv("PSCOMPAT_AZURE_ENDPOINT", "https://management.example")
    monkeypatch.delenv("PSCOMPAT_AZURE_CLOUD", raising=False)
    made = ArmClient(sleep=lambda _: None)
    yield made
    made.close()


def replay(client: ArmClient, answers: list[httpx.Response]) -> list[httpx.Request]:
    """Answer the client's requests in order; returns the requests it sent."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answers.pop(0)

    client.http = httpx.Client(transport=httpx.MockTransport(handler))
    return sent


def test_image_get_maps_onto_the_classic_os_image():
    image = I.managed_image(body("Image_Get.json"))
    assert (image["Name"], image["OS"], image["OSState"], image["LogicalSizeInGB"]) == (
        "myImage",
        "Windows",
        "Generalized",
        20,
    )
    assert image["MediaLink"] == "https://mystorageaccount.blob.core.windows.net/osimages/osimage.vhd"
    assert (image["Category"], image["Label"], image["ResourceGroup"]) == ("User", "myImage", "myResourceGroup")


def test_marketplace_version_maps_plan_and_os():
    image = I.marketplace_image("pub", "offer", "sku", body("VirtualMachineImage_Get_MaximumSet_Gen.json"), "westus")
    assert (image["OS"], image["IsPremium"], image["Category"]) == ("Windows", True, "Public")
    minimum = I.marketplace_image("pub", "offer", "sku", body("VirtualMachineImage_Get_MinimumSet_Gen.json"), "westus")
    assert (minimum["OS"], minimum["IsPremium"]) == (None, False)  # the minimum set has no properties


def test_list_by_subscription_follows_the_examples_next_link(client):
    first = body("Image_ListBySubscription.json")
    last = {"value": body("Image_ListByResourceGroup.json")["value"]}
    sent = replay(client, [httpx.Response(200, json=first), httpx.Response(200, json=last)])
    names = [i["name"] for i in paged(client, client.url("/providers/Microsoft.Compute/images"))]
    assert len(names) == len(first["value"]) + len(last["value"])
    assert str(sent[1].url) == first["nextLink"]  # verbatim, other host and all (azure-arm.md §1.7)
    assert all(r.headers["authorization"] == "Bearer example-token" for r in sent)


@pytest.mark.parametrize("status", ["200", "202", "204"])
def test_image_delete_answers_of_the_example(client, status):
    recorded = example("Images_Delete_MaximumSet_Gen.json")["responses"][status]
    headers = recorded.get("headers") or {}
    first = httpx.Response(int(status), headers=headers, json=recorded.get("body", {}) if status != "204" else None)
    answers = [httpx.Response(202, headers={"Retry-After": "0"}), httpx.Response(200, json={})]
    sent = replay(client, answers)
    operation = LongRunning(client, first, None, "delete")
    operation.run()
    assert operation.status == "Succeeded"
    if status == "202":  # polled at the Location until it stopped answering 202
        assert [str(r.url) for r in sent] == ["https://foo.com/operationstatus"] * 2
    else:
        assert sent == []


def test_create_from_vm_201_is_polled_to_succeeded(client):
    created = body("Image_CreateFromAVM.json", "201")
    assert created["properties"]["provisioningState"] == "Creating"
    done = json.loads(json.dumps(created))
    done["properties"]["provisioningState"] = "Succeeded"
    url = client.url("/resourceGroups/myResourceGroup/providers/Microsoft.Compute/images/myImage")
    sent = replay(client, [httpx.Response(200, json=created), httpx.Response(200, json=done)])
    operation = LongRunning(client, httpx.Response(201, json=created), url, "create")
    result = operation.run()
    assert result is not None and result["properties"]["provisioningState"] == "Succeeded"
    assert len(sent) == 2  # no monitor header: the resource's provisioningState is watched


def test_a_failed_async_operation_carries_the_error_code(client):
    monitor = "https://management.example/subscriptions/sub/providers/Microsoft.Compute/locations/westus/operations/1"
    first = httpx.Response(201, headers={"Azure-AsyncOperation": monitor}, json=body("Image_CreateFromAVM.json", "201"))
    failed = {"status": "Failed", "error": {"code": "OperationNotAllowed", "message": "The VM is not generalized."}}
    replay(client, [httpx.Response(200, json={"status": "InProgress"}), httpx.Response(200, json=failed)])
    operation = LongRunning(client, first, None, "create")
    with pytest.raises(ArmError) as caught:
        operation.run()
    assert str(caught.value) == "OperationNotAllowed: The VM is not generalized."
