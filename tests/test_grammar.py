"""Grammar tests, table driven: node shapes, argument vs expression mode, literals, statements,
round trips (tests/fixtures/identity.ps1) and errors (tests/fixtures/parse_errors.txt).

Shapes are written as compact s-expressions (see `sx`) so that a table row reads like the tree.
"""

from __future__ import annotations

import json
import pathlib
from decimal import Decimal

import pytest

from pscompat.errors import IncompleteInputError, ParseError
from pscompat.records import fields as record_fields
from pscompat.syntax import nodes as n
from pscompat.syntax.grammar import parse, parse_cached
from pscompat.syntax.unparse import unparse
from pscompat.values.dotnet.integers import BigInteger, Byte, Int16, Int64, SByte, UInt16, UInt32, UInt64

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


# ----------------------------------------------------------------------------- helpers


def sx(node) -> str:
    """A compact s-expression of a node, spans left out."""
    if isinstance(node, tuple):
        return " ".join(sx(x) for x in node)
    if isinstance(node, str):
        return repr(node)
    if node is None or isinstance(node, bool):
        return str(node)
    kind = type(node).__name__
    if isinstance(node, n.Constant):
        return repr(node.value)
    if isinstance(node, n.StringConstant):
        return f"{node.kind}:{node.value!r}"
    if isinstance(node, n.ExpandableString):
        return f"({node.kind}$ {sx(node.parts)})"
    if isinstance(node, n.Variable):
        return ("@" if node.splatted else "$") + ("{" + node.name + "}" if node.braced else node.name)
    if isinstance(node, n.Binary):
        return f"({node.op} {sx(node.left)} {sx(node.right)})"
    if isinstance(node, n.Unary):
        return f"({node.op} {sx(node.operand)})"
    if isinstance(node, n.ArrayLiteral):
        return f"(array {sx(node.elements)})"
    if isinstance(node, (n.Member, n.InvokeMember)):
        op = "::" if node.static else "?." if node.null_conditional else "."
        args = f" {sx(node.arguments)}" if isinstance(node, n.InvokeMember) else ""
        call = "call" if isinstance(node, n.InvokeMember) else ""
        return f"({call}{op} {sx(node.target)} {sx(node.member)}{args})".replace(" )", ")")
    if isinstance(node, n.Index):
        return f"({'?[]' if node.null_conditional else '[]'} {sx(node.target)} {sx(node.index)})"
    if isinstance(node, n.Convert):
        return f"([{node.type.name}] {sx(node.operand)})"
    if isinstance(node, n.TypeExpression):
        return f"[{node.type.name}]"
    if isinstance(node, n.ScriptBlockExpression):
        return "{" + node.body.text + "}"
    if isinstance(node, n.CommandParameter):
        return "-" + node.name + ("" if node.argument is None else ":" + sx(node.argument))
    if isinstance(node, n.Command):
        parts = ([node.invocation] if node.invocation else []) + [sx(e) for e in node.elements]
        parts += [sx(r) for r in node.redirections]
        return "(cmd " + " ".join(parts) + ")"
    if isinstance(node, n.CommandExpression) and not node.redirections:
        return sx(node.expression)
    if isinstance(node, n.Pipeline) and len(node.elements) == 1:
        return sx(node.elements[0])
    if isinstance(node, n.Pipeline):
        return f"(| {sx(node.elements)})"
    if isinstance(node, n.Hashtable):
        return "(Hashtable (" + " ".join(f"({sx(k)} {sx(v)})" for k, v in node.pairs) + "))"
    if isinstance(node, n.If):
        clauses = " ".join(f"({sx(c)} {sx(b)})" for c, b in node.clauses)
        return f"(If ({clauses}) {sx(node.else_body)})"
    if isinstance(node, n.StatementBlock):
        return "{" + "; ".join(sx(s) for s in node.statements) + "}"
    fields = [sx(getattr(node, f)) for f in record_fields(node) if f != "span"]
    return f"({kind} {' '.join(fields)})"


def statement(src: str):
    script = parse(src)
    assert len(script.end.statements) == 1, script.end.statements
    return script.end.statements[0]


def expression(src: str):
    """The expression of a one-element expression pipeline."""
    node = statement(src)
    assert isinstance(node, n.Pipeline) and isinstance(node.elements[0], n.CommandExpression)
    return node.elements[0].expression


def strip_spans(node):
    """The tree as nested tuples without spans: structural equality for round trips."""
    if isinstance(node, n.Node):
        return (type(node).__name__,) + tuple(strip_spans(getattr(node, f)) for f in record_fields(node) if f != "span")
    if isinstance(node, tuple):
        return tuple(strip_spans(x) for x in node)
    return node


def strip_script(script: n.ScriptBlock):
    return strip_spans((script.param_block, script.begin, script.process, script.end))


# ----------------------------------------------------------------------------- argument vs expression mode
# Docs: Core/About/about_Parsing.md ("Expression mode", "Argument mode", examples table).

MODE_CASES = [
    ("Write-Output 2+2", "(cmd bare:'Write-Output' bare:'2+2')"),
    ("Write-Output (2+2)", "(cmd bare:'Write-Output' (Paren (+ 2 2)))"),
    ("Write-Output 2", "(cmd bare:'Write-Output' 2)"),
    ("Write-Output -5", "(cmd bare:'Write-Output' -5)"),
    ("Write-Output 1..3", "(cmd bare:'Write-Output' bare:'1..3')"),
    ("Write-Output $a+2", "(cmd bare:'Write-Output' (bare$ $a '+2'))"),
    ("Write-Output a$a", "(cmd bare:'Write-Output' (bare$ 'a' $a))"),
    ("Write-Output a'$a'", "(cmd bare:'Write-Output' bare:'a$a')"),
    (
        "Write-Output $HOME.Length-more",
        "(cmd bare:'Write-Output' (. $HOME bare:'Length') bare:'-more')",
    ),  # Docs: about_Parsing.md: "the value of $HOME.Length and string literal -more"
    ("Write-Output a#b", "(cmd bare:'Write-Output' bare:'a#b')"),
    ("Write-Output a #b", "(cmd bare:'Write-Output' bare:'a')"),
    ("Write-Output a`tb", "(cmd bare:'Write-Output' bare:'a\\tb')"),
    ("Write-Output a` b", "(cmd bare:'Write-Output' bare:'a b')"),
    ("Write-Output $x[0]", "(cmd bare:'Write-Output' ([] $x 0))"),
    ("Write-Output @(1)", "(cmd bare:'Write-Output' (ArrayExpression {1}))"),
    ("Write-Output @{a=1}", "(cmd bare:'Write-Output' (Hashtable ((bare:'a' 1))))"),
    ("Write-Output {1}", "(cmd bare:'Write-Output' {1})"),
    ("Write-Output [int]", "(cmd bare:'Write-Output' bare:'[int]')"),
    ("Write-Output 'a' \"b\"", "(cmd bare:'Write-Output' single:'a' double:'b')"),
    ("Select -Property Label, ImageName", "(cmd bare:'Select' -Property (array bare:'Label' bare:'ImageName'))"),
    ("Get-Foo -Name:$false", "(cmd bare:'Get-Foo' -Name:$false)"),
    ("Get-Foo -Count:-1", "(cmd bare:'Get-Foo' -Count:-1)"),
    ("Get-Foo -- -Name x", "(cmd bare:'Get-Foo' -- bare:'-Name' bare:'x')"),
    ("Get-Foo - x", "(cmd bare:'Get-Foo' bare:'-' bare:'x')"),
    ('Get-Foo -a"b"', "(cmd bare:'Get-Foo' bare:'-ab')"),
    ("Get-Foo @splat", "(cmd bare:'Get-Foo' @splat)"),
    ("Get-Foo 1kb 0x10", "(cmd bare:'Get-Foo' 1024 16)"),
    ("foo.exe /q", "(cmd bare:'foo.exe' bare:'/q')"),
    (".\\script.ps1 x", "(cmd bare:'.\\\\script.ps1' bare:'x')"),
    ("? {$_}", "(cmd bare:'?' {$_})"),
    ("% {$_}", "(cmd bare:'%' {$_})"),
    ("& $sb 1 2", "(cmd & $sb 1 2)"),
    ("& 'my tool' -x", "(cmd & single:'my tool' -x)"),
    (". { 1 }", "(cmd . { 1 })"),
    (". .\\lib.ps1", "(cmd . bare:'.\\\\lib.ps1')"),
    # Expression mode: statements that start with a value.
    ("2+2", "(+ 2 2)"),
    ("1..3", "(.. 1 3)"),
    ("-5", "-5"),
    ("'a' -eq 'b'", "(-eq single:'a' single:'b')"),
    ("$x", "$x"),
    ("7z.exe a", "(cmd bare:'7z.exe' bare:'a')"),
]


@pytest.mark.parametrize("src, expected", MODE_CASES)
def test_modes(src, expected):
    assert sx(statement(src)) == expected


# ----------------------------------------------------------------------------- dashes and smart quotes
# PS: engine/parser/CharTraits.cs (IsDash, IsSingleQuote, IsDoubleQuote); Spec chapter-02 `dash:`.

DASH_CASES = [
    (
        'Save-AzureVMImage –ServiceName "mySvc2" –OSState "Specialized" -Verbose',
        "(cmd bare:'Save-AzureVMImage' -ServiceName double:'mySvc2' -OSState double:'Specialized' -Verbose)",
    ),
    ("Get-Foo —Name x ―Force", "(cmd bare:'Get-Foo' -Name bare:'x' -Force)"),
    ("5 –gt 3", "(-gt 5 3)"),
    ("5 —lt 3", "(-lt 5 3)"),
    ("$a –and $b", "(-and $a $b)"),
    ("–not $a", "(-not $a)"),
    ("Write-Output ‘single’", "(cmd bare:'Write-Output' single:'single')"),
    ("Write-Output “double $x”", "(cmd bare:'Write-Output' (double$ 'double ' $x))"),
    ("'it’’s'", "single:'it’s'"),
]


@pytest.mark.parametrize("src, expected", DASH_CASES)
def test_dashes_and_smart_quotes(src, expected):
    assert sx(statement(src)) == expected


def test_parameter_keeps_typed_text():
    command = statement("Remove-AzureVMImage –ImageName x").elements[0]
    parameter = command.elements[1]
    assert (parameter.name, parameter.text) == ("ImageName", "–ImageName")


# ----------------------------------------------------------------------------- precedence
# Docs: Core/About/about_Operator_Precedence.md; PS: engine/parser/token.cs (BinaryPrecedence*),
# Parser.cs (UnaryExpressionRule binds prefix operators tighter than `,` and binary operators).

PRECEDENCE_CASES = [
    ("1 + 2 * 3", "(+ 1 (* 2 3))"),
    ("1 * 2 + 3", "(+ (* 1 2) 3)"),
    ("1 - 2 - 3", "(- (- 1 2) 3)"),
    ("1,2 + 3", "(+ (array 1 2) 3)"),
    ("'{0}' -f 2 + 3", "(+ (-f single:'{0}' 2) 3)"),
    ("1..3 + 1", "(+ (.. 1 3) 1)"),
    ("$a -eq 1 -and $b -eq 2", "(-and (-eq $a 1) (-eq $b 2))"),
    ("$a -or $b -and $c", "(-and (-or $a $b) $c)"),
    ("$a -band 1 -eq 1", "(-band $a (-eq 1 1))"),
    ("$a ?? 1 + 2", "(?? $a (+ 1 2))"),
    ("$a -eq $b ?? 3", "(-eq $a (?? $b 3))"),
    ("-not $a -eq $b", "(-eq (-not $a) $b)"),
    ("!$a -and $b", "(-and (! $a) $b)"),
    ("-$a * 2", "(* (- $a) 2)"),
    ("-split 'a b', 'c'", "(array (-split single:'a b') single:'c')"),
    ("'a b' -split ' '", "(-split single:'a b' single:' ')"),
    ("-join ('a', 'b')", "(-join (Paren (array single:'a' single:'b')))"),
    ("[int]'5' + 1", "(+ ([int] single:'5') 1)"),
    ("[int][char]'a'", "([int] ([char] single:'a'))"),
    (",1", "(, 1)"),
    (",1, 2", "(array (, 1) 2)"),
    ("$a ? 1 : 2", "(Ternary $a 1 2)"),
    ("$a ? $b ? 1 : 2 : 3", "(Ternary $a (Ternary $b 1 2) 3)"),
    ("$x -is [string]", "(-is $x [string])"),
    ("$x -as [int]", "(-as $x [int])"),
    ("$a -CEQ $b", "(-ceq $a $b)"),
    ("$a -inotlike 'x'", "(-inotlike $a single:'x')"),
    ("$a -replace 'a', 'b'", "(-replace $a (array single:'a' single:'b'))"),
    ("1 -shl 2 + 1", "(-shl 1 (+ 2 1))"),
    ("$i++ + 1", "(+ (post++ $i) 1)"),
    ("++$i", "(++ $i)"),
    ("--$i", "(-- $i)"),
    ("1 +\n 2", "(+ 1 2)"),
    ("1,\n2", "(array 1 2)"),
]


@pytest.mark.parametrize("src, expected", PRECEDENCE_CASES)
def test_precedence(src, expected):
    assert sx(expression(src)) == expected


# ----------------------------------------------------------------------------- primaries and postfix
# Docs: about_Operators.md (member access, static member, index, null-conditional, ternary).

PRIMARY_CASES = [
    ("$_.ImageFamily", "(. $_ bare:'ImageFamily')"),
    ("$x.$dyn", "(. $x $dyn)"),
    ("$x.'quoted name'", "(. $x single:'quoted name')"),
    ("$x.Trim()", "(call. $x bare:'Trim')"),
    ("$x.Replace('a', 'b')", "(call. $x bare:'Replace' single:'a' single:'b')"),
    ("[math]::Round(2.5)", "(call:: [math] bare:'Round' 2.5)"),
    ("$x.Where{$_ -gt 1}", "(call. $x bare:'Where' {$_ -gt 1})"),
    ("[datetime]::Now", "(:: [datetime] bare:'Now')"),
    ("[int]", "[int]"),
    ("[string[]]", "[string[]]"),
    (
        "[System.Collections.Generic.List[string]]::new()",
        "(call:: [System.Collections.Generic.List[string]] bare:'new')",
    ),
    ("$a[0]", "([] $a 0)"),
    ("$a[-1]", "([] $a -1)"),
    ("$a[1..3]", "([] $a (.. 1 3))"),
    ("$a[0,2]", "([] $a (array 0 2))"),
    ("$h['k'].Name", "(. ([] $h single:'k') bare:'Name')"),
    ("${a}?.Name", "(?. ${a} bare:'Name')"),
    ("${a}?[0]", "(?[] ${a} 0)"),
    ("$a?.Name", "(. $a? bare:'Name')"),
    ("[ordered]@{a=1}", "([ordered] (Hashtable ((bare:'a' 1))))"),
    ("[pscustomobject]@{Name='x'}", "([pscustomobject] (Hashtable ((bare:'Name' single:'x'))))"),
    ("@{ a = 1; 'b c' = 2 }", "(Hashtable ((bare:'a' 1) (single:'b c' 2)))"),
    ("@{\n  a = 1\n  b = 2\n}", "(Hashtable ((bare:'a' 1) (bare:'b' 2)))"),
    ("@{1 = 'one'; $k = 2}", "(Hashtable ((1 single:'one') ($k 2)))"),
    (
        "@{a = Get-Foo | Select -First 1}",
        "(Hashtable ((bare:'a' (| (cmd bare:'Get-Foo') (cmd bare:'Select' -First 1)))))",
    ),
    ("@(1, 2)", "(ArrayExpression {(array 1 2)})"),
    ("@()", "(ArrayExpression {})"),
    ("$(1; 2)", "(SubExpression {1; 2})"),
    ("(Get-Date).Year", "(. (Paren (cmd bare:'Get-Date')) bare:'Year')"),
    ("($x = 1)", "(Paren (Assignment $x '=' 1))"),
    ("$true", "$true"),
    ("$env:PATH", "$env:PATH"),
    ("$global:x", "$global:x"),
    ("${my var}", "${my var}"),
    ("$$", "$$"),
    ("$?", "$?"),
]


@pytest.mark.parametrize("src, expected", PRIMARY_CASES)
def test_primaries(src, expected):
    assert sx(expression(src)) == expected


# ----------------------------------------------------------------------------- numbers
# Docs: Core/About/about_Numeric_Literals.md.

NUMBER_CASES = [
    ("42", 42, int),
    ("2147483648", 2147483648, int),
    ("9223372036854775808", Decimal("9223372036854775808"), Decimal),
    ("1.5", 1.5, float),
    ("1e3", 1000.0, float),
    (".5", 0.5, float),
    ("0x1F", 31, int),
    ("0xFFFFFFFF", -1, int),
    ("0b101", 5, int),
    ("10l", 10, Int64),
    # Docs: about_Numeric_Literals.md, type suffixes
    ("100y", 100, SByte),
    ("100uy", 100, Byte),
    ("7s", 7, Int16),
    ("7us", 7, UInt16),
    ("7u", 7, UInt32),
    ("7ul", 7, UInt64),
    ("1n", 1, BigInteger),
    ("0xFFFFFFFFFFFFFFFF", -1, Int64),
    ("-5l", -5, Int64),
    ("1.5d", Decimal("1.5"), Decimal),
    ("1kb", 1024, int),
    ("1KB", 1024, int),
    ("2mb", 2 * 1024**2, int),
    ("1gb", 1024**3, int),
    ("1tb", 1024**4, int),
    ("1pb", 1024**5, int),
    ("1.5kb", 1536.0, float),
    ("0x10gb", 17179869184, int),
    ("-5", -5, int),
]


@pytest.mark.parametrize("src, value, type_", NUMBER_CASES)
def test_numbers(src, value, type_):
    node = expression(src)
    assert isinstance(node, n.Constant)
    assert (node.value, type(node.value), node.text) == (value, type_, src)


# ----------------------------------------------------------------------------- strings
# Docs: Core/About/about_Quoting_Rules.md; about_Special_Characters.md.

STRING_CASES = [
    ("'it''s'", 'single:"it\'s"'),
    ("'$x'", "single:'$x'"),
    ('"plain"', "double:'plain'"),
    ('"say ""hi"""', "double:'say \"hi\"'"),
    ('"a`tb`n"', "double:'a\\tb\\n'"),
    ('"`0`a`b`e`f`r`v"', "double:'\\x00\\x07\\x08\\x1b\\x0c\\r\\x0b'"),
    ('"`u{2195}"', "double:'↕'"),
    ('"`$x `q"', "double:'$x q'"),
    ('"hello $name!"', "(double$ 'hello ' $name '!')"),
    ('"$o.Name"', "(double$ $o '.Name')"),
    ('"$a[0]"', "(double$ $a '[0]')"),
    ('"${HOME}:x"', "(double$ ${HOME} ':x')"),
    ('"$env:PATH"', "(double$ $env:PATH)"),
    ('"${x}:"', "(double$ ${x} ':')"),
    ('"$a:b:c"', "(double$ $a:b:c)"),
    ('"total: $($a + $b)"', "(double$ 'total: ' (SubExpression {(+ $a $b)}))"),
    ('"nested $("in $x")"', "(double$ 'nested ' (SubExpression {(double$ 'in ' $x)}))"),
    ('"cost $ 5"', "double:'cost $ 5'"),
    ("@'\nline1\n$x\n'@", "here_single:'line1\\n$x'"),
    ('@"\nhi $name\n"@', "(here_double$ 'hi ' $name)"),
    ('@"\n"quoted" `t\n"@', "here_double:'\"quoted\" \\t'"),
    ("@'\n'@", "here_single:''"),
]


@pytest.mark.parametrize("src, expected", STRING_CASES)
def test_strings(src, expected):
    assert sx(expression(src)) == expected


def test_expandable_string_keeps_raw_text():
    node = expression('"a`t$x"')
    assert node.raw == "a`t$x"


# ----------------------------------------------------------------------------- statements

STATEMENT_CASES = [
    ("$x = 1", "(Assignment $x '=' 1)"),
    ("$x += 1", "(Assignment $x '+=' 1)"),
    ("$x –= 1", "(Assignment $x '-=' 1)"),
    ("$x ??= 1", "(Assignment $x '??=' 1)"),
    ("$x.P = 1", "(Assignment (. $x bare:'P') '=' 1)"),
    ("$x[0] = 1", "(Assignment ([] $x 0) '=' 1)"),
    ("[int]$x = '5'", "(Assignment ([int] $x) '=' single:'5')"),
    ("$a, $b = 1, 2", "(Assignment (array $a $b) '=' (array 1 2))"),
    ("$x = Get-Foo | Select -First 1", "(Assignment $x '=' (| (cmd bare:'Get-Foo') (cmd bare:'Select' -First 1)))"),
    ("$a = $b = 0", "(Assignment $a '=' (Assignment $b '=' 0))"),
    ("$x = if ($y) { 1 }", "(Assignment $x '=' (If (($y {1})) None))"),
    ("a | b | c", "(| (cmd bare:'a') (cmd bare:'b') (cmd bare:'c'))"),
    ("a |\n  b", "(| (cmd bare:'a') (cmd bare:'b'))"),
    ("a\n| b", "(| (cmd bare:'a') (cmd bare:'b'))"),
    ("a `\n  -x", "(cmd bare:'a' -x)"),
    ("a && b || c", "(PipelineChain (PipelineChain (cmd bare:'a') '&&' (cmd bare:'b')) '||' (cmd bare:'c'))"),
    ("Get-Foo 2>$null", "(cmd bare:'Get-Foo' (Redirection '2' $null False None))"),
    ("Get-Foo 2>&1", "(cmd bare:'Get-Foo' (Redirection '2' None False '1'))"),
    ("Get-Foo > out.txt", "(cmd bare:'Get-Foo' (Redirection '1' bare:'out.txt' False None))"),
    ("Get-Foo >> log.txt", "(cmd bare:'Get-Foo' (Redirection '1' bare:'log.txt' True None))"),
    ("Get-Foo *>$null", "(cmd bare:'Get-Foo' (Redirection '*' $null False None))"),
    ("$x > file", "(CommandExpression $x (Redirection '1' bare:'file' False None))"),
    ("if ($a) { 1 } elseif ($b) { 2 } else { 3 }", "(If (($a {1}) ($b {2})) {3})"),
    ("if ($a) { 1 }\nelse { 2 }", "(If (($a {1})) {2})"),
    ("foreach ($i in 1..3) { $i }", "(ForEach $i (.. 1 3) {$i} None)"),
    ("for ($i = 0; $i -lt 3; $i++) { $i }", "(For (Assignment $i '=' 0) (-lt $i 3) (post++ $i) {$i} None)"),
    ("for (;;) { break }", "(For None None None {(Break None)} None)"),
    ("while ($true) { }", "(While $true {} None)"),
    ("do { 1 } while ($x)", "(DoLoop {1} $x False None)"),
    ("do { 1 } until ($x)", "(DoLoop {1} $x True None)"),
    (
        "switch -regex -casesensitive ($x) { '^a' { 1 } {$_ -gt 1} { 2 } default { 3 } }",
        "(Switch $x (SwitchClause single:'^a' {1}) (SwitchClause {$_ -gt 1} {2}) {3} 'regex' 'casesensitive' None)",
    ),
    (
        "switch ($x) {\n  a { 1 }\n  2 { 2 }\n}",
        "(Switch $x (SwitchClause bare:'a' {1}) (SwitchClause 2 {2}) None  None)",
    ),
    ("switch -file $path { x { 1 } }", "(Switch $path (SwitchClause bare:'x' {1}) None 'file' None)"),
    (":outer foreach ($x in $y) { break outer }", "(ForEach $x $y {(Break 'outer')} 'outer')"),
    (":l while (1) { continue l }", "(While 1 {(Continue 'l')} 'l')"),
    ("return", "(Return None)"),
    ("return $x | Select -First 1", "(Return (| $x (cmd bare:'Select' -First 1)))"),
    ("throw 'bad'", "(Throw single:'bad')"),
    ("exit 1", "(Exit 1)"),
    (
        "try { 1 } catch [System.IO.IOException], [Foo] { 2 } catch { 3 } finally { 4 }",
        "(Try {1} (Catch System.IO.IOException Foo {2}) (Catch  {3}) {4})",
    ),
]


def _tidy(text: str) -> str:
    return text.replace("(TypeName '", "").replace("')", "")


@pytest.mark.parametrize("src, expected", STATEMENT_CASES)
def test_statements(src, expected):
    node = statement(src)
    got = sx(node)
    if isinstance(node, n.Try):  # catch types print as TypeName nodes; compare names
        got = "(Try {} {} {})".format(
            sx(node.body),
            " ".join(f"(Catch {' '.join(t.name for t in c.types)} {sx(c.body)})" for c in node.catches),
            sx(node.finally_),
        )
    assert got == expected


def test_function_with_param_block():
    src = (
        "function Test-It {\n  [CmdletBinding()]\n  param(\n"
        "    [Parameter(Mandatory, Position=0, ValueFromPipeline=$true)][string]$Name = 'x',\n"
        "    [switch]$Force\n  )\n  process { $Name }\n}"
    )
    fn = statement(src)
    assert isinstance(fn, n.FunctionDefinition) and fn.name == "Test-It" and not fn.is_filter
    block = fn.body.param_block
    assert [a.name for a in block.attributes] == ["CmdletBinding"]
    name, force = block.parameters
    assert (name.name, name.type.name, sx(name.default)) == ("Name", "string", "single:'x'")
    attribute = name.attributes[0]
    assert attribute.name == "Parameter"
    assert [(k, sx(v)) for k, v in attribute.named] == [
        ("Mandatory", "None"),
        ("Position", "0"),
        ("ValueFromPipeline", "$true"),
    ]
    assert (force.name, force.type.name) == ("Force", "switch")
    assert sx(fn.body.process) == "{$Name}" and fn.body.end is None
    assert fn.body.text == src[src.index("{") + 1 : -1]


def test_function_inline_parameters_and_filter():
    fn = statement("function Add($a, [int]$b = 2) { $a + $b }")
    assert [(p.name, p.type and p.type.name, sx(p.default)) for p in fn.parameters] == [
        ("a", None, "None"),
        ("b", "int", "2"),
    ]
    assert statement("filter Double { $_ * 2 }").is_filter


def test_script_block_named_blocks_and_text():
    block = expression("{ param($x) begin { 1 } process { $_ } end { 2 } }").body
    assert [p.name for p in block.param_block.parameters] == ["x"]
    assert (sx(block.begin), sx(block.process), sx(block.end)) == ("{1}", "{$_}", "{2}")
    assert block.text == " param($x) begin { 1 } process { $_ } end { 2 } "


def test_script_param_block_and_unnamed_statements_go_to_end():
    script = parse("param([int]$n = 1)\n$n * 2\nWrite-Output done")
    assert [p.name for p in script.param_block.parameters] == ["n"]
    assert len(script.end.statements) == 2 and script.begin is None
    assert script.text.startswith("param(")


def test_separators_comments_and_blank_lines():
    script = parse("a; b\n\n# comment\nc <# inline #> d\n<# multi\nline #>\ne # trailing")
    assert [sx(s) for s in script.end.statements] == [
        "(cmd bare:'a')",
        "(cmd bare:'b')",
        "(cmd bare:'c' bare:'d')",
        "(cmd bare:'e')",
    ]


def test_keywords_only_at_statement_start():
    assert sx(statement("$x | foreach { $_ }")) == "(| $x (cmd bare:'foreach' { $_ }))"
    assert sx(statement("foreach-object { 1 }")) == "(cmd bare:'foreach-object' { 1 })"


# ----------------------------------------------------------------------------- spans


def test_spans_point_into_the_source():
    src = "Get-Foo –Name 'x' | where { $_.A -gt 1 }"
    script = parse(src)
    for node in n.walk(script):
        assert 0 <= node.span.start <= node.span.end <= len(src)
    pipeline = script.end.statements[0]
    first, second = pipeline.elements
    assert src[first.span.start : first.span.end] == "Get-Foo –Name 'x'"
    assert src[second.span.start : second.span.end] == "where { $_.A -gt 1 }"
    binary = second.elements[1].body.end.statements[0].elements[0].expression
    assert src[binary.span.start : binary.span.end] == "$_.A -gt 1"


# ----------------------------------------------------------------------------- round trips


def _identity_lines():
    text = (FIXTURES / "identity.ps1").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize("line", _identity_lines())
def test_identity(line):
    """sqlglot-style identity fixture: canonical lines format back byte-identical."""
    tree = parse(line)
    assert unparse(tree) == line
    assert strip_script(parse(unparse(tree))) == strip_script(tree)


ROUND_TRIP_CASES = [
    "Get-Foo   -Name  x|Select  -First 1",
    "$x=1,2+3",
    "if($a){1}elseif($b){2}else{3}",
    "@{ a = 1\n b = 2 }",
    '"tab`there $x and `$y"',
    '"say ""hi"""',
    "'it''s'",
    "Write-Output a` b `-x 12''",
    "@'\nhere $x\n'@",
    '@"\nhere $x `t\n"@',
    "function f { param($a) begin {} process { $_ } }",
    "foreach ($x in 1..3) {\n  $x\n  $x * 2\n}",
    "$a[0].B.C(1, 2)[1]",
    "Get-Foo -- -x --",
    "+ 2",
    "Get-Foo —Name: x",
    "`. | b",
]


@pytest.mark.parametrize("src", ROUND_TRIP_CASES)
def test_round_trip(src):
    tree = parse(src)
    assert strip_script(parse(unparse(tree))) == strip_script(tree)


# ----------------------------------------------------------------------------- errors


def _error_cases():
    rows = []
    for line in (FIXTURES / "parse_errors.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(json.loads(line))
    return rows


@pytest.mark.parametrize("case", _error_cases(), ids=lambda c: c["src"])
def test_parse_errors(case):
    with pytest.raises(ParseError) as info:
        parse(case["src"], "test.ps1")
    error = info.value
    assert isinstance(error, IncompleteInputError) == (case["kind"] == "incomplete")
    assert error.fully_qualified_error_id == case["id"]
    assert error.message == case["message"]
    assert f"{error.line}:{error.column}" == case["at"]
    assert error.source.name == "test.ps1" and error.span is not None


INCOMPLETE_CASES = [
    "{",
    "if ($x) {",
    "(",
    "@(",
    "$(",
    "@{",
    "'",
    '"',
    "@'\n",
    '@"\nx',
    "a |",
    "1 +",
    "1 -and",
    "Get-Foo `",
    "if ($x)",
    "foreach ($x in $y)",
    "function f",
    "a &&",
    "<#",
    "$x =",
    "1,",
    "do {",
    "switch ($x) {",
    "try {",
    "$x.Foo(",
    "[int]::Round(",
]


@pytest.mark.parametrize("src", INCOMPLETE_CASES)
def test_incomplete_input(src):
    with pytest.raises(IncompleteInputError):
        parse(src)


COMPLETE_CASES = ["", "\n\n", "# only a comment", "<# block #>", "a", "a |\nb", "if ($x) {}\n"]


@pytest.mark.parametrize("src", COMPLETE_CASES)
def test_complete_input(src):
    parse(src)


@pytest.mark.parametrize("src", ["1 2", "}", "Get-Foo < x", "$x = 1 )", "if x"])
def test_bad_input_is_not_incomplete(src):
    with pytest.raises(ParseError) as info:
        parse(src)
    assert not isinstance(info.value, IncompleteInputError)


# ----------------------------------------------------------------------------- API


def test_parse_cached_shares_trees():
    assert parse_cached("Get-Foo | Select -First 1") is parse_cached("Get-Foo | Select -First 1")


def test_script_text_is_the_whole_text():
    src = "a\nb\n"
    assert parse(src).text == src


# ----------------------------------------------------------------------------- statements pscompat maps or refuses


@pytest.mark.parametrize(
    "src, keyword",
    [("configuration Foo { }", "configuration")],  # class, enum and using: tests/test_classes.py
)
def test_unsupported_keywords_are_refused_in_pwsh_words(src, keyword):
    with pytest.raises(ParseError) as info:
        parse(src)
    assert info.value.fully_qualified_error_id == "ReservedKeywordNotAllowed"
    assert str(info.value.message) == f"The '{keyword}' keyword is not supported in this version of the language."


def test_data_section_is_a_subexpression_or_an_assignment():
    plain = parse("data { 'a' }").end.statements[0]
    assert isinstance(plain.elements[0].expression, n.SubExpression)
    named = parse("data msgs { 'a' }").end.statements[0]
    assert isinstance(named, n.Assignment) and named.target.name == "msgs"


def test_trap_statement():
    trap = parse("trap [System.DivideByZeroException] { continue }; 1/0").end.statements[0]
    assert [t.name for t in trap.types] == ["System.DivideByZeroException"]
    assert isinstance(trap.body.statements[0], n.Continue)
    assert unparse(parse("trap { 'x' }")) == "trap { 'x' }"


@pytest.mark.parametrize(
    "src, args",
    [
        # Docs: about_Parsing.md "The stop-parsing token"; PS: tokenizer.cs GetVerbatimCommandArgument
        ("icacls X:\\VMS --% /grant Dom\\HVAdmin:(CI)(OI)F", ["X:\\VMS", "--%", "/grant Dom\\HVAdmin:(CI)(OI)F"]),
        ('cmd /c --% echo "a|b" | more', ["/c", "--%", 'echo "a|b" ']),
        ("cmd --% a $x # b", ["--%", "a $x # b"]),
        ("cmd --%", ["--%"]),
    ],
)
def test_stop_parsing_token(src, args):
    command = parse(src).end.statements[0].elements[0]
    assert [e.value for e in command.elements[1:]] == args
    assert all(isinstance(e, n.StringConstant) and e.kind == "bare" for e in command.elements[1:])
