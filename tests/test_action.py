"""From a result to action: the quiz leads to the plan, and every step says what the next grade looks like."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mlcareer.domain.quiz import SCALE_WORDS
from mlcareer.pack.catalog import load_catalog, shipped_data_dir
from tests.conftest import REPO, Invoke

SAMPLE = str(REPO / "examples" / "answers.yaml")


def _quiz_words() -> dict[str, list[str]]:
    catalog = load_catalog(shipped_data_dir())
    assert catalog.quiz is not None
    return {q.skill: list(q.steps) for q in catalog.quiz.questions if q.kind == "skill" and q.skill}


def _json(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_the_text_result_ends_with_the_plan_command_and_its_first_steps(invoke: Invoke) -> None:
    result = invoke("quiz", "--answers", SAMPLE, "--no-save")
    assert result.exit_code == 0, result.stderr
    plan = _json(invoke, "plan", "--answers", SAMPLE)
    last = result.stdout.rstrip().splitlines()[-12:]
    tail = "\n".join(last)
    assert " ".join(tail.split()).endswith(f"mlcareer plan --answers {SAMPLE}")
    assert "Next: the first steps of your plan" in tail
    for step in plan["steps"][:3]:
        assert f"{step['number']}. {step['title']}" in tail


def test_a_saved_result_names_plain_mlcareer_plan(invoke: Invoke) -> None:
    result = invoke("quiz", "--answers", SAMPLE, "--role", "nlp-engineer")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip().splitlines()[-1].strip().endswith("mlcareer plan")
    unsaved = invoke("quiz", "--answers", SAMPLE, "--role", "nlp-engineer", "--no-save", "--json")
    assert json.loads(unsaved.stdout)["next"]["command"] == (
        f"mlcareer plan --answers {SAMPLE} --role nlp-engineer"
    )


def test_every_plan_step_for_a_skill_shows_the_quiz_words_for_the_next_grade(invoke: Invoke) -> None:
    words = _quiz_words()
    plan = _json(invoke, "plan", "--answers", SAMPLE)
    assert plan["grade_words"] == SCALE_WORDS
    text = invoke("plan", "--answers", SAMPLE, env={"COLUMNS": "400"}).stdout
    skills = [s for s in plan["steps"] if s["kind"] == "skill"]
    assert skills
    for step in skills:
        nxt = step["you"]["grade"] + 1
        assert step["next_grades"][0]["grade"] == nxt
        assert step["next_grades"][0]["description"] == words[step["skill"]][nxt]
        assert f'Next: {nxt} {step["next_grades"][0]["name"]}, "{words[step["skill"]][nxt]}"' in text
        target = step["expected"]["grade"]
        if target > nxt:
            said = f'{target} {step["expected"]["name"]}, "{words[step["skill"]][target]}"'
            assert f"The role's grade: {said}" in text
    assert f"What the next grade looks like ({SCALE_WORDS}):" in text


def test_a_step_short_of_the_role_names_its_own_aim(invoke: Invoke, tmp_path: Path) -> None:
    """A beginner's entry-level step aims below the role's grade, and says so, not 'The role's grade'."""
    words = _quiz_words()
    catalog = load_catalog(shipped_data_dir())
    assert catalog.quiz is not None
    answers = tmp_path / "zero.yaml"
    answers.write_text("".join(f"{q.id}: 0\n" for q in catalog.quiz.questions))
    plan = _json(invoke, "plan", "--answers", str(answers))
    text = invoke("plan", "--answers", str(answers), env={"COLUMNS": "400"}).stdout
    capped = [s for s in plan["steps"] if s["kind"] == "skill" and s["aim"]["grade"] < s["expected"]["grade"]]
    assert capped, "a zero sheet has steps capped at the entry level"
    for step in capped:
        aim = step["aim"]["grade"]
        said = f'{aim} {step["aim"]["name"]}, "{words[step["skill"]][aim]}"'
        if aim > step["you"]["grade"] + 1:
            assert f"This step's aim: {said}" in text
        assert f"The role's grade: {said}" not in text


def test_quiz_gaps_carry_their_action(invoke: Invoke, tmp_path: Path) -> None:
    words = _quiz_words()
    data = _json(invoke, "quiz", "--answers", SAMPLE, "--no-save")
    for gap in data["gaps"]:
        grades = [g["grade"] for g in gap["next_grades"]]
        assert grades == list(range(gap["you"]["grade"] + 1, gap["expected"]["grade"] + 1))
        assert [g["description"] for g in gap["next_grades"]] == [words[gap["skill"]][g] for g in grades]
    assert data["grade_words"] == SCALE_WORDS
    assert data["next"]["total"] == len(_json(invoke, "plan", "--answers", SAMPLE)["steps"])
    assert [s["number"] for s in data["next"]["steps"]] == [1, 2, 3]
    learning = data["suggestions"]["learning"]
    assert learning and learning[0]["quote"].startswith("Machine learning engineers must stay current")
    text = invoke("quiz", "--answers", SAMPLE, "--no-save", env={"COLUMNS": "400"}).stdout
    assert "What the sources suggest, hedges kept" in text
    # a credential keeps its source's hedge (the sample meets data analysis, capped at proficient at
    # the mid level: a weaker answer makes it a gap)
    weaker = str(tmp_path / "weaker.yaml")
    Path(weaker).write_text(
        Path(SAMPLE).read_text(encoding="utf-8").replace("data-analysis: 3", "data-analysis: 1"),
        encoding="utf-8",
    )
    text = invoke("quiz", "--answers", weaker, "--no-save", env={"COLUMNS": "400"}).stdout
    assert "Can help: IBM Data Science Professional Certificate (A data science certification" in text


def test_education_from_the_level_statements_is_suggested(invoke: Invoke, tmp_path: Path) -> None:
    zero = tmp_path / "zero.yaml"
    template = invoke("quiz", "--template").stdout
    zero.write_text(template.replace(":\n", ": 0\n").replace("name: 0", "name: Zed"), encoding="utf-8")
    plan = _json(invoke, "plan", "--answers", str(zero))
    education = plan["suggestions"]["education"]
    assert [e["level"] for e in education] == ["entry", "entry"]
    assert all(e["quote"] and e["source"] == "ml-engineer-jobs" for e in education)
    assert education[1]["text"].startswith("Typically required: a bachelor's degree")


def test_plan_next_shows_only_the_first_open_steps(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    assert invoke("plan", "--done", "1", "--done", "3").exit_code == 0
    short = _json(invoke, "plan", "--next", "3")
    assert short["next"] == 3 and [s["number"] for s in short["steps"]] == [2, 4, 5]
    assert short["progress"]["done"] == 2 and short["progress"]["total"] > 3
    text = invoke("plan", "--next", "3")
    assert text.exit_code == 0
    assert "The next 3 open steps" in text.stdout
    assert "2. [ ]" in text.stdout and "4. [ ]" in text.stdout and "1. [x]" not in text.stdout
    assert "more open steps: mlcareer plan without --next shows them all" in text.stdout
    assert invoke("plan", "--next", "0").exit_code == 2
