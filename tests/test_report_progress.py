"""Issue 17, item 2: `milia report`, a client's progress report with charts.

The expected figures are derived here from the log and the plan directly (grouping the
check-ins by plan week by hand), never through milia_cli.report, and compared with the
numbers pygal plotted (each point's ``<desc class="value">``) and with the JSON.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest

from milia_cli.exporters.report_html import export_report_html
from milia_cli.logmodel import Log
from milia_cli.planner import build_plan
from milia_cli.report import report_for
from tests.conftest import BASE_PROFILE, REPO
from tests.support.report import BASE, START, TODAY_OFFSET, on, the_log

SCHEMA = json.loads((REPO / "milia_cli" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def figure(html: str, key: str) -> str:
    start = html.index(f'<figure class="chart" id="{key}"')
    return html[start:html.index("</figure>", start)]


def plotted(html: str, key: str) -> list[list[float]]:
    """The values pygal drew for each series of the chart ``key``, in order."""
    svg = figure(html, key)
    marks = list(re.finditer(r'<g class="series serie-(\d+) color-\d+">', svg))
    series: dict[int, list[float]] = {}
    for mark, after in zip(marks, marks[1:] + [None], strict=False):
        chunk = svg[mark.end():after.start() if after else len(svg)]
        values = series.setdefault(int(mark[1]), [])  # a line chart draws a series twice: line, dots
        values += [float(v) for v in re.findall(r'<desc class="value">([^<]*)</desc>', chunk)]
    return [series[i] for i in sorted(series)]


def week_of(day: date) -> int:
    return (day - START).days // 7 + 1


@pytest.fixture(scope="module")
def made():
    log, today = the_log(), on(TODAY_OFFSET)
    report = report_for(BASE, log, today, 12)
    return log, today, report, export_report_html(report)


def test_bump_chart_is_the_logged_counts(made):
    log, today, report, html = made
    expected = [c.count for c in log.checkins if c.count is not None and c.date <= today]
    assert len(expected) >= 6
    assert plotted(html, "bumps")[0] == expected
    assert [b["count"] for b in report.to_dict()["bumps"]] == expected


def test_irritation_chart_is_each_weeks_highest_logged_irritation(made):
    log, today, report, html = made
    highest: dict[int, int] = {}
    for c in log.checkins:
        if c.irritation is not None:
            highest[week_of(c.date)] = max(highest.get(week_of(c.date), 0), c.irritation)
    weeks = range(1, week_of(today) + 1)
    expected = [highest.get(w) for w in weeks]
    assert expected[3] == 2 and expected[6] == 3  # the log's own episodes
    planned, done, irritation = plotted(html, "irritation")
    assert irritation == [float(v) for v in expected if v is not None]
    assert [w["max_irritation"] for w in report.to_dict()["weeks"]] == expected


def test_active_evenings_are_the_plans_and_the_done_ones_the_log_checked(made):
    log, today, report, html = made
    plan = build_plan(BASE, log, weeks=week_of(today), today=today)
    planned_by_week, done_by_week = {}, {}
    for day in plan.days:
        if day.date > today:
            continue
        for step in (s for s in day.steps if s.active):
            w = week_of(day.date)
            planned_by_week[w] = planned_by_week.get(w, 0) + 1
            c = log.on(day.date)
            if c is not None and (c.all_done and step.id not in c.skipped or step.id in c.done):
                done_by_week[w] = done_by_week.get(w, 0) + 1
    weeks = range(1, week_of(today) + 1)
    planned, done, _ = plotted(html, "irritation")
    assert planned == [float(planned_by_week.get(w, 0)) for w in weeks]
    assert done == [float(done_by_week.get(w, 0)) for w in weeks]  # every week has a check-in here
    assert sum(planned) > 0 and 0 < sum(done) < sum(planned)


def test_adherence_calendar_shows_logged_days_only(made):
    log, today, report, html = made
    (values_per_week) = plotted(html, "adherence")
    logged_per_week = {}
    for c in log.checkins:
        logged_per_week[week_of(c.date)] = logged_per_week.get(week_of(c.date), 0) + 1
    # a dot per check-in, none for a day without one (blank, not zero)
    assert [len(v) for v in values_per_week] == [logged_per_week.get(w, 0) for w in range(1, week_of(today) + 1)]
    partial = [v for vs in values_per_week for v in vs if v < 100]
    assert partial  # the days with only the cleanser ticked are not 100 %


def test_ladder_shows_the_stop_and_the_restart(made):
    log, today, report, html = made
    data = report.to_dict()
    kinds = [(c["active"], c["kind"]) for c in data["ladder"]["changes"]]
    assert ("retinol", "start") in kinds and ("retinol", "up") in kinds
    assert any(k in ("down", "stop") for _, k in kinds)
    retinol = data["ladder"]["evenings"]["retinol"]
    stop_week = week_of(on(45))
    assert retinol[stop_week] == 0  # the week after irritation 3: nothing
    assert retinol[-1] > 0 or retinol[-2] > 0  # back after `resume`
    series = plotted(html, "ladder")
    assert sum(series[list(report.ladder).index("retinol")]) == sum(retinol)


def test_procedures_and_resume_are_on_the_timeline(made):
    log, today, report, html = made
    items = [(t["date"], t["kind"], t["planned"]) for t in report.to_dict()["timeline"]]
    assert items == [(on(30).isoformat(), "laser", False), (on(52).isoformat(), "resume", False),
                     (on(70).isoformat(), "extraction", True)]
    assert (on(30) + timedelta(days=13)).strftime("%d %b %Y") in html  # E2's 14 days, the last one


def test_json_validates_and_every_chart_has_a_text_equivalent(made):
    log, today, report, html = made
    jsonschema.validate(report.to_dict(), SCHEMA)
    for key in ("bumps", "irritation", "adherence", "ladder"):
        fig = figure(html, key)
        assert "<figcaption" in fig and "<table" in fig and 'role="img"' in fig
        assert f'aria-labelledby="{key}-caption"' in fig
    assert "<script" not in html and not re.search(r"https?:|@import|url\(", html)
    assert '<html lang="en">' in html


def test_not_started_and_no_check_ins_are_said_not_drawn_flat():
    empty = report_for(BASE, Log(), on(20), 12)
    html = export_report_html(empty)
    assert "not on this machine" in html
    assert plotted(html, "irritation")[1] == []  # no "done" bars for weeks without a check-in
    jsonschema.validate(empty.to_dict(), SCHEMA)
    before = report_for(BASE, Log(), START - timedelta(days=3), 12)
    assert before.week_last == 0 and "starts on" in export_report_html(before)
    jsonschema.validate(before.to_dict(), SCHEMA)


# -- through the CLI ---------------------------------------------------------------------------
def test_cli_report_html_json_and_weeks(milia, tmp_path):
    milia.write_profile()
    for i in range(0, 20):
        args = ["checkin", "--date", on(i).isoformat(), "--all", "--irritation", "0"]
        if i % 7 == 0:
            args += ["--count", str(10 - i // 7)]
        assert milia(*args, today=on(20)).exit_code == 0
    res = milia("report", today=on(20))
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("<!DOCTYPE html>") and plotted(res.stdout, "bumps")[0] == [10.0, 9.0, 8.0]
    res = milia("report", "--json", "--weeks", "2", today=on(20))
    data = json.loads(res.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["window"]["week_first"] == 2 and data["window"]["week_last"] == 3
    assert [b["count"] for b in data["bumps"]] == [9, 8]
    bad = milia("report", "--weeks", "0", today=on(20))
    assert bad.exit_code != 0 and "--weeks" in bad.stderr and "Traceback" not in bad.output


def test_report_output_is_protected_like_every_export(milia, home, tmp_path):
    milia.write_profile()
    assert milia("checkin", "--date", on(1).isoformat(), "--all", today=on(3)).exit_code == 0
    db = next(p for p in home.rglob("*.db"))
    before = db.read_bytes()
    refused = milia("report", "-o", str(db), "--force", today=on(3))
    assert refused.exit_code != 0 and db.read_bytes() == before and "Traceback" not in refused.output
    notes = tmp_path / "notes.html"
    notes.write_text("my notes", encoding="utf-8")
    res = milia("report", "-o", str(notes), today=on(3))
    assert res.exit_code != 0 and "--force" in res.stderr and notes.read_text(encoding="utf-8") == "my notes"
    target = tmp_path / "ana-report.html"
    assert milia("report", "-o", str(target), today=on(3)).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    again = milia("report", "-o", str(target), today=on(4))  # its own earlier report: replaced
    assert again.exit_code == 0, again.output
    other = milia("report", "--json", "-o", str(target), today=on(4))  # a report's JSON is not its HTML
    assert other.exit_code != 0
    assert milia("report", "-o", str(notes), "--force", today=on(3)).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("select 1")


def test_batch_format_report(milia, tmp_path):
    clients = tmp_path / "clients"
    clients.mkdir()
    (clients / "ana.toml").write_text(BASE_PROFILE, encoding="utf-8")
    res = milia("batch", str(clients), "--format", "report", "-o", str(tmp_path / "out"), today=on(20))
    assert res.exit_code == 0, res.output
    html = (tmp_path / "out" / "ana.report.html").read_text(encoding="utf-8")
    assert "Progress report for ana" in html and "not on this machine" in html
    assert (tmp_path / "out" / "ana.report.html").stat().st_mode & 0o777 == 0o600


def test_pygal_is_not_imported_by_the_daily_commands():
    from tests.support.imports import imported_modules

    names = imported_modules("--version")
    assert not any(n.split(".")[0] == "pygal" or n.startswith("milia_cli.report") for n in names)
    assert "milia_cli.report" not in Path(REPO / "milia_cli" / "cli" / "app.py").read_text().split("COMMAND_MODULES")[0]
