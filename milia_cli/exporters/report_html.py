"""The progress report as one self-contained, printable HTML page (issue 17, item 2).

Charts are pygal's SVG, inlined (:mod:`milia_cli.exporters.report_charts`); every chart sits
in a ``<figure>`` with a ``<figcaption>`` and a table of its numbers, the text a screen reader
reads (the SVG itself is ``role="img"``, labelled by the caption). No scripts, no fonts, no
URLs. Prints on A4 and Letter: charts scale to the page width, figures never break inside.
Every piece of text from a profile or the log goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

from milia_cli import __version__
from milia_cli.exporters import report_charts as charts
from milia_cli.exporters.handout import notice_label, place
from milia_cli.exporters.html_style import PAGE_SIZES, stylesheet
from milia_cli.messages import report as msg
from milia_cli.report import Report

REPORT_CSS = """
figure.chart { margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 9pt; color: var(--muted); margin: 0 0 1.5mm; }
section.part { break-inside: avoid-page; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
           clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
table.data { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 0 0 3mm; }
table.data th, table.data td { border: .75pt solid var(--line); padding: 1mm 1.5mm; text-align: left;
                               vertical-align: top; }
table.data thead th { background: var(--soft); }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
.summary li { margin: .6mm 0; }
.empty { color: var(--muted); font-style: italic; }
@media screen and (max-width: 640px) { table.data { font-size: 10pt; } }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _day(d) -> str:
    return f"{d:%d %b %Y}"


def export_report_html(report: Report, *, paper: str = "a4") -> str:
    """The report as an HTML document (str). ``paper`` is ``a4`` or ``letter``."""
    if paper not in PAGE_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAGE_SIZES)}")
    title = msg.REPORT_TITLE.format(name=report.name)
    body = [_header(report, title), _notices(report)]
    if report.week_last:
        body += [_summary(report), _bumps(report), _irritation(report), _adherence(report), _ladder(report)]
    else:
        body.append(f'<p class="lead">{_e(msg.REPORT_NOT_STARTED.format(name=report.name, start=_day(report.start)))}</p>')
    body.append(_timeline(report))
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{stylesheet(paper)}{REPORT_CSS}</style>",
        "</head>",
        "<body>",
        '<main class="sheet report">',
        *body,
        f"<footer><span>{_e(msg.REPORT_FOOTER.format(version=__version__))}</span><span>{_e(title)}</span></footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def report_bytes(profile, log, today, weeks: int, *, paper: str = "a4") -> bytes:
    """The report of one client as the bytes of its HTML file (`batch --format report`)."""
    from milia_cli.report import report_for

    return export_report_html(report_for(profile, log, today, weeks), paper=paper).encode("utf-8")


def _header(r: Report, title: str) -> str:
    period = msg.REPORT_PERIOD_VALUE.format(first=_day(r.first), last=_day(r.last), week_first=r.week_first,
                                            week_last=r.week_last) if r.week_last else _day(r.start)
    facts = ((msg.REPORT_PERIOD, period), (msg.REPORT_MADE, _day(r.today)))
    dl = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in facts)
    return (f'<header class="top"><div><div class="brand">{_e(msg.REPORT_BRAND)}</div><h1>{_e(title)}</h1></div>'
            f'<dl class="facts">{dl}</dl></header>')


def _notices(r: Report) -> str:
    if not r.notices:
        return f'<section><h2>{_e(msg.REPORT_NOTICES)}</h2><p>{_e(msg.REPORT_NO_NOTICES)}</p></section>'
    items = "".join(f'<li class="notice {_e(n.level)}"><span class="tag">{_e(notice_label(n))}</span>{_e(n.text)}</li>'
                    for n in r.notices)
    return f'<section><h2>{_e(msg.REPORT_NOTICES)}</h2><ul class="notices">{items}</ul></section>'


def _summary(r: Report) -> str:
    lines = [msg.REPORT_SUMMARY_CHECKINS.format(n=r.checkins, days=r.days)]
    if not r.checkins:
        lines.append(msg.REPORT_SUMMARY_NO_CHECKINS)
    elif r.adherence is not None:
        lines.append(msg.REPORT_SUMMARY_ADHERENCE.format(pct=round(r.adherence * 100)))
    if r.bumps:
        lines.append(msg.REPORT_SUMMARY_BUMPS.format(first=r.bumps[0].count, first_day=_day(r.bumps[0].date),
                                                     latest=r.bumps[-1].count, latest_day=_day(r.bumps[-1].date)))
    else:
        lines.append(msg.REPORT_SUMMARY_NO_BUMPS)
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return f'<section><h2>{_e(msg.REPORT_SUMMARY)}</h2><ul class="summary">{items}</ul></section>'


def _table(headers: tuple[str, ...], rows: list[tuple[object, ...]], *, hidden: bool = True) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in rows)
    table = f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    # a table ignores width and overflow: hide a box around it, not the table itself
    return f'<div class="sr-only">{table}</div>' if hidden else table


def _figure(key: str, title: str, caption: str, svg: str, table: str) -> str:
    cap = f"{key}-caption"
    return (f'<section class="part"><h2>{_e(title)}</h2><figure class="chart" id="{key}" aria-labelledby="{cap}">'
            f'<figcaption id="{cap}">{_e(caption)}</figcaption>{svg}{table}</figure></section>')


def _or_blank(value: object, blank: str) -> object:
    return blank if value is None else value


def _bumps(r: Report) -> str:
    if not r.bumps:
        return f'<section class="part"><h2>{_e(msg.REPORT_BUMPS)}</h2><p class="empty">{_e(msg.REPORT_BUMPS_NONE)}</p></section>'
    rows = [(_day(b.date), b.count, _or_blank(b.new, msg.NOT_LOGGED)) for b in r.bumps]
    table = _table((msg.COL_DATE, msg.COL_BUMPS, msg.COL_NEW), rows)
    return _figure("bumps", msg.REPORT_BUMPS, msg.REPORT_BUMPS_CAPTION, charts.bumps_chart(r, "bumps-caption"), table)


def _irritation(r: Report) -> str:
    def irritation(w):
        if w.max_irritation is None:
            return msg.NO_CHECKIN if not w.checkins else msg.NOT_LOGGED
        return f"{w.max_irritation} ({msg.IRRITATION_WORDS[w.max_irritation]})"

    rows = [(w.week, f"{w.first:%d %b} – {w.last:%d %b}", w.planned_active,
             w.done_active if w.checkins else msg.NO_CHECKIN, irritation(w)) for w in r.weeks]
    table = _table((msg.COL_WEEK, msg.COL_DATES, msg.COL_PLANNED, msg.COL_DONE, msg.COL_IRRITATION), rows)
    return _figure("irritation", msg.REPORT_IRRITATION, msg.REPORT_IRRITATION_CAPTION,
                   charts.irritation_chart(r, "irritation-caption"), table)


def _adherence(r: Report) -> str:
    rows = []
    for w in r.weeks:
        days = [d for d in r.calendar if d.week == w.week and not d.future]
        cells = ", ".join(f"{d.date:%a %d %b} " + (f"{round(d.adherence * 100)} %" if d.adherence is not None
                                                   else msg.NO_CHECKIN) for d in days)
        rows.append((w.week, w.checkins, cells))
    table = _table((msg.COL_WEEK, msg.COL_CHECKINS, msg.COL_ADHERENCE), rows)
    return _figure("adherence", msg.REPORT_ADHERENCE, msg.REPORT_ADHERENCE_CAPTION,
                   charts.adherence_chart(r, "adherence-caption"), table)


def _ladder(r: Report) -> str:
    if not r.ladder:
        return ""
    weeks = [w.week for w in r.weeks]
    rows = [(w, *(r.ladder[a][i] for a in r.ladder)) for i, w in enumerate(weeks)]
    table = _table((msg.COL_WEEK, *(msg.ACTIVE_NAMES.get(a, a) for a in r.ladder)), rows)
    changes = [(msg.ACTIVE_NAMES.get(c.active, c.active), c.week, msg.CHANGE_KIND[c.kind], c.per_week, c.reason)
               for c in r.changes]
    visible = _table((msg.COL_ACTIVE, msg.COL_FROM, msg.COL_CHANGE, msg.COL_PER_WEEK, msg.COL_WHY), changes,
                     hidden=False)
    return _figure("ladder", msg.REPORT_LADDER, msg.REPORT_LADDER_CAPTION, charts.ladder_chart(r, "ladder-caption"),
                   table) + visible


def _timeline(r: Report) -> str:
    head = f'<section class="part"><h2>{_e(msg.REPORT_TIMELINE)}</h2>'
    if not r.timeline:
        return head + f'<p class="empty">{_e(msg.REPORT_TIMELINE_NONE)}</p></section>'
    rows = []
    for t in r.timeline:
        if t.kind == "resume":
            what = msg.RESUMED_EVENT + (msg.RESUMED_SEEN if t.seen_clinician else "")
        else:
            what = msg.PROCEDURE_KIND.get(t.kind, t.kind) + (f" ({msg.PLANNED_PROCEDURE})" if t.planned else "")
        areas = ", ".join(place(a) for a in t.areas) if t.areas else (msg.ALL_AREAS if t.kind != "resume" else "")
        rows.append((_day(t.date), what, areas, _day(t.aftercare_until) if t.aftercare_until else ""))
    return head + _table((msg.COL_DATE, msg.COL_WHAT, msg.COL_AREAS, msg.COL_AFTERCARE), rows, hidden=False) + "</section>"
