# Should's operators, each passing; their failure texts are checked through Failures.Fixture.ps1.
Describe 'Should' {
    It 'compares' {
        1 | Should -Be 1
        'ABC' | Should -Be 'abc'
        'abc' | Should -BeExactly 'abc'
        'abc' | Should -Not -BeExactly 'ABC'
        @(1, 2) | Should -Be @(1, 2)
        3 | Should -BeGreaterThan 2
        3 | Should -BeGreaterOrEqual 3
        2 | Should -BeLessThan 3
        2 | Should -BeLessOrEqual 2
        2 | Should -Not -Be 3
    }
    It 'tests membership and patterns' {
        2 | Should -BeIn 1, 2, 3
        @(1, 2, 3) | Should -Contain 2
        'abc' | Should -BeLike 'A*'
        'abc' | Should -BeLikeExactly 'a*'
        'abc' | Should -Match 'B'
        'abc' | Should -MatchExactly 'b'
        'abc' | Should -Not -MatchExactly 'B'
    }
    It 'tests emptiness, truth, types and counts' {
        $null | Should -BeNullOrEmpty
        '' | Should -BeNullOrEmpty
        @() | Should -BeNullOrEmpty
        'x' | Should -Not -BeNullOrEmpty
        $true | Should -BeTrue
        0 | Should -BeFalse
        1 | Should -BeOfType [int]
        'x' | Should -BeOfType ([string])
        @(1, 2, 3) | Should -HaveCount 3
        Should -ActualValue 5 -Be 5
    }
    It 'tests what a block throws' {
        { throw 'boom' } | Should -Throw
        { throw 'boom here' } | Should -Throw -ExpectedMessage 'boom*'
        { Write-Error 'bad' -ErrorId 'MyId' -ErrorAction Stop } | Should -Throw -ErrorId 'MyId'
        { 1 } | Should -Not -Throw
        $err = { throw 'kept' } | Should -Throw -PassThru
        $err.Exception.Message | Should -Be 'kept'
    }
    It 'tests parameters' {
        function Get-Sample { param([Parameter(Mandatory)][string]$Name, [int]$Count) }
        Get-Command Get-Sample | Should -HaveParameter Name -Mandatory
        Get-Command Get-Sample | Should -HaveParameter Count -Type int
        Get-Command Get-Sample | Should -Not -HaveParameter Missing
    }
}
