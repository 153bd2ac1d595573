"""One active a night, with the person's own products too (C4, issue 15's "two retinoid products
on the same night", "benzoyl peroxide with retinol the same night").

Found by trying the shelf as a user would: a retinyl-palmitate night cream on the moisturize step
was named every evening, so on the plan's retinol evenings the person put on two retinoids, and
on its acid evenings a retinoid with the acid; a benzoyl-peroxide wash was named on the retinol
evenings; a retinol + glycolic serum was named on the retinol step. Now:

* a product on an everyday step (cleanse, remove makeup, moisturize) that holds a retinoid, an
  acid or benzoyl peroxide is named in the morning and on the evenings without an active, never
  on an evening the plan gives retinol or an acid (the next product for the step is, if any);
* a product on the retinol step that also holds an acid or benzoyl peroxide, or one on the acid
  step that also holds a retinoid, is never named;
* `milia check --step STEP` says the same (C4), so the checker and the plan agree.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.ingredients.evaluate import effective
from milia_cli.ingredients.report import check_label
from milia_cli.logmodel import EMPTY_LOG, Log, ProfileChange
from milia_cli.planner import build_plan, day_view
from milia_cli.profile import parse_profile
from milia_cli.shelf import ShelfProduct
from tests.conftest import BASE_PROFILE, TODAY
from tests.support.examples import examples

BASE = parse_profile(BASE_PROFILE.encode(), "ana.toml")
NIGHT_CREAM = ShelfProduct("Night cream", "moisturize", "Aqua, Glycerin, Retinyl Palmitate, Tocopherol")
GEL = ShelfProduct("Gel cream", "moisturize", "Water, Glycerin, Sodium Hyaluronate, Carbomer")
AHA_LOTION = ShelfProduct("AHA lotion", "pm:moisturize", "Aqua, Glycolic Acid, Glycerin, Sodium Hydroxide")
BPO_WASH = ShelfProduct("BPO wash", "cleanse", "Benzoyl Peroxide 4%, Water, Sodium Cocoyl Isethionate, Glycerin")
MILD_WASH = ShelfProduct("Mild wash", "cleanse", "Water, Glycerin, Cocamidopropyl Betaine")
RETINOL_AHA = ShelfProduct("Retinol AHA serum", "retinol", "Aqua, Retinol, Glycolic Acid, Squalane", (("glycolic", 5.0),))
RETINOL = ShelfProduct("Retinol serum", "retinol", "Aqua, Squalane, Retinol, Tocopherol")
TONER_RETINAL = ShelfProduct("Retinal toner", "exfoliate", "Aqua, Lactic Acid, Retinal", (("lactic", 5.0),))
TONER = ShelfProduct("Toner", "exfoliate", "Aqua, Glycolic Acid, Glycerin", (("glycolic", 7.0),))
NIGHT_ACTIVES = {"retinoid", "aha", "bha", "pha", "benzoyl-peroxide"}
PLAN_ACTIVES = {"retinol", "exfoliate"}


def actives_in(product: ShelfProduct) -> set[str]:
    result = check_label(product.inci, profile=None, step=product.step, percents=product.percent_args())
    return set(effective(list(result.found), result.strengths)) & NIGHT_ACTIVES


def evenings(plan, *, active: bool):
    return [d for d in plan.days if bool({s.step for s in d.pm} & PLAN_ACTIVES) == active]


def named(day, step_id: str):
    return [s.product for s in day.steps if s.id == step_id]


def test_a_retinoid_night_cream_stays_off_the_retinol_and_acid_evenings():
    plan = build_plan(BASE._replace(shelf=(NIGHT_CREAM, GEL)), today=TODAY)
    active, calm = evenings(plan, active=True), evenings(plan, active=False)
    assert {s.step for d in active for s in d.pm} >= PLAN_ACTIVES and calm  # both kinds of evening are here
    assert all(named(d, "pm:moisturize") == ["Gel cream"] for d in active)  # the next moisturizer
    assert all(named(d, "pm:moisturize") == ["Night cream"] for d in calm)
    assert all(named(d, "am:moisturize") == ["Night cream"] for d in plan.days)
    said = [n for n in plan.notices if "'Night cream'" in n.text]
    assert [(n.id, n.level) for n in said] == [("C4", "caution")] and "Retinyl Palmitate" in said[0].text
    # alone on the shelf: nothing named on those evenings, the step stays (the generic moisturizer)
    plan = build_plan(BASE._replace(shelf=(NIGHT_CREAM,)), today=TODAY)
    assert all(named(d, "pm:moisturize") == [None] for d in evenings(plan, active=True))


def test_a_benzoyl_peroxide_wash_is_for_the_mornings_and_the_calm_evenings():
    plan = build_plan(BASE._replace(shelf=(BPO_WASH, MILD_WASH)), today=TODAY)
    retinol_nights = [d for d in plan.days if any(s.step == "retinol" for s in d.pm)]
    assert retinol_nights
    assert all(named(d, "pm:cleanse") == ["Mild wash"] for d in retinol_nights)
    assert all(named(d, "am:cleanse") == ["BPO wash"] for d in plan.days)
    assert all(named(d, "pm:cleanse") == ["BPO wash"] for d in evenings(plan, active=False))


def test_one_product_with_two_actives_is_never_scheduled():
    for product, other in ((RETINOL_AHA, RETINOL), (TONER_RETINAL, TONER)):
        plan = build_plan(BASE._replace(shelf=(product, other)), today=TODAY)
        steps = [s for d in plan.days for s in d.pm if s.step == product.bare_step]
        assert steps and all(s.product == other.name for s in steps), product.name
        said = [n for n in plan.notices if f"'{product.name}'" in n.text]
        assert [(n.id, n.level) for n in said] == [("C4", "stop")], said


def test_check_says_what_the_plan_does(milia):
    milia.write_profile()
    cases = [(NIGHT_CREAM, "moisturize"), (AHA_LOTION, "pm:moisturize"), (BPO_WASH, "cleanse"),
             (RETINOL_AHA, "retinol"), (TONER_RETINAL, "exfoliate")]
    for product, step in cases:
        args = ["check", product.inci, "--step", step, *(f"--percent={p}" for p in product.percent_args())]
        res = milia(*args)
        assert res.exit_code == 0, res.output  # a caution, not a stop: the product itself is allowed
        assert "CAUTION C4" in res.stdout, (product.name, res.stdout)
    for product, step in ((GEL, "moisturize"), (RETINOL, "retinol"), (TONER, "exfoliate"), (NIGHT_CREAM, "am:moisturize")):
        res = milia("check", product.inci, "--step", step, *(f"--percent={p}" for p in product.percent_args()))
        assert "C4" not in res.stdout, (product.name, res.stdout)


# -- the property ---------------------------------------------------------------------------------
LABELS = [NIGHT_CREAM, GEL, AHA_LOTION, BPO_WASH, MILD_WASH, RETINOL_AHA, RETINOL, TONER_RETINAL, TONER,
          ShelfProduct("BPO balm", "remove-makeup", "Ethylhexyl Palmitate, Polyethylene, Benzoyl Peroxide"),
          ShelfProduct("SA wash", "pm:cleanse", "Water, Sodium Laureth Sulfate, Salicylic Acid 2%, Glycerin"),
          ShelfProduct("Adapalene gel", "pm:retinol", "Adapalene 0.1%, Carbomer 940, Propylene Glycol, Water")]
STATUSES = ("none", "trying", "pregnant", "breastfeeding")


@st.composite
def courses(draw):
    shelf = tuple(draw(st.lists(st.sampled_from(LABELS), max_size=6, unique_by=lambda p: p.name)))
    skin = draw(st.sampled_from(("normal", "dry", "sensitive", "oily", "combination")))
    prof = BASE._replace(shelf=shelf, skin=BASE.skin._replace(type=skin))
    changes, current = [], prof.pregnancy
    for offset in sorted(draw(st.sets(st.integers(1, 40), max_size=2))):
        new = draw(st.sampled_from(STATUSES))
        if new != current:
            changes.append(ProfileChange(TODAY + timedelta(days=offset), "pregnancy", current, new))
            current = new
    return prof._replace(pregnancy=current), Log(changes=tuple(changes))


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(courses())
def test_no_evening_holds_a_second_active(course):
    prof, log = course
    today = TODAY + timedelta(days=20)
    plan = build_plan(prof, log, weeks=8, today=today)
    by_name = {p.name: p for p in prof.shelf}
    for day in plan.days:
        plan_actives = {s.step for s in day.pm} & PLAN_ACTIVES
        for s in day.pm:
            if s.product is None:
                continue
            inside = actives_in(by_name[s.product])
            if s.step == "retinol":
                assert not inside & {"aha", "bha", "pha"}, (day.date, s.product)
                assert "benzoyl-peroxide" not in inside or by_name[s.product].name == "Adapalene gel"
            elif s.step == "exfoliate":
                assert "retinoid" not in inside, (day.date, s.product)
            elif plan_actives:
                assert not inside, (day.date, s.id, s.product, plan_actives)
    # `today` is the plan's day
    for day in plan.days[::9]:
        assert day_view(prof, log, day.date, today=today).day == plan.day(day.date)


def test_the_generic_step_stays_when_no_product_fits():
    plan = build_plan(BASE._replace(shelf=(NIGHT_CREAM,)), EMPTY_LOG, today=TODAY)
    for day in evenings(plan, active=True):
        assert [s.step for s in day.pm].count("moisturize") == 1


def test_shelf_list_says_it_is_kept_off_the_active_evenings(milia):
    milia.write_profile()
    assert milia("shelf", "add", "Night cream", "--step", "moisturize", "--inci", NIGHT_CREAM.inci).exit_code == 0
    assert milia("shelf", "add", "Gel cream", "--step", "moisturize", "--inci", GEL.inci).exit_code == 0
    lines = milia("shelf", "list").stdout.splitlines()
    assert lines[0].startswith("Night cream") and lines[0].endswith("used, not on the retinol or acid evenings: C4")
    assert lines[1].startswith("Gel cream") and lines[1].endswith("  used")
    korean = milia("--lang", "ko", "shelf", "list").stdout.splitlines()
    assert korean[0].endswith("C4)") and "사용" in korean[0]


def test_an_evening_only_product_is_offered_the_other_evenings_and_its_days_read_whole(milia, tmp_path):
    """A pm-only night cream is not told to go on in the morning; the handout's "Your product"
    line does not start it "from" the first calm evening after a retinol Monday."""
    result = check_label(AHA_LOTION.inci, profile=BASE, step=AHA_LOTION.step)
    said = [f.text for f in result.findings if f.id == "C4"]
    assert said and "other evenings" in said[0] and "morning" not in said[0]
    milia.write_profile(BASE_PROFILE + f'\n[[shelf]]\nname = "Night cream"\nstep = "pm:moisturize"\n'
                                       f'inci = "{NIGHT_CREAM.inci}"\n')
    res = milia("export", "md", "-o", tmp_path / "h.md")
    assert res.exit_code == 0, res.output
    assert "**Your product:** pm moisturize: Night cream\n" in (tmp_path / "h.md").read_text()
