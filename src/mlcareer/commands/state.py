"""The global options of a run (``--data-dir``, ``--no-pager``): the one place they are kept.

Set by whoever parsed the command line (the Typer group's callback, ``cli.app._main``, or the
fast path, ``mlcareer.fastrun``) and read by any code of the run through ``state()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path


class State:
    """The global options of this run (a plain class: no dataclass machinery to import for it)."""

    __slots__ = ("data_dir", "pager")

    def __init__(self, data_dir: Path | None = None, pager: bool = True) -> None:
        self.data_dir = data_dir
        self.pager = pager

    def __repr__(self) -> str:
        return f"State(data_dir={self.data_dir!r}, pager={self.pager!r})"


_state: ContextVar[State] = ContextVar("mlcareer_state")


def state() -> State:
    """The global options of the run in progress (defaults outside one)."""
    return _state.get(State())


@contextmanager
def fresh_state() -> Iterator[State]:
    """One run's options; a test's next run starts afresh."""
    token = _state.set(State())
    try:
        yield _state.get()
    finally:
        _state.reset(token)


def apply(data_dir: Path | None, no_pager: bool) -> None:
    """Keep the program's own options (the group's: ``--data-dir``, ``--no-pager``) for the run."""
    current = state()
    current.data_dir = data_dir
    current.pager = not no_pager
