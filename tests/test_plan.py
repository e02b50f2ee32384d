"""`mlcareer plan`: ordered steps from a self-assessment, progress kept with the history."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, Invoke
from tests.test_expectations import _pack, _role, _said

EXAMPLE = str(REPO / "examples" / "answers.yaml")


def _answers(tmp_path: Path, invoke: Invoke, value: int, **overrides: int) -> Path:
    template = yaml.safe_load(invoke("quiz", "--template").stdout)
    path = tmp_path / f"answers-{value}.yaml"
    answers = {q: overrides.get(q, value) for q in template if q != "name"}
    path.write_text(yaml.safe_dump(answers), encoding="utf-8")
    return path


def _plan(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke("plan", *args, "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_plan_from_answers_lists_ordered_steps(invoke: Invoke) -> None:
    data = _plan(invoke, "--answers", EXAMPLE)
    assert data["role"]["id"] == "ml-engineer"
    assert data["from"] == {"kind": "answers", "file": EXAMPLE}
    skills = [s for s in data["steps"] if s["kind"] == "skill"]
    assert skills and all(s["you"]["grade"] < s["expected"]["grade"] for s in skills)
    assert all(s["expectation"]["label"] for s in skills)
    answers = yaml.safe_load(Path(EXAMPLE).read_text())
    met = [s for s, v in answers.items() if s == "software-engineering" and v >= 2]
    assert met and not any(s["id"] in met for s in data["steps"])  # a skill that meets the bar is no step
    assert "mlcareer's suggestion" in data["rule"]


def test_with_every_answer_zero_foundations_come_first(tmp_path: Path, invoke: Invoke) -> None:
    data = _plan(invoke, "--answers", str(_answers(tmp_path, invoke, 0)))
    ids = [s["id"] for s in data["steps"]]
    assert ids.index("programming") < ids.index("deep-learning")
    assert ids.index("mathematics") < ids.index("machine-learning-algorithms") < ids.index("deep-learning")
    assert ids[0] in {"programming", "mathematics", "statistics"}
    # below every level: the route starts at the entry role, and the entry requirements are steps
    assert data["route"][0] == {"id": "junior-ml-engineer", "title": "Junior Machine Learning Engineer"}
    assert any(s["id"].startswith("entry-requirement") for s in data["steps"])
    requirement = next(s for s in data["steps"] if s["kind"] == "requirement")
    assert requirement["requirement"]["quote"] and requirement["title"].startswith(
        ("Often", "Typically", "Several")
    )


def test_a_saved_result_gives_the_same_steps(invoke: Invoke) -> None:
    from_file = _plan(invoke, "--answers", EXAMPLE)
    assert invoke("quiz", "--answers", EXAMPLE).exit_code == 0
    from_history = _plan(invoke)
    assert from_history["from"]["kind"] == "history"
    assert [s["id"] for s in from_history["steps"]] == [s["id"] for s in from_file["steps"]]
    assert invoke("quiz", "--answers", EXAMPLE, "--role", "computer-vision-engineer").exit_code == 0
    kind = _plan(invoke, "--role", "computer-vision-engineer")
    assert kind["role"]["id"] == "computer-vision-engineer" and kind["steps"]
    assert _plan(invoke)["role"]["id"] == "computer-vision-engineer"  # the latest result's role


def test_progress_survives_a_new_quiz(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", EXAMPLE).exit_code == 0
    first = _plan(invoke)["steps"][0]["id"]
    marked = invoke("plan", "--done", first)
    assert marked.exit_code == 0 and f"Marked step 1, {first} (" in marked.stderr
    assert "[x]" in marked.stdout
    assert invoke("quiz", "--answers", EXAMPLE).exit_code == 0
    again = _plan(invoke)
    assert next(s for s in again["steps"] if s["id"] == first)["done"] is True
    assert again["progress"]["done"] == 1
    assert invoke("plan", "--undo", first).exit_code == 0
    assert _plan(invoke)["progress"]["done"] == 0


def test_an_unknown_step_is_refused(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", EXAMPLE).exit_code == 0
    result = invoke("plan", "--done", "juggling")
    assert result.exit_code == 1
    assert "no step 'juggling'" in result.stderr and "1 mathematics" in result.stderr


def test_several_steps_by_id_in_any_case_or_number(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", EXAMPLE).exit_code == 0
    steps = [s["id"] for s in _plan(invoke)["steps"]]
    marked = invoke("plan", "--done", steps[0].upper(), "--done", "3", "--done", "3")
    assert marked.exit_code == 0, marked.stderr
    assert f"Marked step 1, {steps[0]} (" in marked.stderr and f"Marked step 3, {steps[2]} (" in marked.stderr
    assert marked.stderr.count("Marked") == 2  # a step named twice is marked once
    assert [s["id"] for s in _plan(invoke)["steps"] if s["done"]] == [steps[0], steps[2]]
    again = invoke("plan", "--done", "1")
    assert f"Step 1, {steps[0]} (" in again.stderr and "was already done" in again.stderr
    undone = invoke("plan", "--undo", "1", "--undo", steps[2])
    assert undone.exit_code == 0 and undone.stderr.count("not done") == 2
    assert _plan(invoke)["progress"]["done"] == 0


def test_one_unknown_step_marks_none(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", EXAMPLE).exit_code == 0
    total = len(_plan(invoke)["steps"])
    result = invoke("plan", "--done", "1", "--done", "juggling", "--done", str(total + 1))
    assert result.exit_code == 1 and result.stdout == ""
    said = f"no steps 'juggling', '{total + 1}' in the plan for ml-engineer, so nothing was marked"
    assert said in result.stderr
    assert _plan(invoke)["progress"]["done"] == 0


def test_without_a_saved_result_plan_names_the_quiz(invoke: Invoke) -> None:
    result = invoke("plan")
    assert result.exit_code == 1
    assert "`mlcareer quiz`" in result.stderr
    assert "mlcareer quiz --role nlp-engineer" in invoke("plan", "--role", "nlp-engineer").stderr


@pytest.mark.parametrize(
    "args",
    [("--done", "x", "--undo", "y"), ("--answers", EXAMPLE, "--done", "x"), ("--quick",)],
)
def test_options_that_do_not_go_together(invoke: Invoke, args: tuple[str, ...]) -> None:
    assert invoke("plan", *args).exit_code == 2


def test_a_history_of_schema_1_is_migrated_without_loss(invoke: Invoke, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = home / "history.sqlite3"
    con = sqlite3.connect(db)
    con.executescript(
        """
        CREATE TABLE results (id INTEGER PRIMARY KEY, taken_at TEXT NOT NULL, role TEXT NOT NULL,
            role_title TEXT NOT NULL, readiness INTEGER, level TEXT, quick INTEGER NOT NULL,
            skills TEXT NOT NULL, answers TEXT NOT NULL);
        PRAGMA user_version = 1;
        """
    )
    answers = yaml.safe_load(Path(EXAMPLE).read_text())
    con.execute(
        "INSERT INTO results VALUES (1, '2026-01-02T03:04:05Z', 'ml-engineer', 'Machine Learning Engineer',"
        " 50, 'entry', 0, '[]', ?)",
        (json.dumps(answers),),
    )
    con.commit()
    con.close()
    env = {"MLCAREER_HOME": str(home)}
    assert invoke("plan", "--done", "mathematics", env=env).exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM results").fetchone()[0] == 1
    con.close()
    history = json.loads(invoke("history", "--json", env=env).stdout)
    assert len(history["results"]) == 1
    plan = json.loads(invoke("plan", "--json", env=env).stdout)
    assert plan["from"] == {"kind": "history", "result": 1}
    assert next(s for s in plan["steps"] if s["id"] == "mathematics")["done"] is True


def test_builds_on_orders_steps_in_a_small_pack(tmp_path: Path, invoke: Invoke) -> None:
    pack = _pack(
        tmp_path,
        roles=[
            _role(
                "engineer",
                skills=[_said("algorithms", "Expertise in algorithms."), _said("coding", "Coding.")],
            )
        ],
    )
    (pack / "plan.yaml").write_text("builds_on:\n  - skill: algorithms\n    on: [coding]\n", encoding="utf-8")
    quiz = {
        "questions": [
            {"id": s, "kind": "skill", "skill": s, "text": f"{s}?", "steps": ["a", "b", "c", "d", "e"]}
            for s in ("algorithms", "coding")
        ]
    }
    (pack / "quiz.yaml").write_text(yaml.safe_dump(quiz), encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers.write_text("algorithms: 0\ncoding: 0\n", encoding="utf-8")
    data = json.loads(
        invoke(
            "--data-dir", str(pack), "plan", "--answers", str(answers), "--role", "engineer", "--json"
        ).stdout
    )
    assert [s["id"] for s in data["steps"]] == ["coding", "algorithms"]  # the foundation first, gap 2 < 4
    assert data["steps"][1]["builds_on"] == ["coding"]


def test_a_cycle_in_builds_on_is_refused(tmp_path: Path, invoke: Invoke) -> None:
    pack = _pack(tmp_path, roles=[_role("engineer")])
    (pack / "plan.yaml").write_text(
        "builds_on:\n  - skill: algorithms\n    on: [coding]\n  - skill: coding\n    on: [algorithms]\n",
        encoding="utf-8",
    )
    result = invoke("--data-dir", str(pack), "validate")
    assert result.exit_code == 1
    assert "plan.yaml:" in result.stderr and "round in a circle" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_hostile_text_stays_literal(tmp_path: Path, invoke: Invoke, fmt: str) -> None:
    hostile = "[bold]Bad[/bold] <script>x</script> \x1b[31m"
    pack = _pack(tmp_path, roles=[_role("engineer", skills=[_said("coding", "Expertise in coding.")])])
    skills = yaml.safe_load((pack / "skills.yaml").read_text())
    skills["skills"][1]["name"] = hostile
    (pack / "skills.yaml").write_text(yaml.safe_dump(skills), encoding="utf-8")
    quiz = {
        "questions": [
            {"id": "coding", "kind": "skill", "skill": "coding", "text": "?", "steps": list("abcde")}
        ]
    }
    (pack / "quiz.yaml").write_text(yaml.safe_dump(quiz), encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers.write_text("coding: 0\n", encoding="utf-8")
    result = invoke(
        "--data-dir", str(pack), "plan", "--answers", str(answers), "--role", "engineer", "--format", fmt
    )
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "[bold]Bad[/bold]" in result.stdout or "\\[bold\\]Bad\\[/bold\\]" in result.stdout


def test_quiz_plan_asks_the_plan_again_and_compares_like_for_like(invoke: Invoke, tmp_path: Path) -> None:
    assert invoke("quiz", "--answers", EXAMPLE).exit_code == 0
    steps = [s for s in _plan(invoke)["steps"] if s["kind"] == "skill"]
    retake = tmp_path / "retake.yaml"
    retake.write_text("".join(f"{s['id']}: 4\n" for s in steps), encoding="utf-8")  # only the plan's skills
    result = invoke("quiz", "--plan", "--answers", str(retake), "--json")
    assert result.exit_code == 0, result.stderr
    assert f"Asking again the {len(steps)} skills of your plan" in " ".join(result.stderr.split())
    assert "kept from result #1" in result.stderr
    answers = json.loads(result.stdout)["answers"]
    original = yaml.safe_load(Path(EXAMPLE).read_text())
    assert set(answers) == set(original)  # the same question set as the result the plan came from
    assert all(answers[s["id"]] == 4 for s in steps)
    diff = json.loads(invoke("history", "--diff", "--json").stdout)
    assert diff["comparable"] is True and diff["not_comparable"] is None
    assert [s for s in _plan(invoke)["steps"] if s["kind"] == "skill"] == []  # every gap closed


def test_quiz_plan_needs_a_saved_result(invoke: Invoke) -> None:
    result = invoke("quiz", "--plan", "--answers", EXAMPLE)
    assert result.exit_code == 1 and "`mlcareer quiz" in result.stderr
    assert invoke("quiz", "--plan", "--quick", "--answers", EXAMPLE).exit_code == 2
