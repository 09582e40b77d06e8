"""Table-driven tests for pscompat.values.operators.

Each block names its source: `Docs:` = MicrosoftDocs/PowerShell-Docs reference/7.5/
Microsoft.PowerShell.Core/About/<file>; `PS:` = PowerShell/PowerShell test/powershell/Language/
Operators/<file> or the engine source that defines the behaviour.
Expected values are compared with their Python type (3 is Int32, 3.0 a Double).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from pscompat.errors import PSError
from pscompat.values.objects.classes import Char, Hashtable
from pscompat.values.objects.model import SCRIPTBLOCK_TYPE
from pscompat.values.operators.equality import compare, equals
from pscompat.values.operators.patterns import like_to_regex, wildcard_match
from pscompat.values.operators.table import BINARY, UNARY, get_binary


class Ctx:
    """The compiler's context: writable `matches`, invoke_block(block, args, dollar_under)."""

    def __init__(self):
        self.matches = "untouched"

    def invoke_block(self, block, args, dollar_under=None, **kw):
        return [block.fn(dollar_under, *args)]


class Block:
    """A stand-in script block: its type name is PowerShell's ScriptBlock."""

    PS_TYPE_NAMES = (SCRIPTBLOCK_TYPE, "System.Object")

    def __init__(self, fn):
        self.fn = fn


def same(a, b) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def run(op, left, right, ctx=None):
    return get_binary(op)(left, right, ctx if ctx is not None else Ctx())


ERR = object()  # marker: the row expects a PSError whose message is the 5th column


def check(op, left, right, expected, message=None):
    if expected is ERR:
        with pytest.raises(PSError) as info:
            run(op, left, right)
        assert info.value.message == message
        return
    result = run(op, left, right)
    assert same(result, expected), f"{left!r} {op} {right!r} -> {result!r}, expected {expected!r}"


def rows(*table):
    return pytest.mark.parametrize("op,left,right,expected,message", [r + (None,) * (5 - len(r)) for r in table])


# --------------------------------------------------------------------------------------------
# Docs: about_Arithmetic_Operators.md (examples, "Adding and multiplying non numeric types",
# "Type conversion to accommodate result"); PS: engine/runtime/Operations/NumericOps.cs IntOps
@rows(
    ("+", 6, 2, 8),
    ("-", 6, 2, 4),
    ("*", 6, 2, 12),
    ("/", 6, 2, 3),
    ("%", 7, 2, 1),
    ("+", "file", "name", "filename"),
    ("*", "!", 3, "!!!"),
    ("*", ["!"], 4, ["!"] * 4),
    ("+", [1, "one"], [2.0, "two"], [1, "one", 2.0, "two"]),
    ("+", "file", 16, "file16"),
    ("+", [1, 2, 3], 16, [1, 2, 3, 16]),
    ("+", [1, 2, 3], "file", [1, 2, 3, "file"]),
    ("*", [1, 2, 3], 2, [1, 2, 3, 1, 2, 3]),
    ("*", "file", 3, "filefilefile"),
    ("*", "5", 3, "555"),
    ("*", [1, 2], 2, [1, 2, 1, 2]),
    (
        "+",
        16,
        "file",
        ERR,
        'Cannot convert value "file" to type "System.Int32". '
        "Error: \"The input string 'file' was not in a correct format.\"",
    ),
    ("+", 2, 3.1, 5.1),
    ("/", 5, 2, 2.5),
    ("/", 7, 2, 3.5),
    ("/", -6, 3, -2),
    ("/", 6, 4, 1.5),
    ("+", 2147483647, 1, 2147483648.0),  # int32 overflow -> Double (IntOps.Add)
    ("*", 536870912, 536870912, 288230376151711744.0),  # 512MB * 512MB -> System.Double
    ("+", 9223372036854775807, 2, 9.223372036854776e18),  # long overflow -> Double
    ("-", -2147483648, 1, -2147483649.0),
    ("+", 3000000000, 1, 3000000001),  # Int64 stays Int64
    ("/", -2147483648, -1, 2147483648.0),
    ("%", -2147483648, -1, 0),
    ("%", -7, 3, -1),
    ("%", 7, -3, 1),
    ("%", 7.5, 2, 1.5),
    ("%", -7.5, 2, -1.5),
    ("/", 1, 0, ERR, "Attempted to divide by zero."),
    ("%", 1, 0, ERR, "Attempted to divide by zero."),
    ("/", Decimal(1), Decimal(0), ERR, "Attempted to divide by zero."),
    ("/", 1.0, 0, math.inf),
    ("/", -1.0, 0, -math.inf),
    ("/", 0.0, 0, math.nan),
    ("+", 1, 2.5, 3.5),
    ("*", 2, 1.5, 3.0),
    ("-", 0.5, 1, -0.5),
    ("+", Decimal("1.5"), 1, Decimal("2.5")),
    ("+", 1, Decimal("0.5"), Decimal("1.5")),
    ("*", Decimal("1.1"), 2.0, Decimal("2.2")),
    ("/", Decimal(10), 4, Decimal("2.5")),
    ("+", Decimal("79228162514264337593543950335"), 1, ERR, "Value was either too large or too small for a Decimal."),
    ("+", True, 1, 2),
    ("+", 1, True, 2),
    ("-", True, True, 0),
    ("+", 1, "2", 3),
    ("+", 1, "2.5", 3.5),
    ("+", 1, "0x10", 17),
    ("+", 1, "1kb", 1025),
    ("+", 1, " 2 ", 3),
    ("+", 1, "", 1),
    ("*", 2, "3", 6),
    ("-", "10", "3", 7),
    ("-", "10", 3, 7),
    ("/", "9", "3", 3),
    ("%", "10", "4", 2),
    ("-", "1.5", 1, 0.5),
    ("-", 5, "", 5),
    ("-", "", "", 0),
    (
        "-",
        "abc",
        1,
        ERR,
        'Cannot convert value "abc" to type "System.Int32". '
        "Error: \"The input string 'abc' was not in a correct format.\"",
    ),
    ("*", "ab", "2", "abab"),
    ("*", "ab", 0, ""),
    ("*", [1, 2], 0, []),
    ("+", None, 1, 1),
    ("+", None, "a", "a"),
    ("+", "a", None, "a"),
    ("+", None, None, None),
    ("-", None, 1, -1),
    ("*", None, 5, None),
    ("/", None, 2, 0),
    ("%", None, 3, 0),
    ("+", 1, None, 1),
    ("-", 5, None, 5),
    ("*", 5, None, 0),
    ("+", "a", [1, 2], "a1 2"),
    ("+", "a", 1.5, "a1.5"),
    ("+", "a", True, "aTrue"),
    ("+", [1], [2, 3], [1, 2, 3]),
    ("+", (1, 2), 3, [1, 2, 3]),
    ("+", [], [], []),
    ("+", [1], Hashtable(a=1), [1, Hashtable(a=1)]),
    (
        "+",
        1,
        [2],
        ERR,
        "Method invocation failed because [System.Object[]] does not contain a method named 'op_Addition'.",
    ),
    ("+", Hashtable(a=1), 2, ERR, "A hash table can only be added to another hash table."),
    (
        "+",
        Hashtable(a=1),
        Hashtable(A=2),
        ERR,
        "Item has already been added. Key in dictionary: 'A'  Key being added: 'A'",
    ),
    (
        "*",
        Hashtable(a=1),
        2,
        ERR,
        "Method invocation failed because [System.Collections.Hashtable] "
        "does not contain a method named 'op_Multiply'.",
    ),
)
def test_arithmetic(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_hashtable_addition_merges_into_new_table():
    # Docs: about_Arithmetic_Operators.md ("@{"one" = 1} + @{"two" = 2}")
    a, b = Hashtable(one=1), Hashtable(two=2)
    result = run("+", a, b)
    assert isinstance(result, Hashtable) and dict(result) == {"one": 1, "two": 2}
    assert result is not a and dict(a) == {"one": 1}
    assert result["ONE"] == 1  # still case-insensitive
    ordered = run("+", Hashtable([("z", 1)], ordered=True), Hashtable(a=2))
    assert ordered.ordered and list(ordered) == ["z", "a"]


def test_array_addition_does_not_mutate():
    a = [1, 2]
    assert run("+", a, 3) == [1, 2, 3] and a == [1, 2]
    assert run("*", a, 2) is not a


# Docs: about_Arithmetic_Operators.md (DateTime/TimeSpan via op_Addition / op_Subtraction)
@rows(
    ("-", datetime(2020, 1, 3), datetime(2020, 1, 1), timedelta(days=2)),
    ("+", datetime(2020, 1, 1), timedelta(days=1), datetime(2020, 1, 2)),
    ("-", datetime(2020, 1, 2), timedelta(hours=12), datetime(2020, 1, 1, 12)),
    ("+", timedelta(hours=1), timedelta(minutes=30), timedelta(hours=1, minutes=30)),
    ("-", timedelta(hours=1), timedelta(minutes=30), timedelta(minutes=30)),
    ("+", datetime(2020, 1, 1), 10, datetime(2020, 1, 1, 0, 0, 0, 1)),  # ticks
)
def test_dates(op, left, right, expected, message):
    check(op, left, right, expected, message)


# Docs: about_Arithmetic_Operators.md "Bitwise operators" table; PS: Binders.cs Shift (mask 0x1f)
@rows(
    ("-band", 10, 3, 2),
    ("-bor", 10, 3, 11),
    ("-bxor", 10, 3, 9),
    ("-shl", 102, 2, 408),
    ("-shr", 102, 1, 51),
    ("-band", 5, 3, 1),
    ("-bor", 5, 0x03, 7),
    ("-bxor", 5, 3, 6),
    ("-shr", 102, 2, 25),
    ("-shl", 1, 31, -2147483648),
    ("-shl", 1, 32, 1),
    ("-shl", 1, 33, 2),
    ("-shl", 1 << 40, 1, 1 << 41),
    ("-shr", -8, 1, -4),
    ("-band", "12", "10", 8),
    ("-bor", None, None, 0),
    ("-band", 6, None, 0),
    ("-bor", 1.4, 2, 3),
    ("-band", True, 1, 1),
    ("-shl", None, 3, 0),
    ("-shl", "3", "1", 6),
    ("-band", -1, 0xFF, 255),
)
def test_bitwise(op, left, right, expected, message):
    check(op, left, right, expected, message)


# Docs: about_Operators.md "Range operator"; PS: parserutils.cs RangeOperator/AsChar
@rows(
    ("..", 1, 5, [1, 2, 3, 4, 5]),
    ("..", 5, 1, [5, 4, 3, 2, 1]),
    ("..", -2, 1, [-2, -1, 0, 1]),
    ("..", 3, 3, [3]),
    ("..", "1", "3", [1, 2, 3]),
    ("..", 1.6, 3, [2, 3]),
    ("..", 2.5, 4, [2, 3, 4]),
    ("..", "0", "2", [0, 1, 2]),
    ("..", None, 2, [0, 1, 2]),
)
def test_range(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_char_range_returns_chars():
    result = run("..", "a", "e")
    assert result == ["a", "b", "c", "d", "e"] and all(isinstance(c, Char) for c in result)
    assert run("..", "E", "A") == ["E", "D", "C", "B", "A"]
    assert run("..", Char("x"), "z") == ["x", "y", "z"]


# --------------------------------------------------------------------------------------------
# Docs: about_Comparison_Operators.md ("Equality", "-eq and -ne", examples); PS: Binders.cs
# CompareEQ/BinaryEqualityComparison; ComparisonOperator.Tests.ps1
@rows(
    ("-eq", 1, 1, True),
    ("-ne", 1, 2, True),
    ("-eq", 1, "1.0", True),
    ("-eq", "1.0", 1, False),
    ("-eq", "abc", "ABC", True),
    ("-ieq", "abc", "ABC", True),
    ("-ceq", "abc", "abc", True),
    ("-ceq", "abc", "Abc", False),
    ("-cne", "abc", "Abc", True),
    ("-ne", "abc", "ABC", False),
    ("-eq", 1, 1.0, True),
    ("-eq", 1.5, "1.5", True),
    ("-eq", 1, "abc", False),
    ("-ne", 1, "abc", True),
    ("-eq", "1", 1, True),
    ("-eq", "01", 1, False),
    ("-eq", 1, "01", True),
    ("-eq", True, "false", True),
    ("-eq", True, 1, True),
    ("-eq", True, 0, False),
    ("-eq", 1, True, True),
    ("-eq", 2, True, False),
    ("-eq", False, "", True),
    ("-eq", False, None, False),
    ("-eq", None, None, True),
    ("-eq", None, 0, False),
    ("-eq", 0, None, False),
    ("-eq", "", None, False),
    ("-ne", None, None, False),
    ("-ne", None, 1, True),
    ("-ne", "a", None, True),
    ("-eq", "True", True, True),
    ("-eq", "1 2", [1, 2], True),
    ("-eq", Decimal("1.0"), 1, True),
    ("-eq", 97, Char("a"), True),
    ("-eq", Char("a"), "A", True),
    ("-ceq", Char("a"), "A", False),
    ("-eq", Char("a"), 97, True),
    ("-eq", "\u00e9", "\u00c9", True),
    ("-eq", "straße", "STRASSE", True),
    ("-eq", datetime(2020, 1, 2), "2020-01-02", True),
    ("-eq", datetime(2020, 1, 2), "junk", False),
    ("-eq", timedelta(hours=1), "01:00:00", True),
    ("-eq", [1, 2, 3], 2, [2]),
    ("-eq", (1, 2), 3, []),
    ("-ne", [1, None], None, [1]),
    ("-eq", [1, None, 2, None], None, [None, None]),
    ("-eq", ["a", "A", "b"], "a", ["a", "A"]),
    ("-ceq", ["a", "A", "b"], "a", ["a"]),
    ("-eq", [1, "1", 1.0], "1", [1, "1", 1.0]),
    ("-eq", [[1, 2], 3], 3, [3]),
    ("-eq", [], 1, []),
    ("-ne", [1, 2, 3], 2, [1, 3]),
)
def test_equality(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_reference_types_compare_by_identity():
    h = Hashtable(a=1)
    assert run("-eq", h, h) is True
    assert run("-eq", h, Hashtable(a=1)) is False
    lst = [1]
    assert run("-eq", [lst], lst) == [lst]  # element is the same array


# Docs: about_Comparison_Operators.md ("-gt, -ge, -lt, and -le"); PS: Binders.cs CompareLT/GT
# (null handling), LanguagePrimitives.cs CompareObjectToNull
@rows(
    ("-lt", 1, 2, True),
    ("-gt", 1, 2, False),
    ("-le", 1, 1, True),
    ("-ge", 1, 2, False),
    ("-ge", 1, 1, True),
    ("-lt", "10", 9, True),
    ("-lt", 10, "9", False),
    ("-gt", "b", "A", True),
    ("-lt", "a", "B", True),
    ("-clt", "a", "A", True),
    ("-cgt", "B", "a", True),
    ("-lt", "A", "a", False),
    ("-le", "A", "a", True),
    ("-gt", "abc", "ab", True),
    ("-lt", "apple", "Banana", True),
    ("-lt", "_", "0", True),
    ("-lt", "-", "a", True),
    ("-lt", "9", "a", True),
    ("-lt", "Z", "a1", False),
    ("-gt", 2.5, 2, True),
    ("-lt", 2, 2.5, True),
    ("-gt", Decimal("2.5"), 2, True),
    ("-gt", 10, "9.5", True),
    ("-lt", 1, True, False),
    ("-gt", True, False, True),
    ("-gt", True, "", True),
    ("-lt", Char("a"), "b", True),
    ("-gt", Char("b"), 97, True),
    (
        "-lt",
        5,
        "abc",
        ERR,
        'Cannot convert value "abc" to type "System.Int32". '
        "Error: \"The input string 'abc' was not in a correct format.\"",
    ),
    ("-gt", datetime(2021, 1, 1), "2020-06-01", True),
    ("-lt", timedelta(minutes=1), timedelta(hours=1), True),
    ("-gt", None, -1, True),
    ("-lt", None, 0, True),
    ("-lt", None, -1, False),
    ("-ge", None, None, True),
    ("-le", None, None, True),
    ("-lt", None, None, False),
    ("-gt", None, None, False),
    ("-lt", None, "a", True),
    ("-gt", "a", None, True),
    ("-lt", "a", None, False),
    ("-ge", None, "a", False),
    ("-le", None, "a", True),
    ("-gt", 0, None, True),
    ("-gt", -1, None, False),
    ("-le", 0, None, False),
    ("-gt", True, None, True),
    ("-gt", [1, 2, 3, 4], 2, [3, 4]),
    ("-le", [1, 2, 3], 2, [1, 2]),
    ("-lt", ["b", "A", "c"], "b", ["A"]),
    ("-gt", [1, None, -1], None, [1]),
    ("-lt", [1, None], 5, [1, None]),
)
def test_ordering(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_incomparable_objects_raise():
    class Opaque:
        pass

    a, b = Opaque(), Opaque()
    with pytest.raises(PSError) as info:
        run("-lt", a, b)
    assert "is not IComparable" in info.value.message
    assert run("-le", a, a) is True  # equal objects: -le/-ge succeed (Binders.cs)


# LanguagePrimitives.Compare semantics (the Sort-Object / Group-Object comparer)
@pytest.mark.parametrize(
    "left,right,cs,sign",
    [
        (None, None, False, 0),
        (None, 0, False, -1),
        (None, 5, False, -1),
        (None, -5, False, 1),
        (None, "a", False, -1),
        (0, None, False, 1),
        (-3, None, False, -1),
        ("a", None, False, 1),
        (None, -0.5, False, 1),
        (None, Decimal("-1"), False, 1),
        (None, True, False, -1),
        (1, 2, False, -1),
        (2, 1.5, False, 1),
        ("a", "A", False, 0),
        ("a", "A", True, -1),
        ("A", "b", True, -1),
        ("10", "9", False, -1),
        (10, "9", False, 1),
        ("b", "a", False, 1),
        (True, False, False, 1),
        (datetime(2020, 1, 1), datetime(2021, 1, 1), False, -1),
        (math.nan, 1.0, False, -1),
        (math.nan, math.nan, False, 0),
        ("ab", "Aa", True, 1),
        ("résumé", "resume", False, 1),
        ("resume", "résumé", False, -1),
    ],
)
def test_compare(left, right, cs, sign):
    r = compare(left, right, case_sensitive=cs)
    assert (r > 0) - (r < 0) == sign


def test_compare_failure_message():
    with pytest.raises(PSError) as info:
        compare(5, "abc")
    assert info.value.message == (
        'Could not compare "5" to "abc". Error: "Cannot convert value "abc" to '
        'type "System.Int32". Error: "The input string \'abc\' was not in a '
        'correct format.""'
    )
    assert info.value.fully_qualified_error_id == "ComparisonFailure"


@pytest.mark.parametrize(
    "left,right,cs,expected",
    [
        (1, "1", False, True),
        ("1", 1, False, True),
        ("A", "a", False, True),
        ("A", "a", True, False),
        (None, None, False, True),
        (None, "", False, False),
        (1, None, False, False),
        (1.0, 1, False, True),
        (True, "yes", False, True),
        ("x", ["x"], False, True),
    ],
)
def test_equals(left, right, cs, expected):
    assert equals(left, right, case_sensitive=cs) is expected


# --------------------------------------------------------------------------------------------
# Docs: about_Comparison_Operators.md ("Matching operators"), about_Wildcards.md;
# PS: ComparisonOperator.Tests.ps1 (backtick cases), parserutils.cs LikeOperator (strings out)
@rows(
    ("-like", "Hello world", "Hello*", True),
    ("-notlike", "Hello world", "Hello*", False),
    ("-like", "PowerShell", "*shell", True),
    ("-clike", "PowerShell", "*shell", False),
    ("-like", "PowerShell", "Power", False),
    ("-like", "abc", "a?c", True),
    ("-like", "ac", "a?c", False),
    ("-like", "f??", "f`?`?", True),
    ("-like", "for", "f`?`?", False),
    ("-like", "a*c", "a`*c", True),
    ("-like", "abc", "a`*c", False),
    ("-like", "b", "[abc]", True),
    ("-like", "d", "[abc]", False),
    ("-like", "m", "[a-z]", True),
    ("-like", "M", "[a-z]", True),
    ("-clike", "M", "[a-z]", False),
    ("-like", "a-", "a[-x]", True),
    ("-like", "a]", "a[]]", True),
    ("-like", "a.b", "a.b", True),
    ("-like", "axb", "a.b", False),
    ("-like", "a(b)", "a(b)", True),
    ("-like", "a$", "a$", True),
    ("-like", "x\ny", "x?y", True),
    ("-like", "", "*", True),
    ("-like", "", "", True),
    ("-like", None, "", True),
    ("-like", None, "*", True),
    ("-like", 123, "1*", True),
    ("-like", 1.5, "1.5", True),
    ("-like", "a`", "a`", True),
    ("-like", "[x", "`[x", True),
    ("-like", "ab", "[a", ERR, "The specified wildcard character pattern is not valid: [a"),
    ("-like", "b", "[c-a]", ERR, "The specified wildcard character pattern is not valid: [c-a]"),
    ("-like", [1, 2], "1", ["1"]),
    ("-like", ["apple", "Avocado", "pear"], "a*", ["apple", "Avocado"]),
    ("-clike", ["apple", "Avocado"], "a*", ["apple"]),
    ("-notlike", ["a", "b", None], "a", ["b", ""]),
    ("-like", [1.5, True], "*", ["1.5", "True"]),
)
def test_like(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_like_to_regex_is_cached_and_anchored():
    assert like_to_regex("a*", False) is like_to_regex("a*", False)
    assert wildcard_match("A*", "abc") and not wildcard_match("A*", "abc", case_sensitive=True)
    assert not wildcard_match("b", "abc")


# Docs: about_Comparison_Operators.md ("-match and -notmatch", $Matches); PS: parserutils.cs
# MatchOperator; ComparisonOperator.Tests.ps1
@rows(
    ("-match", "Hello world", "Hello*", True),
    ("-notmatch", "Hello world", "Hello*", False),
    ("-match", "Sunday", "sun", True),
    ("-cmatch", "Sunday", "sun", False),
    ("-imatch", "SUN", "sun", True),
    ("-match", "abc", "^b", False),
    ("-match", "abc", "b", True),
    ("-match", 123, r"\d{3}", True),
    ("-match", None, "^$", True),
    ("-match", "a.b", r"a\.b", True),
    ("-notmatch", "abc", "x", True),
    ("-match", ["cat", "dog", "cow"], "^c", ["cat", "cow"]),
    ("-notmatch", ["cat", "dog"], "^c", ["dog"]),
    ("-match", [1, 22, 333], r"^\d\d$", [22]),
    ("-cmatch", ["A", "a"], "a", ["a"]),
    ("-match", "x", "(", ERR, "The regular expression pattern ( is not valid."),
)
def test_match(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_match_sets_matches_on_scalar_success_only():
    ctx = Ctx()
    assert run("-match", "Hello World", r"(?<first>\w+) (\w+)", ctx) is True
    m = ctx.matches
    assert isinstance(m, Hashtable)
    # .NET numbering: unnamed groups first (1), then named ones (2)
    assert m[0] == "Hello World" and m[1] == "World" and m["first"] == "Hello" and m["FIRST"] == "Hello"
    # enumerated as a .NET Hashtable: named groups, then numbered ones from the highest down
    assert list(m.keys()) == ["first", 1, 0]
    ctx2 = Ctx()
    run("-match", "abc", "x", ctx2)
    assert ctx2.matches == "untouched"  # not updated on failure
    run("-match", ["abc"], "b", ctx2)
    assert ctx2.matches == "untouched"  # nor for a collection
    run("-notmatch", "abc", "(b)", ctx2)
    assert ctx2.matches[1] == "b"  # -notmatch that fails (regex matched) sets $Matches
    ctx3 = Ctx()
    run("-match", "ab", "(x)?b", ctx3)
    assert dict(ctx3.matches) == {0: "b"}  # unmatched groups are left out


# Docs: about_Comparison_Operators.md ("Containment operators", "-in and -notin");
# PS: parserutils.cs ContainsOperator
@rows(
    ("-contains", [1, 2, 3], "2", True),
    ("-contains", "abc", "a", False),
    ("-contains", "abc", "ABC", True),
    ("-ccontains", ["Hello", "world"], "hello", False),
    ("-ccontains", ["Hello", "world"], "Hello", True),
    ("-contains", ["Hello", "world"], "Hello", True),
    ("-notcontains", [1, 2], 3, True),
    ("-contains", [1, 2], None, False),
    ("-contains", [1, None], None, True),
    ("-contains", [], 1, False),
    ("-contains", ["1", "2"], 1, True),
    ("-contains", [1.0], "1", True),
    ("-contains", [[1, 2]], [1, 2], False),
    ("-contains", ["1 2"], [1, 2], True),
    ("-in", "2", [1, 2, 3], True),
    ("-in", 4, [1, 2, 3], False),
    ("-notin", 4, [1, 2, 3], True),
    ("-in", "A", ["a"], True),
    ("-cin", "A", ["a"], False),
    ("-cnotin", "A", ["a"], True),
    ("-in", "abc", "abc", True),
    ("-in", None, [None], True),
    ("-icontains", ["A"], "a", True),
    ("-inotin", "a", ["A"], False),
)
def test_containment(op, left, right, expected, message):
    check(op, left, right, expected, message)


# --------------------------------------------------------------------------------------------
# Docs: about_Comparison_Operators.md ("Replacement operator"); PS: ReplaceOperator.Tests.ps1
@rows(
    ("-replace", "Get-Process", ["Get", "Stop"], "Stop-Process"),
    ("-replace", "image.gif", [r"\.gif$", ".jpg"], "image.jpg"),
    ("-replace", "book", ["B", "C"], "Cook"),
    ("-ireplace", "book", ["B", "C"], "Cook"),
    ("-creplace", "book", ["B", "C"], "book"),
    ("-replace", "PowerPoint", ["Point", "Shell"], "PowerShell"),
    ("-replace", "PowerPoint", "Point", "Power"),
    ("-replace", "PowerPoint", ["Point"], "Power"),
    ("-replace", "domain.example", [r".*\.(\w+)$", "Tld of '$0' is - '$1'"], "Tld of 'domain.example' is - 'example'"),
    ("-replace", "domain.example", [r".*\.(?<tld>\w+)$", "${tld}"], "example"),
    ("-replace", "Hello World", [r"(\w+) (\w+)", "$2 $1"], "World Hello"),
    ("-replace", "abc", ["b", "$$"], "a$c"),
    ("-replace", "abc", ["b", "[$&]"], "a[b]c"),
    ("-replace", "abc", ["b", "$`"], "aac"),
    ("-replace", "abc", ["b", "$'"], "acc"),
    ("-replace", "abc", ["b", "$_"], "aabcc"),
    ("-replace", "abc", ["(b)", "$2"], "a$2c"),
    ("-replace", "abc", ["(b)", "$10"], "a$10c"),
    ("-replace", "abc", ["b", r"\n"], r"a\nc"),
    ("-replace", "abc", ["(?<x>b)", "${y}"], "a${y}c"),
    ("-replace", "aaa", ["a", "b"], "bbb"),
    ("-replace", "abc", ["", "-"], "-a-b-c-"),
    ("-replace", None, ["^$", "x"], "x"),
    ("-replace", 1.2, [",", ""], "1.2"),
    ("-replace", 123, ["2", "x"], "1x3"),
    ("-replace", ["ab", "cb", None], ["b", "x"], ["ax", "cx", ""]),
    ("-replace", "a", ["a", "b", "c"], ERR, "The -replace operator allows only two elements to follow it, not 3."),
    ("-replace", "a", ["(", "b"], ERR, "The regular expression pattern ( is not valid."),
)
def test_replace(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_replace_with_script_block_sees_match_object():
    # PS: ReplaceOperator.Tests.ps1 "can take a ScriptBlock in place of a substitution string"
    block = Block(lambda m: "X" * m.Value.Length if hasattr(m.Value, "Length") else "X" * len(m.Value))
    assert run("-replace", "ID ABC123", [r"\b[A-C]+", block]) == "ID XXX123"
    seen = []
    block2 = Block(lambda m: seen.append((m.Value, m.Index, m.Groups[1].Value)) or m.Value.upper())
    assert run("-replace", "a1b2", [r"([a-z])\d", block2]) == "A1B2"
    assert seen == [("a1", 0, "a"), ("b2", 2, "b")]
    assert run("-replace", "ab", ["a", Block(lambda m: None)]) == "b"


# Docs: about_Split.md; PS: SplitOperator.Tests.ps1 (every block below mirrors an It)
@rows(
    ("-split", ["a b", "c d"], " ", ["a", "b", "c", "d"]),
    ("-split", "a b c d", " ", ["a", "b", "c", "d"]),
    ("-split", "a b c d", [" ", 2], ["a", "b c d"]),
    ("-split", "a b c d", [" ", 0], ["a", "b", "c", "d"]),
    ("-split", "a b c d", [" ", -3], ["a b", "c", "d"]),
    ("-split", "a b c d", [" ", -1], ["a b c d"]),
    ("-split", "a::b::c::d", "::", ["a", "b", "c", "d"]),
    ("-split", "a1:b1:c1:d", "(1:)", ["a", "1:", "b", "1:", "c", "1:", "d"]),
    ("-split", "a1:b1:c1:d", "1(:)", ["a", ":", "b", ":", "c", ":", "d"]),
    ("-split", "abcBd", "B", ["a", "c", "d"]),
    ("-isplit", "abcBd", "B", ["a", "c", "d"]),
    ("-csplit", "abcBd", "B", ["abc", "d"]),
    ("-csplit", "abcBd", ["B", 0, "IgnoreCase"], ["a", "c", "d"]),
    ("-split", "a12a\nb34b\nc56c\nd78d", "^b", ["a12a\nb34b\nc56c\nd78d"]),
    ("-split", "a12a\nb34b\nc56c\nd78d", "b.+c", ["a12a\nb34b\nc56c\nd78d"]),
    ("-split", "a12a\nb34b\nc56c\nd78d", ["b.+c", 0, "Singleline"], ["a12a\n", "\nd78d"]),
    ("-split", "a12a\nb34b\nc56c\nd78d", ["^b", 0, "Multiline"], ["a12a\n", "34b\nc56c\nd78d"]),
    ("-split", "a12a\n%b34b\nc56c\nd78d", ["^b.+c", 0, "Singleline,Multiline"], ["a12a\n%b34b\nc56c\nd78d"]),
    ("-split", "a: b:c", ": ", ["a", "b:c"]),
    ("-split", "a: b:c", [": ", 0, "IgnorePatternWhitespace"], ["a", " b", "c"]),
    ("-split", "a:b", "(:)", ["a", ":", "b"]),
    ("-split", "a:b", ["(:)", 0, "ExplicitCapture"], ["a", "b"]),
    ("-split", "abc", ["B", 0, "SimpleMatch,IgnoreCase"], ["a", "c"]),
    ("-split", "abc", ["B", 0, "RegexMatch,Singleline"], ["a", "c"]),
    (
        "-split",
        "abc",
        ["B", 0, "RegexMatch,SimpleMatch"],
        ERR,
        "The combination of options with the -split operator is not valid.",
    ),
    ("-split", "a.b", ".", ["", "", "", ""]),
    ("-split", "a.b", [".", 0, "SimpleMatch"], ["a", "b"]),
    ("-split", "abc", "", ["", "a", "b", "c", ""]),
    ("-split", 1.2, ",", ["1.2"]),
    ("-split", "a,b", [",", 0, ""], ["a", "b"]),
    ("-split", "a1b22c", r"(\d)+", ["a", "1", "b", "2", "c"]),
    ("-split", "a,b,c", [",", "2"], ["a", "b,c"]),
    ("-split", None, ",", [""]),
    (
        "-split",
        "a b",
        [" ", 0, "Nope"],
        ERR,
        'Cannot convert value "Nope" to type "System.Management.Automation.SplitOptions". Error: "Unable to '
        "match the identifier name Nope to a valid enumerator name. Specify one of the following enumerator "
        "names and try again:\nNone, SimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, "
        'Multiline, Singleline, IgnoreCase, ExplicitCapture"',
    ),
)
def test_split(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_split_with_script_block():
    # PS: SplitOperator.Tests.ps1 "can works with script block" (+ limits, arrays)
    delim = Block(lambda ch, item, i: ch in ("b", "c"))
    assert run("-split", "a::b::c::d", delim) == ["a::", "::", "::d"]
    assert run("-split", "a::b::c::d", [delim, 2]) == ["a::", "::c::d"]
    assert run("-split", "a::b::c::d", [delim, -2]) == ["a::b::", "::d"]
    fg = Block(lambda ch, item, i: ch in "bcfg")
    assert run("-split", ["a::b::c::d", "e::f::g::h"], [fg, 2]) == ["a::", "::c::d", "e::", "::g::h"]
    assert run("-split", ["a::b::c::d", "e::f::g::h"], [fg, -2]) == ["a::b::", "::d", "e::f::", "::h"]
    with pytest.raises(PSError) as info:
        run("-split", "abc", [delim, 0, "SimpleMatch"])
    assert info.value.message == "Options are not allowed on the -split operator with a predicate."


# Docs: about_Join.md
@rows(
    ("-join", [1, 2, 3], ",", "1,2,3"),
    ("-join", ["a", "b"], "", "ab"),
    ("-join", ["a", "b"], None, "ab"),
    ("-join", "abc", ",", "abc"),
    ("-join", None, ",", ""),
    ("-join", [1, None, 2], "-", "1--2"),
    ("-join", [1, [2, 3]], ",", "1,System.Object[]"),
    ("-join", [1.5, True], "; ", "1.5; True"),
    ("-join", ["a", "b"], 0, "a0b"),
    ("-join", [], ",", ""),
)
def test_join(op, left, right, expected, message):
    check(op, left, right, expected, message)


# Docs: about_Type_Operators.md
@rows(
    ("-is", 1, "int", True),
    ("-is", "a", "string", True),
    ("-is", 1, "string", False),
    ("-isnot", 1, "string", True),
    ("-is", [1], "array", True),
    ("-is", None, "object", False),
    ("-as", "5", "int", 5),
    ("-as", "x", "int", None),
    ("-as", 5, "string", "5"),
    ("-as", "1.5", "double", 1.5),
)
def test_type_operators(op, left, right, expected, message):
    check(op, left, right, expected, message)


def test_type_operators_accept_type_objects():
    class FakeType:
        full_name = "System.Int32"

        def is_instance(self, v):
            return type(v) is int

        def convert(self, v):
            if v == "bad":
                raise PSError("nope", "InvalidCast")
            return int(v)

    t = FakeType()
    assert run("-is", 1, t) is True and run("-isnot", "x", t) is True
    assert run("-as", "7", t) == 7 and run("-as", "bad", t) is None


# Docs: about_Logical_Operators.md; ComparisonOperator.Tests.ps1 (-and/-or)
@rows(
    ("-and", 1, 1, True),
    ("-and", 1, 0, False),
    ("-or", 1, 0, True),
    ("-or", 0, 0, False),
    ("-xor", True, False, True),
    ("-xor", True, True, False),
    ("-and", "a", [1], True),
    ("-or", "", None, False),
    ("-xor", [], "x", True),
)
def test_logical(op, left, right, expected, message):
    check(op, left, right, expected, message)


# Docs: about_Operators.md ("Format operator -f"); the .NET formatting is tested in test_dotnetfmt.py
@rows(
    ("-f", "{0} {1}", ["a", 1], "a 1"),
    ("-f", "{0:N2}", 1234.5, "1,234.50"),
    ("-f", "{0}", None, ""),
    ("-f", "{1}{0}", [1, 2], "21"),
    ("-f", "{0,5}|", 42, "   42|"),
    ("-f", "{0,-5}|", 42, "42   |"),
    ("-f", "{{0}}", 1, "{0}"),
    ("-f", "{0}", [[1, 2]], "1 2"),
    ("-f", "{0:x}", 255, "ff"),
    (
        "-f",
        "{1}",
        [1],
        ERR,
        "Error formatting a string: Index (zero based) must be greater than or equal "
        "to zero and less than the size of the argument list..",
    ),
    (
        "-f",
        "{0",
        1,
        ERR,
        "Error formatting a string: Input string was not in a correct format. Failure to "
        "parse near offset 2. Format item ends prematurely..",
    ),
)
def test_format_operator(op, left, right, expected, message):
    check(op, left, right, expected, message)


# --------------------------------------------------------------------------------------------
# Unary operators. Docs: about_Operators.md, about_Split.md ("unary split"), about_Join.md,
# about_Arithmetic_Operators.md (-bnot, "+ '123'", "- -6")
@pytest.mark.parametrize(
    "op,value,expected",
    [
        ("-", 6, -6),
        ("-", -6, 6),
        ("-", "5", -5),
        ("-", "1.5", -1.5),
        ("-", None, 0),
        ("-", True, -1),
        ("-", 1.5, -1.5),
        ("-", Decimal("2"), Decimal("-2")),
        ("-", -2147483648, 2147483648.0),
        ("-", timedelta(hours=1), timedelta(hours=-1)),
        ("+", "123", 123),
        ("+", 5, 5),
        ("+", None, 0),
        ("!", 1, False),
        ("!", 0, True),
        ("-not", "", True),
        ("-not", "False", False),
        ("!", [], True),
        ("!", [0], True),
        ("-bnot", 5, -6),
        ("-bnot", 10, -11),
        ("-bnot", 0, -1),
        ("-bnot", None, -1),
        ("-bnot", "5", -6),
        (",", 1, [1]),
        (",", [1, 2], [[1, 2]]),
        ("-split", " a  b\tc ", ["a", "b", "c"]),
        ("-split", ["a b", "c d"], ["a", "b", "c", "d"]),
        ("-split", "", [""]),
        ("-join", ["a", "b", 1], "ab1"),
        ("-join", "x", "x"),
        ("-join", None, ""),
    ],
)
def test_unary(op, value, expected):
    assert same(UNARY[op](value), expected)


def test_unary_negate_bad_string():
    with pytest.raises(PSError) as info:
        UNARY["-"]("abc")
    assert 'Cannot convert value "abc"' in info.value.message


# --------------------------------------------------------------------------------------------
# The table itself


def test_binary_table_has_every_operator_and_variant():
    base = [
        "eq",
        "ne",
        "gt",
        "ge",
        "lt",
        "le",
        "like",
        "notlike",
        "match",
        "notmatch",
        "contains",
        "notcontains",
        "in",
        "notin",
        "replace",
        "split",
    ]
    for name in base:
        for prefix in ("", "i", "c"):
            assert f"-{prefix}{name}" in BINARY
    for op in [
        "+",
        "-",
        "*",
        "/",
        "%",
        "..",
        "-f",
        "-join",
        "-is",
        "-isnot",
        "-as",
        "-band",
        "-bor",
        "-bxor",
        "-shl",
        "-shr",
        "-xor",
        "-and",
        "-or",
    ]:
        assert op in BINARY
    assert get_binary("-EQ") is BINARY["-eq"] and get_binary("-CLike") is BINARY["-clike"]
    with pytest.raises(KeyError):
        get_binary("-nosuch")


def test_ctx_is_optional_for_non_match_operators():
    assert BINARY["-eq"](1, 1, None) is True
    assert BINARY["-match"]("a", "a", None) is True
