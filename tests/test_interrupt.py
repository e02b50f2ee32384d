"""Ctrl-C at any moment: exit 130 (0 if already done); never a traceback or a half-written file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlcareer.commands.output import write_file
from tests.conftest import REPO, Invoke
from tests.processes import watch

#: The child: mlcareer's entry point, with a line on stderr once it is running mlcareer's code
#: (inside the guard that turns Ctrl-C into exit 130), so no signal lands while CPython starts.
READY = "ready for Ctrl-C"
CHILD = (
    "import sys\n"
    "from mlcareer import interrupts\n"
    "from mlcareer.__main__ import main\n"
    "install = interrupts.install\n"
    "def announced():\n"
    f"    sys.stderr.write({READY!r} + '\\n')\n"
    "    sys.stderr.flush()\n"
    "    install()\n"
    "interrupts.install = announced\n"
    "sys.argv[0] = 'mlcareer'\n"
    "main()\n"
)


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45])
@pytest.mark.parametrize("args", [["role", "ml-engineer"], ["path"], ["salary"]])
def test_ctrl_c_at_any_moment(delay: float, args: list[str], tmp_path: Path) -> None:
    """Ctrl-C ``delay`` seconds after the start of mlcareer's own code: under load that is any
    moment of the run (loading, validating, rendering, writing), or after its end."""
    env = dict(
        os.environ, NO_COLOR="1", MLCAREER_HOME=str(tmp_path), MLCAREER_CACHE_DIR=str(tmp_path / "cache")
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=REPO,
    )
    assert proc.stderr is not None
    first = proc.stderr.readline()  # blocks until the child is ready (or has died)
    assert first == f"{READY}\n".encode(), first + proc.stderr.read()
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = watch(proc)
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text and "Exception ignored" not in text, text
    assert "problems in the data" not in text, "an interrupt must not make valid data look broken"
    # -SIGINT: the signal landed as the interpreter was shutting down, its work done and its
    # handlers gone (a shell shows it as 130); what matters is that nothing was printed
    assert proc.returncode in (0, 130, -signal.SIGINT), (proc.returncode, text)


def test_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the old report\n")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, "the new report\n")
    assert target.read_text() == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_failed_write_is_an_error(tmp_path: Path, invoke: Invoke) -> None:
    target = tmp_path / "missing-dir" / "roles.txt"
    result = invoke("roles", "--output", str(target))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "roles.txt"
    old = os.umask(0o022)
    try:
        write_file(target, "x\n")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_an_interrupt_inside_a_critical_section_waits_for_its_end() -> None:
    import signal as signal_module

    from mlcareer import interrupts

    ran_to_the_end = False
    with pytest.raises(KeyboardInterrupt), interrupts.critical():
        interrupts._on_sigint(signal_module.SIGINT, None)  # Ctrl-C arrives mid-way
        ran_to_the_end = True
    assert ran_to_the_end
    with pytest.raises(KeyboardInterrupt):
        interrupts._on_sigint(signal_module.SIGINT, None)  # outside: at once, as usual


@pytest.fixture
def _collector_back() -> Iterator[None]:
    """``__main__.main`` turns the collector off for its run: give it back to the test process."""
    import gc

    yield
    gc.unfreeze()
    gc.enable()


@pytest.mark.usefixtures("_collector_back")
def test_ctrl_c_while_a_class_is_built_is_a_cancel(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python 3.11 wraps an exception raised in ``__set_name__`` (a dataclass being defined as a
    module loads) in a RuntimeError: Ctrl-C there is still a quiet cancel, not a traceback."""
    import mlcareer.cli
    from mlcareer import __main__ as entry

    def interrupted_while_importing() -> None:
        class Field:
            def __set_name__(self, owner: type, name: str) -> None:
                raise KeyboardInterrupt

        class Record:
            value = Field()

    monkeypatch.setattr(mlcareer.cli, "main", interrupted_while_importing)
    with pytest.raises(SystemExit) as stopped:
        entry.main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "\nCancelled.\n"


@pytest.mark.usefixtures("_collector_back")
def test_other_runtime_errors_stay_visible(monkeypatch: pytest.MonkeyPatch) -> None:
    import mlcareer.cli
    from mlcareer import __main__ as entry

    def broken() -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(mlcareer.cli, "main", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        entry.main()
