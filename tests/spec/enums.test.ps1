# Enums a script defines.  Sources: PowerShell-Docs about_Enum and PowerShell's
# test/powershell/Language/Classes/scripting.enums.tests.ps1.

#### members count up from 0
# source: scripting.enums.tests.ps1 ('basic enums')
enum E1 { e0; e1; e2 }
[int][E1]::e0; [int][E1]::e2; [E1]::e1 -eq 'e1'; 'e2' -eq [E1]::e2
## RESULT: [0, 2, true, true]

#### an explicit value, then counting on from it
# source: scripting.enums.tests.ps1 ('Basic enum with initial value')
enum E2 {
    e0
    e1 = 5
    e2
}
[int][E2]::e1; [int][E2]::e2; "$([E2]6)"
## RESULT: [5, 6, "e2"]

#### values may be expressions and use enums defined below
# source: scripting.enums.tests.ps1 ('Enum with complicated initial value')
enum E4 { e0 = [E5]::e0 + 2 }
enum E5 { e0 = [E6]::e0 + 2 }
enum E6 { e0 =38 }
[int][E4]::e0; [int][E5]::e0
## RESULT: [42, 40]

#### negative values and .value__
# source: scripting.enums.tests.ps1 ('Enum with negative user-specified values')
enum V1 { A = -4; B = [int]::MinValue; C }
[V1]::A.value__; [V1]::C.value__
## RESULT: [-4, -2147483647]

#### the underlying type
# source: scripting.enums.tests.ps1 ('Enum with non-default underlying type')
enum EX1 : byte { A; B }
enum EX8 : ulong { A; B }
[Enum]::GetUnderlyingType([EX1]).Name; [Enum]::GetUnderlyingType([EX8]).Name
## RESULT: ["Byte", "UInt64"]

#### a value too large for the underlying type
# source: scripting.enums.tests.ps1 ShouldBeParseError 'enum foo : byte { e = -1 }' EnumeratorValueOutOfBounds
enum foo : byte { e = -1 }
## ERROR: Enumerator value is either too large or too small for System.Byte.

#### counting past the largest value
# source: scripting.enums.tests.ps1 ShouldBeParseError 'enum foo { e = [int]::MaxValue;  e2 }' EnumeratorValueOutOfBounds
enum foo { e = [int]::MaxValue;  e2 }
## ERROR: Enumerator value is either too large or too small for System.Int32.

#### a value that is not a number
# source: scripting.enums.tests.ps1 ShouldBeParseError 'enum foo { e = $foo }' EnumeratorValueMustBeConstant
enum foo { e = $foo }
## ERROR: Enumerator value must be a constant value.

#### parsing names, case-insensitively
# source: about_Enum ("Enumerations as type accelerators"; [enum]::Parse)
enum Fruit { Apple; Banana }
"$([Fruit]'banana')"; "$([enum]::Parse([Fruit], 'APPLE'))"; "$([Fruit]1)"
## RESULT: ["Banana", "Apple", "Banana"]

#### a name the enum does not have
# source: about_Enum; PS: ExtendedTypeSystem InvalidCastFromStringToEnum
enum Fruit { Apple; Banana }
[Fruit]'Cherry'
## RESULT: []
## ERRORS: Cannot convert value "Cherry" to type "Fruit". Error: "Unable to match the identifier name Cherry to a valid enumerator name. Specify one of the following enumerator names and try again:\nApple, Banana"

#### [Flags()] enums combine with -bor and test with -band
# source: about_Enum ("Enumerations as flags")
[Flags()] enum Perm { Read = 1; Write = 2; Execute = 4 }
$p = [Perm]::Read -bor [Perm]::Write
"$p"; [int]$p; [bool]($p -band [Perm]::Write); [bool]($p -band [Perm]::Execute); "$([Perm]'Read, Execute')"
## RESULT: ["Read, Write", 3, true, false, "Read, Execute"]

#### GetNames, GetValues and -is
# source: about_Enum ("Enumerations and their values")
enum Size { Small; Medium = 10; Large }
[enum]::GetNames([Size]) -join ','; ([Size]::Large -is [Size]); ([Size]::Large -is [enum]); [Size]::Medium.GetType().Name
## RESULT: ["Small,Medium,Large", true, true, "Size"]

#### an enum as a class property type
# source: about_Classes_Properties (a typed property defaults to the type's default value)
enum Level { Low; High }
class Job { [Level]$Level; [string]$Name }
$j = [Job]::new(); "$($j.Level)"; $j.Level = 'high'; "$($j.Level)"
## RESULT: ["Low", "High"]

#### enum members in a switch
# source: about_Enum; about_Switch
enum Color { Red; Green }
switch ([Color]::Green) { 'Red' { 'r' } 'Green' { 'g' } }
## RESULT: ["g"]
