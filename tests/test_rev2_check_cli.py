"""`milia check` end to end (issue 15 item 2 and its done-when checks), through the CLI."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASE_PROFILE, fake_env
from tests.support.examples import examples

PEEL = ("Glycolic Acid, Aqua (Water), Aloe Barbadensis Leaf Water, Sodium Hydroxide, Daucus Carota Sativa "
        "Extract, Propanediol, Cocamidopropyl Dimethylamine, Salicylic Acid, Lactic Acid, Tartaric Acid, "
        "Citric Acid, Panthenol, Sodium Hyaluronate Crosspolymer, Tasmannia Lanceolata Fruit/Leaf Extract, "
        "Glycerin, Pentylene Glycol, Xanthan gum, Polysorbate 20, Trisodium Ethylenediamine Disuccinate, "
        "Potassium Sorbate, Sodium Benzoate, Ethylhexylglycerin, 1,2-Hexanediol, Caprylyl Glycol.")
RETINYL_MOISTURIZER = ("Aqua, Glycerin, Caprylic/Capric Triglyceride, Cetearyl Alcohol, Retinyl Palmitate, "
                       "Tocopheryl Acetate, Phenoxyethanol, Carbomer, Sodium Hydroxide.")
EYE_CREAM_MINERAL_OIL = ("Water, Mineral Oil, Glycerin, Petrolatum, Cetyl Alcohol, Steareth-20, "
                         "Dimethicone, Methylparaben, Propylparaben.")


def profile_text(pregnancy: str = "none", **cautions: bool) -> str:
    text = BASE_PROFILE.replace('pregnancy = "none"', f'pregnancy = "{pregnancy}"')
    for key, value in cautions.items():
        text = text.replace("[cautions]\n", f"[cautions]\n{key} = {'true' if value else 'false'}\n")
    return text


def run_json(milia, *args):
    res = milia("check", *args, "--json")
    assert res.exception is None, res.exception
    return res, json.loads(res.stdout)


def fired(data, level=None):
    return {f["id"] for f in data["findings"] if level is None or f["level"] == level}


# -- the done-when checks ------------------------------------------------------------------
@pytest.mark.parametrize("pregnancy", ["none", "trying", "pregnant", "breastfeeding"])
def test_the_30_aha_2_bha_peel_is_c1_for_everyone_and_stopped_only_in_pregnancy_or_trying(milia, pregnancy):
    milia.write_profile(profile_text(pregnancy))
    res, data = run_json(milia, PEEL, "--step", "exfoliate", "--percent", "aha=30", "--percent", "bha=2")
    assert {"aha", "bha"} <= {c["class"] for c in data["contains"]}
    c1 = [f for f in data["findings"] if f["id"] == "C1"]
    assert any(f["level"] == "caution" and "30" in f["text"] for f in c1)
    expecting = pregnancy in ("pregnant", "trying")  # C7: no peels, no leave-on salicylic
    assert ("C7" in fired(data, "stop")) is expecting
    assert data["stopped"] is expecting
    assert res.exit_code == (3 if expecting else 0)


def test_the_peel_pasted_without_strengths_is_still_c1_and_asks_for_them(milia):
    res, data = run_json(milia, PEEL)
    c1 = [f for f in data["findings"] if f["id"] == "C1"]
    assert {f["level"] for f in c1} == {"caution"}
    assert any("--percent aha=P" in f["text"] for f in c1)  # glycolic and lactic: the class as a whole
    assert any("--percent salicylic=P" in f["text"] for f in c1)
    assert data["profile"] is None and res.exit_code == 0


@pytest.mark.parametrize(("pregnancy", "stopped"), [("pregnant", True), ("trying", True),
                                                     ("breastfeeding", True), ("none", False)])
def test_a_retinyl_palmitate_moisturizer_is_stopped_for_pregnancy_and_allowed_otherwise(milia, pregnancy, stopped):
    milia.write_profile(profile_text(pregnancy))
    res, data = run_json(milia, RETINYL_MOISTURIZER, "--step", "moisturize")
    assert data["stopped"] is stopped
    assert res.exit_code == (3 if stopped else 0)
    if pregnancy in ("pregnant", "trying"):
        assert "B1" in fired(data, "stop")
    elif pregnancy == "breastfeeding":
        assert "B2" in fired(data, "stop")
    else:
        assert not fired(data, "stop") and not fired(data) & {"B1", "B2"}


def test_an_eye_cream_with_mineral_oil_gets_d3(milia):
    milia.write_profile()
    res, data = run_json(milia, EYE_CREAM_MINERAL_OIL, "--step", "eye-cream")
    d3 = [f for f in data["findings"] if f["id"] == "D3"]
    assert d3 and d3[0]["level"] == "caution" and "Mineral Oil" in d3[0]["names"]
    assert res.exit_code == 0


# -- the other rules, one each ---------------------------------------------------------------
def test_anything_active_in_an_eye_product_is_stopped_b8_c6(milia):
    milia.write_profile()
    res, data = run_json(milia, "Aqua, Retinol, Glycerin", "--step", "eye-cream")
    assert "B8" in fired(data, "stop") and res.exit_code == 3
    res, data = run_json(milia, "Aqua, Lactic Acid, Glycerin", "--step", "eye-cream")
    assert "C6" in fired(data, "stop") and res.exit_code == 3
    res, data = run_json(milia, "Aqua, Glycerin, Citric Acid", "--step", "eye-cream")  # a pH adjuster
    assert fired(data, "stop") == set() and "C6" in fired(data, "info")


def test_otc_retinol_on_a_prescription_retinoid_is_b12(milia):
    milia.write_profile(profile_text(prescription_retinoid=True))
    res, data = run_json(milia, "Aqua, Squalane, Retinol, Tocopherol")
    assert "B12" in fired(data, "stop") and res.exit_code == 3
    res, data = run_json(milia, "Adapalene 0.1%, Carbomer 940, Propylene Glycol, Poloxamer 182, Water")
    assert "B12" in fired(data) and "B12" not in fired(data, "stop")


def test_c1_over_the_home_limit_or_unknown_and_within_it(milia):
    _, data = run_json(milia, "Water, Glycolic Acid 15%, Glycerin")
    assert any(f["id"] == "C1" and f["level"] == "caution" and "15" in f["text"] for f in data["findings"])
    _, data = run_json(milia, "Water, Glycolic Acid, Glycerin", "--percent", "glycolic=7")
    assert any(f["id"] == "C1" and f["level"] == "info" for f in data["findings"])
    assert data["strengths"] == {"glycolic": 7.0}
    _, data = run_json(milia, "Water, Salicylic Acid 2%, Glycerin")
    assert [f["level"] for f in data["findings"] if f["id"] == "C1"] == ["info"]
    _, data = run_json(milia, "Water, Salicylic Acid, Glycerin", "--percent", "salicylic=3")
    assert [f["level"] for f in data["findings"] if f["id"] == "C1"] == ["caution"]


def test_c7_leave_on_salicylic_stops_in_pregnancy_but_a_2_percent_cleanser_is_allowed(milia):
    milia.write_profile(profile_text("pregnant"))
    cleanser = "Water, Sodium Laureth Sulfate, Cocamidopropyl Betaine, Salicylic Acid, Glycerin"
    res, data = run_json(milia, cleanser, "--step", "moisturize")
    assert "C7" in fired(data, "stop") and res.exit_code == 3
    res, data = run_json(milia, cleanser, "--step", "cleanse", "--percent", "salicylic=2")
    assert "C7" in fired(data, "info") and not fired(data, "stop") and res.exit_code == 0
    res, data = run_json(milia, cleanser, "--step", "am:cleanse")
    assert "C7" in fired(data, "caution") and res.exit_code == 0  # strength unknown: asked, not guessed


def test_d2_d4_d9_and_benzoyl_peroxide(milia):
    milia.write_profile()
    _, data = run_json(milia, "Water, Butyrospermum Parkii (Shea) Butter, Glycerin", "--step", "moisturize")
    assert "D2" in fired(data, "caution")
    _, data = run_json(milia, "Cyclopentasiloxane, Dimethicone Crosspolymer, Talc, CI 77891", "--step", "makeup")
    assert "D4" in fired(data, "info")
    _, data = run_json(milia, "Water, Juglans Regia (Walnut) Shell Powder, Glycerin")
    assert "D9" in fired(data, "caution")
    _, data = run_json(milia, "Benzoyl Peroxide 5%, Water, Carbomer, Retinol")
    assert any(f["id"] == "C4" and "oxidises" in f["text"] and "Retinol" in f["names"] for f in data["findings"])


def test_no_profile_is_said_and_a_named_missing_or_broken_profile_is_an_error(milia):
    res = milia("check", "Water, Retinol")
    assert res.exit_code == 0 and "Checked against no profile" in res.stdout
    res = milia("--profile", "nobody", "check", "Water, Retinol")
    assert res.exit_code == 1 and "nobody" in res.stderr and res.stdout == ""
    milia.write_profile(BASE_PROFILE.replace('pregnancy = "none"', 'pregnancy = "maybe"'))
    res = milia("check", "Water, Retinol")
    assert res.exit_code == 1 and "pregnancy" in res.stderr and "Traceback" not in res.output


def test_reads_a_file_and_stdin_the_same_as_an_argument(milia, tmp_path):
    label = tmp_path / "label.txt"
    label.write_text("INGREDIENTS: Aqua,\nRetinol*,\nGlycerin.\n*organic\n", encoding="utf-8")
    _, from_file = run_json(milia, "--file", str(label))
    _, from_arg = run_json(milia, label.read_text())
    env = fake_env()
    env.stdin = io.StringIO(label.read_text())
    res = milia("check", "-", "--json", env=env)
    from_stdin = json.loads(res.stdout)
    assert from_file["contains"] == from_arg["contains"] == from_stdin["contains"]
    assert [c["class"] for c in from_file["contains"]] == ["retinoid"]


@pytest.mark.parametrize(("args", "code", "words"), [
    ((), 2, "Give the ingredient list"),
    (("   ",), 1, "is empty"),
    ((", ; .",), 1, "No ingredient names"),
    (("Water", "--file", "x.txt"), 2, "not both"),
    (("--file", "/nonexistent/label.txt"), 1, "Could not read"),
    (("Water, Glycolic Acid", "--percent", "glycolic"), 2, "NAME=P"),
    (("Water, Glycolic Acid", "--percent", "glycolic=abc"), 2, "strength above 0"),
    (("Water, Glycolic Acid", "--percent", "glycolic=150"), 2, "strength above 0"),
    (("Water, Glycolic Acid", "--percent", "glycolic=nan"), 2, "strength above 0"),
    (("Water, Glycolic Acid", "--percent", "salicylic=2"), 2, "not on this label"),
    (("Water, Glycolic Acid", "--percent", "unobtainium=2"), 2, "not an ingredient"),
    (("Water, Glycolic Acid", "--step", "toner"), 2, "not a step"),
])
def test_bad_input_is_one_clear_sentence(milia, args, code, words):
    res = milia("check", *args)
    assert res.exit_code == code, res.output
    assert words in res.stderr and res.stdout == ""
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.output


def test_a_binary_file_is_refused_in_one_sentence(milia, tmp_path):
    blob = tmp_path / "photo.jpg"
    blob.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\xfe\xfe")
    res = milia("check", "--file", str(blob))
    assert res.exit_code == 1 and "not UTF-8 text" in res.stderr


def test_json_shape(milia):
    milia.write_profile(profile_text("pregnant"))
    res, data = run_json(milia, "Aqua/Water/Eau, Glycolic Acid 10%, Retinol, Linalool", "--step", "pm:exfoliate")
    assert set(data) == {"schema", "profile", "name", "pregnancy", "step", "stopped", "ingredients", "contains",
                         "strengths", "findings", "regulatory", "regulatory_source"}
    assert data["schema"] == "milia.check/1" and data["step"] == "pm:exfoliate"
    assert (data["profile"], data["name"]) == ("default", "ana")  # the identity, and the person (issue 13)
    assert data["ingredients"][1] == {"printed": "Glycolic Acid 10%", "name": "Glycolic Acid", "percent": 10.0,
                                      "may_contain": False, "class": "aha", "match": "name"}
    assert {f["level"] for f in data["findings"]} <= {"info", "caution", "refer", "stop"}
    for f in data["findings"]:
        assert set(f) == {"id", "level", "text", "source", "classes", "names"} and f["source"]
    assert {r["entry"] for r in data["regulatory"]} >= {"376", "84"}
    assert "CC BY 4.0" in data["regulatory_source"]
    assert res.exit_code == 3


def test_the_text_report_names_levels_ids_and_sources(milia):
    milia.write_profile(profile_text("pregnant"))
    res = milia("check", RETINYL_MOISTURIZER)
    assert res.exit_code == 3
    assert "STOP    B1" in res.stdout and "source: S2" in res.stdout and "exit status 3" in res.stdout
    assert "Retinyl Palmitate" in res.stdout and "Annex III entry 376" in res.stdout


def test_check_imports_no_heavy_module_and_the_version_stays_light():
    from tests.support.imports import HEAVY, imported_modules

    names = imported_modules("check", "Aqua, Glycerin, Retinol")
    assert "milia_cli.ingredients.evaluate" in names  # it did the work
    heavy = sorted(n for n in names if n.split(".")[0] in HEAVY or n.startswith(HEAVY))
    assert heavy == [], heavy
    assert not any(n.startswith("milia_cli.ingredients") for n in imported_modules("--version"))


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=st.text(max_size=200), percent=st.text(max_size=20), step=st.sampled_from([None, "eye-cream", "x", "pm:cleanse"]))
def test_any_input_gets_a_report_or_one_sentence_never_a_traceback(milia, label, percent, step):
    args = ["check", label, "--percent", percent] + (["--step", step] if step else [])
    res = milia(*args)
    assert res.exception is None, res.exception
    assert res.exit_code in (0, 1, 2, 3)
    assert "Traceback" not in res.output
    if res.exit_code == 1:  # (2 may also be click's own usage message for a label starting with "-")
        assert res.stdout == "" and res.stderr.startswith("milia: ") and res.stderr.count("\n") == 1
