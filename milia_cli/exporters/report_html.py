"""The progress report as one self-contained, printable HTML page (issue 17, item 2).

Charts are pygal's SVG, inlined (:mod:`milia_cli.exporters.report_charts`); every chart sits
in a ``<figure>`` with a ``<figcaption>`` and a table of its numbers, the text a screen reader
reads (the SVG itself is ``role="img"``, labelled by the caption). No scripts, no fonts, no
URLs. Prints on A4 and Letter: charts scale to the page width, figures never break inside.
Every piece of text from a profile or the log goes through :func:`html.escape`; milia's own
text through :func:`milia_cli.i18n.tr` first, in the report's language (``lang``), which the
page declares; dates and percentages as that language writes them (CLDR, through babel).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from milia_cli import __version__
from milia_cli.exporters import report_charts as charts
from milia_cli.exporters.handout import notice_label, places, span, weekday_short
from milia_cli.exporters.html_style import PAGE_SIZES, Say, stylesheet
from milia_cli.i18n import format_percent
from milia_cli.messages import When, joined
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
    """``05 Jan 2027`` (another language: CLDR's long date, "2027년 1월 5일")."""
    return When(f"{d:%d %b %Y}", d, "long")


def export_report_html(report: Report, *, paper: str = "a4", lang: str | None = None) -> str:
    """The report as an HTML document (str). ``paper`` is ``a4`` or ``letter``; ``lang`` ``en``
    or ``ko`` (None: English; :func:`report_bytes` and `milia report` give the profile's)."""
    if paper not in PAGE_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAGE_SIZES)}")
    e = Say(lang)
    title = msg.REPORT_TITLE.format(name=report.name)
    body = [_header(report, title, e), _notices(report, e)]
    if report.week_last:
        body += [_summary(report, e), _bumps(report, e), _irritation(report, e), _adherence(report, e),
                 _ladder(report, e)]
    else:
        not_started = msg.REPORT_NOT_STARTED.format(name=report.name, start=_day(report.start))
        body.append(f'<p class="lead">{e(not_started)}</p>')
    body.append(_timeline(report, e))
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{e.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f"<style>{stylesheet(paper)}{REPORT_CSS}</style>",
        "</head>",
        "<body>",
        '<main class="sheet report">',
        *body,
        f"<footer><span>{e(msg.REPORT_FOOTER.format(version=__version__))}</span><span>{e(title)}</span></footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def report_bytes(profile, log, today, weeks: int, *, paper: str = "a4", lang: str | None = None) -> bytes:
    """The report of one client as the bytes of its HTML file (`batch --format report`), in
    ``lang`` (None: the client's ``lang``, else English)."""
    from milia_cli.report import report_for

    return export_report_html(report_for(profile, log, today, weeks), paper=paper,
                              lang=lang or profile.lang).encode("utf-8")


def _header(r: Report, title: str, e: Say) -> str:
    period = msg.REPORT_PERIOD_VALUE.format(first=_day(r.first), last=_day(r.last), week_first=r.week_first,
                                            week_last=r.week_last) if r.week_last else _day(r.start)
    facts = ((msg.REPORT_PERIOD, period), (msg.REPORT_MADE, _day(r.today)))
    dl = "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in facts)
    return (f'<header class="top"><div><div class="brand">{e(msg.REPORT_BRAND)}</div><h1>{e(title)}</h1></div>'
            f'<dl class="facts">{dl}</dl></header>')


def _notices(r: Report, e: Say) -> str:
    if not r.notices:
        return f'<section><h2>{e(msg.REPORT_NOTICES)}</h2><p>{e(msg.REPORT_NO_NOTICES)}</p></section>'
    items = "".join(f'<li class="notice {_e(n.level)}"><span class="tag">{e(notice_label(n))}</span>{e(n.text)}</li>'
                    for n in r.notices)
    return f'<section><h2>{e(msg.REPORT_NOTICES)}</h2><ul class="notices">{items}</ul></section>'


def _summary(r: Report, e: Say) -> str:
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
    items = "".join(f"<li>{e(line)}</li>" for line in lines)
    return f'<section><h2>{e(msg.REPORT_SUMMARY)}</h2><ul class="summary">{items}</ul></section>'


def _table(headers: tuple[str, ...], rows: Sequence[tuple[object, ...]], e: Say, *, hidden: bool = True) -> str:
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in row) + "</tr>" for row in rows)
    table = f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    # a table ignores width and overflow: hide a box around it, not the table itself
    return f'<div class="sr-only">{table}</div>' if hidden else table


def _figure(key: str, title: str, caption: str, svg: str, table: str, e: Say) -> str:
    cap = f"{key}-caption"
    return (f'<section class="part"><h2>{e(title)}</h2><figure class="chart" id="{key}" aria-labelledby="{cap}">'
            f'<figcaption id="{cap}">{e(caption)}</figcaption>{svg}{table}</figure></section>')


def _or_blank(value: object, blank: str) -> object:
    return blank if value is None else value


def _bumps(r: Report, e: Say) -> str:
    if not r.bumps:
        return (f'<section class="part"><h2>{e(msg.REPORT_BUMPS)}</h2>'
                f'<p class="empty">{e(msg.REPORT_BUMPS_NONE)}</p></section>')
    rows = [(_day(b.date), b.count, _or_blank(b.new, msg.NOT_LOGGED)) for b in r.bumps]
    table = _table((msg.COL_DATE, msg.COL_BUMPS, msg.COL_NEW), rows, e)
    return _figure("bumps", msg.REPORT_BUMPS, msg.REPORT_BUMPS_CAPTION, charts.bumps_chart(r, "bumps-caption", e.lang),
                   table, e)


def _irritation(r: Report, e: Say) -> str:
    def irritation(w):
        if w.max_irritation is None:
            return msg.NO_CHECKIN if not w.checkins else msg.NOT_LOGGED
        return msg.IRRITATION_LEVEL.format(n=w.max_irritation, word=msg.IRRITATION_WORDS[w.max_irritation])

    rows = [(w.week, span(w.first, w.last), w.planned_active,
             w.done_active if w.checkins else msg.NO_CHECKIN, irritation(w)) for w in r.weeks]
    table = _table((msg.COL_WEEK, msg.COL_DATES, msg.COL_PLANNED, msg.COL_DONE, msg.COL_IRRITATION), rows, e)
    return _figure("irritation", msg.REPORT_IRRITATION, msg.REPORT_IRRITATION_CAPTION,
                   charts.irritation_chart(r, "irritation-caption", e.lang), table, e)


def _adherence(r: Report, e: Say) -> str:
    rows = []
    for w in r.weeks:
        days = [d for d in r.calendar if d.week == w.week and not d.future]
        cells = ", ".join(f"{e.text(weekday_short(d.date))} {e.text(charts.day_label(d.date))} "
                          + (format_percent(d.adherence, e.lang) if d.adherence is not None else e.text(msg.NO_CHECKIN))
                          for d in days)
        rows.append((w.week, w.checkins, cells))
    table = _table((msg.COL_WEEK, msg.COL_CHECKINS, msg.COL_ADHERENCE), rows, e)
    return _figure("adherence", msg.REPORT_ADHERENCE, msg.REPORT_ADHERENCE_CAPTION,
                   charts.adherence_chart(r, "adherence-caption", e.lang), table, e)


def _ladder(r: Report, e: Say) -> str:
    if not r.ladder:
        return ""
    weeks = [w.week for w in r.weeks]
    rows = [(w, *(r.ladder[a][i] for a in r.ladder)) for i, w in enumerate(weeks)]
    table = _table((msg.COL_WEEK, *(msg.ACTIVE_NAMES.get(a, a) for a in r.ladder)), rows, e)
    changes = [(msg.ACTIVE_NAMES.get(c.active, c.active), c.week, msg.CHANGE_KIND[c.kind], c.per_week, c.reason)
               for c in r.changes]
    visible = _table((msg.COL_ACTIVE, msg.COL_FROM, msg.COL_CHANGE, msg.COL_PER_WEEK, msg.COL_WHY), changes, e,
                     hidden=False)
    return _figure("ladder", msg.REPORT_LADDER, msg.REPORT_LADDER_CAPTION,
                   charts.ladder_chart(r, "ladder-caption", e.lang), table, e) + visible


def _timeline(r: Report, e: Say) -> str:
    head = f'<section class="part"><h2>{e(msg.REPORT_TIMELINE)}</h2>'
    if not r.timeline:
        return head + f'<p class="empty">{e(msg.REPORT_TIMELINE_NONE)}</p></section>'
    rows = []
    for t in r.timeline:
        if t.kind == "resume":
            what = joined(msg.RESUMED_EVENT, msg.RESUMED_SEEN) if t.seen_clinician else msg.RESUMED_EVENT
        else:
            kind = msg.PROCEDURE_KIND.get(t.kind, t.kind)
            what = msg.PLANNED_KIND.format(kind=kind, planned=msg.PLANNED_PROCEDURE) if t.planned else kind
        areas = places(t.areas) if t.areas else (msg.ALL_AREAS if t.kind != "resume" else "")
        rows.append((_day(t.date), what, areas, _day(t.aftercare_until) if t.aftercare_until else ""))
    return head + _table((msg.COL_DATE, msg.COL_WHAT, msg.COL_AREAS, msg.COL_AFTERCARE), rows, e, hidden=False) + \
        "</section>"
