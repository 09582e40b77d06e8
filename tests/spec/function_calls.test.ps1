# Calls of simple functions, which the generated code makes without a pipeline
# (engine/pycompile/calls.py): each case checks one thing the general path gives a function.
# Binding: about_Functions (positional parameters in declaration order, the rest in $args),
# about_Automatic_Variables ($PSBoundParameters, $MyInvocation, $args).

#### positional arguments, a default, the rest in $args
function f($x, $y = 3) { "$x $y [$args] $($PSBoundParameters.Count)" }
f 1; f 1 2; f 1 2 3 4
## STDOUT:
1 3 [] 1
1 2 [] 2
1 2 [3 4] 2
## END

#### a default computed from an earlier parameter
function g($a, $b = $a * 2) { $a + $b }
g 5; g 5 1
## STDOUT:
15
6
## END

#### named arguments, a typed parameter, a switch
function typed([int]$n, [switch]$Loud) { if ($Loud) { "N=$n" } else { $n } }
typed 7; typed -n '8'; typed 9 -Loud; (typed '10').GetType().Name
## STDOUT:
7
8
N=9
Int32
## END

#### return ends the function; several values become an array
function pick($v) { if ($v) { return 'yes' }; 'no'; 'really' }
pick 1; $a = pick 0; $a.Count
## STDOUT:
yes
2
## END

#### $MyInvocation of a called function
function who { "$($MyInvocation.ScriptLineNumber) $($MyInvocation.InvocationName) $($MyInvocation.BoundParameters.Count) $($MyInvocation.UnboundArguments)" }
who
WHO 1 2
## STDOUT:
2 who 0 
3 WHO 0 1 2
## END

#### an alias with the function's name wins
function target { 'function' }
function other { 'alias' }
target
Set-Alias target other
target
## STDOUT:
function
alias
## END

#### a redefined function between calls
function k { 1 }
for ($i = 0; $i -lt 2; $i++) { k; function k { 2 } }
## STDOUT:
1
2
## END

#### recursion; an Int32 product that overflows becomes a double
# source: NumericOps.cs IntOps.Multiply
function fib($n) { if ($n -lt 2) { $n } else { (fib ($n - 1)) + (fib ($n - 2)) } }
fib 15
function fact($n) { if ($n -le 1) { 1 } else { $n * (fact ($n - 1)) } }
fact 20
## STDOUT:
610
2.43290200817664E+18
## END

#### an error inside the called function, then the caller goes on
function bad($d) { 1 / $d; 'after' }
bad 0; 'next'
## STDOUT:
after
next
## END
## ERRORS: Attempted to divide by zero.

#### a terminating error in an argument stops the statement
function two($a) { "got $a" }
try { two (1 / $zero) } catch { 'caught' }
## STDOUT:
caught
## END

#### Select-Object -First stops a function's output
& { function many { 1; 2; 3 }; many; many } | Select-Object -First 2
## STDOUT:
1
2
## END

#### an advanced function and a filter take the general path
function adv { [CmdletBinding()] param($v) "adv $v" }
filter dbl { $_ * 2 }
adv 1; 3 | dbl; dbl
## STDOUT:
adv 1
6
## END

#### a splatted call
function sp($a, $b) { "$a-$b" }
$h = @{ b = 2; a = 1 }; sp @h; $l = 3, 4; sp @l
## STDOUT:
1-2
3-4
## END

#### a function defined inside another hides the global one of that name, only there
# source: about_Scopes ("Functions ... are scoped like variables"): an inner definition is found first
function f($x) { "global $x" }
function g { function f($x) { "inner $x" }; f 1; $y = f 2; $y }
g
f 3
## RESULT: ["inner 1", "inner 2", "global 3"]
