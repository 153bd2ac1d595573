"""Issue 13, item 2: `today`, `plan` and `stats` lay out to the width (COLUMNS, the terminal's
size, 80 when piped): no line longer than it, none ending in spaces, no word broken, "10 %"
never split. Through the CLI, at 60, 80 and 120 columns and piped."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from conftest import BASE_PROFILE, fake_env

START = date(2026, 11, 23)
TODAY = date(2026, 12, 9)  # week 3: retinol and the acid's first week
WIDTHS = [60, 80, 120, None]  # None: piped without COLUMNS (80)
SPLIT_UNIT = re.compile(r"\d\n\s*[%×]|SPF\n")


def env(columns: int | None, today: date = TODAY, **kw):
    return fake_env(today, vars={"COLUMNS": str(columns)} if columns else {}, **kw)


def flat(text: str) -> str:
    """Whitespace folded: a text wrapped only between words reads the same as the original."""
    return " ".join(text.split())


def assert_fits(out: str, width: int) -> None:
    assert out.strip(), "no output"
    for line in out.split("\n"):
        assert line == line.rstrip(), f"trailing spaces: {line!r}"
        assert len(line) <= width or len(line.split()) == 1, f"{len(line)} > {width}: {line!r}"
    assert not SPLIT_UNIT.search(out), "a number and its unit split across lines"


@pytest.fixture
def ana(milia, tmp_path):
    """Three weeks of check-ins, a bump count and one irritation, so there are level changes."""
    milia.write_profile(BASE_PROFILE)
    checkins = [{"date": (START + timedelta(days=i)).isoformat(), "done": "all", "irritation": 0, "count": 6}
                for i in range((TODAY - START).days)]
    checkins[10]["irritation"] = 1
    doc = {"schema": "milia.log/1", "profile": "default", "events": [], "checkins": checkins}
    path = tmp_path / "log.json"
    path.write_text(json.dumps(doc))
    res = milia("log", "import", str(path), today=TODAY)
    assert res.exit_code == 0, res.output
    return milia


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("argv", [["today"], ["plan", "--weeks", "4"], ["plan", "--weeks", "4", "--notices"],
                                  ["stats"], ["stats", "--days", "17"]])
def test_output_fits_the_width_without_trailing_spaces(ana, argv, columns):
    res = ana(*argv, env=env(columns))
    assert res.exit_code == 0, res.output
    assert_fits(res.stdout, columns or 80)


@pytest.mark.parametrize("columns", [40, 47, 53, 60, 66, 71, 80, 93, 120])
def test_no_notice_word_is_broken_and_units_stay_whole(ana, columns):
    """Every notice, in full, reads back as the planner wrote it (a word split or broken at a
    hyphen would not), and "10 %" / "SPF 30+" never end one line and start the next."""
    res = ana("plan", "--weeks", "4", "--notices", env=env(columns))
    notices = json.loads(ana("plan", "--weeks", "4", "--json", env=env(columns)).stdout)["notices"]
    assert any("10 %" in n["text"] for n in notices)  # C1: the split issue 13 saw
    head = res.stdout[:res.stdout.index("Actives in CAPITALS")]
    blocks: list[str] = []
    for line in head.splitlines():
        if line.startswith("  "):
            blocks[-1] += " " + line
        else:
            blocks.append(line)
    assert [flat(b) for b in blocks] == [flat(f"{n['level']} {n['id']}: {n['text']}") for n in notices]
    assert_fits(res.stdout, columns)


@pytest.mark.parametrize("columns", [60, 80, 120, None])
def test_today_reads_back_word_for_word(ana, columns):
    res = ana("today", env=env(columns))
    view = json.loads(ana("today", "--json", env=env(columns)).stdout)
    out = flat(res.stdout)
    for step in view["am"] + view["pm"]:
        assert flat(step["title"]) in out
        if step["active"]:
            assert flat(step["how"]) in out
    for n in view["notices"]:
        assert flat(f"{n['level']} {n['id']}: {n['text']}") in out
    assert_fits(res.stdout, columns or 80)


def test_today_follows_the_width_not_a_fixed_80(ana):
    """The same text, laid out to 60 and to 120: more lines at 60, and lines past 80 at 120."""
    narrow = ana("today", env=env(60)).stdout.splitlines()
    wide = ana("today", env=env(120)).stdout.splitlines()
    assert len(narrow) > len(wide)
    assert max(len(line) for line in wide) > 80 and max(len(line) for line in narrow) <= 60


@pytest.mark.parametrize("columns", [60, 80, 120, None])
def test_plan_rows_break_only_between_step_labels(ana, columns):
    """Each day's evening reads back label by label: a cell's line ends at " ·" when it goes on
    ("eye cream" is never split over two lines), and the labels are the plan's."""
    from milia_cli.catalogue import SHORT

    res = ana("plan", "--weeks", "4", env=env(columns))
    days = json.loads(ana("plan", "--weeks", "4", "--json", env=env(columns)).stdout)["days"]
    cells: list[list[str]] = []
    column = None
    for line in res.stdout.splitlines():
        if line.startswith("Day ") and "Evening" in line:
            column = line.index("Evening")
            continue
        if column is None or not line.strip() or line.startswith(("Week ", "─", "Morning")):
            column = None if line.startswith("Week ") else column
            continue
        if re.match(r"[A-Z][a-z]{2} \d\d [A-Z][a-z]{2}", line):
            cells.append([line[column:]])
        elif line.startswith(" " * column):
            cells[-1].append(line[column:])
    assert len(cells) == len(days)
    for day, pieces in zip(days, cells, strict=False):
        assert all(p.endswith(" ·") for p in pieces[:-1]) and not pieces[-1].endswith("·"), pieces
        assert " ".join(pieces).split(" · ") == [SHORT[s["step"]] for s in day["pm"]]
    assert_fits(res.stdout, columns or 80)


@pytest.mark.parametrize("columns", [60, 80, 120, None])
def test_stats_level_lines_fit_and_read_back(ana, columns):
    """Issue 13 saw level lines of 156 characters: each change now wraps, hanging under its own
    first line, and reads back word for word."""
    res = ana("stats", "--days", "17", env=env(columns))
    levels = json.loads(ana("stats", "--json", "--days", "17", env=env(columns)).stdout)["levels"]
    section = res.stdout[res.stdout.index("Levels (evenings a week)"):]
    out = flat(section)
    changed = [c for changes in levels.values() for c in changes if c["reason"]]
    assert changed
    for c in changed:
        line = f"week {c['week']} ({c['from']}): {c['per_week']}/week — {c['reason']} [{', '.join(c['rules'])}]"
        assert flat(line) in out
    assert_fits(res.stdout, columns or 80)


def test_stats_sparkline_fits_a_long_window(ana):
    """A window longer than the room shows one bar per week, the last weeks that fit, and says so."""
    res = ana("stats", "--days", "900", env=env(60, today=TODAY))
    assert res.exit_code == 0, res.output
    assert_fits(res.stdout, 60)
    irritation = [line for line in res.stdout.splitlines() if line.startswith("Irritation (0–3)")]
    assert len(irritation) == 1 and len(irritation[0]) <= 60


@pytest.mark.parametrize("argv", [["today"], ["plan", "--weeks", "2"], ["stats"]])
def test_colour_on_a_terminal_still_fits(ana, argv):
    res = ana(*argv, env=env(60, tty=True, color=True))
    assert res.exit_code == 0 and "\x1b[" in res.stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", res.stdout)
    assert max(len(line) for line in plain.splitlines()) <= 60


# -- the width itself -----------------------------------------------------------------------
def test_width_comes_from_columns_then_the_terminal_then_80():
    import io

    from milia_cli.env import Environment

    assert Environment(vars={"COLUMNS": "61"}).width == 61
    assert Environment(vars={"COLUMNS": "61"}, stdout_isatty=True, stdout=io.StringIO()).width == 61
    for bad in ("", "0", "-5", "wide", "6.5"):
        assert Environment(vars={"COLUMNS": bad}).width == 80
    assert Environment(vars={"COLUMNS": "99999999"}).width == 1000
    assert Environment(stdout=io.StringIO(), stdout_isatty=True).width == 80  # no size to ask: 80
    assert Environment(vars={"COLUMNS": "61"}, width=90).width == 90


def test_width_of_a_real_terminal():
    import fcntl
    import os
    import struct
    import termios

    from milia_cli.env import Environment

    leader, follower = os.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 97, 0, 0))
        with os.fdopen(follower, "w", closefd=False) as tty:
            assert Environment(stdout=tty, stdout_isatty=True).width == 97
            assert Environment(stdout=tty, stdout_isatty=False).width == 80  # piped: not asked
    finally:
        os.close(leader)
        os.close(follower)
