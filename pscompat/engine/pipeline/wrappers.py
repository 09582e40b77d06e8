"""Stages that wrap another stage to add what a command's common parameters and redirections
ask for, without changing the wrapped stage: its output also goes to a variable (-OutVariable,
-PipelineVariable), or its code runs inside a redirection frame (`2>&1`, `3> file`, a function's
-ErrorVariable).

A wrapper is a stage whose state is the wrapped stage's: the driver (pipeline.run_stages) sets
`index`, `token` and `downstream` on it and they land on the wrapped stage, so a StopUpstream the
wrapped stage stamps names the wrapper's place in the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pscompat.engine.pipeline.stages import Stage
from pscompat.engine.runtime import StopUpstream
from pscompat.engine.streams import Redirector


class StageWrapper(Stage):
    """Passes everything to the wrapped stage; subclasses change what they wrap."""

    def __init__(self, inner: Stage):
        self.inner = inner

    @property
    def downstream(self) -> Callable[[Any], None]:  # type: ignore[override]
        return self.inner.downstream

    @downstream.setter
    def downstream(self, value: Callable[[Any], None]) -> None:
        self.inner.downstream = value

    @property
    def index(self) -> int:  # type: ignore[override]
        return self.inner.index

    @index.setter
    def index(self, value: int) -> None:
        self.inner.index = value

    @property
    def token(self) -> Any:  # type: ignore[override]
        return self.inner.token

    @token.setter
    def token(self, value: Any) -> None:
        self.inner.token = value

    def connect(self, downstream: Callable[[Any], None]) -> None:
        self.inner.connect(downstream)

    def receiver(self) -> Callable[[Any], None]:
        return self.inner.receiver()

    @property
    def takes_lists(self) -> bool:
        return self.inner.takes_lists

    def push_all(self, items: list) -> None:
        self.inner.push_all(items)

    def finish(self) -> None:
        self.inner.finish()

    def stamp(self, stop: StopUpstream) -> None:
        self.inner.stamp(stop)

    def begin(self) -> None:
        self.inner.begin()

    def push(self, item: Any) -> None:
        self.inner.push(item)

    def run_once(self) -> None:
        self.inner.run_once()

    def end(self) -> None:
        self.inner.end()

    def input_limit(self) -> int | None:
        return self.inner.input_limit()

    def limit_output(self, limit: int) -> None:
        self.inner.limit_output(limit)


class OutputTee(StageWrapper):
    """Every object the wrapped stage writes goes to `see(obj)`, then on down the pipeline."""

    def __init__(self, inner: Stage, see: Callable[[Any], None]):
        super().__init__(inner)
        self.see = see

    def connect(self, downstream: Callable[[Any], None]) -> None:
        see = self.see

        def tee(obj):
            see(obj)
            downstream(obj)

        self.inner.connect(tee)


class RedirectedStage(StageWrapper):
    """The wrapped stage's code runs inside its redirection frame; its output leaves the frame
    (streams.Redirector).  A redirected stage takes no list in one loop: every object goes
    through the frame."""

    def __init__(self, inner: Stage, redirector: Redirector):
        super().__init__(inner)
        self.redirector = redirector

    @property
    def takes_lists(self) -> bool:
        return False

    def connect(self, downstream: Callable[[Any], None]) -> None:
        self.inner.connect(self.redirector.output_to(downstream))

    def receiver(self) -> Callable[[Any], None]:
        return self.redirector.inside(self.inner.receiver())

    def begin(self) -> None:
        self.redirector.inside(self.inner.begin)()

    def push(self, item: Any) -> None:
        self.redirector.inside(self.inner.push)(item)

    def run_once(self) -> None:
        self.redirector.inside(self.inner.run_once)()

    def end(self) -> None:
        self.redirector.inside(self.inner.end)()

    def finish(self) -> None:  # a clean block's warnings are redirected too (PipelineBehaviour.Tests.ps1)
        self.redirector.inside(self.inner.finish)()


__all__ = ["OutputTee", "RedirectedStage", "StageWrapper"]
