"""The terminal check-in reads cleanly at 60 and 80 columns, in English and Korean (issue 13, items
1 and 2): no prompt runs past the width, so the terminal never breaks a word of it.

Found in a real 80-column tmux: "Bumps you see today, in total (A6/A7 compare counts over weeks)
[Enter = leave out]:" is 85 columns, and the terminal split "o|ut". The transcript here is the one
a terminal shows: each answer is echoed after its prompt, as the terminal's line discipline does.
"""

from __future__ import annotations

import io

import pytest

from conftest import TODAY, fake_env
from milia_cli.render.text import cells


class EchoingStdin(io.StringIO):
    """Answers read one line at a time, each echoed into the transcript like a terminal."""

    def __init__(self, answers: list[str], transcript: io.StringIO) -> None:
        super().__init__("".join(a + "\n" for a in answers))
        self.transcript = transcript

    def readline(self, *args) -> str:  # type: ignore[override]
        line = super().readline(*args)
        self.transcript.write(line)
        return line


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("answers", [["", "0", "7", "picked one"], ["n", "2 s3", "mild", "", ""]])
def test_every_prompt_fits_the_terminal(milia, width, lang, answers):
    milia.write_profile()
    env = fake_env(TODAY, tty=True, vars={"COLUMNS": str(width)})
    env.stdin = EchoingStdin(answers, env.stdout)
    res = milia("--lang", lang, "checkin", env=env)
    assert res.exit_code == 0, res.output
    lines = res.stdout.split("\n")
    assert len(lines) > 6
    for line in lines:
        assert cells(line) <= width, f"{cells(line)} > {width}: {line!r}"
    said = " ".join(res.stdout.split())
    if lang == "en":  # the words are all there, only wrapped between them
        assert "Bumps you see today, in total (A6/A7 compare counts over weeks) [Enter = leave out]:" in said
        assert "A note (say so if you picked or squeezed a bump)" in said
