# Loops whose variables the generated code keeps in Python locals (engine/pycompile/registers.py)
# must behave as the scope-dictionary loops do: each case exercises one of the guards.
# Integer rules: PowerShell engine/runtime/Operations/NumericOps.cs (IntOps/LongOps: an Int32
# result that overflows becomes a double, an Int64 operand keeps the operation 64-bit);
# scoping: about_Scopes (a read before the block assigns the variable sees the parent's).

#### a for loop's sum crosses Int32 and becomes a double
# source: NumericOps.cs IntOps.Add (overflow -> double)
$s = 2147483600; for ($i = 0; $i -lt 100; $i++) { $s += 1 }; $s; $s.GetType().Name
## STDOUT:
2147483700
Double
## END

#### a sum that starts as Int64 stays Int64
# source: NumericOps.cs LongOps.Add
$s = 3000000000; for ($i = 0; $i -lt 3; $i++) { $s += $i }; $s; $s.GetType().Name
$d = 3000000000; for ($i = 0; $i -lt 3; $i++) { $d -= 1; $d = $d * 1 }; $d; $d.GetType().Name
## STDOUT:
3000000003
Int64
2999999997
Int64
## END

#### the loop variable changed in the body
$n = 0; for ($i = 0; $i -lt 10; $i++) { if ($i -eq 3) { $i += 4 }; $n++ }; "$n $i"
## STDOUT:
6 10
## END

#### a read before the block's first assignment sees the parent scope
$s = 5; & { for ($i = 0; $i -lt 3; $i++) { $s += 1 }; $s }; $s
## STDOUT:
8
5
## END

#### a typed variable keeps its conversion
[int]$t = 0; for ($i = 0; $i -lt 3; $i++) { $t += 1.6 }; $t
## STDOUT:
6
## END

#### a read-only variable still refuses the loop's assignment
Set-Variable r 1 -Option ReadOnly; for ($i = 0; $i -lt 2; $i++) { $r = $i }; $r; $i
## STDOUT:
1
2
## END
## ERRORS: Cannot overwrite variable r because it is read-only or constant. | Cannot overwrite variable r because it is read-only or constant.

#### a variable that held AutomationNull
$x = & {}; for ($i = 0; $i -lt 2; $i++) { $x = $i }; $x
## STDOUT:
1
## END

#### an object read in the loop: the ordinary loop runs
$o = [pscustomobject]@{ a = 1 }; for ($i = 0; $i -lt 3; $i++) { $s = $o }; $s.a
## STDOUT:
1
## END

#### foreach over mixed items
$n = 0; $t = ''; foreach ($x in @(1, 2.5, 'a', $null, $true)) { $n += 1; $t += $x }; $n; $t
foreach ($x in @(1, [pscustomobject]@{ a = 2 })) { $y = $x }; $y.a
## STDOUT:
5
12.5aTrue
2
## END

#### a non-terminating error in the loop, then the loop goes on
$z = 0; for ($i = 0; $i -lt 3; $i++) { $s = $i / $z }; $i
## STDOUT:
3
## END
## ERRORS: Attempted to divide by zero. | Attempted to divide by zero. | Attempted to divide by zero.

#### a terminating error leaves the variables as far as they got
$ErrorActionPreference = 'Stop'
try { $z = 0; for ($i = 0; $i -lt 5; $i++) { $k = $i; $s = 10 / ($z + 2 - $i) } } catch { "caught at $i, k=$k" }
## STDOUT:
caught at 2, k=2
## END

#### strict mode
Set-StrictMode -Version Latest; $s = 0; for ($i = 0; $i -lt 3; $i++) { $s += $i }; $s
## STDOUT:
3
## END

#### break and while
for ($i = 0; ; $i++) { if ($i -ge 5) { break } }; $i
$j = 0; while ($true) { $j += 2; if ($j -gt 7) { break } }; $j
## STDOUT:
5
8
## END

#### nested loops and a range foreach
$s = 0; for ($i = 0; $i -lt 3; $i++) { foreach ($j in 1..$i) { $s += $j } }; $s; $j
## STDOUT:
5
2
## END

#### a variable created in the loop keeps its spelling
for ($i = 0; $i -lt 2; $i++) { $NewVar = $i }; (Get-Variable newvar).Name; $NewVar
## STDOUT:
NewVar
1
## END

#### text built in a loop; a function reads the result afterwards
$t = ''; for ($i = 0; $i -lt 3; $i++) { $t += 'ab' }; $t
function show { $s }; $s = 0; for ($i = 0; $i -lt 4; $i++) { $s += $i }; show
## STDOUT:
ababab
6
## END

#### a loop in a function
function sum($n) { $t = 0; for ($i = 1; $i -le $n; $i++) { $t += $i }; $t }; sum 10; $t
## STDOUT:
55
## END

#### mixed arithmetic in a loop
$a = 1; $b = 0.5; $c = '3'; for ($i = 0; $i -lt 3; $i++) { $a = $a * 2 + $b; $b = $b - $c % 2 }; $a; $b
## STDOUT:
7.5
-2.5
## END

#### counting for loops: where $i ends
for ($i = 7; $i -lt 5; $i++) { }; $i
for ($i = 0; $i -le 3; $i++) { }; $i
for ($i = 0; $i -lt 10; $i++) { if ($i -eq 4) { break } }; $i
$n = 3; $t = 0; for ($i = 0; $i -lt $n; $i++) { $t += $i }; "$i $t"
$n = '3'; $t = 0; for ($i = 0; $i -lt $n; $i++) { $t += $i }; "$i $t"
for ($i = 0.5; $i -lt 3; $i++) { }; $i
## STDOUT:
7
4
4
3 3
3 3
3.5
## END

#### a counting loop up to Int32.MaxValue
# source: NumericOps.cs IntOps.Add ($i++ past Int32.MaxValue is a double)
$c = 0; for ($i = 2147483645; $i -le 2147483647; $i++) { $c++ }; $c; $i.GetType().Name
## STDOUT:
3
Double
## END
