"""Instance members that run code: ScriptProperty, AliasProperty and ScriptMethod, as
Add-Member adds them (PS: engine/MshMemberInfo.cs PSScriptProperty / PSAliasProperty /
PSScriptMethod; runtime/Binding/Binders.cs for what `$o.N` and `$o.N = v` do with them).

A PSCustomObject that gets one becomes an ExtendedPSObject: the same slots, with the member
object stored in `_values` where a note property keeps its value.  A separate class, so that
every fast path that tests `type(x) is PSObject` before reading `_values` passes it by and
the general member access (which runs the getter) handles it.
"""

from __future__ import annotations

from typing import Any

from pscompat.values.objects.classes import ABSENT, PSObject

_ETS = "System.Management.Automation.ExtendedTypeSystemException"


def _error(message: str, error_id: str, exception_type: str = _ETS, cause=None):
    from pscompat.errors import PSError

    error = PSError(message, error_id, exception_type=exception_type)
    error.__cause__ = cause  # $_.Exception.InnerException: what the script threw
    return error


def _invoke(member, block, this, args: tuple, swallow_errors: bool = False):
    """Run a member's script with `$this` bound, in the engine that defined the member (the
    engine owns scopes; a value only knows the context it was given)."""
    return member.ctx.invoke_member_script(block, this, args, member.scope, swallow_errors)


def _wrap(run, message: str, error_id: str, exception_type: str):
    from pscompat.errors import FlowControl, PSError

    try:
        return run()
    except PSError as exc:
        raise _error(message.format(exc.message), error_id + "RuntimeException", exception_type, exc) from exc
    except FlowControl as exc:  # `break` / `exit` out of the member's script
        raise _error(message.format(_flow_text(exc)), error_id + "FlowControlException", exception_type, exc) from exc


def _flow_text(exc) -> str:
    # .NET's default Exception.Message for BreakException / ContinueException / ExitException
    kind = type(exc).__name__.replace("Flow", "")
    return f"Exception of type 'System.Management.Automation.{kind}Exception' was thrown."


class Member:
    """One instance member that is not a plain note property."""

    __slots__ = ("name",)
    kind = ""
    is_method = False

    def read(self, obj):
        raise NotImplementedError

    def write(self, obj, value) -> None:
        raise NotImplementedError

    def settable(self, obj) -> bool:
        return False

    def definition(self) -> str:
        raise NotImplementedError

    # members are immutable; $this is bound per call, so copies of an object may share them
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ScriptProperty(Member):
    """PSScriptProperty: a getter and/or a setter script block, run with $this = the object,
    in a new scope below the one Add-Member ran in."""

    __slots__ = ("getter", "setter", "ctx", "scope")
    kind = "ScriptProperty"

    def __init__(self, name: str, getter, setter, ctx, scope):
        self.name, self.getter, self.setter, self.ctx, self.scope = name, getter, setter, ctx, scope

    def read(self, obj):
        if self.getter is None:
            raise _error(
                f'Cannot get property value because "{self.name}" is a write-only property.',
                "WriteOnlyProperty",
                "System.Management.Automation.RuntimeException",
            )
        return _wrap(
            lambda: _invoke(self, self.getter, obj, (), swallow_errors=True),
            f'Exception getting "{self.name}": "{{}}"',
            "ScriptGetValue",
            "System.Management.Automation.GetValueInvocationException",
        )

    def write(self, obj, value) -> None:
        if self.setter is None:
            # what the member-assignment binder says (PSSetMemberBinder: !IsSettable)
            raise _error(
                f"'{self.name}' is a ReadOnly property.",
                "PropertyAssignmentException",
                "System.Management.Automation.RuntimeException",
            )
        _wrap(
            lambda: _invoke(self, self.setter, obj, (value,)),
            f'Exception setting "{self.name}": "{{}}"',
            "ScriptSetValue",
            "System.Management.Automation.SetValueInvocationException",
        )

    def settable(self, obj) -> bool:
        return self.setter is not None

    def definition(self) -> str:
        # PSScriptProperty.ToString; TypeNameOfValue is System.Object without [OutputType]
        text = f"System.Object {self.name} {{"
        if self.getter is not None:
            text += f"get={self.getter};"
        if self.setter is not None:
            text += f"set={self.setter};"
        return text + "}"


class AliasProperty(Member):
    """PSAliasProperty: reads and writes another property of the same object, the value
    read optionally converted to a type."""

    __slots__ = ("target", "conversion")
    kind = "AliasProperty"

    def __init__(self, name: str, target: str, conversion: str | None = None):
        self.name, self.target, self.conversion = name, target, conversion

    def _referenced(self, obj):
        """PSAliasProperty.LookupMember: (folded name, member) at the end of the alias chain;
        the aliases between are followed, their conversions not applied."""
        seen = {self.name.lower()}
        alias = self
        while True:
            folded = alias.target.lower()
            member = obj._values.get(folded, ABSENT)
            if member is ABSENT or (isinstance(member, Member) and member.is_method):
                raise _error(f'The member "{alias.target}" is not present.', "AliasLookupMemberNotPresent")
            if not isinstance(member, AliasProperty):
                return folded, member
            if folded in seen:
                raise _error(f'The alias with name "{self.name}" contains a cycle.', "CycleInAliasLookup")
            seen.add(folded)
            alias = member

    def read(self, obj):
        _, member = self._referenced(obj)
        value = member.read(obj) if isinstance(member, Member) else member
        if self.conversion is not None:
            from pscompat.values.convert.primitives import convert_to

            value = convert_to(value, self.conversion)
        return value

    def write(self, obj, value) -> None:
        folded, member = self._referenced(obj)
        if isinstance(member, Member):
            member.write(obj, value)
        else:
            obj._values[folded] = value

    def settable(self, obj) -> bool:
        from pscompat.errors import PSError

        try:
            _, member = self._referenced(obj)
        except PSError:
            return False
        return member.settable(obj) if isinstance(member, Member) else True

    def definition(self) -> str:
        conversion = f"({self.conversion})" if self.conversion else ""
        return f"{self.name} = {conversion}{self.target}"


class ScriptMethod(Member):
    """PSScriptMethod: `$o.N(args)` runs the block with $this and $args / param()."""

    __slots__ = ("script", "ctx", "scope")
    kind = "ScriptMethod"
    is_method = True

    def __init__(self, name: str, script, ctx, scope):
        self.name, self.script, self.ctx, self.scope = name, script, ctx, scope

    def call(self, obj, args: list):
        message = f'Exception calling "{self.name}" with "{len(args)}" argument(s): "{{}}"'
        return _wrap(
            lambda: _invoke(self, self.script, obj, tuple(args)),
            message,
            "ScriptMethod",
            "System.Management.Automation.MethodInvocationException",
        )

    def read(self, obj):
        from pscompat.values.objects.intrinsic import PSMemberInfo

        return PSMemberInfo(self.name, "ScriptMethod", obj, self.definition(), settable=False)

    def definition(self) -> str:
        return f"System.Object {self.name}();"


class ExtendedPSObject(PSObject):
    """A PSCustomObject with script/alias members (see the module docstring)."""

    __slots__ = ()

    # -- what the engine asks ---------------------------------------------------------------
    def lookup(self, name: str) -> tuple[bool, Any]:
        """(found, value) as `$o.Name` reads it: a getter runs, and its errors propagate."""
        value = self._values.get(name.lower(), ABSENT)
        if value is ABSENT:
            return False, None
        if isinstance(value, Member):
            return True, value.read(self)
        return True, value

    def member(self, name: str):
        """The Member object behind `name`, or None for a note property / no such member."""
        value = self._values.get(name.lower())
        return value if isinstance(value, Member) else None

    def script_method(self, name: str):
        value = self._values.get(name.lower())
        return value if isinstance(value, Member) and value.is_method else None

    def has_member(self, name: str) -> bool:
        return name.lower() in self._values

    def members(self) -> list[tuple[str, Any]]:
        """(name, value or Member) in order, nothing evaluated (Get-Member, psobject.Members)."""
        values = self._values
        return [(name, values[folded]) for folded, name in self._names.items()]

    # -- the property bag API, with members evaluated --------------------------------------
    def _quiet(self, value):
        # Select-Object, formatting and serialization see a failing getter as $null
        # (PSPropertyExpression.GetValues keeps the exception, the value is null)
        from pscompat.errors import PSError

        try:
            return value.read(self)
        except PSError:
            return None

    def set_property(self, name: str, value: Any) -> None:
        folded = name.lower()
        current = self._values.get(folded)
        if isinstance(current, Member):
            if current.is_method:
                raise _error(
                    "Cannot set the Value property for PSMemberInfo object of type "
                    '"System.Management.Automation.PSScriptMethod".',
                    "CannotSetValueForMemberType",
                )
            current.write(self, value)
            return
        PSObject.set_property(self, name, value)

    def add_member(self, member: Member) -> None:
        folded = member.name.lower()
        self._names.setdefault(folded, member.name)
        self._values[folded] = member

    def has_property(self, name: str) -> bool:
        value = self._values.get(name.lower(), ABSENT)
        return value is not ABSENT and not (isinstance(value, Member) and value.is_method)

    def get(self, name: str, default: Any = None) -> Any:
        value = self._values.get(name.lower(), ABSENT)
        if value is ABSENT:
            return default
        if isinstance(value, Member):
            return default if value.is_method else self._quiet(value)
        return value

    def property_names(self) -> list[str]:
        values = self._values
        return [
            name
            for folded, name in self._names.items()
            if not (isinstance(values[folded], Member) and values[folded].is_method)
        ]

    def properties(self) -> list[tuple[str, Any]]:
        out = []
        for folded, name in self._names.items():
            value = self._values[folded]
            if isinstance(value, Member):
                if value.is_method:
                    continue
                value = self._quiet(value)
            out.append((name, value))
        return out

    items = properties

    def copy(self) -> ExtendedPSObject:
        # PSObject.Copy() clones the instance members, script ones included
        return _rebuild_extended(self.members(), self.type_names)

    def __reduce__(self):
        return (_rebuild_extended, (self.members(), list(self.type_names)))

    # -- Python conveniences ----------------------------------------------------------------
    def __getattr__(self, name):
        found, value = self.lookup(name) if not name.startswith("__") else (False, None)
        if not found:
            raise AttributeError(name)
        return value

    def __getitem__(self, name):
        found, value = self.lookup(name) if isinstance(name, str) else (False, None)
        if not found:
            raise KeyError(name)
        return value

    def __contains__(self, name) -> bool:
        return isinstance(name, str) and self.has_property(name)

    def __repr__(self) -> str:
        return "PSObject(" + ", ".join(f"{n}={v!r}" for n, v in self.properties()) + ")"


def _rebuild_extended(items, type_names) -> ExtendedPSObject:
    obj = PSObject((), type_names)
    object.__setattr__(obj, "__class__", ExtendedPSObject)
    for name, value in items:
        if isinstance(value, Member):
            obj.add_member(value)
        else:
            PSObject.set_property(obj, name, value)
    return obj


def extend(obj: PSObject) -> ExtendedPSObject:
    """obj, switched in place to the class that can carry script/alias members."""
    if type(obj) is not ExtendedPSObject:
        # same slot layout, so the class can change under the references scripts hold
        object.__setattr__(obj, "__class__", ExtendedPSObject)
    return obj
