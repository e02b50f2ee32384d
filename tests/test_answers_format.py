"""One answers format for a person and a class: ``name:`` everywhere answers are read, ``--answers -``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, Invoke

BEN = str(REPO / "examples" / "team" / "ben.yaml")


def test_a_class_file_is_a_quiz_answers_file(invoke: Invoke) -> None:
    result = invoke("quiz", "--answers", BEN, "--no-save", "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert "name" not in doc["answers"] and doc["answers"]["programming"] == 2


def test_a_class_file_is_a_plan_answers_file(invoke: Invoke) -> None:
    result = invoke("plan", "--answers", BEN)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Learning plan for Machine Learning Engineer")


def test_answers_from_standard_input(invoke: Invoke) -> None:
    text = Path(BEN).read_text(encoding="utf-8")
    piped = invoke("quiz", "--answers", "-", "--no-save", "--json", input=text)
    from_file = invoke("quiz", "--answers", BEN, "--no-save", "--json")
    assert piped.exit_code == 0, piped.stderr
    assert json.loads(piped.stdout)["answers"] == json.loads(from_file.stdout)["answers"]
    plan = invoke("plan", "--answers", "-", "--json", input=text)
    assert plan.exit_code == 0, plan.stderr
    assert json.loads(plan.stdout)["from"] == {"kind": "answers", "file": "-"}


def test_json_from_standard_input(invoke: Invoke) -> None:
    data = {"name": "Ana", "programming": 3}
    result = invoke("quiz", "--answers", "-", "--no-save", input=json.dumps(data))
    assert result.exit_code == 1
    assert "<stdin>: no answers to" in result.stderr  # read as JSON, checked as any file


def test_empty_standard_input_names_it(invoke: Invoke) -> None:
    result = invoke("quiz", "--answers", "-", "--no-save", input="")
    assert result.exit_code == 1 and result.stdout == ""
    assert "<stdin>: expected a mapping of question id to answer (0-4), found nothing" in result.stderr


@pytest.mark.parametrize("value", ["name: 3", "name: [a, b]", "name: ''"])
def test_a_name_that_is_not_text_is_refused_with_its_line(invoke: Invoke, tmp_path: Path, value: str) -> None:
    path = tmp_path / "a.yaml"
    body = Path(BEN).read_text(encoding="utf-8").replace("name: Ben", value)
    path.write_text(body, encoding="utf-8")
    result = invoke("quiz", "--answers", str(path), "--no-save")
    assert result.exit_code == 1
    assert "a.yaml:2: name: a name is text" in result.stderr


def test_an_empty_name_is_no_name(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "dee.yaml"
    path.write_text(Path(BEN).read_text(encoding="utf-8").replace("name: Ben", "name:"), encoding="utf-8")
    result = invoke("team", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["name"] for m in json.loads(result.stdout)["people"]] == ["dee"]


@pytest.mark.skipif(os.name != "posix", reason="needs a pty")
def test_standard_input_that_is_a_terminal_is_refused_not_waited_on(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(MLCAREER_HOME=str(tmp_path), NO_COLOR="1", TERM="xterm")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mlcareer", "quiz", "--answers", "-", "--no-save"],
        env=env,
        cwd=str(REPO),
        encoding="utf-8",
        timeout=60,
    )
    child.expect("--answers - reads the answers from standard input, and it is a terminal here")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


def test_piped_into_the_console_script(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(MLCAREER_HOME=str(tmp_path), NO_COLOR="1")
    with open(BEN, "rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "mlcareer", "quiz", "--answers", "-", "--no-save"],
            stdin=stdin,
            capture_output=True,
            env=env,
            cwd=str(REPO),
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert b"ready for Machine Learning Engineer" in done.stdout
