"""`milia shelf add | list | show | remove` through the CLI, the [[shelf]] tables of a profile file
(validated on load: one sentence naming the file and the key), and what `profile set` says."""

from __future__ import annotations

import io
import json
import stat

import pytest

from milia_cli.profile import load_profile
from tests.conftest import BASE_PROFILE, fake_env

NIGHT_CREAM = "Aqua, Glycerin, Caprylic/Capric Triglyceride, Retinyl Palmitate, Tocopherol, Phenoxyethanol."
GEL = "Water, Glycerin, Sodium Hyaluronate, Carbomer, Phenoxyethanol"


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def ana(milia):
    milia.write_profile()
    return milia


def test_round_trip_add_list_show_remove(ana, home):
    path = home / "profiles" / "default.toml"
    r = ana("shelf", "add", "Night cream", "--step", "night moisturiser", "--inci", NIGHT_CREAM)
    assert r.exit_code == 0, r.output
    assert "Added 'Night cream'" in r.stderr and "pm moisturize" in r.stderr
    r = ana("shelf", "add", "Gel", "--step", "Moisturizer", "--inci", GEL)
    assert r.exit_code == 0, r.output
    assert mode(path) == 0o600
    shelf = load_profile(path).shelf
    assert [(p.name, p.step) for p in shelf] == [("Night cream", "pm:moisturize"), ("Gel", "moisturize")]
    assert shelf[0].inci == NIGHT_CREAM
    text = path.read_text()
    assert "[[shelf]]" in text and 'step = "pm:moisturize"' in text  # human-editable tables

    listed = ana("shelf", "list")
    assert listed.exit_code == 0 and "Night cream" in listed.stdout and "Gel" in listed.stdout
    data = json.loads(ana("shelf", "list", "--json").stdout)
    assert data["schema"] == "milia.shelf/1" and data["profile"] == "default"
    assert [e["name"] for e in data["shelf"]] == ["Night cream", "Gel"]
    assert data["shelf"][0]["used"] is True and data["shelf"][0]["stopped_by"] is None

    shown = ana("shelf", "show", "night CREAM")  # names are matched without case
    assert shown.exit_code == 0, shown.output
    assert "Retinyl Palmitate" in shown.stdout and "pm moisturize" in shown.stdout
    doc = json.loads(ana("shelf", "show", "Gel", "--json").stdout)
    one = doc["product"]  # `name` beside `profile` is the person's, as in every JSON output
    assert doc["schema"] == "milia.shelf-product/1" and doc["name"] == "ana"
    assert one["name"] == "Gel" and one["step"] == "moisturize" and one["inci"] == GEL

    r = ana("shelf", "remove", "gel")
    assert r.exit_code == 0 and "Removed 'Gel'" in r.stderr
    assert [p.name for p in load_profile(path).shelf] == ["Night cream"]
    assert mode(path) == 0o600
    r = ana("shelf", "remove", "Gel")
    assert r.exit_code == 1 and "No product named 'Gel'" in r.stderr and "Traceback" not in r.output


def test_duplicate_name_refused_unless_replace(ana, home):
    path = home / "profiles" / "default.toml"
    assert ana("shelf", "add", "Cream", "--step", "moisturize", "--inci", GEL).exit_code == 0
    before = path.read_bytes()
    r = ana("shelf", "add", "cream", "--step", "moisturize", "--inci", NIGHT_CREAM)
    assert r.exit_code == 1 and "already on the shelf" in r.stderr and "--replace" in r.stderr
    assert path.read_bytes() == before  # nothing was written
    r = ana("shelf", "add", "Cream", "--step", "pm:moisturize", "--inci", NIGHT_CREAM, "--replace")
    assert r.exit_code == 0 and "Replaced" in r.stderr
    shelf = load_profile(path).shelf
    assert len(shelf) == 1 and shelf[0].inci == NIGHT_CREAM and shelf[0].step == "pm:moisturize"


@pytest.mark.parametrize("args, expect", [
    (["--step", "moisturiser", "--inci", ""], "empty"),
    (["--step", "eye creme", "--inci", GEL], "did you mean 'eye-cream'"),
    (["--step", "am:retinol", "--inci", GEL], "did you mean 'pm:retinol'"),
    (["--step", "toner of doom", "--inci", GEL], "is not a step"),
    (["--step", "exfoliate", "--inci", GEL, "--inci-file", "x.txt"], "not both"),
    (["--step", "exfoliate"], "--inci"),
    (["--step", "exfoliate", "--inci", "Aqua, Glycolic Acid", "--percent", "salicylic=2"], "not on this label"),
    (["--step", "exfoliate", "--inci", "Aqua, Glycolic Acid", "--percent", "glycolic=abc"], "at most 100"),
])
def test_bad_add_is_one_sentence_and_writes_nothing(ana, home, args, expect):
    path = home / "profiles" / "default.toml"
    before = path.read_bytes()
    r = ana("shelf", "add", "Thing", *args)
    assert r.exit_code in (1, 2), r.output
    assert expect in r.stderr and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_inci_from_a_file_and_from_stdin(ana, home, tmp_path):
    label = tmp_path / "label.txt"
    label.write_text("Ingredients: Aqua, Glycolic Acid 7%, Glycerin.\n")
    assert ana("shelf", "add", "Toner", "--step", "aha", "--inci-file", label).exit_code == 0
    env = fake_env()
    env.stdin = io.StringIO("Water, Mineral Oil, Petrolatum")
    r = ana("shelf", "add", "Balm", "--step", "eye cream", "--inci-file", "-", env=env)
    assert r.exit_code == 0, r.output
    assert "D3" in r.stderr  # an eye cream with oils on milia-prone lids: said at once
    shelf = load_profile(home / "profiles" / "default.toml").shelf
    assert [(p.name, p.step, p.inci) for p in shelf] == [
        ("Toner", "exfoliate", "Ingredients: Aqua, Glycolic Acid 7%, Glycerin."),
        ("Balm", "eye-cream", "Water, Mineral Oil, Petrolatum")]


def test_named_profile_and_client_file(milia, home, tmp_path):
    milia.write_profile(name="bea")
    r = milia("-p", "bea", "shelf", "add", "Cream", "--step", "moisturize", "--inci", GEL)
    assert r.exit_code == 0, r.output
    assert [p.name for p in load_profile(home / "profiles" / "bea.toml").shelf] == ["Cream"]
    client = tmp_path / "client.toml"
    client.write_text(BASE_PROFILE)
    r = milia("-f", client, "shelf", "add", "Cream", "--step", "moisturize", "--inci", GEL)
    assert r.exit_code == 0, r.output
    assert [p.name for p in load_profile(client).shelf] == ["Cream"]
    assert mode(client) == 0o600
    assert milia("-f", client, "shelf", "list").stdout.count("Cream") == 1


def test_added_product_stopped_for_this_profile_says_so(milia):
    milia.write_profile(BASE_PROFILE.replace('pregnancy = "none"', 'pregnancy = "pregnant"'))
    r = milia("shelf", "add", "Night cream", "--step", "pm:moisturize", "--inci", NIGHT_CREAM)
    assert r.exit_code == 0, r.output  # it is on the shelf; the plan never names it
    assert "Not used in the plan" in r.stderr and "B1" in r.stderr
    data = json.loads(milia("shelf", "list", "--json").stdout)
    assert data["shelf"][0]["used"] is False and data["shelf"][0]["stopped_by"]["id"] == "B1"


def test_profile_set_says_which_products_to_put_away(ana):
    assert ana("shelf", "add", "Night cream", "--step", "pm:moisturize", "--inci", NIGHT_CREAM).exit_code == 0
    assert ana("shelf", "add", "Gel", "--step", "moisturize", "--inci", GEL).exit_code == 0
    r = ana("profile", "set", "pregnancy", "pregnant")
    assert r.exit_code == 0, r.output
    away = [line for line in r.stderr.splitlines() if line.startswith("Put away")]
    assert away == [line for line in away if "'Night cream'" in line and "B1" in line] and len(away) == 1
    r = ana("profile", "set", "pregnancy", "none")
    assert "'Night cream' (pm moisturize) is back in the plan" in r.stderr
    r = ana("profile", "set", "cautions.eczema_or_rosacea", "true")
    assert "Put away 'Night cream'" in r.stderr and "B10" in r.stderr


BAD_SHELVES = [
    ('shelf = "cream"\n', "key 'shelf' must be a list"),
    ('[[shelf]]\nname = "A"\nstep = "moisturize"\n', "'shelf[1].inci' is missing"),
    ('[[shelf]]\nname = "A"\nstep = "moisturiser"\ninci = "Aqua"\ncolour = "red"\n', "unknown key 'shelf[1].colour'"),
    ('[[shelf]]\nname = "A"\nstep = "toner"\ninci = "Aqua"\n', "'shelf[1].step' is 'toner'"),
    ('[[shelf]]\nname = "A"\nstep = "eye creme"\ninci = "Aqua"\n', "did you mean 'eye-cream'"),
    ('[[shelf]]\nname = "A"\nstep = "moisturize"\ninci = 3\n', "'shelf[1].inci' is 3"),
    ('[[shelf]]\nname = ""\nstep = "moisturize"\ninci = "Aqua"\n', "'shelf[1].name'"),
    ('[[shelf]]\nname = "A"\nstep = "moisturize"\ninci = "  "\n', "'shelf[1].inci'"),
    ('[[shelf]]\nname = "A"\nstep = "moisturize"\ninci = "Aqua"\n[[shelf]]\nname = "a"\nstep = "cleanse"\ninci = "Aqua"\n',
     "'shelf[2].name' is 'a', the name of shelf[1]"),
    ('[[shelf]]\nname = "A"\nstep = "exfoliate"\ninci = "Aqua, Glycolic Acid"\npercent = { glycolic = 0 }\n',
     "'shelf[1].percent.glycolic'"),
    ('[[shelf]]\nname = "A"\nstep = "exfoliate"\ninci = "Aqua, Glycolic Acid"\npercent = { salicylic = 2 }\n',
     "'shelf[1].percent' ('A')"),
    ('[[shelf]]\nname = "A"\nstep = "exfoliate"\ninci = "Aqua, Glycolic Acid"\npercent = 30\n', "'shelf[1].percent' is 30"),
]


@pytest.mark.parametrize("tail, expect", BAD_SHELVES)
def test_bad_shelf_entry_in_the_file_is_one_sentence(milia, home, tail, expect):
    text = tail + BASE_PROFILE if tail.startswith("shelf =") else BASE_PROFILE + "\n" + tail  # a key before the tables
    path = milia.write_profile(text)
    for args in (("today",), ("shelf", "list"), ("plan", "--json")):
        r = milia(*args)
        assert r.exit_code == 1, (args, r.output)
        assert str(path) in r.stderr and expect in r.stderr, r.stderr
        assert "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1


def test_hand_edited_shelf_loads_and_survives_profile_set(milia, home):
    tail = ('[[shelf]]\nname = "Peel"\nstep = "Exfoliant"\ninci = "Aqua, Glycolic Acid, Salicylic Acid"\n'
            'percent = { aha = 30, salicylic = 2 }\n')
    path = milia.write_profile(BASE_PROFILE + "\n" + tail)
    r = milia("profile", "set", "schedule.am", "07:00")
    assert r.exit_code == 0, r.output
    shelf = load_profile(path).shelf
    assert [(p.name, p.step, p.percent) for p in shelf] == [("Peel", "exfoliate", (("aha", 30.0), ("salicylic", 2.0)))]
    assert mode(path) == 0o600
