"""`milia plan`, `milia today`, `milia why`, `milia triage`.

Typer only: parse, call :mod:`milia_cli.planner` / :mod:`milia_cli.rules` /
:mod:`milia_cli.triage`, render. Imported on every run, so nothing heavy at
module level; `today` never imports rich (it renders with :mod:`render.text`).
"""

from datetime import date
from typing import TYPE_CHECKING, Any

import typer

from milia_cli.cli.app import command_app, state

if TYPE_CHECKING:
    from milia_cli.cli.app import State
    from milia_cli.profile import Profile
    from milia_cli.triage import Answers

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them

MAX_WEEKS = 520  # ten years


def parse_date(text: str, what: str, today: date | None = None) -> date:
    """A date flag: one parser and one range for every command (:func:`milia_cli.dates.parse_date_flag`)."""
    from milia_cli.dates import parse_date_flag

    day = parse_date_flag(text, today, what)
    assert day is not None
    return day


def _dump_json(st: "State", data: object) -> None:
    import json

    st.out(json.dumps(data, ensure_ascii=False, indent=2))


# -- plan ----------------------------------------------------------------------------------
@cli.command("plan")
def plan_cmd(
    ctx: typer.Context,
    week: int | None = typer.Option(None, "--week", min=1, max=MAX_WEEKS, metavar="N",
                                       help="Begin at week N (only week N unless --weeks says more)."),
    from_: str | None = typer.Option(None, "--from", metavar="DATE",
                                        help="Show the plan from DATE: the same program, not restarted (YYYY-MM-DD, "
                                             "today, yesterday, tomorrow, a weekday; default: this plan week)."),
    start: str | None = typer.Option(None, "--start", metavar="DATE",
                                        help="Day 1 of week 1 is DATE instead of schedule.start: the program "
                                             "restarts there."),
    weeks: int | None = typer.Option(None, "--weeks", min=1, max=MAX_WEEKS, metavar="N",
                                        help="How many weeks to show from the first one shown (default 12; "
                                             "with --week, 1)."),
    all_notices: bool = typer.Option(False, "--notices", help="Every notice in full (stop and refer always are)."),
    as_json: bool = typer.Option(False, "--json", help="Print the milia.plan/1 JSON only."),
) -> None:
    """The regimen, a table per week; actives introduced slowly and adapted to your check-ins."""
    from milia_cli.cli.view_opts import check_view_flags, note_before_start, view_dates
    from milia_cli.errors import UsageError
    from milia_cli.messages import plan as msg

    check_view_flags(from_, start)  # a bad flag is a usage error before any file is read
    if week is not None and from_ is not None:
        raise UsageError(msg.WEEK_AND_FROM)
    st = state(ctx)
    first, day1 = view_dates(st, from_, start)
    n_weeks = weeks if weeks is not None else 1 if week is not None else 12
    # the view reads every check-in up to its last day: a pause or stop logged before it still
    # holds (B6, B7), and the levels are the full plan's (issue 13, item 5)
    plan = st.plan(n_weeks, first, start=day1, week=week)
    note_before_start(st, first, plan.start)
    if as_json:
        st.out(plan.to_json().rstrip("\n"))
        return
    from milia_cli.render.plan import render_plan

    render_plan(plan, st.env, today=st.today(), all_notices=all_notices)


# -- today ---------------------------------------------------------------------------------
@cli.command("today")
def today_cmd(
    ctx: typer.Context,
    on: str | None = typer.Option(None, "--date", metavar="DATE",
                                     help="Another day: YYYY-MM-DD, today, yesterday, tomorrow, friday, last friday, next friday."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Today's morning and evening steps, what is new this week, what is checked, notices."""
    from milia_cli.daily import NotStarted
    from milia_cli.dates import check_date_flag
    from milia_cli.messages import plan as msg

    st = state(ctx)
    check_date_flag(on, "--date")
    day = parse_date(on, "--date", st.today()) if on is not None else None
    view = st.day(day)
    if isinstance(view, NotStarted):
        profile = st.profile()
        if as_json:
            _dump_json(st, view.to_dict(profile))
        else:
            st.out(msg.NOT_STARTED.format(name=profile.name, start=view.start.isoformat(),
                                          days=(view.start - view.day).days))
        return
    if as_json:
        _dump_json(st, view.to_dict())
        return
    from milia_cli.render.text import render_today

    st.out(render_today(view, st.env.color, st.env.width, st.env.language))


# -- why -----------------------------------------------------------------------------------
def _complete_topic(incomplete: str) -> list[str]:
    from milia_cli.completion_values import complete_step_or_rule

    return complete_step_or_rule(incomplete)


@cli.command("why")
def why_cmd(
    ctx: typer.Context,
    topic: str | None = typer.Argument(None, metavar="[STEP-or-RULE]", autocompletion=_complete_topic,
                                          help="A step (retinol, pm:retinol, eye cream, spf …) or a rule id (B2, N3, …)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """The rules behind a step, or one rule in full, with sources and disagreements."""
    from milia_cli.errors import MiliaError
    from milia_cli.messages import plan as msg
    from milia_cli.plan import STEP_IDS
    from milia_cli.render import text
    from milia_cli.rules import RULES, find_rule, rules_for_step

    st = state(ctx)
    color = st.env.color
    if topic is None:
        rules = tuple(RULES.values())
        if as_json:
            _dump_json(st, {"schema": "milia.rules/1", "rules": [r.to_dict() for r in rules]})
        else:
            st.out(text.render_rules(msg.WHY_LIST_TITLE, rules, color, full=False, lang=st.env.language))
        return
    from milia_cli.step_names import as_step_id

    step = topic.strip().lower()
    if ":" in step and step.split(":", 1)[0] in ("am", "pm"):
        step = step.split(":", 1)[1]
    step = (as_step_id(topic) or step).rpartition(":")[2]  # what the screen shows: "eye cream", "spf"
    found = find_rule(topic)
    if found is not None:
        if as_json:
            _dump_json(st, {"schema": "milia.rules/1", "rules": [found.to_dict()]})
        else:
            st.out(text.render_rule(found, color, st.env.language))
        return
    if step in STEP_IDS:
        rules = rules_for_step(step)
        if as_json:
            _dump_json(st, {"schema": "milia.rules/1", "step": step, "rules": [r.to_dict() for r in rules]})
        else:
            from milia_cli.messages.words import Words  # the step's name, in any language

            st.out(text.render_rules(msg.WHY_STEP_TITLE.format(step=Words((step,))), rules, color, full=True,
                                     lang=st.env.language))
        return
    raise MiliaError(msg.UNKNOWN_TOPIC.format(topic=topic, steps=", ".join(STEP_IDS)))


# -- triage --------------------------------------------------------------------------------
@cli.command("triage")
def triage_cmd(
    ctx: typer.Context,
    colour: str | None = typer.Option(None, "--colour", "--color", metavar="COLOUR",
                                         help="white, yellow, skin, red, brown, black, multicoloured, pearly (white), translucent (pearly with tiny vessels)."),
    size_mm: float | None = typer.Option(None, "--size-mm", min=0, max=1000, metavar="MM",
                                            help="Size of the largest bump in mm."),
    location: str | None = typer.Option(None, "--location", metavar="AREA", help="Where the bumps are."),
    weeks: int | None = typer.Option(None, "--weeks", min=0, max=5200, metavar="N",
                                        help="How many weeks you have had them."),
    changing: bool | None = typer.Option(None, "--changing/--not-changing"),
    painful: bool | None = typer.Option(None, "--painful/--not-painful", help="Red, sore or painful."),
    pus: bool | None = typer.Option(None, "--pus/--no-pus"),
    bleeding: bool | None = typer.Option(None, "--bleeding/--not-bleeding"),
    itchy: bool | None = typer.Option(None, "--itchy/--not-itchy"),
    pigmented: bool | None = typer.Option(None, "--pigmented/--not-pigmented", help="Dark or multicoloured."),
    irregular: bool | None = typer.Option(None, "--irregular/--regular", help="An irregular edge."),
    rough_spreading: bool | None = typer.Option(None, "--rough-spreading/--not-rough-spreading"),
    central_dip: bool | None = typer.Option(None, "--central-dip/--no-central-dip",
                                               help="Yellowish with a dip in the centre."),
    flat_plaque: bool | None = typer.Option(None, "--flat-plaque/--no-flat-plaque",
                                               help="Flat yellow patches on the eyelids."),
    non_healing: bool | None = typer.Option(None, "--non-healing/--healing", help="Pearly and translucent with tiny vessels, bleeds, or a sore that won't heal."),
    new_crops: bool | None = typer.Option(None, "--new-crops/--no-new-crops", help="New ones appearing in crops."),
    after_injury: bool | None = typer.Option(None, "--after-injury/--not-after-injury",
                                                help="Appeared after blisters, a burn or a rash."),
    treated_weeks: int | None = typer.Option(None, "--treated-weeks", min=0, max=5200, metavar="N",
                                                help="Weeks of steady use of the routine."),
    fewer: bool | None = typer.Option(None, "--fewer/--not-fewer", help="Fewer bumps than at the start."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Questions about the bumps, answered with referral notices (rules A1–A8), never a diagnosis."""
    from milia_cli.errors import UsageError
    from milia_cli.messages import plan as msg
    from milia_cli.profile import AREAS
    from milia_cli.triage import COLOURS, Answers, age_from_birth_year, assess

    st = state(ctx)
    if size_mm is not None and size_mm != size_mm:  # nan passes click's range check (inf does not)
        from milia_cli.messages.common import NOT_A_NUMBER

        raise UsageError(NOT_A_NUMBER.format(what="--size-mm", value=size_mm, example="2"))
    if colour is not None and colour.lower() not in COLOURS:
        raise UsageError(msg.TRIAGE_BAD_COLOUR.format(value=colour, allowed=", ".join(COLOURS)))
    if location is not None and location.lower() not in AREAS:
        raise UsageError(msg.TRIAGE_BAD_LOCATION.format(value=location, allowed=", ".join(AREAS)))
    answers = Answers(
        colour=colour.lower() if colour else None, size_mm=size_mm, location=location.lower() if location else None,
        weeks=weeks, changing=changing, painful=painful, pus=pus, bleeding=bleeding, itchy=itchy,
        pigmented=pigmented, irregular=irregular, rough_spreading=rough_spreading, central_dip=central_dip,
        flat_plaque=flat_plaque, non_healing=non_healing, new_crops=new_crops, after_injury=after_injury,
        treated_weeks=treated_weeks, fewer=fewer,
    )
    if not answers.given():
        if not st.env.interactive or as_json:
            raise UsageError(msg.TRIAGE_NEEDS_ANSWERS)
        answers = _ask(st)
    profile = _optional_profile(st)
    age = age_from_birth_year(profile.birth_year, st.today().year) if profile else None
    result = assess(answers, age=age)
    if as_json:
        _dump_json(st, result.to_dict())
        return
    from milia_cli.render.text import Painter, notice_lines

    paint = Painter(st.env.color)
    st.out(paint(msg.TRIAGE_REFER if result.refer else msg.TRIAGE_NO_FLAGS, "bold"))
    st.out("\n".join(notice_lines(result.notices, paint, lang=st.env.language)))
    st.out(paint(msg.TRIAGE_DISCLAIMER, "dim"))


def _optional_profile(st: "State") -> "Profile | None":
    """The profile when there is one (for A8); triage works without a profile too."""
    if st.profile_file is None and not st.profile_path.exists():
        return None
    return st.profile()


def _ask(st: "State") -> "Answers":
    """The interactive questionnaire on a terminal; an empty answer skips a question."""
    from milia_cli.messages import plan as msg
    from milia_cli.triage import QUESTIONS, Answers

    st.out(msg.TRIAGE_INTRO)
    values: dict[str, Any] = {}  # field -> the answer as parsed for its kind
    for q in QUESTIONS:
        prompt = st.env.tr(getattr(msg, q.prompt).format(choices=", ".join(q.choices)))  # the choices as typed
        suffix = f" [{st.env.tr(msg.YES_NO)}]" if q.kind == "yesno" else ""
        while True:
            st.env.stdout.write(f"{prompt}{suffix}: ")
            st.env.stdout.flush()
            line = st.env.stdin.readline()
            if not line:  # end of input: leave the rest unanswered
                return Answers(**values)
            value, ok = _parse_answer(q.kind, q.choices, line.strip().lower())
            if ok:
                if value is not None:
                    values[q.field] = value
                break
            st.out(msg.TRIAGE_BAD_ANSWER.format(allowed=", ".join(q.choices)) if q.kind == "choice" else
                   msg.TRIAGE_BAD_YES_NO if q.kind == "yesno" else
                   msg.TRIAGE_BAD_NUMBER if q.kind == "number" else msg.TRIAGE_BAD_WHOLE)
    return Answers(**values)


def _parse_answer(kind: str, choices: tuple[str, ...], text: str) -> tuple[object, bool]:
    if not text:
        return None, True
    if kind == "yesno":
        if text in ("y", "yes"):
            return True, True
        if text in ("n", "no"):
            return False, True
        return None, False
    if kind == "choice":
        return (text, True) if text in choices else (None, False)
    try:
        number = float(text) if kind == "number" else int(text)
    except ValueError:
        return None, False
    return (number, True) if 0 <= number <= 5200 else (None, False)
