"""One JSON vocabulary across every document: a role, a match, readiness and a level each have one shape.

Every command's real output is gathered once, validated against its schema, and walked: wherever a
document names a role it is an object with its id and title; a kind's match is a percentage with
its rule; readiness and level have one shape wherever they appear.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from mlcareer.jsondoc.schemas import DOCUMENTS
from tests.conftest import REPO, Invoke

SCHEMAS = REPO / "docs" / "schemas"
ANSWERS = str(REPO / "examples" / "answers.yaml")
TEAM = REPO / "examples" / "team"


@pytest.fixture
def documents(invoke: Invoke, tmp_path: Path) -> dict[str, Any]:
    """Every document mlcareer prints, by schema name, from real runs of the commands."""
    old = tmp_path / "old"
    shutil.copytree(TEAM, old)
    runs: dict[str, tuple[str, ...]] = {
        "role": ("role", "computer-vision-engineer"),
        "role-section": ("role", "ml-engineer", "--section", "related"),
        "roles": ("roles",),
        "compare": ("compare", "ml-engineer", "data-scientist"),
        "salary": ("salary", "--role", "ml-engineer"),
        "path-ladder": ("path", "--from", "ml-engineer"),
        "path-route": ("path", "--from", "junior-ml-engineer", "--to", "lead-ml-engineer"),
        "skills": ("skills",),
        "skill": ("skill", "statistics"),
        "quiz": ("quiz", "--answers", ANSWERS),
        "plan": ("plan",),
        "history": ("history",),
        "history-show": ("history", "show", "1"),
        "history-diff": ("history", "--diff"),
        "team": ("team", str(TEAM)),
        "team-calibrate": ("team", str(TEAM / "ana.yaml"), str(TEAM / "ben.yaml"), "--calibrate"),
        "team-since": ("team", str(TEAM), "--since", str(old)),
        "validate": ("validate",),
        "history-clear": ("history", "--clear", "--yes"),  # last: it empties the history
    }
    assert invoke("quiz", "--answers", ANSWERS).exit_code == 0  # two results: a diff to show
    found: dict[str, Any] = {}
    for name, args in runs.items():
        result = invoke(*args, "--json")
        assert result.exit_code == 0, (name, result.stderr)
        found[name] = json.loads(result.stdout)
    return found


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """Every (path, key, value) of a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")


def test_every_document_is_covered_and_valid(documents: dict[str, Any]) -> None:
    assert set(documents) == set(DOCUMENTS)
    for name, doc in documents.items():
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(schema).iter_errors(doc))
        assert not errors, (name, [e.message for e in errors[:3]])


def test_a_role_is_always_an_object_with_its_id_and_title(documents: dict[str, Any]) -> None:
    seen = 0
    for name, doc in documents.items():
        for path, key, value in _walk(doc):
            if path.endswith((".counts", ".expectations")):
                continue  # counts by basis: "role" there is the role's own statements
            if key in ("role", "start") and value is not None:
                assert isinstance(value, dict), (name, path, key, value)
                assert isinstance(value.get("id"), str) and isinstance(value.get("title"), str), (name, path)
                seen += 1
    assert seen > 50
    assert not any(key == "role_title" for doc in documents.values() for _, key, _ in _walk(doc))


def test_a_kinds_match_is_a_percentage_with_its_rule(documents: dict[str, Any]) -> None:
    matches = [m for m in documents["quiz"]["matches"]] + [m for m in documents["team"]["leanings"]]
    assert matches
    rules = set()
    for m in matches:
        assert set(m["match"]) == {"percent", "rule"} and 0 <= m["match"]["percent"] <= 100
        rules.add(m["match"]["rule"])
    assert len(rules) == 1 and rules.pop().startswith("mlcareer's own rule")
    assert "score" not in json.dumps(documents["quiz"]["matches"]) + json.dumps(documents["team"]["leanings"])


def _shapes(documents: dict[str, Any], wanted: str) -> dict[str, set[str]]:
    """The shapes of ``wanted`` in every result summary (an object with both readiness and level)."""
    shapes: dict[str, set[str]] = {}
    for name, doc in documents.items():
        summaries = [(path, value) for path, _, value in _walk({"": doc})]
        for path, node in summaries:
            if isinstance(node, dict) and "readiness" in node and "level" in node:
                value = node[wanted]
                shape = ",".join(sorted(value)) if isinstance(value, dict) else type(value).__name__
                shapes.setdefault(shape, set()).add(f"{name}:{path}")
    return shapes


def test_readiness_and_level_of_a_result_share_the_quizs_shape(documents: dict[str, Any]) -> None:
    """The documents built here take readiness and level from the quiz's own builders."""
    quiz = documents["quiz"]
    for person in documents["team-since"]["people"]:
        for side in ("before", "after"):
            assert set(person[side]["readiness"]) == set(quiz["readiness"])
            assert set(person[side]["level"]) == set(quiz["level"])


def test_readiness_and_level_have_one_shape_everywhere(documents: dict[str, Any]) -> None:
    for wanted in ("readiness", "level"):
        shapes = _shapes(documents, wanted)
        assert len(shapes) == 1, (wanted, shapes)
