"""The pager, in a real pseudo-terminal of 80x24 as a person has it: less -FRX by default, as git does."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mlcareer.terminal import console
from tests.conftest import REPO, Invoke, needs_pty

if TYPE_CHECKING:
    import pexpect
else:
    pexpect = pytest.importorskip("pexpect")

pytestmark = [pytest.mark.slow, needs_pty]

LESS_PROMPT = "\r\n:\x1b\\[K"  # less's short prompt on the bottom line, then clear-to-end-of-line
needs_less = pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")


def _env(home: Path, **extra: str) -> dict[str, str]:
    dropped = ("PAGER", "LESS")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_") and k not in dropped}
    env.update(MLCAREER_HOME=str(home), NO_COLOR="1", TERM="xterm", COLUMNS="80", LINES="24")
    env.update(extra)
    return env


def _spawn(args: list[str], home: Path, **extra: str) -> pexpect.spawn[str]:
    return pexpect.spawn(
        sys.executable,
        ["-m", "mlcareer", *args],
        env=_env(home, **extra),
        cwd=str(REPO),
        encoding="utf-8",
        codec_errors="replace",
        timeout=60,
        dimensions=(24, 80),
    )


def _waits(child: pexpect.spawn[str]) -> bool:
    """Whether less has shown a screen and its prompt (a ":" on the last line), waiting for a key.

    less -F exits at once when the page fits; this waits for the prompt, not for a time."""
    child.expect(LESS_PROMPT)
    return bool(child.isalive())


@needs_less
def test_role_opens_in_less_and_q_exits_0(tmp_path: Path) -> None:
    child = _spawn(["role", "ml-engineer"], tmp_path)
    child.expect("Machine Learning Engineer")
    assert _waits(child), "a page longer than the screen waits in the pager"
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


@needs_less
def test_quiz_result_opens_in_the_pager(tmp_path: Path) -> None:
    args = ["quiz", "--answers", "examples/answers.yaml", "--quick", "--no-save"]
    child = _spawn(args, tmp_path)
    child.expect("Self-assessment against")
    assert _waits(child)
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@needs_less
def test_short_output_is_not_held_by_less(tmp_path: Path) -> None:
    child = _spawn(["role", "ml-engineer", "--section", "summary"], tmp_path)
    child.expect("Summary")
    child.expect(pexpect.EOF)  # -F: what fits the screen is printed, and less exits
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["--no-pager", "role", "ml-engineer", "--full"], {}),
        (["role", "ml-engineer", "--full", "--no-pager"], {}),
        (["role", "ml-engineer", "--full"], {"MLCAREER_PAGER": "cat"}),
        (["role", "ml-engineer", "--full"], {"MLCAREER_PAGER": ""}),
        (["role", "ml-engineer", "--full"], {"PAGER": "cat"}),
        (["role", "ml-engineer", "--full", "--json"], {}),
        (["role", "ml-engineer", "--full"], {"TERM": "dumb"}),
    ],
)
def test_printed_directly(tmp_path: Path, args: list[str], extra: dict[str, str]) -> None:
    child = _spawn(args, tmp_path, **extra)
    child.expect("Sources|sources")
    child.expect(pexpect.EOF)  # no pager waits for a key
    child.close()
    assert child.exitstatus == 0


def test_piped_prints_without_a_pager(tmp_path: Path) -> None:
    command = f'"{sys.executable}" -m mlcareer role ml-engineer --full | cat'
    child = pexpect.spawn(
        "/bin/sh", ["-c", command], env=_env(tmp_path), cwd=str(REPO), encoding="utf-8", timeout=60
    )
    child.expect("Sources")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize(
    ("pager", "said"),
    [
        ("no-such-pager-anywhere", "cannot run the pager 'no-such-pager-anywhere'"),
        ("'unbalanced", "unbalanced"),
    ],
)
def test_a_pager_that_cannot_start_falls_back_to_plain_output(tmp_path: Path, pager: str, said: str) -> None:
    child = _spawn(["role", "ml-engineer", "--full"], tmp_path, MLCAREER_PAGER=pager)
    child.expect(said)
    child.expect("Sources")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


@pytest.mark.parametrize("pager", ["false", "sh -c 'head -c 300; exit 3'"])
def test_a_pager_that_fails_after_it_started_is_an_error_and_nothing_is_printed_twice(
    tmp_path: Path, pager: str
) -> None:
    child = _spawn(["role", "ml-engineer", "--full"], tmp_path, MLCAREER_PAGER=pager)
    child.expect(pexpect.EOF)
    child.close()
    seen = re.sub(r"\x1b\[[0-9;]*m", "", (child.before or "").replace("\r\n", "\n"))
    assert child.exitstatus == 1
    assert "Error: the pager 'false' exited with status 1" in seen or "'sh' exited with status 3" in seen
    assert "the output is not printed again" in seen
    assert seen.count("Machine Learning Engineer") <= 1, "never printed a second time"
    assert "Sources" not in seen
    assert "Traceback" not in seen


def test_pager_values_are_split_like_a_shell_without_one(tmp_path: Path) -> None:
    mark = tmp_path / "paged"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "pager"
    script.write_text('#!/bin/sh\nprintf "%s|" "$@" > "$0.args"\ncat > "$0.out"\n')
    script.chmod(0o755)
    extra = {"HOME": str(tmp_path), "OPTS": "-a  -b", "MARK": str(mark)}
    child = _spawn(
        ["role", "ml-engineer"], tmp_path, MLCAREER_PAGER="~/bin/pager $OPTS \"${OPTS}\" '$OPTS'", **extra
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert (bin_dir / "pager.args").read_text() == "-a|-b|-a  -b|$OPTS|"
    assert "Machine Learning Engineer" in (bin_dir / "pager.out").read_text()


def test_mlcareer_pager_wins_over_pager(tmp_path: Path) -> None:
    mark = tmp_path / "paged"
    child = _spawn(
        ["role", "ml-engineer"], tmp_path, MLCAREER_PAGER=f"tee {mark}", PAGER="no-such-pager-anywhere"
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Machine Learning Engineer" in mark.read_text(encoding="utf-8")


def test_markdown_on_a_terminal_is_paged_too(tmp_path: Path) -> None:
    mark = tmp_path / "paged"
    child = _spawn(["role", "ml-engineer", "--format", "markdown"], tmp_path, MLCAREER_PAGER=f"tee {mark}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert mark.read_text(encoding="utf-8").startswith("# Machine Learning Engineer")


def test_in_process_runs_never_page(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLCAREER_PAGER", "no-such-pager-anywhere")
    result = invoke("role", "ml-engineer", "--full")  # stdout is not a terminal
    assert result.exit_code == 0 and "Sources" in result.stdout


@pytest.mark.parametrize(
    ("mlcareer_pager", "pager", "expected"),
    [
        (None, None, ["less", "-FRX"]),
        (None, "more", ["more"]),
        ("most -s", "more", ["most", "-s"]),
        ("cat", "more", None),
        ("", "more", None),
        (None, "", None),
    ],
)
def test_pager_command(
    monkeypatch: pytest.MonkeyPatch, mlcareer_pager: str | None, pager: str | None, expected: list[str] | None
) -> None:
    for name, value in (("MLCAREER_PAGER", mlcareer_pager), ("PAGER", pager)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert console.pager_command() == expected
