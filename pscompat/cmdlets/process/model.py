"""System.Diagnostics.Process over Linux's /proc, with the values .NET reports there.

Sources: dotnet/runtime ProcessManager.Linux.cs (CreateProcessInfo: memory from
/proc/pid/status, SessionId and BasePriority from /proc/pid/stat), Process.Linux.cs (processor
times in clock ticks, StartTime from /proc/stat btime, HandleCount = entries of /proc/pid/fd,
GetUntruncatedProcessName), Process.Unix.cs (Kill sends SIGKILL, Responding is always true);
PowerShell's TypeTable_Types_Ps1Xml.cs (the Name/SI/Handles/VM/WS/PM/NPM aliases and the Path,
CommandLine, Parent and CPU script properties).

Like .NET, an object keeps the snapshot it was read with until Refresh(); a process that exits
while it is read simply leaves its values empty, it never raises.
"""

from __future__ import annotations

import datetime as _dt
import enum
import os
import pwd
import signal
import time

from pscompat.values.dotnet.integers import Int64

PROCESS_TYPE_NAMES = (
    "System.Diagnostics.Process",
    "System.ComponentModel.Component",
    "System.MarshalByRefObject",
    "System.Object",
)
USER_NAME_TYPE_NAME = "System.Diagnostics.Process#IncludeUserName"

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
_DEAD_STATES = ("Z", "X", "x")  # a zombie has exited; only its parent's wait() is missing


class ProcessPriorityClass(enum.IntEnum):
    Normal = 32
    Idle = 64
    High = 128
    RealTime = 256
    BelowNormal = 16384
    AboveNormal = 32768


ProcessPriorityClass.PS_TYPE_NAMES = (
    "System.Diagnostics.ProcessPriorityClass",
    "System.Enum",
    "System.ValueType",
    "System.Object",
)
ProcessPriorityClass.__str__ = lambda self: self.name


def _read(path: str, binary: bool = False):
    try:
        with open(
            path, "rb" if binary else "r", encoding=None if binary else "utf-8", errors=None if binary else "replace"
        ) as f:
            return f.read()
    except (OSError, ValueError):  # gone, not ours to read, or a kernel thread's empty files
        return None


def _parse_stat(text: str | None) -> tuple[str, list[str]] | None:
    """(comm, the fields after it) of /proc/pid/stat; comm may hold spaces and parentheses."""
    if not text:
        return None
    open_at, close_at = text.find("("), text.rfind(")")
    if open_at < 0 or close_at < open_at:
        return None
    return text[open_at + 1 : close_at], text[close_at + 2 :].split()


def _parse_status(text: str | None) -> dict:
    """The kB figures of /proc/pid/status (VmRSS & co), in bytes; absent for kernel threads."""
    values = {}
    for line in (text or "").splitlines():
        key, _, rest = line.partition(":")
        parts = rest.split()
        if key.startswith("Vm") and parts and parts[0].isdigit():
            values[key] = int(parts[0]) * 1024
    return values


def _untruncated_name(comm: str, cmdline: bytes | None) -> str:
    """Process.GetUntruncatedProcessName: comm is cut at 15 characters, so argv[0] (or argv[1],
    the script of an interpreter) names the process when its file name starts with comm."""
    args = (cmdline or b"").split(b"\0")
    for arg in args[:2]:
        name = arg.rsplit(b"/", 1)[-1].decode("utf-8", "replace")
        if comm and name.lower().startswith(comm.lower()):
            return name
    return comm


def _boot_time() -> float:
    for line in (_read("/proc/stat") or "").splitlines():
        if line.startswith("btime "):
            return float(line.split()[1])
    return time.time()


def _int32(value: int) -> int:
    """The obsolete 32-bit properties (WorkingSet, ...) are unchecked casts of the 64-bit ones."""
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value


def _ticks(count: int | None) -> _dt.timedelta | None:
    return None if count is None else _dt.timedelta(seconds=count / _CLOCK_TICKS)


class ProcessThread:
    PS_TYPE_NAMES = (
        "System.Diagnostics.ProcessThread",
        "System.ComponentModel.Component",
        "System.MarshalByRefObject",
        "System.Object",
    )
    PS_PROPERTIES = ("Id",)

    def __init__(self, tid: int):
        self.Id = tid

    def ToString(self) -> str:
        return "System.Diagnostics.ProcessThread"


class Process:
    PS_TYPE_NAMES = PROCESS_TYPE_NAMES
    # pwsh's `Format-List *` order: the type table's members, then .NET's properties.
    PS_PROPERTIES = (
        "Name",
        "SI",
        "Handles",
        "VM",
        "WS",
        "PM",
        "NPM",
        "Path",
        "CommandLine",
        "Parent",
        "Company",
        "CPU",
        "FileVersion",
        "ProductVersion",
        "Description",
        "Product",
        "__NounName",
        "BasePriority",
        "HasExited",
        "StartTime",
        "Id",
        "MachineName",
        "MainWindowHandle",
        "MainWindowTitle",
        "NonpagedSystemMemorySize64",
        "NonpagedSystemMemorySize",
        "PagedMemorySize64",
        "PagedMemorySize",
        "PagedSystemMemorySize64",
        "PagedSystemMemorySize",
        "PeakPagedMemorySize64",
        "PeakPagedMemorySize",
        "PeakWorkingSet64",
        "PeakWorkingSet",
        "PeakVirtualMemorySize64",
        "PeakVirtualMemorySize",
        "PriorityClass",
        "PrivateMemorySize64",
        "PrivateMemorySize",
        "PrivilegedProcessorTime",
        "ProcessName",
        "Responding",
        "SessionId",
        "Threads",
        "TotalProcessorTime",
        "UserProcessorTime",
        "VirtualMemorySize64",
        "VirtualMemorySize",
        "HandleCount",
        "WorkingSet64",
        "WorkingSet",
    )

    def __init__(self, pid: int, stat: tuple[str, list[str]], status: dict, cmdline: bytes | None):
        self.Id = pid
        self._load(stat, status, cmdline)

    @classmethod
    def read(cls, pid: int) -> Process | None:
        """The process with this id as /proc shows it now, or None when there is none."""
        stat = _parse_stat(_read(f"/proc/{pid}/stat"))
        if stat is None:
            return None
        return cls(pid, stat, _parse_status(_read(f"/proc/{pid}/status")), _read(f"/proc/{pid}/cmdline", True))

    def _load(self, stat, status: dict, cmdline: bytes | None) -> None:
        comm, fields = stat

        def number(i):
            return int(fields[i]) if len(fields) > i and fields[i].lstrip("-").isdigit() else None

        self._state = fields[0] if fields else "X"
        self._ppid = number(1)
        self._session = number(3) or 0
        self._utime, self._stime = number(11), number(12)
        self._nice = number(16) or 0
        self._start_ticks = number(19)
        self._status = status
        self._cmdline = cmdline
        self.ProcessName = _untruncated_name(comm, cmdline)

    # -- the type table's members -----------------------------------------------------------
    Name = property(lambda self: self.ProcessName)
    SI = property(lambda self: self.SessionId)
    Handles = property(lambda self: self.HandleCount)
    VM = property(lambda self: self.VirtualMemorySize64)
    WS = property(lambda self: self.WorkingSet64)
    PM = property(lambda self: self.PagedMemorySize64)
    NPM = property(lambda self: self.NonpagedSystemMemorySize64)
    # FileVersionInfo of a native Linux binary is empty
    Company = FileVersion = ProductVersion = Description = Product = property(lambda self: None)

    @property
    def Path(self) -> str | None:
        try:
            return os.readlink(f"/proc/{self.Id}/exe")
        except OSError:  # a kernel thread, another user's process, or gone
            return None

    @property
    def CommandLine(self) -> str | None:
        # pwsh: Get-Content /proc/<id>/cmdline, less its final NUL, NULs turned into spaces
        if not self._cmdline:
            return None
        return self._cmdline[:-1].decode("utf-8", "replace").replace("\0", " ")

    @property
    def Parent(self) -> Process | None:
        return Process.read(self._ppid) if self._ppid else None

    @property
    def CPU(self) -> float | None:
        total = self.TotalProcessorTime
        return None if total is None else total.total_seconds()

    # -- .NET's properties ------------------------------------------------------------------
    SessionId = property(lambda self: self._session)
    BasePriority = property(lambda self: self._nice)
    MachineName = property(lambda self: ".")
    MainWindowHandle = property(lambda self: 0)
    MainWindowTitle = property(lambda self: "")
    Responding = property(lambda self: True)
    NonpagedSystemMemorySize64 = PeakPagedMemorySize64 = property(lambda self: Int64(0))
    PagedMemorySize64 = PagedSystemMemorySize64 = property(lambda self: Int64(self._status.get("VmSwap", 0)))
    PeakWorkingSet64 = property(lambda self: Int64(self._status.get("VmHWM", 0)))
    PeakVirtualMemorySize64 = property(lambda self: Int64(self._status.get("VmPeak", 0)))
    PrivateMemorySize64 = property(lambda self: Int64(self._status.get("VmData", 0)))
    VirtualMemorySize64 = property(lambda self: Int64(self._status.get("VmSize", 0)))
    WorkingSet64 = property(lambda self: Int64(self._status.get("VmRSS", 0)))
    NonpagedSystemMemorySize = property(lambda self: _int32(self.NonpagedSystemMemorySize64))
    PagedMemorySize = property(lambda self: _int32(self.PagedMemorySize64))
    PagedSystemMemorySize = property(lambda self: _int32(self.PagedSystemMemorySize64))
    PeakPagedMemorySize = property(lambda self: _int32(self.PeakPagedMemorySize64))
    PeakWorkingSet = property(lambda self: _int32(self.PeakWorkingSet64))
    PeakVirtualMemorySize = property(lambda self: _int32(self.PeakVirtualMemorySize64))
    PrivateMemorySize = property(lambda self: _int32(self.PrivateMemorySize64))
    VirtualMemorySize = property(lambda self: _int32(self.VirtualMemorySize64))
    WorkingSet = property(lambda self: _int32(self.WorkingSet64))
    UserProcessorTime = property(lambda self: _ticks(self._utime))
    PrivilegedProcessorTime = property(lambda self: _ticks(self._stime))

    @property
    def TotalProcessorTime(self) -> _dt.timedelta | None:
        if self._utime is None or self._stime is None:
            return None
        return _ticks(self._utime + self._stime)

    @property
    def StartTime(self) -> _dt.datetime | None:
        if self._start_ticks is None:
            return None
        return _dt.datetime.fromtimestamp(_boot_time() + self._start_ticks / _CLOCK_TICKS)

    @property
    def PriorityClass(self) -> ProcessPriorityClass:
        # Process.Unix.cs PriorityClassCore: nice -5..-1 falls through to BelowNormal there too
        nice = self._nice
        return (
            ProcessPriorityClass.RealTime
            if nice < -15
            else ProcessPriorityClass.High
            if nice < -10
            else ProcessPriorityClass.AboveNormal
            if nice < -5
            else ProcessPriorityClass.Normal
            if nice == 0
            else ProcessPriorityClass.BelowNormal
            if nice <= 10
            else ProcessPriorityClass.Idle
        )

    @property
    def HandleCount(self) -> int:
        try:
            return len(os.listdir(f"/proc/{self.Id}/fd"))
        except OSError:
            return 0

    @property
    def Threads(self) -> list:
        try:
            return [ProcessThread(int(t)) for t in sorted(os.listdir(f"/proc/{self.Id}/task"), key=int)]
        except (OSError, ValueError):
            return []

    @property
    def HasExited(self) -> bool:
        stat = _parse_stat(_read(f"/proc/{self.Id}/stat"))
        if stat is None or not stat[1] or stat[1][0] in _DEAD_STATES:
            return True
        # a recycled id is another process: compare start times
        return len(stat[1]) > 19 and stat[1][19] != str(self._start_ticks)

    # -- methods ----------------------------------------------------------------------------
    def Kill(self, entireProcessTree: bool = False) -> None:
        """SIGKILL, as .NET's Process.Kill() on Unix; a process already gone is no error."""
        if self.HasExited:
            return
        if entireProcessTree:
            for child in children_of(self.Id):
                child.Kill(True)
        try:
            os.kill(self.Id, signal.SIGKILL)
        except ProcessLookupError:
            pass
        except PermissionError as exc:
            from pscompat.values.methods.invoke import DotNetError

            raise DotNetError(
                exc.strerror or "Operation not permitted", "System.ComponentModel.Win32Exception"
            ) from None

    def Refresh(self) -> None:
        stat = _parse_stat(_read(f"/proc/{self.Id}/stat"))
        if stat is not None:
            self._load(stat, _parse_status(_read(f"/proc/{self.Id}/status")), _read(f"/proc/{self.Id}/cmdline", True))

    def WaitForExit(self, milliseconds=None):
        """WaitForExit() is void; WaitForExit(ms) says whether the process exited in time."""
        from pscompat.values.methods.invoke import VOID

        # not our child in general, so no waitpid(): poll as .NET does for other processes
        deadline = None if milliseconds is None or milliseconds < 0 else time.monotonic() + milliseconds / 1000
        while not self.HasExited:
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return VOID if milliseconds is None else True

    def Close(self) -> None:
        pass

    Dispose = Close

    def ToString(self) -> str:
        return f"System.Diagnostics.Process ({self.ProcessName})" if self.ProcessName else "System.Diagnostics.Process"

    def __repr__(self) -> str:
        return f"<Process {self.ProcessName} ({self.Id})>"


setattr(Process, "__NounName", "Process")


class ProcessWithUserName(Process):
    """What Get-Process -IncludeUserName writes: the process plus a UserName note property."""

    PS_TYPE_NAMES = (USER_NAME_TYPE_NAME,) + PROCESS_TYPE_NAMES
    PS_PROPERTIES = ("UserName",) + Process.PS_PROPERTIES

    @property
    def UserName(self) -> str | None:
        # Platform.NonWindowsGetUserFromPid: the owner of /proc/<pid>
        try:
            return pwd.getpwuid(os.stat(f"/proc/{self.Id}").st_uid).pw_name
        except (OSError, KeyError):
            return None


def process_ids() -> list[int]:
    try:
        return [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []


def all_processes(cls: type = Process) -> list[Process]:
    """Every process /proc lists; one that exits before it is read is left out."""
    found = (cls.read(pid) for pid in process_ids())
    return [p for p in found if p is not None]


def children_of(pid: int) -> list[Process]:
    return [p for p in all_processes() if p._ppid == pid]
