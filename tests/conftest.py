"""Shared fixtures: a fixed, colourless terminal; the CLI runner; small data directories."""

from __future__ import annotations

import os

# Typer reads these at import: set them before anything imports the app.
os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
os.environ["TERMINAL_WIDTH"] = "80"
for _name in ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "CLICOLOR_FORCE"):
    os.environ.pop(_name, None)

import pickle  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TypeVar  # noqa: E402

import pytest  # noqa: E402
from filelock import FileLock  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from typer.testing import CliRunner, Result  # noqa: E402

from mlcareer.cli import app  # noqa: E402
from tests import browser  # noqa: E402

# Property tests never fail for time: no per-example deadline, no "too slow" health check
# (both measure this machine's speed at the moment, not the code).
settings.register_profile("mlcareer", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mlcareer")

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
REPO = Path(__file__).parent.parent
#: Run first in a child process that must find no usable shipped recording of the command line
#: (``mlcareer/recording.json``), as when it was made for another typer: only this user's cache
#: is read, and a run that Typer parses records one there.
WITHOUT_SHIPPED = (
    "import mlcareer.pack.fastindex as _fastindex\n"
    "_fastindex.shipped_path = lambda: '/nonexistent/mlcareer-recording.json'\n"
)


def pytest_configure(config: pytest.Config) -> None:
    """Compile mlcareer's modules once, before any test starts a process that imports them.

    The suite starts several hundred mlcareer processes; with ``PYTHONDONTWRITEBYTECODE``
    set (as on some machines) and an editable install, each would compile every module it
    imports again. compileall writes the ``__pycache__`` that Python would have written."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # the controller did it before starting the workers
    import compileall

    compileall.compile_dir(REPO / "src" / "mlcareer", quiet=2)


def _slow_as_a_whole(item: pytest.Item) -> bool:
    module = getattr(item, "module", None)
    marks = getattr(module, "pytestmark", [])
    return any(mark.name == "slow" for mark in (marks if isinstance(marks, list) else [marks]))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files marked slow as a whole (``pytestmark = pytest.mark.slow``) run first: under
    ``--dist loadfile`` their long work starts while quick files fill the other workers,
    rather than ending the run on one worker alone. The order within a file is kept."""
    items.sort(key=lambda item: not _slow_as_a_whole(item))


def _pty_works() -> bool:
    try:
        ends = os.openpty()
    except (AttributeError, OSError):
        return False
    for end in ends:
        os.close(end)
    return True


#: Tests that run mlcareer in a pseudo-terminal skip, saying why, where none can be opened.
needs_pty = pytest.mark.skipif(not _pty_works(), reason="needs a pseudo-terminal (os.openpty failed)")


@pytest.fixture(autouse=True)
def _plain_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Every test sees an 80-column terminal without colour, and its own empty home.

    Nothing a test (or a process it starts) writes lands in the real home or in another
    test's: HOME, MLCAREER_HOME and every XDG folder point into the test's own directory,
    so pytest-xdist workers never share a history database or a cache."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "50")
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in (
        *("FORCE_COLOR", "PY_COLORS", "CLICOLOR_FORCE", "MLCAREER_DATA_DIR", "MLCAREER_CACHE_DIR"),
        *("PAGER", "LESS", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"),
    ):
        monkeypatch.delenv(name, raising=False)
    # A process a test starts in a pseudo-terminal would wait in less; tests/test_pager.py pages.
    monkeypatch.setenv("MLCAREER_PAGER", "cat")
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("MLCAREER_HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    yield


T = TypeVar("T")


def once_per_run(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], T]) -> T:
    """``build(directory)`` once per test run, its result shared by every pytest-xdist worker.

    The first worker to ask builds under a file lock (the pattern in pytest-xdist's docs);
    the others wait for it and read the result, which must pickle (paths, bytes, processes'
    results). Use it in a session-scoped fixture for anything that takes seconds to make.
    """
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # each worker's base is a folder in the run's own
    directory = root / f"once-{name}"
    saved = root / f"once-{name}.pickle"
    with FileLock(str(root / f"once-{name}.lock")):
        if saved.is_file():
            value: T = pickle.loads(saved.read_bytes())
            return value
        shutil.rmtree(directory, ignore_errors=True)  # left by a worker whose build failed
        directory.mkdir()
        value = build(directory)
        saved.write_bytes(pickle.dumps(value))
        return value


@pytest.fixture(scope="session")
def chromium() -> Iterator[browser.Browser]:
    """One headless Chromium for every page a worker opens (each start costs a second or more).

    Mark the test to skip where there is none: ``skipif(browser.find() is None, reason=...)``."""
    found = browser.find()
    if found is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    opened = browser.Browser(found)
    yield opened
    opened.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


Invoke = Callable[..., Result]


@pytest.fixture
def invoke(runner: CliRunner) -> Invoke:
    """Run the CLI in-process: ``invoke("role", "ml-engineer")``; stdout and stderr kept apart."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return run


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A writable copy of the small, valid fixture data directory."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def without_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """No usable shipped recording of the command line in this process (``WITHOUT_SHIPPED``)."""
    missing = "/nonexistent/mlcareer-recording.json"
    monkeypatch.setattr("mlcareer.pack.fastindex.shipped_path", lambda: missing)


@pytest.fixture
def shipped_dir() -> Path:
    from mlcareer.pack.catalog import shipped_data_dir

    return shipped_data_dir()


# Python code for a child process to print its own peak memory in KiB. VmHWM belongs to the
# image that exec made; ru_maxrss would also count the parent's pages when the child was
# spawned by vfork (Linux keeps the high-water mark across exec), which grows with the test run.
PRINT_PEAK_KIB = (
    "import re, resource\n"
    "try:\n"
    "    print(re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read()).group(1))\n"
    "except OSError:\n"
    "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)
