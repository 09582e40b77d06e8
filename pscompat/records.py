"""Frozen, slotted record classes: what `@dataclass(frozen=True, slots=True)` gives, built cheaply.

The syntax tree has about fifty node classes and every start of pscompat imports them.  As
dataclasses they took ~40 ms to create (each execs half a dozen generated methods and is then
rebuilt to add `__slots__`): a fifth of `pscompat -c '1'`.  A record class gets `__slots__`
when it is created and execs only its `__init__` (which parsing calls for every node, so it
stays generated code); equality, hashing, repr and pickling are shared methods that read the
field list.

    class Span(Record):
        start: int
        end: int = 0

Fields are the class's annotations, after its bases' fields; a field assigned in the class
body is a default (defaults must be immutable: they are shared, as dataclasses require too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    # Tells a type checker that a Record subclass is a frozen dataclass-like class (PEP 681):
    # its annotations are __init__'s parameters.  Annotations only: nothing runs.
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**kwargs: Any) -> Callable[[Any], Any]:
        return lambda cls: cls


__all__ = ["Record", "FrozenRecordError", "fields", "replace"]


class FrozenRecordError(AttributeError):
    """Assigning to or deleting a field of a record (records are immutable)."""


def _make_init(fields: tuple[str, ...], defaults: dict[str, Any]) -> Callable[..., None]:
    params, body = ["self"], []
    namespace: dict[str, Any] = {"__set": object.__setattr__}
    for name in fields:
        if name in defaults:
            namespace["__d_" + name] = defaults[name]
            params.append(f"{name}=__d_{name}")
        else:
            params.append(name)
        body.append(f"    __set(self, {name!r}, {name})")
    source = f"def __init__({', '.join(params)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, namespace)  # a non-default field after a default one is a SyntaxError here
    init: Callable[..., None] = namespace["__init__"]
    return init


class _RecordMeta(type):
    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> _RecordMeta:
        inherited: tuple[str, ...] = ()
        defaults: dict[str, Any] = {}
        for base in bases:
            inherited += tuple(f for f in getattr(base, "__record_fields__", ()) if f not in inherited)
            defaults.update(getattr(base, "__record_defaults__", {}))
        own = tuple(f for f in namespace.get("__annotations__", {}) if f not in inherited)
        for field in own:
            if field in namespace:  # a slot and a class attribute of the same name cannot coexist
                defaults[field] = namespace.pop(field)
        namespace["__slots__"] = own
        fields = inherited + own
        namespace["__record_fields__"] = fields
        namespace["__record_defaults__"] = defaults
        namespace["__match_args__"] = fields
        cls = super().__new__(mcls, name, bases, namespace)
        if fields:
            # set once on the new class, before any instance exists
            cls.__init__ = _make_init(fields, defaults)  # type: ignore[misc]
        return cls


@dataclass_transform(frozen_default=True)
class Record(metaclass=_RecordMeta):
    __slots__ = ()
    if TYPE_CHECKING:  # set by _RecordMeta (annotated here only: an annotation would be a field)
        __record_fields__: ClassVar[tuple[str, ...]]
        __record_defaults__: ClassVar[dict[str, Any]]

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self.__record_fields__)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete field '{name}'")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__record_fields__)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(
        self,
    ) -> tuple[type[Record], tuple[Any, ...]]:  # pickle and copy through __init__: __setattr__ refuses
        return type(self), self._values()


def fields(record: Record | type[Record]) -> tuple[str, ...]:
    """The field names of a record (class or instance), in __init__ order."""
    return record.__record_fields__


R = TypeVar("R", bound=Record)


def replace(record: R, **changes: Any) -> R:
    """A copy of `record` with some fields changed (dataclasses.replace for records)."""
    values = {f: getattr(record, f) for f in record.__record_fields__}
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no field(s) {', '.join(sorted(unknown))}")
    values.update(changes)
    return type(record)(**values)
