"""The grammar's elements parse through grammar_lex's short path (_direct_parse) instead of
pyparsing's general one.  The trees must be the same either way: every spec script and
parse-error case is parsed by a grammar built with and without the short path."""

from __future__ import annotations

import json
import pathlib

import pyparsing as pp
import pytest
from spec_runner import all_cases

from pscompat.errors import PSError
from pscompat.syntax import grammar
from pscompat.syntax import lexer as grammar_lex

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "parse_errors.txt"


def _scripts() -> list[str]:
    scripts = [c.script for c in all_cases()]
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            scripts.append(json.loads(line)["src"])
    return scripts


def _outcome(root, text: str):
    try:
        end, tokens = root._parse(text, 0)
        return ("ok", end, tuple(tokens))
    except grammar.SyntaxFail as fail:
        return ("fail", fail.error_id, fail.at, fail.span)
    except pp.ParseBaseException as exc:
        return ("pp", exc.loc)
    except (PSError, RecursionError) as exc:
        return ("error", type(exc).__name__)


@pytest.fixture(scope="module")
def general_grammar():
    original = grammar_lex._plain
    grammar_lex._plain = lambda element: False  # every element through pyparsing's own _parse
    try:
        return grammar._build()
    finally:
        grammar_lex._plain = original


def test_every_element_takes_the_short_path():
    seen, todo, general = set(), [grammar._grammar()], []
    while todo:
        element = todo.pop()
        if id(element) in seen:
            continue
        seen.add(id(element))
        if "_parse" not in vars(element):
            general.append(type(element).__name__)
        todo.extend(element.recurse())
    assert general == []


def test_the_short_path_builds_the_same_trees(general_grammar):
    direct = grammar._grammar()
    scripts = _scripts()
    assert len(scripts) > 1000
    differ = [s for s in scripts if _outcome(direct, s) != _outcome(general_grammar, s)]
    assert differ == []


def test_fast_results_equal_pyparsing_results():
    made, real = grammar_lex._results(["a", 1]), pp.ParseResults(["a", 1])
    assert made.as_list() == real.as_list() and made.as_dict() == real.as_dict()
    combined = pp.ParseResults([])
    combined += made
    assert combined.as_list() == ["a", 1]
