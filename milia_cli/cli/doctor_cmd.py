"""`milia doctor [--json] [--fix]`: check a home; exit 1 while problems remain."""

import typer

from milia_cli.cli.app import command_app, state

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them


@cli.command()
def doctor(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    fix: bool = typer.Option(
        False, "--fix", help="Apply the safe fixes: narrow permissions, remove leftover temp files."
    ),
) -> None:
    """Check the home: permissions, profile files, the log database and leftovers of crashes."""
    from milia_cli.doctor import check_home
    from milia_cli.errors import ExitCode
    from milia_cli.messages import doctor as msg

    st = state(ctx)
    report = check_home(st.locations, fix=fix, timeout=st.db_timeout)
    if as_json:
        import json

        st.out(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        from milia_cli.safe_text import one_line

        for finding in report.findings:
            st.out(one_line(st.env.tr(finding.sentence())))  # file names from the home may hold terminal escapes
        if report.ok and not any(f.severity != msg.INFO for f in report.findings if not f.fixed):
            db = msg.DB_ABSENT if report.db_version is None else msg.DB_PRESENT.format(version=report.db_version)
            if report.profiles or report.db_version is not None:
                st.out(one_line(st.env.tr(msg.ALL_GOOD.format(home=report.home, profiles=report.profiles, db=db))))
        if not report.ok:
            fixed_part = msg.SUMMARY_FIXED_PART.format(fixed=len(report.fixed)) if report.fixed else ""
            st.err(msg.SUMMARY.format(problems=len(report.problems), home=report.home, fixed_part=fixed_part))
            if not fix and any(f.fixable for f in report.problems):
                st.err(msg.SUMMARY_FIX_HINT)
    if not report.ok:
        raise typer.Exit(ExitCode.ERROR)
