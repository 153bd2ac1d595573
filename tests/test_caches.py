"""Caches of pure computations give what the computation gives, hit or miss."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from milia_cli import identity
from milia_cli.dates import in_range, usable_rows
from tests.support.examples import examples

_ids = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_files = st.one_of(
    st.binary(max_size=80),
    st.builds(lambda key, value, tail: f'{key} = "{value}"\n{tail}'.encode(),
              st.sampled_from(["id", '"id"', "'id'", "idx", "name", "[t]\nid"]), _ids,
              st.sampled_from(["", 'name = "ana"\n', "id = 'twice'\n", "[skin]\ntype = 'dry'\n", "= broken"])),
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_files, max_size=90))
def test_the_id_a_file_holds_is_the_same_read_once_or_again(files):
    for raw in files + files[::-1]:  # every file twice: once parsed, once (maybe) from the cache
        assert identity._explicit_id(raw) == (identity._parse_explicit_id(raw) if b"id" in raw else None)
    assert len(identity._EXPLICIT_IDS) <= 64


@given(st.lists(st.tuples(st.dates(date(1800, 1, 1), date(2300, 1, 1)), st.sampled_from([None, 0, 1, 2, 3]))))
def test_usable_history_rows_are_the_rows_in_range_whatever_their_order(rows):
    kept, bad = usable_rows(iter(rows))
    assert kept == tuple(r for r in rows if in_range(r[0]))
    assert bad == [f"check-in {r[0]}" for r in rows if not in_range(r[0])]


@settings(max_examples=examples(40), deadline=None)
@given(st.sampled_from(["Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "UTC", "Asia/Tehran"]),
       st.dates(date(2020, 1, 1), date(2035, 1, 1)), st.integers(0, 800))
def test_a_zones_transitions_are_the_same_asked_once_or_again(zone, first, days):
    from datetime import timedelta

    from milia_cli.exporters import tzrules

    last = first + timedelta(days=days)
    fresh = list(tzrules._transitions.__wrapped__(zone, first, last))
    assert tzrules.transitions(zone, first, last) == fresh
    assert tzrules.transitions(zone, first, last) == fresh  # from the cache


def _texts() -> list[str]:
    from milia_cli.messages import plan as plan_msg
    from milia_cli.messages import report as report_msg
    from milia_cli.rules_data import RULES

    out = [v for m in (plan_msg, report_msg) for v in vars(m).values() if isinstance(v, str) and "{" not in v]
    out += [r.action for r in RULES]
    out.append(plan_msg.HELD_UNLOGGED.format(weeks="1, 2 and 3"))
    return out


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_texts()), st.text(max_size=40)), max_size=12),
       st.sampled_from(["en", "ko"]))
def test_a_handout_text_is_the_same_rewritten_and_escaped_once_or_again(texts, lang):
    from html import escape

    from milia_cli.exporters.html_style import Say
    from milia_cli.exporters.reader_words import _reader, _rewrite
    from milia_cli.i18n import tr

    say = Say(lang)
    for text in texts + texts[::-1]:  # every text twice: once computed, once (maybe) from the cache
        assert _reader(text, lang) == _rewrite(text, lang)
        assert say(text) == escape(str(tr(text, lang)), quote=True)
