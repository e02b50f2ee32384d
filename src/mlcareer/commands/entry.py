"""Around every run, however its command line was parsed: its streams, and its end.

``run`` is the one frame of a run: Typer's (``mlcareer.cli.main``) and the fast path's
(``mlcareer.fastrun``). It checks the standard streams before anything is done, and turns the
end of the run (a code, a write that failed, a reader that went away) into one exit code.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import NoReturn

STDOUT_CLOSED = (
    "standard output is closed; mlcareer writes its results there, so it did nothing "
    "(redirect it to /dev/null to discard them)"
)


def run(invoke: Callable[[], None]) -> NoReturn:
    """Run one command line, parsed by ``invoke`` (Typer, or the fast path): exit with its code.

    Standard output that is closed at start is an error (exit 1, nothing done or saved); one
    that fails while writing (a full disk) is reported with exit 1; a reader that goes away
    (``| head``) ends the run quietly with exit 1. Never a traceback.
    """
    import os

    from mlcareer.terminal.console import prepare_streams

    # mlcareer uses no pydantic plugins; looking for them scans every installed package's
    # entry points (about 15 ms a run), and one found would instrument our validation.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    closed = _fill_closed_descriptors()
    if 1 in closed:
        _say(f"Error: {STDOUT_CLOSED}\n")
        raise SystemExit(1)
    from mlcareer.stdout import check_stdout_writes

    check_stdout_writes()  # a short write to stdout is an error, whoever writes (Click's help too)
    prepare_streams()
    code: int | str | None = 0
    try:
        invoke()
    except SystemExit as exc:
        code = exc.code
    except OSError as exc:
        code = _output_failed(exc)
        _drop_stdout()  # what is still buffered goes nowhere, not into a second message
    raise SystemExit(_finish(code))


def _drop_stdout() -> None:
    import os

    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)


def _fill_closed_descriptors() -> set[int]:
    """Put /dev/null on a closed stdin, stdout or stderr, so no file opened later lands there."""
    import os

    closed = set()
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.add(fd)
    for fd in sorted(closed):
        opened = os.open(os.devnull, os.O_RDWR)
        if opened != fd:  # pragma: no cover - the lowest free descriptor is the closed one
            os.dup2(opened, fd)
            os.close(opened)
    return closed


def _say(text: str) -> None:
    import sys

    stream = sys.stderr
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            stream.write(text)
            stream.flush()


def _output_failed(exc: OSError) -> int:
    """A write to stdout failed outside mlcareer's own writes (Click's help, say)."""
    import errno

    if exc.errno not in (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EBADF):
        raise exc
    if exc.errno != errno.EPIPE:
        _say(f"Error: cannot write to standard output: {exc.strerror}\n")
    return 1


def _finish(code: int | str | None) -> int | str | None:
    """Flush stdout; if that fails, say so (unless the reader left) and exit 1."""
    import os
    import sys

    stream = sys.stdout
    if stream is None:
        return code
    try:
        stream.flush()
    except OSError as exc:
        failed = _output_failed(exc)
        code = code if code not in (0, None) else failed
        # What is still buffered would fail again at exit, as "Exception ignored": drop it.
        with contextlib.suppress(OSError, ValueError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, stream.fileno())
            os.close(null)
    except ValueError:  # closed by someone else
        pass
    return code
