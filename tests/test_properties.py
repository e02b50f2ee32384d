"""Property tests: whatever the data or the arguments, mlcareer answers with its own errors, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mlcareer.cli import app
from mlcareer.errors import Problem
from mlcareer.pack.catalog import check_directory
from mlcareer.pack.yamlfile import YamlProblem, parse
from tests.conftest import MINI

pytestmark = pytest.mark.slow  # hundreds of generated cases each

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["engineer", "programming", "mid", "doc", "no", "yes", "1e3", "~", "[", "*a", "!!str"]),
)
keys = st.one_of(
    st.sampled_from(
        [
            *("roles", "id", "title", "level", "kind", "summary", "skills", "skill", "quote", "source"),
            *("sources", "text", "items", "contrasts", "role", "wording", "phrase", "grade", "family"),
            *("profession", "applies_from", "statements", "expects", "advance", "requirements"),
        ]
    ),
    st.text(min_size=1, max_size=10),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(MINI, target)
    return target


@SETTINGS
@given(
    doc=documents,
    name=st.sampled_from(
        ["roles.yaml", "skills.yaml", "sources.yaml", "salaries.yaml", "expectations.yaml", "levels.yaml"]
    ),
)
def test_any_yaml_document_gives_problems_not_exceptions(tmp_path: Path, doc: Any, name: str) -> None:
    data = _copy(tmp_path)
    (data / name).write_text(yaml.safe_dump(doc, allow_unicode=True))
    catalog, problems = check_directory(data)
    assert (catalog is None) == bool(problems)
    assert all(isinstance(p, Problem) and p.file.endswith(".yaml") for p in problems)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


@SETTINGS
@given(data=st.data(), replacement=documents, name=st.sampled_from(["roles.yaml", "expectations.yaml"]))
def test_any_single_change_to_valid_data_gives_problems_not_exceptions(
    tmp_path: Path, data: st.DataObject, replacement: Any, name: str
) -> None:
    directory = _copy(tmp_path)
    original = yaml.safe_load((MINI / name).read_text())
    path = data.draw(st.sampled_from(_paths(original)[1:]))
    node = original
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = replacement
    (directory / name).write_text(yaml.safe_dump(original))
    catalog, problems = check_directory(directory)
    assert (catalog is None) == bool(problems)


@SETTINGS
@given(raw=st.binary(max_size=200))
def test_any_bytes_parse_or_raise_yaml_problem(raw: bytes) -> None:
    try:
        parse(raw)
    except YamlProblem as exc:
        assert exc.message


def _vocabulary() -> list[str]:
    """Command names and their option names, minus those that write files or install things."""
    group = typer.main.get_command(app)
    words = set(group.commands)  # type: ignore[attr-defined]
    for command in group.commands.values():  # type: ignore[attr-defined]
        for param in command.params:
            words.update(getattr(param, "opts", []))
    banned = {"--output", "-o", "--report", "--install-completion", "--show-completion", "--clear"}
    return sorted(words - banned)


@pytest.fixture(scope="module")
def vocabulary() -> list[str]:
    return _vocabulary()


@SETTINGS
@given(data=st.data())
def test_random_arguments_never_end_in_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vocabulary: list[str], data: st.DataObject
) -> None:
    monkeypatch.chdir(tmp_path)
    word = st.one_of(
        st.sampled_from(vocabulary),
        st.sampled_from(["ml-engineer", "mle", "senior", "junior", "bogus", "-", "--", "", "json", "42"]),
        st.text(max_size=12),
    )
    argv = data.draw(st.lists(word, max_size=6))
    result = CliRunner().invoke(app, argv, input="")
    assert result.exit_code in (0, 1, 2, 130), (argv, result.output)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{argv!r} raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.stderr
