"""Label names into classes: an exact lookup of every spelling in :mod:`.members`, then a few
suffix patterns for the open-ended classes (plant oils and butters, shell and seed powders,
silicones, retinyl esters), English and Korean.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from milia_cli.ingredients.members import MEMBERS, WATER, Member
from milia_cli.ingredients.parse import LabelItem, compact, is_korean, keys, make_item, spaced, split_label


class Classified(NamedTuple):
    item: LabelItem
    member: Member | None  # the knowledge-base entry, when the name is listed
    cls: str | None  # class id, or None: not in the knowledge base (not checked)
    via: str = ""  # "name" (listed spelling) or "pattern" (a suffix rule)

    @property
    def canonical(self) -> str:
        return self.member.inci if self.member is not None else self.item.printed


def _table() -> dict[str, Member]:
    table: dict[str, Member] = {}
    for member in MEMBERS:
        for spelling in (member.inci, *member.synonyms):
            key = compact(spelling)
            if table.setdefault(key, member) is not member:
                raise AssertionError(f"{spelling!r} is listed twice in the ingredient knowledge base")
    return table


TABLE: dict[str, Member] = _table()
WATER_KEYS = frozenset(compact(w) for w in WATER)

# -- patterns for what no list can enumerate ------------------------------------------------
_ESSENTIAL = r"(?:peel|leaf|leaves|flower|blossom|herb|bark|root|rind|wood|needle|stem|twig|resin|essential)"
_OIL = re.compile(rf"^(?!peg|ppg|polyglyceryl)(?!.*\b{_ESSENTIAL}\s+oil\b)(?!.*\boil\s+(?:extract|unsaponifiables)\b).*\b(?:oil|butter)$")
_SCRUB = re.compile(r"\b(?:shell|seed|kernel|pit|husk|stone)\s+powder$|\bmicrobeads?$")
_SILICONE = re.compile(r"(?:dimethicone|methicone|siloxane|siloxysilicate)")
_RETINYL = re.compile(r"\bretinyl\b|\bretino(?:ate|ic)\b")
_KO_OIL = re.compile(r"(?:오일|버터)$")
_KO_ESSENTIAL = re.compile(r"(?:잎|껍질|꽃|뿌리|나무|줄기)오일$|^(?:피이지|피피지|폴리글리세릴)")
_KO_SCRUB = re.compile(r"(?:껍질|씨|씨앗)가루$|껍질파우더$|씨파우더$")
_KO_SILICONE = re.compile(r"(?:다이메티콘|메티콘|실록세인|실록산|실록시실리케이트)")


def classify_item(item: LabelItem) -> Classified:
    for key in keys(item.name):
        member = TABLE.get(key)
        if member is not None:
            return Classified(item, member, member.cls, "name")
    if any(key in WATER_KEYS for key in keys(item.name)):
        return Classified(item, None, None, "water")
    cls = _pattern_class(item.name)
    return Classified(item, None, cls, "pattern" if cls else "")


def _pattern_class(name: str) -> str | None:
    if is_korean(name):
        flat = compact(name)
        if flat.startswith("레티") and not flat.startswith("레티큘"):
            return "retinoid"
        if _KO_SILICONE.search(flat):
            return "heavy-silicone"
        if _KO_SCRUB.search(flat):
            return "physical-exfoliant"
        if _KO_OIL.search(flat) and not _KO_ESSENTIAL.search(flat):
            return "occlusive"
        return None
    text = spaced(name)
    if _RETINYL.search(text):
        return "retinoid"
    if _SILICONE.search(text):
        return "heavy-silicone"
    if _SCRUB.search(text):
        return "physical-exfoliant"
    if _OIL.search(text):
        return "occlusive"
    return None


def classify(items: list[LabelItem]) -> list[Classified]:
    out: list[Classified] = []
    for item in items:
        whole = classify_item(item)
        joined = keys(item.name)[0]  # the whole name, not one of its parts or alternatives
        if not item.lines or joined in TABLE or joined in WATER_KEYS:
            out.append(whole)  # "Salicylic\nAcid": one name wrapped over two lines
            continue
        for line in item.lines:  # "Glycerin\nRetinol": one name a line
            part = make_item(line, item.may_contain)
            if part is not None:
                out.append(classify_item(part))
    return out


def classify_label(text: str) -> list[Classified]:
    return classify(split_label(text))


def classes_of(found: list[Classified]) -> frozenset[str]:
    """The class ids a label contains (what the property tests compare)."""
    return frozenset(c.cls for c in found if c.cls is not None)
