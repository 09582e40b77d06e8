# Failing tests whose output tests/test_pester.py checks word for word (not a *.Tests.ps1 file:
# a directory run does not pick it up).
Describe 'Failures' {
    It 'be' { 1 | Should -Be 2 }
    It 'because' { 1 | Should -Be 2 -Because 'numbers matter' }
    It 'string' { 'abc' | Should -Be 'abd' }
    It 'collection' { @(1, 2) | Should -Be @(1, 3) }
    It 'gt' { 1 | Should -BeGreaterThan 2 }
    It 'null' { 'x' | Should -BeNullOrEmpty }
    It 'contain' { @(1, 2) | Should -Contain 3 }
    It 'like' { 'abc' | Should -BeLike 'x*' }
    It 'match' { 'abc' | Should -Match 'x' }
    It 'true' { $false | Should -BeTrue }
    It 'count' { @(1, 2) | Should -HaveCount 3 }
    It 'type' { 'x' | Should -BeOfType [int] }
    It 'throw' { { 1 } | Should -Throw }
    It 'throw message' { { throw 'other' } | Should -Throw 'boom' }
    It 'error' { throw 'plain error' }
    It 'invoke' { function f {}; Mock f {}; Should -Invoke f -Times 2 -Exactly }
    It 'in' { 9 | Should -BeIn 1, 2 }
    It 'exist' { '/nonexistent/x' | Should -Exist }
}
