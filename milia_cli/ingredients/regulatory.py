"""The EU regulatory facts ``milia check`` cites: a subset of the CosIng annexes, shipped here
with attribution rather than depending on a package that ships all of them (see the commit
that added this file: the whole annexes are ~1 MB of CSV for the dozen rows the checker uses).

Source and attribution: CosIng, © European Union, 1995-2026 — Annexes II, III and VI of
Regulation (EC) No 1223/2009 on cosmetic products, as last updated 28/08/2026, retrieved via
the European Commission's CosIng database and reused under Commission Decision 2011/833/EU
(CC BY 4.0). The wording below is a shortened summary by milia, not the legal text; the
Official Journal is authoritative. The microbead row is REACH, not CosIng.
"""

from __future__ import annotations

from milia_cli.records import NamedTuple

ATTRIBUTION = (
    "CosIng, © European Union, 1995-2026: Annexes II and III of Regulation (EC) No 1223/2009 "
    "(update of 28/08/2026), reused under Commission Decision 2011/833/EU (CC BY 4.0); summary by milia."
)

ALLERGEN_TEXT = ("An EU fragrance allergen: it must be named on the label above 0.001 % in leave-on and "
                 "0.01 % in rinse-off products.")
ALLERGEN_REFERENCE = "Regulation (EC) No 1223/2009, Annex III"


class RegulatoryFact(NamedTuple):
    annex: str  # "II" (prohibited), "III" (restricted), "REACH"
    entry: str  # the reference number in that annex
    members: tuple[str, ...]  # INCI names (milia_cli.ingredients.members) the row covers
    text: str  # what the row says, in one sentence
    reference: str  # the regulation that set it

    def to_dict(self) -> dict[str, str]:
        return {"annex": self.annex, "entry": self.entry, "text": self.text, "reference": self.reference}


_ALLERGEN_ENTRIES = {
    "Benzyl Alcohol": "45", "Amyl Cinnamal": "67", "Cinnamyl Alcohol": "69", "Citral": "70", "Eugenol": "71",
    "Hydroxycitronellal": "72", "Isoeugenol": "73", "Amylcinnamyl Alcohol": "74", "Benzyl Salicylate": "75",
    "Cinnamal": "76", "Coumarin": "77", "Geraniol": "78", "Anise Alcohol": "80", "Benzyl Cinnamate": "81",
    "Farnesol": "82", "Linalool": "84", "Benzyl Benzoate": "85", "Citronellol": "86", "Hexyl Cinnamal": "87",
    "Limonene": "88", "Methyl 2-Octynoate": "89", "Alpha-Isomethyl Ionone": "90",
    "Evernia Prunastri Extract": "91", "Evernia Furfuracea Extract": "92",
}

FACTS: tuple[RegulatoryFact, ...] = (
    RegulatoryFact(
        "III", "376", ("Retinol", "Retinyl Acetate", "Retinyl Palmitate"),
        "EU limit 0.3 % retinol equivalent in face and other products, 0.05 % in body lotion; the "
        "label must say 'Contains Vitamin A. Consider your daily intake before use'.",
        "Regulation (EU) 2024/996 (new products from 1 November 2025, all from 1 May 2027)"),
    RegulatoryFact(
        "II", "375", ("Tretinoin",),
        "Prohibited in cosmetics in the EU: tretinoin (retinoic acid) is a prescription medicine.",
        "Regulation (EC) No 1223/2009"),
    RegulatoryFact(
        "III", "98", ("Salicylic Acid",),
        "EU limit 2.0 % in face and other products (0.5 % in body lotion and eye make-up, 3.0 % in "
        "rinse-off hair products); not for children under 3.",
        "Regulation (EU) 2021/850"),
    RegulatoryFact(
        "III", "94", ("Benzoyl Peroxide",),
        "In EU cosmetics only in professional artificial nail systems: a skin product with benzoyl "
        "peroxide is a medicine.",
        "Regulation (EC) No 1223/2009"),
    RegulatoryFact(
        "II", "1339", ("Hydroquinone",),
        "Prohibited in EU cosmetics except professional artificial nail systems (Annex III entry 14): "
        "a skin lightener with hydroquinone is a medicine or not allowed.",
        "Regulation (EU) 2013/344"),
    RegulatoryFact(
        "II", "1666", ("Butylphenyl Methylpropional",),
        "Prohibited in EU cosmetics (lilial: toxic for reproduction).", "Regulation (EU) 2021/1902"),
    RegulatoryFact(
        "II", "1380", ("Hydroxyisohexyl 3-Cyclohexene Carboxaldehyde",),
        "Prohibited in EU cosmetics (HICC, lyral: a strong contact allergen).", "Regulation (EU) 2017/1410"),
    RegulatoryFact(
        "REACH", "Annex XVII entry 78", ("Polyethylene",),
        "Plastic microbeads are banned from EU rinse-off exfoliating products since 17 October 2023 "
        "(polyethylene is also a thickener in makeup, which that ban does not cover).",
        "Commission Regulation (EU) 2023/2055"),
) + tuple(
    RegulatoryFact(
        "III", entry, (name,),
        ALLERGEN_TEXT, ALLERGEN_REFERENCE)
    for name, entry in _ALLERGEN_ENTRIES.items()
)

FACTS_BY_MEMBER: dict[str, tuple[RegulatoryFact, ...]] = {}
for _fact in FACTS:
    for _name in _fact.members:
        FACTS_BY_MEMBER[_name] = FACTS_BY_MEMBER.get(_name, ()) + (_fact,)
