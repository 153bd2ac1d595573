"""The width-aware pieces of render.text that `today`, `plan` and `stats` share: wrap (between
words only, never at a hyphen, "10 %" whole), fold (one line with "…"), pack (step labels),
strip_trailing (colour codes kept)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from milia_cli.render.text import fold, pack, packed, strip_trailing, wrap
from tests.support.examples import examples

WORD = st.text(alphabet="abcdefghij-%×0123456789", min_size=1, max_size=14)
WORDS = st.lists(WORD, min_size=1, max_size=30)


@settings(max_examples=examples(200), deadline=None)
@given(words=WORDS, width=st.integers(8, 120))
def test_wrap_breaks_only_between_words(words, width):
    text = " ".join(words)
    lines = wrap(text, "", width)
    assert " ".join(lines).split() == text.split()  # no word split, none lost
    for line in lines:
        assert len(line) <= width or " " not in line.replace(" %", "").replace(" ×", "")


def test_wrap_keeps_units_and_hyphens_whole():
    text = "a leave-on AHA (glycolic or lactic) of at most 10 %, or salicylic acid 0.5–2 % with SPF 30+"
    for width in range(12, 90):
        lines = wrap(text, "  ", width)
        assert not any(line.endswith(("10", "2", "SPF", "-")) for line in lines), (width, lines)
        assert " ".join(" ".join(lines).split()) == text


def test_wrap_lets_only_a_longer_word_overflow():
    assert wrap("see upper-eyelids-and-under-eyes now", "", 10) == ["see", "upper-eyelids-and-under-eyes", "now"]


@settings(max_examples=examples(200), deadline=None)
@given(words=WORDS, width=st.integers(8, 120))
def test_fold_is_one_line_cut_between_words(words, width):
    text = " ".join(words)
    line = fold(text, width)
    assert "\n" not in line
    if line == text:
        assert len(text) <= width
    else:
        assert line.endswith("…")
        kept = line[:-1].split()
        assert kept == text.split()[:len(kept)]  # whole words, from the start
        # only one unbreakable unit may overflow: a word, or a number with its unit ("10 %", "0 ×2")
        assert len(line) <= width or " " not in line[:-1].replace(" %", "").replace(" ×", "")


@settings(max_examples=examples(200), deadline=None)
@given(tokens=st.lists(st.text(alphabet="ab c", min_size=1, max_size=12).map(str.strip).filter(bool),
                       min_size=1, max_size=12), width=st.integers(4, 80))
def test_pack_never_splits_a_token(tokens, width):
    lines = packed(tokens, width, "", "  ")
    assert [i for row in pack(tokens, width, 0, 2) for i in row] == list(range(len(tokens)))
    joined = " ".join(line.strip() for line in lines)
    assert joined.split(" · ") == tokens
    for n, line in enumerate(lines):
        if n < len(lines) - 1:
            assert line.endswith(" ·")
        assert len(line) <= width or " · " not in line.strip()


def test_strip_trailing_keeps_colour_codes():
    assert strip_trailing("a  \nb\x1b[1m  \x1b[0m  \n  \nc") == "a\nb\x1b[1m\x1b[0m\n\nc"
