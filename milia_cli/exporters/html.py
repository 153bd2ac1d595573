"""A self-contained, print-ready client handout (one HTML file, inline CSS, no scripts or URLs).

Every piece of text from a profile or plan goes through :func:`html.escape`; milia's own
text through :func:`milia_cli.i18n.tr` first, in the handout's language (``lang``: the
caller's choice, else the profile's ``lang``, else English), which the page declares.
"""

from __future__ import annotations

from html import escape

from milia_cli import __version__
from milia_cli.exporters.handout import (
    Handout,
    Product,
    Unlogged,
    WeekRow,
    build_handout,
    day_month,
    long_day,
    notice_label,
    places,
    span,
    unlogged_text,
    week_span,
    weekday_short,
    when_text,
)
from milia_cli.exporters.html_style import PAGE_SIZES, Say, stylesheet
from milia_cli.messages import export as msg
from milia_cli.messages import report as rmsg
from milia_cli.messages import shelf as shelf_msg
from milia_cli.plan import Notice, Plan, Step
from milia_cli.profile import Profile

PAPERS = tuple(PAGE_SIZES)


def export_html(plan: Plan, profile: Profile | None = None, *, clinician: str | None = None, paper: str = "a4",
                lang: str | None = None) -> str:
    """The handout as an HTML document (str). ``paper`` is ``a4`` or ``letter``; ``lang`` ``en``
    or ``ko`` (None: the profile's ``lang``, else English)."""
    if paper not in PAGE_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAGE_SIZES)}")
    h = build_handout(plan, profile)
    e = Say(lang or (profile.lang if profile is not None else None))
    title = msg.DOC_TITLE.format(name=h.name)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f"<style>{stylesheet(paper)}</style>",
        "</head>",
        "<body>",
        '<main class="sheet">',
        _header(h, e),
        _first_notices(h, e),
        _schedule(h, e),
        _products(h, e),
        _titration(h, e),
        _notices(h, e),
        _signature(clinician, e),
        f"<footer><span>{e(msg.DOC_FOOTER.format(version=__version__))}</span>"
        f"<span>{e(title)}</span></footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _header(h: Handout, e: Say) -> str:
    facts = [
        (msg.DOC_PERIOD, msg.DOC_DATES.format(start=long_day(h.start), end=long_day(h.end))),
        (msg.DOC_TIMES, msg.DOC_TIMES_VALUE.format(am=h.am_time, pm=h.pm_time, zone=h.zone)),
    ]
    dl = "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in facts)
    return (
        '<header class="top"><div>'
        f'<div class="brand">{e(msg.DOC_BRAND)}</div>'
        f"<h1>{e(msg.DOC_TITLE.format(name=h.name))}</h1></div>"
        f'<dl class="facts">{dl}</dl></header>'
    )


def _routine_list(steps: tuple[Step, ...], e: Say) -> str:
    if not steps:
        return f"<ol><li>{e(msg.DOC_NOTHING)}</li></ol>"
    return "<ol>" + "".join(f"<li>{e(s.title)}</li>" for s in steps) + "</ol>"


def _schedule(h: Handout, e: Say) -> str:
    out = [f"<section><h2>{e(msg.DOC_SCHEDULE)}</h2>", '<div class="routines">']
    for r in h.routines:
        label = msg.ROUTINE_WEEK.format(first=r.first) if r.first == r.last else \
            msg.ROUTINE_WEEKS.format(first=r.first, last=r.last)
        out.append(
            f'<div class="routine"><h3>{e(label)}</h3>'
            f'<div class="row"><span class="slot">{e(msg.ROUTINE_AM)} · {_e(h.am_time)}</span>'
            f"{_routine_list(r.am, e)}</div>"
            f'<div class="row"><span class="slot">{e(msg.ROUTINE_PM)} · {_e(h.pm_time)}</span>'
            f"{_routine_list(r.pm, e)}</div></div>"
        )
    out.append("</div>")
    if not h.has_grid:  # nothing changes from day to day: no grid of empty cells
        out += [f'<p class="unlogged-note">{e(unlogged_text(g))}</p>' for g in h.unlogged]
        if any(isinstance(r, WeekRow) for r in h.rows):
            out.append(f'<p class="lead">{e(rmsg.DOC_NO_GRID)}</p>')
        out.append("</section>")
        return "\n".join(out)
    # the legend goes before the grid: after it, it was once alone on a page of its own
    out.append(f'<p class="lead">{e(msg.DOC_GRID_INTRO)}</p>')
    out.append(f'<p class="legend"><span class="swatch"></span>{e(msg.DOC_LEGEND)}</p>')
    head = "".join(f"<th>{e(d)}</th>" for d in h.weekday_labels)
    out.append(f'<table class="grid"><thead><tr><th class="week"></th>{head}</tr></thead><tbody>')
    for row in h.rows:
        out.append(_unlogged_row(row, e) if isinstance(row, Unlogged) else _week_row(row, e))
    out.append("</tbody></table></section>")
    return "\n".join(out)


def _week_row(row: WeekRow, e: Say) -> str:
    week = (f'<th class="week">{e(msg.DOC_WEEK.format(week=row.week))}'
            f"<small>{e(week_span(row))}</small></th>")
    if row.empty:
        return f'<tr class="quiet">{week}<td colspan="7" class="rest-week">{e(rmsg.DOC_ROUTINE_ONLY_WEEK)}</td></tr>'
    cells = ['<td class="pad"></td>'] * row.lead
    for cell in row.cells:
        items = []
        for slot, steps in (("am", cell.am), ("pm", cell.pm)):
            for s in steps:
                cls = "item is-active" if s.active else "item"
                items.append(f'<span class="{cls}"><span class="when">{e(msg.SLOT_SHORT[slot])}</span>'
                             f"{e(msg.CELL_LABEL.get(s.step, s.title))}</span>")
        if not items:
            items.append(f'<span class="rest">{e(msg.CELL_REST)}</span>')
        cls = ' class="active"' if cell.active else (' class="rest-day"' if not (cell.am or cell.pm) else "")
        wd = weekday_short(cell.day.date)
        cells.append(f'<td{cls}><span class="date"><span class="wd">{e(wd)} </span>{e(day_month(cell.day.date))}'
                     f'</span>{"".join(items)}</td>')
    cells += ['<td class="pad"></td>'] * (7 - len(cells))
    return f"<tr>{week}{''.join(cells)}</tr>"


def _unlogged_row(gap: Unlogged, e: Say) -> str:
    label = msg.DOC_WEEK.format(week=gap.first) if gap.first == gap.last else \
        msg.ROUTINE_WEEKS.format(first=gap.first, last=gap.last)
    return (f'<tr class="unlogged"><th class="week">{e(label)}<small>{e(span(gap.first_day, gap.last_day))}'
            f'</small></th><td colspan="7">{e(rmsg.DOC_UNLOGGED_ROW)}</td></tr>')


def _product(p: Product, e: Say) -> str:
    s = p.step
    where = []
    if s.areas:
        where.append(f'<p class="where"><b>{e(msg.DOC_APPLY)}:</b> {e(places(s.areas))}</p>')
    if s.avoid:
        where.append(f'<p class="where avoid"><b>{e(msg.DOC_AVOID)}:</b> {e(places(s.avoid))}</p>')
    for line in p.own:  # the person's own products (the shelf)
        where.append(f'<p class="where own"><b>{e(shelf_msg.HANDOUT_OWN)}:</b> {e(line)}</p>')
    cls = "product is-active" if s.active else "product"
    return (f'<div class="{cls}"><h3>{e(s.title)}</h3><p class="when">{e(when_text(p))}</p>'
            f"<p>{e(s.how)}</p>{''.join(where)}</div>")


def _products(h: Handout, e: Say) -> str:
    body = "".join(_product(p, e) for p in h.products)
    return f'<section><h2>{e(msg.DOC_PRODUCTS)}</h2><div class="products">{body}</div></section>'


def _titration(h: Handout, e: Say) -> str:
    if not h.has_actives:
        return f'<section class="titration"><h2>{e(msg.DOC_TITRATION)}</h2><p>{e(h.titration_none)}</p></section>'
    items = "".join(f"<li>{e(line)}</li>" for line in h.titration)
    return (f'<section class="titration"><h2>{e(msg.DOC_TITRATION)}</h2><p>{e(h.titration_intro)}</p>'
            f"<ul>{items}</ul><p>{e(h.titration_hold)}</p></section>")


def notice_items(notices: tuple[Notice, ...], e: Say) -> str:
    return "".join(
        f'<li class="notice {_e(n.level)}"><span class="tag">{e(notice_label(n))}</span>'
        f"{e(n.text)}</li>"
        for n in notices
    )


def _first_notices(h: Handout, e: Say) -> str:
    """What needs a clinician or stops a product, before the schedule (issue 17, item 4)."""
    if not h.first_notices:
        return ""
    return (f'<section class="first"><h2>{e(rmsg.DOC_FIRST)}</h2><p class="lead">{e(rmsg.DOC_FIRST_INTRO)}</p>'
            f'<ul class="notices">{notice_items(h.first_notices, e)}</ul></section>')


def _notices(h: Handout, e: Say) -> str:
    if not h.notices:
        if h.first_notices:
            return ""
        return f"<section><h2>{e(msg.DOC_NOTICES)}</h2><p>{e(msg.DOC_NO_NOTICES)}</p></section>"
    return f'<section><h2>{e(msg.DOC_NOTICES)}</h2><ul class="notices">{notice_items(h.notices, e)}</ul></section>'


def _signature(clinician: str | None, e: Say) -> str:
    name = _e(clinician) if clinician else ""
    return (
        f'<section class="sign-section"><h2>{e(msg.DOC_SIGNATURE)}</h2><div class="sign">'
        f'<div><div class="field">{name}</div><label>{e(msg.SIGN_NAME)}</label></div>'
        f'<div><div class="field"></div><label>{e(msg.SIGN_SIGNATURE)}</label></div>'
        f'<div><div class="field"></div><label>{e(msg.SIGN_DATE)}</label></div>'
        f'<div class="wide"><div class="field"></div><label>{e(msg.SIGN_CLINIC)}</label></div>'
        "</div></section>"
    )
