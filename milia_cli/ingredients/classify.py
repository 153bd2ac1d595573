"""Label names into classes: an exact lookup of every spelling in :mod:`.members`, then a few
suffix patterns for the open-ended classes (plant oils and butters, shell and seed powders,
silicones, retinyl esters), English and Korean.
"""

from __future__ import annotations

import re

from milia_cli.ingredients.members import MEMBERS, WATER, Member
from milia_cli.ingredients.parse import (
    LabelItem,
    compact,
    is_korean,
    keys,
    make_item,
    slash_parts,
    spaced,
    split_label,
)
from milia_cli.records import NamedTuple


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
_RETINYL = re.compile(r"\bretinyl\b|\bretino(?:ate|ic|id)\b")
# The safety-critical substances inside a longer or unusual name ("Hydrous Benzoyl Peroxide",
# "Encapsulated Retinol", "L-Lactic Acid", "Salix Alba (Willow) Bark", "캡슐레티놀"): matched
# to the listed substance, never inside a polymer (Lactic Acid/Glycolic Acid Copolymer).
_CRITICAL = tuple((re.compile(pattern), inci) for pattern, inci in (
    (r"\bisotretinoin\b", "Isotretinoin"), (r"\btretinoin\b|\bretinoic acid\b", "Tretinoin"),
    (r"\badapalene\b", "Adapalene"), (r"\btazarotene\b", "Tazarotene"), (r"\btrifarotene\b", "Trifarotene"),
    (r"\bhydroxypinacolone retinoate\b", "Hydroxypinacolone Retinoate"), (r"\bretinal(?:dehyde)?\b", "Retinal"),
    (r"\bretinyl palmitate\b", "Retinyl Palmitate"), (r"\bretinyl acetate\b", "Retinyl Acetate"),
    (r"\bretinyl propionate\b", "Retinyl Propionate"), (r"\bretinyl linoleate\b", "Retinyl Linoleate"),
    (r"\bretinol\b", "Retinol"), (r"\bbenzoyl peroxide\b", "Benzoyl Peroxide"),
    (r"\bsalicylic acid\b", "Salicylic Acid"), (r"\bsodium salicylate\b", "Sodium Salicylate"),
    (r"\bbetaine salicylate\b", "Betaine Salicylate"), (r"\b(?:willow|salix)\b.*\bbark\b", "Salix Alba Bark Extract"),
    (r"\bglycolic acid\b", "Glycolic Acid"), (r"\blactic acid\b", "Lactic Acid"), (r"\bmandelic acid\b", "Mandelic Acid"),
    (r"\bazelaic acid\b", "Azelaic Acid"), (r"\bhydroquinone\b", "Hydroquinone"),
))
_KO_CRITICAL = tuple((re.compile(pattern), inci) for pattern, inci in (
    (r"아이소트레티노인|이소트레티노인", "Isotretinoin"), (r"트레티노인|레티노익애씨드|레티노산", "Tretinoin"),
    (r"아다팔렌|아데팔렌", "Adapalene"), (r"타자로텐", "Tazarotene"), (r"트리파로텐|트라이파로텐", "Trifarotene"),
    (r"하이드록시피나콜론레티노에이트", "Hydroxypinacolone Retinoate"), (r"레티닐팔미테이트", "Retinyl Palmitate"),
    (r"레티닐아세테이트", "Retinyl Acetate"), (r"레티닐프로피오네이트", "Retinyl Propionate"), (r"레티날", "Retinal"),
    (r"레티놀", "Retinol"), (r"벤조일퍼옥사이드|과산화벤조일", "Benzoyl Peroxide"),
    (r"살리실릭애씨드|살리실산", "Salicylic Acid"), (r"베타인살리실레이트", "Betaine Salicylate"),
    (r"버드나무껍질|살릭스알바껍질|윌로우껍질", "Salix Alba Bark Extract"),
    (r"글라이콜릭애씨드|글리콜릭애씨드|글리콜산", "Glycolic Acid"), (r"락틱애씨드", "Lactic Acid"),
    (r"만델릭애씨드", "Mandelic Acid"), (r"아젤라익애씨드|아젤라산", "Azelaic Acid"), (r"하이드로퀴논", "Hydroquinone"),
))
_POLYMER = re.compile(r"polymer|ferment|bacteria|폴리머|발효|균")  # not the acid itself
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
    member = _critical_member(item.name)
    if member is not None:
        return Classified(item, member, member.cls, "pattern")
    cls = _pattern_class(item.name)
    return Classified(item, None, cls, "pattern" if cls else "")


def _critical_member(name: str) -> Member | None:
    korean = is_korean(name)
    text = compact(name) if korean else spaced(name)
    if _POLYMER.search(text):
        return None
    for pattern, inci in (_KO_CRITICAL if korean else _CRITICAL):
        if pattern.search(text):
            return TABLE[compact(inci)]
    return None


def _pattern_class(name: str) -> str | None:
    if is_korean(name):
        flat = compact(name)
        if re.search(r"레티(?:놀|닐|날|노)", flat):
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
        for found in _classify_lines([item]):
            out.extend(_split_slashes(found))
    return out


def _split_slashes(found: Classified) -> list[Classified]:
    """``Aqua/Water/Eau`` is one name in three spellings; ``Glycolic Acid / Retinol`` is a list
    printed with slashes: the parts are kept apart when they fall in different classes."""
    item = found.item
    parts = [p for p in (make_item(text, item.may_contain) for text in slash_parts(item.printed)) if p is not None]
    if len(parts) < 2:
        return [found]
    classified = _classify_lines(parts)
    classes = {c.cls for c in classified if c.cls is not None}
    if len(classes) > 1 or (classes and found.cls not in classes):
        return classified
    return [found]


def _classify_lines(items: list[LabelItem]) -> list[Classified]:
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
