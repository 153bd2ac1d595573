"""`milia report`: a client's progress report, a printable HTML page with charts (issue 17).

Typer only: parse, call :func:`milia_cli.report.report_for` (pure), render with
:mod:`milia_cli.exporters.report_html` (which imports pygal when it draws), write. Nothing
heavy is imported at module level.
"""

from enum import Enum
from pathlib import Path

import typer

from milia_cli.cli.app import command_app, state
from milia_cli.errors import UsageError
from milia_cli.safe_text import one_line

MAX_REPORT_WEEKS = 104


class ReportPaper(str, Enum):
    a4 = "a4"
    letter = "letter"


cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them


@cli.command("report")
def report_cmd(
    ctx: typer.Context,
    weeks: int = typer.Option(12, "--weeks", "-w", metavar="N",
                              help="The last N plan weeks up to today (default 12)."),
    output: str | None = typer.Option(None, "-o", "--output", metavar="PATH",
                                         help="Write to PATH (0600, atomically); '-' or none: standard output."),
    paper: ReportPaper = typer.Option(ReportPaper.a4, "--paper", help="Page size when printed."),
    as_json: bool = typer.Option(False, "--json", help="The report's data as milia.report/1 JSON instead of HTML."),
    force: bool = typer.Option(False, "--force",
                               help="Replace an existing file that is not this profile's report (never the log)."),
) -> None:
    """A printable progress report: bumps, irritation against active evenings, adherence, the ladder."""
    from milia_cli.messages import report as msg
    from milia_cli.report import report_for

    if not 1 <= weeks <= MAX_REPORT_WEEKS:
        raise UsageError(msg.BAD_REPORT_WEEKS.format(max=MAX_REPORT_WEEKS, value=weeks))
    st = state(ctx)
    profile = st.profile()
    today = st.today()
    report = report_for(profile, st.load_log(last=today), today, weeks)
    if as_json:
        data = report.to_json()
    else:
        from milia_cli.exporters.report_html import export_report_html

        data = export_report_html(report, paper=paper.value, lang=st.env.language)
    _write(st, data.encode("utf-8"), output, force)


def _write(st, data: bytes, output: str | None, force: bool) -> None:
    """Standard output, or a private file :func:`milia_cli.outputs.check_output` allows."""
    from milia_cli.messages import export as export_msg

    if output in (None, "-"):
        buffer = getattr(st.env.stdout, "buffer", None)
        if buffer is not None:
            st.env.stdout.flush()
            buffer.write(data)
            buffer.flush()
        else:
            st.env.stdout.write(data.decode("utf-8"))
        return
    from milia_cli.guarded_store import interrupts_held
    from milia_cli.outputs import protected_files, write_output

    path = Path(output).expanduser()
    with interrupts_held():
        write_output(path, data, locations=st.locations, protected=protected_files(st), force=force)
        st.written.append(path)
    st.err(export_msg.WROTE.format(path=one_line(path)))
