"""The shape of the package (issue 14): imports run one way, with no cycle.

Read from the source with :mod:`ast`, not by importing: a module-level import (outside any
function and outside ``if TYPE_CHECKING:``) is an edge; imports inside functions are the lazy
loading that keeps start-up fast and do not make a cycle at import time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import milia_cli

PACKAGE = Path(milia_cli.__file__).parent


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _top_level_imports(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    out: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If):
                if not _is_type_checking(node):
                    visit(node.body)
                    visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.Import):
                out.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = module if is_package else module.rpartition(".")[0]
                    for _ in range(node.level - 1):
                        package = package.rpartition(".")[0]
                    base = f"{package}.{base}" if base else package
                out.add(base)
                out.update(f"{base}.{alias.name}" for alias in node.names)

    visit(tree.body)
    return out


def import_graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = _top_level_imports(tree, name, path.name == "__init__.py")
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    stack: list[str] = []

    def dfs(node: str) -> list[str] | None:
        colour[node] = GREY
        stack.append(node)
        for nxt in sorted(graph[node]):
            if colour[nxt] == GREY:
                return stack[stack.index(nxt):] + [nxt]
            if colour[nxt] == WHITE and (found := dfs(nxt)):
                return found
        stack.pop()
        colour[node] = BLACK
        return None

    for node in sorted(graph):
        if colour[node] == WHITE and (found := dfs(node)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_graph_sees_module_level_imports_only():
    tree = ast.parse("import x\nif TYPE_CHECKING:\n    import y\ndef f():\n    import z\n")
    assert _top_level_imports(tree, "m", False) == {"x"}


def test_the_package_has_no_import_cycle():
    graph = import_graph()
    assert "milia_cli.rules_data" in graph["milia_cli.rules"]  # the graph is read, not empty
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_the_planner_imports_no_file_reader():
    """Domain records apart from file I/O (issue 14, item 2): the pure planner needs the profile's
    records, not the TOML reader, nor sqlite or anything that renders."""
    import subprocess
    import sys

    code = ("import sys, milia_cli.planner, milia_cli.daily; "
            "print(sorted(m for m in ('milia_cli.profile', 'tomllib', 'sqlite3', 'milia_cli.store', 'rich', "
            "'milia_cli.render', 'milia_cli.exporters') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_profile_default_is_declared_once():
    """A key left out of a file and a record built in code get the same value: the records take
    their defaults from the file's schema."""
    from milia_cli.profile_model import Cautions, Habits, Milia, Schedule, Skin
    from milia_cli.profile_schema import FIELDS

    records = {"skin": Skin, "milia": Milia, "habits": Habits, "cautions": Cautions, "schedule": Schedule}
    checked = 0
    for field in FIELDS:
        section, _, name = field.key.partition(".")
        record = records.get(section)
        if record is not None and name in record._field_defaults:
            assert record._field_defaults[name] == field.default, field.key
            checked += 1
        elif field.default is not None:
            raise AssertionError(f"{field.key} has a default in the schema but none in its record")
    assert checked >= 15
