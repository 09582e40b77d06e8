# Semantics cases taken from PowerShell's own Pester tests (Splatting, Trap, OutErrorVariable)
# and the about_Switch / about_Splatting / about_Scopes doc examples, one `It` or example per case.

#### switch: doc example with multiple conditions
# source: about_Switch ("Examples": switch (3) with 1,2,3,4,3)
switch (3) { 1 { "It's one." } 2 { "It's two." } 3 { "It's three." } 4 { "It's four." } 3 { "Three again." } }
## RESULT: ["It's three.", "Three again."]

#### switch: break stops after first match
# source: about_Switch (switch (3) ... 3 {"It's three."; break})
switch (3) { 1 { "It's one." } 2 { "It's two." } 3 { "It's three."; break } 4 { "It's four." } 3 { "Three again." } }
## RESULT: ["It's three."]

#### switch: array input with break
# source: about_Switch (switch (4, 2) with break)
switch (4, 2) { 1 { "It's one."; break } 2 { "It's two."; break } 3 { "It's three."; break } 4 { "It's four."; break } 3 { "Three again." } }
## RESULT: ["It's four."]

#### switch: array input without break
# source: about_Switch (switch (4, 2) without break)
switch (4, 2) { 1 { "It's one." } 2 { "It's two." } 3 { "It's three." } 4 { "It's four." } 3 { "Three again." } }
## RESULT: ["It's four.", "It's two."]

#### switch: -Regex first matching clause with break
# source: about_Switch (-Regex example)
$target = 'https://bing.com'
switch -Regex ($target) { '^ftp\://.*$' { "$_ is an ftp address"; break } '^\w+tp\://.*$' { "$_ is a web address"; break } '^(http[s]?)\://.*$' { "$_ is a web address that uses $($Matches[1])"; break } }
## RESULT: ["https://bing.com is a web address that uses https"]

#### switch: wildcard with default
# source: about_Switch (-Wildcard example)
$message = 'Warning, out of disk space'
switch -Wildcard ($message) { 'Error*' { 'Red' } 'Warning*' { 'Yellow' } Default { 'Green' } }
## RESULT: ["Yellow"]

#### switch: expression value conditions
# source: about_Switch (scriptblock conditions)
switch (5) { { $_ -lt 3 } { 'small' } { $_ -ge 3 -and $_ -lt 10 } { 'medium' } default { 'large' } }
## RESULT: ["medium"]

#### switch: $_ is the current value
# source: about_Switch
switch ('a', 'b') { default { $_.ToUpper() } }
## RESULT: ["A", "B"]

#### switch: hashtable value is not enumerated
# source: about_Switch (only collections are enumerated; a hashtable is one value)
$n = 0; switch (@{a = 1; b = 2}) { default { $n++ } }; $n
## RESULT: [1]

#### splatting doc: Copy-Item style hashtable with switch and common param
# source: about_Splatting (example 1 pattern: switch parameters as $true in the hashtable)
function Copy-Thing { [CmdletBinding()] param($Path, $Destination, [switch]$WhatIf) "$Path->$Destination whatif=$WhatIf" }
$HashArguments = @{ Path = 'test.txt'; Destination = 'test2.txt'; WhatIf = $true }; Copy-Thing @HashArguments
## RESULT: ["test.txt->test2.txt whatif=True"]

#### splatting doc: array splat with Copy-Item-like positions
# source: about_Splatting ("Splatting with arrays")
function Copy-Thing { param($Path, $Destination) "$Path->$Destination" }; $ArrayArguments = 'test.txt', 'test2.txt'; Copy-Thing @ArrayArguments -Verbose:$false
## RESULT: ["test.txt->test2.txt"]

#### scopes doc: child function sees script variable but not changes
# source: about_Scopes ("Example: Change a variable value only in a script")
$ConfirmPref = 'High'; function Set-Pref { $ConfirmPref = 'Low'; "inside: $ConfirmPref" }; Set-Pref; "outside: $ConfirmPref"
## RESULT: ["inside: Low", "outside: High"]

#### scopes doc: dot-sourced function defines in caller
# source: about_Scopes ("Dot source notation")
function def { $fromDef = 'here' }; . def; $fromDef
## RESULT: ["here"]

#### scopes doc: numeric scope 0 is local
# source: about_Scopes ("Using the -Scope parameter": 0 = current)
$x = 'top'; function f { $x = 'mine'; (Get-Variable x -Scope 0).Value }; f
## RESULT: ["mine"]

#### scopes: ForEach-Object block runs in caller scope
# source: ForEach-Object.Tests.ps1 ("should execute script block in caller scope"); about_Scopes
$count = 0; 1..3 | ForEach-Object { $count++ }; $count
## RESULT: [3]

#### scopes: & script block cannot modify caller
# source: about_Script_Blocks; about_Scopes
$count = 0; 1..3 | & { process { $count++ } }; $count
## RESULT: [0]

#### OutVariable in advanced function, output discarded by assignment
# source: OutErrorVariable.Tests.ps1 ("Updating OutVariable Case 1"), with $null = instead of > $null
function get-foo1 { [CmdletBinding()] param() "foo" }; $null = get-foo1 -OutVariable a; $a
## RESULT: ["foo"]

#### OutVariable append, output discarded by assignment
# source: OutErrorVariable.Tests.ps1 ("Appending OutVariable Case 1"), with $null =
function get-foo1 { [CmdletBinding()] param() "foo" }; $a = 'a', 'b'; $null = get-foo1 -OutVariable +a; $a
## RESULT: ["a", "b", "foo"]
