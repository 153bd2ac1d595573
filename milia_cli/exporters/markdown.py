"""The client handout as Markdown (GitHub-flavoured tables), user text escaped."""

from __future__ import annotations

import re

from milia_cli import __version__
from milia_cli.exporters.handout import (
    WeekRow,
    build_handout,
    day_month,
    long_day,
    notice_label,
    places,
    unlogged_text,
    week_span,
    when_text,
)
from milia_cli.i18n import tr
from milia_cli.messages import export as msg
from milia_cli.messages import report as rmsg
from milia_cli.messages import shelf as shelf_msg
from milia_cli.plan import Plan
from milia_cli.profile import Profile

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^([-+#>]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Escape Markdown syntax and raw HTML in ``text``; newlines become spaces."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m[1] + "\\" if m[1][0].isdigit() else "\\" + m[1], text)


def export_markdown(plan: Plan, profile: Profile | None = None, *, clinician: str | None = None,
                    lang: str | None = None) -> str:
    """The handout as Markdown; ``lang`` ``en`` or ``ko`` (None: the profile's ``lang``, else English)."""
    h = build_handout(plan, profile)
    lang = lang or (profile.lang if profile is not None else None) or "en"

    def e(text: str) -> str:  # milia's text, in the handout's language, escaped
        return md_escape(tr(text, lang))

    out = [f"# {e(msg.DOC_TITLE.format(name=h.name))}", ""]
    out.append(f"**{e(msg.DOC_PERIOD)}:** {e(msg.DOC_DATES.format(start=long_day(h.start), end=long_day(h.end)))}  ")
    out.append(f"**{e(msg.DOC_TIMES)}:** {e(msg.DOC_TIMES_VALUE.format(am=h.am_time, pm=h.pm_time, zone=h.zone))}")
    if h.first_notices:  # what needs a clinician, before the schedule
        out += ["", f"## {e(rmsg.DOC_FIRST)}", "", e(rmsg.DOC_FIRST_INTRO), ""]
        out += [f"- **{e(notice_label(n))}:** {e(n.text)}" for n in h.first_notices]
    out += ["", f"## {e(msg.DOC_SCHEDULE)}", ""]
    for r in h.routines:
        label = msg.ROUTINE_WEEK.format(first=r.first) if r.first == r.last else \
            msg.ROUTINE_WEEKS.format(first=r.first, last=r.last)
        out.append(f"**{e(label)}**")
        out.append("")
        for slot, at, steps in ((msg.ROUTINE_AM, h.am_time, r.am), (msg.ROUTINE_PM, h.pm_time, r.pm)):
            out.append(f"- {e(slot)} ({at}): " + (" → ".join(e(s.title) for s in steps) or e(msg.DOC_NOTHING)))
        out.append("")
    out += [e(unlogged_text(g)) + "\n" for g in h.unlogged]
    if h.has_grid:
        out.append(e(msg.MD_GRID_INTRO))
        out.append("")
        out.append(e(msg.MD_LEGEND))
        out.append("")
        out.append("| | " + " | ".join(e(d) for d in h.weekday_labels) + " |")
        out.append("|---" * (len(h.weekday_labels) + 1) + "|")
        for row in h.rows:
            if not isinstance(row, WeekRow):
                continue
            cells = [""] * row.lead
            for cell in row.cells:
                items = [f"{e(msg.SLOT_SHORT[slot])} " + (f"**{e(msg.CELL_LABEL.get(s.step, s.title))}**" if s.active
                                                            else e(msg.CELL_LABEL.get(s.step, s.title)))
                         for slot, steps in (("am", cell.am), ("pm", cell.pm)) for s in steps]
                shown = "<br>".join(items) if items else e(msg.DOC_NOTHING)
                cells.append(f"{e(day_month(cell.day.date))}<br>{shown}")
            cells += [""] * (7 - len(cells))
            out.append(f"| **{e(msg.DOC_WEEK.format(week=row.week))}**<br>{e(week_span(row))} | "
                       + " | ".join(cells) + " |")
    elif any(isinstance(r, WeekRow) for r in h.rows):
        out.append(e(rmsg.DOC_NO_GRID))
    out += ["", f"## {e(msg.DOC_PRODUCTS)}", ""]
    for p in h.products:
        out.append(f"### {e(p.step.title)}")
        out.append("")
        out.append(f"*{e(when_text(p, markdown=True))}*")
        out.append("")
        out.append(e(p.step.how))
        out.append("")
        for line in p.own:  # the person's own products (the shelf)
            out.append(f"- **{e(shelf_msg.HANDOUT_OWN)}:** {e(line)}")
        if p.step.areas:
            out.append(f"- **{e(msg.DOC_APPLY)}:** {e(places(p.step.areas))}")
        if p.step.avoid:
            out.append(f"- **{e(msg.DOC_AVOID)}:** {e(places(p.step.avoid))}")
        out.append("")
    out += [f"## {e(msg.DOC_TITRATION)}", ""]
    if h.has_actives:
        out += [e(h.titration_intro), ""] + [f"- {e(line)}" for line in h.titration] + ["", e(h.titration_hold)]
    else:
        out.append(e(h.titration_none))
    if h.notices:
        out += ["", f"## {e(msg.DOC_NOTICES)}", ""]
        out += [f"- **{e(notice_label(n))}:** {e(n.text)}" for n in h.notices]
    elif not h.first_notices:
        out += ["", f"## {e(msg.DOC_NOTICES)}", "", e(msg.DOC_NO_NOTICES)]
    out += ["", f"## {e(msg.DOC_SIGNATURE)}", ""]
    out.append(f"- {e(msg.SIGN_NAME)}: {md_escape(clinician) if clinician else '_' * 30}")
    for label in (msg.SIGN_SIGNATURE, msg.SIGN_DATE, msg.SIGN_CLINIC):
        out.append(f"- {e(label)}: {'_' * 30}")
    out += ["", f"*{e(msg.DOC_FOOTER.format(version=__version__))}*", ""]
    return "\n".join(out)
