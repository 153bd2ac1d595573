"""The exporter registry (issue 14, item 3): one table of formats, from which `milia export
<format>` and `batch --format` are made, each format's module imported only when it runs."""

from __future__ import annotations

import importlib
import sys

import pytest
import typer

import milia_cli.cli.export_cmds as export_cmds
from conftest import BASE_PROFILE
from milia_cli.exporters import registry
from tests.support.imports import imported_modules

FAKE = registry.Format(
    "fake", ".fake.txt", "A format registered by a test.", "plan", "tests.support.fake_export:render",
    (registry.Opt("shout", ("--shout",), False, "In capitals.", bool),), batch=6,
    identify="tests.support.fake_export:identify")


def _rebuild() -> None:
    """What a new interpreter does: build the export commands from the table as it is now."""
    sys.modules["milia_cli.cli.app"]._BUILT.pop("export_cmds", None)  # (the package's `app` is the Typer app)
    importlib.reload(export_cmds)


@pytest.fixture
def fake_format(monkeypatch):
    monkeypatch.setattr(registry, "FORMATS", [*registry.FORMATS, FAKE])
    _rebuild()
    yield FAKE
    monkeypatch.undo()
    _rebuild()


def test_a_format_in_the_table_is_an_export_command_and_a_batch_format(fake_format, milia, client_folder, tmp_path):
    milia.write_profile()
    listing = milia("export", "--help").stdout
    assert "fake" in listing and "A format registered by a test." in listing
    usage = milia("export", "fake", "--help").stdout
    assert all(flag in usage for flag in ("--shout", "--weeks", "--output", "--from", "--start", "--force"))
    res = milia("export", "fake", "--weeks", "2", "--shout")
    assert res.exit_code == 0, res.output
    assert res.stdout == "FAKE PLAN OF ANA: 14 DAYS FROM 2026-11-23, EUROPE/BERLIN\n"  # the plan carries its zone
    target = tmp_path / "ana.txt"
    for _ in range(2):  # the second run replaces its own file: the format's `identify`
        assert milia("export", "fake", "-o", str(target)).exit_code == 0
    assert target.read_text() == "fake plan of ana: 84 days from 2026-11-23, Europe/Berlin\n"

    assert "fake" in milia("batch", "--help").stdout
    out = tmp_path / "out"
    for _ in range(2):
        res = milia("batch", str(client_folder), "--format", "fake", "-o", str(out), "--weeks", "1")
        assert res.exit_code == 0, res.output
    assert res.stdout == "ana.toml -> ana.fake.txt\n"
    assert (out / "ana.fake.txt").read_text() == "fake plan of ana: 7 days from 2026-11-23, Europe/Berlin\n"


def test_without_the_row_there_is_no_such_format(milia):
    milia.write_profile()
    assert milia("export", "fake").exit_code == 2
    assert milia("batch", ".", "--format", "fake", "-o", "out").exit_code == 2


def test_the_commands_and_batch_choices_are_the_tables_rows():
    group = typer.main.get_command(export_cmds.export_app)
    assert list(group.commands) == [f.name for f in registry.commands()] == ["ics", "json", "csv", "md", "html"]
    assert [m.value for m in export_cmds.BatchFormat] == [f.name for f in registry.batch_formats()] == \
        ["html", "md", "ics", "json", "report"]
    for fmt in registry.FORMATS:
        assert callable(registry.load(fmt.render)), fmt.name  # every renderer can be found
        assert fmt.check is None or callable(registry.load(fmt.check)), fmt.name


def test_an_export_imports_only_its_own_format(home):
    (home / "profiles").mkdir(mode=0o700)
    (home / "profiles" / "default.toml").write_text(BASE_PROFILE)
    others = {"milia_cli.exporters.ics", "milia_cli.exporters.csv_export", "milia_cli.exporters.markdown",
              "milia_cli.exporters.html", "milia_cli.exporters.report_html", "icalendar", "pygal"}
    names = imported_modules("export", "json", "--weeks", "1", home=str(home))
    assert "milia_cli.exporters.json_export" in names and not names & others, sorted(names & others)
    names = imported_modules("export", "--help", home=str(home))
    assert not [n for n in names if n.startswith("milia_cli.exporters.") and n != "milia_cli.exporters.registry"]
