"""Issue 17, item 5: the handout and the report as a person sees them, in headless Chromium.

PDF at A4 and Letter (pages counted from ``/Type /Page``; the text on each page counted
from its content stream, so a page holding only a legend or a footer is caught), a PNG at
390 px (a phone), and a test-only copy of each page with a small script that reports what
overflows the page width and which charts were laid out (read back with ``--dump-dom``).
Skipped, with the reason, where Debian's ``chromium`` is not installed (.ci/run installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import BASE_PROFILE, REPO
from milia_cli.exporters.html import export_html
from milia_cli.exporters.report_html import export_report_html
from milia_cli.logmodel import EMPTY_LOG
from milia_cli.planner import build_plan
from milia_cli.profile import parse_profile
from milia_cli.report import report_for
from tests.support.report import TODAY_OFFSET, on, the_log

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")]
BASE = parse_profile(BASE_PROFILE.encode(), "test")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-extensions", "--mute-audio"]
ORPHAN_GLYPHS = 200  # a page with less than this is a stray legend, footer or signature box
PROBE = """<script>
window.addEventListener('load', function () {
  var width = document.documentElement.clientWidth, out = [];
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.closest('.sr-only') || el.closest('svg') && el.tagName.toLowerCase() !== 'svg') return;
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1) out.push(el.tagName + '.' + el.className);
  });
  var charts = [];
  document.querySelectorAll('figure.chart').forEach(function (f) {
    var s = f.querySelector('svg'), r = s ? s.getBoundingClientRect() : null;
    charts.push(f.id + ':' + (r && r.width > 100 && r.height > 50 && r.right <= width + 1 ? 'ok' : 'bad'));
  });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = 'scroll=' + document.documentElement.scrollWidth + ' client=' + width +
    ' overflow=' + out.slice(0, 5).join(',') + ' charts=' + charts.join(',');
  document.body.appendChild(pre);
});
</script>"""


def chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=120)


def pdf_pages(pdf: bytes) -> list[int]:
    """The glyphs drawn on each page of a Chromium (Skia) PDF, in page order."""
    objects = {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", pdf, re.DOTALL)}
    pages = [body for body in objects.values() if re.search(rb"/Type\s*/Page(?![s\w])", body)]
    glyphs = []
    for page in pages:
        total = 0
        for ref in re.findall(rb"/Contents\s+(\d+) 0 R", page):
            body = objects[int(ref)]
            raw = body[body.index(b"stream") + 6:body.rindex(b"endstream")].strip(b"\r\n")
            text = zlib.decompress(raw) if b"/FlateDecode" in body else raw
            for single, array in re.findall(rb"<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ", text, re.DOTALL):
                hexes = [single] if single else re.findall(rb"<([0-9A-Fa-f]*)>", array)
                total += sum(len(h) // 4 for h in hexes)
        glyphs.append(total)
    return glyphs


def print_pdf(html: str, tmp_path: Path, name: str) -> list[int]:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    res = chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.exists(), res.stderr[-2000:]
    data = pdf.read_bytes()
    pages = pdf_pages(data)
    assert len(pages) == len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    return pages


def probe(html: str, tmp_path: Path, name: str, width: int) -> str:
    page = tmp_path / f"{name}-probe.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    res = chromium(f"--window-size={width},900", "--virtual-time-budget=3000", "--dump-dom", page.as_uri())
    found = re.search(r'<pre id="probe">([^<]*)</pre>', res.stdout)
    assert found, res.stderr[-2000:]
    return found[1]


def handout(name: str) -> tuple[str, str]:
    if name == "ana":
        return export_html(build_plan(BASE, EMPTY_LOG, weeks=12, today=BASE.schedule.start), BASE), "ana"
    prof = parse_profile((REPO / "profiles" / f"{name}.toml").read_bytes(), f"{name}.toml")
    return export_html(build_plan(prof, EMPTY_LOG, weeks=12, today=prof.schedule.start), prof), name


def progress_report(paper: str = "a4") -> str:
    return export_report_html(report_for(BASE, the_log(), on(TODAY_OFFSET), 12), paper=paper)


# a 12-week handout: at most 3 A4 pages (4 before issue 17), one more on the shorter Letter page
@pytest.mark.parametrize("name,paper,most", [("ana", "a4", 3), ("ana", "letter", 4),
                                             ("chloe-breastfeeding", "a4", 2), ("chloe-breastfeeding", "letter", 2)])
def test_handout_prints_without_orphan_pages(tmp_path, name, paper, most):
    html, _ = handout(name)
    if paper == "letter":
        html = html.replace("@page { size: A4;", "@page { size: letter;")
    pages = print_pdf(html, tmp_path, f"{name}-{paper}")
    assert 1 <= len(pages) <= most, pages
    assert min(pages) >= ORPHAN_GLYPHS, f"a nearly empty page: glyphs per page {pages}"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_report_prints_every_chart_without_orphan_pages(tmp_path, paper):
    html = progress_report(paper)
    pages = print_pdf(html, tmp_path, f"report-{paper}")
    assert 2 <= len(pages) <= 4, pages
    assert min(pages) >= ORPHAN_GLYPHS, pages
    for width in (703, 390):  # the A4 text width at 96 dpi (186 mm), and a phone
        seen = probe(html, tmp_path, f"report-{paper}-{width}", width)
        assert "overflow= " in seen + " " and re.search(r"overflow=\s", seen), seen
        assert re.search(r"scroll=(\d+) client=\1\b", seen), seen
        assert "charts=bumps:ok,irritation:ok,adherence:ok,ladder:ok" in seen, seen


@pytest.mark.parametrize("name", ["ana", "chloe-breastfeeding"])
def test_handout_text_never_overflows_a_phone_or_the_page(tmp_path, name):
    html, _ = handout(name)
    for width in (390, 703):
        seen = probe(html, tmp_path, f"{name}-{width}", width)
        assert re.search(r"overflow=\s", seen), seen
        assert re.search(r"scroll=(\d+) client=\1\b", seen), seen


def test_phone_screenshots(tmp_path):
    for name, html in (("handout", handout("ana")[0]), ("report", progress_report())):
        page = tmp_path / f"{name}.html"
        page.write_text(html, encoding="utf-8")
        png = tmp_path / f"{name}.png"
        chromium(f"--screenshot={png}", "--window-size=390,2000", page.as_uri())
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        assert width == 390


def test_past_weeks_handout_prints_too(tmp_path):
    html = export_html(build_plan(BASE, EMPTY_LOG, weeks=12, today=BASE.schedule.start + timedelta(days=35)), BASE)
    pages = print_pdf(html, tmp_path, "past")
    assert len(pages) <= 3 and min(pages) >= ORPHAN_GLYPHS, pages


# -- Korean (issue 17, items 3 and 5): Hangul drawn, no missing-glyph boxes, A4 pages as in English --
def korean_print(html: str, tmp_path: Path, name: str):
    from tests.support.pdf import read_pdf

    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    res = chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.exists(), res.stderr[-2000:]
    return read_pdf(pdf.read_bytes())


def test_the_missing_glyph_check_sees_a_box(tmp_path):
    """The detector itself: characters no font has are drawn as .notdef and counted."""
    html = '<!DOCTYPE html><html lang="ko"><meta charset="utf-8"><p>안녕하세요 &#x0378;&#xE000; end</p></html>'
    seen = korean_print(html, tmp_path, "tofu")
    assert seen.notdef >= 2 and "안녕하세요" in "".join(seen.pages)


@pytest.mark.parametrize("kind,most", [("handout", 3), ("report", 4)])
def test_korean_prints_hangul_on_a4_without_boxes_or_orphans(tmp_path, kind, most):
    from tests.support.i18n import hangul, visible_text

    if kind == "handout":
        html = export_html(build_plan(BASE, EMPTY_LOG, weeks=12, today=BASE.schedule.start), BASE, lang="ko")
    else:
        html = export_report_html(report_for(BASE, the_log(), on(TODAY_OFFSET), 12), lang="ko")
    assert '<html lang="ko">' in html
    seen = korean_print(html, tmp_path, f"ko-{kind}")
    assert 1 <= len(seen.pages) <= most, seen.glyphs
    assert min(seen.glyphs) >= ORPHAN_GLYPHS, f"a nearly empty page: glyphs per page {seen.glyphs}"
    assert seen.notdef == 0, f"{seen.notdef} glyphs drawn as missing-glyph boxes"
    assert any("CJK" in f and "kr" in f.lower() for f in seen.fonts), seen.fonts  # a Korean CJK face drew it
    drawn = "".join(seen.pages)
    want = {c for c in visible_text(html.split("<svg")[0] if kind == "report" else html) if "\uac00" <= c <= "\ud7a3"}
    assert want and want <= set(drawn), sorted(want - set(drawn))[:20]  # every syllable of the page was drawn
    assert hangul(drawn) > 500
    for width in (703, 390):  # the A4 text width, and a phone
        probed = probe(html, tmp_path, f"ko-{kind}-{width}", width)
        assert re.search(r"overflow=\s", probed), probed
        assert re.search(r"scroll=(\d+) client=\1\b", probed), probed
        if kind == "report":
            assert "charts=bumps:ok,irritation:ok,adherence:ok,ladder:ok" in probed, probed


def test_korean_phone_screenshot_is_a_phone_wide(tmp_path):
    html = export_html(build_plan(BASE, EMPTY_LOG, weeks=12, today=BASE.schedule.start), BASE, lang="ko")
    page = tmp_path / "ko.html"
    page.write_text(html, encoding="utf-8")
    png = tmp_path / "ko.png"
    chromium(f"--screenshot={png}", "--window-size=390,2000", page.as_uri())
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == 390
