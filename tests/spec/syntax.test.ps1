# Syntax cases: whole scripts whose results prove the parse, and parse errors (PowerShell's
# ParserStrings.resx messages).  Sources: PowerShell-Docs reference/7.5 about_* pages and
# PowerShell's test/powershell/Language/Parser/*.Tests.ps1 (named per case).

#### a statement cannot start with a pipe
# source: Parser.Tests.ps1 "Throws an exception if the first statement starts with an empty pipe element"
| Get-Location
## ERROR: An empty pipe element is not allowed.

#### an if statement cannot be piped
# source: Parser.cs PipelineRule (a pipeline may not start with '|')
if ($true) {
  1
} | Out-Null
## ERROR: An empty pipe element is not allowed.

#### a label before if is a command name
# source: Parser.Tests.ps1 "using a label in front of an if statement is not allowed"
:foo if ($x -eq 3) { 1 }
## ERRORS: The term ':foo' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### piping into a value expression
# source: Parser.Tests.ps1 "Pipe an expression into a value expression"
function t { 'x' }; t | 3
## ERROR: Expressions are only allowed as the first element of a pipeline.

#### piping into a string
# source: Parser.Tests.ps1 "Throws when you pipe into a value expression"
1;2;3|'abc'
## ERROR: Expressions are only allowed as the first element of a pipeline.

#### escaped space in a string
# source: Parser.Tests.ps1 "escaping a space just returns that space"
"foo` bar"
## RESULT: ["foo bar"]

#### escaped ordinary character is that character
# source: Parser.Tests.ps1 "escaping any character with no special meaning"
"fo`odbar"
## RESULT: ["foodbar"]

#### unicode escape in a string
# source: Parser.Tests.ps1 "Unicode escape sequence `u{2195} in string"
"foo`u{2195}abc"
## RESULT: ["foo↕abc"]

#### unicode escape in a here-string
# source: Parser.Tests.ps1 "Unicode escape sequence `u{2195} in here string"
@"
foo`u{2195}abc
"@
## RESULT: ["foo↕abc"]

#### unicode escape is literal in single quotes
# source: Parser.Tests.ps1 "Unicode escape sequence in single quoted is not processed"
'foo`u{2195}abc'
## RESULT: ["foo`u{2195}abc"]

#### two unicode escapes in a row
# source: Parser.Tests.ps1 "two consecutive Unicode escape sequences"
"`u{007b}`u{007d}"
## RESULT: ["{}"]

#### unicode escape in a braced variable name
# source: Parser.Tests.ps1 "a Unicode escape sequence can be used in a variable name"
${fooxyzzy`u{2195}} = 42; (Get-Variable -Name fooxyzzy*).Name; ${fooxyzzy↕}
## RESULT: ["fooxyzzy↕", 42]

#### unicode escape and escaped spaces in an argument
# source: Parser.Tests.ps1 "a Unicode escape sequence can be used in an argument"
Write-Output `u{a9}` Acme` Inc
## RESULT: ["© Acme Inc"]

#### C# style escapes with a backtick
# source: Parser.Tests.ps1 "C# escape sequence <sequence> is supported using ` instead of \"
[int][char]"`0"; [int][char]"`a"; [int][char]"`b"; [int][char]"`f"; [int][char]"`n"; [int][char]"`r"; [int][char]"`t"; [int][char]"`v"; [int][char]"`e"
## RESULT: [0, 7, 8, 12, 10, 13, 9, 11, 27]

#### escaped quotes in arguments
# source: Parser.Tests.ps1 "C# escape sequence"
write-output "`'"; write-output "`""; "`\\"
## RESULT: ["'", "\"", "\\\\"]

#### an array expands with spaces in a string
# source: Parser.Tests.ps1 "array substitution occurs inside double quotes"
$MyArray = "a","b"; "Hello $MyArray"
## RESULT: ["Hello a b"]

#### variable names hold several colons
# source: Parser.Tests.ps1 "declaring an array in nested variable tables"
$Variable:vtbl1:vtbl2:b=@(5,6); $Variable:vtbl1:vtbl2:b
## RESULT: [5, 6]

#### multiple assignment takes the rest
# source: Parser.Tests.ps1 "a simple multiple assignment"
$one, $two = 1, 2, 3; "One = $one"; "Two = $two"
## RESULT: ["One = 1", "Two = 2 3"]

#### a drive-qualified variable needs a name
# source: Parser.Tests.ps1 '"$var:" will expand to nothing inside a string' (ParseException); tokenizer.cs ScanVariable
"$var:"
## ERROR: Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.

#### a colon after a variable in a string needs braces
# source: about_Quoting_Rules; tokenizer.cs ScanVariable
$name = 'srv'; "${name}: up"
## RESULT: ["srv: up"]

#### if without a block is incomplete
# source: Parser.Tests.ps1 "it is a syntax error to use if without a code block"
if ("true")
## ERROR: Missing statement block after if ( condition ).

#### if condition without parentheses
# source: Parser.Tests.ps1 "if condition without parentheses"
if "true" { 1} else {2}
## ERROR: Missing '(' after 'if' in if statement.

#### if condition missing its closing parenthesis
# source: Parser.Tests.ps1 "if condition is missing the closing parentheses"; Parser.cs PipelineRule reports the token first
if ("true"  { 1};
## ERROR: Unexpected token '{' in expression or statement.

#### else without a block
# source: Parser.Tests.ps1 "else keyword without the corresponding code block"
if ("true") {1} else
## ERROR: Missing statement block after 'else' keyword.

#### foreach without in
# source: Parser.Tests.ps1 "a foreach loop is not complete"
$count=0; foreach ($i ; $count
## ERROR: Missing 'in' after variable in foreach loop. The correct form is: foreach ($a in $b) {...}

#### foreach without an expression
# source: Parser.Tests.ps1 "the foreach loop is not complete"
$count=0; foreach ($i in ;$count
## ERROR: Missing expression in foreach loop. The correct form is: foreach ($a in $b) {...}

#### foreach without a closing parenthesis
# source: Parser.Tests.ps1 "the foreach loop is missing a closing parentheses"
$count=0; $files = 1; foreach ($i in $files ;$count
## ERROR: Missing closing ')' after expression part of foreach loop. The correct form is: foreach ($a in $b) {...}

#### nested try, catch by type, finally
# source: Parser.Tests.ps1 "exception is thrown from the try block ... caught in the appropriate catch block"
try {
    try { throw 'inner' }
    catch [System.DivideByZeroException] { }
    finally { "Finally" }
}
catch { $_.Exception.Message }
## RESULT: ["Finally", "inner"]

#### break inside switch inside finally parses
# source: Parser.Tests.ps1 "a switch statement with a break in a finally doesn't trigger a parse error"
try {"success"} finally {switch (1) {foo  {break}}}
## RESULT: ["success"]

#### an empty subexpression as a method argument
# source: Parser.Tests.ps1 "null can be passed to a method that expects a reference type"
$test = "String"; $test.CompareTo($())
## RESULT: [1]

#### a pipeline in a subexpression as a method argument
# source: Parser.Tests.ps1 "command expansion operators can be used as a parameter to an object method"
$test = "String"; $test.SubString($("hello" | foreach-object { $_.length - 2 } ))
## RESULT: ["ing"]

#### an escaped ampersand is an argument
# source: Parser.Tests.ps1 "& can be used as a parameter as long as it is quoted"
write-output `&Get-ChildItem
## RESULT: ["&Get-ChildItem"]

#### a number at the command line is a number
# source: Parser.Tests.ps1 "typing a number at the command line will return that number"
(3).GetType().Name
## RESULT: ["Int32"]

#### function resolved with a process block
# source: Parser.Tests.ps1 "functions are resolved before cmdlets"
function test-parserfunc { [CmdletBinding()] Param() PROCESS { "cmdlet" } };test-parserfunc
## RESULT: ["cmdlet"]

#### $input in a piped script block
# source: Parser.Tests.ps1 "assign to input var and use then execute a script block with piped input"
$input = 1,2,3;4,-5,6 | & { $input }
## RESULT: [4, -5, 6]

#### piping an empty subexpression
# source: Parser.Tests.ps1 "piping null into a scriptblock"
$() | & { $count = 0; foreach ($i in $input) { $count++ }; $count }
## RESULT: [1]

#### numeric notations
# source: Parser.Tests.ps1 "Numerical Notations Tests"
0; -10; +10; 6.5; .01; 0e0; 3e0; 1ulgb; 1ultb; 1ulpb
## RESULT: [0, -10, 10, 6.5, 0.01, 0.0, 3.0, 1073741824, 1099511627776, 1125899906842624]

#### not a number: a command name
# source: Parser.Tests.ps1 "<Script> should throw an error" (CommandNotFoundException)
16p
## ERRORS: The term '16p' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### array concatenation
# source: Parser.Tests.ps1 "concatenation of two arrays"
(1,2,3 + 4,5,6) -join ''
## RESULT: ["123456"]

#### an unfinished array is incomplete
# source: Parser.Tests.ps1 "an incomplete parse exception is thrown if the array is unfinished"
1,2,
## ERROR: Missing expression after ','.

#### an unfinished index
# source: Parser.Tests.ps1 "the parser response to ArrayName["
$A = 1,2; $A[ ;
## ERROR: Array index expression is missing or not valid.

#### an empty index
# source: Parser.Tests.ps1 "the parser response to ArrayName[]"
$A = 1,2; $A[] ;
## ERROR: Array index expression is missing or not valid.

#### blanks inside a type literal
# source: Parser.Tests.ps1 "types in System.dll are found automatically"
[   System.IO.FileInfo].FullName
## RESULT: ["System.IO.FileInfo"]

#### operators continue over newlines
# source: Parser.Tests.ps1 "Mathematical Operations Tests"
(20 %
    6 *
    4  +
    2 ) /
    2 -
    3
## RESULT: [2]

#### a here-string with quotes inside
# source: Parser.Tests.ps1 "A here string should not throw" (issue 2780)
$herestr=@"
'"'
"@
$herestr
## RESULT: ["'\"'"]

#### statements after a named block in a function
# source: Parser.Tests.ps1 "Throw better error when statement should be put in named blocks - function"
Function foo { [CmdletBinding()] param() DynamicParam {} Hi
## ERROR: unexpected token 'Hi', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.

#### statements after a named block in a script block
# source: Parser.Tests.ps1 "Throw better error when statement should be put in named blocks - script-block"
{ begin {} Hi
## ERROR: unexpected token 'Hi', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.

#### statements after a named block in a script
# source: Parser.Tests.ps1 "Throw better error when statement should be put in named blocks - script-file"
begin {} Hi
## ERROR: unexpected token 'Hi', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.

#### only the closing brace missing
# source: Parser.Tests.ps1 "IncompleteParseException should be thrown when only ending curly is missing"
Function foo { [CmdletBinding()] param() DynamicParam {} 
## ERROR: Missing closing '}' in statement block or type definition.

#### requires comment then a statement
# source: Parser.Tests.ps1 "#requires nested scan tokenizer tests"
#requires -Version 5.0
10
## RESULT: [10]

#### backtick line continuation
# source: LineContinuance.Tests.ps1 "Lines ending with a single backtick"
'Hello' + `
    ' world'
## RESULT: ["Hello world"]

#### backtick, blanks and a comment
# source: LineContinuance.Tests.ps1 "a single backtick followed by whitespace and a comment"
'Hello' + ` # You can place comments after whitespace following backticks
    ' world'
## RESULT: ["Hello world"]

#### backtick then a comment line
# source: LineContinuance.Tests.ps1 "a single backtick followed by a comment line and then the continued line"
'Hello' + `
# You can place comments in the middle of a continued line
    ' world'
## RESULT: ["Hello world"]

#### backtick right before a comment is an escape
# source: LineContinuance.Tests.ps1 "a single backtick followed immediately by a comment"
'Hello' + `# This is not a valid comment
    ' world'
## ERROR: You must provide a value expression following the '+' operator.

#### two backticks end a line
# source: LineContinuance.Tests.ps1 "Lines ending with two backticks"
'Hello' + ``
    ' world'
## ERROR: You must provide a value expression following the '+' operator.

#### trailing pipe continues
# source: LineContinuance.Tests.ps1 "Lines ending with a pipe"
'Hello' |
    ForEach-Object {"$_ world"}
## RESULT: ["Hello world"]

#### trailing pipe, comment
# source: LineContinuance.Tests.ps1 "Lines ending with a pipe followed by a comment"
'Hello' |# You can place comments after whitespace following pipes
    ForEach-Object {"$_ world"}
## RESULT: ["Hello world"]

#### trailing pipe, comment line
# source: LineContinuance.Tests.ps1 "a pipe followed by a comment line and then the continued command"
'Hello' |
# You can place comments in the middle of a continued pipeline
    ForEach-Object {"$_ world"}
## RESULT: ["Hello world"]

#### trailing pipe then nothing
# source: LineContinuance.Tests.ps1 "a single pipe followed by an empty line"
'Hello' |
## ERROR: An empty pipe element is not allowed.

#### trailing pipe then a line starting with a pipe
# source: LineContinuance.Tests.ps1 "a single pipe followed by a line that starts with a pipe"
'Hello' |
    |
## ERROR: An empty pipe element is not allowed.

#### leading pipe continues
# source: LineContinuance.Tests.ps1 "a pipe at the start of a subsequent line"
'Hello'
    | ForEach-Object {"$_ world"}
## RESULT: ["Hello world"]

#### leading pipes with comment lines
# source: LineContinuance.Tests.ps1 "Longer line continuance using pipes at the start of subsequent lines (with comments)"
1..10
    # Times three
    | ForEach-Object {($_ -shl 1) + $_}
    # Even only
    | Where-Object {$_ % 2 -eq 0}
    # Reverse order
    | Sort-Object -Descending
## RESULT: [30, 24, 18, 12, 6]

#### pipes on lines by themselves
# source: LineContinuance.Tests.ps1 "Longer line continuance using pipes on lines by themselves (with comments)"
1..10
    |
    # Times three
    ForEach-Object {($_ -shl 1) + $_}
    |
    # Even only
    Where-Object {$_ % 2 -eq 0}
    |
    Sort-Object -Descending
## RESULT: [30, 24, 18, 12, 6]

#### leading pipe with nothing after it
# source: LineContinuance.Tests.ps1 "Lines starting with a single pipe with nothing after it"
'Hello'
    | # Nothing to see here, move along
## ERROR: An empty pipe element is not allowed.

#### a blank line stops a leading pipe
# source: LineContinuance.Tests.ps1 "Lines starting with a single pipe that have a blank line before it"
'Hello'

    | ForEach-Object {"$_ world"}
## ERROR: An empty pipe element is not allowed.

#### a backtick-only line stops a leading pipe
# source: LineContinuance.Tests.ps1 "a line with nothing but a backtick before it"
'Hello'
    `
    | ForEach-Object {"$_ world"}
## ERROR: An empty pipe element is not allowed.

#### a number followed by ? is a command name
# source: Parsing.Tests.ps1 "Question-mark and colon can be used as command names"
function a?b:c { 'a?b:c' }
function 2?3:4 { '2?3:4' }
a?b:c
2?3:4
## RESULT: ["a?b:c", "2?3:4"]

#### default, hidden, in and static as command names
# source: Parsing.Tests.ps1 "<Keyword> can be used as command name"
function default { 'default' }; function hidden { 'hidden' }; function in { 'in' }; function static { 'static' }
. default; . hidden; . in; . static
## RESULT: ["default", "hidden", "in", "static"]

#### keywords as arguments are words
# source: Parsing.Tests.ps1 "Keywords 'default', 'hidden', 'in', 'static' Token parsing" ('echo default hidden in static')
echo default hidden in static
## RESULT: ["default", "hidden", "in", "static"]

#### ternary needs its true branch
# source: Parsing.Tests.ps1 "Incomplete ternary expression"
$true ? 3
## ERROR: Missing ':' in the ternary expression.

#### ternary with both branches
# source: about_Operators ("Ternary operator ? <if-true> : <if-false>")
$a = 5; $a -gt 3 ? 'big' : 'small'
## RESULT: ["big"]

#### an index on an array literal inside method arguments
# source: Parsing.Tests.ps1 "Should correctly parse array literals for index expressions in method calls"
[string]::join(" ", (0, 1, 2)[0, 1])
## RESULT: ["0 1"]

#### a hex literal wider than 64 bits
# source: Parsing.Tests.ps1 "Should get correct offsets for number constant parsing error"
$n = 0x10000000000000000
## ERROR: The numeric constant 0x10000000000000000 is not valid.

#### switch needs a value
# source: Parsing.Tests.ps1 'switch statement parsing' (PipelineValueRequired)
switch
## ERROR: A switch statement must have one of the following:  '-file file_name' or '( expression )'.

#### switch with an unknown option
# source: Parsing.Tests.ps1 'switch statement parsing' (InvalidSwitchFlag)
switch -abc
## ERROR: The parameter abc is not valid for the switch statement.

#### switch -file without a name
# source: Parsing.Tests.ps1 'switch statement parsing' (MissingFilenameOption)
switch -file
## ERROR: Cannot process the 'switch' statement because of a missing file name argument to the -file option.

#### switch with both a file and a value
# source: Parsing.Tests.ps1 'switch statement parsing'
switch -file a (1)
## ERROR: A switch statement must have one of the following:  '-file file_name' or '( expression )'.

#### switch with empty parentheses
# source: Parsing.Tests.ps1 'switch statement parsing'
switch ()
## ERROR: A switch statement must have one of the following:  '-file file_name' or '( expression )'.

#### switch without a body
# source: Parsing.Tests.ps1 'switch statement parsing'
switch ("abc")  
## ERROR: Missing '{' in switch statement.

#### switch with an empty body
# source: Parsing.Tests.ps1 'switch statement parsing' (MissingSwitchConditionExpression)
switch ("abc")  {
## ERROR: Missing condition in switch statement clause.

#### switch clause without a block
# source: Parsing.Tests.ps1 'switch statement parsing'
switch ("abc")  { 1 }
## ERROR: Missing statement block in switch statement clause.

#### two default clauses
# source: Parsing.Tests.ps1 'switch statement parsing'
switch (1) {default {} default {}}
## ERROR: A switch statement can have only one default clause.

#### switch options may be shortened
# source: Parser.cs IsSpecificParameter; about_Switch
switch -r -c ('AB') { 'ab' { 'lower' } 'AB' { 'upper' } }
## RESULT: ["upper"]

#### switch clauses on one line without separators
# source: about_Switch
switch (1, 2) { 1 {"one"} 2 {"two"} }
## RESULT: ["one", "two"]

#### a block name without its block
# source: Parsing.Tests.ps1 'named blocks parsing'
begin
## ERROR: Missing statement block after 'begin'.

#### a block name followed by another
# source: Parsing.Tests.ps1 'named blocks parsing'
process begin {}
## ERROR: Missing statement block after 'process'.

#### named blocks in a script block
# source: about_Functions ("Using begin, process and end")
1, 2 | & { begin { 'b' } process { $_ * 10 } end { 'e' } }
## RESULT: ["b", 10, 20, "e"]

#### a duplicate parameter
# source: Parsing.Tests.ps1 'function statement parsing' (DuplicateFormalParameter)
function f { param($a,[int]$a) }
## ERROR: Duplicate parameter $a in parameter list.

#### a duplicate parameter in the short form
# source: Parsing.Tests.ps1 'function statement parsing'
function f($a,[int]$a){}
## ERROR: Duplicate parameter $a in parameter list.

#### return cannot leave finally
# source: Parsing.Tests.ps1 (ControlLeavingFinally)
try {} finally { return }
## ERROR: Flow of control cannot leave a Finally block.

#### break cannot leave finally
# source: Parser.Tests.ps1 "a break statement in a finally block results in a ParseException"
try {} finally { break }
## ERROR: Flow of control cannot leave a Finally block.

#### continue cannot leave finally
# source: Parsing.Tests.ps1 (ControlLeavingFinally)
try {} finally { continue }
## ERROR: Flow of control cannot leave a Finally block.

#### a loop inside finally may break
# source: SemanticChecks.cs CheckForFlowOutOfFinally
try { 'body' } finally { foreach ($i in 1..3) { if ($i -eq 2) { break }; "f$i" } }
## RESULT: ["body", "f1"]

#### assigning to a constant
# source: Parsing.Tests.ps1 (InvalidLeftHandSide); SemanticChecks.cs CheckAssignmentTarget
1 ??= 1
## ERROR: The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.

#### compound assignment to a list
# source: Parsing.Tests.ps1 (InvalidLeftHandSide)
$a,$b += 1,2
## ERROR: The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.

#### assigning through ?.
# source: Parsing.Tests.ps1 (InvalidLeftHandSide)
${x}?.name = "value"
## ERROR: The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.

#### assigning to a type
# source: Parsing.Tests.ps1 (InvalidLeftHandSide)
[int] ??= 1
## ERROR: The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.

#### increment of a constant
# source: SemanticChecks.cs VisitUnaryExpression (OperatorRequiresVariableOrProperty)
5++
## ERROR: The '++' operator works only on variables or on properties.

#### assignable targets
# source: about_Assignment_Operators
$a, $b = 1, 2; ($c) = 3; [int]$d = '4'; $h = @{}; $h.k = 5; $h['j'] = 6; $a + $b + $c + $d + $h.k + $h.j
## RESULT: [21]

#### an empty unicode escape
# source: Parsing.Tests.ps1 (InvalidUnicodeEscapeSequence)
"`u{}"
## ERROR: The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.

#### a unicode escape without braces
# source: Parsing.Tests.ps1 (InvalidUnicodeEscapeSequence)
"`u2195}"
## ERROR: The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.

#### a unicode escape with seven digits
# source: Parsing.Tests.ps1 (TooManyDigitsInUnicodeEscapeSequence)
"`u{1234567}"
## ERROR: The Unicode escape sequence contains more than the maximum of six hex digits between braces.

#### a unicode escape beyond 0x10FFFF
# source: Parsing.Tests.ps1 (InvalidUnicodeEscapeSequenceValue)
"`u{110000}"
## ERROR: The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.

#### a unicode escape without its closing brace
# source: Parsing.Tests.ps1 (MissingUnicodeEscapeSequenceTerminator)
"`u{123456
## ERROR: The Unicode escape sequence is missing the closing '}'.

#### a data section writes its output
# source: about_Data_Sections
DATA {
    "Thank you for using my Super Module."
}
## RESULT: ["Thank you for using my Super Module."]

#### a named data section sets a variable
# source: about_Data_Sections ("DATA [<variable-name>]")
data TextMsgs { @{ Hello = 'Hi' } }
$TextMsgs.Hello
## RESULT: ["Hi"]

#### a data section without a block
# source: Parsing.Tests.ps1 (MissingStatementBlockForDataSection)
data
## ERROR: The Data section is missing its statement block.

#### a data section with an unknown parameter
# source: Parsing.Tests.ps1 'data statement parsing' (InvalidParameterForDataSectionStatement)
data -abc foo {}
## ERROR: The "abc" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.

#### a data section without supported commands
# source: Parsing.Tests.ps1 'data statement parsing' (MissingValueForSupportedCommandInDataSectionStatement)
data -sup a,
## ERROR: The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter.

#### a data section with supported commands
# source: about_Data_Sections ("-SupportedCommand")
data -SupportedCommand Format-Xml, Get-Thing { 'ok' }
## RESULT: ["ok"]

#### catch with a trailing comma
# source: Parsing.Tests.ps1 'try/catch/finally statement parsing' (MissingTypeLiteralToken)
try {} catch [int],
## ERROR: Missing type literal.

#### catch without a block
# source: Parsing.Tests.ps1 'try/catch/finally statement parsing'
try {} catch [int]
## ERROR: The Catch block is missing its statement block.

#### try without catch or finally
# source: Parsing.Tests.ps1 'try/catch/finally statement parsing'
try {}
## ERROR: The Try statement is missing its Catch or Finally block.

#### catch with several types
# source: about_Try_Catch_Finally
try { [int]'x' } catch [System.DivideByZeroException], [System.Management.Automation.RuntimeException] { 'caught' }
## RESULT: ["caught"]

#### splatting in an expression
# source: Parsing.Tests.ps1 'splatting parsing' (SplattingNotPermitted)
@a
## ERROR: The splatting operator '@' cannot be used to reference variables in an expression. '@a' can be used only as an argument to a command. To reference variables in an expression use '$a'.

#### splatting as a foreach variable
# source: Parsing.Tests.ps1 'splatting parsing'
foreach (@a in $b) {}
## ERROR: The splatting operator '@' cannot be used to reference variables in an expression. '@a' can be used only as an argument to a command. To reference variables in an expression use '$a'.

#### splatting as a parameter
# source: Parsing.Tests.ps1 'splatting parsing'
function foo (@a) {}
## ERROR: The splatting operator '@' cannot be used to reference variables in an expression. '@a' can be used only as an argument to a command. To reference variables in an expression use '$a'.

#### a trailing comma in command arguments
# source: Parsing.Tests.ps1 'commands parsing' (MissingExpression)
gcm -a: 1,
## ERROR: Missing expression after ',' in pipeline element.

#### a comma with no argument before it
# source: Parsing.Tests.ps1 'commands parsing' (MissingArgument)
gcm ,
## ERROR: Missing argument in parameter list.

#### unary comma is not an argument
# source: Parser.Tests.ps1 "the unary comma is not valid in cmdlet parameters"
write-output 2,,1
## ERROR: Missing expression after ',' in pipeline element.

#### an argument list continues after a comma and newline
# source: Parser.cs GetCommandArgument (SkipNewlines after ',')
Write-Output a,
  b | Measure-Object | ForEach-Object Count
## RESULT: [2]

#### an empty pipe element between pipes
# source: Parsing.Tests.ps1 'Pipes parsing'
gps| |foreach name
## ERROR: An empty pipe element is not allowed.

#### a command name is not expanded
# source: about_Parsing (examples table: `a$a` is the command "a$a")
$a = 4; a$a
## ERRORS: The term 'a$a' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### a quoted part of a command name is not expanded
# source: about_Parsing (examples table: `a"$a"` is the command "a$a")
$a = 4; a"$a"
## ERRORS: The term 'a$a' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### a subexpression in a command name is literal
# source: about_Parsing (examples table: `a$(2)` is the command "a$(2)")
a$(2)
## ERRORS: The term 'a$(2)' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### dollar-dash is a command name
# source: about_Parsing (examples table: `$-` is the command "$-")
$-
## ERRORS: The term '$-' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### an escaped number is a command name
# source: about_Parsing (examples table: `` `2`` is the command "2")
`2
## ERRORS: The term '2' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### dollar-dash as an argument
# source: about_Parsing (examples table)
Write-Output $-
## RESULT: ["$-"]

#### quoted parts of an argument
# source: about_Parsing (examples table)
$a = 4; Write-Output a'$a'; Write-Output a"$a"; Write-Output a$(2)
## RESULT: ["a$a", "a4", "a2"]

#### negation in argument mode is text
# source: about_Parsing (types table)
Write-Output !1; Write-Output (!1); Write-Output (2)
## RESULT: ["!1", false, 2]

#### commas make an array argument
# source: about_Parsing (types table: Set-Variable AB A,B)
Set-Variable AB A,B; $AB
## RESULT: ["A", "B"]

#### member access ends an argument
# source: about_Parsing ("$HOME.Length-more results in two arguments")
$h = 'abcd'; Write-Output $h.Length-more
## RESULT: [4, "-more"]

#### braces separate a variable from text
# source: about_Parsing ("Enclose the variable name in braces")
$h = 'ab'; Write-Output ${h}cd
## RESULT: ["abcd"]

#### end of parameters
# source: about_Parsing ("The end-of-parameters token")
Write-Output -- -InputObject
## RESULT: ["-InputObject"]

#### expressions after the end of parameters
# source: about_Parsing ("The end-of-parameters token")
$env:PSC_ARCH = 'AMD64'; Write-Output -- -InputObject $Env:PSC_ARCH
## RESULT: ["-InputObject", "AMD64"]

#### an escaped dollar in a string
# source: about_Parsing ("Handling special characters")
"The value of `$ErrorActionPreference is '$ErrorActionPreference'."
## RESULT: ["The value of $ErrorActionPreference is 'Continue'."]

#### text after a parenthesis is a new argument
# source: about_Parsing ("the first additional character is considered the start of a new, separate argument")
Write-Output (1)x; Write-Output $(2)y
## RESULT: [1, "x", 2, "y"]

#### an at sign after text is literal
# source: about_Parsing ("@() is taken as literal @ with () starting a new argument")
Write-Output a@(1)
## RESULT: ["a@", 1]

#### splatting parameters
# source: about_Parsing ("For large parameter set, use splatting")
$parameters = @{
    InputObject = "myVM"
}
Write-Output @parameters
## RESULT: ["myVM"]

#### a variable expands in double quotes
# source: about_Quoting_Rules ("Double-quoted strings")
$i = 5
"The value of $i is $i."
## RESULT: ["The value of 5 is 5."]

#### a subexpression expands in double quotes
# source: about_Quoting_Rules
"The value of $(2+3) is 5."
## RESULT: ["The value of 5 is 5."]

#### a colon after a variable name is a drive
# source: about_Quoting_Rules ("$HOME: where the heart is." throws an error)
"$HOME: where the heart is."
## ERROR: Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.

#### an escaped dollar does not expand
# source: about_Quoting_Rules
$i = 5
"The value of `$i is $i."
## RESULT: ["The value of $i is 5."]

#### single quotes are verbatim
# source: about_Quoting_Rules ("Single-quoted strings")
$i = 5
'The value of $i is $i.'
'The value of $(2+3) is 5.'
## RESULT: ["The value of $i is $i.", "The value of $(2+3) is 5."]

#### quotes inside strings
# source: about_Quoting_Rules ("Including quote characters in a string")
'As they say, "live and learn."'
"As they say, 'live and learn.'"
"As they say, ""live and learn."""
'don''t'
## RESULT: ["As they say, \"live and learn.\"", "As they say, 'live and learn.'", "As they say, \"live and learn.\"", "don't"]

#### an escaped double quote
# source: about_Quoting_Rules
"Use a quotation mark (`") to begin a string."
'Use a quotation mark (`") to begin a string.'
## RESULT: ["Use a quotation mark (\") to begin a string.", "Use a quotation mark (`\") to begin a string."]

#### quotes in a here-string
# source: about_Quoting_Rules ("Here-strings")
@"
For help, type "get-help"
"@
@"
Use a quotation mark, like ' or ", to begin a string.
"@
## RESULT: ["For help, type \"get-help\"", "Use a quotation mark, like ' or \", to begin a string."]

#### a single-quoted here-string is verbatim
# source: about_Quoting_Rules
@'
The $profile variable contains the path
of your PowerShell profile.
'@
## RESULT: ["The $profile variable contains the path\nof your PowerShell profile."]

#### a double-quoted here-string expands
# source: about_Quoting_Rules
$where = 'here'
@"
Even if you have not created a profile,
the path is: $where.
"@
## RESULT: ["Even if you have not created a profile,\nthe path is: here."]

#### a hashtable in a string is its type name
# source: about_Quoting_Rules ("Interpretation of expandable strings")
"hashtable: $(@{ key = 'value' })"
## RESULT: ["hashtable: System.Collections.Hashtable"]

#### a double-quoted string may span lines
# source: about_Quoting_Rules (NOTE: strings may span multiple lines)
"line one
line two"
## RESULT: ["line one\nline two"]

#### numeric suffixes choose the type
# source: about_Numeric_Literals ("Integer literals" suffix table)
(100y).GetType().Name; (100uy).GetType().Name; (7s).GetType().Name; (7us).GetType().Name; (7u).GetType().Name; (7ul).GetType().Name; (5l).GetType().Name; (1n).GetType().Name; (1d).GetType().Name
## RESULT: ["SByte", "Byte", "Int16", "UInt16", "UInt32", "UInt64", "Int64", "BigInteger", "Decimal"]

#### hex literals are two's complement
# source: about_Numeric_Literals ("0xFFFFFFFF" is -1)
0xFFFFFFFF; (0xFFFFFFFF).GetType().Name; 0xFFFFFFFFFFFFFFFF; (0xFFFFFFFFFFFFFFFF).GetType().Name
## RESULT: [-1, "Int32", -1, "Int64"]

#### multipliers
# source: about_Numeric_Literals ("Numeric multipliers")
1kb; 1mb; 1gb; 1.5kb; (1tb).GetType().Name
## RESULT: [1024, 1048576, 1073741824, 1536.0, "Int64"]

#### a literal too big for Int64 is a decimal
# source: about_Numeric_Literals; Parser.Tests.ps1 "Numerical Notations Tests"
(9223372036854775808).GetType().Name
## RESULT: ["Decimal"]

#### a suffix out of its range
# source: Parser.Tests.ps1 "<Script> should throw an error" (500sgb is a ParseException)
500sgb
## ERROR: The numeric constant 500sgb is not valid.

#### a byte suffix on a large hex number
# source: Parser.Tests.ps1 "<Script> should throw an error" (0xFFFFy)
0xFFFFy
## ERROR: The numeric constant 0xFFFFy is not valid.

#### a real with a fraction and an integer suffix
# source: Parser.Tests.ps1 "<Script> should throw an error" (10000.0usgb)
10000.0usgb
## ERROR: The numeric constant 10000.0usgb is not valid.

#### comments between try, catch and finally
# source: about_Comments; about_Try_Catch_Finally
try { throw 'x' } # c
# more
catch { 'caught' } <# b #> finally { 'f' }
## RESULT: ["caught", "f"]

#### comments inside a param block
# source: about_Comments; about_Functions_Advanced_Parameters
function f {
  param(
    # The name
    [Parameter()] # trailing
    <# block #> [string] $Name = 'n' # default
    , # comma line
    $Other
  )
  "$Name$Other"
}
f -Other o
## RESULT: ["no"]

#### comments inside a hash table
# source: about_Comments; about_Hash_Tables
$h = @{ # open
  a = 1 # one
  # standalone
  b = <# inline #> 2
} # close
$h.a + $h.b
## RESULT: [3]

#### a comment before the body of a statement
# source: about_Comments
foreach ($i in 1..2) # comment
{
  $i
}
if ($true) # comment
{
  'yes'
}
## RESULT: [1, 2, "yes"]

#### a comment between else and the if block
# source: about_If; about_Comments
if ($false) { 1 }
# comment
else { 2 }
## RESULT: [2]

#### help comment before a function
# source: about_Comment_Based_Help
<#
.SYNOPSIS
  Gets foo.
#>
function Get-Foo { 'foo' }
Get-Foo
## RESULT: ["foo"]

#### requires comment
# source: about_Requires
#requires -Version 5.1
1
## RESULT: [1]

#### a statement separator after a script block's param block
# source: ParameterBinding.Tests.ps1 ("Invoking with script block")
$foo = . { param([Parameter(position=2)] $a, [Parameter(position=1)]$b); $a; $b } a b; $foo[0]
## RESULT: ["b"]

#### a type literal followed by a comma is not a cast
# source: about_Enum ([enum]::Parse); Parser.cs (no cast before a comma)
"$([enum]::Parse([ConsoleColor], 'blue'))"
## RESULT: ["Blue"]

#### a statement may start with the minus operator
# source: about_Arithmetic_Operators (- -6)
- -6
## RESULT: [6]

#### splatting a property value and an indexed value
# source: Splatting.Tests.ps1 ("Should splat property values properly", "Should splat indexed data properly")
function f { param($Value, $Value2) "v=$Value v2=$Value2" }
$o = [pscustomobject]@{ P = @{ Value = 'x' } }; f @o.P
$t = @(@{ Value = 'a' }, @{ Value2 = 'b' }); f @t[1]
## RESULT: ["v=x v2=", "v= v2=b"]
