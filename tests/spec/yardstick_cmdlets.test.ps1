# Commands added for PowerShell's own test suite (docs/pwsh-tests.md).  Sources: PowerShell/PowerShell
# test/powershell/Modules/Microsoft.PowerShell.Utility/Get-SecureRandom.Tests.ps1 and Get-Random.Tests.ps1,
# src/Microsoft.PowerShell.Commands.Utility/commands/utility/GetRandomCommandBase.cs.

#### Get-SecureRandom: the bounds' types pick Int32, Int64 or Double
# source: Get-SecureRandom.Tests.ps1 $testData (Type column)
(Get-SecureRandom -Maximum 100 -Minimum -100).GetType().Name
(Get-SecureRandom -Maximum ([int64]100)).GetType().Name
(Get-SecureRandom -Maximum '+100' -Minimum ([int64]0)).GetType().Name
(Get-SecureRandom -Maximum 100000000000).GetType().Name
(Get-SecureRandom -Maximum 8 -Minimum 5.0).GetType().Name
(Get-SecureRandom -Maximum '20.' -Minimum 0.0).GetType().Name
## RESULT: ["Int32", "Int64", "Int64", "Int64", "Double", "Double"]

#### Get-SecureRandom: string bounds are number literals with multipliers
# source: Get-SecureRandom.Tests.ps1 'max set to 1tb, min set to 10 mb', 'maximum set to kb'
$r = Get-SecureRandom -Maximum '1tb' -Minimum '10mb'
$r -ge 10485760 -and $r -lt 1099511627776
$k = Get-SecureRandom -Maximum '1kb' -Minimum 1023
$k
## RESULT: [true, 1023]

#### Get-SecureRandom: Minimum not below Maximum is MinGreaterThanOrEqualMax
# source: Get-SecureRandom.Tests.ps1 $testDataForError; GetRandomCommandStrings.resx MinGreaterThanOrEqualMax
try { Get-SecureRandom -Minimum 20 -Maximum 20 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Get-SecureRandom -Maximum -10 } catch { $_.FullyQualifiedErrorId }
## RESULT: ["MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetSecureRandomCommand", "The Minimum value (20) cannot be greater than or equal to the Maximum value (20).", "MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetSecureRandomCommand"]

#### Get-SecureRandom: -Count items of a list, no more than it has; -Shuffle returns all
# source: Get-SecureRandom.Tests.ps1 'Should return all the numbers for array of 1,2,3,5,8,13 in no particular order'
(Get-SecureRandom -InputObject 1, 2, 3, 5, 8, 13 -Count 3).Count
$all = Get-SecureRandom -InputObject 1, 2, 3, 5, 8, 13 -Count ([int]::MaxValue)
$all.Count
($all | Sort-Object) -join ','
((Get-SecureRandom -InputObject 1, 2, 3, 5, 8, 13 -Shuffle) | Sort-Object) -join ','
(Get-SecureRandom -InputObject 1, 2, 3 -Shuffle:$false).Count
## RESULT: [3, 6, "1,2,3,5,8,13", "1,2,3,5,8,13", 1]

#### Get-SecureRandom: an array given to -Maximum and piped input are lists to choose from
# source: GetRandomCommandBase.cs EffectiveParameterSet (Maximum holding an array; ExpectingInput)
(Get-SecureRandom 7, 7, 7)
(7, 7 | Get-SecureRandom -Count 5).Count
## RESULT: [7, 2]

#### Get-SecureRandom has no -SetSeed; Get-Random -SetSeed repeats the session's sequence
# source: Get-SecureRandom.Tests.ps1 'Should not have a -SetSeed parameter'; Get-Random.Tests.ps1 SetSeed tests
$null -eq (Get-Command Get-SecureRandom).Parameters['SetSeed']
$a = Get-Random -SetSeed 42; $b = Get-Random
$c = Get-Random -SetSeed 42; $d = Get-Random
$a -eq $c -and $b -eq $d
## RESULT: [true, true]

#### A hex literal wider than 64 bits fails
# source: Get-SecureRandom.Tests.ps1 'Should throw an error because the hexadecimal number is to large'
try { Get-SecureRandom 0x07FFFFFFFFFFFFFFFF } catch { $_.Exception.Message }
## RESULT: ["Value was either too large or too small for a UInt32."]

#### Test-Json: valid and invalid JSON, each JSON type
# source: Test-Json.Tests.ps1 'Json is valid', 'Json is invalid', 'Test-Json recognizes non-object types'
Test-Json -Json '{"name": "James", "hobbies": [".NET", "Blogging"]}'
'1', '"true"', 'null', '[ 1, 2 ]' | Test-Json
Test-Json -Json '{ "name": "James" errorNode }' -ErrorAction SilentlyContinue
'string', 'number', 'boolean', 'null', 'array', 'object' | Where-Object { Test-Json -Json 'false' -Schema ('{ "type": "' + $_ + '" }') -ErrorAction SilentlyContinue }
## RESULT: [true, true, true, true, true, false, "boolean"]

#### Test-Json: every schema violation is an InvalidJsonAgainstSchemaDetailed error at its location
# source: Test-Json.Tests.ps1 'Test-Json return all errors when check invalid Json against a valid schema from string'; TestJsonCmdletStrings.resx
$schema = '{"type": "object", "properties": {"name": {"type": "string"}, "hobbies": {"type": "array", "items": {"type": "string"}}}}'
Test-Json -Json '{"name": 123, "hobbies": [456, "Blogging"]}' -Schema $schema -ErrorVariable ev -ErrorAction SilentlyContinue
$ev.Count
$ev[0].FullyQualifiedErrorId
$ev | ForEach-Object { $_.Exception.Message -replace '^The JSON is not valid with the schema: .* at ', '' }
## RESULT: [false, 2, "InvalidJsonAgainstSchemaDetailed,Microsoft.PowerShell.Commands.TestJsonCommand", "'/name'", "'/hobbies/0'"]

#### Test-Json: oneOf errors name only the item that matches no choice
# source: Test-Json.Tests.ps1 'Test-Json reports only relevant errors for invalid oneOf values'
$schema = '{"type": "object", "properties": {"ports": {"type": "array", "items": {"oneOf": [{"type": "integer"}, {"type": "string", "pattern": "^\\d+-\\d+$"}]}}}}'
Test-Json -Json '{ "ports": [80, 443] }' -Schema $schema
Test-Json -Json '{ "ports": [80, "invalid-port", 8080] }' -Schema $schema -ErrorVariable ev -ErrorAction SilentlyContinue
$ev.Count
$ev[0].Exception.Message -match "at '/ports/1'"
## RESULT: [true, false, 1, true]

#### Test-Json: comments and trailing commas only with -Options
# source: Test-Json.Tests.ps1 "Test-Json returns True with document options '<options>'"
$json = "{`n // A Json comment`n `"string`": `"test`",`n}"
$json | Test-Json -ErrorAction SilentlyContinue
$json | Test-Json -Options IgnoreComments -ErrorAction SilentlyContinue
$json | Test-Json -Options IgnoreComments, AllowTrailingCommas
'[1, 2, /* two */ ]' | Test-Json -Options IgnoreComments, AllowTrailingCommas
## RESULT: [false, false, true, true]

#### Test-Json: a schema that does not parse, a schema file that does not open, a path that does not exist
# source: Test-Json.Tests.ps1 'Test-Json throw if a schema from string is invalid', '... path to a schema from file is invalid', '... path from file is invalid'
try { Test-Json -Json '{}' -Schema '{ "description", "type": "object" }' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Test-Json -Json '{}' -SchemaFile ./no_such_schema.json } catch { $_.FullyQualifiedErrorId }
try { Test-Json -Path ./no_such_file.json } catch { $_.FullyQualifiedErrorId }
try { Test-Json -Path './[x]nothing.json' } catch { $_.FullyQualifiedErrorId }
## RESULT: ["InvalidJsonSchema,Microsoft.PowerShell.Commands.TestJsonCommand", "Cannot parse the JSON schema.", "JsonSchemaFileOpenFailure,Microsoft.PowerShell.Commands.TestJsonCommand", "PathNotFound,Microsoft.PowerShell.Commands.TestJsonCommand", "FileOpenFailure,Microsoft.PowerShell.Commands.TestJsonCommand"]

#### Test-Json: a schema file's relative $ref resolves against the file
# source: Test-Json.Tests.ps1 'Json is valid against a valid schema from file' (assets/valid_schema_reference.json refers to valid_schema_definitions.json)
Set-Content defs.json '{"definitions": {"name": {"type": "string"}}}'
Set-Content person.json '{"type": "object", "properties": {"name": {"$ref": "defs.json#/definitions/name"}}}'
Test-Json -Json '{"name": "James"}' -SchemaFile person.json
Test-Json -Json '{"name": 1}' -SchemaFile person.json -ErrorAction SilentlyContinue
## RESULT: [true, false]

#### -ErrorVariable keeps every error one command writes
# source: about_CommonParameters (-ErrorVariable); Test-Json.Tests.ps1 '$errorVar.Count | Should -Be 2'
Test-Json -Json '{"a": 1, "b": 2}' -Schema '{"properties": {"a": {"type": "string"}, "b": {"type": "string"}}}' -ErrorVariable ev -ErrorAction SilentlyContinue
$ev.Count
Test-Json -Json '{"a": 1}' -Schema '{"properties": {"a": {"type": "string"}}}' -ErrorVariable ev -ErrorAction SilentlyContinue
$ev.Count
## RESULT: [false, 2, false, 1]

#### ConvertTo-Html: a page with a table of the object's properties
# source: ConvertTo-Html.Tests.ps1 'Test ConvertTo-Html with no parameters'
$o = [pscustomobject]@{ Name = 'John Doe'; Age = 42; Friends = ('Jack', 'Jill') }
$o | ConvertTo-Html
## RESULT: ["<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">", "<html xmlns=\"http://www.w3.org/1999/xhtml\">", "<head>", "<title>HTML TABLE</title>", "</head><body>", "<table>", "<colgroup><col/><col/><col/></colgroup>", "<tr><th>Name</th><th>Age</th><th>Friends</th></tr>", "<tr><td>John Doe</td><td>42</td><td>System.Object[]</td></tr>", "</table>", "</body></html>"]

#### ConvertTo-Html -Fragment -As List with -Property, -PreContent and -PostContent
# source: ConvertTo-Html.Tests.ps1 'Test ConvertTo-Html specified properties', 'Test ConvertTo-Html pre and post'
$o = [pscustomobject]@{ Name = 'John Doe'; Age = 42; Friends = ('Jack', 'Jill') }
$o, $o | ConvertTo-Html -Property Name, Friends -As List -Fragment -PreContent '<h2>People</h2>' -PostContent 'end'
## RESULT: ["<h2>People</h2>", "<table>", "<tr><td>Name:</td><td>John Doe</td></tr>", "<tr><td>Friends:</td><td>System.Object[]</td></tr>", "<tr><td><hr></td></tr>", "<tr><td>Name:</td><td>John Doe</td></tr>", "<tr><td>Friends:</td><td>System.Object[]</td></tr>", "</table>", "end"]

#### ConvertTo-Html page parameters: -Title, -Body, -CssUri, -Charset, -Meta
# source: ConvertTo-Html.Tests.ps1 'Test ConvertTo-Html using page parameters', 'Test ConvertTo-HTML charset', 'Test ConvertTo-HTML meta'
$o = [pscustomobject]@{ Name = 'x' }
($o | ConvertTo-Html -Title 'Custom Object' -Body 'Body Text' -CssUri 'page.css' -Charset 'UTF-8' -Meta @{ author = 'John Doe' })[2..8]
## RESULT: ["<head>", "<meta charset=\"UTF-8\">", "<meta name=\"author\" content=\"John Doe\">", "<title>Custom Object</title>", "<link rel=\"stylesheet\" type=\"text/css\" href=\"page.css\" />", "</head><body>", "Body Text"]

#### ConvertTo-Html: calculated properties with width and alignment; values are HTML-encoded
# source: ConvertTo-Html.Tests.ps1 calculated property tests; ConvertTo-Html.cs WriteColumns, WebUtility.HtmlEncode
$o = [pscustomobject]@{ Name = 'a<b> & "c"'; Age = 42 }
$o | ConvertTo-Html -Fragment -Property Name, @{ n = 'Next'; e = { $_.Age + 1 }; width = 10; align = 'right' }
## RESULT: ["<table>", "<colgroup><col/><col width = \"10\" align = \"right\"/></colgroup>", "<tr><th>Name</th><th>Next</th></tr>", "<tr><td>a&lt;b&gt; &amp; &quot;c&quot;</td><td>43</td></tr>", "</table>"]

#### ConvertTo-Html -Transitional
# source: ConvertTo-Html.Tests.ps1 'Test ConvertTo-HTML transitional'
[pscustomobject]@{ a = 1 } | ConvertTo-Html -Transitional | Select-Object -First 1
## RESULT: ["<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">"]

#### [ErrorRecord]::new builds a record that $PSCmdlet.WriteError writes under the function's name
# source: PipelineChainOperator.Tests.ps1 Test-NonTerminatingError ('NTERROR,Test-NonTerminatingError'); ErrorPackage.cs ErrorRecord(Exception, string, ErrorCategory, object)
$r = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('NTERROR'), 'NTERROR', [System.Management.Automation.ErrorCategory]::NotSpecified, 5)
$r.FullyQualifiedErrorId
$r.Exception.Message
$r.TargetObject
function Test-NonTerminatingError { [CmdletBinding()] param() $PSCmdlet.WriteError($r) }
Test-NonTerminatingError -ErrorVariable ev -ErrorAction SilentlyContinue
$ev[0].FullyQualifiedErrorId
## RESULT: ["NTERROR", "NTERROR", 5, "NTERROR,Test-NonTerminatingError"]

#### Get-Verb: by name with wildcards, by group, no duplicates
# source: Get-Verb.Tests.ps1 ('Should get a specific verb', 'Should not return duplicate Verbs with Verb paramater', 'Should get a specific group'); Verbs.cs VerbAliasPrefixes
$v = Get-Verb -Verb Add
$v.Verb, $v.AliasPrefix, $v.Group
(Get-Verb -Verb Add, ad*, a*).Verb -join ','
(Get-Verb -Group Security).Verb -join ','
(Get-Verb -Group Common).Group | Sort-Object -Unique
(Get-Verb | Group-Object -Property AliasPrefix | Where-Object Count -GT 1).Count
(Get-Verb).Count
## RESULT: ["Add", "a", "Common", "Add,Approve,Assert", "Block,Grant,Protect,Revoke,Unblock,Unprotect", "Common", 0, 100]

#### Get-Verb: a group outside the set is a validation error
# source: Get-Verb.Tests.ps1 'Should not accept Groups that are not in the validate set'
try { Get-Verb -Group FakeGroupNeverExists -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetVerbCommand"]

#### Get-Uptime: a TimeSpan in whole seconds, or with -Since the DateTime of the boot
# source: Get-Uptime.Tests.ps1 'Get-Uptime return timespan (default -Timespan)', 'Get-Uptime -Since return DateTime'; GetUptimeCommand.cs
$u = Get-Uptime
$u.GetType().Name
$u.Milliseconds
(Get-Uptime -Since).GetType().Name
(Get-Uptime -Since:$false).GetType().Name
(Get-Uptime -Since) -lt (Get-Date)
## RESULT: ["TimeSpan", 0, "DateTime", "TimeSpan", true]

#### New-TemporaryFile: an empty file in the temporary folder; nothing under -WhatIf
# source: New-TemporaryFile.Tests.ps1 'creates a new temporary file', 'with WhatIf does not create a file'
$f = New-TemporaryFile
$f.GetType().FullName
$f.FullName.StartsWith([System.IO.Path]::GetTempPath())
$f.Length
Remove-Item $f
$null -eq (New-TemporaryFile -WhatIf)
## RESULT: ["System.IO.FileInfo", true, 0, true]
