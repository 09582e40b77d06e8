"""Redirection of PowerShell's streams (about_Redirection) and -ErrorVariable of functions.

A command with redirections (`2>&1`, `3> file`, `*> $null`, `> out.txt`) or a function called
with -ErrorVariable gets a Frame.  While the command's own code runs, its frame is on the
context's stack: a record written there (by the command or by anything it calls) goes to the
innermost frame that redirects its stream.  Output passed downstream runs outside the frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

STREAMS = {"2": "Error", "3": "Warning", "4": "Verbose", "5": "Debug", "6": "Information"}
NOT_REDIRECTED = object()


class StreamRecord:
    """A warning/verbose/debug/information record merged into the output (`3>&1`)."""

    PS_PROPERTIES = ("Message",)

    def __init__(self, kind: str, message: str):
        self.kind = kind
        self.Message = message
        self.PS_TYPE_NAMES = (
            f"System.Management.Automation.{kind}Record",
            "System.Management.Automation.InformationalRecord",
            "System.Object",
        )

    def ToString(self) -> str:
        return self.Message

    __str__ = ToString

    def __repr__(self) -> str:
        return f"{self.kind}Record({self.Message!r})"


class Redirection(NamedTuple):
    """One redirection of a command, compiled: `2>&1` (merge_to "1"), `3> file` / `>> file`
    (target(scope) -> the path, append), `*> $null` (target None)."""

    stream: str  # "1".."6", or "*"
    merge_to: str | None
    target: Callable | None
    append: bool


class Frame:
    __slots__ = ("targets", "error_variable", "stream_variables")

    def __init__(self, targets: dict, error_variable: list | None, stream_variables: dict | None = None):
        self.targets = targets  # stream -> callable(record), or None to discard
        self.error_variable = error_variable
        # a function's -WarningVariable / -InformationVariable: stream ("3", "6") -> the list
        self.stream_variables = stream_variables


def redirect_target(frames: list, stream: str) -> Any:
    """Where a record of `stream` goes: a callable, None (discarded), or NOT_REDIRECTED."""
    for frame in reversed(frames):
        if stream in frame.targets:
            return frame.targets[stream]
    return NOT_REDIRECTED


def file_writer(path: str, append: bool) -> Callable[[Any], None]:
    """`> file` / `>> file`: what Out-File writes, one object at a time."""
    from pscompat.format.out_default import render
    from pscompat.values.convert.strings import to_string

    mode = "a" if append else "w"
    try:
        open(path, mode, encoding="utf-8").close()  # `> file` truncates even when nothing is written
    except OSError as exc:  # as Out-File reports it (OutFileCommand's FileOpenFailure)
        from pscompat.errors import PSError

        missing = isinstance(exc, FileNotFoundError)
        raise PSError(
            f"Could not find a part of the path '{path}'." if missing else f"{exc.strerror}: '{path}'.",
            "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand",
            category="OpenError",
            reason="Out-File",
            target=path,
            exception_type="System.IO.DirectoryNotFoundException" if missing else "System.IO.IOException",
        ) from None

    def write(obj) -> None:
        text = obj if isinstance(obj, str) else (render([obj]) if not isinstance(obj, StreamRecord) else to_string(obj))
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")

    return write


class Redirector:
    """The redirections of one command: its frame, and where its output goes (the pipeline
    wraps the command's stage in a pipeline.wrappers.RedirectedStage that uses them)."""

    def __init__(
        self,
        ctx,
        redirections: list[Redirection],
        scope,
        error_variable: list | None = None,
        stream_variables: dict | None = None,
    ):
        self.ctx = ctx
        self.output: Callable | None = None
        self.output_target: Any = NOT_REDIRECTED
        targets: dict = {}
        for stream, merge_to, target_fn, append in redirections:  # Redirection
            streams = list(STREAMS) if stream == "*" else [stream]
            if merge_to is not None:  # `2>&1`: into this command's output
                for s in streams:
                    if s != "1":
                        targets[s] = self._to_output
                continue
            path = target_fn(scope) if target_fn is not None else None
            sink = None if path is None else file_writer(_path(path), append)
            if stream in ("1", "*"):
                self.output_target = sink
            for s in streams:
                if s != "1":
                    targets[s] = sink
        self.frame = Frame(targets, error_variable, stream_variables)

    def _to_output(self, record) -> None:
        if self.output is not None:
            self.output(record)

    def output_to(self, downstream: Callable[[Any], None]) -> Callable[[Any], None]:
        """Where the command's output goes, outside its frame: `downstream`, or the file (or
        nothing) of `> file` / `> $null`.  Records merged with `2>&1` go there too."""
        frames = self.ctx.frames
        frame = self.frame
        sink = downstream if self.output_target is NOT_REDIRECTED else (self.output_target or _discard)

        def out(obj):
            if frames and frames[-1] is frame:
                frames.pop()
                try:
                    sink(obj)
                finally:
                    frames.append(frame)
            else:
                sink(obj)

        self.output = out
        return out

    def inside(self, method: Callable) -> Callable:
        """`method` made to run with this frame innermost on the context's stack."""
        frames, frame = self.ctx.frames, self.frame

        def run(*args):
            frames.append(frame)
            try:
                return method(*args)
            finally:
                if frames and frames[-1] is frame:
                    frames.pop()
                elif frame in frames:
                    frames.remove(frame)

        return run


def _discard(obj) -> None:
    return None


def _path(value) -> str:
    """The file of `> path`, spelled as the file cmdlets take it (a backslash for the separator,
    `~`, `TestDrive:\\x.txt`)."""
    from pscompat.engine.fs_drives import native_path
    from pscompat.values.convert.strings import to_string

    return native_path(to_string(value))
