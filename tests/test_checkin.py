"""`milia checkin` through the CLI: flags, merging, backfill, errors write nothing, time zones, A1."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import BASE_PROFILE, TODAY, fake_env
from milia_cli.logmodel import CheckIn, Log
from milia_cli.store import open_store

RETINOL_DAY = date(2026, 11, 23)  # Monday of week 1: a retinol evening for BASE_PROFILE
REST_DAY = date(2026, 11, 24)


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def stored(m, day: date, key: str = "default") -> CheckIn | None:
    db = m.home / "milia.db"
    if not db.exists():
        return None
    with open_store(db) as store:
        return store.get_checkin(key, day)


def count(m, key: str = "default") -> int:
    db = m.home / "milia.db"
    if not db.exists():
        return 0
    with open_store(db) as store:
        return store.counts(key)[0]


def planned_ids(day: date, text: str = BASE_PROFILE) -> frozenset[str]:
    from milia_cli.planner import plan_for_day
    from milia_cli.profile import parse_profile

    return frozenset(plan_for_day(parse_profile(text.encode(), "p"), Log(), day, today=day).step_ids())


def test_all_with_values_is_silent_and_stored(m) -> None:
    res = m("checkin", "--all", "--irritation", "1", "--bumps", "4", "--note", "tight after retinol")
    assert res.exit_code == 0, res.output
    assert res.stdout == ""  # scriptable: silent when stdout is not a terminal
    # --all stores the ids planned that day, never "all" (invariant 12)
    assert stored(m, TODAY) == CheckIn(TODAY, planned_ids(TODAY), irritation=1, bumps=4, note="tight after retinol")


def test_bare_step_means_every_slot_that_day_has_it(m) -> None:
    assert m("checkin", "--done", "cleanse", "--done", "retinol", "--skip", "am:makeup").exit_code == 0
    ci = stored(m, TODAY)
    assert ci.done == {"am:cleanse", "pm:cleanse", "pm:retinol"}
    assert ci.skipped == {"am:makeup"}


def test_rerunning_a_day_adds_to_it_and_never_duplicates(m) -> None:
    m("checkin", "--done", "am:cleanse", "--done", "am:sunscreen")
    m("checkin", "--done", "pm:retinol", "--irritation", "2")
    m("checkin", "--skip", "am:sunscreen")
    ci = stored(m, TODAY)
    assert ci.done == {"am:cleanse", "pm:retinol"} and ci.skipped == {"am:sunscreen"} and ci.irritation == 2
    assert count(m) == 1
    m("checkin", "--replace", "--done", "pm:cleanse")
    assert stored(m, TODAY) == CheckIn(TODAY, frozenset({"pm:cleanse"}))


def test_backfilling_a_past_day(m) -> None:
    res = m("checkin", "--date", "2026-11-24", "--all", today=date(2026, 11, 30))
    assert res.exit_code == 0, res.output
    assert m("checkin", "--date", "yesterday", "--all", today=date(2026, 11, 30)).exit_code == 0
    for day in (date(2026, 11, 24), date(2026, 11, 29)):
        assert stored(m, day).done == planned_ids(day) and not stored(m, day).all_done


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["--done", "pm:retinol", "--date", "2026-11-24"], 1, "not in the plan for 2026-11-24"),
        (["--done", "exfoliate"], 1, "not in the plan"),
        (["--done", "teleport"], 2, "not a step"),
        (["--done", "noon:cleanse"], 2, "not a step"),
        (["--all", "--date", "2026-12-01"], 1, "in the future"),
        (["--all", "--date", "2026-11-01"], 1, "before the plan starts"),
        (["--all", "--date", "2026-02-30"], 2, "not a real date"),
        (["--all", "--date", "23/11/2026"], 2, "not a real date"),
        (["--irritation", "4"], 2, "out of range"),
        (["--irritation", "-1"], 2, "out of range"),
        (["--bumps", "-3"], 2, "out of range"),
        (["--done", "cleanse", "--skip", "am:cleanse"], 2, "both as --done and as --skip"),
        (["--note", "bell\x07ring"], 2, "control character"),
        (["--note", "\x1b[31mred"], 2, "control character"),
        (["--note", "x" * 1_000_000], 2, "characters long"),
        ([], 2, "Nothing to record"),
    ],
)
def test_bad_input_is_one_sentence_and_writes_nothing(m, args, code, words) -> None:
    res = m("checkin", *args, today=date(2026, 11, 30))
    assert res.exit_code == code, res.output
    assert words in res.stderr
    assert res.stderr.startswith("milia: ") and res.stderr.count("\n") == 1
    assert "Traceback" not in res.output
    assert count(m) == 0


def test_failed_checkin_leaves_an_existing_day_as_it_was(m) -> None:
    m("checkin", "--all", "--irritation", "1")
    before = stored(m, TODAY)
    assert m("checkin", "--done", "exfoliate", "--irritation", "3").exit_code == 1
    assert stored(m, TODAY) == before


def test_unicode_notes_are_kept_exactly(m) -> None:
    note = "tight\nзатянуто · 乾燥 · 🧴 · עור"
    assert m("checkin", "--note", note).exit_code == 0
    assert stored(m, TODAY).note == note


def test_picking_note_or_flag_shows_rule_a1(m) -> None:
    res = m("checkin", "--all", "--note", "Squeezed two under my eye")
    assert res.exit_code == 0
    assert "pick" in res.stderr.lower() and "scar" in res.stderr.lower()
    assert stored(m, TODAY).picked
    res = m("checkin", "--date", "2026-11-23", "--picked", today=date(2026, 11, 24))
    assert "pick" in res.stderr.lower()
    calm = m("checkin", "--all", "--note", "skin calm", today=date(2026, 11, 24))
    assert calm.stderr == ""


def test_summary_is_printed_on_a_terminal(m) -> None:
    env = fake_env(TODAY, tty=True)
    res = m("checkin", "--all", "--skip", "am:makeup", env=env)
    assert "Stored Mon 23 Nov: 9 of 10 steps, 1 skipped." in res.stdout


def test_interactive_checkin_asks_all_done_then_what_was_not(m) -> None:
    """Issue 13 item 1: "All done?" first; "n" asks which were not (numbers on the screen)."""
    env = fake_env(TODAY, tty=True)
    # 10 steps listed 1-10 (am 1-5, pm 6-10): not done 5 (am makeup), 8 skipped (pm retinol)
    answers = ["n", "5 s8", "1", "9", "bit dry"]
    env.stdin = io.StringIO("\n".join(answers) + "\n")
    res = m("checkin", env=env)
    assert res.exit_code == 0, res.output
    ci = stored(m, TODAY)
    assert ci.skipped == {"pm:retinol"} and "am:makeup" not in ci.done and len(ci.done) == 8
    assert (ci.irritation, ci.count, ci.note, ci.picked) == (1, 9, "bit dry", False)
    assert "Bumps you see today, in total" in res.stdout
    assert "8 retinol" in res.stdout
    # again: only makeup is still open (listed as 1); Enter keeps every other previous answer
    env2 = fake_env(TODAY, tty=True)
    env2.stdin = io.StringIO("n\n1\n" + "\n" * 3)
    assert m("checkin", env=env2).exit_code == 0
    assert stored(m, TODAY) == ci


def test_interactive_end_of_input_writes_nothing(m) -> None:
    env = fake_env(TODAY, tty=True)
    env.stdin = io.StringIO("y\ny\n")
    res = m("checkin", env=env)
    assert res.exit_code == 130 and "nothing was changed" in res.stderr.lower()  # as `init` (issue 13)
    assert count(m) == 0


# -- time zones: the profile's local date decides "today" ----------------------------------------
@pytest.mark.parametrize(
    "utc, expected",
    [
        (datetime(2026, 11, 23, 22, 59, tzinfo=UTC), date(2026, 11, 23)),  # 23:59 in Berlin
        (datetime(2026, 11, 23, 23, 0, tzinfo=UTC), date(2026, 11, 24)),  # 00:00 in Berlin
    ],
)
def test_today_is_the_profiles_local_date_around_midnight(m, utc, expected) -> None:
    assert m("checkin", "--all", env=fake_env(now=utc)).exit_code == 0
    assert stored(m, expected) is not None and count(m) == 1


def test_a_profile_west_of_utc_is_still_on_the_previous_day(milia) -> None:
    milia.write_profile(BASE_PROFILE.replace("Europe/Berlin", "America/Los_Angeles"))
    utc = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)  # 21:00 on the 23rd in Los Angeles
    assert milia("checkin", "--done", "pm:retinol", env=fake_env(now=utc)).exit_code == 0
    assert stored(milia, date(2026, 11, 23)).done == {"pm:retinol"}
    # at that moment it is already the 24th in UTC, but a check-in for the 24th is in the future
    res = milia("checkin", "--date", "2026-11-24", "--all", env=fake_env(now=utc))
    assert res.exit_code == 1 and "future" in res.stderr


def test_profile_file_logs_under_the_id_written_into_it(milia, tmp_path: Path) -> None:
    """Issue 12: not under its `name`, which another client may share (tests/test_rev2_identity_*)."""
    client = tmp_path / "clients" / "bea.toml"
    client.parent.mkdir()
    client.write_text(BASE_PROFILE.replace('name = "ana"', 'name = "bea"'))
    assert milia("--profile-file", str(client), "checkin", "--all").exit_code == 0
    from milia_cli.profile import load_profile

    key = load_profile(client).id
    assert key and key.startswith("bea-") and stored(milia, TODAY, key=key).done == planned_ids(TODAY)
    assert stored(milia, TODAY, key="bea") is None


@pytest.mark.slow
def test_flag_path_imports_no_rich(m) -> None:
    code = (
        "import sys\n"
        "from milia_cli.cli import run\n"
        f"rc = run(['--home', {str(m.home)!r}, 'checkin', '--all'])\n"
        "assert rc == 0, rc\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('rich', 'icalendar', 'json')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"MILIA_NOW": "2026-11-23", "PATH": "/usr/bin:/bin"}, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
