"""The grammar's elements parse through pyparsing_internals' short path (_direct_parse) instead
of pyparsing's general one.  The trees must be the same either way: every spec script and
parse-error case is parsed by a grammar built with and without the short path.  This also
guards the pyparsing internals the short path relies on (pscompat/syntax/pyparsing_internals.py)."""

from __future__ import annotations

import json
import pathlib

import pyparsing as pp
import pytest
from spec_runner import all_cases

from pscompat.errors import PSError
from pscompat.syntax import grammar
from pscompat.syntax.parse_errors import SyntaxFail
from pscompat.syntax.pyparsing_internals import parse_at, plain_results, takes_short_path

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "parse_errors.txt"


def _scripts() -> list[str]:
    scripts = [c.script for c in all_cases()]
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            scripts.append(json.loads(line)["src"])
    return scripts


def _outcome(root, text: str):
    try:
        end, tokens = parse_at(root, text, 0)
        return ("ok", end, tuple(tokens))
    except SyntaxFail as fail:
        return ("fail", fail.error_id, fail.at, fail.span)
    except pp.ParseBaseException as exc:
        return ("pp", exc.loc)
    except (PSError, RecursionError) as exc:
        return ("error", type(exc).__name__)


@pytest.fixture(scope="module")
def general_grammar():
    return grammar.build_grammar(short_path=False)  # every element through pyparsing's own _parse


def _elements(root):
    seen, todo = {}, [root]
    while todo:
        element = todo.pop()
        if id(element) not in seen:
            seen[id(element)] = element
            todo.extend(element.recurse())
    return list(seen.values())


def test_every_element_takes_the_short_path():
    assert [type(e).__name__ for e in _elements(grammar.grammar_root()) if not takes_short_path(e)] == []


def test_the_general_grammar_takes_pyparsings_own_path(general_grammar):
    assert [type(e).__name__ for e in _elements(general_grammar) if takes_short_path(e)] == []


def test_the_short_path_builds_the_same_trees(general_grammar):
    direct = grammar.grammar_root()
    scripts = _scripts()
    assert len(scripts) > 1000
    differ = [s for s in scripts if _outcome(direct, s) != _outcome(general_grammar, s)]
    assert differ == []


def test_fast_results_equal_pyparsing_results():
    made, real = plain_results(["a", 1]), pp.ParseResults(["a", 1])
    assert made.as_list() == real.as_list() and made.as_dict() == real.as_dict()
    combined = pp.ParseResults([])
    combined += made
    assert combined.as_list() == ["a", 1]
