# Semantics cases in the style of the seed document's admin snippets (Get-X | where {...} | select ...):
# variables, script blocks, pipelines and common parameters applied to live objects.
# Sources: the seed document's three snippets; about_Pipelines, about_Script_Blocks, about_Variables, Get-Member.md.

#### admin: filter by a variable in a where block
# source: seed document ("Get-AzureVMImage | Where-Object {$_.ImageFamily -eq $family}"); about_Scopes (block reads caller variable)
$imgs = @([pscustomobject]@{ImageFamily = 'Windows'; Label = 'a'}, [pscustomobject]@{ImageFamily = 'Linux'; Label = 'b'})
$family = 'Linux'; $imgs | Where-Object {$_.ImageFamily -eq $family} | ForEach-Object Label
## RESULT: ["b"]

#### admin: gm -InputObject in a where block
# source: seed document ("where {(gm –InputObject $_ -Name DataDiskConfigurations) -ne $null}"); Get-Member.md
$imgs = @([pscustomobject]@{Label = 'os'; ImageName = 'i1'}, [pscustomobject]@{Label = 'vm'; ImageName = 'i2'; DataDiskConfigurations = @()})
$imgs | where {(gm –InputObject $_ -Name DataDiskConfigurations) -ne $null} | Select -Property Label, ImageName | ForEach-Object { "$($_.Label)/$($_.ImageName)" }
## RESULT: ["vm/i2"]

#### admin: select a property then read values
# source: seed document ("Get-AzureVMImage | select ImageFamily"); Select-Object.md
$imgs = @([pscustomobject]@{ImageFamily = 'W'; X = 1}, [pscustomobject]@{ImageFamily = 'L'; X = 2})
($imgs | select ImageFamily).ImageFamily
## RESULT: ["W", "L"]

#### admin: member enumeration on a collection
# source: about_Member-Access_Enumeration
$imgs = @([pscustomobject]@{Name = 'a'}, [pscustomobject]@{Name = 'b'}); $imgs.Name
## RESULT: ["a", "b"]

#### admin: foreach statement over objects with string building
# source: about_Foreach; about_Quoting_Rules
$vms = @([pscustomobject]@{Name = 'vm1'; Size = 'Small'}, [pscustomobject]@{Name = 'vm2'; Size = 'Large'})
foreach ($vm in $vms) { "$($vm.Name) is $($vm.Size)" }
## RESULT: ["vm1 is Small", "vm2 is Large"]

#### admin: collect results into a variable then count
# source: about_Pipelines; about_Arrays
$r = 1..10 | Where-Object { $_ % 3 -eq 0 }; $r.Count; $r -join ','
## RESULT: [3, "3,6,9"]

#### admin: function wrapping a pipeline with parameters
# source: about_Functions; about_Functions_Advanced_Parameters
function Get-Big { param([Parameter(ValueFromPipeline)]$InputObject, [int]$Min = 2) process { if ($InputObject -ge $Min) { $InputObject } } }
1..4 | Get-Big -Min 3
## RESULT: [3, 4]

#### admin: hashtable lookup in a loop
# source: about_Hash_Tables
$sizes = @{Small = 1; Large = 4}; foreach ($s in 'Large', 'Small') { "$s=$($sizes[$s])" }
## RESULT: ["Large=4", "Small=1"]

#### admin: ForEach-Object with begin/process/end
# source: ForEach-Object.md (-Begin -Process -End)
1..3 | ForEach-Object -Begin { $t = 0 } -Process { $t += $_ } -End { "total $t" }
## RESULT: ["total 6"]

#### admin: Where-Object simplified syntax with variable
# source: Where-Object.md (comparison statement syntax)
$imgs = @([pscustomobject]@{OS = 'Linux'}, [pscustomobject]@{OS = 'Windows'}); $os = 'Windows'; ($imgs | Where-Object OS -eq $os).OS
## RESULT: ["Windows"]

#### admin: sort and select first
# source: Sort-Object.md; Select-Object.md
$v = @([pscustomobject]@{N = 'b'; D = 2}, [pscustomobject]@{N = 'a'; D = 5}); ($v | Sort-Object D -Descending | Select-Object -First 1).N
## RESULT: ["a"]

#### admin: if on a filtered result
# source: about_If; about_Booleans
$imgs = @([pscustomobject]@{Label = 'x'}); if ($imgs | Where-Object Label -eq 'x') { 'present' } else { 'absent' }
## RESULT: ["present"]

#### admin: null property comparison with $null on the left
# source: about_Comparison_Operators ("$null on the left")
$o = [pscustomobject]@{A = $null}; $null -eq $o.A; $null -eq $o.Missing
## RESULT: [true, true]

#### admin: try/catch around a failing command with Stop
# source: about_Try_Catch_Finally; about_CommonParameters
try { Get-Item -Path /definitely/not/here -ErrorAction Stop } catch { 'missing' }
## RESULT: ["missing"]

#### admin: string formatting in pipeline
# source: about_Operators (-f)
1, 2 | ForEach-Object { 'item {0:D2}' -f $_ }
## RESULT: ["item 01", "item 02"]

#### admin: calculated property with script block
# source: Select-Object.md (calculated properties); about_Calculated_Properties
[pscustomobject]@{Size = 2048} | Select-Object @{Name = 'KB'; Expression = { $_.Size / 1024 }} | ForEach-Object KB
## RESULT: [2]

#### admin: group and count
# source: Group-Object.md
$v = 'a', 'b', 'a'; $v | Group-Object | Sort-Object Name | ForEach-Object { "$($_.Name):$($_.Count)" }
## RESULT: ["a:2", "b:1"]

#### admin: -contains on a collected property
# source: about_Comparison_Operators (containment)
$imgs = @([pscustomobject]@{F = 'W'}, [pscustomobject]@{F = 'L'}); $imgs.F -contains 'L'
## RESULT: [true]

#### admin: pipeline variable $_ inside nested script block
# source: about_Automatic_Variables ($_ refers to the innermost pipeline)
1, 2 | ForEach-Object { $outer = $_; 'a', 'b' | ForEach-Object { "$outer$_" } }
## RESULT: ["1a", "1b", "2a", "2b"]
