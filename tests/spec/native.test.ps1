# Native programs in a pipeline.  Sources: PowerShell/PowerShell src/System.Management.Automation/
# engine/NativeCommandProcessor.cs (stdout lines become strings as they are read; input objects are
# written to stdin as lines; the process is stopped when the pipeline stops).

#### A native program that never ends stops when the pipeline wants no more
# source: NativeCommandProcessor: StopProcessing kills the process when a downstream command (Select-Object -First) stops the pipeline
yes | Select-Object -First 2
## RESULT: ["y", "y"]

#### Objects go to a native program's stdin as lines, its stdout comes back as strings
# source: NativeCommandProcessor (ProcessInputRecord writes each object's string form and a newline)
'b', 'a', 'c' | /usr/bin/sort
## RESULT: ["a", "b", "c"]

#### A native program's output streams into the next command
# source: NativeCommandProcessor reads stdout line by line (ProcessOutputRecord)
seq 1 5 | ForEach-Object { [int]$_ * 10 }
## RESULT: [10, 20, 30, 40, 50]

#### $LASTEXITCODE holds the program's exit code
# source: NativeCommandProcessor.Complete: SetVariable("LASTEXITCODE", exitCode)
sh -c 'exit 7'
$LASTEXITCODE
## RESULT: [7]
