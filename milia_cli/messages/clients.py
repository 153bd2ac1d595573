"""Messages and labels of `milia clients` (the esthetician's desk)."""

from milia_cli.messages import coded
from milia_cli.messages.common import Counted  # "{n:client file}": 1 client file, 2 client files

# -- the alerts, short enough for one table cell ---------------------------------------
ALERT_STOP = "STOP {rules} since {day}"
ALERT_STOP_NO_DAY = "STOP {rules}"
ALERT_REFER = "refer {rules}"
ALERT_A7 = "A7 due: no fewer bumps after 12 weeks"
ALERT_IRRITATION = "irritation {value} on {day}"
ALERT_PROCEDURE = "{kind} in {days} days ({day}, E1)"
ALERT_AFTERCARE = "aftercare until {until} (E2)"
ALERT_STATUS = "{status} since {day} (B13)"
ALERT_SHELF = "{count} shelf product{s} stopped ({rules})"
ALERT_NO_CHECKIN = "no check-in for {days} days"
ALERT_NEVER_CHECKED_IN = "no check-in yet ({days} days)"
PROCEDURE_SHORT = {"extraction": "extraction", "laser": "laser", "electrodesiccation": "electrodesiccation",
                   "other": "procedure"}
STATUS_SHORT = {"pregnant": "pregnant", "trying": "trying to conceive", "breastfeeding": "breastfeeding"}

# -- the table --------------------------------------------------------------------------
HEAD_CLIENT = "Client"
HEAD_FILE = "File"
HEAD_WEEK = "Week"
HEAD_RETINOL = "Retinol"
HEAD_ACID = "Acid"
HEAD_LAST = "Last check-in"
HEAD_ADHERENCE = "14 days"
HEAD_ALERTS = "Needs"
HEAD_WEEK_SHORT = "Wk"
HEAD_RETINOL_SHORT = "Ret"
HEAD_ACID_SHORT = "Acid"
HEAD_ADHERENCE_SHORT = "14d"
HEAD_LAST_SHORT = "Last"
STARTS_NOTE = "(plan starts {start})"
WEEK_CELL = "{week}"
STARTS_CELL = "from {start}"
LEVEL_CELL = "{n}/wk"
LEVEL_TONIGHT = "{n}/wk*"
LEVEL_OUT = "-"
NEVER = "never"
ADHERENCE_CELL = "{pct}% ({done}/{due})"
ADHERENCE_NONE = "-"
NO_ALERTS = ""
BROKEN_CELL = "broken: {reason}"
ALERT_SEPARATOR = "; "
LEGEND = "n/wk: evenings a week this week; * tonight. 14 days: required steps done of those due."
LEGEND_SHORT = "Ret, Acid: evenings a week this week (* tonight). 14d: required steps done in the last 14 days."

# -- stderr ----------------------------------------------------------------------------
SUMMARY = Counted("{total:client file} in {path}: {attention}{broken}.")
ATTENTION_ONE = "{n} needs attention"
ATTENTION_MANY = "{n} need attention"
SUMMARY_BROKEN = "; {count} could not be read (listed last)"
EMPTY = "No client files (*.toml) in {path}."
NO_DATABASE = "No log database yet: every client is shown without check-ins."


coded(globals(), "clients")
