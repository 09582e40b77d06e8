"""The helpers tools/pwsh-tests gives PowerShell's own test suite, and the commands added for it.

`testexe` cases: expected outputs from PowerShell's tests that use it
(test/powershell/Language/Operators/PipelineChainOperator.Tests.ps1, DollarHook.Tests.ps1,
NativeExecution/NativeCommandProcessor.Tests.ps1) and the behaviour of
test/tools/TestExe/TestExe.cs.
"""

import os
import subprocess

import pytest

import pscompat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "tools", "pwsh_tests_bin")
TESTEXE = os.path.join(BIN, "testexe")

# (arguments, standard input, stdout, stderr, exit code)
TESTEXE_CASES = [
    (["-echoargs", "A", "b c", ""], b"", "Arg 0 is <A>\nArg 1 is <b c>\nArg 2 is <>\n", "", 0),
    (["-EchoArgs"], b"", "", "", 0),
    (["-returncode", "-1"], b"", "-1\n", "", 255),
    (["-returncode", "0"], b"", "0\n", "", 0),
    (["-returncode", "3"], b"", "3\n", "", 3),
    (["-stderr", "oops"], b"", "", "oops\n", 0),
    (["-stderrandout", "testing"], b"", "testing\n", "gnitset\n", 0),
    (["-readbytes"], b"A\n\xff", "41\n0A\nFF\n", "", 0),
    (["-echocmdline"], b"", "N/A\n", "", 0),
    (["-updateuserandsystempath"], b"", "", "", 0),
    (["-nosuch"], b"", "", "Unknown test -nosuch. Run with '-h' for help.\n", 1),
    ([], b"", "", "Test not specified\n", 1),
]


@pytest.mark.parametrize(("args", "stdin", "out", "err", "code"), TESTEXE_CASES)
def test_testexe(args, stdin, out, err, code):
    proc = subprocess.run([TESTEXE, *args], input=stdin, capture_output=True)
    assert (proc.stdout.decode(), proc.stderr.decode(), proc.returncode) == (out, err, code)


def test_testexe_writebytes():
    proc = subprocess.run([TESTEXE, "-writebytes", "41", "0a", "FF"], capture_output=True)
    assert proc.stdout == b"A\n\xff"
    bad = subprocess.run([TESTEXE, "-writebytes", "41", "zz"], capture_output=True)
    assert bad.returncode != 0 and b"single byte hex strings" in bad.stderr


# PipelineChainOperator.Tests.ps1 $simpleTestCases (Statement -> Output) and DollarHook.Tests.ps1
CHAIN_CASES = [
    ('testexe -returncode -1 && testexe -echoargs "A"', ["-1"]),
    ('testexe -returncode -1 || testexe -echoargs "A"', ["-1", "Arg 0 is <A>"]),
    ('testexe -returncode 0 && testexe -echoargs "A"', ["0", "Arg 0 is <A>"]),
    (
        'testexe -echoargs "A" && testexe -returncode -2 || testexe -echoargs "B"',
        ["Arg 0 is <A>", "-2", "Arg 0 is <B>"],
    ),
    ("testexe -returncode 1; $?; $LASTEXITCODE", ["1", False, 1]),
]


@pytest.mark.parametrize(("script", "expected"), CHAIN_CASES)
def test_testexe_from_pscompat(script, expected, monkeypatch):
    monkeypatch.setenv("PATH", BIN + os.pathsep + os.environ["PATH"])
    assert [pscompat.to_python(x) for x in pscompat.run(script)] == expected


def test_convertto_html_meta_warning():
    """ConvertHTMLStrings.resx MetaPropertyNotFound, written for a meta name PowerShell does not know."""
    result = pscompat.run("[pscustomobject]@{ a = 1 } | ConvertTo-Html -Meta @{ authors = 'John Doe' }")
    assert '<meta name="authors" content="John Doe">' in list(result)
    assert [w for w in result.warnings if "The meta pair: authors and John Doe may not function correctly." in w]
