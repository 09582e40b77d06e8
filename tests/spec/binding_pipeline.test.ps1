# Pipeline input that a command cannot take.  PowerShell/PowerShell
# engine/CmdletParameterBinderController.cs BindValueFromPipeline: a by-value conversion that
# fails is ignored (the object is left to the other pipeline parameters), a failed validation
# is an error; engine/CommandProcessor.cs: an object no parameter takes is a non-terminating
# InputObjectNotBound error, and the next object goes on.

#### an object that converts to no pipeline parameter is skipped with InputObjectNotBound
# source: CmdletParameterBinderController.BindValueFromPipeline (catch ParameterBindingException: bindResult = false); CommandProcessor WriteInputObjectError; ParameterBinderStrings.resx InputObjectNotBound
'2020-01-02', 'x', '2021-03-04' | Get-Date -Format yyyy
'after'
## RESULT: ["2020", "2021", "after"]
## ERRORS: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.

#### the same for a function's typed pipeline parameter
# source: BindValueFromPipeline: an ArgumentTransformation failure whose inner exception is an invalid cast is ignored like a conversion failure
function Double { param([Parameter(ValueFromPipeline)][int]$n) process { $n * 2 } }
1, 'q', 3 | Double
## RESULT: [2, 6]
## ERRORS: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.

#### a failed validation of a piped object is its own error, and the pipeline goes on
# source: BindValueFromPipeline rethrows ParameterBindingValidationException; CommandProcessor writes it as a non-terminating error
function Small { param([Parameter(ValueFromPipeline)][ValidateRange(1, 5)][int]$n) process { $n } }
2, 9, 4 | Small
## RESULT: [2, 4]
## ERRORS: Cannot validate argument on parameter 'n'. The 9 argument is greater than the maximum allowed range of 5. Supply an argument that is less than or equal to 5 and then try the command again.

#### -ErrorAction Stop makes it terminating
# source: CommandProcessor writes through WriteError, so the command's ErrorAction applies
try { 'x' | Get-Date -ErrorAction Stop; 'not reached' } catch { 'caught' }
## RESULT: ["caught"]
