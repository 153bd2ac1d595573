"""The esthetician's folder the `milia clients` tests read: 30 client files and their log.

No tests here. Every client is described as data (:class:`Spec`: its check-ins, events
and profile edits), written as a client TOML file with an ``id`` line, and logged with the
store's own API in one connection. The tests derive what each client should show from
these specs (date arithmetic on the log), never from `milia clients` itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from conftest import BASE_PROFILE, TODAY, Milia
from milia_cli.logmodel import CheckIn, Event
from milia_cli.store_json import STEP_IDS

START = date(2026, 10, 5)  # a Monday: week 8 on TODAY (2026-11-23)
EVERY_STEP = frozenset(STEP_IDS)  # a day with everything done: the planned ones count (done & planned)
MORNING_ONLY = frozenset(s for s in STEP_IDS if s.startswith("am:"))
DAY = timedelta(days=1)


@dataclass
class Spec:
    stem: str
    name: str
    start: date = START
    last: date | None = TODAY - DAY  # daily check-ins from the start to this day (None: none)
    irritation: dict[date, int] = field(default_factory=dict)  # days logged with this irritation
    morning_only: tuple[date, ...] = ()  # days only the morning steps were done
    counts: dict[date, int] = field(default_factory=dict)  # `checkin --count` values
    bumps: dict[date, int] = field(default_factory=dict)  # `checkin --bumps`: new since the last check-in
    events: tuple[Event, ...] = ()
    replace: dict[str, str] = field(default_factory=dict)  # edits of BASE_PROFILE's text
    has_id: bool = True
    pregnant_since: date | None = None  # `milia profile set pregnancy pregnant --since DAY`

    @property
    def key(self) -> str | None:
        return f"{self.stem}-5eed00000000" if self.has_id else None

    def checkins(self) -> list[CheckIn]:
        out = []
        if self.last is not None:
            day = self.start
            while day <= self.last:
                done = MORNING_ONLY if day in self.morning_only else EVERY_STEP
                out.append(CheckIn(date=day, done=done, irritation=self.irritation.get(day, 0),
                                   count=self.counts.get(day), bumps=self.bumps.get(day)))
                day += DAY
        logged = {c.date for c in out}
        for day, value in self.irritation.items():  # irritation logged outside the daily run
            if day not in logged:
                out.append(CheckIn(date=day, done=EVERY_STEP, irritation=value))
        return sorted(out)

    def last_checkin(self) -> date | None:
        days = [c.date for c in self.checkins() if c.date <= TODAY]
        return max(days) if days else None

    def text(self) -> str:
        text = BASE_PROFILE.replace('name = "ana"', f"name = {json.dumps(self.name)}")
        if self.key:
            text = text.replace("pregnancy =", f'id = "{self.key}"\npregnancy =', 1)
        text = text.replace("start = 2026-11-23", f"start = {self.start.isoformat()}")
        for old, new in self.replace.items():
            assert old in text, old
            text = text.replace(old, new)
        return text


T = TODAY
A7_START = date(2026, 8, 31)  # 12 full weeks before TODAY lie inside the plan (A7's window)

SPECS: tuple[Spec, ...] = (
    Spec("sofia", "Sofia Stop", irritation={T - 2 * DAY: 3}),
    Spec("rita", "Rita Resumed", irritation={date(2026, 11, 9): 3},
         events=(Event(date(2026, 11, 11), "resume"),)),
    Spec("ivy", "Ivy Irritated", irritation={T - 3 * DAY: 2}),
    Spec("ines", "Ines Edge", irritation={T - 6 * DAY: 2}),  # the 7th day back: still in the window
    Spec("olga", "Olga Older", irritation={T - 7 * DAY: 2}),  # the 8th: out of it
    Spec("eve", "Eve Eyelids", replace={'areas = ["upper-eyelids", "under-eyes", "cheeks"]':
                                        'areas = ["upper-eyelids"]'}),  # A9: a referral from week 1
    Spec("cora", "Cora Crops", bumps={T - 3 * DAY: 2, T - 10 * DAY: 1, T - 20 * DAY: 3}),  # A6: 3 of 6 weeks
    Spec("cleo", "Cleo Crops Once", bumps={T - 3 * DAY: 2, T - 4 * DAY: 1, T - 60 * DAY: 3}),  # 1 week: no A6
    Spec("mia", "Mia Minor", replace={"birth_year = 1994": "birth_year = 2012"}),  # A8
    Spec("ada", "Ada Adherent", start=A7_START, counts={A7_START + 7 * DAY: 6, T - DAY: 7}),  # A7 due
    Spec("lena", "Lena Laser", events=(Event(T - 5 * DAY, "laser", ("upper-eyelids",)),)),  # E2 running
    Spec("lars", "Lars Long Ago", events=(Event(T - 14 * DAY, "laser", ("upper-eyelids",)),)),  # E2 over
    Spec("paula", "Paula Procedure", events=(Event(T + 5 * DAY, "extraction", ("cheeks",)),)),  # E1
    Spec("pete", "Pete Planned Later", events=(Event(T + 8 * DAY, "extraction", ("cheeks",)),)),  # not yet
    Spec("pia", "Pia Pregnant", pregnant_since=T - 7 * DAY),  # mid-plan, through a dated change
    Spec("sam", "Sam Silent", last=T - 10 * DAY),
    Spec("sid", "Sid Seven", last=T - 7 * DAY),  # 7 days without: the alert
    Spec("sue", "Sue Six", last=T - 6 * DAY),  # 6 days: not yet
    Spec("nell", "Nell New", start=T - 6 * DAY, last=None),  # 7 plan days, none logged
    Spec("noor", "Noor Newer", start=T - 5 * DAY, last=None),  # 6 plan days: not yet
    Spec("nina", "Nina No Id", has_id=False, last=None),  # no id: no log yet, never claimed here
    Spec("fay", "Fay Future", start=T + 10 * DAY, last=None),  # not started: no no-check-in alert
    Spec("hana", "김하나", morning_only=tuple(T - i * DAY for i in range(1, 8))),  # evenings missed
    *(Spec(f"calm{i:02d}", f"Calm Client {i:02d}", irritation={T - 9 * DAY: 1}) for i in range(8)),
)
BROKEN = {
    "broken-value.toml": 'schema = 1\nname = "broken"\npregnancy = "maybe"\n',
    "broken-toml.toml": 'schema = 1\nname = "unterminated\n',
}
LOCKED = "locked.toml"  # a good file nobody may read (chmod 000)


def build_folder(root: Path) -> tuple[Path, Path]:
    """(home, folder): the client files, two broken ones, one unreadable, and the log."""
    from milia_cli.store import open_store

    home, folder = root / "home", root / "clients"
    home.mkdir(mode=0o700)
    folder.mkdir()
    for spec in SPECS:
        (folder / f"{spec.stem}.toml").write_text(spec.text(), encoding="utf-8")
    for name, text in BROKEN.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / LOCKED).write_text(Spec("locked", "Lou Locked").text(), encoding="utf-8")
    (folder / "notes.txt").write_text("not a client", encoding="utf-8")
    with open_store(home / "milia.db") as store:
        for spec in SPECS:
            if spec.key is None:
                continue
            for checkin in spec.checkins():
                store.save_checkin(spec.key, checkin)
            for event in spec.events:
                store.add_event(spec.key, event)
    for spec in SPECS:
        if spec.pregnant_since is not None:
            res = Milia(home)("-f", folder / f"{spec.stem}.toml", "profile", "set", "pregnancy", "pregnant",
                              "--since", spec.pregnant_since.isoformat())
            assert res.exit_code == 0, res.output
    (folder / LOCKED).chmod(0)
    return home, folder


def by_stem() -> dict[str, Spec]:
    return {s.stem: s for s in SPECS}
