"""The parser API (pscompat/engine/ast_api): the node -> Ast table is complete and consistent,
and over every spec script the Ast view holds PowerShell's invariants (a child's extent lies in
its parent's, Parent leads back, every member reads without error, FindAll visits each node once
in source order, tokens cover the text in order).  Behaviour cases are in
tests/spec/ast_api.test.ps1.  Sources: PowerShell's engine/parser/ast.cs, Position.cs."""

from __future__ import annotations

import inspect

import pytest
from spec_runner import all_cases

import pscompat
from pscompat.engine.ast_api.ast import Ast, make_ast
from pscompat.engine.ast_api.parser import parse_text
from pscompat.engine.ast_api.table import AST_BASES, MEMBERS, NODE_TYPES, token_kind
from pscompat.engine.ast_api.tokens import tokenize
from pscompat.errors import ParseError
from pscompat.source import Source
from pscompat.syntax import nodes as N
from pscompat.syntax.grammar import parse

# nodes that are parts of another node's Ast, never an Ast of their own
NOT_AST = {"Node"}


def test_every_node_class_has_an_ast_type():
    node_classes = {
        cls
        for _, cls in inspect.getmembers(N, inspect.isclass)
        if issubclass(cls, N.Node) and cls.__name__ not in NOT_AST
    }
    missing = sorted(c.__name__ for c in node_classes if c not in NODE_TYPES)
    assert missing == []


def test_the_table_names_only_known_ast_types():
    for kind in NODE_TYPES.values():
        if isinstance(kind, str):
            assert kind in AST_BASES
    assert set(MEMBERS) <= set(AST_BASES)
    for name, base in AST_BASES.items():
        assert base is None or base in AST_BASES, name


@pytest.mark.parametrize(
    ("op", "kind"),
    [("+", "Plus"), ("-eq", "Ieq"), ("-ceq", "Ceq"), ("-ilike", "Ilike"), ("-and", "And"), ("-isnot", "IsNot"),
     ("-f", "Format"), ("..", "DotDot"), ("-band", "Band"), ("-join", "Join"), ("-split", "Isplit")],
)  # fmt: skip
def test_operator_token_kinds(op, kind):
    assert token_kind(op) == kind


def _scripts() -> list[str]:
    texts = []
    for case in all_cases():
        try:
            parse(case.script)
        except ParseError:
            continue
        texts.append(case.script)
    return texts


SCRIPTS = _scripts()


def _check_tree(root: Ast) -> int:
    seen = 0
    for ast in root.FindAll(lambda a: True, True):
        seen += 1
        for name in type(ast).PS_PROPERTIES:
            getattr(ast, name)  # every member reads
        parent = ast.Parent
        if parent is not None:
            assert (
                parent.Extent.StartOffset <= ast.Extent.StartOffset <= ast.Extent.EndOffset <= parent.Extent.EndOffset
            ), (
                type(parent).__name__,
                type(ast).__name__,
                ast.Extent.Text,
            )
            assert any(child is ast for child in parent.children())
    return seen


def test_ast_invariants_over_every_spec_script():
    assert len(SCRIPTS) > 500
    total = 0
    for text in SCRIPTS:
        ast, errors = parse_text(text)
        assert errors == []
        total += _check_tree(ast)
    assert total > 10_000


def test_find_all_visits_each_node_once_in_source_order():
    ast, _ = parse_text("function f($a) { if ($a) { 1 } else { g -x 2 } }\n$b = @{ k = 1, 2 }; f 3")
    found = ast.FindAll(lambda a: True, True)
    assert len({id(a) for a in found}) == len(found)
    starts = [a.Extent.StartOffset for a in found]
    assert starts == sorted(starts)


def test_tokens_cover_every_spec_script_in_order():
    for text in SCRIPTS:
        tokens = tokenize(Source(text))
        assert tokens[-1].Kind == "EndOfInput"
        ends = 0
        for token in tokens:
            assert token.span.start >= ends, (text, token.Text)
            ends = token.span.end


def test_script_block_ast_is_the_same_view_each_read():
    block = pscompat.run("{ Get-Date }")[0]
    ast = block.Ast
    assert ast.EndBlock is ast.EndBlock
    assert ast.EndBlock.Parent is ast


def test_make_ast_of_a_parse_error_free_text_keeps_file_name():
    ast, errors = parse_text("Get-Date", "/tmp/x.ps1")
    assert errors == []
    assert ast.Extent.File == "/tmp/x.ps1"
    assert make_ast(ast.node, ast.source).Extent.Text == "Get-Date"
