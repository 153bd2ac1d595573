"""`milia check`'s evaluation for the profile's cautions and ages (B10, C8, D7, A8, C9, N3, B2),
through the pure core (no CLI): the rules that depend on who checks the product."""

from __future__ import annotations

from datetime import date

import pytest

from milia_cli.ingredients.report import check_label
from milia_cli.profile import parse_profile
from tests.conftest import BASE_PROFILE, TODAY

SERUM = "Aqua, Glycerin, Retinol, Tocopherol"
TONER = "Aqua, Glycolic Acid 5%, Glycerin"


def profile(**changes: str):
    text = BASE_PROFILE
    for key, value in changes.items():
        if key in ("pregnancy", "birth_year"):
            old = 'pregnancy = "none"' if key == "pregnancy" else "birth_year = 1994"
            new = f'pregnancy = "{value}"' if key == "pregnancy" else f"birth_year = {value}"
            text = text.replace(old, new)
        elif key == "areas":
            text = text.replace('areas = ["upper-eyelids", "under-eyes", "cheeks"]', f"areas = {value}")
        elif f"{key} = false" in text:
            text = text.replace(f"{key} = false", f"{key} = {value}")
        else:
            text = text.replace("[cautions]\n", f"[cautions]\n{key} = {value}\n")
    return parse_profile(text.encode(), "test.toml")


def fired(result, level=None):
    return {f.id for f in result.findings if level is None or f.level == level}


@pytest.mark.parametrize("caution", ["isotretinoin_recent", "eczema_or_rosacea"])
def test_b10_stops_retinoids_and_acids(caution):
    p = profile(**{caution: "true"})
    assert "B10" in fired(check_label(SERUM, profile=p, today=TODAY), "stop")
    assert "B10" in fired(check_label(TONER, profile=p, today=TODAY), "stop")
    assert "B10" not in fired(check_label("Aqua, Glycerin, Mineral Oil", profile=p, today=TODAY))


def test_c8_stops_acids_until_the_prescriber_agrees():
    assert "C8" in fired(check_label(TONER, profile=profile(photosensitizing_medicine="true"), today=TODAY), "stop")
    agreed = profile(photosensitizing_medicine="true", prescriber_agreed="true")
    assert "C8" not in fired(check_label(TONER, profile=agreed, today=TODAY))
    assert "C8" not in fired(check_label(SERUM, profile=profile(photosensitizing_medicine="true"), today=TODAY))


def test_d7_stops_any_new_active_with_a_facial_steroid():
    p = profile(facial_steroid="true")
    assert "D7" in fired(check_label(SERUM, profile=p, today=TODAY), "stop")
    assert "D7" not in fired(check_label("Aqua, Glycerin", profile=p, today=TODAY))


def test_a8_under_18_gets_no_active():
    young = profile(birth_year=str(TODAY.year - 16))
    assert "A8" in fired(check_label(SERUM, profile=young, today=TODAY), "stop")
    may_be_17 = profile(birth_year=str(TODAY.year - 18))  # 17 until the birthday this year (cautious, as the planner)
    assert "A8" in fired(check_label(SERUM, profile=may_be_17, today=TODAY), "stop")
    assert "A8" not in fired(check_label(SERUM, profile=profile(), today=TODAY))
    assert "A8" not in fired(check_label(SERUM, profile=young, today=date(TODAY.year + 3, 1, 1)))


def test_c9_breastfeeding_with_chest_milia_keeps_actives_off_the_chest():
    p = profile(pregnancy="breastfeeding", areas='["chest", "cheeks"]')
    result = check_label(TONER, profile=p, today=TODAY)
    assert "C9" in fired(result, "caution")
    assert "C9" not in fired(check_label(TONER, profile=profile(pregnancy="breastfeeding"), today=TODAY))


def test_b2_breastfeeding_stops_retinoids_and_says_the_sources_disagree():
    result = check_label(SERUM, profile=profile(pregnancy="breastfeeding"), today=TODAY)
    b2 = [f for f in result.findings if f.id == "B2"]
    assert b2 and b2[0].level == "stop" and "LactMed" in b2[0].text
    assert result.stopped


def test_n3_benzoyl_peroxide_and_hydroquinone_in_pregnancy_ask_the_clinician():
    for label in ("Water, Benzoyl Peroxide 5%, Carbomer", "Hydroquinone 2%, Water"):
        assert "N3" in fired(check_label(label, profile=profile(pregnancy="pregnant"), today=TODAY), "caution")
        assert "N3" not in fired(check_label(label, profile=profile(), today=TODAY))


def test_d3_needs_eye_area_milia_otherwise_d2():
    eye = "Water, Mineral Oil, Glycerin"
    assert "D3" in fired(check_label(eye, profile=profile(), step="eye-cream", today=TODAY))
    cheeks_only = profile(areas='["cheeks"]')
    found = fired(check_label(eye, profile=cheeks_only, step="eye-cream", today=TODAY))
    assert "D2" in found and "D3" not in found


def test_every_finding_carries_a_source_and_a_known_level():
    labels = [SERUM, TONER, "Water, Benzoyl Peroxide 5%, Retinol, Mineral Oil, Walnut Shell Powder, Dimethicone"]
    for label in labels:
        for step in (None, "eye-cream", "makeup", "moisturize", "cleanse"):
            for p in (None, profile(), profile(pregnancy="pregnant"), profile(prescription_retinoid="true")):
                for f in check_label(label, profile=p, step=step, today=TODAY).findings:
                    assert f.level in ("info", "caution", "refer", "stop") and f.source.strip(), f
