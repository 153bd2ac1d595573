"""Shared fixtures: a private home, a fake environment with a pinned clock, a CLI runner."""

from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from milia_cli.cli import app, load_commands
from milia_cli.env import Environment
from tests.support.examples import QUICK
from tests.support.memory_tmp import memory_tmp


def pytest_configure(config: pytest.Config) -> None:
    """The quick loop (`-m "not slow"`) runs property tests on fewer examples (tests/support/examples.py)
    and keeps its temporary homes in memory (tests/support/memory_tmp.py).

    Only when the marker expression leaves the slow tests out: the full run, `.ci/run` and runs
    of chosen files keep every example and the real disk. `--hypothesis-profile` chooses the
    examples, and `TMPDIR` or `--basetemp` the place, over this.
    """
    if not re.search(r"\bnot\s+slow\b", config.option.markexpr or ""):
        return
    if config.getoption("hypothesis_profile", None) is None:
        settings.load_profile(QUICK)
    ram = memory_tmp()
    if ram is not None and "TMPDIR" not in os.environ and config.option.basetemp is None:
        tempfile.tempdir = ram  # pytest's tmp_path and the tests' own tempfile calls


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say so at the end of a quick loop: it is not the full suite."""
    if settings.get_current_profile_name() == QUICK:
        terminalreporter.write_line("quick loop: property tests ran a fifth of their examples and slow tests were "
                                    "left out; `pytest -q` runs them all (as CI does)")


load_commands()  # the console script loads lazily; in-process tests drive the whole app

REPO = Path(__file__).resolve().parent.parent
PROFILES_DIR = REPO / "profiles"
TODAY = date(2026, 11, 23)

BASE_PROFILE = """\
schema = 1
name = "ana"
pregnancy = "none"
birth_year = 1994

[skin]
type = "combination"
tone_prone_to_dark_spots = false

[milia]
areas = ["upper-eyelids", "under-eyes", "cheeks"]
since = 2026-09-01

[habits]
makeup = true
under_eye_concealer = true
smoker = false

[cautions]
isotretinoin_recent = false
eczema_or_rosacea = false
photosensitizing_medicine = false
facial_steroid = false

[schedule]
start = 2026-11-23
am = "07:30"
pm = "21:30"
timezone = "Europe/Berlin"
"""


def fake_env(today: date = TODAY, *, tty: bool = False, color: bool = False, vars: dict | None = None,
             now: datetime | None = None) -> Environment:
    """An Environment with a pinned clock; never the real date or zone."""
    moment = now or datetime(today.year, today.month, today.day, 12, 0, tzinfo=UTC)
    return Environment(
        stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(),
        stdin_isatty=tty, stdout_isatty=tty, color=color,
        vars=dict(vars or {}), now=lambda: moment,
        fixed_today=None if now else today,
    )


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None
    code: str | None = None  # the message code of the error the run ended with (issue 14, item 4)

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class Milia:
    """Runs the CLI in-process against a private home with a pinned clock."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.runner = CliRunner()

    def __call__(self, *args: str, today: date = TODAY, input: str | None = None, tty: bool = False,
                 env: Environment | None = None, home: bool = True) -> Result:
        environment = env or fake_env(today, tty=tty)
        argv = (["--home", str(self.home)] if home else []) + [str(a) for a in args]
        res = self.runner.invoke(app, argv, obj=environment, input=input)
        # commands write through Environment streams; typer.echo goes to the runner's
        out = res.stdout + environment.stdout.getvalue()
        err = res.stderr + environment.stderr.getvalue()
        code = environment.failure.code if environment.failure is not None else None
        return Result(res.exit_code, out, err, res.exception if not isinstance(res.exception, SystemExit) else None,
                      code)

    def write_profile(self, text: str = BASE_PROFILE, name: str = "default") -> Path:
        path = self.home / "profiles" / f"{name}.toml"
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
        return path


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir(mode=0o700)
    return h


@pytest.fixture
def client_folder(tmp_path: Path) -> Path:
    """A clinic's folder of one client file (the base profile), for `batch`."""
    directory = tmp_path / "clients"
    directory.mkdir()
    (directory / "ana.toml").write_text(BASE_PROFILE, encoding="utf-8")
    return directory


@pytest.fixture
def milia(home: Path) -> Milia:
    return Milia(home)
