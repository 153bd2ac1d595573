"""Messages of the client handout's reader wording and of `milia report` (issue 17).

Everything a client reads in a handout or a progress report that is new with issue 17
lives here, so one catalogue can later translate it. Plain ``str.format`` templates.
"""

from milia_cli.messages import coded

# -- the sources, named as a reader would (RULES.md: S0..S3 are the seed articles) -------------
SOURCE_NAMES = {
    "S0": "an article from a Korean skin clinic",
    "S1": "the director of a Gangnam skin clinic",
    "S2": "an article in Women's Health",
    "S3": "a beauty magazine's article on milia",
}
# phrases of the rule texts that name a source by its id, as a reader would say them
SOURCE_PHRASES = (
    ("an esthetician in S2", "an esthetician quoted in Women's Health"),
    ("one article (S2)", "an article in Women's Health"),
    ("one esthetician (S3)", "an esthetician quoted in a beauty magazine"),
)
# command-line wording in notice texts and level reasons -> what a client can do
COMMAND_PHRASES = (
    ("; log with `milia checkin` so the plan can step up",
     "; the plan steps up only once check-ins show the skin is comfortable"),
    ("after you run `milia resume` (when", "after you tell your esthetician or clinician ("),
    ("until you run `milia resume` (once", "until you tell your esthetician or clinician that it has healed (once"),
    ("after `milia resume`", "once you say the skin has healed"),
    ("(record it with `milia profile set cautions.prescriber_agreed true`)",
     "(tell your esthetician when they do)"),
    (" (`milia stats` shows what you checked in)", ""),
    ("please correct it (`milia profile set birth_year YEAR`)", "please ask your esthetician to correct it"),
)
# the B4 notice when past weeks have no check-ins here (see exporters/reader_words.py)
HELD_HERE = (
    "The check-ins for {weeks} are not on this machine, so the plan kept the active evenings where "
    "they were; it steps up only once check-ins show the skin is comfortable."
)
WEEK_ONE = "week {week}"
WEEK_RUN = "weeks {first}–{last}"
WEEK_LIST_JOIN = ", "

# -- the handout ----------------------------------------------------------------------------
DOC_FIRST = "Before anything else"
DOC_FIRST_INTRO = "These need a professional or stop a product: read them first."
DOC_MORE_NOTICES = "Please read"
DOC_UNLOGGED = (
    "{weeks} ({first} – {last}): past, and the check-ins for that time are not on this machine, "
    "so this handout does not show it as if it went as planned."
)
DOC_UNLOGGED_ROW = (
    "Past: the check-ins for this time are not on this machine, so it is not shown as if it went as planned."
)
DOC_ROUTINE_ONLY_WEEK = "The everyday routine only, all week."
DOC_NO_GRID = "Every day of this plan is the everyday routine above: nothing changes from day to day."

# -- `milia report` -----------------------------------------------------------------------------
REPORT_TITLE = "Progress report for {name}"
REPORT_BRAND = "Progress report · milia-prone skin"
REPORT_PERIOD = "Period"
REPORT_PERIOD_VALUE = "{first} to {last} (plan weeks {week_first}–{week_last})"
REPORT_MADE = "As of"
REPORT_SUMMARY = "Summary"
REPORT_SUMMARY_CHECKINS = "Check-ins: {n} of {days} days."
REPORT_SUMMARY_ADHERENCE = "Required steps done: {pct} % of those planned on days with a check-in."
REPORT_SUMMARY_NO_CHECKINS = (
    "The check-ins for this period are not on this machine: the charts show what was planned, "
    "and nothing as done or logged."
)
REPORT_SUMMARY_BUMPS = "Bump count: {first} on {first_day}, {latest} on {latest_day}."
REPORT_SUMMARY_NO_BUMPS = "No bump count was logged in this period."
REPORT_NOTICES = "Notices in force"
REPORT_NO_NOTICES = "No special notices."
REPORT_BUMPS = "Bump count over time"
REPORT_BUMPS_CAPTION = "Bumps seen on the day, in total, at each check-in that recorded a count."
REPORT_BUMPS_NONE = "No bump count was logged in this period."
REPORT_BUMPS_SERIES = "Bumps seen"
REPORT_IRRITATION = "Irritation and active evenings, week by week"
REPORT_IRRITATION_CAPTION = (
    "Bars: active evenings planned and done each week. Line: the highest irritation logged that week "
    "(0 none, 1 mild, 2 moderate, 3 severe)."
)
REPORT_SERIES_PLANNED = "Active evenings planned"
REPORT_SERIES_DONE = "Active evenings done"
REPORT_SERIES_IRRITATION = "Highest irritation"
REPORT_ADHERENCE = "Adherence calendar"
REPORT_ADHERENCE_CAPTION = (
    "Each day: the share of its required steps checked as done. A day without a check-in is blank, "
    "not zero."
)
REPORT_LADDER = "The titration ladder as it went"
REPORT_LADDER_CAPTION = "Evenings a week of each active, week by week, with every change and its reason."
REPORT_TIMELINE = "Procedures and aftercare"
REPORT_TIMELINE_NONE = "No procedures in this period."
REPORT_FOOTER = "General information, not medical advice or a diagnosis. Made with milia {version}."
# table headers (the charts' text equivalents)
COL_DATE = "Date"
COL_WEEK = "Week"
COL_DATES = "Dates"
COL_BUMPS = "Bumps"
COL_NEW = "New bumps"
COL_PLANNED = "Active evenings planned"
COL_DONE = "Active evenings done"
COL_IRRITATION = "Highest irritation"
COL_CHECKINS = "Check-ins"
COL_ADHERENCE = "Required steps done"
COL_ACTIVE = "Active"
COL_FROM = "From week"
COL_PER_WEEK = "Evenings a week"
COL_CHANGE = "Change"
COL_WHY = "Why"
COL_WHAT = "What"
COL_AREAS = "Areas"
COL_AFTERCARE = "Aftercare until"
NOT_LOGGED = "not logged"
NO_CHECKIN = "no check-in"
CHANGE_KIND = {"start": "starts", "up": "steps up", "down": "steps down", "stop": "stops",
               "resume": "resumes", "out": "left out", "back": "back in"}
PROCEDURE_KIND = {"extraction": "Extraction", "laser": "Laser treatment",
                  "electrodesiccation": "Electrodesiccation", "other": "Procedure"}
PLANNED_PROCEDURE = "planned"
PLANNED_KIND = "{kind} ({planned})"
IRRITATION_LEVEL = "{n} ({word})"
RESUMED_EVENT = "Skin healed: actives resumed"
RESUMED_SEEN = " (a clinician saw the reaction)"
ALL_AREAS = "all areas"
ACTIVE_NAMES = {"retinol": "Retinol", "exfoliate": "Acid exfoliant"}
IRRITATION_WORDS = {0: "none", 1: "mild", 2: "moderate", 3: "severe"}
# command-line messages
BAD_REPORT_WEEKS = "--weeks must be between 1 and {max}, not {value}."
REPORT_NOT_STARTED = "The plan of {name} starts on {start}: there is no progress to report yet."
CHART_WEEK = "W{week}"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
UNTRANSLATED = ("WEEKDAYS",)  # another language names the weekdays from CLDR (babel)


coded(globals(), "report")
