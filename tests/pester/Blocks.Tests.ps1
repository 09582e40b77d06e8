# Pester 5 blocks, phases and scoping, run by Invoke-Pester and by pytest (tests/test_pester.py).
BeforeDiscovery {
    $cases = @(@{ Left = 1; Right = 2; Sum = 3 }, @{ Left = 2; Right = 2; Sum = 4 })
}

BeforeAll {
    function Add-Numbers($a, $b) { $a + $b }
    $fromFileBeforeAll = 'file'
}

Describe 'Blocks' -Tag 'blocks' {
    BeforeAll { $log = [System.Collections.ArrayList]::new(); $null = $log.Add('describe-all') }
    BeforeEach { $null = $log.Add('each'); $perTest = 1 }
    AfterEach { $null = $log.Add('after-each') }

    It 'sees the file BeforeAll' { $fromFileBeforeAll | Should -Be 'file' }
    It 'runs BeforeAll once and BeforeEach per test' {
        $log[0] | Should -Be 'describe-all'
        ($log | Where-Object { $_ -eq 'each' }).Count | Should -BeGreaterThan 1
    }
    It 'gives each test its own scope' { $perTest++; $perTest | Should -Be 2 }
    It 'does not keep variables from another test' { $perTest | Should -Be 1 }
    It 'adds <Left> and <Right>' -ForEach $cases { Add-Numbers $Left $Right | Should -Be $Sum }
    It 'has $_ as the case: <_>' -TestCases @('a', 'b') { $_ | Should -BeIn 'a', 'b' }
    It 'is skipped' -Skip { throw 'never runs' }
    It 'can skip itself' { Set-ItResult -Skipped -Because 'it chose to' }

    Context 'nested <Name>' -ForEach @(@{ Name = 'one' }) {
        BeforeEach { $inner = 'inner' }
        It 'sees the outer and inner BeforeEach' { "$perTest $inner $Name" | Should -Be '1 inner one' }
    }

    Context 'TestDrive' {
        It 'has a temporary folder' {
            Set-Content -Path "$TestDrive/a.txt" -Value 'hello world'
            "$TestDrive/a.txt" | Should -Exist
            "$TestDrive/a.txt" | Should -FileContentMatch 'WORLD'
            "$TestDrive/a.txt" | Should -Not -FileContentMatchExactly 'WORLD'
        }
    }
}

Describe 'Tagged' -Tag 'slow' {
    It 'runs unless slow is excluded' { $true | Should -BeTrue }
}

Describe 'TestDrive scoping' {
    BeforeAll { Set-Content -Path "$TestDrive/kept.txt" -Value 'kept' }
    Context 'adds a file' {
        It 'writes' { Set-Content -Path "$TestDrive/added.txt" -Value 'x'; "$TestDrive/added.txt" | Should -Exist }
    }
    It 'keeps the block file and drops the Context file' {
        "$TestDrive/kept.txt" | Should -Exist
        "$TestDrive/added.txt" | Should -Not -Exist
    }
}
