"""RULES.md as data: one :class:`~milia_cli.rules.Rule` per row, and the nine notices.

The wording is ours, the meaning is fixed by RULES.md. Sources: S0–S3 are the
seed articles (see :data:`milia_cli.rules.SEEDS`), ``D`` a design default.
Never promise clearance: prevention evidence is thin, the tool says "may help".
"""

from __future__ import annotations

from milia_cli.rules import Rule

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
         "a yellowish bump with a central dip; flat yellow eyelid plaques; a pearly or non-healing bump",
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
         "crops of new milia appearing over weeks, or milia after blisters or burns",
         "New bumps appearing in crops over weeks, or milia after blisters or burns, should be "
         "seen by a dermatologist: they can have an underlying cause worth finding.",
         "refer", ("DermNet: milium",)),
    Rule("A7", "No improvement after 12 adherent weeks",
         "12 weeks of adherent use and no fewer bumps",
         "After 12 weeks of steady use with no fewer bumps, a home routine has done what it can: "
         "ask a dermatologist about professional removal (extraction with a sterile needle and "
         "comedone extractor, laser, or electrodesiccation).",
         "refer", ("S2", "S3", "S1")),
    Rule("A8", "Under 18", "age under 18",
         "milia is written for adults: under 18 the regimen's actives are left out; please ask "
         "a doctor or dermatologist (with a parent or guardian) what to use.",
         "refer", ("D",), design="Birth year only: anyone who may still be 17 in the year of the plan counts as under 18."),
    # -- B. Retinol ---------------------------------------------------------------------------
    Rule("B1", "No retinoids when pregnant or trying", "pregnant or trying to conceive",
         "No retinoid of any kind while pregnant or trying to conceive: retinol, retinal, retinyl "
         "esters, tretinoin, adapalene, tazarotene. milia then leaves retinol out of the plan.",
         "caution", ("S2", "MotherToBaby"), steps=(R,)),
    Rule("B2", "No retinol while breastfeeding (by default)", "breastfeeding",
         "No retinol while breastfeeding, by default; milia then leaves retinol out of the plan.",
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
         design="Caps with an acid in the plan: normal, combination, oily 4 retinol nights + 2 acid "
                "nights (one active-free evening a week); dry 3 + 2; sensitive 3 + 1. Only one "
                "active steps up in a week. Weeks without check-ins hold the level.",
         steps=(R,)),
    Rule("B5", "Mild dryness early on is expected", "irritation 1 in the first 4 weeks",
         "Mild dryness, tightness or light flaking in the first 4 weeks is expected "
         "(\"retinization\"): the level holds and a moisturizer helps.",
         "info", ("adapalene label",), steps=(R, "moisturize")),
    Rule("B6", "Step down after moderate irritation",
         "irritation 2, or irritation 1 or more on 2 check-ins in a row after week 4",
         "Step down one level the following week, with no acid that week.",
         "caution", ("adapalene label", "D"), steps=(R, A)),
    Rule("B7", "Stop after severe irritation", "irritation 3",
         "Stop all actives (retinol and acids). Seek care if burning pain, swelling, blisters, "
         "oozing or hives last more than a few days, and urgently if your face, lips or eyelids "
         "swell or breathing is hard. Actives restart at the bottom level once a later check-in "
         "shows irritation 0 or 1.",
         "stop", ("S1", "adapalene label", "D"), steps=(R, A)),
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
    # -- C. AHA/BHA exfoliation --------------------------------------------------------------
    Rule("C1", "Home-strength acids only", "any acid",
         "Home products only: a leave-on AHA (glycolic or lactic) of at most 10 %, or salicylic "
         "acid 0.5–2 %. Stronger peels (such as AHA 30 %) are not for a beginner's titration.",
         "info", ("FDA/CIR AHA guidance", "S2"),
         disagreement="Sources disagree: one article (S2) suggests an AHA 30 % + BHA 2 % peel; "
                      "FDA/CIR guidance limits home AHAs to 10 %, and milia follows that.",
         steps=(A,)),
    Rule("C2", "Start acids slowly", "starting an acid",
         "1 session a week to start, whatever the skin type.",
         "info", ("S2",), design="S2 allows a second weekly session from week 2 for normal, "
                                 "combination and oily skin; milia waits the two weeks of C3.",
         steps=(A,)),
    Rule("C3", "Step acids up as tolerated", "stepping an acid up",
         "+1 session a week after 2 weeks at a level with no irritation above 1. Caps: sensitive "
         "1, dry 2, others 3. Raise the strength only after the frequency is tolerated.",
         "info", ("S2", "D"), design="Caps are D; with retinol in the plan the acid caps at 2 "
                                     "(1 for sensitive skin) so one evening a week stays free.",
         steps=(A,)),
    Rule("C4", "Never the same night as retinol", "retinol in the plan",
         "Never on a retinol night. Retinol starts first; the acid joins from week 3 on "
         "non-retinol nights. Without retinol, the acid starts in week 1.",
         "info", ("AAD exfoliation tips", "D"), steps=(A, R)),
    Rule("C5", "Skip acids after irritation", "irritation 2 or more",
         "Skip acids for at least a week, then restart one level lower.",
         "caution", ("AAD", "D"), steps=(A,)),
    Rule("C6", "No acids around the eyes", "eyelids and under-eyes",
         "No acids on the eyelids or under the eyes: the eye area gets only gentle cleansing "
         "and an oil-free eye cream.",
         "caution", ("salicylic acid monograph", "S2"),
         disagreement="Sources disagree: an esthetician in S2 exfoliates around the eyes with a "
                      "special serum; milia keeps acids off the eye area.",
         steps=(A, E)),
    Rule("C7", "Acids in pregnancy", "pregnant",
         "Face only: lactic or glycolic acid at most 10 % or a wash-off salicylic cleanser at "
         "most 2 %; no peels; azelaic acid is the alternative. Check each product with your "
         "clinician.",
         "caution", ("MotherToBaby", "ACOG"), steps=(A,)),
    Rule("C8", "Photosensitizing medicine", "photosensitizing medicine",
         "Your medicine can make skin burn more easily: ask the prescriber before adding AHAs, "
         "and wear SPF 30+ every morning.",
         "caution", ("S1", "FDA"), steps=(A, "sunscreen")),
    # -- D. The base routine ----------------------------------------------------------------
    Rule("D1", "Gentle cleansing, makeup off every night", "always",
         "A gentle cleanser morning and evening with lukewarm water; remove all makeup every night.",
         "info", ("S2", "S0"), steps=("cleanse", "remove-makeup")),
    Rule("D2", "A light, water-based moisturizer", "always",
         "A light, water-based moisturizer; humectants such as hyaluronic acid rather than heavy "
         "oils and butters.",
         "info", ("S2", "S3"), steps=("moisturize",)),
    Rule("D3", "Oil-free eye cream", "milia on the upper eyelids or under the eyes",
         "An oil-free eye cream, morning and evening.", "info", ("S2",), steps=(E,)),
    Rule("D4", "Non-comedogenic makeup", "wears makeup",
         "Non-comedogenic, oil-free makeup and sunscreen; a light concealer under the eyes.",
         "info", ("S3", "dimethicone literature"),
         disagreement="Tip, not a rule: one esthetician (S3) blames heavy silicone-based "
                      "concealers for milia under the eyes; other literature finds dimethicone "
                      "non-comedogenic.",
         steps=("makeup", "remove-makeup")),
    Rule("D5", "Sunscreen every morning", "retinol or acid in the plan",
         "Broad-spectrum SPF 30+ every morning, and for at least 7 days after the last AHA; "
         "milia recommends it every day anyway.",
         "caution", ("AAD sunscreen FAQ", "FDA", "S0", "S1"), steps=("sunscreen", R, A)),
    Rule("D6", "Smoking", "smoker",
         "Quitting smoking is good for your skin and health; the link between smoking and milia "
         "is anecdotal (one esthetician's experience).",
         "info", ("S2",)),
    Rule("D7", "Topical steroid on the face", "topical steroid on the face",
         "Steroid creams on the face can cause milia; do not stop a prescribed medicine on your "
         "own: ask your prescriber about it.",
         "caution", ("DermNet",)),
    # -- E. Professional procedures and aftercare ----------------------------------------------
    Rule("E1", "Before a procedure: tell your clinician",
         "planning a procedure while pregnant or breastfeeding, with cold sores at the site, "
         "keloid-prone, on photosensitizing medicine or anticoagulants, or with a changing mole",
         "Planning a procedure (extraction, laser, electrodesiccation)? Tell your clinician first "
         "about pregnancy or breastfeeding, cold sores, keloids, photosensitizing medicine, blood "
         "thinners and any changing mole.",
         "caution", ("S1",)),
    Rule("E2", "Aftercare after a procedure", "a procedure is logged",
         "No actives on the treated area for 14 days (until the scabs have fallen off); no "
         "picking; no sauna, hot bath, hard exercise or alcohol on the day; sunscreen once "
         "healed. Pain, blisters, oozing or strong redness lasting days: back to the clinic.",
         "caution", ("S1", "S0", "D"), design="14 days.", steps=(R, A)),
    # -- Notices -------------------------------------------------------------------------------
    Rule("N1", "General information", "always",
         "General information, not medical advice or a diagnosis: milia cannot tell milia from "
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
         "info", ("S1", "adapalene label")),
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
