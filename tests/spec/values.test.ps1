# Values, operators, conversions.  Sources: PowerShell-Docs reference/7.5 about_* pages and
# PowerShell's own Pester tests (named per case).

#### -like wildcard
# source: about_Comparison_Operators (-like and -notlike)
'PowerShell' -like '*shell'
## RESULT: [true]

#### -clike is case-sensitive
# source: about_Comparison_Operators
'PowerShell' -clike 'p*'
## RESULT: [false]

#### -ne filters a collection
# source: about_Comparison_Operators ("When the input is a collection")
'a','b','c' -ne 'b'
## RESULT: ["a", "c"]

#### -eq on a collection returns the matches
# source: about_Comparison_Operators
1,2,3,2 -eq 2
## RESULT: [2, 2]

#### -contains
# source: about_Comparison_Operators (Containment operators)
'abc', 'def' -contains 'def'
## RESULT: [true]

#### -in
# source: about_Comparison_Operators
'def' -in 'abc', 'def'
## RESULT: [true]

#### -notcontains
# source: about_Comparison_Operators
1,2,3 -notcontains 4
## RESULT: [true]

#### -match sets $Matches
# source: about_Comparison_Operators (-match and -notmatch)
'abc' -match 'b(c)'; $Matches[0]; $Matches[1]
## RESULT: [true, "bc", "c"]

#### -match on a collection filters
# source: about_Comparison_Operators
'apple','banana','cherry' -match 'an'
## RESULT: ["banana"]

#### named captures
# source: about_Regular_Expressions (Named captures)
'The last logged on user was CONTOSO\jsmith' -match '(?<domain>.+)\\(?<user>.+)' | Out-Null; $Matches.user
## RESULT: ["jsmith"]

#### $null on the left of -eq
# source: about_Comparison_Operators ("$null should be on the left")
$null -eq @()
## RESULT: [false]

#### -eq $null filters nulls out of a collection
# source: about_Comparison_Operators
(1, $null, 2 -eq $null).Count
## RESULT: [1]

#### string comparison is case-insensitive
# source: about_Comparison_Operators
'abc' -eq 'ABC'
## RESULT: [true]

#### -ceq is case-sensitive
# source: about_Comparison_Operators
'abc' -ceq 'ABC'
## RESULT: [false]

#### right operand converted to the left's type
# source: about_Comparison_Operators
1 -eq '1.0'
## RESULT: [true]

#### string left compares as strings
# source: about_Comparison_Operators
'1.0' -eq 1
## RESULT: [false]

#### -gt on strings
# source: about_Comparison_Operators
'b' -gt 'a'
## RESULT: [true]

#### -split on a delimiter
# source: about_Split
'a,b,c' -split ','
## RESULT: ["a", "b", "c"]

#### -split with max substrings
# source: about_Split (Max-substrings)
'a,b,c' -split ',', 2
## RESULT: ["a", "b,c"]

#### unary -split on whitespace
# source: about_Split (Unary split)
-split ' a b  c '
## RESULT: ["a", "b", "c"]

#### -split keeps captured delimiters
# source: about_Split ("include the delimiter in parentheses")
'a1b2c3' -split '(\d)'
## RESULT: ["a", "1", "b", "2", "c", "3", ""]

#### -split with a scriptblock
# source: about_Split (ScriptBlock)
'Mercury,Venus,Earth' -split {$_ -eq 'e'}
## RESULT: ["M", "rcury,V", "nus,", "arth"]

#### -split SimpleMatch
# source: about_Split (SimpleMatch)
'a.b' -split '.', 0, 'simplematch'
## RESULT: ["a", "b"]

#### -split empty string
# source: about_Split
'abc' -split ''
## RESULT: ["", "a", "b", "c", ""]

#### binary -join
# source: about_Join
(1,2,3) -join ','
## RESULT: ["1,2,3"]

#### unary -join
# source: about_Join
-join ('a','b','c')
## RESULT: ["abc"]

#### -replace
# source: about_Comparison_Operators (Replacement operator)
'Hello' -replace 'l','L'
## RESULT: ["HeLLo"]

#### -replace with capture groups
# source: about_Comparison_Operators (Substitutions in regular expressions)
'John Doe' -replace '(\w+) (\w+)', '$2, $1'
## RESULT: ["Doe, John"]

#### -replace without a replacement deletes
# source: about_Comparison_Operators
'abc' -replace 'b'
## RESULT: ["ac"]

#### -replace with a scriptblock
# source: about_Comparison_Operators (ScriptBlock substitutions)
'a1b2' -replace '\d', {[int]$_.Value * 2}
## RESULT: ["a2b4"]

#### -creplace
# source: about_Comparison_Operators
'Hello' -creplace 'h','J'
## RESULT: ["Hello"]

#### format operator N2
# source: about_Operators (Format operator -f)
'{0:N2}' -f 1234.5
## RESULT: ["1,234.50"]

#### format alignment
# source: .NET composite formatting (alignment component)
'{0,-5}|{1,5}' -f 'a','b'
## RESULT: ["a    |    b"]

#### format hex
# source: .NET standard numeric format strings (X)
'{0:x}' -f 255; '{0:X4}' -f 255
## RESULT: ["ff", "00FF"]

#### format percent
# source: .NET standard numeric format strings (P)
'{0:P1}' -f 0.125
## RESULT: ["12.5%"]

#### format custom
# source: .NET custom numeric format strings
'{0:0.00}' -f 3.14159; '{0:#,#}' -f 1234567
## RESULT: ["3.14", "1,234,567"]

#### format D5
# source: .NET standard numeric format strings (D)
'{0:D5}' -f 42
## RESULT: ["00042"]

#### escaped braces
# source: about_Operators (Format operator)
'{{0}}' -f 1
## RESULT: ["{0}"]

#### format with several values
# source: about_Operators (Format operator -f)
'{0} {1,-10} {2:N}' -f 1,'hello',[math]::pi
## RESULT: ["1 hello      3.14"]

#### Round is banker's rounding
# source: about_Arithmetic_Operators; System.Math.Round
[math]::Round(2.5); [math]::Round(3.5)
## RESULT: [2.0, 4.0]

#### cast to int rounds half to even
# source: about_Arithmetic_Operators ("rounds to the nearest integer")
[int]2.5; [int]3.5; [int]-2.5
## RESULT: [2, 4, -2]

#### division gives a double when needed
# source: about_Arithmetic_Operators
5/2
## RESULT: [2.5]

#### exact division stays an integer
# source: about_Arithmetic_Operators
(6/2).GetType().Name
## RESULT: ["Int32"]

#### remainder keeps the dividend's sign
# source: about_Arithmetic_Operators
7 % 3; -7 % 3
## RESULT: [1, -1]

#### int overflow becomes double
# source: about_Arithmetic_Operators (type widening)
([int]::MaxValue + 1).GetType().Name
## RESULT: ["Double"]

#### string times int repeats
# source: about_Arithmetic_Operators
'ab' * 3
## RESULT: ["ababab"]

#### array times int repeats
# source: about_Arithmetic_Operators
1,2 * 2
## RESULT: [1, 2, 1, 2]

#### array plus element
# source: about_Arithmetic_Operators
@(1,2) + 3
## RESULT: [1, 2, 3]

#### left operand decides: string
# source: about_Arithmetic_Operators
'5' + 5
## RESULT: ["55"]

#### left operand decides: number
# source: about_Arithmetic_Operators
5 + '5'
## RESULT: [10]

#### subtraction converts strings
# source: about_Arithmetic_Operators
'10' - 2
## RESULT: [8]

#### hashtable addition
# source: about_Arithmetic_Operators (Adding hashtables)
$h = @{a=1} + @{b=2}; $h.Count
## RESULT: [2]

#### hashtable addition with a duplicate key fails
# source: about_Arithmetic_Operators
$x = @{a=1} + @{a=2}
## ERRORS: Item has already been added. Key in dictionary: 'a'  Key being added: 'a'

#### bitwise operators
# source: about_Arithmetic_Operators (Bitwise operators)
5 -band 3; 5 -bor 3; 5 -bxor 3; -bnot 5
## RESULT: [1, 7, 6, -6]

#### shifts
# source: about_Arithmetic_Operators
1 -shl 4; -16 -shr 2
## RESULT: [16, -4]

#### logical operators
# source: about_Logical_Operators
-not $true; !0; $true -xor $true; (1 -eq 1) -and (2 -eq 2); $false -or $true
## RESULT: [false, true, false, true, true]

#### -is / -isnot
# source: about_Type_Operators
'a' -is [string]; 1 -isnot [int]; 1 -is [ValueType]
## RESULT: [true, false, true]

#### -as
# source: about_Type_Operators
'1' -as [int]; $null -eq ('x' -as [int])
## RESULT: [1, true]

#### range operator
# source: about_Operators (Range operator)
1..5; 5..3
## RESULT: [1, 2, 3, 4, 5, 5, 4, 3]

#### character range
# source: about_Operators (Range operator)
'a'..'e'
## RESULT: ["a", "b", "c", "d", "e"]

#### index with a range and a negative index
# source: about_Arrays
$a = 1,2,3,4,5; $a[1..3]; $a[-1]
## RESULT: [2, 3, 4, 5]

#### null-coalescing operators
# source: about_Operators (Null-coalescing operator ??)
$null ?? 'default'; $x = $null; $x ??= 5; $x
## RESULT: ["default", 5]

#### ternary operator
# source: about_Operators (Ternary operator)
$true ? 'y' : 'n'
## RESULT: ["y"]

#### [switch] is a SwitchParameter that acts as a bool
# source: about_Functions_Advanced_Parameters (Switch parameters); SwitchParameter docs
$s = [switch]$true; $s.IsPresent; $s.GetType().Name; [bool]$s; -not $s; if ($s) {'yes'}
## RESULT: [true, "SwitchParameter", true, false, "yes"]

#### [switch]::Present
# source: System.Management.Automation.SwitchParameter.Present
([switch]::Present).IsPresent
## RESULT: [true]

#### a false switch
# source: SwitchParameter docs
$s = [switch]$false; $s.IsPresent; $s -eq $false; "$s"
## RESULT: [false, true, "False"]

#### type literal in a string uses its accelerator name
# source: ToStringCodeMethods.Type; TypeAccelerators (TypeResolver.cs)
"$([int])"; "$([string[]])"; [string][long]; [int].ToString()
## RESULT: ["int", "string[]", "long", "System.Int32"]

#### psobject.Properties of a custom object
# source: about_Intrinsic_Members (psobject); about_PSCustomObject
$o = [pscustomobject]@{a=1; b=2}; $o.psobject.Properties.Name
## RESULT: ["a", "b"]

#### psobject.Properties values
# source: about_Intrinsic_Members
$o = [pscustomobject]@{a=1; b='x'}; $o.psobject.Properties | ForEach-Object { "$($_.Name)=$($_.Value) $($_.MemberType) $($_.TypeNameOfValue)" }
## RESULT: ["a=1 NoteProperty System.Int32", "b=x NoteProperty System.String"]

#### pstypenames on every object
# source: about_Intrinsic_Members (pstypenames)
([pscustomobject]@{a=1}).pstypenames[0]; (1).pstypenames[0]; 'x'.pstypenames; @{}.psobject.TypeNames[0]
## RESULT: ["System.Management.Automation.PSCustomObject", "System.Int32", "System.String", "System.Object", "System.Collections.Hashtable"]

#### psobject.BaseObject
# source: about_Intrinsic_Members (psobject)
'x'.psobject.BaseObject
## RESULT: ["x"]

#### inserting a type name
# source: about_PSCustomObject (Using type names)
$o = [pscustomobject]@{a=1}; $o.pstypenames.Insert(0, 'My.Type') | Out-Null; $o.pstypenames[0]; $o.psobject.TypeNames.Count
## RESULT: ["My.Type", 3]

#### adding a note property through psobject
# source: about_PSCustomObject; PSMemberInfoCollection.Add
$o = [pscustomobject]@{a=1}; $o.psobject.Properties.Add([psnoteproperty]::new('b', 2)) | Out-Null; $o.b; $o.psobject.Properties.Name
## RESULT: [2, "a", "b"]

#### removing a property through psobject
# source: PSMemberInfoCollection.Remove
$o = [pscustomobject]@{a=1; b=2}; $o.psobject.Properties.Remove('a') | Out-Null; $o.psobject.Properties.Name
## RESULT: ["b"]

#### psobject.Copy is a shallow copy
# source: PSObject.Copy
$o = [pscustomobject]@{a=1}; $c = $o.psobject.Copy(); $c.a = 2; $o.a; $c.a
## RESULT: [1, 2]

#### typed arrays keep their element type
# source: about_Arrays (Strongly typed arrays)
[int[]]$a = 1,2,3; $a.GetType().FullName; $a -is [int[]]; $a -is [array]
## RESULT: ["System.Int32[]", true, true]

#### a type-constrained array converts what is appended
# source: about_Arrays; about_Variables (type constraint)
[int[]]$a = 1,2; $a += '3'; $a; $a.GetType().Name
## RESULT: [1, 2, 3, "Int32[]"]

#### string to char array
# source: Conversions.Tests.ps1; about_Arrays
$c = [char[]]'abc'; $c.Count; $c[0].GetType().Name
## RESULT: [3, "Char"]

#### [string[]] converts each element
# source: about_Arrays
$a = [string[]](1,2); $a[0].GetType().Name; $a.GetType().Name
## RESULT: ["String", "String[]"]

#### [long] is Int64 and arithmetic with it stays Int64
# source: about_Arithmetic_Operators (type of the result); about_Numeric_Literals
([long]10).GetType().Name; ([long]10 + 1).GetType().Name; (1 + [long]10).GetType().Name; (-[long]10).GetType().Name
## RESULT: ["Int64", "Int64", "Int64", "Int64"]

#### small integer types compute as Int32
# source: about_Arithmetic_Operators
$r = [byte]200 + [byte]100; $r; $r.GetType().Name
## RESULT: [300, "Int32"]

#### integer cast types
# source: about_Type_Accelerators; TypeAccelerator.Tests.ps1
([byte]5).GetType().Name; ([int16]5).GetType().Name; ([uint64]5).GetType().Name; ([bigint]5).GetType().Name
## RESULT: ["Byte", "Int16", "UInt64", "BigInteger"]

#### -is on sized integers
# source: about_Type_Operators
[long]5 -is [long]; 5 -is [long]; [long]5 -eq 5
## RESULT: [true, false, true]

#### [int64]::MaxValue
# source: about_Numeric_Literals
([int64]::MaxValue).GetType().Name; [int64]::MaxValue
## RESULT: ["Int64", 9223372036854775807]

#### byte out of range
# source: Conversions.Tests.ps1
[byte]300
## ERRORS: Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."

#### WildcardPattern::Escape
# source: ComparisonOperator.Tests.ps1 (backtick comparison)
[WildcardPattern]::Escape('a*b?[c]'); 'abc`def' -like [WildcardPattern]::Escape('abc`def'); 'abc``def' -like [WildcardPattern]::Escape('abc````def')
## RESULT: ["a`*b`?`[c`]", true, false]

#### backticks in -like patterns
# source: ComparisonOperator.Tests.ps1 (backtick comparison)
'abc`def' -like 'abc`def'; 'abc`def' -like 'abc``def'; 'abc`def' -like 'abc````def'; 'abc``def' -like 'abc````def'
## RESULT: [false, true, false, true]

#### -is with full type names
# source: ComparisonOperator.Tests.ps1 (Should succeed in comparing type)
[pscustomobject]@{foo=1} -is [pscustomobject]; [pscustomobject]@{foo=1} -is [psobject]; 'hello' -is [system.string]; 100 -is [system.int32]; 'hello' -isnot [int]
## RESULT: [true, true, true, true, true]

#### -is false cases
# source: ComparisonOperator.Tests.ps1 (Should fail in comparing type)
[pscustomobject]@{foo=1} -is [string]; 'hello' -is [psobject]; 'hello' -isnot [string]
## RESULT: [false, false, false]

#### -is with an unknown type
# source: ComparisonOperator.Tests.ps1 (TypeNotFound)
'Hello' -is [foo]
## ERRORS: Unable to find type [foo].

#### containment on a scalar
# source: ComparisonOperator.Tests.ps1
'Hello' -contains 'Hello'; 'Hello','world' -ccontains 'hello'; 'Hello','world' -cnotcontains 'Hello'
## RESULT: [true, false, false]

#### MaxValue of the integer types keeps the type
# source: System.Byte.MaxValue; about_Numeric_Literals
([byte]::MaxValue).GetType().Name; [uint32]::MaxValue; [int16]::MinValue; [long]::Parse('5').GetType().Name
## RESULT: ["Byte", 4294967295, -32768, "Int64"]

#### [string]::new
# source: System.String constructors
[string]::new('a', 3); [string]::new([char[]]'abc')
## RESULT: ["aaa", "abc"]

#### OrderedDictionary.Insert
# source: about_Hash_Tables (ordered dictionaries); OrderedDictionary.Insert
$h = [ordered]@{a=1; b=2}; $h.Insert(1, 'z', 0) | Out-Null; $h.Keys -join ','
## RESULT: ["a,z,b"]

#### an enum in a boolean context is its number
# source: Conversions.Tests.ps1 (converts array of single enum to bool)
[bool]@([ConsoleColor]::Black); [bool]@([ConsoleColor]::Yellow)
## RESULT: [false, true]

#### casting a string to an enum
# source: Conversions.Tests.ps1 (calls method on a super-type)
([System.Management.Automation.ActionPreference]"Stop").ToString()
## RESULT: ["Stop"]

#### -bor on a flags enum
# source: ComparisonOperator.Tests.ps1 (Bytewise Operator)
$r = [System.Management.Automation.CommandTypes]::Alias -bor [System.Management.Automation.CommandTypes]::Application; $r.ToString()
## RESULT: ["Alias, Application"]

#### -band on a flags enum
# source: ComparisonOperator.Tests.ps1 (Bytewise Operator)
([System.Management.Automation.CommandTypes]::Alias -band [System.Management.Automation.CommandTypes]::All).ToString()
## RESULT: ["Alias"]

#### -bxor / -band on a byte flags enum
# source: ComparisonOperator.Tests.ps1 (Bytewise Operator)
([System.Security.AccessControl.AceFlags]::ObjectInherit -bxor [System.Security.AccessControl.AceFlags]::ContainerInherit).ToString(); ([System.Security.AccessControl.AceFlags]::ObjectInherit -band [System.Security.AccessControl.AceFlags]::ContainerInherit).ToString()
## RESULT: ["ObjectInherit, ContainerInherit", "None"]

#### enum comparisons and casts
# source: about_Enum; about_Comparison_Operators
[DayOfWeek]::Monday -eq 1; [DayOfWeek]::Monday -eq 'monday'; [int][DayOfWeek]::Friday; "$([DayOfWeek]'tuesday')"
## RESULT: [true, true, 5, "Tuesday"]

#### enum type checks
# source: about_Enum; about_Type_Operators
[ConsoleColor]::Red -is [enum]; [ConsoleColor]::Red -is [ConsoleColor]; ([ConsoleColor]::Red).GetType().FullName
## RESULT: [true, true, "System.ConsoleColor"]

#### [enum]::GetNames
# source: about_Enum (Enumerations as flags / GetNames)
$t = [DayOfWeek]; [enum]::GetNames($t) -join ','
## RESULT: ["Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday"]

#### an enum renders as its name
# source: about_Enum
[ConsoleColor]::Red
## STDOUT:
Red
## END

#### an unknown enum name
# source: about_Enum; EnumExpressionEvaluator (InvalidCastFromStringToEnum)
[ConsoleColor]'Purple'
## ERRORS: Cannot convert value "Purple" to type "System.ConsoleColor". Error: "Unable to match the identifier name Purple to a valid enumerator name. Specify one of the following enumerator names and try again:\nBlack, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray, DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White"

#### range operator on characters gives chars
# source: RangeOperator.Tests.ps1 (Character expansion)
$r = 'A'..'E'; $r[0].GetType().Name; $r.Count; ('C'..'A') -join ''
## RESULT: ["Char", 5, "CBA"]

#### range of digit strings gives ints
# source: RangeOperator.Tests.ps1 (special ranges)
$r = '0'..'9'; $r.Where({$_ -is [int]}).Count; $r = [char]'0'..[char]'9'; $r.Where({$_ -is [char]}).Count
## RESULT: [10, 10]

#### range over decimals rounds
# source: RangeOperator.Tests.ps1 (Range operator works on [decimal])
$r = 1.1d..3.9d; $r; $r.Where({$_ -is [int]}).Count
## RESULT: [1, 2, 3, 4, 4]

#### -split with a negative max
# source: SplitOperator.Tests.ps1
"a b c d" -split " ", -2; " " -split " ", -2
## RESULT: ["a b c", "d", "", ""]

#### -split on an array
# source: SplitOperator.Tests.ps1
"a b", "c d" -split " "
## RESULT: ["a", "b", "c", "d"]

#### -csplit and IgnoreCase
# source: SplitOperator.Tests.ps1
"abcBd" -csplit "B"; "abcBd" -csplit "B", 0, 'IgnoreCase'
## RESULT: ["abc", "d", "a", "c", "d"]

#### -split options
# source: SplitOperator.Tests.ps1 (Binary split operator options)
"a12a`nb34b`nc56c`nd78d" -split '^b', 0, 'Multiline'; "a: b:c" -split ': ', 0, 'IgnorePatternWhitespace'; "a:b" -split "(:)", 0, 'ExplicitCapture'
## RESULT: ["a12a\n", "34b\nc56c\nd78d", "a", " b", "c", "a", "b"]

#### unary -split binds tighter than comma
# source: SplitOperator.Tests.ps1 (Unary split operator)
$res = -split "a b", "c d"; $res.Count; $res[0][1]; $res[1]
## RESULT: [2, "b", "c d"]

#### a void method writes nothing
# source: about_Hash_Tables (Adding and removing keys and values); about_Void
$h = @{}; $h.Add('a', 1); $h.Remove('a'); $h.Add('b', 2); $h.Count
## RESULT: [1]

#### List[T].Add is void, ArrayList.Add returns the index
# source: about_Arrays; System.Collections.ArrayList.Add
$l = [System.Collections.Generic.List[int]]::new(); $l.Add(1); $a = [System.Collections.ArrayList]::new(); $a.Add('x'); $a.Add('y')
## RESULT: [0, 1]

#### [void] discards
# source: about_Void
$sb = [System.Text.StringBuilder]::new(); [void]$sb.Append('x'); $sb.ToString()
## RESULT: ["x"]

#### [array]::Sort and [array]::Reverse sort in place
# source: System.Array.Sort / Reverse
$a = @(3,1,2); [array]::Sort($a); $a -join ','; [array]::Reverse($a); $a -join ','
## RESULT: ["1,2,3", "3,2,1"]

#### builtin type accelerators resolve
# source: TypeAccelerator.Tests.ps1 (BuiltIn Accelerators)
[ref].FullName; [semver].FullName; [ValidateSet].FullName; [mailaddress].FullName; [psnoteproperty].FullName; [ordered].FullName
## RESULT: ["System.Management.Automation.PSReference", "System.Management.Automation.SemanticVersion", "System.Management.Automation.ValidateSetAttribute", "System.Net.Mail.MailAddress", "System.Management.Automation.PSNoteProperty", "System.Collections.Specialized.OrderedDictionary"]

#### numeric accelerators
# source: TypeAccelerator.Tests.ps1; about_Type_Accelerators
[short].FullName; [ushort].FullName; [uint].FullName; [ulong].FullName; [single].FullName; [float].FullName; [bigint].FullName
## RESULT: ["System.Int16", "System.UInt16", "System.UInt32", "System.UInt64", "System.Single", "System.Single", "System.Numerics.BigInteger"]

#### ForEach with a property name
# source: about_Arrays (ForEach(string propertyName))
@('a','bb').ForEach('Length')
## RESULT: [1, 2]

#### ForEach with a method name
# source: about_Arrays (ForEach(string methodName))
@('a','bb').ForEach('ToUpper')
## RESULT: ["A", "BB"]

#### ForEach with a type converts
# source: about_Arrays (ForEach(type convertToType))
(1,2).ForEach([string]) | ForEach-Object { $_.GetType().Name }
## RESULT: ["String", "String"]

#### ForEach sets a property
# source: about_Arrays (ForEach(string propertyName, object[] newValue))
$o = [pscustomobject]@{a=1}, [pscustomobject]@{a=2}; $o.ForEach('a', 5); $o.a
## RESULT: [5, 5]

#### member-access enumeration
# source: about_Member-Access_Enumeration
@([datetime]'2020-01-01', [datetime]'2021-01-01').Year; ('abc','de').Substring(1)
## RESULT: [2020, 2021, "bc", "e"]

#### member-access enumeration on custom objects yields $null for a missing property
# source: about_Member-Access_Enumeration
$a = @([pscustomobject]@{a=1}, [pscustomobject]@{b=2}); $a.a.Count
## RESULT: [2]

#### boolean conversions
# source: about_Booleans
[bool]'False'; [bool]'0'; [bool]0.0; [bool]$null; [bool]@($null); [bool]@($false); [bool]@($true, $false)
## RESULT: [true, true, false, false, false, false, true]

#### bool comparisons convert the right side
# source: about_Booleans; about_Comparison_Operators
$false -eq 'false'; 'false' -eq $false; $true -eq 2; 2 -eq $true
## RESULT: [false, true, true, false]

#### comparisons convert to the left operand's type
# source: about_Comparison_Operators
1 -eq '01'; '01' -eq 1; 10 -lt '9'; '10' -lt 9
## RESULT: [true, false, false, true]

#### version comparison
# source: about_Comparison_Operators (-gt on IComparable)
[version]'1.10' -gt [version]'1.9'
## RESULT: [true]

#### named substitution in -replace
# source: about_Comparison_Operators (Substitutions in regular expressions)
'one two' -replace '(?<first>\w+) (?<second>\w+)', '${second} ${first}'
## RESULT: ["two one"]

#### -replace is a regex; escape the dot
# source: about_Comparison_Operators (Replacement operator)
'a.b' -replace '.', '-'; 'a.b' -replace '\.', '-'
## RESULT: ["---", "a-b"]

#### $$ and $0 in replacements
# source: about_Comparison_Operators (Substitutions in regular expressions)
'aaa' -replace 'a', '$$'; 'abc' -replace 'b', '$0$0'
## RESULT: ["$$$", "abbc"]

#### [bigint] from a long string of digits
# source: about_Numeric_Literals (BigInteger); System.Numerics.BigInteger.Parse
[bigint]'123456789012345678901234567890' * 2
## RESULT: [246913578024691357802469135780]

#### [convert]::ToString with a base
# source: System.Convert.ToString(Int32, Int32)
[convert]::ToString(255, 2); [convert]::ToString(255, 16); [convert]::ToString(-1, 16); [convert]::ToInt32('ff', 16)
## RESULT: ["11111111", "ff", "ffffffff", 255]

#### numeric strings in the number grammar
# source: about_Numeric_Literals (numeric strings convert like literals)
[int]'1kb'; [double]'1e3'; [int]'0b101'; [int]'-0x10'; 0 + '0x10'; '0x10' + 0
## RESULT: [1024, 1000.0, 5, -16, 16, "0x100"]

#### a string too large for Int32
# source: about_Numeric_Literals; Conversions
[int]'2147483648'
## ERRORS: Cannot convert value "2147483648" to type "System.Int32". Error: "Value was either too large or too small for an Int32."

#### [guid]::NewGuid is a method returning a Guid
# source: System.Guid.NewGuid; about_Type_Accelerators ([guid])
$g = [guid]::NewGuid(); $g -is [guid]; $g.GetType().Name; $g.ToString().Length
## RESULT: [true, "Guid", 36]

#### a Guid shows its Guid property
# source: System.Guid (PowerShell default table view)
[guid]::Empty
## STDOUT:

Guid
----
00000000-0000-0000-0000-000000000000

## END

#### DateTime.ToString() is culture-sensitive, string conversion is invariant
# source: about_Quoting_Rules (culture in expandable strings); DateTime.ToString (en-US 'G')
$d = [datetime]'2020-03-04 13:05:06'; $d.ToString(); "$d"; [string]$d; $d.ToString('yyyy-MM-dd')
## RESULT: ["3/4/2020 1:05:06 PM", "03/04/2020 13:05:06", "03/04/2020 13:05:06", "2020-03-04"]

#### standard DateTime formats
# source: .NET standard date and time format strings (en-US)
$d = [datetime]'2020-03-04'; $d.ToString('D'); $d.ToString('g'); $d.ToString('M'); $d.ToString('Y'); $d.ToString('u'); $d.ToString('R'); $d.ToString('s')
## RESULT: ["Wednesday, March 4, 2020", "3/4/2020 12:00 AM", "March 4", "March 2020", "2020-03-04 00:00:00Z", "Wed, 04 Mar 2020 00:00:00 GMT", "2020-03-04T00:00:00"]

#### TimeSpan formats
# source: .NET standard TimeSpan format strings
$t = [timespan]'1.02:03:04.5'; $t.ToString(); $t.ToString('g'); $t.ToString('G'); [timespan]::FromSeconds(90).ToString('mm\:ss')
## RESULT: ["1.02:03:04.5000000", "1:2:03:04.5", "1:02:03:04.5000000", "01:30"]

#### numeric format strings round half away from zero
# source: .NET standard numeric format strings
'{0:N0}' -f 2.5; '{0:F0}' -f 3.5; '{0:P0}' -f 0.125; '{0:#.#}' -f 0; '{0:0;(0);zero}' -f -5
## RESULT: ["3", "4", "13%", "", "(5)"]

#### a missing format argument
# source: about_Operators (Format operator); FormatError
'{0} {1}' -f 'a'
## ERRORS: Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..

#### -is against a base type and an interface
# source: about_Type_Operators (-is/isnot operators)
(Get-Item /) -is [System.IO.DirectoryInfo]; (Get-Item /) -is [System.IO.FileSystemInfo]; 1, 2 -is [System.Collections.IList]
## RESULT: [true, true, true]

#### -as passes a derived object through
# source: about_Type_Operators (-as operator)
$fsroot = (Get-Item /) -as [System.IO.FileSystemInfo]; $fsroot.GetType().FullName
## RESULT: ["System.IO.DirectoryInfo"]

#### type operator examples
# source: about_Type_Operators (Examples)
32 -is [Float]; 32 -is "int"; "12/31/2007" -is [DateTime]; "12/31/2007" -is [String]; (get-command get-member) -is [System.Management.Automation.CmdletInfo]
## RESULT: [false, true, false, true, true]

#### -as with a two-digit year
# source: about_Type_Operators (Examples: "12/31/07" -as [DateTime])
$date = "12/31/07" -as [DateTime]; $date -is [DateTime]; $date.Year; ("5/7/07" -as [DateTime]).ToString('yyyy-MM-dd')
## RESULT: [true, 2007, "2007-05-07"]

#### -is tests the collection, not its elements
# source: about_Type_Operators
(1, 2) -is [int]; (1, 2) -is [array]; (1, 2) -is [object]
## RESULT: [false, true, true]

#### arithmetic with enums
# source: about_Arithmetic_Operators (Adding and multiplying non numeric types)
$red = [ConsoleColor]::Red; $blue = [ConsoleColor]::Blue; "$($blue + 3)"; "$($red - 3)"; $blue - $red; + '123'
## RESULT: ["Red", "Blue", -3, 123]

#### bigint arithmetic truncates
# source: about_Arithmetic_Operators (Bigint arithmetic)
[bigint]1 / 1.9; 1 / [bigint]1.9; 1 / 1.9; 1 / [int]1.9
## RESULT: [1, 1, 0.5263157894736842, 0.5]

#### result types widen
# source: about_Arithmetic_Operators (Type conversion to accommodate result)
(512MB).GetType().FullName; (512MB * 512MB).GetType().FullName; ([int32]::minvalue + [uint32]::maxvalue).gettype().fullname; (9223372036854775807 + 2).GetType().FullName; ([ulong]::MaxValue + 1).GetType().FullName
## RESULT: ["System.Int32", "System.Double", "System.Int64", "System.Double", "System.Double"]

#### Decimal overflow is an error
# source: about_Arithmetic_Operators (The System.Decimal type is an exception)
[Decimal]::maxvalue + 1
## ERRORS: Value was either too large or too small for a Decimal.

#### operator precedence
# source: about_Arithmetic_Operators (Operator precedence)
3+6/3*4; 3+6/(3*4); (3+6)/3*4
## RESULT: [11, 3.5, 12]

#### rounding when dividing
# source: about_Arithmetic_Operators (Division and rounding)
[int]( 5 / 2 ); [int]( 7 / 2 ); [int][Math]::Round(5 / 2,[MidpointRounding]::AwayFromZero); [int][Math]::Ceiling(5 / 2); [int][Math]::Floor(5 / 2)
## RESULT: [2, 4, 3, 3, 2]

#### evaluation order of an indexed assignment
# source: about_Arithmetic_Operators (Operator precedence, $b[$a] = $c[$a++])
$a = 0; $b = @(1,2); $c = @(-1,-2); $b[$a] = $c[$a++]; $b
## RESULT: [1, -1]

#### adding to arrays and strings
# source: about_Arithmetic_Operators
$array = 1,2,3; "file" + 16; $array + 16; $array + "file"; "file" * 3; @("!") * 4
## RESULT: ["file16", 1, 2, 3, 16, 1, 2, 3, "file", "filefilefile", "!", "!", "!", "!"]

#### a hash table adds only to a hash table
# source: about_Arithmetic_Operators
$hash1 = @{a=1; b=2}; $hash1 + 2
## ERRORS: A hash table can only be added to another hash table.

#### bitwise operator table
# source: about_Arithmetic_Operators (Bitwise operators)
10 -band 3; 10 -bor 3; 10 -bxor 3; -bNot 10; 102 -shl 2; 102 -shr 1; 5 -bor 0x03
## RESULT: [2, 11, 9, -11, 408, 51, 7]

#### -eq with a scalar left and an array right
# source: about_Comparison_Operators (-eq and -ne)
"abc" -eq "abc", "def"; "abc" -ne "abc", "def"; "zzz", "def", "zzz" -eq "zzz"
## RESULT: [false, true, "zzz", "zzz"]

#### $null on the left tests the collection, on the right filters it
# source: about_Comparison_Operators (-eq and -ne)
$a = 1, 2, $null, 4, $null, 6; $null -ne $a; $a -ne $null
## RESULT: [true, 1, 2, 4, 6]

#### sort-order comparisons of strings
# source: about_Comparison_Operators (-gt, -ge, -lt, and -le)
'a' -lt 'z'; 'macOS' -ilt 'MacOS'; 'MacOS' -ilt 'macOS'; 'macOS' -clt 'MacOS'
## RESULT: [true, false, false, true]

#### no keyboard symbol sorts after 'a'
# source: about_Comparison_Operators (-gt, -ge, -lt, and -le)
$a=' ','`','~','!','@','#','$','%','^','&','*','(',')','_','+','-','=','{','}','[',']',':',';','"','''','\','|','/','?','.','>',',','<'
($a -gt 'a').Count
## RESULT: [0]

#### -like on collections
# source: about_Comparison_Operators (-like and -notlike)
"PowerShell" -like "Power[p-w]hell"; "PowerShell", "Server" -like "*shell"; "PowerShell", "Server" -notlike "*shell"
## RESULT: [true, "PowerShell", "Server"]

#### -match on collections
# source: about_Comparison_Operators (-match and -notmatch)
"PowerShell", "Super PowerShell", "Power's hell" -match '^Power\w+'; "Bag", "Beg", "Big", "Bog", "Bug" -notmatch 'b[iou]g'
## RESULT: ["PowerShell", "Bag", "Beg"]

#### $Matches with named groups
# source: about_Comparison_Operators (-match and -notmatch)
$string = 'The last logged on user was CONTOSO\jsmith'; $string -match 'was (?<domain>.+)\\(?<user>.+)'; $Matches.domain; $Matches.user; $Matches[0]
## RESULT: [true, "CONTOSO", "jsmith", "was CONTOSO\\jsmith"]

#### -ireplace and -creplace
# source: about_Comparison_Operators (Replacement operator)
"book" -ireplace "B", "C"; "book" -creplace "B", "C"; 1.2 -replace ','
## RESULT: ["Cook", "book", "1.2"]

#### named substitutions with a .NET character class
# source: about_Comparison_Operators (Regular expressions substitutions)
$SearchExp = '^(?<DomainName>[\w-.]+)\\(?<Username>[\w-.]+)$'; $ReplaceExp = '${Username}@${DomainName}'; 'Contoso.local\John.Doe' -replace $SearchExp, $ReplaceExp
## RESULT: ["John.Doe@Contoso.local"]

#### $ in substitutions
# source: about_Comparison_Operators (Regular expressions substitutions)
$1 = 'Goodbye'; 'Hello World' -replace '(\w+) \w+', "$1 Universe"; 'Hello World' -replace '(\w+) \w+', '$1 Universe'; '5.72' -replace '(.+)', '$ $1'; '5.72' -replace '(.+)', '$$$1'; '5.72' -replace '(.+)', '$$1'
## RESULT: ["Goodbye Universe", "Hello Universe", "$ 5.72", "$5.72", "$1"]

#### -replace over a collection and with a script block
# source: about_Comparison_Operators (Substituting in a collection; Replacement with a script block)
"B1","B2","B3" -replace "B", 'a'; "072101108108111" -replace "\d{3}", {return [char][int]$_.Value}
## RESULT: ["a1", "a2", "a3", "Hello"]

#### containment with an array on the right
# source: about_Comparison_Operators (-contains and -notcontains)
"abc", "def" -contains "abc", "def"; $a = "abc", "def"; $a -contains $a; ,$a -contains $a
## RESULT: [false, false, true]

#### $Matches lists numbered groups from the highest down
# source: about_Regular_Expressions (Capturing groups: $Matches output 2, 1, 0)
$null = 'The last logged on user was CONTOSO\jsmith' -match '(.+was )(.+)'; $Matches.Keys
## RESULT: [2, 1, 0]

#### $Matches with named groups
# source: about_Comparison_Operators (-match and -notmatch: domain, user, 0)
$null = 'The last logged on user was CONTOSO\jsmith' -match 'was (?<domain>.+)\\(?<user>.+)'; $Matches
## STDOUT:

Name                           Value
----                           -----
domain                         CONTOSO
user                           jsmith
0                              was CONTOSO\jsmith

## END

#### comparisons with no match give an empty array
# source: about_Comparison_Operators (Common features)
$a = (1, 2) -eq 3; $a.GetType().Name; $a.Count
## RESULT: ["Object[]", 0]

#### containment converts a collection operand to a string
# source: about_Comparison_Operators (-contains; -in and -notin)
$a = "abc", "def"; "abc", "def", "ghi" -contains $a; $a, "ghi" -contains $a; "abc def", "ghi" -contains $a; $a -in "abc", "def", "ghi"; $a -in "abc def", "ghi"
## RESULT: [false, true, true, false, true]

#### -is with a type value
# source: about_Comparison_Operators (Type comparison)
$a = 1; $b = "1"; $a -is [int]; $a -is $b.GetType(); $b -isnot [int]; $a -isnot $b.GetType()
## RESULT: [true, false, true, true]

#### psobject.Properties of a hashtable
# source: about_Intrinsic_Members (Examples)
$hash = @{ Age = 33; Name = 'Bob' }
$hash.psobject.Properties | Select-Object Name, MemberType, Value
## STDOUT:

Name           MemberType                    Value
----           ----------                    -----
IsReadOnly       Property                    False
IsFixedSize      Property                    False
IsSynchronized   Property                    False
Keys             Property              {Age, Name}
Values           Property                {33, Bob}
SyncRoot         Property {[Age, 33], [Name, Bob]}
Count            Property                        2

## END

#### psobject.Properties of the same data as a PSCustomObject
# source: about_Intrinsic_Members (Examples)
$hash = @{ Age = 33; Name = 'Bob' }
$user = [pscustomobject]$hash
$user.psobject.Properties | Select-Object Name, MemberType, Value
## STDOUT:

Name   MemberType Value
----   ---------- -----
Age  NoteProperty    33
Name NoteProperty   Bob

## END

#### Count and Length on a scalar
# source: about_Intrinsic_Members (Properties)
$str = 'string'; $str.Length; $str.Count; $null.Count
## RESULT: [6, 1, 0]

#### indexing a scalar
# source: about_Intrinsic_Members (Array indexing scalar types)
(2)[0]; (2)[-1]; (2)[1] -eq $null
## RESULT: [2, 2, true]

#### the static new() method
# source: about_Intrinsic_Members (New() method for types)
$expression = New-Object -TypeName regex -ArgumentList 'pattern'; $expression.ToString(); [regex]::new('pattern').ToString()
## RESULT: ["pattern", "pattern"]

#### Clear() on an array resets its elements
# source: about_Arrays (Clear)
$intA = [int[]](1, 2, 3); $intA.Clear(); $intA; $a = 1, 2, 3; $a.Clear(); $a | ForEach-Object { $null -eq $_ }
## RESULT: [0, 0, 0, true, true, true]

#### List[T] Clear and Count
# source: System.Collections.Generic.List
$l = [System.Collections.Generic.List[int]]::new(); $l.Add(1); $l.Add(2); $l.Count; $l.Clear(); $l.Count
## RESULT: [2, 0]

#### new arrays of a given length
# source: about_Arrays (Create an array of a specific size); about_Intrinsic_Members (New() method)
$a = [int[]]::new(3); $a.Count; $a[2]; $s = [string[]]::new(2); $null -eq $s[0]; $s.GetType().Name; (New-Object 'int[]' 3).Count
## RESULT: [3, 0, true, "String[]", 3]

#### SetValue and GetValue
# source: about_Arrays; System.Array.SetValue
$a = 1,2,3; $a.SetValue(10, 0); $a[0]; $a.GetValue(1)
## RESULT: [10, 2]

#### Where() modes
# source: about_Arrays (Where: Until, SkipUntil, Last, Split)
(1..10).Where({$_ -gt 5}, 'Until') -join ','; (1..10).Where({$_ -gt 5}, 'SkipUntil') -join ','; (1..10).Where({$_ % 2}, 'Last', 2) -join ','
## RESULT: ["1,2,3,4,5", "6,7,8,9,10", "7,9"]

#### Where() Split into two collections
# source: about_Arrays (Where: Split)
$running, $stopped = (1..6).Where({$_ -gt 3}, 'Split'); $running -join ','; $stopped -join ','
## RESULT: ["4,5,6", "1,2,3"]

#### array subexpression counts
# source: about_Arrays; about_Operators (Array subexpression operator)
@(1,2,3).Count; @().Count; @($null).Count; @(@()).Count
## RESULT: [3, 0, 1, 0]

#### index ranges
# source: about_Arrays (Accessing elements)
$a = 0..9; $a[0,2+4..6] -join ','; $a[-3..-1] -join ','; $a[1..-1] -join ','
## RESULT: ["0,2,4,5,6", "7,8,9", "1,0,9"]
