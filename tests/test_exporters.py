"""JSON (+ schema), CSV and Markdown exporters, through the core and the CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from conftest import BASE_PROFILE
from milia_cli.exporters.csv_export import export_csv
from milia_cli.exporters.json_export import export_json, plan_schema_text
from milia_cli.exporters.markdown import export_markdown, md_escape
from milia_cli.exporters.reader_words import for_reader
from tests.support.exporters import hand_plan, plan_for, profile, profiles

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = jsonschema.Draft202012Validator(json.loads(plan_schema_text()), format_checker=jsonschema.FormatChecker())


# -- JSON ------------------------------------------------------------------------------------
def test_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(plan_schema_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.slow
@SETTINGS
@given(prof=profiles())
def test_every_generated_plan_matches_the_schema(prof):
    VALIDATOR.validate(json.loads(export_json(plan_for(prof, 6))))


def test_schema_rejects_what_is_not_a_plan():
    doc = json.loads(export_json(plan_for(profile(), 1)))
    for broken in ({**doc, "schema": "milia.plan/2"}, {**doc, "extra": 1}, {**doc, "weeks": 0},
                   {**doc, "days": [{**doc["days"][0], "date": "23.11.2026"}]},
                   {**doc, "notices": [{"id": "N1", "level": "panic", "text": "x", "source": ""}]}):
        with pytest.raises(jsonschema.ValidationError):
            VALIDATOR.validate(broken)


def test_export_json_is_the_plan_json():
    plan = plan_for(profile(), 3)
    assert json.loads(export_json(plan)) == plan.to_dict()
    assert export_json(plan).endswith("}\n")


# -- CSV -------------------------------------------------------------------------------------
def test_csv_one_row_per_step_per_day():
    prof = profile()
    plan = plan_for(prof, 2)
    rows = list(csv.DictReader(io.StringIO(export_csv(plan, prof))))
    assert len(rows) == sum(len(d.steps) for d in plan.days)
    first = rows[0]
    assert first["date"] == "2026-11-23" and first["week"] == "1" and first["slot"] == "am"
    assert first["time"] == "07:30" and first["weekday"] == "Mon"
    evening = [r for r in rows if r["slot"] == "pm"]
    assert {r["time"] for r in evening} == {"21:30"}
    got = {(r["date"], r["slot"], r["step"]) for r in rows}
    assert got == {(d.date.isoformat(), s.slot, s.step) for d in plan.days for s in d.steps}


def test_google_csv_headers_and_formats():
    prof = profile()
    plan = plan_for(prof, 1)
    text = export_csv(plan, prof, google=True, per_step=True)
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    assert header == ["Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event",
                      "Description", "Location", "Private"]
    rows = list(reader)
    assert len(rows) == sum(len(d.steps) for d in plan.days)
    for row in rows:
        datetime.strptime(row[1] + " " + row[2], "%m/%d/%Y %I:%M %p")
        assert row[5] == "False" and row[8] == "True"
    assert rows[0][1:5] == ["11/23/2026", "07:30 AM", "11/23/2026", "07:40 AM"]
    assert any(r[2] == "09:30 PM" for r in rows)


def test_csv_quotes_hostile_text_and_defuses_formulas():
    prof = profile()
    plan = hand_plan(prof, 1, title_suffix=', "quoted"; semi\nnew line')
    rows = list(csv.DictReader(io.StringIO(export_csv(plan, prof))))
    assert rows[0]["title"] == 'Gentle cleanser, "quoted"; semi\nnew line'

    evil = plan._replace(days=tuple(
        d._replace(am=tuple(s._replace(title="=HYPERLINK(1)") for s in d.am)) for d in plan.days))
    rows = list(csv.DictReader(io.StringIO(export_csv(evil, prof))))
    assert rows[0]["title"] == "'=HYPERLINK(1)"


# -- Markdown --------------------------------------------------------------------------------
def test_markdown_handout_sections_and_escaping():
    prof = profile(name="Ana | *Bold* <script>alert(1)</script> [x](y)")
    plan = plan_for(prof, 4)
    text = export_markdown(plan, prof, clinician="Dr. _Roe_")
    assert text.startswith("# Skincare plan for Ana \\| \\*Bold\\* &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](y)")
    assert "<script>" not in text
    for heading in ("## Your week-by-week schedule", "## How to use each product",
                    "## Why the active nights build up slowly", "## Please read", "## Prepared by"):
        assert heading in text
    assert "Dr. \\_Roe\\_" in text
    for notice in plan.notices:  # in a reader's words (issue 17)
        assert md_escape(for_reader(notice.text)) in text
    table = [line for line in text.splitlines() if line.startswith("| **Week")]
    assert len(table) == 4 and all(line.count(" | ") == 7 for line in table)


def test_md_escape_line_starts():
    assert md_escape("- item") == "\\- item"
    assert md_escape("1. first") == "1\\. first"
    assert md_escape("a\nb\tc") == "a b c"


# -- through the CLI ---------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "csv", "md", "html", "ics"])
def test_cli_export_to_stdout_and_file(milia, home, fmt, tmp_path):
    milia.write_profile()
    res = milia("export", fmt, "--weeks", "2")
    assert res.exit_code == 0, res.output
    assert res.stdout and not res.stderr
    target = tmp_path / f"out.{fmt}"  # outside the home: nothing in the home is an output (issue 12)
    res2 = milia("export", fmt, "--weeks", "2", "-o", str(target))
    assert res2.exit_code == 0, res2.output
    assert target.read_text(encoding="utf-8").replace("\r\n", "\n") == res.stdout.replace("\r\n", "\n")
    assert target.stat().st_mode & 0o777 == 0o600
    assert "Wrote" in res2.stderr and not res2.stdout


def test_cli_export_json_matches_plan_json(milia):
    milia.write_profile()
    exported = json.loads(milia("export", "json", "--weeks", "3").stdout)
    VALIDATOR.validate(exported)
    # "profile" is the identity (the home profile's file name), "name" the person's (issue 13)
    assert exported["weeks"] == 3 and exported["profile"] == "default" and exported["name"] == "ana"
    assert len(exported["days"]) == 21


@pytest.mark.parametrize("args,needle", [
    (["export", "json", "--weeks", "0"], "--weeks must be between 1 and 520"),
    (["export", "ics", "--alarm", "-5"], "--alarm must be between 0 and 1440"),
    (["export", "html", "--clinician", "x" * 81], "--clinician must be"),
])
def test_cli_bad_options_are_one_sentence_usage_errors(milia, home, args, needle):
    milia.write_profile()
    res = milia(*args)
    assert res.exit_code == 2
    assert needle in res.stderr and "Traceback" not in res.output
    assert not list(home.glob("*.ics"))


def test_cli_output_to_a_directory_is_refused(milia, home):
    milia.write_profile()
    res = milia("export", "md", "-o", str(home))
    assert res.exit_code == 1 and "is a directory" in res.stderr


def test_cli_export_without_profile_is_a_clear_error(milia):
    res = milia("export", "ics")
    assert res.exit_code == 1
    assert res.stderr.startswith("milia: No profile 'default'")


def test_cli_export_profile_file(milia, tmp_path):
    client = tmp_path / "client.toml"
    client.write_text(BASE_PROFILE.replace('name = "ana"', 'name = "Zoë, O\'Brien"'), encoding="utf-8")
    res = milia("--profile-file", str(client), "export", "ics", "--weeks", "1", "--expand", "--alarm", "5")
    assert res.exit_code == 0, res.output
    assert "X-WR-CALNAME:milia: Zoë\\, O'Brien" in res.stdout
    assert "TRIGGER:-PT5M" in res.stdout


def test_export_is_deterministic_through_the_cli(milia):
    milia.write_profile()
    first = milia("export", "ics", "--weeks", "8", today=date(2026, 11, 23)).stdout
    second = milia("export", "ics", "--weeks", "8", today=date(2026, 11, 23)).stdout
    assert first == second
