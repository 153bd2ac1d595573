"""`milia clients`: a shelf product stopped by a status change, end to end (issue 17, item 1).

The clients desk's other tests build the shelf alert from notices made by hand; here a client's
own file carries a retinyl-palmitate night cream, the esthetician records the pregnancy with
`profile set --since` as in a visit, and `milia clients` must put the client up with a shelf
alert under B1 — while the same file without the pregnancy, and the pregnant client with a cream
that has no retinoid, get none.
"""

from __future__ import annotations

import json
from datetime import timedelta

from conftest import TODAY, Milia
from milia_cli.store import open_store
from tests.support.clients import Spec

DAY = timedelta(days=1)
RETINOID_CREAM = ("Aqua, Glycerin, Cetearyl Alcohol, Retinyl Palmitate, Tocopherol, Phenoxyethanol")
PLAIN_CREAM = "Aqua, Glycerin, Cetearyl Alcohol, Squalane, Tocopherol, Phenoxyethanol"


def _with_cream(spec: Spec, inci: str) -> str:
    return spec.text() + f'\n[[shelf]]\nname = "Night cream"\nstep = "pm:moisturize"\ninci = "{inci}"\n'


def _desk(tmp_path):
    home, folder = tmp_path / "home", tmp_path / "clients"
    home.mkdir(mode=0o700)
    folder.mkdir()
    pregnant, same, plain = (Spec("pia", "Pia Pregnant"), Spec("nora", "Nora Not"), Spec("pam", "Pam Plain"))
    (folder / "pia.toml").write_text(_with_cream(pregnant, RETINOID_CREAM), encoding="utf-8")
    (folder / "nora.toml").write_text(_with_cream(same, RETINOID_CREAM), encoding="utf-8")
    (folder / "pam.toml").write_text(_with_cream(plain, PLAIN_CREAM), encoding="utf-8")
    with open_store(home / "milia.db") as store:
        for spec in (pregnant, same, plain):
            for checkin in spec.checkins():
                store.save_checkin(spec.key, checkin)
    milia = Milia(home)
    for stem in ("pia", "pam"):
        res = milia("-f", folder / f"{stem}.toml", "profile", "set", "pregnancy", "pregnant",
                    "--since", (TODAY - 3 * DAY).isoformat())
        assert res.exit_code == 0, res.output
    return milia, folder


def test_a_retinoid_on_the_shelf_of_a_client_who_became_pregnant_is_an_alert(tmp_path):
    milia, folder = _desk(tmp_path)
    res = milia("clients", folder, "--json")
    assert res.exit_code == 0, res.output
    clients = {c["file"]: c for c in json.loads(res.stdout)["clients"]}
    alerts = {file: {a["kind"]: a for a in c["alerts"]} for file, c in clients.items()}
    assert "shelf" in alerts["pia.toml"], clients["pia.toml"]
    assert alerts["pia.toml"]["shelf"]["rules"] == ["B1"]
    assert "shelf" not in alerts["nora.toml"]  # the same cream, not pregnant: in use
    assert "shelf" not in alerts["pam.toml"]  # pregnant, but nothing on her shelf is stopped
    order = [c["file"] for c in json.loads(res.stdout)["clients"]]
    assert order.index("pia.toml") < order.index("nora.toml")


def test_the_plan_and_the_desk_say_the_same_of_the_cream(tmp_path):
    """The alert is the plan's own judgement: `today` for that client names no product for the
    evening moisturizer, and says which product is put away and why."""
    milia, folder = _desk(tmp_path)
    today = json.loads(milia("-f", folder / "pia.toml", "today", "--json").stdout)
    moisturize = [s for s in today["pm"] if s["id"] == "pm:moisturize"]
    assert moisturize and moisturize[0].get("product") is None
    assert any(n["id"] == "B1" and n["level"] == "stop" and "Night cream" in n["text"] for n in today["notices"])
    plan = json.loads(milia("-f", folder / "nora.toml", "plan", "--json").stdout)
    calm = next(d["date"] for d in plan["days"] if not {s["step"] for s in d["pm"]} & {"retinol", "exfoliate"})
    before = json.loads(milia("-f", folder / "nora.toml", "today", "--json", "--date", calm).stdout)
    # in use (on an evening without retinol or an acid: one active a night, C4)
    assert [s["product"] for s in before["pm"] if s["id"] == "pm:moisturize"] == ["Night cream"]
