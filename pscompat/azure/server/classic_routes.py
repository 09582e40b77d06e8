"""The classic API's routes: method, path after /<subscription-id>, handler (a method of
classic.ClassicApp) and the oldest x-ms-version the operation accepts (docs/azure-classic-api.md
§3.2; operations outside that table per their MSDN pages, Get Role and the data disk operations
2012-03-01 as Add Role)."""

from __future__ import annotations

import re

VERSION_ERROR = "The versioning header is not specified or was specified incorrectly."
NO_RESOURCE = "The requested URI does not represent any resource on the server."

S = r"([^/]+)"  # one path segment
HS = f"/services/hostedservices/{S}"
DEP = f"{HS}/deployments/{S}"
DISKS = f"{DEP}/roles/{S}/DataDisks"
ROUTES = [
    ("GET", "", "subscription", "2009-10-01"),
    ("GET", f"/operations/{S}", "operation", "2009-10-01"),
    ("GET", "/services/images", "list_os_images", "2009-10-01"),
    ("POST", "/services/images", "add_os_image", "2012-03-01"),
    ("GET", f"/services/images/{S}", "get_os_image", "2012-03-01"),
    ("PUT", f"/services/images/{S}", "update_os_image", "2012-03-01"),
    ("DELETE", f"/services/images/{S}", "delete_os_image", "2012-08-01"),
    ("GET", "/services/vmimages", "list_vm_images", "2014-02-01"),
    ("POST", "/services/vmimages", "create_vm_image", "2014-06-01"),
    ("PUT", f"/services/vmimages/{S}", "update_vm_image", "2014-06-01"),
    ("DELETE", f"/services/vmimages/{S}", "delete_vm_image", "2014-02-01"),
    ("GET", "/services/hostedservices", "list_services", "2009-10-01"),
    ("POST", "/services/hostedservices", "create_service", "2010-10-28"),
    ("GET", HS, "get_service", "2009-10-01"),
    ("DELETE", HS, "delete_service", "2009-10-01"),
    ("GET", f"{HS}/deploymentslots/{S}", "get_deployment", "2009-10-01"),
    ("DELETE", f"{HS}/deploymentslots/{S}", "delete_deployment_by_slot", "2009-10-01"),
    ("POST", f"{HS}/deployments", "create_deployment", "2012-03-01"),
    ("GET", DEP, "get_deployment_by_name", "2009-10-01"),
    ("DELETE", DEP, "delete_deployment", "2009-10-01"),
    ("POST", f"{DEP}/roles", "add_role", "2012-03-01"),
    ("GET", f"{DEP}/roles/{S}", "get_role", "2012-03-01"),
    ("PUT", f"{DEP}/roles/{S}", "update_role", "2012-03-01"),
    ("DELETE", f"{DEP}/roles/{S}", "delete_role", "2012-03-01"),
    ("POST", DISKS, "add_data_disk", "2012-03-01"),
    ("GET", f"{DISKS}/{S}", "get_data_disk", "2012-03-01"),
    ("PUT", f"{DISKS}/{S}", "update_data_disk", "2012-03-01"),
    ("DELETE", f"{DISKS}/{S}", "delete_data_disk", "2012-03-01"),
    ("POST", f"{DEP}/roleinstances/{S}/Operations", "role_operation", "2013-06-01"),
    ("GET", "/services/storageservices", "list_storage_accounts", "2009-10-01"),
    ("GET", f"/services/storageservices/{S}", "get_storage_account", "2009-10-01"),
    ("PUT", f"/services/storageservices/{S}", "update_storage_account", "2014-06-01"),  # with AccountType
    ("GET", "/locations", "list_locations", "2009-10-01"),
    ("GET", "/rolesizes", "list_role_sizes", "2013-08-01"),
]
COMPILED = [(m, re.compile(f"^{p}$", re.IGNORECASE), h, v) for m, p, h, v in ROUTES]
