"""The Typer application, its global options and the single exit point.

Commands live in sibling modules (``profile_cmds``, ``plan_cmds``, …) and
register themselves on :data:`app`. They parse, call the library, and render;
nothing clinical or storage-related happens here.
"""

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from milia_cli import __version__
from milia_cli.env import Environment
from milia_cli.errors import ExitCode, MiliaError, UsageError
from milia_cli.home import MAX_DB_TIMEOUT, Home  # noqa: F401  (MAX_DB_TIMEOUT: for callers of app)
from milia_cli.messages import common as common_msg
from milia_cli.messages import profile as profile_msg
from milia_cli.paths import Locations, resolve_locations, validate_profile_name
from milia_cli.safe_text import one_line, visible

if TYPE_CHECKING:
    pass


class MiliaGroup(TyperGroup):
    """Turns every :class:`MiliaError` into one sentence on stderr (the one exit point),
    and knows every command name before its module is imported (see :func:`modules_for`)."""

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command, loaded or not, in the order of :data:`COMMAND_MODULES` (help, completion)."""
        loaded = super().list_commands(ctx)
        return list(COMMAND_MODULES) + [name for name in loaded if name not in COMMAND_MODULES]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """A command, built from its module the first time it is named (click's lazy group)."""
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMAND_MODULES:
            command = module_command(cmd_name)
            if command is not None:
                with_lang_option(command, cmd_name)
                self.add_command(command, cmd_name)
        return command

    def invoke(self, ctx: Any) -> Any:
        wants_json = "--json" in [*getattr(ctx, "protected_args", ()), *ctx.args]
        try:
            return super().invoke(ctx)
        except MiliaError as err:
            fail(err, as_json=wants_json, env=_environment(ctx.obj))
        except (KeyboardInterrupt, EOFError):
            env = _environment(ctx.obj)
            said = env.tr(interrupted_message(ctx.obj)) if env is not None else interrupted_message(ctx.obj)
            (env.stderr.write if env is not None else sys.stderr.write)(said + "\n")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:  # `milia … | head`: the reader left; not an error of milia's
            silence_stdout()
            raise typer.Exit(ExitCode.CLOSED_PIPE) from None
        except Exception as exc:  # no traceback ever reaches a user
            if type(exc).__module__.startswith(("click", "typer")):
                raise
            env = _environment(ctx.obj)
            if env is not None and env.vars.get("MILIA_DEBUG"):
                raise
            fail(MiliaError(common_msg.INTERNAL_ERROR.format(kind=type(exc).__name__, detail=str(exc)[:200])),
                 as_json=wants_json, env=env, prefix=False)


    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        """Click's main, with its usage errors as one sentence instead of a boxed usage screen
        (issue 12, item 13): ``milia: no such option: --foo; see `milia checkin --help`.``"""
        if not isinstance(extra.get("obj"), Environment):  # the run's Environment, made once, here
            try:
                extra["obj"] = Environment.from_os()
            except MiliaError as err:  # MILIA_NOW that is not a usable date: before any stream is ours
                fail(err, as_json=False, env=None, exit=False)
                sys.exit(err.exit_code)
        env = extra["obj"]
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.TyperException as exc:  # Typer's public base of click's own errors
            if type(exc).__name__ == "NoArgsIsHelpError":
                exc.show()  # type: ignore[attr-defined]  # click's UsageError: `milia export` alone, its help
                sys.exit(exc.exit_code)
            argv = list(sys.argv[1:] if args is None else args)
            sentence = one_line(usage_sentence(exc, self._command_path(argv)))
            fail(UsageError(sentence, code="usage." + _snake(type(exc).__name__)), as_json="--json" in argv,
                 env=env, exit=False)
            sys.exit(exc.exit_code)
        except typer.Abort:  # Ctrl-C or end of input while click was parsing
            env.stderr.write(common_msg.INTERRUPTED + "\n")
            sys.exit(ExitCode.INTERRUPTED)
        try:  # a short output waits in the buffer: a reader that left (`| true`) is met here, not at exit
            env.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
            sys.exit(ExitCode.CLOSED_PIPE)
        sys.exit(code if isinstance(code, int) else 0)


    def _command_path(self, argv: list[str]) -> str:
        """``milia export ics`` for ``--home X export ics --alarm``: the command a line names."""
        words, i = ["milia"], 0
        command: Any = self  # a group, then whatever its subcommand is
        while i < len(argv) and hasattr(command, "commands"):
            word = argv[i]
            if word in _GLOBAL_WITH_VALUE:
                i += 2
                continue
            if word.startswith("-"):
                i += 1
                continue
            sub = command.commands.get(word)
            if sub is None:
                break
            words.append(word)
            command, i = sub, i + 1
        return " ".join(words)


def silence_stdout(stream: Any = None) -> None:
    """Point the closed standard output (``stream``, default ``sys.stdout``) at /dev/null, so
    Python's flush at exit does not complain about the closed pipe."""
    try:
        fd = (sys.stdout if stream is None else stream).fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's StringIO): nothing to flush at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


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


def fail(err: MiliaError, *, as_json: bool = False, exit: bool = True, env: Environment | None = None,
         prefix: bool = True) -> None:
    """The one place an error reaches the user: a sentence on the Environment's stderr, or with
    ``--json`` the error as one JSON object (``milia.error/1``: code, message, exit)."""
    if as_json:
        import json

        text = json.dumps({**err.to_dict(), "message": one_line(err.message)}, ensure_ascii=False)
    else:  # a person reads it: in the run's language (the JSON keeps the English, and the code)
        message = env.tr(err.message) if env is not None else err.message
        text = f"milia: {one_line(message)}" if prefix else one_line(message)
    (env.stderr if env is not None else sys.stderr).write(text + "\n")
    if env is not None:
        env.failure = err  # what a caller driving the app in-process can read (its code)
    if exit:
        raise typer.Exit(err.exit_code) from None


def _environment(obj: Any) -> Environment | None:
    """The Environment of this run (the State's, or the one a caller passed in), if made yet."""
    if isinstance(obj, Environment):
        return obj
    return getattr(obj, "env", None) if isinstance(getattr(obj, "env", None), Environment) else None


def _snake(name: str) -> str:
    """``NoSuchOption`` -> ``no_such_option`` (the code of a click usage error)."""
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))


app = typer.Typer(
    cls=MiliaGroup,
    name="milia",
    help="A skincare planner for people prone to milia: information, never a diagnosis.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State(Home):
    """A :class:`~milia_cli.home.Home` as the command line uses it: the Environment's streams
    for output, warnings printed on stderr at once, what this run stored and wrote."""

    def __init__(self, env: Environment, locations: Locations, profile_name: str | None = None,
                 profile_file: Path | None = None) -> None:
        super().__init__(env=env, locations=locations, profile=profile_name, profile_file=profile_file)

    def profile_lang(self) -> str | None:
        """The chosen profile's ``lang``, read without loading it as a command does (no identity,
        no warnings), for a command that reads no profile (`why`); None when there is none to read."""
        if self._profile is not None:
            return self._profile.lang
        try:
            path = self.profile_path
            if not path.is_file():
                return None
            from milia_cli.profile import load_profile

            return load_profile(path).lang
        except (MiliaError, OSError, ValueError):
            return None

    def warn(self, text: str) -> None:
        super().warn(text)
        self.err(f"milia: {self.env.tr(text)}")

    # -- output ----------------------------------------------------------
    def out(self, text: str = "") -> None:
        """A line on stdout; milia's own sentences (Messages) in the run's language."""
        self.env.stdout.write(self._said(text) + "\n")

    def err(self, text: str) -> None:
        """A message on stderr, in the run's language; anything from outside in it is shown
        escaped (:func:`visible`)."""
        self.env.stderr.write(visible(self._said(text)) + "\n")

    def _said(self, text: str) -> str:
        """A Message (or a Localized value) translated; a plain string (already rendered, or
        someone's data) as it is. English: always as it is."""
        if type(text) is str:
            return text
        return self.env.tr(text)


def state(ctx: typer.Context) -> State:
    return ctx.find_root().obj  # set by the callback below


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        env = _environment(ctx.obj)
        (env.stdout if env is not None else sys.stdout).write(f"milia {__version__}\n")
        raise typer.Exit()


def _complete_profile_name(ctx: typer.Context, incomplete: str) -> list[str]:
    from milia_cli.completion_values import complete_profile_name

    return complete_profile_name(ctx, incomplete)


@app.callback()
def root(
    ctx: typer.Context,
    home: Path | None = typer.Option(
        None, "--home", metavar="DIR", help="Keep profiles and the log in DIR (or set MILIA_HOME).",
        file_okay=False,
    ),
    profile: str | None = typer.Option(
        None, "--profile", "-p", metavar="NAME", autocompletion=_complete_profile_name,
        help="Profile to use (or MILIA_PROFILE; default 'default')."
    ),
    profile_file: Path | None = typer.Option(
        None, "--profile-file", "-f", metavar="PATH", help="Use a profile TOML file anywhere (a client's file).",
        dir_okay=False,
    ),
    lang: str | None = typer.Option(
        None, "--lang", metavar="ko|en",
        help="The language of messages, handouts and reports (else the profile's `lang`, else LANG)."
    ),
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.from_os()
    if lang is not None:
        env.lang = check_lang(lang)
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
    env.profile_lang_reader = ctx.obj.profile_lang


# The command table (as pip's ``commands/__init__``): name -> (the module that defines it, its
# summary). A run imports only the module of the command it names: click asks the group for
# that one command (MiliaGroup.get_command), which builds it from the module's own Typer app
# with Typer's public ``typer.main.get_command``. Help and a bare ``milia`` list every command
# (so load them all); a tab press on the command word loads only the modules of the names that
# match. A new command: its module (``cli = command_app()``, ``@cli.command(...)``) and one row
# here; tests/test_command_table.py holds the summaries to the commands' own help.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("profile_cmds", "Create a profile: a short wizard on a terminal, or fully by flags for scripts."),
    "profile": ("profile_cmds", "Show, change, list and delete profiles."),
    "plan": ("plan_cmds", "The regimen, a table per week; actives introduced slowly and adapted to your check-ins."),
    "today": ("plan_cmds", "Today's morning and evening steps, what is new this week, what is checked, notices."),
    "why": ("plan_cmds", "The rules behind a step, or one rule in full, with sources and disagreements."),
    "triage": ("plan_cmds", "Questions about the bumps, answered with referral notices (rules A1–A8), never a diagnosis."),
    "checkin": ("log_cmds", "Record a day: which steps you did, irritation, the bump count and new bumps."),
    "stats": ("log_cmds", "Adherence, current and best streak, a calendar heatmap, irritation and bumps, level history."),
    "event": ("log_cmds", "Procedures (extraction, laser, …): the planner pauses actives there (E2)."),
    "log": ("log_cmds", "The whole log as JSON: backup, moving machines, bulk entry."),
    "resume": ("resume_cmd", "After a severe reaction (irritation 3, rule B7): record that the skin has healed, so actives restart at the lowest level."),
    "export": ("export_cmds", "Export the plan: calendar (ICS), JSON, CSV, Markdown, printable HTML."),
    "batch": ("export_cmds", "One export per client TOML in DIR; a broken file is reported and skipped."),
    "doctor": ("doctor_cmd", "Check the home: permissions, profile files, the log database and leftovers of crashes."),
    "check": ("check_cmd", "Check a product's ingredient list against your profile: classes, rules, EU facts. Exit 3 if a stop fires."),
    "shelf": ("shelf_cmds", "Your own products: add, list, show and remove them; the plan names them for each step."),
    "clients": ("clients_cmd", "One line per client in DIR, what needs attention first: week, levels, last check-in, adherence, alerts."),
    "report": ("report_cmd", "A printable progress report: bumps, irritation against active evenings, adherence, the ladder."),
    "sync": ("sync_cmds", "Keep a calendar on a CalDAV server (Nextcloud, Radicale, iCloud…) exactly the plan."),
}
COMMAND_MODULES = {name: module for name, (module, _summary) in COMMANDS.items()}
_GLOBAL_WITH_VALUE = ("--home", "--profile", "-p", "--profile-file", "-f", "--lang")
# `--lang` is a global option, and also read after these commands (`milia report --lang ko`)
LANG_COMMANDS = {"today": (), "plan": (), "checkin": (), "why": (), "report": (), "batch": (),
                 "export": ("html", "md"), "triage": (), "check": (), "clients": (), "doctor": (), "stats": (),
                 "init": (), "shelf": ("list", "show", "add", "remove"), "profile": ("show",),
                 "sync": ("caldav",)}


def with_lang_option(command: Any, name: str) -> None:
    """Give ``command`` (and the listed subcommands of a group) a ``--lang`` option of its own,
    the same as the global one: the command modules need not declare it."""
    if name not in LANG_COMMANDS:
        return
    subs = LANG_COMMANDS[name]
    targets = [command.commands[s] for s in subs if s in getattr(command, "commands", {})] if subs else [command]
    for target in targets:
        if any("--lang" in getattr(p, "opts", ()) for p in target.params):
            continue
        target.params.append(_lang_parameter())


_LANG_PARAMETER: list[Any] = []


def _lang_parameter() -> Any:
    """The ``--lang`` option as Typer itself builds it from a declaration (``typer.Option`` on a
    one-option app, through the public ``typer.main.get_command``): no constructor of Typer's
    option class is called here, whose arguments change between Typer versions (0.29's needs a
    ``type_descriptor``). Built once per run; a click parameter can serve several commands."""
    if not _LANG_PARAMETER:
        lang_app = typer.Typer()

        @lang_app.command()
        def _lang(lang: str | None = typer.Option(None, "--lang", metavar="ko|en", expose_value=False,
                                                  callback=_lang_after_command,
                                                  help="The language of this output (as `milia --lang`).")) -> None:
            pass  # never run: the app exists to build the option

        _LANG_PARAMETER.append(typer.main.get_command(lang_app).params[0])
    return _LANG_PARAMETER[0]


def _lang_after_command(ctx: Any, param: Any, value: str | None) -> None:
    if value is None:
        return
    env = _environment(ctx.find_root().obj)
    if env is not None:
        env.lang = check_lang(value)


def check_lang(value: str) -> str:
    """The language ``--lang`` names (``ko``, also as a locale: ``ko_KR``), or a usage error
    (exit 2) in one sentence, with "did you mean" for a near miss."""
    from milia_cli.i18n import LANGUAGES, NAMES, normalize

    lang = normalize(value)
    if lang is not None:
        return lang
    from milia_cli.profile_schema import closest

    guess = closest(value, LANGUAGES + tuple(NAMES.values()) + ("korean", "english"))
    guess = {"korean": "ko", "english": "en", "한국어": "ko", "English": "en"}.get(guess or "", guess)
    hint = common_msg.BAD_LANG_HINT.format(choice=guess) if guess else ""
    raise UsageError(common_msg.BAD_LANG.format(value=value, allowed=", ".join(LANGUAGES), hint=hint))


def command_app(**options: Any) -> typer.Typer:
    """The Typer app a command module defines its commands on (the root's settings)."""
    options.setdefault("pretty_exceptions_enable", False)
    return typer.Typer(**options)


_BUILT: dict[str, Any] = {}  # module name -> the click command or group Typer built from its app


def module_command(name: str) -> Any:
    """The click command ``name``, importing its module now and building the module's Typer
    app with Typer's public ``typer.main.get_command`` (a group of the module's commands, or
    the command itself when the module defines only one)."""
    module_name = COMMAND_MODULES[name]
    built = _BUILT.get(module_name)
    if built is None:
        module = _import_command_module(module_name)
        built = _BUILT[module_name] = typer.main.get_command(module.cli)
    commands = getattr(built, "commands", None)
    if commands is None:  # a module of one command: Typer returns the command itself
        return built
    return commands.get(name)


def load_commands(argv: list[str] | None = None) -> None:
    """Import every command module (a library or a test driving :data:`app` in-process can
    do without: commands load as they are named)."""
    for name in sorted(set(COMMAND_MODULES.values())):
        _import_command_module(name)


def _import_command_module(name: str) -> Any:
    # An import statement, not importlib.import_module: `python -X importtime` times only
    # the former, and benchmarks/importtime.py should see what a command module costs.
    __import__(f"milia_cli.cli.{name}")
    return sys.modules[f"milia_cli.cli.{name}"]


def run(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of raising SystemExit."""
    try:
        app(args=argv, prog_name="milia", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
