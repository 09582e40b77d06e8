# Semantics cases taken from PowerShell's own Pester tests (test/powershell/Language/Scripting/*.Tests.ps1):
# each case is one `It` block's script and its assertion, in spec-file form.

#### binding: only position 1 declared
# source: ParameterBinding.Tests.ps1 ("Positional parameters when only one position specified: position = 1")
function get-foo { param([Parameter(position=1)] $a) $a }; get-foo b
## RESULT: ["b"]

#### binding: only position 2 declared
# source: ParameterBinding.Tests.ps1 ("position = 2")
function get-foo { param([Parameter(position=2)] $a) $a }; get-foo b
## RESULT: ["b"]

#### binding: multiple positional parameters mixed with named
# source: ParameterBinding.Tests.ps1 ("Multiple positional parameters case 1")
function get-foo { param([Parameter(position=1)] $a, [Parameter(position=2)] $b) $a; $b }
(get-foo c d) -join ','; (get-foo -a c d) -join ','; (get-foo -a c -b d) -join ','; (get-foo -b d c) -join ','; (get-foo c -b d) -join ','
## RESULT: ["c,d", "c,d", "c,d", "c,d", "c,d"]

#### binding: positions out of declaration order
# source: ParameterBinding.Tests.ps1 ("Multiple positional parameters case 2")
function get-foo { param([Parameter(position=2)] $a, [Parameter(position=1)] $b) $a; $b }; (get-foo c d) -join ','
## RESULT: ["d,c"]

#### binding: value from pipeline
# source: ParameterBinding.Tests.ps1 ("Value from pipeline")
function get-foo { param([Parameter(valuefrompipeline=$true)] $a) process { if ($a % 2 -eq 0) { $a } } }; (1..10 | get-foo) -join ','
## RESULT: ["2,4,6,8,10"]

#### binding: value from pipeline by property name
# source: ParameterBinding.Tests.ps1 ("Value from pipeline by property name")
function get-foo { param([Parameter(valuefrompipelinebypropertyname=$true)] $foo) process { if ($foo % 2 -eq 0) { $foo } } }
$b = 1..10 | select-object @{name='foo'; expression={$_ * 10}} | get-foo; $b -join ','
## RESULT: ["10,20,30,40,50,60,70,80,90,100"]

#### binding: parameter sets with remaining arguments
# source: ParameterBinding.Tests.ps1 ("Multiple parameter sets with Value from remaining arguments")
function get-foo { param([Parameter(parametersetname='set1',position=1)] $a, [Parameter(parametersetname='set2',position=1)] $b, [parameter(valuefromremainingarguments=$true)] $foo) $foo }
(get-foo -a a b c d) -join ','; (get-foo -b b a c d) -join ','
## RESULT: ["b,c,d", "a,c,d"]

#### binding: default parameter set with remaining arguments
# source: ParameterBinding.Tests.ps1 ("Default parameter set with value from remaining arguments case 1")
function get-foo { [CmdletBinding(DefaultParameterSetName="set1")] param([Parameter(parametersetname="set1", position=1)] $a, [Parameter(parametersetname="set2", position=1)] $b, [parameter(valuefromremainingarguments=$true)] $foo) $a,$b,$foo }
$x,$y,$z = get-foo a b c d; $x; $null -eq $y; $z -join ','
## RESULT: ["a", true, "b,c,d"]

#### binding: default parameter set 2 with remaining arguments
# source: ParameterBinding.Tests.ps1 ("Default parameter set with value from remaining argument case 2")
function get-foo { [CmdletBinding(DefaultParameterSetName="set2")] param([Parameter(parametersetname="set1", position = 1)] $a, [Parameter(parametersetname="set2", position = 1)] $b, [parameter(valuefromremainingarguments=$true)] $foo) $a,$b,$foo }
$x,$y,$z = get-foo a b c d; $null -eq $x; $y; $z -join ','
## RESULT: [true, "a", "b,c,d"]

#### binding: alias on mandatory parameter
# source: ParameterBinding.Tests.ps1 ("Alias are specified for parameters")
function get-foo { param([Parameter(mandatory=$true)][alias("foo", "bar")] $a) $a }; get-foo -foo b
## RESULT: ["b"]

#### binding: normal function with paren params
# source: ParameterBinding.Tests.ps1 ("Normal functions")
function foo ($a, $b) {$b, $a}; (foo a b) -join ','
## RESULT: ["b,a"]

#### binding: AllowNull permits null
# source: ParameterBinding.Tests.ps1 ("Null is allowed when Allownull attribute is set")
function get-foo { param([Parameter(mandatory=$true)][allownull()] $a) $a }; $null -eq (get-foo -a $null)
## RESULT: [true]

#### binding: AllowEmptyString permits empty string
# source: ParameterBinding.Tests.ps1 ("Empty string is allowed when AllowEmptyString Attribute is set")
function get-foo { param([Parameter(mandatory=$true)][allowemptystring()][string] $a) $a }; get-foo -a ''
## RESULT: [""]

#### binding: AllowEmptyCollection permits empty array
# source: ParameterBinding.Tests.ps1 ("Empty collection is allowed when allowEmptyCollection is set")
function get-foo { param([Parameter(mandatory=$true)][allowemptycollection()][string[]] $a) $a }; get-foo -a @()
## RESULT: []

#### binding: string array to bool array in simple function
# source: ParameterBinding.Tests.ps1 ("Binding array of string to array of bool should succeed")
function get-foo { param([bool[]] $Parameter) $Parameter }; $x = get-foo 'a','b'; $x[0]; $x[1]
## RESULT: [true, true]

#### binding: validation does not run on default values
# source: ParameterBinding.Tests.ps1 ("Validation attributes should not run on default values when nothing is set on the parameter")
function get-fooe { param([ValidateRange(1,42)] $p = 55) $p }; get-fooe
## RESULT: [55]

#### binding: validation does not run on default values with CmdletBinding
# source: ParameterBinding.Tests.ps1 ("... when CmdletBinding is set on the parameter")
function get-foof { [CmdletBinding()] param([ValidateRange(1,42)] $p = 55) $p }; get-foof
## RESULT: [55]

#### try: simple throw and catch
# source: test/powershell/Language/Scripting/TryCatch.Tests.ps1 ("Simple throw and catch")
$a = . { try { 1; throw "exception"; "test failed" } catch { 2 } }; $a
## RESULT: [1, 2]

#### try: try catch finally
# source: TryCatch.Tests.ps1 ("Simple try, throw, catch, and finally")
$a = . { try { 1; throw "exception"; "test failed" } catch { 2 } finally { 3 } }; $a
## RESULT: [1, 2, 3]

#### try: catch by type DivideByZeroException
# source: TryCatch.Tests.ps1 ("Catch by type #2")
$a = . { try { 1; $a = 0; 1/$a; "test failed" } catch [DivideByZeroException] { 2 } catch [Exception] { "test failed" } }; $a
## RESULT: [1, 2]

#### try: catch by type list
# source: TryCatch.Tests.ps1 ("Catch by type #4")
$a = . { try { 1; $a = 0; 1/$a; "test failed" } catch [DivideByZeroException],[ArgumentNullException] { 2 } }; $a
## RESULT: [1, 2]

#### try: break in try runs finally
# source: TryCatch.Tests.ps1 ("break in try")
$a = . { foreach ($i in (1..3)) { try { if ($i -eq 2) { break }; $i } catch { "test failed" } finally { "finally: $i" } } }; $a
## RESULT: [1, "finally: 1", "finally: 2"]

#### try: continue in try runs finally
# source: TryCatch.Tests.ps1 ("continue in try")
$a = . { foreach ($i in (1..3)) { try { if ($i -eq 2) { continue }; $i } catch { "test failed" } finally { "finally: $i" } } }; $a
## RESULT: [1, "finally: 1", "finally: 2", 3, "finally: 3"]

#### try: continue in nested try
# source: TryCatch.Tests.ps1 ("continue in nested try within foreach loop")
$a = . { foreach ($i in (1..3)) { try { try { if ($i -eq 2) { continue }; $i } catch { "f2" } finally { "finally#2: $i" } } catch { "f1" } finally { "finally#1: $i" } } }; $a -join ';'
## RESULT: ["1;finally#2: 1;finally#1: 1;finally#2: 2;finally#1: 2;3;finally#2: 3;finally#1: 3"]

#### try: break in catch without loop
# source: TryCatch.Tests.ps1 ("break in catch without loop")
$a = . { try { throw 1 } catch { foreach ($i in (1..3)) { if ($i -eq 2) { break }; $i } } finally { "finally" } }; $a
## RESULT: [1, "finally"]

#### try: continue in catch within loop
# source: TryCatch.Tests.ps1 ("continue in catch within foreach loop")
$a = . { foreach ($i in (1..3)) { try { throw 1 } catch { if ($i -eq 2) { continue }; $i } finally { "finally $i" } } }; $a
## RESULT: [1, "finally 1", "finally 2", 3, "finally 3"]

#### try: continue in finally
# source: TryCatch.Tests.ps1 ("continue in finally normal execution")
$a = . { try { "try"; throw 1 } catch { "catch" } finally { "finally"; foreach ($i in (1..3)) { if ($i -eq 2) { continue }; $i } } }; $a
## RESULT: ["try", "catch", "finally", 1, 3]

#### try: ErrorRecord ToString is the thrown value
# source: TryCatch.Tests.ps1 ("ErrorRecord object is set correctly")
$a = . { try { throw 42 } catch { $_ } }; [int]$a.ToString()
## RESULT: [42]

#### try: nested try catch finally order
# source: TryCatch.Tests.ps1 ("Nested try/catch")
$a = . { try { "outer try"; try { "inner try"; $a = 0; 1 / $a } catch [OutOfMemoryException] { "test failed" } finally { "inner finally" } } catch [DivideByZeroException] { "caught" } finally { "outer finally" } }; $a
## RESULT: ["outer try", "inner try", "inner finally", "caught", "outer finally"]
