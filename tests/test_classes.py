"""Classes and enums (syntax/class_grammar.py, syntax/class_checks.py, engine/classes.py,
engine/enums.py): PowerShell's own parse-error cases, as a table.

Each case is a line of PowerShell's tests (`ShouldBeParseError '<script>' <ErrorId> <offset>` in
test/powershell/Language/Classes/Scripting.Classes.BasicParsing.Tests.ps1,
scripting.Classes.inheritance.tests.ps1 and scripting.enums.tests.ps1): the script, the error
id PowerShell reports first and where (0-based offset; None where pscompat's position differs
and only the id is pinned).
"""

from __future__ import annotations

import pytest

import pscompat
from pscompat.errors import PSError
from pscompat.syntax.grammar import parse

PARSE_ERRORS = [
    ("class", "MissingNameAfterKeyword", 5),
    ("class foo", "MissingTypeBody", 9),
    ("class foo {", "MissingEndCurlyBrace", None),
    ("class foo { [int] }", "IncompleteMemberDefinition", 17),
    ("class foo { [Attr()] }", "IncompleteMemberDefinition", 20),
    ("class foo { $x; $x; }", "MemberAlreadyDefined", None),
    ("class foo { [int][string]$x; }", "TooManyTypes", 17),
    ("class foo { static static $x; }", "DuplicateQualifier", 19),
    ("class C {f(){ return 1} }", "VoidMethodHasReturn", 14),
    ("class C {[int] f(){ return } }", "NonVoidMethodMissingReturnValue", 20),
    ("class C {[int] f(){} }", "MethodHasCodePathNotReturn", None),
    ("class C { [int]foo() { try { throw 'foo'} catch { } } }", "MethodHasCodePathNotReturn", None),
    ("class C { [int]foo() { while ($false) { return 1 } } }", "MethodHasCodePathNotReturn", None),
    ("class C { [int]foo() { try { New-Item foo; return 1 } catch { } } }", "MethodHasCodePathNotReturn", None),
    ("class C { [bool] Test() { if ($false) { return $true; } } }", "MethodHasCodePathNotReturn", None),
    ("class C { [int]foo() { return; return 1 } }", "NonVoidMethodMissingReturnValue", 23),
    ("class C { static C($x) {} }", "StaticConstructorCantHaveParameters", 19),
    ("class foo { f() { param($x) } }", "ParamBlockNotAllowedInMethod", 18),
    ("class foo { f() { begin {} } }", "NamedBlockNotAllowedInMethod", 18),
    ("class foo { f() { end {} } }", "NamedBlockNotAllowedInMethod", 18),
    ("class foo { f() { dynamicparam {} } }", "NamedBlockNotAllowedInMethod", 18),
    ("class foo { [int] foo() { return 1 }}", "ConstructorCantHaveReturnType", None),
    ("class C : B", "MissingTypeBody", 11),
    ("Class foo { q(){} w(){}", "MissingEndCurlyBrace", None),
    ("class A : {}", "TypeNameExpected", 10),
    ("class A { A($a){} } ; class B : A { foo() : base(1) {} }", "MissingFunctionBody", None),
    ("class A { static A() {} }; class B { static B() : base() {} }", "MissingFunctionBody", None),
    ("class A { A($a){} } ; class B : A { B() : bas {} }", "MissingBaseCtorCall", None),
    ("enum", "MissingNameAfterKeyword", 4),
    ("enum foo", "MissingTypeBody", 8),
    ("enum foo {", "MissingEndCurlyBrace", None),
    ("enum foo { x = }", "ExpectedValueExpression", None),
    ("enum foo { a;b;c;", "MissingEndCurlyBrace", None),
    ("using", "MissingUsingStatementDirective", None),
]


@pytest.mark.parametrize("script, error_id, offset", PARSE_ERRORS, ids=[c[0] for c in PARSE_ERRORS])
def test_parse_errors_are_powershells(script, error_id, offset):
    with pytest.raises(PSError) as info:
        parse(script)
    assert info.value.fully_qualified_error_id == error_id
    if offset is not None:
        assert info.value.span.start == offset


# Errors PowerShell reports while parsing that pscompat finds when it defines the types (before
# any statement of the script runs).
DEFINITION_ERRORS = [
    ("class foo {} class foo {}", "MemberAlreadyDefined"),
    ("enum foo {} enum foo {}", "MemberAlreadyDefined"),
    ("class foo { [zz]$x; }", "TypeNotFound"),
    ("class foo { [zz]f() { return 0 } }", "TypeNotFound"),
    ("class foo { f([zz]$x) {} }", "TypeNotFound"),
    ("class A : NonExistingClass {}", "TypeNotFound"),
    ("class A {}; class B : A, NonExistingInterface {}", "TypeNotFound"),
    ("enum foo { e = [int]::MaxValue;  e2 }", "EnumeratorValueOutOfBounds"),
    ("enum foo { e = [int]::MaxValue + 1 }", "EnumeratorValueOutOfBounds"),
    ("enum foo : byte { e = -1 }", "EnumeratorValueOutOfBounds"),
    ("enum foo { e = $foo }", "EnumeratorValueMustBeConstant"),
]


@pytest.mark.parametrize("script, error_id", DEFINITION_ERRORS, ids=[c[0] for c in DEFINITION_ERRORS])
def test_definition_errors_stop_the_script_before_it_runs(script, error_id):
    with pytest.raises(PSError) as info:
        pscompat.run("'ran'; " + script)
    assert info.value.fully_qualified_error_id.split(",")[0] == error_id


VALID = [
    "class C1 {}\nclass C2a : C1 {}\nclass C2b:C1 {}",
    "class C { [int] f() { while ($true) { } } }",
    "class C { [int] f() { for (;;) { } } }",
    "class C { [int] f() { if ($x) { return 1 } elseif ($y) { return 2 } else { throw 'x' } } }",
    "class C { [int] f() { switch (1) { 1 { return 1 } default { return 2 } } } }",
    "class C { [int] f() { try { return 1 } finally { } } }",
    # the positive cases of Scripting.Classes.BasicParsing.Tests.ps1 ('Positive ParseMethodCodePaths')
    'class C11a { [int]foo() { try {throw "foo"} catch {throw $_} } }',
    'class C11b { [int]foo() { try {throw "foo"} finally {}; try {} catch {} } }',
    'class C11d { [int]foo() { try {if (1 -eq 2) { throw "1"} else {throw "2"}} finally {} } }',
    'class C11e { [int]foo() { try {throw "foo"} catch [ArgumentException] {throw $_} catch {return 1} } }',
    'class C11f { [int]foo() { try {} finally {throw "bar"} } }',
    "class C11g { [int]foo() { do { return 1 } while ($false) } }",
    "class C { [void] f() { $s = { return 5 }; function g { return 1 } } }",
    "class C { hidden static [int] $X = 1; static hidden [string] $Y }",
    "[Flags()] enum E { A = 1; B = 2 }",
    "[Flags()]\nenum E { A = 1\n B = 2 }",
    "enum EX1 : byte { A;B;C;D }",
    "using namespace System.Text\nusing module Foo",
    "class C { C() : base() { } C([int]$a) : base() { $this.A = $a } [int]$A }",
]


@pytest.mark.parametrize("script", VALID)
def test_valid_definitions_parse(script):
    parse(script)


def test_statements_of_many_brackets_are_not_slow():
    """A statement that starts with `[` is first checked for `[Attr()] class`: that look-ahead
    must fail in one pass (a backtracking version took minutes on this line)."""
    import time

    start = time.perf_counter()
    parse("[int]" + "[x]" * 25 + "$y\n" + "[int]$x = " + " + ".join(f"$a[{i}]" for i in range(40)))
    assert time.perf_counter() - start < 2.0
