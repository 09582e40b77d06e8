"""pscompat.syntax.cache: the command line's parsed-script cache on disk."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys

import pytest

from pscompat.errors import ParseError
from pscompat.syntax import cache as parse_cache
from pscompat.syntax.grammar import parse


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_CACHE_DIR", str(tmp_path))
    return tmp_path


def _files(cache):
    folder = cache / "ast"
    return sorted(folder.iterdir()) if folder.exists() else []


SCRIPTS = [
    "1",
    "Get-AzureVMImage | where {(gm –InputObject $_ -Name DataDiskConfigurations) -ne $null} | Select -Property Label, ImageName",
    '$x = 1.5d; [int64]$y = 0x7FFFFFFFFFFFFFFF; 2KB + 1e3; "a $($x) b"',
    "function f { param([Parameter(Mandatory)][string]$n) process { switch -regex ($n) { 'a' { 1 } default { 2 } } } }",
    "try { throw 'x' } catch [System.Exception] { $_ } finally { 'done' }",
]


@pytest.mark.parametrize("text", SCRIPTS)
def test_a_tree_is_stored_then_loaded_equal(cache, text):
    first = parse_cache.parse(text, "<command>")
    assert first == parse(text, "<command>")
    assert len(_files(cache)) == 1
    again = parse_cache.parse(text, "<command>")
    assert again == first and again is not first  # the second one came from the file


def test_name_and_text_are_both_part_of_the_key(cache):
    parse_cache.parse("1", "a.ps1")
    parse_cache.parse("1", "b.ps1")
    parse_cache.parse("2", "a.ps1")
    assert len(_files(cache)) == 3


def test_a_parse_error_is_not_stored(cache):
    with pytest.raises(ParseError):
        parse_cache.parse("if (", "<command>")
    assert _files(cache) == []


def test_an_empty_setting_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("PSCOMPAT_CACHE_DIR", "")
    assert parse_cache.cache_dir() is None
    assert parse_cache.parse("1 + 1") == parse("1 + 1")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage",
        marshal.dumps(("not", "a", "tree")),
        marshal.dumps(("r", "Constant", ("t", ())))[:-3],
        marshal.dumps(("x", 1)),
    ],
)
def test_a_damaged_file_is_parsed_again_and_replaced(cache, content):
    expected = parse_cache.parse("'x'")
    (path,) = _files(cache)
    path.write_bytes(content)
    assert parse_cache.parse("'x'") == expected
    assert path.read_bytes() != content


@pytest.mark.parametrize(
    "payload",
    [
        ("r", "Optional", ()),  # a name in pscompat.syntax.nodes that is not a syntax-tree class
        ("r", "Record", ()),
        ("r", "__class__", ()),
        ("n", "SizedInt", 1),
        ("n", "os", 1),
    ],
)
def test_a_file_naming_anything_but_tree_classes_is_refused(cache, payload):
    expected = parse_cache.parse("'x'")
    (path,) = _files(cache)
    path.write_bytes(marshal.dumps(payload))
    assert parse_cache._load(str(path)) is None
    assert parse_cache.parse("'x'") == expected


def test_editing_a_module_that_shapes_trees_changes_the_key(cache, tmp_path, monkeypatch):
    shaper = tmp_path / "shaper.py"
    shaper.write_text("x = 1\n")
    monkeypatch.setattr(parse_cache, "_SHAPERS", (str(shaper),))
    parse_cache.parse("1")
    shaper.write_text("x = 22\n")  # another size: another fingerprint even within one mtime tick
    parse_cache.parse("1")
    assert len(_files(cache)) == 2


def test_the_command_line_skips_the_parser_when_the_tree_is_cached(cache):
    probe = (
        "import sys; from pscompat.shell.cli import main; code = main(['-c', '6 * 7']); "
        "print('parser' if 'pyparsing' in sys.modules else 'no parser'); sys.exit(code)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=os.environ) for _ in range(2)
    ]
    assert [r.stdout.split() for r in runs] == [["42", "parser"], ["42", "no", "parser"]]
    assert all(r.returncode == 0 for r in runs)


def test_the_cache_keeps_at_most_max_files_and_evicts_the_least_recently_used(cache, monkeypatch):
    monkeypatch.setattr(parse_cache, "MAX_FILES", 10)
    for i in range(10):
        parse_cache.parse(f"{i}")
    first = _files(cache)
    for n, path in enumerate(sorted(first, key=lambda p: p.stat().st_mtime)):
        os.utime(path, (1_000_000 + n, 1_000_000 + n))  # distinct ages, oldest first: "0", "1", ...
    parse_cache.parse("0")  # used again: now the most recent
    parse_cache.parse("10")  # the eleventh: past the limit
    remaining = _files(cache)
    assert len(remaining) == 9  # back to 90% of the limit
    assert parse_cache._path(str(cache), "0", "<script>") in {str(p) for p in remaining}
    assert parse_cache._path(str(cache), "1", "<script>") not in {str(p) for p in remaining}
