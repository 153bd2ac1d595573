"""A self-contained, print-ready client handout (one HTML file, inline CSS, no scripts or URLs).

Every piece of text from a profile or plan goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

from milia_cli import __version__
from milia_cli.exporters.handout import (Handout, Product, Unlogged, WeekRow, build_handout, notice_label, place,
                                        unlogged_text, week_span, when_text)
from milia_cli.exporters.html_style import PAGE_SIZES, stylesheet
from milia_cli.messages import export as msg
from milia_cli.messages import report as rmsg
from milia_cli.messages import shelf as shelf_msg
from milia_cli.plan import Notice, Plan, Step
from milia_cli.profile import Profile

PAPERS = tuple(PAGE_SIZES)


def export_html(plan: Plan, profile: Profile | None = None, *, clinician: str | None = None, paper: str = "a4") -> str:
    """The handout as an HTML document (str). ``paper`` is ``a4`` or ``letter``."""
    if paper not in PAGE_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAGE_SIZES)}")
    h = build_handout(plan, profile)
    title = msg.DOC_TITLE.format(name=h.name)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{stylesheet(paper)}</style>",
        "</head>",
        "<body>",
        '<main class="sheet">',
        _header(h),
        _first_notices(h),
        _schedule(h),
        _products(h),
        _titration(h),
        _notices(h),
        _signature(clinician),
        f"<footer><span>{_e(msg.DOC_FOOTER.format(version=__version__))}</span>"
        f"<span>{_e(title)}</span></footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _header(h: Handout) -> str:
    facts = [
        (msg.DOC_PERIOD, msg.DOC_DATES.format(start=f"{h.start:%d %B %Y}", end=f"{h.end:%d %B %Y}")),
        (msg.DOC_TIMES, msg.DOC_TIMES_VALUE.format(am=h.am_time, pm=h.pm_time, zone=h.zone)),
    ]
    dl = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in facts)
    return (
        '<header class="top"><div>'
        f'<div class="brand">{_e(msg.DOC_BRAND)}</div>'
        f"<h1>{_e(msg.DOC_TITLE.format(name=h.name))}</h1></div>"
        f'<dl class="facts">{dl}</dl></header>'
    )


def _routine_list(steps: tuple[Step, ...]) -> str:
    if not steps:
        return f"<ol><li>{_e(msg.DOC_NOTHING)}</li></ol>"
    return "<ol>" + "".join(f"<li>{_e(s.title)}</li>" for s in steps) + "</ol>"


def _schedule(h: Handout) -> str:
    out = [f"<section><h2>{_e(msg.DOC_SCHEDULE)}</h2>", '<div class="routines">']
    for r in h.routines:
        label = msg.ROUTINE_WEEK.format(first=r.first) if r.first == r.last else \
            msg.ROUTINE_WEEKS.format(first=r.first, last=r.last)
        out.append(
            f'<div class="routine"><h3>{_e(label)}</h3>'
            f'<div class="row"><span class="slot">{_e(msg.ROUTINE_AM)} · {_e(h.am_time)}</span>'
            f"{_routine_list(r.am)}</div>"
            f'<div class="row"><span class="slot">{_e(msg.ROUTINE_PM)} · {_e(h.pm_time)}</span>'
            f"{_routine_list(r.pm)}</div></div>"
        )
    out.append("</div>")
    if not h.has_grid:  # nothing changes from day to day: no grid of empty cells
        out += [f'<p class="unlogged-note">{_e(unlogged_text(g))}</p>' for g in h.unlogged]
        if any(isinstance(r, WeekRow) for r in h.rows):
            out.append(f'<p class="lead">{_e(rmsg.DOC_NO_GRID)}</p>')
        out.append("</section>")
        return "\n".join(out)
    # the legend goes before the grid: after it, it was once alone on a page of its own
    out.append(f'<p class="lead">{_e(msg.DOC_GRID_INTRO)}</p>')
    out.append(f'<p class="legend"><span class="swatch"></span>{_e(msg.DOC_LEGEND)}</p>')
    head = "".join(f"<th>{_e(d)}</th>" for d in h.weekday_labels)
    out.append(f'<table class="grid"><thead><tr><th class="week"></th>{head}</tr></thead><tbody>')
    for row in h.rows:
        out.append(_unlogged_row(row) if isinstance(row, Unlogged) else _week_row(row))
    out.append("</tbody></table></section>")
    return "\n".join(out)


def _week_row(row: WeekRow) -> str:
    week = (f'<th class="week">{_e(msg.DOC_WEEK.format(week=row.week))}'
            f"<small>{_e(week_span(row))}</small></th>")
    if row.empty:
        return f'<tr class="quiet">{week}<td colspan="7" class="rest-week">{_e(rmsg.DOC_ROUTINE_ONLY_WEEK)}</td></tr>'
    cells = ['<td class="pad"></td>'] * row.lead
    for cell in row.cells:
        items = []
        for slot, steps in (("am", cell.am), ("pm", cell.pm)):
            for s in steps:
                cls = "item is-active" if s.active else "item"
                items.append(f'<span class="{cls}"><span class="when">{_e(msg.SLOT_SHORT[slot])}</span>'
                             f"{_e(msg.CELL_LABEL.get(s.step, s.title))}</span>")
        if not items:
            items.append(f'<span class="rest">{_e(msg.CELL_REST)}</span>')
        cls = ' class="active"' if cell.active else (' class="rest-day"' if not (cell.am or cell.pm) else "")
        wd = msg.WEEKDAY_SHORT[cell.day.date.weekday()]
        cells.append(f'<td{cls}><span class="date"><span class="wd">{_e(wd)} </span>{cell.day.date:%d %b}</span>'
                     f'{"".join(items)}</td>')
    cells += ['<td class="pad"></td>'] * (7 - len(cells))
    return f"<tr>{week}{''.join(cells)}</tr>"


def _unlogged_row(gap: Unlogged) -> str:
    label = msg.DOC_WEEK.format(week=gap.first) if gap.first == gap.last else \
        msg.ROUTINE_WEEKS.format(first=gap.first, last=gap.last)
    return (f'<tr class="unlogged"><th class="week">{_e(label)}<small>{gap.first_day:%d %b} – {gap.last_day:%d %b}'
            f'</small></th><td colspan="7">{_e(rmsg.DOC_UNLOGGED_ROW)}</td></tr>')


def _product(p: Product) -> str:
    s = p.step
    where = []
    if s.areas:
        where.append(f'<p class="where"><b>{_e(msg.DOC_APPLY)}:</b> {_e(", ".join(place(a) for a in s.areas))}</p>')
    if s.avoid:
        where.append(f'<p class="where avoid"><b>{_e(msg.DOC_AVOID)}:</b> '
                     f'{_e(", ".join(place(a) for a in s.avoid))}</p>')
    for line in p.own:  # the person's own products (the shelf)
        where.append(f'<p class="where own"><b>{_e(shelf_msg.HANDOUT_OWN)}:</b> {_e(line)}</p>')
    cls = "product is-active" if s.active else "product"
    return (f'<div class="{cls}"><h3>{_e(s.title)}</h3><p class="when">{_e(when_text(p))}</p>'
            f"<p>{_e(s.how)}</p>{''.join(where)}</div>")


def _products(h: Handout) -> str:
    body = "".join(_product(p) for p in h.products)
    return f'<section><h2>{_e(msg.DOC_PRODUCTS)}</h2><div class="products">{body}</div></section>'


def _titration(h: Handout) -> str:
    if not h.has_actives:
        return f'<section class="titration"><h2>{_e(msg.DOC_TITRATION)}</h2><p>{_e(h.titration_none)}</p></section>'
    items = "".join(f"<li>{_e(line)}</li>" for line in h.titration)
    return (f'<section class="titration"><h2>{_e(msg.DOC_TITRATION)}</h2><p>{_e(h.titration_intro)}</p>'
            f"<ul>{items}</ul><p>{_e(h.titration_hold)}</p></section>")


def _notice_items(notices: tuple[Notice, ...]) -> str:
    return "".join(
        f'<li class="notice {_e(n.level)}"><span class="tag">{_e(notice_label(n))}</span>'
        f"{_e(n.text)}</li>"
        for n in notices
    )


def _first_notices(h: Handout) -> str:
    """What needs a clinician or stops a product, before the schedule (issue 17, item 4)."""
    if not h.first_notices:
        return ""
    return (f'<section class="first"><h2>{_e(rmsg.DOC_FIRST)}</h2><p class="lead">{_e(rmsg.DOC_FIRST_INTRO)}</p>'
            f'<ul class="notices">{_notice_items(h.first_notices)}</ul></section>')


def _notices(h: Handout) -> str:
    if not h.notices:
        if h.first_notices:
            return ""
        return f"<section><h2>{_e(msg.DOC_NOTICES)}</h2><p>{_e(msg.DOC_NO_NOTICES)}</p></section>"
    return f'<section><h2>{_e(msg.DOC_NOTICES)}</h2><ul class="notices">{_notice_items(h.notices)}</ul></section>'


def _signature(clinician: str | None) -> str:
    name = _e(clinician) if clinician else ""
    return (
        f'<section class="sign-section"><h2>{_e(msg.DOC_SIGNATURE)}</h2><div class="sign">'
        f'<div><div class="field">{name}</div><label>{_e(msg.SIGN_NAME)}</label></div>'
        f'<div><div class="field"></div><label>{_e(msg.SIGN_SIGNATURE)}</label></div>'
        f'<div><div class="field"></div><label>{_e(msg.SIGN_DATE)}</label></div>'
        f'<div class="wide"><div class="field"></div><label>{_e(msg.SIGN_CLINIC)}</label></div>'
        "</div></section>"
    )
