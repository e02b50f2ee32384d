"""`mlcareer role`, `roles`, `compare`, `validate` through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke


def test_role_overview_fits_a_screen_and_says_how_to_see_more(invoke: Invoke) -> None:
    result = invoke("role", "ml-engineer")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= 64
    for heading in ("Summary", "Responsibilities", "Skills", "Salary", "Career moves"):
        assert heading in result.stdout
    assert "Tools and frameworks" not in result.stdout and "\nSources\n" not in result.stdout
    assert "$110,000 - $150,000 per year" in result.stdout  # pay in one line
    assert "Advance to the next level: Lead Machine Learning Engineer" in result.stdout
    last = " ".join(lines[-3:])
    assert "--full" in last and "--section NAME" in last and "certifications" in last


@pytest.mark.parametrize(
    "role", ["junior-ml-engineer", "computer-vision-engineer", "chief-technology-officer"]
)
def test_every_overview_ends_with_the_way_to_more(invoke: Invoke, role: str) -> None:
    result = invoke("role", role)
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) <= 64
    assert "--full" in result.stdout.rsplit("More:", 1)[1]


def test_full_and_section_do_not_go_together(invoke: Invoke) -> None:
    result = invoke("role", "ml-engineer", "--full", "--section", "skills")
    assert result.exit_code == 2
    assert "--full" in result.stderr


def test_markdown_and_json_stay_complete_without_full(invoke: Invoke) -> None:
    markdown = invoke("role", "ml-engineer", "--format", "markdown").stdout
    assert "## Tools and frameworks" in markdown and "## Sources" in markdown
    data = json.loads(invoke("role", "ml-engineer", "--json").stdout)["role"]
    assert data["tools"] and data["sources"] and data["industries"]


def test_role_ml_engineer_full_shows_every_part(invoke: Invoke) -> None:
    result = invoke("role", "ml-engineer", "--full")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for heading in ("Summary", "Responsibilities", "Skills", "Tools", "Education", "Salary", "Sources"):
        assert heading in out
    assert "Machine Learning Engineer" in out
    assert "$110,000 - $150,000" in out
    assert result.stderr == ""


@pytest.mark.parametrize("name", ["ML Engineer", "mle", "MLE", "machine learning engineer", "ML_ENGINEER"])
def test_role_matches_alias_and_title(invoke: Invoke, name: str) -> None:
    result = invoke("role", name, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["role"]["id"] == "ml-engineer"


def test_unknown_role_suggests_closest(invoke: Invoke) -> None:
    result = invoke("role", "ml-enginer")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "did you mean ml-engineer" in result.stderr
    assert "Traceback" not in result.stderr


def test_role_section_shows_only_that_part(invoke: Invoke) -> None:
    result = invoke("role", "ml-engineer", "--section", "skills")
    assert result.exit_code == 0
    assert "Skills" in result.stdout
    assert "Responsibilities" not in result.stdout
    assert "Sources" not in result.stdout


def test_bad_section_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("role", "ml-engineer", "--section", "pay")
    assert result.exit_code == 2
    assert "pay" in result.stderr


def test_role_json_is_complete_and_sourced(invoke: Invoke) -> None:
    data = json.loads(invoke("role", "ml-engineer", "--json").stdout)["role"]
    assert data["level"] == "mid"
    assert data["sources"] and all(s["title"] for s in data["sources"])
    assert {s["skill"] for s in data["skills"]} >= {"programming"}
    # each skill is an expectation: its state, grade, basis, and the statements it rests on
    programming = next(s for s in data["skills"] if s["skill"] == "programming")
    assert (programming["state"], programming["expected"]) == ("expected", {"grade": 3, "name": "proficient"})
    assert (programming["basis"], programming["label"]) == ("profession", "profession-wide, no level given")
    assert all({"quote", "source", "scope", "phrase", "grade"} <= set(r) for r in programming["readings"])
    assert {s["state"] for s in data["skills"]} == {"expected", "mentioned"}
    # the moves are derived: advancing a level, or specialising
    lead = {"id": "lead-ml-engineer", "title": "Lead Machine Learning Engineer"}
    assert {"role": lead, "move": "advance"} in data["leads_to"]
    moves = {(m["role"]["id"], m["move"]) for m in data["leads_to"]}
    assert ("computer-vision-engineer", "specialisation") in moves
    assert ("junior-ml-engineer", "advance") in {(m["role"]["id"], m["move"]) for m in data["leads_from"]}
    assert data["level_info"]["advance"]["source"] == "ml-engineer-jobs"
    assert any(f["measure"] == "average" and f["amount"] == 160471 for f in data["salary"])


def test_roles_lists_every_role_grouped_by_level(invoke: Invoke) -> None:
    result = invoke("roles")
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("ENTRY") < out.index("MID") < out.index("SENIOR") < out.index("EXECUTIVE")
    for role_id in ("junior-ml-engineer", "chief-technology-officer", "federated-learning-engineer"):
        assert role_id in out


def test_roles_filters(invoke: Invoke) -> None:
    senior = json.loads(invoke("roles", "--level", "senior", "--json").stdout)["roles"]
    assert {r["id"] for r in senior} == {
        "lead-ml-engineer",
        "principal-data-scientist",
        "technical-architect",
    }
    vision = json.loads(invoke("roles", "--search", "vision", "--json").stdout)["roles"]
    assert "computer-vision-engineer" in {r["id"] for r in vision}
    none = invoke("roles", "--search", "zzzz-nothing")
    assert none.exit_code == 0 and "No roles match" in none.stdout


def test_compare_two_roles(invoke: Invoke) -> None:
    result = invoke("compare", "ml-engineer", "data-scientist")
    assert result.exit_code == 0, result.stderr
    assert "Machine Learning Engineer" in result.stdout and "Data Scientist" in result.stdout
    data = json.loads(invoke("compare", "ml-engineer", "data-scientist", "--json").stdout)
    assert data["left"]["id"] == "ml-engineer" and data["right"]["id"] == "data-scientist"
    assert all({"skill", "left", "right"} <= set(row) for row in data["skills"])


def test_compare_unknown_role(invoke: Invoke) -> None:
    result = invoke("compare", "ml-engineer", "data-scientis")
    assert result.exit_code == 1
    assert "did you mean data-scientist" in result.stderr


def test_validate_shipped_data(invoke: Invoke) -> None:
    result = invoke("validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("OK ")


def test_validate_reports_every_problem(invoke: Invoke, mini_dir: Path) -> None:
    roles = mini_dir / "roles.yaml"
    roles.write_text(
        roles.read_text()
        .replace("skill: statistics", "skill: statistcs")
        .replace("summary: Works on images.", "summary: Works on images.\n    colour: blue")
    )
    result = invoke("validate", str(mini_dir))
    assert result.exit_code == 1
    assert "2 problems" in result.stderr
    assert (
        "roles.yaml:27: roles[1].skills[1].skill: unknown skill 'statistcs' (did you mean 'statistics'?)"
        in result.stderr
    )
    assert "roles[2].colour: unknown field" in result.stderr
    data = json.loads(invoke("validate", str(mini_dir), "--json").stdout)
    assert data["ok"] is False and len(data["problems"]) == 2
    assert data["total"] == 2 and data["unlisted"] == 0


def test_validate_json_counts_the_problems_it_does_not_list(invoke: Invoke, mini_dir: Path) -> None:
    roles = mini_dir / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8") + "  - {}\n" * 150, encoding="utf-8")
    data = json.loads(invoke("validate", str(mini_dir), "--json").stdout)
    assert data["ok"] is False and data["total"] > 100
    assert len(data["problems"]) == 100 and data["unlisted"] == data["total"] - 100
    assert all(p["file"].endswith("roles.yaml") and p["line"] for p in data["problems"])  # no count row


def test_data_dir_option_and_environment(invoke: Invoke, mini_dir: Path) -> None:
    by_option = invoke("--data-dir", str(mini_dir), "roles", "--json")
    assert [r["id"] for r in json.loads(by_option.stdout)["roles"]] == [
        "junior-engineer",
        "engineer",
        "vision-engineer",
    ]
    by_env = invoke("role", "ENG", "--json", env={"MLCAREER_DATA_DIR": str(mini_dir)})
    assert json.loads(by_env.stdout)["role"]["id"] == "engineer"


def test_broken_data_dir_stops_every_command(invoke: Invoke, mini_dir: Path) -> None:
    (mini_dir / "skills.yaml").write_text("skills: [\n")
    result = invoke("--data-dir", str(mini_dir), "role", "engineer")
    assert result.exit_code == 1
    assert "skills.yaml:2:" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_data_dir(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--data-dir", str(tmp_path / "nope"), "roles")
    assert result.exit_code in (1, 2)
    assert "nope" in result.stderr


def test_help_for_every_command_has_an_example(invoke: Invoke) -> None:
    import typer.main

    from mlcareer.cli import app

    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        result = invoke(name, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout, name


def test_role_and_salary_json_give_the_same_figures(invoke: Invoke) -> None:
    role = json.loads(invoke("role", "ml-engineer", "--json").stdout)["role"]["salary"]
    salary = json.loads(invoke("salary", "--role", "ml-engineer", "--json").stdout)
    by_id = {f["id"]: f for f in role}
    assert by_id["mle-mid"]["source"]["title"] == "Machine Learning Engineer Jobs"
    assert by_id["mle-average-indeed-2023"]["amount"] == 160471
    assert str(salary).count("160471") >= 1


def test_bad_paths_are_data_errors_with_exit_1(invoke: Invoke, tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    for args in (
        ["--data-dir", str(a_file), "roles"],
        ["--data-dir", str(tmp_path / "nope"), "roles"],
        ["validate", str(a_file)],
        ["roles", "--output", str(tmp_path)],
        ["roles", "--output", str(tmp_path / "nope" / "x.txt")],
    ):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith("Error: "), args


def test_section_applies_to_json_and_choices_ignore_case(invoke: Invoke) -> None:
    data = json.loads(invoke("role", "mle", "--section", "TOOLS", "--json").stdout)["role"]
    # "inherits": what a kind shows of the role it specialises (null for a ladder role)
    assert set(data) == {"id", "title", "aliases", "level", "kind", "tools", "inherits"}
    assert data["inherits"] is None
    assert invoke("roles", "--format", "MARKDOWN").stdout.startswith("# Roles")
    bad = invoke("role", "mle", "--section", "pay")
    assert bad.exit_code == 2
    assert "unknown section 'pay'; choose one of: summary" in bad.stderr


def test_two_formats_at_once_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("roles", "--json", "--format", "markdown")
    assert result.exit_code == 2
    assert "ask for two formats" in result.stderr
    assert json.loads(invoke("roles", "--json", "--format", "json").stdout)["roles"]


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("summry", "roles[0].summry: unknown field; did you mean 'summary'?"),
        # a key no role has: no hint from another model's fields ("as_of" is a salary's)
        ("leads_to", "roles[0].leads_to: unknown field\n"),
    ],
)
def test_an_unknown_field_is_matched_against_its_own_model(
    invoke: Invoke, mini_dir: Path, key: str, said: str
) -> None:
    roles = mini_dir / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text.replace("  - id: ", f"  - {key}: x\n    id: ", 1), encoding="utf-8")
    result = invoke("validate", str(mini_dir))
    assert result.exit_code == 1
    assert said in result.stderr + "\n"
