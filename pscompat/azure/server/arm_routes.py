"""The routes of the ARM server (pscompat/azure/server/arm.py lists them): the path after
`/subscriptions/<id>` is matched case-insensitively, as ARM does (azure-arm.md §1.1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pscompat.azure.backends.sandbox_vms import load_deployment
from pscompat.azure.server import arm_gallery as G
from pscompat.azure.server import arm_operations as O
from pscompat.azure.server import arm_resources as R
from pscompat.azure.server.arm_operations import ArmProblem, Reply

if TYPE_CHECKING:
    from pscompat.azure.server.arm import ArmApp

COMPUTE_API = "2024-11-01"
RESOURCES_API = "2021-04-01"
GALLERY_API = "2024-03-03"
_POWER_ACTIONS = {"deallocate", "poweroff", "start", "restart"}


def route(app: ArmApp, method: str, sub: str, rest: str, query: dict, base: str, body: Callable[[], dict]) -> Reply:
    parts = [p for p in rest.split("/") if p]
    low = [p.lower() for p in parts]
    conn = app.conn
    full = f"/subscriptions/{sub}{rest}"

    def need(allowed: str) -> None:
        if method not in allowed.split():
            raise ArmProblem(405, "MethodNotAllowed", f"{method} is not allowed on {full}.")

    # resource groups
    if low[:1] == ["resourcegroups"] and len(parts) <= 2:
        need("GET")
        groups = [R.resource_group(sub, s) for s, _ in _services(conn)]
        if len(parts) == 1:
            return app.page(groups, query, base, full, RESOURCES_API)
        found = next((g for g in groups if g["name"].lower() == low[1]), None)
        if found is None:
            raise ArmProblem(404, "ResourceGroupNotFound", f"Resource group '{parts[1]}' could not be found.")
        return Reply(200, found)

    group = None
    if low[:1] == ["resourcegroups"]:
        group, parts, low = parts[1], parts[2:], low[2:]
    if low[:2] != ["providers", "microsoft.compute"]:
        raise ArmProblem(404, "InvalidResourceType", f"No route for {full}.")
    parts, low = parts[2:], low[2:]

    if low[:1] == ["images"]:
        return _images(app, method, sub, group, parts[1:], query, base, full, body, need)
    if low[:1] == ["galleries"] and group is not None:
        return _gallery(app, method, sub, group, parts[1:], low[1:], query, base, full, body, need)
    if low[:1] == ["virtualmachines"]:
        return _vms(app, method, sub, group, parts[1:], query, base, full, need)
    if group is None and low[:1] == ["locations"] and len(parts) >= 3:
        location = parts[1]
        if low[2] in ("operations", "operationresults") and len(parts) == 4:
            need("GET")
            op = app.operations.poll(conn, parts[3])
            if low[2] == "operations":
                return Reply(200, op.monitor_body(location), {"Retry-After": str(app.retry_after)})
            if op.status == "InProgress":
                return app.accepted(sub, op, 202, base, location_only=True)
            if op.status == "Failed":
                error = op.error or {}
                raise ArmProblem(409, error.get("code") or "OperationFailed", error.get("message") or "")
            return Reply(200, {})
        if low[2] == "publishers":
            need("GET")
            return _marketplace(app, sub, location, parts[3:], low[3:], query, base, full)
    raise ArmProblem(404, "InvalidResourceType", f"No route for {full}.")


def _services(conn) -> list[tuple[dict, dict | None]]:
    rows = conn.execute("SELECT body FROM services ORDER BY name").fetchall()
    return [(s, load_deployment(conn, s["ServiceName"])) for s in (R.store_json(b) for (b,) in rows)]


def _service_name(conn, group: str) -> str:
    for service, _ in _services(conn):
        if service["ServiceName"].lower() == group.lower():
            return service["ServiceName"]
    raise ArmProblem(404, "ResourceGroupNotFound", f"Resource group '{group}' could not be found.")


def _images(app: ArmApp, method, sub, group, parts, query, base, full, body, need) -> Reply:
    conn = app.conn
    if not parts:
        need("GET")
        if group is not None and group.lower() != R.IMAGES_GROUP:
            _service_name(conn, group)  # 404 for an unknown group
        images = [R.managed_image(sub, i) for i in R.user_images(conn, group)]
        return app.page(images, query, base, full, COMPUTE_API)
    name = parts[0]
    if group is None or len(parts) != 1:
        raise ArmProblem(404, "InvalidResourceType", f"No route for {full}.")
    found = next((i for i in R.user_images(conn, group) if i["Name"].lower() == name.lower()), None)
    if method == "GET":
        pending = app.creating.get((group.lower(), name.lower()))
        if found is None and pending is not None:
            return Reply(200, R.managed_image(sub, pending, "Creating"))
        if found is None:
            raise _image_missing(group, name)
        return Reply(200, R.managed_image(sub, found))
    if method == "PUT":
        image = O.image_from_vm(conn, sub, group, name, body())
        key = (group.lower(), name.lower())
        app.creating[key] = image
        apply = O.create_image(image)

        def create(c, apply=apply, key=key):
            try:
                apply(c)
            finally:
                app.creating.pop(key, None)

        op = app.operations.start(create)
        return app.accepted(sub, op, 200 if found else 201, base, R.managed_image(sub, image, "Creating"))
    if method == "DELETE":
        if found is None:
            return Reply(204)  # ARM deletes are idempotent: nothing to delete is success
        op = app.operations.start(O.delete_image(found["Name"]))
        return app.accepted(sub, op, 202, base, location_only=True)
    need("GET PUT DELETE")
    raise AssertionError


def _image_missing(group: str, name: str) -> ArmProblem:
    return ArmProblem(
        404,
        "NotFound",
        f"The Resource 'Microsoft.Compute/images/{name}' under resource group '{group}' was not found.",
    )


def _vms(app: ArmApp, method, sub, group, parts, query, base, full, need) -> Reply:
    conn = app.conn
    expand = (query.get("$expand") or "").lower() == "instanceview"
    pairs = []
    for service, deployment in _services(conn):
        if deployment is None or (group is not None and service["ServiceName"].lower() != group.lower()):
            continue
        for role, instance in zip(deployment["RoleList"], deployment["RoleInstanceList"]):
            pairs.append((service, role, instance))
    if not parts:
        need("GET")
        if group is not None:
            _service_name(conn, group)
        vms = [
            R.virtual_machine(sub, s["ServiceName"], s.get("Location"), r, i, R.is_generalized(conn, r), expand)
            for s, r, i in pairs
        ]
        return app.page(vms, query, base, full, COMPUTE_API)
    if group is None:
        raise ArmProblem(404, "InvalidResourceType", f"No route for {full}.")
    name = parts[0]
    found = next(((s, r, i) for s, r, i in pairs if r["RoleName"].lower() == name.lower()), None)
    if found is None:
        raise ArmProblem(
            404,
            "ResourceNotFound",
            f"The Resource 'Microsoft.Compute/virtualMachines/{name}' under resource group '{group}' was not found.",
        )
    service, role, instance = found
    if len(parts) == 1:
        need("GET")
        return Reply(
            200,
            R.virtual_machine(
                sub,
                service["ServiceName"],
                service.get("Location"),
                role,
                instance,
                R.is_generalized(conn, role),
                expand,
            ),
        )
    action = parts[1].lower()
    if len(parts) == 2 and action == "instanceview":
        need("GET")
        return Reply(200, R.instance_view(instance, R.is_generalized(conn, role)))
    if len(parts) == 2 and action == "generalize":
        need("POST")
        O.generalize(conn, service["ServiceName"], role["RoleName"])
        return Reply(200, None)
    if len(parts) == 2 and action in _POWER_ACTIONS:
        need("POST")
        op = app.operations.start(O.power_action(service["ServiceName"], role["RoleName"], action))
        return app.accepted(sub, op, 202, base)
    raise ArmProblem(404, "InvalidResourceType", f"No route for {full}.")


def _marketplace(app: ArmApp, sub, location, parts, low, query, base, full) -> Reply:
    """publishers / offers / skus / versions: bare arrays, as VirtualMachineImages_* answer."""
    rows = R.marketplace(R.public_images(app.conn))
    levels = ("publisher", "offer", "sku", "version")
    # parts: [], [pub, artifacttypes, vmimage, offers], [..., offer, skus], [..., sku, versions], [..., version]
    chosen: list[str] = []
    shape = [None, "artifacttypes", "vmimage", "offers", None, "skus", None, "versions", None]
    for i, part in enumerate(parts):
        if i >= len(shape) or (shape[i] is not None and low[i] != shape[i]):
            raise ArmProblem(404, "InvalidResourceType", f"No route for {full}.")
        if shape[i] is None:
            chosen.append(part)
    for level, value in zip(levels, chosen):
        rows = [r for r in rows if r[level].lower() == value.lower()]
    listing_level = {0: 0, 4: 1, 6: 2, 8: 3}.get(len(parts))
    if len(parts) == 9:  # one version
        if not rows:
            raise ArmProblem(404, "NotFound", f"Artifact: VMImage was not found ({'/'.join(chosen)}).")
        return Reply(200, R.marketplace_version(sub, location, rows[0], True))
    if listing_level is None:
        raise ArmProblem(404, "InvalidResourceType", f"No route for {full}.")
    if not rows and chosen:
        raise ArmProblem(404, "NotFound", f"Artifact: VMImage was not found ({'/'.join(chosen)}).")
    level = levels[listing_level]
    if level == "version":
        if (query.get("$expand") or "").lower() == "properties":  # ListWithProperties: paged
            items = [R.marketplace_version(sub, location, r, True) for r in rows]
            return app.page(items, query, base, full, COMPUTE_API)
        return Reply(200, [R.marketplace_version(sub, location, r, False) for r in rows])
    names: dict[str, None] = {}
    for r in rows:
        names.setdefault(r[level], None)
    ids = {0: 1, 1: 2, 2: 3}[listing_level]
    return Reply(
        200,
        [
            {"name": n, "location": location, "id": R.marketplace_id(sub, location, *chosen[: ids - 1], n)}
            for n in names
        ],
    )


def _gallery(app: ArmApp, method, sub, group, parts, low, query, base, full, body, need) -> Reply:
    """galleries/<g>/images[/<definition>[/versions[/<version>]]]"""
    conn = app.conn
    gallery = app.gallery
    if not parts or parts[0].lower() != gallery[1].lower() or group.lower() != gallery[0].lower():
        raise ArmProblem(404, "ResourceNotFound", f"The gallery '{group}/{parts[0] if parts else ''}' was not found.")
    if len(parts) == 1 or low[1] != "images" or len(parts) > 5 or (len(parts) >= 4 and low[3] != "versions"):
        raise ArmProblem(404, "InvalidResourceType", f"No route for {full}.")
    if len(parts) == 2:
        need("GET")
        items = [G.definition_body(sub, gallery, d) for d in G.definitions(conn)]
        return app.page(items, query, base, full, GALLERY_API)
    name = parts[2]
    found = G.definition(conn, name)
    if len(parts) == 3:
        if method == "GET":
            if found is None:
                raise ArmProblem(404, "ResourceNotFound", f"The gallery image definition '{name}' was not found.")
            return Reply(200, G.definition_body(sub, gallery, found))
        need("PUT")
        stored = G.check_definition(name, body())
        op = app.operations.start(G.put_definition(stored))
        return app.accepted(sub, op, 200 if found else 201, base, G.definition_body(sub, gallery, stored, "Creating"))
    if found is None:
        raise ArmProblem(404, "ResourceNotFound", f"The gallery image definition '{name}' was not found.")
    existing = G.versions(conn, name)
    if len(parts) == 4:
        need("GET")
        return app.page([G.version_body(sub, gallery, v) for v in existing], query, base, full, GALLERY_API)
    number = parts[4]
    version = next((v for v in existing if v["ArmGallery"]["version"] == number), None)
    if method == "GET":
        if version is None:
            raise ArmProblem(404, "ResourceNotFound", f"Version {number} of '{name}' was not found.")
        return Reply(200, G.version_body(sub, gallery, version))
    if method == "DELETE":
        if version is None:
            return Reply(204)
        op = app.operations.start(G.delete_version(version["Name"]))
        return app.accepted(sub, op, 202, base, location_only=True)
    need("PUT")
    request = body()
    vm_group, vm, source = G.check_version(conn, name, number, request)
    label = (request.get("tags") or {}).get("Label")
    op = app.operations.start(G.capture_version(name, number, vm_group, vm, source, label))
    creating = {
        "id": f"{G.gallery_id(sub, gallery)}/images/{name}/versions/{number}",
        "name": number,
        "type": "Microsoft.Compute/galleries/images/versions",
        "location": request.get("location"),
        "properties": {"provisioningState": "Creating"},
    }
    return app.accepted(sub, op, 201, base, creating)
