"""The handout's stylesheet: inline, print-first, no web fonts, no external resources.

Print: no forced page breaks (a forced one once left a page holding only the grid's
legend); blocks that must stay whole avoid breaking inside, headings stay with what
follows. Screen: the sheet reflows on a phone (390 px): the week grid becomes a list of
days, two-column blocks stack (issue 17, item 4).
"""

from functools import lru_cache
from html import escape

from milia_cli.i18n import tr

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
# Hangul (issue 17, item 3): Noto Sans CJK KR (Linux, Android), Apple SD Gothic Neo (macOS, iOS),
# Malgun Gothic (Windows); a Korean page puts them first, an English one after its Latin faces
HANGUL_FONTS = '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"'
LATIN_FONTS = '"Helvetica Neue", Helvetica, Arial, "Liberation Sans"'

CSS = """
:root { --ink:#1f2a30; --muted:#5b6b73; --line:#d5dde1; --accent:#2f6f73; --soft:#eef5f5;
        --active:#fbe9d7; --active-ink:#8a4b12; --stop:#9b1c1c; --refer:#7a4a00; --caution:#6b5b00; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #f4f6f7;
       font: 10.5pt/1.45 LATIN, HANGUL, sans-serif; }
html:lang(ko) body { font-family: HANGUL, LATIN, sans-serif; line-height: 1.55;
                     word-break: keep-all; overflow-wrap: break-word; }
html:lang(ko) .brand, html:lang(ko) .routine h3, html:lang(ko) .sign label, html:lang(ko) .notice .tag {
  letter-spacing: 0; }
.sheet { max-width: 190mm; margin: 12mm auto; background: #fff; padding: 14mm 14mm 10mm;
         box-shadow: 0 1px 4px rgba(0,0,0,.12); }
header.top { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm;
             border-bottom: 2.5pt solid var(--accent); padding-bottom: 4mm; margin-bottom: 5mm; }
.brand { font-size: 8.5pt; letter-spacing: .14em; text-transform: uppercase; color: var(--accent); font-weight: 700; }
h1 { font-size: 20pt; line-height: 1.15; margin: 1mm 0 0; font-weight: 700; }
.facts { font-size: 9pt; color: var(--muted); text-align: right; margin: 0; }
.facts dt { display: inline; font-weight: 700; color: var(--ink); }
.facts dd { display: inline; margin: 0 0 0 1.5mm; }
.facts div { margin: .6mm 0; }
h2 { font-size: 12.5pt; color: var(--accent); margin: 7mm 0 2.5mm; padding-bottom: 1mm;
     border-bottom: .75pt solid var(--line); break-after: avoid; page-break-after: avoid; }
h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm; orphans: 3; widows: 3; }
.lead, .legend { break-after: avoid; page-break-after: avoid; }
section.first { border: 1pt solid var(--stop); border-radius: 2mm; padding: 1mm 3.5mm 2mm; margin: 0 0 4mm;
                background: #fffafa; }
section.first h2 { color: var(--stop); margin-top: 2mm; border-bottom-color: #f0caca; }
.lead { font-size: 10pt; color: var(--muted); }
.routines { display: grid; grid-template-columns: 1fr; gap: 2.5mm; margin: 0 0 3mm; }
.routine { border: .75pt solid var(--line); border-left: 3pt solid var(--accent); border-radius: 2mm;
           padding: 2.5mm 3.5mm; background: var(--soft); break-inside: avoid; page-break-inside: avoid; }
.routine h3 { font-size: 9.5pt; margin: 0 0 1mm; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); }
.routine ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 1mm 0; }
.routine li { font-size: 9.5pt; }
.routine li + li::before { content: "\\2192"; color: var(--muted); margin: 0 1.6mm; }
.routine .slot { font-weight: 700; flex: 0 0 40mm; white-space: nowrap; }
.routine .row { display: flex; margin: .6mm 0; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 8.5pt; margin-bottom: 2mm; }
table.grid th, table.grid td { border: .75pt solid var(--line); padding: 1mm .9mm; vertical-align: top; }
table.grid thead th { background: var(--accent); color: #fff; font-weight: 700; text-align: center; font-size: 8.5pt; }
table.grid th.week { width: 17mm; text-align: left; background: var(--soft); font-weight: 700; }
table.grid th.week small { display: block; font-weight: 400; color: var(--muted); font-size: 7.5pt; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
td .date { display: block; color: var(--muted); font-size: 7.5pt; margin-bottom: .6mm; }
td .item { display: block; line-height: 1.25; margin-top: .4mm; }
td .item .when { color: var(--muted); font-size: 7pt; text-transform: uppercase; margin-right: .6mm; }
td.active { background: var(--active); }
td.active .item.is-active { color: var(--active-ink); font-weight: 700; }
td .rest { color: #9aa7ad; font-size: 7.5pt; }
td .date .wd { display: none; }
td.rest-week { color: var(--muted); font-size: 8pt; }
tr.unlogged td { color: var(--muted); font-style: italic; background: repeating-linear-gradient(
                 135deg, #fff, #fff 2mm, #f4f6f7 2mm, #f4f6f7 4mm); }
.unlogged-note { font-style: italic; color: var(--muted); }
.legend { font-size: 8.5pt; color: var(--muted); margin-bottom: 1.5mm; }
.legend .swatch { display: inline-block; width: 3.2mm; height: 3.2mm; background: var(--active);
                  border: .75pt solid #e2c3a1; vertical-align: -0.5mm; margin-right: 1mm; }
.products { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
.product { border: .75pt solid var(--line); border-radius: 2mm; padding: 2.5mm 3mm;
           break-inside: avoid; page-break-inside: avoid; }
.product.is-active { border-color: #e2c3a1; background: #fffaf4; }
.product h3 { font-size: 10pt; margin: 0 0 .8mm; }
.product .when { font-size: 8.5pt; color: var(--accent); font-weight: 700; margin: 0 0 1mm; }
.product p { font-size: 9pt; margin: 0 0 1mm; }
.product .where { font-size: 8.5pt; margin: 0; }
.product .where b { color: var(--muted); }
.product .avoid { color: var(--stop); }
.titration ul { margin: 1mm 0 2mm 5mm; padding: 0; }
.titration li { margin: .8mm 0; }
.notices { list-style: none; margin: 0; padding: 0; }
.notice { border-left: 3pt solid var(--line); padding: 1.4mm 3mm; margin: 0 0 1.6mm; background: #fafbfb;
          break-inside: avoid; page-break-inside: avoid; font-size: 9.5pt; }
.notice .tag { display: inline-block; font-size: 7pt; font-weight: 700; text-transform: uppercase;
               letter-spacing: .06em; padding: .2mm 1.5mm; border-radius: 1mm; margin-right: 1.5mm;
               color: #fff; background: var(--muted); vertical-align: .3mm; }
.notice.stop { border-color: var(--stop); background: #fdf1f1; } .notice.stop .tag { background: var(--stop); }
.notice.refer { border-color: var(--refer); background: #fdf6ec; } .notice.refer .tag { background: var(--refer); }
.notice.caution { border-color: #b59c00; background: #fdfbea; } .notice.caution .tag { background: var(--caution); }
.notice.info .tag { background: var(--accent); }
.sign-section { break-before: avoid; page-break-before: avoid; break-inside: avoid; page-break-inside: avoid; }
.sign { margin-top: 3mm; display: grid; grid-template-columns: 1.2fr 1fr .6fr 1.3fr; gap: 5mm;
        break-inside: avoid; page-break-inside: avoid; }
.sign .field { border-bottom: .75pt solid var(--ink); min-height: 9mm; display: flex; align-items: flex-end;
               font-size: 10.5pt; padding-bottom: .8mm; }
.sign label { display: block; font-size: 7.5pt; color: var(--muted); text-transform: uppercase;
              letter-spacing: .06em; margin-top: 1mm; }
.sign .wide { grid-column: auto; }
footer { break-before: avoid; page-break-before: avoid; break-inside: avoid; page-break-inside: avoid;
         margin-top: 4mm; font-size: 7.5pt; color: var(--muted); border-top: .75pt solid var(--line);
         padding-top: 2mm; display: flex; justify-content: space-between; }
@page { size: PAGE; margin: 12mm 12mm 14mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  .sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  a { color: inherit; text-decoration: none; }
  table.grid { font-size: 8pt; }
  td .item { white-space: nowrap; }
  .notice { padding: 1mm 2.5mm; margin: 0 0 1.1mm; font-size: 9pt; }
  h2 { margin: 5mm 0 2mm; }
}
@media screen and (max-width: 640px) {
  body { background: #fff; font-size: 11pt; }
  .sheet { margin: 0; padding: 4mm 4mm 6mm; max-width: none; box-shadow: none; }
  header.top { flex-direction: column; align-items: flex-start; gap: 2mm; }
  .facts { text-align: left; }
  h1 { font-size: 17pt; overflow-wrap: anywhere; }
  .routine .row { flex-direction: column; }
  .routine .slot { flex: none; white-space: normal; }
  .products, .sign { grid-template-columns: 1fr; }
  table.grid, table.grid tbody, table.grid tr, table.grid th, table.grid td { display: block; width: auto; }
  table.grid thead { display: none; }
  table.grid tr { border: .75pt solid var(--line); border-radius: 1.5mm; margin: 0 0 2mm; overflow: hidden; }
  table.grid th, table.grid td { border: 0; border-top: .75pt solid var(--line); }
  table.grid th.week { width: auto; }
  table.grid th.week small { display: inline; margin-left: 2mm; }
  table.grid td { display: flex; flex-wrap: wrap; gap: 0 2mm; align-items: baseline; }
  table.grid td.pad, table.grid td.rest-day { display: none; }
  td .date { display: inline; min-width: 16mm; font-size: 9pt; }
  td .date .wd { display: inline; }
  td .item { display: inline; font-size: 10pt; }
  footer { flex-direction: column; gap: 1mm; }
  * { overflow-wrap: anywhere; }
}
"""


def stylesheet(paper: str) -> str:
    css = CSS.replace("LATIN", LATIN_FONTS).replace("HANGUL", HANGUL_FONTS)
    return css.replace("@page { size: PAGE;", f"@page {{ size: {PAGE_SIZES[paper]};")


class Say:
    """milia's text for an HTML page in one language: translated (:func:`milia_cli.i18n.tr`),
    then escaped. ``say(text)`` for the page, :attr:`lang` for ``<html lang>``."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang or "en"

    def __call__(self, text: object) -> str:
        if type(text) is str or (self.lang == "en" and isinstance(text, str)):
            return _escaped(str(text), self.lang)  # the same text, the same answer (a batch asks often)
        return escape(str(tr(text, self.lang)), quote=True)

    def text(self, text: object) -> str:
        """Translated, not escaped."""
        return str(tr(text, self.lang))


@lru_cache(maxsize=8192)
def _escaped(text: str, lang: str) -> str:
    """A plain string's page text: in English any text is its own (a Message translates only
    in another language), so its value alone decides."""
    return escape(str(tr(text, lang)), quote=True)
