"""What a client handout says, computed once for the Markdown and HTML exporters.

The plan has every step of every day; a handout reads better as "every morning:
…, every evening: …" per stretch of weeks, plus a week-by-week grid that shows
only what changes from day to day (the active evenings), the products once each,
the titration in words, and the notices: what needs a clinician (stop, refer, urgent)
first, at the top, the rest at the end. All of it in a reader's words
(:func:`milia_cli.exporters.reader_words.for_reader`: no commands, rule ids or S2).

No grid when nothing changes from day to day (a client without actives), and past
weeks without check-ins (a clinic machine that has not the client's log) are not shown
as if they went as planned: :class:`Unlogged` stands in for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from milia_cli.exporters.reader_words import for_reader, held_weeks
from milia_cli.messages import Message, Span, When, joined
from milia_cli.messages import export as msg
from milia_cli.messages.words import Words
from milia_cli.plan import Day, Notice, Plan, Step
from milia_cli.profile import Profile

LEVEL_ORDER = ("stop", "refer", "caution", "info")
URGENT = frozenset({"N4", "B7"})  # never background "good to know" text (RULES.md, Words)
PRESCRIBER_RULES = frozenset({"B10", "B12", "C8", "D7"})
CLINICIAN_FIRST = frozenset({"stop", "refer"})  # these open the handout, before the schedule


@dataclass(frozen=True)
class Routine:
    """Weeks ``first``..``last`` share the steps done every morning and every evening."""

    first: int
    last: int
    am: tuple[Step, ...]
    pm: tuple[Step, ...]


@dataclass(frozen=True)
class Cell:
    day: Day
    am: tuple[Step, ...]  # steps beyond the week's everyday routine
    pm: tuple[Step, ...]

    @property
    def active(self) -> bool:
        return any(s.active for s in self.am + self.pm)


@dataclass(frozen=True)
class WeekRow:
    week: int
    first: date
    last: date
    cells: tuple[Cell, ...]
    lead: int = 0  # empty cells before the first day: a view from mid-week (issue 13, item 5)

    @property
    def empty(self) -> bool:
        """Nothing but the everyday routine on every day of the week."""
        return not any(c.am or c.pm for c in self.cells)


@dataclass(frozen=True)
class Unlogged:
    """Past weeks ``first``..``last`` with no check-in on this machine: not shown as planned."""

    first: int
    last: int
    first_day: date
    last_day: date


@dataclass(frozen=True)
class Product:
    step: Step
    slots: tuple[str, ...]
    nights: int  # days of the plan with it (for the actives)
    own: tuple[str, ...] = ()  # the person's own products for it (the shelf): "pm moisturize: Night cream"


@dataclass(frozen=True)
class Handout:
    name: str
    start: date
    end: date
    weeks: int
    am_time: str
    pm_time: str
    zone: str
    routines: tuple[Routine, ...]
    rows: tuple[WeekRow | Unlogged, ...]
    weekday_labels: tuple[str, ...]
    products: tuple[Product, ...]
    titration: tuple[str, ...]
    has_actives: bool
    notices: tuple[Notice, ...]  # the rest, most serious first, at the end
    ask: str = ""  # who to ask: the rule that fired decides (prescriber, dermatologist, …)
    first_notices: tuple[Notice, ...] = ()  # stop, refer and urgent: at the top

    @property
    def has_grid(self) -> bool:
        """Some day of a shown week differs from the everyday routine."""
        return any(isinstance(r, WeekRow) and not r.empty for r in self.rows)

    @property
    def unlogged(self) -> tuple[Unlogged, ...]:
        return tuple(r for r in self.rows if isinstance(r, Unlogged))

    @property
    def titration_intro(self) -> str:
        from milia_cli.messages import plan as pmsg

        return pmsg.HANDOUT_INTRO

    @property
    def titration_hold(self) -> str:
        from milia_cli.messages import plan as pmsg

        return pmsg.HANDOUT_HOLD.format(ask=self.ask)

    @property
    def titration_none(self) -> str:
        from milia_cli.messages import plan as pmsg

        return pmsg.HANDOUT_NONE.format(ask=self.ask)


def notice_label(notice: Notice) -> str:
    """The tag of a notice in a handout: urgent ones (N4, B7, any stop) never read as "good to know"."""
    from milia_cli.messages import plan as pmsg

    if notice.id in URGENT or notice.level == "stop":
        return pmsg.HANDOUT_URGENT
    return msg.LEVEL_LABEL.get(notice.level, notice.level)


def who_to_ask(notices: tuple[Notice, ...]) -> str:
    """Prescriber for B10/B12/C8/D7, a dermatologist for a fired A-rule, else the esthetician."""
    from milia_cli.messages import plan as pmsg

    ids = {n.id for n in notices}
    if ids & PRESCRIBER_RULES:
        return pmsg.ASK_PRESCRIBER
    if any(n.id.startswith("A") and n.level == "refer" for n in notices):
        return pmsg.ASK_DERMATOLOGIST
    return pmsg.ASK_DEFAULT


def build_handout(plan: Plan, profile: Profile | None = None) -> Handout:
    """The handout of ``plan`` (its person's name, times and zone: the plan's own; ``profile``: a
    plan built by hand, without them)."""
    owner = plan.owner(profile)
    weeks: dict[int, list[Day]] = {}
    for day in plan.days:
        weeks.setdefault(day.week, []).append(day)
    hidden = _unlogged_weeks(plan)
    routines: list[Routine] = []
    rows: list[WeekRow | Unlogged] = []
    for number in sorted(weeks):
        days = weeks[number]
        if number in hidden:
            last = rows[-1] if rows else None
            if isinstance(last, Unlogged) and last.last == number - 1:
                rows[-1] = Unlogged(last.first, number, last.first_day, days[-1].date)
            else:
                rows.append(Unlogged(number, number, days[0].date, days[-1].date))
            continue
        base_am = _common(d.am for d in days)
        base_pm = _common(d.pm for d in days)
        cells = tuple(
            Cell(day=d, am=tuple(s for s in d.am if s.step not in {b.step for b in base_am}),
                 pm=tuple(s for s in d.pm if s.step not in {b.step for b in base_pm}))
            for d in days
        )
        lead = (days[0].date - plan.start).days % 7
        rows.append(WeekRow(week=number, first=days[0].date, last=days[-1].date, cells=cells, lead=lead))
        key = (_ids(base_am), _ids(base_pm))
        if routines and (_ids(routines[-1].am), _ids(routines[-1].pm)) == key and routines[-1].last == number - 1:
            routines[-1] = Routine(routines[-1].first, number, routines[-1].am, routines[-1].pm)
        else:
            routines.append(Routine(number, number, base_am, base_pm))
    start = plan.days[0].date if plan.days else plan.start
    end = plan.days[-1].date if plan.days else plan.start
    labels = tuple(weekday_short(plan.start + timedelta(i)) for i in range(7))  # a plan week's days
    ordered = [n._replace(text=for_reader(n.text)) for n in sorted(plan.notices, key=lambda n: _level_rank(n.level))]
    first = tuple(n for n in ordered if _clinician_first(n))
    return Handout(
        name=owner.name, start=start, end=end, weeks=plan.weeks,
        am_time=owner.schedule.am.strftime("%H:%M"), pm_time=owner.schedule.pm.strftime("%H:%M"),
        zone=owner.schedule.timezone, routines=tuple(routines), rows=tuple(rows), weekday_labels=labels,
        products=_products(plan, hidden), titration=_titration(plan, _leading_run(hidden, min(weeks, default=1))),
        has_actives=any(
            s.active for d in plan.days for s in d.steps),
        notices=tuple(n for n in ordered if not _clinician_first(n)), first_notices=first,
        ask=who_to_ask(plan.notices),
    )


def _clinician_first(notice: Notice) -> bool:
    return notice.level in CLINICIAN_FIRST or notice.id in URGENT


def _unlogged_weeks(plan: Plan) -> frozenset[int]:
    """The past weeks the planner held for want of check-ins (its B4 notice)."""
    for notice in plan.notices:
        weeks = held_weeks(notice.text) if notice.id == "B4" else None
        if weeks:
            return frozenset(weeks)
    return frozenset()


def _leading_run(hidden: frozenset[int], first: int = 1) -> int:
    """The last week before the story starts: the weeks before the first one shown (a view from
    a later week, issue 13) and the run of hidden weeks from there (``first - 1``: none)."""
    week = first - 1
    while week + 1 in hidden:
        week += 1
    return week


def _common(slots) -> tuple[Step, ...]:
    slots = list(slots)
    if not slots:
        return ()
    shared = set.intersection(*({s.step for s in steps} for steps in slots))
    return tuple(s for s in slots[0] if s.step in shared)


def _ids(steps: tuple[Step, ...]) -> tuple[str, ...]:
    return tuple(s.step for s in steps)


def _level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def _products(plan: Plan, hidden: frozenset[int] = frozenset()) -> tuple[Product, ...]:
    seen: dict[str, Step] = {}
    slots: dict[str, list[str]] = {}
    count: dict[str, int] = {}
    shown = {d.week for d in plan.days}
    for day in (d for d in plan.days if d.week not in hidden) if shown - hidden else plan.days:
        for step in day.steps:
            if step.step not in seen:  # its words once per product, not once per day
                seen[step.step] = step._replace(how=for_reader(step.how))
            if step.slot not in slots.setdefault(step.step, []):
                slots[step.step].append(step.slot)
            count[step.step] = count.get(step.step, 0) + 1
    from milia_cli.products import use_lines

    return tuple(Product(step=seen[k], slots=tuple(sorted(slots[k])), nights=count[k],
                         own=tuple(use_lines(plan.days, k))) for k in seen)


def _titration(plan: Plan, hidden_to: int = 0) -> tuple[str, ...]:
    """Each active's levels in words; weeks 1..``hidden_to`` are before the view or have no
    check-ins here, so the story starts at the level in force in the first week shown."""
    lines = []
    titles = {s.step: s.title for d in plan.days for s in d.steps}
    for step, levels in plan.levels.items():
        shown = [lv for lv in levels if lv.week > hidden_to]
        before = [lv for lv in levels if lv.week <= hidden_to]
        if before and before[-1].per_week and (not shown or shown[0].week > hidden_to + 1):
            shown.insert(0, before[-1]._replace(week=hidden_to + 1, reason=""))
        if not shown:
            continue
        parts = []
        for i, level in enumerate(shown):
            if i == 0:
                parts.append(msg.TITRATION_START.format(per_week=level.per_week, week=level.week,
                                                        s="" if level.per_week == 1 else "s"))
            elif level.reason:
                parts.append(msg.TITRATION_CHANGE_REASON.format(per_week=level.per_week, week=level.week,
                                                                reason=for_reader(level.reason)))
            else:
                parts.append(msg.TITRATION_CHANGE.format(per_week=level.per_week, week=level.week))
        lines.append(msg.TITRATION_STEP.format(title=Message(titles.get(step, step.capitalize())),
                                               changes=joined(*parts, sep="; ")))
    return tuple(lines)


def place(area: str) -> str:
    """An area id as words: ``upper-eyelids`` -> ``upper eyelids`` (in any language, when translated)."""
    return Words((area,), text=area.replace("-", " "))


def places(areas: tuple[str, ...]) -> str:
    """Area ids as words, joined: ``upper eyelids, under eyes``."""
    return Words(areas, text=", ".join(a.replace("-", " ") for a in areas))


def weekday_short(day: date) -> str:
    """``Mon`` (another language: CLDR's abbreviated weekday, "월")."""
    return When(msg.WEEKDAY_SHORT[day.weekday()], day, "weekday-short")


def day_month(day: date) -> str:
    """``02 Dec`` (another language: CLDR's month and day, "12월 2일")."""
    return When(f"{day:%d %b}", day, "month-day")


def long_day(day: date) -> str:
    """``02 December 2026`` (another language: CLDR's long date, "2026년 12월 2일")."""
    return When(f"{day:%d %B %Y}", day, "long")


def when_text(product: Product, markdown: bool = False) -> str:
    if product.step.active:
        return (msg.MD_WHEN_ACTIVE if markdown else msg.WHEN_ACTIVE).format(n=product.nights)
    if product.slots == ("am", "pm"):
        return msg.WHEN_BOTH
    return msg.WHEN_AM if product.slots == ("am",) else msg.WHEN_PM


def week_span(row: WeekRow) -> str:
    return span(row.first, row.last)


def span(first: date, last: date) -> str:
    """``23 Nov – 29 Nov`` (another language: CLDR's interval, "11월 23일~29일")."""
    return Span(f"{first:%d %b} – {last:%d %b}", first, last)


def unlogged_text(gap: Unlogged) -> str:
    """The sentence standing in for past weeks whose check-ins are not on this machine."""
    from milia_cli.messages import report as rmsg

    weeks = rmsg.WEEK_ONE.format(week=gap.first) if gap.first == gap.last else \
        rmsg.WEEK_RUN.format(first=gap.first, last=gap.last)
    return rmsg.DOC_UNLOGGED.format(weeks=_capitalized(weeks), first=day_month(gap.first_day),
                                    last=day_month(gap.last_day))


class _capitalized(Message):
    """A Message with its first letter capitalized, in whatever language it is said."""

    def __new__(cls, text: str) -> _capitalized:
        obj = str.__new__(cls, text[:1].upper() + text[1:])
        obj._parts = (text,)
        return obj


def check_handout(options: dict) -> dict:
    """``--clinician``: a printable name of at most 80 characters (a usage error otherwise)."""
    from milia_cli.errors import UsageError

    name = options.get("clinician")
    if name is not None and (not name.strip() or len(name) > 80 or not name.isprintable()):
        raise UsageError(msg.BAD_CLINICIAN)
    return options
