"""Issue 10: the sandbox's storage failing for real (a full disk, a lock held by another process,
a damaged or truncated file, a read-only or missing home) becomes a PowerShell error naming the
cmdlet, the file and how to recover, `-ErrorAction Stop` ends the script, and the admin command
`python -m pscompat.azure.sandbox` never prints a traceback.  Each case runs pscompat as a process
against a real condition (tmpfs, a bind mount made read-only, a process holding the write lock)."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pscompat.azure.backends import store
from pscompat.azure.backends.storage_errors import StorageError

REPO = Path(__file__).resolve().parents[1]
BLOB = "https://pscompatsandbox.blob.core.windows.net/vhds/"
# 400 images of ~10 kB each: far more than 2 MB holds
LOOP = (
    "foreach ($i in 1..400) { Add-AzureVMImage -ImageName \"img$i-$('x'*2000)\" "
    f"-MediaLocation \"{BLOB}i$i-$('y'*3000).vhd\" -OS Linux -Description ('z'*5000) -ErrorAction Stop "
    '| Out-Null; "saved $i" }; "not reached"'
)


def run(args: list[str], home: Path, preexec=None, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env={**os.environ, "PSCOMPAT_HOME": str(home), "PSCOMPAT_SANDBOX_LATENCY": "0", **env},
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec,
    )


def pscompat(script: str, home: Path, **env) -> subprocess.CompletedProcess:
    return run(["-m", "pscompat", "-c", script], home, **env)


def sandbox_cli(*args: str, home: Path, **env) -> subprocess.CompletedProcess:
    return run(["-m", "pscompat.azure.sandbox", *args], home, **env)


def assert_clean(done: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    for python_text in ("OperationalError", "DatabaseError", "RuntimeException", "Errno"):
        assert python_text not in done.stderr, done.stderr


def mounted(kind: str, target: Path, source: Path | None = None) -> bool:
    """Mount a 2 MB tmpfs, or a read-only bind of `source`, at `target` (False when not allowed)."""
    target.mkdir(parents=True, exist_ok=True)
    if kind == "tmpfs":
        cmds = [["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(target)]]
    else:
        cmds = [["mount", "--bind", str(source), str(target)], ["mount", "-o", "remount,ro,bind", str(target)]]
    for cmd in cmds:
        if subprocess.run(cmd, capture_output=True).returncode != 0:
            subprocess.run(["umount", str(target)], capture_output=True)
            return False
    return True


@pytest.fixture
def mounts():
    made: list[Path] = []
    yield lambda kind, target, source=None: mounted(kind, target, source) and (made.append(target) or True)
    for target in reversed(made):
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def seeded(home: Path) -> Path:
    done = sandbox_cli("reset", home=home)
    assert done.returncode == 0, done.stderr
    return home / store.DB_NAME


# --- a full disk -------------------------------------------------------------------------------------
def _limit_file_size():  # the fallback where mounting is not allowed: writes past 2 MB fail with EFBIG
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 1024 * 1024, 2 * 1024 * 1024))


def test_a_full_disk_stops_the_loop_with_the_cmdlets_error_and_a_hint(tmp_path, mounts):
    """Issue 10: a loop printed "saved" 400 times on a full disk.  Now the first failing
    Add-AzureVMImage writes SandboxDiskFull and -ErrorAction Stop ends the script."""
    home = tmp_path / "full"
    if mounts("tmpfs", home):
        done = pscompat(LOOP, home)
        expected = "SandboxDiskFull: The Azure sandbox could not write"
    else:
        done = run(["-m", "pscompat", "-c", LOOP], home, preexec=_limit_file_size)
        expected = "SandboxDiskFull: The Azure sandbox could not write"
    assert_clean(done)
    saved = done.stdout.split()
    assert "not reached" not in done.stdout and 0 < len(saved) // 2 < 400, done.stdout
    assert "Add-AzureVMImage: " + expected in done.stderr, done.stderr
    assert "Nothing was changed. Free some space on that disk, or move the sandbox with PSCOMPAT_HOME" in done.stderr
    assert done.returncode == 1
    # what was saved before is intact, and the admin command says so or says what is wrong
    check = sandbox_cli("check", home=home)
    assert_clean(check)
    assert check.returncode == 0 and check.stdout.strip() == "consistent", check.stdout + check.stderr
    grow = sandbox_cli("grow", "100000", home=home)
    assert_clean(grow)
    assert grow.returncode == 1 and grow.stderr.startswith("error: The Azure sandbox could not write")


# --- a lock held for long ----------------------------------------------------------------------------
HOLD = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    time.sleep(60)
    """
)


def test_a_lock_held_by_another_process_is_a_busy_error_naming_it(tmp_path):
    home = tmp_path / "busy"
    db = seeded(home)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        done = pscompat(
            f"Add-AzureVMImage held -MediaLocation {BLOB}held.vhd -OS Linux -ErrorAction Stop; 'not reached'",
            home,
            PSCOMPAT_SANDBOX_LOCK_TIMEOUT="1",
        )
        assert time.monotonic() - started < 60
        assert_clean(done)
        assert "not reached" not in done.stdout
        assert f"Add-AzureVMImage: SandboxBusy: The Azure sandbox {db} stayed locked by another process" in (
            done.stderr
        )
        assert f"process {holder.pid}: python" in done.stderr and "PSCOMPAT_SANDBOX_LOCK_TIMEOUT" in done.stderr
        # readers are not held up (WAL)
        listing = pscompat("Get-AzureVMImage MyOldVmImage | % ImageName", home, PSCOMPAT_SANDBOX_LOCK_TIMEOUT="1")
        assert listing.stdout.strip() == "MyOldVmImage", listing.stderr
    finally:
        holder.kill()
        holder.wait()
    assert pscompat(f"Add-AzureVMImage held -MediaLocation {BLOB}held.vhd -OS Linux | % ImageName", home).stdout == (
        "held\n"
    )


# --- a damaged or truncated file ---------------------------------------------------------------------
def _garble_header(db: Path) -> None:
    with open(db, "r+b") as fh:
        fh.write(b"this is no longer a database file")


def _garble_pages(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page's b-tree header
        data[offset : offset + 16] = b"\xa5" * 16
    db.write_bytes(bytes(data))


def _truncate(db: Path) -> None:
    os.truncate(db, db.stat().st_size // 3)


@pytest.mark.parametrize("damage", [_garble_header, _garble_pages, _truncate])
def test_a_damaged_file_is_reported_checked_and_reset_keeps_it_aside(tmp_path, damage):
    home = tmp_path / "damaged"
    db = seeded(home)
    damage(db)
    done = pscompat("Get-AzureVMImage | Out-Null; Remove-AzureVMImage MyOldVmImage -ErrorAction Stop; 'no'", home)
    assert_clean(done)
    assert "no\n" not in done.stdout
    assert f"SandboxDamaged: The Azure sandbox {db} is damaged (" in done.stderr, done.stderr
    assert "`python -m pscompat.azure.sandbox reset` starts a fresh sandbox" in done.stderr
    check = sandbox_cli("check", home=home)
    assert_clean(check)
    assert check.returncode == 1 and "is damaged" in check.stdout + check.stderr
    reset = sandbox_cli("reset", home=home)
    assert_clean(reset)
    assert reset.returncode == 0 and "(the damaged file is kept as" in reset.stdout, reset.stderr
    assert len(list(home.glob(f"{store.DB_NAME}.damaged-*"))) == 1
    assert pscompat("Get-AzureVMImage MyOldVmImage | % ImageName", home).stdout == "MyOldVmImage\n"
    assert sandbox_cli("check", home=home).stdout == "consistent\n"


# --- a read-only or missing home ---------------------------------------------------------------------
def test_a_read_only_home_is_a_permission_error(tmp_path, mounts):
    home = tmp_path / "ro"
    source = tmp_path / "src"
    seeded(source)
    if not mounts("ro", home, source):
        pytest.skip("bind mounts are not allowed here (the chmod case below still runs)")
    done = pscompat("Remove-AzureVMImage MyOldVmImage -ErrorAction Stop; 'not reached'", home)
    assert_clean(done)
    assert f"Remove-AzureVMImage: SandboxReadOnly: The Azure sandbox cannot write {home}" in done.stderr
    assert "point PSCOMPAT_HOME at a folder you can write" in done.stderr and "not reached" not in done.stdout
    for args in (["check"], ["reset"], ["grow", "10"]):
        cli = sandbox_cli(*args, home=home)
        assert_clean(cli)
        assert cli.returncode == 1 and cli.stderr.startswith("error: The Azure sandbox cannot write"), cli.stderr


def test_a_home_that_cannot_be_made_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    home = blocker / "pscompat"
    done = pscompat("Get-AzureVMImage MyOldVmImage; 'after'", home)
    assert_clean(done)
    assert done.stdout == "after\n"
    assert f"Get-AzureVMImage: SandboxHomeMissing: The Azure sandbox has no folder to keep its data in: {home}" in (
        done.stderr
    )
    for args in (["reset"], ["grow", "3"]):
        cli = sandbox_cli(*args, home=home)
        assert_clean(cli)
        assert cli.returncode == 1 and "Set PSCOMPAT_HOME to a folder you can write" in cli.stderr, cli.stderr
    assert sandbox_cli("check", home=home).stdout.startswith("no sandbox yet at ")


def test_no_home_folder_at_all_is_reported_not_made_in_the_working_directory(monkeypatch, tmp_path):
    import pwd

    monkeypatch.delenv("PSCOMPAT_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: (_ for _ in ()).throw(KeyError(uid)))  # a user without one
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StorageError, match="HOME is not set and this user has no home folder"):
        store.db_path()
    assert list(tmp_path.iterdir()) == []


def test_a_home_removed_during_a_session_starts_over_instead_of_writing_to_a_deleted_file(tmp_path):
    script = textwrap.dedent(
        f"""
        import shutil, sys
        import pscompat
        s = pscompat.Session()
        s.run("Get-AzureVMImage MyOldVmImage | Out-Null")
        shutil.rmtree(sys.argv[1])
        r = s.run("Add-AzureVMImage after -MediaLocation {BLOB}a.vhd -OS Linux | Out-Null")
        print([e.message for e in r.errors])
        """
    )
    home = tmp_path / "gone"
    done = run(["-c", script, str(home)], home)
    assert done.stdout.strip() == "[]", done.stderr
    assert pscompat("Get-AzureVMImage after | % ImageName", home).stdout == "after\n"


# --- the admin command's arguments, and the files' modes ---------------------------------------------
@pytest.mark.parametrize(
    "args",
    [[], ["frobnicate"], ["grow"], ["grow", "abc"], ["grow", "-1"], ["grow", "1e9"], ["check", "x"], ["path", "x"]],
)
def test_bad_arguments_print_the_usage(tmp_path, args):
    done = sandbox_cli(*args, home=tmp_path)
    assert_clean(done)
    assert done.returncode == 2 and done.stderr.startswith("usage: python -m pscompat.azure.sandbox COMMAND")
    assert not (tmp_path / store.DB_NAME).exists()


def test_check_of_a_missing_sandbox_does_not_make_one(tmp_path):
    done = sandbox_cli("check", home=tmp_path / "none")
    assert done.returncode == 0 and done.stdout.startswith("no sandbox yet at ")
    assert not (tmp_path / "none").exists()


def test_the_home_is_0700_and_the_database_files_0600(tmp_path):
    home = tmp_path / "new" / "home"
    done = pscompat(f"Add-AzureVMImage m -MediaLocation {BLOB}m.vhd -OS Linux | Out-Null", home)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    conn = sqlite3.connect(home / store.DB_NAME)  # keeps the -wal and -shm files while open
    conn.execute("SELECT 1 FROM os_images").fetchone()
    try:
        files = sorted(home.iterdir())
        assert [f.name for f in files][0] == store.DB_NAME
        assert {oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {"0o600"}, files
    finally:
        conn.close()
