"""Standard output, written whole: a short write is an error, never a silent loss.

Python's buffered stdout can drop the tail of a partial write (under a file-size limit, on a
disk that fills) and still exit 0. mlcareer writes its results with ``os.write`` until every
byte is taken (:func:`write_stdout`), and every run puts beneath ``sys.stdout`` a stream that
does the same (:func:`check_stdout_writes`), so what Click, Typer or Rich print is checked too.
Only the standard library's light modules: ``mlcareer --help`` answered before Typer loads
writes through it.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from mlcareer.errors import OutputError


def write_stdout(text: str) -> None:
    """Write to stdout, every byte or an OutputError: a short write is never a silent loss.

    Python's buffered stdout can drop the tail of a partial write (under a file-size limit,
    on a disk that fills) and still exit 0, so the bytes go out with ``os.write`` until all
    are taken. A stream without a descriptor (a test's buffer) is written as a stream.
    """
    stream = sys.stdout
    try:
        fd = stream.fileno()
    except (AttributeError, ValueError, OSError):
        fd = None
    try:
        if fd is None:
            stream.write(text)
            stream.flush()
            return
        stream.flush()  # anything printed before goes first
        data = text.encode(stream.encoding or "utf-8", stream.errors or "strict")
        write_all(fd, data)
    except OSError as exc:
        raise stdout_failed(exc) from None


def write_all(fd: int, data: bytes | memoryview) -> None:
    """Every byte of ``data`` to ``fd``, waiting when it is non-blocking; OSError when it cannot."""
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:  # a non-blocking pipe or terminal that is full: wait, then go on
            import select

            select.select([], [fd], [])
            continue
        if written <= 0:
            raise OSError(errno.EIO, "nothing was written")
        view = view[written:]


class _WholeWrites(io.RawIOBase):
    """A raw stream on a descriptor whose ``write`` takes every byte or raises OSError.

    Under a buffered stdout, a partial write (a file-size limit, a disk that fills) could
    be dropped without an error; with this beneath it, every write Click, Typer or Rich
    makes is checked as mlcareer's own are.
    """

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        write_all(self._fd, view)
        return view.nbytes

    def close(self) -> None:  # the descriptor stays open: it is the process's stdout
        super().close()


def check_stdout_writes() -> None:
    """Put a stdout beneath ``sys.stdout`` whose every write is whole or an error (real runs only)."""
    stream = sys.stdout
    try:
        fd = stream.fileno()
    except (AttributeError, ValueError, OSError):
        return
    buffered = io.BufferedWriter(_WholeWrites(fd))
    sys.stdout = io.TextIOWrapper(
        buffered,
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=bool(stream.line_buffering),
    )


def stdout_failed(exc: OSError) -> OutputError:
    """The error for a failed write to stdout; what is still buffered is dropped, not retried at exit."""
    from mlcareer.errors import OutputError

    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    return OutputError.from_os(exc)
