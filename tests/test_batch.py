"""`milia batch`: one output per client file, bad files named and skipped, exit 1 if any failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import BASE_PROFILE, PROFILES_DIR
from milia_cli.batch import client_files, output_stems, run_batch, slugify
from milia_cli.errors import MiliaError
from tests.support.exporters import profile


def _client(directory: Path, stem: str, name: str, **replace: str) -> Path:
    text = BASE_PROFILE.replace('name = "ana"', f"name = {json.dumps(name)}")
    for old, new in replace.items():
        text = text.replace(old, new)
    path = directory / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    directory = tmp_path / "clients"
    directory.mkdir()
    for i in range(20):
        _client(directory, f"c{i:02d}", f"Client {i:02d}")
    (directory / "c10-broken.toml").write_text('schema = 1\nname = "broken"\npregnancy = "maybe"\n', encoding="utf-8")
    (directory / "notes.txt").write_text("not a client", encoding="utf-8")
    return directory


def test_twenty_clients_and_one_broken_file(milia, clients, tmp_path):
    out = tmp_path / "out"
    res = milia("batch", str(clients), "--format", "html", "-o", str(out))
    assert res.exit_code == 1
    written = sorted(p.name for p in out.iterdir())
    assert written == [f"c{i:02d}.html" for i in range(20)]  # after the files (issue 12), not the names
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2, res.stderr
    assert lines[0].startswith("milia: skipped c10-broken.toml: ")
    assert "pregnancy" in lines[0] and "Traceback" not in res.output
    assert lines[1] == f"Wrote 20 of 21 html files to {out}; 1 failed (see above)."
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in out.iterdir())
    assert "Skincare plan for Client 07" in (out / "c07.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,ext", [("md", ".md"), ("ics", ".ics"), ("json", ".json")])
def test_every_format_and_exit_zero_when_all_good(milia, tmp_path, fmt, ext):
    directory = tmp_path / "ok"
    directory.mkdir()
    for i in range(3):
        _client(directory, f"k{i}", f"Kim {i}")
    res = milia("batch", str(directory), "--format", fmt, "-o", str(tmp_path / "o"), "--weeks", "4")
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [f"k{i}{ext}" for i in range(3)]
    assert res.stdout.splitlines() == [f"k{i}.toml -> k{i}{ext}" for i in range(3)]
    assert res.stderr.strip() == f"Wrote 3 of 3 {fmt} files to {tmp_path / 'o'}."


def test_names_are_safe_and_collisions_deterministic(tmp_path):
    directory = tmp_path / "c"
    directory.mkdir()
    _client(directory, "a", "Zoë O'Brien")
    _client(directory, "Zoë O'Brien", "zoe o brien")
    _client(directory, "etc passwd", "../../etc/passwd")
    _client(directory, "李小龙", "李小龙")
    _client(directory, "zoe-o-brien", "Zoe-O-Brien-2")
    out = tmp_path / "out"
    result = run_batch(directory, "json", out, weeks=1, today_for=lambda zone: profile().schedule.start)
    assert not result.failed
    names = {source.name: target.name for source, target in result.outputs}
    assert names["a.toml"] == "a.json" and names["zoe-o-brien.toml"] == "zoe-o-brien.json"
    assert names["etc passwd.toml"] == "etc-passwd.json" and names["李小龙.toml"] == "client.json"
    hashed = names["Zoë O'Brien.toml"]  # its slug is another file's own name: a stable hash is added
    assert hashed.startswith("zoe-o-brien-") and hashed != "zoe-o-brien.json" and hashed.endswith(".json")
    assert all(p.parent == out for p in result.written)
    assert output_stems(sorted(directory.glob("*.toml")))[directory / "Zoë O'Brien.toml"] == hashed[:-5]


def test_slugify():
    assert slugify("  Ana María, Jr. ") == "ana-maria-jr"
    assert slugify("李") == ""
    assert len(slugify("x" * 300)) == 60


def test_output_names_depend_on_no_other_file():
    files = [Path("ana.toml"), Path("bea.toml")]
    alone = output_stems(files)
    more = output_stems([*files, Path("ana-duplicate.toml"), Path("Ana Silva.toml")])
    assert alone == {p: more[p] for p in files} == {Path("ana.toml"): "ana", Path("bea.toml"): "bea"}


def test_not_a_directory_and_empty_directory(milia, tmp_path):
    res = milia("batch", str(tmp_path / "missing"), "--format", "md", "-o", str(tmp_path / "o"))
    assert res.exit_code == 1 and "is not a directory" in res.stderr
    (tmp_path / "empty").mkdir()
    res = milia("batch", str(tmp_path / "empty"), "--format", "md", "-o", str(tmp_path / "o"))
    assert res.exit_code == 1 and "No client files" in res.stderr
    assert not (tmp_path / "o").exists()
    with pytest.raises(MiliaError):
        client_files(tmp_path / "empty")


def test_output_is_a_file(milia, clients, tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    res = milia("batch", str(clients), "--format", "md", "-o", str(target))
    assert res.exit_code == 1 and "is a file" in res.stderr


def test_bad_format_is_a_usage_error(milia, clients, tmp_path):
    res = milia("batch", str(clients), "--format", "pdf", "-o", str(tmp_path / "o"))
    assert res.exit_code == 2


def test_progress_bar_only_on_a_terminal(milia, clients, tmp_path):
    res = milia("batch", str(clients), "--format", "md", "-o", str(tmp_path / "o"), tty=True)
    assert res.exit_code == 1
    assert "skipped c10-broken.toml" in res.stderr
    plain = milia("batch", str(clients), "--format", "md", "-o", str(tmp_path / "p"))
    assert "Exporting" not in plain.stderr


@pytest.mark.skipif(not PROFILES_DIR.is_dir() or not list(PROFILES_DIR.glob("*.toml")), reason="no example profiles")
def test_the_example_client_folder(milia, tmp_path):
    res = milia("batch", str(PROFILES_DIR), "--format", "html", "-o", str(tmp_path / "o"))
    outputs = list((tmp_path / "o").iterdir())
    assert len(outputs) + res.stderr.count("skipped") == len(list(PROFILES_DIR.glob("*.toml")))
