"""Messages of `milia sync caldav` (issue 16)."""

from milia_cli.messages import coded
from milia_cli.messages.common import Counted  # "{n:event}": 1 event, 2 events

STATE_UNREADABLE = "Cannot read the sync state {path}: {reason}."
STATE_CORRUPT = ("The sync state {path} is damaged; move it away and sync again (milia will then leave "
                 "the events it wrote earlier alone and write new ones).")
BUSY = "Another `milia sync caldav` is running with this data directory; try again when it has finished."
NO_CALDAV = ("`milia sync caldav` needs the caldav library: pip install 'milia-cli[caldav]' "
             "(or pip install caldav).")
BAD_URL = "--url must be an http:// or https:// address of a CalDAV server, not {url!r}."
URL_HAS_PASSWORD = ("--url must not contain a user name or password: set MILIA_CALDAV_USER and "
                    "MILIA_CALDAV_PASSWORD, or put the server in ~/.netrc.")
BAD_CALENDAR = "--calendar must be a short printable name (1 to 80 characters), not {name!r}."
HALF_CREDENTIALS = "Set both MILIA_CALDAV_USER and MILIA_CALDAV_PASSWORD, or neither (then ~/.netrc is used)."
BAD_NETRC = "Cannot read the credentials in {path}: {reason}."
NETWORK = "Could not reach the CalDAV server at {url}: {reason}. {done}"
UNAUTHORIZED = ("The CalDAV server at {url} refused the user name or password (HTTP 401); check "
                "MILIA_CALDAV_USER and MILIA_CALDAV_PASSWORD or ~/.netrc.")
FORBIDDEN = "The CalDAV server at {url} does not allow this account to change {what} (HTTP 403)."
PRECONDITION = ("The event {summary!r} was changed in the calendar since milia wrote it (HTTP 412), so "
                "milia left it as it is; delete it in your calendar program and sync again. {done}")
EXISTS = ("The calendar already holds the event {summary!r} at milia's address for it, but milia does not "
          "remember writing it (HTTP 412), so milia left it alone; delete that calendar or choose another "
          "--calendar. {done}")
REJECTED = "The CalDAV server rejected the event {summary!r} (HTTP {status}{reason}). {done}"
SERVER_ERROR = "The CalDAV server at {url} answered HTTP {status}{reason} to {what}. {done}"
# -- profile delete (milia_cli.sync.forget) ------------------------------------------------
FORGOT_STATE = Counted("Forgot the CalDAV sync state of {name!r} ({n} calendar{s}, {events:event}) in {path}; the "
                "events stay on the server: delete that calendar there if it is no longer wanted.")
KEPT_STATE = "Kept the CalDAV sync state of {name!r} ({n} calendar{s}) in {path}, with its log."
FORGET_UNREADABLE = "Left the CalDAV sync state {path} as it is: {problem}."
DONE_NOTHING = "Nothing was changed."
DONE_SOME = "The {n} change{s} before it were made and are remembered; the next sync does the rest."

# -- report ------------------------------------------------------------------------------
SUMMARY = ("{verb} {calendar!r}: {created} created, {updated} updated, {deleted} deleted, "
           "{unchanged} unchanged.")
VERB_DONE = "Synced"
VERB_DRY = "Would sync"
LINE = "  {kind} {summary} ({first} – {last})"
KIND_LABEL = {"create": "create", "update": "update", "delete": "delete"}
WHAT_CALENDAR = "the calendar"


coded(globals(), "sync")
