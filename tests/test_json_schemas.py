"""Every command's real `--json` output validates against its schema in docs/schemas/.

The schemas are generated from the TypedDicts in mlcareer.jsondoc.types; these tests also
check that the committed files are exactly what the code generates, and that the schemas
are strict enough that a renamed or extra key fails.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from mlcareer.jsondoc import SCHEMA_VERSION as JSON_SCHEMA_VERSION
from mlcareer.jsondoc.schemas import DOCUMENTS, schema_text
from tests.conftest import Invoke

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "docs" / "schemas"
ANSWERS = str(ROOT / "examples" / "answers.yaml")
TEAM = ROOT / "examples" / "team"
REGENERATE = (
    "the schemas differ from the code: regenerate with `python -m mlcareer.jsondoc.schemas docs/schemas`"
)


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _valid(name: str, invoke: Invoke, *args: str, code: int = 0) -> dict[str, Any]:
    """Run the command, parse its JSON and validate it against the schema ``name``."""
    result = invoke(*args)
    assert result.exit_code == code, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    return data


# ---------------------------------------------------------------- the schema files


def test_committed_schemas_are_what_the_code_generates() -> None:
    for name in DOCUMENTS:
        path = SCHEMAS / f"{name}.schema.json"
        assert path.is_file(), f"{path} is missing: {REGENERATE}"
        assert path.read_text(encoding="utf-8") == schema_text(name), f"{path.name}: {REGENERATE}"
    shipped = {p.name for p in SCHEMAS.glob("*.schema.json")}
    assert shipped == {f"{name}.schema.json" for name in DOCUMENTS}, REGENERATE


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_schema_is_a_valid_draft_2020_12_schema_that_requires_the_version(name: str) -> None:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"][0] == "schema_version"
    assert schema["properties"]["schema_version"] == {"const": JSON_SCHEMA_VERSION, "type": "integer"}


def _objects(node: Any) -> list[dict[str, Any]]:
    """Every object schema (with properties) anywhere in ``node``."""
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append(node)
        for value in node.values():
            found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_object_in_every_schema_is_closed(name: str) -> None:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    objects = _objects(schema)
    assert objects
    assert all(o.get("additionalProperties") is False for o in objects), name


def test_every_command_with_json_output_has_a_schema() -> None:
    import typer.main

    from mlcareer.cli import app

    group = typer.main.get_command(app)
    with_json = {
        name
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if any(getattr(p, "name", None) == "as_json" for p in command.params)
    }
    documented = {command.split()[1] for _, command in DOCUMENTS.values()}
    assert with_json and with_json == documented


# ---------------------------------------------------------------- real output, validated


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("role", ("role", "ml-engineer", "--json")),
        ("role", ("role", "junior-ml-engineer", "--format", "json")),
        ("role", ("role", "computer-vision-engineer", "--json")),  # inherited expectations
        ("role", ("role", "chief-technology-officer", "--json")),
        ("role-section", ("role", "ml-engineer", "--section", "skills", "--json")),
        ("role-section", ("role", "ml-engineer", "--section", "official", "--json")),
        ("role-section", ("role", "ml-engineer", "--section", "salary", "--json")),
        ("roles", ("roles", "--json")),
        ("roles", ("roles", "--level", "senior", "--format", "json")),
        ("compare", ("compare", "ml-engineer", "data-scientist", "--json")),
        ("salary", ("salary", "--json")),
        ("salary", ("salary", "--role", "xai-engineer", "--json")),  # no figure: a message
        ("salary", ("salary", "--source", "official", "--format", "json")),
        ("path-ladder", ("path", "--json")),
        ("path-ladder", ("path", "--from", "ml-engineer", "--format", "json")),
        (
            "path-route",
            ("path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer", "-f", "json"),
        ),
        ("path-route", ("path", "--from", "ml-engineer", "--to", "computer-vision-engineer", "--json")),
        ("skills", ("skills", "--json")),
        ("skill", ("skill", "python", "--json")),
        ("skill", ("skill", "leadership", "--format", "json")),
        ("quiz", ("quiz", "--answers", ANSWERS, "--no-save", "--json")),
        ("quiz", ("quiz", "--answers", ANSWERS, "--no-save", "--role", "data-scientist", "--json")),
        ("plan", ("plan", "--answers", ANSWERS, "--json")),
        ("plan", ("plan", "--answers", ANSWERS, "--role", "lead-ml-engineer", "--json")),
        ("validate", ("validate", "--json")),
    ],
)
def test_real_output_validates(invoke: Invoke, name: str, args: tuple[str, ...]) -> None:
    _valid(name, invoke, *args)


def test_role_with_expectations_has_the_shared_vocabulary(invoke: Invoke) -> None:
    role = _valid("role", invoke, "role", "ml-engineer", "--json")["role"]
    programming = next(s for s in role["skills"] if s["skill"] == "programming")
    assert programming["expected"] == {"grade": 3, "name": "proficient"}
    pay = role["salary"][0]
    assert pay["family"] == "articles" and pay["source"]["id"] and "title" in pay["source"]
    official = role["official"][0]["figures"]["pay"][0]
    assert set(official) == set(pay) and official["occupation"]["url"].startswith("http")


def test_mini_data_output_validates(invoke: Invoke, mini_dir: Path) -> None:
    data = str(mini_dir)
    _valid("role", invoke, "--data-dir", data, "role", "vision-engineer", "--json")
    _valid("skill", invoke, "--data-dir", data, "skill", "python", "--json")
    _valid("path-ladder", invoke, "--data-dir", data, "path", "--json")
    _valid("validate", invoke, "validate", data, "--json")


def test_validate_with_problems_validates(invoke: Invoke, mini_dir: Path) -> None:
    roles = mini_dir / "roles.yaml"
    roles.write_text(roles.read_text().replace("skill: statistics", "skill: statistcs"))
    data = _valid("validate", invoke, "validate", str(mini_dir), "--json", code=1)
    assert data["ok"] is False and data["problems"][0]["line"]


def test_team_and_calibration_validate(invoke: Invoke) -> None:
    files = sorted(str(p) for p in TEAM.iterdir())
    team = _valid("team", invoke, "team", *files[:2], "--role", "ml-engineer", "--json")
    assert len(team["people"]) == 2
    assert all(set(a) == {"grade", "name"} for s in team["skills"] for a in s["answers"])
    _valid("team", invoke, "team", str(TEAM), "--format", "json")
    cal = _valid("team-calibrate", invoke, "team", *files[:2], "--calibrate", "--json")
    assert all(set(line["first"]) == {"grade", "name"} for line in cal["skills"])


def test_history_documents_validate(invoke: Invoke, tmp_path: Path) -> None:
    answers = yaml.safe_load(Path(ANSWERS).read_text(encoding="utf-8"))
    changed = {key: min(value + 1, 4) if isinstance(value, int) else value for key, value in answers.items()}
    later = tmp_path / "later.yaml"
    later.write_text(yaml.safe_dump(changed), encoding="utf-8")
    for path in (ANSWERS, str(later)):
        assert invoke("quiz", "--answers", path).exit_code == 0
    listed = _valid("history", invoke, "history", "--json")
    assert len(listed["results"]) == 2
    shown = _valid("history-show", invoke, "history", "show", "1", "--json")
    assert shown["id"] == 1 and shown["result"]["skills"]
    diff = _valid("history-diff", invoke, "history", "diff", "--json")
    assert diff["comparable"] is True
    assert any(s["after"]["grade"] != s["before"]["grade"] for s in diff["skills"])
    assert all(s["after"]["name"] for s in diff["skills"] if s["after"]["grade"] is not None)
    plan = _valid("plan", invoke, "plan", "--json")  # from the last saved result
    assert plan["from"]["kind"] == "history"
    cleared = _valid("history-clear", invoke, "history", "clear", "--yes", "--json")
    assert cleared["deleted"] == 2


# ---------------------------------------------------------------- strict enough to mean something


def _fails(name: str, data: dict[str, Any]) -> bool:
    try:
        _validator(name).validate(data)
    except ValidationError:
        return True
    return False


def test_a_renamed_missing_or_extra_key_fails(invoke: Invoke) -> None:
    data = json.loads(invoke("role", "ml-engineer", "--json").stdout)
    assert not _fails("role", data)

    renamed = copy.deepcopy(data)
    skill = renamed["role"]["skills"][0]
    skill["grade"] = skill.pop("expected")  # the old key
    assert _fails("role", renamed)

    extra = copy.deepcopy(data)
    extra["role"]["salary"][0]["source"]["published_on"] = "2024"
    assert _fails("role", extra)

    bare = copy.deepcopy(data)
    bare["role"]["skills"][0]["expected"] = 3  # a bare grade, not a proficiency
    assert _fails("role", bare)

    missing = copy.deepcopy(data)
    del missing["schema_version"]
    assert _fails("role", missing)

    old = copy.deepcopy(data)
    old["schema_version"] = JSON_SCHEMA_VERSION - 1
    assert _fails("role", old)

    section = json.loads(invoke("role", "ml-engineer", "--section", "skills", "--json").stdout)
    assert not _fails("role-section", section) and _fails("role", section)
