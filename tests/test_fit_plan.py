"""Issue 13, item 2: `plan`'s compact view. Today's row marked in plain text; the morning said
once above a week whose morning does not change; notices folded to one line each, most urgent
first, `--notices` in full, `stop` and `refer` always in full."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from conftest import BASE_PROFILE, fake_env
from milia_cli.catalogue import SHORT

TODAY = date(2026, 12, 9)  # a Wednesday in week 3
URGENCY = ["stop", "refer", "caution", "info"]


def env(columns: int | None = None, today: date = TODAY, **kw):
    return fake_env(today, vars={"COLUMNS": str(columns)} if columns else {}, **kw)


def notice_block(out: str) -> list[str]:
    return out[:out.index("Actives in CAPITALS")].splitlines()


def heads(lines: list[str]) -> list[str]:
    """The notices' "level ID" in the order shown (a notice's next lines hang two in)."""
    return [" ".join(line.split(":", 1)[0].split()[:2]) for line in lines
            if line.split(" ", 1)[0] in URGENCY]


@pytest.fixture
def ana(milia):
    milia.write_profile(BASE_PROFILE)
    return milia


# -- today marked ------------------------------------------------------------------------------
@pytest.mark.parametrize("columns", [60, 80, 120, None])
def test_todays_row_is_marked_in_plain_text(ana, columns):
    out = ana("plan", env=env(columns)).stdout
    marked = [line for line in out.splitlines() if "◀ today" in line]
    assert len(marked) == 1 and marked[0].startswith("Wed 09 Dec ◀ today"), marked
    assert "\x1b[" not in out


def test_the_mark_does_not_need_colour(ana):
    out = ana("plan", "--weeks", "3", env=env(80, tty=True, color=True)).stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "\x1b[" in out and [line for line in plain.splitlines() if "◀ today" in line][0].startswith("Wed 09 Dec")


def test_a_week_without_today_has_no_mark(ana):
    assert "◀ today" not in ana("plan", "--week", "1", env=env()).stdout
    assert "◀ today" in ana("plan", "--week", "3", env=env()).stdout


# -- the morning said once -----------------------------------------------------------------------
def test_an_unchanging_morning_is_said_once_a_week(ana):
    res = ana("plan", "--weeks", "3", env=env(120))
    days = json.loads(ana("plan", "--weeks", "3", "--json", env=env(120)).stdout)["days"]
    out = res.stdout
    mornings = [line for line in out.splitlines() if line.startswith("Morning, every day:")]
    assert mornings == ["Morning, every day: " + " · ".join(SHORT[s["step"]] for s in days[0]["am"])] * 3
    headers = [line.split() for line in out.splitlines() if line.startswith("Day ")]
    assert headers == [["Day", "Evening"]] * 3  # no morning column repeating it seven times
    assert out.count("cleanse · eye cream · moisturize · SPF 30+ · makeup") == 3


def test_a_morning_that_changes_keeps_its_column_in_that_week_only(ana):
    """A laser on the eye areas on Thursday of week 2 takes the eye cream out from that day:
    week 2 shows a Morning column, weeks 1 and 3 say their morning once."""
    res = ana("event", "add", "--kind", "laser", "--date", "2026-12-03", "--area", "under-eyes",
              "--area", "upper-eyelids", "--area", "cheeks", env=env(today=date(2026, 11, 25)))
    assert res.exit_code == 0, res.output
    out = ana("plan", "--weeks", "3", env=env(120, today=date(2026, 11, 25))).stdout
    weeks = re.split(r"\n(?=Week \d)", out)[1:]
    assert len(weeks) == 3
    assert "Morning, every day:" in weeks[0] and "Morning, every day:" in weeks[2]
    assert "Morning, every day:" not in weeks[1]
    header = [line.split() for line in weeks[1].splitlines() if line.startswith("Day ")]
    assert header == [["Day", "Morning", "Evening"]]
    rows = [line for line in weeks[1].splitlines() if line.startswith(("Wed 02 Dec", "Thu 03 Dec"))]
    assert "eye cream" in rows[0].split("makeup off")[0] and "eye cream" not in rows[1]


# -- notices -----------------------------------------------------------------------------------
@pytest.mark.parametrize("columns", [60, 80, 120, None])
def test_notices_are_folded_to_one_line_each_most_urgent_first(ana, columns):
    width = columns or 80
    res = ana("plan", env=env(columns))
    notices = json.loads(ana("plan", "--json", env=env(columns)).stdout)["notices"]
    lines = notice_block(res.stdout)
    folded = [line for line in lines if line.split(" ", 1)[0] in URGENCY]
    assert heads(lines) == [f"{n['level']} {n['id']}" for n in notices]  # one line each, nothing dropped
    assert [URGENCY.index(h.split()[0]) for h in heads(lines)] == sorted(URGENCY.index(n["level"]) for n in notices)
    assert not any(line.startswith("  ") for line in lines)  # no notice runs on
    assert all(len(line) <= width for line in folded)
    for line, n in zip(folded, notices, strict=False):
        full = f"{n['level']} {n['id']}: {n['text']}"
        assert line == full or (line.endswith("…") and full.startswith(line[:-1].rstrip(",;:—–")))
    assert any(line.endswith("…") for line in folded)  # at least one was long enough to fold
    assert "`milia plan --notices`" in res.stdout


def test_notices_flag_shows_every_notice_in_full(ana):
    res = ana("plan", "--notices", env=env(60))
    notices = json.loads(ana("plan", "--json", env=env(60)).stdout)["notices"]
    text = " ".join(" ".join(notice_block(res.stdout)).split())
    for n in notices:
        assert " ".join(f"{n['level']} {n['id']}: {n['text']}".split()) in text
    assert "…" not in text and "--notices" not in text


def test_a_stop_notice_is_always_in_full_and_first(ana):
    res = ana("checkin", "--date", "2026-12-08", "--irritation", "3", "--done", "am:cleanse", env=env())
    assert res.exit_code == 0, res.output
    out = ana("plan", env=env(60)).stdout
    notices = json.loads(ana("plan", "--json", env=env(60)).stdout)["notices"]
    stop = [n for n in notices if n["level"] == "stop"]
    assert stop and heads(notice_block(out))[0] == f"stop {stop[0]['id']}"
    block = " ".join(" ".join(notice_block(out)).split())
    for n in stop:
        assert " ".join(f"stop {n['id']}: {n['text']}".split()) in block
    assert any(line.startswith("  ") for line in notice_block(out))  # it needed more than one line


def test_a_refer_notice_is_always_in_full(milia):
    milia.write_profile(BASE_PROFILE.replace("isotretinoin_recent = false", "isotretinoin_recent = true"))
    out = milia("plan", env=env(60)).stdout
    notices = json.loads(milia("plan", "--json", env=env(60)).stdout)["notices"]
    refer = [n for n in notices if n["level"] == "refer"]
    assert refer
    block = " ".join(" ".join(notice_block(out)).split())
    for n in refer:
        assert " ".join(f"refer {n['id']}: {n['text']}".split()) in block
    assert heads(notice_block(out))[:len(refer)] == [f"refer {n['id']}" for n in refer]
    folded = [n for n in notices if n["level"] not in ("stop", "refer")]
    assert folded and len([line for line in notice_block(out) if line.startswith(("caution ", "info "))]) == len(folded)


def test_notices_flag_is_documented(ana):
    res = ana("plan", "--help", env=env(120))
    assert "--notices" in res.stdout


def test_json_is_unchanged_by_the_flag(ana):
    assert ana("plan", "--json", env=env()).stdout == ana("plan", "--json", "--notices", env=env()).stdout
