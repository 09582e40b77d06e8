"""The value model: conversions, member access, type names, methods and type literals.

Each table cites where PowerShell specifies the behaviour.  Citation shorthand as in
shared/reference/powershell-semantics.md: `Docs:` = MicrosoftDocs/PowerShell-Docs
reference/7.5/Microsoft.PowerShell.Core/About/..., `PS:` = PowerShell/PowerShell.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import namedtuple
from decimal import Decimal

import pytest

from pscompat.errors import PSError
from pscompat.values.convert.numbers import parse_number
from pscompat.values.convert.primitives import TypedArray, convert_to, is_instance, to_bool, to_number, try_convert
from pscompat.values.convert.strings import format_double, to_string
from pscompat.values.dotnet.collections import GenericList
from pscompat.values.dotnet.integers import Int64
from pscompat.values.dotnet.switch_parameter import SwitchParameter
from pscompat.values.dotnet.type_literals import resolve_type
from pscompat.values.dotnet.typenames import type_of_name
from pscompat.values.error_records import ExceptionInfo
from pscompat.values.methods.dispatch import call_method, has_method
from pscompat.values.methods.invoke import VOID
from pscompat.values.objects.access import get_member, has_member, properties, set_member
from pscompat.values.objects.classes import Char, Hashtable, PSObject
from pscompat.values.objects.model import to_python, type_names


@dataclasses.dataclass
class Image:
    ImageName: str
    Size: int = 30

    @property
    def Label(self) -> str:
        return "L-" + self.ImageName


class Plain:
    def __init__(self):
        self.Name = "p"
        self.count_ = 2
        self._hidden = 1

    @property
    def Upper(self):
        return self.Name.upper()

    def Greet(self, who):
        return f"hi {who}"


class Ordered:
    PS_PROPERTIES = ("B", "A")
    PS_TYPE_NAMES = ("Microsoft.WindowsAzure.Commands.ServiceManagement.Model.OSImageContext", "System.Object")

    def __init__(self):
        self.A, self.B = 1, 2


Point = namedtuple("Point", "X Y")


def _err(fn, *args):
    with pytest.raises(PSError) as info:
        fn(*args)
    return info.value


# -- to_bool: Docs: about_Booleans.md ("Converting from scalar types", "...collection types") --
@pytest.mark.parametrize(
    "value, expected",
    [
        (None, False),
        ("", False),
        (0, False),
        (0.0, False),
        (Decimal(0), False),
        ([], False),
        ([0], False),
        ([1], True),
        ([0, 0], True),
        ([""], False),
        ([[]], False),
        ([[0]], True),
        ("False", True),
        ("0", True),
        (" ", True),
        (Hashtable(), True),
        (PSObject(), True),
        (1, True),
        (-1, True),
        (True, True),
        (False, False),
        (Image("x"), True),
        (Char("0"), True),
    ],
)
def test_to_bool(value, expected):
    assert to_bool(value) is expected


# -- to_string: Docs: about_Quoting_Rules.md (collections joined by spaces / $OFS; hashtable and
#    PSCustomObject texts); a double with 15 significant digits, LanguagePrimitives.DoublePrecision
#    = "G15" (PowerShell/PowerShell engine/LanguagePrimitives.cs ConvertNumericToString, PR #9893),
#    not .NET Core 3.0+'s shortest round-trip; TimeSpan 'c'.
@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        (True, "True"),
        (False, "False"),
        (42, "42"),
        (-7, "-7"),
        (1.5, "1.5"),
        (3.0, "3"),
        (0.1, "0.1"),
        (0.1 + 0.2, "0.3"),
        (1e20, "1E+20"),
        (1e15, "1E+15"),
        (1e14, "100000000000000"),
        (0.0001, "0.0001"),
        (0.00001, "1E-05"),
        (1.5e-7, "1.5E-07"),
        (-0.0, "-0"),
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
        (2.0**53, "9.00719925474099E+15"),
        (Decimal("1.50"), "1.50"),
        (Decimal("1E+2"), "100"),
        ([1, 2, 3], "1 2 3"),
        ([], ""),
        ([1, None, 2], "1  2"),
        ([1, [2, 3]], "1 System.Object[]"),
        (("a", "b"), "a b"),
        (Hashtable(a=1), "System.Collections.Hashtable"),
        (Hashtable(ordered=True), "System.Collections.Specialized.OrderedDictionary"),
        ({"a": 1}, "System.Collections.Hashtable"),
        (PSObject({"Name": "a", "Size": 1}), "@{Name=a; Size=1}"),
        (PSObject({"X": None}), "@{X=}"),
        (PSObject({"a": [1, 2]}), "@{a=System.Object[]}"),
        (PSObject(), "@{}"),
        (PSObject({"a": PSObject({"b": 1})}), "@{a=@{b=1}}"),
        (dt.datetime(2020, 1, 2, 3, 4, 5), "01/02/2020 03:04:05"),
        (dt.timedelta(days=1, hours=2, seconds=3), "1.02:00:03"),
        (dt.timedelta(minutes=90), "01:30:00"),
        (dt.timedelta(seconds=1.5), "00:00:01.5000000"),
        (-dt.timedelta(minutes=1), "-00:01:00"),
        (Char("A"), "A"),
        (Plain(), "Python.test_values.Plain"),
    ],
)
def test_to_string(value, expected):
    assert to_string(value) == expected


def test_to_string_ofs():
    assert to_string([1, 2], ofs=",") == "1,2"


# -- numbers: Docs: about_Numeric_Literals.md (examples table; "Numeric type conversion") --------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("100", 100),
        ("0x1e2", 482),
        ("1e2", 100.0),
        ("1.e2", 100.0),
        ("482gb", 517543559168),
        ("0x10Gb", 17179869184),
        ("1kb", 1024),
        ("0b1011011", 91),
        ("0xFFFFFFFF", -1),
        ("-0xFFFFFFFF", 1),
        ("0x0FFFFFFFF", 4294967295),
        ("100l", Int64(100)),
        ("1.2L", 1),
        ("1.30Dmb", Decimal("1363148.80")),
        ("2147483648", 2147483648),
        ("79228162514264337593543950336", 7.922816251426434e28),
        (" 12 ", 12),
        ("-5", -5),
        ("+5", 5),
        (".5", 0.5),
        ("abc", None),
        ("1usgb", None),
        ("", None),
        ("0xFFFFs", None),
    ],
)
def test_parse_number(text, expected):
    result = parse_number(text)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, 0),
        (True, 1),
        ("", 0),
        ("  ", 0),
        ("12", 12),
        ("1.5", 1.5),
        ("0x10", 16),
        ("1e3", 1000.0),
        (Char("A"), 65),
        (2.5, 2.5),
        (Decimal("1.1"), Decimal("1.1")),
        ("Infinity", float("inf")),
    ],
)
def test_to_number(value, expected):
    assert to_number(value) == expected


def test_to_number_error():
    # PS 7.4+ (.NET 8) FormatException text includes the value.
    e = _err(to_number, "abc")
    assert e.message == (
        'Cannot convert value "abc" to type "System.Int32". '
        "Error: \"The input string 'abc' was not in a correct format.\""
    )
    assert e.fully_qualified_error_id == "InvalidCastFromStringToInteger"


# -- casts: Docs: about_Arithmetic_Operators.md ([int] rounds half to even), about_Booleans.md,
#    about_Numeric_Literals.md ([int]'0xF'), about_Type_Operators.md; PS: test/powershell/Language/
#    Parser/Conversions.Tests.ps1 ----------------------------------------------------------------
@pytest.mark.parametrize(
    "value, type_name, expected",
    [
        (2.5, "int", 2),
        (3.5, "int", 4),
        (-2.5, "int", -2),
        ("12", "int", 12),
        ("0xF", "int", 15),
        ("0b1111", "int", 15),
        (" 7 ", "int", 7),
        ("1.5", "int", 2),
        (None, "int", 0),
        (True, "int", 1),
        (Char("A"), "int", 65),
        (Decimal("2.5"), "int", 2),
        (3000000000, "long", Int64(3000000000)),
        ("1kb", "long", Int64(1024)),
        ("False", "bool", True),
        (0, "bool", False),
        ("", "bool", False),
        (None, "string", ""),
        (12, "string", "12"),
        ([1, 2], "string", "1 2"),
        (1.0, "string", "1"),
        (65, "char", Char("A")),
        ("x", "char", Char("x")),
        (1, "double", 1.0),
        ("1.5", "double", 1.5),
        (None, "double", 0.0),
        ("1.50", "decimal", Decimal("1.50")),
        (2, "decimal", Decimal(2)),
        (1, "object", 1),
        (1, "array", [1]),
        ([1, "2"], "int[]", TypedArray([1, 2], "System.Int32")),
        ("a", "string[]", TypedArray(["a"], "System.String")),
        (None, "object[]", None),
        ((1, 2), "object[]", [1, 2]),
        ("2020-01-02", "datetime", dt.datetime(2020, 1, 2)),
        ("01/02/2020 03:04:05", "datetime", dt.datetime(2020, 1, 2, 3, 4, 5)),
        ("2020-01-02T03:04:05", "datetime", dt.datetime(2020, 1, 2, 3, 4, 5)),
        ("01:02:03", "timespan", dt.timedelta(hours=1, minutes=2, seconds=3)),
        ("1.02:03:04", "timespan", dt.timedelta(days=1, hours=2, minutes=3, seconds=4)),
        ("5", "timespan", dt.timedelta(days=5)),
        (1, "switch", SwitchParameter(True)),
        ("x", "void", VOID),
    ],
)
def test_convert_to(value, type_name, expected):
    result = convert_to(value, type_name)
    assert result == expected and type(result) is type(expected)


def test_convert_char_is_char():
    assert type(convert_to(65, "char")) is Char


def test_convert_containers():
    h = convert_to({"b": 1, "a": 2}, "pscustomobject")
    assert isinstance(h, PSObject) and h.property_names() == ["b", "a"]
    o = convert_to({"x": 1}, "ordered")
    assert isinstance(o, Hashtable) and o.ordered
    assert isinstance(convert_to({"x": 1}, "hashtable"), Hashtable)
    assert convert_to("1.2.3", "version").Build == 3
    assert str(convert_to("00000000-0000-0000-0000-000000000001", "guid")).endswith("001")
    assert convert_to("a+", "regex").IsMatch("caat")
    assert convert_to([1, "2"], "System.Collections.Generic.List[int]") == [1, 2]


# PS error texts: ExtendedTypeSystem.resx InvalidCastExceptionWithInnerException /
# InvalidCastFromAnyTypeToString...; .NET 8 messages.
@pytest.mark.parametrize(
    "value, type_name, message, error_id",
    [
        (
            "abc",
            "int",
            'Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not '
            'in a correct format."',
            "InvalidCastFromStringToInteger",
        ),
        (
            3e9,
            "int",
            'Cannot convert value "3000000000" to type "System.Int32". Error: "Value was either too large '
            'or too small for an Int32."',
            "InvalidCastIConvertible",
        ),
        (
            "ab",
            "char",
            'Cannot convert value "ab" to type "System.Char". Error: "String must be exactly one character long."',
            "InvalidCastParseTargetInvocation",
        ),
        (
            "x",
            "datetime",
            'Cannot convert value "x" to type "System.DateTime". Error: "String \'x\' was not recognized '
            'as a valid DateTime."',
            "InvalidCastParseTargetInvocation",
        ),
        (
            Hashtable(),
            "int",
            'Cannot convert the "System.Collections.Hashtable" value of type '
            '"System.Collections.Hashtable" to type "System.Int32".',
            "ConvertToFinalInvalidCastException",
        ),
        ("x", "nosuchtype", "Unable to find type [nosuchtype].", "TypeNotFound"),
    ],
)
def test_convert_errors(value, type_name, message, error_id):
    e = _err(convert_to, value, type_name)
    assert (e.message, e.fully_qualified_error_id) == (message, error_id)


@pytest.mark.parametrize(
    "value, type_name, expected",
    [
        ("x", "int", None),
        ("5", "int", 5),
        ("1.5", "double", 1.5),
        (None, "string", ""),
    ],
)
def test_try_convert(value, type_name, expected):  # Docs: about_Type_Operators.md (-as)
    assert try_convert(value, type_name) == expected


# -- type names: PS: test/powershell/Language/Parser/TypeAccelerator.Tests.ps1 ------------------
@pytest.mark.parametrize(
    "name, full",
    [
        ("int", "System.Int32"),
        ("[string]", "System.String"),
        ("pscustomobject", "System.Management.Automation.PSObject"),
        ("psobject", "System.Management.Automation.PSObject"),
        ("regex", "System.Text.RegularExpressions.Regex"),
        ("float", "System.Single"),
        ("long", "System.Int64"),
        ("math", "System.Math"),
        ("Int32", "System.Int32"),
        ("switch", "System.Management.Automation.SwitchParameter"),
        ("ordered", "System.Collections.Specialized.OrderedDictionary"),
        ("string[]", "System.String[]"),
        ("List[object]", "System.Collections.Generic.List[System.Object]"),
        ("System.Collections.Generic.List[string]", "System.Collections.Generic.List[System.String]"),
        ("IO.Path", "System.IO.Path"),
        ("Collections.ArrayList", "System.Collections.ArrayList"),
    ],
)
def test_type_of_name(name, full):
    assert type_of_name(name) == full


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, []),
        ("a", ["System.String", "System.Object"]),
        (1, ["System.Int32", "System.ValueType", "System.Object"]),
        (2**40, ["System.Int64", "System.ValueType", "System.Object"]),
        (1.5, ["System.Double", "System.ValueType", "System.Object"]),
        (True, ["System.Boolean", "System.ValueType", "System.Object"]),
        ([1], ["System.Object[]", "System.Array", "System.Object"]),
        (Decimal(1), ["System.Decimal", "System.ValueType", "System.Object"]),
        (Char("a"), ["System.Char", "System.ValueType", "System.Object"]),
        (Hashtable(), ["System.Collections.Hashtable", "System.Object"]),
        (PSObject(), ["System.Management.Automation.PSCustomObject", "System.Object"]),
        (dt.datetime(2020, 1, 1), ["System.DateTime", "System.ValueType", "System.Object"]),
        (Ordered(), ["Microsoft.WindowsAzure.Commands.ServiceManagement.Model.OSImageContext", "System.Object"]),
        (Image("x"), ["Python.test_values.Image", "System.Object"]),
    ],
)
def test_type_names(value, expected):
    assert type_names(value) == expected


# Docs: about_Type_Operators.md
@pytest.mark.parametrize(
    "value, type_name, expected",
    [
        (1, "int", True),
        (1, "ValueType", True),
        (1, "long", False),
        ("a", "string", True),
        ([], "array", True),
        ([], "object[]", True),
        (None, "object", False),
        (PSObject(), "psobject", True),
        (PSObject(), "pscustomobject", True),
        (1, "psobject", False),
        (Hashtable(), "hashtable", True),
        (Hashtable(), "System.Collections.IDictionary", True),
        ([], "System.Collections.IEnumerable", True),
        (Ordered(), "Microsoft.WindowsAzure.Commands.ServiceManagement.Model.OSImageContext", True),
        (1.5, "double", True),
        ("a", "object", True),
        (1, "IComparable", True),
    ],
)
def test_is_instance(value, type_name, expected):
    from pscompat.values.dotnet.typenames import register_type

    register_type("Microsoft.WindowsAzure.Commands.ServiceManagement.Model.OSImageContext")
    assert is_instance(value, type_name) is expected


# -- Hashtable: Docs: about_Hash_Tables.md; PS: Compiler.cs BuildHashtable (OrdinalIgnoreCase) ---
def test_hashtable_case_insensitive_and_dict_compatible():
    h = Hashtable()
    h["Name"] = 1
    h["NAME"] = 2
    h[1] = "one"
    assert h["name"] == 2 and list(h) == ["Name", 1] and "nAmE" in h
    assert json.dumps(Hashtable(a=1)) == '{"a": 1}' and dict(h) == {"Name": 2, 1: "one"}
    del h["naME"]
    assert list(h) == [1] and h.get("x", 5) == 5
    assert Hashtable(A=1).copy()["a"] == 1


# -- member access: Docs: about_Member-Access_Enumeration.md, about_Intrinsic_Members.md ---------
_H = Hashtable(Keys="mine", a=1)
_PS = PSObject({"ImageName": "img", "Size": 3})


@pytest.mark.parametrize(
    "obj, name, expected",
    [
        (_PS, "imagename", "img"),
        (_PS, "Missing", None),
        (_PS, "Count", 1),
        (_H, "keys", "mine"),
        (_H, "A", 1),
        (_H, "Count", 2),
        (Hashtable(a=1), "Keys", ["a"]),
        ({"Name": "d"}, "name", "d"),
        ({"x": 1}, "Count", 1),
        (Image("i"), "imagename", "i"),
        (Image("i"), "LABEL", "L-i"),
        (Plain(), "upper", "P"),
        (Plain(), "count_", 2),
        (Plain(), "_hidden", None),
        (Point(1, 2), "y", 2),
        ("abc", "Length", 3),
        ("abc", "Count", 1),
        (5, "Count", 1),
        (None, "Count", 0),
        (None, "Length", 0),
        (None, "Foo", None),
        ([1, 2], "Count", 2),
        ([1, 2], "Length", 2),
        ([Image("a"), Image("b")], "ImageName", ["a", "b"]),
        ([Image("a")], "ImageName", "a"),
        (["ab", "c"], "Length", 2),
        ([["ab", "c"], "def"], "Foo", None),
        ([Image("a"), 5], "ImageName", "a"),
        ([PSObject(a=1), PSObject(b=2)], "a", [1, None]),
        ([[Image("a")], Image("b")], "ImageName", ["a", "b"]),
        (dt.datetime(2020, 3, 4, 5, 6, 7), "Month", 3),
        (dt.datetime(2020, 3, 4), "DayOfWeek", 3),
        (dt.datetime(2020, 3, 4, 5, 6, 7), "Date", dt.datetime(2020, 3, 4)),
        (dt.timedelta(minutes=90), "TotalHours", 1.5),
        (dt.timedelta(minutes=90), "Minutes", 30),
        (-dt.timedelta(minutes=90), "Hours", -1),
        (dt.timedelta(days=2, hours=3), "Days", 2),
    ],
)
def test_get_member(obj, name, expected):
    assert get_member(obj, name) == expected


def test_day_of_week_is_enum():
    assert to_string(get_member(dt.datetime(2020, 3, 4), "DayOfWeek")) == "Wednesday"


@pytest.mark.parametrize(
    "obj, name, expected",
    [
        (_PS, "SIZE", True),
        (_PS, "nope", False),
        (_PS, "ToString", True),
        ("a", "Length", True),
        ("a", "ToUpper", True),
        ("a", "Foo", False),
        (Image("x"), "label", True),
        (Plain(), "greet", True),
        (Hashtable(a=1), "a", True),
        (Hashtable(a=1), "ContainsKey", True),
        (None, "x", False),
        (Ordered(), "a", True),
    ],
)
def test_has_member(obj, name, expected):
    assert has_member(obj, name) is expected


def test_set_member():
    o = PSObject(Name="a")
    set_member(o, "name", "b")
    assert o.Name == "b" and o.property_names() == ["Name"]
    h = Hashtable(Key=1)
    set_member(h, "key", 2)
    set_member(h, "new", 3)
    assert dict(h) == {"Key": 2, "new": 3}
    img = Image("x")
    set_member(img, "imagename", "y")
    assert img.ImageName == "y"
    e = _err(set_member, o, "Missing", 1)
    assert (
        e.message
        == ("The property 'Missing' cannot be found on this object. Verify that the property exists and can be set.")
        and e.fully_qualified_error_id == "PropertyNotFound"
    )
    _err(set_member, "str", "Length", 1)


# -- properties / to_python ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "obj, expected",
    [
        (PSObject({"b": 1, "a": 2}), [("b", 1), ("a", 2)]),
        (Image("x"), [("ImageName", "x"), ("Size", 30), ("Label", "L-x")]),
        (Plain(), [("Name", "p"), ("count_", 2), ("Upper", "P")]),
        (Ordered(), [("B", 2), ("A", 1)]),
        (Point(1, 2), [("X", 1), ("Y", 2)]),
        ("ab", [("Length", 2)]),
        (5, []),
        (None, []),
    ],
)
def test_properties(obj, expected):
    assert properties(obj) == expected


def test_dictionary_properties_are_its_own():
    assert [n for n, _ in properties(Hashtable(a=1))] == [
        "IsReadOnly",
        "IsFixedSize",
        "IsSynchronized",
        "Keys",
        "Values",
        "SyncRoot",
        "Count",
    ]


def test_to_python():
    data = [Image("x"), PSObject(a=Hashtable(k=[1, Point(1, 2)])), 1.5, None]
    assert to_python(data) == [
        {"ImageName": "x", "Size": 30, "Label": "L-x"},
        {"a": {"k": [1, {"X": 1, "Y": 2}]}},
        1.5,
        None,
    ]


def test_psobject_python_surface():
    o = PSObject({"Name": "a", "Size": 1})
    assert (o.name, o["SIZE"], "size" in o, "x" in o) == ("a", 1, True, False)
    assert repr(o) == "PSObject(Name='a', Size=1)" and dict(o.items()) == {"Name": "a", "Size": 1}
    o.Extra = 2
    o.remove_property("name")
    assert o.property_names() == ["Size", "Extra"]
    with pytest.raises(TypeError):
        iter(o)  # one pipeline object, never enumerated
    with pytest.raises(AttributeError):
        _ = o.missing


# -- methods: .NET System.String is ordinal and case-sensitive; Docs: about_Methods.md -----------
@pytest.mark.parametrize(
    "obj, name, args, expected",
    [
        ("abc", "ToUpper", [], "ABC"),
        ("ABC", "tolower", [], "abc"),
        ("  a ", "Trim", [], "a"),
        ("xxaxx", "Trim", ["x"], "a"),
        ("xyaxy", "TrimStart", ["xy"], "axy"),
        ("a  ", "TrimEnd", [], "a"),
        ("Abc", "Contains", ["a"], False),
        ("Abc", "Contains", ["b"], True),
        ("Abc", "Contains", ["a", "OrdinalIgnoreCase"], True),
        ("a,b,,c", "Split", [","], ["a", "b", "", "c"]),
        ("a,b;c", "Split", [[Char(","), Char(";")]], ["a", "b", "c"]),
        ("a1b2c", "split", ["1b"], ["a", "2c"]),
        ("a,b,c", "Split", [",", 2], ["a", "b,c"]),
        ("a,,b", "Split", [",", "RemoveEmptyEntries"], ["a", "b"]),
        ("a b", "Split", [], ["a", "b"]),
        ("hello", "Replace", ["l", "L"], "heLLo"),
        ("Hello", "StartsWith", ["He"], True),
        ("Hello", "StartsWith", ["he"], False),
        ("Hello", "EndsWith", ["LO", "CurrentCultureIgnoreCase"], True),
        ("hello", "IndexOf", ["l"], 2),
        ("hello", "LastIndexOf", ["l"], 3),
        ("hello", "IndexOf", ["z"], -1),
        ("hello", "IndexOf", ["l", 3], 3),
        ("hello", "Substring", [1], "ello"),
        ("hello", "Substring", [1, 2], "el"),
        ("hello", "Substring", [5], ""),
        ("7", "PadLeft", [3, "0"], "007"),
        ("a", "PadRight", [3], "a  "),
        ("abc", "Insert", [1, "X"], "aXbc"),
        ("abcd", "Remove", [1, 2], "ad"),
        ("abcd", "Remove", [2], "ab"),
        ("ab", "ToCharArray", [], ["a", "b"]),
        ("a", "Equals", ["a"], True),
        ("a", "Equals", ["A"], False),
        ("a", "CompareTo", ["b"], -1),
        ("abc", "ToString", [], "abc"),
        (5, "ToString", [], "5"),
        (5, "CompareTo", [3], 1),
        (1, "Equals", [1.0], False),
        (1, "Equals", [1], True),
        ([1, 2], "Contains", [2], True),
        ([1, 2], "Contains", ["2"], False),
        ([1, 2], "IndexOf", [2], 1),
        (["a", "b"], "ToUpper", [], ["A", "B"]),
        (["a b", "c"], "Split", [" "], ["a", "b", "c"]),
        (Hashtable(a=1), "ContainsKey", ["A"], True),
        (Hashtable(a=1), "ContainsValue", [1], True),
        ({"a": 1}, "ContainsKey", ["A"], True),
        (dt.datetime(2020, 1, 31), "AddMonths", [1], dt.datetime(2020, 2, 29)),
        (dt.datetime(2020, 1, 1), "AddDays", [1.5], dt.datetime(2020, 1, 2, 12)),
        (dt.datetime(2020, 1, 2), "Subtract", [dt.datetime(2020, 1, 1)], dt.timedelta(days=1)),
        (dt.timedelta(hours=1), "Add", [dt.timedelta(hours=1)], dt.timedelta(hours=2)),
        (Plain(), "greet", ["bob"], "hi bob"),
        (PSObject(a=1), "ToString", [], "@{a=1}"),
    ],
)
def test_call_method(obj, name, args, expected):
    assert call_method(obj, name, args) == expected


@pytest.mark.parametrize(
    "obj, name, args, message, error_id",
    [
        (None, "Foo", [], "You cannot call a method on a null-valued expression.", "InvokeMethodOnNull"),
        (
            "s",
            "Foo",
            [],
            "Method invocation failed because [System.String] does not contain a method named 'Foo'.",
            "MethodNotFound",
        ),
        (
            ["a", 1],
            "ToUpper",
            [],
            "Method invocation failed because [System.Int32] does not contain a method named 'ToUpper'.",
            "MethodNotFound",
        ),
        (
            "abc",
            "Substring",
            [5],
            'Exception calling "Substring" with "1" argument(s): "startIndex cannot be larger '
            "than length of string. (Parameter 'startIndex')\"",
            "ArgumentOutOfRangeException",
        ),
        (
            "abc",
            "Substring",
            [1, 5],
            'Exception calling "Substring" with "2" argument(s): "Index and length must refer '
            "to a location within the string. (Parameter 'length')\"",
            "ArgumentOutOfRangeException",
        ),
        (
            Hashtable(a=1),
            "Add",
            ["A", 2],
            'Exception calling "Add" with "2" argument(s): "Item has already been added. '
            "Key in dictionary: 'a'  Key being added: 'A'\"",
            "ArgumentException",
        ),
        (
            [1],
            "Add",
            [2],
            'Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."',
            "NotSupportedException",
        ),
        (
            PSObject(),
            "Foo",
            [],
            "Method invocation failed because [System.Management.Automation.PSCustomObject] does "
            "not contain a method named 'Foo'.",
            "MethodNotFound",
        ),
    ],
)
def test_call_method_errors(obj, name, args, message, error_id):
    e = _err(call_method, obj, name, args)
    assert (e.message, e.fully_qualified_error_id) == (message, error_id)


@pytest.mark.parametrize(
    "value, name, full",
    [
        (1, "Int32", "System.Int32"),
        ("a", "String", "System.String"),
        ([1], "Object[]", "System.Object[]"),
        (1.5, "Double", "System.Double"),
        (Hashtable(), "Hashtable", "System.Collections.Hashtable"),
        (Ordered(), "OSImageContext", "Microsoft.WindowsAzure.Commands.ServiceManagement.Model.OSImageContext"),
    ],
)
def test_get_type(value, name, full):
    t = call_method(value, "GetType", [])
    assert (get_member(t, "Name"), get_member(t, "FullName")) == (name, full)


def test_exception_info():
    ex = ExceptionInfo("boom", "System.Management.Automation.RuntimeException")
    assert get_member(ex, "message") == "boom" and get_member(ex, "InnerException") is None
    assert call_method(ex, "GetType", []).FullName == "System.Management.Automation.RuntimeException"
    assert call_method(ex, "GetType", []).Name == "RuntimeException"
    assert call_method(ex, "ToString", []) == "System.Management.Automation.RuntimeException: boom"


def test_has_method():
    assert has_method("a", "trim") and not has_method(None, "trim") and has_method(Plain(), "GREET")


# -- type literals and statics: .NET API (System.Math.Round is banker's rounding) ---------------
@pytest.mark.parametrize(
    "type_name, member, args, expected",
    [
        ("math", "Round", [2.5], 2.0),
        ("math", "Round", [3.5], 4.0),
        ("math", "Round", [-2.5], -2.0),
        ("math", "Round", [2.5, "AwayFromZero"], 3.0),
        ("math", "Round", [1.2345, 2], 1.23),
        ("math", "Round", [Decimal("2.345"), 2], Decimal("2.34")),
        ("math", "Floor", [2.7], 2.0),
        ("math", "Ceiling", [2.1], 3.0),
        ("math", "Abs", [-3], 3),
        ("math", "Max", [1, 2.5], 2.5),
        ("math", "Min", [4, 2], 2),
        ("math", "Pow", [2, 10], 1024.0),
        ("math", "Sqrt", [16], 4.0),
        ("math", "Truncate", [-2.7], -2.0),
        ("math", "Log10", [1000], 3.0),
        ("math", "Sign", [-5], -1),
        ("string", "IsNullOrEmpty", [None], True),
        ("string", "IsNullOrEmpty", [""], True),
        ("string", "IsNullOrWhiteSpace", ["  "], True),
        ("string", "Join", [",", [1, 2]], "1,2"),
        ("string", "Join", ["-", "a", "b"], "a-b"),
        ("string", "Concat", ["a", 1], "a1"),
        ("int", "Parse", ["42"], 42),
        ("double", "Parse", ["1.5"], 1.5),
        ("regex", "Escape", ["a.b*c"], "a\\.b\\*c"),
        ("regex", "IsMatch", ["abc", "B"], False),
        ("regex", "Replace", ["a1b22", "\\d+", "#"], "a#b#"),
        ("regex", "Split", ["a1b2c", "\\d"], ["a", "b", "c"]),
        ("regex", "Replace", ["john smith", "(?<first>\\w+) (?<last>\\w+)", "${last}, $1"], "smith, john"),
        ("char", "IsDigit", ["5"], True),
        ("char", "IsLetter", ["5"], False),
        ("char", "ToUpper", ["a"], "A"),
        ("timespan", "FromMinutes", [90], dt.timedelta(minutes=90)),
        ("timespan", "FromSeconds", [1.5], dt.timedelta(seconds=1.5)),
        ("System.IO.Path", "GetExtension", ["a/b.txt"], ".txt"),
        ("IO.Path", "GetFileName", ["a/b.txt"], "b.txt"),
        ("System.IO.Path", "GetDirectoryName", ["a/b.txt"], "a"),
        ("datetime", "ParseExact", ["2020-01-02 13:14", "yyyy-MM-dd HH:mm", None], dt.datetime(2020, 1, 2, 13, 14)),
        ("datetime", "Parse", ["2020-01-02"], dt.datetime(2020, 1, 2)),
        ("convert", "ToInt32", ["ff", 16], 255),
    ],
)
def test_call_static(type_name, member, args, expected):
    assert resolve_type(type_name).call_static(member, args) == expected


@pytest.mark.parametrize(
    "type_name, member, expected",
    [
        ("int", "MaxValue", 2147483647),
        ("int", "minvalue", -2147483648),
        ("long", "MaxValue", 2**63 - 1),
        ("math", "PI", 3.141592653589793),
        ("string", "Empty", ""),
        ("math", "Nope", None),
        ("guid", "Empty", __import__("uuid").UUID(int=0)),
    ],
)
def test_get_static(type_name, member, expected):
    assert resolve_type(type_name).get_static(member) == expected


def test_datetime_now_is_a_fresh_value():
    now = resolve_type("datetime").get_static("Now")
    assert isinstance(now, dt.datetime) and abs(now - dt.datetime.now()) < dt.timedelta(seconds=5)


def test_static_errors():
    e = _err(resolve_type("math").call_static, "Foo", [])
    assert e.message == "Method invocation failed because [System.Math] does not contain a method named 'Foo'."
    assert _err(resolve_type, "Nope.Type").fully_qualified_error_id == "TypeNotFound"
    e = _err(resolve_type("int").call_static, "Parse", ["x"])
    assert e.message == (
        'Exception calling "Parse" with "1" argument(s): "The input string \'x\' was not in a correct format."'
    )


def test_collections_new():
    al = resolve_type("System.Collections.ArrayList").new([])
    assert call_method(al, "Add", ["x"]) == 0 and call_method(al, "add", ["y"]) == 1
    assert get_member(al, "Count") == 2 and to_string(al) == "x y"
    lst = resolve_type("System.Collections.Generic.List[int]").new([])
    assert call_method(lst, "Add", ["5"]) is VOID and lst == [5] and isinstance(lst, GenericList)
    assert is_instance(lst, "System.Collections.Generic.List[int]")
    sb = resolve_type("System.Text.StringBuilder").new([])
    call_method(call_method(sb, "Append", ["a"]), "AppendLine", ["b"])
    assert to_string(sb) == "ab\n" and get_member(sb, "Length") == 3


def test_regex_match_object():
    m = resolve_type("regex").call_static("Match", ["ab12cd345", "(?<num>\\d+)"])
    assert (m.Success, m.Value, m.Index, to_string(m)) == (True, "12", 2, "12")
    assert get_member(get_member(m, "Groups"), "Name") == ["0", "num"]
    assert call_method(m, "NextMatch", []).Value == "345"
    assert [x.Value for x in resolve_type("regex").call_static("Matches", ["a1b2", "\\d"])] == ["1", "2"]


def test_version_compare():
    v = resolve_type("version").convert("1.10.0")
    assert v > convert_to("1.9", "version") and v.ToString() == "1.10.0" and get_member(v, "revision") == -1


def test_array_reverse_mutates():
    items = [1, 2, 3]
    assert resolve_type("array").call_static("Reverse", [items]) is VOID and items == [3, 2, 1]


def test_format_double_matches_to_string():
    assert format_double(123456789.125) == "123456789.125"


# -- Get-Member rows: PS: src/System.Management.Automation/engine/MshMemberInfo.cs
#    (PSNoteProperty.ToString: '<type> <name>=<value>'); Docs: Util/Get-Member.md ----------------
@pytest.mark.parametrize(
    "obj, name, member_type, definition",
    [
        (PSObject(a=1), "a", "NoteProperty", "int a=1"),
        (PSObject(s="x"), "s", "NoteProperty", "string s=x"),
        (PSObject(n=None), "n", "NoteProperty", "object n=null"),
        (Image("x"), "ImageName", "Property", "string ImageName {get;set;}"),
        (Image("x"), "Label", "Property", "string Label {get;}"),
        ("ab", "Length", "Property", "int Length {get;}"),
        (Hashtable(a=1), "Count", "Property", "int Count {get;}"),
        (Hashtable(a=1), "Item", "ParameterizedProperty", "System.Object Item(System.Object key) {get;set;}"),
        (1, "GetType", "Method", "type GetType()"),
        (Plain(), "Greet", "Method", "System.Object Greet(who)"),
    ],
)
def test_members(obj, name, member_type, definition):
    from pscompat.values.objects.model import members

    rows = {m.Name: m for m in members(obj)}
    assert (rows[name].MemberType, rows[name].Definition) == (member_type, definition)


def test_members_exclude_hashtable_keys_and_python_internals():
    from pscompat.values.objects.model import members

    assert "a" not in {m.Name for m in members(Hashtable(a=1))}
    assert not any(m.Name.startswith("_") or m.Name == "set_property" for m in members(PSObject(a=1)))


def test_static_members():
    from pscompat.values.objects.model import static_members

    rows = {m.Name: m for m in static_members(resolve_type("int"))}
    assert rows["MaxValue"].MemberType == "Property" and rows["Parse"].MemberType == "Method"
    assert {m.Name for m in static_members(5)} == set(rows)


def test_copy_and_pickle_keep_the_model():
    import copy
    import pickle

    o = PSObject(a=1, b=Hashtable(X=1))
    for clone in (copy.deepcopy(o), pickle.loads(pickle.dumps(o))):
        assert clone.properties()[0] == ("a", 1) and clone.b["x"] == 1 and clone is not o
