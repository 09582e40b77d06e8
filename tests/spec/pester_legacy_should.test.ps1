# Pester 4 reads Pester 3's Should form without dashes (Pester 4.x src/functions/assertions/Should.ps1,
# its legacy parameter set of three positional arguments); PowerShell's own tests use it
# (test/tools/Modules/HelpersLanguage: `$asts[0] | Should BeOfType ...ErrorStatementAst`).

#### Should without dashes: each operator form passes, as the dashed form does
# source: Pester 4 Should.ps1 legacy parameter set; HelpersLanguage.psm1 Test-ErrorStmt
1 | Should Be 1
1 | Should BeOfType System.Int32
1 | Should Not Be 2
{ throw "x" } | Should Throw
{ 1 } | Should Not Throw
$null | Should BeNullOrEmpty
'abc' | Should Match 'b'
"passed"
## RESULT: ["passed"]

#### Should without dashes: a failing assertion fails with the dashed form's message
# source: Pester 4 Should.ps1 legacy parameter set (same assertion functions as -Be)
try { 1 | Should Be 2 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { 1 | Should Not Be 1 } catch { $_.Exception.Message }
## RESULT: ["PesterAssertionFailed", "Expected 2, but got 1.", "Expected 1 to be different from the actual value, but got the same value."]

#### Should with words that name no operator still asks for one
try { 1 | Should Bee 1 } catch { $_.FullyQualifiedErrorId }
## RESULT: ["ShouldOperatorMissing,Pester.ShouldCommand"]
