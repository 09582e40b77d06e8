""".NET format strings (en-US), as `-f`, `.ToString(fmt)` and `Get-Date -Format` use them.

Sources: learn.microsoft.com/dotnet/standard/base-types/standard-numeric-format-strings,
custom-numeric-format-strings, standard-date-and-time-format-strings,
custom-date-and-time-format-strings, standard-timespan-format-strings,
custom-timespan-format-strings (the examples in those pages, en-US rows);
dotnet/runtime StringBuilder.AppendFormat for composite parsing and its error offsets.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from pscompat.errors import PSError
from pscompat.values.dotnet_format.composite import format_string, format_value
from pscompat.values.dotnet_format.errors import DotNetFormatError
from pscompat.values.dotnet_format.numbers import double_to_string, format_double

NUMERIC = [
    # standard numeric formats (docs tables, en-US)
    (12345.6789, "C", "$12,345.68"),
    (12345.6789, "C3", "$12,345.679"),
    (-12345.6789, "C", "-$12,345.68"),
    (1234, "D", "1234"),
    (-1234, "D6", "-001234"),
    (42, "D5", "00042"),
    (1052.0329112756, "E", "1.052033E+003"),
    (-1052.0329112756, "e2", "-1.05e+003"),
    (0.0, "E2", "0.00E+000"),
    (1234.567, "F", "1234.57"),
    (1234, "F1", "1234.0"),
    (-1234.56, "F4", "-1234.5600"),
    (0.125, "F2", "0.13"),
    (2.675, "F2", "2.67"),
    (-0.001, "F2", "-0.00"),
    (Decimal("-0.001"), "F2", "0.00"),
    (-0.001, "0.00", "0.00"),
    (1.5, "F0", "2"),
    (2.5, "F0", "3"),
    (-123.456, "G", "-123.456"),
    (123.4546, "G4", "123.5"),
    (-1.234567890e-25, "G", "-1.23456789E-25"),
    (12345.6789, "G", "12345.6789"),
    (123456789, "G3", "1.23E+08"),
    (0.00001234, "G3", "1.23E-05"),
    (0.0001234, "G3", "0.000123"),
    (1e20, "G", "1E+20"),
    (100, "G", "100"),
    (1234.567, "N", "1,234.57"),
    (1234, "N1", "1,234.0"),
    (-1234.56, "N3", "-1,234.560"),
    (1234567, "N0", "1,234,567"),
    (0.5, "N0", "1"),
    (999.995, "N2", "1,000.00"),
    (1, "P", "100.00%"),
    (-0.39678, "P1", "-39.7%"),
    (0.12345, "P1", "12.3%"),
    (0.5, "P0", "50%"),
    (123456789.12345678, "R", "123456789.12345678"),
    (0.1, "R", "0.1"),
    (255, "X", "FF"),
    (-1, "x", "ffffffff"),
    (255, "x4", "00ff"),
    (0x2045E, "x", "2045e"),
    (-1 << 40, "X", "FFFFFF0000000000"),
    (Decimal("1.50"), "G", "1.50"),
    (Decimal("1234.5"), "N1", "1,234.5"),
    (Decimal("0.125"), "F2", "0.13"),
    (Decimal("-3"), "C", "-$3.00"),
    # custom numeric formats (docs examples)
    (123, "00000", "00123"),
    (1.2, "0.00", "1.20"),
    (0.45678, "0.00", "0.46"),
    (1234567.89, "#,##0.00", "1,234,567.89"),
    (1234567.891, "#,##0", "1,234,568"),
    (1234567, "#,##0,,", "1"),
    (0.256, "0.0%", "25.6%"),
    (0.086, "#0.##%", "8.6%"),
    (123456789, "000-00-0000", "123-45-6789"),
    (1.2, "#.##", "1.2"),
    (0.5, "#.##", ".5"),
    (0.5, "0.##", "0.5"),
    (0, "#", ""),
    (0, "0", "0"),
    (7, "000", "007"),
    (1503.92311, "0.0##", "1503.923"),
    (86000, "0.###E+0", "8.6E+4"),
    (86000, "0.###E+000", "8.6E+004"),
    (12345, "0.00E+00", "1.23E+04"),
    (1234.5, "0.00E0", "1.23E3"),
    (-5, "0;(0)", "(5)"),
    (5, "0;(0)", "5"),
    (0, "0;(0);zero", "zero"),
    (-1234.5, "#,##0.00", "-1,234.50"),
    (42, "'#'0", "#42"),
    (42, "\\#0", "#42"),
    (42, "0 'items'", "42 items"),
    (3, '0 "x"', "3 x"),
]


@pytest.mark.parametrize("value,fmt,expected", NUMERIC)
def test_numeric(value, fmt, expected):
    assert format_value(value, fmt) == expected


@pytest.mark.parametrize("value,fmt", [(1.5, "D"), (1.5, "X"), (Decimal(1), "D"), (1, "Z")])
def test_invalid_numeric_specifier(value, fmt):
    with pytest.raises(DotNetFormatError) as info:
        format_value(value, fmt)
    assert info.value.message == "Format specifier was invalid."


# double.ToString(): shortest round-trip, scientific from 1E+15 and below 1E-05
@pytest.mark.parametrize(
    "value,expected",
    [
        (1.0, "1"),
        (1.5, "1.5"),
        (0.1, "0.1"),
        (1 / 3, "0.3333333333333333"),
        (1e15, "1E+15"),
        (123456789012345.0, "123456789012345"),
        (1e16, "1E+16"),
        (0.0001, "0.0001"),
        (0.00001, "1E-05"),
        (-0.0, "-0"),
        (2.5e-7, "2.5E-07"),
        (1.7976931348623157e308, "1.7976931348623157E+308"),
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
    ],
)
def test_format_double(value, expected):
    assert format_double(value) == expected


# PowerShell's own text of a double ("$x", output): G15 (PowerShell/PowerShell engine/LanguagePrimitives.cs
# DoublePrecision, PR #9893); digits correctly rounded, an exact tie to even (dotnet/runtime
# Number.Dragon4.cs: "if we are directly in the middle, round towards the even digit").
@pytest.mark.parametrize(
    "value,invariant,expected",
    [
        (1 / 3, True, "0.333333333333333"),
        (0.1 + 0.2, True, "0.3"),
        (2.0, True, "2"),
        (-2.5, True, "-2.5"),
        (3.141592653589793, True, "3.14159265358979"),
        (1e14, True, "100000000000000"),
        (1e15, True, "1E+15"),
        (123456789012345678.0, True, "1.23456789012346E+17"),
        (1e300, True, "1E+300"),
        (0.0001, True, "0.0001"),
        (0.00001, True, "1E-05"),
        (-1.5e-7, True, "-1.5E-07"),
        (5e-324, True, "4.94065645841247E-324"),
        (123456789012344.5, True, "123456789012344"),
        (123456789012345.5, True, "123456789012346"),
        (0.99999999999999994, True, "1"),
        (-0.0, True, "-0"),
        (float("nan"), True, "NaN"),
        (float("inf"), True, "Infinity"),
        (float("-inf"), True, "-Infinity"),
        (float("inf"), False, "∞"),
        (float("-inf"), False, "-∞"),
        (1 / 3, False, "0.333333333333333"),
    ],
)
def test_double_to_string(value, invariant, expected):
    assert double_to_string(value, invariant) == expected


D = datetime(2009, 6, 15, 13, 45, 30, 617_000)
DATES = [
    ("d", "6/15/2009"),
    ("D", "Monday, June 15, 2009"),
    ("f", "Monday, June 15, 2009 1:45 PM"),
    ("F", "Monday, June 15, 2009 1:45:30 PM"),
    ("g", "6/15/2009 1:45 PM"),
    ("G", "6/15/2009 1:45:30 PM"),
    ("M", "June 15"),
    ("m", "June 15"),
    ("s", "2009-06-15T13:45:30"),
    ("t", "1:45 PM"),
    ("T", "1:45:30 PM"),
    ("u", "2009-06-15 13:45:30Z"),
    ("y", "June 2009"),
    ("Y", "June 2009"),
    ("o", "2009-06-15T13:45:30.6170000"),
    ("r", "Mon, 15 Jun 2009 13:45:30 GMT"),
    ("yyyy-MM-dd HH:mm:ss.fff", "2009-06-15 13:45:30.617"),
    ("yyyy-MM-dd", "2009-06-15"),
    ("dd/MM/yy", "15/06/09"),
    ("ddd dddd", "Mon Monday"),
    ("MMM MMMM", "Jun June"),
    ("hh:mm tt", "01:45 PM"),
    ("h:m:s t", "1:45:30 P"),
    ("%H", "13"),
    ("%d", "15"),
    ("%M", "6"),
    ("yyyyMMdd_HHmmss", "20090615_134530"),
    ("FFF", "617"),
    ("fffffff", "6170000"),
    ("FFFFFFF", "617"),
    ("'Date:' yyyy", "Date: 2009"),
    ("\\d\\a\\y d", "day 15"),
    ("y yy yyy yyyyy", "9 09 2009 02009"),
    ("MM/dd/yyyy HH:mm", "06/15/2009 13:45"),
    ("g", "6/15/2009 1:45 PM"),
]


@pytest.mark.parametrize("fmt,expected", DATES)
def test_dates(fmt, expected):
    assert format_value(D, fmt) == expected


def test_date_zones():
    utc = datetime(2009, 6, 15, 13, 45, 30, tzinfo=timezone.utc)
    assert format_value(utc, "o") == "2009-06-15T13:45:30.0000000Z"
    plus2 = datetime(2009, 6, 15, 13, 45, 30, tzinfo=timezone(timedelta(hours=2)))
    assert format_value(plus2, "o") == "2009-06-15T13:45:30.0000000+02:00"
    assert format_value(plus2, "zzz") == "+02:00" and format_value(plus2, "zz") == "+02"
    assert format_value(plus2, "u") == "2009-06-15 11:45:30Z"
    assert format_value(datetime(2009, 1, 1, 0, 5), "h tt") == "12 AM"


def test_bad_date_standard_format():
    with pytest.raises(DotNetFormatError):
        format_value(D, "Q")


SPANS = [
    (timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=500000), "c", "1.02:03:04.5000000"),
    (timedelta(hours=2, minutes=3, seconds=4), "c", "02:03:04"),
    (timedelta(minutes=-5), "c", "-00:05:00"),
    (timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=500000), "g", "1:2:03:04.5"),
    (timedelta(hours=2, minutes=3, seconds=4), "g", "2:03:04"),
    (timedelta(hours=2, minutes=3, seconds=4), "G", "0:02:03:04.0000000"),
    (timedelta(hours=2, minutes=3, seconds=4), "hh\\:mm\\:ss", "02:03:04"),
    (timedelta(days=3, hours=2), "d\\.hh", "3.02"),
    (timedelta(days=3, hours=2), "dd' days'", "03 days"),
    (timedelta(seconds=5, microseconds=120000), "ss\\.ff", "05.12"),
    (timedelta(seconds=5, microseconds=100000), "s\\.FF", "5.1"),
    (timedelta(minutes=90), "%m", "30"),
    (timedelta(0), "c", "00:00:00"),
]


@pytest.mark.parametrize("value,fmt,expected", SPANS)
def test_timespans(value, fmt, expected):
    assert format_value(value, fmt) == expected


def test_timespan_unescaped_colon_is_an_error():
    with pytest.raises(DotNetFormatError) as info:
        format_value(timedelta(hours=1), "hh:mm")
    assert info.value.message == "Input string was not in a correct format."


COMPOSITE = [
    ("{0} {1}", ["a", 1], "a 1"),
    ("{0,6:N1}|", [1234.5], "1,234.5|"),
    ("{0,8:N1}|", [1234.5], " 1,234.5|"),
    ("{0,-8:N1}|", [1234.5], "1,234.5 |"),
    ("{0, 4}", [7], "   7"),
    ("{0 ,-3}|", [7], "7  |"),
    ("{{{0}}}", [7], "{7}"),
    ("}}", [], "}"),
    ("{0:0.00}", [3.14159], "3.14"),
    ("{0:yyyy}", [D], "2009"),
    ("{0}", [D], "6/15/2009 1:45:30 PM"),
    ("{0}", [None], ""),
    ("{0}", [True], "True"),
    ("{0}", [1.5], "1.5"),
    ("{0}", [float("inf")], "∞"),
    ("{0:P0}", [0.25], "25%"),
    ("{0}{0}", ["x"], "xx"),
    ("{0:c}", [timedelta(minutes=1)], "00:01:00"),
    ("{0:hh\\:mm}", [timedelta(minutes=61)], "01:01"),
    ("plain", [], "plain"),
    ("{0}", "scalar", "scalar"),
    ("{0}", [[1, 2]], "1 2"),
]


@pytest.mark.parametrize("fmt,args,expected", COMPOSITE)
def test_composite(fmt, args, expected):
    assert format_string(fmt, args) == expected


# dotnet/runtime StringBuilder.AppendFormat: the offset is the parser position at the failure
COMPOSITE_ERRORS = [
    (
        "{1}",
        [1],
        "Index (zero based) must be greater than or equal to zero and less than the size of the argument list.",
    ),
    (
        "{0",
        [1],
        "Input string was not in a correct format. Failure to parse near offset 2. Format item ends prematurely.",
    ),
    ("{a}", [1], "Input string was not in a correct format. Failure to parse near offset 1. Expected an ASCII digit."),
    (
        "a}b",
        [1],
        "Input string was not in a correct format. Failure to parse near offset 2. Unexpected closing "
        "brace without a corresponding opening brace.",
    ),
    (
        "{0,x}",
        [1],
        "Input string was not in a correct format. Failure to parse near offset 3. Expected an ASCII digit.",
    ),
    (
        "{0:a{b}",
        [1],
        "Input string was not in a correct format. Failure to parse near offset 4. Format item ends prematurely.",
    ),
    (
        "{0 x}",
        [1],
        "Input string was not in a correct format. Failure to parse near offset 3. Format item ends prematurely.",
    ),
    ("{0:D}", [1.5], "Format specifier was invalid."),
]


@pytest.mark.parametrize("fmt,args,inner", COMPOSITE_ERRORS)
def test_composite_errors(fmt, args, inner):
    with pytest.raises(PSError) as info:
        format_string(fmt, args)
    assert info.value.message == f"Error formatting a string: {inner}."
    assert info.value.fully_qualified_error_id == "FormatError"
