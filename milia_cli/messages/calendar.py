"""Messages of the calendar exports (ICS, calendar CSVs) and of `milia sync caldav` (issue 16)."""

from milia_cli.messages import coded

ROUTINE_SUMMARY = "{slot} routine: {steps}"
ROUTINE_SEPARATOR = " · "
ROUTINE_STEP_LINE = "• {title}{how}"
ROUTINE_STEP_HOW = " — {how}"
ROUTINE_CATEGORY = "routine"

# -- DST (issue 16, item 6d) -----------------------------------------------------
DST_GAP = ("{slot} time {at} does not exist on {day} in {zone} (the clocks skip it){more}; calendar "
           "programs disagree where to put it, so choose a time outside {lo}–{hi}.")
DST_OVERLAP = ("{slot} time {at} happens twice on {day} in {zone} (the clocks go back){more}; calendar "
               "programs disagree which one is meant, so choose a time outside {lo}–{hi}.")
DST_MORE = " (and {n} more day{s})"
DST_BOTH = ("{slot} time {at} does not exist on {gap_day} and happens twice on {overlap_day} in {zone} (the "
            "clocks change then); calendar programs disagree where to put it, so choose a time outside {lo}–{hi}.")

# -- export options --------------------------------------------------------------
BAD_FROM_RANGE = "--from {day} is more than {max} weeks after the plan's start ({start}); choose an earlier day."
BAD_CSV_STYLE = "--google and --csv-style {style} contradict each other; use one of them."
FEED_AND_FROM = "--feed and --from cannot be combined: a feed always starts two weeks before today."


coded(globals(), "calendar")
