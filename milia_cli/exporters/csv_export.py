"""The plan as CSV: one row per step per day (``google=True``: Google Calendar's import columns)."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from milia_cli.exporters.ics import EVENT_MINUTES
from milia_cli.messages import export as msg
from milia_cli.plan import Plan
from milia_cli.profile import Profile


def export_csv(plan: Plan, profile: Profile, *, google: bool = False) -> str:
    """CSV text (RFC 4180: CRLF rows, quoted as needed), a header row first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(msg.GOOGLE_HEADER if google else msg.CSV_HEADER)
    for day in plan.days:
        for step in day.am + day.pm:
            at = profile.schedule.am if step.slot == "am" else profile.schedule.pm
            if google:
                start = datetime.combine(day.date, at)
                end = start + timedelta(minutes=EVENT_MINUTES)
                writer.writerow([
                    _safe(msg.ICS_SUMMARY.format(slot=msg.SLOT_LABEL[step.slot], title=step.title)),
                    f"{start:%m/%d/%Y}", f"{start:%I:%M %p}", f"{end:%m/%d/%Y}", f"{end:%I:%M %p}",
                    "False", _safe(_description(step)), "", "True",
                ])
            else:
                writer.writerow([
                    day.date.isoformat(), day.week, msg.WEEKDAY_SHORT[day.date.weekday()], step.slot,
                    at.strftime("%H:%M"), step.step, _safe(step.title), " ".join(step.areas),
                    " ".join(step.avoid), _safe(step.how), " ".join(step.rules),
                ])
    return buffer.getvalue()


def _description(step) -> str:
    parts = [step.how]
    if step.areas:
        parts.append(msg.ICS_APPLY.format(areas=", ".join(step.areas)))
    if step.avoid:
        parts.append(msg.ICS_AVOID.format(areas=", ".join(step.avoid)))
    return " ".join(p for p in parts if p)


def _safe(text: str) -> str:
    """Defuse spreadsheet formulas (CSV injection): a cell never starts with = + - @ or a tab."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
