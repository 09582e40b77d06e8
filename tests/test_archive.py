"""Compress-Archive / Expand-Archive on real files in a temporary folder: the entry names, the
archive module's errors (ArchiveResources.psd1 of Microsoft.PowerShell.Archive 1.2.5), -Update,
and entries that would leave the destination (zip slip), which are refused and never written."""

from __future__ import annotations

import zipfile

import pytest

import pscompat


@pytest.fixture
def tree(tmp_path, monkeypatch):
    (tmp_path / "src" / "sub").mkdir(parents=True)
    (tmp_path / "src" / "empty").mkdir()
    (tmp_path / "src" / "a.txt").write_text("a")
    (tmp_path / "src" / "sub" / "b.txt").write_text("b")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# script -> entry names of out.zip
NAME_CASES = [
    ("Compress-Archive -Path src -DestinationPath out.zip", ["src/a.txt", "src/empty/", "src/sub/b.txt"]),
    ("Compress-Archive -Path src/* -DestinationPath out.zip", ["a.txt", "empty/", "sub/b.txt"]),
    ("Compress-Archive -Path src/a.txt, src/sub -DestinationPath out", ["a.txt", "sub/b.txt"]),
    ("Get-ChildItem src -Filter *.txt -Recurse | Compress-Archive -DestinationPath out.zip", ["a.txt", "b.txt"]),
    (
        "Compress-Archive -Path src/a.txt -DestinationPath out.zip; "
        "Compress-Archive -Path src/sub/b.txt -DestinationPath out.zip -Update",
        ["a.txt", "b.txt"],
    ),
    (
        "Compress-Archive -Path src/a.txt -DestinationPath out.zip; "
        "Compress-Archive -Path src/sub/b.txt -DestinationPath out.zip -Force",
        ["b.txt"],
    ),
]


@pytest.mark.parametrize("script,names", NAME_CASES, ids=[c[0][:60] for c in NAME_CASES])
def test_compress_archive_entry_names(tree, script, names):
    result = pscompat.run(script)
    assert [e.message for e in result.errors] == []
    assert sorted(zipfile.ZipFile(tree / "out.zip").namelist()) == names


def test_an_existing_archive_needs_update_or_force(tree):
    pscompat.run("Compress-Archive -Path src -DestinationPath out.zip")
    before = (tree / "out.zip").read_bytes()
    result = pscompat.run("try { Compress-Archive -Path src/a.txt -DestinationPath out.zip } catch { $_ }")
    (record,) = result
    assert record.FullyQualifiedErrorId == "ArchiveFileExists,Compress-Archive"
    assert record.Exception.Message.startswith(f"The archive file {tree / 'out.zip'} already exists.")
    assert (tree / "out.zip").read_bytes() == before


def test_expand_into_a_folder_named_after_the_archive_and_refuse_overwrites(tree):
    pscompat.run("Compress-Archive -Path src -DestinationPath out.zip")
    result = pscompat.run("Expand-Archive out.zip")
    assert not result.errors and (tree / "out" / "src" / "sub" / "b.txt").read_text() == "b"
    (tree / "out" / "src" / "a.txt").write_text("changed")
    result = pscompat.run("Expand-Archive out.zip")
    assert [e.fully_qualified_error_id.split(",")[0] for e in result.errors] == ["ExpandArchiveFileExists"] * 2
    assert (tree / "out" / "src" / "a.txt").read_text() == "changed"
    result = pscompat.run("Expand-Archive out.zip -Force")
    assert not result.errors and (tree / "out" / "src" / "a.txt").read_text() == "a"


@pytest.mark.parametrize("entry", ["../evil.txt", "sub/../../evil.txt", "/tmp/evil-absolute.txt"])
def test_entries_that_leave_the_destination_are_refused(tree, entry):
    with zipfile.ZipFile(tree / "bad.zip", "w") as zf:
        zf.writestr(entry, "pwned")
        zf.writestr("ok.txt", "fine")
    result = pscompat.run("Expand-Archive bad.zip -DestinationPath dest")
    assert [e.message for e in result.errors] == [f"Can not process invalid archive entry '{entry}'."]
    assert (tree / "dest" / "ok.txt").read_text() == "fine"
    assert not (tree / "evil.txt").exists()
    assert not (tree / "dest" / "evil.txt").exists()


def test_only_zip_files_expand(tree):
    (tree / "data.tar").write_text("x")
    result = pscompat.run("try { Expand-Archive data.tar } catch { $_.Exception.Message }")
    assert list(result) == [
        ".tar is not a supported archive file format. .zip is the only supported archive file format."
    ]
