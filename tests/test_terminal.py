"""Real processes in real terminals and pipes: colour only on a terminal, odd encodings, broken pipes."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, needs_pty

ESC = "\x1b["


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "_TYPER_FORCE_DISABLE_TERMINAL")
    }
    env.update(extra)
    return env


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlcareer", *args],
        capture_output=True,
        text=True,
        env=_env(**env),
        cwd=REPO,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def _in_pty(*args: str, **env: str) -> str:
    """Run in a pseudo-terminal 100 columns wide and return everything it printed."""
    child_env = _env(COLUMNS="100", TERM="xterm-256color", **env)  # read before the child clears it
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ.clear()
        os.environ.update(child_env)
        os.execv(sys.executable, [sys.executable, "-m", "mlcareer", *args])
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    os.waitpid(pid, 0)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


def _colours(text: str) -> set[int]:
    """The colour codes among the SGR escape sequences in ``text``."""
    codes = {int(c) for params in re.findall(r"\x1b\[([0-9;]*)m", text) for c in params.split(";") if c}
    return {c for c in codes if 30 <= c <= 49 or 90 <= c <= 107}


@needs_pty
def test_colour_on_a_terminal() -> None:
    out = _in_pty("role", "ml-engineer", "--section", "skills")
    assert _colours(out)
    assert "Machine Learning Engineer" in out


@needs_pty
def test_colour_is_kept_through_a_pager() -> None:
    out = _in_pty("role", "ml-engineer", "--section", "skills", MLCAREER_PAGER="cat -u")
    assert _colours(out)


@needs_pty
def test_no_colour_with_no_color_even_on_a_terminal() -> None:
    out = _in_pty("role", "ml-engineer", "--section", "skills", NO_COLOR="1")
    assert "Machine Learning Engineer" in out
    assert _colours(out) == set(), "bold and dim are fine; colours are not"


@pytest.mark.parametrize(
    "args", [("role", "ml-engineer"), ("roles",), ("compare", "ml-engineer", "data-scientist")]
)
def test_no_escape_codes_in_a_pipe(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.returncode == 0, result.stderr
    assert ESC not in result.stdout


@pytest.mark.parametrize(
    "args", [("role", "ml-engineer"), ("roles",), ("compare", "ml-engineer", "data-scientist")]
)
def test_ascii_terminal_never_crashes(args: tuple[str, ...]) -> None:
    result = _run(*args, PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    result.stdout.encode("ascii")


@pytest.mark.parametrize("columns", ["40", "300"])
def test_narrow_and_wide_terminals(columns: str) -> None:
    result = _run("role", "ml-engineer", COLUMNS=columns)
    assert result.returncode == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)


def test_dumb_terminal() -> None:
    result = _run("roles", TERM="dumb")
    assert result.returncode == 0 and ESC not in result.stdout


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    shell = f"{sys.executable} -m mlcareer roles | head -1"
    result = subprocess.run(
        ["sh", "-c", shell], capture_output=True, text=True, env=_env(), cwd=REPO, timeout=60
    )
    assert result.stdout.strip() != ""
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_stdout_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with target.open("w") as fh:
        subprocess.run(
            [sys.executable, "-m", "mlcareer", "role", "mle"],
            stdout=fh,
            env=_env(),
            cwd=REPO,
            check=True,
            timeout=60,
        )
    text = target.read_text()
    assert "Machine Learning Engineer" in text and ESC not in text


def test_errors_go_to_stderr_only() -> None:
    result = _run("role", "ml-enginer")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: unknown role 'ml-enginer'")


def test_usage_error_exit_code() -> None:
    result = _run("roles", "--level", "wizard")
    assert result.returncode == 2
    assert result.stdout == "" and "wizard" in result.stderr


def test_ascii_terminal_gets_ascii_bars_and_separators_not_question_marks() -> None:
    result = _run("role", "ml-engineer", "--section", "skills", PYTHONIOENCODING="ascii")
    assert result.returncode == 0
    assert "ml-engineer - mid level - career ladder role" in result.stdout
    assert "##-- working knowledge" in result.stdout and "###- proficient" in result.stdout
    assert "?" not in result.stdout


def test_quiz_with_stdin_closed_explains_answers() -> None:
    shell = f"{sys.executable} -m mlcareer quiz <&-"
    result = subprocess.run(
        ["sh", "-c", shell], capture_output=True, text=True, env=_env(), cwd=REPO, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert "--answers" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("role", "ml-engineer"), ("salary",), ("path",), ("skills",)])
def test_piped_text_has_no_padding_spaces(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.returncode == 0
    assert not [line for line in result.stdout.splitlines() if line.endswith(" ")]
