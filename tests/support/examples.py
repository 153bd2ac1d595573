"""How many examples a property test runs: all of them in the full run, a fifth in the quick loop.

A property test in the quick loop (not marked `slow`) writes its count as
`@settings(max_examples=examples(200), ...)`. The full run (`pytest`, `.ci/run`) and any run of
chosen files (`pytest tests/test_views.py`) try all 200; the quick loop (`pytest -m "not slow"`,
which loads the hypothesis profile "quick", see conftest) tries 40. Same strategies, same
properties, same settings otherwise; only fewer draws, so a bug the quick loop misses the full
run can still find.
"""

from __future__ import annotations

from hypothesis import settings

QUICK = "quick"
SHARE = 5  # the quick loop tries one example in SHARE
FLOOR = 10  # but never fewer than this many


def examples(full: int) -> int:
    """`full` in the full run; in the quick loop a fifth of it, at least FLOOR (never more than full)."""
    if settings.get_current_profile_name() != QUICK:
        return full
    return min(full, max(FLOOR, full // SHARE))


# For property tests that give no count of their own (hypothesis's default is 100).
settings.register_profile(QUICK, max_examples=max(FLOOR, 100 // SHARE))
