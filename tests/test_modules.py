"""Modules as real files: Import-Module by path and by name ($env:PSModulePath), manifests,
exports, -Prefix/-Force/-ArgumentList, Get-Module/Remove-Module, auto-loading, module-qualified
names, `#Requires -Modules` and `using module` (about_Modules, Import-Module.md, Get-Module.md,
Remove-Module.md, about_Module_Manifests; messages from PS resources/Modules.resx)."""

from __future__ import annotations

import textwrap

import pytest

import pscompat

GREETER = """
param($Greeting = 'Hello')
$script:count = 0
$hidden = 'secret'
function Get-Greeting { param($Name) $script:count++; "$Greeting, $Name" }
function Get-Count { $script:count }
function helper { 'private' }
Export-ModuleMember -Function Get-Greeting, Get-Count
"""


def write(folder, rel: str, text: str):
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip())
    return path


@pytest.fixture
def mods(tmp_path, monkeypatch):
    """A module folder on $env:PSModulePath, and the current folder for paths."""
    root = tmp_path / "Modules"
    root.mkdir()
    monkeypatch.setenv("PSModulePath", str(root))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "Greeter.psm1", GREETER)
    write(root, "Tools/Tools.psm1", "function Get-Tool { 'tool' }\nfunction Invoke-ToolThing { 'thing' }\n")
    write(root, "Versioned/1.0.0/Versioned.psd1", "@{ ModuleVersion = '1.0.0'; RootModule = 'V.psm1' }")
    write(root, "Versioned/1.0.0/V.psm1", "function Get-V { 'one' }")
    write(root, "Versioned/2.1.0/Versioned.psd1", "@{ ModuleVersion = '2.1.0'; RootModule = 'V.psm1' }")
    write(root, "Versioned/2.1.0/V.psm1", "function Get-V { 'two' }")
    write(
        root,
        "Man/Man.psd1",
        """
        @{
            ModuleVersion = '3.2'
            RootModule = 'Man.psm1'
            NestedModules = @('Inner.psm1')
            FunctionsToExport = @('Get-Man*', 'Get-Inner')
            Description = 'a manifest'
        }
        """,
    )
    write(root, "Man/Man.psm1", "function Get-ManThing { 'man ' + (Get-Inner) }\nfunction Hidden-Thing { }\n")
    write(root, "Man/Inner.psm1", "function Get-Inner { 'inner' }\n")
    return tmp_path


CASES = [
    # (script, expected output)
    ("Import-Module ./Greeter.psm1; Get-Greeting bob; Get-Greeting al; Get-Count", ["Hello, bob", "Hello, al", 2]),
    ("Import-Module ./Greeter.psm1 -ArgumentList Hi; Get-Greeting x", ["Hi, x"]),
    ("Import-Module ./Greeter.psm1; [bool](Get-Command helper -ea SilentlyContinue); $hidden -eq $null", [False, True]),
    ("$m = Import-Module ./Greeter.psm1 -PassThru; & $m { helper; $hidden }", ["private", "secret"]),
    (
        "$m = Import-Module ./Greeter.psm1 -PassThru; $m.Name; $m.ModuleType; $m.ExportedFunctions.Keys",
        ["Greeter", "Script", "Get-Greeting", "Get-Count"],
    ),
    ("Import-Module ./Greeter.psm1 -Prefix My; Get-MyGreeting z", ["Hello, z"]),
    (
        "Import-Module ./Greeter.psm1; Remove-Module Greeter; [bool](Get-Command Get-Greeting -ea SilentlyContinue); @(Get-Module).Count",
        [False, 0],
    ),
    ("Import-Module Tools; Get-Tool; (Get-Module Tools).ModuleBase -like '*Tools'", ["tool", True]),
    ("Import-Module Versioned; Get-V; (Get-Module Versioned).Version.ToString()", ["two", "2.1.0"]),
    (
        "Import-Module Man; Get-ManThing; Get-Inner; [bool](Get-Command Hidden-Thing -ea SilentlyContinue)",
        ["man inner", "inner", False],
    ),
    (
        "Import-Module Man; $m = Get-Module Man; $m.Version.ToString(); $m.Description; $m.ModuleType",
        ["3.2", "a manifest", "Script"],
    ),
    ("(Get-Module -ListAvailable | Where-Object Path).Name", ["Man", "Tools", "Versioned", "Versioned"]),
    ("Get-Module -ListAvailable Versioned | ForEach-Object { $_.Version.ToString() }", ["2.1.0", "1.0.0"]),
    ("(Import-Module Microsoft.PowerShell.Utility -PassThru).ExportedCommands.ContainsKey('Write-Output')", [True]),
    ("Get-Module -ListAvailable Microsoft.PowerShell.Utility", []),  # its folder is not on this PSModulePath
    (
        "Get-Module -ListAvailable -All | Where-Object Name -eq Man | ForEach-Object { Split-Path $_.Path -Leaf }",
        ["Man.psd1", "Man.psm1"],
    ),
    (
        "(Get-Module -ListAvailable -FullyQualifiedName @{ModuleName='Versioned'; RequiredVersion='1.0.0'}).Path -like '*1.0.0*'",
        [True],
    ),
    ("Import-Module Tools; Import-Module Man; (Get-Module).Name", ["Man", "Tools"]),  # ordered by name
    ("Import-Module Microsoft.PowerShell.Utility; (Get-Module).Name", ["Microsoft.PowerShell.Utility"]),
    (
        "New-ModuleManifest ./M.psd1 -ModuleVersion 1.5 -RootModule M.psm1; Set-Content ./M.psm1 'function Get-M { 1 }'; (Import-Module ./M.psd1 -PassThru).Version.ToString(); Get-M",
        ["1.5", 1],
    ),
    ("Get-Tool; (Get-Module).Name", ["tool", "Tools"]),  # auto-loading
    ("Tools\\Invoke-ToolThing", ["thing"]),  # module-qualified, loads the module
    ("Microsoft.PowerShell.Utility\\Write-Output 5", [5]),
    ("(Get-Command Get-Tool).ModuleName", ["Tools"]),
    (
        "Import-Module ./Greeter.psm1; Get-Greeting a; Import-Module ./Greeter.psm1; Get-Count; Import-Module ./Greeter.psm1 -Force; Get-Count",
        ["Hello, a", 1, 0],
    ),
    (
        "(Get-Command Get-Greeting -ea SilentlyContinue) -eq $null; Import-Module ./Greeter.psm1 -Function Get-Count; (Get-Command Get-Greeting -ea SilentlyContinue) -eq $null",
        [True, True],
    ),
    ("$PSModuleAutoLoadingPreference = 'None'; [bool](Get-Command Get-Tool -ea SilentlyContinue)", [False]),
]


@pytest.mark.parametrize("script, expected", CASES, ids=[c[0][:60] for c in CASES])
def test_module_cases(mods, script, expected):
    result = pscompat.Session().run(script)
    assert pscompat.to_python(list(result)) == expected
    assert not result.errors, [e.message for e in result.errors]


def test_module_functions_see_their_script_scope(mods):
    write(mods, "State.psm1", "$script:x = 1\nfunction Set-X($v) { $script:x = $v }\nfunction Get-X { $x }\n")
    s = pscompat.Session()
    assert list(s.run("Import-Module ./State.psm1; Set-X 7; Get-X; $x -eq $null")) == [7, True]


def test_variables_exported_only_when_named(mods):
    write(mods, "Vars.psm1", "$a = 1; $b = 2\nfunction Get-A { $a }\nExport-ModuleMember -Function * -Variable a\n")
    assert list(pscompat.Session().run("Import-Module ./Vars.psm1; $a; $b -eq $null")) == [1, True]


def test_on_remove_runs(mods):
    write(
        mods,
        "Hook.psm1",
        "$ExecutionContext.SessionState.Module.OnRemove = { $global:removed = 'yes' }\nfunction Get-H {}\n",
    )
    assert list(pscompat.Session().run("Import-Module ./Hook.psm1; Remove-Module Hook; $removed")) == ["yes"]


def test_unapproved_verb_warning(mods):
    write(mods, "Odd.psm1", "function Frob-Thing { }\n")
    r = pscompat.Session().run("Import-Module ./Odd.psm1")
    assert any("unapproved verbs" in w for w in r.warnings)
    r = pscompat.Session().run("Import-Module ./Odd.psm1 -DisableNameChecking")
    assert not r.warnings


def test_missing_module_is_an_error(mods):
    r = pscompat.Session().run("Import-Module NoSuchModule")
    assert [e.message for e in r.errors] == [
        "The specified module 'NoSuchModule' was not loaded because no valid module file was found in any module "
        "directory."
    ]
    assert (
        r.errors[0].FullyQualifiedErrorId == "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"
    )


def test_manifest_is_data_not_code(mods):
    write(mods, "Bad/Bad.psd1", "@{ ModuleVersion = (Get-Date).Year }")
    r = pscompat.Session().run("Import-Module ./Bad/Bad.psd1")
    assert ["restricted language" in e.message for e in r.errors] == [True]


def test_import_powershell_data_file(mods):
    write(mods, "data.psd1", "@{ Name = 'x'; List = @(1, 2); Nested = @{ On = $true } }")
    out = pscompat.Session().run("$d = Import-PowerShellDataFile ./data.psd1; $d.Name; $d.List.Count; $d.Nested.On")
    assert list(out) == ["x", 2, True]
    write(mods, "code.psd1", "@{ Name = $(Get-Date) }")
    r = pscompat.Session().run("Import-PowerShellDataFile ./code.psd1")
    assert r.errors or not list(r)


def test_requires_modules(mods):
    write(mods, "needs.ps1", "#Requires -Modules Tools\nGet-Tool\n")
    write(mods, "missing.ps1", "#Requires -Modules Nope\n'ran'\n")
    s = pscompat.Session()
    assert list(s.run("./needs.ps1")) == ["tool"]
    r = s.run("./missing.ps1")
    assert list(r) == [] and ["are missing: The module 'Nope' cannot be found.." in e.message for e in r.errors] == [
        True
    ]


def test_using_module(mods):
    write(mods, "Shapes.psm1", "class Square { [int]$Side = 2; [int] Area() { return $this.Side * $this.Side } }\n")
    write(mods, "use.ps1", "using module ./Shapes.psm1\n[Square]::new().Area()\n")
    assert list(pscompat.Session().run("./use.ps1")) == [4]


def test_functions_in_a_script_file_are_script_scoped(mods):
    write(mods, "defs.ps1", "function From-Script { 'x' }\nFrom-Script\n")
    s = pscompat.Session()
    assert list(
        s.run("./defs.ps1; [bool](Get-Command From-Script -ea SilentlyContinue); . ./defs.ps1; From-Script")
    ) == [
        "x",
        False,
        "x",
        "x",
    ]


def test_pester_mock_module_name_and_in_module_scope(mods):
    write(
        mods,
        "Svc.psm1",
        "function Get-Data { 'real' }\nfunction Get-Report { \"report: $(Get-Data)\" }\n$script:secret = 7\n"
        "Export-ModuleMember -Function Get-Report\n",
    )
    write(
        mods,
        "Svc.Tests.ps1",
        """
        BeforeAll { Import-Module $PSScriptRoot/Svc.psm1 -Force }
        Describe 'Svc' {
            It 'uses the real data' { Get-Report | Should -Be 'report: real' }
            It 'mocks inside the module' {
                Mock Get-Data { 'fake' } -ModuleName Svc
                Get-Report | Should -Be 'report: fake'
            }
            It 'sees module privates' { InModuleScope Svc { $script:secret | Should -Be 7; Get-Data | Should -Be 'real' } }
            It 'the mock ended with its test' { Get-Report | Should -Be 'report: real' }
        }
        """,
    )
    r = pscompat.Session().run("Invoke-Pester ./Svc.Tests.ps1 -Output None -PassThru")[0]
    assert (r.PassedCount, r.FailedCount) == (4, 0)


def test_required_modules_by_relative_path(mods):
    (mods / "main").mkdir()
    (mods / "req").mkdir()
    s = pscompat.Session()
    s.run("New-ModuleManifest main/main.psd1 -RequiredModules '../req'; New-ModuleManifest req/req.psd1")
    out = s.run("$m = Import-Module ./main -PassThru; $m.RequiredModules[0].Name; (Get-Module).Name")
    assert list(out) == ["req", "main", "req"]  # Get-Module orders by name
    assert list(s.run("Get-Module main, req | Remove-Module; @(Get-Module).Count")) == [0]
