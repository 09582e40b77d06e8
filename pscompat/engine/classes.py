"""Classes a script defines (`class Name : Base { ... }`), as PowerShell 5+ runs them.

Docs: about_Classes, about_Classes_Properties, about_Classes_Methods,
about_Classes_Constructors, about_Classes_Inheritance.  Tests that pin the behaviour:
PowerShell's test/powershell/Language/Classes/*.Tests.ps1.

A class becomes two things:
- a `ClassType` (a PSType), the value of `[Name]`: `::new()`, static properties and methods,
  casts (`[Name]@{...}`, `[Name]$x`), `-is`/`-as` through its type names;
- a Python class generated for its instances: each PowerShell property is a Python property
  (typed ones convert what is assigned), each method a Python method that picks the overload
  by argument count and runs the body with `$this` set.  Instances are ordinary objects to
  the rest of pscompat: member access, Format-Table, Select-Object and Get-Member read them
  through `PS_PROPERTIES`/`PS_TYPE_NAMES` like any .NET-like object, and a `ToString()` the
  class declares is what string conversion and formatting show.

A method's body runs in a new scope under the one that defined the class; what its statements
write is discarded, only `return` gives a value (converted to the declared return type).
"""

from __future__ import annotations

from typing import Any

from pscompat.engine.classes_methods import MethodDef, choose_overload, compile_method, no_overload
from pscompat.errors import PSError
from pscompat.syntax import nodes as N
from pscompat.values.convert.primitives import convert_to, register_converter
from pscompat.values.convert.strings import to_string
from pscompat.values.dotnet.type_literals import PSType, defined_type, register_type_value, resolve_type
from pscompat.values.objects.classes import PSObject
from pscompat.values.objects.model import type_names

_ZERO_TYPES = frozenset(
    "System.Int32 System.Int64 System.Int16 System.Byte System.SByte System.UInt16 System.UInt32 System.UInt64 "
    "System.Double System.Single System.Decimal System.Boolean".split()
)


class ScriptClassInstance:
    """The base of every generated instance class: the property values live in `_ps_values`
    (lower-case name -> value)."""

    __slots__ = ("_ps_values", "__weakref__")
    PS_CLASS: ClassType

    def __repr__(self) -> str:
        return f"<{self.PS_CLASS.full_name} instance>"


class PropertyDef:
    __slots__ = ("name", "type_name", "default", "static", "hidden", "owner", "validators")

    def __init__(self, node: N.PropertyMember, default: Any, owner: ClassType, validators: list) -> None:
        self.name = node.name
        self.type_name = node.type.name if node.type is not None else None
        self.default = default  # a compiled expression, or None
        self.static = node.static
        self.hidden = node.hidden
        self.owner = owner
        self.validators = validators  # check(value) -> None, raising ValueError(message)

    def coerce(self, value: Any) -> Any:
        return value if self.type_name is None else convert_to(value, self.type_name)

    def assign(self, value: Any) -> Any:
        """The value `$o.Name = value` stores: converted, then validated; a failure is
        PowerShell's SetValueInvocationException ('Exception setting "Name": "..."')."""
        try:
            value = self.coerce(value)
            for check in self.validators:
                check(value)
        except PSError as exc:
            raise _setting_error(self.name, exc.message) from exc
        except ValueError as exc:
            raise _setting_error(self.name, str(exc)) from exc
        return value

    def initial(self, scope: Any) -> Any:
        if self.default is not None:
            return self.coerce(self.default(scope))
        if self.type_name is None:
            return None
        full = resolve_type(self.type_name).full_name
        if full in _ZERO_TYPES or _is_enum(full):
            return convert_to(0, full)
        return None


def _is_enum(full: str) -> bool:
    from pscompat.values.dotnet.enums import ENUMS

    return full in ENUMS


class ClassType(PSType):
    """`[Name]` for a class a script defined."""

    def __init__(self, node: N.TypeDefinition, scope: Any, compiler: Any) -> None:
        super().__init__(node.name)
        self.scope = scope
        self.node = node
        self.base: ClassType | None = None
        self.base_names: list[str] = []  # .NET bases and interfaces, as type names
        for base in node.base_types:
            found = resolve_type(base.name)
            if isinstance(found, ClassType) and self.base is None and not self.base_names:
                self.base = found
            else:
                self.base_names.append(found.full_name)
        self.properties: list[PropertyDef] = []
        self.methods: dict[str, list[MethodDef]] = {}
        self.static_methods: dict[str, list[MethodDef]] = {}
        self.constructors: list[MethodDef] = []
        self.static_values: dict[str, Any] = {}
        self.static_constructor: MethodDef | None = None
        for member in node.members:
            if isinstance(member, N.PropertyMember):
                default = compiler.expr(member.default) if member.default is not None else None
                validators = property_validators(member, compiler, scope)
                self.properties.append(PropertyDef(member, default, self, validators))
            else:
                method = compile_method(member, compiler, self)
                if method.is_constructor and method.static:
                    self.static_constructor = method
                elif method.is_constructor:
                    self.constructors.append(method)
                else:
                    table = self.static_methods if member.static else self.methods
                    table.setdefault(member.name.lower(), []).append(method)
        self.instance_class = self._instance_class()
        self.static_names = {p.name.lower() for p in self.properties if p.static}
        self.initialized = False

    # ------------------------------------------------------------------ the instance class
    def type_name_chain(self) -> tuple[str, ...]:
        names: list[str] = []
        cls: ClassType | None = self
        while cls is not None:
            names.append(cls.full_name)
            names.extend(cls.base_names)
            cls = cls.base
        return (*dict.fromkeys(names), "System.Object")

    def instance_properties(self) -> list[PropertyDef]:
        """Instance properties, the most derived class's first (as .NET reflection lists them)."""
        out: list[PropertyDef] = []
        seen: set[str] = set()
        cls: ClassType | None = self
        while cls is not None:
            for prop in cls.properties:
                if not prop.static and prop.name.lower() not in seen:
                    seen.add(prop.name.lower())
                    out.append(prop)
            cls = cls.base
        return out

    def all_methods(self, static: bool = False) -> dict[str, list[MethodDef]]:
        """Overloads by lower-case name: a derived method hides a base one with as many parameters."""
        table: dict[str, list[MethodDef]] = {}
        cls: ClassType | None = self
        while cls is not None:
            for name, overloads in (cls.static_methods if static else cls.methods).items():
                have = table.setdefault(name, [])
                arities = {len(m.parameters) for m in have}
                have.extend(m for m in overloads if len(m.parameters) not in arities)
            cls = cls.base
        return table

    def _instance_class(self) -> type:
        namespace: dict[str, Any] = {"__slots__": (), "__module__": __name__}
        props = self.instance_properties()
        for prop in props:
            namespace[prop.name] = _python_property(prop)
        for overloads in self.all_methods().values():
            namespace[overloads[0].name] = _python_method(overloads)
        methods = self.all_methods()
        if any(len(m.parameters) == 1 for m in methods.get("equals", ())):  # -eq, Group-Object... use it
            namespace["__eq__"] = _equals_method
            namespace["__hash__"] = _hash_method if "gethashcode" in methods else object.__hash__
        namespace["PS_PROPERTIES"] = tuple(p.name for p in props if not p.hidden)
        namespace["PS_HIDDEN_PROPERTIES"] = tuple(p.name for p in props if p.hidden)
        namespace["PS_TYPE_NAMES"] = self.type_name_chain()
        namespace["PS_CLASS"] = self
        base = self.base.instance_class if self.base is not None else ScriptClassInstance
        return type(self.full_name, (base,), namespace)

    def check_types(self, source: Any, local: set[str]) -> None:
        """Every type a member names exists (PowerShell checks it when parsing: TypeNotFound);
        `local`: the lower-case names of the types the same block defines."""
        for member in self.node.members:
            names = [member.type] if isinstance(member, N.PropertyMember) else [member.return_type]
            if isinstance(member, N.MethodMember):
                names.extend(p.type for p in member.parameters)
            for type_name in names:
                if type_name is not None and type_name.name.split("[", 1)[0].strip().lower() not in local:
                    try:
                        resolve_type(type_name.name)
                    except PSError as exc:
                        raise exc.locate(type_name.span, source) from None

    # ------------------------------------------------------------------ PSType
    @property
    def BaseType(self):
        if self.base is not None:
            return self.base
        return resolve_type(self.base_names[0]) if self.base_names else resolve_type("System.Object")

    def is_instance(self, value) -> bool:
        return self.full_name in type_names(value)

    def new(self, args: list):
        self.initialize()
        instance: Any = object.__new__(self.instance_class)
        values: dict[str, Any] = {}
        object.__setattr__(instance, "_ps_values", values)
        for prop in reversed(self.instance_properties()):  # base class initializers first
            values[prop.name.lower()] = prop.initial(self.scope)
        self._construct(instance, list(args))
        return instance

    def _construct(self, instance: Any, args: list) -> None:
        if not self.constructors:
            if args:
                raise no_overload("new", len(args))
            if self.base is not None:
                self.base._construct(instance, [])
            return
        ctor = choose_overload(self.constructors, "new", args)
        ctor.construct(instance, args)

    def convert(self, value):
        return self.cast(value, self.full_name)

    def cast(self, value, full: str):
        """`[Name]value`: itself if already one, a hashtable or custom object sets properties
        after the default constructor, else a constructor that takes one argument."""
        if value is None:
            return None
        if self.full_name in type_names(value):
            return value
        if isinstance(value, (dict, PSObject)):
            return self._from_properties(value)
        one = [c for c in self.constructors if len(c.parameters) == 1]
        if one:
            try:
                return self.new([value])
            except PSError as exc:
                raise _cast_error(value, self.full_name, exc.message) from None
        raise PSError(
            f'Cannot convert the "{to_string(value)}" value of type "{type_names(value)[0]}" to type '
            f'"{self.full_name}".',
            "ConvertToFinalInvalidCastException",
            category="InvalidArgument",
        )

    def _from_properties(self, value):
        items = value.items() if isinstance(value, dict) else value.properties()
        instance = self.new([])
        known = {p.name.lower(): p for p in self.instance_properties()}
        for key, item in items:
            prop = known.get(str(key).lower())
            if prop is None:
                available = " , ".join(
                    f"[{p.name} <{resolve_type(p.type_name).full_name if p.type_name else 'System.Object'}>]"
                    for p in known.values()
                    if not p.hidden
                )
                inner = (
                    f'Cannot create object of type "{self.full_name}". The {key} property was not found for the '
                    f"{self.full_name} object. The available property is: {available}"
                )
                raise _cast_error(value, self.full_name, inner, "ObjectCreationError")
            setattr(instance, prop.name, item)
        return instance

    def initialize(self) -> None:
        """Run `static Name() { }` once, before the type's first use (as .NET runs a static
        constructor), its base class's first."""
        if self.initialized:
            return
        self.initialized = True
        if self.base is not None:
            self.base.initialize()
        for prop in self.properties:
            if prop.static:
                self.static_values[prop.name.lower()] = prop.initial(self.scope)
        if self.static_constructor is not None:
            self.static_constructor.call(None, [])

    def _static_owner(self, folded: str) -> ClassType | None:
        self.initialize()
        cls: ClassType | None = self
        while cls is not None:
            if folded in cls.static_names:
                return cls
            cls = cls.base
        return None

    def get_static(self, member: str):
        owner = self._static_owner(member.lower())
        return owner.static_values.get(member.lower()) if owner is not None else None

    def set_static(self, member: str, value) -> None:
        folded = member.lower()
        owner = self._static_owner(folded)
        if owner is None:
            raise PSError(
                f"The property '{member}' cannot be found on this object. Verify that the property exists and can "
                "be set.",
                "PropertyAssignmentException",
                category="InvalidOperation",
            )
        prop = next(p for p in owner.properties if p.static and p.name.lower() == folded)
        owner.static_values[folded] = prop.assign(value)

    def call_static(self, method: str, args: list):
        self.initialize()
        if method.lower() == "new":
            return self.new(args)
        overloads = self.all_methods(static=True).get(method.lower())
        if not overloads:
            raise PSError(
                f"Method invocation failed because [{self.full_name}] does not contain a method named '{method}'.",
                "MethodNotFound",
                category="InvalidOperation",
            )
        return choose_overload(overloads, method, args).call(None, args)

    def static_members(self) -> list:
        from pscompat.values.objects.model import MemberInfo

        rows = [
            MemberInfo(m[0].name, "Method", f"static {m[0].signature()}")
            for m in self.all_methods(static=True).values()
        ]
        cls: ClassType | None = self
        while cls is not None:
            rows.extend(
                MemberInfo(p.name, "Property", f"static {p.type_name or 'System.Object'} {p.name} {{get;set;}}")
                for p in cls.properties
                if p.static and not p.hidden
            )
            cls = cls.base
        return sorted(rows, key=lambda r: r.Name.lower())


def _setting_error(name: str, message: str) -> PSError:
    return PSError(
        f'Exception setting "{name}": "{message}"',
        "ExceptionWhenSetting",
        category="NotSpecified",
        exception_type="System.Management.Automation.SetValueInvocationException",
    )


def property_validators(member: N.PropertyMember, compiler: Any, scope: Any) -> list:
    """The checks of a property's validation attributes ([ValidateSet()], [ValidateRange()],
    [ValidateNotNull()]...), as a parameter's (engine/validation.py)."""
    from pscompat.engine import validation

    checks: list = []
    for attr in member.attributes:
        positional = [compiler.expr(a)(scope) for a in attr.positional]
        if attr.name.lower() == "validateset":
            checks.append(_validate_set([to_string(v) for v in _flat(positional)]))
            continue
        named = {k.lower(): compiler.expr(v)(scope) for k, v in attr.named if v is not None}
        check = validation.build(attr.name, positional, named)
        if check is not None:
            checks.append(lambda value, check=check: check(value, None))
    return checks


def _flat(values: list) -> list:
    return [v for value in values for v in (value if isinstance(value, list) else [value])]


def _validate_set(allowed: list[str]):
    folded = {a.lower() for a in allowed}

    def check(value) -> None:
        for item in value if isinstance(value, list) else [value]:
            if to_string(item).lower() not in folded:
                raise ValueError(
                    f'The argument "{to_string(item)}" does not belong to the set "{",".join(allowed)}" specified '
                    "by the ValidateSet attribute. Supply an argument that is in the set and then try the command "
                    "again."
                )

    return check


def _cast_error(value, full: str, inner: str, error_id: str = "InvalidCastConstructorException") -> PSError:
    return PSError(
        f'Cannot convert value "{to_string(value)}" to type "{full}". Error: "{inner}"',
        error_id,
        category="InvalidArgument",
    )


def _python_property(prop: PropertyDef) -> property:
    key = prop.name.lower()

    def get(self):
        return self._ps_values.get(key)

    def set_(self, value):
        self._ps_values[key] = prop.assign(value)

    return property(get, set_)


def _python_method(overloads: list[MethodDef]):
    name = overloads[0].name

    def method(self, *args):
        return choose_overload(overloads, name, list(args)).call(self, list(args))

    method.__name__ = name
    method.PS_DEFINITION = ", ".join(m.signature() for m in overloads)  # type: ignore[attr-defined]
    return method


def _equals_method(self: Any, other: Any) -> bool:
    from pscompat.values.convert.primitives import to_bool

    return bool(to_bool(self.Equals(other)))


def _hash_method(self: Any) -> int:
    return hash(self.GetHashCode())


def define_class(node: N.TypeDefinition, scope: Any, compiler: Any, local: set[str] | None = None) -> ClassType:
    """Define (or redefine) the class `node` in `scope`; `[Name]` resolves to it from now on.
    `compiler`: the StatementCompiler of the script that defines it."""
    cls = ClassType(node, scope, compiler)
    cls.check_types(compiler.source, local or set())  # before registering: a failed class leaves no name
    register_type_value(cls)
    register_converter(cls.full_name, lambda value, full: _current(full).cast(value, full))
    return cls


def _current(full: str) -> ClassType:
    found = defined_type(full)
    assert isinstance(found, ClassType)
    return found


def define_types(nodes: tuple, scope: Any, compiler: Any) -> None:
    """Define the classes and enums of one script or block.  One may use another defined below
    it (a base class, an enum value `[E2]::A + 1`): what fails for a type not yet defined is
    tried again after the others, as long as each round defines something."""
    from pscompat.engine.enums import define_enum_type

    seen: set[str] = set()
    for node in nodes:
        if node.name.lower() in seen:  # PS: Parser.cs, the type name is already taken in this scope
            raise PSError(
                f"The member '{node.name}' is already defined.",
                "MemberAlreadyDefined",
                span=node.span,
                source=compiler.source,
                reason="ParserError",
            )
        seen.add(node.name.lower())
    pending = list(nodes)
    defined: list[Any] = []
    while pending:
        failed: list[tuple[N.TypeDefinition, PSError]] = []
        for node in pending:
            try:
                if node.kind == "class":
                    defined.append(define_class(node, scope, compiler, seen))
                else:
                    defined.append(define_enum_type(node, scope, compiler))
            except PSError as exc:
                if exc.fully_qualified_error_id != "TypeNotFound":
                    raise
                failed.append((node, exc))
        if len(failed) == len(pending):
            first, error = failed[0]
            raise error.locate(first.span, compiler.source)
        pending = [node for node, _ in failed]


def base_method_call(type_fn: Any, operand_fn: Any, name: str, arg_fns: list) -> Any:
    """`([Base]$this).Method(args)` (about_Classes_Inheritance, "Calling base class methods"):
    when Base is a script class and the object one of its instances, Base's own method runs
    even if the object's class overrides it; otherwise it is an ordinary cast and call."""
    from pscompat.values.methods.dispatch import call_method

    def call(scope):
        target_type = type_fn(scope)
        value = operand_fn(scope)
        args = [a(scope) for a in arg_fns]
        if isinstance(target_type, ClassType) and target_type.full_name in type_names(value):
            overloads = target_type.all_methods().get(name.lower())
            if overloads:
                return choose_overload(overloads, name, args).call(value, args)
        return call_method(convert_to(value, target_type.full_name), name, args)

    return call
