"""`milia check [INCI] [--file F | -] [--step STEP] [--percent NAME=P]… [--json]`: what a
product contains and which rules fire for this profile (issue 15). Exit 3 when a stop fires.

Typer only: read the label and the profile, call :mod:`milia_cli.ingredients.report`, print.
Everything but Typer is imported inside the command (start-up stays light).
"""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from milia_cli.cli.app import command_app, state
from milia_cli.errors import ExitCode

if TYPE_CHECKING:
    from milia_cli.cli.app import State
    from milia_cli.profile import Profile

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them

MAX_FILE_BYTES = 256 * 1024


@cli.command("check")
def check_cmd(
    ctx: typer.Context,
    inci: str | None = typer.Argument(None, metavar="[INCI]",
                                         help="The ingredient list as printed, or - to read standard input."),
    file: Path | None = typer.Option(None, "--file", metavar="F", dir_okay=False,
                                        help="Read the ingredient list from F (- for standard input)."),
    step: str | None = typer.Option(None, "--step", metavar="STEP",
                                       help="Where it would be used: cleanse, moisturize, eye-cream, makeup, …"),
    percent: list[str] | None = typer.Option(None, "--percent", metavar="NAME=P",
                                                help="A strength the label does not print (glycolic=30, bha=2); repeatable."),
    as_json: bool = typer.Option(False, "--json", help="Print the milia.check/1 JSON only."),
) -> None:
    """Check a product's ingredient list against your profile: classes, rules, EU facts. Exit 3 if a stop fires."""
    from milia_cli.errors import UsageError
    from milia_cli.ingredients.report import check_label, render_text
    from milia_cli.messages import check as msg

    st = state(ctx)
    if inci is not None and file is not None:
        raise UsageError(msg.TWO_INPUTS)
    if inci is None and file is None:
        raise UsageError(msg.NO_INPUT)
    if file is not None and str(file) != "-":
        text, where = _read_file(file), msg.WHERE_FILE.format(path=file)
    elif inci == "-" or file is not None:
        text, where = _read_stdin(st), msg.WHERE_STDIN
    else:
        assert inci is not None  # (one of the two was given, checked above)
        text, where = inci, ""
    profile = _profile_or_none(st)
    today = st.today() if profile is not None else None
    result = check_label(text, profile=profile, step=step, percents=tuple(percent or ()), today=today,
                         where=where)
    if as_json:
        import json

        st.out(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in render_text(result, st.env.language):
            st.out(line)
    if result.stopped:
        raise typer.Exit(ExitCode.STOPPED)  # a stop fired for this profile: a script can refuse the product


def _read_file(path: Path) -> str:
    from milia_cli.errors import MiliaError
    from milia_cli.messages import check as msg

    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise MiliaError(msg.UNREADABLE.format(path=path, reason=err.strerror or err)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise MiliaError(msg.TOO_LONG.format(where=msg.WHERE_FILE.format(path=path), size=msg.SIZE_OVER.format(limit=MAX_FILE_BYTES),
                                             limit=MAX_FILE_BYTES))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MiliaError(msg.NOT_TEXT.format(path=path)) from None


def _read_stdin(st: "State") -> str:
    from milia_cli.errors import MiliaError
    from milia_cli.messages import check as msg

    try:
        text = st.env.stdin.read(MAX_FILE_BYTES + 1)
    except UnicodeDecodeError:
        raise MiliaError(msg.NOT_TEXT.format(path=msg.STDIN)) from None
    except OSError as err:
        raise MiliaError(msg.UNREADABLE.format(path=msg.STDIN, reason=err.strerror or err)) from None
    return text


def _profile_or_none(st: "State") -> "Profile | None":
    """The chosen profile; None only when none was asked for and the default does not exist.
    A profile that was named, or one that exists but is invalid, is an error as everywhere:
    checking a pregnant user's product against no profile by accident would hide B1."""
    explicit = st.profile_file is not None or st.profile_name is not None or bool(st.env.vars.get("MILIA_PROFILE"))
    if not explicit and not st.profile_path.exists():
        return None
    return st.profile()
