"""XML bodies of the Service Management API <-> the plain dicts the backends trade (docs/azure-classic-api.md §3.3).

Every resource is described once, as an ordered table of its elements; the same table writes a
body (in that order, which the service's DataContract serializer insists on, docs/azure-classic-api.md §3.1) and reads one
(where order does not matter).  Dict keys are the element names, so a body read here equals the
dict the sandbox returns for the same resource, minus its null members (the wire omits them).

Field notation, one token per element: `Name` (text), `Name:i` (integer), `Name:b` (true/false),
`Name:b64` (base64 text, as hosted-service and deployment labels travel), `Element=key` when the
dict key differs from the element name.  Nested elements are given as keyword arguments.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

NS = "http://schemas.microsoft.com/windowsazure"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_NIL = f"{{{XSI}}}nil"


class XmlError(ValueError):
    """A body that is not what the schema says (malformed, wrong namespace, unknown members)."""


@dataclass
class Schema:
    fields: list  # [(element, key, kind)] in wire order
    by_element: dict = field(default_factory=dict)

    def __post_init__(self):
        self.by_element = {element: (key, kind) for element, key, kind in self.fields}


@dataclass
class Obj:
    schema: Schema


@dataclass
class ListOf:
    item: str  # the element of each entry
    kind: object  # a Schema, a Variant or a scalar kind


@dataclass
class Flat:
    """An element whose children belong to the parent dict (HostedServiceProperties)."""

    schema: Schema


@dataclass
class Variant:
    """A polymorphic entry whose schema depends on one member (ConfigurationSetType)."""

    key: str
    schemas: dict

    @property
    def union(self) -> Schema:
        merged = {}
        for schema in self.schemas.values():
            merged.update({e: (e, k, kind) for e, k, kind in schema.fields})
        return Schema(list(merged.values()))


def fields(spec: str, **nested) -> Schema:
    out = []
    for token in spec.split():
        element, _, kind = token.partition(":")
        element, _, key = element.partition("=")
        out.append((element, key or element, nested.get(element, kind or "s")))
    return Schema(out)


# --- writing -------------------------------------------------------------------------------------
def _scalar(kind: str, value) -> str:
    if kind == "b":
        return "true" if value else "false"
    if kind == "b64":
        return base64.b64encode(str(value).encode("utf-8")).decode("ascii")
    if isinstance(value, bool):  # a text element given a bool: the wire spells it in lower case
        return "true" if value else "false"
    return escape(str(value))


def _write_members(out: list, schema: Schema, value: dict, strict: bool) -> set:
    used = set()
    for element, key, kind in schema.fields:
        if isinstance(kind, Flat):
            inner = {k: value.get(k) for _, k, _ in kind.schema.fields}
            used |= set(inner)
            out.append(f"<{element}>")
            _write_members(out, kind.schema, inner, strict)
            out.append(f"</{element}>")
            continue
        item = value.get(key)
        used.add(key)
        if item is None:
            continue  # null members are omitted, never xsi:nil (docs/azure-classic-api.md §3.3)
        if isinstance(kind, ListOf):
            out.append(f"<{element}>")
            for entry in item:
                _write_value(out, kind.item, kind.kind, entry, strict)
            out.append(f"</{element}>")
        else:
            _write_value(out, element, kind, item, strict)
    if strict:
        extra = sorted(k for k, v in value.items() if v is not None and k not in used)
        if extra:
            raise XmlError(f"no wire element for {', '.join(extra)}")
    return used


def _write_value(out: list, element: str, kind, value, strict: bool) -> None:
    if isinstance(kind, Variant):
        chosen = kind.schemas.get(value.get(kind.key))
        if chosen is None:
            raise XmlError(f"unknown {kind.key} '{value.get(kind.key)}'")
        kind = chosen
    if isinstance(kind, Obj):
        kind = kind.schema
    if isinstance(kind, Schema):
        out.append(f"<{element}>")
        _write_members(out, kind, value, strict)
        out.append(f"</{element}>")
    else:
        out.append(f"<{element}>{_scalar(kind, value)}</{element}>")


def dump(root: str, schema, value, strict: bool = False) -> bytes:
    """A body with `root` as its element.  `schema` may be a ListOf for collections (`<Images>`).

    Requests project the dict onto the operation's contract (strict=False: members the operation
    does not take are not sent); the fake server's responses are strict, so a member the tables
    do not know fails loudly instead of vanishing between the sandbox and the client."""
    out = [f'<{root} xmlns="{NS}" xmlns:i="{XSI}">']
    if isinstance(schema, ListOf):
        for entry in value:
            _write_value(out, schema.item, schema.kind, entry, strict)
    else:
        if isinstance(schema, Variant):
            schema = schema.schemas[value[schema.key]]
        _write_members(out, schema, value, strict)
    out.append(f"</{root}>")
    return "".join(out).encode("utf-8")


# --- reading -------------------------------------------------------------------------------------
def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _read_scalar(kind, text: str | None):
    text = text or ""
    try:
        if kind == "i":
            return int(text)
        if kind == "b":
            return text.strip().lower() == "true"
        if kind == "b64":
            return base64.b64decode(text).decode("utf-8")
    except ValueError as err:
        raise XmlError(f"bad value '{text}': {err}") from None
    return text


def _read_value(node: ET.Element, kind, known_only: bool = False):
    if node.get(_NIL) == "true":
        return None
    if isinstance(kind, Variant):
        kind = kind.union
    if isinstance(kind, Obj):
        kind = kind.schema
    if isinstance(kind, Schema):
        return _read_members(node, kind, known_only)
    if isinstance(kind, ListOf):
        return [_read_value(child, kind.kind, known_only) for child in node]
    if kind is None and len(node):  # an element we have no table for: keep its shape
        return _read_members(node, Schema([]))
    return _read_scalar(kind, node.text)


def _read_members(node: ET.Element, schema: Schema, known_only: bool = False) -> dict:
    out = {}
    for child in node:
        element = _local(child.tag)
        if known_only and element not in schema.by_element:
            continue
        key, kind = schema.by_element.get(element, (element, None))
        if isinstance(kind, Flat):
            out.update(_read_members(child, kind.schema, known_only))
            continue
        value = _read_value(child, kind, known_only)
        if value is not None:
            out[key] = value
    return out


def parse(body: bytes, schema, root: str | None = None, known_only: bool = False):
    """A body back into dicts (a list for a ListOf schema).  Raises XmlError when the body is not
    XML, is outside the Windows Azure namespace or has another root element.  `known_only` drops
    the elements the tables do not name (a server keeps only what it can write back: a member it
    stored but could not write made every later read of that resource fail)."""
    try:
        node = ET.fromstring(body)
    except ET.ParseError as err:
        raise XmlError(f"the body is not well-formed XML ({err})") from None
    namespace = node.tag[1:].partition("}")[0] if node.tag.startswith("{") else ""
    if namespace != NS:
        raise XmlError(f"the root element must be in the namespace {NS}, not '{namespace}'")
    if root is not None and _local(node.tag) != root:
        raise XmlError(f"expected <{root}>, got <{_local(node.tag)}>")
    if isinstance(schema, ListOf):
        return [_read_value(child, schema.kind, known_only) for child in node if _local(child.tag) == schema.item]
    if isinstance(schema, Variant):
        schema = schema.union
    return _read_members(node, schema, known_only)


def root_of(body: bytes) -> str:
    """The local name of a body's root element (role operations are told apart by it)."""
    try:
        return _local(ET.fromstring(body).tag)
    except ET.ParseError as err:
        raise XmlError(f"the body is not well-formed XML ({err})") from None


# --- the element tables (docs/azure-classic-api.md §3.3; hosted services, deployments, roles per the Python SDK, S14)
OS_IMAGE = fields(
    "AffinityGroup Category Label Location LogicalSizeInGB:i MediaLink Name OS Eula Description "
    "ImageFamily ShowInGui:b PublishedDate IsPremium:b IconUri PrivacyUri RecommendedVMSize "
    "PublisherName PricingDetailLink SmallIconUri Language OSState IOType"
)
# Add OS Image as the .NET client (Hyak VirtualMachineOSImageOperations.CreateAsync, S17) writes it:
# ShowInGui right after PublishedDate/IsPremium (a DataContract reader skips an element out of
# order, so last it was ignored); Update OS Image has PrivacyUri before IconUri.
OS_IMAGE_ADD = fields(
    "Label MediaLink Name OS Eula Description ImageFamily PublishedDate IsPremium:b ShowInGui:b PrivacyUri "
    "IconUri RecommendedVMSize SmallIconUri"
)
OS_IMAGE_UPDATE = fields(
    "Label Eula Description ImageFamily ShowInGui:b PublishedDate PrivacyUri IconUri "
    "RecommendedVMSize SmallIconUri Language"
)

OS_DISK_CONFIG = fields("Name HostCaching OSState OS MediaLink LogicalDiskSizeInGB:i IOType ResizedSizeInGB:i")
DATA_DISK_CONFIG = fields("Name HostCaching Lun:i MediaLink LogicalDiskSizeInGB:i IOType ResizedSizeInGB:i")
VM_IMAGE = fields(
    "Name Label Category Description OSDiskConfiguration DataDiskConfigurations ServiceName DeploymentName RoleName "
    "AffinityGroup Location CreatedTime ModifiedTime Language ImageFamily RecommendedVMSize IsPremium:b Eula IconUri "
    "SmallIconUri PrivacyUri PublisherName PublishedDate ShowInGui:b PricingDetailLink VMImageState "
    "RoleStateOnCapture RoleSizeOnCapture",
    OSDiskConfiguration=Obj(OS_DISK_CONFIG),
    DataDiskConfigurations=ListOf("DataDiskConfiguration", DATA_DISK_CONFIG),
)
_VM_IMAGE_METADATA = (
    "Language ImageFamily RecommendedVMSize Eula IconUri SmallIconUri PrivacyUri PublishedDate ShowInGui:b"
)
# The sandbox has no blob contents to read sizes from, so a created image's sizes travel with it.
VM_IMAGE_CREATE = fields(
    f"Name Label Description OSDiskConfiguration DataDiskConfigurations {_VM_IMAGE_METADATA}",
    OSDiskConfiguration=Obj(fields("HostCaching OSState OS MediaLink LogicalDiskSizeInGB:i")),
    DataDiskConfigurations=ListOf("DataDiskConfiguration", fields("HostCaching Lun:i MediaLink LogicalDiskSizeInGB:i")),
)
VM_IMAGE_UPDATE = fields(
    f"Label Description OSDiskConfiguration DataDiskConfigurations {_VM_IMAGE_METADATA}",
    OSDiskConfiguration=Obj(fields("HostCaching")),
    DataDiskConfigurations=ListOf("DataDiskConfiguration", fields("Name HostCaching Lun:i")),
)

HOSTED_SERVICE_FIELDS = "Url ServiceName HostedServiceProperties"
HOSTED_SERVICE_PROPERTIES = Flat(
    fields("Description AffinityGroup Location Label:b64 Status DateCreated DateLastModified")
)
HOSTED_SERVICE = fields(HOSTED_SERVICE_FIELDS, HostedServiceProperties=HOSTED_SERVICE_PROPERTIES)
CREATE_HOSTED_SERVICE = fields("ServiceName Label:b64 Description Location AffinityGroup")

# InputEndpoint in the order of the legacy Python SDK's network_configuration_to_xml (S14).
INPUT_ENDPOINT = fields(
    "LoadBalancedEndpointSetName LocalPort:i Name Port:i LoadBalancerProbe Protocol EnableDirectServerReturn:b "
    "IdleTimeoutInMinutes:i",
    LoadBalancerProbe=Obj(fields("Path Port:i Protocol")),
)
CONFIGURATION_SET = Variant(
    "ConfigurationSetType",
    {
        # Element order of WindowsProvisioningConfigurationSet / LinuxProvisioningConfigurationSet in
        # Create Virtual Machine Deployment (the service never returns the password elements).
        "WindowsProvisioningConfiguration": fields(
            "ConfigurationSetType ComputerName AdminPassword ResetPasswordOnFirstLogon:b EnableAutomaticUpdates:b "
            "TimeZone StoredCertificateSettings WinRM AdminUsername",
            StoredCertificateSettings=ListOf("CertificateSetting", fields("StoreLocation StoreName Thumbprint")),
            WinRM=Obj(fields("Listeners", Listeners=ListOf("Listener", fields("Protocol CertificateThumbprint")))),
        ),
        "LinuxProvisioningConfiguration": fields(
            "ConfigurationSetType HostName UserName UserPassword DisableSshPasswordAuthentication=DisableSSH:b"
        ),
        "NetworkConfiguration": fields(
            "ConfigurationSetType InputEndpoints SubnetNames StaticVirtualNetworkIPAddress",
            InputEndpoints=ListOf("InputEndpoint", INPUT_ENDPOINT),
            SubnetNames=ListOf("SubnetName", "s"),
        ),
    },
)
OS_VHD = fields(
    "HostCaching DiskLabel DiskName MediaLink SourceImageName OS LogicalDiskSizeInGB:i IOType ResizedSizeInGB:i"
)
DATA_VHD = fields("HostCaching DiskLabel DiskName Lun:i LogicalDiskSizeInGB:i MediaLink SourceMediaLink IOType")
ROLE = fields(
    "RoleName RoleType ConfigurationSets VMImageName AvailabilitySetName DataVirtualHardDisks Label "
    "OSVirtualHardDisk RoleSize ProvisionGuestAgent:b",
    ConfigurationSets=ListOf("ConfigurationSet", CONFIGURATION_SET),
    DataVirtualHardDisks=ListOf("DataVirtualHardDisk", DATA_VHD),
    OSVirtualHardDisk=Obj(OS_VHD),
)
ROLE_INSTANCE = fields(
    "RoleName InstanceName InstanceStatus InstanceUpgradeDomain:i InstanceFaultDomain:i "
    "InstanceSize IpAddress PowerState HostName"
)
DEPLOYMENT = fields(
    "Name DeploymentSlot Status Label:b64 Url RoleInstanceList RoleList CreatedTime VirtualIPs",
    RoleInstanceList=ListOf("RoleInstance", ROLE_INSTANCE),
    RoleList=ListOf("Role", ROLE),
    # the deployment's public addresses, one of them the reserved IP it was created with (-ReservedIPName)
    VirtualIPs=ListOf("VirtualIP", fields("Address IsDnsProgrammed:b Name ReservedIPName")),
)
# Create Virtual Machine Deployment takes its label as plain text, unlike Get Deployment's answer;
# ReservedIPName follows RoleList (and VirtualNetworkName, Dns, which pscompat does not send).
DEPLOYMENT_CREATE = fields("Name DeploymentSlot Label RoleList ReservedIPName", RoleList=ListOf("Role", ROLE))
# Get Cloud Service Properties with embed-detail=true: the service and its deployments.
HOSTED_SERVICE_DETAILED = fields(
    f"{HOSTED_SERVICE_FIELDS} Deployments",
    HostedServiceProperties=HOSTED_SERVICE_PROPERTIES,
    Deployments=ListOf("Deployment", DEPLOYMENT),
)

ROLE_OPERATIONS = {  # root element -> body (docs/azure-classic-api.md §3.3); the root names the operation
    "ShutdownRoleOperation": fields("OperationType PostShutdownAction"),
    "StartRoleOperation": fields("OperationType"),
    "RestartRoleOperation": fields("OperationType"),
    "CaptureRoleOperation": fields("OperationType PostCaptureAction TargetImageLabel TargetImageName"),
    "CaptureRoleAsVMImageOperation": fields(
        "OperationType OSState VMImageName VMImageLabel Description Language ImageFamily RecommendedVMSize"
    ),
}

OPERATION = fields("ID Status HttpStatusCode:i Error", Error=Obj(fields("Code Message")))
ERROR = fields("Code Message")
LOCATION = fields(
    "Name DisplayName AvailableServices ComputeCapabilities",
    AvailableServices=ListOf("AvailableService", "s"),
    ComputeCapabilities=Obj(
        fields(
            "VirtualMachinesRoleSizes WebWorkerRoleSizes",
            VirtualMachinesRoleSizes=ListOf("RoleSize", "s"),
            WebWorkerRoleSizes=ListOf("RoleSize", "s"),
        )
    ),
)
ROLE_SIZE = fields(
    "Name Label Cores:i MemoryInMb:i SupportedByWebWorkerRoles:b SupportedByVirtualMachines:b "
    "MaxDataDiskCount:i WebWorkerResourceDiskSizeInMb:i VirtualMachineResourceDiskSizeInMb:i"
)
SUBSCRIPTION = fields(
    "SubscriptionID SubscriptionName SubscriptionStatus AccountAdminLiveEmailId ServiceAdminLiveEmailId"
)

# Get/List Storage Accounts (StorageServiceProperties flattened) and Update Storage Account's input.
STORAGE_SERVICE = fields(
    "Url ServiceName StorageServiceProperties",
    StorageServiceProperties=Flat(
        fields(
            "Description AffinityGroup Location Label:b64 Status Endpoints GeoReplicationEnabled:b "
            "GeoPrimaryRegion StatusOfPrimary GeoSecondaryRegion StatusOfSecondary CreationTime AccountType",
            Endpoints=ListOf("Endpoint", "s"),
        )
    ),
)
STORAGE_UPDATE = fields("Description Label:b64 AccountType")

# Collections: root element -> ListOf(item element, schema).
IMAGES = ListOf("OSImage", OS_IMAGE)
VM_IMAGES = ListOf("VMImage", VM_IMAGE)
HOSTED_SERVICES = ListOf("HostedService", HOSTED_SERVICE)
LOCATIONS = ListOf("Location", LOCATION)
ROLE_SIZES = ListOf("RoleSize", ROLE_SIZE)
STORAGE_SERVICES = ListOf("StorageService", STORAGE_SERVICE)
