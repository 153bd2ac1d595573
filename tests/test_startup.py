"""Start-up cost: plain `milia --version` must not import the heavy modules, and the
daily commands (`today`, `checkin`) import only what they use (issue 7)."""

from __future__ import annotations

import pytest

from tests.support.imports import HEAVY, imported_modules


@pytest.mark.parametrize("args", [["--version"], ["profile", "path"]])
def test_light_commands_import_no_heavy_module(args):
    names = imported_modules(*args)
    heavy = sorted(n for n in names if n.split(".")[0] in HEAVY or n.startswith(HEAVY))
    assert heavy == [], f"`milia {' '.join(args)}` imported {heavy}"


# What a daily command may not pay for: rich, the exporters and the Log JSON codec
# have no part in showing or recording a day; a frozen dataclass costs ~0.4 ms to
# define, so the records on this path are NamedTuples (and nothing imports dataclasses).
NOT_DAILY = ("rich", "icalendar", "pydantic", "json", "dataclasses", "babel", "milia_cli.i18n_babel", "milia_cli.exporters", "milia_cli.render.plan",
             "milia_cli.render.stats", "milia_cli.render.profile", "milia_cli.render.wizard", "milia_cli.batch", "milia_cli.stats", "milia_cli.store_json", "milia_cli.cli.log_cmds",
             "milia_cli.cli.export_cmds", "milia_cli.cli.profile_cmds", "milia_cli.cli.doctor_cmd",
             # the -wal readers run only when a -wal was there before opening; `--all` names no step
             "milia_cli.wal", "milia_cli.walfit", "milia_cli.step_names")


def test_today_imports_only_what_it_uses(home):
    from tests.conftest import BASE_PROFILE

    (home / "profiles").mkdir(mode=0o700)
    (home / "profiles" / "default.toml").write_text(BASE_PROFILE)
    names = imported_modules("checkin", "--all", "--date", "2026-11-24", home=str(home))  # creates the log
    assert "milia_cli.store" in names
    names = imported_modules("today", home=str(home))
    assert {"milia_cli.planner", "milia_cli.store", "milia_cli.cli.plan_cmds"} <= names  # it did the work
    assert "milia_cli.render.text" in names  # today renders plain text, without rich
    unwanted = sorted(n for n in names if n.startswith(NOT_DAILY))
    assert unwanted == [], f"`milia today` imported {unwanted}"


def test_checkin_imports_only_what_it_uses(home):
    from tests.conftest import BASE_PROFILE

    (home / "profiles").mkdir(mode=0o700)
    (home / "profiles" / "default.toml").write_text(BASE_PROFILE)
    names = imported_modules("checkin", "--all", home=str(home))
    assert {"milia_cli.planner", "milia_cli.store", "milia_cli.cli.log_cmds"} <= names
    allowed_here = ("milia_cli.store_json", "milia_cli.cli.log_cmds")  # a write checks the check-in's fields
    unwanted = sorted(n for n in names if n.startswith(NOT_DAILY) and not n.startswith(allowed_here))
    assert unwanted == [], f"`milia checkin --all` imported {unwanted}"


def test_korean_today_reads_the_catalogue_with_gettext_not_babel_messages(home):
    """A Korean `today` loads the compiled catalogue with the stdlib gettext; babel only for
    CLDR's dates (babel.dates), never its catalogue machinery (babel.messages)."""
    from tests.conftest import BASE_PROFILE

    (home / "profiles").mkdir(mode=0o700)
    (home / "profiles" / "default.toml").write_text(BASE_PROFILE)
    names = imported_modules("--lang", "ko", "today", home=str(home))
    assert "gettext" in names and "milia_cli.i18n" in names
    unwanted = sorted(n for n in names if n.startswith(("babel.messages", "milia_cli.i18n_babel", "rich")))
    assert unwanted == [], f"`milia --lang ko today` imported {unwanted}"
