"""`milia plan`, `milia today` and `milia why` through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from conftest import BASE_PROFILE, TODAY, fake_env

PREGNANT = BASE_PROFILE.replace('pregnancy = "none"', 'pregnancy = "pregnant"')


@pytest.fixture
def ana(milia):
    milia.write_profile()
    return milia


def test_plan_json_is_the_spec_structure(ana):
    res = ana("plan", "--json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert list(data) == ["schema", "profile", "name", "start", "from", "weeks", "levels", "days", "notices"]
    assert data["schema"] == "milia.plan/1" and data["profile"] == "default" and data["start"] == "2026-11-23"
    assert data["from"] == "2026-11-23"  # today is day 1: the view opens at this plan week
    assert data["name"] == "ana"  # "profile" is the identity (the log key), "name" the person's
    assert data["weeks"] == 12 and len(data["days"]) == 84
    step = data["days"][0]["pm"][2]
    assert step["step"] == "retinol"
    assert set(step) == {"step", "title", "areas", "avoid", "how", "rules", "product"}  # product: the shelf (issue 15)
    assert step["product"] is None  # nothing on the shelf
    assert {"id", "level", "text", "source"} == set(data["notices"][0])
    assert res.stderr == ""


def test_plan_json_is_byte_identical_between_runs(ana):
    assert ana("plan", "--json").stdout == ana("plan", "--json").stdout


def test_plan_week_and_weeks_and_from(ana):
    data = json.loads(ana("plan", "--json", "--week", "3").stdout)
    assert {d["week"] for d in data["days"]} == {3} and len(data["days"]) == 7
    data = json.loads(ana("plan", "--json", "--weeks", "2", "--from", "2028-02-29").stdout)
    assert data["start"] == "2026-11-23" and data["from"] == "2028-02-29" and len(data["days"]) == 14  # a view
    assert data["days"][0]["week"] == 67
    data = json.loads(ana("plan", "--json", "--weeks", "2", "--start", "2028-02-29").stdout)
    assert data["start"] == "2028-02-29" and data["days"][0]["week"] == 1 and len(data["days"]) == 14  # rebased
    data = json.loads(ana("plan", "--json", "--week", "20").stdout)
    assert data["days"][0]["week"] == 20


def test_plan_table_fits_80_columns(ana):
    res = ana("plan", "--weeks", "4")
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    assert "Week 3" in res.stdout and "RETINOL" in res.stdout and "EXFOLIATE" in res.stdout
    assert "exfoliate: 1×/week from week 4" in res.stdout  # revision 2 (B11): after retinol's week-3 step
    assert "\x1b[" not in res.stdout  # no colour when not asked


@pytest.mark.parametrize("args", [["--from", "2026-02-30"], ["--from", "next week"]])
def test_plan_bad_date_is_one_sentence(ana, args):
    res = ana("plan", *args)
    # a bad date flag is a usage error (2), the same for every command (issue 12, item 4); "tomorrow" is a date now
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.startswith("milia: --from") and "YYYY-MM-DD" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("args", [["--weeks", "0"], ["--week", "-1"], ["--weeks", "9999"]])
def test_plan_bad_numbers_are_usage_errors(ana, args):
    assert ana("plan", *args).exit_code == 2


def test_plan_without_profile_is_a_clear_error(milia):
    res = milia("plan")
    assert res.exit_code == 1 and "milia init" in res.stderr


def test_pregnant_plan_has_no_retinol(milia):
    milia.write_profile(PREGNANT)
    data = json.loads(milia("plan", "--json").stdout)
    assert not any(s["step"] == "retinol" for d in data["days"] for s in d["pm"])
    assert any(n["id"] == "B1" for n in data["notices"])


def test_today_lists_steps_in_order_and_notices(ana):
    res = ana("today", today=date(2026, 11, 23))
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    assert out.index("Morning") < out.index("Evening")
    assert out.index("Gentle cleanser") < out.index("Broad-spectrum sunscreen")
    assert "Retinol" in out and "week 1, day 1" in out and "N6" in out
    assert "\x1b[" not in out


def test_today_json_marks_new_steps(ana):
    res = ana("today", "--json", "--date", "2026-12-12", today=date(2026, 12, 12))
    data = json.loads(res.stdout)
    assert data["schema"] == "milia.today/1" and data["week"] == 3 and data["started"] is True
    exfoliate = [s for s in data["pm"] if s["step"] == "exfoliate"][0]
    assert exfoliate["new"] is True and exfoliate["id"] == "pm:exfoliate" and exfoliate["done"] is False
    assert [s["id"] for s in data["am"]][0] == "am:cleanse"


def test_today_before_the_start_says_when(ana):
    res = ana("today", today=date(2026, 11, 20))
    assert res.exit_code == 0 and "2026-11-23" in res.stdout and "in 3 days" in res.stdout
    data = json.loads(ana("today", "--json", today=date(2026, 11, 20)).stdout)
    assert data == {"schema": "milia.today/1", "profile": "default", "name": "ana", "started": False,
                    "date": "2026-11-20", "start": "2026-11-23"}


def test_today_bad_date(ana):
    res = ana("today", "--date", "2026-13-01")
    assert res.exit_code == 2 and "--date" in res.stderr and res.stdout == ""  # usage, as everywhere (issue 12)


def test_today_colour_only_when_the_environment_says_so(ana, home):
    from typer.testing import CliRunner

    from milia_cli.cli import app

    env = fake_env(TODAY, color=True)
    CliRunner().invoke(app, ["--home", str(home), "today"], obj=env)
    assert "\x1b[" in env.stdout.getvalue()


@pytest.mark.slow
def test_today_does_not_import_rich(home):
    (home / "profiles").mkdir(mode=0o700)
    (home / "profiles" / "default.toml").write_text(BASE_PROFILE)
    (home / "profiles" / "default.toml").chmod(0o600)
    code = ("import sys; from milia_cli.cli import run; rc = run(['today']); "
            "print('RICH' if any(m.split('.')[0] == 'rich' for m in sys.modules) else 'OK', rc)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "MILIA_HOME": str(home), "MILIA_NOW": "2026-11-25"})
    assert out.stdout.strip().endswith("OK 0"), out.stdout + out.stderr


def test_why_retinol_cites_b1_to_b9_with_sources(ana):
    res = ana("why", "retinol")
    assert res.exit_code == 0
    for i in range(1, 10):
        assert f"B{i} —" in res.stdout
    assert "seeds/002_e3e05ccda6f7924d.txt" in res.stdout
    assert ana("why", "pm:retinol").stdout == res.stdout


def test_why_rule_shows_text_source_and_disagreement(ana):
    res = ana("why", "b2")
    assert res.exit_code == 0
    assert "No retinol while breastfeeding" in res.stdout and "LactMed" in res.stdout
    assert "Disagreement" in res.stdout and "S2 (seeds/002_e3e05ccda6f7924d.txt)" in res.stdout


def test_why_lists_every_rule(milia):
    res = milia("why")  # works without a profile
    assert res.exit_code == 0
    for rid in ("A1", "B10", "C8", "D7", "E2", "N9"):
        assert f"  {rid} " in res.stdout
    data = json.loads(milia("why", "--json").stdout)
    assert len(data["rules"]) == 52  # revision 2: A9, A10, B11–B13, C9, D8, D9


def test_why_json_for_a_step(milia):
    data = json.loads(milia("why", "exfoliate", "--json").stdout)
    assert data["step"] == "exfoliate" and "C7" in [r["id"] for r in data["rules"]]


def test_why_unknown_topic(milia):
    res = milia("why", "snail-mucin")
    assert res.exit_code == 1 and "neither a step nor a rule" in res.stderr
