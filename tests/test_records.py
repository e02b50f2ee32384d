"""Cached runs hold plain records made from the models' own layout, and import no pydantic."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from pydantic import BaseModel

from mlcareer.choices import Level
from mlcareer.models import Catalog, Role, Source, layout
from mlcareer.models.base import _Model
from mlcareer.pack import cache
from mlcareer.pack.catalog import load, load_catalog, shipped_data_dir
from mlcareer.records import Record, as_data, positional, rebuild, record_classes, replace
from tests.conftest import MINI, REPO

SAMPLE = str(REPO / "examples" / "answers.yaml")
TEAM = str(REPO / "examples" / "team")


def _validated(directory: Path) -> Catalog:
    from mlcareer.pack.catalog import check_directory

    catalog, problems = check_directory(directory)
    assert catalog is not None, problems
    return catalog


def _records(catalog: Catalog) -> Catalog:
    """The records a cached run would hold (typed, as in the domain, as the models they mirror)."""
    shape = layout()
    # Through JSON, as the cache holds it.
    rebuilt: Catalog = rebuild(
        json.loads(json.dumps(shape)), json.loads(json.dumps(positional(shape, catalog)))
    )
    return rebuilt


def test_the_layout_is_every_model_and_field_of_the_catalog() -> None:
    shape = layout()
    models: dict[str, type[BaseModel]] = {}
    todo: list[type[BaseModel]] = [_Model]
    while todo:
        model = todo.pop()
        todo.extend(model.__subclasses__())
        if model is not _Model:
            models[model.__name__] = model
    assert set(shape["models"]) == set(models), "every data model is reachable from the Catalog"
    for name, fields in shape["models"].items():
        assert [field for field, _ in fields] == list(models[name].model_fields), name
    assert shape["mixins"] == {"Catalog": ["mlcareer.records:CatalogLookups"]}


def _synthetic() -> Path:
    from bench.make_pack import make_pack

    return make_pack(Path(tempfile.mkdtemp(prefix="mlcareer-records-")), roles=40)


@pytest.mark.parametrize(
    "directory", [shipped_data_dir, lambda: MINI, _synthetic], ids=["shipped", "mini", "synthetic"]
)
def test_records_hold_exactly_what_validation_made(directory: Callable[[], Path]) -> None:
    catalog = _validated(directory())
    records = _records(catalog)
    assert isinstance(cast(object, records), Record) and type(records).__name__ == "Catalog"
    assert as_data(records) == as_data(catalog)
    assert as_data(catalog) == catalog.model_dump(), "as_data reads a model as model_dump does"
    assert records.lookup.roles.keys() == catalog.lookup.roles.keys()
    assert all(type(level) is Level for level in records.lookup.levels)
    assert all(type(role.level) is Level for role in records.roles)


def test_a_record_reads_like_its_model_and_is_frozen() -> None:
    catalog = _validated(MINI)
    records = _records(catalog)
    role: Role = records.roles[0]
    model = catalog.roles[0]
    assert (role.id, role.title, role.level, role.skills[0].quote) == (
        model.id,
        model.title,
        model.level,
        model.skills[0].quote,
    )
    with pytest.raises(AttributeError):
        role.title = "changed"  # type: ignore[misc]
    assert repr(records.sources[0]).startswith("Source(id=")
    # Equal only to a record of its own class; hashable when its model is.
    source: Source = records.sources[0]
    assert source == _records(catalog).sources[0]
    plain: object = tuple(cast(Any, source))
    assert source != plain and source != catalog.sources[0]
    assert hash(source) == hash(_records(catalog).sources[0])
    with pytest.raises(TypeError):
        hash(role)  # a list field: no more hashable than the model (pydantic raises too)
    with pytest.raises(TypeError):
        hash(model)


def test_replace_changes_a_model_or_a_record_alike() -> None:
    catalog = _validated(MINI)
    records = _records(catalog)
    for obj in (catalog, records):
        role = obj.roles[0]
        changed = replace(role, title="Renamed")
        assert changed.title == "Renamed" and role.title != "Renamed"
        assert type(changed) is type(role)
        smaller = replace(obj, roles=obj.roles[1:])
        assert role.id not in smaller.lookup.roles and role.id in obj.lookup.roles
    assert as_data(replace(records.roles[0], title="X")) == as_data(replace(catalog.roles[0], title="X"))
    with pytest.raises(TypeError):
        replace(records.roles[0], nonsense=1)


def test_only_mlcareer_names_are_resolved_from_a_layout() -> None:
    shape = layout()
    shape["mixins"] = {"Catalog": ["os:system"]}
    with pytest.raises(ValueError, match="not an mlcareer name"):
        record_classes(shape)


def test_an_entry_whose_records_do_not_fit_its_layout_is_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_dir: Path
) -> None:
    """An entry the user's own cache wrote, with a good MAC, but a body of the wrong shape."""
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(tmp_path / "cache"))
    load.cache_clear()
    expected = load_catalog(mini_dir)
    (entry,) = (tmp_path / "cache").glob("catalog-*.json")
    head, body = entry.read_bytes().split(b"\n", 1)
    meta = json.loads(head)
    data = json.loads(body)
    data["catalog"][0][0].pop()  # the first source loses its last field
    body = json.dumps(data).encode()
    secret = cache._secret(tmp_path / "cache", create=False)
    assert secret is not None
    meta.update(size=len(body), mac=cache._mac(secret, meta["key"], body))
    entry.write_bytes(json.dumps(meta).encode() + b"\n" + body)
    assert cache.get(mini_dir, meta["key"]) is None
    load.cache_clear()
    again = load_catalog(mini_dir)
    assert not isinstance(cast(object, again), Record) and as_data(again) == as_data(expected)


# ---------------------------------------------------------------- no pydantic on a cached run

PROBE = """
import sys
sys.argv = ["mlcareer", *ARGS]
from mlcareer.__main__ import main
try:
    main()
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_core", "mlcareer"))
sys.stderr.write("\\nLOADED " + " ".join(loaded) + "\\n")
"""

CACHED_RUNS = [
    ["role", "ml-engineer"],
    ["role", "ml-engineer", "--json"],
    ["role", "ml-engineer", "--format", "markdown"],
    ["role", "ml-engineer", "--format", "html"],
    ["roles"],
    ["compare", "ml-engineer", "data-scientist"],
    ["salary", "--level", "senior"],
    ["path"],
    ["path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer"],
    ["skill", "python"],
    ["skills", "--json"],
    ["quiz", "--answers", SAMPLE, "--json", "--no-save"],
    ["plan", "--answers", SAMPLE],
    ["team", TEAM],
]


def test_cached_runs_import_no_pydantic(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(MLCAREER_CACHE_DIR=str(tmp_path / "cache"), MLCAREER_HOME=str(tmp_path / "home"))
    warm = subprocess.run([sys.executable, "-m", "mlcareer", "roles"], env=env, capture_output=True)
    assert warm.returncode == 0, warm.stderr
    for args in CACHED_RUNS:
        done = subprocess.run(
            [sys.executable, "-c", PROBE.replace("ARGS", repr(args))],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
        )
        loaded = done.stderr.rsplit("LOADED ", 1)[-1].split()
        assert "mlcareer.pack.cache" in loaded, (args, done.stderr[-2000:])
        assert [m for m in loaded if m.startswith(("pydantic", "mlcareer.models"))] == [], args


FLOORS = ("domain", "render", "jsondoc")


def _runtime_imports(tree: ast.AST) -> list[str]:
    """Modules imported outside ``if TYPE_CHECKING:`` blocks, lazy imports included."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for other in node.orelse:
                visit(other)
            return
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_domain_and_render_use_no_pydantic_method_on_catalog_objects() -> None:
    """They may hold records: ``records.as_data`` and ``records.replace`` read and change both."""
    src = REPO / "src" / "mlcareer"
    offenders = []
    for floor in FLOORS:
        for path in sorted((src / floor).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Attribute) and node.attr.startswith("model_"):
                    offenders.append(f"{path.relative_to(src)}:{node.lineno}: .{node.attr}")
    assert [o for o in offenders if not o.startswith("jsondoc/schemas.py")] == []


def test_domain_and_render_import_the_models_only_for_type_checking() -> None:
    src = REPO / "src" / "mlcareer"
    offenders = []
    for floor in FLOORS:  # jsondoc/schemas.py, which writes docs/schemas, may use pydantic
        for path in sorted((src / floor).rglob("*.py")):
            for module in _runtime_imports(ast.parse(path.read_text())):
                if module.startswith(("mlcareer.models", "pydantic")) and path.name != "schemas.py":
                    offenders.append(f"{path.relative_to(src)}: {module}")
    assert offenders == []
