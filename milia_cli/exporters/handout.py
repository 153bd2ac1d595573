"""What a client handout says, computed once for the Markdown and HTML exporters.

The plan has every step of every day; a handout reads better as "every morning:
…, every evening: …" per stretch of weeks, plus a week-by-week grid that shows
only what changes from day to day (the active evenings), the products once each,
the titration in words, and the notices, most serious first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from milia_cli.messages import export as msg
from milia_cli.plan import Day, Notice, Plan, Step
from milia_cli.profile import Profile

LEVEL_ORDER = ("stop", "refer", "caution", "info")
URGENT = frozenset({"N4", "B7"})  # never background "good to know" text (RULES.md, Words)
PRESCRIBER_RULES = frozenset({"B10", "B12", "C8", "D7"})


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
    rows: tuple[WeekRow, ...]
    weekday_labels: tuple[str, ...]
    products: tuple[Product, ...]
    titration: tuple[str, ...]
    has_actives: bool
    notices: tuple[Notice, ...]
    ask: str = ""  # who to ask: the rule that fired decides (prescriber, dermatologist, …)

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


def build_handout(plan: Plan, profile: Profile) -> Handout:
    weeks: dict[int, list[Day]] = {}
    for day in plan.days:
        weeks.setdefault(day.week, []).append(day)
    routines: list[Routine] = []
    rows: list[WeekRow] = []
    for number in sorted(weeks):
        days = weeks[number]
        base_am = _common(d.am for d in days)
        base_pm = _common(d.pm for d in days)
        cells = tuple(
            Cell(day=d, am=tuple(s for s in d.am if s.step not in {b.step for b in base_am}),
                 pm=tuple(s for s in d.pm if s.step not in {b.step for b in base_pm}))
            for d in days
        )
        rows.append(WeekRow(week=number, first=days[0].date, last=days[-1].date, cells=cells))
        key = (_ids(base_am), _ids(base_pm))
        if routines and (_ids(routines[-1].am), _ids(routines[-1].pm)) == key and routines[-1].last == number - 1:
            routines[-1] = Routine(routines[-1].first, number, routines[-1].am, routines[-1].pm)
        else:
            routines.append(Routine(number, number, base_am, base_pm))
    start = plan.days[0].date if plan.days else plan.start
    end = plan.days[-1].date if plan.days else plan.start
    labels = tuple(msg.WEEKDAY_SHORT[(start + timedelta(i)).weekday()] for i in range(7))
    return Handout(
        name=profile.name, start=start, end=end, weeks=plan.weeks,
        am_time=profile.schedule.am.strftime("%H:%M"), pm_time=profile.schedule.pm.strftime("%H:%M"),
        zone=profile.schedule.timezone, routines=tuple(routines), rows=tuple(rows), weekday_labels=labels,
        products=_products(plan), titration=_titration(plan), has_actives=any(
            s.active for d in plan.days for s in d.steps),
        notices=tuple(sorted(plan.notices, key=lambda n: _level_rank(n.level))),
        ask=who_to_ask(plan.notices),
    )


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


def _products(plan: Plan) -> tuple[Product, ...]:
    seen: dict[str, Step] = {}
    slots: dict[str, list[str]] = {}
    count: dict[str, int] = {}
    for day in plan.days:
        for step in day.steps:
            seen.setdefault(step.step, step)
            if step.slot not in slots.setdefault(step.step, []):
                slots[step.step].append(step.slot)
            count[step.step] = count.get(step.step, 0) + 1
    from milia_cli.products import use_lines

    return tuple(Product(step=seen[k], slots=tuple(sorted(slots[k])), nights=count[k],
                         own=tuple(use_lines(plan.days, k))) for k in seen)


def _titration(plan: Plan) -> tuple[str, ...]:
    lines = []
    titles = {s.step: s.title for d in plan.days for s in d.steps}
    for step, levels in plan.levels.items():
        if not levels:
            continue
        parts = []
        for i, level in enumerate(levels):
            if i == 0:
                parts.append(msg.TITRATION_START.format(per_week=level.per_week, week=level.week,
                                                        s="" if level.per_week == 1 else "s"))
            elif level.reason:
                parts.append(msg.TITRATION_CHANGE_REASON.format(per_week=level.per_week, week=level.week,
                                                                reason=level.reason))
            else:
                parts.append(msg.TITRATION_CHANGE.format(per_week=level.per_week, week=level.week))
        lines.append(msg.TITRATION_STEP.format(title=titles.get(step, step.capitalize()), changes="; ".join(parts)))
    return tuple(lines)


def place(area: str) -> str:
    """An area id as words: ``upper-eyelids`` -> ``upper eyelids``."""
    return area.replace("-", " ")


def when_text(product: Product) -> str:
    if product.step.active:
        return msg.WHEN_ACTIVE.format(n=product.nights)
    if product.slots == ("am", "pm"):
        return msg.WHEN_BOTH
    return msg.WHEN_AM if product.slots == ("am",) else msg.WHEN_PM


def week_span(row: WeekRow) -> str:
    return f"{row.first:%d %b} – {row.last:%d %b}"
