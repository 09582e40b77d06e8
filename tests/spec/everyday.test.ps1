# Everyday utility cmdlets: Join-String, ConvertFrom-StringData, Get-Date's file-name formats,
# Get-FileHash, Out-GridView, [regex]::Unescape.  Sources: PowerShell/PowerShell
# src/Microsoft.PowerShell.Commands.Utility/commands/utility/ (Join-String.cs,
# ConvertFrom-StringData.cs, GetDateCommand.cs, GetHash.cs) and their tests in
# test/powershell/Modules/Microsoft.PowerShell.Utility/ (Join-String.Tests.ps1,
# ConvertFrom-StringData.Tests.ps1, Get-FileHash.Tests.ps1).  Each spec runs in a fresh folder.

#### Join-String joins with $OFS, which is unset: nothing between the items
# source: Join-String.cs Separator getter: LanguagePrimitives.ConvertTo<string>(GetVariableValue("OFS"))
1..3 | Join-String
## RESULT: ["123"]

#### Join-String with a prefix, a suffix and $OFS
# source: Join-String.Tests.ps1 "Should Handle OutputPrefix and OutputSuffix"
$OFS = ','
1..3 | Join-String -OutputPrefix "A " -OutputSuffix " B"
## RESULT: ["A 1,2,3 B"]

#### Join-String quotes, formats and reads properties or script blocks
# source: Join-String.Tests.ps1 "SingleQuoted", "Formatted", "numeric values Formatted", "script block results"
$o = [pscustomobject]@{ Name = 'a'; Size = 1 }, [pscustomobject]@{ Name = 'b'; Size = 22 }
$o | Join-String -Property Name -Separator '; ' -SingleQuote
$o | Join-String Name -Separator '; ' -DoubleQuote
$o | Join-String -Property Name -Separator '; ' -Format '[{0}]'
1.2, 3.4, 5.6 | Join-String -Separator '; ' -Format '{0:N2}'
$o | Join-String -Property { $_.Name + $_.Size } -Separator ','
## RESULT: ["'a'; 'b'", "\"a\"; \"b\"", "[a]; [b]", "1.20; 3.40; 5.60", "a1,b22"]

#### Join-String with a null separator, and from -InputObject
# source: Join-String.Tests.ps1 "Should handle null separator", "'Input | Join-String' should be equal to 'Join-String -InputObject Input'"
'hello' | Join-String -Separator $null
Join-String -InputObject 'x', 'y' -Separator '-'
## RESULT: ["hello", "x-y"]

#### ConvertFrom-StringData: lines, comments, trimming and .NET unescaping
# source: ConvertFrom-StringData.cs: Split('\n', TrimEntries), '#' lines skipped, Regex.Unescape(value)
$h = ConvertFrom-StringData @'
# a comment
name = VM image
path = C:\\images\\base.vhd
tabbed = a\tb
'@
$h.name
$h.path
$h.tabbed
$h.GetType().Name
## RESULT: ["VM image", "C:\\images\\base.vhd", "a\tb", "Hashtable"]

#### ConvertFrom-StringData with another delimiter
# source: ConvertFrom-StringData.Tests.ps1 "Delimiter parameter tests"
(ConvertFrom-StringData -StringData 'value:10' -Delimiter ':').value
## RESULT: ["10"]

#### ConvertFrom-StringData refuses a line without the delimiter
# source: ConvertFrom-StringData.Tests.ps1 "Should throw if not in x=y format"; ConvertFromStringData.resx InvalidDataLine
try { ConvertFrom-StringData -StringData 'ab' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## RESULT: ["InvalidOperation,Microsoft.PowerShell.Commands.ConvertFromStringDataCommand", "Data line 'ab' is not in 'name=value' format. "]

#### ConvertFrom-StringData refuses a name given twice
# source: ConvertFrom-StringData.cs DataItemAlreadyDefined
try { ConvertFrom-StringData "a=1`na=2" } catch { $_.Exception.Message }
## RESULT: ["Data item 'a' in line 'a=2' is already defined. "]

#### [regex]::Unescape reads .NET's escapes
# source: System.Text.RegularExpressions.Regex.Unescape (RegexParser.ScanCharEscape)
[regex]::Unescape('a\nb') -eq "a`nb"
[regex]::Unescape('\x41\u0042\103\.\\')
try { [regex]::Unescape('\q') } catch { $_.Exception.InnerException.GetType().Name }
## RESULT: [true, "ABC.\\", "ArgumentException"]

#### Get-Date's ISO 8601 basic formats for file names
# source: GetDateCommand.cs: FileDate = yyyyMMdd, FileDateTime = yyyyMMddTHHmmssffff, the Universal ones in UTC with a Z
$d = Get-Date -Date '2024-03-05 06:07:08.1234'
Get-Date -Date $d -Format FileDate
Get-Date -Date $d -Format filedatetime
(Get-Date -Format FileDateUniversal) -match '^\d{8}Z$'
(Get-Date -Format FileDateTimeUniversal) -match '^\d{8}T\d{10}Z$'
## RESULT: ["20240305", "20240305T0607081234", true, true]

#### Get-FileHash: SHA256 by default, any algorithm in any case
# source: Get-FileHash.Tests.ps1 "Should default to correct algorithm, hash and path", "Algorithm tests"
Set-Content -Path hashable.txt -Value 'Get-Module' -NoNewline
Add-Content -Path hashable.txt -Value ''
$r = Get-FileHash hashable.txt
$r.Algorithm
$r.Hash
(Get-FileHash hashable.txt -Algorithm sHA1).Hash
(Get-FileHash hashable.txt -Algorithm MD5).Hash
(Split-Path $r.Path -Leaf)
## RESULT: ["SHA256", "41620F6C9F3531722EFE90AED9ABBC1D1B31788AA9141982030D3DDE199F770C", "0C483659B1F2D5A8F116211DE8F58BF45893CFFB", "F9D78BD059AB162BEA21EB02BADDE001", "hashable.txt"]

#### Get-FileHash: a missing file and a folder are errors, the next file goes on
# source: Get-FileHash.Tests.ps1 "Should write non-terminating error if argument is a folder", "With '-Path': no file exist"
Set-Content a.txt 'x'
New-Item -ItemType Directory sub | Out-Null
$r = 'sub', 'a.txt' | Get-FileHash -ErrorVariable ev -ErrorAction SilentlyContinue
@($r).Count
$ev.FullyQualifiedErrorId
try { Get-FileHash -Path nofileexist.ttt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## RESULT: [1, "UnauthorizedAccessError,Microsoft.PowerShell.Commands.GetFileHashCommand", "FileNotFound,Microsoft.PowerShell.Commands.GetFileHashCommand"]

#### Get-FileHash refuses an unknown algorithm
# source: Get-FileHash.Tests.ps1 "Should be throw for wrong algorithm name"; [ValidateSet] on -Algorithm
try { Get-FileHash x -Algorithm wrongAlgorithm } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetFileHashCommand"]

#### Out-GridView shows a table with a warning, and -PassThru passes everything on
# source: pscompat has no grid window (README: deliberate differences); -PassThru returns the selected rows
$r = 1, 2 | Out-GridView -PassThru 3>$null 6>$null
$r
## RESULT: [1, 2]

#### Group-Object -NoElement makes GroupInfoNoElement objects, shown without a Group column
# source: Group-Object.cs (noElement ? new GroupInfoNoElement(...)); PowerShellCore_format_ps1xml.cs ViewsOf_..._GroupInfoNoElement (Count, Name)
$g = 'a', 'a', 'b' | Group-Object -NoElement
$g[0].GetType().Name
$g[0].Count
($g | Out-String).Trim() -split "`n" | ForEach-Object { $_.TrimEnd() }
## RESULT: ["GroupInfoNoElement", 2, "Count Name", "----- ----", "    2 a", "    1 b"]

#### Get-Command with several names given positionally
# source: GetCommandCommand: [Parameter(Position = 0, ParameterSetName = "AllCommandSet")] string[] Name; the binder gives the first positional argument to the lowest position of any set
(Get-Command Get-Date, Join-String).Name
## RESULT: ["Get-Date", "Join-String"]

#### Start-Sleep validates its ranges
# source: StartSleepCommand.cs: [ValidateRange(0.0, int.MaxValue / 1000)] Seconds, [ValidateRange(0, int.MaxValue)] Milliseconds, [ValidateRange(ValidateRangeKind.NonNegative)] Duration, MaximumDurationExceeded; Metadata.resx ValidateRangeNegativeFailure
try { Start-Sleep -Duration ([timespan]::FromDays(-1)) } catch { $_.Exception.Message }
try { Start-Sleep -Milliseconds -5 } catch { $_.FullyQualifiedErrorId }
try { Start-Sleep -Duration ([timespan]::FromDays(30)) } catch { $_.Exception.Message }
## RESULT: ["Cannot validate argument on parameter 'Duration'. The argument \"-1.00:00:00\" cannot be validated because its value is not greater than or equal to zero.", "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.StartSleepCommand", "The '-Duration' parameter value must not exceed '24.20:31:23.6470000', provided value was '30.00:00:00'."]

#### ConvertFrom-Json reads documents nested up to -Depth (1024 by default)
# source: ConvertFromJsonCommand: [Parameter] int Depth = 1024 (JsonObject.ConvertFromJson maxDepth: Json.NET MaxDepth)
$x = ('[' * 1024 + '7' + ']' * 1024) | ConvertFrom-Json -NoEnumerate
$n = 0; while ($x -is [array]) { $x = $x[0]; $n++ }
$n
$x
try { '[[1]]' | ConvertFrom-Json -Depth 1 } catch { $_.Exception.Message -like "*MaxDepth of 1 has been exceeded*" }
## RESULT: [1024, 7, true]

#### Resolve-Path expands wildcards to PathInfo objects; -Relative to ./ paths
# source: ResolvePathCommand.cs (PathInfo output; -Relative from the current location; 7.4 -RelativeBasePath)
New-Item -ItemType Directory d | Out-Null
Set-Content d/x.ps1 1; Set-Content d/y.ps1 2
$r = Resolve-Path d/*.ps1
$r[0].GetType().Name
Split-Path $r[1].Path -Leaf
Resolve-Path d/*.ps1 -Relative
Resolve-Path x.ps1 -RelativeBasePath d -Relative -ErrorAction SilentlyContinue
Set-Location d
Resolve-Path ../d/x.ps1 -Relative
## RESULT: ["PathInfo", "y.ps1", "./d/x.ps1", "./d/y.ps1", "./x.ps1"]

#### Resolve-Path and Convert-Path report a path that matches nothing
# source: ResolvePathCommand / SessionStateStrings.resx PathNotFound ("Cannot find path '{0}' because it does not exist.")
try { Resolve-Path nope -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
try { Convert-Path nope* -ErrorAction Stop } catch { $_.Exception.Message -like "Cannot find path '*nope*' because it does not exist." }
## RESULT: ["PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand", "ObjectNotFound", true]

#### Clear-Content empties a file and keeps it; -WhatIf changes nothing
# source: ClearContentCommand (Microsoft.PowerShell.Management); FileSystemProvider.ClearContent: ShouldProcess("Item: path", "Clear Content")
Set-Content log.txt 'some text'
Clear-Content log.txt -WhatIf 6>$null
(Get-Item log.txt).Length -gt 0
Clear-Content log.txt
(Get-Item log.txt).Length
Test-Path log.txt
try { Clear-Content nofile.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## RESULT: [true, 0, true, "PathNotFound,Microsoft.PowerShell.Commands.ClearContentCommand"]

#### Get-ChildItem -Recurse lists a folder's items, then each sub-folder's
# source: FileSystemProvider.Dir (GetChildItems): a directory's entries are written, then its sub-directories are recursed in order
New-Item -ItemType Directory a/deep, b | Out-Null
Set-Content z.txt 1; Set-Content a/f.txt 1; Set-Content a/deep/g.txt 1; Set-Content b/h.txt 1
(Get-ChildItem -Recurse).Name
## RESULT: ["a", "b", "z.txt", "deep", "f.txt", "g.txt", "h.txt"]

#### Folders and files share one table under the folder's heading
# source: FileSystem_format_ps1xml.cs: one view for FileSystemTypes (DirectoryInfo and FileInfo), GroupByProperty PSParentPath; on UNIX the columns UnixMode User Group LastWriteTime Size Name
New-Item -ItemType Directory sub | Out-Null
Set-Content file.txt 'x'
$lines = (Get-ChildItem | Out-String) -split "`n"
@($lines | Where-Object { $_ -match '^UnixMode\s+User Group\s+LastWriteTime\s+Size Name$' }).Count
@($lines | Where-Object { $_ -match '^\s+Directory: ' }).Count
@($lines | Where-Object { $_ -match '^d\S+\s+\S+\s+\S+\s+\d{1,2}/\d{1,2}/\d{4} \d\d:\d\d\s+\d+ sub$' }).Count
@($lines | Where-Object { $_ -match '^-\S+\s+\S+\s+\S+\s+\d{1,2}/\d{1,2}/\d{4} \d\d:\d\d\s+2 file\.txt$' }).Count
## RESULT: [1, 1, 1, 1]

#### Get-Command's aliases, cmdlets and functions share one table
# source: PowerShellCore_format_ps1xml.cs: the CommandInfo table view (CommandType, Name, Version, Source) selected by the base type
function Get-Thing { }
$lines = (Get-Command gci, Get-Date, Get-Thing | Out-String) -split "`n" | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ }
$lines[0] -match '^CommandType\s+Name\s+Version\s+Source$'
$lines.Count
$lines[2] -match '^Alias\s+gci -> Get-ChildItem$'
$lines[4] -match '^Function\s+Get-Thing$'
## RESULT: [true, 5, true, true]

#### A backslash in a path is a separator, as in pwsh on Linux
# source: SessionStateStrings.cs AlternatePathSeparator ('\\' off Windows); FileSystemProvider.NormalizePath replaces it with '/'
Set-Content .\notes.txt 'hello'
New-Item -ItemType Directory logs\app -Force | Out-Null
Copy-Item .\notes.txt logs\app\
(Get-ChildItem -Recurse -File).FullName | ForEach-Object { $_.Substring((Get-Location).Path.Length) }
Test-Path logs/app/notes.txt
## RESULT: ["/notes.txt", "/logs/app/notes.txt", true]

#### Get-ItemProperty and Get-ItemPropertyValue on a file
# source: GetPropertyCommand.cs / GetPropertyValueCommand (Microsoft.PowerShell.Management); the provider adds PSPath, PSParentPath, PSChildName, PSDrive, PSProvider; a missing property is "Property {0} does not exist at path {1}."
Set-Content disk.vhd 'abc'
$p = Get-ItemProperty disk.vhd -Name Length
$p.Length
$p.PSChildName
$p.PSProvider
Get-ItemPropertyValue disk.vhd -Name Length
(Get-ItemProperty disk.vhd).GetType().Name
try { Get-ItemProperty disk.vhd -Name Nope -ErrorAction Stop } catch { $_.Exception.Message -like 'Property Nope does not exist at path *disk.vhd.' }
## RESULT: [4, "disk.vhd", "Microsoft.PowerShell.Core\\FileSystem", 4, "FileInfo", true]
