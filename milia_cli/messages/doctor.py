"""Messages of `milia doctor`: one finding = what is wrong (PROBLEM) + how to fix it (FIX)."""

from milia_cli.messages import coded
from milia_cli.messages.common import Counted  # "{n:check-in}": 1 check-in, 2 check-ins

# severities, in the order they are shown
ERROR = "error"
WARNING = "warning"
INFO = "info"

# -- the home --------------------------------------------------------------------
HOME_MISSING = "{path} does not exist yet, so there is nothing to check"
HOME_MISSING_FIX = "create a profile with `milia init`"
NOT_A_DIRECTORY = "{path} should be a directory but is not"
NOT_A_FILE = "{path} should be a file but is not"
NOT_A_DIRECTORY_FIX = "move it aside or point --home somewhere else"
DIR_WIDENED = "the directory {path} is open to other users (mode {mode:o}) and holds health data"
DIR_WIDENED_FIX = "run `chmod 700 {path_arg}` (or `milia doctor --fix`)"  # *_arg: quoted for the shell
FILE_WIDENED = "{path} is readable or writable by other users (mode {mode:o}) and holds health data"
FILE_WIDENED_FIX = "run `chmod 600 {path_arg}` (or `milia doctor --fix`)"
LINK_WIDENED_FIX = "{path} is a symbolic link: if {target} is yours, run `chmod {mode:o} {target_arg}`"
UNREADABLE = "{path} cannot be read ({reason})"
UNREADABLE_FIX = "check its owner and permissions"

# -- profiles ----------------------------------------------------------------------
PROFILE_INVALID = "{detail}"  # the profile loader's own sentence names the file, key and value
PROFILE_INVALID_FIX = "edit {path} (see `milia profile show` for the format) or restore it from a backup"
PROFILE_NEWER = "{path} was written by a newer milia (profile schema {found}; this one reads up to {supported})"
PROFILE_NEWER_FIX = "upgrade milia; this one never rewrites the file"
PROFILE_NOT_REGULAR = "{path} is not a regular file (a directory, pipe or device), so it cannot be a profile"
PROFILE_NOT_REGULAR_FIX = "move it out of the profiles directory"
PROFILE_BAD_NAME = "{path} is not used: {stem!r} is not a valid profile name (letters, digits, '-' and '_')"
PROFILE_BAD_NAME_FIX = "rename the file to a valid name ending in .toml"
STALE_TEMP = "{path} is a leftover of an interrupted write to {target}; {target} itself is intact"
STALE_TEMP_FIX = "delete it (or `milia doctor --fix`) when no other milia is running"
STALE_SCRATCH = (
    "{path} is a copy of the log database left by a check that was interrupted (it holds health data); "
    "the log itself is intact"
)

# -- the log database ------------------------------------------------------------------
DB_NOT_SQLITE = "the log database {path} is damaged or is not a database ({detail})"
DB_RESTORE_FIX = (
    "move it aside, then restore your log with `milia log import FILE` from a `milia log export` "
    "backup (or copy back a backup of the file); milia never repairs or overwrites it"
)
DB_SHORT = "it is shorter than an SQLite header"
DB_NO_HEADER = "it has no SQLite header"
NOTHING_CHANGED_TAIL = " — nothing was changed"  # cut from a store's sentence quoted in a finding
DB_FOREIGN = "{path} is an SQLite database, but not a milia log"
DB_FOREIGN_FIX = "move it aside or point --home somewhere else"
DB_NEWER = "the log database {path} has log schema {found}; this milia reads up to {supported}"
DB_NEWER_FIX = "upgrade milia; the database is left untouched"
DB_OLDER = "the log database {path} has log schema {found}; this milia uses {supported}"
DB_OLDER_FIX = "nothing to do: it is upgraded (in one transaction) the next time a check-in is written"
DB_UNOPENED = "{detail}"  # the store's own sentence
DB_UNOPENED_FIX = "fix the cause above and run `milia doctor` again"
DB_FILES_FIX = "milia will not read or write the log until this is resolved; run `milia doctor` again after"
DB_INTEGRITY = "the log database {path} failed its integrity check: {detail}"
DB_ORPHAN_LOG = Counted(
    "the log database holds a log for {key!r} ({checkins:check-in}, {events:event}) "
    "but there is no profile {key!r} in {directory}"
)
DB_ORPHAN_LOG_FIX = (
    "if it belongs to a --profile-file client that is fine; otherwise recreate the profile with "
    "`milia --profile {key} init`, or delete the log with `milia profile delete {key} --yes`"
)
DB_ORPHAN_LOG_FILE_FIX = (
    "if it belongs to a --profile-file client that is fine; otherwise save it with "
    "`milia --profile-file FILE log export` and delete it from the database"
)
DB_WAL_STALE = "{path} is left over from a database that no longer exists"
DB_WAL_STALE_FIX = "delete it (or `milia doctor --fix`) when no other milia is running"

# -- the report --------------------------------------------------------------------------
FIXED = "fixed"
FIX_FAILED = "could not fix {path}: {reason}"
LINE = "{severity}: {problem} — {fix}."
FIXED_LINE = "fixed: {problem} ({action})."
ACTION_CHMOD = "now mode {mode:o}"
ACTION_REMOVED = "removed"
ALL_GOOD = Counted("No problems found in {home}: {profiles:profile}, log database {db}.")
DB_ABSENT = "not created yet"
DB_PRESENT = "schema {version}, integrity ok"
SUMMARY = Counted("{problems:problem} left in {home}{fixed_part}.")
SUMMARY_FIXED_PART = "; {fixed} fixed"
SUMMARY_FIX_HINT = "Run `milia doctor --fix` to apply the safe fixes (permissions, leftover temp files)."


coded(globals(), "doctor")
