# Export-Clixml / Import-Clixml.  Sources: PowerShell/PowerShell
# src/System.Management.Automation/engine/serialization.cs (the format: element names, EncodeString,
# depth, TN/TNRef, MS/Props/LST/DCT), src/Microsoft.PowerShell.Commands.Utility/commands/utility/XmlCommands.cs,
# src/System.Management.Automation/security/SecureStringHelper.cs (SS on UNIX), and
# test/powershell/Modules/Microsoft.PowerShell.Utility/clixml.tests.ps1.

#### A custom object round-trips with its property types
# source: serialization.cs known types (S, I32, I64, Db, B, DT, TS, Nil) and MS for note properties
$o = [pscustomobject]@{ Name = 'vm1'; Cores = 4; Disk = 5000000000; Load = 0.25; On = $true; Span = New-TimeSpan -Minutes 90; None = $null }
$o | Export-Clixml o.xml
$i = Import-Clixml o.xml
$i.Name; $i.Cores; $i.Disk.GetType().Name; $i.Load; $i.On; $i.Span.TotalMinutes; $null -eq $i.None
## RESULT: ["vm1", 4, "Int64", 0.25, true, 90, true]

#### Deserialized objects say so in their type names
# source: serialization.cs: deserialized PSObjects get "Deserialized." type names
([pscustomobject]@{a = 1}) | Export-Clixml o.xml
(Import-Clixml o.xml).PSObject.TypeNames
## RESULT: ["Deserialized.System.Management.Automation.PSCustomObject", "Deserialized.System.Object"]

#### The file is CLIXML: the Objs root, TN type names, MS note properties
# source: serialization.cs SerializationStrings (Objs, Version 1.1.0.1, the 2004/04 namespace, TN, T, MS, I32 N=...)
([pscustomobject]@{a = 1}) | Export-Clixml o.xml
(Get-Content o.xml -Raw) -match '^<Objs Version="1\.1\.0\.1" xmlns="http://schemas\.microsoft\.com/powershell/2004/04"><Obj RefId="0"><TN RefId="0"><T>System\.Management\.Automation\.PSCustomObject</T><T>System\.Object</T></TN><MS><I32 N="a">1</I32></MS></Obj></Objs>$'
## RESULT: [true]

#### Control characters and _x are encoded as _xHHHH_
# source: serialization.cs EncodeString: c <= 0x1F, 0x7F-0x9F, surrogates, and '_' before 'x' or 'X'
"a`tb_x" | Export-Clixml o.xml
(Get-Content o.xml -Raw) -match '<S>a_x0009_b_x005F_x</S>'
(Import-Clixml o.xml) -eq "a`tb_x"
## RESULT: [true, true]

#### Pipeline input is one object each; -InputObject with an array is one list
# source: XmlCommands.cs ExportClixmlCommand.ProcessRecord serializes each InputObject; LST for lists
1, 2, 3 | Export-Clixml o.xml
(Import-Clixml o.xml).Count
Export-Clixml -Path o.xml -InputObject (1, 2, 3)
$l = Import-Clixml o.xml
$l.Count
## RESULT: [3, 3]

#### Hashtables come back as hashtables
# source: serialization.cs DCT with En Key/Value entries
@{ Region = 'West US'; Size = 'Small' } | Export-Clixml o.xml
$h = Import-Clixml o.xml
$h.GetType().Name
$h.Region
## RESULT: ["Hashtable", "West US"]

#### A credential round-trips, and its file is readable by its owner only
# source: clixml.tests.ps1 "should import PSCredential"; pscompat creates secret-holding files 0600 (README: Safety)
$cred = [pscredential]::new('Foo', (ConvertTo-SecureString 'pw' -AsPlainText -Force))
$cred | Export-Clixml cred.xml
$back = Import-Clixml cred.xml
$back.UserName
$back.Password.GetType().Name
$back.GetNetworkCredential().Password
(Get-Item cred.xml).UnixMode
## RESULT: ["Foo", "SecureString", "pw", "-rw-------"]

#### Export-Clixml -WhatIf writes nothing
# source: clixml.tests.ps1 "Export-CliXml errors in WhatIf scenarios"
Export-Clixml -Path nothere.xml -InputObject 'string' -WhatIf 6>$null
Test-Path nothere.xml
## RESULT: [false]

#### A non-file-system path is refused
# source: clixml.tests.ps1 "with path as non filesystem provider"
try { Export-Clixml -LiteralPath 'env:\' -InputObject 1 } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ReadWriteFileNotFileSystemProvider,Microsoft.PowerShell.Commands.ExportClixmlCommand"]
