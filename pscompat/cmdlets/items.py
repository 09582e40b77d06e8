"""The FileSystem provider's item and location cmdlets: Get-ChildItem, Get-Item, New-Item,
Remove-Item, Copy-Item, Move-Item, Rename-Item, Get-Location, Set-Location, Push-/Pop-Location.
(Docs: Microsoft.PowerShell.Management/*.md; PowerShell 7's Unix view of files.)
"""

from __future__ import annotations

import datetime as _dt
import glob
import os
import shutil
import stat

from pscompat.cmdlets import drives
from pscompat.cmdlets.paths import native_path
from pscompat.engine.automatic import PathInfo
from pscompat.engine.commands import Cmdlet, Parameter, cmdlet

MODULE = "Microsoft.PowerShell.Management"
NS = "Microsoft.PowerShell.Commands."


class FileSystemInfo:
    """System.IO.FileInfo / DirectoryInfo, with the members admins' scripts read."""

    PS_PROPERTIES = (
        "Name",
        "FullName",
        "Length",
        "LastWriteTime",
        "Extension",
        "BaseName",
        "DirectoryName",
        "Exists",
        "PSIsContainer",
        "UnixMode",
        "User",
        "Group",
        "Size",
        "Mode",
    )

    def __init__(self, path: str):
        self.FullName = os.path.abspath(path)
        self._st = os.stat(self.FullName)
        # the entry itself: a symbolic link shows as a link (UnixMode l..., Name -> target)
        self._lst = os.lstat(self.FullName)

    @property
    def Name(self) -> str:
        return os.path.basename(self.FullName.rstrip(os.sep)) or self.FullName

    @property
    def PSIsContainer(self) -> bool:
        return stat.S_ISDIR(self._st.st_mode)

    @property
    def Length(self):
        return None if self.PSIsContainer else self._st.st_size

    @property
    def LastWriteTime(self) -> _dt.datetime:
        return _dt.datetime.fromtimestamp(self._st.st_mtime)

    @property
    def Extension(self) -> str:
        return os.path.splitext(self.Name)[1]

    @property
    def BaseName(self) -> str:
        return self.Name if self.PSIsContainer else os.path.splitext(self.Name)[0]

    @property
    def DirectoryName(self) -> str:
        return os.path.dirname(self.FullName)

    @property
    def Directory(self) -> str:
        return os.path.dirname(self.FullName)

    @property
    def Exists(self) -> bool:
        return os.path.exists(self.FullName)

    @property
    def UnixMode(self) -> str:
        return stat.filemode(self._lst.st_mode)

    @property
    def User(self) -> str:
        import pwd

        try:
            return pwd.getpwuid(self._lst.st_uid).pw_name
        except KeyError:
            return str(self._lst.st_uid)

    @property
    def Group(self) -> str:
        import grp

        try:
            return grp.getgrgid(self._lst.st_gid).gr_name
        except KeyError:
            return str(self._lst.st_gid)

    @property
    def Size(self) -> int:
        """The entry's size as stat reports it, folders included (pwsh's Unix Size property)."""
        return self._lst.st_size

    @property
    def NameString(self) -> str:
        if stat.S_ISLNK(self._lst.st_mode):
            try:
                return f"{self.Name} -> {os.readlink(self.FullName)}"
            except OSError:
                return self.Name
        return self.Name

    @property
    def Mode(self) -> str:
        return ("d" if self.PSIsContainer else "-") + "----"

    def ToString(self) -> str:
        return self.FullName

    __str__ = ToString

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.FullName!r})"


class FileInfo(FileSystemInfo):
    PS_TYPE_NAMES = ("System.IO.FileInfo", "System.IO.FileSystemInfo", "System.Object")


class DirectoryInfo(FileSystemInfo):
    PS_TYPE_NAMES = ("System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.Object")


def item(path: str) -> FileSystemInfo:
    return DirectoryInfo(path) if os.path.isdir(path) else FileInfo(path)


def _register_views() -> None:
    from pscompat.format.views import register_view

    # one view for both (FileSystem.format.ps1xml selects it by the FileSystemTypes set), so a
    # folder's sub-folders and files share one table under its "Directory:" header
    register_view(
        ("System.IO.DirectoryInfo", "System.IO.FileInfo"),
        "table",
        [
            ("UnixMode", "UnixMode"),
            ("User", "User"),
            ("Group", "Group"),
            # '{0:d} {0:HH}:{0:mm}' -f $_.LastWriteTime: the short date has no leading zeros
            ("LastWriteTime", lambda o: f"{o.LastWriteTime:%-m/%-d/%Y %H:%M}"),
            ("Size", "Size"),
            ("Name", "NameString"),
        ],
        widths=[10, 10, 10, 16, 12, 0],
        alignments=["left", "right", "left", "right", "right", "left"],
        group_by=lambda o: o.Directory,
        group_label="Directory",
    )


_register_views()


class _PathCmdlet(Cmdlet):
    def drive_items(self, path: str):
        """Items of an Env:/Variable:/Function:/Alias: path, or None for a file-system path."""
        where = drives.split(path)
        if where is None:
            return None
        found = drives.items(self.ctx, self.runtime.scope, *where)
        if not found and where[1] and not any(c in where[1] for c in "*?["):
            self.not_found(path)
        return found

    def not_found(self, path: str) -> None:
        self.write_error(
            f"Cannot find path '{path}' because it does not exist.",
            f"PathNotFound,{NS}{self.info.name.replace('-', '')}Command",
            "ObjectNotFound",
            path,
            "System.Management.Automation.ItemNotFoundException",
        )

    def expand(self, paths, literal: bool = False) -> list[str]:
        """Resolve wildcards (PowerShell's globbing); a missing literal path is an error."""
        out = []
        for p in paths if isinstance(paths, list) else [paths]:
            p = native_path(p)
            matches = [p] if literal or not any(c in p for c in "*?[") else sorted(glob.glob(p))
            matches = [m for m in matches if os.path.lexists(m)]
            if not matches:
                self.not_found(os.path.abspath(p))
            out.extend(matches)
        return out


_PATH = Parameter("Path", "string[]", position=0, pipeline=True, pipeline_by_name=True, aliases=("FullName",))


@cmdlet(
    "Get-ChildItem",
    aliases=("gci", "dir"),
    module=MODULE,
    synopsis="Gets the items and child items in one or more specified locations.",
    examples=(("Get-ChildItem -Path . -Filter *.ps1", "Script files in the current directory."),),
)
class GetChildItem(_PathCmdlet):
    parameters = (
        Parameter("Path", "string[]", position=0, pipeline=True, pipeline_by_name=True),
        Parameter("Filter", "string", position=1),
        Parameter("Recurse", "switch", aliases=("s",)),
        Parameter("Depth", "int"),
        Parameter("File", "switch"),
        Parameter("Directory", "switch", aliases=("ad",)),
        Parameter("Name", "switch"),
        Parameter("Force", "switch"),
        Parameter("Include", "string[]"),
        Parameter("Exclude", "string[]"),
    )

    def process(self):
        from pscompat.values.operators.patterns import wildcard_match

        depth = self.Depth if self.Depth is not None else (10**9 if self.Recurse else 0)
        paths = self.Path or ["."]
        provider = [p for p in paths if drives.split(p) is not None]
        for p in provider:
            yield from self.drive_items(p) or ()
        for root in self.expand([p for p in paths if p not in provider]) if len(provider) < len(paths) else ():
            if not os.path.isdir(root):
                yield item(root)
                continue
            for path, _level in _walk(root, depth, bool(self.Force)):
                name = os.path.basename(path)
                is_dir = os.path.isdir(path)
                if (self.File and is_dir) or (self.Directory and not is_dir):
                    continue
                if self.Filter and not wildcard_match(self.Filter, name):
                    continue
                if self.Include and not any(wildcard_match(p, name) for p in _list(self.Include)):
                    continue
                if self.Exclude and any(wildcard_match(p, name) for p in _list(self.Exclude)):
                    continue
                yield os.path.relpath(path, root) if self.Name else item(path)


def _walk(root: str, depth: int, hidden: bool, level: int = 0):
    """A folder's items (folders first, then files, by name), then each sub-folder's in turn, as
    the FileSystem provider recurses; a symbolic link to a folder is listed but not entered (pwsh
    follows links only with -FollowSymlink), so a link loop cannot recurse forever."""
    try:
        names = sorted(os.listdir(root), key=str.lower)
    except OSError:
        return
    dirs = [n for n in names if os.path.isdir(os.path.join(root, n))]
    dir_set = set(dirs)
    files = [n for n in names if n not in dir_set]
    visible = [n for n in dirs + files if hidden or not n.startswith(".")]
    for name in visible:
        yield os.path.join(root, name), level
    if level < depth:
        for name in visible:
            path = os.path.join(root, name)
            if name in dir_set and not os.path.islink(path):
                yield from _walk(path, depth, hidden, level + 1)


def _list(value) -> list:
    return value if isinstance(value, list) else [value]


@cmdlet("Get-Item", aliases=("gi",), module=MODULE, synopsis="Gets the item at the specified location.")
class GetItem(_PathCmdlet):
    parameters = (_PATH, Parameter("Force", "switch"))

    def process(self):
        for p in _list(self.Path):
            found = self.drive_items(p)
            if found is not None:
                yield from found
            else:
                yield from (item(x) for x in self.expand(p))


@cmdlet(
    "New-Item",
    aliases=("ni",),
    module=MODULE,
    supports_should_process=True,
    synopsis="Creates a new item (a file or a directory).",
)
class NewItem(_PathCmdlet):
    parameters = (
        Parameter("Path", "string[]", position=0, pipeline_by_name=True),
        Parameter("Name", "string", pipeline_by_name=True),
        Parameter(
            "ItemType",
            "string",
            aliases=("Type",),
            validate_set=("File", "Directory", "SymbolicLink", "Junction", "HardLink"),
        ),
        Parameter("Value", "object", pipeline=True),
        Parameter("Force", "switch"),
    )

    def process(self):
        for base in _list(self.Path or ["."]):
            path = native_path(os.path.join(str(base), self.Name) if self.Name else str(base))
            if os.path.exists(path) and not self.Force:
                self.write_error(
                    f"An item with the specified name {os.path.abspath(path)} already exists.",
                    f"DirectoryExist,{NS}NewItemCommand"
                    if os.path.isdir(path)
                    else f"NewItemIOError,{NS}NewItemCommand",
                    "ResourceExists",
                    path,
                    "System.IO.IOException",
                )
                continue
            if not self.should_process(
                f"Destination: {os.path.abspath(path)}",
                "Create Directory" if self.ItemType == "Directory" else "Create File",
            ):
                continue
            if self.ItemType == "Directory":
                os.makedirs(path, exist_ok=True)
            else:
                if self.Force:
                    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
                from pscompat.values.convert.strings import to_string

                with open(path, "w", encoding="utf-8") as fh:
                    fh.write("" if self.Value is None else to_string(self.Value))
            yield item(path)


# NavigationResources.RemoveItemWithChildren
REMOVE_WITH_CHILDREN = (
    "The item at {0} has children and the Recurse parameter was not specified. If you continue, all children "
    "will be removed with the item. Are you sure you want to continue?"
)


@cmdlet(
    "Remove-Item",
    aliases=("ri", "del", "erase", "rd", "rmdir"),
    module=MODULE,
    supports_should_process=True,
    synopsis="Deletes the specified items.",
)
class RemoveItem(_PathCmdlet):
    parameters = (
        _PATH,
        Parameter("LiteralPath", "string[]", aliases=("LP", "PSPath")),
        Parameter("Recurse", "switch", aliases=("r",)),
        Parameter("Force", "switch"),
    )

    def begin(self):
        self._to_all = [False, False]  # Yes to All / No to All for the has-children question

    def process(self):
        on_drives = [p for p in _list(self.LiteralPath or self.Path) if drives.split(p) is not None]
        for p in on_drives:
            drive, pattern = drives.split(p)
            names = [i.Name for i in drives.items(self.ctx, self.runtime.scope, drive, pattern)]
            if not names:
                self.not_found(p)
            for name in names:  # SessionStateProviderBaseStrings RemoveItemAction, RemoveItemResourceTemplate
                if self.should_process(f"Item: {name}", "Remove Item"):
                    drives.remove(self.ctx, self.runtime.scope, drive, name)
        rest = [p for p in _list(self.LiteralPath or self.Path) if p not in on_drives]
        paths = (self.expand(rest, literal=True) if self.LiteralPath else self.expand(rest)) if rest else []
        for p in paths:
            full = os.path.abspath(p)
            directory = os.path.isdir(p) and not os.path.islink(p)
            # A directory with children and no -Recurse: ask first, then the removal's own
            # ShouldProcess (PS: Navigation.cs RemoveItemCommand, RemoveItemWithChildren)
            if (
                directory
                and not self.Recurse
                and os.listdir(p)
                and not self.should_continue(REMOVE_WITH_CHILDREN.format(full), None, self._to_all)
            ):
                continue
            if not self.should_process(full, "Remove Directory" if directory else "Remove File"):
                continue
            if directory:
                shutil.rmtree(p)
            else:
                os.remove(p)
        return None


class _CopyMove(_PathCmdlet):
    parameters = (
        _PATH,
        Parameter("Destination", "string", position=1),
        Parameter("Recurse", "switch"),
        Parameter("Force", "switch"),
        Parameter("PassThru", "switch"),
    )

    transfer = staticmethod(shutil.move)

    def process(self):
        for p in self.expand(self.Path):
            target = native_path(self.Destination or ".")
            if os.path.isdir(target):
                target = os.path.join(target, os.path.basename(p.rstrip(os.sep)))
            if self.should_process(
                f"Item: {os.path.abspath(p)} Destination: {os.path.abspath(target)}",
                self.info.name.split("-")[0] + " Item",
            ):
                self.transfer(p, target)
                if self.PassThru:
                    yield item(target)


@cmdlet(
    "Copy-Item",
    aliases=("copy", "cpi"),
    module=MODULE,
    supports_should_process=True,
    synopsis="Copies an item from one location to another.",
)
class CopyItem(_CopyMove):
    transfer = staticmethod(
        lambda source, target: (
            shutil.copytree(source, target, dirs_exist_ok=True)
            if os.path.isdir(source)
            else shutil.copy2(source, target)
        )
    )


@cmdlet(
    "Move-Item",
    aliases=("move", "mi"),
    module=MODULE,
    supports_should_process=True,
    synopsis="Moves an item from one location to another.",
)
class MoveItem(_CopyMove):
    transfer = staticmethod(shutil.move)


@cmdlet("Rename-Item", aliases=("ren", "rni"), module=MODULE, supports_should_process=True, synopsis="Renames an item.")
class RenameItem(_PathCmdlet):
    parameters = (_PATH, Parameter("NewName", "string", position=1, mandatory=True), Parameter("PassThru", "switch"))

    def process(self):
        for p in self.expand(self.Path):
            target = os.path.join(os.path.dirname(p), native_path(self.NewName))
            if self.should_process(f"Item: {os.path.abspath(p)} Destination: {os.path.abspath(target)}", "Rename Item"):
                os.rename(p, target)
                if self.PassThru:
                    yield item(target)


@cmdlet(
    "Set-Item",
    aliases=("si",),
    module=MODULE,
    supports_should_process=True,
    synopsis="Changes the value of an item (Env:, Variable:, Function:, Alias:).",
)
class SetItem(_PathCmdlet):
    parameters = (
        Parameter("Path", "string[]", position=0, mandatory=True, pipeline_by_name=True),
        Parameter("Value", "object", position=1, pipeline=True),
        Parameter("PassThru", "switch"),
    )

    def process(self):
        for p in _list(self.Path):
            where = drives.split(p)
            if where is None:
                self.write_error(
                    "Provider operation stopped because the provider does not support this operation.",
                    f"NotSupported,{NS}SetItemCommand",
                    "NotImplemented",
                    p,
                    "System.Management.Automation.PSNotSupportedException",
                )
                continue
            if self.should_process(f"Item: {where[1]} Value: {self.Value}", "Set Item"):
                drives.set_item(self.ctx, self.runtime.scope, where[0], where[1], self.Value)
                if self.PassThru:
                    yield from drives.items(self.ctx, self.runtime.scope, *where)


@cmdlet("Get-Location", aliases=("gl", "pwd"), module=MODULE, synopsis="Gets the current working location.")
class GetLocation(Cmdlet):
    parameters = ()

    def process(self):
        yield PathInfo(os.getcwd())


_STACK: list[str] = []


@cmdlet(
    "Set-Location",
    aliases=("sl", "cd", "chdir"),
    module=MODULE,
    synopsis="Sets the current working location to a specified location.",
)
class SetLocation(_PathCmdlet):
    parameters = (
        Parameter("Path", "string", position=0, pipeline=True, pipeline_by_name=True),
        Parameter("PassThru", "switch"),
    )

    def process(self):
        target = native_path(self.Path or "~")
        if target == "-" and _STACK:
            target = _STACK.pop()
        if not os.path.isdir(target):
            self.not_found(os.path.abspath(target))
            return
        os.chdir(target)
        if self.PassThru:
            yield PathInfo(os.getcwd())


@cmdlet("Push-Location", aliases=("pushd",), module=MODULE, synopsis="Adds the current location to a stack.")
class PushLocation(_PathCmdlet):
    parameters = (Parameter("Path", "string", position=0, pipeline=True),)

    def process(self):
        here = os.getcwd()
        if self.Path:
            if not os.path.isdir(native_path(self.Path)):
                self.not_found(os.path.abspath(self.Path))
                return
            os.chdir(native_path(self.Path))
        _STACK.append(here)


@cmdlet("Pop-Location", aliases=("popd",), module=MODULE, synopsis="Returns to the location last pushed.")
class PopLocation(Cmdlet):
    parameters = ()

    def process(self):
        if _STACK:
            os.chdir(_STACK.pop())
