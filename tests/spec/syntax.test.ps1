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
