"""Messages of the log: the database, check-ins, events, stats, export and import."""

from milia_cli.messages import coded
from milia_cli.messages.common import Counted

# what a note is searched for (reaction.py, checkin.py), not text to show; the calendar's own
# abbreviations (another language writes dates from CLDR)
UNTRANSLATED = ("PICKING_WORDS", "ALLERGY_WORDS", "SWELLING_WORDS", "URGENT_PLACES", "BREATHING_WORDS",
                "WEEKDAY_NAMES", "MONTH_NAMES")

# -- the database ------------------------------------------------------------
RESTORE_HINT = (
    "move it aside and restore your log with `milia log import FILE` from a `milia log export` backup"
)
DB_CORRUPT = (
    "The log database {path} is damaged or is not a milia database ({detail}); it was left untouched — "
    + RESTORE_HINT
    + "."
)
DB_NOT_MILIA = (
    "{path} is an SQLite database, but not a milia log; it was left untouched — "
    "move it aside or point --home somewhere else."
)
DB_NEWER = (
    "The log database {path} was written by a newer milia (log schema {found}; this one reads up to "
    "{supported}); upgrade milia — the database was left untouched."
)
DB_LOCKED = (
    "The log database {path} is busy (another milia is writing to it) and stayed locked for "
    "{seconds:g} s; try again in a moment — nothing was changed."
)
DB_READ_ONLY = "Cannot write the log database {path}: {detail}; check the permissions of {directory} — nothing was changed."
DB_FULL = "The disk holding {path} is full; free some space and try again — nothing was changed."
DB_CANT_OPEN = "Cannot open the log database {path}: {detail}; check that {directory} exists and is writable."
DB_IO = "Reading or writing the log database {path} failed ({detail}); nothing was changed — check the disk."
DB_OTHER = "The log database {path} reported an error ({detail}); nothing was changed."
DB_INTEGRITY_BAD = "The log database {path} failed its integrity check ({detail}); " + RESTORE_HINT + "."

# -- check-in input ----------------------------------------------------------
BAD_STEP = (
    "{value!r} is not a step; use a step id ({steps}), optionally with its slot (am:cleanse, pm:retinol)."
)
BAD_STEP_NAME = (  # a step name typed in `checkin`
    "{value!r} is not a step{hint}; use a step as `today` shows it ({steps}), optionally with its slot "
    "(am:cleanse, pm:retinol)."
)
STEP_DID_YOU_MEAN = " — did you mean {choice!r}?"
STEP_NOT_PLANNED = "{step!r} is not in the plan for {date} (that day: {planned})."
STEP_DONE_AND_SKIPPED = "{step} is given both as --done and as --skip; pick one."
FUTURE_DATE = "{date} is in the future (today is {today}); check-ins are for today or earlier."
BEFORE_START = "{date} is before the plan starts ({start}); nothing to check in for that day."
NO_PLAN_DAY = "The plan has no steps on {date}; nothing to check in."
BAD_IRRITATION = "Irritation {value!r} is out of range; use 0 (none), 1 (mild), 2 (moderate) or 3 (severe)."
BAD_BUMPS = "Bumps {value!r} is out of range; use a whole number from 0 to {limit}."
BAD_COUNT = "Count {value!r} is out of range; use the number of bumps you see today, a whole number from 0 to {limit}."
NOTE_TOO_LONG = "The note is {length} characters long; keep it to at most {limit}."
NOTE_CONTROL = (
    "The note contains a control character ({char}); use plain text (newlines and tabs are fine)."
)
NOTHING_TO_RECORD = (
    "Nothing to record: give --all, --done STEP, --skip STEP, --irritation, --count, --bumps or --note "
    "(or run `milia checkin` on a terminal to be asked)."
)

STORE_ALL_REFUSED = (
    "The check-in of {date} says \"all\" instead of step ids; a check-in is stored as the ids the plan had "
    "that day (invariant 12) — nothing was stored."
)
CONVERTED_ALL = Counted(
    "milia: {n:earlier check-in} stored as \"all\" now hold the steps the plan had on those days "
    "(log schema 2 stores step ids)."
)

# the picking message (rule A1); the rules knowledge base's text wins when it exists
PICKED_FALLBACK = (
    "Please stop squeezing or picking: milia are keratin under a thin layer of skin, and "
    "home extraction risks infection, scarring and dark marks (rule A1). If they bother you, "
    "a dermatologist can remove them with sterile tools."
)

# what a check-in means at once (B6, B7, A1), printed on stderr as one block
BULLET = "  - "
FROM_TONIGHT = "from this evening"
FROM_THAT_EVENING = "from the evening of {date}"
URGENT_BLOCK = (
    "URGENT: swelling of the face, lips or eyelids, or trouble breathing, needs care now: call your "
    "local emergency number or go to an emergency department. Use no skincare products on it (rules N4, B7)."
)
SEEK_CARE_FALLBACK = (
    "Stop actives and seek care for burning pain, swelling, blisters, oozing or hives; urgently if your "
    "face, lips or eyelids swell or breathing is hard."
)
B7_HEAD = "Irritation 3 (severe) on {date} — rule B7: stop all actives (retinol and acids) {when}."
B7_SEEK_CARE_DAYS = "See a doctor if it lasts more than a few days."
B7_RESTART = (
    "Actives do not come back by themselves: once the skin has healed, run `milia resume --healed`; "
    "they then restart at the lowest level."
)
B7_RESTART_ALLERGY = (
    "Hives, swelling or blisters can be an allergy: actives come back only after a clinician has seen it "
    "and the skin has healed (`milia resume --healed --seen-clinician`), then at the lowest level."
)
B6_HEAD = "Irritation 2 (moderate) on {date} — rule B6, {when}:"
B6_NO_ACTIVES = "no retinol and no acid until a check-in at irritation 0 or 1;"
B6_NO_ACID = "no acid before {acid_from} (7 days from {date}, rule C5);"
B6_LOWER = "then each active restarts one level lower."
B6_DURING_STOP = (
    "Irritation 2 on {date}, while actives are stopped since {since} (rule B7): they stay stopped; "
    "run `milia resume --healed` only once the skin has healed."
)
A1_HEAD = "You picked or squeezed (rule A1):"
ALLERGY_WORDS = (" hive", "swell", "swollen", "blister", "welt", "allerg")
SWELLING_WORDS = ("swell", "swollen")
URGENT_PLACES = ("eyelid", " lid", " eye", "lip", "face", "facial", "mouth", "tongue", "throat")
BREATHING_WORDS = ("breath", "wheez", "throat tight", "tight throat", "can't swallow", "cannot swallow")

# interactive check-in: one screen, "All done?" first (cli/checkin_ask.py, checkin_answers.py)
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
INTERACTIVE_TITLE = "Check-in for {day} (week {week})"
ALREADY_LOGGED = "Already stored: {summary}"
EVENING_LATER = "Evening steps come due at {time}; run `milia checkin` again tonight for them."
NOTHING_OPEN = "Every step due is already stored."
ASK_ALL_DONE = "All done? [Y/n] (Enter = yes)"
ASK_NOT_DONE = (
    "Which were not done? Numbers or names (2 5, retinol), s before a number for skipped on purpose (s3), "
    "or all"
)
IRRITATION_SCALE = ("0 none", "1 mild (dry, tight)", "2 moderate (red, stinging)", "3 severe (burning, swelling)")
ASK_IRRITATION = "Irritation {when}, 0-3 or the word"
ASK_COUNT = "Bumps you see today, in total (A6/A7 compare counts over weeks)"
ASK_COUNT_ON = "Bumps you saw on {day}, in total (A6/A7 compare counts over weeks)"
ASK_NOTE = "A note (say so if you picked or squeezed a bump)"
WHEN_TODAY = "today"
WHEN_ON = "on {day}"
ENTER_LEAVES_OUT = "Enter = leave out"
ENTER_KEEPS = "Enter = keep {value}"
ENTER_NONE = "Enter = none"
BAD_YES_NO = "{value} is not yes or no: answer y or n."
EMPTY_YES_NO = "Answer y or n."
BAD_IRRITATION_ANSWER = (
    "{value} is not an irritation level: answer 0, 1, 2 or 3, or the word none, mild, moderate or severe."
)
BAD_COUNT_ANSWER = "{value} is not a count: answer a whole number from 0 to {limit}, or Enter to leave it out."
NOT_DONE_EMPTY = "Say which were not done (numbers such as 2 5, or names), or all; Enter alone does not answer."
NOT_DONE_BAD_NUMBER = "{value} is not on the list: use numbers from 1 to {n} (s before one for skipped)."
NOT_DONE_BAD = "{value} is neither a number from 1 to {n} nor a step name; use the numbers shown."
NOT_DONE_NOT_OPEN = "{value} is not among the steps listed; use the numbers shown."
NOT_DONE_BOTH = "Step {n} is given as not done and as skipped; pick one."
TOO_MANY_TRIES = "No answer could be read after {tries} tries; nothing was changed."
# the one-line confirmation (as jrnl prints one), on stdout
STORED = "Stored {day}: {what}"
STORED_STEPS = "{done} of {planned}"
STORED_SKIPPED = "{n} skipped"
STORED_IRRITATION = "irritation {value}"
STORED_COUNT = "{bumps} in total"
STORED_NEW = "{bumps}"
N_STEPS = Counted("{n:step}")
N_BUMPS = Counted("{n:bump}")
N_NEW_BUMPS = Counted("{n:new bump}")
TONIGHT_NO = "tonight: no {what}{why}"
TONIGHT_RULE = " (rule {rule}, above)"
TONIGHT_BACK = "tonight: {what} again"

# -- resume (after a B7 stop) ------------------------------------------------
RESUME_NOTHING_STOPPED = (
    "Nothing is stopped on {date}: there is no check-in at irritation 3 since the last resume, so there is "
    "nothing to resume."
)
RESUME_FUTURE = "{date} is in the future (today is {today}); record a resume on the day the skin has healed."
RESUME_TOO_EARLY = (
    "Irritation 3 was logged on {last}; a resume is for a later day, once the skin has healed (give --date "
    "after {last})."
)
RESUME_NEEDS_HEALED = (
    "Actives stay stopped after severe irritation (rule B7) until the skin has healed; once it has, run "
    "`milia resume --healed`."
)
RESUME_NEEDS_HEALED_ALLERGY = (
    "Actives stay stopped after severe irritation (rule B7) until the skin has healed and, as the check-ins "
    "since {since} mention hives, swelling or blisters (possibly an allergy), a clinician has seen it; then "
    "run `milia resume --healed --seen-clinician`."
)
RESUME_NEEDS_CLINICIAN = (
    "The check-ins since {since} mention hives, swelling or blisters, which can be an allergy (rule B7): "
    "have a clinician look at it first, then run `milia resume --healed --seen-clinician`."
)
RESUMED = "Resumed on {date} after the stop of {since} (rule B7): actives restart at the lowest level."
RESUME_NEXT = "Next active evening: {date} ({steps})."
RESUME_NO_ACTIVE_SOON = "The plan has no active evening in the next {days} days."
RESUME_WATCH = "Stop again and check in with irritation 2 or 3 if redness, stinging or swelling comes back."

# -- events ----------------------------------------------------------------
BAD_KIND = "Event kind {value!r} is not known; allowed: {allowed}."
BAD_AREA = "Area {value!r} is not known; allowed: {allowed}."
EVENT_PLANNED = (
    "Planned {kind} on {date} ({areas}): no actives on those areas from {pause} (rule E1), and "
    "aftercare until {until} (rule E2)."
)
EVENT_ADDED = "Logged {kind} on {date} ({areas}): no actives on those areas until {until} (rule E2)."
EVENT_ALREADY = "That {kind} on {date} ({areas}) is already logged; nothing changed."
NO_EVENTS = "No procedures logged for {name!r}."
EVENT_AREAS_DEFAULTED = "No --area given; using the profile's milia areas ({areas})."
RESUME_NO_AREAS = "A resume event has no areas: it ends a B7 stop everywhere."
SEEN_ONLY_ON_RESUME = "Only a resume event records that a clinician saw the reaction."
EVENT_NO_AREAS = "Give at least one --area (the profile lists no milia areas); allowed: {allowed}."

# -- export / import -----------------------------------------------------------
EXPORTED = Counted("Exported {checkins:check-in} and {events:event} of {name!r} to {path}.")
IMPORTED = Counted(
    "Imported into {name!r}: {added:day} added, {replaced:day} replaced, {events:event} added, "
    "{changes:profile change} added."
)
EXPORT_ALL_UNRESOLVED = Counted(
    "milia: {n:check-in} still stored as \"all\" went out as \"all\" ({reason}); fix the profile "
    "and export again to get the step ids."
)
IMPORT_NOT_JSON = "{file} is not valid JSON ({detail}); nothing was imported."
IMPORT_NOT_UTF8 = "{file} is not UTF-8 text; a log export is JSON. Nothing was imported."
IMPORT_TOO_BIG = "{file} is {size} bytes, more than the {limit} bytes a log export can be; nothing was imported."
IMPORT_BAD = "{file}: {where}: {problem}; nothing was imported."
IMPORT_OTHER_PROFILE = (
    "{file} is the log of {found!r}, not of {want!r}; use --force to import it into {want!r} anyway. "
    "Nothing was imported."
)
IMPORT_FROM_BEFORE_ID = (
    "milia: {file} was exported before this client had an id (its \"profile\" is the client's name "
    "{found!r}); importing it into {want!r}."
)
IMPORT_ALL_NEEDS_PROFILE = Counted(
    "{file}: {n:day} with \"done\": \"all\", which is stored as the steps the plan had that day and so "
    "needs the profile ({reason}); nothing was imported."
)
IMPORT_READ_FAILED = "Could not read {file}: {reason}; nothing was imported."

# problems inside a Log JSON document (the `problem` of IMPORT_BAD)
J_NOT_OBJECT = "expected a JSON object, found {found}"
J_NOT_LIST = "expected a list, found {found}"
J_SCHEMA = "'schema' is {value}; this milia reads 'milia.log/1'"
J_UNKNOWN_KEY = "unknown key {key!r} (allowed: {allowed})"
J_MISSING = "required key {key!r} is missing"
J_BAD_DATE = "{value} is not a real date (YYYY-MM-DD)"
J_DUP_DATE = "the day {value} appears twice; a day appears once"
J_BAD_STEP = "{value} is not a slot-qualified step id (for example am:cleanse or pm:retinol)"
J_DUP_STEP = "{value} is listed twice"
J_BOTH = "{value} is both done and skipped"
J_BAD_DONE = "'done' must be a list of step ids or \"all\", found {found}"
J_BAD_IRRITATION = "'irritation' is {value}; allowed: 0, 1, 2, 3 or null"
J_BAD_BUMPS = "'bumps' is {value}; allowed: a whole number from 0 to {limit}, or null"
J_BAD_COUNT = "'count' is {value}; allowed: a whole number from 0 to {limit} (bumps seen that day, in total), or null"
J_RESUME_AREAS = "a resume event has no areas (it ends a B7 stop everywhere)"
J_SEEN_NOT_RESUME = "'seen_clinician' belongs to a resume event only"
J_BAD_CHANGE_KEY = "'key' is {value}; expected a dotted profile key such as pregnancy or cautions.facial_steroid"
J_BAD_CHANGE_VALUE = "{key!r} must be text, true/false, a whole number, a list of text or null, found {found}"
J_DUP_CHANGE = "the change of {key} on {day} appears twice; a key changes once a day"
J_BAD_NOTE = "'note' must be text or null, found {found}"
J_BAD_BOOL = "{key!r} must be true or false, found {value}"
J_BAD_PROFILE = "'profile' must be text, found {value}"
J_BAD_NAME = "'name' must be text or null, found {value}"
J_BAD_KIND = "'kind' is {value}; allowed: {allowed}"
J_BAD_AREA = "area {value} is not known; allowed: {allowed}"

# -- stats -----------------------------------------------------------------
BAD_DAYS = "--days {value} is out of range; use a number from 1 to {limit}."
STATS_NO_PLAN_YET = "The plan starts on {start}; there is nothing to count yet."
STATS_TITLE = "Stats for {name}: {first} to {last} ({days} plan days, {logged} logged)"
STATS_STREAK = "Streak: {current} now · best {best}"
DAYS_ONE = "{n} day"
DAYS_MANY = "{n} days"
STATS_STREAK_HINT = "(a day counts when every step is done; rest days and paused actives never break it)"
STATS_ADHERENCE_TITLE = "Adherence"
STATS_COL_STEP = "step"
STATS_COL_DONE = "done"
STATS_COL_PLANNED = "planned"
STATS_COL_RATE = "%"
STATS_OVERALL = "overall (required steps)"
STATS_NOTHING_YET = "No plan days up to today yet."
STATS_CALENDAR_TITLE = "Calendar"
STATS_WEEKDAYS = "Mo Tu We Th Fr Sa Su"
STATS_LEGEND = "{kept} kept   {partial} partly done   {missed} missed   {rest} rest day (neutral)   {open} today, still open"
STATS_IRRITATION = "Irritation (0–3) {line}  last {last}, highest {top}"
STATS_BUMPS = "New bumps        {line}  last {last}, highest {top}"
STATS_NO_SERIES = "{what}: nothing logged in this window."
STATS_WHAT_IRRITATION = "Irritation"
STATS_WHAT_BUMPS = "New bumps"
STATS_SERIES_WEEKLY = "(one bar per week, the week's highest value)"
STATS_SERIES_LAST = "(one bar per week, the week's highest value: the last {n} weeks, as many as fit)"
STATS_LEVELS_TITLE = "Levels (evenings a week)"
STATS_LEVEL = "week {week} ({start}): {per_week}/week"
STATS_LEVEL_REASON = " — {reason} [{rules}]"
STATS_NO_LEVELS = "No actives in this plan."
# the text view shows the level in effect on the window's first day and the changes after it
STATS_LEVEL_EARLIER_ONE = (
    "1 earlier change ({since}) not shown: --days N widens the window, --json lists every change"
)
STATS_LEVEL_EARLIER_MANY = (
    "{n} earlier changes ({since} on) not shown: --days N widens the window, --json lists every change"
)

# -- dated profile changes (`profile set`, B13) -------------------------------------------
BAD_SINCE_FUTURE = "--since {date} is in the future (today is {today}); a change is dated the day it took effect."
SINCE_NOT_PLAN_SHAPING = (
    "--since only dates changes that shape the plan (pregnancy, milia.areas, skin.type, birth_year, "
    "cautions.*, habits.*); {key} takes effect as written."
)
SINCE_BEFORE_LAST = (
    "{key} already changed on {last} (recorded in the log); --since {date} would put this change before it — "
    "give a date on or after {last}."
)
BIRTH_YEAR_FUTURE = "birth_year {year} is in the future (it is {today_year}); give the year the person was born."
CHANGE_LOG_FAILED = "{reason}; the profile was left as it was ({path}) — nothing was changed."
CHANGE_LOG_FAILED_RESTORE_FAILED = (
    "{reason}; and putting back the previous profile failed too ({restore}): {path} now has {key} = {value} "
    "without a dated record — run the same `milia profile set` again once the log can be written."
)
CHANGE_RECORDED = "Recorded in the log: {key} changed from {old} to {new} on {date} (days before it are unchanged)."
CHANGE_RECORDED_CLEARED = "Recorded in the log: {key} cleared (it was {old}) on {date} (days before it are unchanged)."
CHANGE_RECORDED_SET = "Recorded in the log: {key} set to {new} on {date} (days before it are unchanged)."
CHANGE_NO_ACTIVES = "From {date} the plan has no actives (no retinol, no acid); `milia plan` shows why."
CHANGE_DROPS = "From {date} the plan leaves out {what}; `milia plan` shows why."
CHANGE_FEWER = "From {date} the plan has fewer active evenings ({before} -> {after} in the next {days} days)."
WHO_PRENATAL = "your prenatal provider (midwife, obstetrician or doctor)"
WHO_BREASTFEEDING = "your clinician or your baby's doctor"
PREG_HEAD = "Pregnancy status is now {status}: retinol stops {when} (rules B13, B1/B2). Use no retinoid from then on."
PREG_SHARE = "Dates retinol was used, to share with {who}:"
PREG_USED = "used, from your check-ins ({n}): {dates}"
PREG_PLANNED = "planned, no check-in says whether it was used ({n}): {dates}"
PREG_NONE = "No retinol was used or planned so far."
PREG_SINCE = "(The change is dated {date}: the plan applies it from then on.)"
PREG_RISK = (
    "Topical retinol is generally considered low risk: little reaches the blood through the skin "
    "(MotherToBaby). Tell your provider the dates and the product."
)
PREG_RISK_BREASTFEEDING = (
    "Some references (LactMed, NHS SPS) consider topical retinoids low risk while breastfeeding; "
    "this planner leaves retinol out by default (B2) — ask your clinician."
)


coded(globals(), "log")
