# PowerShell's parser API, [ref] out arguments and Add-Type.  Sources: PowerShell/PowerShell
# src/System.Management.Automation/engine/parser/ast.cs (the Ast classes and their members),
# Parser.cs (ParseInput/ParseFile), Position.cs (IScriptExtent), PSParser.cs (Tokenize),
# test/powershell/Language/Parser/Ast.Tests.ps1 and test/tools/Modules/HelpersLanguage (how the
# suite calls them), src/Microsoft.PowerShell.Commands.Utility/commands/utility/AddType.cs.

#### [ref] to a variable: a function writes the caller's variable through .Value
# source: about_Ref ("Passing references to functions")
function Set-It([ref]$r) { $r.Value = 'changed' }
$v = 'original'
Set-It ([ref]$v)
$v
$r = [ref]$v
$r.Value = 'again'
$v
$r.GetType().FullName
## RESULT: ["changed", "again", "System.Management.Automation.PSReference"]

#### ParseInput fills [ref] tokens and errors and returns a ScriptBlockAst
# source: HelpersLanguage.psm1 Get-ParseResults; Parser.cs ParseInput
$tokens = $errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseInput('Get-Item -Path x; $y = 2', [ref]$tokens, [ref]$errors)
$ast.GetType().Name
$ast -is [System.Management.Automation.Language.Ast]
$errors.Count
($tokens | ForEach-Object { $_.Kind }) -join ','
$ast.EndBlock.Statements.Count
$ast.EndBlock.Statements[1].GetType().Name
## RESULT: ["ScriptBlockAst", true, 0, "Generic,Parameter,Generic,Semi,Variable,Equals,Number,EndOfInput", 2, "AssignmentStatementAst"]

#### FindAll with a script block predicate finds the commands, in source order
# source: ast.cs Ast.FindAll(Func<Ast,bool>, bool); CommandAst.GetCommandName
$ast = [System.Management.Automation.Language.Parser]::ParseInput('Get-ChildItem | Where-Object { Test-Path $_ }; Write-Output 1', [ref]$null, [ref]$null)
$ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() }
'--'
$ast.FindAll({ param($a) $a -is [System.Management.Automation.Language.CommandAst] }, $false) | ForEach-Object { $_.GetCommandName() }
## RESULT: ["Get-ChildItem", "Where-Object", "Test-Path", "Write-Output", "--", "Get-ChildItem", "Where-Object", "Write-Output"]

#### Extents: text, lines, columns and offsets; Parent leads back up
# source: Position.cs InternalScriptExtent; ast.cs Ast.Parent
$ast = [System.Management.Automation.Language.Parser]::ParseInput("`$a = 1`n`$b = `$a + 41", [ref]$null, [ref]$null)
$bin = $ast.Find({ $args[0] -is [System.Management.Automation.Language.BinaryExpressionAst] }, $true)
$bin.Extent.Text
$bin.Operator
$bin.Left.VariablePath.UserPath
$bin.Right.Value
"$($bin.Extent.StartLineNumber):$($bin.Extent.StartColumnNumber)-$($bin.Extent.EndLineNumber):$($bin.Extent.EndColumnNumber)"
"$($bin.Extent.StartOffset)-$($bin.Extent.EndOffset)"
$bin.Parent.GetType().Name
$bin.Parent.Parent.GetType().Name
$null -eq $bin.Extent.File
## RESULT: ["$a + 41", "Plus", "a", 41, "2:6-2:13", "12-19", "CommandExpressionAst", "AssignmentStatementAst", true]

#### A parse error comes back as a ParseError, not thrown
# source: HelpersLanguage.psm1 ShouldBeParseError (ErrorId, Extent.StartScriptPosition.Offset)
$errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseInput('$x -eq', [ref]$null, [ref]$errors)
$errors.Count
$errors[0].ErrorId
$errors[0].Message
$errors[0].GetType().Name
$ast.GetType().Name
## RESULT: [1, "ExpectedValueExpression", "You must provide a value expression following the '-eq' operator.", "ParseError", "ScriptBlockAst"]

#### Functions and parameters: names, default values, type constraints
# source: ast.cs FunctionDefinitionAst, ParamBlockAst, ParameterAst, TypeConstraintAst
$ast = { function Get-Thing { param([Parameter(Mandatory)][int]$Count = 3, $Name) "x" } }.Ast
$f = $ast.Find({ $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)
$f.Name
$p = $f.Body.ParamBlock.Parameters
$p.Count
$p[0].Name.VariablePath.UserPath
$p[0].DefaultValue.Value
$p[0].Attributes.Count
$p[0].Attributes[0].TypeName.Name
$p[0].Attributes[1].GetType().Name
$p[1].Name.Extent.Text
## RESULT: ["Get-Thing", 2, "Count", 3, 2, "Parameter", "TypeConstraintAst", "$Name"]

#### Command elements, parameters, strings and member calls
# source: ast.cs CommandAst.CommandElements, CommandParameterAst, StringConstantExpressionAst, InvokeMemberExpressionAst
$ast = [scriptblock]::Create('Write-Host -Object "a $b" ''lit''; [math]::Max(1, 2)').Ast
$cmd = $ast.EndBlock.Statements[0].PipelineElements[0]
$cmd.CommandElements | ForEach-Object { $_.GetType().Name }
$cmd.CommandElements[1].ParameterName
$cmd.CommandElements[3].StringConstantType
$call = $ast.Find({ $args[0] -is [System.Management.Automation.Language.InvokeMemberExpressionAst] }, $true)
$call.Member.Value
$call.Static
$call.Arguments.Count
$call.Expression.TypeName.Name
## RESULT: ["StringConstantExpressionAst", "CommandParameterAst", "ExpandableStringExpressionAst", "StringConstantExpressionAst", "Object", "SingleQuoted", "Max", true, 2, "math"]

#### If, hashtable and array literal nodes
# source: ast.cs IfStatementAst.Clauses (Item1, Item2), HashtableAst.KeyValuePairs, ArrayLiteralAst.Elements
$ast = { if ($a -gt 1) { @{ k = 1, 2 } } else { 0 } }.Ast
$if = $ast.Find({ $args[0] -is [System.Management.Automation.Language.IfStatementAst] }, $true)
$if.Clauses.Count
$if.Clauses[0].Item1.Extent.Text
$null -ne $if.ElseClause
$h = $ast.Find({ $args[0] -is [System.Management.Automation.Language.HashtableAst] }, $true)
$h.KeyValuePairs[0].Item1.Value
$arr = $ast.Find({ $args[0] -is [System.Management.Automation.Language.ArrayLiteralAst] }, $true)
$arr.Elements.Count
$h.SafeGetValue().k.Count
## RESULT: [1, "$a -gt 1", true, "k", 2, 2]

#### SafeGetValue refuses what would run code
# source: Ast.Tests.ps1 "The proper error is returned when a variable is referenced"
try { { $a }.Ast.Find({ $args[0] -is [System.Management.Automation.Language.VariableExpressionAst] }, $true).SafeGetValue() } catch { $_.FullyQualifiedErrorId }
## RESULT: ["InvalidOperationException"]

#### A function's script block has the Ast of its body
# source: FunctionInfo.ScriptBlock; ScriptBlock.Ast
function Get-Nothing { 'body' }
$sb = (Get-Command Get-Nothing).ScriptBlock
$sb.Ast.GetType().Name
$sb.Ast.EndBlock.Statements[0].Extent.Text
## RESULT: ["ScriptBlockAst", "'body'"]

#### PSParser::Tokenize gives PSTokens with types, contents and positions
# source: PSParser.cs Tokenize; PSToken (Type, Content, Start, Length, StartLine, StartColumn)
$t = [System.Management.Automation.PSParser]::Tokenize('Get-Date -Format o | Out-String', [ref]$null)
$t | ForEach-Object { "$($_.Type)=$($_.Content)@$($_.Start)+$($_.Length)" }
$t[1].StartLine
$t[1].StartColumn
## RESULT: ["Command=Get-Date@0+8", "CommandParameter=-Format@9+7", "CommandArgument=o@17+1", "Operator=|@19+1", "Command=Out-String@21+10", 1, 10]

#### Add-Type -AssemblyName of an assembly pwsh loads on Linux succeeds
# source: AddType.cs (LoadAssemblyHelper: System.Web is part of the shared framework)
Add-Type -AssemblyName System.Web
'loaded'
## RESULT: ["loaded"]

#### Add-Type -AssemblyName of a Windows-only assembly fails as on Linux
# source: AddType.cs ResolveAssemblyName (looks for <name>.dll in the current folder); Add-Type.Tests.ps1 "does_not_exist" -> PathNotFound
try { Add-Type -AssemblyName System.Windows.Forms } catch { $_.FullyQualifiedErrorId }
try { Add-Type -AssemblyName 'nothing_like_it_*' } catch { $_.FullyQualifiedErrorId }
## RESULT: ["PathNotFound,Microsoft.PowerShell.Commands.AddTypeCommand", "ErrorLoadingAssembly,Microsoft.PowerShell.Commands.AddTypeCommand"]

#### Add-Type with C# source is a clear error: pscompat has no C# compiler
# source: AddType.cs (compiles -TypeDefinition as C#; PowerShell class syntax is not accepted there either)
try { Add-Type -TypeDefinition 'public class A { }' } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
## RESULT: ["CSharpCompilationNotSupported,Microsoft.PowerShell.Commands.AddTypeCommand", "NotImplemented"]
