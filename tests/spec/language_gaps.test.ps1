# The parse gaps real scripts showed (issue 12): each case is a construct found in PowerShell's
# repository, PSScriptAnalyzer, dbatools, PowerSploit or lazywinadmin that pscompat refused, with
# the result PowerShell gives.  Sources: PowerShell's test/powershell/Language/**.Tests.ps1, its
# engine/parser/Parser.cs and tokenizer.cs (behaviour only), and the about_* pages.

#### a member named by a subexpression
# source: PSSerializer.Tests.ps1 ($Breakpoint.$($property.Name)); Parser.cs MemberNameRule
$o = [pscustomobject]@{ Name = 'n1'; Size = 3 }
$p = 'Size'
$o.$($p); $o.$('Na' + 'me')
## RESULT: [3, "n1"]

#### a member named by a variable
# source: about_Properties (dynamic property names)
$h = @{ alpha = 1; beta = 2 }
$k = 'beta'
$h.$k
## RESULT: [2]

#### a numeric member name finds a dictionary's integer key
# source: Binders.cs PSGetDynamicMemberBinder.GetIDictionaryMember (the key itself first)
'ab' -match '(a)(b)' > $null
$Matches.1; $Matches.2
## RESULT: ["a", "b"]

#### a numeric member name on a hashtable with text keys
# source: Binders.cs GetIDictionaryMember (falls back to the member of that name)
$h = @{ '7' = 'seven' }
$h.7
## RESULT: ["seven"]

#### a version-like number is a member access
# source: PSDiagnostics.psm1 ($osVersion -lt 6.3.7600): 6.3 then member 7600, which is $null
$null -eq 6.3.7600
## RESULT: [true]

#### a dot at the end of a line continues on the next
# source: DotNetInterop.Tests.ps1 ($ps.AddCommand("x").<newline>AddParameter(...))
$s = 'abc'.
    ToUpper().
    Substring(1)
$s
## RESULT: ["BC"]

#### a double colon at the end of a line continues on the next
# source: Get-ScriptAlias.ps1 (lazywinadmin): [Parser]::<newline>ParseInput(...)
[math]::
    Max(3, 7)
## RESULT: [7]

#### an attribute before a variable assignment
# source: PSSerializer.Tests.ps1 ([ValidateNotNull()] on a variable); Parser.cs AttributedExpressionAst
[ValidateNotNull()]$y = 5
$y
## RESULT: [5]

#### a validated variable checks later assignments
# source: VariableOps.cs / ShellVariable.cs SetValue; Metadata.resx InvalidValueFailure
[ValidateNotNull()]$y = 5
$y = $null
$y
## RESULT: [5]
## ERRORS: The variable cannot be validated because the value $null is not a valid value for the y variable.

#### a range-validated, typed variable converts and validates
# source: about_Functions_Advanced_Parameters (validation attributes on variables)
[ValidateRange(1,10)][int]$x = '5'
$x; $x.GetType().Name
$x = 7
$x
## RESULT: [5, "Int32", 7]

#### a range-validated variable refuses a value out of range
# source: Metadata.resx InvalidValueFailure (error id ValidateSetFailure)
[ValidateRange(1,10)][int]$x = 5
try { $x = 11 } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().Name }
$x
## RESULT: ["ValidateSetFailure", "ValidationMetadataException", 5]

#### an attribute on a new variable validates its first value
# source: VariableOps.cs SetVariableValue (a new PSVariable with attributes)
[ValidateSet('a', 'b')]$choice = 'c'
$null -eq $choice
## RESULT: [true]
## ERRORS: The variable cannot be validated because the value c is not a valid value for the choice variable.

#### assigning again with new attributes replaces the old ones
# source: VariableOps.cs SetVariableValue (var.Attributes.Clear() before adding the new ones)
[ValidateRange(1,3)]$n = 2
[ValidateRange(1,100)]$n = 50
$n = 99
$n
## RESULT: [99]

#### a validated parameter stays validated inside the function
# source: about_Functions_Advanced_Parameters (a parameter's validation attributes stay on its variable);
# the failed assignment ends only its statement
function Set-Small { param([ValidateRange(1,10)][int]$Size) $Size; $Size = 20; $Size }
Set-Small 3
## RESULT: [3, 3]
## ERRORS: The variable cannot be validated because the value 20 is not a valid value for the Size variable.

#### an attribute with nothing after it
# source: ParserStrings.resx UnexpectedAttribute; Parser.cs UnaryExpressionRule
$x = [ValidateNotNull()]
## ERROR: Unexpected attribute 'ValidateNotNull'.

#### a blank between an attribute's name and its parenthesis
# source: Compress-Archive.ps1 (dbatools): [parameter (Mandatory, ParameterSetName = "Path")]
function Get-Thing {
    param(
        [parameter (Mandatory, ParameterSetName = "Path")]
        [string]$Path
    )
    "path=$Path"
}
Get-Thing -Path here
## RESULT: ["path=here"]

#### a postfix increment after a blank
# source: Parser.cs UnaryExpressionRule (PeekToken skips blanks before ++ / --)
$i = 1
$i ++
$i --
$i ++
$i
## RESULT: [2]

#### a postfix increment after a blank in a for loop
# source: Parser.cs UnaryExpressionRule
$out = for ($i = 0; $i -lt 3; $i ++) { $i }
$out
## RESULT: [0, 1, 2]

#### a generic method call
# source: MethodInvocation.Tests.ps1 ($dictionary.AddOrUpdate[float](...)); Parser.cs GenericMethodArgumentsRule
$list = [System.Collections.Generic.List[int]]::new()
$list.Add[int](4)
$list.Count
## RESULT: [1]

#### indexing a property is not a generic call
# source: MethodInvocation.Tests.ps1 "parses fine for indexing a property"
$o = [pscustomobject]@{ Items = 'a', 'b', 'c' }
$o.Items[1]
## RESULT: ["b"]

#### an empty statement in a catch block
# source: HelpersCommon.psm1 (catch { ; # do nothing }); Parser.cs StatementListRule
try { throw 'x' } catch { ; }
'after'
## RESULT: ["after"]

#### empty statements between statements
# source: about_Parsing (a semicolon ends a statement; an empty one does nothing)
; 1 ;; 2 ;
## RESULT: [1, 2]

#### a catch type on the line after catch
# source: TryCatch.Tests.ps1 (catch <newline> [int] <newline> , <newline> [char])
try { [int]'x' }
catch
[System.Management.Automation.RuntimeException]
,
[char]
{ 'caught' }
## RESULT: ["caught"]

#### blanks inside a type literal's array brackets
# source: Parser.cs TypeNameRule (blanks allowed before '[' of an array type)
$a = [string []]@(1, 2)
$a.GetType().Name; $a[0].GetType().Name
## RESULT: ["String[]", "String"]

#### an assembly-qualified generic type name
# source: Parsing.Tests.ps1 "Generic type with assembly name can be resolved"
$l = [System.Collections.Generic.List[string], System.Private.CoreLib]::new()
$l.Add('x')
$l.Count
## RESULT: [1]

#### a hex literal of 16 digits with a small value is an Int64
# source: tokenizer.cs TryGetNumberValue (16 digits denote (u)int64 even when the value is low)
(0x00000000FFFFFFFF).GetType().Name; 0x00000000FFFFFFFF
## RESULT: ["Int64", 4294967295]

#### a hex literal wider than 64 bits with the n suffix is a BigInteger
# source: about_Numeric_Literals (n suffix: BigInteger)
$b = 0xFFFFFFFFFFFFFFFFFFn
$b.GetType().Name; $b -gt 0
## RESULT: ["BigInteger", true]

#### a hex literal wider than 64 bits is not a number in an expression
# source: Parsing.Tests.ps1 ('$n = 0x10000000000000000' is BadNumericConstant)
$n = 0x07FFFFFFFFFFFFFFFF
## ERROR: The numeric constant 0x07FFFFFFFFFFFFFFFF is not valid.

#### a hex literal wider than 64 bits is a word in a command's arguments
# source: Get-Random.Tests.ps1 (Get-Random 0x07FFFFFFFFFFFFFFFF reaches the cmdlet); tokenizer.cs ScanNumber
function Show-Argument { $args[0]; $args[0].GetType().Name }
Show-Argument 0x07FFFFFFFFFFFFFFFF
## RESULT: ["0x07FFFFFFFFFFFFFFFF", "String"]

#### a sized hex literal reads its sign bit
# source: about_Numeric_Literals (0xFFy is -1 as an SByte, 0xFFFFs -1 as an Int16)
0xFFy; 0xFFFFs; 0xFFu
## RESULT: [-1, -1, 255]

#### indexing a single object with 0 or -1 is the object
# source: ArrayOps.cs GetNonIndexable ($x[0] and $x[-1] are $x when $x cannot be indexed)
$image = [pscustomobject]@{ ImageName = 'img-1' }
$image[0].ImageName; $image[-1].ImageName; $image['0'].ImageName
## RESULT: ["img-1", "img-1", "img-1"]

#### indexing a single object with another index is no result
# source: ArrayOps.cs GetNonIndexable (AutomationNull outside strict mode)
$image = [pscustomobject]@{ ImageName = 'img-1' }
$null -eq $image[1]; (Get-Date)[0].GetType().Name; (5)[0]; $null -eq (5)[2]
## RESULT: [true, "DateTime", 5, true]

#### strings index their characters and hashtables their keys
# source: about_Arrays, about_Hash_Tables
$s = 'abc'; $h = @{ 0 = 'zero'; a = 1 }
$s[0]; $s[-1]; $null -eq $s[9]; $h[0]; $null -eq $h[1]
## RESULT: ["a", "c", true, "zero", true]

#### a function's parameter binding error names the function as defined
# source: ParameterBinding.Tests.ps1 ('ParameterArgumentValidationErrorNullNotAllowed,get-foo')
function get-foo { param([Parameter(Mandatory)][ValidateNotNull()]$a) $a }
try { get-foo -a $null } catch { $_.FullyQualifiedErrorId }
try { get-foo -zz 1 } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ParameterArgumentValidationErrorNullNotAllowed,get-foo", "NamedParameterNotFound,get-foo"]

#### Write-Error inside a function names the function in its error id
# source: ErrorHistoryId.Tests.ps1 ('Microsoft.PowerShell.Commands.WriteErrorException,bar')
function bar { Write-Error 'abc' }
bar 2>$null
$Error[0].FullyQualifiedErrorId
Write-Error 'top' 2>$null
$Error[0].FullyQualifiedErrorId
## RESULT: ["Microsoft.PowerShell.Commands.WriteErrorException,bar", "Microsoft.PowerShell.Commands.WriteErrorException"]

#### a failing native command makes $? false
# source: about_Automatic_Variables ($?: a native command's non-zero exit code is a failure)
bash -c 'exit 3'
$?; $LASTEXITCODE
bash -c 'exit 0'
$?
## RESULT: [false, 3, true]

#### Write-Error makes $? false
# source: about_Automatic_Variables ($?)
Write-Error 'x' 2>$null
$?
## RESULT: [false]

#### an alias keeps the case of its name, its description and its option
# source: Set-Alias.Tests.ps1 "Set-Alias ReadOnly Force", "Set-Alias Description Valid"
Set-Alias -Name ABCD -Value 'foo' -Option ReadOnly -Force
$a = Get-Alias -Name abcd
$a.Name; $a.Definition; $a.Options
Set-Alias -Name ABCD -Value 'foo' -Force
(Get-Alias ABCD).Options
New-Alias -Name EFGH -Value 'MyCommand' -Description 'test description'
(Get-Alias EFGH).Description
## RESULT: ["ABCD", "foo", "ReadOnly", "None", "test description"]

#### a read-only or constant alias cannot be set again
# source: New-Alias.Tests.ps1 (AliasNotWritable); SessionStateStrings.resx AliasNotWritable
New-Alias -Name ABCD -Value 'foo' -Option Constant
Set-Alias -Name ABCD -Value 'bar' -Force
(Get-Alias ABCD).Definition
## RESULT: ["foo"]
## ERRORS: Alias is not writeable because alias ABCD is read-only or constant and cannot be written to.

#### a variable keeps the case of its name, its option and its description
# source: New-Variable.Tests.ps1 / Set-Variable.Tests.ps1 (Options, Description)
Set-Variable -Name MyVar -Value 1 -Option ReadOnly -Description 'my text'
$v = Get-Variable myvar
$v.Name; $v.Options; $v.Description
$Other = 2
(Get-Variable Oth*).Name
## RESULT: ["MyVar", "ReadOnly", "my text", "Other"]

#### a constant variable cannot be assigned
# source: SessionStateStrings.resx VariableNotWritable
New-Variable -Name Fixed -Value 1 -Option Constant
$Fixed = 2
$Fixed
## RESULT: [1]
## ERRORS: Cannot overwrite variable Fixed because it is read-only or constant.

#### the clean block runs after the others, its output discarded
# source: PipelineBehaviour.Tests.ps1 "'Clean' block runs in pipeline - simple function"; about_Functions_Advanced_Methods
$global:log = @()
function test-1 { process { $_ } clean { $global:log += 'test-1-clean'; 'dropped' } }
function test-2 { end { 'test-2-end'; $global:log += 'test-2-end' } clean { $global:log += 'test-2-clean' } }
1 | test-1 | test-2
$global:log
## RESULT: ["test-2-end", "test-2-end", "test-1-clean", "test-2-clean"]

#### the clean block is skipped when no other block ran
# source: PipelineBehaviour.Tests.ps1 "'Clean' block executes only if at least one of the other named blocks executed"
$global:log = @()
function test-1 { clean { $global:log += 'never' } }
test-1
$global:log.Count
## RESULT: [0]

#### the clean block runs after a terminating error
# source: PipelineBehaviour.Tests.ps1 "'Clean' block runs when '<BlockName>' throws terminating error"
$global:log = @()
function test-1 { end { throw 'failure' } clean { $global:log += 'cleaned' } }
try { test-1 } catch { "caught $_" }
$global:log
## RESULT: ["caught failure", "cleaned"]

#### a terminating error in the clean block is written, not raised
# source: CleanBlockErrorHandling.Tests.ps1 "Terminating error should stop the 'Clean' block execution but should not be propagated up"
function test-1 { end { 'out' } clean { throw 'in clean'; Write-Host 'not reached' } }
test-1
$?
'after'
## RESULT: ["out", false, "after"]
## ERRORS: in clean

#### a number argument binds to a string parameter as written
# source: ParameterBinding.Tests.ps1 "Roundtrippable Conversions for Bare-string Numeric Literals passed to [string] Parameters"
function Test-SimpleStringValue([string] $Value) { $Value }
function Test-AdvancedStringValue { [CmdletBinding()] param([string] $Value) $Value }
Test-SimpleStringValue 34uy; Test-SimpleStringValue 8s; Test-SimpleStringValue 24l
Test-AdvancedStringValue 32ul; Test-AdvancedStringValue -Value 20d; Test-AdvancedStringValue -Value:6n
## RESULT: ["34uy", "8s", "24l", "32ul", "20d", "6n"]

#### a number argument to a numeric parameter is still the number
# source: about_Parameter_Binding
function Get-Twice([int] $n) { $n * 2 }
Get-Twice 0x10
## RESULT: [32]
