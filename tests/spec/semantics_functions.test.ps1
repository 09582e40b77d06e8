# Semantics cases: functions, parameters, binding, splatting, advanced functions.
# Sources: PowerShell-Docs reference/7.5 about_Functions*, about_Parameters, about_Splatting,
# and test/powershell/Language/Scripting/ParameterBinding.Tests.ps1 (named per case).

#### simple function
# source: about_Functions ("Simple functions")
function Get-Hi { 'hi' }; Get-Hi
## RESULT: ["hi"]

#### function with param block
# source: about_Functions ("Functions with parameters")
function Add-Two { param($a, $b) $a + $b }; Add-Two 2 3
## RESULT: [5]

#### named parameters
# source: about_Functions ("Named parameters")
function f { param($Size, $Name) "$Name=$Size" }; f -Name n -Size 4
## RESULT: ["n=4"]

#### parameter name prefix
# source: about_Parameters; about_Functions
function f { param($Computer) $Computer }; f -Comp srv
## RESULT: ["srv"]

#### parameter with colon syntax
# source: about_Parameters ("-Parameter:value")
function f { param([int]$n) $n * 2 }; f -n:21
## RESULT: [42]

#### default parameter value
# source: about_Functions ("Default values for parameters")
function f { param($Name = 'World') "Hello $Name" }; f; f -Name PS
## RESULT: ["Hello World", "Hello PS"]

#### default value from expression of other parameter
# source: about_Functions_Advanced_Parameters (defaults may reference earlier parameters)
function f { param($a = 2, $b = $a * 3) $b }; f; f -a 5
## RESULT: [6, 15]

#### typed parameter converts
# source: about_Functions ("Parameter types")
function f { param([int]$n) $n.GetType().Name + $n }; f '12'
## RESULT: ["Int3212"]

#### switch parameter
# source: about_Functions ("Switch parameters")
function f { param([switch]$On) if ($On) { 'on' } else { 'off' } }; f; f -On
## RESULT: ["off", "on"]

#### unknown named parameter of an advanced function
# source: about_Parameters; ParameterBinderStrings NamedParameterNotFound
function f { [CmdletBinding()] param($a) $a }; f -zz 1
## ERRORS: A parameter cannot be found that matches parameter name 'zz'.

#### ambiguous parameter prefix
# source: ParameterBinderStrings AmbiguousParameter
function f { param($Alpha, $Alpine) 1 }; f -Al 3
## ERRORS: Parameter cannot be processed because the parameter name 'Al' is ambiguous. Possible matches include: -Alpha -Alpine.

#### missing argument for parameter
# source: ParameterBinderStrings MissingArgument
function f { param([int]$n) $n }; f -n
## ERRORS: Missing an argument for parameter 'n'. Specify a parameter of type 'System.Int32' and try again.

#### parameter specified twice
# source: ParameterBinderStrings ParameterAlreadyBound
function f { param($a) $a }; f -a 1 -a 2
## ERRORS: Cannot bind parameter because parameter 'a' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".

#### filter keyword
# source: about_Functions ("Filters")
filter Double { $_ * 2 }; 1, 2, 3 | Double
## RESULT: [2, 4, 6]

#### begin process end order
# source: about_Functions ("Piping objects to functions")
function f { begin { 'b' } process { "p$_" } end { 'e' } }; 1, 2 | f
## RESULT: ["b", "p1", "p2", "e"]

#### function without process block gets $input in end
# source: about_Functions ("Piping objects to functions")
function f { "count=$(@($input).Count)" }; 1, 2, 3 | f
## RESULT: ["count=3"]

#### function output collected as array
# source: about_Functions; about_Return
function f { 1; 2; 3 }; $r = f; $r.Count
## RESULT: [3]

#### function defined later in script is not yet available
# source: about_Functions (functions must be defined before use)
nope-fn
function nope-fn { 'x' }
## ERRORS: The term 'nope-fn' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### Mandatory parameter missing in non-interactive run
# source: about_Functions_Advanced_Parameters (Mandatory); ParameterBinding.Tests.ps1
function f { param([Parameter(Mandatory)]$Name) $Name }; f -Name x
## RESULT: ["x"]

#### Position argument
# source: about_Functions_Advanced_Parameters (Position)
function f { param([Parameter(Position = 1)]$b, [Parameter(Position = 0)]$a) "$a-$b" }; f first second
## RESULT: ["first-second"]

#### ValueFromPipeline
# source: about_Functions_Advanced_Parameters (ValueFromPipeline)
function f { param([Parameter(ValueFromPipeline)]$InputObject) process { "got $InputObject" } }; 'a', 'b' | f
## RESULT: ["got a", "got b"]

#### ValueFromPipeline typed int converts
# source: about_Functions_Advanced_Parameters
function f { param([Parameter(ValueFromPipeline)][int]$n) process { $n + 1 } }; '1', '2' | f
## RESULT: [2, 3]

#### ValueFromPipelineByPropertyName
# source: about_Functions_Advanced_Parameters (ValueFromPipelineByPropertyName)
function f { param([Parameter(ValueFromPipelineByPropertyName)]$Name) process { "n=$Name" } }; [pscustomobject]@{Name = 'x'}, [pscustomobject]@{Name = 'y'} | f
## RESULT: ["n=x", "n=y"]

#### ValueFromPipelineByPropertyName via alias
# source: about_Functions_Advanced_Parameters (Alias attribute)
function f { param([Parameter(ValueFromPipelineByPropertyName)][Alias('CN')]$ComputerName) process { $ComputerName } }; [pscustomobject]@{CN = 'srv1'} | f
## RESULT: ["srv1"]

#### Alias attribute on parameter
# source: about_Functions_Advanced_Parameters (Alias attribute)
function f { param([Alias('CN', 'MachineName')]$ComputerName) $ComputerName }; f -MachineName m1
## RESULT: ["m1"]

#### ValueFromRemainingArguments
# source: about_Functions_Advanced_Parameters (ValueFromRemainingArguments)
function f { param([Parameter(Position = 0)]$first, [Parameter(Position = 1, ValueFromRemainingArguments)]$rest) "$first|$($rest -join ',')" }; f 1 2 3
## RESULT: ["1|2,3"]

#### ValidateSet rejects non-member
# source: about_Functions_Advanced_Parameters (ValidateSet); Metadata.resx ValidateSetFailure
function f { param([ValidateSet('Low', 'High')]$Level) $Level }; f -Level Mid
## ERRORS: Cannot validate argument on parameter 'Level'. The argument "Mid" does not belong to the set "Low,High" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.

#### ValidateRange accepts
# source: about_Functions_Advanced_Parameters (ValidateRange)
function f { param([ValidateRange(1, 10)][int]$n) $n }; f 10
## RESULT: [10]

#### ValidatePattern
# source: about_Functions_Advanced_Parameters (ValidatePattern)
function f { param([ValidatePattern('^\d+$')]$s) $s }; f '123'
## RESULT: ["123"]

#### ValidateLength
# source: about_Functions_Advanced_Parameters (ValidateLength)
function f { param([ValidateLength(1, 3)]$s) $s }; f 'abc'
## RESULT: ["abc"]

#### ValidateScript
# source: about_Functions_Advanced_Parameters (ValidateScript)
function f { param([ValidateScript({ $_ -gt 0 })][int]$n) $n }; f 4
## RESULT: [4]

#### ValidateCount
# source: about_Functions_Advanced_Parameters (ValidateCount)
function f { param([ValidateCount(1, 2)][string[]]$s) $s.Count }; f a, b
## RESULT: [2]

#### parameter sets cannot be combined
# source: about_Parameter_Sets; ParameterBinderStrings AmbiguousParameterSet
function f { [CmdletBinding()] param([Parameter(ParameterSetName = 'A')]$a, [Parameter(ParameterSetName = 'B')]$b) 1 }; f -a 1 -b 2
## ERRORS: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.

#### CmdletBinding Write-Verbose hidden by default
# source: about_Functions_Advanced ("Write-Verbose"); about_CommonParameters (-Verbose)
function f { [CmdletBinding()] param() Write-Verbose 'v'; 'out' }; f
## RESULT: ["out"]

#### Parameter attribute makes function advanced (common parameters)
# source: about_Functions_Advanced_Parameters; about_CommonParameters
function f { param([Parameter()]$a) $a }; f -a 1 -ErrorAction Stop
## RESULT: [1]

#### splatting hashtable
# source: about_Splatting ("Splatting with hash tables")
function f { param($a, $b) "$a/$b" }; $h = @{a = 1; b = 2}; f @h
## RESULT: ["1/2"]

#### splatting array positional
# source: about_Splatting ("Splatting with arrays")
function f { param($a, $b) "$a/$b" }; $arr = 'x', 'y'; f @arr
## RESULT: ["x/y"]

#### splatting with extra named parameter
# source: about_Splatting
function f { param($a, $b, $c) "$a/$b/$c" }; $h = @{a = 1}; f @h -c 3 -b 2
## RESULT: ["1/2/3"]

#### splatting to a cmdlet
# source: about_Splatting (Copy-Item example pattern)
$p = @{Property = 'N'}; [pscustomobject]@{N = 1; M = 2} | Select-Object @p | ForEach-Object { $_.PSObject.Properties.Name }
## RESULT: ["N"]

#### splatting $PSBoundParameters forwards
# source: about_Splatting ("Forwarding parameters with $PSBoundParameters")
function inner { param($a, $b) "$a+$b" }; function outer { param($a, $b) inner @PSBoundParameters }; outer -a 1 -b 2
## RESULT: ["1+2"]

#### function parameters via $args named tokens
# source: about_Functions
function f { $args.Count }; f -foo bar
## RESULT: [2]

#### function in pipeline middle
# source: about_Functions ("Piping objects to functions")
function f { process { $_ + 1 } }; 1, 2 | f | ForEach-Object { $_ * 10 }
## RESULT: [20, 30]

#### recursion
# source: about_Functions
function fact($n) { if ($n -le 1) { 1 } else { $n * (fact ($n - 1)) } }; fact 5
## RESULT: [120]

#### function call with parentheses passes array
# source: about_Functions (common mistake: f(1,2) passes one array)
function f($a, $b) { "a=$($a.Count) b=$($null -eq $b)" }; f(1, 2)
## RESULT: ["a=2 b=True"]

#### ArgumentCompleter-free: AllowNull/AllowEmptyString with Mandatory
# source: about_Functions_Advanced_Parameters (AllowEmptyString)
function f { param([Parameter(Mandatory)][AllowEmptyString()][string]$s) "[$s]" }; f -s ''
## RESULT: ["[]"]

#### HelpMessage does not change binding
# source: about_Functions_Advanced_Parameters (HelpMessage)
function f { param([Parameter(Mandatory, HelpMessage = 'Enter name')]$n) $n }; f -n z
## RESULT: ["z"]

#### parameter [string[]] binds scalar as array
# source: about_Functions_Advanced_Parameters
function f { param([string[]]$s) $s.GetType().Name; $s.Count }; f one
## RESULT: ["String[]", 1]
