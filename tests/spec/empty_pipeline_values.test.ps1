# A pipeline that writes nothing has the value AutomationNull, not $null: it enumerates as an
# empty collection. PowerShell: src/System.Management.Automation/engine/runtime/Binding/Binders.cs
# ("IsEnumerable treats AutomationNull.Value as a zero length array"); the parentheses of
# `( pipeline )` pass the pipeline's value on unchanged.

#### `+=` of a pipeline that wrote nothing adds no element to an array
# source: test/powershell/Modules/Microsoft.PowerShell.Core/Job.Tests.ps1 'Receive-Job will retrieve partial output' ($results += Receive-Job $job while the job has written nothing yet)
$a = @(1)
$a += (1 | Where-Object { $false })
$a += 1 | Where-Object { $false }
$a.Count
$a += $null
$a.Count
## RESULT: [1, 2]

#### `+=` of a pipeline that wrote nothing to a number or a text adds nothing
# source: about_Arithmetic_Operators (adding $null leaves a number or a string as it was)
$i = 1
$i += (Get-ChildItem -Path /no/such/path -ErrorAction Ignore)
$s = 'x'
$s += (@() | ForEach-Object { 1 })
$i; $s
## RESULT: [1, "x"]

#### `$r = ( pipeline )` that wrote nothing is no object to @() and the pipeline
# source: about_Automatic_Variables / Binders.cs AutomationNull: (…) keeps the pipeline's value
$r = (1 | Where-Object { $false })
@($r).Count
($r | Measure-Object).Count
$null -eq $r
## RESULT: [0, 0, true]
