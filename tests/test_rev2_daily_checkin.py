"""Issue 13 item 1: a check-in in seconds — one screen, "All done? [Y/n]" first, every answer
read as it is typed (with the reason when it is refused), a one-line confirmation."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from milia_cli.store import open_store
from tests.conftest import BASE_PROFILE, TODAY, fake_env

ALL_IDS = {"am:cleanse", "am:eye-cream", "am:moisturize", "am:sunscreen", "am:makeup", "pm:remove-makeup",
           "pm:cleanse", "pm:retinol", "pm:eye-cream", "pm:moisturize"}


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def stored(m, day=TODAY):
    with open_store(m.home / "milia.db") as store:
        return store.read_log("default").on(day)


def last_line(res) -> str:
    """The confirmation: from the last "Stored" on (the prompts before it have no echoed newline),
    one sentence, wrapped between words to the terminal (80 columns here), so unwrapped again."""
    return " ".join(("Stored" + res.stdout.rsplit("Stored", 1)[1]).split())


def run(m, answers: str, *args: str, today: date = TODAY, now: datetime | None = None):
    env = fake_env(today, tty=True, now=now)
    env.stdin = io.StringIO(answers)
    return m("checkin", *args, env=env)


def test_a_done_day_is_enter_and_the_irritation(m):
    res = run(m, "\n0\n\n\n")
    assert res.exit_code == 0, res.output
    assert "All done? [Y/n] (Enter = yes)" in res.stdout
    ci = stored(m)
    assert ci.done == ALL_IDS and not ci.all_done  # the planned ids, never "all"
    assert ci.irritation == 0 and ci.count is None and ci.note is None
    assert last_line(res) == "Stored Mon 23 Nov: 10 of 10 steps, irritation 0."


def test_the_screen_lists_the_steps_as_labels_with_numbers_and_says_what_enter_does(m):
    out = run(m, "\n\n\n\n").stdout
    assert "Check-in for Mon 23 Nov (week 1)" in out
    assert "1 cleanse" in out and "SPF 30+" in out and "6 makeup off" in out and "8 retinol" in out
    assert "remove-makeup" not in out and "eye-cream" not in out  # no dashed ids on the screen
    assert "0 none · 1 mild" in out and "3 severe" in out and "[Enter = leave out]" in out
    assert "in total" in out and "[Enter = none]" in out


def test_a_yes_no_answer_that_is_neither_says_why_and_asks_again(m):
    res = run(m, "3\ny\n\n\n\n")
    assert res.exit_code == 0, res.output
    assert "3 is not yes or no: answer y or n." in res.stdout
    assert res.stdout.count("All done? [Y/n]") == 2
    assert stored(m).done == ALL_IDS


def test_irritation_takes_the_words_and_refuses_other_text_with_the_reason(m):
    res = run(m, "\nbad\nmild\n\n\n")
    assert res.exit_code == 0, res.output
    assert "bad is not an irritation level: answer 0, 1, 2 or 3, or the word none, mild, moderate or severe." \
        in res.stdout
    assert stored(m).irritation == 1
    run(m, "Severe\n\n\n")  # nothing open any more: irritation comes first
    assert stored(m).irritation == 3


def test_a_count_that_is_not_a_number_is_refused_with_the_reason(m):
    res = run(m, "\n0\ntwelve\n12\n\n")
    assert "twelve is not a count: answer a whole number from 0 to" in res.stdout
    assert stored(m).count == 12
    assert "12 bumps in total" in last_line(res)


def test_not_all_done_asks_which_and_a_bare_enter_marks_nothing_done(m):
    res = run(m, "n\n\n5 s8\n1\n\n\n")
    assert res.exit_code == 0, res.output
    assert "Enter alone does not answer" in res.stdout
    ci = stored(m)
    assert ci.done == ALL_IDS - {"am:makeup", "pm:retinol"} and ci.skipped == {"pm:retinol"}
    assert "Stored Mon 23 Nov: 8 of 10 steps, 1 skipped, irritation 1." in res.stdout


def test_which_were_not_done_takes_names_as_the_screen_shows_them(m):
    res = run(m, "n\nretinol, spf\n\n\n\n")
    assert res.exit_code == 0, res.output
    assert stored(m).done == ALL_IDS - {"pm:retinol", "am:sunscreen"}


def test_a_number_off_the_list_is_refused_with_the_range(m):
    res = run(m, "n\n11\nall\n\n\n\n")
    assert "11 is not on the list: use numbers from 1 to 10" in res.stdout
    assert stored(m).done == frozenset()


def test_back_filling_names_the_day_instead_of_today(m):
    res = run(m, "\n1\n\n\n", "--date", "2026-11-23", today=date(2026, 11, 24))
    assert res.exit_code == 0, res.output
    assert "Irritation on Mon 23 Nov, 0-3" in res.stdout and "Bumps you saw on Mon 23 Nov" in res.stdout
    assert "Irritation today" not in res.stdout and "see today" not in res.stdout
    assert last_line(res) == "Stored Mon 23 Nov: 10 of 10 steps, irritation 1."


def test_irritation_3_prints_b7_and_the_confirmation_says_tonight_changes(m):
    res = run(m, "\n3\n\n\n")
    assert res.exit_code == 0, res.output
    assert "B7" in res.stderr
    assert last_line(res) == "Stored Mon 23 Nov: 10 of 10 steps, irritation 3; tonight: no retinol (rule B7, above)."


def test_tonight_change_names_what_leaves_and_comes_back():
    from milia_cli.checkin_answers import tonight_change
    from milia_cli.plan import Day
    from milia_cli.steps import make_step

    retinol = make_step("retinol", "pm", areas=("cheeks",), rules=("B3",))
    cream = make_step("moisturize", "pm", areas=("face",), rules=("D1",))
    with_ = Day(TODAY, 1, (), (cream, retinol))
    without = Day(TODAY, 1, (), (cream,))
    assert tonight_change(with_, without, 2) == "tonight: no retinol (rule B6, above)"
    assert tonight_change(with_, without, None) == "tonight: no retinol"
    assert tonight_change(without, with_, 0) == "tonight: retinol again"
    assert tonight_change(with_, with_, 1) == ""


def test_irritation_0_with_nothing_changing_says_nothing_about_tonight(m):
    res = run(m, "\n0\n\n\n")
    assert "tonight" not in last_line(res)


def test_a_morning_checkin_asks_about_the_morning_only(m):
    morning = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
    res = run(m, "\n0\n\n\n", now=morning)
    assert res.exit_code == 0, res.output
    assert "Evening steps come due at 21:30" in res.stdout and "retinol" not in res.stdout.split("All done")[0]
    assert stored(m).done == {s for s in ALL_IDS if s.startswith("am:")}
    evening = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # 21:00: the rest is due now
    res = run(m, "\n\n\n\n", now=evening)
    assert "Already stored: 5 of 10 steps, irritation 0." in res.stdout
    assert "1 makeup off" in res.stdout  # only the open ones, renumbered
    assert stored(m).done == ALL_IDS and stored(m).irritation == 0


def test_the_flag_path_confirms_in_the_same_words_on_a_terminal(m):
    res = m("checkin", "--all", "--irritation", "3", env=fake_env(TODAY, tty=True))
    assert last_line(res) == "Stored Mon 23 Nov: 10 of 10 steps, irritation 3; tonight: no retinol (rule B7, above)."
    assert res.stdout.splitlines()[-2:] == [  # 80 columns: wrapped between words
        "Stored Mon 23 Nov: 10 of 10 steps, irritation 3; tonight: no retinol (rule B7,", "  above)."]


def test_five_unreadable_answers_store_nothing(m):
    res = run(m, "x\n" * 5)
    assert res.exit_code == 1 and "nothing was changed" in res.stderr
    assert not (m.home / "milia.db").exists() or stored(m) is None


# -- a real terminal ------------------------------------------------------------------------
def _tmux(*args: str, check: bool = True) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=check).stdout


def _wait_for(session: str, text: str, tries: int = 3000) -> str:
    """Poll the pane until ``text`` shows (each poll is a tmux round trip, no sleeping)."""
    screen = ""
    for _ in range(tries):
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        subprocess.run(["tmux", "wait-for", "-S", "milia-none"], capture_output=True)  # a cheap yield
    raise AssertionError(f"{text!r} never appeared; the pane shows:\n{screen}")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (apt-get install -y tmux)")
def test_a_real_terminal_checkin_under_tmux(tmp_path: Path):
    home = tmp_path / "home"
    (home / "profiles").mkdir(parents=True, mode=0o700)
    home.chmod(0o700)
    (home / "profiles" / "default.toml").write_text(BASE_PROFILE)
    (home / "profiles" / "default.toml").chmod(0o600)
    milia = Path(sys.executable).with_name("milia")
    session = f"milia-daily-{os.getpid()}"
    env = f"MILIA_HOME={home} MILIA_NOW=2026-11-23T20:30:00+00:00 TERM=xterm COLUMNS=80"
    done = tmp_path / "done"
    _tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "40",
          f"env {env} {milia} checkin; echo EXIT=$? > {done}; sleep 30")
    try:
        _wait_for(session, "All done? [Y/n] (Enter = yes):")
        _tmux("send-keys", "-t", session, "maybe", "Enter")
        _wait_for(session, "maybe is not yes or no")
        _tmux("send-keys", "-t", session, "Enter")
        _wait_for(session, "Irritation today")
        _tmux("send-keys", "-t", session, "mild", "Enter")
        _wait_for(session, "in total")
        _tmux("send-keys", "-t", session, "7", "Enter")
        _wait_for(session, "A note")
        _tmux("send-keys", "-t", session, "Enter")
        screen = _wait_for(session, "Stored Mon 23 Nov")
        assert "Stored Mon 23 Nov: 10 of 10 steps, irritation 1, 7 bumps in total." in screen
        for _ in range(3000):
            if done.exists() and done.read_text().strip():
                break
            subprocess.run(["tmux", "wait-for", "-S", "milia-none"], capture_output=True)
        assert done.read_text().strip() == "EXIT=0"
    finally:
        _tmux("kill-session", "-t", session, check=False)
    with open_store(home / "milia.db") as store:
        ci = store.read_log("default").on(TODAY)
    assert ci.done == ALL_IDS and (ci.irritation, ci.count) == (1, 7)
