"""The benchmark harness works: its data is valid milia data and every command line runs.

No timing is asserted here (timings belong to ``benchmarks/run.py``); these tests
only check that the generators produce what milia accepts and that a ``--quick``
run prints every row and measures every case whose command exists.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
sys.path.insert(0, str(BENCH))

import datagen  # noqa: E402
import importtime  # noqa: E402
import run as bench_run  # noqa: E402


def milia_commands() -> set[str]:
    """The top-level commands milia has right now (areas land independently)."""
    import typer

    from milia_cli.cli import app

    return set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_generated_log_is_valid_milia_log_json():
    from milia_cli.store_json import log_from_dict

    first, last = date(2016, 11, 23), date(2026, 11, 22)
    doc = datagen.log_document("default", first, last, seed=3)
    parsed = log_from_dict(json.loads(json.dumps(doc)), "generated")
    assert parsed.profile == "default"
    assert parsed.checkins[0].date >= first and parsed.checkins[-1].date <= last
    assert 0.8 * (last - first).days < len(parsed.checkins) <= (last - first).days + 1
    assert datagen.log_document("default", first, last, seed=3) == doc  # deterministic


def test_generated_profiles_and_clients_load(tmp_path):
    from milia_cli.profile import load_profile

    paths = datagen.write_clients(tmp_path / "clients", 40, date(2026, 10, 1))
    assert len(paths) == 40
    profiles = [load_profile(p) for p in paths]
    assert len({p.skin.type for p in profiles}) > 1  # varied, not one client 40 times
    home_profile = datagen.write_profile(tmp_path / "home", date(2026, 11, 1))
    assert load_profile(home_profile).schedule.start == date(2026, 11, 1)
    assert (home_profile.stat().st_mode & 0o777) == 0o600


def test_logs_load_through_the_store(tmp_path):
    from milia_cli.store import open_store

    day = date(2026, 11, 1)
    docs = [(f"c{i}", datagen.log_document(f"c{i}", day, day + timedelta(days=9), seed=i)) for i in range(3)]
    written = datagen.load_logs(tmp_path / "milia.db", docs)
    with open_store(tmp_path / "milia.db") as store:
        assert sorted(store.profile_keys()) == ["c0", "c1", "c2"]
        assert sum(len(store.read_log(k).checkins) for k, _ in docs) == written


def test_importtime_parser_links_each_module_to_its_importer():
    sample = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       100 |        100 |     _json\n"
        "import time:       300 |        400 |   json\n"
        "import time:       200 |        600 | milia_cli.store\n"
        "import time:        50 |         50 | typer\n"
    )
    rows = {r.name: r for r in importtime.parse(sample)}
    assert rows["_json"].parent is rows["json"]
    assert rows["json"].parent is rows["milia_cli.store"]
    assert rows["milia_cli.store"].parent is None and rows["typer"].parent is None
    assert importtime.milia_importer(rows["_json"]) == "milia_cli.store"


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "result.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--no-jrnl", "--json", str(out)],
        capture_output=True, text=True, cwd=REPO, timeout=600,
    )
    return proc, json.loads(out.read_text()) if out.exists() else None


def test_quick_run_prints_every_row_and_exits_0(quick_run):
    proc, doc = quick_run
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert doc is not None
    for case in doc["cases"]:
        assert case["label"] in proc.stdout
    for ratio in bench_run.RATIOS:
        assert ratio.label in proc.stdout
    assert "batch -> html, total" in proc.stdout
    assert "machine:" in proc.stdout and "typer" in proc.stdout


def test_quick_run_measures_every_case_whose_command_exists(quick_run):
    _, doc = quick_run
    available = milia_commands()
    broken = [
        f"{c['key']} (milia {' '.join(c['argv'])}): {c['error']}"
        for c in doc["cases"]
        if (c["needs"] is None or c["needs"] in available) and c["median"] is None
    ]
    assert broken == []
