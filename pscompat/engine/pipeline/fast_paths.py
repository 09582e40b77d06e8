"""What a cmdlet's fast path is (Cmdlet.fast_path): the per-object work of one invocation, asked
once after its begin block, so the pipeline calls it per object with no per-object binding.

Three kinds, one class each:

    FastFilter(pred)   pred(item) -> keep the object?
    FastEach(fn)       fn(item) -> the objects to write (an iterable), or None
    FastPush(make)     make(downstream) -> push(item), a function that writes its own output;
                       it must not raise StopUpstream itself (nothing stamps it)

Each may carry `cleanup()` (run when the pipeline ends, however it ends) and
`batch(items, downstream)`, which takes a whole piped list in one loop (an expression piped
straight into the command: CmdletStage.push_all).  `stamp(stop)` is the stage's: it marks a
StopUpstream raised by the command's code with the stage's position in the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pscompat.engine.runtime import StopUpstream

Push = Callable[[Any], None]


@dataclass(frozen=True)
class FastPath:
    fn: Callable
    cleanup: Callable[[], None] | None = None
    batch: Callable[[list, Push], None] | None = None

    def pusher(self, downstream: Push, stamp: Callable[[StopUpstream], None]) -> Push:
        """The function that takes one object and writes what comes of it to `downstream`."""
        raise NotImplementedError

    def run_list(self, items: list, downstream: Push, push: Push) -> None:
        """Every object of `items`, in order, as `push` (this path's pusher) would take them;
        without a batch, in one loop here."""
        raise NotImplementedError


@dataclass(frozen=True)
class FastFilter(FastPath):
    fn: Callable[[Any], bool]

    def pusher(self, downstream: Push, stamp: Callable[[StopUpstream], None]) -> Push:
        pred = self.fn

        def push_filtered(item):
            try:
                if pred(item):
                    downstream(item)
            except StopUpstream as stop:
                stamp(stop)
                raise

        return push_filtered

    def run_list(self, items: list, downstream: Push, push: Push) -> None:
        if self.batch is not None:
            self.batch(items, downstream)
            return
        pred = self.fn
        for item in items:
            if pred(item):
                downstream(item)


@dataclass(frozen=True)
class FastEach(FastPath):
    fn: Callable[[Any], Iterable | None]

    def pusher(self, downstream: Push, stamp: Callable[[StopUpstream], None]) -> Push:
        fn = self.fn

        def push_each(item):
            try:
                out = fn(item)
                if out:
                    for obj in out:
                        downstream(obj)
            except StopUpstream as stop:
                stamp(stop)
                raise

        return push_each

    def run_list(self, items: list, downstream: Push, push: Push) -> None:
        if self.batch is not None:
            self.batch(items, downstream)
            return
        fn = self.fn
        for item in items:
            out = fn(item)
            if out:
                for obj in out:
                    downstream(obj)


@dataclass(frozen=True)
class FastPush(FastPath):
    fn: Callable[[Push], Push]

    def pusher(self, downstream: Push, stamp: Callable[[StopUpstream], None]) -> Push:
        return self.fn(downstream)

    def run_list(self, items: list, downstream: Push, push: Push) -> None:
        if self.batch is not None:
            self.batch(items, downstream)
            return
        for item in items:
            push(item)


__all__ = ["FastEach", "FastFilter", "FastPath", "FastPush"]
