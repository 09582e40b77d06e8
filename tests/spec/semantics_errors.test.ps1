# Semantics cases: errors (try/catch/finally, throw, trap, ErrorAction, ErrorVariable) and redirection.
# Sources: PowerShell-Docs reference/7.5 about_Try_Catch_Finally, about_Throw, about_Error_Handling,
# about_CommonParameters, about_Preference_Variables, about_Redirection; test/powershell/Language/Scripting/TryCatch.Tests.ps1.

#### try catch catches throw
# source: about_Try_Catch_Finally
try { throw 'boom' } catch { "caught: $_" }
## RESULT: ["caught: boom"]

#### catch $_ is ErrorRecord
# source: about_Try_Catch_Finally ("Accessing exception information")
try { throw 'boom' } catch { $_.GetType().Name; $_.Exception.Message }
## RESULT: ["ErrorRecord", "boom"]

#### throw string makes RuntimeException
# source: about_Throw
try { throw 'x' } catch { $_.Exception.GetType().FullName }
## RESULT: ["System.Management.Automation.RuntimeException"]

#### finally runs after success
# source: about_Try_Catch_Finally
try { 'body' } finally { 'fin' }
## RESULT: ["body", "fin"]

#### finally runs after catch
# source: about_Try_Catch_Finally
try { throw 'e' } catch { 'c' } finally { 'f' }
## RESULT: ["c", "f"]

#### typed catch
# source: about_Try_Catch_Finally ("Catching specific exceptions")
try { 1 / 0 } catch [System.DivideByZeroException] { 'div' } catch { 'other' }
## RESULT: ["div"]

#### typed catch falls to general
# source: about_Try_Catch_Finally
try { throw 'plain' } catch [System.IO.IOException] { 'io' } catch { 'general' }
## RESULT: ["general"]

#### catch base class matches derived
# source: about_Try_Catch_Finally (inheritance)
try { 1 / 0 } catch [System.ArithmeticException] { 'arith' }
## RESULT: ["arith"]

#### throw with no argument
# source: about_Throw ("ScriptHalted")
try { throw } catch { $_.Exception.Message }
## RESULT: ["ScriptHalted"]

#### throw terminates script
# source: about_Throw
'before'; throw 'stop here'; 'after'
## ERROR: stop here

#### nested try inner catch handles
# source: about_Try_Catch_Finally
try { try { throw 'i' } catch { 'inner' } } catch { 'outer' }
## RESULT: ["inner"]

#### non-terminating error not caught without Stop
# source: about_Try_Catch_Finally; about_Error_Handling
try { Write-Error 'nt' -ErrorAction SilentlyContinue; 'continued' } catch { 'caught' }
## RESULT: ["continued"]

#### ErrorAction Stop makes it catchable
# source: about_CommonParameters (-ErrorAction Stop)
try { Write-Error 'nt' -ErrorAction Stop; 'continued' } catch { "caught $_" }
## RESULT: ["caught nt"]

#### ErrorActionPreference Stop
# source: about_Preference_Variables ($ErrorActionPreference)
$ErrorActionPreference = 'Stop'; try { Write-Error 'pref'; 'no' } catch { 'caught' }
## RESULT: ["caught"]

#### ErrorActionPreference SilentlyContinue suppresses
# source: about_Preference_Variables
$ErrorActionPreference = 'SilentlyContinue'; Write-Error 'hidden'; 'after'
## RESULT: ["after"]

#### non-terminating error reported and script continues
# source: about_Error_Handling
Write-Error 'visible'; 'after'
## RESULT: ["after"]
## ERRORS: visible

#### ErrorVariable collects
# source: about_CommonParameters (-ErrorVariable)
Write-Error 'ev1' -ErrorAction SilentlyContinue -ErrorVariable myErr; $myErr.Count; "$($myErr[0])"
## RESULT: [1, "ev1"]

#### ErrorVariable append with plus
# source: about_CommonParameters (-ErrorVariable +name)
Write-Error 'a' -ea SilentlyContinue -ev e1; Write-Error 'b' -ea SilentlyContinue -ev +e1; $e1.Count
## RESULT: [2]

#### OutVariable
# source: about_CommonParameters (-OutVariable)
Write-Output 5 -OutVariable ov | Out-Null; $ov
## RESULT: [5]

#### statement-terminating error continues script
# source: about_Error_Handling (runtime exceptions are statement-terminating)
$r = 1 / 0; 'next'
## RESULT: ["next"]
## ERRORS: Attempted to divide by zero.

#### command not found is statement terminating
# source: about_Error_Handling
Not-ACommand-Xyz; 'next'
## RESULT: ["next"]
## ERRORS: The term 'Not-ACommand-Xyz' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.

#### catch command not found
# source: about_Try_Catch_Finally (CommandNotFoundException example)
try { NonsenseString } catch [System.Management.Automation.CommandNotFoundException] { 'not found' }
## RESULT: ["not found"]

#### $_.InvocationInfo / FullyQualifiedErrorId for throw
# source: about_Throw (ErrorRecord FullyQualifiedErrorId)
try { throw 'q' } catch { $_.FullyQualifiedErrorId }
## RESULT: ["q"]

#### Write-Error in catch from $_ keeps message
# source: about_Try_Catch_Finally
try { throw 'orig' } catch { Write-Error $_ -ErrorAction SilentlyContinue -ErrorVariable we }; $we[0].Exception.Message
## RESULT: ["orig"]

#### catch inside loop continues loop
# source: about_Try_Catch_Finally
foreach ($i in 1..3) { try { if ($i -eq 2) { throw "bad $i" }; "ok $i" } catch { "err $_" } }
## RESULT: ["ok 1", "err bad 2", "ok 3"]

#### finally runs on break
# source: about_Try_Catch_Finally ("finally runs even if ... break")
foreach ($i in 1..3) { try { if ($i -eq 2) { break }; $i } finally { "f$i" } }
## RESULT: [1, "f1", "f2"]

#### finally runs on return
# source: about_Try_Catch_Finally
function f { try { return 'r' } finally { 'fin' } }; f
## RESULT: ["r", "fin"]

#### redirect error stream to null
# source: about_Redirection ("2>$null")
Write-Error 'gone' 2>$null; 'after'
## RESULT: ["after"]

#### Write-Verbose hidden without preference
# source: about_Preference_Variables ($VerbosePreference)
& { Write-Verbose 'v'; 'o' } 4>&1 | ForEach-Object { "$_" }
## RESULT: ["o"]

#### throw in function caught by caller
# source: about_Throw
function f { throw 'from f' }; try { f } catch { "caller: $_" }
## RESULT: ["caller: from f"]

#### error in pipeline stage with Stop stops pipeline
# source: about_CommonParameters (-ErrorAction Stop)
try { 1..3 | ForEach-Object { if ($_ -eq 2) { Write-Error 'two' -ErrorAction Stop }; $_ } } catch { 'stopped' }
## RESULT: [1, "stopped"]

#### $LASTEXITCODE unset initially
# source: about_Automatic_Variables ($LASTEXITCODE)
$null -eq $LASTEXITCODE
## RESULT: [true]

#### exit code via pwsh-style exit in script block not covered; $? false after throw caught
# source: about_Automatic_Variables ($?)
try { throw 'x' } catch { }; $?
## RESULT: [true]
