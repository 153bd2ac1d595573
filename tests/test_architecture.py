"""The shape of the package (issue 14): imports run one way, with no cycle.

Read from the source with :mod:`ast`, not by importing. Two graphs:

- the *import-time* graph: a module-level import (outside any function and outside
  ``if TYPE_CHECKING:``) is an edge; a cycle there can fail at import time;
- the *dependency* graph: every import that runs, also those inside functions. milia keeps
  many imports lazy so that start-up stays fast (``tests/test_startup*.py``), but a lazy
  import is still a dependency: a cycle through one means two modules each need the other,
  and the fix is to move what both need to the module that owns it, not to hide the import.

Imports under ``if TYPE_CHECKING:`` (annotations only, never run) are no edge in either graph;
nor are the names ``importlib`` loads from a table (``milia_cli.__init__``, the command and
format tables), which are strings, not imports.
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


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> set[str]:
    """The modules (and, for ``from x import y``, the candidate submodules ``x.y``) named."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    base = node.module or ""
    if node.level:
        package = module if is_package else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    return {base} | {f"{base}.{alias.name}" for alias in node.names}


def _top_level_imports(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """What the module imports when it is imported (the import-time graph)."""
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
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                out.update(_targets(node, module, is_package))

    visit(tree.body)
    return out


def _all_imports(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """Every import that can run: module level and inside functions and classes (the
    dependency graph); only the bodies of ``if TYPE_CHECKING:`` are left out."""
    out: set[str] = set()
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out.update(_targets(node, module, is_package))
        stack.extend(ast.iter_child_nodes(node))
    return out


def import_graph(*, lazy: bool = False) -> dict[str, set[str]]:
    """Module -> the package's modules it imports: at import time, or (``lazy``) at all."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    read = _all_imports if lazy else _top_level_imports
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = read(tree, name, path.name == "__init__.py")
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]], within: set[str] | None = None) -> list[str] | None:
    """One import cycle (through ``within`` only, when given), as the list of modules around
    it, or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    nodes = sorted(graph if within is None else within)
    colour = dict.fromkeys(nodes, WHITE)
    stack: list[str] = []

    def dfs(node: str) -> list[str] | None:
        colour[node] = GREY
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in colour:
                continue
            if colour[nxt] == GREY:
                return stack[stack.index(nxt):] + [nxt]
            if colour[nxt] == WHITE and (found := dfs(nxt)):
                return found
        stack.pop()
        colour[node] = BLACK
        return None

    for node in nodes:
        if colour[node] == WHITE and (found := dfs(node)):
            return found
    return None


def tangles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that all depend on each other (strongly connected components of
    more than one module, Tarjan's algorithm), largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                out.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(out, key=lambda g: (-len(g), sorted(g)))


def describe_cycles(graph: dict[str, set[str]]) -> str:
    """Each tangle as its modules and one cycle through it, a line each (for a failure)."""
    lines = []
    for group in tangles(graph):
        cycle = find_cycle(graph, group) or []
        lines.append(f"{len(group)} modules ({', '.join(sorted(group))}), e.g. {' -> '.join(cycle)}")
    return "\n".join(lines)


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    graph = {"a": {"b"}, "b": {"a", "c"}, "c": {"d"}, "d": {"c"}, "e": {"a"}}
    assert tangles(graph) == [{"a", "b"}, {"c", "d"}]
    assert find_cycle(graph, {"c", "d"}) == ["c", "d", "c"]
    assert tangles({"a": {"b"}, "b": set()}) == []


def test_the_graphs_see_module_level_imports_then_every_import_that_runs():
    tree = ast.parse("import x\nif TYPE_CHECKING:\n    import y\nelse:\n    import w\n"
                     "def f():\n    import z\n    if TYPE_CHECKING:\n        import v\n"
                     "class C:\n    def g(self):\n        from .u import t\n")
    assert _top_level_imports(tree, "m", False) == {"x"}
    assert _all_imports(tree, "p.m", False) == {"x", "w", "z", "p.u", "p.u.t"}


def test_the_package_has_no_import_cycle():
    graph = import_graph()
    assert "milia_cli.rules_data" in graph["milia_cli.rules"]  # the graph is read, not empty
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_lazy_imports_make_no_cycle_either():
    """An import kept inside a function for start-up is still a dependency: no two modules
    may need each other, however late they import."""
    graph = import_graph(lazy=True)
    assert "milia_cli.planner" in graph["milia_cli.daily"]  # lazy edges are read (daily imports it in functions)
    top = import_graph()
    assert all(top[name] <= graph[name] for name in graph)  # the import-time edges are among them
    assert not tangles(graph), "import cycles, counting imports inside functions:\n" + describe_cycles(graph)


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
