"""The quiz end to end in a real pseudo-terminal: real keys, the real terminal, a real process."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mlcareer.history.store import Store
from tests.conftest import REPO, needs_pty

if TYPE_CHECKING:
    import pexpect
else:
    pexpect = pytest.importorskip("pexpect")

pytestmark = [pytest.mark.slow, needs_pty]

DOWN, UP, ENTER, ESC = "\x1b[B", "\x1b[A", "\r", "\x1b"
LEFT, BACKSPACE = "\x1b[D", "\x7f"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(MLCAREER_HOME=str(home), NO_COLOR="1", TERM="xterm", COLUMNS="100", LINES="40")
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"  # pexpect does not answer cursor-position requests
    env["MLCAREER_PAGER"] = "cat"  # these tests read the whole result; tests/test_pager.py pages it
    return env


def _spawn(args: list[str], home: Path) -> pexpect.spawn[str]:
    return pexpect.spawn(
        sys.executable,
        ["-m", "mlcareer", *args],
        env=_env(home),
        cwd=str(REPO),
        encoding="utf-8",
        codec_errors="replace",
        timeout=60,  # a minute: a busy machine is slow, not stuck
        dimensions=(40, 100),
    )


def _question(child: pexpect.spawn[str], n: int, total: int = 11) -> None:
    child.expect(f"Question {n} of {total}")


def test_quick_quiz_answered_with_arrow_keys_in_a_terminal(tmp_path: Path) -> None:
    child = _spawn(["quiz", "--quick"], tmp_path)
    _question(child, 1)
    child.send(DOWN + DOWN + ENTER)  # programming: 2
    _question(child, 2)
    child.send(UP + ENTER)  # "back", the last choice
    _question(child, 1)
    child.send(DOWN + ENTER)  # the pointer starts at 2: now 3
    for n in range(2, 12):
        _question(child, n)
        child.send(DOWN * 3 + ENTER)
    child.expect("Readiness")
    child.expect("Kinds of ML engineer that fit you best")
    child.expect("not a hiring test")
    child.expect("Saved as result #1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (saved,) = Store(tmp_path / "history.sqlite3").load()
    assert saved.answers == {key: 3 for key in saved.answers} and len(saved.answers) == 11


def test_escape_with_answers_given_asks_before_leaving(tmp_path: Path) -> None:
    child = _spawn(["quiz", "--quick"], tmp_path)
    _question(child, 1)
    child.send(ENTER)
    _question(child, 2)
    child.send(ENTER)
    _question(child, 3)
    child.send(ESC)
    child.expect("Leave the quiz\\? Your answers so far will be lost")
    child.expect(r"\[y/N\]")
    child.send("n")  # stay: question 3 again
    _question(child, 3)
    child.send(ESC)
    child.expect("Leave the quiz\\?")
    child.send("y")
    child.expect("quiz cancelled, nothing saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert not (tmp_path / "history.sqlite3").exists()


def test_escape_before_any_answer_cancels_at_once(tmp_path: Path) -> None:
    child = _spawn(["quiz", "--quick"], tmp_path)
    _question(child, 1)
    child.send(ESC)
    child.expect("quiz cancelled, nothing saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Leave the quiz" not in (child.before or "")
    assert not (tmp_path / "history.sqlite3").exists()


def test_left_arrow_and_backspace_go_back_keeping_the_answer(tmp_path: Path) -> None:
    child = _spawn(["quiz", "--quick"], tmp_path)
    _question(child, 1)
    child.send("2")
    _question(child, 2)
    child.send("3")
    _question(child, 3)
    child.send(LEFT)  # back to question 2, its answer (3) selected
    _question(child, 2)
    child.send(ENTER)
    _question(child, 3)
    child.send(BACKSPACE)  # back again
    _question(child, 2)
    child.send(UP + ENTER)  # from 3 to 2
    for n in range(3, 12):
        _question(child, n)
        child.send("1")
    child.expect("In short: ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (saved,) = Store(tmp_path / "history.sqlite3").load()
    assert saved.answers["programming"] == 2 and saved.answers["machine-learning-algorithms"] == 2
    assert sorted(saved.answers.values()) == [1] * 9 + [2, 2]


def test_ctrl_c_in_a_terminal_cancels_and_saves_nothing(tmp_path: Path) -> None:
    child = _spawn(["quiz"], tmp_path)
    _question(child, 1, 40)
    child.send(ENTER)
    _question(child, 2, 40)
    child.sendcontrol("c")
    child.expect("quiz cancelled, nothing saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert not (tmp_path / "history.sqlite3").exists()


def test_prompts_stay_on_the_terminal_when_stdout_is_redirected(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    command = f'"{sys.executable}" -m mlcareer quiz --quick --no-save --json > "{out}"'
    child = pexpect.spawn(
        "/bin/sh", ["-c", command], env=_env(tmp_path), cwd=str(REPO), encoding="utf-8", timeout=60
    )
    for n in range(1, 12):
        _question(child, n)
        child.send(DOWN + ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = json.loads(out.read_text(encoding="utf-8"))  # the file holds the result alone
    assert set(data["answers"].values()) == {1}


def test_number_keys_answer_and_a_long_answer_is_echoed_whole(tmp_path: Path) -> None:
    child = _spawn(["quiz", "--quick"], tmp_path)
    child.setwinsize(24, 60)  # narrow: answer 4 of the first question spans two lines
    _question(child, 1)
    child.send("4")  # a number key answers at once, no Enter
    _question(child, 2)
    echoed = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before or "")
    assert "4  expert — I handle large or tricky codebases and help\r\r\n     others write code." in echoed
    answers = [0, 1, 2, 3, 4, 3, 2, 1, 0, 1]  # questions 2 to 11 of the quick form
    for n, key in zip(range(3, 12), answers, strict=False):
        child.send(str(key))
        _question(child, n)
    child.send(str(answers[-1]))
    child.expect("In short: ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (saved,) = Store(tmp_path / "history.sqlite3").load()
    assert sorted(saved.answers.values()) == sorted([4, *answers])
