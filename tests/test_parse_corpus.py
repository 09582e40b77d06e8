"""tools/parse-corpus on a folder of good and bad scripts: the rates, the split by class use,
and the error table (docs/corpus.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).parent.parent / "tools" / "parse-corpus"


def test_parse_corpus_counts_files_rates_and_errors(tmp_path):
    (tmp_path / "good.ps1").write_text("$o.$($n); $Matches.1\n[ValidateNotNull()]$y = 5\n")
    (tmp_path / "module.psm1").write_text("function f { $i ++ }\n")
    (tmp_path / "bad.ps1").write_text("if ($true) {\n")
    (tmp_path / "classy.ps1").write_text("class Point { [int]$X }\n")
    (tmp_path / "notes.txt").write_text("if (\n")  # not a script: not counted
    out = subprocess.run(
        [sys.executable, str(TOOL), str(tmp_path), "--files"], capture_output=True, text=True, check=True
    ).stdout
    total = next(line for line in out.splitlines() if line.startswith("total")).split()
    assert total[1:] == ["4", "3", "75.0%", "3", "2", "66.7%"]  # the class file parses too
    assert "MissingEndCurlyBrace" in out
    assert "bad.ps1:1: MissingEndCurlyBrace" in out
