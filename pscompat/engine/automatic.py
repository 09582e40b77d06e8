"""Automatic variables computed when read ($HOME, $PWD, $PID, $IsLinux, $PSHOME), or built on
first use and then kept ($PSVersionTable, $Error), so that start-up does not pay for them."""

from __future__ import annotations


class PathInfo:
    """System.Management.Automation.PathInfo: a location ($PWD, Get-Location, Resolve-Path) in the
    file system, the only provider with paths here.  Its view shows Path; Format-List * the rest."""

    PS_TYPE_NAMES = ("System.Management.Automation.PathInfo", "System.Object")
    PS_PROPERTIES = ("Drive", "Provider", "ProviderPath", "Path")

    def __init__(self, path: str):
        self.Path = path

    @property
    def ProviderPath(self) -> str:
        return self.Path

    @property
    def Drive(self) -> str:
        return "/"

    @property
    def Provider(self) -> str:
        return "Microsoft.PowerShell.Core\\FileSystem"

    def ToString(self) -> str:
        return self.Path

    __str__ = ToString


class EngineIntrinsics:
    """`$ExecutionContext`: its SessionState is the session state of the scope reading it
    (`.SessionState.Module` is the module the code runs in, $null outside any: engine/modules/)."""

    PS_TYPE_NAMES = ("System.Management.Automation.EngineIntrinsics", "System.Object")

    def __init__(self, scope) -> None:
        self.SessionState = ScopeSessionState(scope)


class ScopeSessionState:
    PS_TYPE_NAMES = ("System.Management.Automation.SessionState", "System.Object")

    def __init__(self, scope) -> None:
        self.Module = scope.module
        self._scope = scope

    @property
    def PSVariable(self):
        return ScopeVariables(self._scope)


class ScopeVariables:
    """PSVariableIntrinsics: GetValue / Set seen from one scope."""

    PS_TYPE_NAMES = ("System.Management.Automation.PSVariableIntrinsics", "System.Object")

    def __init__(self, scope) -> None:
        self._scope = scope

    def GetValue(self, name, default=None):
        return self._scope.ctx.get_variable(str(name), default, scope=self._scope)

    def Set(self, name, value) -> None:
        self._scope.ctx.set_variable(str(name), value, at=self._scope)


def _host(scope):
    from pscompat.format.host_object import host_object

    return host_object(scope.ctx)


def _dynamic_variables() -> dict:
    import os

    def pwd(scope):
        return PathInfo(os.getcwd())

    def psversiontable(scope):
        # built on first use (it needs the Version type), then an ordinary global variable
        from pscompat.values.dotnet.type_literals import resolve_type
        from pscompat.values.objects.classes import Hashtable

        table = Hashtable()
        for k, v in (
            ("PSVersion", resolve_type("version").convert("7.4.0")),
            ("PSEdition", "Core"),
            ("GitCommitId", "7.4.0"),
            ("OS", f"{os.uname().sysname} {os.uname().release}" if hasattr(os, "uname") else "Windows"),
            ("Platform", "Win32NT" if os.name == "nt" else "Unix"),
            ("PSCompatibleVersions", ["1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"]),
            ("PSRemotingProtocolVersion", "2.3"),
            ("SerializationVersion", "1.1.0.1"),
            ("WSManStackVersion", "3.0"),
        ):
            table[k] = v
        scope.ctx.global_scope.vars["psversiontable"] = table
        return table

    def execution_context(scope):
        return EngineIntrinsics(scope)

    return {
        "executioncontext": execution_context,
        "psversiontable": psversiontable,
        "error": lambda scope: scope.ctx.error_list(),
        "home": lambda scope: os.path.expanduser("~"),
        "pwd": pwd,
        "pid": lambda scope: os.getpid(),
        "host": _host,
        "islinux": lambda scope: os.name != "nt" and os.uname().sysname == "Linux",
        "iswindows": lambda scope: os.name == "nt",
        "ismacos": lambda scope: os.name != "nt" and os.uname().sysname == "Darwin",
        "iscoreclr": lambda scope: True,
        "pshome": lambda scope: os.path.dirname(os.path.dirname(os.path.abspath(__file__))),  # the package
    }


DYNAMIC_VARIABLES = _dynamic_variables()
