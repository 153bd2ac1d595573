"""Messages of the regimen commands: plan, today, why, triage, and the planner's reasons."""

from milia_cli.messages import coded
from milia_cli.messages.common import Counted, InWords

# -- why a level changed (Level.reason) ---------------------------------------------------------
REASON_STEP_UP = "two tolerated weeks at {n} a week: one more"
REASON_STARTS = "it starts at the lowest level"
REASON_RETINOL_BACK = "two tolerated weeks without retinol: it restarts at 1 a week"
REASON_STEP_DOWN = "irritation logged on {day}: paused at once, it restarts one level lower"
REASON_STOPPED = "irritation 3 logged on {day}: stopped; it restarts at the bottom level after `milia resume`"
REASON_ACID_JOINS = "the acid joins on nights without retinol"
REASON_ACID_BACK = "the acid restarts one level lower after a pause"
REASON_CAPPED = "the cap for this skin type is lower: down to it"
REASON_RESUMED = "back after `milia resume`: the bottom level"
REASON_LEFT_OUT = "left out from this week (see the notices)"
REASON_BACK_IN = "allowed again: it restarts at the bottom level, no higher than before"

# -- details added to notices (one day, one message) ---------------------------------------------
IRRITATION_2 = "Irritation 2"
IRRITATION_RUN = "Irritation 1 or more on two check-ins in a row"
B6_PAUSED = (
    "{what} logged on {day}: no actives from that evening until a check-in shows irritation 0 or 1; "
    "no acid before {acid}. Then each active restarts one level lower, from the next plan week."
)
B6_CLEARED = (
    "{what} logged on {day}, calm again on {cleared}: actives restart one level lower from {restart}; "
    "no acid before {acid}."
)
B6_EXTENDED = " Irritation logged again on {days} while paused extended the pause."
B7_STOPPED = (
    "Stopped {day}: no actives until you run `milia resume` (once the skin has healed; after hives, "
    "swelling or blisters, once a clinician has seen it)."
)
B7_RESUMED = "Stopped {day}, resumed {resumed}: actives restart at the bottom level from {restart}, one at a time."
B7_RESUMED_WAIT = (
    "Stopped {day}, resumed {resumed}; irritation was logged again since: actives return after a check-in "
    "at 0–1, at the bottom level."
)
SEEK_CARE = (
    " Seek care if burning pain, swelling, blisters, oozing or hives last more than a few days; urgently "
    "if your face, lips or eyelids swell or breathing is hard."
)
PREGNANCY_CHANGE = (
    "From {day} ({status}): retinol stopped that evening and stays out. {exposure} Topical retinoid "
    "exposure is generally considered low risk; share these dates with your prenatal provider."
)
EXPOSURE_PLANNED = "Retinol evenings in the plan before that: {dates} (`milia stats` shows what you checked in)."
EXPOSURE_NONE = "No retinol evenings were planned before that."
EVENINGS = Counted("{listed} ({n:evening})")  # "2026-11: 23, 26; 2026-12: 1 (3 evenings)"
PREGNANCY_BACK = (
    "From {day} (pregnancy status none): actives may return from the next plan week, one at a time, "
    "no higher than their last level."
)
STATUS_NAMES = {"pregnant": "pregnant", "trying": "trying to conceive", "breastfeeding": "breastfeeding"}
PICKED_LOGGED = "You noted picking on {day}. "
AFTERCARE_LOGGED = "{kind} on {day} ({areas}): those areas are out of every step until {until}. "
BEFORE_PROCEDURE = "{kind} is planned on {day} ({areas}): no actives there from {first}. "
PROCEDURE_NAMES = {"extraction": "An extraction", "laser": "A laser treatment",
                   "electrodesiccation": "An electrodesiccation", "other": "A procedure"}
ALL_AREAS = "all areas"
HELD_UNLOGGED = (
    "No check-ins were logged in {weeks}, so the levels were held there; log with "
    "`milia checkin` so the plan can step up."
)
UNDER_18 = "Born in {year}: possibly under 18. "
FUTURE_BIRTH = "The birth year {year} is in the future: please correct it (`milia profile set birth_year YEAR`). "
SPF_TAIL = "The last acid evening of this plan is {last}: keep SPF 30+ every morning through {until}."
A7_COMPUTED = (
    "Over the 12 weeks to {day} you did {pct} % of the required steps and the bump count went from "
    "{first} to {latest}: "
)
A6_RISE = "The bump count rose from {low} on {low_day} to {high} on {high_day}. "
A6_CROPS = "New bumps were logged in {n} of the last 6 weeks. "
A9_TEXT = (
    "Milia only around the eyes: topicals cannot safely reach them (B8, C6), so this plan has no actives "
    "and keeps the routine gentle. Professional removal (A7) is the route for bumps there, from week 1."
)
A10_TEXT = (
    "Bumps only on the body are often secondary (after blisters, burns or creams) or eruptive: please "
    "have a doctor or dermatologist look first. Body steps here are a thin layer on the area."
)
C9_TEXT = "While breastfeeding, no actives go on the chest: keep products off the nipple and areola."

# -- plan / today output ------------------------------------------------------------------------
NOT_STARTED = "The plan of {name} starts on {start} (in {days} days); nothing to do yet."
WEEK_TITLE = "Week {week} · {first} – {last}"
WEEK_LEVELS = Counted("{step} {n:weekly}")  # "retinol 2×/week", "retinol off"
WEEK_NO_ACTIVES = "no actives"
TODAY_TITLE = "{weekday} {day} · week {week}, day {dayno} · {name}"
MORNING = "Morning"
EVENING = "Evening"
NEW = "new this week"
APPLY_TO = InWords("on {areas}")  # area ids as words: "upper eyelids"
AVOID = InWords("avoid {areas}")
NOTICES = "Notices"
LEVEL_WORDS = {"info": "info", "caution": "caution", "refer": "refer", "stop": "stop"}  # a notice's level
LEVEL_CHANGE = Counted("{step}: {n:weekly} from week {week} — {reason} ({rules})")
NO_STEPS = "No steps: this plan holds only the notices above."
LEGEND = "Actives in CAPITALS are highlighted; `milia why STEP` explains a step."
MORNING_EVERY_DAY = "Morning, every day:"
DAY_COLUMN = "Day"  # the first column of a week's table
TODAY_MARK = "◀ today"
NOTICES_FOLDED = "Folded to one line each: `milia plan --notices` shows them in full, `milia why ID` explains one."
DONE_MARK = "[x]"
OPEN_MARK = "[ ]"
SKIPPED_MARK = "[-]"

# -- views: --from, --start, --week (issue 13, item 5) ----------------------------------------------
VIEW_BEFORE_START = "--from {day} is before the plan starts ({start}): showing from {start}."
WEEK_AND_FROM = "--week and --from both say where to begin; use one of them (--week N --weeks M shows M weeks from week N)."

# -- why --------------------------------------------------------------------------------------
UNKNOWN_TOPIC = (
    "{topic!r} is neither a step nor a rule; steps: {steps}; rules: A1–A10, B1–B13, C1–C9, D1–D9, "
    "E1–E2 and notices N1–N9."
)
WHY_STEP_TITLE = "Why {step}: the rules behind it"
WHY_LIST_TITLE = "The rules this planner follows (`milia why ID` for one in full)"
WHEN = "When"
ACTION = "What"
LEVEL = "Level"
SOURCE = "Source"
DISAGREEMENT = "Disagreement"
DESIGN = "Design default"

# -- triage -------------------------------------------------------------------------------------
TRIAGE_NEEDS_ANSWERS = (
    "triage needs answers: run it on a terminal to be asked, or pass them as options "
    "(see `milia triage --help`)."
)
TRIAGE_BAD_COLOUR = "Colour {value!r} is not one of: {allowed}."
TRIAGE_BAD_LOCATION = "Location {value!r} is not one of: {allowed}."
TRIAGE_BAD_ANSWER = "Please answer with one of: {allowed} (or press Enter to skip)."
TRIAGE_BAD_YES_NO = "Please answer y or n (or press Enter to skip)."
TRIAGE_BAD_NUMBER = "Please answer with a number of millimetres, such as 2 or 1.5 (or press Enter to skip)."
TRIAGE_BAD_WHOLE = "Please answer with a whole number of weeks, such as 3 (or press Enter to skip)."
TRIAGE_INTRO = (
    "A few questions about the bumps. This tool cannot diagnose anything; it only tells you when a "
    "clinician should look."
)
TRIAGE_REFER = "Please have a doctor or dermatologist look at these bumps:"
TRIAGE_NO_FLAGS = (
    "Nothing you described is in itself a reason to see a doctor, but this tool cannot tell milia from "
    "other bumps: see a dermatologist if anything changes or nothing improves in 12 weeks."
)
TRIAGE_DISCLAIMER = "General information, not a diagnosis."
Q_COLOUR = "Colour of the bumps ({choices})"
Q_SIZE = "Size of the largest, in mm (e.g. 1.5)"
Q_LOCATION = "Where are they ({choices})"
Q_WEEKS = "How many weeks have you had them"
Q_CHANGING = "Are any changing in size, shape or colour"
Q_PAINFUL = "Are any red, sore or painful"
Q_PUS = "Do any hold pus"
Q_BLEEDING = "Do any bleed"
Q_ITCHY = "Do any itch"
Q_PIGMENTED = "Is any dark, brown or multicoloured"
Q_IRREGULAR = "Does any have an irregular edge"
Q_ROUGH = "Are any rough and spreading"
Q_CENTRAL_DIP = "Is any yellowish with a small dip in the centre"
Q_PLAQUE = "Are there flat yellow patches on the eyelids"
Q_NON_HEALING = "Is any bump pearly and translucent with tiny vessels, or one that bleeds or does not heal"
Q_NEW_CROPS = "Have new ones been appearing in crops over the past weeks"
Q_AFTER_INJURY = "Did they appear after blisters, a burn or a rash"
Q_TREATED = "For how many weeks have you followed the routine steadily (0 if not)"
Q_FEWER = "Are there fewer bumps than when you started"
YES_NO = "y/n"

# -- A8 --------------------------------------------------------------------------------------
BABY = (
    "Born in {year}: possibly under 2. Milia in babies are common and clear by themselves within weeks: "
    "no products and no plan. See the baby's doctor if they last past 3 months, or sooner if the skin "
    "looks red, sore or infected."
)

# -- handouts (the exporters read these through exporters/handout.py) --------------------------
HANDOUT_URGENT = "Urgent"
HANDOUT_INTRO = (
    "Active products (retinol and exfoliating acids) may help, but they irritate skin that is not used "
    "to them. So they start on a few evenings a week and rise one evening at a time, only when your "
    "skin has been comfortable for two weeks, and only one change a week. Never use both on the same evening."
)
HANDOUT_HOLD = (
    "If your skin stings, turns red or peels, stop the actives that same evening: none until your skin "
    "is calm again, no acid for 7 days, then each restarts one level lower. Burning pain, swelling, "
    "blisters or hives: stop everything and seek care. Tell {ask}."
)
HANDOUT_NONE = (
    "This plan has no active products (retinol or exfoliating acids) for now: a gentle routine is the "
    "whole plan. Ask {ask} before adding any."
)
ASK_PRESCRIBER = "your prescriber"
ASK_DERMATOLOGIST = "a dermatologist"
ASK_DEFAULT = "your esthetician or clinician"


coded(globals(), "plan")
