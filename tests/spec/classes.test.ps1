# Classes as PowerShell 5+ defines them.  Sources: PowerShell-Docs about_Classes,
# about_Classes_Properties, about_Classes_Methods, about_Classes_Constructors,
# about_Classes_Inheritance, and PowerShell's test/powershell/Language/Classes/*.Tests.ps1.

#### properties with types and defaults
# source: about_Classes_Properties ("Default property values"): an untyped or [string] property is $null, a numeric one 0
class Book { [string]$Title; [int]$Pages; $Tag; [bool]$Read; [string]$Lang = 'en' }
$b = [Book]::new()
$null -eq $b.Title; $b.Pages; $null -eq $b.Tag; $b.Read; $b.Lang
## RESULT: [true, 0, true, false, "en"]

#### a typed property converts what is assigned
# source: about_Classes_Properties ("Properties with type"); Scripting.Classes.BasicParsing.Tests.ps1
class T { [int]$N }
$t = [T]::new(); $t.N = '42'; $t.N; $t.N.GetType().Name
## RESULT: [42, "Int32"]

#### a property that cannot take the value is an error
# source: about_Classes_Properties; PS: ExtendedTypeSystem ExceptionWhenSetting (SetValueInvocationException)
class T { [int]$N }
$t = [T]::new(); $t.N = 'abc'; 'next'
## RESULT: ["next"]
## ERRORS: Exception setting "N": "Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format.""

#### validation attributes on properties
# source: Scripting.Classes.Attributes.Tests.ps1 ("Error when ValidateSet should be ExceptionWhenSetting")
class C1 { [ValidateSet('Present', 'Absent')][string]$Ensure; static [ValidateRange(1, 10)][int]$F = 1 }
$c = [C1]::new(); $c.Ensure = 'Absent'; $c.Ensure
try { $c.Ensure = 'foo' } catch { $_.FullyQualifiedErrorId; "$_" }
try { [C1]::F = 20 } catch { "$_" }
## RESULT: ["Absent", "ExceptionWhenSetting", "Exception setting \"Ensure\": \"The argument \"foo\" does not belong to the set \"Present,Absent\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.\"", "Exception setting \"F\": \"The 20 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again.\""]

#### constructors, overloads by argument count, $this
# source: about_Classes_Constructors ("Constructor overloading")
class Person {
    [string]$Name
    [int]$Age
    Person() { $this.Name = 'nobody' }
    Person([string]$name) { $this.Name = $name }
    Person([string]$name, [int]$age) { $this.Name = $name; $this.Age = $age }
}
[Person]::new().Name; [Person]::new('Ann').Name; [Person]::new('Bob', '7').Age
## RESULT: ["nobody", "Ann", 7]

#### no constructor takes that many arguments
# source: about_Classes_Constructors; PS: ExtendedTypeSystem MethodCountCouldNotFindBest
class P { P([string]$a) { } }
[P]::new(1, 2)
## RESULT: []
## ERRORS: Cannot find an overload for "new" and the argument count: "2".

#### a method returns only what return gives; other output is discarded
# source: about_Classes_Methods ("Method output": only the return statement writes to the pipeline)
class Calc {
    [int] Add([int]$a, [int]$b) { 'ignored'; Write-Output 'also ignored'; return $a + $b }
    [void] Nothing() { 'dropped' }
}
$c = [Calc]::new()
$c.Add(2, '3')
$c.Nothing()
## RESULT: [5]

#### the return value is converted to the declared type
# source: about_Classes_Methods ("Method return type")
class C { [string] S() { return 12 } [int[]] A() { return '1', '2' } }
$c = [C]::new(); $c.S().GetType().Name; $c.A().GetType().Name
## RESULT: ["String", "Int32[]"]

#### static properties and methods
# source: about_Classes_Properties ("Static properties"), about_Classes_Methods ("Static methods")
class Counter {
    static [int]$Count = 10
    static [int] Next() { [Counter]::Count++; return [Counter]::Count }
}
[Counter]::Next(); [Counter]::Next(); [Counter]::Count = 1; [Counter]::Count
## RESULT: [11, 12, 1]

#### a static constructor runs before the first use
# source: Scripting.Classes.StaticMethod.Tests.ps1 ("test basic static constructor")
function Get-Name { 'Yes' }
class StaticInit {
    static [string]$Name
    static StaticInit() { [StaticInit]::Name = Get-Name }
}
[StaticInit]::Name
## RESULT: ["Yes"]

#### inheritance: base constructor, overriding, -is
# source: about_Classes_Inheritance ("Calling base class constructors", "Overriding base methods")
class Animal {
    [string]$Name
    Animal([string]$name) { $this.Name = $name }
    [string] Speak() { return '...' }
    [string] Describe() { return "$($this.Name) says $($this.Speak())" }
}
class Dog : Animal {
    Dog([string]$name) : base($name) { }
    [string] Speak() { return 'Woof' }
}
$d = [Dog]::new('Rex')
$d.Describe(); $d -is [Animal]; $d -is [Dog]; [Animal]::new('x') -is [Dog]
## RESULT: ["Rex says Woof", true, true, false]

#### the base class's members are inherited
# source: about_Classes_Inheritance
class Shape { [string]$Color = 'red'; [string] Kind() { return 'shape' } }
class Square : Shape { [int]$Side = 2 }
$s = [Square]::new(); $s.Color; $s.Kind(); $s.Side; [Square].BaseType.Name
## RESULT: ["red", "shape", 2, "Shape"]

#### a class can be used above its definition
# source: about_Classes ("classes are defined when the script is parsed"); Scripting.Classes.RunPath.Tests.ps1
[Later]::new().Value
class Later { [int]$Value = 3 }
## RESULT: [3]

#### a hashtable converts to a class instance
# source: about_Classes_Constructors; about_Object_Creation ("Create objects from hash tables")
class Pt { [int]$X; [int]$Y }
$p = [Pt]@{ X = 1; Y = '2' }
$p.X + $p.Y; $p.GetType().Name
## RESULT: [3, "Pt"]

#### a hashtable key the class does not have
# source: about_Object_Creation; PS: ExtendedTypeSystem ObjectCreationError
class Pt { [int]$X }
[Pt]@{ Z = 1 }
## RESULT: []
## ERRORS: Cannot convert value "System.Collections.Hashtable" to type "Pt". Error: "Cannot create object of type "Pt". The Z property was not found for the Pt object. The available property is: [X <System.Int32>]"

#### -as gives $null when the conversion fails
# source: about_Type_Operators (-as)
class Pt { [int]$X }
$null -eq ('text' -as [Pt]); ([Pt]@{X=4} -as [Pt]).X
## RESULT: [true, 4]

#### a ToString() override is what string conversion and formatting show
# source: about_Classes_Methods ("Overriding ToString"); Scripting.Classes.BasicParsing.Tests.ps1
class Temp { [double]$C; [string] ToString() { return "$($this.C) C" } }
$t = [Temp]::new(); $t.C = 21.5
"$t"; [string]$t; $t.ToString()
## RESULT: ["21.5 C", "21.5 C", "21.5 C"]

#### without ToString() an instance converts to its class name
# source: about_Classes (Object.ToString gives the type name)
class Plain { [int]$A }
"$([Plain]::new())"
## RESULT: ["Plain"]

#### hidden properties are not shown by formatting
# source: about_Hidden; Scripting.Classes.BasicParsing.Tests.ps1 ("Format-Table should not include hidden member")
class C1 { [int]$visibleX = 10; [int]$visibleY = 12; hidden [int]$hiddenZ = 42 }
$i = [C1]::new()
$i | Format-Table -AutoSize
$i.hiddenZ
## STDOUT:

visibleX visibleY
-------- --------
      10       12

42
## END

#### instances work with Select-Object, Where-Object and Sort-Object
# source: about_Classes (instances are .NET objects the cmdlets read)
class Item { [string]$Name; [int]$Size; Item([string]$n, [int]$s) { $this.Name = $n; $this.Size = $s } }
$items = [Item]::new('a', 3), [Item]::new('b', 1), [Item]::new('c', 2)
($items | Where-Object Size -gt 1 | Sort-Object Size | Select-Object -ExpandProperty Name) -join ','
## RESULT: ["c,a"]

#### a property that does not exist cannot be set
# source: about_Classes_Properties; PS: ExtendedTypeSystem PropertyNotFound
class C { [int]$A }
$c = [C]::new(); $c.B = 1
## RESULT: []
## ERRORS: The property 'B' cannot be found on this object. Verify that the property exists and can be set.

#### calling a method the class does not have
# source: about_Classes_Methods; PS: ExtendedTypeSystem MethodNotFound
class C { }
[C]::new().Missing()
## RESULT: []
## ERRORS: Method invocation failed because [C] does not contain a method named 'Missing'.

#### an exception thrown in a method reaches the caller
# source: Scripting.Classes.Exceptions.Tests.ps1
class C { [void] M() { throw 'I told you' } }
try { [C]::new().M() } catch { "caught: $_" }
## RESULT: ["caught: I told you"]

#### a method can call another method and read statics
# source: about_Classes_Methods
class M {
    static [int]$Factor = 3
    [int] Triple([int]$x) { return $x * [M]::Factor }
    [int] Nine() { return $this.Triple(3) }
}
[M]::new().Nine()
## RESULT: [9]

#### a class's type literal has Name and FullName
# source: about_Classes
class Named { }
[Named].Name; [Named].FullName; ([Named]::new()).GetType().FullName
## RESULT: ["Named", "Named", "Named"]

#### a property name may be declared once
# source: Scripting.Classes.BasicParsing.Tests.ps1 ShouldBeParseError 'class C {$x; $x}' MemberAlreadyDefined
class C { $x; $x }
## ERROR: The member 'x' is already defined.

#### a class without a name
# source: scripting.Classes.inheritance.tests.ps1 / PS ParserStrings MissingNameAfterKeyword
class
## ERROR: Missing name after class keyword.

#### a base class that does not exist
# source: scripting.Classes.inheritance.tests.ps1 ShouldBeParseError "class A : NonExistingClass {}" TypeNotFound
class A : NonExistingClass {}
## ERROR: Unable to find type [NonExistingClass].

#### using namespace shortens type names
# source: about_Using ("Namespace syntax")
using namespace System.Text
$sb = [StringBuilder]::new(); [void]$sb.Append('hi'); $sb.ToString()
## RESULT: ["hi"]

#### a void method cannot return a value
# source: Scripting.Classes.BasicParsing.Tests.ps1 ShouldBeParseError 'class C {f(){ return 1} }' VoidMethodHasReturn
class C {f(){ return 1} }
## ERROR: Invalid return statement within void method.

#### a method with a return type must return a value
# source: Scripting.Classes.BasicParsing.Tests.ps1 ShouldBeParseError 'class C {[int] f(){ return } }' NonVoidMethodMissingReturnValue
class C {[int] f(){ return } }
## ERROR: Invalid return statement within non-void method.

#### every code path of a method with a return type returns
# source: Scripting.Classes.BasicParsing.Tests.ps1 ShouldBeParseError 'class C { [bool] Test() { if ($false) { return $true; } } }' MethodHasCodePathNotReturn
class C { [bool] Test() { if ($false) { return $true; } } }
## ERROR: Not all code path returns value within method.

#### code paths that throw or never end need no return
# source: Scripting.Classes.BasicParsing.Tests.ps1 (MethodHasCodePathNotReturn cases); PS: SemanticChecks.cs
class C {
    [int] A([int]$x) { if ($x) { return 1 } else { throw 'zero' } }
    [int] B() { try { return 2 } catch { throw } }
    [int] D() { switch (1) { 1 { return 3 } default { return 4 } } }
}
$c = [C]::new(); $c.A(1); $c.B(); $c.D()
## RESULT: [1, 2, 3]

#### a method has no param block
# source: Scripting.Classes.BasicParsing.Tests.ps1 ShouldBeParseError 'class foo { f() { param($x) } }' ParamBlockNotAllowedInMethod
class foo { f() { param($x) } }
## ERROR: A param block is not allowed in a class method.

#### a constructor has no return type
# source: Scripting.Classes.BasicParsing.Tests.ps1 ShouldBeParseError 'class foo { [int] foo() { return 1 }}' ConstructorCantHaveReturnType
class foo { [int] foo() { return 1 }}
## ERROR: A constructor cannot specify a return type.

#### a class without a body
# source: Scripting.Classes.BasicParsing.Tests.ps1 ShouldBeParseError 'class foo' MissingTypeBody
class foo
## ERROR: Missing 'class' body in 'class' declaration.

#### Get-Member shows a method's signature and hidden members only with -Force
# source: Scripting.Classes.BasicParsing.Tests.ps1 ("Get-Member should find hidden member w/ -Force"); about_Hidden
class Pt { [int]$X = 1; hidden $Z = 3; [int] Add([int]$a, $b) { return 1 } }
$p = [Pt]::new()
($p | Get-Member Add).Definition; $null -eq ($p | Get-Member Z); ($p | Get-Member Z -Force).Name
## RESULT: ["int Add(int a, System.Object b)", true, "Z"]

#### an Equals() override is what -eq and -contains use
# source: about_Classes_Methods; about_Comparison_Operators (-eq calls Equals)
class V {
    [int]$N
    V([int]$n) { $this.N = $n }
    [bool] Equals($o) { return $o -is [V] -and $o.N -eq $this.N }
    [int] GetHashCode() { return $this.N }
}
[V]::new(1) -eq [V]::new(1); [V]::new(1) -eq [V]::new(2); @([V]::new(1), [V]::new(2)) -contains [V]::new(2)
## RESULT: [true, false, true]

#### ([Base]$this).Method() calls the base class's method, not the override
# source: scripting.Classes.inheritance.tests.ps1 ('allows any call from the inheritance hierarchy', 'can call super-class methods sequentially')
class A { [string] GetName() { return 'A' } }
class B : A { [string] GetName() { return 'B' + ([A]$this).GetName() } }
class C : B { [string] GetName() { return 'C' + ([B]$this).GetName() } }
$c = [C]::new()
$c.GetName(); ([A]$c).GetName(); ([B]$c).GetName()
## RESULT: ["CBA", "A", "BA"]

#### $this::Static reaches the class's (or its base's) static property
# source: scripting.Classes.inheritance.tests.ps1 ('can access static and instance base class property')
class A { static [int]$si; [int]$i }
class B : A { [void] foo() { $this::si = 1001; $this.i = 1003 } }
$b = [B]::new(); $b.foo()
[A]::si; $b.i
## RESULT: [1001, 1003]

#### a property may have the type of a class defined below, even a derived one
# source: scripting.Classes.inheritance.tests.ps1 ('allows use of defined later type as a property type')
class A { static [B]$b }
class B : A { }
[A]::b = [B]::new()
[A]::b.GetType().Name
## RESULT: ["B"]

#### return leaves the method from loops, switch and try
# source: about_Classes_Methods ("Method output"); about_Return
class R {
    [string]$Log
    [int] First([int[]]$xs) { foreach ($x in $xs) { if ($x -gt 2) { return $x } }; return -1 }
    [string] Sw($v) { switch ($v) { 'a' { return 'A' } default { return 'other' } } ; return 'none' }
    [int] Fin() { try { return 1 } finally { $this.Log = 'fin' } }
    [int[]] Doubled([int[]]$xs) { return $xs | ForEach-Object { return $_ * 2 } }
    [int] Fact([int]$n) { if ($n -le 1) { return 1 }; return $n * $this.Fact($n - 1) }
}
$r = [R]::new()
$r.First(@(1, 2, 3, 4)); $r.Sw('a'); $r.Sw('b'); $r.Fin(); $r.Log; $r.Doubled(@(1, 2)) -join ','; $r.Fact(5)
## RESULT: [3, "A", "other", 1, "fin", "2,4", 120]

#### classes as parameter types, array element types and New-Object
# source: about_Classes ("Using classes as types"); New-Object -TypeName
class P { [string]$N; P() {}; P([string]$n) { $this.N = $n } }
function f([P]$p) { $p.N }
(New-Object P -ArgumentList 'x').N
[P[]]$arr = [P]::new('q'), [P]::new('r'); $arr.GetType().Name
f ([P]::new('fn')); f @{ N = 'from a hashtable' }; ([P]'one argument').N
## RESULT: ["x", "P[]", "fn", "from a hashtable", "one argument"]
