"""`milia clients` on an esthetician's folder of 30 clients (issue 17, item 1).

What each client should show is derived from the folder's specs (the log as data:
:mod:`tests.support.clients`) by date arithmetic here, or read back from other commands
(`today`, `stats`, `plan` on that client's file), never from `milia clients` itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest

from conftest import TODAY, Milia
from tests.support.clients import A7_START, BROKEN, LOCKED, SPECS, Spec, build_folder, by_stem

SCHEMA = json.loads((Path(__file__).parent.parent / "milia_cli" / "schemas" / "clients.schema.json").read_text())
TIER = {"stop": 0, "refer": 1, "a7": 1, "irritation": 2, "procedure": 3, "aftercare": 3, "status-change": 3, "shelf": 3,
        "no-checkin": 4}
DAY = timedelta(days=1)


def unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """chmod 000 is enough for a user; root reads anything, so refuse that one path as the OS would."""
    if os.geteuid() != 0:
        return
    real_open = os.open

    def refusing(file, flags, *args, **kwargs):
        if os.fspath(file) == os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    home, folder = build_folder(tmp_path_factory.mktemp("desk"))
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != LOCKED}
    with pytest.MonkeyPatch.context() as mp:
        unreadable(mp, folder / LOCKED)
        as_json = Milia(home)("clients", folder, "--json")
        as_text = Milia(home)("clients", folder)
    return home, folder, as_json, as_text, before


@pytest.fixture(scope="module")
def doc(desk):
    res = desk[2]
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def by_file(doc) -> dict[str, dict]:
    return {c["file"]: c for c in doc["clients"]}


# -- what the log says, derived here ------------------------------------------------------
def expected_kinds(spec: Spec) -> set[str]:
    kinds = set()
    checkins = spec.checkins()
    resumes = [e.date for e in spec.events if e.kind == "resume"]
    severe = [c.date for c in checkins if c.irritation == 3]
    if severe and not any(r >= max(severe) for r in resumes):
        kinds.add("stop")  # B7: stopped until a resume
    if any(TODAY - 6 * DAY <= c.date <= TODAY and c.irritation >= 2 for c in checkins):
        kinds.add("irritation")
    procedures = [e.date for e in spec.events if e.kind != "resume"]
    if any(TODAY < d <= TODAY + 7 * DAY for d in procedures):
        kinds.add("procedure")
    if any(d <= TODAY < d + 14 * DAY for d in procedures):
        kinds.add("aftercare")
    if spec.pregnant_since is not None and spec.pregnant_since <= TODAY < spec.pregnant_since + 14 * DAY:
        kinds.add("status-change")  # B13: the two weeks after the change
    text = spec.text()
    if 'areas = ["upper-eyelids"]' in text or "birth_year = 2012" in text:
        kinds.add("refer")  # A9 (eyelids only), A8 (under 18)
    crop_weeks = {(TODAY - c.date).days // 7 for c in checkins if c.bumps and TODAY - 42 * DAY < c.date <= TODAY}
    if len(crop_weeks) >= 3:
        kinds.add("refer")  # A6: new bumps in 3 of the last 6 weeks
    if spec.start <= TODAY - 83 * DAY and spec.key:  # A7: 12 plan weeks, counts not falling, >= 80 % done
        window = [c for c in checkins if TODAY - 83 * DAY <= c.date <= TODAY]
        counts = [c.count for c in window if c.count is not None]
        if len(counts) >= 2 and counts[-1] >= counts[0] and len(window) / 84 >= 0.8:
            kinds.add("a7")
    if spec.start <= TODAY:
        last = spec.last_checkin() if spec.key else None
        quiet_since = max(last or date.min, spec.start - DAY)
        if (TODAY - quiet_since).days >= 7:
            kinds.add("no-checkin")
    return kinds


def test_the_right_ones_are_on_top(doc):
    expected = sorted(SPECS, key=lambda s: (min((TIER[k] for k in expected_kinds(s)), default=5),
                                            s.name.casefold()))
    files = [c["file"] for c in doc["clients"]]
    good = [f for f in files if f not in (*BROKEN, LOCKED)]
    assert good[:len(SPECS)] == [f"{s.stem}.toml" for s in expected]
    assert files[:5] == ["sofia.toml", "ada.toml", "cora.toml", "eve.toml", "mia.toml"]  # the stop, the referrals
    assert sorted(files[-3:]) == sorted([*BROKEN, LOCKED])  # unreadable files come last, never dropped
    assert len(files) == len(SPECS) + len(BROKEN) + 1


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.stem)
def test_each_alert_fires_exactly_when_it_should(doc, spec):
    client = by_file(doc)[f"{spec.stem}.toml"]
    assert {a["kind"] for a in client["alerts"]} == expected_kinds(spec)


def test_alert_details_are_the_logged_ones(doc):
    clients = by_file(doc)
    alert = lambda file, kind: next(a for a in clients[file]["alerts"] if a["kind"] == kind)  # noqa: E731
    assert alert("sofia.toml", "stop")["rules"] == ["B7"]
    assert alert("sofia.toml", "stop")["date"] == (TODAY - 2 * DAY).isoformat()
    assert alert("ivy.toml", "irritation")["date"] == (TODAY - 3 * DAY).isoformat()
    assert alert("paula.toml", "procedure")["date"] == (TODAY + 5 * DAY).isoformat()
    assert "in 5 days" in alert("paula.toml", "procedure")["text"]
    assert alert("lena.toml", "aftercare")["rules"] == ["E2"]
    assert alert("lena.toml", "aftercare")["date"] == (TODAY - 5 * DAY).isoformat()
    assert alert("pia.toml", "status-change")["date"] == (TODAY - 7 * DAY).isoformat()
    assert alert("eve.toml", "refer")["rules"] == ["A9"]
    assert alert("mia.toml", "refer")["rules"] == ["A8"]
    assert alert("cora.toml", "refer")["rules"] == ["A6"]
    assert alert("sam.toml", "no-checkin")["text"] == "no check-in for 10 days"
    assert clients["pia.toml"]["levels"]["retinol"]["per_week"] == 0  # out of the plan since the change (B1)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.stem)
def test_last_checkin_and_week(doc, spec):
    client = by_file(doc)[f"{spec.stem}.toml"]
    last = spec.last_checkin() if spec.key else None
    assert client["last_checkin"] == (last.isoformat() if last else None)
    started = spec.start <= TODAY
    assert client["week"] == ((TODAY - spec.start).days // 7 + 1 if started else None)
    assert client["status"] == ("active" if started else "not-started")
    assert client["profile"] == spec.key and client["name"] == spec.name


CROSS_CHECKED = [s for s in SPECS if s.key and s.start <= TODAY]


@pytest.mark.parametrize("spec", CROSS_CHECKED, ids=lambda s: s.stem)
def test_planner_alerts_levels_and_adherence_agree_with_today_plan_and_stats(desk, doc, spec):
    home, folder = desk[0], desk[1]
    client = by_file(doc)[f"{spec.stem}.toml"]
    run = Milia(home)
    path = folder / f"{spec.stem}.toml"
    today = json.loads(run("-f", path, "today", "--json").stdout)
    kinds = {a["kind"]: a for a in client["alerts"]}
    stops = [n["id"] for n in today["notices"] if n["level"] == "stop"]
    refers = [n["id"] for n in today["notices"] if n["level"] == "refer" and n["id"] != "A7"]
    assert (kinds["stop"]["rules"] if "stop" in kinds else []) == stops
    assert (kinds["refer"]["rules"] if "refer" in kinds else []) == refers
    assert ("a7" in kinds) == any(n["id"] == "A7" for n in today["notices"])
    assert ("status-change" in kinds) == any(n["id"] == "B13" and n["level"] == "caution" for n in today["notices"])
    assert client["week"] == today["week"]
    tonight = {s["step"] for s in today["pm"]}
    plan = json.loads(run("-f", path, "plan", "--json", "--weeks", str(today["week"])).stdout)
    for step in ("retinol", "exfoliate"):
        history = [lv["per_week"] for lv in plan["levels"].get(step, []) if lv["week"] <= today["week"]]
        level = client["levels"][step]
        if not history:
            assert level is None
        else:
            assert level == {"per_week": history[-1], "tonight": step in tonight}
    stats = json.loads(run("-f", path, "stats", "--days", "14", "--json").stdout)["adherence"]
    assert (client["adherence"]["done"], client["adherence"]["due"]) == (stats["done"], stats["planned"])


def test_adherence_counts_what_was_done(doc):
    clients = by_file(doc)
    calm = clients["calm00.toml"]["adherence"]
    assert calm["due"] > 0 and calm["done"] == calm["due"] and calm["rate"] == 1
    hana = clients["hana.toml"]["adherence"]  # the evenings of the last 7 days left undone
    assert 0.5 < hana["rate"] < 0.9
    sam = clients["sam.toml"]["adherence"]  # 4 of the 13 past days logged (today is open)
    assert sam["done"] < sam["due"] and abs(sam["rate"] - 4 / 13) < 0.05
    nell = clients["nell.toml"]["adherence"]
    assert nell["done"] == 0 and nell["due"] > 0


def test_broken_files_are_listed_with_their_reason_and_hide_nothing(desk, doc):
    clients = by_file(doc)
    assert doc["counts"] == {"files": len(SPECS) + 3, "broken": 3,
                             "attention": sum(1 for s in SPECS if expected_kinds(s))}
    for name in (*BROKEN, LOCKED):
        c = clients[name]
        assert c["status"] == "broken" and c["attention"] == "broken" and c["alerts"] == []
        assert "\n" not in c["error"] and str(desk[1] / name) in c["error"]
    assert "pregnancy" in clients["broken-value.toml"]["error"]
    assert "not valid TOML" in clients["broken-toml.toml"]["error"]
    assert "ermission denied" in clients[LOCKED]["error"]
    assert all(f"{s.stem}.toml" in clients for s in SPECS)
    text = desk[3]
    assert text.exit_code == 0 and "Traceback" not in text.output
    assert text.stderr.strip().endswith("3 could not be read (listed last).")
    lines = text.stdout.splitlines()
    assert len(lines) == 1 + len(SPECS) + 3
    assert [line.split()[0] for line in lines[-3:]] == ["broken-toml.toml", "broken-value.toml", LOCKED]
    assert "broken: is not valid TOML" in lines[-3]


def test_json_validates_against_the_published_schema(doc):
    jsonschema.validate(doc, SCHEMA)
    assert doc["schema"] == "milia.clients/1"
    assert {c["attention"] for c in doc["clients"]} == {"stop", "refer", "irritation", "procedure", "no-checkin",
                                                        "none", "broken"}


def test_plain_text_has_one_line_per_file_and_no_trailing_spaces(desk):
    text = desk[3].stdout
    lines = text.splitlines()
    assert lines[0].split() == ["Client", "File", "Week", "Retinol", "Acid", "Last", "check-in", "14", "days",
                                "Needs"]
    assert all(line == line.rstrip() for line in lines)
    assert "\x1b" not in text and "─" not in text
    sofia = next(line for line in lines if line.startswith("Sofia Stop"))
    assert "STOP B7" in sofia and "sofia.toml" in sofia
    hana = next(line for line in lines if "hana.toml" in line)
    columns = lambda text: sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)  # noqa: E731
    assert columns(hana[:hana.index("hana.toml")]) == columns(sofia[:sofia.index("sofia.toml")])  # Hangul: 2 a letter


def test_nothing_is_written(desk):
    folder, before = desk[1], desk[4]
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != LOCKED}
    assert after == before  # Nina's file got no id: a dashboard claims nothing
    assert "id" not in tomllib.loads((folder / "nina.toml").read_text(encoding="utf-8"))


def _script() -> str:
    candidate = Path(sys.executable).parent / "milia"
    if not candidate.exists():
        pytest.skip("no milia script next to this Python")
    return str(candidate)


@pytest.mark.slow
def test_milia_now_sets_the_day_through_the_real_script(desk):
    """The console script, MILIA_NOW pinned a week later: Paula's extraction is aftercare now,
    Sofia's stop still holds, Ivy's irritation has left the 7-day window."""
    home, folder = desk[0], desk[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MILIA_")}
    later = TODAY + 7 * DAY
    env.update(MILIA_HOME=str(home), MILIA_NOW=later.isoformat(), NO_COLOR="1")
    proc = subprocess.run([_script(), "clients", str(folder), "--json"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    clients = by_file(json.loads(proc.stdout))
    kinds = {f: {a["kind"] for a in c["alerts"]} for f, c in clients.items()}
    assert clients["paula.toml"]["today"] == later.isoformat()
    assert "aftercare" in kinds["paula.toml"] and "procedure" not in kinds["paula.toml"]
    assert "stop" in kinds["sofia.toml"] and "irritation" not in kinds["ivy.toml"]
    assert "no-checkin" in kinds["calm00.toml"]  # nobody logged the week after TODAY
    assert "procedure" in kinds["pete.toml"]  # 8 days ahead of TODAY is 1 day ahead now
    assert clients["ada.toml"]["week"] == (later - A7_START).days // 7 + 1
    assert by_stem()["pete"].events[0].date - later == DAY
