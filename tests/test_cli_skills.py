"""`mlcareer skills`, `mlcareer skill`, `--version` and the overview, through CliRunner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlcareer import __version__
from tests.conftest import REPO, Invoke


def test_skill_python_shows_the_roles_whose_sources_state_it(invoke: Invoke) -> None:
    result = invoke("skill", "python")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    # the sources group programming, so no asterisk on its category
    assert out.startswith("Programming (Python, R, Java, Julia)\nprogramming · technical skill")
    assert "Roles whose sources state it (14 of 24; for the others the sources do not say)" in out
    assert "Machine Learning Engineer  (ml-engineer, mid)  ●●●○ proficient" in out
    assert "as for the Machine Learning Engineer (profession-wide, no level given)" in out
    for step in ("none", "awareness", "working knowledge", "proficient", "expert"):
        assert step in out
    assert result.stderr == ""


def test_skill_json(invoke: Invoke) -> None:
    data = json.loads(invoke("skill", "Leadership", "--json").stdout)["skill"]
    assert data["id"] == "leadership" and data["category"] == "interpersonal"
    assert data["category_from"] != "sources"  # the data pack's own grouping
    assert len(data["roles"]) == 19 and data["not_stated_by"] == 5
    expectations = [r["expectation"] for r in data["roles"]]
    # named without a grade everywhere: mentioned, scored at the pack's default, never graded by hand
    assert {
        (e["state"], e["expected"]["grade"], e["expected"]["name"], e["basis"]) for e in expectations
    } == {("mentioned", 2, "working knowledge", "default")}
    assert all(r["grade"] is None for e in expectations for r in e["readings"])
    inherited = [r for r in data["roles"] if r["expectation"]["inherited_from"] is not None]
    assert len(inherited) == 12 and {r["expectation"]["inherited_from"] for r in inherited} == {"ml-engineer"}
    assert [s["grade"] for s in data["scale"]] == [0, 1, 2, 3, 4]
    assert "asked_by_roles" not in data  # a role's credentials are not carried over to its skills
    assert data["credentials"] == []
    certs = json.loads(invoke("skill", "software-engineering", "--json").stdout)["skill"]["credentials"]
    assert {c["id"] for c in certs} == {
        "certified-software-development-professional",
        "azure-developer-associate",
    }


def test_unknown_skill_suggests_and_exits_1(invoke: Invoke) -> None:
    result = invoke("skill", "deep-lerning")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Error: unknown skill 'deep-lerning'; did you mean deep-learning?" in result.stderr
    assert "Traceback" not in result.stderr


def test_skills_lists_every_skill_grouped(invoke: Invoke) -> None:
    result = invoke("skills")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.index("Technical") < out.index("Analytical") < out.index("Interpersonal")
    assert out.splitlines()[3].split() == ["Skill", "Id", "Stated", "by"]
    data = json.loads(invoke("skills", "--json").stdout)
    assert data["total_roles"] == 24 and len(data["skills"]) == 28  # mathematics is new
    by_id = {s["id"]: s for s in data["skills"]}
    assert by_id["mathematics"]["roles"] == {
        "expected": 14,
        "mentioned": 0,
        "inherited": 12,
        "not_stated": 10,
    }
    programming = by_id["programming"]
    assert programming["role_ids"][0] == "ml-engineer" and programming["role_ids"][-1] == "lead-ml-engineer"
    assert programming["roles"] == {"expected": 14, "mentioned": 0, "inherited": 12, "not_stated": 10}
    leadership = by_id["leadership"]
    assert leadership["roles"] == {"expected": 0, "mentioned": 19, "inherited": 12, "not_stated": 5}
    assert len(leadership["role_ids"]) == 19
    for skill in data["skills"]:
        counts = skill["roles"]
        assert counts["expected"] + counts["mentioned"] == len(skill["role_ids"])
        assert counts["expected"] + counts["mentioned"] + counts["not_stated"] == data["total_roles"]
        assert counts["inherited"] <= counts["expected"] + counts["mentioned"]


def test_skills_search_deep_finds_deep_learning(invoke: Invoke) -> None:
    result = invoke("skills", "--search", "deep")
    assert result.exit_code == 0
    assert "Deep learning and" in result.stdout  # the name wraps in its column
    assert "neural networks" in result.stdout
    assert "deep-learning" in result.stdout
    ids = [s["id"] for s in json.loads(invoke("skills", "--search", "deep", "--json").stdout)["skills"]]
    assert ids[:2] == ["machine-learning-algorithms", "deep-learning"]
    assert "communication" not in ids
    none = invoke("skills", "--search", "zzzz-nothing")
    assert none.exit_code == 0 and "No skills match." in none.stdout


def test_skill_commands_follow_the_data_dir(invoke: Invoke, mini_dir: Path) -> None:
    data = json.loads(invoke("--data-dir", str(mini_dir), "skill", "PYTHON", "--json").stdout)["skill"]
    roles = [
        (r["id"], r["expectation"]["expected"]["grade"], r["expectation"]["inherited_from"])
        for r in data["roles"]
    ]
    # read from the quotes by mini's wording map; the vision engineer is measured as the engineer
    assert roles == [("junior-engineer", 2, None), ("engineer", 3, None), ("vision-engineer", 3, "engineer")]
    assert data["roles"][0]["expectation"]["readings"][0]["phrase"] == "familiarity with"
    assert [c["id"] for c in data["credentials"]] == ["bachelors"]
    assert "asked_by_roles" not in data


def test_skill_output_to_a_file(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "skills.txt"
    result = invoke("skills", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "Technical" in target.read_text(encoding="utf-8")


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"mlcareer {__version__}\n"
    assert __version__.count(".") == 2 and all(part.isdigit() for part in __version__.split("."))


def test_no_command_shows_an_overview(invoke: Invoke) -> None:
    result = invoke()
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("mlcareer: a career guide for machine learning engineering")
    commands = [line.split()[1] for line in out.splitlines() if line.startswith("  mlcareer ")]
    assert commands == ["roles", "role", "quiz", "plan", "team", "salary"]
    assert "mlcareer --help for all commands" in out
    assert "Usage:" not in out
    with_option = invoke("--data-dir", "data")
    assert with_option.exit_code == 0 and with_option.stdout == out


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_overview_wraps_to_the_terminal(invoke: Invoke, columns: int) -> None:
    result = invoke(env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) < columns
    words = " ".join(result.stdout.split())
    assert "mlcareer plan your learning plan" in words and "mlcareer team a class or a team" in words
    # a wrapped description continues under its own column, not under the command
    assert all(not line.startswith("  mlcareer ") or len(line.split()) > 2 for line in lines)


def test_overview_loads_no_data() -> None:
    code = (
        "import sys\n"
        "from mlcareer.cli import main\n"
        "sys.argv = ['mlcareer']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "prefixes = ('mlcareer.models', 'mlcareer.pack.catalog', 'mlcareer.render', 'yaml')\n"
        "heavy = [m for m in sys.modules if m.startswith(prefixes)]\n"
        "print('heavy:', heavy)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.rstrip().endswith("heavy: []"), result.stdout


def test_overview_puts_the_most_useful_commands_first() -> None:
    from types import SimpleNamespace

    from mlcareer.cli.overview import overview

    class Command:
        def __init__(self, name: str) -> None:
            self.name = name

        def get_short_help_str(self, limit: int = 45) -> str:
            return f"Plan a {self.name}: with details."

    names = ("compare", "skills", "quiz", "role", "roles", "validate", "path", "salary")
    ctx = SimpleNamespace(command=SimpleNamespace(commands={n: Command(n) for n in names}))
    out = overview(ctx)  # type: ignore[arg-type]
    shown = [line.split()[1] for line in out.splitlines() if line.startswith("  mlcareer ")]
    assert shown == ["roles", "role", "quiz", "salary", "path", "skills"]
    assert "  mlcareer skills  the skill catalogue" in out
    assert "  mlcareer path    plan a path\n" in out
