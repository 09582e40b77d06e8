"""`pscompat serve` (docs/serve.md) as a process on 127.0.0.1: TLS with its own CA, mutual TLS
with the management certificate or the bearer token, one log line per request, the classic
routes around the cmdlets' (docs/azure-classic-api.md §3.2 and the MSDN pages named in
pscompat/azure/server/classic_routes.py), concurrency without lost writes, a clean stop."""

from __future__ import annotations

import base64
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import threading
import uuid
import xml.etree.ElementTree as ET

import httpx
import pytest
from serve_process import REPO, ServeProcess

from pscompat.azure.backends.catalog import SUBSCRIPTION_ID
from pscompat.azure.backends.classic_xml import NS

V = {"x-ms-version": "2016-03-01"}
XML = {**V, "Content-Type": "application/xml"}
TOKEN = "serve-test-" + uuid.uuid4().hex


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with ServeProcess(tmp_path_factory.mktemp("serve") / "home", token=TOKEN) as s:
        yield s


@pytest.fixture
def api(server):
    """A client with the management certificate on a fresh subscription: url(path) -> full URL."""
    sub = str(uuid.uuid4())
    with server.client() as client:
        client.url = lambda path: f"{server.url}/{sub}{path}"  # type: ignore[attr-defined]
        yield client


def wait(api, reply) -> None:
    assert reply.status_code == 202, reply.text
    for _ in range(200):
        op = api.get(api.url(f"/operations/{reply.headers['x-ms-request-id']}"), headers=V).text
        if "<Status>InProgress</Status>" not in op:
            assert "<Status>Succeeded</Status>" in op, op
            return
    raise AssertionError("the operation did not finish")


def names(text: str, element: str) -> list[str]:
    return re.findall(rf"<{element}>([^<]*)</{element}>", text)


# --- starting, credentials, log ---------------------------------------------------------------------
def test_it_says_where_it_listens_and_writes_the_ca_and_publishsettings(server):
    assert re.fullmatch(r"https://127\.0\.0\.1:\d+", server.url)
    assert server.ca_file.read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert "PRIVATE KEY" not in server.ca_file.read_text()
    profile = ET.fromstring(server.publishsettings.read_bytes()).find("PublishProfile")
    (sub,) = profile.findall("Subscription")
    assert (profile.get("SchemaVersion"), sub.get("ServiceManagementUrl"), sub.get("Id")) == (
        "2.0",
        server.url,
        SUBSCRIPTION_ID,
    )
    from cryptography.hazmat.primitives.serialization import pkcs12

    key, cert, _ = pkcs12.load_key_and_certificates(base64.b64decode(sub.get("ManagementCertificate")), b"")
    assert key is not None and cert.subject.rfc4514_string() == "CN=pscompat serve management certificate"
    assert oct(server.publishsettings.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    "cert, headers, status",
    [
        (True, {}, 200),  # the management certificate (mutual TLS)
        (False, {"Authorization": f"Bearer {TOKEN}"}, 200),
        (False, {}, 403),
        (False, {"Authorization": "Bearer wrong"}, 403),
        (False, {"Authorization": f"Basic {TOKEN}"}, 403),
    ],
)
def test_a_request_needs_the_certificate_or_the_token(server, cert, headers, status):
    with server.client(cert=cert) as client:
        reply = client.get(f"{server.url}/{uuid.uuid4()}/services/images", headers={**V, **headers})
    assert reply.status_code == status
    if status == 403:
        assert "<Code>AuthenticationFailed</Code>" in reply.text
        assert re.fullmatch(r"[0-9a-f]{32}", reply.headers["x-ms-request-id"])


def test_a_certificate_the_server_did_not_sign_ends_the_handshake(server, tmp_path):
    import trustme

    other = trustme.CA().issue_cert("someone")
    other.private_key_and_cert_chain_pem.write_to_path(str(tmp_path / "other.pem"))
    context = ssl.create_default_context(cafile=str(server.ca_file))
    context.load_cert_chain(str(tmp_path / "other.pem"))
    with pytest.raises(httpx.HTTPError), httpx.Client(verify=context) as client:
        client.get(f"{server.url}/{uuid.uuid4()}/services/images", headers=V)


def test_one_log_line_per_request_and_never_the_token(server):
    before = len(server.log_lines())
    with server.client(cert=False) as client:
        client.get(
            f"{server.url}/{uuid.uuid4()}/locations?x=secret-value", headers={**V, "Authorization": f"Bearer {TOKEN}"}
        )
        client.get(f"{server.url}/{uuid.uuid4()}/locations", headers=V)
    lines = server.log_lines()[before:]
    assert len(lines) == 2
    assert re.search(r" GET /[0-9a-f-]+/locations\?x 200 \d+ms auth=token request-id=[0-9a-f]{32}$", lines[0])
    assert " 403 " in lines[1] and "auth=refused" in lines[1]
    assert TOKEN not in server.log.read_text() and "secret-value" not in server.log.read_text()


# --- routes ---------------------------------------------------------------------------------------
def test_the_version_header_is_checked(api):
    for headers in ({}, {"x-ms-version": "2013-01-01"}):
        reply = api.get(api.url("/services/vmimages"), headers=headers)
        assert reply.status_code == 400 and "<Code>MissingOrIncorrectVersionHeader</Code>" in reply.text


def test_deployment_by_slot_and_by_name_and_the_role(api):
    by_slot = api.get(api.url("/services/hostedservices/mySvc2/deploymentslots/production"), headers=V)
    by_name = api.get(api.url("/services/hostedservices/mySvc2/deployments/mySvc2"), headers=V)
    assert by_slot.status_code == by_name.status_code == 200 and by_slot.text == by_name.text
    assert api.get(api.url("/services/hostedservices/mySvc2/deploymentslots/staging"), headers=V).status_code == 404
    assert api.get(api.url("/services/hostedservices/mySvc2/deployments/other"), headers=V).status_code == 404
    role = api.get(api.url("/services/hostedservices/mySvc2/deployments/mySvc2/roles/MyVMToCapture2"), headers=V)
    assert role.status_code == 200 and role.text.startswith(f'<PersistentVMRole xmlns="{NS}"')
    assert names(role.text, "RoleName") == ["MyVMToCapture2"]


def test_data_disks_are_added_updated_and_deleted(api):
    disks = api.url("/services/hostedservices/mySvc2/deployments/mySvc2/roles/MyVMToCapture2/DataDisks")
    body = (
        f'<DataVirtualHardDisk xmlns="{NS}"><HostCaching>ReadOnly</HostCaching><DiskLabel>logs</DiskLabel>'
        "<Lun>3</Lun><LogicalDiskSizeInGB>20</LogicalDiskSizeInGB></DataVirtualHardDisk>"
    )
    wait(api, api.post(disks, headers=XML, content=body))
    disk = api.get(f"{disks}/3", headers=V)
    assert names(disk.text, "HostCaching") == ["ReadOnly"] and names(disk.text, "LogicalDiskSizeInGB") == ["20"]
    assert api.post(disks, headers=XML, content=body).status_code == 409  # LUN 3 is taken
    update = f'<DataVirtualHardDisk xmlns="{NS}"><HostCaching>None</HostCaching><Lun>3</Lun></DataVirtualHardDisk>'
    wait(api, api.put(f"{disks}/3", headers=XML, content=update))
    assert names(api.get(f"{disks}/3", headers=V).text, "HostCaching") == ["None"]
    wait(api, api.delete(f"{disks}/3", headers=V))
    assert api.get(f"{disks}/3", headers=V).status_code == 404


def test_delete_deployment_leaves_the_service(api):
    wait(api, api.delete(api.url("/services/hostedservices/mySvc2/deployments/mySvc2"), headers=V))
    assert api.get(api.url("/services/hostedservices/mySvc2/deploymentslots/production"), headers=V).status_code == 404
    assert api.get(api.url("/services/hostedservices/mySvc2"), headers=V).status_code == 200


def test_locations_carry_compute_capabilities_and_role_sizes_list(api):
    locations = api.get(api.url("/locations"), headers=V).text
    assert "<ComputeCapabilities><VirtualMachinesRoleSizes><RoleSize>ExtraSmall</RoleSize>" in locations
    sizes = api.get(api.url("/rolesizes"), headers=V).text
    assert {"ExtraSmall", "Small", "Medium"} <= set(names(sizes, "Name"))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", 29 + 3),
        ("?category=User", 1),  # MyOldVmImage
        ("?category=public", 29 + 2),
        ("?location=Australia%20East", 28 + 1),  # not Barracuda's (L13) nor Site Recovery's; Cloudera's (L15)
        ("?location=australia%20east&category=User", 0),
    ],
)
def test_image_lists_filter_by_category_and_location(api, query, expected):
    os_images = api.get(api.url(f"/services/images{query}"), headers=V).text
    vm_images = api.get(api.url(f"/services/vmimages{query}"), headers=V).text
    assert os_images.count("<OSImage>") + vm_images.count("<VMImage>") == expected


def test_embed_detail_returns_the_deployments(api):
    plain = api.get(api.url("/services/hostedservices/mySvc2"), headers=V).text
    detailed = api.get(api.url("/services/hostedservices/mySvc2?embed-detail=true"), headers=V).text
    assert "<Deployments>" not in plain
    assert "<Deployments><Deployment><Name>mySvc2</Name>" in detailed


def test_endpoints_with_direct_server_return_do_not_break_get_deployment(api):
    """Issue 14: a VM created with EnableDirectServerReturn/IdleTimeoutInMinutes made every later
    Get Deployment of its service answer 500; unknown elements are no longer stored either."""
    service = f'<CreateHostedService xmlns="{NS}"><ServiceName>dsr</ServiceName><Label>ZHNy</Label><Location>West US</Location></CreateHostedService>'
    assert api.post(api.url("/services/hostedservices"), headers=XML, content=service).status_code == 201
    ubuntu = "b39f27a8b8c64d52b05eac6a62ebad85__Ubuntu-14_04_2-LTS-amd64-server-20150506-en-us-30GB"
    deployment = (
        f'<Deployment xmlns="{NS}"><Name>dsr</Name><DeploymentSlot>Production</DeploymentSlot><Label>dsr</Label>'
        "<RoleList><Role><RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType><ConfigurationSets>"
        "<ConfigurationSet><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType><InputEndpoints>"
        "<InputEndpoint><LocalPort>22</LocalPort><Name>SSH</Name><Port>22</Port><Protocol>tcp</Protocol>"
        "<EnableDirectServerReturn>false</EnableDirectServerReturn><IdleTimeoutInMinutes>4</IdleTimeoutInMinutes>"
        "<SomethingNew>x</SomethingNew></InputEndpoint></InputEndpoints><SubnetNames/></ConfigurationSet>"
        f"</ConfigurationSets><OSVirtualHardDisk><SourceImageName>{ubuntu}</SourceImageName></OSVirtualHardDisk>"
        "<RoleSize>Small</RoleSize></Role></RoleList></Deployment>"
    )
    wait(api, api.post(api.url("/services/hostedservices/dsr/deployments"), headers=XML, content=deployment))
    got = api.get(api.url("/services/hostedservices/dsr/deploymentslots/production"), headers=V)
    assert got.status_code == 200, got.text
    assert "<EnableDirectServerReturn>false</EnableDirectServerReturn><IdleTimeoutInMinutes>4<" in got.text
    assert "SomethingNew" not in got.text


def test_concurrent_writers_lose_no_image(api):
    """Twenty OS images added at once from ten threads: every one is there afterwards."""
    errors: list = []

    def add(n: int) -> None:
        body = (
            f'<OSImage xmlns="{NS}"><Label>c{n}</Label><MediaLink>https://pscompatsandbox.blob.core.windows.net/'
            f"vhds/c{n}.vhd</MediaLink><Name>c{n}</Name><OS>Linux</OS></OSImage>"
        )
        reply = api.post(api.url("/services/images"), headers=XML, content=body)
        if reply.status_code != 200:
            errors.append(reply.text)

    threads = [threading.Thread(target=lambda k=k: [add(k), add(k + 10)]) for k in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    listed = names(api.get(api.url("/services/images?category=User"), headers=V).text, "Name")
    assert sorted(listed) == sorted(f"c{n}" for n in range(20))


# --- the command line -----------------------------------------------------------------------------
def test_sigterm_stops_it_cleanly(tmp_path):
    server = ServeProcess(tmp_path / "home")
    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(20) == 0
    assert "pscompat serve: stopped" in server.proc.stdout.read()
    server.stop()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--no-tls", "--publishsettings", "x"], "--publishsettings needs TLS"),
        (["--port", "70000"], "cannot listen on 127.0.0.1:70000: bind(): port must be 0-65535"),
        (["--port", "BUSY"], "Address already in use"),
    ],
)
def test_usage_errors_are_one_line(tmp_path, args, message):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    args = [str(busy.getsockname()[1]) if a == "BUSY" else a for a in args]
    with busy:
        done = subprocess.run(
            [sys.executable, "-m", "pscompat", "serve", "--home", str(tmp_path), "--port", "0", *args],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=REPO,
        )
    assert done.returncode != 0 and message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


# --- Import-AzurePublishSettingsFile: another process, the server's certificate -----------------------
def _pscompat(script: str, home, server) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSCOMPAT_AZURE_")}
    env.update(PSCOMPAT_HOME=str(home), SSL_CERT_FILE=str(server.ca_file), PSCOMPAT_AZURE_POLL_INTERVAL="0.01")
    return subprocess.run(
        [sys.executable, "-m", "pscompat", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
    )


def test_import_publishsettings_points_later_processes_at_the_server(server, tmp_path):
    before = len(server.log_lines())
    first = _pscompat(
        f"Import-AzurePublishSettingsFile '{server.publishsettings}'\n"
        "Get-AzureSubscription | % { $_.SubscriptionId, $_.SubscriptionName, $_.IsDefault }\n"
        f"Select-AzureSubscription -SubscriptionId {SUBSCRIPTION_ID} -Default -PassThru\n"
        "Add-AzureVMImage imported https://pscompatsandbox.blob.core.windows.net/vhds/imported.vhd Linux | % ImageName",
        tmp_path / "client",
        server,
    )
    assert first.stdout.split() == [SUBSCRIPTION_ID, "pscompat", "sandbox", "True", "True", "imported"], first.stderr
    # a later process: the profile persists, the image is on the server
    second = _pscompat("Get-AzureVMImage imported | % Category", tmp_path / "client", server)
    assert (second.stdout.strip(), second.stderr) == ("User", "")
    assert any(" POST /" + SUBSCRIPTION_ID + "/services/images 200 " in line for line in server.log_lines()[before:])
    assert all("auth=certificate" in line for line in server.log_lines()[before:])
    # the certificate was kept as a private PEM file, the profile is private too
    kept = tmp_path / "client" / "classic-certificates" / f"{SUBSCRIPTION_ID}.pem"
    assert oct(kept.stat().st_mode & 0o777) == "0o600" and "PRIVATE KEY" in kept.read_text()
    assert oct((tmp_path / "client" / "classic-profile.json").stat().st_mode & 0o777) == "0o600"


def test_a_file_that_is_not_publishsettings_is_an_error(server, tmp_path):
    (tmp_path / "bad.publishsettings").write_text("<PublishData/>")
    done = _pscompat(f"Import-AzurePublishSettingsFile '{tmp_path / 'bad.publishsettings'}'; 'after'", tmp_path, server)
    assert "InvalidPublishSettings: The file names no subscription with a management certificate." in done.stderr
    assert done.stdout.strip() == "after" and "Traceback" not in done.stderr
