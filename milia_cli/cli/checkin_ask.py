"""The interactive `milia checkin` (a terminal, no flags): one screen, "All done?" first.

The screen lists the steps that are due and not yet stored, numbered; Enter at
"All done? [Y/n] (Enter = yes)" stores them as done (the prompt says so). "n" asks which
were not done (numbers or names, ``s3`` for skipped on purpose). Then irritation (0–3 or
the words), the bump count and a note, each with its meaning and what Enter does. Every
answer is read as it is typed and refused with the reason. Nothing is stored here; the
command stores the returned check-in. Plain writes, no rich: this is the daily path. Every line
in the run's language (``st.env.tr``); the answers typed stay y/n, numbers, step names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import date, time

    from milia_cli.cli.app import State
    from milia_cli.logmodel import CheckIn
    from milia_cli.plan import Day, Step

MAX_TRIES = 5
ANSWER_ROOM = 12  # cells kept free on a prompt's last line for what is typed


def ask_checkin(st: State, day: Day, existing: CheckIn | None, today: date) -> CheckIn:
    from milia_cli import checkin as core
    from milia_cli import checkin_answers as answers
    from milia_cli.logmodel import CheckIn
    from milia_cli.messages import log as msg
    from milia_cli.store_json import MAX_BUMPS

    profile = st.profile()
    label = answers.day_label(day.date, today)
    due = answers.due_steps(day, today, _local_time(st), profile.schedule.pm)
    open_ = answers.open_steps(due, existing, day)
    _say(st, msg.INTERACTIVE_TITLE.format(day=label, week=day.week))
    if existing is not None:
        _say(st, msg.ALREADY_LOGGED.format(summary=answers.stored_what(existing, day) + "."))
    _list(st, open_)
    if len(due) < len(day.steps):
        _say(st, msg.EVENING_LATER.format(time=profile.schedule.pm.strftime("%H:%M")))
    old = existing or CheckIn(day.date)
    was_done = frozenset(day.step_ids()) - old.skipped if old.all_done else old.done
    done, skipped = set(was_done), set(old.skipped)
    if not open_:
        _say(st, msg.NOTHING_OPEN)
    elif _ask(st, msg.ASK_ALL_DONE, lambda t: answers.parse_yes_no(t, True)):
        done.update(s.id for s in open_)
    else:
        missed, skip_now = _ask(st, msg.ASK_NOT_DONE, lambda t: answers.parse_not_done(t, open_))
        done.update(s.id for s in open_ if s.id not in missed and s.id not in skip_now)
        skipped.update(skip_now)
    when = msg.WHEN_TODAY if day.date == today else msg.WHEN_ON.format(day=label)
    _items(st, "  ", list(msg.IRRITATION_SCALE))
    irritation = _ask(st, _with_enter(st, msg.ASK_IRRITATION.format(when=when), old.irritation),
                      lambda t: answers.parse_irritation(t, old.irritation))
    count_prompt = msg.ASK_COUNT if day.date == today else msg.ASK_COUNT_ON.format(day=label)
    count = _ask(st, _with_enter(st, count_prompt, old.count),
                 lambda t: answers.parse_count(t, old.count, MAX_BUMPS))
    note = _ask(st, _with_enter(st, msg.ASK_NOTE, old.note, none=msg.ENTER_NONE), lambda t: _note(t, old.note))
    return CheckIn(day.date, frozenset(done), frozenset(skipped), False, irritation, old.bumps, note,
                   old.picked or core.mentions_picking(note), count)


def _local_time(st: State) -> time | None:
    """The time of day in the profile's zone, or None when the date is pinned without a time
    (``MILIA_NOW=2026-11-23``: the whole day is asked about)."""
    if st.env.fixed_today is not None:
        return None
    from zoneinfo import ZoneInfo

    return st.env.now().astimezone(ZoneInfo(st.profile().schedule.timezone)).time()


def _list(st: State, steps: tuple[Step, ...]) -> None:
    """The open steps, numbered, a line per slot, wrapped between steps (never inside one)."""
    from milia_cli.step_names import label

    for slot in ("am", "pm"):
        _items(st, f"  {slot}  ", [f"{n} {st.env.tr(label(s.step))}" for n, s in enumerate(steps, 1) if s.slot == slot])


def _items(st: State, head: str, items: list[str]) -> None:
    """``head`` and ``items`` joined by " · ", wrapped to the terminal between items (in cells:
    Hangul is two wide)."""
    from milia_cli.render.text import cells

    width = _width(st)
    items = [st.env.tr(item) for item in items]
    line = head
    for i, item in enumerate(items):
        piece = item if i == 0 else " · " + item
        if i and cells(line) + cells(piece) + 2 > width:
            _say(st, line + " ·")
            line, piece = " " * len(head), item
        line += piece
    if items:
        _say(st, line)


def _width(st: State) -> int:
    return max(40, min(st.env.width, 200))  # COLUMNS, else the terminal's size, else 80


def _with_enter(st: State, prompt: str, value: Any, none: str | None = None) -> str:
    from milia_cli.messages import log as msg

    tr = st.env.tr
    if value is None or value == "":
        return f"{tr(prompt)} [{tr(none or msg.ENTER_LEAVES_OUT)}]"
    shown = value if len(str(value)) <= 30 else str(value)[:27] + "..."
    return f"{tr(prompt)} [{tr(msg.ENTER_KEEPS.format(value=shown))}]"


def _note(text: str, old: str | None) -> str | None:
    from milia_cli.checkin_answers import BadAnswer
    from milia_cli.store_json import note_problem

    text = text.rstrip("\r\n")
    if not text.strip():
        return old
    problem = note_problem(text)
    if problem:
        raise BadAnswer(problem)
    return text


def _prompt_lines(st: State, prompt: str) -> list[str]:
    """A prompt wrapped between words to the terminal, leaving room on its last line for the
    answer (the terminal would otherwise break a word of it at the edge)."""
    from milia_cli.render.text import wrap

    return wrap(prompt, "", max(30, _width(st) - ANSWER_ROOM))


def _say(st: State, line: str) -> None:
    st.env.stdout.write(st.env.tr(line) + "\n")


def _ask(st: State, prompt: str, parse: Callable[[str], Any]) -> Any:
    """Ask until ``parse`` accepts the answer, saying why when it does not; end of input is
    EOFError, which the CLI reports as an interruption (nothing stored)."""
    from milia_cli.checkin_answers import BadAnswer
    from milia_cli.errors import MiliaError
    from milia_cli.messages import log as msg

    *head, last = _prompt_lines(st, st.env.tr(prompt) + ":")
    for _ in range(MAX_TRIES):
        for line in head:
            _say(st, line)
        st.env.stdout.write(last + " ")
        st.env.stdout.flush()
        line = st.env.stdin.readline()
        if not line:  # end of input: an interruption, as in `init` (exit 130, nothing stored)
            raise EOFError
        try:
            return parse(line.rstrip("\r\n"))
        except BadAnswer as err:
            _say(st, "  " + st.env.tr(err.args[0] if err.args else str(err)))
    raise MiliaError(msg.TOO_MANY_TRIES.format(tries=MAX_TRIES))
