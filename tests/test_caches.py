"""Caches of pure computations give what the computation gives, hit or miss."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from milia_cli import identity
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
