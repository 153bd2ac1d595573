"""The plan names the person's own products (issue 15, item 3): each step gets the shelf product
for it unless a rule stops that product for *that day's* profile; a notice says which and why.
Through the core (build_plan, day_view) and the CLI (plan, today, exports)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.ingredients.report import check_label
from milia_cli.logmodel import EMPTY_LOG, Log, ProfileChange
from milia_cli.planner import build_plan, day_view
from milia_cli.products import judge
from milia_cli.profile import parse_profile
from milia_cli.shelf import ShelfProduct
from milia_cli.timeline import ProfileTimeline
from tests.conftest import BASE_PROFILE, TODAY

NIGHT_CREAM = ShelfProduct("Night cream", "pm:moisturize",
                           "Aqua, Glycerin, Cetearyl Alcohol, Retinyl Palmitate, Tocopherol, Phenoxyethanol")
EYE_CREAM = ShelfProduct("Rich eye cream", "eye-cream",
                         "Aqua, Mineral Oil, Butyrospermum Parkii (Shea) Butter, Glycerin, Cetearyl Alcohol")
# a well-known 30 % AHA + 2 % BHA peel, its INCI list as printed (the strengths are on the box, not the list)
PEEL = ShelfProduct("Peeling solution", "exfoliate",
                    "Glycolic Acid, Aqua (Water), Aloe Barbadensis Leaf Water, Sodium Hydroxide, Daucus Carota "
                    "Sativa Extract, Propanediol, Cocamidopropyl Dimethylamine, Salicylic Acid, Lactic Acid, "
                    "Tartaric Acid, Citric Acid, Panthenol, Sodium Hyaluronate Crosspolymer, Tasmannia Lanceolata "
                    "Fruit/Leaf Extract, Glycerin, Pentylene Glycol, Xanthan Gum, Polysorbate 20, Trisodium "
                    "Ethylenediamine Disuccinate, Potassium Sorbate, Sodium Benzoate, 1,2-Hexanediol, Caprylyl Glycol.",
                    (("aha", 30.0), ("salicylic", 2.0)))
GEL = ShelfProduct("Gel cream", "moisturize", "Water, Glycerin, Sodium Hyaluronate, Carbomer, Phenoxyethanol")

BASE = parse_profile(BASE_PROFILE.encode(), "ana.toml")  # eye milia, makeup, start 2026-11-23


def profile(pregnancy: str = "none", shelf: tuple = (NIGHT_CREAM,)):
    return BASE._replace(pregnancy=pregnancy, shelf=shelf)


def products_on(day, step_id: str):
    return [s.product for s in day.steps if s.id == step_id]


def active_evening(day) -> bool:
    """The plan gives retinol or an acid that evening: a retinoid night cream is left out (C4,
    tests/test_shelf_one_active_a_night.py)."""
    return any(s.step in ("retinol", "exfoliate") for s in day.pm)


def calm(days):
    return [d for d in days if not active_evening(d)]


def test_night_cream_named_for_a_non_pregnant_profile_not_for_a_pregnant_one():
    plan = build_plan(profile("none"), today=TODAY)
    assert calm(plan.days) and all(products_on(d, "pm:moisturize") == ["Night cream"] for d in calm(plan.days))
    assert all(products_on(d, "pm:moisturize") == [None] for d in plan.days if active_evening(d))
    assert all(s.product is None for d in plan.days for s in d.am)  # pm only: nothing else fits
    assert [n.id for n in plan.notices if "Night cream" in n.text] == ["C4"]  # one active a night

    for status in ("pregnant", "trying", "breastfeeding"):
        plan = build_plan(profile(status), today=TODAY)
        assert all(products_on(d, "pm:moisturize") == [None] for d in plan.days), status
        said = [n for n in plan.notices if "'Night cream'" in n.text]
        assert len(said) == 1 and said[0].level == "stop", status
        assert said[0].id == ("B2" if status == "breastfeeding" else "B1")
        assert "Retinyl Palmitate" in said[0].text and "from" not in said[0].text  # every day of the plan


def test_the_next_product_for_the_step_is_named_when_the_first_is_stopped():
    plan = build_plan(profile("pregnant", (NIGHT_CREAM, GEL)), today=TODAY)
    assert all(products_on(d, "pm:moisturize") == ["Gel cream"] for d in plan.days)
    assert all(products_on(d, "am:moisturize") == ["Gel cream"] for d in plan.days)
    plan = build_plan(profile("none", (NIGHT_CREAM, GEL)), today=TODAY)
    assert all(products_on(d, "pm:moisturize") == ["Gel cream" if active_evening(d) else "Night cream"]
               for d in plan.days)
    assert all(products_on(d, "am:moisturize") == ["Gel cream"] for d in plan.days)


def test_a_pregnancy_set_mid_plan_drops_it_from_that_day_and_keeps_the_past():
    change = TODAY + timedelta(days=17)
    log = Log(changes=(ProfileChange(change, "pregnancy", "none", "pregnant"),))
    plan = build_plan(profile("pregnant")._replace(pregnancy_since=change), log, today=change)
    before = [d for d in plan.days if d.date < change]
    after = [d for d in plan.days if d.date >= change]
    assert before and after
    assert calm(before) and all(products_on(d, "pm:moisturize") == ["Night cream"] for d in calm(before))  # the past
    assert all(products_on(d, "pm:moisturize") == [None] for d in after)
    said = [n for n in plan.notices if "'Night cream'" in n.text and n.level == "stop"]
    assert len(said) == 1 and said[0].id == "B1" and f"from {change.isoformat()}" in said[0].text
    # `today` is the plan's day, before and after
    for day in (change - timedelta(days=1), change):
        view = day_view(profile("pregnant")._replace(pregnancy_since=change), log, day, today=change)
        assert view.day == plan.day(day)


def test_eye_cream_with_mineral_oil_gets_the_d3_notice():
    plan = build_plan(profile("none", (EYE_CREAM,)), today=TODAY)
    d3 = [n for n in plan.notices if n.id == "D3" and "'Rich eye cream'" in n.text]
    assert len(d3) == 1 and "Mineral Oil" in d3[0].text and d3[0].level == "caution"
    # a caution: it is still named (what `milia check --step eye-cream` says, not a stop)
    assert all(products_on(d, "am:eye-cream") == ["Rich eye cream"] for d in plan.days)
    view = day_view(profile("none", (EYE_CREAM,)), EMPTY_LOG, TODAY, today=TODAY)
    assert any(n.id == "D3" and "'Rich eye cream'" in n.text for n in view.notices)  # `today` says it too


def test_a_30_percent_aha_peel_is_never_scheduled_c1_for_everyone_c7_in_pregnancy():
    for status, rule in (("none", "C1"), ("breastfeeding", "C1"), ("pregnant", "C7"), ("trying", "C7")):
        plan = build_plan(profile(status, (PEEL,)), today=TODAY)
        assert all(s.product is None for d in plan.days for s in d.steps), status
        said = [n for n in plan.notices if "'Peeling solution'" in n.text]
        assert [n.id for n in said] == [rule], (status, said)
    # what `milia check` says of it: C1 flagged for everyone, a stop only in pregnancy
    assert judge(PEEL, profile("none"), TODAY).refused.id == "C1"  # the plan's refusal: over the home limit
    assert not check_label(PEEL.inci, profile=profile("none"), step="exfoliate", percents=PEEL.percent_args()).stopped
    assert check_label(PEEL.inci, profile=profile("pregnant"), step="exfoliate", percents=PEEL.percent_args()).stopped
    # a home-strength acid is named on the plan's acid nights
    toner = ShelfProduct("Toner", "exfoliate", "Aqua, Glycolic Acid, Glycerin", (("glycolic", 7.0),))
    plan = build_plan(profile("none", (toner,)), today=TODAY)
    acid = [s for d in plan.days for s in d.pm if s.step == "exfoliate"]
    assert acid and all(s.product == "Toner" for s in acid)


# -- the property: no day's product is one check_label stops for that day's profile ---------------
LABELS = [NIGHT_CREAM, EYE_CREAM, PEEL, GEL,
          ShelfProduct("Serum", "retinol", "Aqua, Squalane, Retinol, Tocopherol"),
          ShelfProduct("Adapalene gel", "pm:retinol", "Adapalene 0.1%, Carbomer 940, Propylene Glycol, Water"),
          ShelfProduct("BHA lotion", "exfoliate", "Water, Salicylic Acid, Butylene Glycol", (("salicylic", 2.0),)),
          ShelfProduct("BHA wash", "cleanse", "Water, Sodium Laureth Sulfate, Salicylic Acid 2%, Glycerin"),
          ShelfProduct("Mandelic", "exfoliate", "Aqua, Mandelic Acid, Glycerin"),
          ShelfProduct("Sunscreen", "sunscreen", "Aqua, Zinc Oxide, Caprylic/Capric Triglyceride, Dimethicone"),
          ShelfProduct("Foundation", "makeup", "Cyclopentasiloxane, Aqua, Talc, Isopropyl Myristate, Iron Oxides"),
          ShelfProduct("Balm", "remove-makeup", "Ethylhexyl Palmitate, Polyethylene, Benzoyl Peroxide"),
          ShelfProduct("Eye gel", "eye-cream", "Aqua, Glycerin, Glycolic Acid")]
KEYS = {"pregnancy": ("none", "trying", "pregnant", "breastfeeding")}
BOOLS = ("cautions.prescription_retinoid", "cautions.eczema_or_rosacea", "cautions.photosensitizing_medicine",
         "cautions.facial_steroid", "cautions.prescriber_agreed", "habits.makeup")


@st.composite
def cases(draw):
    shelf = tuple(draw(st.lists(st.sampled_from(LABELS), max_size=6, unique_by=lambda p: p.name)))
    p = BASE._replace(pregnancy=draw(st.sampled_from(KEYS["pregnancy"])), shelf=shelf)
    changes = []
    for offset in sorted(draw(st.sets(st.integers(1, 27), max_size=3))):
        if draw(st.booleans()):
            changes.append(("pregnancy", draw(st.sampled_from(KEYS["pregnancy"])), offset))
        else:
            changes.append((draw(st.sampled_from(BOOLS)), draw(st.booleans()), offset))
    # the file holds the last state; the log says what held before each change
    log_changes, current = [], p
    for key, value, offset in changes:
        section, _, sub = key.partition(".")
        old = current.pregnancy if not sub else getattr(getattr(current, section), sub)
        if old == value:
            continue
        log_changes.append(ProfileChange(TODAY + timedelta(days=offset), key, old, value))
        current = current._replace(pregnancy=value) if not sub else current._replace(
            **{section: getattr(current, section)._replace(**{sub: value})})
    return current, Log(changes=tuple(log_changes))


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_no_day_names_a_product_check_label_stops_for_that_days_profile(case):
    prof, log = case
    today = TODAY + timedelta(days=28)
    plan = build_plan(prof, log, weeks=5, today=today)
    timeline = ProfileTimeline(prof, log.changes)
    by_name = {p.name: p for p in prof.shelf}
    for day in plan.days:
        that_day = timeline.on(day.date)
        for s in day.steps:
            fitting = [p for p in prof.shelf if p.bare_step == s.step and p.slot in (None, s.slot)]
            off_tonight = s.slot == "pm" and s.step not in ("retinol", "exfoliate") and active_evening(day)
            usable = [p for p in fitting if not check_label(p.inci, profile=that_day, step=p.step,
                                                            percents=p.percent_args(), today=today).stopped
                      and judge(p, that_day, today).refused is None
                      and not (off_tonight and judge(p, that_day, today).off_active_evenings)]
            if s.product is None:
                assert not usable, (day.date, s.id, usable)  # nothing usable was left out
                continue
            product = by_name[s.product]
            assert product in fitting
            result = check_label(product.inci, profile=that_day, step=product.step, percents=product.percent_args(),
                                 today=today)
            assert not result.stopped, (day.date, s.id, product.name, that_day.pregnancy)
            assert s.product == usable[0].name  # the first usable one, in shelf order
    refused_names = {n.text.split("'")[1] for n in plan.notices if n.text.startswith("Your product") and
                     " is not used" in n.text}
    for p in prof.shelf:
        ever_stopped = any(judge(p, timeline.on(d.date), today).refused for d in plan.days)
        assert ever_stopped == (p.name in refused_names), p.name


# -- through the CLI: plan, today, the exports name the products ---------------------------------
@pytest.fixture
def shelved(milia):
    milia.write_profile()
    assert milia("shelf", "add", "Night cream", "--step", "pm:moisturize", "--inci", NIGHT_CREAM.inci).exit_code == 0
    assert milia("shelf", "add", "Rich eye cream", "--step", "eye cream", "--inci", EYE_CREAM.inci).exit_code == 0
    return milia


def test_plan_json_today_and_terminal_plan_name_the_products(shelved):
    import jsonschema

    data = json.loads(shelved("plan", "--json").stdout)
    schema = json.loads((Path(__file__).parent.parent / "milia_cli" / "schemas" / "plan.schema.json").read_text())
    jsonschema.validate(data, schema)
    day = next(d for d in data["days"] if not {s["step"] for s in d["pm"]} & {"retinol", "exfoliate"})
    assert [s["product"] for s in day["pm"] if s["step"] == "moisturize"] == ["Night cream"]
    assert [s["product"] for s in day["am"] if s["step"] == "cleanse"] == [None]
    assert any(n["id"] == "D3" and "Rich eye cream" in n["text"] for n in data["notices"])
    text = shelved("plan").stdout
    assert "Your products:" in text and "pm moisturize: Night cream" in text
    today = shelved("today", "--date", day["date"])
    assert "— Night cream" in today.stdout and "— Rich eye cream" in today.stdout
    tj = json.loads(shelved("today", "--json", "--date", day["date"]).stdout)
    assert [s["product"] for s in tj["pm"] if s["step"] == "moisturize"] == ["Night cream"]


def test_after_profile_set_mid_plan_the_plan_drops_it_from_that_day(shelved):
    later = TODAY + timedelta(days=10)
    r = shelved("profile", "set", "pregnancy", "pregnant", today=later)
    assert r.exit_code == 0 and "Put away 'Night cream'" in r.stderr and "B1" in r.stderr
    data = json.loads(shelved("plan", "--json", today=later).stdout)
    for day in data["days"]:
        names = [s["product"] for s in day["pm"] if s["step"] == "moisturize"]
        tonight = {s["step"] for s in day["pm"]} & {"retinol", "exfoliate"}
        assert names == (["Night cream"] if date.fromisoformat(day["date"]) < later and not tonight else [None]), \
            day["date"]
    assert any(n["id"] == "B1" and f"'Night cream' (pm moisturize) is not used from {later}" in n["text"]
               for n in data["notices"])


def test_exports_name_the_products(shelved, tmp_path):
    out = {}
    for fmt, name in (("json", "p.json"), ("csv", "p.csv"), ("md", "p.md"), ("html", "p.html"), ("ics", "p.ics")):
        r = shelved("export", fmt, "-o", tmp_path / name)
        assert r.exit_code == 0, (fmt, r.output)
        out[fmt] = (tmp_path / name).read_text(encoding="utf-8")
    assert '"product": "Night cream"' in out["json"]
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    # left out on the retinol and acid evenings (C4)
    assert {r["product"] for r in rows if r["slot"] == "pm" and r["step"] == "moisturize"} == {"Night cream", ""}
    assert {r["product"] for r in rows if r["step"] == "cleanse"} == {""}
    assert "Your product" in out["md"] and "Night cream" in out["md"]
    assert "Your product" in out["html"] and "Night cream" in out["html"]
    unfolded = out["ics"].replace("\n ", "")  # read_text turned CRLF into LF: unfold "\n "
    assert "Use: Night cream." in unfolded and "Use: Rich eye cream." in unfolded
