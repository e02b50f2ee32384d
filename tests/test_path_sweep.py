"""Every option that takes a path, with every path that cannot be examined: one line, exit 1.

Conditions: a name over 255 bytes (ENAMETOOLONG), a loop of symbolic links on the way
(ELOOP), a regular file where a directory should be (ENOTDIR), and a directory that cannot
be searched (EACCES; as a real unprivileged user, since root ignores permission bits).
The runs are in-process (CliRunner); the EACCES ones run in one child process as nobody.
No time limits beyond a minute for that child.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlcareer.cli import app
from tests.conftest import REPO
from tests.unprivileged import as_other_user

SAMPLE = str(REPO / "examples" / "answers.yaml")
TEAM = str(REPO / "examples" / "team")
NOBODY = 65534

# Every option or argument that names a path; {} is the path under test.
OPTIONS: dict[str, list[str]] = {
    "team FILE": ["team", "{}"],
    "team DIR": ["team", "{}/"],
    "team --since": ["team", TEAM, "--since", "{}"],
    "quiz --answers": ["quiz", "--answers", "{}"],
    "plan --answers": ["plan", "--answers", "{}"],
    "quiz --template -o": ["quiz", "--template", "-o", "{}"],
    "quiz --report": ["quiz", "--answers", SAMPLE, "--no-save", "--report", "{}"],
    "--data-dir": ["--data-dir", "{}", "roles"],
    "validate DIR": ["validate", "{}"],
    "roles -o": ["roles", "-o", "{}"],
    "role --format markdown -o": ["role", "ml-engineer", "--format", "markdown", "-o", "{}"],
    "quiz -o": ["quiz", "--answers", SAMPLE, "--no-save", "-o", "{}"],
    "plan --answers DIR -o OUTDIR": ["plan", "--answers", TEAM, "--format", "html", "-o", "{}"],
}
# The path under each condition, under a base directory, and the words that say why.
CONDITIONS: dict[str, tuple[str, str]] = {
    "ENAMETOOLONG": ("x" * 253 + ".md", "name is too long"),  # 256 bytes
    "ELOOP": ("loop/f.md", "too many symbolic links"),
    "ENOTDIR": ("file.yaml/f.md", "a part of the path is not a directory"),
    "EACCES": ("shut/f.md", "permission denied (a directory on its path cannot be searched)"),
}


def _base() -> Path:
    base = Path(tempfile.mkdtemp(prefix="mlcareer-sweep-"))
    base.chmod(0o755)
    (base / "loop").symlink_to("loop")
    shutil.copy(SAMPLE, base / "file.yaml")
    (base / "shut").mkdir(mode=0o700)
    shutil.copy(SAMPLE, base / "shut" / "f.md")
    (base / "home").mkdir(mode=0o777)
    (base / "home").chmod(0o777)
    return base


def _argv(option: str, path: str) -> list[str]:
    return [word.replace("{}", path) for word in OPTIONS[option]]


@pytest.fixture(scope="module")
def base() -> Iterator[Path]:
    path = _base()
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _check(condition: str, option: str, code: int, stderr: str) -> None:
    reason = CONDITIONS[condition][1]
    assert code == 1, f"{option} under {condition}: exit {code}: {stderr}"
    assert "Traceback" not in stderr
    first = stderr.splitlines()[0] if stderr else ""
    assert first.startswith("Error: "), stderr
    assert reason in stderr, f"{option} under {condition}: {stderr}"


CASES = [(c, o) for c in ("ENAMETOOLONG", "ELOOP", "ENOTDIR") for o in OPTIONS]


@pytest.mark.parametrize(("condition", "option"), CASES, ids=[f"{c}:{o}" for c, o in CASES])
def test_every_path_option_under_every_condition(
    base: Path, monkeypatch: pytest.MonkeyPatch, condition: str, option: str
) -> None:
    monkeypatch.setenv("MLCAREER_HOME", str(base / "home"))
    path = str(base / CONDITIONS[condition][0])
    result = CliRunner().invoke(app, _argv(option, path), catch_exceptions=False)
    _check(condition, option, result.exit_code, result.stderr)


# The child: the same runs, in-process, as nobody; prints {option: [exit code, stderr]}.
_CHILD = """
import json, os, sys
os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
from typer.testing import CliRunner
from mlcareer.cli import app
out = {}
for option, argv in json.loads(sys.argv[1]).items():
    result = CliRunner().invoke(app, argv, catch_exceptions=True)
    odd = result.exit_code not in (0, 1, 2)
    out[option] = [result.exit_code, result.stderr + (repr(result.exception) if odd else "")]
print(json.dumps(out))
"""


@as_other_user
def test_every_path_option_with_a_directory_that_cannot_be_searched(base: Path) -> None:
    path = str(base / CONDITIONS["EACCES"][0])
    runs = {option: _argv(option, path) for option in OPTIONS}
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(MLCAREER_HOME=str(base / "home"), XDG_CACHE_HOME=str(base / "home" / "cache"),
               NO_COLOR="1", COLUMNS="80", PYTHONPATH=str(REPO / "src"))  # fmt: skip
    child = subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--",
         sys.executable, "-c", _CHILD, json.dumps(runs)],
        capture_output=True, text=True, env=env, cwd=base, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr
    found = json.loads(child.stdout)
    for option in OPTIONS:
        code, stderr = found[option]
        _check("EACCES", option, code, stderr)
