"""Issue 17, item 4: a handout a clinic can hand out.

Each finding of the issue, reproduced: CLI and source wording ("log with `milia checkin`",
"an esthetician in S2", "(S3)"), referral and stop notices at the very end, a grid of
"routine only" cells for a client without actives, a forced page break that left a page with
only the legend, a grid that overlapped at 390 px, and past weeks shown as flat levels on a
machine without the client's check-ins. (The browser itself is in test_report_browser.py.)
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BASE_PROFILE, REPO
from milia_cli.exporters.html import export_html
from milia_cli.exporters.markdown import export_markdown
from milia_cli.exporters.reader_words import for_reader, held_weeks, week_runs
from milia_cli.logmodel import EMPTY_LOG, CheckIn, Event, Log, ProfileChange
from milia_cli.messages import plan as plan_msg
from milia_cli.messages import report as rmsg
from milia_cli.messages.common import weeks_text
from milia_cli.planner import build_plan
from milia_cli.profile import parse_profile
from milia_cli.rules import RULES

BASE = parse_profile(BASE_PROFILE.encode(), "test")
START = BASE.schedule.start  # Monday 2026-11-23
PROFILE_FILES = sorted((REPO / "profiles").glob("*.toml"))

# what a client must never read: a command line, a rule id, a seed's short name
COMMAND = re.compile(r"`|\bmilia (?:checkin|resume|profile|stats|why|event|plan|today|triage|export|log)\b")
RULE_ID = re.compile(r"\b[A-EN]\d{1,2}\b")
SEED_ID = re.compile(r"\bS[0-3]\b")


def on(offset: int) -> date:
    return START + timedelta(days=offset)


def calm(days: int, **special: int) -> tuple[CheckIn, ...]:
    marks = {int(k[1:]): v for k, v in special.items()}
    return tuple(CheckIn(on(i), irritation=marks.get(i, 0), all_done=True) for i in range(days))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def wording_problems(text: str) -> list[str]:
    return [m[0] for pattern in (COMMAND, RULE_ID, SEED_ID) for m in pattern.finditer(text)]


# -- people's words ----------------------------------------------------------------------------
@pytest.mark.parametrize("rule_id", sorted(r for r in RULES))
def test_every_rule_reads_in_a_readers_words(rule_id):
    text = for_reader(RULES[rule_id].notice().text)
    assert wording_problems(text) == [], text
    assert text == for_reader(text)  # idempotent: a handout may pass a text twice


def test_the_planners_templates_read_in_a_readers_words():
    samples = {
        plan_msg.HELD_UNLOGGED.format(weeks="1, 2, 3"),
        plan_msg.B7_STOPPED.format(day="Tue 1 Dec 2026"),
        plan_msg.REASON_STOPPED.format(day="1 Dec"),
        plan_msg.REASON_RESUMED,
        plan_msg.A9_TEXT,
        plan_msg.EXPOSURE_PLANNED.format(dates="1 Dec"),
        plan_msg.FUTURE_BIRTH.format(year=2090) + RULES["A8"].action,
    }
    for text in samples:
        assert wording_problems(for_reader(text)) == [], for_reader(text)


def test_sources_are_named_as_a_reader_would():
    c6 = for_reader(RULES["C6"].notice().text)
    assert "an esthetician quoted in Women's Health" in c6 and "S2" not in c6
    d4 = for_reader(RULES["D4"].notice().text)
    assert "(S3)" not in d4 and "esthetician quoted in a beauty magazine" in d4
    assert "an article in Women's Health suggests" in for_reader(RULES["C1"].notice().text)


def test_held_weeks_are_read_back_from_the_planners_own_template():
    text = plan_msg.HELD_UNLOGGED.format(weeks=weeks_text([1, 2, 3, 6]))  # as plan_notices says it
    assert held_weeks(text) == (1, 2, 3, 6)
    assert held_weeks(plan_msg.HELD_UNLOGGED.format(weeks=weeks_text([4]))) == (4,)
    assert held_weeks("No check-ins at all.") is None
    assert week_runs((1, 2, 3, 6)) == "weeks 1–3, week 6"
    said = for_reader(text)
    assert "not on this machine" in said and "weeks 1–3, week 6" in said and "`" not in said


def _episodes_log() -> Log:
    """Irritation 2 in week 3, 3 in week 6 with picking, a resume, an eyelid laser, a pregnancy."""
    checkins = list(calm(60, d17=2, d38=3))
    checkins[38] = checkins[38]._replace(picked=True)
    events = (Event(on(45), "resume", seen_clinician=True), Event(on(50), "laser", ("upper-eyelids",)))
    changes = (ProfileChange(on(56), "pregnancy", "none", "pregnant"),)
    return Log(tuple(checkins), events, changes)


def _handouts():
    for path in PROFILE_FILES:
        prof = parse_profile(path.read_bytes(), path.name)
        yield path.stem, prof, build_plan(prof, EMPTY_LOG, weeks=12, today=prof.schedule.start + timedelta(days=30))
    pregnant_later = BASE._replace(pregnancy="pregnant")
    yield "episodes", pregnant_later, build_plan(pregnant_later, _episodes_log(), weeks=12, today=on(60))
    yield "calm", BASE, build_plan(BASE, Log(calm(84)), weeks=12, today=on(84))


@pytest.mark.parametrize("name,prof,plan", list(_handouts()), ids=lambda v: v if isinstance(v, str) else "")
def test_no_handout_reads_cli_rule_or_source_wording(name, prof, plan):
    html_text = visible_text(export_html(plan, prof))
    md = export_markdown(plan, prof)
    assert wording_problems(html_text) == [], name
    assert wording_problems(md.replace("\\", "")) == [], name


def test_the_cli_wording_the_issue_quotes_is_gone_from_the_handout():
    plan = build_plan(BASE, EMPTY_LOG, weeks=12, today=on(20))  # weeks 1-2 past, nothing logged here
    assert any("`milia checkin`" in n.text for n in plan.notices)  # the plan itself keeps its CLI words
    html = export_html(plan, BASE)
    for quoted in ("milia checkin", "an esthetician in S2", "(S3)", "(S2)"):
        assert quoted not in html


# -- what needs a clinician first ------------------------------------------------------------
def _first_and_rest(html: str) -> tuple[str, str]:
    schedule = html.index("Your week-by-week schedule")
    return html[:schedule], html[schedule:]


@pytest.mark.parametrize("path", PROFILE_FILES, ids=lambda p: p.stem)
def test_stop_refer_and_urgent_notices_come_before_the_schedule(path):
    prof = parse_profile(path.read_bytes(), path.name)
    plan = build_plan(prof, EMPTY_LOG, weeks=12, today=prof.schedule.start)
    top, rest = _first_and_rest(export_html(plan, prof))
    md_top, md_rest = _first_and_rest(export_markdown(plan, prof))
    for notice in plan.notices:
        words = for_reader(notice.text)
        first = notice.level in ("stop", "refer") or notice.id in ("N4", "B7")
        assert (words in visible_text(top)) == first, (notice.id, notice.level)
        assert (words in visible_text(rest)) != first, notice.id
        assert (words in md_top.replace("\\", "")) == first, notice.id


def test_a_b7_stop_opens_the_handout():
    log = Log(calm(16, d15=3))
    plan = build_plan(BASE, log, weeks=6, today=on(16))
    stop = [n for n in plan.notices if n.level == "stop"]
    assert stop
    top, _ = _first_and_rest(export_html(plan, BASE))
    assert rmsg.DOC_FIRST in top and for_reader(stop[0].text) in visible_text(top)


# -- no empty grids ----------------------------------------------------------------------------
def test_a_client_without_actives_gets_no_grid_of_routine_only_cells():
    prof = parse_profile((REPO / "profiles" / "chloe-breastfeeding.toml").read_bytes(), "chloe.toml")
    plan = build_plan(prof, EMPTY_LOG, weeks=12, today=prof.schedule.start)
    assert not any(s.active for d in plan.days for s in d.steps)
    html = export_html(plan, prof)
    assert '<table class="grid"' not in html and "routine only" not in html
    assert rmsg.DOC_NO_GRID in html
    md = export_markdown(plan, prof)
    assert "| Mon |" not in md and "| **Week" not in md and rmsg.DOC_NO_GRID in md


def test_a_week_with_only_the_routine_is_one_line_not_seven_empty_cells():
    log = Log(calm(16, d15=3))  # B7 on day 15: no actives after, no `resume`
    plan = build_plan(BASE, log, weeks=6, today=on(16))
    quiet = [w for w in range(1, 7) if not any(s.active for d in plan.week(w) for s in d.steps)]
    assert quiet  # the weeks after the stop
    html = export_html(plan, BASE)
    assert html.count('class="rest-week"') == len(quiet)
    assert html.count('<span class="rest">') == sum(
        1 for w in range(1, 7) if w not in quiet for d in plan.week(w) if not any(s.active for s in d.steps))


# -- print layout ------------------------------------------------------------------------------
def test_no_forced_page_break_and_the_legend_stays_with_its_grid():
    plan = build_plan(BASE, EMPTY_LOG, weeks=12, today=START)
    html = export_html(plan, BASE)
    css = html[html.index("<style>"):html.index("</style>")]
    assert "break-before: page" not in css and "page-break-before: always" not in css
    assert html.index('class="legend"') < html.index('<table class="grid"')
    assert re.search(r"\.sign-section \{[^}]*break-before: avoid", css)
    assert re.search(r"footer \{[^}]*break-before: avoid", css)


def test_the_grid_reflows_on_a_phone():
    html = export_html(build_plan(BASE, EMPTY_LOG, weeks=4, today=START), BASE)
    phone = html[html.index("@media screen and (max-width: 640px)"):]
    assert re.search(r"table\.grid, table\.grid tbody, table\.grid tr, table\.grid th, table\.grid td "
                     r"\{ display: block;", phone)
    assert "table.grid thead { display: none; }" in phone
    assert '<span class="wd">Mon </span>' in html  # the weekday travels with each day


# -- past weeks without check-ins ---------------------------------------------------------------
def test_past_weeks_without_check_ins_here_are_not_shown_as_flat_levels():
    today = on(35)  # week 6; this machine has none of the client's check-ins
    plan = build_plan(BASE, EMPTY_LOG, weeks=12, today=today)
    html = export_html(plan, BASE)
    text = visible_text(html)
    assert "not on this machine" in text
    for week in range(1, 6):  # no cells for weeks 1-5 ...
        first = plan.week(week)[0].date
        assert f'<span class="wd">{first:%a} </span>{first:%d %b}' not in html
    assert 'class="unlogged"' in html and html.count('class="unlogged"') == 1  # ... one row for the five
    assert "Weeks 1–5" in text
    first_shown = plan.week(6)[0].date
    assert f'<span class="wd">{first_shown:%a} </span>{first_shown:%d %b}' in html
    assert "from week 1" not in text  # the ladder starts at the first week shown
    assert "from week 6" in text
    md = export_markdown(plan, BASE)
    assert "not on this machine" in md and "| **Week 1**" not in md and "| **Week 6**" in md


def test_with_the_check_ins_every_week_is_shown():
    plan = build_plan(BASE, Log(calm(35)), weeks=12, today=on(35))
    html = export_html(plan, BASE)
    assert "not on this machine" not in html and 'class="unlogged"' not in html
    assert "from week 1" in visible_text(html)


def test_batch_on_a_clinic_machine_says_the_check_ins_are_not_here(milia, tmp_path):
    clients = tmp_path / "clients"
    clients.mkdir()
    (clients / "ana.toml").write_text(BASE_PROFILE, encoding="utf-8")
    res = milia("batch", str(clients), "--format", "html", "-o", str(tmp_path / "out"), "--from", START.isoformat(),
                today=on(35))  # the whole plan: by default a handout starts at this week
    assert res.exit_code == 0, res.output
    html = (tmp_path / "out" / "ana.html").read_text(encoding="utf-8")
    assert "not on this machine" in html and "milia checkin" not in html
    res = milia("-f", str(clients / "ana.toml"), "export", "md", "--from", START.isoformat(), today=on(35))
    assert res.exit_code == 0, res.output
    assert "not on this machine" in res.stdout and "| **Week 1**" not in res.stdout


def test_html_declares_its_language():
    assert '<html lang="en">' in export_html(build_plan(BASE, EMPTY_LOG, weeks=1, today=START), BASE)


def test_handout_html_still_identified_as_this_profiles_export(milia, tmp_path):
    """The -o guard recognises its own handout after the changes (re-export just works)."""
    milia.write_profile()
    target = Path(tmp_path / "ana.html")
    assert milia("export", "html", "-o", str(target)).exit_code == 0
    again = milia("export", "html", "-o", str(target))
    assert again.exit_code == 0, again.output
