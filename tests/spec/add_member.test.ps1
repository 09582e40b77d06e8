# Add-Member's script and alias members: ScriptProperty, AliasProperty, ScriptMethod.  Sources:
# PowerShell/PowerShell src/Microsoft.PowerShell.Commands.Utility/commands/utility/AddMember.cs
# (+ resources/AddMember.resx), src/System.Management.Automation/engine/MshMemberInfo.cs
# (PSScriptProperty, PSAliasProperty, PSScriptMethod), engine/runtime/Binding/Binders.cs
# (PSGetMemberBinder / PSSetMemberBinder), resources/ExtendedTypeSystem.resx, and
# test/powershell/Modules/Microsoft.PowerShell.Utility/Add-Member.Tests.ps1.

#### A script property runs its getter with $this on every read
# source: PSScriptProperty.InvokeGetter (scriptThis: the object); about_Automatic_Variables $this
$o = [pscustomobject]@{a = 1}
$o | Add-Member -MemberType ScriptProperty -Name b -Value { $this.a + 1 }
$o.b
$o.a = 10
$o.b
## RESULT: [2, 11]

#### Positional form, and a setter that gets the value as $args[0] or param()
# source: AddMember.cs MemberType/Name/Value/SecondValue at positions 0-3; InvokeSetter args: new[] { value }
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptProperty twice { $this.a * 2 } { $this.a = $args[0] / 2 }
$o | Add-Member ScriptProperty thrice { $this.a * 3 } { param($v) $this.a = $v / 3 }
$o.twice = 10
$o.a
$o.thrice = 30
$o.a
## RESULT: [5, 10]

#### The getter's output comes back as is: nothing is $null, several objects an array
# source: PSScriptProperty.InvokeGetter -> ScriptBlock.DoInvokeReturnAsIs
$o = [pscustomobject]@{}
$o | Add-Member ScriptProperty none { }
$o | Add-Member ScriptProperty many { 1; 2; 3 }
$null -eq $o.none
$o.many.Count
## RESULT: [true, 3]

#### The getter runs in a new scope: its assignments do not leak
# source: PSScriptProperty.InvokeGetter: DoInvokeReturnAsIs(useLocalScope: true, ...)
$x = 'outer'
$o = [pscustomobject]@{}
$o | Add-Member ScriptProperty p { $x = 'inner'; $x }
$o.p
$x
## RESULT: ["inner", "outer"]

#### Assigning a script property that has no setter
# source: PSSetMemberBinder: !psPropertyInfo.IsSettable -> ParserStrings.PropertyIsReadOnly
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptProperty b { 2 }
$o.b = 3
$o.b
## RESULT: [2]
## ERRORS: 'b' is a ReadOnly property.

#### A getter that throws
# source: PSPropertyInfo.NewGetValueException: ExtendedTypeSystem.ExceptionWhenGetting
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptProperty bad { throw 'boom' }
$o.bad
try { $o.bad } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.Message }
## RESULT: ["ScriptGetValueRuntimeException", "boom"]
## ERRORS: Exception getting "bad": "boom"

#### A setter that throws
# source: PSPropertyInfo.NewSetValueException: ExtendedTypeSystem.ExceptionWhenSetting
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptProperty p { 1 } { throw 'no way' }
$o.p = 5
## ERRORS: Exception setting "p": "no way"

#### An existing member is an error; -Force replaces it; -PassThru writes the object
# source: AddMember.AddMemberToTarget; AddMember.resx MemberAlreadyExists
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptProperty a { 2 }
$r = $o | Add-Member ScriptProperty a { 3 } -Force -PassThru
$r.a
$o.a
## RESULT: [3, 3]
## ERRORS: Cannot add a member with the name "a" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.

#### Value and SecondValue may not both be null for a script property
# source: Add-Member.Tests.ps1 "Value1 And Value2 Should Not Both Null"; AddMember.resx Value1AndValue2AreNotBothNull
$o = [pscustomobject]@{}
Add-Member -InputObject $o -MemberType ScriptProperty -Name p -Value $null -SecondValue $null
## ERRORS: Both Value and SecondValue parameters should not be null for a member of type "ScriptProperty". Specify a non-null value for one of the two parameters.

#### The value of a script property must be a script block
# source: Add-Member.Tests.ps1 "ScriptProperty Reference Wrong Type" (ConvertToFinalInvalidCastException)
Add-Member -InputObject ([pscustomobject]@{}) -MemberType ScriptProperty -Name p -Value something
## ERRORS: Cannot convert the "something" value of type "System.String" to type "System.Management.Automation.ScriptBlock".

#### The member type may be given as its PSMemberTypes number
# source: Add-Member.Tests.ps1 "Simplified Add-Member ..." (`Add-Member -InputObject a 16 sp {1+1}`)
$o = [pscustomobject]@{}
$r = Add-Member -InputObject $o 16 sp {1+1} -PassThru
$r.sp
## RESULT: [2]

#### Script properties are shown with their values
# source: formatting reads PSPropertyInfo.Value for every property (PSScriptProperty.InvokeGetter)
$o = [pscustomobject]@{Name = 'x'; Size = 2}
$o | Add-Member ScriptProperty Double { $this.Size * 2 }
$o
## STDOUT:

Name Size Double
---- ---- ------
x       2      4

## END

#### Script properties are listed, selected and serialized with their values
# source: PSObject.Properties includes instance script members; ConvertTo-Json/Csv and Select-Object read Value
$o = [pscustomobject]@{Name = 'x'; Size = 2}
$o | Add-Member ScriptProperty Double { $this.Size * 2 }
$o | ConvertTo-Json -Compress
$o | ConvertTo-Csv
($o | Select-Object *).Double
($o | Select-Object Name, Double).Double
$o.psobject.Properties | ForEach-Object { "$($_.Name):$($_.MemberType):$($_.Value)" }
## RESULT: ["{\"Name\":\"x\",\"Size\":2,\"Double\":4}", "\"Name\",\"Size\",\"Double\"", "\"x\",\"2\",\"4\"", 4, 4, "Name:NoteProperty:x", "Size:NoteProperty:2", "Double:ScriptProperty:4"]

#### Get-Member shows each member's definition
# source: GetMember.cs (Definition = member.ToString(), sorted by MemberType then Name); PSScriptProperty/PSAliasProperty/PSScriptMethod.ToString
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptProperty b { $this.a + 1 } { $this.a = $args[0] }
$o | Add-Member AliasProperty c a
$o | Add-Member AliasProperty d a -SecondValue string
$o | Add-Member ScriptMethod m { 1 }
$o | Get-Member -MemberType AliasProperty, NoteProperty, ScriptProperty, ScriptMethod | ForEach-Object { "$($_.MemberType)|$($_.Name)|$($_.Definition)" }
## RESULT: ["AliasProperty|c|c = a", "AliasProperty|d|d = (System.String)a", "NoteProperty|a|int a=1", "ScriptMethod|m|System.Object m();", "ScriptProperty|b|System.Object b {get= $this.a + 1 ;set= $this.a = $args[0] ;}"]

#### A failing getter shows as an empty value where PowerShell formats or selects
# source: PSPropertyExpression.GetValues keeps the exception and a null result (Select-Object, Format-*)
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptProperty bad { throw 'boom' }
$null -eq ($o | Select-Object bad).bad
## RESULT: [true]

#### Where-Object compares script property values
# source: PSGetMemberBinder: PSScriptProperty -> InvokeGetter
$items = 1..4 | ForEach-Object { [pscustomobject]@{n = $_} | Add-Member ScriptProperty sq { $this.n * $this.n } -PassThru }
($items | Where-Object { $_.sq -gt 4 }).n
($items | Where-Object sq -eq 9).n
($items | Sort-Object sq -Descending | Select-Object -First 1).n
## RESULT: [3, 4, 3, 4]

#### An alias property reads and writes its target
# source: PSAliasProperty.Value: get => ReferencedMember.Value (converted), set => ReferencedMember.Value = value
$o = [pscustomobject]@{Name = 'x'; Size = 5}
$o | Add-Member -MemberType AliasProperty -Name n -Value Name
$o | Add-Member AliasProperty s Size -SecondValue string
$o.n
$o.n = 'y'
$o.Name
$o.s.GetType().Name
$o.Size.GetType().Name
## RESULT: ["x", "y", "String", "Int32"]

#### An alias whose target is missing, and an alias cycle
# source: PSAliasProperty.LookupMember; ExtendedTypeSystem.resx MemberNotPresent, CycleInAlias
$o = [pscustomobject]@{}
$o | Add-Member AliasProperty a missing
$o | Add-Member AliasProperty x y
$o | Add-Member AliasProperty y x
$o.a
$o.x
## ERRORS: The member "missing" is not present. | The alias with name "x" contains a cycle.

#### An alias's type must exist
# source: Add-Member.Tests.ps1 "Fail to add unexisting type" (InvalidCastFromStringToType)
Add-Member -InputObject ([pscustomobject]@{a = 1}) -MemberType AliasProperty -Name Name -Value a -SecondValue unexistingType
## ERRORS: Cannot convert the "unexistingType" value of type "System.String" to type "System.Type".

#### A script method gets $this and its arguments
# source: PSScriptMethod.InvokeScript(scriptThis: @this, args: arguments); Add-Member.Tests.ps1 "Add ScriptMethod Success"
$o = [pscustomobject]@{a = 1}
$o | Add-Member -MemberType ScriptMethod -Name Add -Value { param($x, $y) $this.a + $x + $y }
$o | Add-Member ScriptMethod Greet { "hi $($args[0]), a=$($this.a)" }
$o.Add(2, 3)
$o.greet('bob')
## RESULT: [6, "hi bob, a=1"]

#### A script method that throws, and one given a second value
# source: PSScriptMethod.InvokeScript: ExtendedTypeSystem.MethodInvocationException; AddMember.GetScriptMethod: EnsureValue2HasNotBeenSpecified
$o = [pscustomobject]@{}
$o | Add-Member ScriptMethod T { throw 'nope' }
$o.T(1, 2)
$o | Add-Member ScriptMethod U { 1 } { 2 }
## ERRORS: Exception calling "T" with "2" argument(s): "nope" | The SecondValue parameter is not necessary for a member of type "ScriptMethod", and should not be specified. Do not specify the SecondValue parameter when you add members of this type.

#### Script methods are methods, not properties
# source: PSObject.Properties vs PSObject.Methods (PSMemberInfoCollection filtered by member type)
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptMethod m { 1 }
@($o.psobject.Properties).Count
($o.psobject.Methods | Where-Object MemberType -eq ScriptMethod).Name
$o | ConvertTo-Json -Compress
## RESULT: [1, "m", "{\"a\":1}"]

#### psobject.Copy() keeps the script members, bound to the copy
# source: PSObject.Copy clones the instance members (PSScriptProperty.Copy)
$o = [pscustomobject]@{a = 1}
$o | Add-Member ScriptProperty b { $this.a + 1 }
$c = $o.psobject.Copy()
$c.a = 100
$c.b
$o.b
## RESULT: [101, 2]

#### A getter's non-terminating errors are swallowed
# source: PSScriptProperty.InvokeGetter: errorHandlingBehavior: ScriptBlock.ErrorHandlingBehavior.SwallowErrors
$o = [pscustomobject]@{}
$o | Add-Member ScriptProperty p { Write-Error 'quiet'; 'value' }
$o.p
## RESULT: ["value"]

#### A getter's $_ is the one around the read
# source: PSScriptProperty.InvokeGetter: dollarUnder: AutomationNull.Value (not set in the new scope)
$o = [pscustomobject]@{}
$o | Add-Member ScriptProperty p { "item $_" }
1, 2 | ForEach-Object { $o.p }
## RESULT: ["item 1", "item 2"]
