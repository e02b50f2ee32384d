"""Child processes and time limits that do not depend on how busy the machine is.

``run`` is ``subprocess.run`` with hang detection by progress: a child is hung only when it
(and every process it started) has used no CPU and has not been waiting for a CPU for
``IDLE`` seconds; a child that is computing or queued on a busy machine is never killed.
``cpu_seconds`` measures the work a block did (CPU time of this process and of the children
it waited for), which stays about the same when other programs load the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

#: Seconds without progress before a child counts as hung.
IDLE = 60.0
#: Seconds before even a busy child is stopped (an endless loop is a hang too).
LIMIT = 600.0
_POLL = 0.5
_PROC = Path("/proc")

Arg = str | bytes | os.PathLike[str] | os.PathLike[bytes]


def cpu_share() -> int:
    """How many processes a test may run at once: its share of this machine's CPUs.

    Under pytest-xdist each worker gets an equal part; a parallel sweep never queues more
    processes than there are CPUs, which on a busy machine only adds switching.
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    return max(1, cpus // max(1, workers))


def _descendants(pid: int) -> list[int]:
    found = [pid]
    for parent in found:  # grows as it goes: a breadth-first walk of the tree
        try:
            tasks = list((_PROC / str(parent) / "task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                found += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def progress(pid: int) -> tuple[int, bool]:
    """CPU ticks used so far by ``pid`` and its descendants, and whether any is running or queued."""
    ticks, runnable = 0, False
    for each in _descendants(pid):
        try:
            stat = (_PROC / str(each) / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # the command name may hold spaces
        runnable = runnable or fields[0] == "R"
        ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks, runnable


def watch(
    proc: subprocess.Popen[Any], input: str | bytes | None = None, idle: float = IDLE
) -> tuple[Any, Any]:
    """``proc.communicate(input)``, killing ``proc`` when it stops making progress.

    Raises ``subprocess.TimeoutExpired`` (with what it printed) for a hung child.
    """
    last, quiet_since, started = (-1, False), time.monotonic(), time.monotonic()
    while True:
        try:
            return proc.communicate(input, timeout=_POLL)
        except subprocess.TimeoutExpired:
            pass
        now = time.monotonic()
        if _PROC.is_dir():
            state = progress(proc.pid)
            if state[1] or state[0] != last[0]:
                quiet_since = now
            last = state
        hung = now - quiet_since > idle or now - started > LIMIT
        if hung:
            proc.kill()
            out, err = proc.communicate()
            raise subprocess.TimeoutExpired(proc.args, now - started, out, err)


def run(
    argv: Sequence[Arg],
    *,
    input: str | bytes | None = None,
    capture_output: bool = False,
    stdin: int | IO[Any] | None = None,
    stdout: int | IO[Any] | None = None,
    stderr: int | IO[Any] | None = None,
    text: bool = False,
    idle: float = IDLE,
    **popen: Any,
) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run`` whose only limit is lack of progress (``watch``); stdin defaults to /dev/null."""
    if capture_output:
        stdout = stderr = subprocess.PIPE
    if input is not None:
        stdin = subprocess.PIPE
    elif stdin is None:
        stdin = subprocess.DEVNULL
    with subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=stderr, text=text, **popen) as proc:
        out, err = watch(proc, input, idle)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@dataclass
class Spent:
    """CPU seconds a ``cpu_seconds`` block used; ``seconds`` is set when the block ends."""

    seconds: float = 0.0


def _cpu_now() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def cpu_seconds() -> Iterator[Spent]:
    """Measure the CPU time of the block, its waited-for children included: work, not waiting.

    Threads of this process that run meanwhile count too; the tests that use it run alone.
    """
    spent = Spent()
    before = _cpu_now()
    try:
        yield spent
    finally:
        spent.seconds = _cpu_now() - before
