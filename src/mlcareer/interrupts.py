"""Ctrl-C that cannot corrupt work in progress.

pydantic-core builds validators in Rust and calls back into Python (to compile patterns,
for one). A KeyboardInterrupt raised inside such a callback is reported as "Exception
ignored" and the validator is left broken, so valid data looked invalid. Inside
``critical()`` an interrupt is held back and raised as soon as the section ends.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_depth = 0
_pending = False


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    global _pending
    if _depth:
        _pending = True
        return
    raise KeyboardInterrupt


def install() -> None:
    """Route Ctrl-C through ``critical()``; call once, from the main thread, at start-up."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_sigint)


@contextmanager
def critical() -> Iterator[None]:
    """Hold back Ctrl-C until the block is done, then raise it."""
    global _depth, _pending
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth and _pending:
            _pending = False
            raise KeyboardInterrupt
