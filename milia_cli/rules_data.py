"""RULES.md as data: one :class:`~milia_cli.rule_record.Rule` per row, and the nine notices.

The wording is ours, the meaning is fixed by RULES.md. Sources: S0–S3 are the
seed articles (see :data:`milia_cli.rule_record.SEEDS`), ``D`` a design default.
Never promise clearance: prevention evidence is thin, the tool says "may help".
"""

from __future__ import annotations

from milia_cli.rule_record import Rule

R, A, E = "retinol", "exfoliate", "eye-cream"

RULES: tuple[Rule, ...] = (
    # -- A. Never diagnose, always refer when it matters ----------------------------------
    Rule("A1", "Never squeeze or pick", "always",
         "Never squeeze, pick or try to extract milia at home: nothing comes out through the "
         "skin covering them, and picking risks scars and infection. If you picked: stop, clean "
         "the spot gently, leave it alone and let it heal; a professional can remove milia safely.",
         "caution", ("S0", "S1", "S2", "S3")),
    Rule("A2", "Spots that need a dermatologist (ABCDE)",
         "a spot that is pigmented, changing, bleeding, itchy, irregular or over 6 mm",
         "Put no actives on that spot and have a dermatologist look at it: a spot that is dark, "
         "multicoloured, irregular, growing, changing, bleeding or itchy is not something to "
         "treat at home.",
         "refer", ("S1", "AAD: what to look for (ABCDE)")),
    Rule("A3", "Red, painful or spreading bumps",
         "red, painful, pus-filled bumps, or rough spreading ones",
         "This does not sound like typical milia (milia are painless, white and never hold pus); "
         "bumps like these can have other causes such as acne or warts, which only an "
         "examination can tell apart. Please see a doctor or dermatologist.",
         "refer", ("S0", "S2", "S3")),
    Rule("A4", "Yellowish, flat-plaque or pearly bumps",
         "a yellowish bump with a central dip; flat yellow eyelid plaques; a pearly, translucent bump with "
         "tiny vessels, or one that bleeds or does not heal (pearly *white* is typical of milia)",
         "Please have a doctor look at it: bumps like these can be other conditions (such as "
         "sebaceous hyperplasia, xanthelasma or, rarely, a skin cancer) that need an examination.",
         "refer", ("S0", "GP differential of facial lesions")),
    Rule("A5", "Clusters unchanged after 12 weeks",
         "skin-coloured clusters on the lower lids or upper cheeks unchanged after 12 weeks",
         "Skin-coloured clusters under the eyes that have not changed in 12 weeks are worth "
         "showing to a dermatologist: some such bumps sit deeper than milia (for example "
         "syringomas), come back, and need a clinician.",
         "refer", ("S0", "S1")),
    Rule("A6", "New crops or milia after blisters or burns",
         "crops of new milia over weeks (computed: the bump count up by half or more within 4 weeks, or new "
         "bumps logged in 3 of the last 6 weeks), milia on a red plaque, or after blisters or burns",
         "New bumps appearing in crops over weeks, milia on a red plaque, or milia after blisters or burns "
         "should be seen by a dermatologist: they can have an underlying cause worth finding.",
         "refer", ("DermNet: milium", "D"), design="Thresholds: up by half within 4 weeks; new bumps in 3 of 6 weeks."),
    Rule("A7", "No improvement after 12 adherent weeks",
         "12 weeks with at least 80 % of the required steps done and the latest bump count not below the "
         "first count of those weeks (computed from `checkin --count`)",
         "After 12 weeks of steady use with no fewer bumps, a home routine has done what it can: "
         "ask a dermatologist about professional removal (extraction with a sterile needle and "
         "comedone extractor, laser, or electrodesiccation); see the checklist before a procedure (E1).",
         "refer", ("S2", "S3", "S1", "D"), design="80 % of the required steps (optional ones left out)."),
    Rule("A8", "Under 18: no plan", "age under 18, or a birth year in the future (an error)",
         "This planner is written for adults: under 18 it makes no plan at all (no steps, in the plan, "
         "`today`, exports or handouts); please ask a doctor or dermatologist, with a parent or guardian, "
         "what to use.",
         "refer", ("D", "NHS: milia", "Mayo Clinic: newborn milia"),
         design="Birth year only: anyone who may still be 17 in the current year counts as under 18. Under 2: "
                "milia in babies are common and clear by themselves within weeks; no products; see the baby's "
                "doctor if they last past 3 months."),
    Rule("A9", "Milia only around the eyes", "milia only in the eye areas (upper eyelids, under-eyes)",
         "No actives: topicals cannot safely reach bumps there (B8, C6). The routine stays gentle; "
         "professional removal (A7) is the route for bumps around the eyes, from week 1.",
         "refer", ("S2", "S1", "S3"), steps=(R, A)),
    Rule("A10", "Milia only on the body", "milia only on the body (chest, back, arms)",
         "Refer first: bumps only on the body are often secondary (after blisters, burns or creams) or "
         "eruptive. Body steps use body wording: a thin layer on the area.",
         "refer", ("DermNet: milium", "Medscape")),
    # -- B. Retinol ---------------------------------------------------------------------------
    Rule("B1", "No retinoids when pregnant or trying", "pregnant or trying to conceive",
         "No retinoid of any kind while pregnant or trying to conceive: retinol, retinal, retinyl "
         "esters, tretinoin, adapalene, tazarotene. This planner leaves retinol out of the plan.",
         "caution", ("S2", "MotherToBaby"), steps=(R,)),
    Rule("B2", "No retinol while breastfeeding (by default)", "breastfeeding",
         "No retinol while breastfeeding, by default; this planner leaves retinol out of the plan.",
         "caution", ("S2", "LactMed", "NHS SPS"),
         disagreement="Sources disagree: some references (LactMed, NHS SPS) consider topical "
                      "retinoids low risk while breastfeeding; ask your clinician before adding one.",
         steps=(R,)),
    Rule("B3", "Start low and slow", "starting retinol",
         "Lowest strength, 2 non-consecutive nights a week: a pea-sized amount for the whole face, "
         "on dry skin after cleansing.",
         "info", ("textbook retinoid titration", "D"), design="2 nights (the low end of 2–3).",
         steps=(R,)),
    Rule("B4", "Step up one night at a time", "stepping retinol up",
         "+1 night a week only after 2 weeks at a level with no irritation above 1 and check-ins "
         "logged. Ladder 2 → 3 → 4 → 5 → 6 → 7. Dry or sensitive skin holds at 3.",
         "info", ("D",),
         design="Within the combined cap of B11 (sensitive 3, dry 4, others 5 active evenings a week), "
                "keeping one evening for the acid while it may join. Only one active joins or steps up in a "
                "week. Weeks without check-ins hold the level.",
         steps=(R,)),
    Rule("B5", "Mild dryness early on is expected", "irritation 1 in the first 4 weeks",
         "Mild dryness, tightness or light flaking in the first 4 weeks is expected "
         "(\"retinization\"): the level holds and a moisturizer helps.",
         "info", ("adapalene label",), steps=(R, "moisturize")),
    Rule("B6", "Pause at once after moderate irritation",
         "irritation 2, or irritation 1 or more on 2 check-ins in a row after week 4",
         "At once: no actives from that evening until a check-in shows irritation 0 or 1, and no acid "
         "for 7 days from the day it was logged (C5); then each active restarts one level lower, from "
         "the next plan week. Irritation logged while paused extends the pause.",
         "caution", ("adapalene label", "AAD", "D"), steps=(R, A)),
    Rule("B7", "Stop after severe irritation", "irritation 3",
         "Stop all actives (retinol and acids) from that evening. Seek care if burning pain, swelling, "
         "blisters, oozing or hives last more than a few days, and urgently if your face, lips or eyelids "
         "swell or breathing is hard. No automatic restart: hives, swelling or blisters can be an allergy, "
         "so actives return only after you run `milia resume` (when the skin has healed and, after hives, "
         "swelling or blisters, a clinician has seen it), then at the bottom level, one at a time.",
         "stop", ("S1", "adapalene label", "AAD: allergic contact dermatitis", "D"), steps=(R, A)),
    Rule("B8", "Never on the upper eyelids", "always",
         "Retinol never goes on the upper eyelids.", "caution", ("S2",), steps=(R,)),
    Rule("B9", "Keep it off delicate and damaged skin", "always",
         "Keep the face retinoid off the under-eye area, the corners of the nose, the lips, and "
         "broken, sunburned or eczematous skin.",
         "caution", ("adapalene label", "dry-eye literature"), steps=(R,)),
    Rule("B10", "Ask your prescriber first",
         "isotretinoin in the last 6 months, eczema or rosacea",
         "No retinol and no acids: with recent isotretinoin, eczema or rosacea, ask your "
         "prescriber or dermatologist before using any active.",
         "refer", ("isotretinoin label", "AAD"), steps=(R, A)),
    Rule("B11", "One change a week, within a combined cap", "always",
         "At most one active joins or steps up in any week, and the active evenings of a week (retinol "
         "and acid together) stay within a combined cap: sensitive 3, dry 4, normal, combination or oily 5. "
         "A new active's first nights start on a test spot (D8).",
         "info", ("AAD: introduce one new product at a time", "D"), design="Caps 3 / 4 / 5.", steps=(R, A)),
    Rule("B12", "A prescription retinoid in use",
         "a prescription retinoid (tretinoin, adapalene, tazarotene, trifarotene)",
         "No over-the-counter retinol on top: its schedule belongs to your prescriber. Acids only once "
         "the prescriber agrees (record it with `milia profile set cautions.prescriber_agreed true`).",
         "refer", ("adapalene label", "tretinoin label"), steps=(R, A)),
    Rule("B13", "A change of pregnancy status is dated", "pregnancy status changes",
         "The change applies from its date; past days are never rewritten. To pregnant, trying or "
         "breastfeeding: retinol stops that evening, with the dates it was used to share with the prenatal "
         "provider (topical exposure is generally considered low risk). Back to none: actives resume, one "
         "at a time, no higher than their last level.",
         "caution", ("MotherToBaby: tretinoin, topical retinoids",), steps=(R, A)),
    # -- C. AHA/BHA exfoliation --------------------------------------------------------------
    Rule("C1", "Home-strength acids only", "any acid",
         "Home products only: a leave-on AHA (glycolic or lactic) of at most 10 %, or salicylic "
         "acid 0.5–2 %. Stronger peels (such as AHA 30 %) are not for a beginner's titration.",
         "info", ("FDA/CIR AHA guidance", "S2"),
         disagreement="Sources disagree: one article (S2) suggests an AHA 30 % + BHA 2 % peel; "
                      "FDA/CIR guidance limits home AHAs to 10 %, and this planner follows that.",
         steps=(A,)),
    Rule("C2", "Start acids slowly", "starting an acid",
         "1 session a week to start, whatever the skin type.",
         "info", ("S2",), design="S2 allows a second weekly session from week 2 for normal, "
                                 "combination and oily skin; this planner waits the two weeks of C3.",
         steps=(A,)),
    Rule("C3", "Step acids up as tolerated", "stepping an acid up",
         "+1 session a week after 2 weeks at a level with no irritation above 1. Caps: sensitive "
         "1, dry 2, others 3. Raise the strength only after the frequency is tolerated.",
         "info", ("S2", "D"), design="Caps are D, and the combined cap of B11 applies with retinol.",
         steps=(A,)),
    Rule("C4", "Never the same night as retinol", "retinol in the plan",
         "Never on a retinol night. Retinol starts first; the acid joins from week 3 on "
         "non-retinol nights. Without retinol, the acid starts in week 1.",
         "info", ("AAD exfoliation tips", "D"), steps=(A, R)),
    Rule("C5", "Skip acids after irritation", "irritation 2 or more",
         "No acid for 7 days from the day irritation 2 or more was logged, then restart one level lower.",
         "caution", ("AAD", "D"), steps=(A,)),
    Rule("C6", "No acids around the eyes", "eyelids and under-eyes",
         "No acids on the eyelids or under the eyes: the eye area gets only gentle cleansing "
         "and an oil-free eye cream.",
         "caution", ("salicylic acid monograph", "S2"),
         disagreement="Sources disagree: an esthetician in S2 exfoliates around the eyes with a "
                      "special serum; this planner keeps acids off the eye area.",
         steps=(A, E)),
    Rule("C7", "Acids in pregnancy, or when trying", "pregnant, or trying to conceive (an early pregnancy may not be known yet)",
         "Face only: lactic or glycolic acid at most 10 % or a wash-off salicylic cleanser at "
         "most 2 %; no peels; azelaic acid is the alternative. Check each product with your "
         "clinician.",
         "caution", ("MotherToBaby", "ACOG"), steps=(A,)),
    Rule("C8", "Photosensitizing medicine", "photosensitizing medicine",
         "Your medicine can make skin burn more easily: no acids until your prescriber agrees (record it "
         "with `milia profile set cautions.prescriber_agreed true`), and SPF 30+ every morning.",
         "caution", ("S1", "FDA: AHA sunburn alert"), steps=(A, "sunscreen")),
    Rule("C9", "Breastfeeding, milia on the chest", "breastfeeding, milia on the chest",
         "No actives on the chest while breastfeeding: keep products off the nipple and areola.",
         "caution", ("NHS SPS", "LactMed"), steps=(A, R)),
    # -- D. The base routine ----------------------------------------------------------------
    Rule("D1", "Gentle cleansing, makeup off every night", "always",
         "A gentle cleanser morning and evening with lukewarm water; remove all makeup every night.",
         "info", ("S2", "S0"), steps=("cleanse", "remove-makeup")),
    Rule("D2", "A light, water-based moisturizer", "always",
         "A light, water-based moisturizer; humectants such as hyaluronic acid rather than heavy "
         "oils and butters.",
         "info", ("S2", "S3"), steps=("moisturize",)),
    Rule("D3", "Oil-free eye cream (optional)", "milia on the upper eyelids or under the eyes",
         "An oil-free eye cream (a light gel), morning and evening, if you want something more for dry "
         "skin: optional, it never counts against adherence or a streak.", "info", ("S2",), steps=(E,)),
    Rule("D4", "Non-comedogenic makeup", "wears makeup",
         "Non-comedogenic, oil-free makeup and sunscreen; a light concealer under the eyes.",
         "info", ("S3", "dimethicone literature"),
         disagreement="Tip, not a rule: one esthetician (S3) blames heavy silicone-based "
                      "concealers for milia under the eyes; other literature finds dimethicone "
                      "non-comedogenic.",
         steps=("makeup", "remove-makeup")),
    Rule("D5", "Sunscreen every morning", "retinol or acid in the plan",
         "Broad-spectrum SPF 30+ every morning, reapplied every 2 hours outdoors and after sweating or "
         "swimming, and for 7 days after the last AHA (also past the end of the plan). This planner "
         "recommends it every day anyway.",
         "caution", ("AAD sunscreen FAQ", "FDA", "S0", "S1"), steps=("sunscreen", R, A)),
    Rule("D6", "Smoking", "smoker",
         "Quitting smoking is good for your skin and health; the link between smoking and milia "
         "is anecdotal (one esthetician's experience).",
         "info", ("S2",)),
    Rule("D7", "Topical steroid on the face", "topical steroid on the face",
         "Steroid creams on the face can cause milia; do not stop a prescribed medicine on your own. "
         "No new active until your prescriber agrees (record it with `milia profile set "
         "cautions.prescriber_agreed true`).",
         "caution", ("DermNet",), steps=(R, A)),
    Rule("D8", "Test spot first", "a new active, or a new product",
         "Try it on a test spot first (a coin-sized area on the jawline or beside the ear) for the first "
         "few nights before the whole area; one new product at a time (B11).",
         "info", ("AAD: how to test skin care products",), steps=(R, A)),
    Rule("D9", "Nothing else abrasive while titrating", "while titrating",
         "No scrubs, brushes or home peels alongside the acids, and no home remedies on the bumps.",
         "info", ("AAD exfoliation tips", "S0"), steps=(A,)),
    # -- E. Professional procedures and aftercare ----------------------------------------------
    Rule("E1", "Before a procedure: tell your clinician",
         "planning a procedure, whenever A7 fires, and on `event add` for a future date",
         "Before a procedure (extraction, laser, electrodesiccation), tell your clinician: if you are "
         "pregnant or breastfeeding; about inflammation or cold sores at the site (wait until any "
         "inflammation from self-treatment has settled); if you are keloid-prone; about photosensitizing "
         "medicine, blood thinners (anticoagulants) and any changing mole; isotretinoin in the last 6 "
         "months; and skin prone to dark spots. Actives pause on the area for the 7 days before it.",
         "caution", ("S1", "isotretinoin label", "D"), design="7 days before a planned procedure."),
    Rule("E2", "Aftercare after a procedure", "a procedure is logged",
         "For 14 days the treated area is out of every step (actives, eye cream, makeup, concealer and "
         "sunscreen too): no touching until the scabs fall off; keep it out of the sun (hat, shade); no "
         "picking; no sauna, hot bath, hard exercise or alcohol on the day; sunscreen on it once healed. "
         "Pain, blisters, oozing or strong redness lasting days: back to the clinic.",
         "caution", ("S1", "S0", "D"), design="14 days.",
         steps=(R, A, E, "cleanse", "moisturize", "sunscreen", "makeup", "remove-makeup")),
    # -- Notices -------------------------------------------------------------------------------
    Rule("N1", "General information", "always",
         "General information, not medical advice or a diagnosis: this tool cannot tell milia from "
         "other bumps. Most milia cannot be prevented; this routine may help, it cannot promise "
         "clearance.",
         "info", ("RULES.md",)),
    Rule("N2", "Do not squeeze or pick", "always",
         "Do not squeeze or pick the bumps.", "info", ("S0", "S1", "S2", "S3")),
    Rule("N3", "Pregnancy and breastfeeding", "pregnant, trying or breastfeeding",
         "Pregnant, trying or breastfeeding: retinoids are left out; check every product with "
         "your clinician.",
         "caution", ("S2", "MotherToBaby")),
    Rule("N4", "When to stop and seek care", "always",
         "Stop actives and seek care for burning pain, swelling, blisters, oozing or hives; "
         "urgently if your face, lips or eyelids swell or breathing is hard.",
         "caution", ("S1", "adapalene label")),
    Rule("N5", "When to see a dermatologist", "always",
         "See a dermatologist for any spot that is new, changing, bleeding, dark or "
         "multicoloured, or not better after 12 weeks.",
         "info", ("S1", "AAD")),
    Rule("N6", "Sun sensitivity", "retinol or acid in the plan",
         "Retinoids and acids make skin sun-sensitive: SPF 30+ every morning.",
         "caution", ("AAD sunscreen FAQ", "FDA"), steps=("sunscreen", R, A)),
    Rule("N7", "Keep actives off the eye area", "retinol or acid in the plan",
         "Keep retinoids and acids away from the eyelids, eyes, lips and broken or irritated skin.",
         "caution", ("S2", "adapalene label"), steps=(R, A)),
    Rule("N8", "Ask your prescriber", "a prescription medicine, eczema, rosacea, keloids or cold sores",
         "Prescription medicines, eczema, rosacea, keloids or cold sores: ask your prescriber "
         "before starting.",
         "caution", ("S1",)),
    Rule("N9", "Labels come first", "always",
         "Follow the product's label where it differs from this schedule.", "info", ("D",)),
)
