"""`mlcareer --help` answered before Typer loads prints exactly what Typer prints, or leaves it to Typer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcareer import fasthelp
from mlcareer.pack import fastindex
from tests.conftest import REPO, WITHOUT_SHIPPED

PROBE = """
import sys
sys.argv = ["mlcareer", *ARGS]
from mlcareer.__main__ import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
sys.stderr.write("\\nTYPER %s" % ("typer" in sys.modules))
raise SystemExit(code)
"""


def _env(cache: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLCAREER_", "_MLCAREER", "_TYPER"))}
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERMINAL_WIDTH"):
        env.pop(name, None)
    env.update(MLCAREER_CACHE_DIR=str(cache), MLCAREER_HOME=str(cache / "home"), **extra)
    return env


def _run(cache: Path, args: list[str], **extra: str) -> tuple[int, str, bool]:
    """(exit code, stdout, whether Typer was loaded) of a real process, with the recording shipped
    with mlcareer usable, as it is in an install."""
    return _process(PROBE, cache, args, extra)


def _run_without_shipped(cache: Path, args: list[str], **extra: str) -> tuple[int, str, bool]:
    """``_run`` where no shipped recording is usable (as when it was made for another typer)."""
    return _process(WITHOUT_SHIPPED + PROBE, cache, args, extra)


def _process(probe: str, cache: Path, args: list[str], extra: dict[str, str]) -> tuple[int, str, bool]:
    done = subprocess.run(
        [sys.executable, "-c", probe.replace("ARGS", repr(args))],
        env=_env(cache, **extra),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    return done.returncode, done.stdout, done.stderr.rstrip().endswith("TYPER True")


def _typer(cache: Path, args: list[str], **extra: str) -> str:
    """What Typer prints in a real process (no recording anywhere). CliRunner is no reference
    here: it forces Click's help to 80 columns, where a terminal gets 78."""
    code, out, typer_loaded = _run_without_shipped(Path(tempfile.mkdtemp(dir=cache.parent)), args, **extra)
    assert (code, typer_loaded) == (0, True)
    return out


@pytest.fixture
def recorded(tmp_path: Path) -> Path:
    """A cache in which a run that built the catalog recorded the grammar and the help (with no
    usable shipped recording, as after an install with another typer)."""
    cache = tmp_path / "cache"
    code, _, typer_loaded = _run_without_shipped(cache, ["roles"])
    assert (code, typer_loaded) == (0, True)
    (grammar,) = cache.glob("grammar-*.json")
    assert isinstance(json.loads(grammar.read_text())["help"], str)
    return cache


@pytest.mark.parametrize("args", [["--help"], ["-h"]])
@pytest.mark.parametrize(
    "extra",
    [{"COLUMNS": "80"}, {"COLUMNS": "132"}, {"COLUMNS": "300", "FORCE_COLOR": "1"}, {"NO_COLOR": "1"}, {}],
    ids=["80", "132", "300-colour", "no-colour", "no-columns"],
)
def test_the_help_is_answered_without_typer_and_is_typers(
    recorded: Path, args: list[str], extra: dict[str, str]
) -> None:
    code, out, typer_loaded = _run(recorded, args, **extra)
    assert (code, typer_loaded) == (0, False)
    assert out == _typer(recorded, args, **extra)


@pytest.mark.parametrize("columns", ["79", "60", "40"])
def test_a_narrower_terminal_is_left_to_typer(recorded: Path, columns: str) -> None:
    code, out, typer_loaded = _run(recorded, ["--help"], COLUMNS=columns)
    assert (code, typer_loaded) == (0, True)
    assert out == _typer(recorded, ["--help"], COLUMNS=columns)


def test_a_recording_from_other_code_or_another_typer_is_not_used(recorded: Path) -> None:
    (grammar,) = recorded.glob("grammar-*.json")
    original = json.loads(grammar.read_text())
    for change in ({"key": "0" * 64}, {"typer": ["elsewhere", 1, 1]}, {"format": 1}, {"help": None}):
        grammar.write_text(json.dumps({**original, **change}))
        code, out, typer_loaded = _run_without_shipped(recorded, ["--help"])
        assert (code, typer_loaded) == (0, True), change
        assert out == _typer(recorded, ["--help"])
        # Typer's answer recorded the help again: the next one is answered before Typer loads.
        assert _run_without_shipped(recorded, ["--help"]) == (0, out, False)


def test_no_recording_is_left_to_typer_which_records_one(tmp_path: Path) -> None:
    code, out, typer_loaded = _run_without_shipped(tmp_path / "empty", ["--help"])
    assert (code, typer_loaded) == (0, True)
    assert _run_without_shipped(tmp_path / "empty", ["--help"]) == (0, out, False)


@pytest.mark.parametrize("args", [["--help"], ["-h"]])
def test_the_first_help_after_an_install_is_answered_from_the_shipped_recording(
    tmp_path: Path, args: list[str]
) -> None:
    """An empty cache: the help shipped with mlcareer answers, and it is what Typer prints."""
    code, out, typer_loaded = _run(tmp_path / "empty", args, COLUMNS="100")
    assert (code, typer_loaded) == (0, False)
    assert out == _typer(tmp_path / "empty", args, COLUMNS="100")
    assert not list((tmp_path / "empty").glob("grammar-*.json"))  # nothing to record


def test_a_full_stdout_is_reported_as_typer_reports_it(recorded: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    runs = []
    for cache, probe in ((recorded, PROBE), (recorded.parent / "none", WITHOUT_SHIPPED + PROBE)):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-c", probe.replace("ARGS", repr(["--help"]))],
                env=_env(cache),
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
            )
        runs.append((done.returncode, done.stderr.rpartition("\nTYPER ")))
    assert runs[0][0] == runs[1][0] == 1
    assert runs[0][1][0] == runs[1][1][0]  # the same message (before the probe's own line)


WORDS = [
    "--help",
    "-h",
    "--version",
    "role",
    "roles",
    "--json",
    "help",
    "-H",
    "--hel",
    "--help=1",
    "ml-engineer",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=4))
def test_only_exactly_help_is_answered(args: list[str]) -> None:
    """Any other command line returns to Typer unchanged (nothing printed, no exit)."""
    if args in (["--help"], ["-h"]):
        return
    before = list(args)
    fasthelp.main(args)  # returns: not answered
    assert args == before


def test_the_recorded_help_is_typers_on_a_wide_terminal(
    recorded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(recorded))
    assert fastindex.read_help() == _typer(recorded, ["--help"], COLUMNS="80") == _typer(recorded, ["-h"])
