"""Issue 17, item 3: the gettext catalogues are complete and current.

- every text milia extracts (messages, the rules' texts, the steps' texts: milia_cli/locale/babel.cfg)
  has a Korean translation with the same {fields}: none empty, fuzzy or with a field missing;
- the .po and the .pot hold exactly the msgids Babel extracts from the source now (a text
  changed in the code and not in the catalogue fails here);
- the compiled .mo says what the .po says (a .po edited and not compiled fails here);
- the reader's words: the Korean of every command phrase a handout rewrites is where the
  Korean rule text has it, so a Korean handout never shows a command either.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from milia_cli import i18n
from milia_cli.i18n_babel import problems
from milia_cli.messages import report as rmsg

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "milia_cli" / "locale"
PO = LOCALE / "ko" / "LC_MESSAGES" / "milia.po"


def extracted() -> set[str]:
    """What Babel extracts from the source now, with the project's own mapping."""
    with (LOCALE / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    return {message for _file, _line, message, _comments, _context
            in extract_from_dir(str(REPO), method_map, options_map) if message}


def msgids(path: Path) -> set[str]:
    with path.open("rb") as fh:
        return {m.id for m in read_po(fh) if m.id}


def test_every_extracted_text_has_a_korean_translation():
    assert problems(PO) == []


def test_the_catalogues_are_current_with_the_source():
    now = extracted()
    assert len(now) > 500  # the mapping really found the messages, rules and steps
    stale, missing = msgids(PO) - now, now - msgids(PO)
    assert not missing, f"texts with no catalogue entry (re-extract and update): {sorted(missing)[:5]}"
    assert not stale, f"catalogue entries no text has any more: {sorted(stale)[:5]}"
    assert msgids(LOCALE / "milia.pot") == now


def test_the_compiled_catalogue_is_the_po():
    with PO.open("rb") as fh:
        want = {m.id: m.string for m in read_po(fh) if m.id}
    with PO.with_suffix(".mo").open("rb") as fh:
        got = {k: v for k, v in gettext.GNUTranslations(fh)._catalog.items() if k}
    assert got == want, "the .mo is stale: run python -m milia_cli.i18n_babel compile"


def test_rule_and_step_texts_are_all_translated():
    from milia_cli.catalogue import STEPS
    from milia_cli.rules import RULES

    cat = i18n.catalog("ko")
    texts = [t for r in RULES.values() for t in (r.title, r.when, r.action, r.disagreement, r.design) if t]
    texts += [t for s in STEPS for t in (s.title, s.short, *s.how.values())]
    same = {"SPF 30+"}  # reads the same in Korean
    untranslated = [t for t in texts if cat.gettext(t) == t and t not in same]
    assert untranslated == []


def rule_texts() -> list[str]:
    from milia_cli.messages import plan as pmsg
    from milia_cli.rules import RULES

    texts = [t for r in RULES.values() for t in (r.action, r.disagreement, r.design) if t]
    return texts + [v for v in vars(pmsg).values() if isinstance(v, str) and "`" in v]


@pytest.mark.parametrize("before,after", rmsg.COMMAND_PHRASES + rmsg.SOURCE_PHRASES)
def test_the_korean_of_each_reader_phrase_is_in_the_korean_text(before, after):
    """The handout rewrites "after you run `milia resume` (when" and the like: in Korean too,
    so the Korean phrase must be exactly where the Korean rule text says it."""
    holders = [t for t in rule_texts() if before in t]
    assert holders, f"no text holds {before!r} any more"
    ko_before = i18n.tr(before, "ko")
    for text in holders:
        assert ko_before in i18n.tr(text, "ko"), (ko_before, i18n.tr(text, "ko"))


def test_english_is_the_source_and_never_loads_a_catalogue():
    from milia_cli.messages import plan as pmsg

    text = pmsg.B6_PAUSED.format(what=pmsg.IRRITATION_2, day="Wed 2 Dec 2026", acid="Wed 9 Dec 2026")
    assert i18n.tr(text, "en") is text
    assert "en" not in i18n._CATALOGS


def test_the_wheel_ships_the_catalogues():
    """package-data names the .po and .mo of every language (checked by hand with
    `pip wheel . -w /tmp/w && unzip -l /tmp/w/milia_cli-*.whl | grep locale`)."""
    import fnmatch
    import tomllib

    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["milia_cli"]
    for path in (PO, PO.with_suffix(".mo"), LOCALE / "babel.cfg", LOCALE / "milia.pot"):
        rel = str(path.relative_to(REPO / "milia_cli"))
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), rel
    assert "babel" in " ".join(data["project"]["dependencies"])
