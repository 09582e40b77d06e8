# Measure-Command, New-TimeSpan, New-Guid.  Sources: PowerShell/PowerShell
# src/Microsoft.PowerShell.Commands.Utility/commands/utility/ (MeasureCommandCommand in
# TimeExpressionCommand.cs, NewTimeSpanCommand.cs, NewGuidCommand.cs) and the cmdlets' docs.

#### Measure-Command returns one TimeSpan and discards the block's output
# source: MeasureCommandCommand: outputPipe = new Pipe { NullPipe = true }; EndProcessing writes _stopWatch.Elapsed
$t = Measure-Command { 1..5 }
$t.GetType().FullName
$t.TotalSeconds -ge 0
## STDOUT:
System.TimeSpan
True
## END

#### Measure-Command runs its block in the caller's scope
# source: MeasureCommandCommand: Expression.InvokeWithPipe(useLocalScope: false, ...)
$null = Measure-Command { $inside = 'set' }
$inside
## RESULT: ["set"]

#### Measure-Command runs once per piped object with $_ set, and still returns one TimeSpan
# source: MeasureCommandCommand.ProcessRecord (dollarUnder: InputObject); about Measure-Command example 3
$seen = @()
$r = 'a', 'b', 'c' | Measure-Command { $seen += $_ }
$seen -join ','
@($r).Count
## STDOUT:
a,b,c
1
## END

#### Measure-Command needs a script block
# source: [Parameter(Position = 0, Mandatory = true)] public ScriptBlock Expression
Measure-Command -Expression $null
## ERRORS: Cannot bind argument to parameter 'Expression' because it is null.

#### New-TimeSpan from units
# source: NewTimeSpanCommand "Time" set: new TimeSpan(Days, Hours, Minutes, Seconds, Milliseconds)
$s = New-TimeSpan -Days 1 -Hours 2 -Minutes 3 -Seconds 4 -Milliseconds 5
"$($s.Days) $($s.Hours) $($s.Minutes) $($s.Seconds) $($s.Milliseconds) $($s.TotalHours)"
## STDOUT:
1 2 3 4 5 26.0511125
## END

#### New-TimeSpan between two dates, positionally, and a negative span
# source: NewTimeSpanCommand "Date" set: Start at position 0, End at 1, result = End - Start
(New-TimeSpan (Get-Date '2015-03-01') (Get-Date '2015-06-01')).Days
(New-TimeSpan -Start '2020-01-02' -End '2020-01-01').TotalHours
## RESULT: [92, -24]

#### New-TimeSpan with neither date is zero (Start and End default to the same instant)
# source: NewTimeSpanCommand.ProcessRecord: startTime = DateTime.Now; endTime = startTime
(New-TimeSpan).Ticks
## RESULT: [0]

#### New-TimeSpan cannot mix dates and units
# source: NewTimeSpanCommand parameter sets "Date" and "Time"
New-TimeSpan -Start (Get-Date) -Hours 1
## ERRORS: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.

#### New-Guid: a version 4 GUID, -Empty, and text converted to a GUID
# source: NewGuidCommand (PowerShell 7.4: Guid.NewGuid(); -Empty: Guid.Empty; InputObject: new Guid(string))
$g = New-Guid
$g.GetType().FullName
$g.ToString() -match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
(New-Guid -Empty).Guid
('{3BA2C9A4-3B1E-4A57-9A4E-1B2C3D4E5F60}' | New-Guid).Guid
## STDOUT:
System.Guid
True
00000000-0000-0000-0000-000000000000
3ba2c9a4-3b1e-4a57-9a4e-1b2c3d4e5f60
## END

#### New-Guid with text that is not a GUID writes an error and goes on
# source: NewGuidCommand: WriteError(new ErrorRecord(ex, "StringNotRecognizedAsGuid", InvalidArgument, null))
New-Guid 'not-a-guid'
'after'
## ERRORS: Unrecognized Guid format.
