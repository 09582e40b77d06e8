# Cases from PowerShell's docs and Pester tests that pscompat once failed (each cites its source).

#### binding: CmdletBinding positional and named
# source: test/powershell/Language/Scripting/ParameterBinding.Tests.ps1 ("Test of positional parameters")
function get-foo { [CmdletBinding()] param($a) $a }; get-foo a; get-foo -a b
## RESULT: ["a", "b"]

#### too many positional arguments for advanced function
# source: ParameterBinderStrings PositionalParameterNotFound
function f { [CmdletBinding()] param($a) $a }; f 1 2
## ERRORS: A positional parameter cannot be found that accepts argument '2'.

#### unknown named parameter of a simple function goes to $args
# source: about_Functions; about_Automatic_Variables ($args)
function f { param($a) "$a|$args" }; f -zz 1
## RESULT: ["1|-zz"]

#### switch parameter explicit false
# source: about_Functions ("Switch parameters"): -On:$false
function f { param([switch]$On) $On.IsPresent }; f -On:$false
## RESULT: [false]

#### switch parameter type
# source: about_Functions
function f { param([switch]$s) $s.GetType().Name }; f -s
## RESULT: ["SwitchParameter"]

#### $PSBoundParameters with switch
# source: about_Automatic_Variables ($PSBoundParameters)
function f { param([switch]$x, $y) $PSBoundParameters['x'].IsPresent }; f -x
## RESULT: [true]

#### splatting switch via hashtable
# source: about_Splatting
function f { param([switch]$s) $s.IsPresent }; $h = @{s = $true}; f @h
## RESULT: [true]

#### $PSCmdlet available in advanced function
# source: about_Functions_CmdletBindingAttribute
function f { [CmdletBinding()] param() $null -ne $PSCmdlet }; f
## RESULT: [true]

#### parameter sets chosen by named parameter
# source: about_Functions_Advanced_Parameters (ParameterSetName); about_Parameter_Sets
function f { [CmdletBinding()] param([Parameter(ParameterSetName = 'ByName')]$Name, [Parameter(ParameterSetName = 'ById')]$Id) $PSCmdlet.ParameterSetName }; f -Id 3; f -Name x
## RESULT: ["ById", "ByName"]

#### DefaultParameterSetName
# source: about_Functions_CmdletBindingAttribute (DefaultParameterSetName)
function f { [CmdletBinding(DefaultParameterSetName = 'B')] param([Parameter(ParameterSetName = 'A')]$a, [Parameter(ParameterSetName = 'B')]$b) $PSCmdlet.ParameterSetName }; f
## RESULT: ["B"]

#### splat: hashtable chooses parameter set
# source: test/powershell/Language/Scripting/Splatting.Tests.ps1 ("Should splat hashtables properly")
function Test-Splat { [CmdletBinding(DefaultParameterSetName = 'Default')] param([Parameter(Position = 0, ParameterSetName = 'Value')][ValidateNotNullOrEmpty()][string]$Value, [Parameter(Position = 0, ParameterSetName = 'Value2')][ValidateNotNullOrEmpty()][int]$Value2) $PSCmdlet.ParameterSetName }
$testObject = @{ Value2 = 42 }; Test-Splat @testObject
## RESULT: ["Value2"]

#### splat: array chooses parameter set by type
# source: Splatting.Tests.ps1 ("Should splat arrays properly")
function Test-Splat { [CmdletBinding(DefaultParameterSetName = 'Default')] param([Parameter(Position = 0, ParameterSetName = 'Value')][ValidateNotNullOrEmpty()][string]$Value, [Parameter(Position = 0, ParameterSetName = 'Value2')][ValidateNotNullOrEmpty()][int]$Value2) $PSCmdlet.ParameterSetName }
$testObject = @('Does it splat?'); Test-Splat @testObject
## RESULT: ["Value"]

#### -Verbose shows verbose stream
# source: about_CommonParameters (-Verbose)
function f { [CmdletBinding()] param() Write-Verbose 'details'; 'out' }; f -Verbose 4>&1 | ForEach-Object { "$_" }
## RESULT: ["details", "out"]

#### ErrorVariable in advanced function
# source: about_CommonParameters
function f { [CmdletBinding()] param() Write-Error 'from f' }; f -ErrorVariable fe -ErrorAction SilentlyContinue; "$fe"
## RESULT: ["from f"]

#### ErrorVariable from advanced function without redirection
# source: OutErrorVariable.Tests.ps1 ("Updating ErrorVariable Case 1"), with -ErrorAction SilentlyContinue
function get-foo1 { [CmdletBinding()] param() write-error "foo" }; get-foo1 -ErrorVariable a -ErrorAction SilentlyContinue; $a | ForEach-Object { $_.ToString() }
## RESULT: ["foo"]

#### caught exceptions are added to ErrorVariable
# source: OutErrorVariable.Tests.ps1 ("Verify that exceptions are added to the ErrorVariable")
function get-foo4 { [CmdletBinding()] param() write-error "foo-error"; try { throw "foo-exception" } catch {} }
get-foo4 -errorVariable err 2> $null; ($err | ForEach-Object { "$_" }) -join ','
## RESULT: ["foo-error,foo-exception"]

#### nested ErrorVariable
# source: OutErrorVariable.Tests.ps1 ("Nested ErrorVariable")
function get-foo1 { [CmdletBinding()] param() write-error "foo" }; function get-bar { [CmdletBinding()] param() write-error "bar"; get-foo1 -errorVariable script:a }
get-bar -errorVariable b 2> $null; "$script:a"; ($b | ForEach-Object { "$_" }) -join ','
## RESULT: ["foo", "bar,foo"]

#### ErrorVariable from advanced function
# source: OutErrorVariable.Tests.ps1 ("Updating ErrorVariable Case 1: write-error")
function get-foo1 { [CmdletBinding()] param() write-error "foo" }; get-foo1 -ErrorVariable a 2> $null; $a | ForEach-Object { $_.ToString() }
## RESULT: ["foo"]

#### ErrorVariable append
# source: OutErrorVariable.Tests.ps1 ("Appending ErrorVariable Case 1")
function get-foo1 { [CmdletBinding()] param() write-error "foo" }; $a = @('a', 'b'); get-foo1 -ErrorVariable +a 2> $null; $a | ForEach-Object { $_.ToString() }
## RESULT: ["a", "b", "foo"]

#### OutVariable and ErrorVariable together
# source: OutErrorVariable.Tests.ps1 ("Update OutVariable and ErrorVariable")
function get-foo3 { [CmdletBinding()] param() "foo-output-0"; write-output "foo-output-1"; write-error "foo-error" }
get-foo3 -OutVariable out -errorVariable err 2> $null > $null; $out -join ','; "$err"
## RESULT: ["foo-output-0,foo-output-1", "foo-error"]

#### nested OutVariable
# source: OutErrorVariable.Tests.ps1 ("Nested OutVariable")
function get-foo1 { [CmdletBinding()] param() "foo" }; function get-bar { [CmdletBinding()] param() "bar"; get-foo1 -outVariable script:a }
get-bar -outVariable b > $null; $script:a; $b -join ','
## RESULT: ["foo", "bar,foo"]

#### mandatory empty string rejected
# source: about_Functions_Advanced_Parameters (Mandatory rejects empty string without AllowEmptyString)
function f { param([Parameter(Mandatory)][string]$s) "[$s]" }; f -s ''
## ERRORS: Cannot bind argument to parameter 's' because it is an empty string.

#### mandatory null rejected
# source: ParameterBinderStrings ParameterArgumentValidationErrorNullNotAllowed
function f { param([Parameter(Mandatory)]$s) "[$s]" }; f -s $null
## ERRORS: Cannot bind argument to parameter 's' because it is null.

#### binding: mandatory rejects null
# source: ParameterBinding.Tests.ps1 ("Null is not Allowed when AllowNull attribute is not set")
function get-foo { param([Parameter(mandatory=$true)] $a) $a }; get-foo -a $null
## ERRORS: Cannot bind argument to parameter 'a' because it is null.

#### binding: mandatory rejects empty string
# source: ParameterBinding.Tests.ps1 ("Empty string is not allowed AllowEmptyString Attribute is not set")
function get-foo { param([Parameter(mandatory=$true)][string] $a) $a }; get-foo -a ''
## ERRORS: Cannot bind argument to parameter 'a' because it is an empty string.

#### binding: mandatory rejects empty collection
# source: ParameterBinding.Tests.ps1 ("Empty collection is not allowed when AllowEmptyCollection it not set")
function get-foo { param([Parameter(mandatory=$true)][string[]] $a) $a }; get-foo -a @()
## ERRORS: Cannot bind argument to parameter 'a' because it is an empty array.

#### ValidateRange rejects too big
# source: about_Functions_Advanced_Parameters (ValidateRange); Metadata.resx ValidateRangeTooBig
function f { param([ValidateRange(1, 10)][int]$n) $n }; f 11
## ERRORS: Cannot validate argument on parameter 'n'. The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again.

#### ValidateRange rejects too small
# source: Metadata.resx ValidateRangeTooSmall
function f { param([ValidateRange(1, 10)][int]$n) $n }; f 0
## ERRORS: Cannot validate argument on parameter 'n'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.

#### ValidateNotNullOrEmpty rejects empty string
# source: about_Functions_Advanced_Parameters (ValidateNotNullOrEmpty); ParameterBinderStrings ParameterArgumentValidationErrorEmptyStringNotAllowed
function f { param([ValidateNotNullOrEmpty()]$s) $s }; f ''
## ERRORS: Cannot validate argument on parameter 's'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.

#### ValidateNotNull rejects null
# source: about_Functions_Advanced_Parameters (ValidateNotNull)
function f { param([ValidateNotNull()]$s) $s }; f $null
## ERRORS: Cannot validate argument on parameter 's'. The argument is null. Provide a valid value for the argument, and then run the command again.

#### ValidateSet accepts member
# source: about_Functions_Advanced_Parameters (ValidateSet)
function f { param([ValidateSet('Low', 'High')]$Level) $Level }; f -Level high
## RESULT: ["high"]

#### binding: ValidateScript custom ErrorMessage
# source: ParameterBinding.Tests.ps1 ("ValidateScript can use custom ErrorMessage")
function get-fooi { [CmdletBinding()] param([ValidateScript({$_ -gt 2}, ErrorMessage = "Item '{0}' failed '{1}' validation")] $p) $p }; get-fooi -p 2
## ERRORS: Cannot validate argument on parameter 'p'. Item '2' failed '$_ -gt 2' validation

#### binding: ValidatePattern custom ErrorMessage
# source: ParameterBinding.Tests.ps1 ("ValidatePattern can use custom ErrorMessage")
function get-fooj { [CmdletBinding()] param([ValidatePattern("\s+", ErrorMessage = "Item '{0}' failed '{1}' regex")] $p) $p }; get-fooj -p 2
## ERRORS: Cannot validate argument on parameter 'p'. Item '2' failed '\s+' regex

#### binding: ValidateSet custom ErrorMessage
# source: ParameterBinding.Tests.ps1 ("ValidateSet can use custom ErrorMessage"); ListSeparator is ',' in en-US
function get-fook { param([ValidateSet('A', 'B', 'C', IgnoreCase=$false, ErrorMessage="Item '{0}' is not in '{1}'")] $p) }; get-fook -p 2
## ERRORS: Cannot validate argument on parameter 'p'. Item '2' is not in 'A,B,C'

#### typed parameter conversion error
# source: about_Parameters; ParameterBinderStrings CannotConvertArgumentNoMessage
function f { param([int]$n) $n }; f 'abc'
## ERRORS: Cannot process argument transformation on parameter 'n'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."

#### binding: unspecified non-mandatory bool
# source: ParameterBinding.Tests.ps1 ("Unspecified non-mandatory bool should not cause exception")
function get-foo { param([Parameter(Mandatory=$true, Position=0, ValueFromPipeline=$true)] $a, [System.Boolean] $b) $a }; 42 | get-foo
## RESULT: [42]

#### binding: by-value failure falls back to by-property-name
# source: ParameterBinding.Tests.ps1 ("Parameter binding failure on Parameter1 should not cause parameter binding failure on Length")
function get-foo { param([Parameter(ValueFromPipeline = $true)] [int] $Parameter1 = 10, [Parameter(ValueFromPipelineByPropertyName = $true)] [int] $Length = 100) process { $Length } }; 'abc' | get-foo
## RESULT: [3]

#### binding: value from remaining arguments
# source: ParameterBinding.Tests.ps1 ("Value from remaining arguments")
function get-foo { param([Parameter(position=1)] $a, [Parameter(valuefromremainingarguments=$true)] $foo) $foo }
(get-foo a b c d) -join ','; (get-foo a b -a c d) -join ','; (get-foo a b -a c -q d) -join ','
## RESULT: ["b,c,d", "a,b,d", "a,b,-q,d"]

#### binding: dot-invoked script block with positions
# source: ParameterBinding.Tests.ps1 ("Invoking with script block")
$foo = . { param([Parameter(position=2)] $a, [Parameter(position=1)]$b); $a; $b } a b; $foo[0]
## RESULT: ["b"]

#### splatting $args
# source: about_Splatting ("Splatting command parameters"); $args splatting
function inner { param($a, $b) "$a~$b" }; function outer { inner @args }; outer -b 2 -a 1
## RESULT: ["1~2"]

#### splatting doc: override splatted value with explicit parameter
# source: about_Splatting ("Overriding splatted parameters" 7.1+)
function f { param($a, $b) "$a/$b" }; $h = @{ a = 1; b = 2 }; f @h -b 9
## RESULT: ["1/9"]

#### rethrow in catch
# source: about_Try_Catch_Finally ("throw" in catch re-throws)
try { try { throw 'inner' } catch { throw } } catch { "outer got $_" }
## RESULT: ["outer got inner"]

#### try: rethrow keeps the same exception
# source: TryCatch.Tests.ps1 ("rethrow flow up")
$a = . { try { try { $a = 0; 1 / $a } catch { "inner catch"; $ex_inner = $_; throw } } catch { "outer catch"; $ex_outer = $_ } }; $a; $ex_inner.Exception -eq $ex_outer.Exception
## RESULT: ["inner catch", "outer catch", true]

#### catch multiple types in one clause
# source: about_Try_Catch_Finally ("catch [type1], [type2]")
try { [int]::Parse('x') } catch [System.ArgumentException], [System.FormatException] { 'fmt' }
## RESULT: ["fmt"]

#### throw exception object
# source: about_Throw
try { throw [System.ArgumentException]::new('bad arg') } catch [System.ArgumentException] { $_.Exception.Message }
## RESULT: ["bad arg"]

#### try: throw a constructed exception caught by type list
# source: TryCatch.Tests.ps1 ("Catch by type #5")
$a = . { try { 1; throw ([ArgumentNullException]::new("bad")) } catch [DivideByZeroException],[ArgumentNullException] { 2 } }; $a
## RESULT: [1, 2]

#### exception Message property via $_.Exception.InnerException
# source: about_Try_Catch_Finally (method exceptions wrap in MethodInvocationException)
try { [int]::Parse('nope') } catch { $_.Exception.GetType().Name; $_.Exception.InnerException.GetType().Name }
## RESULT: ["MethodInvocationException", "FormatException"]

#### merge error into output
# source: about_Redirection ("2>&1")
$r = & { Write-Error 'merged'; 'out' } 2>&1; $r.Count; $r[0].GetType().Name
## RESULT: [2, "ErrorRecord"]

#### redirect to $null discards output
# source: about_Redirection
'x' > $null; 'y'
## RESULT: ["y"]

#### OutVariable in advanced function
# source: test/powershell/Language/Scripting/OutErrorVariable.Tests.ps1 ("Updating OutVariable Case 1")
function get-foo1 { [CmdletBinding()] param() "foo" }; get-foo1 -OutVariable a > $null; $a
## RESULT: ["foo"]

#### OutVariable append
# source: OutErrorVariable.Tests.ps1 ("Appending OutVariable Case 1")
function get-foo1 { [CmdletBinding()] param() "foo" }; $a = 'a', 'b'; get-foo1 -OutVariable +a > $null; $a
## RESULT: ["a", "b", "foo"]

#### Out-Null and [void] and $null = discard
# source: about_Redirection; about_Operators
[void](1); $null = 2; 3 | Out-Null; 'only'
## RESULT: ["only"]

#### redirect output to file and read back
# source: about_Redirection ("> file")
'line1' > out.txt; 'line2' >> out.txt; Get-Content out.txt
## RESULT: ["line1", "line2"]

#### warning stream redirection
# source: about_Redirection (stream 3)
Write-Warning 'w1' 3>&1 | ForEach-Object { $_.Message }
## RESULT: ["w1"]

#### information stream redirection
# source: about_Redirection (stream 6); Write-Host writes to information
Write-Host 'hi' 6>&1 | ForEach-Object { "$_" }
## RESULT: ["hi"]

#### all streams to output
# source: about_Redirection ("*>&1")
& { Write-Warning 'w'; Write-Verbose 'v' -Verbose; 'o' } *>&1 | ForEach-Object { "$_" }
## RESULT: ["w", "v", "o"]

#### VerbosePreference Continue shows verbose
# source: about_Preference_Variables ($VerbosePreference)
$VerbosePreference = 'Continue'; & { Write-Verbose 'v'; 'o' } 4>&1 | ForEach-Object { "$_" }
## RESULT: ["v", "o"]

#### trap continues
# source: about_Trap ("continue")
trap { 'trapped'; continue }; throw 'x'; 'after'
## RESULT: ["trapped", "after"]

#### trap in function
# source: about_Trap
function f { trap { "t: $_"; continue }; 1 / $null; 'rest' }; f
## RESULT: ["t: Attempted to divide by zero.", "rest"]

#### try: trap does not catch inside try
# source: TryCatch.Tests.ps1 ("Trap shouldn't catch exception")
$a = . { trap { "test failed" } try { 1; throw "exception"; "test failed" } catch { 2 } }; $a
## RESULT: [1, 2]

#### try: trap inside try catches
# source: TryCatch.Tests.ps1 ("Trap should catch exception")
$a = . { try { 1; throw "exception"; trap { 2; return }; "test failed" } catch { "test failed" } }; $a
## RESULT: [1, 2]

#### trap: line after exception in nested block not continued
# source: test/powershell/Language/Scripting/Trap.Tests.ps1 ("Line after exception should NOT be continued when it's from a nested script block")
$a = . {trap {"trapped"; continue;}; . {"hello"; throw "exception"; "world"}}; $a -join ","
## RESULT: ["hello,trapped"]

#### trap: inner break then outer trap
# source: Trap.Tests.ps1 ("... both inner and outter traps should be triggered")
$a = . {trap {"outer trap"; continue;}; . {trap {"inner trap"; break;}; "hello"; throw "exception"; "world"}}; $a -join ","
## RESULT: ["hello,inner trap,outer trap"]

#### trap: continue resumes with the next statement
# source: Trap.Tests.ps1 ("Line after exception should be invoked after continue")
$a = . {trap {"outer trap"; continue;} "hello"; throw "exception"; "world"}; $a -join ","
## RESULT: ["hello,outer trap,world"]

#### trap: typed trap does not match
# source: Trap.Tests.ps1 ("... inner trap should not be triggered")
$a = . {trap {"outer trap"; continue;}; . {trap [system.Argumentexception] {"inner trap"; continue;}; "hello"; throw "exception"; "world"}}; $a -join ","
## RESULT: ["hello,outer trap"]

#### $Error records newest first
# source: about_Automatic_Variables ($Error)
$Error.Clear(); Write-Error 'one' -ErrorAction SilentlyContinue; Write-Error 'two' -ErrorAction SilentlyContinue; $Error[0].Exception.Message; $Error.Count
## RESULT: ["two", 2]

#### $Error contains caught exceptions
# source: about_Automatic_Variables ($Error)
$Error.Clear(); try { throw 'z' } catch { }; $Error.Count; "$($Error[0])"
## RESULT: [1, "z"]

#### admin: filter that matches nothing gives $null
# source: about_Pipelines (no output = AutomationNull behaves as $null)
$r = 1..3 | Where-Object { $_ -gt 5 }; $null -eq $r; @($r).Count
## RESULT: [true, 0]

#### admin: -PipelineVariable keeps the outer object
# source: about_CommonParameters (-PipelineVariable)
1, 2 | ForEach-Object -PipelineVariable p { $_ } | ForEach-Object { "$p-$_" }
## RESULT: ["1-1", "2-2"]

#### $input in process block is current object
# source: about_Automatic_Variables ($input, "process block")
function f { process { foreach ($i in $input) { "p$i" } } }; 1, 2 | f
## RESULT: ["p1", "p2"]

#### $MyInvocation.MyCommand.Name in a function
# source: about_Automatic_Variables ($MyInvocation)
function Get-Me { $MyInvocation.MyCommand.Name }; Get-Me
## RESULT: ["Get-Me"]

#### $MyInvocation.MyCommand.Name is set in a function
# source: about_Automatic_Variables ($MyInvocation)
function Get-Name { $MyInvocation.MyCommand.Name }; $n = Get-Name; $n.Length -gt 0
## RESULT: [true]

#### $MyInvocation.InvocationName uses alias
# source: about_Automatic_Variables ($MyInvocation); InvocationInfo.InvocationName
function Get-Me { $MyInvocation.InvocationName }; Set-Alias gm2 Get-Me; gm2
## RESULT: ["gm2"]

#### $MyInvocation.BoundParameters
# source: InvocationInfo.BoundParameters; about_Automatic_Variables ($MyInvocation)
function f { param($a) $MyInvocation.BoundParameters['a'] }; f -a 7
## RESULT: [7]

#### private variable not visible in child
# source: about_Scopes ("Private option"); Scoping.Tests.ps1
$private:p = 'secret'; function f { "[$p]" }; f
## RESULT: ["[]"]

#### foreach $foreach enumerator MoveNext
# source: about_Automatic_Variables ($foreach)
foreach ($n in 1..6) { if ($n % 2) { $null = $foreach.MoveNext(); "$n,$($foreach.Current)" } }
## RESULT: ["1,2", "3,4", "5,6"]

#### switch $switch enumerator
# source: about_Automatic_Variables ($switch)
switch (1, 2, 3, 4) { 1 { $null = $switch.MoveNext(); "skip to $($switch.Current)" } default { "d$_" } }
## RESULT: ["skip to 2", "d3", "d4"]

#### script block invoke with Invoke method
# source: about_Script_Blocks
$sb = { param($p) $p * 2 }; $sb.Invoke(4)
## RESULT: [8]

#### script block GetNewClosure captures value
# source: about_Script_Blocks; ScriptBlock.GetNewClosure
$v = 1; $sb = { $v }.GetNewClosure(); $v = 2; & $sb
## RESULT: [1]

#### script block InvokeReturnAsIs
# source: ScriptBlock.InvokeReturnAsIs
$sb = { 1 + 1 }; $sb.InvokeReturnAsIs()
## RESULT: [2]

#### [scriptblock]::Create
# source: about_Script_Blocks; ScriptBlock.Create
$sb = [scriptblock]::Create('1 + 2'); & $sb
## RESULT: [3]

#### switch: -File reads lines
# source: about_Switch ("-File")
Set-Content -Path lines.txt -Value 'alpha', 'beta'; switch -File lines.txt { 'beta' { 'found beta' } }
## RESULT: ["found beta"]

# 4. Missing provider cmdlets (not language semantics: Get-Item, Set-Item, Remove-Item, New-Variable, Get-ChildItem) used by about_Variables/about_Functions/about_Environment_Variables/ActionPreference.Tests

#### variable: drive
# source: about_Variables ("The Variable: drive")
$vd = 'drive'; (Get-Item variable:vd).Value
## RESULT: ["drive"]

#### environment variable via Env drive
# source: about_Environment_Variables ("Using the provider")
Set-Item -Path env:PSC_T3 -Value 'v3'; (Get-Item env:PSC_T3).Value
## RESULT: ["v3"]

#### function drive lists function
# source: about_Functions ("Finding and managing functions using the Function: drive")
function Get-Zed { 'z' }; (Get-Item function:Get-Zed).Name
## RESULT: ["Get-Zed"]

#### Remove function
# source: about_Functions ("Function: drive")
function tmpf { 1 }; Remove-Item function:tmpf; Test-Path function:tmpf
## RESULT: [false]

#### ErrorAction enum prefix disambiguation
# source: ActionPreference.Tests.ps1 ("enum disambiguation works")
$errorCount = $error.Count; Get-ChildItem nosuchfile.nosuchextension -ErrorAction Ig; $error.Count - $errorCount
## RESULT: [0]

#### environment: Env: drive listing contains variable
# source: about_Environment_Variables ("Get-ChildItem Env:")
$env:PSC_SEM_Y = 'y1'; (Get-ChildItem Env: | Where-Object Name -eq 'PSC_SEM_Y').Value
## RESULT: ["y1"]

#### environment: Remove-Item Env:
# source: about_Environment_Variables ("Remove-Item -Path Env:\Foo")
$env:PSC_SEM_W = 'w'; Remove-Item Env:\PSC_SEM_W; $null -eq $env:PSC_SEM_W
## RESULT: [true]

#### a '[' inside a character class is a literal, and no Python warning leaks out
# source: .NET regex character classes (learn.microsoft.com "Character classes in .NET regular expressions": '[' needs no escape inside a class); found by python -m fuzz (Python's re warned "Possible nested set" on stderr)
"a[b" -match "[[a]"
"x[y" -replace "[[]", "-"
## STDOUT:
True
x-y
## END
