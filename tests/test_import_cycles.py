"""No import cycles among the modules of `catalog_app/` and `ui/`.

A cycle means two modules cannot be read, tested or moved apart: each needs the
other, so a change in one ripples into the other and import order starts to
matter. Deferred imports (inside a function) hide a cycle from Python at start-up
but still tie the two modules together, so they count here too. Only imports
under `if TYPE_CHECKING:` are skipped: they never run.

The graph is read from the source with `ast` (nothing is imported), its strongly
connected components are found with Tarjan's algorithm, and every component of
more than one module (or a module importing itself) is a cycle.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("catalog_app", "ui")

# Cycles tolerated for a while, each as a frozenset of module names: empty since issue 16 broke
# the last ones. A cycle listed here must exist (the test fails when it is gone), so the list
# cannot go stale; a new cycle is broken, not listed.
KNOWN: set[frozenset[str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def collect_modules() -> dict[str, Path]:
    """Every module of the packages, by dotted name."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            modules[_module_name(path)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    if isinstance(test, ast.Attribute):
        return test.attr == "TYPE_CHECKING"
    return False


def _import_nodes(node: ast.AST):
    """Every import statement under `node`, skipping `if TYPE_CHECKING:` bodies."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            # The `else:` branch runs, the body does not.
            for sub in child.orelse:
                if isinstance(sub, (ast.Import, ast.ImportFrom)):
                    yield sub
                else:
                    yield from _import_nodes(sub)
        else:
            yield from _import_nodes(child)


def _resolve_base(name: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module a `from ... import` names, relative imports resolved."""
    if node.level == 0:
        return node.module or ""
    parts = name.split(".")
    if not is_package:
        parts = parts[:-1]
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)]
    base = ".".join(parts)
    if node.module:
        base = f"{base}.{node.module}" if base else node.module
    return base


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of `modules` that `name` imports, anywhere in its body."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        base = _resolve_base(name, is_package, node)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            # `from pkg import mod` imports the submodule; `from mod import x`
            # imports the module itself.
            found.add(submodule if submodule in modules else base)
    return {dep for dep in found if dep in modules}


def import_graph() -> dict[str, set[str]]:
    modules = collect_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on deep graphs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Components that form a cycle: several modules, or one importing itself."""
    return [
        comp for comp in strongly_connected(graph) if len(comp) > 1 or comp[0] in graph[comp[0]]
    ]


def describe(component: list[str], graph: dict[str, set[str]]) -> str:
    """The component's members and, for each, which members it imports."""
    members = set(component)
    lines = [f"cycle of {len(component)} modules:"]
    for name in component:
        inside = sorted(graph[name] & members)
        lines.append(f"    {name} -> {', '.join(inside)}")
    return "\n".join(lines)


def test_tarjan_finds_a_planted_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}, "f": set()}
    assert sorted(cycles(graph)) == [["a", "b", "c"], ["e"]]


def test_imports_are_read_everywhere_but_type_checking(tmp_path):
    source = (
        "from typing import TYPE_CHECKING\n"
        "import catalog_app.a\n"
        "if TYPE_CHECKING:\n"
        "    from catalog_app import b\n"
        "else:\n"
        "    from catalog_app import e\n"
        "def f():\n"
        "    from catalog_app.c import thing\n"
        "    from .d import other\n"
    )
    path = tmp_path / "x.py"
    path.write_text(source, encoding="utf-8")
    modules = {m: path for m in ("catalog_app.a", "catalog_app.b", "catalog_app.c")}
    modules |= {"catalog_app.d": path, "catalog_app.e": path}
    found = imports_of("catalog_app.x", path, modules)
    assert found == {"catalog_app.a", "catalog_app.c", "catalog_app.d", "catalog_app.e"}


def test_graph_sees_the_packages():
    graph = import_graph()
    assert "catalog_app.scan.scanner" in graph
    assert "ui.main_window" in graph
    # A known edge, so an empty graph cannot pass the cycle test below.
    assert any(deps for deps in graph.values())


def test_no_import_cycles():
    graph = import_graph()
    found = cycles(graph)
    new = [comp for comp in found if frozenset(comp) not in KNOWN]
    gone = [sorted(known) for known in KNOWN if list(sorted(known)) not in found]
    message = []
    if new:
        message.append("Import cycles (move the shared piece into a module both import):")
        message.extend(describe(comp, graph) for comp in new)
    if gone:
        message.append("Cycles in KNOWN no longer exist (or changed); update KNOWN:")
        message.extend(f"    {', '.join(comp)}" for comp in gone)
    if message:
        print("\n".join(message), file=sys.stderr)
    assert not message, "\n".join(message)
