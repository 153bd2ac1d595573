"""What a check-in's irritation and note mean at once (B6, B7, A1), and the B7 stop state.

Pure functions over the log (no I/O, no clock): ``milia checkin`` prints
:func:`checkin_answer` on stderr, ``milia resume`` asks :func:`current_stop`.
The wording of the rules themselves comes from the knowledge base
(:mod:`milia_cli.rules`); what is computed here is the dates.

A B7 stop (RULES.md B7, invariant 10) starts with a check-in at irritation 3 and lasts
until a ``resume`` event dated after the latest irritation-3 check-in.
"""

from __future__ import annotations

from datetime import date, timedelta

from milia_cli.logmodel import CheckIn, Log
from milia_cli.messages import joined
from milia_cli.messages import log as msg
from milia_cli.records import NamedTuple

ACID_PAUSE_DAYS = 7  # B6/C5: no acid for 7 days from the day irritation 2 is logged


def _words(note: str | None) -> str:
    return " " + " ".join((note or "").lower().replace("-", " ").split()) + " "


def mentions_allergy(note: str | None) -> bool:
    """Hives, swelling or blisters: a possible allergy (B7), so a clinician sees it before actives return."""
    text = _words(note)
    return any(word in text for word in msg.ALLERGY_WORDS)


def mentions_urgent(note: str | None) -> bool:
    """Swelling of the face, lips or eyelids, or hard breathing (N4, B7): care now, not in a few days."""
    text = _words(note)
    if any(word in text for word in msg.BREATHING_WORDS):
        return True
    return any(w in text for w in msg.SWELLING_WORDS) and any(p in text for p in msg.URGENT_PLACES)


class Stop(NamedTuple):
    """A B7 stop in effect: since ``since`` (the first irritation-3 check-in after the last
    resume), its check-ins, and whether they mention hives, swelling or blisters."""

    since: date
    last_severe: date
    allergy: bool


def current_stop(log: Log, on: date) -> Stop | None:
    """The B7 stop in effect on ``on`` (after that day's check-in), or None."""
    resumes = sorted(e.date for e in log.events if e.kind == "resume" and e.date <= on)
    last_resume = resumes[-1] if resumes else None
    # a resume ends only the severe check-ins before its day (`milia resume` refuses an earlier date)
    severe = [c for c in log.checkins if c.date <= on and c.irritation == 3
              and (last_resume is None or c.date >= last_resume)]
    if not severe:
        return None
    since = severe[0].date
    allergy = any(mentions_allergy(c.note) for c in log.checkins if since <= c.date <= on)
    return Stop(since=since, last_severe=severe[-1].date, allergy=allergy)


def _rule_text(rule_id: str, fallback: str) -> str:
    try:
        from milia_cli.rules import rule

        return rule(rule_id).action
    except (ImportError, KeyError):
        return fallback


def checkin_answer(checkin: CheckIn, log: Log, *, today: date) -> str | None:
    """The block ``milia checkin`` prints on stderr for ``checkin`` (already stored in ``log``):
    urgent care first, then B7 or B6, then A1; None when there is nothing to say."""
    parts: list[str] = []
    day = checkin.date
    when = msg.FROM_TONIGHT if day == today else msg.FROM_THAT_EVENING.format(date=day)
    if mentions_urgent(checkin.note):
        parts.append(msg.URGENT_BLOCK)
    if checkin.irritation == 3:
        stop = current_stop(log, max(day, today))
        lines = [msg.B7_HEAD.format(date=day, when=when),
                 msg.BULLET + _rule_text("N4", msg.SEEK_CARE_FALLBACK),
                 msg.BULLET + msg.B7_SEEK_CARE_DAYS,
                 msg.BULLET + (msg.B7_RESTART_ALLERGY if stop is not None and stop.allergy else msg.B7_RESTART)]
        parts.append(joined(*lines, sep="\n"))
    elif checkin.irritation == 2:
        stop = current_stop(log, day)  # a stop in effect on the day logged
        if stop is not None:
            parts.append(msg.B6_DURING_STOP.format(date=day, since=stop.since))
        else:
            acid_from = day + timedelta(days=ACID_PAUSE_DAYS)
            parts.append(joined(
                msg.B6_HEAD.format(date=day, when=when),
                msg.BULLET + msg.B6_NO_ACTIVES,
                msg.BULLET + msg.B6_NO_ACID.format(acid_from=acid_from, date=day),
                msg.BULLET + msg.B6_LOWER,
                sep="\n"))
    if checkin.picked:
        from milia_cli.checkin import picking_message

        parts.append(msg.A1_HEAD + "\n" + msg.BULLET + picking_message())
    return joined(*parts, sep="\n\n") if parts else None  # translated piece by piece where it is printed
