"""Messages of the regimen commands: plan, today, why, triage, and the planner's reasons."""

# -- why a level changed (Level.reason) ---------------------------------------------------------
REASON_STEP_UP = "two tolerated weeks at {n} a week: one more"
REASON_RETINOL_BACK = "two tolerated weeks without retinol: it restarts at 1 a week"
REASON_STEP_DOWN = "{what} logged on {day}: one level down, no acid for two weeks"
IRRITATION_2 = "irritation 2"
IRRITATION_RUN = "irritation 1 or more on two check-ins in a row"
REASON_STOPPED = "irritation 3 logged on {day}: all actives stopped"
REASON_RESTART = "irritation 0–1 logged on {day} after the stop: restart at the bottom"
REASON_ACID_JOINS = "the acid joins on nights without retinol"
REASON_ACID_BACK = "the acid restarts one level lower after a pause"

# -- details added to notices -----------------------------------------------------------------
STOP_LOGGED = "Irritation 3 was logged on {day}: all actives are stopped until a check-in shows 0 or 1."
STOP_CLEARED = (
    "Irritation 3 was logged on {day} and {cleared} showed 0–1: actives restart at the bottom level "
    "at the next week boundary, at least two weeks after the stop."
)
STEP_DOWN_LOGGED = "{what} logged on {day}: week {week} is one level lower, with no acid for two weeks."
PICKED_LOGGED = "You noted picking on {day}. "
AFTERCARE_LOGGED = "A {kind} on {day} ({areas}): no actives there until {until}. "
ALL_AREAS = "all areas"
HELD_UNLOGGED = (
    "No check-ins were logged in week(s) {weeks}, so the levels were held there; log with "
    "`milia checkin` so the plan can step up."
)
UNDER_18 = "Born in {year}: possibly under 18. "

# -- plan / today output ------------------------------------------------------------------------
NOT_STARTED = "The plan of {name} starts on {start} (in {days} days); nothing to do yet."
WEEK_TITLE = "Week {week} · {first} – {last}"
WEEK_LEVELS = "{step} {n}×/week"
WEEK_NO_ACTIVES = "no actives"
TODAY_TITLE = "{weekday} {day} · week {week}, day {dayno} · {name}"
MORNING = "Morning"
EVENING = "Evening"
NEW = "new this week"
APPLY_TO = "on {areas}"
AVOID = "avoid {areas}"
NOTICES = "Notices"
LEVEL_CHANGE = "{step}: {n}×/week from week {week} — {reason} ({rules})"
LEGEND = "Actives in CAPITALS are highlighted; `milia why STEP` explains a step."
DONE_MARK = "[x]"
OPEN_MARK = "[ ]"
SKIPPED_MARK = "[-]"

# -- why --------------------------------------------------------------------------------------
UNKNOWN_TOPIC = (
    "{topic!r} is neither a step nor a rule; steps: {steps}; rules: A1–A8, B1–B10, C1–C8, D1–D7, "
    "E1–E2 and notices N1–N9."
)
WHY_STEP_TITLE = "Why {step}: the rules behind it"
WHY_LIST_TITLE = "The rules milia follows (`milia why ID` for one in full)"
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
TRIAGE_BAD_ANSWER = "Please answer with one of: {allowed}."
TRIAGE_INTRO = (
    "A few questions about the bumps. milia cannot diagnose anything; it only tells you when a "
    "clinician should look."
)
TRIAGE_REFER = "Please have a doctor or dermatologist look at these bumps:"
TRIAGE_NO_FLAGS = (
    "Nothing you described is in itself a reason to see a doctor, but milia cannot tell milia from "
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
Q_NON_HEALING = "Is any pearly, or a sore that does not heal"
Q_NEW_CROPS = "Have new ones been appearing in crops over the past weeks"
Q_AFTER_INJURY = "Did they appear after blisters, a burn or a rash"
Q_TREATED = "For how many weeks have you followed the routine steadily (0 if not)"
Q_FEWER = "Are there fewer bumps than when you started"
YES_NO = "y/n"
