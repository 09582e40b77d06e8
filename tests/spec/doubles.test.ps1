# How PowerShell 7 turns a [double] into text.  Its own conversions -- "$x", [string]$x,
# -join, console output, Format-List -- use 15 significant digits: LanguagePrimitives.DoublePrecision
# = "G15" (PowerShell/PowerShell src/System.Management.Automation/engine/LanguagePrimitives.cs,
# used by ConvertNumericToString and by PSObject.ToString in engine/MshObject.cs), kept by
# https://github.com/PowerShell/PowerShell/pull/9893 when .NET Core 3.0 made Double.ToString()
# the shortest round-trip text.  .NET's own formatting ($x.ToString(), -f '{0}') is the shortest
# round-trip.  Format-Table cells use "F" (FormatAndOutput/common/Utilities/MshObjectUtil.cs).
# Not modelled: [float] ([single]) uses "G7" (LanguagePrimitives.SinglePrecision); pscompat
# keeps a [float] as a double.

#### 1/3 at the console: 15 significant digits
# source: MshObject.cs PSObject.ToString -> dbl.ToString(LanguagePrimitives.DoublePrecision = "G15"); issue #12259 shows "$y" of 1/3 as 0.333333333333333
1/3
## STDOUT:
0.333333333333333
## END

#### 0.1+0.2 shows as 0.3, not .NET's 0.30000000000000004
# source: PR #9893 (issue #9779: 7.0.0-preview1 printed 1.6999999999999997 before it)
0.1 + 0.2
## STDOUT:
0.3
## END

#### a subtraction keeps 15 digits of its rounding error
# source: issue #15789 (PowerShell 7.2.0-preview.6 prints 1.10000000000036)
11111.11 - 11110.01
## STDOUT:
1.10000000000036
## END

#### [math]::PI
# source: LanguagePrimitives.DoublePrecision = "G15"
[math]::PI
## STDOUT:
3.14159265358979
## END

#### integer-valued doubles have no decimal point
# source: .NET 'G' format (standard-numeric-format-strings: trailing zeros removed)
2.0
[double]42
-2.0
## STDOUT:
2
42
-2
## END

#### negative numbers
# source: .NET 'G15'
-1/3
-2.5
## STDOUT:
-0.333333333333333
-2.5
## END

#### exponent form from 1E+15: 'E', a sign and at least two digits
# source: standard-numeric-format-strings, "General format specifier": fixed-point while the exponent is > -5 and < the precision (15), else 'E+dd'
1e14
1e15
1e20
[double]123456789012345678
[double]9007199254740993
## STDOUT:
100000000000000
1E+15
1E+20
1.23456789012346E+17
9.00719925474099E+15
## END

#### exponent form below 1E-04
# source: standard-numeric-format-strings, "General format specifier" (exponent -5 and below: scientific)
0.0001
0.00001
1e-5
-1.5e-7
## STDOUT:
0.0001
1E-05
1E-05
-1.5E-07
## END

#### the extremes
# source: G15 of the exact values; the texts .NET Framework's docs give for Double.Epsilon and Double.MaxValue
[double]::Epsilon
[double]::MaxValue
-[double]::MaxValue
1e-310
## STDOUT:
4.94065645841247E-324
1.79769313486232E+308
-1.79769313486232E+308
9.99999999999997E-311
## END

#### NaN and infinities in a string are invariant: NaN, Infinity, -Infinity
# source: LanguagePrimitives.ConvertNumericToString (CultureInfo.InvariantCulture.NumberFormat)
"$([double]::NaN) $([double]::PositiveInfinity) $([double]::NegativeInfinity)"
[string][double]::NegativeInfinity
[double]::NaN
## STDOUT:
NaN Infinity -Infinity
-Infinity
NaN
## END

#### negative zero keeps its sign
# source: .NET Core 3.0+ formats -0.0 as '-0' (devblogs.microsoft.com/dotnet/floating-point-parsing-and-formatting-improvements-in-net-core-3-0)
-1 / [double]::PositiveInfinity
"$(-1 / [double]::PositiveInfinity)"
## STDOUT:
-0
-0
## END

#### string interpolation
# source: MshObject.cs PSObject.ToString (G15); issue #12259 ("y=$y" of 1/3 is y=0.333333333333333)
$y = 1/3
"y=$y"
"sum=$(0.1 + 0.2)"
## STDOUT:
y=0.333333333333333
sum=0.3
## END

#### [string] cast and string concatenation
# source: LanguagePrimitives.cs ConvertNumericToString: dbl.ToString(DoublePrecision, InvariantCulture)
[string](0.1 + 0.2)
'a' + (0.1 + 0.2)
[string][math]::PI
## STDOUT:
0.3
a0.3
3.14159265358979
## END

#### -join and a string left operand of -eq convert with 15 digits
# source: LanguagePrimitives.ConvertTo(string) -> ConvertNumericToString (G15)
(0.1 + 0.2), (1/3) -join ', '
'0.3' -eq (0.1 + 0.2)
(0.1 + 0.2) -eq '0.3'
## STDOUT:
0.3, 0.333333333333333
True
False
## END

#### .ToString() is .NET's own Double.ToString(): shortest round-trip
# source: .NET Core 3.0+ Double.ToString() (PR #9893 changed only PowerShell's conversions)
(0.1 + 0.2).ToString()
[math]::PI.ToString()
(2.0).ToString()
## STDOUT:
0.30000000000000004
3.141592653589793
2
## END

#### .ToString('R') and .ToString('G17') give more digits
# source: standard-numeric-format-strings ("R" round-trip; G17)
(0.1 + 0.2).ToString('R')
(0.1 + 0.2).ToString('G17')
(1/3).ToString('G17')
(0.1 + 0.2).ToString('G15')
## STDOUT:
0.30000000000000004
0.30000000000000004
0.33333333333333331
0.3
## END

#### -f '{0}' formats the double itself: shortest round-trip
# source: StringOps.FormatOperator -> StringUtil.Format -> string.Format(CultureInfo.CurrentCulture, ...) calls Double.ToString(null, provider)
'{0}' -f (0.1 + 0.2)
'{0}' -f (1/3)
'{0:G15}' -f (0.1 + 0.2)
## STDOUT:
0.30000000000000004
0.3333333333333333
0.3
## END

#### Format-List shows 15 digits
# source: MshObjectUtil.cs SmartToString -> PSObject.ToString (G15)
[pscustomobject]@{a = 1/3; b = 1e20; c = 0.1 + 0.2} | Format-List
## STDOUT:

a : 0.333333333333333
b : 1E+20
c : 0.3

## END

#### Format-Table cells show two decimals
# source: MshObjectUtil.cs SmartToString (formatFloat: dbl.ToString("F"))
[pscustomobject]@{a = 1/3; b = -2.0} | Format-Table
## STDOUT:

   a     b
   -     -
0.33 -2.00

## END

#### decimals are unaffected: all their digits, their scale kept
# source: Decimal.ToString() (no precision rule for [decimal] in LanguagePrimitives)
0.1d + 0.2d
1.23456789012345678d
[decimal]'1.50'
"$(1.23456789012345678d)"
## STDOUT:
0.3
1.23456789012345678
1.50
1.23456789012345678
## END
