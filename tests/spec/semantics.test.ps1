# Semantics cases: scopes, variables, automatic variables, control flow.
# Sources: PowerShell-Docs reference/7.5 about_* pages and PowerShell's test/powershell/Language tests (named per case).

#### child scope reads parent variable
# source: about_Scopes ("Parent and child scopes")
$a = 1; function f { $a }; f
## RESULT: [1]

#### child scope assignment does not leak
# source: about_Scopes
$a = 1; function f { $a = 2 }; f; $a
## RESULT: [1]

#### script block call operator runs in child scope
# source: about_Scopes ("Using the call operator")
$a = 1; & { $a = 2 }; $a
## RESULT: [1]

#### dot sourcing a script block runs in current scope
# source: about_Scopes ("Dot source notation")
$a = 1; . { $a = 2 }; $a
## RESULT: [2]

#### global modifier writes global
# source: about_Scopes ("Scope modifiers")
function f { $global:g1 = 'set' }; f; $g1
## RESULT: ["set"]

#### script modifier writes script scope
# source: about_Scopes
$s = 1; function f { $script:s = 5 }; f; $s
## RESULT: [5]

#### local modifier hides parent
# source: about_Scopes
$x = 'p'; function f { $null -eq $local:x }; f
## RESULT: [true]

#### private variable visible in own scope
# source: about_Scopes
$private:p = 'secret'; $p
## RESULT: ["secret"]

#### Get-Variable -Scope 1 reads parent
# source: about_Scopes ("Using the -Scope parameter")
$v = 'outer'; function f { $v = 'inner'; (Get-Variable v -Scope 1).Value }; f
## RESULT: ["outer"]

#### Set-Variable -Scope global
# source: about_Scopes
function f { Set-Variable -Name gg -Value 7 -Scope Global }; f; $gg
## RESULT: [7]

#### nested function sees outer function variable
# source: about_Scopes ("Parent and child scopes")
function outer { $o = 'x'; function inner { "in:$o" }; inner }; outer
## RESULT: ["in:x"]

#### compound assignment in child copies then modifies
# source: about_Scopes
$n = 1; function f { $n += 1; $n }; f; $n
## RESULT: [2, 1]

#### variable names are case-insensitive
# source: about_Variables
$MyVar = 3; $myvar
## RESULT: [3]

#### braced variable name with spaces
# source: about_Variables ("Variable names that include special characters")
${my var} = 'sp'; ${my var}
## RESULT: ["sp"]

#### typed variable converts on assignment
# source: about_Variables ("Types of variables")
[int]$i = '5'; $i = '7'; $i.GetType().Name; $i
## RESULT: ["Int32", 7]

#### typed variable conversion failure
# source: about_Variables
[int]$i = 1; $i = 'abc'
## ERRORS: Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."

#### multiple assignment rest goes to last
# source: about_Assignment_Operators ("Assigning multiple variables")
$a, $b = 1, 2, 3; $a; $b.Count
## RESULT: [1, 2]

#### assign same value to many variables
# source: about_Assignment_Operators
$a = $b = $c = 9; $a + $b + $c
## RESULT: [27]

#### swap variables
# source: about_Assignment_Operators
$a = 1; $b = 2; $a, $b = $b, $a; "$a $b"
## RESULT: ["2 1"]

#### uninitialized variable is null
# source: about_Variables
$null -eq $notDefinedAnywhere
## RESULT: [true]

#### Remove-Variable
# source: about_Variables ("Deleting a variable")
$rv = 1; Remove-Variable rv; $null -eq $rv
## RESULT: [true]

#### Clear-Variable keeps variable with null
# source: about_Variables
$cv = 1; Clear-Variable cv; $null -eq $cv; (Get-Variable cv).Name
## RESULT: [true, "cv"]

#### $_ in ForEach-Object
# source: about_Automatic_Variables ($_)
1, 2 | ForEach-Object { $_ * 2 }
## RESULT: [2, 4]

#### $PSItem equals $_
# source: about_PSItem
'a' | ForEach-Object { $PSItem -eq $_ }
## RESULT: [true]

#### $args holds undeclared arguments
# source: about_Automatic_Variables ($args)
function f { $args.Count; $args[1] }; f a b c
## RESULT: [3, "b"]

#### $args in script block
# source: about_Automatic_Variables
& { $args[0] + $args[1] } 3 4
## RESULT: [7]

#### $args excludes declared parameters
# source: about_Functions ("Positional parameters")
function f($x) { "$x|$args" }; f 1 2 3
## RESULT: ["1|2 3"]

#### $input enumerates pipeline input in a function
# source: about_Automatic_Variables ($input)
function f { $input | ForEach-Object { $_ + 1 } }; 1, 2, 3 | f
## RESULT: [2, 3, 4]

#### $input consumed once
# source: about_Automatic_Variables ($input: "enumerator ... can only be used once")
function f { $a = @($input); $b = @($input); "$($a.Count) $($b.Count)" }; 1, 2 | f
## RESULT: ["2 0"]

#### $Matches after -match
# source: about_Automatic_Variables ($Matches); about_Regular_Expressions
'abc123' -match '(\d+)' | Out-Null; $Matches[0]; $Matches[1]
## RESULT: ["123", "123"]

#### named capture in $Matches
# source: about_Regular_Expressions ("Named captures")
if ('user=bob' -match 'user=(?<name>\w+)') { $Matches.name }
## RESULT: ["bob"]

#### $Matches not reset on failed match
# source: about_Automatic_Variables ($Matches)
'a1' -match '\d' | Out-Null; 'zz' -match '\d' | Out-Null; $Matches[0]
## RESULT: ["1"]

#### -match on a collection does not set Matches but filters
# source: about_Comparison_Operators ("-match and -notmatch")
'a1', 'b', 'c2' -match '\d'
## RESULT: ["a1", "c2"]

#### $? after success
# source: about_Automatic_Variables ($?)
Write-Output 1 | Out-Null; $?
## RESULT: [true]

#### $? after a non-terminating error
# source: about_Automatic_Variables ($?)
Write-Error 'bad' -ErrorAction SilentlyContinue; $?
## RESULT: [false]

#### $? after expression
# source: about_Automatic_Variables ($?)
$x = 1 + 1; $?
## RESULT: [true]

#### SilentlyContinue still records in $Error
# source: about_CommonParameters (-ErrorAction SilentlyContinue)
$c = $Error.Count; Write-Error 'x' -ErrorAction SilentlyContinue; $Error.Count - $c; $Error[0].Exception.Message
## RESULT: [1, "x"]

#### Ignore does not record in $Error
# source: about_CommonParameters (-ErrorAction Ignore)
$c = $Error.Count; Write-Error 'x' -ErrorAction Ignore; $Error.Count - $c
## RESULT: [0]

#### $null is an element in arrays
# source: about_Automatic_Variables ($null)
$a = 1, $null, 2; $a.Count
## RESULT: [3]

#### $null piped is processed
# source: about_Automatic_Variables ($null)
$null | ForEach-Object { 'ran' }
## RESULT: ["ran"]

#### foreach over $null does not iterate
# source: about_Foreach; about_Automatic_Variables ($null)
$n = 0; foreach ($i in $null) { $n++ }; $n
## RESULT: [0]

#### $true and $false
# source: about_Automatic_Variables
$true -and -not $false
## RESULT: [true]

#### $PSBoundParameters holds bound parameters
# source: about_Automatic_Variables ($PSBoundParameters)
function f($a, $b) { $PSBoundParameters.Keys | Sort-Object }; f -b 2 -a 1
## RESULT: ["a", "b"]

#### $PSBoundParameters excludes defaults
# source: about_Automatic_Variables ($PSBoundParameters)
function f($a, $b = 5) { $PSBoundParameters.ContainsKey('b'); $PSBoundParameters.Count }; f -a 1
## RESULT: [false, 1]

#### environment variable read and write
# source: about_Environment_Variables
$env:PSC_TEST_VAR = 'hello'; $env:PSC_TEST_VAR
## RESULT: ["hello"]

#### environment variable removed by assigning empty string
# source: about_Environment_Variables ("Assigning an empty string ... removes it")
$env:PSC_T2 = 'x'; $env:PSC_T2 = ''; Test-Path env:PSC_T2
## RESULT: [false]

#### environment variable value is always a string
# source: about_Environment_Variables ("values are always strings")
$env:PSC_T4 = 5; $env:PSC_T4.GetType().Name
## RESULT: ["String"]

#### missing environment variable is null
# source: about_Environment_Variables
$null -eq $env:PSC_DEFINITELY_NOT_SET
## RESULT: [true]
