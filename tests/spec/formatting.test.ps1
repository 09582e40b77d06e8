# Formatting cases: what Out-String / the console prints (render()).  Sources: PowerShell's own
# Pester tests (test/powershell/Modules/Microsoft.PowerShell.Utility/*.Tests.ps1), the
# FormatAndOutput sources they exercise, and the PowerShell-Docs reference pages named per case.

#### table: values wider than header, first column
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (implicit autosize)
[pscustomobject]@{abc="1234";bcd="123"},[pscustomobject]@{abc="1";bcd="1234"} | Format-Table
## STDOUT:

abc  bcd
---  ---
1234 123
1    1234

## END

#### table: values wider than header, both columns
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (implicit autosize)
[pscustomobject]@{abc="1234";bcd="1234"},[pscustomobject]@{abc="1";bcd="1"} | Format-Table
## STDOUT:

abc  bcd
---  ---
1234 1234
1    1

## END

#### table: values wider than header, second column
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (implicit autosize)
[pscustomobject]@{abc="123";bcd="1234"},[pscustomobject]@{abc="1";bcd="123"} | Format-Table
## STDOUT:

abc bcd
--- ---
123 1234
1   123

## END

#### table: header justification left/right
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
[PSCustomObject]@{a="abc";b=123} | Format-Table
## STDOUT:

a     b
-     -
abc 123

## END

#### table: header justification left/left
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
[PSCustomObject]@{a="abc";b="abc"} | Format-Table
## STDOUT:

a   b
-   -
abc abc

## END

#### table: header justification right/left
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
[PSCustomObject]@{a=123;b="abc"} | Format-Table
## STDOUT:

  a b
  - -
123 abc

## END

#### table: header justification right/right
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
[PSCustomObject]@{a=123;b=123} | Format-Table
## STDOUT:

  a   b
  -   -
123 123

## END

#### table: -Wrap multi-line cell on the right
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (rows wrapped)
[pscustomobject] @{A=1;B=2;Name="This`nIs some random`nmultiline content"} | Format-Table -Wrap
## STDOUT:

A B Name
- - ----
1 2 This
    Is some random
    multiline content

## END

#### table: -Wrap multi-line cell on the left
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (rows wrapped)
[pscustomobject] @{Name="This`nIs some random`nmultiline content";A=1;B=2} | Format-Table -Wrap
## STDOUT:

Name                                  A B
----                                  - -
This                                  1 2
Is some random
multiline content

## END

#### table: -Wrap multi-line cell in the middle
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (rows wrapped)
[pscustomobject] @{A=1;Name="This`nIs some random`nmultiline content";B=2} | Format-Table -Wrap
## STDOUT:

A Name                                  B
- ----                                  -
1 This                                  2
  Is some random
  multiline content

## END

#### table: calculated column with width and center alignment
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
[pscustomobject] @{ one = 1 } | Format-Table @{ l='one'; e='one'; width=10; alignment='center' }
## STDOUT:

   one
   ---
    1

## END

#### table: double byte wide chars
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
[pscustomobject]@{"哇" = "62"; "dbda" = "KM"; "消息" = "千"} | Format-Table
## STDOUT:

哇 dbda 消息
-- ---- ----
62 KM   千

## END

#### table: floats, doubles and decimals with the culture's two decimals
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1; MshObjectUtil.cs SmartToString formatFloat
[PSCustomObject]@{double=[double]1234.56789; float=[float]9876.543; decimal=[decimal]4567.123456789} | Format-Table
## STDOUT:

 double   float decimal
 ------   ----- -------
1234.57 9876.54 4567.12

## END

#### table: no trailing whitespace in rows with -HideTableHeaders
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
[pscustomobject]@{a=1;b=2} | Format-Table -HideTableHeaders
## STDOUT:

1 2

## END

#### table: string with -Property -Force shows only the header
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
"hello" | Format-Table -Property foo -Force
## STDOUT:

foo
---


## END

#### table: $null input prints nothing
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
$null | Format-Table -Property "foo","bar"
## STDOUT:
## END

#### table: empty hashtable prints nothing
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
@{} | Format-Table -Property "foo","bar"
## STDOUT:
## END

#### table: array cell stops at $FormatEnumerationLimit
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (with array)
$info = @{}; $info.array = 0..255; $info | Format-Table
## STDOUT:

Name                           Value
----                           -----
array                          {0, 1, 2, 3…}

## END

#### table: $FormatEnumerationLimit = -1 shows all
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
$FormatEnumerationLimit = -1; Format-Table -InputObject @{'test'= 1, 2}
## STDOUT:

Name                           Value
----                           -----
test                           {1, 2}

## END

#### table: $FormatEnumerationLimit = 1
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
$FormatEnumerationLimit = 1; Format-Table -InputObject @{'test'= 1, 2}
## STDOUT:

Name                           Value
----                           -----
test                           {1…}

## END

#### table: -AutoSize
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (Autosize)
$IP1 = [PSCustomObject]@{'name'='Bob';'size'=1234;'booleanValue'=$true;}
$IP2 = [PSCustomObject]@{'name'='Jim';'size'=5678;'booleanValue'=$false;}
$IP1, $IP2 | Format-Table -AutoSize
## STDOUT:

name size booleanValue
---- ---- ------------
Bob  1234         True
Jim  5678        False

## END

#### table: -ExcludeProperty
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (ExcludeProperty)
[pscustomobject]@{ Name = 'Test'; Age = 30; City = 'Seattle' } | Format-Table -ExcludeProperty Age
## STDOUT:

Name City
---- ----
Test Seattle

## END

#### table: -ExcludeProperty with a wildcard
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (ExcludeProperty)
[pscustomobject]@{ Prop1 = 1; Prop2 = 2; Other = 3 } | Format-Table -ExcludeProperty Prop*
## STDOUT:

Other
-----
    3

## END

#### table: -Property with -ExcludeProperty
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (ExcludeProperty)
[pscustomobject]@{ Name = 'Test'; Age = 30; City = 'Seattle'; Country = 'USA' } | Format-Table -Property Name, Age, City, Country -ExcludeProperty Age
## STDOUT:

Name City    Country
---- ----    -------
Test Seattle USA

## END

#### table: -Expand EnumOnly shows the collection
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 (Expand Enumerable)
$objs = New-Object System.Collections.ArrayList
$null = $objs.Add(("x 0","y 0")); $null = $objs.Add(("x 1","y 1"))
[PSCustomObject]@{name = "this is name";sub = $objs} | Format-Table -Expand EnumOnly
## STDOUT:

name         sub
----         ---
this is name {x 0 y 0, x 1 y 1}

## END

#### list: double byte wide chars
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-List.Tests.ps1
[pscustomobject]@{"哇" = "62"; "dbda" = "KM"; "消息" = "千"} | Format-List
## STDOUT:

哇   : 62
dbda : KM
消息 : 千

## END

#### list: floats keep all their digits
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-List.Tests.ps1
[PSCustomObject]@{double=[double]1234.56789; float=[float]9876.543; decimal=[decimal]4567.123456789} | Format-List
## STDOUT:

double  : 1234.56789
float   : 9876.543
decimal : 4567.123456789

## END

#### list: hashtable entry with an array value
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-List.Tests.ps1 (with array)
$info = @{}; $info.array = 0..255; $info | Format-List
## STDOUT:

Name  : array
Value : {0, 1, 2, 3…}

## END

#### list: -ExcludeProperty
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-List.Tests.ps1 (ExcludeProperty)
[pscustomobject]@{ Name = 'Test'; Age = 30; City = 'Seattle' } | Format-List -ExcludeProperty Age
## STDOUT:

Name : Test
City : Seattle

## END

#### list: -Property selects and orders
# source: Format-List reference page; Format-List.Tests.ps1
[pscustomobject]@{ a = 1; b = 2; c = 3 } | Format-List -Property c, a
## STDOUT:

c : 3
a : 1

## END

#### wide: strings
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Wide.Tests.ps1
"Line1", "Line2" | Format-Wide
## STDOUT:
Line1
Line2
## END

#### wide: -Column 3
# source: Format-Wide reference page (-Column)
1..7 | Format-Wide -Column 3
## STDOUT:
1
2
3
4
5
6
7
## END

#### Out-String: accumulates strings
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Out-String.Tests.ps1
"a", " b" | Out-String
## STDOUT:
a
 b

## END

#### Out-String -NoNewline
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Out-String.Tests.ps1
"a", "b" | Out-String -NoNewline
## STDOUT:
ab
## END

#### Out-String -Stream: one string per line
# source: Out-String reference page; Out-String.Tests.ps1
[pscustomobject]@{a=1} | Format-Table | Out-String -Stream | ForEach-Object { "[$_]" }
## STDOUT:
[]
[a]
[-]
[1]
[]
## END

#### wide: -ExcludeProperty shows the first remaining property
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Wide.Tests.ps1 (ExcludeProperty)
[pscustomobject]@{ Name = 'Test'; Age = 30; City = 'Seattle' } | Format-Wide -ExcludeProperty Name
## STDOUT:

30                                                           

## END

#### default: a DateTime shows its long date and time (en-US)
# source: DotNetTypes.format.ps1xml DateTime view; types.ps1xml DateTime ScriptProperty (ToLongDateString + ToLongTimeString)
Get-Date -Year 2026 -Month 11 -Day 26 -Hour 2 -Minute 30 -Second 43
## STDOUT:

Thursday, November 26, 2026 2:30:43 AM

## END

#### table: a DateTime cell is its en-US ToString()
# source: MshObjectUtil.cs SmartToString (PSObject.ToString under the current culture)
[pscustomobject]@{Date=[datetime]'2015-05-22'; N=1}
## STDOUT:

Date                  N
----                  -
5/22/2015 12:00:00 AM 1

## END

#### list: a DateTime value is its en-US ToString()
# source: MshObjectUtil.cs SmartToString (PSObject.ToString under the current culture)
[pscustomobject]@{Date=[datetime]'2015-05-22 14:05:09'} | Format-List
## STDOUT:

Date : 5/22/2015 2:05:09 PM

## END

#### table: a hashtable cell lists its entries as [key, value]
# source: MshObjectUtil.cs GetObjectName; DictionaryEntry.ToString() = KeyValuePair.PairToString
[pscustomobject]@{a=1; h=@{x=1}}
## STDOUT:

a h
- -
1 {[x, 1]}

## END

#### default: a hashtable is a Name/Value table
# source: about_Hash_Tables (Displaying hashtables)
[ordered]@{Number = 1; Shape = "Square"; Color = "Blue"}
## STDOUT:

Name                           Value
----                           -----
Number                         1
Shape                          Square
Color                          Blue

## END

#### default: scalars print one per line
# source: about_Format.ps1xml; FormatViewManager.cs DefaultScalarTypes
1; "a"; 2.5; $true
## STDOUT:
1
a
2.5
True
## END

#### default: an array of scalars prints one per line
# source: about_Arrays
$a = 22,5,10,8,12,9,80; $a
## STDOUT:
22
5
10
8
12
9
80
## END

#### default: four properties make a table, five a list
# source: about_Format.ps1xml; displayDescriptionData.cs PropertyCountForTable
[pscustomobject]@{a=1;b=2;c=3;d=4}
[pscustomobject]@{a=1;b=2;c=3;d=4;e=5}
## STDOUT:

a b c d
- - - -
1 2 3 4
1 2 3 4

## END

#### default: $null and booleans in table cells
# source: FormatViewGenerator_Table.cs ComputeDefaultAlignment; MshObjectUtil.cs SmartToString
[pscustomobject]@{Name='x'; Flag=$true; Missing=$null}
## STDOUT:

Name Flag Missing
---- ---- -------
x    True 

## END

#### default: a double in a table cell keeps two decimals
# source: MshObjectUtil.cs SmartToString formatFloat
[pscustomobject]@{Name='pi'; Value=[math]::PI}
## STDOUT:

Name Value
---- -----
pi    3.14

## END

#### table: a long cell is cut with an ellipsis at width 120
# source: TableWriter.cs GenerateRowField; BaseOutputtingCommand.cs default width 120
[pscustomobject]@{a='x'; b='y' * 130}
## STDOUT:

a b
- -
x yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…

## END

#### Format-Table -Property with a calculated label
# source: Format-Table reference page, Example 5 (calculated properties)
[pscustomobject]@{Name='a'; Length=1234} | Format-Table Name, @{Name='KB'; Expression={$_.Length / 1KB}}
## STDOUT:

Name   KB
----   --
a    1.21

## END

#### Write-Host: a colour number out of range fails to bind
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Write-Host.Tests.ps1 (wrong colors: CannotConvertArgumentNoMessage)
Write-Host "No output from Write-Host" -ForegroundColor 16 -BackgroundColor Red
## ERRORS: Cannot bind parameter 'ForegroundColor'. Cannot convert the "16" value of type "System.Int32" to type "System.ConsoleColor".

#### Write-Host: a negative background colour fails to bind
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Write-Host.Tests.ps1 (wrong colors: CannotConvertArgumentNoMessage)
Write-Host "No output from Write-Host" -ForegroundColor Red -BackgroundColor -1
## ERRORS: Cannot bind parameter 'BackgroundColor'. Cannot convert the "-1" value of type "System.Int32" to type "System.ConsoleColor".

#### Write-Host is not output
# source: Write-Host reference page (writes to the host, not the pipeline)
Write-Host "hi"; "out"
## RESULT: ["out"]

#### table: -DisplayError shows #ERR for a failing expression
# source: Format-Table reference page, Example 8 (Troubleshooting format errors)
[pscustomobject]@{DayOfWeek='Wednesday'} | Format-Table DayOfWeek, { $_ / $null } -DisplayError
## STDOUT:

DayOfWeek  $_ / $null 
--------- ------------
Wednesday #ERR

## END

#### list: -DisplayError shows #ERR for a failing expression
# source: Format-List reference page, Example 5 (Troubleshooting format errors)
[pscustomobject]@{DayOfWeek='Friday'} | Format-List DayOfWeek, { $_ / $null } -DisplayError
## STDOUT:

DayOfWeek    : Friday
 $_ / $null  : #ERR

## END

#### table: a failing expression is an empty cell
# source: Format-Table reference page, Example 8; FormatErrorManager (errors hidden unless -ShowError)
[pscustomobject]@{DayOfWeek='Wednesday'} | Format-Table DayOfWeek, { $_ / $null }
## STDOUT:

DayOfWeek  $_ / $null 
--------- ------------
Wednesday 

## END

#### Out-String -Width: a list value wraps at word boundaries under its label
# source: Out-String reference page, Example 1 (OptionalCalendars)
$c = [pscustomobject]@{Name='en-US'; ThreeLetterWindowsLanguageName='ENU'; OptionalCalendars=@('System.Globalization.GregorianCalendar','System.Globalization.GregorianCalendar'); UseUserOverride=$true; IsReadOnly=$false}
Out-String -InputObject $c -Width 100 -Stream | ForEach-Object { $_.TrimEnd() }
## STDOUT:

Name                           : en-US
ThreeLetterWindowsLanguageName : ENU
OptionalCalendars              : {System.Globalization.GregorianCalendar,
                                 System.Globalization.GregorianCalendar}
UseUserOverride                : True
IsReadOnly                     : False

## END

#### Out-String: a hashtable value is cut at width 120
# source: Out-String reference page, Example 3
@{TestKey = ('x' * 200)} | Out-String -Stream | ForEach-Object { $_.Length }
## STDOUT:
0
36
36
120
0
## END

#### Out-String -Width 250 keeps the long value
# source: Out-String reference page, Example 3
@{TestKey = ('x' * 200)} | Out-String -Width 250 -Stream | ForEach-Object { $_.Length }
## STDOUT:
0
36
36
231
0
## END

#### wide: -DisplayError shows #ERR
# source: Format-Wide reference page, Example 3 (Troubleshooting format errors)
[datetime]'2018-12-21' | Format-Wide { $_ / $null } -DisplayError
## STDOUT:

#ERR                                                         

## END

#### Write-Output -NoEnumerate passes the array as one object
# source: Write-Output reference page, Example 3
Write-Output 1,2,3 -NoEnumerate | Measure-Object | Format-List Count
## STDOUT:

Count : 1

## END

#### Write-Output enumerates the array
# source: Write-Output reference page, Example 3
Write-Output 1,2,3 | Measure-Object | Format-List Count
## STDOUT:

Count : 3

## END

#### table: a Char column is right-aligned like other non-string scalars
# source: FormatViewGenerator_Table.cs ComputeDefaultAlignment; FormatViewManager.cs DefaultScalarTypes (System.Char)
[pscustomobject]@{chars=[char]'x'; name='y'}
## STDOUT:

chars name
----- ----
    x y

## END

#### table: an enum column is right-aligned
# source: FormatViewGenerator_Table.cs ComputeDefaultAlignment (PSObjectIsEnum)
[pscustomobject]@{Day=[System.DayOfWeek]::Monday; Name='x'}
## STDOUT:

   Day Name
   --- ----
Monday x

## END

#### default: scalars between table rows print in place
# source: BaseFormattingCommand.cs ProcessOutOfBandObjectInsideDocumentSequence
1, [pscustomobject]@{a=1}, "x", [pscustomobject]@{a=2}
## STDOUT:
1

a
-
1
x
2

## END

#### default: a second object type shares the first table's columns
# source: BaseFormattingCommand.cs (the view is chosen by the first object)
[pscustomobject]@{a=1}, [pscustomobject]@{b=2}
## STDOUT:

a
-
1
 

## END

#### default: a PSCustomObject in a cell is its @{...} string, values in en-US
# source: MshObject.cs ToStringEmptyBaseObject; MshObjectUtil.cs SmartToString
[pscustomobject]@{a=[pscustomobject]@{d=[datetime]'2020-01-01'; e=@(1,2); f=$null}}
## STDOUT:

a
-
@{d=1/1/2020 12:00:00 AM; e=System.Object[]; f=}

## END

#### default: an object without properties prints an empty line
# source: MshObject.cs ToStringEmptyBaseObject (no properties: empty string); FormatViewManager.cs GenerateOutOfBandObjectAsToString
[pscustomobject]@{}
## STDOUT:

## END

#### default: infinity prints with the en-US symbol
# source: .NET Double.ToString() under en-US (NumberFormatInfo.PositiveInfinitySymbol)
[double]::PositiveInfinity; [double]::NegativeInfinity
## STDOUT:
∞
-∞
## END

#### default: an array in a cell shows $null elements
# source: MshObjectUtil.cs GetObjectName ($null for null elements)
[pscustomobject]@{c=@(1,'x',$null)}
## STDOUT:

c
-
{1, x, $null}

## END

#### Format-List -Property $null fails validation
# source: engine/Formatting/BugFix.Tests.ps1 (ParameterArgumentValidationError); BaseFormattingCommand.cs [ValidateNotNullOrEmpty] Property
[pscustomobject]@{a=1} | Format-List -Property $null
## ERRORS: Cannot validate argument on parameter 'Property'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.

#### Format-Table -Property $null fails validation
# source: engine/Formatting/BugFix.Tests.ps1 (ParameterArgumentValidationError); BaseFormattingCommand.cs [ValidateNotNullOrEmpty] Property
[pscustomobject]@{a=1} | Format-Table -Property $null
## ERRORS: Cannot validate argument on parameter 'Property'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.

#### default: a Version is a Major/Minor/Build/Revision table
# source: New-Object reference page, Example 1; DotNetTypes.format.ps1xml System.Version view (widths 6,6,6,8)
New-Object -TypeName System.Version -ArgumentList "1.2.3.4"
## STDOUT:

Major  Minor  Build  Revision
-----  -----  -----  --------
1      2      3      4

## END

#### default: a TimeSpan is its list view
# source: DotNetTypes.format.ps1xml System.TimeSpan list view; New-TimeSpan reference page (property order)
[timespan]'1.02:03:04.5'
## STDOUT:

Days              : 1
Hours             : 2
Minutes           : 3
Seconds           : 4
Milliseconds      : 500
Ticks             : 937845000000
TotalDays         : 1.08546875
TotalHours        : 26.05125
TotalMinutes      : 1563.075
TotalSeconds      : 93784.5
TotalMilliseconds : 93784500

## END

#### Format-Table: a TimeSpan's table view
# source: DotNetTypes.format.ps1xml System.TimeSpan table view
[timespan]'1.02:03:04.5' | Format-Table
## STDOUT:

Days Hours Minutes Seconds Milliseconds
---- ----- ------- ------- ------------
1    2     3       4       500

## END

#### default: a Measure-Object result lists all its properties
# source: about_Calculated_Properties (Measure-Object -Property {...} -Sum output)
1..10 | Measure-Object -Property {($_ % 3) -eq 0} -Sum
## STDOUT:

Count             : 10
Average           : 
Sum               : 3
Maximum           : 
Minimum           : 
StandardDeviation : 
Property          : ($_ % 3) -eq 0

## END

#### default: a variable object is a Name/Value table
# source: PowerShellCore.format.ps1xml PSVariable view (Name width 30, Value)
$abc = 5; Get-Variable abc
## STDOUT:

Name                           Value
----                           -----
abc                            5

## END

#### default: a script block prints its text
# source: PowerShellCore.format.ps1xml ScriptBlock view (out of band, $_)
"a"; { 1 + 1 }; "b"
## STDOUT:
a
 1 + 1 
b
## END

#### default: a merged warning record prints its message
# source: PowerShellCore.format.ps1xml WarningRecord view (Message); Out-String writes plain lines
Write-Warning "careful" 3>&1
## STDOUT:
careful
## END

#### default: a merged information record prints its message data
# source: PowerShellCore.format.ps1xml InformationRecord view ($_.ToString())
Write-Information "note" 6>&1
## STDOUT:
note
## END

#### table: a FormatString column keeps the alignment of its unformatted value
# source: Format-Table reference page (calculated properties, FormatString); FormatViewGenerator_Table.cs ComputeDefaultAlignment
[pscustomobject]@{Length=123456} | Format-Table @{Name="Size (KB)"; Expression={$_.Length / 1KB}; FormatString="N1"}
## STDOUT:

Size (KB)
---------
    120.6

## END

#### Out-String: -NoNewline and -Stream cannot be used together
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Out-String.Tests.ps1 (AmbiguousParameterSet)
"a", "b" | Out-String -NoNewLine -Stream
## ERRORS: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.

#### Out-String -NoNewline keeps embedded newlines
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Out-String.Tests.ps1
"a`n", "b" | Out-String -NoNewline | ForEach-Object { $_.Replace("`n", '|') }
## RESULT: ["a|b"]

#### Out-String -Stream keeps a multi-line string whole
# source: Out-String reference page (-Stream: "The only exception to this are multiline strings")
"a`nb" | Out-String -Stream | ForEach-Object { "[$_]" }
## RESULT: ["[a\nb]"]

#### Out-String honours $FormatEnumerationLimit
# source: about_Preference_Variables ($FormatEnumerationLimit); Format-Table.Tests.ps1 (enumeration limit cases)
$FormatEnumerationLimit = 1; [pscustomobject]@{a=1,2,3} | Out-String -Stream
## STDOUT:

a
-
{1…}

## END

#### Out-String: $FormatEnumerationLimit = -1 in a function's scope shows everything
# source: about_Preference_Variables ($FormatEnumerationLimit)
function f { $FormatEnumerationLimit = -1; @{a=1..10} | Out-String -Stream }; f
## STDOUT:

Name                           Value
----                           -----
a                              {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}

## END

#### error view: Write-Error at the top level names the activity
# source: engine/Formatting/ErrorView.Tests.ps1 ('Activity shows up correctly for scriptblocks')
Write-Error 'myError' -ErrorAction SilentlyContinue; $error[0] | Out-String -Stream
## STDOUT:
Write-Error: myError
## END

#### error view: Write-Error inside a function names the function
# source: engine/Formatting/ErrorView.Tests.ps1 ('Function shows up correctly')
function test-myerror { [cmdletbinding()] param() write-error "myError" }; test-myerror -ErrorAction SilentlyContinue; $error[0] | Out-String -Stream
## STDOUT:
test-myerror: myError
## END

#### default: a Guid is a one-column table
# source: DotNetTypes.format.ps1xml System.Guid view
[guid]'d3f5c9a2-1b2c-4d5e-8f90-123456789abc'
## STDOUT:

Guid
----
d3f5c9a2-1b2c-4d5e-8f90-123456789abc

## END

#### Out-File -Width cuts table cells
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Out-File.Tests.ps1 (width switch on objects)
$inObject = New-Object psobject -Property @{text="some test text"}
Out-File -FilePath outfileTest.txt -Width 10 -InputObject $inObject
Get-Content outfileTest.txt
## RESULT: ["", "text", "----", "some test\u2026", ""]

#### Out-File -Append adds a second table
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Out-File.Tests.ps1 (append switch)
$inObject = New-Object psobject -Property @{text="some test text"}
Out-File -FilePath outfileTest.txt -InputObject $inObject
Out-File -FilePath outfileTest.txt -InputObject $inObject -Append
Get-Content outfileTest.txt
## RESULT: ["", "text", "----", "some test text", "", "", "text", "----", "some test text", ""]

#### Out-File -NoClobber refuses an existing file
# source: test/powershell/Modules/Microsoft.PowerShell.Utility/Out-File.Tests.ps1 (noclobber switch: "already exists.")
'x' | Out-File -FilePath t.txt
try { 'y' | Out-File -FilePath t.txt -NoClobber -ErrorAction Stop } catch { $_.Exception.Message -replace "'.*[/\\]", "'" }
Get-Content t.txt
## RESULT: ["The file 't.txt' already exists.", "x"]

