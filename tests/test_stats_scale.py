"""A 10-year log imports in one go and `stats` stays quick: measured and reported, never time-asserted."""

from __future__ import annotations

import json
import time
from datetime import date, timedelta

import pytest

from conftest import BASE_PROFILE

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

START = date(2016, 11, 21)
TODAY = date(2026, 11, 20)


def ten_year_log() -> dict:
    checkins = []
    for i in range((TODAY - START).days + 1):
        if i % 17 == 5:  # a few gaps
            continue
        checkins.append({"date": (START + timedelta(days=i)).isoformat(), "done": "all",
                         "irritation": (0, 0, 1, 0)[i % 4], "bumps": i % 7, "note": f"day {i}"})
    events = [{"date": (START + timedelta(days=d)).isoformat(), "kind": "extraction", "areas": ["cheeks"]}
              for d in range(100, 3600, 365)]
    return {"schema": "milia.log/1", "profile": "default", "checkins": checkins, "events": events}


def test_ten_year_log_imports_and_stats_stay_quick(milia, tmp_path, capsys) -> None:
    milia.write_profile(BASE_PROFILE.replace("start = 2026-11-23", f"start = {START.isoformat()}"))
    doc = ten_year_log()
    path = tmp_path / "ten-years.json"
    path.write_text(json.dumps(doc))
    timings = {}

    t0 = time.perf_counter()
    res = milia("log", "import", str(path), today=TODAY)
    timings["import"] = time.perf_counter() - t0
    assert res.exit_code == 0, res.output
    assert f"{len(doc['checkins'])} days added" in res.stdout

    for label, args in (("stats --json (84 days)", ("stats", "--json")),
                        ("stats --json --days 3650", ("stats", "--json", "--days", "3650")),
                        ("stats text --days 3650", ("stats", "--days", "3650")),
                        ("checkin --all", ("checkin", "--all")),
                        ("log export", ("log", "export"))):
        t0 = time.perf_counter()
        res = milia(*args, today=TODAY)
        timings[label] = time.perf_counter() - t0
        assert res.exit_code == 0, res.output

    data = json.loads(milia("stats", "--json", "--days", "36600", today=TODAY).stdout)
    assert data["days_planned"] == (TODAY - START).days + 1
    assert data["days_logged"] == len(doc["checkins"])  # today was in the file; checkin merged into it
    exported = json.loads(milia("log", "export", today=TODAY).stdout)
    assert [(c["date"], c["irritation"], c["bumps"], c["note"]) for c in exported["checkins"]] == [
        (c["date"], c["irritation"], c["bumps"], c["note"]) for c in doc["checkins"]
    ]
    with capsys.disabled():
        print(f"\n10-year log ({len(doc['checkins'])} check-ins):",
              ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.items()))
