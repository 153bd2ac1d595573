"""The ingredient classes: what each is, which RULES.md ids it feeds, and its sources.

A class is the unit the rules speak about (B1 "no retinoid of any kind", C1 "leave-on AHA at
most 10 %", D2 "heavy oils and butters"…). Members (the INCI names) are in :mod:`.members`.
"""

from __future__ import annotations

from milia_cli.records import NamedTuple


class IngredientClass(NamedTuple):
    id: str
    title: str  # shown to the user
    rules: tuple[str, ...]  # RULES.md ids this class can fire
    sources: tuple[str, ...]  # where the membership and the concern come from
    note: str = ""  # what the class does and does not include

    @property
    def source(self) -> str:
        return "; ".join(self.sources)

    @property
    def active(self) -> bool:
        """An active ingredient in the sense of RULES.md (retinoids, acids and the like)."""
        return self.id in ACTIVE_CLASSES


CLASSES: tuple[IngredientClass, ...] = (
    IngredientClass(
        "retinoid", "Retinoid (vitamin A derivative)", ("B1", "B2", "B8", "B10", "B12", "D7"),
        ("S2", "MotherToBaby: topical retinoids / tretinoin fact sheets",
         "EU CosIng Annex III entry 376 (retinol and retinyl esters), Annex II entry 375 (tretinoin)",
         "prescribing information of tretinoin, adapalene, tazarotene and trifarotene"),
        "Retinol, retinal (retinaldehyde), retinyl esters (palmitate, acetate, propionate, "
        "linoleate), hydroxypinacolone retinoate, and the prescription retinoids tretinoin "
        "(retinoic acid), adapalene, tazarotene, trifarotene. Bakuchiol is not a retinoid."),
    IngredientClass(
        "aha", "AHA (alpha hydroxy acid)", ("C1", "C6", "C7", "C8", "B10", "B12", "D7"),
        ("FDA: Alpha Hydroxy Acids in cosmetics (guidance for industry, 2002)",
         "CIR: final report on glycolic and lactic acid and their salts (1998)", "S2"),
        "Glycolic, lactic, mandelic, citric, malic and tartaric acid (and the glycolate and "
        "lactate salts sold as exfoliants). Citric, malic and tartaric acid are most often a "
        "small pH adjuster; they count as exfoliants only with a strength (--percent)."),
    IngredientClass(
        "bha", "BHA (salicylic acid and its salts and esters)", ("C1", "C6", "C7", "C8", "B10", "B12", "D7"),
        ("EU CosIng Annex III entry 98 (salicylic acid)", "CIR: salicylic acid and salicylates (2003)",
         "MotherToBaby: salicylic acid", "ACOG"),
        "Salicylic acid, its salts (sodium, betaine salicylate), capryloyl salicylic acid and "
        "willow bark extract. Salicylate UV filters and fragrances (ethylhexyl salicylate, "
        "homosalate, benzyl salicylate) do not exfoliate and are listed apart."),
    IngredientClass(
        "pha", "PHA (polyhydroxy acid)", ("C6", "C8", "B10", "B12", "D7"),
        ("Grimes PE, Green BA et al. The use of polyhydroxy acids (PHAs) in photoaged skin. "
         "Cutis 2004;73(2 Suppl):3-13",),
        "Gluconolactone, lactobionic and maltobionic acid: milder acids. Gluconolactone is also "
        "a common preservative booster at a low level."),
    IngredientClass(
        "benzoyl-peroxide", "Benzoyl peroxide", ("C6", "C4", "D7"),
        ("FDA OTC acne monograph (21 CFR 333.310: 2.5-10 %)", "EU CosIng Annex III entry 94",
         "tretinoin label (benzoyl peroxide oxidises tretinoin)", "adapalene/benzoyl peroxide label"),
        "An acne medicine; it oxidises retinol and tretinoin when used at the same time."),
    IngredientClass(
        "azelaic-acid", "Azelaic acid", ("C6", "C7", "D7"),
        ("MotherToBaby", "ACOG", "azelaic acid 15-20 % prescribing information"),
        "Azelaic acid and potassium azeloyl diglycinate; C7 names it the alternative to "
        "retinoids in pregnancy."),
    IngredientClass(
        "hydroquinone", "Hydroquinone", ("C6", "D7"),
        ("EU CosIng Annex II entry 1339, Annex III entry 14", "FDA: skin bleaching drug products"),
        "A skin lightener: a medicine (or not allowed) in most markets."),
    IngredientClass(
        "occlusive", "Heavy occlusive, oil or butter", ("D2", "D3", "D4"),
        ("S2", "S3", "RULES.md D2/D3 (light, water-based, oil-free products)"),
        "Petrolatum, mineral oil (paraffinum liquidum), paraffin and waxes, lanolin, shea and "
        "cocoa butter, coconut and other plant oils and butters, isopropyl myristate and "
        "palmitate. Essential oils (peel, leaf, flower oils) are fragrance, not counted here."),
    IngredientClass(
        "heavy-silicone", "Silicone film-former", ("D4",),
        ("S3", "dimethicone literature (non-comedogenic; RULES.md D4 disagreement)"),
        "Dimethicone and its crosspolymers, cyclopentasiloxane and other siloxanes: blamed by "
        "one esthetician (S3) for milia under heavy concealers; a tip, not a rule."),
    IngredientClass(
        "physical-exfoliant", "Physical exfoliant (scrub particles)", ("D9",),
        ("AAD: how to safely exfoliate at home", "S0",
         "Commission Regulation (EU) 2023/2055 (intentionally added microplastics, microbeads)"),
        "Shell and seed powders (walnut, apricot, almond), pumice, perlite and plastic "
        "microbeads (polyethylene: also a thickener in makeup)."),
    IngredientClass(
        "fragrance-allergen", "Fragrance allergen (the EU 26)", (),
        ("EU CosIng Annex III entries 45, 67-92 (labelling over 0.001 % leave-on, 0.01 % rinse-off)",
         "SCCS/1459/11 opinion on fragrance allergens"),
        "The 26 fragrance substances EU labels must name; a concern for sensitive or "
        "allergic skin, not for milia."),
    IngredientClass(
        "fragrance", "Fragrance (parfum)", (),
        ("Regulation (EC) No 1223/2009, Article 19 (parfum/aroma labelling)",),
        "A fragrance blend; its allergens are named separately when above the EU thresholds."),
    IngredientClass(
        "salicylate-filter", "Salicylate UV filter (not a BHA)", (),
        ("EU CosIng Annex VI (UV filters)", "CIR: salicylic acid and salicylates (2003)"),
        "Ethylhexyl salicylate (octisalate) and homosalate: sunscreen filters, not exfoliants."),
)

CLASS_BY_ID: dict[str, IngredientClass] = {c.id: c for c in CLASSES}
ACTIVE_CLASSES = ("retinoid", "aha", "bha", "pha", "benzoyl-peroxide", "azelaic-acid", "hydroquinone")
ACID_CLASSES = ("aha", "bha", "pha")  # "acids" in B10, B12, C6, C8
