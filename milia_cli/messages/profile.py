"""Messages about profile files and the profile commands."""

from milia_cli.messages import coded
from milia_cli.messages.common import Counted

# what a key allows, as `profile_schema.Field.allowed` says it in an error
ALLOWED_KINDS = {
    "name": "a non-empty name of at most 80 characters, no control characters",
    "id": "1 to 64 letters, digits, '-' or '_' (milia writes it; delete the line in a copied file)",
    "bool": "true or false",
    "date": "a date YYYY-MM-DD",
    "time": "a 24-hour time HH:MM",
    "zone": "an IANA time zone such as Europe/Berlin",
    "year": "a year from 1900 to 2100",
}
ALLOWED_AREAS = "a list of: {areas}"
ALLOWED_SCHEMA = "1 to {version}"
TIME_TYPED = "a time such as 07:30, 21:30, 7am or 9:30pm"

EMPTY = "{file} is empty; create it with `milia init` or copy one from profiles/."
NOT_REGULAR = "{file} is not a regular file (a directory, pipe or device); a profile is a UTF-8 TOML file."
BINARY = "{file} is not a text file (it holds binary data); a profile is UTF-8 TOML."
TOO_BIG = "{file} is {size} bytes, far too large for a profile (at most {limit} bytes)."
SYNTAX = "{file} is not valid TOML: {detail}."
NOT_FOUND = "No profile {name!r} in {directory}; create it with `milia init`{hint}."
NOT_FOUND_HINT = " (existing: {names})"
FILE_NOT_FOUND = "The profile file {file} does not exist."
NO_SCHEMA = "{file} has no `schema` key; add `schema = 1` as its first line."
NEWER_SCHEMA = (
    "{file} was written by a newer milia (schema {found}; this one reads up to {supported}); "
    "upgrade milia — the file was left untouched."
)
BAD_SCHEMA = "{file}: key 'schema' is {value}; allowed: an integer from 1 to {supported}."
UNKNOWN_KEY = "{file}: unknown key {key!r}; allowed here: {allowed}."
NOT_A_TABLE = "{file}: key {key!r} must be a table ([{key}]), not {value}."
MISSING = "{file}: required key {key!r} is missing; allowed: {allowed}."
BAD_VALUE = "{file}: key {key!r} is {value}; allowed: {allowed}."
DATE_OUT_OF_RANGE = "{file}: key {key!r} is {value}, outside the dates milia supports ({range})."
TOO_DEEP = "{file} is not a usable profile: {detail}."
TOO_DEEP_NESTING = "its values are nested too deeply"
TOO_MANY_DIGITS = "it holds a number with too many digits"
BAD_VALUE_HINT = "{file}: key {key!r} is {value} (did you mean {choice!r}?); allowed: {allowed}."
ZONE_NOT_AREA_LOCATION = (
    "{file}: key {key!r} is {value}, an abbreviation or old alias, not an IANA Area/Location name "
    "(abbreviations name no place, and some never switch to summer time); use {use}."
)
ZONE_UNKNOWN_HINT = "{file}: key {key!r} is {value}, not a time zone — did you mean {choice!r}?"
ZONE_UNKNOWN = "{file}: key {key!r} is {value}, not a time zone; use an IANA Area/Location name such as {example}."
DUPLICATE_AREA = "{file}: key 'milia.areas' lists {value!r} twice; list each area once."
EXISTS = "Profile {name!r} already exists at {path}; use --force to overwrite it."
SET_UNKNOWN_KEY = "Unknown profile key {key!r}; settable keys: {allowed}."
SET_UNKNOWN_KEY_HINT = "Unknown profile key {key!r} — did you mean {choice!r}? Settable keys: {allowed}."
DELETED = "Deleted profile {name!r} ({path})."
DELETED_LOG = Counted("Deleted the log of {name!r}: {checkins:check-in} and {events:event}.")
KEPT_LOG = "Kept the log of {name!r} in {db}."
CREATED = (
    "Created profile {profile!r} for {name} at {path}; next: `milia{opt} plan` for the weeks ahead, "
    "`milia{opt} today` each day."
)
UPDATED = "Set {key} = {value} in {path}."
CLEARED = "Cleared {key} in {path} (it is no longer set)."
NO_PROFILES = "No profiles yet in {directory}; create one with `milia init`."
PROFILE_FILE_AND_NAME = "Use --profile or --profile-file, not both."
DELETE_FILE_PROFILE = "`profile delete` removes named profiles only; delete {file} yourself."
WIZARD_NEEDS_TERMINAL = (
    "`milia init` needs a terminal to ask questions, or every answer as flags "
    "(at least --skin-type, --pregnancy and --timezone)."
)
CONFIRM_DELETE_LOG = Counted("Also delete the log of {name!r} ({checkins:check-in}, {events:event})?")
DELETE_NEEDS_YES = Counted(
    "Profile {name!r} has a log ({checkins:check-in}, {events:event}); "
    "pass --yes to delete it too, or --keep-log to keep it."
)
NOTHING_TO_DELETE = "There is no profile {name!r} and no log for it."

# the init wizard: each answer checked as it is typed (render/wizard.py)
WIZARD_NEEDS_ANSWER = "Please type an answer (this one has no default)."
WIZARD_BAD_NAME = "A name is at most 80 characters, with no control characters."
WIZARD_DID_YOU_MEAN = " (did you mean {choice!r}?)"
WIZARD_NOT_SKIN_TYPE = "{value!r} is not a skin type{hint}; answer one of: {allowed}."
WIZARD_NOT_PREGNANCY = "{value!r} is not a pregnancy status{hint}; answer one of: {allowed}."
WIZARD_NOT_AREA = "Not an area: {value}{hint}; use the names listed above, separated by commas."
WIZARD_BAD_DATE = ("{value!r} is not a date in the form YYYY-MM-DD (for example 2026-12-07 for 7 December 2026) "
                   "between 1900 and 2199, or a word such as tomorrow or next monday.")
WIZARD_BAD_TIME = "{value!r} is not a time; use HH:MM (24-hour, such as 07:30 or 21:30), or 7am / 9:30pm."
WIZARD_BAD_YEAR = "{value!r} is not a year of birth; answer a year such as 1990, or Enter to skip."

# what a `profile set` does, in one line (profile_effects.py; rule ids of RULES.md)
EFFECT_UNCHANGED = "That is the value it already had; nothing changes."
EFFECT_MINOR_NO_STEPS = "Under 18: the plan will hold no steps, only a referral (A8)."
EFFECT_MINOR = "Under 18: no actives, and a referral to a clinician (A8)."
EFFECT_ADULT_AGAIN = "18 or over: the plan's steps come back (A8 no longer applies)."
EFFECT_BIRTH_YEAR_CLEARED = "No birth year: the plan assumes an adult (A8 cannot be checked)."
EFFECT_PREGNANCY = {
    "none": "Not pregnant or breastfeeding: retinol may come back, starting at the lowest level (B1, B2).",
    "trying": "Trying to conceive: no retinol from tonight, acids on the face only (B1, C7).",
    "pregnant": "Pregnant: no retinol from tonight, acids on the face only (B1, C7).",
    "breastfeeding": "Breastfeeding: no retinol by default, and no active on the chest (B2, C9).",
}
EFFECT_SKIN_TYPE = "Skin type {type}: at most {cap} active evenings a week from now on (B11)."
EFFECT_NO_AREAS = "No milia areas: actives go on the whole face (B3)."
EFFECT_EYES_ONLY = "Milia only around the eyes: no actives, eye cream morning and evening (A9, D3)."
EFFECT_EYES_TOO = "Milia around the eyes too: oil-free eye cream morning and evening, actives kept off the eyes (D3, B8)."
EFFECT_AREAS = "Milia areas {areas}: actives go there (and on the whole face when the face has milia) (B3)."
EFFECT_B10_ON = "With {what}: no actives at all, and a referral (B10)."
EFFECT_B10_OFF = "B10 no longer holds actives back: they restart at the lowest level."
EFFECT_CAUTIONS = {
    ("photosensitizing_medicine", True): "No acid while on that medicine, until cautions.prescriber_agreed (C8).",
    ("photosensitizing_medicine", False): "The C8 hold on acids is lifted.",
    ("facial_steroid", True): "No actives while using a facial steroid, until cautions.prescriber_agreed (D7).",
    ("facial_steroid", False): "The D7 hold on actives is lifted.",
    ("prescription_retinoid", True): "No retinol: the prescription retinoid takes its place (B12).",
    ("prescription_retinoid", False): "Retinol may come back, starting at the lowest level (B12 no longer applies).",
    ("prescriber_agreed", True): "The prescriber agreed: the C8 and D7 holds are lifted.",
    ("prescriber_agreed", False): "Without the prescriber's agreement, C8 and D7 hold actives back again.",
    ("keloid_prone", True): "Procedures get a referral notice first (keloids).",
    ("cold_sores", True): "Procedures get a referral notice first (cold sores).",
    ("anticoagulants", True): "Procedures get a referral notice first (blood thinners).",
}
EFFECT_HABITS = {
    ("makeup", True): "A makeup step each morning and makeup removal each evening.",
    ("makeup", False): "No makeup steps in the plan.",
    ("under_eye_concealer", True): "The makeup step mentions a light concealer under the eyes.",
}
EFFECT_ZONE = "'Today' and the reminders follow {zone} from now on."
EFFECT_TIME = "The {routine} routine is at {time} in calendars and reminders."
EFFECT_START = "Day 1 of week 1 is now {date}: the program and its slow start (titration) begin then."
EFFECT_NAME = "The name shown on handouts."
EFFECT_MILIA_SINCE = "Kept for your history and a clinician; the plan does not use it."
EFFECT_PREGNANCY_SINCE = (
    "The pregnancy status ({status}) counts from {date}: the plan's days from then follow it (B13)."
)
EFFECT_PREGNANCY_SINCE_CLEARED = "The pregnancy status ({status}) counts from the day it was set (B13)."

# -- `milia profile show` ------------------------------------------------------------------------
SHOW_TITLE = "Profile"
SHOW_ROWS = {"name": "name", "skin": "skin", "pregnancy": "pregnancy", "born": "born", "milia": "milia on",
             "habits": "habits", "cautions": "cautions", "schedule": "schedule"}
SHOW_SKIN = {"normal": "normal", "dry": "dry", "oily": "oily", "combination": "combination", "sensitive": "sensitive"}
SHOW_DARK_SPOTS = ", prone to dark spots"
SHOW_PREGNANCY = {
    "none": "not pregnant",
    "trying": "trying to conceive — no retinoids (B1)",
    "pregnant": "pregnant — no retinoids (B1)",
    "breastfeeding": "breastfeeding — no retinol by default (B2)",
}
SHOW_SINCE = " (since {since})"
SHOW_NOT_RECORDED = "not recorded"
SHOW_HABITS = "makeup {makeup} · under-eye concealer {concealer} · smoker {smoker}"
SHOW_YES = "yes"
SHOW_NO = "no"
SHOW_CAUTIONS = {
    "isotretinoin_recent": "isotretinoin in the last 6 months",
    "eczema_or_rosacea": "eczema or rosacea",
    "photosensitizing_medicine": "photosensitizing medicine",
    "facial_steroid": "topical steroid on the face",
    "keloid_prone": "keloid-prone",
    "cold_sores": "cold sores at the site",
    "anticoagulants": "anticoagulants",
}
SHOW_NONE = "none"
SHOW_SCHEDULE = "starts {start} ({weekday}) · morning {am} · evening {pm} · {zone}"

# -- the `milia init` wizard ----------------------------------------------------------------------
WIZARD_WELCOME = "Welcome to milia."
WIZARD_INTRO = "A few questions to build your plan (press Enter to accept the suggestion in brackets)."
WIZARD_NOT_ADVICE = "milia gives general information, not medical advice or a diagnosis."
WIZARD_ASK_NAME = "Name (shown on handouts)"
WIZARD_ASK_YOUR_NAME = "Your name (shown on handouts)"
WIZARD_ASK_SKIN = "Skin type ({choices})"
WIZARD_ASK_PREGNANCY = "Pregnancy ({choices})"
WIZARD_WHERE = "Where do you get milia?"
WIZARD_ASK_AREAS = "Areas, separated by commas"
WIZARD_ASK_ZONE = "Time zone (IANA name, such as Europe/Berlin)"
WIZARD_ASK_START = "First day of the plan (YYYY-MM-DD, or tomorrow, next monday)"
WIZARD_ASK_AM = "Morning routine at (HH:MM)"
WIZARD_ASK_PM = "Evening routine at (HH:MM)"
WIZARD_ASK_BIRTH_YEAR = "Year of birth (optional; Enter to skip)"
WIZARD_YES_NO = "{question} [y/N]"
WIZARD_ZONE_SOURCE = "time zone"  # names the answer in the time zone's error
WIZARD_QUESTIONS = {
    "habits.makeup": "Do you wear makeup most days?",
    "habits.under_eye_concealer": "Do you use concealer under the eyes?",
    "habits.smoker": "Do you smoke?",
    "skin.tone_prone_to_dark_spots": "Does your skin tend to get dark spots after irritation?",
    "cautions.isotretinoin_recent": "Have you taken isotretinoin in the last 6 months?",
    "cautions.eczema_or_rosacea": "Do you have eczema or rosacea?",
    "cautions.photosensitizing_medicine": "Do you take a medicine that makes you sun-sensitive?",
    "cautions.facial_steroid": "Do you use a steroid cream on your face?",
    "cautions.keloid_prone": "Do your scars tend to grow thick and raised (keloids)?",
    "cautions.cold_sores": "Do you get cold sores where milia are?",
    "cautions.anticoagulants": "Do you take blood thinners (anticoagulants)?",
}


coded(globals(), "profile")
