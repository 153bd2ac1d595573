"""The report's charts: SVG from pygal, cleaned for inlining in a self-contained HTML page.

pygal (pure Python, ~2 MB installed) is imported inside :func:`_pygal` only, so importing
this module costs nothing; `milia report` is the only command that draws. Each chart
function takes the :class:`milia_cli.report.Report` and returns an SVG string with:

- no script (pygal's tooltips load JavaScript), no comments (they carry URLs and the date),
  no xmlns URLs (HTML5 inline SVG needs none), and a fixed id instead of pygal's random one,
  so the same report renders to the same bytes;
- ``role="img"`` and an ``aria-labelledby`` pointing at the figure's caption; the numbers
  themselves are in the table beside each chart (see report_html.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from milia_cli.exporters.handout import day_month, weekday_short
from milia_cli.i18n import tr
from milia_cli.messages import report as msg

if TYPE_CHECKING:
    from milia_cli.report import Report

FONT = '"Helvetica Neue", Helvetica, Arial, "Liberation Sans", "Noto Sans CJK KR", "Apple SD Gothic Neo", ' \
       '"Malgun Gothic", sans-serif'
COLOURS = ("#2f6f73", "#d9822b", "#9b1c1c", "#6b5b00", "#5b6b73")
WIDTH, HEIGHT = 720, 300

_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_CHART_ID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _pygal() -> Any:
    import pygal

    return pygal


def _style(colours: tuple[str, ...] = COLOURS) -> Any:
    from pygal.style import Style

    return Style(font_family=FONT, background="#ffffff", plot_background="#ffffff", foreground="#1f2a30",
                 foreground_strong="#1f2a30", foreground_subtle="#d5dde1", colors=colours,
                 label_font_size=12, major_label_font_size=12, legend_font_size=12, title_font_size=14,
                 value_font_size=11, tooltip_font_size=11)


def _config(**extra: Any) -> dict[str, Any]:
    config = dict(js=[], disable_xml_declaration=True, width=WIDTH, height=HEIGHT, style=_style(),
                  legend_at_bottom=True, legend_at_bottom_columns=3, show_x_guides=False, margin=12,
                  print_values=False, explicit_size=False)
    config.update(extra)
    return config


def clean(svg: str, chart_id: str, labelledby: str) -> str:
    """pygal's SVG made inline-safe and deterministic (see the module docstring)."""
    svg = _SCRIPT.sub("", svg)
    svg = _COMMENT.sub("", svg)
    svg = _XMLNS.sub("", svg)
    svg = svg.replace("xlink:href", "href")
    svg = _CHART_ID.sub(chart_id, svg)
    return svg.replace("<svg ", f'<svg role="img" aria-labelledby="{labelledby}" ', 1)


def week_labels(report: Report, lang: str = "en") -> list[str]:
    return [tr(msg.CHART_WEEK.format(week=w.week), lang) for w in report.weeks]


def day_label(day) -> str:
    """``23 Nov`` (another language: CLDR's month and day)."""
    return day_month(day)


def bumps_chart(report: Report, labelledby: str, lang: str = "en") -> str:
    pygal = _pygal()
    chart = pygal.Line(**_config(show_legend=False, dots_size=4, min_scale=2, max_scale=8,
                                 x_label_rotation=0, truncate_label=-1))
    chart.x_labels = [str(tr(day_label(b.date), lang)) for b in report.bumps]
    chart.add(tr(msg.REPORT_BUMPS_SERIES, lang), [b.count for b in report.bumps])
    chart.range = (0, max([b.count for b in report.bumps] + [1]))
    return clean(chart.render(is_unicode=True), "chart-bumps", labelledby)


def irritation_chart(report: Report, labelledby: str, lang: str = "en") -> str:
    pygal = _pygal()
    # evenings 0-6 (the combined cap is 5) against irritation 0-3: labels every 2 evenings
    # fall on whole irritation levels on the right-hand axis
    chart = pygal.Bar(**_config(secondary_range=(0, 3), range=(0, 6), y_labels=[0, 2, 4, 6], rounded_bars=1))
    chart.x_labels = week_labels(report, lang)
    chart.add(tr(msg.REPORT_SERIES_PLANNED, lang), [w.planned_active for w in report.weeks])
    chart.add(tr(msg.REPORT_SERIES_DONE, lang), [w.done_active if w.checkins else None for w in report.weeks])
    chart.add(tr(msg.REPORT_SERIES_IRRITATION, lang), [w.max_irritation for w in report.weeks], secondary=True)
    return clean(chart.render(is_unicode=True), "chart-irritation", labelledby)


def adherence_chart(report: Report, labelledby: str, lang: str = "en") -> str:
    """A calendar: one row of dots per week, one column per weekday, the dot's size the share
    of required steps done; a day without a check-in has no dot (blank, not zero)."""
    pygal = _pygal()
    rows = len(report.weeks)
    chart = pygal.Dot(**_config(show_legend=False, height=max(120, 44 * rows + 70), x_label_rotation=0,
                                style=_style((COLOURS[0],) * max(1, rows))))
    from datetime import timedelta

    weekday = [str(tr(weekday_short(report.first + timedelta(days=i)), lang)) for i in range(7)]
    chart.x_labels = weekday
    by_week: dict[int, list[Any]] = {}
    for day in report.calendar:
        value = None if day.adherence is None else round(day.adherence * 100)
        by_week.setdefault(day.week, []).append(value)
    for w in report.weeks:
        chart.add(tr(msg.CHART_WEEK.format(week=w.week), lang), by_week.get(w.week, []))
    return clean(chart.render(is_unicode=True), "chart-adherence", labelledby)


def ladder_chart(report: Report, labelledby: str, lang: str = "en") -> str:
    pygal = _pygal()
    chart = pygal.StackedBar(**_config(range=(0, 6), y_labels=list(range(7))))
    chart.x_labels = week_labels(report, lang)
    for active, evenings in report.ladder.items():
        chart.add(tr(msg.ACTIVE_NAMES.get(active, active), lang), list(evenings))
    return clean(chart.render(is_unicode=True), "chart-ladder", labelledby)
