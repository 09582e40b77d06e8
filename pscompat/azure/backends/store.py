"""The sandbox's SQLite file: where it lives, its schema, seeding, reset and growth.

One database per `$PSCOMPAT_HOME` (default `$XDG_DATA_HOME/pscompat`, else
`~/.local/share/pscompat`).  WAL mode lets readers stream a 100k-image listing while another
process writes; every mutation runs inside `BEGIN IMMEDIATE … COMMIT`, so two shells saving and
removing images serialize instead of losing updates, and a process killed mid-write leaves the
previous committed state (SQLite's journal rolls the half transaction back on next open).

Resources are stored as their REST bodies (JSON text) next to the columns we look them up by.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pscompat.azure.backends import catalog, storage_errors
from pscompat.azure.backends.base import bad_request, conflict

SCHEMA_VERSION = "2"  # 2: one image name is never both an OS image and a VM image (triggers below)
DB_NAME = "azure-sandbox.sqlite3"

_SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS os_images (seq INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                                      body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vm_images (seq INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                                      body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS services (name TEXT PRIMARY KEY COLLATE NOCASE, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deployments (service TEXT PRIMARY KEY COLLATE NOCASE
                                        REFERENCES services(name) ON DELETE CASCADE, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS disks (name TEXT PRIMARY KEY COLLATE NOCASE, body TEXT NOT NULL, attached_to TEXT);
CREATE TABLE IF NOT EXISTS blobs (url TEXT PRIMARY KEY, size_gb INTEGER NOT NULL, source TEXT);
CREATE TABLE IF NOT EXISTS subscriptions (id TEXT PRIMARY KEY, body TEXT NOT NULL, is_default INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS operations (id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL,
    http_status INTEGER, error_code TEXT, error_message TEXT, payload TEXT, pid INTEGER,
    started REAL NOT NULL, duration REAL NOT NULL, finished REAL);
CREATE INDEX IF NOT EXISTS operations_status ON operations(status);
"""
    + """
-- One name, one image: an OS image and a VM image of the same name could be removed or updated by no
-- cmdlet (Remove/Update-AzureVMImage stop at "Duplicate names").  The check runs inside the inserting
-- statement, under SQLite's single write lock, so two processes capturing the same name at once
-- cannot both pass it (a check in Python before the INSERT could).
CREATE TRIGGER IF NOT EXISTS os_image_name_is_free BEFORE INSERT ON os_images
WHEN EXISTS (SELECT 1 FROM vm_images WHERE name = NEW.name)
BEGIN SELECT RAISE(ABORT, 'image name taken'); END;
CREATE TRIGGER IF NOT EXISTS vm_image_name_is_free BEFORE INSERT ON vm_images
WHEN EXISTS (SELECT 1 FROM os_images WHERE name = NEW.name)
BEGIN SELECT RAISE(ABORT, 'image name taken'); END;
"""
)
_TABLES = ("os_images", "vm_images", "deployments", "services", "disks", "blobs", "subscriptions", "operations", "meta")


def home(explicit: str | os.PathLike | None = None) -> Path:
    """`$PSCOMPAT_HOME`, else `$XDG_DATA_HOME/pscompat`, else `~/.local/share/pscompat`; always
    absolute (a relative one would move with the working directory)."""
    if explicit:
        return Path(explicit).absolute()
    if os.environ.get("PSCOMPAT_HOME"):
        return Path(os.environ["PSCOMPAT_HOME"]).absolute()
    data = os.environ.get("XDG_DATA_HOME")
    if not data or not os.path.isabs(data):  # the XDG spec: a relative value is ignored
        user_home = os.path.expanduser("~")
        if user_home.startswith("~") or not os.path.isabs(user_home):
            raise storage_errors.no_home("HOME is not set and this user has no home folder")
        data = os.path.join(user_home, ".local", "share")
    return Path(data) / "pscompat"


def db_path(home_dir: str | os.PathLike | None = None) -> Path:
    return home(home_dir) / DB_NAME


def connect(path: Path) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit) in WAL mode that waits for locks.

    The folder is made 0700 and the database 0600 (SQLite gives its -wal and -shm files the
    database's mode): a subscription's state is its owner's alone."""
    if not path.parent.is_dir():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    timeout = storage_errors.lock_timeout()
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=timeout, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is crash-safe in WAL mode (only a power cut can lose the last commits).
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE takes the write lock up front, so read-check-write sequences are atomic."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite may have rolled back already (a full disk, an I/O error): the first error is the one to tell
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        raise
    conn.execute("COMMIT")


def open_store(path: Path) -> sqlite3.Connection:
    """Connect, creating and seeding the sandbox on first use, or bringing an older one up to
    date (safe when two processes race: the second finds the work done)."""
    conn = connect(path)
    try:
        if _version(conn) == SCHEMA_VERSION:
            return conn
        with transaction(conn):
            version = _version(conn)
            if version is not None and version.isdigit() and int(version) > int(SCHEMA_VERSION):
                raise storage_errors.newer(path, version)
            if version != SCHEMA_VERSION:
                create_schema(conn)  # IF NOT EXISTS throughout: also adds what a version 1 store lacks
                if version is None:
                    _seed(conn)
                else:
                    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (SCHEMA_VERSION,))
    except BaseException:
        conn.close()
        raise
    return conn


def create_schema(conn: sqlite3.Connection) -> None:
    """The tables, indexes and triggers that do not exist yet (inside the caller's transaction)."""
    # statement by statement (triggers hold `;` inside): executescript() would COMMIT our transaction
    pending = ""
    for line in _SCHEMA.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""


def _version(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.OperationalError:  # no tables yet
        return None
    return row[0] if row else None


def dumps(body: dict) -> str:
    return json.dumps(body, separators=(",", ":"))


def insert_image(conn: sqlite3.Connection, table: str, image: dict) -> None:
    """Add an OS image (`os_images`) or VM image (`vm_images`); a name taken by an image of either
    kind (any case) is the service's 409 ConflictError, and nothing is added."""
    try:
        conn.execute(f"INSERT INTO {table} (name, body) VALUES (?, ?)", (image["Name"], dumps(image)))
    except sqlite3.IntegrityError:  # the UNIQUE name of the table, or the trigger of the other one
        raise conflict(f"An image with the name '{image['Name']}' already exists.") from None


def _seed(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT INTO os_images (name, body) VALUES (?, ?)", ((i["Name"], dumps(i)) for i in catalog.public_os_images())
    )
    for image in catalog.public_vm_images() + catalog.demo_user_vm_images():
        insert_image(conn, "vm_images", image)
        for disk in [image["OSDiskConfiguration"], *image["DataDiskConfigurations"]]:
            if disk.get("MediaLink"):
                put_blob(conn, disk["MediaLink"], disk["LogicalDiskSizeInGB"], image["Name"])
    for service in catalog.demo_services():
        conn.execute("INSERT INTO services (name, body) VALUES (?, ?)", (service["ServiceName"], dumps(service)))
    for deployment in catalog.demo_deployments():
        service = deployment["Name"]
        conn.execute("INSERT INTO deployments (service, body) VALUES (?, ?)", (service, dumps(deployment)))
        for role in deployment["RoleList"]:
            for disk in [role["OSVirtualHardDisk"], *role["DataVirtualHardDisks"]]:
                register_disk(conn, disk, f"{service}/{role['RoleName']}")
    for sub in catalog.subscriptions():
        conn.execute(
            "INSERT INTO subscriptions (id, body, is_default) VALUES (?, ?, ?)",
            (sub["SubscriptionId"], dumps(sub), int(sub["IsDefault"])),
        )
    conn.execute("INSERT INTO meta (key, value) VALUES ('schema', ?), ('synthetic', '0')", (SCHEMA_VERSION,))


# --- storage account and disk repository ----------------------------------------------------------
def put_blob(conn: sqlite3.Connection, url: str, size_gb: int, source: str | None) -> None:
    conn.execute("INSERT OR REPLACE INTO blobs (url, size_gb, source) VALUES (?, ?, ?)", (url, size_gb, source))


def delete_blob(conn: sqlite3.Connection, url: str | None) -> None:
    if url:
        conn.execute("DELETE FROM blobs WHERE url = ?", (url,))


def refuse_if_blob_in_use(conn: sqlite3.Connection, url: str | None, owner: str) -> None:
    """Before a `?comp=media` delete: a blob that a disk of the repository or another image still
    uses must stay.  The service refuses the whole request then (nothing is deleted): for a disk
    attached to a VM with its "currently in use" text (recorded from the service: pkgcloud/pkgcloud
    issue 98), otherwise with the lease conflict every other holder's lease causes (hashicorp/
    terraform issue 11941).  `owner` is the image or disk being deleted, which may hold it."""
    if not url:
        return
    for name, body, attached in conn.execute("SELECT name, body, attached_to FROM disks"):
        if name.lower() == owner.lower() or json.loads(body).get("MediaLink") != url:
            continue
        if attached:
            service, _, role = attached.partition("/")
            row = conn.execute("SELECT body FROM deployments WHERE service = ?", (service,)).fetchone()
            deployment = json.loads(row[0])["Name"] if row else service
            raise bad_request(
                f"A disk with name {name} is currently in use by virtual machine {role} running within hosted "
                f"service {service}, deployment {deployment}."
            )
        raise bad_request(f"A lease conflict occurred with the blob {url}.")
    for table in ("os_images", "vm_images"):
        for name, body in conn.execute(f"SELECT name, body FROM {table} WHERE instr(body, ?) > 0", (url,)):
            if name.lower() != owner.lower() and url in _media_links(json.loads(body)):
                raise bad_request(f"A lease conflict occurred with the blob {url}.")


def _media_links(image: dict) -> set[str]:
    disks = [image.get("OSDiskConfiguration") or {}, *(image.get("DataDiskConfigurations") or ())]
    return {link for link in [image.get("MediaLink"), *(d.get("MediaLink") for d in disks)] if link}


def blob_exists(conn: sqlite3.Connection, url: str) -> bool:
    return conn.execute("SELECT 1 FROM blobs WHERE url = ?", (url,)).fetchone() is not None


def register_disk(conn: sqlite3.Connection, disk: dict, attached_to: str | None) -> None:
    """A VM's OS or data disk in the subscription's disk repository (what Add-AzureDataDisk -Import
    finds), backed by a blob in the sandbox storage account."""
    body = {
        "DiskName": disk["DiskName"],
        "MediaLink": disk["MediaLink"],
        "OS": disk.get("OS"),
        "LogicalDiskSizeInGB": disk["LogicalDiskSizeInGB"],
        "SourceImageName": disk.get("SourceImageName"),
    }
    conn.execute(
        "INSERT OR REPLACE INTO disks (name, body, attached_to) VALUES (?, ?, ?)",
        (disk["DiskName"], dumps(body), attached_to),
    )
    put_blob(conn, disk["MediaLink"], disk["LogicalDiskSizeInGB"], disk["DiskName"])


# --- administration ----------------------------------------------------------------------------
def reset(home_dir: str | os.PathLike | None = None) -> tuple[Path, Path | None]:
    """Back to the fresh state, in one transaction (other processes keep valid connections).  A
    damaged file is not overwritten: it is renamed aside (returned second) for whoever wants to
    rescue something from it, and a fresh sandbox takes its place."""
    path = db_path(home_dir)
    kept = None
    try:
        conn = open_store(path)
        conn.execute("SELECT count(*) FROM os_images").fetchone()
    except sqlite3.DatabaseError as err:
        if storage_errors.translate(err, path).code != "SandboxDamaged":
            raise
        kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{path}{suffix}").exists():
                os.replace(f"{path}{suffix}", f"{kept}{suffix}")
        conn = open_store(path)
    try:
        with transaction(conn):
            for table in _TABLES:
                conn.execute(f"DELETE FROM {table}")
            _seed(conn)
    finally:
        conn.close()
    return path, kept


def grow(n: int, home_dir: str | os.PathLike | None = None) -> int:
    """Make the catalog hold `n` synthetic public OS images (added after the real ones); returns how
    many were added.  Benchmarks use 100k."""
    conn = open_store(db_path(home_dir))
    try:
        with transaction(conn):
            have = int(conn.execute("SELECT value FROM meta WHERE key = 'synthetic'").fetchone()[0])
            if n <= have:
                return 0
            rows = ((image["Name"], dumps(image)) for image in map(catalog.synthetic_os_image, range(have, n)))
            conn.executemany("INSERT INTO os_images (name, body) VALUES (?, ?)", rows)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'synthetic'", (str(n),))
            return n - have
    finally:
        conn.close()


def check(home_dir: str | os.PathLike | None = None) -> list[str]:
    """Consistency problems of the store (empty list = consistent): SQLite's own integrity check,
    then our invariants: every disk of a role and of a user image has its blob, every attached disk
    belongs to an existing role, no operation is half-recorded.  A damaged file is a problem
    reported, not an exception."""
    path = db_path(home_dir)
    conn = None
    try:
        conn = open_store(path)
        return _problems(conn)
    except sqlite3.DatabaseError as err:
        problem = storage_errors.translate(err, path)
        if problem.code != "SandboxDamaged":
            raise problem from None
        return [problem.message]
    finally:
        if conn is not None:
            conn.close()


def _problems(conn: sqlite3.Connection) -> list[str]:
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    roles = set()
    for (body,) in conn.execute("SELECT body FROM deployments"):
        deployment = json.loads(body)
        if not deployment["RoleList"]:
            problems.append(f"deployment {deployment['Name']} has no roles")
        for role in deployment["RoleList"]:
            roles.add(f"{deployment['Name']}/{role['RoleName']}".lower())
            for disk in [role["OSVirtualHardDisk"], *role["DataVirtualHardDisks"]]:
                if not blob_exists(conn, disk["MediaLink"]):
                    problems.append(f"role {role['RoleName']}: missing blob {disk['MediaLink']}")
    for name, attached in conn.execute("SELECT name, attached_to FROM disks WHERE attached_to IS NOT NULL"):
        if attached.lower() not in roles:
            problems.append(f"disk {name} attached to missing role {attached}")
    for (body,) in conn.execute("SELECT body FROM vm_images"):
        image = json.loads(body)
        for disk in [image["OSDiskConfiguration"], *image["DataDiskConfigurations"]]:
            if disk.get("MediaLink") and not blob_exists(conn, disk["MediaLink"]):
                problems.append(f"VM image {image['Name']}: missing blob {disk['MediaLink']}")
    both = "SELECT o.name FROM os_images o JOIN vm_images v ON v.name = o.name"
    for (name,) in conn.execute(both):
        problems.append(
            f"image name {name} is both an OS image and a VM image (made before names were kept unique): "
            "no cmdlet can remove or update it; `reset` starts the sandbox over"
        )
    for (body,) in conn.execute("SELECT body FROM os_images WHERE body LIKE '%MediaLink%'"):
        image = json.loads(body)
        if not blob_exists(conn, image["MediaLink"]):
            problems.append(f"OS image {image['Name']}: missing blob {image['MediaLink']}")
    return problems
