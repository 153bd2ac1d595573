"""Issue 13, item 6 (one contract): every JSON milia prints is published as a JSON Schema in
`milia_cli/schemas/`, validated here through the CLI on a home with a profile, check-ins, a
procedure, a resume and a dated profile change; `profile` is the profile's identity and `name`
the person's in every one of them; and every one is indented by two spaces, non-ASCII as is,
with a final newline.

Each schema names the commands that print it (`x-milia-commands`); a command that gains
`--json` without a schema fails :func:`test_every_json_option_has_a_published_schema`."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import typer.main

from milia_cli.cli import app
from tests.conftest import BASE_PROFILE, Milia, fake_env

SCHEMAS = Path(__file__).resolve().parent.parent / "milia_cli" / "schemas"
ON = date(2026, 12, 10)  # week 3 of a plan that started 2026-11-23
NAME = "Ana Lima — Ærø"  # non-ASCII: printed as is, never \u-escaped


def published() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMAS.glob("*.schema.json"))}


def schema_of(command: str) -> dict:
    found = [s for s in published().values() if command in s.get("x-milia-commands", [])]
    assert len(found) == 1, f"{command!r} is named by {len(found)} schemas in milia_cli/schemas"
    return found[0]


def json_commands() -> set[str]:
    """Every command of the app that has a --json option, as words (``event list``)."""
    out: set[str] = set()

    def walk(command, words):
        if hasattr(command, "list_commands"):  # a group: its commands as click resolves them (lazily)
            ctx = typer.Context(command)
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), words + [name])
        elif any("--json" in getattr(p, "opts", ()) for p in command.params):
            out.add(" ".join(words))

    walk(typer.main.get_command(app), [])
    return out


# What each command is run with; the set-up home gives it something to say.
ARGS = {
    "plan": ["plan", "--json", "--weeks", "4"],
    "export json": ["export", "json", "--weeks", "2"],
    "today": ["today", "--json"],
    "stats": ["stats", "--json"],
    "profile show": ["profile", "show", "--json"],
    "profile list": ["profile", "list", "--json"],
    "doctor": ["doctor", "--json"],
    "why": ["why", "retinol", "--json"],
    "triage": ["triage", "--colour", "white", "--location", "cheeks", "--painful", "--json"],
    "event list": ["event", "list", "--json"],
    "log export": ["log", "export"],
    "check": ["check", "Aqua, Glycerin, Retinol, Salicylic Acid", "--json"],
    "shelf list": ["shelf", "list", "--json"],
    "shelf show": ["shelf", "show", "Night cream", "--json"],
    "clients": ["clients", "{profiles}", "--json"],
    "report": ["report", "--json"],
}
MORE = [  # other shapes of the same documents
    ["today", "--json", "--date", "2026-11-01"],  # before the plan starts
    ["why", "--json"], ["why", "B7", "--json"],
    ["plan", "--json", "--week", "2"],
]


@pytest.fixture(scope="module")
def m(tmp_path_factory) -> Milia:
    home = tmp_path_factory.mktemp("contract") / "home"
    home.mkdir(mode=0o700)
    milia = Milia(home)
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', f'name = "{NAME}"'), name="ana")

    def run(*argv: str) -> None:
        res = milia("-p", "ana", *argv, today=ON)
        assert res.exit_code == 0, (argv, res.output)

    for day in ("2026-11-23", "2026-11-24", "2026-11-25"):
        run("checkin", "--date", day, "--all", "--irritation", "0", "--count", "12", "--note", "ça va")
    run("checkin", "--date", "2026-11-26", "--done", "am:cleanse", "--skip", "pm:retinol", "--bumps", "1")
    run("checkin", "--date", "2026-11-28", "--done", "am:cleanse", "--irritation", "3")
    run("event", "add", "--kind", "extraction", "--date", "2026-11-27", "--area", "cheeks")
    run("resume", "--date", "2026-12-05", "--healed")
    run("profile", "set", "skin.type", "dry", "--since", "2026-12-01")
    run("shelf", "add", "Night cream", "--step", "pm:moisturize", "--inci", "Aqua, Glycerin, Retinyl Palmitate, Shea Butter")
    return milia


def run_json(m: Milia, argv: list[str], *args: str, env=None) -> tuple[str, dict]:
    argv = [a.replace("{profiles}", str(m.home / "profiles")) for a in argv]
    res = m(*args, *argv, today=ON, env=env)
    assert res.exit_code == 0, (argv, res.output)
    return res.stdout, json.loads(res.stdout)


def test_every_schema_is_a_valid_draft_2020_12_schema_that_names_its_commands():
    schemas = published()
    assert len(schemas) >= 13
    for name, schema in schemas.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", name
        assert schema["$id"].endswith("/" + name), name
        # each names the commands that print it; milia.error/1 is what any --json command prints on failure
        assert schema.get("x-milia-commands") or schema["title"] == "milia.error/1", name


def test_every_json_option_has_a_published_schema():
    named = {c for s in published().values() for c in s.get("x-milia-commands", [])}
    missing = json_commands() - named
    assert not missing, f"--json without a schema in milia_cli/schemas (name it in x-milia-commands): {missing}"
    assert json_commands() >= {"plan", "today", "stats", "profile show", "profile list", "doctor", "why", "triage",
                               "event list", "check", "resume", "sync caldav"}


def test_every_named_command_is_run_here():
    named = {c for s in published().values() for c in s.get("x-milia-commands", [])}
    assert named - set(ARGS) <= {"resume", "sync caldav"}  # those two change the log or a server: below


@pytest.mark.parametrize("command", sorted(ARGS))
def test_the_output_validates_against_its_schema(m, command):
    text, doc = run_json(m, ARGS[command], "-p", "ana")
    jsonschema.validate(doc, schema_of(command))
    title = schema_of(command)["title"]
    if title.startswith("milia."):
        assert doc["schema"] == title


@pytest.mark.parametrize("argv", MORE, ids=" ".join)
def test_other_shapes_validate_too(m, argv):
    _, doc = run_json(m, argv, "-p", "ana")
    jsonschema.validate(doc, schema_of(argv[0]))


@pytest.mark.parametrize("command", sorted(ARGS))
def test_one_json_style(m, command):
    text, doc = run_json(m, ARGS[command], "-p", "ana")
    assert text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if "name" in doc or isinstance(doc.get("profiles"), list):
        assert NAME in text


@pytest.mark.parametrize("command", sorted(set(ARGS) - {"doctor", "why", "triage", "profile list", "clients"}))
def test_profile_is_the_identity_and_name_the_person(m, command):
    _, doc = run_json(m, ARGS[command], "-p", "ana")
    assert (doc["profile"], doc["name"]) == ("ana", NAME)


def test_clients_gives_each_client_identity_and_name(m):
    _, doc = run_json(m, ARGS["clients"], "-p", "ana")
    assert [(c["profile"], c["name"]) for c in doc["clients"]] == [("ana", NAME)]


def test_profile_list_gives_identity_and_name(m):
    _, doc = run_json(m, ARGS["profile list"], "-p", "ana")
    assert [(p["profile"], p["name"]) for p in doc["profiles"]] == [("ana", NAME)]


def test_the_set_up_home_shows_what_the_schemas_cover(m):
    """The outputs above are not empty: a schema holding an empty array proves nothing."""
    _, log = run_json(m, ARGS["log export"], "-p", "ana")
    assert len(log["checkins"]) == 5 and {e["kind"] for e in log["events"]} == {"extraction", "resume"}
    assert log["changes"] and log["changes"][0]["key"] == "skin.type"
    _, today = run_json(m, ARGS["today"], "-p", "ana")
    assert today["started"] and today["pm"] and today["notices"]
    _, stats = run_json(m, ARGS["stats"], "-p", "ana")
    assert stats["irritation"] and stats["bumps"] and stats["calendar"]


def test_a_client_file_without_a_log_has_profile_null_and_its_name(tmp_path):
    """Before a client file has a log (no log database yet) it has no identity: `profile` is
    null, never the person's name."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    m = Milia(home)
    client = tmp_path / "client.toml"
    client.write_text(BASE_PROFILE.replace('name = "ana"', f'name = "{NAME}"'), encoding="utf-8")
    for argv in (ARGS["today"], ["today", "--json", "--date", "2026-11-01"], ARGS["plan"], ARGS["export json"],
                 ARGS["profile show"]):
        _, doc = run_json(m, argv, "-f", str(client))
        jsonschema.validate(doc, schema_of("export json" if argv[0] == "export" else
                                           "profile show" if argv[0] == "profile" else argv[0]))
        assert (doc["profile"], doc["name"]) == (None, NAME), argv
    assert not [line for line in client.read_text(encoding="utf-8").splitlines() if line.startswith("id")]


def test_a_client_file_with_a_log_is_its_id_everywhere(m, tmp_path):
    client = tmp_path / "client.toml"
    client.write_text(BASE_PROFILE, encoding="utf-8")
    assert m("-f", str(client), "checkin", "--date", "2026-11-23", "--all", today=ON).exit_code == 0
    key = next(line.split('"')[1] for line in client.read_text().splitlines() if line.startswith("id ="))
    for command in sorted(set(ARGS) - {"doctor", "why", "triage", "profile list", "clients", "shelf show"}):
        _, doc = run_json(m, ARGS[command], "-f", str(client))
        assert doc["profile"] == key and doc["name"] == "ana", command
    _, doc = run_json(m, ["clients", str(tmp_path), "--json"])
    assert [(c["profile"], c["name"]) for c in doc["clients"]] == [(key, "ana")]


def test_resume_validates(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    milia = Milia(home)
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', f'name = "{NAME}"'))
    stopped = milia("checkin", "--date", "2026-11-28", "--done", "am:cleanse", "--irritation", "3", today=ON)
    assert stopped.exit_code == 0
    text, doc = run_json(milia, ["resume", "--date", "2026-12-05", "--healed", "--json"])
    jsonschema.validate(doc, schema_of("resume"))
    assert text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert (doc["profile"], doc["name"]) == ("default", NAME) and doc["next_active"]


@pytest.mark.slow  # starts a Radicale server, like the other CalDAV tests
def test_sync_caldav_validates(tmp_path):
    pytest.importorskip("radicale", reason="radicale is not installed: pip install -e '.[test]' brings it")
    from tests.support.caldav_server import PASSWORD, USER, start_radicale, stop

    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    milia = Milia(home)
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', f'name = "{NAME}"'))
    (tmp_path / "radicale").mkdir()
    server = start_radicale(tmp_path / "radicale")
    try:
        argv = ["sync", "caldav", "--url", server.url, "--calendar", "Skin", "--weeks", "2", "--json"]
        for extra in (["--dry-run"], []):
            env = fake_env(ON, vars={"MILIA_CALDAV_USER": USER, "MILIA_CALDAV_PASSWORD": PASSWORD})
            text, doc = run_json(milia, argv + extra, env=env)
            jsonschema.validate(doc, schema_of("sync caldav"))
            assert text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
            assert (doc["profile"], doc["name"]) == ("default", NAME) and doc["creates"]
    finally:
        stop(server)


def test_the_schemas_ship_with_the_package():
    """The wheel's package data (pyproject: ``schemas/*.json``) holds every schema."""
    import tomllib

    pyproject = tomllib.loads((SCHEMAS.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert "schemas/*.json" in pyproject["tool"]["setuptools"]["package-data"]["milia_cli"]
    shipped = resources.files("milia_cli") / "schemas"
    for name, schema in published().items():
        assert json.loads((shipped / name).read_text(encoding="utf-8")) == schema
