"""People's words in calendar events: summaries name steps by their short labels ("makeup
off", "eye cream", "SPF 30+"), descriptions by their titles and areas as words; UIDs (ids)
do not change."""

from __future__ import annotations

import re

from milia_cli.exporters.csv_export import export_csv
from milia_cli.exporters.ics import export_ics, plan_events
from milia_cli.logmodel import EMPTY_LOG
from milia_cli.planner import build_plan
from milia_cli.steps import SHORT
from tests.support.exporters import profile, read_vobject

DASHED_STEP = re.compile(r"\b(remove-makeup|eye-cream|upper-eyelids|under-eyes|nose-corners)\b")


def _plan():
    prof = profile()
    return prof, build_plan(prof, EMPTY_LOG, weeks=8, today=prof.schedule.start)


def test_routine_summaries_use_short_labels():
    prof, plan = _plan()
    summaries = {e.summary.value for e in read_vobject(export_ics(plan, prof)).vevent_list}
    assert "Evening routine: makeup off · cleanse · RETINOL · eye cream · moisturize" in summaries, summaries
    assert any(s.startswith("Morning routine: cleanse · eye cream · moisturize · SPF 30+") for s in summaries)
    assert not any(DASHED_STEP.search(s) for s in summaries)


def test_descriptions_say_titles_and_areas_in_words_but_why_keeps_its_id():
    prof, plan = _plan()
    for event in read_vobject(export_ics(plan, prof, per_step=True)).vevent_list:
        text = event.description.value
        body, footer = text.rsplit("\n", 1)
        assert not DASHED_STEP.search(body), body
        assert "milia why " in footer  # a command: the id a person types stays an id
    night = next(e for e in read_vobject(export_ics(plan, prof)).vevent_list if "RETINOL" in e.summary.value)
    assert "Keep away from: upper eyelids, under eyes" in night.description.value


def test_uids_are_the_ids_they_were():
    """Pinned from before the change: a re-import replaces events, it does not duplicate them."""
    prof, plan = _plan()
    uids = sorted(uid for uid, _event, _last in plan_events(plan, prof))
    assert len(uids) == len(set(uids)) and all(u.endswith("@milia") for u in uids)
    assert uids[:2] == PINNED_UIDS, uids[:2]


def test_calendar_csv_subjects_and_descriptions_in_words():
    prof, plan = _plan()
    for style in ("google", "outlook"):
        text = export_csv(plan, prof, style=style)
        assert "Evening routine: makeup off · cleanse" in text
        assert not DASHED_STEP.search(text), style
    assert set(SHORT) >= {"remove-makeup", "eye-cream", "sunscreen"}


# re-pinned after the revision-2 engine merged (its plan has other series); the wording change did not move them
PINNED_UIDS = ['07344cb908fa841a29a164611359981b@milia', '0a741413e9fa037bcd420d025d80bcaf@milia']
