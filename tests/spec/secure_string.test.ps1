# SecureString, PSCredential, ConvertTo-SecureString and ConvertFrom-SecureString.  Sources:
# PowerShell/PowerShell src/Microsoft.PowerShell.Security/security/SecureStringCommands.cs,
# src/System.Management.Automation/security/SecureStringHelper.cs (Protect/Unprotect on UNIX),
# engine/LanguagePrimitives.cs (GetInvalidCastMessages), engine/Credential.cs, and
# test/powershell/Modules/Microsoft.PowerShell.Security/SecureString.Tests.ps1.

#### A secure string prints as its type, never as its text
# source: SecureString has no ToString override: Object.ToString() is the type name
$ss = ConvertTo-SecureString 'abcd' -AsPlainText -Force
$ss
"$ss"
$ss.Length
## STDOUT:
System.Security.SecureString
System.Security.SecureString
4
## END

#### -AsPlainText round trip
# source: SecureString.Tests.ps1 "Can convert back from a secure string"
$ss1 = ConvertTo-SecureString -AsPlainText -Force 'ABCD'
$ss2 = ConvertFrom-SecureString $ss1 | ConvertTo-SecureString
$ss2 | ConvertFrom-SecureString -AsPlainText
## RESULT: ["ABCD"]

#### Without a key, the exported form on Linux is the hex of the UTF-16LE text
# source: SecureStringHelper.Protect: #if UNIX protectedData = data; ByteArrayToString ("x2" per byte)
ConvertTo-SecureString 'AB' -AsPlainText | ConvertFrom-SecureString
## RESULT: ["41004200"]

#### A cast to SecureString never quotes the value
# source: SecureString.Tests.ps1 "Using invalid securestring with cast produces an exception message without value";
# LanguagePrimitives.GetInvalidCastMessages: InvalidCastExceptionWithoutValue for SecureString and PSCredential
try { [securestring]'1234' } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
## RESULT: ["Cannot convert the value of type \"System.String\" to type \"System.Security.SecureString\".", "ConvertToFinalInvalidCastException"]

#### A string bound to -SecureString is refused without its text
# source: SecureString.Tests.ps1 "Using invalid secure string with ConvertFrom-SecureString produces an exception message without value"
try { ConvertFrom-SecureString '1234' } catch { $_.Exception.Message -match '1234' }
## RESULT: [false]

#### Building a secure string by characters
# source: System.Security.SecureString.AppendChar / RemoveAt / InsertAt
$s = [System.Security.SecureString]::new()
'ABCD'.ToCharArray() | ForEach-Object { $s.AppendChar($_) }
$s.RemoveAt(0)
$s.InsertAt(0, 'z')
ConvertFrom-SecureString $s -AsPlainText
## RESULT: ["zBCD"]

#### ConvertTo-SecureString output is read-only
# source: SecureStringCommands.cs ConvertToSecureStringCommand: SecureString.MakeReadOnly()
$s = ConvertTo-SecureString 'x' -AsPlainText -Force
$s.IsReadOnly()
try { $s.AppendChar('y') } catch { $_.Exception.Message }
## RESULT: [true, "Instance is read-only."]

#### A credential shows its user and hides its password
# source: PSCredential (engine/Credential.cs): UserName, Password (SecureString); NetworkCredential splits DOMAIN\user
$c = [pscredential]::new('CONTOSO\bob', (ConvertTo-SecureString 'pw1' -AsPlainText -Force))
$c.UserName
"$($c.Password)"
$n = $c.GetNetworkCredential()
$n.UserName
$n.Domain
$n.Password
## RESULT: ["CONTOSO\\bob", "System.Security.SecureString", "bob", "CONTOSO", "pw1"]

#### A credential needs a SecureString password, and its error does not quote the password
# source: PSCredential(string, SecureString) is the only constructor; pscompat leaves the argument's value out of the message (README: deliberate differences)
try { [pscredential]::new('bob', 'pw-plain') } catch { $_.Exception.Message -match 'pw-plain' }
## RESULT: [false]
