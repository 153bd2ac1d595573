"""Messages and labels of `milia clients` (the esthetician's desk)."""

# -- the alerts, short enough for one table cell ---------------------------------------
ALERT_STOP = "STOP {rules} since {day}"
ALERT_STOP_NO_DAY = "STOP {rules}"
ALERT_REFER = "refer {rules}"
ALERT_A7 = "A7 due: 12 adherent weeks, no fewer bumps"
ALERT_IRRITATION = "irritation {value} on {day}"
ALERT_PROCEDURE = "{kind} in {days} d ({day}, E1)"
ALERT_AFTERCARE = "aftercare until {until} (E2)"
ALERT_STATUS = "{status} since {day} (B13)"
ALERT_NO_CHECKIN = "no check-in for {days} d"
ALERT_NEVER_CHECKED_IN = "no check-in yet ({days} d)"
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

# -- stderr ----------------------------------------------------------------------------
SUMMARY = "{total} client file{s} in {path}: {attention} need{verb} attention{broken}."
SUMMARY_BROKEN = "; {count} could not be read (listed last)"
NO_DATABASE = "No log database yet: every client is shown without check-ins."
