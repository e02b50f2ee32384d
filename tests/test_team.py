"""`mlcareer team`: a group side by side, and two views of one person."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import Invoke


@pytest.fixture
def questions(invoke: Invoke) -> list[str]:
    return [q for q in yaml.safe_load(invoke("quiz", "--template").stdout) if q != "name"]


def _write(
    folder: Path, file: str, questions: list[str], value: int, name: str | None = None, **over: int
) -> Path:
    body: dict[str, Any] = {q: over.get(q.replace("-", "_"), value) for q in questions}
    if name is not None:
        body = {"name": name, **body}
    path = folder / file
    text = json.dumps(body, indent=1) if path.suffix == ".json" else yaml.safe_dump(body, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def trio(tmp_path: Path, questions: list[str]) -> list[Path]:
    """Three people: all 4s, all 1s, and all 4s but 1 in mathematics (a name given)."""
    return [
        _write(tmp_path, "ann.yaml", questions, 4),
        _write(tmp_path, "bob.yaml", questions, 1),
        _write(tmp_path, "cy.json", questions, 4, name="Cy Lee", mathematics=1),
    ]


def _json(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke("team", *args, "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_three_people_known_results(invoke: Invoke, trio: list[Path]) -> None:
    data = _json(invoke, *map(str, trio), "--role", "ml-engineer")
    assert [p["name"] for p in data["people"]] == ["ann", "bob", "Cy Lee"]
    ready = [p["readiness"] for p in data["people"]]
    assert ready[0]["percent"] == 100 and ready[0]["graded"] == ready[0]["met"] == 12
    assert ready[1]["percent"] < ready[2]["percent"] < 100
    assert data["people"][0]["level"]["level"] == "senior"
    assert data["people"][1]["level"]["below_entry"] is True  # all 1s: below the entry level
    maths = next(s for s in data["skills"] if s["skill"] == "mathematics")
    grades = [a["grade"] for a in maths["answers"]]
    # "expertise in" mathematics, profession-wide: capped at the mid level's proficient
    assert (maths["expected"]["grade"], maths["met"], maths["below"], grades) == (3, 1, 2, [4, 1, 1])
    assert maths["expected"]["name"] == "proficient" and maths["expectation"]["ceiling"]["level"] == "mid"
    programming = next(s for s in data["skills"] if s["skill"] == "programming")
    assert (programming["met"], programming["below"]) == (2, 1)
    assert data["shared_gaps"][0] == "mathematics"  # two of three below: the most shared
    assert data["leanings"] and data["problems"] == []


def test_text_shows_the_shared_gaps_first(invoke: Invoke, trio: list[Path]) -> None:
    out = invoke("team", *map(str, trio)).stdout
    assert out.index("Gaps the group shares") < out.index("People") < out.index("Skills, person by person")
    first_gap = out.split("Gaps the group shares", 1)[1].splitlines()[1]
    assert "Mathematics" in first_gap and "2 of 3 below" in first_gap


def test_a_directory_is_read_and_nothing_is_saved(invoke: Invoke, trio: list[Path]) -> None:
    data = _json(invoke, str(trio[0].parent))
    assert len(data["people"]) == 3
    assert json.loads(invoke("history", "--json").stdout)["results"] == []


def test_one_broken_file_among_three(invoke: Invoke, trio: list[Path]) -> None:
    trio[1].write_text("programming: 7\n", encoding="utf-8")
    result = invoke("team", *map(str, trio), "--json")
    assert result.exit_code == 1
    assert "bob.yaml:1: programming: answer must be a whole number 0-4, found 7" in result.stderr
    data = json.loads(result.stdout)
    assert [p["name"] for p in data["people"]] == ["ann", "Cy Lee"]
    assert data["problems"][0]["file"].endswith("bob.yaml") and data["problems"][0]["line"] == 1


@pytest.mark.parametrize("args", [(), ("--calibrate", "x.yaml")])
def test_empty_or_wrong_sets_are_usage_errors(invoke: Invoke, tmp_path: Path, args: tuple[str, ...]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke("team", *(args or (str(empty),))).exit_code == 2


@pytest.mark.slow
def test_thirty_people_fit_80_and_40_columns(invoke: Invoke, tmp_path: Path, questions: list[str]) -> None:
    files = [str(_write(tmp_path, f"p{i:02}.yaml", questions, i % 5)) for i in range(30)]
    for width in ("80", "40"):
        result = invoke("team", *files, env={"COLUMNS": width})
        assert result.exit_code == 0, result.stderr
        assert max(len(line) for line in result.stdout.splitlines()) <= int(width)
        assert "People 1-" in result.stdout  # folded into groups of people, not cut
        for i in range(1, 31):
            assert f" {i} " in result.stdout or f" {i}\n" in result.stdout


def test_calibrate_flags_exactly_the_differences_of_two_or_more(
    invoke: Invoke, tmp_path: Path, questions: list[str]
) -> None:
    me = _write(tmp_path, "self.yaml", questions, 2, programming=2, statistics=2, mathematics=2, teamwork=0)
    boss = _write(
        tmp_path, "manager.yaml", questions, 2, programming=2, statistics=3, mathematics=4, teamwork=4
    )
    data = _json(invoke, str(me), str(boss), "--calibrate")
    diffs = {s["skill"]: s["difference"] for s in data["skills"]}
    assert (diffs["programming"], diffs["statistics"], diffs["mathematics"], diffs["teamwork"]) == (
        0,
        1,
        2,
        4,
    )
    assert data["topics"] == ["mathematics", "teamwork"]
    text = invoke("team", str(me), str(boss), "--calibrate").stdout
    assert "Topics to talk about: a difference of 2 steps or more, mlcareer's own threshold (2)" in " ".join(
        text.split()
    )
    assert "Handles complex or novel cases" in text  # the rubric for grade 4 is shown
    assert "Has not used it" in text  # and for grade 0


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_hostile_names_stay_literal(invoke: Invoke, tmp_path: Path, questions: list[str], fmt: str) -> None:
    files = [
        str(_write(tmp_path, "a.yaml", questions, 3, name="[red]Eve[/red] <img onerror=x> \x1b]0;pwn\x07")),
        str(_write(tmp_path, "b.yaml", questions, 1, name="| pipe | *star*")),
    ]
    result = invoke("team", *files, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    if fmt == "text":
        assert "[red]Eve[/red]" in result.stdout
    if fmt == "markdown":
        assert "\\| pipe \\|" in result.stdout


def test_markdown_is_a_table_for_a_wiki(invoke: Invoke, trio: list[Path]) -> None:
    out = invoke("team", *map(str, trio), "--format", "markdown").stdout
    assert "| Skill | Expects | ann | bob | Cy Lee | Met |" in out
