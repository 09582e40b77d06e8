"""Standard input piped to `pscompat -c` / a script file is the script's $input, a line at a time,
as with `pwsh -c` (about_Automatic_Variables, $input; pwsh's ConsoleHost feeds redirected
standard input to the -Command / -File pipeline as strings, one per line)."""

import subprocess
import sys

import pytest

CASES = [
    # (arguments, standard input, expected standard output)
    (["-c", "$input | % { $_.ToUpper() }"], "a\nb\n", "A\nB\n"),
    (["-c", 'foreach ($line in $input) { "[$line]" }'], "x\r\ny", "[x]\n[y]\n"),  # CRLF, no last newline
    (["-c", "@($input).Count"], "", "0\n"),
    (["-c", "$input | Measure-Object | % Count"], "1\n2\n3\n", "3\n"),
    (["-c", "($input | Select-Object -First 1) + '!'"], "first\nsecond\n", "first!\n"),
    # `-Command -` reads the script itself from standard input: nothing is left for $input
    (["-Command", "-"], "'script from stdin'\n@($input).Count\n", "script from stdin\n0\n"),
]


@pytest.mark.parametrize("args,stdin,expected", CASES)
def test_piped_input_reaches_dollar_input(args, stdin, expected):
    done = subprocess.run(
        [sys.executable, "-m", "pscompat", *args], input=stdin, capture_output=True, text=True, timeout=60
    )
    assert done.stderr == ""
    assert done.stdout == expected


def test_a_script_file_reads_it_too(tmp_path):
    script = tmp_path / "count.ps1"
    script.write_text("param($Prefix = '#')\n$input | ForEach-Object { \"$Prefix$_\" }\n")
    done = subprocess.run(
        [sys.executable, "-m", "pscompat", str(script), "-Prefix", ">"],
        input="a\nb\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.stdout, done.stderr) == (">a\n>b\n", "")
