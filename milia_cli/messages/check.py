"""Messages of `milia check`: the findings (one sentence each, the rule id is shown beside
them) and the errors. Never "milia" as the subject: the tool and the condition share a name."""

from milia_cli.messages import coded

# -- errors --------------------------------------------------------------------------------
NO_INPUT = ("Give the ingredient list: as an argument (milia check \"Aqua, Glycerin, …\"), "
            "with --file F, or - to read it from standard input.")
TWO_INPUTS = "Give the ingredient list once: as an argument or with --file, not both."
EMPTY = "The ingredient list{where} is empty: paste the names printed after \"Ingredients:\", separated by commas."
NO_NAMES = "No ingredient names found{where}: paste the names printed after \"Ingredients:\", separated by commas."
TOO_LONG = "The ingredient list{where} is {size} characters long; a label is far shorter (at most {limit})."
UNREADABLE = "Could not read the ingredient list {path}: {reason}."
NOT_TEXT = "The ingredient list {path} is not UTF-8 text; save it as plain text and try again."
BAD_STEP = "--step {value!r} is not a step: use one of {allowed} (or am:/pm: before it)."
BAD_PERCENT_FORMAT = "--percent {value!r} is not NAME=P: give an ingredient and its strength in percent, for example --percent glycolic=30."
BAD_PERCENT_VALUE = "--percent {value!r}: {number!r} is not a strength above 0 and at most 100 percent."
UNKNOWN_PERCENT_NAME = ("--percent {value!r}: {name!r} is not an ingredient the checker knows; use a name from "
                        "the label or one of {known}.")
PERCENT_NOT_ON_LABEL = "--percent {value!r}: {name} is not on this label."
WHERE_FILE = " in {path}"  # where the list was read, in the sentences above ("The ingredient list in F is empty")
WHERE_STDIN = " on standard input"
STDIN = "on standard input"
SIZE_OVER = "over {limit}"

# -- the report ----------------------------------------------------------------------------
HEADER_PROFILE = "Checked against profile {name!r} (pregnancy: {pregnancy}){step}."
HEADER_NO_PROFILE = ("Checked against no profile (none found: pregnancy, cautions and areas unknown){step}; "
                     "create one with `milia init`, or pick one with --profile.")
HEADER_STEP = ", as {step}"
HEADER_NO_STEP = ", no --step given: treated as a leave-on product"
CONTAINS = "Contains:"
CONTAINS_NOTHING = "Contains nothing the checker has a class for."
STRENGTHS = "Strengths given with --percent: {given}."
UNKNOWN_NAMES = "{count} of {total} names are not in the knowledge base and were not checked."
FINDINGS = "For this profile:"
FINDINGS_NONE = "No rule fires for this profile."
REGULATORY = "EU regulation (CosIng annexes):"
FINDING_SOURCE = "source: {source}"
REGULATORY_ANNEX = "{name}: Annex {annex} entry {entry}: {text} ({reference})"
REGULATORY_REACH = "{name}: REACH {entry}: {text} ({reference})"
STRENGTH = "{name} {value:g} %"
# the pregnancy field of a profile, as the report's header names it (the values are what `profile set` takes)
PREGNANCY = {"none": "none", "trying": "trying", "pregnant": "pregnant", "breastfeeding": "breastfeeding"}
VERDICT_STOP = "A stop fired: do not use this product with this profile (exit status 3)."
VERDICT_OK = "No stop fired for this profile."
DISCLAIMER = ("General information, not medical advice; an ingredient list carries no concentrations, "
              "so strengths come only from the label or --percent.")

# -- findings ------------------------------------------------------------------------------
RETINOID_PREGNANT = "Contains a retinoid ({names}): no retinoid of any kind while pregnant or trying to conceive."
RETINOID_BREASTFEEDING = ("Contains a retinoid ({names}): none while breastfeeding, by default. "
                          "Some references (LactMed, NHS SPS) consider topical retinoids low risk; ask your clinician.")
RETINOID_NO_PROFILE = ("Contains a retinoid ({names}): not for anyone pregnant, trying to conceive "
                       "or breastfeeding (checked against no profile).")
B10_ACTIVE = ("Contains {names}: with recent isotretinoin, eczema or rosacea, no retinol and no acids; "
              "ask your prescriber or dermatologist first.")
B12_OTC_ON_PRESCRIPTION = ("Contains an over-the-counter retinoid ({names}) on top of your prescription retinoid: "
                           "its schedule belongs to the prescriber; do not add it.")
B12_IS_PRESCRIPTION = ("Contains a prescription retinoid ({names}): use it only as prescribed, and no "
                       "over-the-counter retinol on top.")
B12_RECORD = ("Contains a prescription retinoid ({names}): use it only as prescribed; record it "
              "(milia profile set cautions.prescription_retinoid true) so the plan leaves over-the-counter retinol out.")
B12_ACIDS = ("Contains an acid ({names}) while you use a prescription retinoid: acids only once the "
             "prescriber agrees (milia profile set cautions.prescriber_agreed true).")
C1_OVER = ("{what} at {strength:g} %: stronger than the home limit ({limit}); a peel like this is not "
           "for a beginner's titration.")
C1_UNKNOWN = ("{what}: the strength of {names} is not known (an ingredient list carries none and the "
              "checker never guesses); give it with --percent {key}=P (home limit {limit}).")
C1_WITHIN = "{what} at {strength:g} %: within the home limit ({limit})."
C1_ADJUSTER = ("{names}: most often a small pH adjuster; if this product is sold as an acid, give its "
               "strength with --percent {key}=P.")
BHA_WHAT = "Salicylic acid (BHA)"
AHA_LIMIT = "leave-on AHA at most 10 %"
BHA_LIMIT = "salicylic acid 0.5-2 %"
C7_AHA_OVER = "{what} at {strength:g} %: no peels while pregnant or trying; only lactic or glycolic acid up to 10 %, on the face."
C7_AHA_UNKNOWN = ("{what} in {names}: while pregnant or trying, only lactic or glycolic acid up to 10 %, on the face; "
                  "give the strength with --percent {key}=P.")
C7_AHA_WITHIN = "{what} at {strength:g} %: allowed while pregnant or trying on the face (up to 10 %); check it with your clinician."
C7_BHA_LEAVE_ON = ("Contains salicylic acid or a salicylate ({names}) in a leave-on product: while pregnant or trying, "
                   "salicylic acid only as a wash-off cleanser up to 2 % (--step cleanse).")
C7_BHA_OVER = "Salicylic acid at {strength:g} % in a cleanser: while pregnant or trying, at most 2 %."
C7_BHA_UNKNOWN = ("Salicylic acid ({names}) in a cleanser: while pregnant or trying, at most 2 %; "
                  "give the strength with --percent {key}=P.")
C7_BHA_WITHIN = "Salicylic acid at {strength:g} % in a wash-off cleanser: allowed while pregnant or trying; check it with your clinician."
C7_NO_PROFILE = ("Contains salicylic acid or a salicylate ({names}) in a leave-on product: not for anyone "
                 "pregnant or trying (only a wash-off cleanser up to 2 %; checked against no profile).")
C7_PHA = "Contains {names}: not among the acids named for pregnancy; check it with your clinician."
C7_AZELAIC = "Contains azelaic acid ({names}): the alternative to retinoids named for pregnancy; check it with your clinician."
C8_ACIDS = ("Contains an acid ({names}) and you take a photosensitizing medicine: no acids until the "
            "prescriber agrees (milia profile set cautions.prescriber_agreed true).")
D7_ACTIVE = ("Contains an active ({names}) and you use a topical steroid on the face: no new active "
             "until the prescriber agrees.")
A8_ACTIVE = "Contains an active ({names}): under 18 the plan holds no actives; ask a doctor or dermatologist."
C9_CHEST = "Contains an active ({names}): while breastfeeding, keep it off the chest (and away from the nipple and areola)."
B8_EYE = ("Contains a retinoid ({names}) in an eye product: never on the upper eyelids, and keep it off "
          "the under-eye area.")
C6_EYE = "Contains an active ({names}) in an eye product: nothing active around the eyes, only gentle cleansing and an oil-free eye cream."
C6_EYE_ADJUSTER = "{names} in an eye product: most often a small pH adjuster; if this is an acid product, keep it away from the eyes."
D3_EYE = "Contains oils, butters or heavy occlusives ({names}) in an eye product: the eye area gets an oil-free eye cream (a light gel)."
D2_MOISTURIZER = "Contains oils, butters or heavy occlusives ({names}): prefer a light, water-based moisturizer with humectants."
D4_OILS = "Contains oils, butters or heavy occlusives ({names}): prefer oil-free, non-comedogenic makeup and sunscreen."
D4_SILICONE = ("Contains silicone film-formers ({names}): a tip, not a rule; one esthetician blames heavy "
               "silicone concealers for milia under the eyes, other literature finds dimethicone non-comedogenic.")
D9_SCRUB = "Contains scrub particles ({names}): no scrubs, brushes or home peels while retinol or acids are being titrated."
D9_MAYBE = "{names}: microbeads if this product is a scrub (no scrubs while titrating); also a thickener in makeup."
C4_BPO_WITH_RETINOID = ("Benzoyl peroxide with a retinoid ({names}) in one product: benzoyl peroxide oxidises "
                        "retinol and tretinoin; only fixed combinations made for it (adapalene) are meant to be used together.")
C4_RETINOL_WITH_ACID = ("Contains an acid ({names}) beside the retinoid: retinol and acids go on separate nights "
                        "(C4), so the plan never schedules a product with both; pick a retinol without acids.")
C4_ACID_WITH_RETINOID = ("Contains a retinoid ({names}) beside the acid: retinol and acids go on separate nights "
                         "(C4), so the plan never schedules a product with both; pick an exfoliant without a retinoid.")
C4_EVERYDAY_ACTIVE = ("Contains {names}: one active a night (C4), so on the evenings the plan gives retinol or an "
                      "acid it leaves this product out; use it in the morning or on the other evenings.")
C4_EVENING_ACTIVE = ("Contains {names}: one active a night (C4), so on the evenings the plan gives retinol or an "
                     "acid it leaves this product out; use it on the other evenings.")
C4_BPO = "Contains benzoyl peroxide: never on the same evening as retinol or tretinoin (it oxidises them; adapalene is the exception)."
N3_PREGNANCY = "Contains {names}: while pregnant, trying or breastfeeding, check every product with your clinician."
D8_NEW = "A new active ({names}): try it on a test spot (jawline or beside the ear) for a few nights first; one new product at a time."


coded(globals(), "check")
