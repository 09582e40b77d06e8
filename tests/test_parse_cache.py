"""pscompat.syntax.cache: the command line's parsed-script cache on disk."""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
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
    return sorted(p for p in folder.iterdir() if not p.is_symlink()) if folder.exists() else []


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


def _tree_file(cache, text: str, name: str = "<script>"):
    return cache / "ast" / parse_cache.tree_name(text, name)


def _payload(data: object) -> bytes:
    """A file with a valid header around `data` (what someone who knows the format could plant)."""
    payload = marshal.dumps(data)
    return parse_cache.MAGIC + b"\x03" + hashlib.sha256(payload).digest() + payload


def _code_object() -> bytes:
    return marshal.dumps(compile("open('/tmp/pscompat-planted', 'w').write('ran')", "x", "exec"))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage",
        marshal.dumps(("not", "a", "tree")),
        marshal.dumps(("r", "Constant", ("t", ())))[:-3],
        marshal.dumps(("x", 1)),
        _code_object(),  # a marshal'd code object, with and without a valid header
        _payload(compile("1", "x", "exec")),
        parse_cache.MAGIC + b"\x02" + bytes(32) + marshal.dumps(("x", 1)),  # another format version
        _payload(("t", ())),  # a valid file whose data is no tree
    ],
)
def test_a_damaged_or_planted_file_is_parsed_again_and_replaced(cache, content):
    expected = parse_cache.parse("'x'")
    path = _tree_file(cache, "'x'")
    path.write_bytes(content)
    assert parse_cache.parse("'x'") == expected
    assert path.read_bytes() != content
    assert parse_cache.parse("'x'") == expected  # and the rewritten file loads


def test_a_truncated_file_fails_its_checksum(cache):
    expected = parse_cache.parse("'x' + 1")
    path = _tree_file(cache, "'x' + 1")
    good = path.read_bytes()
    assert good.startswith(parse_cache.MAGIC)
    path.write_bytes(good[:-1])
    assert parse_cache.parse("'x' + 1") == expected
    assert path.read_bytes() == good


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
    path = _tree_file(cache, "'x'")
    path.write_bytes(_payload(payload))
    assert parse_cache.parse("'x'") == expected
    assert path.read_bytes() != _payload(payload)


def test_a_link_in_place_of_a_tree_is_neither_read_nor_followed(cache, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "precious.txt"
    outside.write_bytes(b"keep me")
    expected = parse("1 + 2")
    path = _tree_file(cache, "1 + 2")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(outside)
    assert parse_cache.parse("1 + 2") == expected
    assert outside.read_bytes() == b"keep me"  # not read as a tree, not written through


def test_a_fifo_in_place_of_a_tree_does_not_hang(cache):
    expected = parse("1 + 3")
    path = _tree_file(cache, "1 + 3")
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    assert parse_cache.parse("1 + 3") == expected  # opening it for reading would wait for a writer


def test_eviction_never_deletes_through_a_link(cache, monkeypatch, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    victims = []
    for i in range(5):
        victim = outside / f"{'0' * 63}{i}.tree"  # a name the cache would evict
        victim.write_bytes(b"keep me")
        os.utime(victim, (1, 1))  # older than any tree
        victims.append(victim)
    monkeypatch.setattr(parse_cache, "MAX_FILES", 3)
    parse_cache.parse("0")
    folder = cache / "ast"
    for victim in victims:
        (folder / victim.name).symlink_to(victim)
    for i in range(1, 8):
        parse_cache.parse(f"{i}")
    assert all(v.read_bytes() == b"keep me" for v in victims)
    assert all((folder / v.name).is_symlink() for v in victims)  # links are not the cache's to remove
    trees = [p for p in folder.iterdir() if not p.is_symlink()]
    assert len(trees) <= 3


def test_a_linked_cache_folder_is_not_used(cache, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "notes.txt").write_bytes(b"keep me")
    os.utime(elsewhere / "notes.txt", (1, 1))
    (cache / "ast").symlink_to(elsewhere, target_is_directory=True)
    assert parse_cache.parse("5 * 5") == parse("5 * 5")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["notes.txt"]  # nothing written there either


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_folder_others_can_write_is_not_used(cache, mode):
    parse_cache.parse("6 * 6")
    folder = cache / "ast"
    os.chmod(folder, mode)
    path = _tree_file(cache, "7 * 7")
    assert parse_cache.parse("7 * 7") == parse("7 * 7")
    assert not path.exists()
    os.chmod(folder, 0o700)


def test_the_folder_is_private_and_the_files_too(cache, monkeypatch):
    monkeypatch.setenv("PSCOMPAT_CACHE_DIR", str(cache / "new"))
    parse_cache.parse("8 * 8")
    assert stat.S_IMODE(os.stat(cache / "new").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(cache / "new" / "ast").st_mode) == 0o700
    (tree,) = (cache / "new" / "ast").iterdir()
    assert stat.S_IMODE(os.stat(tree).st_mode) == 0o600


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
    assert _tree_file(cache, "0") in remaining
    assert _tree_file(cache, "1") not in remaining
