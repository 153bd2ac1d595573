"""Messages about profile files and the profile commands."""

EMPTY = "{file} is empty; create it with `milia init` or copy one from profiles/."
NOT_REGULAR = "{file} is not a regular file (a directory, pipe or device); a profile is a UTF-8 TOML file."
BINARY = "{file} is not a text file (it holds binary data); a profile is UTF-8 TOML."
TOO_BIG = "{file} is {size} bytes, far too large for a profile (at most {limit} bytes)."
SYNTAX = "{file} is not valid TOML: {detail}."
NOT_FOUND = "No profile {name!r} in {directory}; create it with `milia init`{hint}."
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
DUPLICATE_AREA = "{file}: key 'milia.areas' lists {value!r} twice; list each area once."
EXISTS = "Profile {name!r} already exists at {path}; use --force to overwrite it."
SET_UNKNOWN_KEY = "Unknown profile key {key!r}; settable keys: {allowed}."
DELETED = "Deleted profile {name!r} ({path})."
DELETED_LOG = "Deleted the log of {name!r}: {checkins} check-ins and {events} events."
KEPT_LOG = "Kept the log of {name!r} in {db}."
CREATED = (
    "Created profile {profile!r} for {name} at {path}; next: `milia{opt} plan` for the weeks ahead, "
    "`milia{opt} today` each day."
)
UPDATED = "Set {key} = {value} in {path}."
NO_PROFILES = "No profiles yet in {directory}; create one with `milia init`."
PROFILE_FILE_AND_NAME = "Use --profile or --profile-file, not both."
DELETE_FILE_PROFILE = "`profile delete` removes named profiles only; delete {file} yourself."
WIZARD_NEEDS_TERMINAL = (
    "`milia init` needs a terminal to ask questions, or every answer as flags "
    "(at least --skin-type, --pregnancy and --timezone)."
)
CONFIRM_DELETE_LOG = "Also delete the log of {name!r} ({checkins} check-ins, {events} events)?"
DELETE_NEEDS_YES = (
    "Profile {name!r} has a log ({checkins} check-ins, {events} events); "
    "pass --yes to delete it too, or --keep-log to keep it."
)
NOTHING_TO_DELETE = "There is no profile {name!r} and no log for it."
