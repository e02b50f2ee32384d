"""The README is a promise: its set-up commands are what CI runs, and its examples work."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main

from mlcareer.cli import app
from tests.conftest import REPO, Invoke

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def _examples() -> list[tuple[str, list[str]]]:
    """(command line, the output lines shown after it) for every `$ mlcareer` line."""
    found: list[tuple[str, list[str]]] = []
    for block in _blocks("console"):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found and line.strip():
                found[-1][1].append(line)
    return found


EXAMPLES = _examples()


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_runs(
    invoke: Invoke, command: str, expected: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # paths in the examples are relative to the repository; files they write land in tmp_path
    for name in ("examples", "data"):
        (tmp_path / name).symlink_to(REPO / name)
    monkeypatch.chdir(tmp_path)
    argv = shlex.split(command)
    assert argv[0] == "mlcareer"
    result = invoke(*argv[1:])
    wants_error = bool(expected) and expected[0].startswith("Error:")
    assert result.exit_code == (1 if wants_error else 0), result.stderr
    shown = result.stdout + result.stderr
    for line in expected:
        assert line.strip() in shown


def test_every_command_is_documented() -> None:
    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"$ mlcareer {name}" in README or f"mlcareer {name} " in README, name


def test_ci_runs_the_readme_set_up() -> None:
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = [b.strip() for b in re.findall(r"```sh\n(.*?)```", setup, flags=re.S)]
    assert len(commands) == 2, "exactly two set-up commands"
    assert "mlcareer role ml-engineer" in commands[0]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    # CI runs each step of the README's test command, in order (it lints and type-checks too)
    at = 0
    for step in commands[1].split(" && "):
        found = ci.find(step, at)
        assert found >= 0, f"{step!r} is not in .ci/run after what comes before it"
        at = found + len(step)
