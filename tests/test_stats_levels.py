"""`milia stats` level history: the terminal shows the level in effect when the window starts and
the changes after it (with a count of the earlier ones); `--json` keeps every change."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import fake_env
from milia_cli.stats import LevelChange, levels_in_window
from tests.support.examples import examples

START = date(2026, 11, 23)  # BASE_PROFILE's start, a Monday
TODAY = START + timedelta(days=38)  # 2026-12-31, week 6
# Five calm weeks give (BASE_PROFILE, combination skin):
#   retinol   week 1 (11-23) 2/week, week 3 (12-07) 3/week, week 5 (12-21) 4/week
#   exfoliate week 4 (12-14) 1/week (revision 2, B11: one change a week, so it waits for retinol's
#   week-3 step; the combined cap of 5 evenings keeps it at 1 beside retinol's 4)
# so a 21-day window (from 12-11) starts inside retinol's week-3 level and before exfoliate's first one.


@pytest.fixture
def calm(milia, tmp_path):
    milia.write_profile()
    doc = {"schema": "milia.log/1", "profile": "default", "events": [],
           "checkins": [{"date": (START + timedelta(days=i)).isoformat(), "done": "all", "irritation": 0}
                        for i in range((TODAY - START).days + 1)]}
    path = tmp_path / "calm.json"
    path.write_text(json.dumps(doc))
    res = milia("log", "import", str(path), today=TODAY)
    assert res.exit_code == 0, res.output
    return milia


def wide():
    """A 120-column terminal: each change on one line (narrower, they wrap: tests/test_fit_*.py)."""
    return fake_env(TODAY, vars={"COLUMNS": "120"})


def levels_section(out: str) -> list[str]:
    return out[out.index("Levels (evenings a week)"):].splitlines()[1:]


def test_text_shows_the_level_in_effect_then_later_changes_and_counts_earlier_ones(calm) -> None:
    res = calm("stats", "--days", "21", env=wide())
    assert res.exit_code == 0, res.output
    assert levels_section(res.stdout) == [
        "exfoliate: week 4 (2026-12-14): 1/week — the acid joins on nights without retinol [C2, C4]",
        "retinol: week 3 (2026-12-07): 3/week — two tolerated weeks at 2 a week: one more [B4]",
        "         week 5 (2026-12-21): 4/week — two tolerated weeks at 3 a week: one more [B4]",
        "         1 earlier change (2026-11-23) not shown: --days N widens the window, --json lists every change",
    ]


def test_a_narrow_window_shows_only_the_current_levels(calm) -> None:
    out = calm("stats", "--days", "3", env=wide()).stdout
    assert levels_section(out) == [
        "exfoliate: week 4 (2026-12-14): 1/week — the acid joins on nights without retinol [C2, C4]",
        "retinol: week 5 (2026-12-21): 4/week — two tolerated weeks at 3 a week: one more [B4]",
        "         2 earlier changes (2026-11-23 on) not shown: --days N widens the window, --json lists every change",
    ]
    assert "week 1 (2026-11-23)" not in out and "week 3 (2026-12-07)" not in out


def test_a_window_from_the_start_shows_every_change(calm) -> None:
    out = calm("stats", "--days", "84", env=wide()).stdout
    lines = levels_section(out)
    assert "retinol: week 1 (2026-11-23): 2/week" in lines
    assert len(lines) == 4 and "not shown" not in out


def test_json_lists_every_change_whatever_the_window(calm) -> None:
    wide = json.loads(calm("stats", "--json", "--days", "84", today=TODAY).stdout)["levels"]
    narrow = json.loads(calm("stats", "--json", "--days", "3", today=TODAY).stdout)["levels"]
    assert narrow == wide
    assert [(c["week"], c["from"], c["per_week"]) for c in narrow["retinol"]] == [
        (1, "2026-11-23", 2), (3, "2026-12-07", 3), (5, "2026-12-21", 4)]
    assert [(c["week"], c["per_week"], c["rules"]) for c in narrow["exfoliate"]] == [
        (4, 1, ["C2", "C4"])]


# -- the core: levels_in_window ----------------------------------------------------
def change(week: int) -> LevelChange:
    return LevelChange(week, START + timedelta(weeks=week - 1), week % 4)


@settings(max_examples=examples(150), deadline=None)
@given(weeks=st.lists(st.integers(1, 60), unique=True, max_size=12).map(sorted), offset=st.integers(-10, 450))
def test_levels_in_window_keeps_the_level_in_effect_and_everything_after(weeks: list[int], offset: int) -> None:
    changes = tuple(change(w) for w in weeks)
    first = START + timedelta(days=offset)
    earlier, shown = levels_in_window(changes, first)
    assert changes[:earlier] + shown == changes  # nothing lost, order kept
    in_effect = [c for c in changes if c.start <= first]
    if in_effect:
        assert shown[0] == in_effect[-1]  # the level in effect on the first day leads
        assert earlier == len(in_effect) - 1
    else:
        assert earlier == 0
    assert all(c.start > first for c in shown[1:])
