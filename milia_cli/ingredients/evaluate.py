"""What a product's classes mean for one profile: the findings of ``milia check``.

Pure: the label is already classified, the profile already loaded, ``today`` passed in.
Each finding carries its RULES.md id, a level (info | caution | refer | stop) and the rule's
source. Strength is never guessed (C1): it comes from the label ("Glycolic Acid 10%") or from
``--percent``; unknown is said as unknown.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from milia_cli.catalogue import ACTIVE_STEPS, STEP_KINDS
from milia_cli.ingredients.classes import ACID_CLASSES, ACTIVE_CLASSES, CLASS_BY_ID
from milia_cli.ingredients.classify import Classified
from milia_cli.messages import check as msg
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.profile import Profile

ADULT_AGE = 18
AHA_LIMIT, BHA_LIMIT = 10.0, 2.0  # C1: leave-on AHA at most 10 %, salicylic acid 0.5-2 %
WASH_OFF_STEPS = ("cleanse", "remove-makeup")  # C7: "a wash-off cleanser"
EYE_STEPS = ("eye-cream",)
REFUSE, OFF_ACTIVE_EVENINGS = "refuse", "off-active-evenings"  # Finding.plan
# RULES.md rows this worktree's rules_data.py may not have yet (revision 2 rows added by
# another change): title and sources as RULES.md gives them, used only while they are missing.
FALLBACK_SOURCES = {
    "B12": "adapalene and tretinoin labels",
    "C9": "NHS SPS; LactMed",
    "D8": "AAD: how to test skin care products",
    "D9": "AAD exfoliation tips; S0",
}


class Finding(NamedTuple):
    id: str  # RULES.md id
    level: str  # info | caution | refer | stop
    text: str
    source: str
    classes: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # the label names it is about
    plan: str = ""  # what the plan does with a shelf product it fires for: REFUSE or OFF_ACTIVE_EVENINGS

    def to_dict(self) -> dict:
        return {"id": self.id, "level": self.level, "text": self.text, "source": self.source,
                "classes": list(self.classes), "names": list(self.names)}


class Strength(NamedTuple):
    """What is known of a class's strength in this product."""
    total: float | None  # the summed known percentages (or the class-wide --percent)
    unknown: tuple[str, ...]  # label names whose strength is not known
    key: str  # the --percent name to ask for

    @property
    def complete(self) -> bool:
        return self.total is not None and not self.unknown


def rule_source(rule_id: str) -> str:
    from milia_cli.rules import RULES, describe_source

    rule = RULES.get(rule_id)
    if rule is not None:
        return rule.source
    return "; ".join(describe_source(s.strip()) for s in FALLBACK_SOURCES.get(rule_id, "RULES.md").split(";"))


def member_key(c: Classified) -> str:
    if c.member is not None and c.member.key:
        return c.member.key
    return c.canonical.casefold().replace(" ", "-")


def percent_of(c: Classified, strengths: dict[str, float]) -> float | None:
    """--percent for this name (by its key), else the strength printed on the label (not for
    a plant source: "Salix Alba (Willow) Bark Water (67%)" is not 67 % salicylic acid)."""
    printed = None if c.member is not None and c.member.role == "source" else c.item.percent
    return strengths.get(member_key(c), printed)


def effective(found: list[Classified], strengths: dict[str, float]) -> dict[str, list[Classified]]:
    """Per class, the names that count as that class here: every listed active, and an
    adjuster (citric acid, gluconolactone, polyethylene) only when a strength is known."""
    out: dict[str, list[Classified]] = {}
    for c in found:
        if c.cls is None:
            continue
        if c.member is not None and c.member.role == "adjuster" and percent_of(c, strengths) is None \
                and c.cls not in strengths:
            continue
        out.setdefault(c.cls, []).append(c)
    return out


def adjusters_only(found: list[Classified], strengths: dict[str, float], cls: str) -> list[Classified]:
    eff = effective(found, strengths).get(cls, [])
    return [c for c in found if c.cls == cls and c not in eff]


def strength(items: list[Classified], cls: str, strengths: dict[str, float]) -> Strength:
    ask = member_key(items[0]) if items else cls
    if cls in strengths:
        return Strength(strengths[cls], (), cls)
    total: float | None = None
    unknown: list[str] = []
    seen: set[str] = set()
    for c in items:
        key = member_key(c)
        if key in seen:
            continue
        seen.add(key)
        value = percent_of(c, strengths)
        if value is None:
            unknown.append(c.item.printed)
        else:
            total = (total or 0.0) + value
    if len(unknown) > 1:  # several names of unknown strength: ask for the class as a whole
        return Strength(total, tuple(unknown), cls)
    first_unknown = next((member_key(c) for c in items if percent_of(c, strengths) is None), ask)
    return Strength(total, tuple(unknown), first_unknown)


def names(items: list[Classified]) -> str:
    return ", ".join(dict.fromkeys(c.item.printed for c in items))


def evaluate(found: list[Classified], *, profile: Profile | None, step: str | None,
             strengths: dict[str, float], today: date | None = None) -> tuple[Finding, ...]:
    """The findings for this product, most serious first (stable within a level)."""
    out: list[Finding] = []

    def add(rule_id: str, level: str, text: str, items: list[Classified], source: str | None = None,
            plan: str = "") -> None:
        classes = tuple(dict.fromkeys(c.cls for c in items if c.cls))
        out.append(Finding(rule_id, level, text, source or rule_source(rule_id), classes,
                           tuple(dict.fromkeys(c.item.printed for c in items)), plan))

    eff = effective(found, strengths)
    bare = step.split(":", 1)[-1] if step else None
    wash_off = bare in WASH_OFF_STEPS
    retinoids = eff.get("retinoid", [])
    acids = [c for cls in ACID_CLASSES for c in eff.get(cls, [])]
    actives = [c for cls in ACTIVE_CLASSES for c in eff.get(cls, [])]
    pregnancy = profile.pregnancy if profile is not None else None

    # -- who may use an active at all (A8, B10, C8, D7, C9) --------------------------------
    if profile is not None and actives:
        cautions = profile.cautions
        # A8, as the planner reads it: anyone who may still be 17 this year (a birth year only)
        if profile.birth_year is not None and today is not None and today.year - profile.birth_year <= ADULT_AGE:
            add("A8", "stop", msg.A8_ACTIVE.format(names=names(actives)), actives)
        if cautions.isotretinoin_recent or cautions.eczema_or_rosacea:
            blocked = retinoids + acids
            if blocked:
                add("B10", "stop", msg.B10_ACTIVE.format(names=names(blocked)), blocked)
        if cautions.photosensitizing_medicine and not cautions.prescriber_agreed and acids:
            add("C8", "stop", msg.C8_ACIDS.format(names=names(acids)), acids)
        if cautions.facial_steroid and not cautions.prescriber_agreed:
            add("D7", "stop", msg.D7_ACTIVE.format(names=names(actives)), actives)
        if pregnancy == "breastfeeding" and "chest" in profile.milia.areas:
            add("C9", "caution", msg.C9_CHEST.format(names=names(actives)), actives)

    _retinoid_rules(add, retinoids, acids, profile)
    _acid_rules(add, found, eff, strengths, pregnancy, profile is None, wash_off)
    _step_rules(add, found, eff, strengths, bare, profile)

    bpo = eff.get("benzoyl-peroxide", [])
    evening_actives = _one_active_a_night(add, retinoids, acids, bpo, step)
    if bpo:
        paired = [c for c in retinoids if c.canonical != "Adapalene"]
        if paired:
            add("C4", "caution", msg.C4_BPO_WITH_RETINOID.format(names=names(paired)), bpo + paired,
                source=CLASS_BY_ID["benzoyl-peroxide"].source, plan=REFUSE if bare in ACTIVE_STEPS else "")
        elif not evening_actives:  # the everyday-step finding already says "not with retinol"
            add("C4", "caution", msg.C4_BPO, bpo, source=CLASS_BY_ID["benzoyl-peroxide"].source)
    if pregnancy in ("pregnant", "trying", "breastfeeding"):
        other = eff.get("benzoyl-peroxide", []) + eff.get("hydroquinone", [])
        if other:
            add("N3", "caution", msg.N3_PREGNANCY.format(names=names(other)), other)
    if actives:
        add("D8", "info", msg.D8_NEW.format(names=names(actives)), actives)
    order = {"stop": 0, "refer": 1, "caution": 2, "info": 3}
    return tuple(sorted(out, key=lambda f: order[f.level]))


def _one_active_a_night(add, retinoids: list[Classified], acids: list[Classified], bpo: list[Classified],
                        step: str | None) -> bool:
    """C4 for a product at its step: one active a night. A retinol with an acid in it, or an acid
    with a retinoid, puts both on one night, so the plan never schedules it; a retinoid, an acid
    or benzoyl peroxide in an everyday evening step (cleanse, remove makeup, moisturize) would add
    a second active to the plan's retinol or acid evenings, so the plan leaves it out on those.
    True when that everyday-step finding was added."""
    if step is None:
        return False
    slot, _, bare = step.rpartition(":")
    if bare == "retinol" and acids:
        add("C4", "caution", msg.C4_RETINOL_WITH_ACID.format(names=names(acids)), acids, plan=REFUSE)
    elif bare == "exfoliate" and retinoids:
        add("C4", "caution", msg.C4_ACID_WITH_RETINOID.format(names=names(retinoids)), retinoids, plan=REFUSE)
    elif bare not in ACTIVE_STEPS and bare not in EYE_STEPS and slot != "am" and "pm" in STEP_KINDS[bare].slots:
        inside = retinoids + acids + bpo
        if inside:
            text = msg.C4_EVENING_ACTIVE if slot == "pm" else msg.C4_EVERYDAY_ACTIVE  # pm: no mornings to offer
            add("C4", "caution", text.format(names=names(inside)), inside, plan=OFF_ACTIVE_EVENINGS)
            return True
    return False


def _retinoid_rules(add, retinoids: list[Classified], acids: list[Classified], profile: Profile | None) -> None:
    if not retinoids:
        if profile is not None and profile.cautions.prescription_retinoid and not profile.cautions.prescriber_agreed \
                and acids:
            add("B12", "caution", msg.B12_ACIDS.format(names=names(acids)), acids)
        return
    pregnancy = profile.pregnancy if profile is not None else None
    listed = names(retinoids)
    if pregnancy in ("pregnant", "trying"):
        add("B1", "stop", msg.RETINOID_PREGNANT.format(names=listed), retinoids)
    elif pregnancy == "breastfeeding":
        add("B2", "stop", msg.RETINOID_BREASTFEEDING.format(names=listed), retinoids)
    elif profile is None:
        add("B1", "caution", msg.RETINOID_NO_PROFILE.format(names=listed), retinoids)
    otc = [c for c in retinoids if c.member is None or c.member.role != "prescription"]
    rx = [c for c in retinoids if c not in otc]
    on_prescription = profile is not None and profile.cautions.prescription_retinoid
    if on_prescription and otc:
        add("B12", "stop", msg.B12_OTC_ON_PRESCRIPTION.format(names=names(otc)), otc)
    if rx:
        text = msg.B12_IS_PRESCRIPTION if on_prescription or profile is None else msg.B12_RECORD
        add("B12", "info" if on_prescription else "caution", text.format(names=names(rx)), rx)
    if on_prescription and acids and profile is not None and not profile.cautions.prescriber_agreed:
        add("B12", "caution", msg.B12_ACIDS.format(names=names(acids)), acids)


def _acid_rules(add, found, eff, strengths, pregnancy, no_profile: bool, wash_off: bool) -> None:
    expecting = pregnancy in ("pregnant", "trying")
    for cls, what, limit, limit_text in (("aha", "AHA", AHA_LIMIT, msg.AHA_LIMIT),
                                         ("bha", msg.BHA_WHAT, BHA_LIMIT, msg.BHA_LIMIT)):
        items = eff.get(cls, [])
        if not items:
            spare = adjusters_only(found, strengths, cls)
            if spare:
                add("C1", "info", msg.C1_ADJUSTER.format(names=names(spare), key=member_key(spare[0])), spare)
            continue
        s = strength(items, cls, strengths)
        over = s.total is not None and s.total > limit
        if over:
            add("C1", "caution", msg.C1_OVER.format(what=what, strength=s.total, limit=limit_text), items)
        elif s.unknown:
            add("C1", "caution", msg.C1_UNKNOWN.format(what=what, names=", ".join(s.unknown), key=s.key,
                                                       limit=limit_text), items)
        else:
            add("C1", "info", msg.C1_WITHIN.format(what=what, strength=s.total, limit=limit_text), items)
        listed = names(items)
        if cls == "aha" and expecting:
            if over:
                add("C7", "stop", msg.C7_AHA_OVER.format(what=what, strength=s.total), items)
            elif s.unknown:
                add("C7", "caution", msg.C7_AHA_UNKNOWN.format(what=what, names=listed, key=s.key), items)
            else:
                add("C7", "info", msg.C7_AHA_WITHIN.format(what=what, strength=s.total), items)
        elif cls == "bha" and (expecting or no_profile):
            if not wash_off:
                text = msg.C7_NO_PROFILE if no_profile else msg.C7_BHA_LEAVE_ON
                add("C7", "caution" if no_profile else "stop", text.format(names=listed), items)
            elif not expecting:
                continue
            elif over:
                add("C7", "stop", msg.C7_BHA_OVER.format(strength=s.total), items)
            elif s.unknown:
                add("C7", "caution", msg.C7_BHA_UNKNOWN.format(names=listed, key=s.key), items)
            else:
                add("C7", "info", msg.C7_BHA_WITHIN.format(strength=s.total), items)
    if expecting:
        pha = eff.get("pha", [])
        if pha:
            add("C7", "caution", msg.C7_PHA.format(names=names(pha)), pha)
        azelaic = eff.get("azelaic-acid", [])
        if azelaic:
            add("C7", "info", msg.C7_AZELAIC.format(names=names(azelaic)), azelaic)


def _step_rules(add, found, eff, strengths, step: str | None, profile: Profile | None) -> None:
    occlusive = eff.get("occlusive", [])
    if step in EYE_STEPS:
        retinoids = eff.get("retinoid", [])
        if retinoids:
            add("B8", "stop", msg.B8_EYE.format(names=names(retinoids)), retinoids)
        others = [c for cls in ACTIVE_CLASSES if cls != "retinoid" for c in eff.get(cls, [])]
        if others:
            add("C6", "stop", msg.C6_EYE.format(names=names(others)), others)
        spare = [c for cls in ACID_CLASSES for c in adjusters_only(found, strengths, cls)]
        if spare:
            add("C6", "info", msg.C6_EYE_ADJUSTER.format(names=names(spare)), spare)
        if occlusive:
            from milia_cli.catalogue import EYE_AREAS

            eye_milia = profile is None or any(a in EYE_AREAS for a in profile.milia.areas)
            if eye_milia:
                add("D3", "caution", msg.D3_EYE.format(names=names(occlusive)), occlusive)
            else:
                add("D2", "caution", msg.D2_MOISTURIZER.format(names=names(occlusive)), occlusive)
    elif step == "moisturize" and occlusive:
        add("D2", "caution", msg.D2_MOISTURIZER.format(names=names(occlusive)), occlusive)
    elif step in ("makeup", "sunscreen"):
        if occlusive:
            add("D4", "caution" if step == "makeup" else "info", msg.D4_OILS.format(names=names(occlusive)), occlusive)
        silicones = eff.get("heavy-silicone", [])
        if silicones and step == "makeup":
            add("D4", "info", msg.D4_SILICONE.format(names=names(silicones)), silicones)
    scrubs = eff.get("physical-exfoliant", [])
    if scrubs:
        add("D9", "caution", msg.D9_SCRUB.format(names=names(scrubs)), scrubs)
    else:
        maybe = adjusters_only(found, strengths, "physical-exfoliant")
        if maybe:
            add("D9", "info", msg.D9_MAYBE.format(names=names(maybe)), maybe)
