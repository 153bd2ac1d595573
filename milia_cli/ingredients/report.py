"""One product checked: parse, classify, resolve ``--percent`` and ``--step``, evaluate; the
``milia.check/1`` JSON and the plain-text report. Pure (no I/O, no clock)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from milia_cli.errors import MiliaError, UsageError
from milia_cli.ingredients.classes import CLASS_BY_ID, CLASSES
from milia_cli.ingredients.classify import TABLE, Classified, classify
from milia_cli.ingredients.evaluate import Finding, evaluate, member_key
from milia_cli.ingredients.parse import MAX_LABEL_CHARS, compact, split_label
from milia_cli.ingredients.regulatory import ATTRIBUTION, FACTS_BY_MEMBER
from milia_cli.messages import check as msg
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.profile import Profile

SCHEMA = "milia.check/1"
STEP_IDS = ("cleanse", "remove-makeup", "exfoliate", "retinol", "moisturize", "eye-cream", "sunscreen", "makeup")
PERCENT_CLASSES = ("aha", "bha", "pha")  # --percent aha=30: the strength of the class as a whole


class CheckResult(NamedTuple):
    found: tuple[Classified, ...]
    findings: tuple[Finding, ...]
    profile: str | None
    pregnancy: str | None
    step: str | None
    strengths: dict[str, float]
    name: str | None = None  # the person's name; ``profile`` is the identity (issue 13)

    @property
    def stopped(self) -> bool:
        return any(f.level == "stop" for f in self.findings)

    def contains(self) -> list[tuple[str, list[str]]]:
        """(class id, the label names in it), in the order of the knowledge base."""
        by_class: dict[str, list[str]] = {}
        for c in self.found:
            if c.cls is not None:
                by_class.setdefault(c.cls, [])
                if c.item.printed not in by_class[c.cls]:
                    by_class[c.cls].append(c.item.printed)
        return [(k.id, by_class[k.id]) for k in CLASSES if k.id in by_class]

    def regulatory(self) -> list[tuple[str, dict]]:
        out: list[tuple[str, dict]] = []
        for c in self.found:
            if c.member is not None:
                for fact in FACTS_BY_MEMBER.get(c.member.inci, ()):
                    out.append((c.item.printed, fact.to_dict()))
        return out

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "profile": self.profile,
            "name": self.name,
            "pregnancy": self.pregnancy,
            "step": self.step,
            "stopped": self.stopped,
            "ingredients": [
                {"printed": c.item.printed, "name": c.canonical, "percent": c.item.percent,
                 "may_contain": c.item.may_contain, "class": c.cls, "match": c.via or None}
                for c in self.found
            ],
            "contains": [
                {"class": cls, "title": CLASS_BY_ID[cls].title, "names": listed, "source": CLASS_BY_ID[cls].source}
                for cls, listed in self.contains()
            ],
            "strengths": dict(sorted(self.strengths.items())),
            "findings": [f.to_dict() for f in self.findings],
            "regulatory": [dict(fact, name=name) for name, fact in self.regulatory()],
            "regulatory_source": ATTRIBUTION,
        }


def check_label(text: str, *, profile: Profile | None, step: str | None = None,
                percents: list[str] | tuple[str, ...] = (), today: date | None = None,
                where: str = "") -> CheckResult:
    """Check one ingredient list; ``where`` names its origin in errors (" in notes.txt")."""
    if len(text) > MAX_LABEL_CHARS:
        raise MiliaError(msg.TOO_LONG.format(where=where, size=len(text), limit=MAX_LABEL_CHARS))
    if not text.strip():
        raise MiliaError(msg.EMPTY.format(where=where))
    found = classify(split_label(text))
    if not found:
        raise MiliaError(msg.NO_NAMES.format(where=where))
    step = parse_step(step)
    strengths = parse_percents(percents, found)
    findings = evaluate(found, profile=profile, step=step, strengths=strengths, today=today)
    return CheckResult(tuple(found), findings, (profile.id or None) if profile else None,
                       profile.pregnancy if profile else None, step, strengths, profile.name if profile else None)


def parse_step(step: str | None) -> str | None:
    if step is None:
        return None
    text = step.strip().lower()
    bare = text.split(":", 1)[1] if text.startswith(("am:", "pm:")) else text
    if bare not in STEP_IDS:
        raise UsageError(msg.BAD_STEP.format(value=step, allowed=", ".join(STEP_IDS)))
    return text


def parse_percents(texts: list[str] | tuple[str, ...], found: list[Classified]) -> dict[str, float]:
    """``NAME=P`` into {member key or class id: percent}; NAME is a label name, its short
    key (glycolic, salicylic) or a class (aha, bha, pha), and must be on the label."""
    out: dict[str, float] = {}
    present_keys = {member_key(c) for c in found if c.cls is not None}
    present_classes = {c.cls for c in found if c.cls is not None}
    for text in texts:
        name, sep, number = text.partition("=")
        if not sep or not name.strip() or not number.strip():
            raise UsageError(msg.BAD_PERCENT_FORMAT.format(value=text))
        try:
            value = float(number.strip().rstrip("%").strip().replace(",", "."))
        except ValueError:
            value = float("nan")
        if not 0 < value <= 100:  # also refuses nan and inf
            raise UsageError(msg.BAD_PERCENT_VALUE.format(value=text, number=number.strip()))
        key, label = _percent_target(name, text)
        if key in PERCENT_CLASSES:
            if key not in present_classes:
                raise UsageError(msg.PERCENT_NOT_ON_LABEL.format(value=text, name=CLASS_BY_ID[key].title))
        elif key not in present_keys:
            raise UsageError(msg.PERCENT_NOT_ON_LABEL.format(value=text, name=label))
        out[key] = value
    return out


def _percent_target(name: str, text: str) -> tuple[str, str]:
    wanted = compact(name)
    if wanted in PERCENT_CLASSES:
        return wanted, wanted
    for candidate in (wanted, wanted + "acid"):
        member = TABLE.get(candidate)
        if member is not None:
            return (member.key or member.inci.casefold().replace(" ", "-")), member.inci
    for member in TABLE.values():
        if member.key and compact(member.key) == wanted:
            return member.key, member.inci
    known = ", ".join(("aha", "bha", "pha", "glycolic", "lactic", "mandelic", "salicylic"))
    raise UsageError(msg.UNKNOWN_PERCENT_NAME.format(value=text, name=name.strip(), known=known))


def render_text(result: CheckResult, lang: str = "en") -> list[str]:
    """The report as plain lines (no rich: this runs on small terminals and in pipes), in
    ``lang``: milia's sentences, the class titles and the regulatory summaries translated; the
    ingredient names, rule ids and the regulations cited as they are."""
    from milia_cli.i18n import tr

    def t(text: str) -> str:
        return text if lang == "en" else tr(text, lang)

    step = msg.HEADER_STEP.format(step=result.step) if result.step else msg.HEADER_NO_STEP
    if result.profile is None:
        lines = [t(msg.HEADER_NO_PROFILE.format(step=step))]
    else:
        pregnancy = msg.PREGNANCY.get(result.pregnancy or "", result.pregnancy)
        lines = [t(msg.HEADER_PROFILE.format(name=result.profile, pregnancy=pregnancy, step=step))]
    contains = result.contains()
    lines.append("")
    if contains:
        lines.append(t(msg.CONTAINS))
        lines += [f"  {t(CLASS_BY_ID[cls].title)}: {', '.join(listed)}" for cls, listed in contains]
    else:
        lines.append(t(msg.CONTAINS_NOTHING))
    if result.strengths:
        given = ", ".join(msg.STRENGTH.format(name=name, value=value) for name, value in sorted(result.strengths.items()))
        lines.append("  " + t(msg.STRENGTHS.format(given=given)))
    unknown = sum(1 for c in result.found if c.cls is None and c.via != "water")
    if unknown:
        lines.append("  " + t(msg.UNKNOWN_NAMES.format(count=unknown, total=len(result.found))))
    lines.append("")
    if result.findings:
        lines.append(t(msg.FINDINGS))
        lines += _finding_lines(result.findings, lang, t)
    else:
        lines.append(t(msg.FINDINGS_NONE))
    regulatory = result.regulatory()
    if regulatory:
        lines += ["", t(msg.REGULATORY)]
        for name, fact in regulatory:
            template = msg.REGULATORY_REACH if fact["annex"] == "REACH" else msg.REGULATORY_ANNEX
            lines.append("  " + t(template.format(name=name, annex=fact["annex"], entry=fact["entry"],
                                                  text=t(fact["text"]), reference=t(fact["reference"]))))
        lines.append(f"  {t(ATTRIBUTION)}")
    lines += ["", t(msg.VERDICT_STOP if result.stopped else msg.VERDICT_OK), t(msg.DISCLAIMER)]
    return lines


def _finding_lines(findings: tuple[Finding, ...] | list[Finding], lang: str, t) -> list[str]:
    """``  STOP    B1   Contains …`` then its source, under the text. Another language writes the
    level as its word (plan.LEVEL_WORDS) and pads by display cells (a Hangul syllable is two)."""
    if lang == "en":
        return [line for f in findings for line in (f"  {f.level.upper():<7} {f.id:<4} {f.text}",
                                                    "               " + msg.FINDING_SOURCE.format(source=f.source))]
    from milia_cli.messages.plan import LEVEL_WORDS
    from milia_cli.render.text import cells

    words = {f.level: t(LEVEL_WORDS.get(f.level, f.level)) for f in findings}
    width = max(cells(w) for w in words.values())
    out = []
    for f in findings:
        word = words[f.level]
        head = f"  {word}{' ' * (width - cells(word))} {f.id:<4} "
        out += [head + t(f.text), " " * cells(head) + t(msg.FINDING_SOURCE.format(source=f.source))]
    return out
