# Where an error happened: $_.InvocationInfo (ScriptLineNumber, OffsetInLine, ScriptName, Line,
# PositionMessage, MyCommand) and $_.ScriptStackTrace, in catch blocks and in $Error.  Sources:
# PowerShell/PowerShell src/System.Management.Automation/engine/parser/Position.cs
# (PositionUtilities.VerboseMessage: "At line:N char:M", the line, `~` under the extent, lines over
# 69 characters cut with an ellipsis), engine/InvocationInfo.cs, resources/ParserStrings.resx
# (TextLineAndChar); script files' names: tests/test_error_position.py.

#### The line, column and text of a failing command
# source: InvocationInfo.ScriptLineNumber / OffsetInLine / Line
$x = 1
try { Get-Item /no/such/path -ErrorAction Stop } catch {
    $_.InvocationInfo.ScriptLineNumber
    $_.InvocationInfo.OffsetInLine
    $_.InvocationInfo.Line
    $_.InvocationInfo.MyCommand.Name
    $_.InvocationInfo.ScriptName
}
## RESULT: [2, 7, "try { Get-Item /no/such/path -ErrorAction Stop } catch {", "Get-Item", ""]

#### PositionMessage underlines the failing extent
# source: PositionUtilities.VerboseMessage
try { 1/0 } catch { $_.InvocationInfo.PositionMessage }
## RESULT: ["At line:1 char:7\n+ try { 1/0 } catch { $_.InvocationInfo.PositionMessage }\n+       ~~~"]

#### A long line is cut around the extent with an ellipsis
# source: PositionUtilities.VerboseMessage (maxLineLength 69, prefix up to 12, "\u2026 " and " \u2026")
$pad = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'; try { 1/0 } catch { $_.InvocationInfo.PositionMessage }
## RESULT: ["At line:1 char:78\n+ \u2026 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'; try { 1/0 } catch \u2026\n+                                                             ~~~"]

#### throw has no command; its stack trace names the script block and the line
# source: ErrorRecord.ScriptStackTrace ("at <ScriptBlock>, <No file>: line 2")
$null
try { throw 'boom' } catch { $null -eq $_.InvocationInfo.MyCommand; $_.ScriptStackTrace }
## RESULT: [null, true, "at <ScriptBlock>, <No file>: line 2"]

#### $Error keeps the position of a non-terminating error
# source: ErrorRecord.InvocationInfo of a WriteError
Get-Item /no/such/thing -ErrorAction SilentlyContinue
$Error[0].InvocationInfo.ScriptLineNumber
$Error[0].InvocationInfo.Line
## RESULT: [1, "Get-Item /no/such/thing -ErrorAction SilentlyContinue"]
