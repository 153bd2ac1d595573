"""milia's catalogues with Babel: the extraction method for ``pybabel extract``, and the checks
and compilation of ``python -m milia_cli.i18n_babel check|compile`` (README: Languages).

Babel is a development and build tool here: nothing at run time imports this module (the
commands read the compiled ``.mo`` files with the stdlib :mod:`gettext`, :mod:`milia_cli.i18n`).

milia's sentences are module-level constants (:mod:`milia_cli.messages`) and knowledge-base
records (:mod:`milia_cli.rules_data`, :mod:`milia_cli.catalogue`), not ``_()`` calls, so
Babel's Python extractor cannot see them. This one reads a module's source with :mod:`ast`
(nothing is imported) and yields, as msgids:

- every string of an upper-case module-level assignment (a template, the values of a dict,
  the items of a tuple), or only of the names listed in the ``names`` option of the mapping
  file; names listed in the module's own ``UNTRANSLATED`` tuple are skipped (file formats,
  column headers);
- of a call, only the arguments :data:`CALLS` names: a rule's title, condition, action,
  disagreement and design note, a step's title, label and how-to texts, an ingredient class's
  title, a regulatory fact's summary; never ids.

Extraction (``pybabel extract -F milia_cli/locale/babel.cfg``). Each message carries its code
(``plan.b6_paused``) or its place (``RULES[B6].action``) as an extracted comment, for the
translator. Used by pybabel and by tests/test_i18n_catalogue.py.

Compilation: ``pybabel compile`` would refuse five translations as "placeholders are
incompatible": it reads "80 % of" as the printf conversion ``% o``. milia's templates are
``str.format`` only, so :func:`compile_catalogs` checks what matters instead (every
``{field}`` of the msgid, and only those, in the translation; no empty or fuzzy entry) and
writes the ``.mo`` with Babel's own :func:`babel.messages.mofile.write_mo`.
"""

from __future__ import annotations

import ast
import string
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).parent / "locale"
# English plural endings given as fields ("file{s}", "entr{ies}"): a language without plurals drops them
PLURAL_SUFFIXES = frozenset({"s", "es", "ies"})
DOMAIN = "milia"

# callee -> (positional argument indexes, keyword names) holding text
CALLS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Rule": ((1, 2, 3), ("disagreement", "design")),
    "StepKind": ((3, 4, 5), ()),
    "Message": ((0,), ()),
    "InWords": ((0,), ()),
    "Counted": ((0,), ()),
    "IngredientClass": ((1,), ()),  # an ingredient class's title (`milia check`); never its id or sources
    "RegulatoryFact": ((3, 4), ()),  # a CosIng row's summary and the regulation it cites
}
FIELDS = {"Rule": ("id", "title", "when", "action"), "StepKind": ("id", "slots", "order", "title", "short", "how")}


def extract(fileobj: Any, keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Iterator[tuple]:
    """Babel's extraction-method interface: ``(lineno, funcname, message, comments)``."""
    source = fileobj.read()
    if isinstance(source, bytes):
        source = source.decode("utf-8")
    tree = ast.parse(source)
    wanted = set(str(options.get("names", "")).replace(",", " ").split())
    area = str(options.get("area", ""))
    skipped = _untranslated(tree)
    constants: dict[str, str] = {}  # module-level strings, for templates joined with + (DB_CORRUPT)
    for node in tree.body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if not names or node.value is None:
            continue
        name = names[0]
        folded = _folded(node.value, constants)
        if folded is not None:
            constants[name] = folded
        if not name.isupper() or name.startswith("_") or name in skipped or name == "UNTRANSLATED":
            continue
        if wanted and name not in wanted:
            continue
        where = f"{area}.{name.lower()}" if area else name
        for lineno, text, comment in _strings(node.value, where, constants):
            yield lineno, None, text, [comment]


def _untranslated(tree: ast.Module) -> set[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "UNTRANSLATED"
                                                for t in node.targets):
            return {str(elt.value) for elt in getattr(node.value, "elts", ()) if isinstance(elt, ast.Constant)}
    return set()


def _folded(node: ast.AST, constants: dict[str, str]) -> str | None:
    """The string ``node`` evaluates to when it is literals and module constants joined with +."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _folded(node.left, constants), _folded(node.right, constants)
        return left + right if left is not None and right is not None else None
    return None


def _strings(node: ast.AST, where: str, constants: dict[str, str] | None = None) -> Iterator[tuple[int, str, str]]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if node.value.strip():
            yield node.lineno, node.value, where
    elif isinstance(node, ast.BinOp) and constants is not None:
        text = _folded(node, constants)
        if text is None:  # not strings joined: tuples joined (``(...) + tuple(...)``), each side read
            yield from _strings(node.left, where, constants)
            yield from _strings(node.right, where, constants)
        elif text.strip():
            yield node.lineno, text, where
    elif isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            label = str(key.value) if isinstance(key, ast.Constant) else "…"
            yield from _strings(value, f"{where}[{label}]")
    elif isinstance(node, (ast.Tuple, ast.List)):
        for i, item in enumerate(node.elts):
            yield from _strings(item, f"{where}[{i}]")
    elif isinstance(node, ast.Call):
        callee = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        spec = CALLS.get(callee)
        if spec is None:
            return
        positions, keywords = spec
        ident = str(node.args[0].value) if callee in FIELDS and node.args and isinstance(node.args[0], ast.Constant) \
            else None
        base = f"{where}[{ident}]" if ident else where
        for i in positions:
            if i < len(node.args):
                field = FIELDS.get(callee, ())[i] if i < len(FIELDS.get(callee, ())) else str(i)
                yield from _strings(node.args[i], f"{base}.{field}" if callee in FIELDS else base)
        for kw in node.keywords:
            if kw.arg in keywords:
                yield from _strings(kw.value, f"{base}.{kw.arg}")


# -- checks and compilation ---------------------------------------------------------------------
def fields(text: str) -> set[str]:
    """The ``str.format`` fields of ``text`` (names and conversions: ``{n:weekly}``, ``{value!r}``)."""
    out = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            out.add(f"{name}!{conversion or ''}:{spec or ''}")
    return out


def problems(po: Path) -> list[str]:
    """What is wrong with a translation catalogue: untranslated, fuzzy, fields that differ."""
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)
    out = []
    for message in catalog:
        if not message.id:
            continue
        msgid, msgstr = str(message.id), str(message.string or "")
        if not msgstr.strip():
            out.append(f"{po}: untranslated: {msgid!r}")
        elif message.fuzzy:
            out.append(f"{po}: fuzzy: {msgid!r}")
        elif _names(msgid) - PLURAL_SUFFIXES != _names(msgstr) - PLURAL_SUFFIXES or \
                not _names(msgstr) <= _names(msgid) or not _specs_ok(msgid, msgstr):
            out.append(f"{po}: fields differ: {msgid!r} -> {msgstr!r}")
        elif msgid[:1].isspace() != msgstr[:1].isspace() or msgid[-1:].isspace() != msgstr[-1:].isspace():
            out.append(f"{po}: leading or trailing space differs (texts are joined): {msgid!r}")
    return out


def _names(text: str) -> set[str]:
    return {f.split("!", 1)[0] for f in fields(text)}


def _specs_ok(msgid: str, msgstr: str) -> bool:
    """A translation may drop a Counted noun (``{n:check-in}`` -> ``{n}``: Korean counts need no
    plural), but keeps conversions and every other format spec."""
    def by_name(text: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for f in fields(text):
            name, _, rest = f.partition("!")
            found.setdefault(name, set()).add(rest)
        return found

    want, got = by_name(msgid), by_name(msgstr)
    for name, specs in got.items():
        for spec in specs:
            conversion, _, fmt = spec.partition(":")
            allowed = {s for s in want.get(name, set())}
            if spec in allowed or (not fmt and any(a.partition(":")[0] == conversion for a in allowed)):
                continue
            return False
    return True


def compile_catalogs(locale_dir: Path = LOCALE_DIR, *, check: bool = True) -> list[Path]:
    """Every ``<lang>/LC_MESSAGES/milia.po`` compiled to its ``.mo`` (raises if one has problems)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        if check:
            found = problems(po)
            if found:
                raise SystemExit("\n".join(found))
        with po.open("rb") as fh:
            catalog = read_po(fh)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as fh:
            write_mo(fh, catalog)
        written.append(mo)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["compile"]:
        for mo in compile_catalogs():
            print(f"compiled {mo}")
        return 0
    if args[:1] == ["check"]:
        found = [p for po in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")) for p in problems(po)]
        print("\n".join(found) or "ok")
        return 1 if found else 0
    print("usage: python -m milia_cli.i18n_babel check|compile", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
