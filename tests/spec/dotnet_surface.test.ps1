# .NET members PowerShell's own tests call (measured by tools/pwsh-tests, docs/pwsh-tests.md).
# Sources: the .NET API documentation of each member (learn.microsoft.com/dotnet/api) and the
# PowerShell tests named per case (test/powershell/...); accessor methods: ECMA-335 II.17 (a
# property's get_X/set_X methods), PowerShell's DotNetAdapter lists them as methods.

#### Property accessor methods: get_X(), set_X(v), get_Item(i), set_Item(k, v)
# source: PipelineChainOperator.Tests.ps1 ($hash.get_Keys()); DotNetAdapter (property accessors are methods)
$h = @{ a = 1 }
$h.get_Count()
$h.set_Item('b', 2)
$h.get_Item('b')
@($h.get_Keys() | Sort-Object)
'abc'.get_Length()
$o = [pscustomobject]@{ n = 1 }
$o.set_n(5)
$o.get_n()
## RESULT: [1, 2, "a", "b", 3, 5]

#### A missing accessor is still MethodNotFound
# source: ExtendedTypeSystem.resx MethodNotFound
try { @{}.get_Nothing() } catch { $_.FullyQualifiedErrorId }
## RESULT: ["MethodNotFound"]

#### Stopwatch: StartNew, Stop, ElapsedMilliseconds, IsRunning
# source: Start-Sleep.Tests.ps1; System.Diagnostics.Stopwatch
$w = [System.Diagnostics.Stopwatch]::StartNew()
Start-Sleep -Milliseconds 30
$w.Stop()
$w.ElapsedMilliseconds -ge 25
$w.IsRunning
$w.Elapsed.GetType().Name
([Diagnostics.Stopwatch]::new()).IsRunning
## RESULT: [true, false, "TimeSpan", false]

#### Tuple: Create, Item1..N, indexing like ITuple
# source: Indexer.Tests.ps1 ('ITuple implementations can be indexed', spliced, index -1)
$t = [Tuple]::Create(10, 'Hello')
$t.Item1
$t[1]
$t[-1]
$t[0..1]
$t.ToString()
## RESULT: [10, "Hello", "Hello", 10, "Hello", "(10, Hello)"]

#### DBNull and AutomationNull values
# source: NullConditional.Tests.ps1 (Lhs is DBNull / AutomationNull)
[System.DBNull]::Value.ToString() -eq ''
[System.DBNull]::Value -is [System.DBNull]
$null -eq [System.Management.Automation.Internal.AutomationNull]::Value
## RESULT: [true, true, true]

#### System.IO.Path: GetRandomFileName, ChangeExtension, GetTempFileName
# source: ParameterBinding.Tests.ps1, ScriptHelp.Tests.ps1 ([IO.Path]::ChangeExtension([IO.Path]::GetRandomFileName(), 'ps1'))
[IO.Path]::GetRandomFileName() -match '^[a-z0-9]{8}\.[a-z0-9]{3}$'
[IO.Path]::ChangeExtension('dir/name.txt', 'ps1')
[IO.Path]::ChangeExtension('dir/name.txt', '.md')
$f = [IO.Path]::GetTempFileName()
Test-Path $f
Remove-Item $f
## RESULT: [true, "dir/name.ps1", "dir/name.md", true]

#### [object]::ReferenceEquals is identity, Equals is equality
# source: Sort-Object.Tests.ps1 ([object]::ReferenceEquals($nSortEntry, $fullSortEntry))
$a = [pscustomobject]@{ x = 1 }
$b = $a
[object]::ReferenceEquals($a, $b)
[object]::ReferenceEquals($a, [pscustomobject]@{ x = 1 })
[object]::Equals(1, 1)
## RESULT: [true, false, true]

#### Text.Encoding and BitConverter
# source: System.Text.Encoding.GetBytes/GetString; System.BitConverter.ToString (hex pairs joined by '-')
[Text.Encoding]::UTF8.GetBytes('hé').Count
[Text.Encoding]::ASCII.GetString([byte[]](72, 105))
[BitConverter]::ToString([byte[]](1, 171, 255))
[BitConverter]::GetBytes(258)
## RESULT: [3, "Hi", "01-AB-FF", 2, 1, 0, 0]

#### IPAddress, HashSet[T], Dictionary[K,V], Thread.Sleep
# source: System.Net.IPAddress.Parse/Loopback; HashSet<T>.Add returns whether it added; Dictionary<K,V> (ordinal keys)
[ipaddress]::Parse('10.0.0.1').ToString()
[ipaddress]::Loopback.ToString()
$s = [System.Collections.Generic.HashSet[string]]::new()
$s.Add('a')
$s.Add('a')
$s.Count
$d = [System.Collections.Generic.Dictionary[string,int]]::new()
$d.Add('k', 1)
$d.ContainsKey('k'), $d.ContainsKey('K')
[Threading.Thread]::Sleep(1)
## RESULT: ["10.0.0.1", "127.0.0.1", true, false, 1, true, false]
