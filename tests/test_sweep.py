"""Every command under each hostile condition: no traceback, no hang, the documented exit code.

Conditions: stdout to /dev/full, stdout closed, a FIFO in place of a data file, a data
directory whose name is not UTF-8, a path component of 256 bytes. The runs are real
processes, as many at once as this test run has CPUs, each watched for lack of progress
(``tests.processes``) rather than timed; the sweep runs once per test run, xdist or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO

import pytest

from tests import processes
from tests.conftest import REPO, once_per_run

pytestmark = pytest.mark.slow  # about 80 processes

SAMPLE = str(REPO / "examples" / "answers.yaml")

# Each command, with arguments that succeed on the shipped data.
COMMANDS: dict[str, list[str]] = {
    "(none)": [],
    "--help": ["--help"],
    "--version": ["--version"],
    "role": ["role", "ml-engineer"],
    "roles": ["roles"],
    "compare": ["compare", "ml-engineer", "data-scientist"],
    "salary": ["salary"],
    "path": ["path"],
    "quiz": ["quiz", "--answers", SAMPLE],
    "quiz --json": ["quiz", "--answers", SAMPLE, "--json"],
    "plan": ["plan", "--answers", SAMPLE],
    "history": ["history"],
    "team": ["team", str(REPO / "examples" / "team")],
    "skills": ["skills"],
    "skill": ["skill", "programming"],
    "validate": ["validate"],
}
NEEDS_NO_DATA = {"(none)", "--help", "--version", "history"}
CONDITIONS = ("dev-full", "stdout-closed", "fifo-data-file", "non-utf8-data-dir", "long-path")


def expected(condition: str, command: str) -> int:
    """The exit code the README documents for ``command`` under ``condition``."""
    if condition in ("dev-full", "stdout-closed"):
        return 1  # a result that cannot be shown is an error
    if condition == "non-utf8-data-dir":
        return 0  # any bytes in a path are fine
    return 0 if command in NEEDS_NO_DATA else 1  # the data cannot be read: exit 1, never a hang


Sweep = dict[tuple[str, str], subprocess.CompletedProcess[bytes]]


def _sweep(base: Path) -> Sweep:
    """Every command under every condition, run in ``base``."""
    shipped = REPO / "data"
    fifo_dir = base / "fifo-data"
    shutil.copytree(shipped, fifo_dir)
    (fifo_dir / "roles.yaml").unlink()
    os.mkfifo(fifo_dir / "roles.yaml")
    odd_dir = os.path.join(os.fsencode(base), b"data-\xff\xfe")
    shutil.copytree(shipped, os.fsdecode(odd_dir))  # the same bytes on disk (surrogateescape)
    long_dir = os.path.join(os.fsencode(base), b"d" * 256)
    data_dirs: dict[str, bytes] = {
        "fifo-data-file": os.fsencode(fifo_dir),
        "non-utf8-data-dir": odd_dir,
        "long-path": long_dir,
    }

    def run(condition: str, command: str) -> subprocess.CompletedProcess[bytes]:
        home = base / "homes" / f"{condition}-{command.replace(' ', '_')}"
        home.mkdir(parents=True)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "MLCAREER_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(base / "cache"),  # shared: each run after the first is warm
            "NO_COLOR": "1",
            "LANG": "C.UTF-8",
        }
        argv = [sys.executable.encode(), b"-m", b"mlcareer"]
        if condition in data_dirs:
            argv += [b"--data-dir", data_dirs[condition]]
        argv += [os.fsencode(a) for a in COMMANDS[command]]
        stdout: int | IO[bytes] | None = subprocess.PIPE
        if condition == "stdout-closed":
            argv = [b"/bin/sh", b"-c", b'exec "$@" >&-', b"sh", *argv]
            stdout = None
        with open("/dev/full", "wb") as full:
            if condition == "dev-full":
                stdout = full
            try:
                return processes.run(argv, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=home)
            except subprocess.TimeoutExpired as exc:
                return subprocess.CompletedProcess(argv, -999, exc.stdout or b"", exc.stderr or b"hang")

    cases = [(c, k) for c in CONDITIONS for k in COMMANDS]
    with ThreadPoolExecutor(max_workers=processes.cpu_share()) as pool:
        return dict(zip(cases, pool.map(lambda case: run(*case), cases), strict=True))


@pytest.fixture(scope="session")
def sweep(tmp_path_factory: pytest.TempPathFactory) -> Sweep:
    return once_per_run(tmp_path_factory, "sweep", _sweep)


def _ids() -> Iterator[tuple[str, str]]:
    for condition in CONDITIONS:
        for command in COMMANDS:
            yield condition, command


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(("condition", "command"), list(_ids()), ids=[f"{c}:{k}" for c, k in _ids()])
def test_every_command_under_every_condition(sweep: Sweep, condition: str, command: str) -> None:
    result = sweep[(condition, command)]
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode != -999, f"hung: {err}"
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert result.returncode == expected(condition, command), err
    assert "\x1b" not in err and "\x00" not in err
    if result.returncode == 1:
        assert err.startswith("Error: ") or "\nError: " in err, err
    if condition == "non-utf8-data-dir":
        assert result.stdout, "the result is shown"
