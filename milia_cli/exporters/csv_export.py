"""The plan as CSV (RFC 4180: CRLF rows, quoted as needed, UTF-8 without a BOM).

Styles (issue 16, items 4 and 6f):

- ``plain``: one row per step per day, for spreadsheets; the first column, ``id``, is
  stable for the same step on the same day (profile identity, day, slot, step), so a
  re-import into a spreadsheet or database can be de-duplicated;
- ``google``: Google Calendar's import columns;
- ``outlook``: Outlook's import columns — "Show time as" Free (``0``, Outlook's olFree),
  a reminder, categories;

the calendar styles write one row per routine (morning / evening) by default, one per
step with ``per_step=True``. A CSV import can only add events: it cannot update or
remove what an earlier import made (use ICS, a feed or `milia sync caldav`).
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from milia_cli.exporters.ics import EVENT_MINUTES, area_words, routine_summary
from milia_cli.messages import export as msg
from milia_cli.plan import Owner, Plan
from milia_cli.profile import Profile

if TYPE_CHECKING:
    from milia_cli.calendar_window import CalendarWindow

CSV_STYLES = ("plain", "google", "outlook")
# The plain CSV's columns: the step's id, the plan's columns, and the shelf's product (or empty).
PLAN_HEADER = ("id",) + msg.CSV_HEADER + ("product",)
OUTLOOK_HEADER = (
    "Subject", "Start Date", "Start Time", "End Date", "End Time", "All day event", "Reminder on/off",
    "Reminder Date", "Reminder Time", "Categories", "Description", "Location", "Private", "Show time as",
)
OUTLOOK_FREE = "0"  # Outlook's OlBusyStatus: 0 free, 1 tentative, 2 busy, 3 out of office


def export_csv(plan: Plan, profile: Profile | None = None, *, google: bool = False, style: str = "plain",
               per_step: bool = False, alarm: int = 15, identity: str | None = None) -> str:
    """CSV text, a header row first (``google=True`` is ``style="google"``). The times are the
    plan's own (``profile``: a plan built by hand, without them)."""
    owner = plan.owner(profile)
    style = "google" if google else style
    if style not in CSV_STYLES:
        raise ValueError(f"style must be one of {', '.join(CSV_STYLES)}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if style == "plain":
        _plain(writer, plan, owner, identity or owner.name)
    else:
        writer.writerow(msg.GOOGLE_HEADER if style == "google" else OUTLOOK_HEADER)
        for day, slot, steps in _events(plan, per_step):
            at = owner.schedule.am if slot == "am" else owner.schedule.pm
            start = datetime.combine(day.date, at)
            end = start + timedelta(minutes=EVENT_MINUTES)
            if len(steps) == 1 and per_step:
                subject = msg.ICS_SUMMARY.format(slot=msg.SLOT_LABEL[slot], title=steps[0].title)
            else:
                subject = routine_summary(slot, steps)
            description = " ".join(_description(s) for s in steps) if per_step else "\n".join(
                f"{s.title}: {_description(s)}" for s in steps)
            when = [f"{start:%m/%d/%Y}", f"{start:%I:%M %p}", f"{end:%m/%d/%Y}", f"{end:%I:%M %p}", "False"]
            if style == "google":
                writer.writerow([_safe(subject), *when, _safe(description), "", "True"])
            else:
                remind = start - timedelta(minutes=alarm)
                categories = ";".join([msg.ICS_CATEGORY] + ([msg.ICS_CATEGORY_ACTIVE]
                                                             if any(s.active for s in steps) else []))
                writer.writerow([_safe(subject), *when, "True", f"{remind:%m/%d/%Y}", f"{remind:%I:%M %p}",
                                 categories, _safe(description), "", "True", OUTLOOK_FREE])
    return buffer.getvalue()


def _plain(writer, plan: Plan, profile: Profile | Owner, who: str) -> None:
    writer.writerow(PLAN_HEADER)
    for day in plan.days:
        for step in day.am + day.pm:
            at = profile.schedule.am if step.slot == "am" else profile.schedule.pm
            writer.writerow([
                row_id(who, day.date, step.slot, step.step), day.date.isoformat(), day.week,
                msg.WEEKDAY_SHORT[day.date.weekday()], step.slot, at.strftime("%H:%M"), step.step,
                _safe(step.title), " ".join(step.areas), " ".join(step.avoid), _safe(step.how),
                " ".join(step.rules), _safe(step.product or ""),
            ])


def row_id(who: str, day, slot: str, step: str) -> str:
    """A stable id for one step on one day of one profile."""
    key = f"milia|{who}|{day.isoformat()}|{slot}|{step}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _events(plan: Plan, per_step: bool):
    for day in plan.days:
        for slot, steps in (("am", day.am), ("pm", day.pm)):
            if not steps:
                continue
            if per_step:
                for step in steps:
                    yield day, slot, (step,)
            else:
                yield day, slot, steps


def _description(step) -> str:
    parts = [step.how]
    if step.product:  # the person's own product (the shelf)
        from milia_cli.messages import shelf as shelf_msg

        parts.append(shelf_msg.USE_PRODUCT.format(product=step.product))
    if step.areas:
        parts.append(msg.ICS_APPLY.format(areas=area_words(step.areas)))
    if step.avoid:
        parts.append(msg.ICS_AVOID.format(areas=area_words(step.avoid)))
    return " ".join(p for p in parts if p)


def _safe(text: str) -> str:
    """Defuse spreadsheet formulas (CSV injection): a cell never starts with = + - @ or a tab."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# -- `milia export csv` (the registry's row: milia_cli.exporters.registry) ---------------------------
def check_csv(options: dict) -> dict:
    """``--google`` and another ``--csv-style`` contradict; ``--alarm`` within 0..24 h. The
    options with ``style`` saying which one (``--google`` is ``--csv-style google``)."""
    from milia_cli.errors import UsageError
    from milia_cli.exporters.ics import MAX_ALARM_MINUTES
    from milia_cli.messages import calendar as cal_msg

    style = options["style"]
    if options["google"] and style not in ("plain", "google"):
        raise UsageError(cal_msg.BAD_CSV_STYLE.format(style=style))
    if not 0 <= options["alarm"] <= MAX_ALARM_MINUTES:
        raise UsageError(msg.BAD_ALARM.format(max=MAX_ALARM_MINUTES, value=options["alarm"]))
    return {**options, "style": "google" if options["google"] else style}


def render_csv(window: CalendarWindow, *, google: bool = False, style: str = "plain", per_step: bool = False,
               alarm: int = 15) -> str:
    """The CSV of a calendar window's days (row ids from its identity)."""
    from milia_cli.calendar_window import shown_days

    return export_csv(shown_days(window), google=google, style=style, per_step=per_step, alarm=alarm,
                      identity=window.identity)
