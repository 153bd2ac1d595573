"""The interactive check-in's answers, without I/O: what is due, how each typed answer is
read (or why it is refused), and the one-line confirmation. ``cli/checkin_ask.py`` asks.

Every parser returns the value or raises :class:`BadAnswer` with the sentence to show, so
the prompt can say at once why it asks again ("3 is not yes or no: answer y or n").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from milia_cli.messages import log as msg

if TYPE_CHECKING:
    from milia_cli.logmodel import CheckIn
    from milia_cli.plan import Day, Step

YES = ("y", "yes")
NO = ("n", "no")
IRRITATION_WORDS = {"none": 0, "mild": 1, "moderate": 2, "severe": 3}
PM_DUE_BEFORE = timedelta(hours=3)  # evening steps come due this long before schedule.pm
_NUMBER = re.compile(r"(s?)(\d+)")


class BadAnswer(ValueError):
    """An answer that cannot be read; ``str()`` says why and what to type."""


def day_label(day: date, today: date) -> str:
    """``Tue 24 Nov`` (with the year when it is not this year's; another language: CLDR's)."""
    from milia_cli.messages import When

    text = f"{msg.WEEKDAY_NAMES[day.weekday()]} {day.day} {msg.MONTH_NAMES[day.month - 1]}"
    if day.year == today.year:
        return When(text, day, "month-day-weekday")
    return When(f"{text} {day.year}", day, "year-month-day-weekday")


def due_steps(day: Day, today: date, now: time | None, pm: time) -> tuple[Step, ...]:
    """The steps of ``day`` that are due: every step of a past day; today, the evening steps
    only from :data:`PM_DUE_BEFORE` before the evening time (a morning check-in is about the
    morning)."""
    if day.date < today or now is None:
        return day.steps
    from_time = (datetime.combine(day.date, pm) - PM_DUE_BEFORE).time() if pm.hour >= 3 else time(0)
    return day.steps if now >= from_time else day.am


def open_steps(due: Iterable[Step], existing: CheckIn | None, day: Day) -> tuple[Step, ...]:
    """The due steps no earlier check-in of the day answered (done or skipped)."""
    if existing is None:
        return tuple(due)
    done = frozenset(day.step_ids()) - existing.skipped if existing.all_done else existing.done
    return tuple(s for s in due if s.id not in done and s.id not in existing.skipped)


def parse_yes_no(text: str, default: bool | None) -> bool:
    word = text.strip().lower()
    if not word and default is not None:
        return default
    if word in YES:
        return True
    if word in NO:
        return False
    raise BadAnswer(msg.BAD_YES_NO.format(value=_shown(text)) if word else msg.EMPTY_YES_NO)


def parse_irritation(text: str, default: int | None) -> int | None:
    """0–3 or none/mild/moderate/severe (a prefix of a word is enough: ``mod``); blank -> ``default``."""
    word = text.strip().lower()
    if not word:
        return default
    if word in ("0", "1", "2", "3"):
        return int(word)
    named = [v for w, v in IRRITATION_WORDS.items() if len(word) >= 3 and w.startswith(word)]
    if len(named) == 1:
        return named[0]
    raise BadAnswer(msg.BAD_IRRITATION_ANSWER.format(value=_shown(text)))


def parse_count(text: str, default: int | None, limit: int) -> int | None:
    word = text.strip()
    if not word:
        return default
    if word.isdigit() and int(word) <= limit:
        return int(word)
    raise BadAnswer(msg.BAD_COUNT_ANSWER.format(value=_shown(text), limit=limit))


def parse_not_done(text: str, open_: tuple[Step, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(not done, skipped) slot ids from an answer such as ``2 5``, ``s3``, ``retinol, eye cream``
    or ``all``; Enter alone is refused (it must not mean "the rest was done")."""
    from milia_cli.step_names import UnknownStep, parse_step_name

    word = text.strip().lower()
    if not word:
        raise BadAnswer(msg.NOT_DONE_EMPTY)
    if word in ("all", "none done", "nothing"):
        return frozenset(s.id for s in open_), frozenset()
    missed: set[str] = set()
    skipped: set[str] = set()
    for part in (p.strip() for p in word.split(",")):
        if not part:
            continue
        tokens = part.split()
        if all(_NUMBER.fullmatch(t) for t in tokens):
            for token in tokens:
                m = _NUMBER.fullmatch(token)
                assert m is not None
                n = int(m.group(2))
                if not 1 <= n <= len(open_):
                    raise BadAnswer(msg.NOT_DONE_BAD_NUMBER.format(value=token, n=len(open_)))
                (skipped if m.group(1) else missed).add(open_[n - 1].id)
            continue
        try:
            slot, step = parse_step_name(part)
        except UnknownStep:
            raise BadAnswer(msg.NOT_DONE_BAD.format(value=_shown(part), n=len(open_))) from None
        ids = [s.id for s in open_ if s.step == step and (slot is None or s.slot == slot)]
        if not ids:
            raise BadAnswer(msg.NOT_DONE_NOT_OPEN.format(value=_shown(part)))
        missed.update(ids)
    both = missed & skipped
    if both:
        raise BadAnswer(msg.NOT_DONE_BOTH.format(n=1 + [s.id for s in open_].index(min(both))))
    return frozenset(missed), frozenset(skipped)


def _shown(text: str) -> str:
    text = text.strip()
    shown = text if len(text) <= 40 else text[:37] + "..."
    return shown if shown.isprintable() else repr(shown)


def stored_what(checkin: CheckIn, day: Day) -> str:
    """``7 of 7 steps, irritation 0, 12 bumps in total``."""
    from milia_cli.checkin import done_count
    from milia_cli.messages import joined

    done, skipped, planned = done_count(checkin, day)
    parts = [msg.STORED_STEPS.format(done=done, planned=msg.N_STEPS.format(n=planned))]
    if skipped:
        parts.append(msg.STORED_SKIPPED.format(n=skipped))
    if checkin.irritation is not None:
        parts.append(msg.STORED_IRRITATION.format(value=checkin.irritation))
    if checkin.count is not None:
        parts.append(msg.STORED_COUNT.format(bumps=msg.N_BUMPS.format(n=checkin.count)))
    if checkin.bumps is not None:
        parts.append(msg.STORED_NEW.format(bumps=msg.N_NEW_BUMPS.format(n=checkin.bumps)))
    return joined(*parts, sep=", ")


def stored_line(checkin: CheckIn, day: Day, today: date, tonight: str = "") -> str:
    """``Stored Tue 24 Nov: 7 of 7 steps, irritation 0.`` and what changes tonight, in one line."""
    from milia_cli.messages import joined

    line = msg.STORED.format(day=day_label(checkin.date, today), what=stored_what(checkin, day))
    return joined(line, "; ", tonight, ".") if tonight else joined(line, ".")


def tonight_change(before: Day | None, after: Day | None, irritation: int | None) -> str:
    """What the check-in changed in this evening's plan (""), e.g. ``tonight: no retinol (rule B6, above)``."""
    from milia_cli.messages.words import Words
    from milia_cli.step_names import label

    def actives(day: Day | None) -> list[str]:
        return [s.step for s in day.pm if s.active] if day is not None else []

    def said(steps: list[str]) -> str:  # "retinol and exfoliate"; another language: its names
        return Words(steps, text=" and ".join(label(s) for s in steps))

    was, now = actives(before), actives(after)
    gone = [s for s in was if s not in now]
    back = [s for s in now if s not in was]
    if gone:
        rule = {2: "B6", 3: "B7"}.get(irritation or 0)
        why = msg.TONIGHT_RULE.format(rule=rule) if rule else ""
        return msg.TONIGHT_NO.format(what=said(gone), why=why)
    if back:
        return msg.TONIGHT_BACK.format(what=said(back))
    return ""
