"""Input that must not hang or blow up the parser (issue 10, "Input that must not crash, hang or
blow up").  Each check runs in a child process with a time limit, so a regression fails the
test instead of hanging the suite.  Budgets are loose (proportional to the input, far above
today's times): they catch exponential or quadratic behaviour, not a few percent."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest


def _child(code: str, cases: object, timeout: float = 120) -> object:
    """Run `code` in a fresh interpreter with CASES (JSON, on standard input) bound to `cases`; it prints one JSON
    value as its last line."""
    program = "import json, sys\nCASES = json.loads(sys.stdin.read())\n" + textwrap.dedent(code)
    try:
        done = subprocess.run(
            [sys.executable, "-c", program], input=json.dumps(cases), capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the child did not finish within {timeout} s")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- backtracking

# Shapes whose blanks a regex could split in exponentially many ways (`(\s+)*` followed by
# something that fails): a method argument before a newline, comment lines after a statement
# (with and without a continuing pipe), blanks before a newline in an argument list, a parse
# error followed by blanks.  {} is the run of blanks that grows.
BACKTRACKING_SHAPES = [
    "$x.M($a\n{})",  # 24 spaces took 2.3 s, each one more doubled it
    "1\n#a{}# b\n#a{}# b\n",  # 12 spaces took 20 s
    "1\n#a{}# b\n#a{}# b\n| Write-Output",
    "f(1{}\n)",
    "Write-Output 1,{}\n2",
    "$a = 1 +{}\n2",
    "@{{a = 1{}\nb = 2}}",
    "if ({}x",  # a parse error: its position is checked against the blanks after it
    "1 <#{}#> + <#{}#> 2",
    "1{}`\n{}+ 2",
]


def test_blank_runs_parse_in_time_proportional_to_their_length():
    results = _child(
        """
        import json, time
        from pscompat.errors import ParseError
        from pscompat.syntax.grammar import parse
        parse("1")  # the grammar is built once, outside the budget
        out = []
        for shape in CASES:
            for size in (12, 24, 30, 4000, 20000):
                text = shape.replace("{}", " " * size).replace("{{", "{").replace("}}", "}")
                start = time.perf_counter()
                try:
                    parse(text)
                except ParseError:
                    pass
                out.append((shape, size, len(text), time.perf_counter() - start))
        print(json.dumps(out))
        """,
        BACKTRACKING_SHAPES,
    )
    assert isinstance(results, list)
    # 0.5 s plus 50 microseconds a character: today's slowest shape takes ~10 a character
    slow = [(shape, size, round(took, 3)) for shape, size, length, took in results if took > 0.5 + 50e-6 * length]
    assert slow == []


# ----------------------------------------------------------------------------- nesting

# (kind, text nested `depth` deep, the node class that nests)
NESTING = [
    ("expression", lambda depth: "(" * depth + "1" + ")" * depth, "Paren"),
    ("script block", lambda depth: "{" * depth + "}" * depth, "ScriptBlockExpression"),
    ("hashtable", lambda depth: "@{a=" * depth + "1" + "}" * depth, "Hashtable"),
    ("array", lambda depth: "@(" * depth + ")" * depth, "ArrayExpression"),
    ("string subexpression", lambda depth: '"$(' * depth + ')"' * depth, "SubExpression"),
]


def test_nesting_1000_deep_parses():
    counts = _child(
        """
        import json, sys
        from pscompat.syntax import grammar, nodes
        out = {}
        for kind, text, node in CASES:
            tree = grammar.parse(text)
            out[kind] = sum(type(n).__name__ == node for n in nodes.walk(tree))
        out["frame limit"] = sys.getrecursionlimit()
        print(json.dumps(out))
        """,
        [(kind, make(1000), node) for kind, make, node in NESTING],
    )
    assert counts == {kind: 1000 for kind, _, _ in NESTING} | {"frame limit": 1000}  # and the limit put back


def test_nesting_past_the_limit_is_a_positioned_parse_error():
    shapes = [("(" * 2000 + "1" + ")" * 2000, "("), ("-" * 20000 + "1", "-")]
    errors = _child(
        """
        import json
        from pscompat.errors import ParseError
        from pscompat.syntax import grammar
        out = []
        for text, _ in CASES:
            try:
                grammar.parse(text)
                out.append(None)
            except ParseError as error:
                out.append((error.fully_qualified_error_id, str(error), error.line, error.column))
        print(json.dumps(out))
        """,
        shapes,
    )
    assert isinstance(errors, list)
    for (text, opener), error in zip(shapes, errors):
        assert error is not None
        error_id, message, line, column = error
        assert (error_id, message, line) == (
            "ScriptTooComplicated",
            "Processing was stopped because the script is too complex.",  # ParserStrings.resx
            1,
        )
        assert 100 < column < len(text) and text[column - 1] == opener  # where the nesting got too deep


def test_eighteen_parentheses_run_from_the_command_line():
    # 18 levels ran out of Python's default 1,000 frames and reported "Unexpected token ''" at 1:1
    script = "(" * 18 + "6 * 7" + ")" * 18
    done = subprocess.run([sys.executable, "-m", "pscompat", "-c", script], capture_output=True, text=True, timeout=60)
    assert (done.stdout, done.stderr, done.returncode) == ("42\n", "", 0)


# ----------------------------------------------------------------------------- memory


def test_a_long_single_quoted_string_costs_a_small_multiple_of_its_size():
    # A 10 MB single-quoted string took 1.24 GB to parse (a regex backtrack entry per character).
    ratios = _child(
        """
        import tracemalloc
        from pscompat.syntax.grammar import parse
        parse("1")
        out = {}
        for label, text in CASES:
            tracemalloc.start()
            parse(text)
            out[label] = tracemalloc.get_traced_memory()[1] / len(text)
            tracemalloc.stop()
        print(json.dumps(out))
        """,
        [
            ("single", "'" + "it''s " * 350_000 + "'"),
            ("here", "@'\n" + "x'y " * 500_000 + "\n'@"),
            ("argument", "Write-Output '" + "ab" * 1_000_000 + "'"),
        ],
    )
    assert isinstance(ratios, dict)
    assert {label: ratio < 6 for label, ratio in ratios.items()} == {"single": True, "here": True, "argument": True}, (
        ratios
    )
