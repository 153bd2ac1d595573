"""Messages and labels of the exporters, `milia export` and `milia batch`."""

from milia_cli.messages import coded

# file formats and calendar texts stay English (calendars: issue 17 translates handouts and reports)
UNTRANSLATED = ("ICS_PRODID", "ICS_CALNAME", "ICS_SUMMARY", "ICS_APPLY", "ICS_AVOID", "ICS_RULES", "ICS_FOOTER",
                "ICS_ALARM", "ICS_CATEGORY", "ICS_ORGANIZER_NAME", "ICS_CATEGORY_ACTIVE", "CSV_HEADER",
                "GOOGLE_HEADER",
                "WEEKDAY_SHORT", "WEEKDAY_LONG")  # another language names the weekdays from CLDR (babel)

# -- labels shared by the exporters ------------------------------------------
SLOT_LABEL = {"am": "Morning", "pm": "Evening"}
SLOT_SHORT = {"am": "AM", "pm": "PM"}
WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LEVEL_LABEL = {"info": "Good to know", "caution": "Caution", "refer": "See a professional", "stop": "Stop"}

# -- calendar (ICS) ------------------------------------------------------------
ICS_PRODID = "-//milia//milia skincare planner {version}//EN"
ICS_CALNAME = "milia: {name}"
ICS_SUMMARY = "{slot}: {title}"
ICS_APPLY = "Apply to: {areas}"
ICS_AVOID = "Keep away from: {areas}"
ICS_RULES = "Rules: {rules}"
ICS_FOOTER = "General information, not medical advice. Run `milia why {step}` for the reasons."
ICS_ALARM = "Skincare: {title}"
ICS_CATEGORY = "Skincare"
ICS_ORGANIZER_NAME = "milia"
ICS_CATEGORY_ACTIVE = "Active"

# -- CSV -------------------------------------------------------------------------
CSV_HEADER = ("date", "week", "weekday", "slot", "time", "step", "title", "areas", "avoid", "how", "rules")
GOOGLE_HEADER = (
    "Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event",
    "Description", "Location", "Private",
)

# -- Markdown / HTML handout -----------------------------------------------------
DOC_TITLE = "Skincare plan for {name}"
DOC_SUBTITLE = "{weeks} weeks from {start} · mornings at {am}, evenings at {pm} ({zone})"
DOC_SCHEDULE = "Your week-by-week schedule"
DOC_PRODUCTS = "How to use each product"
DOC_TITRATION = "Why the active nights build up slowly"
DOC_NOTICES = "Please read"
DOC_SIGNATURE = "Prepared by"
DOC_NO_NOTICES = "No special notices for this plan."
DOC_APPLY = "Apply to"
DOC_AVOID = "Keep away from"
DOC_WHEN = "When"
DOC_WEEK = "Week {week}"
DOC_NOTHING = "—"
DOC_LEGEND = "Shaded cells are active nights (retinol or exfoliating acid): use only what the cell says."
MD_LEGEND = "Bold entries are active nights (retinol or exfoliating acid): use only what the cell says."
DOC_FOOTER = (
    "This plan is general information, not medical advice or a diagnosis. "
    "Made with milia {version}."
)
TITRATION_INTRO = (
    "Active products (retinol and exfoliating acids) work, but they irritate skin that is not used "
    "to them. So they start on a few evenings a week and rise one evening at a time, only when your "
    "skin has been comfortable for two weeks. Never use both on the same evening."
)
TITRATION_NONE = (
    "This plan has no active products (retinol or exfoliating acids) for now: a gentle routine "
    "is the whole plan. Your esthetician will tell you if and when that changes."
)
TITRATION_STEP = "{title}: {changes}."
TITRATION_START = "{per_week} evening{s} a week from week {week}"
TITRATION_CHANGE = "{per_week} from week {week}"
TITRATION_CHANGE_REASON = "{per_week} from week {week} ({reason})"
TITRATION_HOLD = (
    "If your skin stings, turns red or peels, do not move up: stay where you are or go back a step, "
    "and tell your esthetician."
)
SIGN_NAME = "Esthetician"
SIGN_SIGNATURE = "Signature"
SIGN_DATE = "Date"
SIGN_CLINIC = "Clinic / contact"

# -- commands --------------------------------------------------------------------
WROTE = "Wrote {path}."
BAD_WEEKS = "--weeks must be between 1 and {max}, not {value}."
BAD_ALARM = "--alarm must be between 0 and {max} minutes before the step, not {value}."
BAD_CLINICIAN = "--clinician must be a short printable name (at most 80 characters)."
OUTPUT_IS_DIR = "{path} is a directory; give -o a file name (or - for standard output)."
OUTPUT_IN_HOME = (
    "{path} is inside the milia home ({home}), where the profiles and the log live; "
    "milia never writes an export there, not even with --force — choose another -o."
)
OUTPUT_PROTECTED = "{path} is {what}; milia never writes an export over it, not even with --force — choose another -o."
WHAT_DATABASE = "the log database"
WHAT_PROFILE = "a profile"
WHAT_SQLITE = "a database"
OUTPUT_EXISTS = (
    "{path} already exists and is not an export of this profile in this format that milia wrote; "
    "nothing was written — use --force to replace it, or choose another -o."
)
OUTPUT_NOT_REGULAR = "{path} is not a regular file (a pipe, device or socket); give -o a file name, or - for standard output."
OUTPUT_UNREADABLE = "Could not check {path} before writing it: {reason}; nothing was written."
BATCH_STALE_TEMPS = "Removed {count} temporary file{s} left in {outdir} by an interrupted batch."
BATCH_NOT_DIR = "{path} is not a directory of client TOML files."
BATCH_EMPTY = "No client files (*.toml) in {path}; nothing was written."
BATCH_OUT_IS_FILE = "The output directory {path} is a file; choose a directory with -o."
BATCH_FAILED_FILE = "milia: skipped {file}: {error}"
BATCH_SUMMARY = "Wrote {ok} of {total} {fmt} file{s} to {outdir}{failed}."
BATCH_SUMMARY_FAILED = "; {failed} failed (see above)"
BATCH_PROGRESS = "Exporting"
BATCH_REPORT_FROM = "--from does not apply to --format report: a progress report looks back from today (use --weeks)."
WHEN_BOTH = "Every morning and evening"
WHEN_AM = "Every morning"
WHEN_PM = "Every evening"
WHEN_ACTIVE = "Only on the shaded evenings of the schedule ({n} in this plan)"
MD_WHEN_ACTIVE = "Only on the bold evenings of the schedule ({n} in this plan)"  # Markdown has no shading
ROUTINE_WEEKS = "Weeks {first}–{last}"
ROUTINE_WEEK = "Week {first}"
ROUTINE_AM = "Every morning"
ROUTINE_PM = "Every evening"
CELL_REST = "routine only"
DOC_DATES = "{start} to {end}"
DOC_CLIENT = "Client"
DOC_PERIOD = "Plan"
DOC_TIMES = "Times"
DOC_TIMES_VALUE = "mornings {am}, evenings {pm} ({zone})"
DOC_GRID_INTRO = (
    "Each week, do the everyday routine above. The table shows what to add on each day; "
    "shaded evenings are active nights."
)
MD_GRID_INTRO = (
    "Each week, do the everyday routine above. The table shows what to add on each day; "
    "bold evenings are active nights."
)
DOC_BRAND = "Skincare plan · milia-prone skin"
CELL_LABEL = {
    "retinol": "Retinol",
    "exfoliate": "Acid exfoliant",
    "sunscreen": "Sunscreen",
    "eye-cream": "Eye cream",
    "moisturize": "Moisturizer",
    "cleanse": "Cleanser",
    "remove-makeup": "Makeup off",
    "makeup": "Makeup",
}


coded(globals(), "export")
