# Jobs and parallelism: Start-Job (a child process, deserialized results), Start-ThreadJob
# (threads, live objects), the job cmdlets and ForEach-Object -Parallel.  Output of parallel
# runs comes in completion order, so cases sort it or use -ThrottleLimit 1.
# Sources: test/powershell/Modules/Microsoft.PowerShell.Core/Job.Tests.ps1,
# test/powershell/Modules/ThreadJob/ThreadJob.Tests.ps1,
# test/powershell/Modules/Microsoft.PowerShell.Utility/Foreach-Object-Parallel.Tests.ps1,
# src/System.Management.Automation/resources/RemotingErrorIdStrings.resx, InternalCommandStrings.resx.

#### Start-Job runs the block and Receive-Job -Wait gets its output
# source: Job.Tests.ps1 "Receive-Job -Wait" / about_Jobs
$j = Start-Job -ScriptBlock { param($a, $b) $a + $b; "done" } -ArgumentList 40, 2
$j | Receive-Job -Wait -AutoRemoveJob
## RESULT: [42, "done"]

#### Start-Job: $using: values, the job's type and location, and errors to the error stream
# source: about_Remote_Variables (Using scope with Start-Job); Job.Tests.ps1
$x = 'outer'
$j = Start-Job { "got $using:x"; Write-Error 'job error' }
$j.PSJobTypeName, $j.Location, $j.ChildJobs.Count
$null = $j | Wait-Job
$j.State
$j | Receive-Job
$j | Remove-Job
## RESULT: ["BackgroundJob", "localhost", 1, "Completed", "got outer"]
## ERRORS: job error

#### Start-ThreadJob with an argument list
# source: ThreadJob.Tests.ps1 "ThreadJob with ScriptBlock and Argument list"
$job = Start-ThreadJob -ScriptBlock { param ($arg1, $arg2) $arg1; $arg2 } -ArgumentList @("Hello","Goodbye")
$job | Receive-Job -Wait
## RESULT: ["Hello", "Goodbye"]

#### Start-ThreadJob with piped input reads it as $input
# source: ThreadJob.Tests.ps1 "ThreadJob with ScriptBlock and piped input"
$job = "Hello","Goodbye" | Start-ThreadJob -ScriptBlock { $input | ForEach-Object { $_ } }
$job | Receive-Job -Wait
## RESULT: ["Hello", "Goodbye"]

#### Start-ThreadJob with an initialization script
# source: ThreadJob.Tests.ps1 "ThreadJob with ScriptBlock and Initialization script"
$job = Start-ThreadJob -ScriptBlock { "Goodbye" } -InitializationScript { "Hello" }
$job | Receive-Job -Wait
## RESULT: ["Hello", "Goodbye"]

#### Start-ThreadJob with $using: variables
# source: ThreadJob.Tests.ps1 "ThreadJob with ScriptBlock and Using variables"
$Var1 = "Hello"; $Var3 = 102; $Var4 = 1..5
$global:GVar1 = "GlobalVar"
$job = Start-ThreadJob -ScriptBlock { $using:Var1; $using:Var3; ($using:Var4)[1]; $using:GVar1 }
$job | Receive-Job -Wait
## RESULT: ["Hello", 102, 2, "GlobalVar"]

#### a thread job runs in a fresh scope: the caller's variables are not there
# source: about_Thread_Jobs (each job runs in its own runspace)
$secret = 'mine'
Start-ThreadJob { "[$secret]" } | Receive-Job -Wait
## RESULT: ["[]"]

#### a terminating error fails the job; its reason and Receive-Job show it
# source: ThreadJob.Tests.ps1 "ThreadJob with terminating error", "Verifies terminating job error"
$job = Start-ThreadJob -ScriptBlock { throw "My Job Error!" } | Wait-Job
$job.State
$job.JobStateInfo.Reason.Message
$job | Receive-Job 2>&1 | ForEach-Object ToString
## RESULT: ["Failed", "My Job Error!", "My Job Error!"]

#### the job's Error, Warning and Debug streams
# source: ThreadJob.Tests.ps1 "ThreadJob and Error stream output" and the Warning/Debug cases
$e = Start-ThreadJob -ScriptBlock { Write-Error "ErrorOut" } | Wait-Job
$w = Start-ThreadJob -ScriptBlock { Write-Warning "WarningOut" } | Wait-Job
$d = Start-ThreadJob -ScriptBlock { $DebugPreference = 'Continue'; Write-Debug "DebugOut" } | Wait-Job
"$($e.Error)", "$($w.Warning)", "$($d.Debug)"
## RESULT: ["ErrorOut", "WarningOut", "DebugOut"]

#### Receive-Job -Keep keeps the results; without it they are read once
# source: Receive-Job docs (-Keep); Job.Tests.ps1
$job = Start-ThreadJob { 1; 2 } | Wait-Job
$job.HasMoreData
@($job | Receive-Job -Keep).Count
@($job | Receive-Job).Count
@($job | Receive-Job).Count
$job.HasMoreData
## RESULT: [true, 2, 2, 0, false]

#### Get-Job by id, name and state; job ids count per session
# source: Get-Job docs; Job.Tests.ps1
$a = Start-ThreadJob { 1 } -Name first | Wait-Job
$b = Start-ThreadJob { 2 } | Wait-Job
$a.Id, $b.Id, $b.Name
(Get-Job -Name first).Id
(Get-Job -Id 2).Name
@(Get-Job -State Completed).Count
## RESULT: [1, 2, "Job2", 1, "Job2", 2]

#### Get-Job with an unknown id or name writes PowerShell's errors
# source: RemotingErrorIdStrings.resx JobWithSpecifiedSessionIdNotFound, JobWithSpecifiedNameNotFound
Get-Job -Id 99
Get-Job -Name nosuch
Get-Job -Name nosuch*
## RESULT: []
## ERRORS: The command cannot find a job with the job ID 99. Verify the value of the Id parameter and then try the command again. | The command cannot find the job because the job name nosuch was not found. Verify the value of the Name parameter, and then try the command again.

#### Remove-Job refuses a running job without -Force; Stop-Job stops it
# source: RemoveJob.cs CheckJobCanBeRemoved (JobWithSpecifiedSessionIdNotCompleted)
$job = Start-ThreadJob { while ($true) { Start-Sleep -Milliseconds 20 } }
Remove-Job $job
$job | Stop-Job
$job.State
Remove-Job $job
@(Get-Job).Count
## RESULT: ["Stopped", 0]
## ERRORS: The command cannot remove the job with the job ID 1 because the job is not finished. To remove the job, first stop the job, or use the Force parameter. (Parameter 'Job')

#### Remove-Job -Force removes a running job
# source: Remove-Job docs (-Force)
$job = Start-ThreadJob { while ($true) { Start-Sleep -Milliseconds 20 } }
$job | Remove-Job -Force
@(Get-Job).Count
$job.State
## RESULT: [0, "Stopped"]

#### Wait-Job -Timeout gives up and writes nothing for a job still running
# source: Wait-Job docs (-Timeout)
$job = Start-ThreadJob { while ($true) { Start-Sleep -Milliseconds 20 } }
@(Wait-Job $job -Timeout 1).Count
$job | Remove-Job -Force
## RESULT: [0]

#### Wait-Job -Any writes the first job that ends
# source: Wait-Job docs (-Any)
$slow = Start-ThreadJob { while ($true) { Start-Sleep -Milliseconds 20 } }
$fast = Start-ThreadJob { 'fast' }
(Wait-Job $slow, $fast -Any).Id
$slow | Remove-Job -Force
## RESULT: [2]

#### Receive-Job -AutoRemoveJob needs -Wait
# source: RemotingErrorIdStrings.resx AutoRemoveCannotBeUsedWithoutWait
$job = Start-ThreadJob { 1 }
$job | Receive-Job -AutoRemoveJob
"goes on"
## RESULT: ["goes on"]
## ERRORS: The -AutoRemoveJob parameter cannot be used without the -Wait parameter

#### ForEach-Object -Parallel sets $_ in each iteration
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies dollar underbar variable"
$result = 1..10 | ForEach-Object -Parallel { $_ }
$result.Count
($result | Sort-Object) -join ','
## RESULT: [10, "1,2,3,4,5,6,7,8,9,10"]

#### ForEach-Object -Parallel with $using: variables
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies using variables"
$var = "Hello"
$varArray = "Hello","There"
1..1 | ForEach-Object -Parallel { $using:var; $using:varArray[1] }
## RESULT: ["Hello", "There"]

#### ForEach-Object -Parallel -ThrottleLimit 1 keeps the input order
# source: about_Foreach-Parallel; ForEach-Object docs (-ThrottleLimit)
1..5 | ForEach-Object -Parallel { "item $_" } -ThrottleLimit 1
## RESULT: ["item 1", "item 2", "item 3", "item 4", "item 5"]

#### ForEach-Object -Parallel: $using: in a nested script block
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies using variable in nested scriptblock"
$test = 'testC'
1..2 | ForEach-Object -Parallel { & { $using:test } }
## RESULT: ["testC", "testC"]

#### ForEach-Object -Parallel: nested -Parallel takes $using: from the outer iteration
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies in scope using variables in nested calls"
$Test = "Test1"
$results = 1..2 | ForEach-Object -Parallel {
    $using:Test
    $Test = "Test2"
    1..2 | ForEach-Object -Parallel { $using:Test }
}
$groups = $results | Group-Object -AsHashTable
$results.Count, $groups['Test1'].Count, $groups['Test2'].Count
## RESULT: [6, 2, 4]

#### ForEach-Object -Parallel: an iteration does not see or change the caller's variables
# source: about_Foreach-Parallel (each iteration runs in its own runspace)
$x = 1
1..2 | ForEach-Object -Parallel { "[$x]"; $x = 5 }
$x
## RESULT: ["[]", "[]", 1]

#### ForEach-Object -Parallel: $using: of a script block is an error
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies error for using script block variable"
$sb = { "Hello!" }
try { 1..1 | ForEach-Object -Parallel { $using:sb } } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ParallelUsingVariableCannotBeScriptBlock,Microsoft.PowerShell.Commands.ForEachObjectCommand"]

#### ForEach-Object -Parallel: a piped script block is an error
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies error for script block piped variable"
$sb = { "Hello!" }
$actualError = $sb | ForEach-Object -Parallel { "Hello" } 2>&1
$actualError.FullyQualifiedErrorId
## RESULT: ["ParallelPipedInputObjectCannotBeScriptBlock,Microsoft.PowerShell.Commands.ForEachObjectCommand"]

#### ForEach-Object -Parallel: a terminating error ends its iteration only
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies terminating error streaming", "... in multiple iterations"
$r = 1..2 | ForEach-Object -Parallel { if ($_ -eq 1) { throw 'Terminating Error!'; 'Hello!' } else { 'Goodbye!' } } 2>&1
$err = $r | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }
$err.FullyQualifiedErrorId, $err.ToString(), ($r -contains 'Goodbye!'), ($r -contains 'Hello!')
## RESULT: ["PSTaskException", "Terminating Error!", true, false]

#### ForEach-Object -Parallel: non-terminating errors and warnings stream back
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies non-terminating error streaming", "Verifies warning data streaming"
$e = 1..1 | ForEach-Object -Parallel { Write-Error "Error!" } 2>&1
$w = 1..1 | ForEach-Object -Parallel { Write-Warning "Warning!" } 3>&1
$e.ToString(), $e.FullyQualifiedErrorId, $w.Message
## RESULT: ["Error!", "Microsoft.PowerShell.Commands.WriteErrorException", "Warning!"]

#### ForEach-Object -Parallel: an undefined $using: in a nested call is UsingVariableIsUndefined
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies expected error for out of scope using variable in nested calls"
$Test = "TestZ"
1..1 | ForEach-Object -Parallel {
    $using:Test
    1..1 | ForEach-Object -Parallel { $using:Test }
} -ErrorVariable usingErrors 2>$null
$usingErrors[0].FullyQualifiedErrorId
## RESULT: ["TestZ", "UsingVariableIsUndefined,Microsoft.PowerShell.Commands.ForEachObjectCommand"]

#### ForEach-Object -Parallel: the current directory is the caller's
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies that the current working directory is preserved"
$parallelScriptLocation = 1..1 | ForEach-Object -Parallel { $PWD }
$parallelScriptLocation.Path -eq $PWD.Path
## RESULT: [true]

#### ForEach-Object -Parallel: -ErrorAction is not supported
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies that ErrorAction common parameter is not supported"
try { 1..1 | ForEach-Object -Parallel { "Hello" } -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ParallelCommonParametersNotSupported,Microsoft.PowerShell.Commands.ForEachObjectCommand"]

#### ForEach-Object -Parallel -AsJob returns a PSTaskJob in the job table
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies ForEach-Object -Parallel jobs appear in job repository", "Verifies dollar underbar variable" (AsJob)
$job = 1..10 | ForEach-Object -AsJob -Parallel { $_ }
$job.PSJobTypeName
(Get-Job) -contains $job
$result = $job | Wait-Job | Receive-Job
$job | Remove-Job
$result.Count, ($result -contains 1), ($result -contains 10)
## RESULT: ["PSTaskJob", true, 10, true, true]

#### ForEach-Object -Parallel -AsJob: runspaces come from a pool of ThrottleLimit
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies job allocated runspace count is limited to pool size", "... -UseNewRunspace ..."
$job = 1..4 | ForEach-Object -Parallel { $_ } -AsJob -ThrottleLimit 2 | Wait-Job
$new = 1..10 | ForEach-Object -Parallel { $_ } -AsJob -ThrottleLimit 2 -UseNewRunspace | Wait-Job
$job.AllocatedRunspaceCount, $new.AllocatedRunspaceCount, $job.Command
Get-Job | Remove-Job
## RESULT: [2, 10, " $_ "]

#### ForEach-Object -Parallel -AsJob: a failed iteration fails its child job and the job
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies terminating error in double iteration"
$job = 1..2 | ForEach-Object -AsJob -Parallel { if ($_ -eq 1) { throw "Terminating Error!"; "Goodbye!" } else { "Hello!" } }
$results = $job | Wait-Job | Receive-Job 2>$null
$results
$job.JobStateInfo.State, $job.ChildJobs[0].JobStateInfo.State, $job.ChildJobs[0].JobStateInfo.Reason.Message, $job.ChildJobs[1].JobStateInfo.State
$job | Remove-Job
## RESULT: ["Hello!", "Failed", "Failed", "Terminating Error!", "Completed"]

#### ForEach-Object -Parallel: -TimeoutSeconds cannot go with -AsJob
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies TimeoutSeconds parameter is excluded from AsJob"
try { 1..1 | ForEach-Object -AsJob -Parallel { "Hello" } -TimeoutSeconds 60 } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ParallelCannotUseTimeoutWithJob,Microsoft.PowerShell.Commands.ForEachObjectCommand"]

#### ForEach-Object -Parallel -TimeoutSeconds stops what still runs, with a PSTaskException error
# source: Foreach-Object-Parallel.Tests.ps1 "Verifies timeout and throttle parameters"; ForEach-Object docs (-TimeoutSeconds)
$r = 1..2 | ForEach-Object -Parallel { if ($_ -eq 2) { while ($true) { Start-Sleep -Milliseconds 20 } }; "fast $_" } -TimeoutSeconds 1 2>&1
$r.Count, $r[0], $r[1].FullyQualifiedErrorId, $r[1].Exception.GetType().FullName
"after"
## RESULT: [2, "fast 1", "PSTaskException", "System.Management.Automation.PipelineStoppedException", "after"]

#### the background operator & starts a BackgroundJob; the caller's variables go as $using:
# source: Job.Tests.ps1 "Background with & produces a job object", "Copies variables to the child process", "handles backgrounding expressions"
$n1 = "Bob"
$j = Write-Output "Hi $n1!" &
$j -is [System.Management.Automation.Job]
$j.PSJobTypeName
Receive-Job $j -Wait
$k = 2+3 &
Receive-Job $k -Wait
Get-Job | Remove-Job -Force
## RESULT: [true, "BackgroundJob", "Hi Bob!", 5]

#### Get-Job takes a job by position; a removed one is not found by its name
# source: Job.Tests.ps1 "Remove-Job can remove a job"
$j = Start-ThreadJob { 1 + 1 } -Name "My Job"
(Get-Job $j).Name
Remove-Job $j -Force
try { Get-Job $j -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## RESULT: ["My Job", "JobWithSpecifiedNameNotFound,Microsoft.PowerShell.Commands.GetJobCommand"]

#### Start-Job -RunAs32 is refused in a 64-bit process
# source: Job.Tests.ps1 "-RunAs32 not supported from 64-bit pwsh"; RemotingErrorIdStrings.resx RunAs32NotSupported
try { Start-Job -ScriptBlock {} -RunAs32 } catch { $_.FullyQualifiedErrorId }
## RESULT: ["RunAs32NotSupported,Microsoft.PowerShell.Commands.StartJobCommand"]

#### the job methods StopJob, StartJobAsync
# source: ThreadJob.Tests.ps1 "Verifies StopJob API", "Verifies StartJobAsync API"
$running = Start-ThreadJob -ScriptBlock { while ($true) { Start-Sleep -Milliseconds 20 } } -ThrottleLimit 1
$waiting = Start-ThreadJob -ScriptBlock { 'started' }
$waiting.JobStateInfo.State
$waiting.StartJobAsync()
$waiting | Receive-Job -Wait
$running.StopJob($true, "No Reason")
$running.JobStateInfo.State
Get-Job | Remove-Job -Force
## RESULT: ["NotStarted", "started", "Stopped"]
