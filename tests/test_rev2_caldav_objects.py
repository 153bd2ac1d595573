"""The pure part of `milia sync caldav` (issue 16): which objects a sync creates, updates,
deletes or leaves alone, and how a sync that died mid-way is reconciled. No server needed."""

from __future__ import annotations

from datetime import date

from milia_cli.exporters.ics import plan_events
from milia_cli.exporters.tzrules import vtimezone
from milia_cli.sync.objects import href_for, operations, reconcile, wanted_objects
from milia_cli.sync.state import Remembered, SyncState, calendar_key
from tests.support.exporters import hand_plan, profile

CAL = "http://127.0.0.1:5232/ana/cal/"


def _wanted(plan, prof, first=date(2026, 11, 23)):
    events = plan_events(plan, prof, first=first, cut=False)
    return wanted_objects(events, vtimezone(prof.schedule.timezone, plan.start, plan.days[-1].date))


def _remember(wanted, sequence=10):
    return {uid: Remembered(href_for(CAL, uid), f'"{uid}"', w.digest, sequence, w.last.isoformat(),
                            summary=w.summary, first=w.first.isoformat()) for uid, w in wanted.items()}


def test_unchanged_plan_means_no_operation():
    prof = profile()
    wanted = _wanted(hand_plan(prof, 6), prof)
    ops, unchanged = operations(wanted, _remember(wanted), CAL, date(2026, 11, 23), 20)
    assert ops == [] and unchanged == len(wanted)
    again = _wanted(hand_plan(prof, 6), prof)  # rebuilt: same digests
    assert {u: w.digest for u, w in again.items()} == {u: w.digest for u, w in wanted.items()}


def test_changed_series_updates_with_a_higher_sequence_and_vanished_ones_are_deleted():
    prof = profile()
    before = _wanted(hand_plan(prof, 6), prof)
    pregnant = prof._replace(pregnancy="pregnant")
    after = _wanted(hand_plan(pregnant, 6), pregnant)
    ops, _ = operations(after, _remember(before, sequence=30), CAL, date(2026, 11, 23), 20)
    kinds = {op.kind for op in ops}
    assert kinds <= {"create", "update", "delete"} and "delete" in kinds
    assert all(op.sequence == 31 for op in ops if op.kind == "update")  # above the one remembered
    assert all(op.if_match for op in ops if op.kind in ("update", "delete"))  # only what milia wrote
    assert all(op.if_match is None for op in ops if op.kind == "create")
    assert not any("RETINOL" in op.summary for op in ops if op.kind != "delete")


def test_series_that_ended_before_from_are_the_calendars_past():
    prof = profile()
    old = _wanted(hand_plan(prof, 6), prof)
    later = date(2026, 12, 28)
    now = _wanted(hand_plan(prof, 6), prof, first=later)
    ops, unchanged = operations(now, _remember(old), CAL, later, 20)
    assert ops == []  # nothing deleted, nothing rewritten
    assert unchanged == len(old)


def test_reconcile_forgets_what_is_gone_and_adopts_what_was_in_flight():
    remembered = {
        "a@milia": Remembered("/ana/cal/a.ics", '"1"', "d1", 3, "2027-01-01"),
        "b@milia": Remembered("/ana/cal/b.ics", '"1"', "d2", 3, "2027-01-01"),
        "c@milia": Remembered("/ana/cal/c.ics", None, None, 3, "2027-01-01", pending=True),
        "d@milia": Remembered("/ana/cal/d.ics", '"1"', "d4", 3, "2027-01-01", pending=True),
    }
    listing = {"/ana/cal/a.ics": '"1"', "/ana/cal/c.ics": '"9"', "/ana/cal/d.ics": '"1"', "/ana/cal/x.ics": '"5"'}
    got = reconcile(remembered, listing)
    assert set(got) == {"a@milia", "c@milia", "d@milia"}  # b was deleted on the server: forgotten
    assert got["c@milia"].etag == '"9"' and got["c@milia"].digest is None and not got["c@milia"].pending
    assert got["d@milia"] == remembered["d@milia"]._replace(pending=False)  # its request never landed


def test_state_round_trips_private_and_atomic(tmp_path):
    state = SyncState.load(tmp_path)
    key = calendar_key("ana", "http://127.0.0.1:5232", "Skin")
    objects = {"a@milia": Remembered("/ana/cal/a.ics", '"1"', "d1", 3, "2027-01-01", summary="Zoë ·")}
    state.put(key, CAL, objects)
    state.save()
    assert (tmp_path / "caldav-sync.json").stat().st_mode & 0o777 == 0o600
    again = SyncState.load(tmp_path)
    assert again.objects(key) == objects and again.calendar_url(key) == CAL
    assert not list(tmp_path.glob(".*.tmp"))
