# Mock and Should -Invoke on functions, cmdlets and the Azure cmdlets.
Describe 'Mock' {
    BeforeAll {
        function Get-Greeting($Name) { "Hello $Name" }
        Mock Get-Greeting { 'from BeforeAll' } -ParameterFilter { $Name -eq 'block' }
    }
    It 'replaces a function' {
        Mock Get-Greeting { "Mocked $Name" }
        Get-Greeting -Name 'you' | Should -Be 'Mocked you'
        Should -Invoke Get-Greeting -Times 1 -Exactly
    }
    It 'keeps the block mock and calls the real command when no filter matches' {
        Get-Greeting 'block' | Should -Be 'from BeforeAll'
        Get-Greeting 'real' | Should -Be 'Hello real'
        Should -Invoke Get-Greeting -Times 1 -Exactly -ParameterFilter { $Name -eq 'real' }
    }
    It 'drops a test mock after the test' { Get-Greeting 'x' | Should -Be 'Hello x' }
    It 'replaces a cmdlet' {
        Mock Get-Date { 'yesterday' }
        Get-Date | Should -Be 'yesterday'
        Should -Invoke Get-Date -Exactly 1
        Should -Not -Invoke Get-Greeting
    }
    It 'replaces an Azure cmdlet' {
        Mock Get-AzureVMImage { [pscustomobject]@{ ImageName = 'img-1' } }
        (Get-AzureVMImage).ImageName | Should -Be 'img-1'
        Should -Invoke Get-AzureVMImage -Times 1
    }
    It 'verifies verifiable mocks' {
        Mock Get-Greeting { 'v' } -Verifiable
        Get-Greeting 'v' | Should -Be 'v'
        Should -InvokeVerifiable
    }
}
