"""`milia shelf add | list | show | remove`: the person's own products, kept in the profile file.

Typer only: read the label, change the profile's ``[[shelf]]`` tables through the profile writer
(:func:`milia_cli.profiles.update_profile`: the directory lock, an atomic 0600 write), say what
the plan makes of the product for this profile today (:mod:`milia_cli.products`).
"""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from milia_cli.cli.app import command_app, state

if TYPE_CHECKING:
    from milia_cli.cli.app import State
    from milia_cli.profile import Profile
    from milia_cli.shelf import ShelfProduct

shelf_app = typer.Typer(
    help="Your own products: add, list, show and remove them; the plan names them for each step.",
    no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]},
)
cli = command_app()  # this module's commands; milia_cli.cli.app.COMMANDS names them
cli.add_typer(shelf_app, name="shelf")


@shelf_app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="What you call the product, e.g. \"Night cream\"."),
    step: str = typer.Option(..., "--step", metavar="STEP",
                             help="The step it is for, as the plan shows it: moisturizer, eye cream, pm:retinol, spf, …"),
    inci: str | None = typer.Option(None, "--inci", metavar="TEXT", help="The ingredient list as printed."),
    inci_file: Path | None = typer.Option(None, "--inci-file", metavar="F", dir_okay=False,
                                             help="Read the ingredient list from F (- for standard input)."),
    percent: list[str] | None = typer.Option(None, "--percent", metavar="NAME=P",
                                                help="A strength the label does not print (glycolic=30, bha=2); repeatable."),
    replace: bool = typer.Option(False, "--replace", help="Replace the product of that name already on the shelf."),
) -> None:
    """Put a product on the shelf: the plan names it for its step unless a rule stops it for you."""
    from milia_cli.errors import MiliaError, UsageError
    from milia_cli.ingredients.report import check_label
    from milia_cli.messages import shelf as msg
    from milia_cli.shelf import ShelfProduct, find, parse_percent_options
    from milia_cli.toml_values import name_ok

    st = state(ctx)
    if inci is not None and inci_file is not None:
        raise UsageError(msg.TWO_INPUTS)
    if inci is None and inci_file is None:
        raise UsageError(msg.NO_INPUT)
    name = name.strip()
    if not name_ok(name):
        raise UsageError(msg.BAD_NAME.format(value=name, allowed=msg.ALLOWED_NAME))
    stored_step = _step(step)
    text, where = _label(st, inci, inci_file)
    pairs = parse_percent_options(tuple(percent or ()))
    product = ShelfProduct(name=name, step=stored_step, inci=text.strip(), percent=pairs)
    current = st.profile()  # a clear error if it is missing or broken, before taking the lock
    check_label(product.inci, profile=current, step=product.step, percents=product.percent_args(), where=where)
    who = _who(st, current)
    replaced: list[bool] = []

    def change(profile: "Profile") -> "Profile":
        old = find(profile.shelf, name)
        if old is not None and not replace:
            raise MiliaError(msg.EXISTS.format(name=old.name, profile=who, step=_where(old)))
        replaced.append(old is not None)
        shelf = tuple(product if p is old else p for p in profile.shelf) if old is not None \
            else profile.shelf + (product,)
        return profile._replace(shelf=shelf)

    from milia_cli.profiles import update_profile

    update_profile(st.profile_path, change)
    said = msg.REPLACED if replaced and replaced[-1] else msg.ADDED
    st.err(said.format(name=name, profile=who, step=_where(product), path=st.profile_path))
    for line in _verdict_lines(st, current, product):
        st.err(line)


@shelf_app.command("list")
def list_(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """List the products on the shelf, with whether the plan uses each today."""
    from milia_cli.messages import shelf as msg

    st = state(ctx)
    profile = st.profile()
    if as_json:
        import json

        entries = [_entry(st, profile, p) for p in profile.shelf]
        st.out(json.dumps({"schema": "milia.shelf/1", "profile": profile.id, "name": profile.name,
                           "shelf": entries}, ensure_ascii=False, indent=2))
        return
    if not profile.shelf:
        st.err(msg.EMPTY_SHELF.format(profile=_who(st, profile)))
        return
    from milia_cli.products import judge

    today = st.today()
    width = max(len(p.name) for p in profile.shelf)
    for p in profile.shelf:
        v = judge(p, profile, today)
        mark = (msg.LIST_NOT_USED.format(rule=v.refused.id) if v.refused is not None
                else msg.LIST_USED_CALM if v.off_active_evenings else msg.LIST_USED)
        st.out(f"{p.name:<{width}}  {_where(p):<16}  {st.env.tr(mark)}")


@shelf_app.command("show")
def show(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The product's name on the shelf."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Show one product: its step, ingredients, strengths and what the rules say for you today."""
    from milia_cli.messages import shelf as msg

    st = state(ctx)
    profile = st.profile()
    product = _named(st, profile, name)
    if as_json:
        import json

        # the one contract (issue 13): `profile` is the id and `name` the person's, as everywhere
        st.out(json.dumps({"schema": "milia.shelf-product/1", "profile": profile.id, "name": profile.name,
                           "product": _entry(st, profile, product)}, ensure_ascii=False, indent=2))
        return
    st.out(product.name)
    st.out(msg.SHOW_STEP.format(step=_where(product)))
    st.out(msg.SHOW_INCI.format(inci=product.inci))
    if product.percent:
        st.out(msg.SHOW_PERCENT.format(given=", ".join(f"{k} {v:g} %" for k, v in product.percent)))
    lines = _verdict_lines(st, profile, product, stdout=True)
    for line in lines:
        st.out(line)


@shelf_app.command("remove")
def remove(ctx: typer.Context, name: str = typer.Argument(..., metavar="NAME", help="The product's name on the shelf.")) -> None:
    """Take a product off the shelf."""
    from milia_cli.messages import shelf as msg
    from milia_cli.profiles import update_profile

    st = state(ctx)
    current = st.profile()
    who = _who(st, current)
    removed: list[ShelfProduct] = []

    def change(profile: "Profile") -> "Profile":
        product = _named(st, profile, name)
        removed.append(product)
        return profile._replace(shelf=tuple(p for p in profile.shelf if p is not product))

    update_profile(st.profile_path, change)
    st.err(msg.REMOVED.format(name=removed[-1].name, profile=who, path=st.profile_path))


# -- helpers -------------------------------------------------------------------------------------
def _step(text: str) -> str:
    from milia_cli.errors import UsageError
    from milia_cli.messages import shelf as msg
    from milia_cli.shelf import parse_step, step_choices
    from milia_cli.step_names import UnknownStep

    try:
        return parse_step(text)
    except UnknownStep as err:
        if err.suggestion:
            raise UsageError(msg.BAD_STEP.format(value=text, choice=err.suggestion, allowed=step_choices())) from None
        raise UsageError(msg.BAD_STEP_NO_HINT.format(value=text, allowed=step_choices())) from None


def _label(st: "State", inci: str | None, inci_file: Path | None) -> tuple[str, str]:
    from milia_cli.cli.check_cmd import _read_file, _read_stdin
    from milia_cli.messages import check as check_msg

    if inci_file is None:
        return inci or "", ""
    if str(inci_file) == "-":
        return _read_stdin(st), check_msg.WHERE_STDIN
    return _read_file(inci_file), check_msg.WHERE_FILE.format(path=inci_file)


def _who(st: "State", profile: "Profile") -> str:
    return repr(profile.name) if st.profile_file is not None else repr(st.name)


def _where(product: "ShelfProduct") -> str:
    from milia_cli.step_names import label, slot_label

    return slot_label(product.step) if product.slot else label(product.step)


def _named(st: "State", profile: "Profile", name: str) -> "ShelfProduct":
    from milia_cli.errors import MiliaError
    from milia_cli.messages import shelf as msg
    from milia_cli.profile_schema import closest
    from milia_cli.shelf import find

    product = find(profile.shelf, name)
    if product is not None:
        return product
    names = [p.name for p in profile.shelf]
    guess = closest(name, [n.casefold() for n in names])
    if guess is not None:
        hint = msg.NOT_ON_SHELF_HINT.format(choice=next(n for n in names if n.casefold() == guess))
    else:
        hint = msg.NOT_ON_SHELF_LIST.format(names=", ".join(repr(n) for n in names)) if names else ""
    raise MiliaError(msg.NOT_ON_SHELF.format(name=name, profile=_who(st, profile), hint=hint))


def _entry(st: "State", profile: "Profile", product: "ShelfProduct") -> dict:
    from milia_cli.products import judge

    v = judge(product, profile, st.today())
    return dict(product.to_dict(), percent=dict(product.percent),
                used=v.refused is None,
                stopped_by=v.refused.to_dict() if v.refused is not None else None,
                cautions=[f.to_dict() for f in v.cautions])


def _verdict_lines(st: "State", profile: "Profile", product: "ShelfProduct", stdout: bool = False) -> list[str]:
    from milia_cli.messages import shelf as msg
    from milia_cli.products import judge

    v = judge(product, profile, st.today())  # the file holds today's state (dated changes are past)
    stopped, caution = (msg.SHOW_STOPPED, msg.SHOW_CAUTION) if stdout else (msg.ADD_STOPPED_NOW, msg.ADD_CAUTION_NOW)
    if v.refused is not None:
        lines = [stopped.format(rule=v.refused.id, text=v.refused.text)]
    else:
        lines = [caution.format(rule=f.id, text=f.text) for f in v.cautions]
        if not stdout:
            lines.append(msg.ADD_USED.format(step=_where(product)))
    if stdout:
        lines.append(msg.SHOW_VERDICT_STOP if v.refused is not None else msg.SHOW_VERDICT_OK)
    return lines
