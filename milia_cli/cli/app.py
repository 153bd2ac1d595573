"""The Typer application, its global options and the single exit point.

Commands live in sibling modules (``profile_cmds``, ``plan_cmds``, …) and
register themselves on :data:`app`. They parse, call the library, and render;
nothing clinical or storage-related happens here.
"""

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from typer.core import TyperGroup

from milia_cli import __version__
from milia_cli.env import Environment
from milia_cli.errors import ExitCode, MiliaError
from milia_cli.messages import common as common_msg
from milia_cli.messages import profile as profile_msg
from milia_cli.paths import DEFAULT_PROFILE, Locations, resolve_locations, validate_profile_name
from milia_cli.safe_text import one_line, visible

if TYPE_CHECKING:
    from milia_cli.logmodel import Log
    from milia_cli.profile import Profile
    from milia_cli.store import Store


class MiliaGroup(TyperGroup):
    """Turns every :class:`MiliaError` into one sentence on stderr (the one exit point),
    and knows every command name before its module is imported (see :func:`modules_for`)."""

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command, loaded or not, in the order of :data:`COMMAND_MODULES` (help, completion)."""
        loaded = super().list_commands(ctx)
        return list(COMMAND_MODULES) + [name for name in loaded if name not in COMMAND_MODULES]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMAND_MODULES:
            command = _late_command(cmd_name)
            if command is not None:
                self.add_command(command, cmd_name)
        return command

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except MiliaError as err:
            fail(err)
        except (KeyboardInterrupt, EOFError):
            typer.echo(interrupted_message(ctx.obj), err=True)
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:  # `milia … | head`: the reader left; not an error of milia's
            _silence_stdout()
            raise typer.Exit(EXIT_PIPE) from None
        except Exception as exc:  # no traceback ever reaches a user
            if type(exc).__module__.startswith(("click", "typer")):
                raise
            if os.environ.get("MILIA_DEBUG"):
                raise
            typer.echo(
                common_msg.INTERNAL_ERROR.format(kind=type(exc).__name__, detail=str(exc)[:200]),
                err=True,
            )
            raise typer.Exit(ExitCode.ERROR) from None


    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        """Click's main, with its usage errors as one sentence instead of a boxed usage screen
        (issue 12, item 13): ``milia: no such option: --foo; see `milia checkin --help`.``"""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        from typer._click import exceptions as click_errors  # Typer 0.27 vendors click (pinned)

        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as exc:
            exc.show()  # `milia export` alone: its help, as before
            sys.exit(exc.exit_code)
        except click_errors.ClickException as exc:
            argv = list(sys.argv[1:] if args is None else args)
            typer.echo(f"milia: {one_line(usage_sentence(exc, self._command_path(argv)))}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:  # Ctrl-C or end of input while click was parsing
            typer.echo(common_msg.INTERRUPTED, err=True)
            sys.exit(ExitCode.INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


    def _command_path(self, argv: list[str]) -> str:
        """``milia export ics`` for ``--home X export ics --alarm``: the command a line names."""
        words, command, i = ["milia"], self, 0
        while i < len(argv) and hasattr(command, "commands"):
            word = argv[i]
            if word in _GLOBAL_WITH_VALUE:
                i += 2
                continue
            if word.startswith("-"):
                i += 1
                continue
            sub = command.commands.get(word)  # type: ignore[attr-defined]
            if sub is None:
                break
            words.append(word)
            command, i = sub, i + 1
        return " ".join(words)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's flush at exit does not complain about the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def usage_sentence(exc: Any, command_path: str = "milia") -> str:
    """One sentence for a click error: its message, lower-cased first letter, and where the help is."""
    text = " ".join(str(exc.format_message()).split()).rstrip(".")
    text = text[:1].lower() + text[1:]
    ctx = getattr(exc, "ctx", None)
    return common_msg.USAGE_SENTENCE.format(error=text, command=ctx.command_path if ctx is not None else command_path)


def interrupted_message(obj: Any) -> str:
    """What Ctrl-C leaves: nothing, or what this run had already stored or written (item 10)."""
    parts = list(dict.fromkeys(getattr(obj, "stored", None) or ()))
    written = list(getattr(obj, "written", None) or ())
    if len(written) == 1:
        parts.append(one_line(written[0]))
    elif written:
        parts.append(common_msg.WRITTEN_FILES.format(count=len(written), where=one_line(written[0].parent)))
    if parts:
        return common_msg.INTERRUPTED_STORED.format(what=" and ".join(parts))
    return common_msg.INTERRUPTED


def fail(err: MiliaError) -> None:
    typer.echo(f"milia: {one_line(err.message)}", err=True)
    raise typer.Exit(err.exit_code) from None


app = typer.Typer(
    cls=MiliaGroup,
    name="milia",
    help="A skincare planner for people prone to milia: information, never a diagnosis.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """What every command needs: the environment, the locations, the chosen profile.
    (A plain class: a dataclass would cost ~0.2 ms of import on every run.)"""

    def __init__(self, env: Environment, locations: Locations, profile_name: str | None = None,
                 profile_file: Path | None = None) -> None:
        self.env, self.locations = env, locations
        self.profile_name, self.profile_file = profile_name, profile_file
        self._profile: "Profile | None" = None
        self.stored: list[str] = []  # what this run has committed (the interruption message says it)
        self.written: list[Path] = []  # the exports this run has written
        self._skipped_warned: set[str] = set()

    # -- profile ---------------------------------------------------------
    @property
    def name(self) -> str:
        return self.profile_name or self.env.vars.get("MILIA_PROFILE") or DEFAULT_PROFILE

    @property
    def profile_path(self) -> Path:
        if self.profile_file is not None:
            return self.profile_file
        return self.locations.profile_path(validate_profile_name(self.name))

    def profile(self) -> "Profile":
        """Load (once) and validate the chosen profile, or raise a clear error."""
        if self._profile is None:
            from milia_cli.profile import load_profile

            path = self.profile_path
            if self.profile_file is None and not path.exists():
                others = self.locations.profile_names()
                hint = f" (existing: {', '.join(others)})" if others else ""
                raise MiliaError(
                    profile_msg.NOT_FOUND.format(name=self.name, directory=self.locations.profiles_dir, hint=hint)
                )
            self._profile = self._identified(load_profile(path))
            if self.profile_file is None:  # a client's file elsewhere is the user's business
                self.warn_if_widened(self.locations.config_dir, 0o700)
                self.warn_if_widened(path.parent, 0o700)
                self.warn_if_widened(path, 0o600)
        return self._profile

    def _identified(self, profile: "Profile") -> "Profile":
        """``profile`` with its identity in ``.id`` (see :mod:`milia_cli.identity`)."""
        from milia_cli.identity import identify, is_home_file

        path = self.profile_path
        home = self.profile_file is None or is_home_file(path, self.locations.profiles_dir)
        found = identify(path, profile, self.locations, home=home, timeout=self.db_timeout)
        for note in found.notes:
            self.err(f"milia: {note}")
        return found.profile

    @property
    def log_key(self) -> str:
        """The key of the profile's log: its identity (its name in the home, else the `id` in
        the file; a client file without one gets one now, as its log is about to be used).
        A home profile's key is read without validating the file, so a broken or missing
        profile can still export or import its log."""
        if self.profile_file is None:
            from milia_cli.identity import home_log_key

            return home_log_key(self.locations, validate_profile_name(self.name))
        profile = self.profile()
        if profile.id is None:
            from milia_cli.identity import claim

            found = claim(self.profile_path, profile, self.locations, timeout=self.db_timeout)
            for note in found.notes:
                self.err(f"milia: {note}")
            self._profile = profile = found.profile
        return profile.id  # type: ignore[return-value]

    def today(self) -> date:
        return self.env.today(self.profile().schedule.timezone)

    # -- log -------------------------------------------------------------
    @property
    def db_timeout(self) -> float | None:
        """Seconds a write waits for another milia's lock: ``MILIA_DB_TIMEOUT``, or None for
        the store's default (5 s)."""
        text = self.env.vars.get("MILIA_DB_TIMEOUT")
        if text is None or not text.strip():
            return None
        try:
            seconds = float(text)
        except ValueError:
            seconds = -1.0
        if not 0 <= seconds <= MAX_DB_TIMEOUT:  # also refuses nan and inf
            raise MiliaError(common_msg.BAD_DB_TIMEOUT.format(value=text, limit=MAX_DB_TIMEOUT))
        return seconds

    def open_store(self) -> "Store":
        """One connection to the log database (created if needed), with the configured lock wait;
        its reads skip rows dated outside milia's range (warning once), its writes note what
        they stored (see :mod:`milia_cli.guarded_store`)."""
        from milia_cli.guarded_store import GuardedStore, open_read_only
        from milia_cli.store import open_store

        try:
            store = open_store(self.locations.db_path, timeout=self.db_timeout)
        except MiliaError as err:  # a read-only home: the reading commands still read (issue 12, item 13)
            from milia_cli.fsutil import disk_is_full

            if disk_is_full(self.locations.db_path.parent):  # SQLite says "disk I/O error" for a -shm it cannot grow
                from milia_cli.messages.log import DB_FULL

                raise MiliaError(DB_FULL.format(path=one_line(self.locations.db_path))) from None
            store = open_read_only(self.locations.db_path, self.db_timeout, err)
        self.warn_if_widened(self.locations.db_path, 0o600)
        return GuardedStore(store, self._warn_skipped, self.stored.append)  # type: ignore[return-value]

    def _warn_skipped(self, key: str, bad: list[str]) -> None:
        from milia_cli.dates import RANGE_TEXT

        if key in self._skipped_warned:
            return
        self._skipped_warned.add(key)
        examples = ", ".join(bad[:3]) + (", …" if len(bad) > 3 else "")
        many = len(bad) != 1
        self.err("milia: " + common_msg.LOG_ROWS_SKIPPED.format(
            name=key, count=len(bad), ies="ies" if many else "y", range=RANGE_TEXT, examples=examples))

    def has_log(self) -> bool:
        """False only when there is no log database yet (a reading command then plans an empty
        log); a database that is there but unusable (a dangling link, 0 bytes, a damaged -wal,
        a FIFO …) raises its one-sentence error instead of being read as empty."""
        from milia_cli.dbfiles import log_exists

        return log_exists(self.locations.db_path)

    def load_plan_log(self, last: date) -> "Log":
        """The log a plan from schedule.start through ``last`` needs, and no more: check-ins from
        day 1 (or the pause or stop still open then, :meth:`Store.plan_history_first`) to
        ``last``, and every event and change; empty if there is no database yet."""
        from milia_cli.logmodel import EMPTY_LOG

        if not self.has_log() or self.profile().id is None:
            return EMPTY_LOG
        with self.open_store() as store:
            first = store.plan_history_first(self.log_key, self.profile().schedule.start)
            return store.read_log(self.log_key, first=first, last=last)

    def load_log(self, first: date | None = None, last: date | None = None) -> "Log":
        """The profile's log (optionally a date window); empty if there is no database yet."""
        from milia_cli.logmodel import EMPTY_LOG

        if not self.has_log() or self.profile().id is None:
            return EMPTY_LOG  # no log yet (a client file gets its id when it first has one)
        with self.open_store() as store:
            return store.read_log(self.log_key, first=first, last=last)

    # -- output ----------------------------------------------------------
    def out(self, text: str = "") -> None:
        self.env.stdout.write(text + "\n")

    def err(self, text: str) -> None:
        """A message on stderr; anything from outside in it is shown escaped (:func:`visible`)."""
        self.env.stderr.write(visible(text) + "\n")

    def warn_if_widened(self, path: Path, want: int) -> None:
        from milia_cli.fsutil import widened_mode_warning

        warning = widened_mode_warning(path, want)
        if warning:
            self.err(f"milia: {warning}")


def state(ctx: typer.Context) -> State:
    return ctx.find_root().obj  # set by the callback below


def _version(value: bool) -> None:
    if value:
        typer.echo(f"milia {__version__}")
        raise typer.Exit()


def _complete_profile_name(ctx: typer.Context, incomplete: str) -> list[str]:
    from milia_cli.completion_values import complete_profile_name

    return complete_profile_name(ctx, incomplete)


@app.callback()
def root(
    ctx: typer.Context,
    home: Optional[Path] = typer.Option(
        None, "--home", metavar="DIR", help="Keep profiles and the log in DIR (or set MILIA_HOME).",
        file_okay=False,
    ),
    profile: Optional[str] = typer.Option(
        None, "--profile", "-p", metavar="NAME", autocompletion=_complete_profile_name,
        help="Profile to use (or MILIA_PROFILE; default 'default')."
    ),
    profile_file: Optional[Path] = typer.Option(
        None, "--profile-file", "-f", metavar="PATH", help="Use a profile TOML file anywhere (a client's file).",
        dir_okay=False,
    ),
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.from_os()
    if profile is not None and profile_file is not None:
        raise MiliaError(profile_msg.PROFILE_FILE_AND_NAME)
    if profile is not None:
        validate_profile_name(profile)
    elif env.vars.get("MILIA_PROFILE") and profile_file is None:
        validate_profile_name(env.vars["MILIA_PROFILE"])
    ctx.obj = State(
        env=env,
        locations=resolve_locations(home, env.vars),
        profile_name=profile,
        profile_file=profile_file,
    )


# Which module registers which command, in the order help lists them. A run imports
# only the module its command needs; help and unknown words load all; a tab press on
# the command word loads the modules of the names that match (MiliaGroup.get_command).
COMMAND_MODULES = {
    "init": "profile_cmds", "profile": "profile_cmds",
    "plan": "plan_cmds", "today": "plan_cmds", "why": "plan_cmds", "triage": "plan_cmds",
    "checkin": "log_cmds", "stats": "log_cmds", "event": "log_cmds", "log": "log_cmds", "resume": "resume_cmd",
    "export": "export_cmds", "batch": "export_cmds",
    "doctor": "doctor_cmd",
    "check": "check_cmd",
    "sync": "sync_cmds",
    "report": "report_cmd",
}
EXIT_PIPE = 141  # a closed standard output: what a shell reports for SIGPIPE (128 + 13), as in main's calendar_opts
MAX_DB_TIMEOUT = 600.0  # seconds: ten minutes is already far past any real lock
_GLOBAL_WITH_VALUE = ("--home", "--profile", "-p", "--profile-file", "-f")


def modules_for(argv: list[str], environ: Any = os.environ) -> list[str]:
    """The command modules a command line needs (all of them when in doubt)."""
    everything = sorted(set(COMMAND_MODULES.values()))
    words = list(argv)
    complete_var = f"_{app.info.name.upper()}_COMPLETE" if app.info.name else "_MILIA_COMPLETE"
    completing = bool(environ.get(complete_var))
    if completing:  # a tab press: look at the words typed so far
        typed = environ.get("COMP_WORDS", "").split()
        try:
            current = int(environ.get("COMP_CWORD", "0"))
        except ValueError:
            current = len(typed)
        words = typed[1:current]
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("--version", "-V"):
            return []
        if word in _GLOBAL_WITH_VALUE:
            i += 2
            continue
        if word.startswith("-"):
            if word in ("--help", "-h") or not word.startswith(tuple(o + "=" for o in _GLOBAL_WITH_VALUE)):
                return everything
            i += 1
            continue
        module = COMMAND_MODULES.get(word)
        return [module] if module else everything
    # A tab press on the command word: MiliaGroup imports only the modules of the
    # names that match what is typed (``milia pl<TAB>`` loads plan_cmds alone).
    return [] if completing else everything


def _late_command(name: str) -> Any:
    """The click command for ``name``, importing its module now: what Typer's
    ``get_group`` builds for a registered command or sub-app (Typer 0.27's own builders)."""
    from typer.main import get_command_from_info, get_command_name, get_group_from_info

    _import_command_module(COMMAND_MODULES[name])
    for info in app.registered_commands:
        if info.callback is not None and (info.name or get_command_name(info.callback.__name__)) == name:
            return get_command_from_info(info, pretty_exceptions_short=app.pretty_exceptions_short,
                                         rich_markup_mode=app.rich_markup_mode)
    for group_info in app.registered_groups:
        if group_info.name == name:
            return get_group_from_info(group_info, pretty_exceptions_short=app.pretty_exceptions_short,
                                       rich_markup_mode=app.rich_markup_mode,
                                       suggest_commands=app.suggest_commands)
    return None


def load_commands(argv: list[str] | None = None) -> None:
    """Register commands on :data:`app`: those ``argv`` needs, or all of them."""
    names = sorted(set(COMMAND_MODULES.values())) if argv is None else modules_for(argv)
    for name in names:
        _import_command_module(name)


def _import_command_module(name: str) -> None:
    # An import statement, not importlib.import_module: `python -X importtime` times only
    # the former, and benchmarks/importtime.py should see what a command module costs.
    __import__(f"milia_cli.cli.{name}")


def run(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of raising SystemExit."""
    load_commands(sys.argv[1:] if argv is None else argv)
    try:
        app(args=argv, prog_name="milia", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
