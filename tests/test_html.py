"""The printable HTML handout: self-contained, escaped, and carrying what a client needs."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings

from milia_cli.exporters.html import export_html
from milia_cli.exporters.reader_words import for_reader
from tests.support.examples import examples
from tests.support.exporters import hand_plan, plan_for, profile, profiles

SETTINGS = settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


@SETTINGS
@given(prof=profiles())
def test_self_contained_no_external_resources(prof):
    html = export_html(plan_for(prof, 4), prof)
    assert not re.search(r"(?i)https?:|//[a-z]|url\(|@import|@font-face", html)
    parsed = _parse(html)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(parsed.tags)
    assert not any(name.startswith("on") or name in ("src", "href") for name, _ in parsed.attrs)


def test_print_ready_css():
    prof = profile()
    a4 = export_html(plan_for(prof, 2), prof)
    letter = export_html(plan_for(prof, 2), prof, paper="letter")
    assert "@page { size: A4;" in a4 and "@page { size: letter;" in letter
    assert "@media print" in a4 and "page-break-inside: avoid" in a4
    assert "break-before: page" not in a4  # a forced break left a page with only the legend (issue 17)
    with pytest.raises(ValueError):
        export_html(plan_for(prof, 2), prof, paper="a3")


def test_contains_name_schedule_products_titration_notices_and_signature():
    prof = profile()
    plan = plan_for(prof, 12)
    html = export_html(plan, prof, clinician="Dr. Jane Roe")
    text = " ".join(_parse(html).text)
    assert "Skincare plan for ana" in text
    for heading in ("Your week-by-week schedule", "How to use each product", "Why the active nights build up slowly",
                    "Please read", "Prepared by"):
        assert heading in text
    for week in range(1, 13):
        assert f"Week {week}" in text
    for notice in plan.notices:  # every notice of the plan, in a reader's words (issue 17)
        assert escape(for_reader(notice.text)) in html
    for product in {s.step: s for d in plan.days for s in d.steps}.values():
        assert escape(product.how) in html
    assert "Dr. Jane Roe" in text and "Signature" in text
    assert html.count('<td class="active">') == sum(1 for d in plan.days if any(s.active for s in d.steps))


def test_the_required_notices_are_there_for_a_pregnant_client():
    prof = profile(pregnancy="pregnant")
    plan = plan_for(prof, 12)
    html = export_html(plan, prof)
    assert "retinol" not in {s.step for d in plan.days for s in d.steps}
    lowered = html.lower()
    for words in ("not medical advice", "pick", "pregnan", "spf 30", "dermatologist"):
        assert words in lowered, words


def test_all_user_text_is_escaped():
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)> \'quote\''
    prof = profile(name="Ana " + hostile[:70])
    plan = hand_plan(prof, 2, title_suffix=hostile)
    html = export_html(plan, prof, clinician='<b onclick="x">Roe</b>')
    parsed = _parse(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)
    assert "&lt;script&gt;" in html and "&lt;b onclick=&quot;x&quot;&gt;Roe&lt;/b&gt;" in html


def test_a_plan_without_actives_says_so():
    prof = profile(**{"cautions.eczema_or_rosacea": True})
    plan = plan_for(prof, 4)
    html = export_html(plan, prof)
    if not any(s.active for d in plan.days for s in d.steps):
        assert "no active products" in html
    assert '<td class="active">' not in html or any(s.active for d in plan.days for s in d.steps)


def test_byte_identical_re_export():
    prof = profile()
    assert export_html(plan_for(prof, 6), prof) == export_html(plan_for(prof, 6), prof)


def test_partial_week_grid_is_padded():
    prof = profile()
    plan = plan_for(prof, 2)
    short = plan._replace(days=plan.days[:10])
    html = export_html(short, prof)
    assert html.count("<tr>") == 1 + 2  # header + two weeks
