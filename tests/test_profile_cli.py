"""`milia init` and `milia profile …` through the CLI."""

from __future__ import annotations

import json
import stat

import pytest

from milia_cli.profile import load_profile
from tests.conftest import BASE_PROFILE, PROFILES_DIR, fake_env

INIT = ["init", "--skin-type", "dry", "--pregnancy", "none", "--area", "under-eyes", "--area", "cheeks",
        "--timezone", "Europe/Berlin", "--start", "2026-11-23", "--makeup", "--no-concealer"]


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_by_flags_creates_private_valid_profile(milia, home):
    r = milia(*INIT, "--am", "06:30", "--name", "Ana Lía")
    assert r.exit_code == 0, r.output
    path = home / "profiles" / "default.toml"
    p = load_profile(path)
    assert p.name == "Ana Lía" and p.skin.type == "dry" and p.milia.areas == ("under-eyes", "cheeks")
    assert p.habits.makeup and not p.habits.under_eye_concealer
    assert p.schedule.am.strftime("%H:%M") == "06:30"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700 and mode(home) == 0o700
    assert "Created profile" in r.stderr


def test_init_into_missing_home_makes_private_dirs(milia, tmp_path):
    new_home = tmp_path / "a" / "b"
    r = milia("--home", str(new_home), *INIT, home=False)
    assert r.exit_code == 0, r.output
    for d in (new_home, new_home.parent, new_home / "profiles"):
        assert mode(d) == 0o700


def test_init_default_start_is_next_monday(milia, home):
    from datetime import date

    r = milia("init", "--skin-type", "oily", "--pregnancy", "none", "--timezone", "UTC", today=date(2026, 11, 25))
    assert r.exit_code == 0, r.output
    assert load_profile(home / "profiles" / "default.toml").schedule.start == date(2026, 11, 30)


def test_init_refuses_to_overwrite_without_force(milia, home):
    assert milia(*INIT).exit_code == 0
    before = (home / "profiles" / "default.toml").read_bytes()
    r = milia(*INIT[:2], "oily", *INIT[3:])
    assert r.exit_code == 1 and "already exists" in r.stderr and "--force" in r.stderr
    assert (home / "profiles" / "default.toml").read_bytes() == before
    r = milia(*INIT[:2], "oily", *INIT[3:], "--force")
    assert r.exit_code == 0 and load_profile(home / "profiles" / "default.toml").skin.type == "oily"


@pytest.mark.parametrize(
    "args,expect",
    [
        (["--skin-type", "greasy"], "key 'skin.type' is 'greasy'"),
        (["--area", "elbow"], "key 'milia.areas' is 'elbow'"),
        (["--timezone", "Nowhere/Atlantis"], "key 'schedule.timezone' is 'Nowhere/Atlantis'"),
        (["--start", "2026-02-30"], "key 'schedule.start' is '2026-02-30'"),
        (["--pm", "9.75pm"], "key 'schedule.pm' is '9.75pm'"),  # 9pm is read as 21:00 (issue 13)
        (["--birth-year", "1850"], "key 'birth_year' is 1850"),
    ],
)
def test_init_bad_flags_write_nothing(milia, home, args, expect):
    base = {"--skin-type": "dry", "--pregnancy": "none", "--timezone": "UTC"}
    argv = ["init"]
    for k, v in base.items():
        if k not in args:
            argv += [k, v]
    r = milia(*argv, *args)
    assert r.exit_code == 1, r.output
    assert expect in r.stderr and r.stderr.count("\n") == 1 and "Traceback" not in r.output
    assert not (home / "profiles" / "default.toml").exists()


def test_init_without_terminal_and_missing_answers_says_what_to_pass(milia):
    r = milia("init", "--skin-type", "dry")
    assert r.exit_code == 1 and "--pregnancy" in r.stderr


def test_init_wizard_on_a_terminal(milia, home):
    env = fake_env(tty=True)
    answers = "\n".join(["Mara", "sensitive", "breastfeeding", "under-eyes, nose", "Europe/Madrid",
                         "2026-12-07", "", "22:00", "1990", "y", "n", "n", "n", "n", "n", "n", "n", "n", "n", "y"]) + "\n"
    env.stdin.write(answers)
    env.stdin.seek(0)
    r = milia("init", env=env)
    assert r.exit_code == 0, r.output
    p = load_profile(home / "profiles" / "default.toml")
    assert (p.name, p.skin.type, p.pregnancy) == ("Mara", "sensitive", "breastfeeding")
    assert p.milia.areas == ("under-eyes", "nose") and p.schedule.timezone == "Europe/Madrid"
    assert p.schedule.pm.strftime("%H:%M") == "22:00" and p.habits.makeup and p.birth_year == 1990
    assert p.cautions.anticoagulants and not p.cautions.keloid_prone


def test_init_wizard_end_of_input_is_an_interruption_that_writes_nothing(milia, home):
    env = fake_env(tty=True)
    env.stdin.write("Ana\ndry\n")
    env.stdin.seek(0)
    r = milia("init", env=env)
    assert r.exit_code == 130 and "Interrupted; nothing was changed." in r.stderr
    assert not (home / "profiles" / "default.toml").exists()


def test_init_wizard_asks_again_on_bad_area(milia, home):
    env = fake_env(tty=True)
    env.stdin.write("\n".join(["Bo", "dry", "none", "elbows", "cheeks", "UTC", "", "", "", "0"] + ["n"] * 11) + "\n")
    env.stdin.seek(0)
    r = milia("init", env=env)
    assert r.exit_code == 0, r.output
    assert "Not an area" in r.stdout
    assert load_profile(home / "profiles" / "default.toml").milia.areas == ("cheeks",)


def test_profile_show_plain_and_json(milia):
    milia.write_profile()
    r = milia("profile", "show")
    assert r.exit_code == 0 and "combination" in r.stdout and "Europe/Berlin" in r.stdout
    r = milia("profile", "show", "--json")
    data = json.loads(r.stdout)
    assert data["skin"]["type"] == "combination" and data["schedule"]["start"] == "2026-11-23"
    assert r.stderr == ""


def test_profile_show_missing_profile_names_existing_ones(milia):
    milia.write_profile(name="ana")
    r = milia("profile", "show")
    assert r.exit_code == 1 and "No profile 'default'" in r.stderr and "existing: ana" in r.stderr


def test_profile_set_validates_before_writing(milia, home):
    path = milia.write_profile()
    before = path.read_bytes()
    r = milia("profile", "set", "skin.type", "oilyy")
    assert r.exit_code == 1 and "allowed: normal, dry, oily, combination, sensitive" in r.stderr
    assert path.read_bytes() == before
    r = milia("profile", "set", "skin.type", "dry")
    assert r.exit_code == 0 and load_profile(path).skin.type == "dry" and mode(path) == 0o600
    r = milia("profile", "set", "nonsense", "1")
    assert r.exit_code == 1 and "Unknown profile key 'nonsense'" in r.stderr


def test_profile_set_refuses_a_newer_schema_file_and_never_rewrites_it(milia):
    path = milia.write_profile(BASE_PROFILE.replace("schema = 1", "schema = 7"))
    before = path.read_bytes()
    r = milia("profile", "set", "skin.type", "dry")
    assert r.exit_code == 1 and "newer milia" in r.stderr
    assert path.read_bytes() == before


def test_profile_list_and_path(milia, home):
    milia.write_profile(name="ana")
    milia.write_profile(name="bo")
    (home / "profiles" / "notes.txt").write_text("x")
    r = milia("-p", "bo", "profile", "list")
    assert r.stdout.splitlines() == ["  ana", "* bo"]
    listing = json.loads(milia("profile", "list", "--json").stdout)["profiles"]
    assert [p["profile"] for p in listing] == ["ana", "bo"] and [p["name"] for p in listing] == ["ana", "ana"]
    assert milia("-p", "ana", "profile", "path").stdout.strip() == str(home / "profiles" / "ana.toml")


def test_profile_env_var_selects_profile(milia, home):
    milia.write_profile(name="ana")
    r = milia("profile", "path", env=fake_env(vars={"MILIA_PROFILE": "ana"}))
    assert r.stdout.strip().endswith("ana.toml")


@pytest.mark.parametrize("name", ["../etc", "a/b", "", "x" * 65, "na me", "ü", ".hidden", "a\nb"])
def test_profile_names_that_are_not_names_are_refused(milia, name):
    r = milia("-p", name, "profile", "show")
    assert r.exit_code == 1 and "is not allowed" in r.stderr


def test_profile_file_anywhere(milia, tmp_path):
    for path in PROFILES_DIR.glob("*.toml"):
        r = milia("-f", str(path), "profile", "show", "--json")
        assert r.exit_code == 0, r.output
    r = milia("-f", str(tmp_path / "nope.toml"), "profile", "show")
    assert r.exit_code == 1 and "does not exist" in r.stderr
    r = milia("-f", "x.toml", "-p", "ana", "profile", "show")
    assert r.exit_code == 1 and "not both" in r.stderr


def test_profile_delete(milia, home):
    path = milia.write_profile(name="ana")
    r = milia("profile", "delete", "ana")
    assert r.exit_code == 0 and not path.exists() and "Deleted profile 'ana'" in r.stderr
    r = milia("profile", "delete", "ana")
    assert r.exit_code == 1 and "no profile 'ana'" in r.stderr
    assert milia("profile", "delete", "../x").exit_code == 1


def test_usage_errors_exit_2_without_traceback(milia):
    for argv in (["profile", "set", "skin.type"], ["init", "--birth-year", "old"], ["nonsense-command"]):
        r = milia(*argv)
        assert r.exit_code == 2, (argv, r.output)
        assert "Traceback" not in r.output


def test_version(milia):
    from milia_cli import __version__

    r = milia("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"milia {__version__}"


def test_profile_set_writes_through_a_symlinked_client_file(milia, tmp_path):
    repo_file = tmp_path / "clinic-repo" / "ana.toml"
    repo_file.parent.mkdir()
    repo_file.write_text(BASE_PROFILE)
    link = milia.home / "profiles" / "default.toml"
    link.parent.mkdir(mode=0o700)
    link.symlink_to(repo_file)
    r = milia("profile", "set", "skin.type", "dry")
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and load_profile(repo_file).skin.type == "dry"


def test_a_directory_named_like_a_profile_is_one_sentence(milia):
    (milia.home / "profiles" / "default.toml").mkdir(parents=True)
    r = milia("profile", "show")
    assert r.exit_code == 1 and "is not a regular file" in r.stderr
