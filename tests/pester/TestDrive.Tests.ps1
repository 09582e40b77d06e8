# TestDrive: as a drive, Pester 4's Setup, and the call history of a failed Should -Invoke.
# source: Pester src/features/TestDrive.ps1 (a FileSystem PSDrive named TestDrive rooted at
# $TestDrive), Pester 4.10 Functions/TestDrive.ps1 (Setup), src/functions/Mock.ps1
# (Format-MockCallHistoryMessage).
Describe 'TestDrive:' {
    It 'takes paths for the file cmdlets' {
        Set-Content TestDrive:\x.txt 'hello'
        Get-Content TestDrive:\x.txt | Should -Be 'hello'
        (Get-ChildItem TestDrive:\).Name | Should -Be 'x.txt'
        Test-Path (Join-Path $TestDrive 'x.txt') | Should -BeTrue
    }
    It 'is the same folder as $TestDrive' {
        New-Item -ItemType Directory TestDrive:\sub | Out-Null
        Test-Path "$TestDrive/sub" -PathType Container | Should -BeTrue
        'TestDrive:\sub\deep.txt' | Should -Not -Exist
        Set-Content TestDrive:/sub/deep.txt 'x'
        "$TestDrive/sub/deep.txt" | Should -Exist
    }
    Context 'a block removes what it added' {
        It 'adds a file' { Set-Content TestDrive:\ctx.txt 1; 'TestDrive:\ctx.txt' | Should -Exist }
    }
    It 'no longer has the file the Context added' { 'TestDrive:\ctx.txt' | Should -Not -Exist }
}

Describe 'Setup (Pester 4)' {
    It 'makes files with content and folders' {
        Setup -File 'a\b.txt' 'content'
        Setup -Dir 'd'
        Get-Content "$TestDrive/a/b.txt" | Should -Be 'content'
        'TestDrive:\d' | Should -Exist
        (Setup -File 'c.txt' -PassThru).Name | Should -Be 'c.txt'
    }
}

Describe 'Should -Invoke call history' {
    It 'is part of the failure message' {
        function Get-Thing($Name) { }
        Mock Get-Thing { 1 }
        Get-Thing -Name 'a'
        Get-Thing -Name 'b'
        $err = { Should -Invoke Get-Thing -Times 2 -Exactly -ParameterFilter { $Name -eq 'a' } } | Should -Throw -PassThru
        $lines = $err.Exception.Message -split "`n"
        $lines[0] | Should -Be 'Expected Get-Thing to be called 2 times exactly, but was called 1 time'
        $lines[1] | Should -Be 'Performed invocations:'
        $lines[2] | Should -Match "^  \[\*] Get-Thing -Name 'a' from .*TestDrive\.Tests\.ps1:\d+$"
        $lines[3] | Should -Match "^  \[ ] Get-Thing -Name 'b' from .*TestDrive\.Tests\.ps1:\d+$"
    }
    It 'says <none> when the command was not called' {
        function Get-Other { }
        Mock Get-Other { }
        $err = { Should -Invoke Get-Other } | Should -Throw -PassThru
        ($err.Exception.Message -split "`n")[1..2] | Should -Be @('Performed invocations:', '  <none>')
    }
}
