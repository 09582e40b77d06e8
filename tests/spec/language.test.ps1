# Language cases.  Sources: PowerShell-Docs reference/7.5 about_* pages (named per case).

#### argument mode: 2+2 is a string
# source: about_Parsing ("Argument mode" examples)
Write-Output 2+2
## RESULT: ["2+2"]

#### argument mode: parentheses evaluate
# source: about_Parsing
Write-Output (2+2)
## RESULT: [4]

#### argument mode: a number stays a number
# source: about_Parsing
(Write-Output 2).GetType().Name
## RESULT: ["Int32"]

#### argument mode: variable followed by text
# source: about_Parsing
$a = 4; Write-Output $a+2
## RESULT: ["4+2"]

#### argument mode: bareword with a variable expands
# source: about_Parsing
$a = 4; Write-Output a$a
## RESULT: ["a4"]

#### argument mode: mid-token hash is literal
# source: about_Parsing
Write-Output a#b
## RESULT: ["a#b"]

#### en dash parameters
# source: CharTraits.cs IsDash; the seed document
Write-Output –InputObject 'x'
## RESULT: ["x"]

#### en dash as operator prefix
# source: tokenizer.cs ScanParameter; about_Comparison_Operators
5 –gt 3
## RESULT: [true]

#### pipeline filter and map
# source: issue 2 "Done when"
1..5 | Where-Object {$_ -gt 2} | ForEach-Object {$_ * 10}
## RESULT: [30, 40, 50]

#### subexpression in a string
# source: issue 2 "Done when"; about_Quoting_Rules
$x = @{a=1}; "n=$($x.a + 1)"
## RESULT: ["n=2"]

#### member access in a string needs $()
# source: about_Quoting_Rules
$o = [pscustomobject]@{Name='n'}; "$o.Name"
## RESULT: ["@{Name=n}.Name"]

#### braced variable name
# source: about_Quoting_Rules
$h = 'x'; "${h}:y"
## RESULT: ["x:y"]

#### backtick escapes
# source: about_Special_Characters
"a`tb`n" -eq "a$([char]9)b$([char]10)"
## RESULT: [true]

#### single quotes are verbatim
# source: about_Quoting_Rules
$a = 1; 'it''s $a'
## RESULT: ["it's $a"]

#### here-string expands
# source: about_Quoting_Rules (Here-strings)
$n = 'w'
@"
hello $n
"@
## RESULT: ["hello w"]

#### numeric multipliers
# source: about_Numeric_Literals
1KB, 1MB, 0x10
## RESULT: [1024, 1048576, 16]

#### int division that is exact stays int
# source: about_Arithmetic_Operators
(6/2).GetType().Name; 5/2
## RESULT: ["Int32", 2.5]

#### string times int repeats
# source: about_Arithmetic_Operators
"ab" * 3
## RESULT: ["ababab"]

#### left operand drives conversion
# source: about_Comparison_Operators (-eq and -ne)
1 -eq '1.0'; '1.0' -eq 1
## RESULT: [true, false]

#### comparison is case-insensitive by default
# source: about_Comparison_Operators
'ABC' -eq 'abc'; 'ABC' -ceq 'abc'
## RESULT: [true, false]

#### collection on the left filters
# source: about_Comparison_Operators
1,2,3,2 -eq 2
## RESULT: [2, 2]

#### null on the right filters nulls out
# source: about_Comparison_Operators ($null)
@(1, $null, 2) -ne $null
## RESULT: [1, 2]

#### like and match
# source: about_Comparison_Operators
'Windows Server 2012' -like 'windows*'; 'abc123' -match '\d+'; $Matches[0]
## RESULT: [true, true, "123"]

#### replace with a group
# source: about_Comparison_Operators (Replacement operator)
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
## RESULT: ["Smith, John"]

#### split and join
# source: about_Split; about_Join
('a,b,c' -split ',').Count; 'a','b' -join '-'
## RESULT: [3, "a-b"]

#### format operator
# source: about_Operators (Format operator)
'{0} is {1}' -f 'x', 3
## RESULT: ["x is 3"]

#### comma binds tighter than plus
# source: about_Operator_Precedence
(1,2 + 3).Count
## RESULT: [3]

#### array subexpression does not nest
# source: about_Arrays
@(@(1,2)).Count
## RESULT: [2]

#### negative index and ranges
# source: about_Operators (Index operator)
$a = 10,20,30,40; $a[-1]; $a[1..2]
## RESULT: [40, 20, 30]

#### hashtable keys are case-insensitive
# source: about_Hash_Tables
$h = @{Name='x'}; $h.name; $h['NAME']
## RESULT: ["x", "x"]

#### ordered hashtable keeps insertion order
# source: about_Hash_Tables
$h = [ordered]@{b=1; a=2}; $h.Keys -join ','
## RESULT: ["b,a"]

#### pscustomobject literal keeps order
# source: about_PSCustomObject
[pscustomobject]@{b=1; a=2}
## RESULT: [{"b": 1, "a": 2}]

#### member enumeration
# source: about_Member-Access_Enumeration
@([pscustomobject]@{N=1}, [pscustomobject]@{N=2}).N
## RESULT: [1, 2]

#### casts
# source: about_Arithmetic_Operators (banker's rounding)
[int]2.5; [int]3.5; [int]'12'; [string]5; [bool]'False'
## RESULT: [2, 4, 12, "5", true]

#### static members
# source: about_Operators (Static member operator)
[math]::Round(2.567, 2); [string]::IsNullOrEmpty('')
## RESULT: [2.57, true]

#### string methods
# source: .NET String
'  Hi  '.Trim().ToUpper(); 'a-b-c'.Split('-').Count; 'hello'.Substring(1, 3)
## RESULT: ["HI", 3, "ell"]

#### if elseif else
# source: about_If
$x = 5; if ($x -lt 3) { 'small' } elseif ($x -lt 10) { 'medium' } else { 'large' }
## RESULT: ["medium"]

#### foreach loop
# source: about_Foreach
$sum = 0; foreach ($i in 1..4) { $sum += $i }; $sum
## RESULT: [10]

#### for loop with continue
# source: about_For; about_Continue
for ($i = 0; $i -lt 5; $i++) { if ($i -eq 2) { continue }; $i }
## RESULT: [0, 1, 3, 4]

#### while and break
# source: about_While; about_Break
$i = 0; while ($true) { $i++; if ($i -ge 3) { break } }; $i
## RESULT: [3]

#### do until
# source: about_Do
$i = 0; do { $i++ } until ($i -ge 4); $i
## RESULT: [4]

#### switch with values, wildcard and default
# source: about_Switch
switch ('apple', 'kiwi') { 'apple' { 'A' } default { 'other' } }
switch -Wildcard ('server01') { 'server*' { 'srv' } }
## RESULT: ["A", "other", "srv"]

#### switch with a script-block condition
# source: about_Switch
switch (5) { { $_ -gt 3 } { 'big' } 5 { 'five' } }
## RESULT: ["big", "five"]

#### function with param block and defaults
# source: about_Functions
function Add-Two { param([int]$a, [int]$b = 2) $a + $b }
Add-Two 3; Add-Two -a 1 -b 1
## RESULT: [5, 2]

#### function pipeline input with process block
# source: about_Functions_Advanced_Parameters (ValueFromPipeline)
function Double { param([Parameter(ValueFromPipeline)]$n) process { $n * 2 } }
1, 2, 3 | Double
## RESULT: [2, 4, 6]

#### filter
# source: about_Functions (Filters)
filter Inc { $_ + 1 }
1, 2 | Inc
## RESULT: [2, 3]

#### switch parameter
# source: about_Functions (Switch parameters)
function T { param([switch]$On) if ($On) { 'on' } else { 'off' } }
T; T -On; T -On:$false
## RESULT: ["off", "on", "off"]

#### return emits then leaves
# source: about_Return (not named R: `r` is Invoke-History's alias, and aliases come before functions)
function Get-R { 1; return 2; 3 }
Get-R
## RESULT: [1, 2]

#### try catch finally
# source: about_Try_Catch_Finally
try { throw 'boom' } catch { "caught $($_.Exception.Message)" } finally { 'done' }
## RESULT: ["caught boom", "done"]

#### typed catch
# source: about_Try_Catch_Finally
try { 1 / 0 } catch [System.DivideByZeroException] { 'div' } catch { 'other' }
## RESULT: ["div"]

#### throw is script-terminating
# source: about_Throw
throw 'stop here'
'never'
## ERROR: stop here

#### statement-terminating errors let the script go on
# source: about_Error_Handling
1 / 0
'after'
## RESULT: ["after"]
## ERRORS: Attempted to divide by zero.

#### functions get a child scope
# source: about_Scopes
$x = 1; function F { $x = 2 }; F; $x
## RESULT: [1]

#### dot-sourcing runs in the current scope
# source: about_Scopes
$x = 1; . { $x = 2 }; $x
## RESULT: [2]

#### call operator runs in a child scope
# source: about_Scopes
$x = 1; & { $x = 2 }; $x
## RESULT: [1]

#### global scope modifier
# source: about_Scopes
function G { $global:y = 5 }; G; $y
## RESULT: [5]

#### ForEach-Object runs in the caller's scope
# source: ForEach-Object.Tests.ps1 ("should execute script block in caller scope")
$t = 0; 1..3 | ForEach-Object { $t += $_ }; $t
## RESULT: [6]

#### env variables
# source: about_Environment_Variables
$env:PSCOMPAT_T = 'v'; $env:PSCOMPAT_T
## RESULT: ["v"]

#### multiple assignment
# source: about_Assignment_Operators
$a, $b = 1, 2, 3; $a; $b.Count
## RESULT: [1, 2]

#### increment and compound assignment
# source: about_Assignment_Operators
$i = 5; $i++; $i += 10; $i *= 2; $i
## RESULT: [32]

#### typed variable keeps converting
# source: about_Variables
[int]$n = '5'; $n = '7'; $n.GetType().Name
## RESULT: ["Int32"]

#### splatting a hashtable
# source: about_Splatting
function S { param($First, $Second) "$First/$Second" }
$p = @{First='a'; Second='b'}; S @p
## RESULT: ["a/b"]

#### args in a simple function
# source: about_Automatic_Variables ($args)
function A { $args.Count }; A 1 2 3
## RESULT: [3]

#### truthiness
# source: about_Booleans
[bool]@(), [bool]@(0), [bool]@(0, 0), [bool]'False', [bool]''
## RESULT: [false, false, true, true, false]

#### unknown command
# source: DiscoveryExceptions.resx CommandNotFoundException
Get-NoSuchThing
'next'
## RESULT: ["next"]
## ERRORS: The term 'Get-NoSuchThing' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### unknown parameter
# source: ParameterBinderStrings.resx NamedParameterNotFound
1 | Sort-Object -Nope
## ERRORS: A parameter cannot be found that matches parameter name 'Nope'.

#### unknown dash arguments go to ValueFromRemainingArguments
# source: ParameterBinding.Tests.ps1 ("Value from remaining arguments"): `-q` is collected
Write-Output -Nope 1
## RESULT: ["-Nope", 1]

#### ambiguous parameter prefix
# source: ParameterBinderStrings.resx AmbiguousParameter
function P { param($Name, $Namespace) $Name }
P -Nam x
## ERRORS: Parameter cannot be processed because the parameter name 'Nam' is ambiguous. Possible matches include: -Name -Namespace.

#### parameter prefix
# source: Spec chapter-02 ("a parameter name may be abbreviated")
function P { param($ImageName) $ImageName }
P -Im 'x'
## RESULT: ["x"]

#### ternary and null-coalescing
# source: about_Operators (PowerShell 7)
$n = $null; ($n ?? 'dflt'); (5 -gt 3 ? 'y' : 'n')
## RESULT: ["dflt", "y"]

#### pipeline chain operators
# source: about_Pipeline_Chain_Operators
Write-Output 'a' && Write-Output 'b'
## RESULT: ["a", "b"]

#### exit stops the script
# source: about_Language_Keywords (exit)
'a'; exit 3; 'b'
## RESULT: ["a"]

#### Where method and ForEach method
# source: about_Intrinsic_Members
(1..6).Where({ $_ % 2 -eq 0 }); (1..3).ForEach({ $_ * 2 })
## RESULT: [2, 4, 6, 2, 4, 6]

#### arrays unroll one level in the pipeline
# source: about_Pipelines
(Write-Output @(1, 2) | Measure-Object).Count; (Write-Output (,(1, 2)) | Measure-Object).Count
## RESULT: [2, 1]

#### script block invoked with arguments
# source: about_Script_Blocks
$sb = { param($p) $p * 3 }; & $sb 4
## RESULT: [12]

#### break label
# source: about_Break
:outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { break outer }; "$i$j" } }
## RESULT: ["11"]

#### an empty parenthesised pipeline writes nothing
# source: about_Automatic_Variables ($null vs AutomationNull); PowerShell's AutomationNull.Value
(1, 2 | Select-Object -First 0); (1, 2 | Select-Object -First 0).Count; $null.Count
## RESULT: [0, 0]

#### a $null literal is a real pipeline object
# source: about_Pipelines; ForEach-Object.md example 5
($null | ForEach-Object { 'ran' })
## RESULT: ["ran"]

#### the same property read on objects of different classes
# source: about_Member-Access_Enumeration (member access is per object)
$a = [pscustomobject]@{N=1}; $h = @{N=2}; $a, $h, 'xyz', $a | ForEach-Object { $_.N }; 'xyz'.Length
## RESULT: [1, 2, null, 1, 3]

#### OutVariable collects a command's output
# source: about_CommonParameters (-OutVariable)
$null = 1..3 | Write-Output -OutVariable o; $o.Count
## RESULT: [3]

#### OutVariable with + appends
# source: about_CommonParameters (-OutVariable +name)
1 | Write-Output -OutVariable o | Out-Null; 2 | Write-Output -OutVariable +o | Out-Null; $o
## RESULT: [1, 2]

#### ErrorVariable and SilentlyContinue
# source: about_CommonParameters (-ErrorVariable, -ErrorAction)
Write-Error 'bad' -ErrorAction SilentlyContinue -ErrorVariable ev; $ev.Count; "$($ev[0])"
## RESULT: [1, "bad"]

#### ErrorAction Stop makes the error catchable
# source: about_Try_Catch_Finally; about_CommonParameters
try { Write-Error 'oops' -ErrorAction Stop; 'not here' } catch { "caught: $_" }
## RESULT: ["caught: oops"]

#### ErrorActionPreference Stop
# source: about_Preference_Variables ($ErrorActionPreference)
$ErrorActionPreference = 'Stop'
try { Get-Item /definitely/not/here; 'no' } catch { 'stopped' }
## RESULT: ["stopped"]

#### $? after a failing command
# source: about_Automatic_Variables ($?)
Write-Error 'x' -ErrorAction SilentlyContinue; $?; 'ok'; $?
## RESULT: [false, "ok", true]

#### constant folding keeps errors at run time
# source: about_Arithmetic_Operators (division by zero is a runtime error)
'before'; 1 / 0; 'after'
## RESULT: ["before", "after"]
## ERRORS: Attempted to divide by zero.

#### a void method's result assigned is $null
# source: about_Automatic_Variables; Hashtable.Add returns void
$h = @{}; $x = $h.Add('a', 1); $null -eq $x
## RESULT: [true]

#### casting an array to string joins with $OFS
# source: about_Preference_Variables ($OFS)
$OFS = '-'; [string](1, 2, 3)
## RESULT: ["1-2-3"]

#### a collection's by-name indexer
# source: about_Intrinsic_Members (psobject.Properties)
$o = [pscustomobject]@{a = 5}; $o.psobject.Properties['a'].Value
## RESULT: [5]

#### indexing a string gives a char
# source: about_Operators (Index operator); [char] converts to its code
[int]'abc'[0]; 'abc'[-1].GetType().Name
## RESULT: [97, "Char"]

#### New-Variable and read-only variables
# source: New-Variable.md; about_Variables
New-Variable -Name ro -Value 1 -Option ReadOnly; Set-Variable ro 5 -Force; $ro
## RESULT: [5]

#### member enumeration unrolls collection values
# source: Group-Object.Tests.ps1 ($results.Group.Count); about_Member-Access_Enumeration
$a = [pscustomobject]@{g = 1, 2}, [pscustomobject]@{g = 3, 4}; $a.g.Count
## RESULT: [4]

#### WarningPreference Stop
# source: about_Preference_Variables ($WarningPreference = 'Stop')
$WarningPreference = 'Stop'; try { Write-Warning 'w'; 'not here' } catch { 'stopped' }
## RESULT: ["stopped"]

#### CategoryInfo of an error
# source: about_Error_Handling; ErrorCategoryInfo.GetMessage
try { Get-Content /no/such/file -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.CategoryInfo.Activity }
## RESULT: ["ObjectNotFound", "Get-Content"]

#### Select-String on piped strings
# source: Select-String.md (Example 1: -CaseSensitive)
'Hello', 'HELLO' | Select-String -Pattern 'HELLO' -CaseSensitive | ForEach-Object { $_.Line }
## RESULT: ["HELLO"]

#### Select-String -Quiet
# source: Select-String.md (-Quiet: $true, or $null when nothing matches)
'abc' | Select-String 'b' -Quiet; 'abc' | Select-String 'z' -Quiet
## RESULT: [true]

#### Select-String -AllMatches and -NotMatch
# source: Select-String.md (-AllMatches, -NotMatch)
('a1b2' | Select-String '\d' -AllMatches).Matches.Value; 'x', 'y1' | Select-String '\d' -NotMatch | ForEach-Object Line
## RESULT: ["1", "2", "x"]

#### Invoke-Expression runs in the caller's scope
# source: Invoke-Expression.md (Example 1, 2)
$c = '$z = 40 + 2'; Invoke-Expression $c; $z; '2 * 21' | iex
## RESULT: [42, 42]
