# Semantics cases: control flow (if, loops, switch, break/continue, return) and pipelines.
# Sources: PowerShell-Docs reference/7.5 about_* pages and test/powershell/Language/Scripting tests (named per case).

#### if elseif else
# source: about_If
$a = 5; if ($a -gt 10) { 'big' } elseif ($a -gt 3) { 'mid' } else { 'small' }
## RESULT: ["mid"]

#### if with no match outputs nothing
# source: about_If
if ($false) { 'x' }
## RESULT: []

#### if as expression assigned
# source: about_If ("Using the if statement as an expression" is 7.x: statements as values)
$r = if ($true) { 'yes' } else { 'no' }; $r
## RESULT: ["yes"]

#### ternary operator
# source: about_If ("Using the ternary operator syntax")
$x = 3; $x -gt 2 ? 'gt' : 'le'
## RESULT: ["gt"]

#### empty array is falsy, one-zero array falsy
# source: about_Booleans
[bool]@(), [bool]@(0), [bool]@(0, 0), [bool]'False'
## RESULT: [false, false, true, true]

#### foreach statement
# source: about_Foreach
$s = 0; foreach ($n in 1..4) { $s += $n }; $s
## RESULT: [10]

#### foreach output collected
# source: about_Foreach
$r = foreach ($n in 1..3) { $n * $n }; $r
## RESULT: [1, 4, 9]

#### foreach loop variable persists after loop
# source: about_Foreach
foreach ($item in 'a', 'b') { }; $item
## RESULT: ["b"]

#### foreach over a scalar
# source: about_Foreach
foreach ($c in 'one') { $c.ToUpper() }
## RESULT: ["ONE"]

#### for loop
# source: about_For
for ($i = 0; $i -lt 3; $i++) { $i }
## RESULT: [0, 1, 2]

#### while loop
# source: about_While
$v = 0; while ($v -ne 3) { $v++; $v }
## RESULT: [1, 2, 3]

#### do while runs at least once
# source: about_Do
$a = 10; do { $a } while ($a -lt 5)
## RESULT: [10]

#### do until
# source: about_Do
$a = 0; do { $a++ } until ($a -ge 3); $a
## RESULT: [3]

#### break exits loop
# source: about_Break
$i = 0; while ($true) { if ($i -eq 3) { break }; $i++ }; $i
## RESULT: [3]

#### break in foreach
# source: about_Break
foreach ($n in 1..10) { if ($n -gt 2) { break }; $n }
## RESULT: [1, 2]

#### continue skips
# source: about_Continue
foreach ($n in 1..5) { if ($n % 2 -eq 0) { continue }; $n }
## RESULT: [1, 3, 5]

#### labeled break exits outer loop
# source: about_Break ("labeled break")
:outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { break outer }; "$a$b" } }
## RESULT: ["11"]

#### labeled continue continues outer loop
# source: about_Continue ("labeled continue")
:outer for ($i = 1; $i -le 3; $i++) { for ($j = 1; $j -le 3; $j++) { if ($j -eq 2) { continue outer }; "$i$j" } }
## RESULT: ["11", "21", "31"]

#### continue in while
# source: about_Continue
$i = 0; while ($i -lt 5) { $i++; if ($i -eq 3) { continue }; $i }
## RESULT: [1, 2, 4, 5]

#### break inside switch exits switch
# source: about_Switch ("break")
switch (1, 2, 3) { 2 { 'two'; break } default { "d$_" } }
## RESULT: ["d1", "two"]

#### switch basic
# source: about_Switch
switch (3) { 1 { 'one' } 2 { 'two' } 3 { 'three' } }
## RESULT: ["three"]

#### switch multiple matches all run
# source: about_Switch
switch (4) { 4 { 'a' } 4 { 'b' } }
## RESULT: ["a", "b"]

#### switch default
# source: about_Switch
switch ('zz') { 'a' { 1 } default { 'none' } }
## RESULT: ["none"]

#### switch on array processes each element
# source: about_Switch
switch (1, 5) { 1 { 'one' } 5 { 'five' } }
## RESULT: ["one", "five"]

#### switch continue moves to next element
# source: about_Switch ("continue")
switch (1, 2) { { $_ -ge 1 } { "a$_"; continue } 2 { 'never' } }
## RESULT: ["a1", "a2"]

#### switch is case-insensitive by default
# source: about_Switch
switch ('ABC') { 'abc' { 'matched' } }
## RESULT: ["matched"]

#### switch -CaseSensitive
# source: about_Switch ("-CaseSensitive")
switch -CaseSensitive ('ABC') { 'abc' { 'lower' } 'ABC' { 'upper' } }
## RESULT: ["upper"]

#### switch -Wildcard
# source: about_Switch ("-Wildcard")
switch -Wildcard ('warning: disk') { 'error*' { 'E' } 'warn*' { 'W' } }
## RESULT: ["W"]

#### switch -Regex sets $Matches
# source: about_Switch ("-Regex")
switch -Regex ('id=42') { 'id=(\d+)' { $Matches[1] } }
## RESULT: ["42"]

#### switch script block condition
# source: about_Switch ("scriptblock")
switch (7) { { $_ -gt 5 } { 'big' } { $_ -lt 5 } { 'small' } }
## RESULT: ["big"]

#### switch -Exact is default string equality
# source: about_Switch ("-Exact")
switch -Exact ('a*') { 'a*' { 'lit' } 'ab' { 'no' } }
## RESULT: ["lit"]

#### switch value is converted to string for comparison
# source: about_Switch
switch (1) { '1' { 'str' } }
## RESULT: ["str"]

#### switch returns value assigned
# source: about_Switch
$r = switch ('b') { 'a' { 1 } 'b' { 2 } }; $r
## RESULT: [2]

#### switch on empty array runs nothing
# source: about_Switch
switch (@()) { default { 'x' } }
## RESULT: []

#### return ends function with value
# source: about_Return
function f { return 5; 'never' }; f
## RESULT: [5]

#### return outputs earlier output too
# source: about_Return ("all output is returned")
function f { 'first'; return 'second' }; f
## RESULT: ["first", "second"]

#### return in ForEach-Object acts like continue
# source: about_Return
1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }
## RESULT: [1, 3]

#### return array is unrolled
# source: about_Return
function f { return 1, 2 }; (f).Count
## RESULT: [2]

#### return unary comma keeps array
# source: about_Return ("unary comma")
function f { return , (1, 2) }; $r = f; $r.GetType().Name; $r.Count
## RESULT: ["Object[]", 2]

#### pipeline unrolls only one level
# source: about_Pipelines ("One-at-a-time processing")
@(1, 2), @(3) | Measure-Object | ForEach-Object Count
## RESULT: [2]

#### unary comma passes array as one object
# source: about_Pipelines; about_Operators ("Comma operator")
, (1, 2, 3) | Measure-Object | ForEach-Object Count
## RESULT: [1]

#### Write-Output -NoEnumerate
# source: Write-Output.md
Write-Output -NoEnumerate 1, 2 | Measure-Object | ForEach-Object Count
## RESULT: [1]

#### hashtable is not enumerated by pipeline
# source: about_Pipelines; about_Hash_Tables
@{a = 1; b = 2} | Measure-Object | ForEach-Object Count
## RESULT: [1]

#### pipeline streams one object at a time
# source: about_Pipelines ("One-at-a-time processing")
1, 2 | ForEach-Object { "a$_" } | ForEach-Object { "b$_" }
## RESULT: ["ba1", "ba2"]

#### single result is scalar, many is array
# source: about_Pipelines; about_Arrays
$one = Write-Output 1; $two = 1, 2 | Write-Output; $one.GetType().Name; $two.GetType().Name
## RESULT: ["Int32", "Object[]"]

#### array subexpression forces array
# source: about_Operators ("Array subexpression operator")
$r = @(Write-Output 1); $r.GetType().Name; $r.Count
## RESULT: ["Object[]", 1]

#### pipeline chain && runs on success
# source: about_Pipeline_Chain_Operators
Write-Output 'a' && Write-Output 'b'
## RESULT: ["a", "b"]

#### pipeline chain || skips on success
# source: about_Pipeline_Chain_Operators
Write-Output 'a' || Write-Output 'b'
## RESULT: ["a"]

#### pipeline chain || runs after failure
# source: about_Pipeline_Chain_Operators
Write-Error 'bad' -ErrorAction SilentlyContinue || Write-Output 'recovered'
## RESULT: ["recovered"]

#### pipeline chain && skips after failure
# source: about_Pipeline_Chain_Operators
Write-Error 'bad' -ErrorAction SilentlyContinue && Write-Output 'no'
## RESULT: []

#### pipeline chain assignment
# source: about_Pipeline_Chain_Operators ("assignment")
$r = Write-Output 'x' && Write-Output 'y'; $r
## RESULT: ["x", "y"]

#### pipeline chain after throw-free terminating error
# source: about_Pipeline_Chain_Operators
function ok { 'ok' }; ok || 'never'; ok && 'then'
## RESULT: ["ok", "ok", "then"]

#### null-coalescing operator
# source: about_Operators ("Null-coalescing operator ??")
$x = $null; $x ?? 'default'
## RESULT: ["default"]

#### null-coalescing assignment
# source: about_Assignment_Operators ("??=")
$x = $null; $x ??= 5; $x ??= 6; $x
## RESULT: [5]

#### script block call with &
# source: about_Script_Blocks
$sb = { param($a, $b) $a + $b }; & $sb 1 2
## RESULT: [3]

#### script block with process block in pipeline
# source: about_Script_Blocks; about_Functions ("Piping objects to functions")
1, 2 | & { process { $_ * 10 } }
## RESULT: [10, 20]

#### script block is an object of type ScriptBlock
# source: about_Script_Blocks
{ 1 }.GetType().Name
## RESULT: ["ScriptBlock"]

#### script block ToString is its text
# source: about_Script_Blocks
{ Get-Date }.ToString()
## RESULT: [" Get-Date "]

#### delay-bind script block parameter
# source: about_Script_Blocks ("Using delay-bind script blocks with parameters")
[pscustomobject]@{N = 'a'} | Select-Object -Property @{ n = 'U'; e = { $_.N.ToUpper() } } | ForEach-Object U
## RESULT: ["A"]
