"""`milia log export` / `milia log import`: exact round trips, atomic 0600 files, all-or-nothing import."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.logmodel import PROCEDURE_KINDS, CheckIn, Event, Log
from milia_cli.profile import AREAS
from milia_cli.store import open_store
from milia_cli.store_json import STEP_IDS, log_from_dict, log_to_dict
from tests.support.examples import examples

DAY0 = date(2020, 1, 1)

step_sets = st.frozensets(st.sampled_from(sorted(STEP_IDS)), max_size=6)
notes = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x7f"),
            max_size=80),
    st.just("line one\nline two\ttabbed · 乾燥 🧴"),
)


@st.composite
def checkins(draw) -> CheckIn:
    day = DAY0 + timedelta(days=draw(st.integers(0, 4000)))
    all_done = draw(st.booleans())
    done = frozenset() if all_done else draw(step_sets)
    skipped = draw(step_sets) - done
    return CheckIn(day, done, skipped, all_done, draw(st.one_of(st.none(), st.integers(0, 3))),
                   draw(st.one_of(st.none(), st.integers(0, 10_000))), draw(notes), draw(st.booleans()))


events = st.builds(
    Event,
    st.integers(0, 4000).map(lambda n: DAY0 + timedelta(days=n)),
    st.sampled_from(PROCEDURE_KINDS),
    st.frozensets(st.sampled_from(AREAS), max_size=4).map(lambda s: tuple(a for a in AREAS if a in s)),
    st.just(False),
)


@st.composite
def logs(draw) -> Log:
    by_day = {c.date: c for c in draw(st.lists(checkins(), max_size=30))}
    evs = sorted(set(draw(st.lists(events, max_size=6))), key=lambda e: (e.date, e.kind, e.areas))
    return Log(tuple(sorted(by_day.values(), key=lambda c: c.date)), tuple(evs))


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(log=logs())
def test_import_then_export_round_trips_exactly(tmp_path_factory, log: Log) -> None:
    doc = log_to_dict("ana", log)
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    assert log_from_dict(json.loads(text), "x").checkins == log.checkins
    db = tmp_path_factory.mktemp("rt") / "milia.db"
    with open_store(db) as store:
        report = store.import_log("ana", json.loads(text))
        assert (report.added, report.replaced, report.events_added) == (len(log.checkins), 0, len(log.events))
        assert store.read_log("ana") == log
        exported = store.export_log("ana")
        assert exported == doc
        assert json.dumps(exported, ensure_ascii=False, indent=2) == text  # byte-identical
        again = store.import_log("ana", exported)
        assert (again.added, again.replaced, again.events_added) == (0, len(log.checkins), 0)
        assert store.export_log("ana") == doc


def test_cli_export_file_is_private_and_import_reports(milia, tmp_path: Path) -> None:
    milia.write_profile()
    milia("checkin", "--all", "--irritation", "1", today=date(2026, 11, 23))
    milia("checkin", "--done", "cleanse", "--note", "π", today=date(2026, 11, 24))
    milia("event", "add", "--kind", "extraction", "--date", "2026-11-24", "--area", "cheeks",
          today=date(2026, 11, 24))
    out = tmp_path / "backup" / "log.json"
    res = milia("log", "export", "-o", str(out), today=date(2026, 11, 24))
    assert res.exit_code == 0 and "2 check-ins and 1 event of" in res.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    doc = json.loads(out.read_text())
    assert doc["schema"] == "milia.log/1" and doc["profile"] == "default"
    # export writes the step ids, never "all" (invariant 12)
    assert "pm:retinol" in doc["checkins"][0]["done"] and doc["checkins"][1]["done"] == ["am:cleanse", "pm:cleanse"]
    stdout = milia("log", "export").stdout
    assert json.loads(stdout) == doc and stdout == out.read_text()

    other = milia.home.parent / "other-home"
    other.mkdir()
    from conftest import Milia

    fresh = Milia(other)
    fresh.write_profile()
    res = fresh("log", "import", str(out))
    assert res.exit_code == 0, res.output
    assert "2 days added, 0 days replaced, 1 event added" in res.stdout
    assert fresh("log", "export").stdout == stdout.replace('"profile": "default"', '"profile": "default"')
    res = fresh("log", "import", str(out))
    assert "0 days added, 2 days replaced, 0 events added" in res.stdout


def test_import_from_stdin(milia) -> None:
    import io

    from conftest import fake_env

    milia.write_profile()
    env = fake_env()
    env.stdin = io.StringIO(json.dumps({"schema": "milia.log/1", "checkins": [{"date": "2026-11-23", "done": "all"}]}))
    res = milia("log", "import", "-", env=env)
    assert res.exit_code == 0 and "1 day added" in res.stdout


def bad_docs() -> list[tuple[str, str]]:
    good = {"date": "2026-11-24", "done": "all"}
    cases = [
        ("not json {", "not valid JSON"),
        ("[]", "expected a JSON object"),
        (json.dumps({"schema": "milia.log/2", "checkins": []}), "milia.log/1"),
        (json.dumps({"checkins": []}), "'schema' is missing"),
        (json.dumps({"schema": "milia.log/1", "checkins": [good, {"date": "2026-02-30"}]}), "2026-02-30"),
        (json.dumps({"schema": "milia.log/1", "checkins": [good, good]}), "appears twice"),
        (json.dumps({"schema": "milia.log/1", "checkins": [good, {"date": "2026-11-25", "done": ["am:fly"]}]}),
         "am:fly"),
        (json.dumps({"schema": "milia.log/1", "checkins": [{"date": "2026-11-25", "irritation": 9}]}), "irritation"),
        (json.dumps({"schema": "milia.log/1", "checkins": [{"date": "2026-11-25", "bumps": 1.5}]}), "bumps"),
        (json.dumps({"schema": "milia.log/1", "checkins": [{"date": "2026-11-25", "note": "a\x00b"}]}),
         "control character"),
        (json.dumps({"schema": "milia.log/1", "checkins": [{"date": "2026-11-25", "mood": "ok"}]}), "unknown key"),
        (json.dumps({"schema": "milia.log/1", "events": [{"date": "2026-11-25", "kind": "botox"}]}), "botox"),
        (json.dumps({"schema": "milia.log/1", "events": [{"date": "2026-11-25", "kind": "laser",
                                                           "areas": ["elbow"]}]}), "elbow"),
        (json.dumps({"schema": "milia.log/1", "profile": "bea", "checkins": [good]}), "--force"),
        ("[" * 100_000, "not valid JSON"),
    ]
    return cases


def test_bad_imports_write_nothing(milia, tmp_path: Path) -> None:
    milia.write_profile()
    milia("checkin", "--all", "--irritation", "2", today=date(2026, 11, 23))
    before = milia("log", "export").stdout
    for i, (content, words) in enumerate(bad_docs()):
        path = tmp_path / f"bad{i}.json"
        path.write_text(content)
        res = milia("log", "import", str(path))
        assert res.exit_code == 1, (content[:80], res.output)
        assert words in res.stderr, (words, res.stderr)
        assert res.stderr.count("\n") == 1 and "Traceback" not in res.output
        assert milia("log", "export").stdout == before
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "not UTF-8" in milia("log", "import", str(binary)).stderr
    assert "Could not read" in milia("log", "import", str(tmp_path / "missing.json")).stderr
    assert milia("log", "export").stdout == before


def test_export_of_a_home_without_database_is_empty_and_creates_nothing(milia) -> None:
    milia.write_profile()
    res = milia("log", "export")
    assert json.loads(res.stdout) == {"schema": "milia.log/1", "profile": "default", "name": "ana", "checkins": [],
                                      "events": [], "changes": []}
    assert not (milia.home / "milia.db").exists()
