"""The house's shape: data flows one way, through floors that import only downwards.

The floors, lowest first (a module may import from its own floor and the floors below it,
lazy imports inside functions included; imports for type checking alone are left out):

0. the base: ``errors``, ``text``, ``choices``, ``formats``, ``outputs``, ``files``, ``stdout``,
   ``interrupts``, ``datafiles``, ``named`` (fast named tuples), ``records`` (what a cached run
   holds instead of models) (and the package's ``__init__``): standard library and light
1. ``models``: the pydantic models, the one schema of the data
2. ``pack``: reading, checking and caching a data pack
3. ``domain`` (pure queries and scoring) and ``history`` (the SQLite store)
4. ``assessment``: a self-assessment from answers or prompts to a saved result
5. ``render`` (views and their renderers) and ``jsondoc`` (the JSON documents)
6. ``terminal``: consoles, the pager, prompts
7. ``commands``: the work of each command, free of Typer (read the catalog, call the domain, emit)
8. ``cli``: the commands declared to Typer
9. ``fastcomplete``, ``fasthelp``, ``fastrun`` and ``__main__``: the entry points

The README's Development section shows the same layout.
"""

from __future__ import annotations

import ast
import functools
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlcareer import datafiles

SRC = Path(__file__).parent.parent / "src" / "mlcareer"

FLOORS: tuple[tuple[str, ...], ...] = (
    (
        *("mlcareer", "errors", "text", "choices", "formats", "outputs", "files", "interrupts", "datafiles"),
        *("stdout", "named", "records"),
    ),
    ("models",),
    ("pack",),
    ("domain", "history"),
    ("assessment",),
    ("render", "jsondoc"),
    ("terminal",),
    ("commands",),
    ("cli",),
    ("fastcomplete", "fasthelp", "fastrun", "__main__"),
)


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(SRC.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(name: str, path: Path) -> set[str]:
    """The mlcareer modules ``name`` imports anywhere (in functions too), except for type checking."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def walk(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    walk_one(other)
            else:
                walk_one(child)

    def walk_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.update(
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names
            )
        walk(node)

    walk(ast.parse(path.read_text(encoding="utf-8")))
    out = set()
    for target in found:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != name:
            out.add(target)
    return out


@functools.cache
def graph() -> dict[str, set[str]]:
    """Every module's mlcareer imports: parsed when a test first asks, not while collecting."""
    return {name: _imported(name, path) for name, path in MODULES.items()}


def _floor(module: str) -> int:
    head = module.split(".")[1] if "." in module else module
    for n, floor in enumerate(FLOORS):
        if head in floor:
            return n
    raise AssertionError(f"{module} is on no floor: add it to FLOORS (and the README's layout)")


def _cycles() -> Iterator[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph()[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph()):
        if node not in index:
            visit(node)
    yield from found


def test_the_walk_sees_lazy_imports_and_skips_type_checking_ones(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "from mlcareer import errors\n"
        "if TYPE_CHECKING:\n    from mlcareer.models import Catalog\n"
        "def later() -> None:\n    from mlcareer.pack.catalog import load\n    from . import text\n"
    )
    found = _imported("mlcareer.sample", sample)
    assert found == {"mlcareer.errors", "mlcareer.pack.catalog", "mlcareer.text"}


def test_no_import_circle() -> None:
    assert list(_cycles()) == []


def test_every_import_goes_down_a_floor_or_stays_on_it() -> None:
    upward = [
        f"{module} (floor {_floor(module)}) imports {target} (floor {_floor(target)})"
        for module, targets in graph().items()
        for target in sorted(targets)
        if _floor(target) > _floor(module)
    ]
    assert upward == []


def test_the_named_imports_that_ran_up_a_floor_are_gone() -> None:
    assert not any(m.startswith("mlcareer.fastcomplete") for m in graph()["mlcareer.pack.catalog"])
    assert "mlcareer.terminal.console" not in graph()["mlcareer.pack.fastindex"]
    assert not [
        (m, t) for m, ts in graph().items() if m.startswith("mlcareer.jsondoc") for t in ts if ".cli" in t
    ]


def _strings(tree: ast.AST) -> Iterator[str]:
    """Every string constant that is not a docstring (f-strings' literal parts included)."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def test_each_data_file_is_named_in_one_module() -> None:
    holders: dict[str, list[str]] = {name: [] for name in datafiles.NAMES}
    for module, path in MODULES.items():
        strings = list(_strings(ast.parse(path.read_text(encoding="utf-8"))))
        for name in holders:
            if any(name in s for s in strings):
                holders[name].append(module)
    assert holders == {name: ["mlcareer.datafiles"] for name in datafiles.NAMES}


def test_the_view_model_holds_plain_values() -> None:
    """render/view.py imports no domain module and no Rich, not even for type checking."""
    tree = ast.parse(MODULES["mlcareer.render.view"].read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if n.startswith(("rich", "mlcareer.domain", "mlcareer.models"))]
    assert graph()["mlcareer.render.view"] <= {"mlcareer.render.common", "mlcareer.named"}
    assert graph()["mlcareer.render.common"] == set()  # the format-free half imports nothing at run time


@pytest.mark.parametrize("fmt", [["--format", "html"], ["--format", "markdown"], ["--json"]])
def test_documents_and_json_load_no_rich(tmp_path: Path, fmt: list[str]) -> None:
    """`python -X importtime -m mlcareer role ml-engineer --format html` (markdown, --json) imports
    no rich module, on a cold cache (the run that builds the catalog writes completion's index)
    as on a warm one."""
    env = {**os.environ, "PYTHONPATH": str(SRC.parent), "MLCAREER_CACHE_DIR": str(tmp_path / "cache")}
    env["MLCAREER_HOME"] = str(tmp_path / "home")
    for _cache in ("cold", "warm"):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "mlcareer", "role", "ml-engineer", *fmt],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        imported = [line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line]
        assert "mlcareer.render.view" in imported or fmt == ["--json"]
        assert [m for m in imported if m == "rich" or m.startswith("rich.")] == []


LONGEST_FUNCTION = 60  # lines, from its def (or first decorator) to its last line


def test_no_function_is_longer_than_a_screen() -> None:
    long = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - start + 1
                if lines > LONGEST_FUNCTION:
                    long.append(f"{module}.{node.name}: {lines} lines")
    assert long == []


def test_no_block_is_too_complex() -> None:
    """radon's cyclomatic complexity: no block rated E or F (31 and over), at most five rated D (21-30)."""
    from radon.complexity import cc_rank, cc_visit

    ranked: dict[str, list[str]] = {"D": [], "E": [], "F": []}
    for module, path in MODULES.items():
        for block in cc_visit(path.read_text(encoding="utf-8")):
            rank = cc_rank(block.complexity)
            if rank in ranked:
                ranked[rank].append(f"{module}.{block.name} ({block.complexity})")
    assert ranked["E"] + ranked["F"] == []
    assert len(ranked["D"]) <= 5, ranked["D"]
