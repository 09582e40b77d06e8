# Set-StrictMode: each version's rules and PowerShell's errors.  Sources: about_Set-StrictMode
# (Version 1.0: uninitialized variables; 2.0: also references to non-existent properties;
# 3.0/Latest: also out-of-bounds indexes; -Off), PowerShell/PowerShell
# src/System.Management.Automation/engine/InternalCommands.cs (SetStrictModeCommand),
# engine/PSVersionInfo.cs (IsValidPSVersion), resources/ParserStrings.resx (VariableIsUndefined,
# PropertyNotFoundStrict), resources/Metadata.resx (ValidateVersionFailure).

#### Without strict mode an unset variable, a missing property and a bad index are $null
# source: about_Set-StrictMode ("When strict mode is off, ... uninitialized variables are assumed to be $null")
$o = [pscustomobject]@{ a = 1 }
$a = 1, 2, 3
$null -eq $never_set
$null -eq $o.missing
$null -eq $a[10]
## RESULT: [true, true, true]

#### Version 1.0: an unset variable is an error
# source: ParserStrings.VariableIsUndefined
Set-StrictMode -Version 1.0
try { $never_set } catch { $_.Exception.Message; $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
## RESULT: ["The variable '$never_set' cannot be retrieved because it has not been set.", "VariableIsUndefined", "InvalidOperation"]

#### Version 1.0 leaves properties and indexes alone; a variable set to $null is set
# source: about_Set-StrictMode (1.0 "Prohibits references to uninitialized variables, except for uninitialized variables in strings" -- only variables)
Set-StrictMode -Version 1
$o = [pscustomobject]@{ a = 1 }
$n = $null
$null -eq $o.missing
$null -eq (1, 2)[5]
$null -eq $n
## RESULT: [true, true, true]

#### Version 2.0: a property that does not exist is an error
# source: ParserStrings.PropertyNotFoundStrict
Set-StrictMode -Version 2.0
$o = [pscustomobject]@{ a = 1 }
$o.a
try { $o.missing } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { 'text'.NoSuchProperty } catch { $_.FullyQualifiedErrorId }
## RESULT: [1, "The property 'missing' cannot be found on this object. Verify that the property exists.", "PropertyNotFoundStrict", "PropertyNotFoundStrict"]

#### Version 2.0: a hashtable's missing key is still $null
# source: about_Hash_Tables (keys read as properties); the dictionary adapter has every key
Set-StrictMode -Version 2.0
$h = @{ a = 1 }
$null -eq $h.b
$null -eq $h['b']
## RESULT: [true, true]

#### Version 2.0 does not check indexes; 3.0 does
# source: about_Set-StrictMode (3.0 "Prohibits out of bounds or unresolvable array indexes")
$a = 1, 2, 3
Set-StrictMode -Version 2.0
$null -eq $a[10]
Set-StrictMode -Version 3.0
$a[-1]
try { $a[10] } catch { $_.Exception.Message }
## RESULT: [true, 3, "Index was outside the bounds of the array."]

#### Latest is the newest version's rules
# source: SetStrictModeCommand ArgumentToPSVersionTransformation ('latest' -> PSVersion)
Set-StrictMode -Version Latest
$a = @(1)
try { $a[3] } catch { 'index' }
try { $no_such_variable } catch { 'variable' }
## RESULT: ["index", "variable"]

#### Strict mode reaches child scopes; -Off in a child scope ends there
# source: SetStrictModeCommand: Context.EngineSessionState.CurrentScope.StrictModeVersion
Set-StrictMode -Version 1.0
function Read-Unset { $unset_inside }
try { Read-Unset } catch { 'function: ' + $_.FullyQualifiedErrorId }
& { Set-StrictMode -Off; $null -eq $unset_here }
try { $unset_here } catch { 'outer still strict' }
## RESULT: ["function: VariableIsUndefined", true, "outer still strict"]

#### Set-StrictMode in a child scope does not reach its caller
# source: SetStrictModeCommand sets the current scope's StrictModeVersion only
& { Set-StrictMode -Version Latest }
$null -eq $not_strict_here
## RESULT: [true]

#### -Off switches the checks off
# source: SetStrictModeCommand (-Off: version 0.0)
Set-StrictMode -Version Latest
Set-StrictMode -Off
$null -eq $x_unset
$null -eq ([pscustomobject]@{}).nothing
## RESULT: [true, true]

#### A version PowerShell never had is refused
# source: PSVersionInfo.IsValidPSVersion; Metadata.ValidateVersionFailure
try { Set-StrictMode -Version '2.5' } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
## RESULT: ["Cannot validate argument on parameter 'Version'. The \"2.5\" argument does not contain a valid PowerShell version. Supply a valid version number and then try the command again.", "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetStrictModeCommand"]

#### Set-StrictMode 2.0: a command called like a method is an error
# source: ParserStrings.resx StrictModeFunctionCallWithParens; Compiler.cs (the runtime check for `f(1,2)`)
function f($a, $b) { "$a|$b" }
f(1,2)
Set-StrictMode -Version 2
f (1,2)
f(1)
f(1,2)
"after"
## RESULT: ["1 2|", "1 2|", "1|", "after"]
## ERRORS: The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.
