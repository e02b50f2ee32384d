"""`mlcareer quiz` with --answers, and `mlcareer history`, through CliRunner."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from mlcareer.history.store import SCHEMA_VERSION, HistoryError
from mlcareer.pack.yamlfile import parse
from tests import processes
from tests.conftest import REPO, Invoke
from tests.processes import cpu_seconds

SAMPLE = str(REPO / "examples" / "answers.yaml")


def _db() -> Path:
    return Path(os.environ["MLCAREER_HOME"]) / "history.sqlite3"


def _answers(tmp_path: Path, name: str = "a.yaml", **changes: int) -> str:
    text = Path(SAMPLE).read_text(encoding="utf-8")
    for key, value in changes.items():
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in text.splitlines()]
        text = "\n".join(lines) + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_sample_answers_give_a_stable_json_result(invoke: Invoke) -> None:
    first = invoke("quiz", "--answers", SAMPLE, "--json", "--no-save")
    second = invoke("quiz", "--answers", SAMPLE, "--json", "--no-save")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["role"]["id"] == "ml-engineer"
    readiness = data["readiness"]
    assert (readiness["percent"], readiness["graded"], readiness["answered"], readiness["met"]) == (
        85,
        12,
        12,
        7,
    )
    assert (readiness["named"], readiness["minimum"], readiness["scored"]) == (15, 5, True)
    # what readiness is measured over, by basis, and the one rule that made the grades
    assert readiness["expectations"] == {
        "role": 0,
        "level": 1,
        "profession": 11,
        "speciality": 0,
        "default": 15,
        "inherited": 0,
    }
    assert readiness["rule"].startswith("Readiness counts only the expectations a source grades")
    assert readiness["note"] == "85% ready for Machine Learning Engineer (7 of 12 graded expectations met)"
    assert data["level"]["level"] == "entry"
    levels = data["level"]["levels"]
    assert [lv["status"] for lv in levels] == ["met", "not met", "not met"]
    assert [lv["how"] for lv in levels] == ["characteristic", "graded", "graded"]
    assert (data["level"]["below_entry"], data["level"]["start"]) == (False, None)
    assert [lv["role"]["id"] for lv in levels] == ["junior-ml-engineer", "ml-engineer", "lead-ml-engineer"]
    assert all(r["quote"] and r["source"] for lv in levels for r in lv["requirements"])
    assert data["gaps"][0]["skill"] == "machine-learning-algorithms"
    assert data["gaps"][0]["gap"] == 1  # no gap of 2: expert wording is capped at the mid level
    assert [m["role"]["id"] for m in data["matches"]] == [
        "computer-vision-engineer",
        "production-ml-engineer",
        "applied-ml-engineer",
    ]
    assert data["matches"][0]["match"]["percent"] == 85
    assert data["matches"][0]["match"]["rule"].startswith("mlcareer's own rule, not a source's: 70% your")
    assert data["disclaimer"] == "This is a self-assessment for orientation, not a hiring test."
    assert len(data["answers"]) == 40
    assert not _db().exists()  # --no-save


def test_text_result_shows_every_part(invoke: Invoke) -> None:
    result = invoke("quiz", "--answers", SAMPLE, "--no-save")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for part in (
        "Readiness",
        "85%",
        "Level",
        "named without a grade, shown beside your answer and never counted",
        "Skills are not all a level asks; the sources also say:",
        "You and what the sources grade",
        "Largest gaps, and what to do",
        "Google Professional Machine Learning Engineer",
        "Kinds of ML engineer that fit you best",
        "Computer Vision Engineer",
        "not a hiring test",
    ):
        assert part in " ".join(out.split()), part  # wherever the terminal wraps it


def test_other_role_and_quick_form(invoke: Invoke) -> None:
    other = json.loads(invoke("quiz", "-a", SAMPLE, "--role", "Data Scientist", "--json", "--no-save").stdout)
    assert other["role"]["id"] == "data-scientist"
    # its sources name five skills and grade none: too few to score, shown skill by skill
    assert (other["readiness"]["graded"], other["readiness"]["named"]) == (0, 5)
    assert other["readiness"]["expectations"]["default"] == 5
    assert other["readiness"]["percent"] is None and not other["readiness"]["scored"]
    assert {s["status"] for s in other["skills"]} <= {"met", "gap"}
    quick = invoke("quiz", "-a", SAMPLE, "--quick", "--json", "--no-save")
    assert quick.exit_code == 0, quick.stderr
    data = json.loads(quick.stdout)
    assert data["quick"] is True and len(data["answers"]) == 11
    assert "quick form" in quick.stderr


def test_unknown_role_is_refused_before_anything(invoke: Invoke) -> None:
    result = invoke("quiz", "-a", SAMPLE, "--role", "ml-enginer")
    assert result.exit_code == 1
    assert "did you mean ml-engineer" in result.stderr
    assert not _db().exists()


def test_bad_answers_file_names_the_question_and_line(invoke: Invoke, tmp_path: Path) -> None:
    path = _answers(tmp_path, programming=7)
    result = invoke("quiz", "--answers", path, "--no-save")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}:8: programming: answer must be a whole number 0-4, found 7" in result.stderr
    assert "Traceback" not in result.stderr
    missing = invoke("quiz", "--answers", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2


def test_no_terminal_and_no_answers_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("quiz", input="")
    assert result.exit_code == 2
    assert "--answers FILE" in result.stderr
    assert "--template" in result.stderr


def test_quiz_with_stdin_from_dev_null_exits_2_quickly(tmp_path: Path) -> None:
    env = {**os.environ, "MLCAREER_HOME": str(tmp_path)}
    with cpu_seconds() as spent:  # neither waiting for input (a hang) nor spinning
        done = processes.run(
            [sys.executable, "-m", "mlcareer", "quiz"], capture_output=True, text=True, env=env, cwd=tmp_path
        )
    assert spent.seconds < 20
    assert done.returncode == 2
    assert "--answers" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert not (tmp_path / "history.sqlite3").exists()


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (["--json"], "--json does not"),
        (["--answers", SAMPLE, "--format", "markdown"], "--answers, --format do not"),
        (["--plan"], "--plan does not"),
    ],
)
def test_template_refuses_the_options_of_a_result(invoke: Invoke, extra: list[str], named: str) -> None:
    result = invoke("quiz", "--template", *extra)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--template writes an answers file to fill in; {named} go with it" in result.stderr


def test_template_round_trip(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("quiz", "--template", "--quick")
    assert result.exit_code == 0
    doc = parse(result.stdout.encode())
    assert next(iter(doc.data)) == "name" and len(doc.data) == 12 and set(doc.data.values()) == {None}
    assert "# Question 1 of 11: Programming" in result.stdout
    assert "# Question 5 of 11: Mathematics" in result.stdout
    lines = result.stdout.splitlines()
    path = tmp_path / "filled.yaml"
    filled = [f"{line} 2" if not line.startswith(("#", "name:")) and line else line for line in lines]
    path.write_text("\n".join(filled))
    used = invoke("quiz", "--quick", "--answers", str(path), "--json", "--no-save")
    assert used.exit_code == 0, used.stderr
    assert set(json.loads(used.stdout)["answers"].values()) == {2}
    named = tmp_path / "named.yaml"
    named.write_text("\n".join(line.replace("name:", "name: Ben") for line in filled))
    assert invoke("quiz", "--quick", "--answers", str(named), "--no-save").exit_code == 0
    # the filled quick form, scored as the whole quiz: the way out is named
    whole = invoke("quiz", "--answers", str(path), "--no-save")
    assert whole.exit_code == 2 and whole.stdout == ""
    assert "filled.yaml answers the 11 questions of the quick form; score it with --quick" in whole.stderr
    unfilled = tmp_path / "unfilled.yaml"
    unfilled.write_text(result.stdout)
    refused = invoke("quiz", "--quick", "--answers", str(unfilled), "--no-save")
    assert refused.exit_code == 1 and "no answer given" in refused.stderr


@pytest.mark.parametrize(
    ("suffix", "marker"), [(".md", "# Self-assessment"), (".html", "<html"), (".svg", "<svg")]
)
def test_report_by_extension(invoke: Invoke, tmp_path: Path, suffix: str, marker: str) -> None:
    target = tmp_path / f"report{suffix}"
    result = invoke("quiz", "-a", SAMPLE, "--no-save", "--json", "--report", str(target))
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)  # stdout still holds the result
    body = target.read_text(encoding="utf-8")
    assert marker in body
    assert "Readiness" in body


def test_unknown_report_type_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("quiz", "-a", SAMPLE, "--report", str(tmp_path / "r.pdf"))
    assert result.exit_code == 2
    assert "'.pdf' is not a report type" in result.stderr
    assert not _db().exists()


def test_markdown_output(invoke: Invoke) -> None:
    result = invoke("quiz", "-a", SAMPLE, "--no-save", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Self-assessment against Machine Learning Engineer")
    assert "| Skill | You | The role expects |" in result.stdout


# --- history --------------------------------------------------------------------


def test_two_quizzes_in_history_and_the_diff(invoke: Invoke, tmp_path: Path) -> None:
    assert invoke("history").stdout.startswith("Saved quiz results\n\nNo saved results yet")
    first = invoke("quiz", "-a", _answers(tmp_path, "one.yaml"), "--json")
    assert first.exit_code == 0, first.stderr
    assert "Saved as result #1" in first.stderr
    better = _answers(tmp_path, "two.yaml", **{"machine-learning-algorithms": 4, "statistics": 3})
    assert invoke("quiz", "-a", better, "--json").exit_code == 0

    shown = invoke("history")
    assert shown.exit_code == 0
    lines = [line for line in shown.stdout.splitlines() if "Machine Learning Engineer" in line]
    assert len(lines) == 2
    assert lines[0].split()[0] == "#2" and "88%" in lines[0] and "+3 pts" in lines[0]
    assert lines[1].split()[0] == "#1" and "85%" in lines[1] and "first" in lines[1]

    data = json.loads(invoke("history", "--json").stdout)["results"]
    assert [(r["id"], r["readiness"]["percent"], r["change"]) for r in data] == [(2, 88, 3), (1, 85, None)]

    diff = invoke("history", "--diff")
    assert diff.exit_code == 0
    assert "85% -> 88%" in diff.stdout
    algo = next(line for line in diff.stdout.splitlines() if "Machine learning algorithms" in line)
    assert algo.split()[-4:] == ["2", "->", "4", "+2"]
    changes = {s["skill"]: s for s in json.loads(invoke("history", "--diff", "--json").stdout)["skills"]}
    assert (changes["statistics"]["before"], changes["statistics"]["after"]) == (
        {"grade": 2, "name": "working knowledge"},
        {"grade": 3, "name": "proficient"},
    )
    assert changes["programming"]["change"] == 0


def test_diff_needs_two_results(invoke: Invoke) -> None:
    result = invoke("history", "--diff")
    assert result.exit_code == 1
    assert "there are none yet" in result.stderr


def test_history_narrow_terminal(invoke: Invoke) -> None:
    invoke("quiz", "-a", SAMPLE)
    result = invoke("history", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    assert all(len(line) <= 40 for line in result.stdout.splitlines())
    assert "  Readiness: 85%\n  Level: entry\n" in result.stdout


def test_clear_asks_and_refuses_without_a_terminal(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    invoke("quiz", "-a", SAMPLE)
    refused = invoke("history", "--clear")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    monkeypatch.setattr("mlcareer.terminal.prompts.stdin_is_terminal", lambda: True)
    kept = invoke("history", "--clear", input="n\n")
    assert kept.exit_code == 0 and "Nothing deleted" in kept.stderr
    assert "Delete all 1 saved quiz results?" in kept.stderr
    assert len(json.loads(invoke("history", "--json").stdout)["results"]) == 1
    cleared = invoke("history", "--clear", input="y\n")
    assert cleared.exit_code == 0 and "Deleted 1 saved results" in cleared.stderr
    assert json.loads(invoke("history", "--json").stdout)["results"] == []


def test_clear_with_yes(invoke: Invoke) -> None:
    invoke("quiz", "-a", SAMPLE)
    result = invoke("history", "--clear", "--yes", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == {"schema_version": 3, "deleted": 1}
    assert invoke("history", "--yes").exit_code == 2


def _corrupt() -> bytes:
    path = _db()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"SQLite format 2\x00 but not really" * 64)
    return path.read_bytes()


def _newer() -> bytes:
    path = _db()
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE results (id INTEGER PRIMARY KEY)")
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("make", "message"), [(_corrupt, "not a readable SQLite"), (_newer, "newer mlcareer")]
)
def test_unreadable_history_is_reported_and_left_byte_for_byte(
    invoke: Invoke, make: object, message: str
) -> None:
    before = make()  # type: ignore[operator]
    for args in (["quiz", "-a", SAMPLE], ["history"], ["history", "--diff"], ["history", "--clear", "--yes"]):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert message in result.stderr and "left unchanged" in result.stderr
        # with the answers in a file, the result is shown and the failed save reported
        assert ("Readiness" in result.stdout) == (args[0] == "quiz")
        assert "Traceback" not in result.stderr
        assert _db().read_bytes() == before
    assert sorted(p.name for p in _db().parent.iterdir()) == ["history.sqlite3"]
    assert invoke("quiz", "-a", SAMPLE, "--no-save").exit_code == 0  # --no-save still works


def test_a_failed_save_still_shows_the_result(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> int:
        raise HistoryError("history database X: disk full; it was left unchanged")

    monkeypatch.setattr("mlcareer.history.store.Store.save", fail)
    result = invoke("quiz", "-a", SAMPLE, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["readiness"]["percent"] == 85
    assert "Error: the result was not saved: history database X: disk full" in result.stderr


# --- the quiz data ------------------------------------------------------------------


def test_quiz_data_problems_are_reported_with_file_and_line(invoke: Invoke, mini_dir: Path) -> None:
    quiz = mini_dir / "quiz.yaml"
    text = quiz.read_text()
    text = text.replace("    skill: statistics\n", "    skill: statistcs\n")
    text = text.replace("roles: [vision-engineer]", "roles: [vision-enginer]")
    text = text.replace("  - id: communication\n", "  - id: programming\n")
    text = text.replace("    steps: [Never presented.,", "    steps: [")
    text = text.replace("    sources: [doc]\n", "    colour: red\n")
    quiz.write_text(text)
    result = invoke("validate", str(mini_dir))
    assert result.exit_code == 1
    err = result.stderr
    assert "quiz.yaml:16: questions[1].skill: unknown skill 'statistcs' (did you mean 'statistics'?)" in err
    assert "quiz.yaml:20: questions[2].id: duplicate id 'programming' (first at line 8)" in err
    assert "quiz.yaml:20: questions[2]: a skill question needs 5 'steps' (0-4), found 4" in err
    assert "quiz.yaml:29: questions[3].roles[0]: unknown role 'vision-enginer'" in err
    assert "quiz.yaml:30: questions[3].colour: unknown field" in err
    quiz.write_text(text.replace("    colour: red\n", ""))
    again = invoke("validate", str(mini_dir)).stderr
    assert "quiz.yaml:25: questions[3]: an interest question needs 'sources'" in again


def test_a_data_directory_without_a_quiz(invoke: Invoke, mini_dir: Path) -> None:
    (mini_dir / "quiz.yaml").unlink()
    assert invoke("validate", str(mini_dir)).exit_code == 0
    result = invoke("--data-dir", str(mini_dir), "quiz", "-a", SAMPLE)
    assert result.exit_code == 1
    assert "no quiz.yaml" in result.stderr


def test_quiz_on_another_data_directory(invoke: Invoke, mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "mini.json"
    path.write_text('{"programming": 3, "statistics": 2, "communication": 4, "interest-images": 4}')
    result = invoke(
        "--data-dir", str(mini_dir), "quiz", "-a", str(path), "--role", "ENG", "--json", "--no-save"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["readiness"]["percent"] == round(100 * 5 / 7)
    assert data["level"]["level"] == "entry"
    assert data["matches"][0]["role"] == {"id": "vision-engineer", "title": "Vision Engineer"}


def test_a_home_that_is_a_file_is_reported_before_the_quiz(invoke: Invoke, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a directory")
    result = invoke("quiz", "-a", SAMPLE, env={"MLCAREER_HOME": str(home)})
    assert result.exit_code == 1
    assert "Readiness" in result.stdout, "answers from a file: the result is shown all the same"
    first, *_, last = result.stderr.strip().splitlines()
    assert "will not be saved" in first and "is not a writable directory" in first and "--no-save" in first
    assert "Error: the result was not saved" in last
    assert home.read_text() == "not a directory"


def test_a_bad_report_path_is_refused_before_anything_is_saved(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "a-directory.md").mkdir()
    for target in (tmp_path / "missing" / "r.md", tmp_path / "a-directory.md"):
        result = invoke("quiz", "--answers", SAMPLE, "--report", str(target))
        assert result.exit_code == 1
        assert "cannot write" in result.stderr
        assert not _db().exists(), "nothing saved when the report could not be written"
