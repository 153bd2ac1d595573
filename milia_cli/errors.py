"""One exception type for everything the user can fix, and the exit codes.

Every layer raises :class:`MiliaError` with a finished, one-sentence message
(templates live in :mod:`milia_cli.messages`). The CLI catches it at a single
place (``cli.app.MiliaGroup.invoke``) and turns it into a line on stderr and its
``exit_code``: :attr:`ExitCode.ERROR` for what the data or the environment refuses
(a missing profile, a value the profile may not hold, a locked log), :class:`UsageError`'s
:attr:`ExitCode.USAGE` for a command line that cannot be read (a date flag that is not a
date, a step that is none). The README's *Exit codes* table lists them all, and
``tests/test_contract_exit_codes.py`` holds every command to it.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit status milia uses; the README's "Exit codes" table lists the same ones."""

    OK = 0
    ERROR = 1  # the user's data or environment is wrong; nothing was changed
    USAGE = 2  # the command line itself is wrong (an unreadable date, number or step name)
    STOPPED = 3  # `milia check`: a stop fired for this profile (cli/check_cmd.py)
    INTERRUPTED = 130  # Ctrl-C or end of input at a prompt (128 + SIGINT)
    CLOSED_PIPE = 141  # standard output closed early (128 + SIGPIPE; cli/app.silence_stdout)
    TERMINATED = 143  # SIGTERM during start-up (128 + SIGTERM; cli/__init__.py)


class MiliaError(Exception):
    """A problem the user can fix. ``str(err)`` is the sentence shown to them; ``code`` says
    which message it is (``dates.bad_date``), taken from the :class:`milia_cli.messages.Message`
    it was raised with, so scripts and tests need not match wording."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code: str = code or getattr(message, "code", None) or "error"

    def to_dict(self) -> dict[str, object]:
        """The error as ``--json`` commands print it on stderr (schema ``milia.error/1``)."""
        return {"schema": "milia.error/1", "code": self.code, "message": str(self.message),
                "exit": int(self.exit_code)}

    def __str__(self) -> str:
        return self.message


class UsageError(MiliaError):
    """The command line asks for something that cannot be parsed (exit 2)."""

    exit_code = ExitCode.USAGE
