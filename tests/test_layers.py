"""The import graph of prdlint/, built from the source: no cycles, no import upwards.

Every `import` and `from ... import` counts, wherever it is (function bodies and
`if TYPE_CHECKING:` blocks included): a lazy import is still a dependency."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "prdlint"

# Lowest first. A module may import its own layer and the layers below, never above.
# Names cover the module and its submodules; the package itself is `prdlint` alone.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "base",
        (
            "prdlint",
            "prdlint.errors",
            "prdlint.model",
            "prdlint.wordtrie",
            "prdlint.story",
            "prdlint.roles",
            "prdlint.yamlload",
            "prdlint.progress",
            "prdlint.entrypoints",
            "prdlint.fingerprints",
            "prdlint.suppressions",  # directives as data; applying them is filters' job
            "prdlint.boundedio",
            "prdlint.printable",
            "prdlint.shipped",
            "prdlint.doctype",  # design record or PRD: the one decider
            "prdlint.lazypattern",  # regexes compiled on first use (checks._lazy re-exports)
        ),
    ),
    ("rule", ("prdlint.rule", "prdlint.kinds")),
    ("parts", ("prdlint.checks", "prdlint.readers")),
    ("registry", ("prdlint.registry", "prdlint.builtin")),
    (
        "pipeline",
        (
            "prdlint.config",
            "prdlint.engine",
            "prdlint.filters",
            "prdlint.per_file_ignores",
            "prdlint.baseline",
            "prdlint.formatters",
            "prdlint.jira_live",
        ),
    ),
    (
        "run",
        ("prdlint.runner", "prdlint.parallel", "prdlint.session", "prdlint.testing"),
    ),  # testing: examples as tests
    ("wiring", ("prdlint.commands._common",)),  # flags and outcome handling, shared
    ("commands", ("prdlint.commands",)),
    ("docs", ("prdlint.docs",)),  # rule docs, rendered as `prdlint rule` prints them
    ("server", ("prdlint.lsp", "prdlint.commands.server")),  # the language server
    ("app", ("prdlint.cli", "prdlint.__main__")),
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imported(module: str, path: Path, node: ast.AST) -> Iterator[str]:
    """The prdlint modules one import statement names (a submodule when it is one)."""
    modules = _modules()
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            package = module.split(".")
            if path.name != "__init__.py":
                package.pop()
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, *([node.module] if node.module else [])])
        for alias in node.names:
            full = f"{base}.{alias.name}"
            yield full if full in modules else base


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module -> the prdlint modules it imports."""
    edges: dict[str, frozenset[str]] = {}
    for module, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found = {
            name
            for node in ast.walk(tree)
            for name in _imported(module, path, node)
            if name == "prdlint" or name.startswith("prdlint.")
        }
        edges[module] = frozenset(found - {module})
    return edges


def layer_of(module: str) -> int:
    best, rank = -1, -1
    for index, (_, names) in enumerate(LAYERS):
        for name in names:
            covers = module == name or (name != "prdlint" and module.startswith(name + "."))
            if covers and len(name) > best:
                best, rank = len(name), index
    return rank


def cycles() -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def upward_imports() -> set[tuple[str, str]]:
    edges = graph()
    return {
        (module, target)
        for module, targets in edges.items()
        for target in targets
        if target in edges and layer_of(target) > layer_of(module)
    }


def test_the_graph_sees_function_level_and_type_checking_imports() -> None:
    # runner imports subprocess in a function; formatters load entry points lazily: the
    # graph must still hold the edges every module-level import gives.
    edges = graph()
    assert "prdlint.model" in edges["prdlint.engine"]
    assert "prdlint.commands.check" in edges["prdlint.cli"]
    assert {"prdlint.jira_live", "prdlint.commands._common"} <= edges["prdlint.commands.jira"]


def test_every_module_has_a_layer() -> None:
    assert [m for m in graph() if layer_of(m) < 0] == []


def test_no_import_cycles() -> None:
    assert [sorted(c) for c in cycles()] == []


def test_no_upward_imports() -> None:
    unexpected = sorted(upward_imports())
    named = [
        f"{a} ({LAYERS[layer_of(a)][0]}) -> {b} ({LAYERS[layer_of(b)][0]})" for a, b in unexpected
    ]
    assert named == []


def test_filters_depend_on_neither_engine_nor_registry() -> None:
    assert graph()["prdlint.filters"] & {"prdlint.engine", "prdlint.registry"} == set()
