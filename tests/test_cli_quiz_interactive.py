"""The interactive quiz driven by key presses through prompt_toolkit's pipe input."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.application import AppSession, create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner, Result

from mlcareer.cli import app

DOWN, UP, ENTER, CTRL_C, ESC = "\x1b[B", "\x1b[A", "\r", "\x03", "\x1b"
LEFT, BACKSPACE = "\x1b[D", "\x7f"
TIMEOUT = 60.0  # a hang guard only: every wait below is for the quiz to get somewhere


@pytest.fixture(autouse=True)
def _a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """CliRunner's stdin is no terminal; the prompts read the pipe instead."""
    monkeypatch.setattr("mlcareer.terminal.prompts.stdin_is_terminal", lambda: True)


def answer(value: int) -> str:
    return DOWN * value + ENTER


def drive(
    args: list[str], keys: str = "", later: Callable[[PipeInput, AppSession], None] | None = None
) -> Result:
    """Run the CLI with ``keys`` typed; a watchdog closes the input so a test never hangs."""
    with create_pipe_input() as pipe:
        timed_out = threading.Event()

        def watchdog() -> None:
            timed_out.set()
            pipe.close()  # the quiz then sees the input end and cancels

        timer = threading.Timer(TIMEOUT, watchdog)
        timer.start()
        try:
            with create_app_session(input=pipe, output=DummyOutput()) as session:
                pipe.send_text(keys)
                if later is not None:
                    threading.Thread(target=later, args=(pipe, session), daemon=True).start()
                result = CliRunner().invoke(app, args, catch_exceptions=False)
        finally:
            timer.cancel()
    assert not timed_out.is_set(), "the quiz waited for more keys than the test sent"
    return result


def _db() -> Path:
    return Path(os.environ["MLCAREER_HOME"]) / "history.sqlite3"


def test_quick_quiz_with_arrow_keys_and_going_back() -> None:
    keys = (
        answer(2)  # question 1: programming
        + UP
        + ENTER  # question 2: "back" is the last choice, one up from the first
        + ENTER  # question 1 again: the pointer starts on the earlier answer (2)
        + answer(1)  # question 2
        + answer(4)  # question 3
        + answer(3) * 8  # questions 4-11 (question 5: mathematics)
    )
    result = drive(["quiz", "--quick", "--json", "--no-save"], keys)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["quick"] is True
    answers = data["answers"]
    assert answers["programming"] == 2
    assert answers["machine-learning-algorithms"] == 1
    assert answers["data-analysis"] == 4
    assert answers["mathematics"] == 3
    assert answers["interest-vision"] == 3
    assert len(answers) == 11
    assert "11 questions" in result.stderr
    assert not _db().exists()


@pytest.mark.slow
def test_full_quiz_is_saved_and_shown() -> None:
    result = drive(["quiz"], answer(3) * 40)
    assert result.exit_code == 0, result.stderr
    assert "Readiness" in result.stdout
    assert "not a hiring test" in result.stdout
    assert "Saved as result #1" in result.stderr
    history = CliRunner().invoke(app, ["history", "--json"])
    (saved,) = json.loads(history.stdout)["results"]
    assert saved["role"]["id"] == "ml-engineer" and saved["quick"] is False


@pytest.mark.parametrize("where", [0, 2])
def test_ctrl_c_cancels_with_130_and_saves_nothing(where: int) -> None:
    result = drive(["quiz", "--quick"], answer(1) * where + CTRL_C)
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "quiz cancelled, nothing saved"
    assert "Traceback" not in result.stderr
    assert not _db().exists()


def per_prompt(*keys: str) -> Callable[[PipeInput, AppSession], None]:
    """Type ``keys[n]`` into the n-th prompt, once that prompt is running (Esc alone is only
    recognised by a prompt that reads it); the watchdog of :func:`drive` bounds the wait."""

    def run(pipe: PipeInput, session: AppSession) -> None:
        seen: list[object] = []  # kept, so no later prompt can reuse an earlier one's identity
        deadline = time.monotonic() + TIMEOUT
        while len(seen) < len(keys) and time.monotonic() < deadline:
            app_now = session.app
            if app_now is not None and app_now.is_running and app_now not in seen:
                seen.append(app_now)
                pipe.send_text(keys[len(seen) - 1])
            time.sleep(0.01)

    return run


def test_escape_before_any_answer_cancels_at_once() -> None:
    result = drive(["quiz", "--quick"], later=per_prompt(ESC))
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "quiz cancelled, nothing saved"
    assert "Leave the quiz?" not in result.stderr
    assert not _db().exists()


def test_escape_after_an_answer_asks_and_y_leaves() -> None:
    result = drive(["quiz", "--quick"], later=per_prompt(answer(1), answer(1), ESC, "y"))
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "quiz cancelled, nothing saved"
    assert result.stdout == ""
    assert not _db().exists()


@pytest.mark.parametrize("stay", ["n", ENTER, ESC])
def test_escape_after_an_answer_asks_and_no_goes_on(stay: str) -> None:
    # question 3: Esc, then stay; question 3 is asked again and the quiz finishes
    keys = [answer(1), answer(2), ESC, stay, *[answer(3)] * 9]
    result = drive(["quiz", "--quick", "--json", "--no-save"], later=per_prompt(*keys))
    assert result.exit_code == 0, result.stderr
    answers = json.loads(result.stdout)["answers"]
    assert answers["programming"] == 1 and answers["machine-learning-algorithms"] == 2
    assert len(answers) == 11 and sorted(answers.values())[2:] == [3] * 9


def test_ctrl_c_at_the_question_to_leave_cancels() -> None:
    result = drive(["quiz", "--quick"], later=per_prompt(answer(1), ESC, CTRL_C))
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "quiz cancelled, nothing saved"


@pytest.mark.parametrize("key", [LEFT, BACKSPACE])
def test_left_arrow_or_backspace_goes_back_keeping_the_answer(key: str) -> None:
    keys = (
        answer(1)  # question 1
        + answer(3)  # question 2
        + key  # question 3: back to question 2
        + ENTER  # question 2: its answer (3) is still selected
        + key  # question 3: back again
        + UP
        + ENTER  # question 2: now 2
        + answer(4) * 9  # questions 3-11
    )
    result = drive(["quiz", "--quick", "--json", "--no-save"], keys)
    assert result.exit_code == 0, result.stderr
    answers = json.loads(result.stdout)["answers"]
    assert answers["programming"] == 1 and answers["machine-learning-algorithms"] == 2
    assert len(answers) == 11


def test_left_arrow_at_the_first_question_does_nothing() -> None:
    result = drive(["quiz", "--quick", "--json", "--no-save"], LEFT + answer(2) + answer(1) * 10)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["answers"]["programming"] == 2


def test_input_that_ends_mid_quiz_cancels() -> None:
    answer_two = per_prompt(answer(0), answer(0), "")  # returns once the third prompt runs

    def close_at_the_third_question(pipe: PipeInput, session: AppSession) -> None:
        answer_two(pipe, session)
        pipe.close()

    result = drive(["quiz", "--quick"], later=close_at_the_third_question)
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "quiz cancelled, nothing saved"
    assert not _db().exists()


def test_the_result_of_answers_not_saved_says_how_to_get_the_plan() -> None:
    result = drive(["quiz", "--quick", "--no-save"], answer(1) * 11)
    assert result.exit_code == 0, result.stderr
    tail = " ".join(result.stdout.split()[-60:])
    assert "mlcareer plan --answers FILE --quick" in tail
    assert "write them in a file (`mlcareer quiz --template`) for the plan" in tail


def test_a_saved_result_points_at_mlcareer_plan() -> None:
    result = drive(["quiz", "--quick"], answer(1) * 11)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip().endswith("mlcareer plan")
