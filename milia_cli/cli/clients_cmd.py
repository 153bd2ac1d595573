"""`milia clients DIR [--json]`: the esthetician's desk (issue 17, item 1).

Typer only: the folder's summaries come from :func:`milia_cli.clients.summarize_clients`
(one connection to the log for the whole folder), the table from
:mod:`milia_cli.render.clients` (rich, imported here, inside the command).

Exit status: 0 whatever the clients' alerts and however many files are broken (each is
listed with its reason); 1 when DIR itself is unusable (not a folder, unreadable, no
``*.toml`` in it) or the log database cannot be read.
"""

from contextlib import ExitStack
from pathlib import Path

import typer

from milia_cli.cli.app import command_app, state

cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them


@cli.command("clients")
def clients_cmd(
    ctx: typer.Context,
    directory: Path = typer.Argument(..., metavar="DIR", help="A folder of client TOML files (as for `milia batch`)."),
    as_json: bool = typer.Option(False, "--json", help="Print the milia.clients/1 JSON only."),
) -> None:
    """One line per client in DIR, what needs attention first: week, levels, last check-in, adherence, alerts."""
    from milia_cli.clients import QUIET_TIER, folder_files, summarize_clients, to_document
    from milia_cli.messages import clients as msg
    from milia_cli.safe_text import one_line

    st = state(ctx)
    files = folder_files(directory)  # DIR unusable: one sentence, exit 1, before the log is opened
    with ExitStack() as stack:
        store = stack.enter_context(st.open_store()) if st.has_log() else None
        summaries = summarize_clients(directory, store, st.env.today, files=files,
                                      profiles_dir=st.locations.profiles_dir)
    if as_json:
        import json

        st.out(json.dumps(to_document(directory, summaries), ensure_ascii=False, indent=2))
    else:
        from milia_cli.render.clients import render_clients

        st.out(render_clients(summaries, st.env))
    if store is None:
        st.err(f"milia: {st.env.tr(msg.NO_DATABASE)}")
    broken = sum(s.broken for s in summaries)
    attention = sum(1 for s in summaries if s.tier < QUIET_TIER)
    st.err(msg.SUMMARY.format(
        total=len(summaries), path=one_line(directory),
        attention=(msg.ATTENTION_ONE if attention == 1 else msg.ATTENTION_MANY).format(n=attention),
        broken=msg.SUMMARY_BROKEN.format(count=broken) if broken else ""))
