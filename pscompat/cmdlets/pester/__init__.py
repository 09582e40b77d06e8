"""Pester 5, built in: Describe/Context/It and their setup blocks (blocks), Should and its
operators (should, assertions), Mock and Should -Invoke (mocks), Invoke-Pester and its console
output (runner), NUnit 2.5 and JUnit XML result files (results).  The tree of blocks and tests
and the per-session state live in model."""
