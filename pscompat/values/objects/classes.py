"""The value classes of PowerShell's object model: Char, Hashtable (@{} / [ordered]@{}),
TypeNameList and PSObject ([pscustomobject]).  They depend on nothing else in the model, so
the member-access and type-name modules can build on them without import cycles."""

from __future__ import annotations

from typing import Any

ABSENT = object()


class Char(str):
    """[char]: a one-character string that remembers it is a System.Char."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Char({str.__repr__(self)})"


def _fold(key):
    # OrdinalIgnoreCase applies to string keys only; other keys compare as themselves.
    return key.lower() if isinstance(key, str) else key


class Hashtable(dict):
    """@{} / [ordered]@{}: case-insensitive keys (first spelling kept), insertion order kept.

    Storage is the plain dict itself (original spellings), so json.dumps, dict(h) and
    iteration see ordinary keys; `_folded` maps folded key -> stored key.
    """

    __slots__ = ("_folded", "ordered")

    def __init__(self, *args, ordered: bool = False, **kw):
        super().__init__()
        self._folded: dict = {}
        self.ordered = ordered
        if args or kw:
            self.update(*args, **kw)

    def real_key(self, key, default=None):
        """The stored spelling of `key` (or `default` when absent)."""
        return self._folded.get(_fold(key), default)

    def __getitem__(self, key):
        return dict.__getitem__(self, self._folded.get(_fold(key), key))

    def __setitem__(self, key, value):
        folded = _fold(key)
        real = self._folded.setdefault(folded, key)
        dict.__setitem__(self, real, value)

    def __delitem__(self, key):
        real = self._folded.pop(_fold(key), key)
        dict.__delitem__(self, real)

    def __contains__(self, key):
        return _fold(key) in self._folded

    def get(self, key, default=None):
        real = self._folded.get(_fold(key), ABSENT)
        return default if real is ABSENT else dict.__getitem__(self, real)

    def pop(self, key, *default):
        real = self._folded.pop(_fold(key), ABSENT)
        if real is ABSENT:
            if default:
                return default[0]
            raise KeyError(key)
        return dict.pop(self, real)

    def popitem(self):
        key, value = dict.popitem(self)
        del self._folded[_fold(key)]
        return key, value

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kw):
        for source in args + (kw,):
            items = source.items() if hasattr(source, "items") else source
            for key, value in items:
                self[key] = value

    def clear(self):
        dict.clear(self)
        self._folded.clear()

    def copy(self) -> Hashtable:
        return Hashtable(self, ordered=self.ordered)

    __copy__ = copy

    def __reduce__(self):
        return (_rebuild_hashtable, (list(self.items()), self.ordered))

    def __or__(self, other):
        result = self.copy()
        result.update(other)
        return result

    def __repr__(self) -> str:
        name = "Hashtable(ordered=True, " if self.ordered else "Hashtable("
        return name + dict.__repr__(self) + ")"


def _rebuild_hashtable(items, ordered):
    return Hashtable(items, ordered=ordered)


PSCUSTOMOBJECT_TYPE_NAMES = ("System.Management.Automation.PSCustomObject", "System.Object")


class TypeNameList(list):
    """A PSObject's PSTypeNames: a Collection<string>, so Insert/Add/Remove/Clear work
    (`$o.pstypenames.Insert(0, 'My.Type')` names the type formatting and -is see)."""

    PS_TYPE_NAMES = (
        "System.Management.Automation.PSObject+ConsolidatedString",
        "System.Collections.ObjectModel.Collection`1[[System.String]]",
        "System.Object",
    )

    def Add(self, name) -> None:
        self.append(str(name))

    def Insert(self, index, name) -> None:
        self.insert(int(index), str(name))

    def Remove(self, name) -> bool:
        if name in self:
            self.remove(name)
            return True
        return False

    def RemoveAt(self, index) -> None:
        del self[int(index)]

    def Clear(self) -> None:
        self.clear()

    def Contains(self, name) -> bool:
        return name in self


class PSObject:
    """[pscustomobject]: an ordered, case-insensitive property bag.

    Python access: o.Name / o.name, o['name'], 'name' in o, o.properties(), dict(o.items()).
    Not iterable on purpose: a PSCustomObject is one pipeline object, never enumerated.
    """

    __slots__ = ("_names", "_values", "type_names")
    __iter__ = None  # __getitem__ must not make it look like a sequence

    def __init__(self, properties=(), type_names=None, **kw):
        names: dict = {}  # folded -> display name, insertion order
        values: dict = {}  # folded -> value
        items = properties.items() if hasattr(properties, "items") else properties
        for source in (items, kw.items()):
            for name, value in source:  # set_property, inlined: Select-Object builds many of these
                folded = name.lower()
                if folded not in names:
                    names[folded] = name
                values[folded] = value
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "type_names", TypeNameList(type_names or PSCUSTOMOBJECT_TYPE_NAMES))

    # -- property bag API -------------------------------------------------------------------
    def set_property(self, name: str, value: Any) -> None:
        """Add a note property, or set an existing one (keeping its spelling and position)."""
        folded = name.lower()
        self._names.setdefault(folded, name)
        self._values[folded] = value

    def remove_property(self, name: str) -> None:
        folded = name.lower()
        self._names.pop(folded, None)
        self._values.pop(folded, None)

    def has_property(self, name: str) -> bool:
        return name.lower() in self._values

    def get(self, name: str, default: Any = None) -> Any:
        return self._values.get(name.lower(), default)

    def property_names(self) -> list[str]:
        return list(self._names.values())

    def properties(self) -> list[tuple[str, Any]]:
        values = self._values
        return [(name, values[folded]) for folded, name in self._names.items()]

    items = properties

    def copy(self) -> PSObject:
        return PSObject(self.properties(), self.type_names)

    def __reduce__(self):  # copy/pickle must not go through the property-setting __setattr__
        return (PSObject, (self.properties(), self.type_names))

    # -- Python conveniences ----------------------------------------------------------------
    def __getattr__(self, name):
        value = self._values.get(name.lower(), ABSENT)
        if value is ABSENT:
            raise AttributeError(name)
        return value

    def __setattr__(self, name, value):
        if name == "type_names":
            object.__setattr__(self, name, TypeNameList(value))
        else:
            self.set_property(name, value)

    def __delattr__(self, name):
        if name.lower() not in self._values:
            raise AttributeError(name)
        self.remove_property(name)

    def __getitem__(self, name):
        value = self._values.get(name.lower(), ABSENT) if isinstance(name, str) else ABSENT
        if value is ABSENT:
            raise KeyError(name)
        return value

    def __setitem__(self, name, value):
        self.set_property(name, value)

    def __contains__(self, name) -> bool:
        return isinstance(name, str) and name.lower() in self._values

    def __repr__(self) -> str:
        return "PSObject(" + ", ".join(f"{n}={v!r}" for n, v in self.properties()) + ")"

    def __str__(self) -> str:
        from pscompat.values.convert.strings import to_string

        return to_string(self)


def is_dictionary(obj) -> bool:
    """IDictionary: member access looks keys up first; the pipeline does not enumerate it."""
    return isinstance(obj, dict)
