"""The stdout and stderr consoles: one of each per process, for the environment of the moment.

Rich is imported only when a console is made: `--help` and `--version` never need it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.pager import Pager


def is_utf(stream: object) -> bool:
    """Whether a stream takes UTF-8 (so any character can be written to it)."""
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


def out() -> Console:
    """Results go here."""
    return _console(stderr=False)


def err() -> Console:
    """Errors and notices go here."""
    return _console(stderr=True)


# One console per stream for the process. A console settles its width, colours and terminal
# when it is made, so it is made again only when the stream or the environment it was made
# for has changed (a test harness swaps both between runs; a real process never does).
_held: dict[bool, tuple[object, frozenset[tuple[str, str]], Console]] = {}


def _console(stderr: bool) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    environ = frozenset(os.environ.items())
    held = _held.get(stderr)
    if held is not None and held[0] is stream and held[1] == environ:
        return held[2]
    if stderr:
        console = Console(stderr=True, highlight=False, emoji=False, markup=False)
    else:
        console = Console(highlight=False, emoji=False, markup=False, soft_wrap=False)
    _held[stderr] = (stream, environ, console)
    return console


def prepare_streams() -> None:
    """Never crash on a character the terminal's encoding cannot show."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not is_utf(stream):
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors="replace")


def show(renderable: object, paged: bool = False) -> None:
    """Print one result on stdout; into a pipe or a file, without Rich's padding spaces.

    With ``paged`` (the caller decided stdout is a terminal that may page), through the pager.
    """
    console = out()
    command = pager_command() if paged else None
    try:
        if command is not None:
            with console.pager(pager=_command_pager(command), styles=True):
                console.print(renderable)
            return
        if console.is_terminal:
            console.print(renderable)
            return
        with console.capture() as captured:
            console.print(renderable)
        console.file.write(_rstrip_lines(captured.get()))
        console.file.flush()
    except OSError as exc:
        from mlcareer.files import stdout_failed

        raise stdout_failed(exc) from None


def page_text(body: str) -> None:
    """Plain text (Markdown, Mermaid) on stdout, through the pager when there is one."""
    command = pager_command()
    if command is None or not run_pager(command, body):
        from mlcareer.files import write_stdout

        write_stdout(body)


# ---------------------------------------------------------------- the pager

DEFAULT_PAGER = "less -FRX"


def wants_pager() -> bool:
    """Whether stdout is a terminal that a pager can take over (not a pipe, a file or TERM=dumb)."""
    import os

    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return os.isatty(sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):  # a test's buffer, a closed stream
        return False


def pager_command() -> list[str] | None:
    """The pager to run: $MLCAREER_PAGER, else $PAGER, else less -FRX; None for none (empty, cat)."""
    import os
    import shlex

    value = os.environ.get("MLCAREER_PAGER")
    if value is None:
        value = os.environ.get("PAGER")
    if value is None:
        value = DEFAULT_PAGER
    try:
        argv = shlex.split(value)
    except ValueError:  # unbalanced quotes: page nothing rather than guess
        return None
    if not argv or argv == ["cat"]:
        return None
    return argv


def run_pager(argv: list[str], body: str) -> bool:
    """Show ``body`` in the pager ``argv``; False when it could not start or failed (print it then).

    Quitting the pager before the end is not a failure. Ctrl-C belongs to the pager while it
    runs, as with git: less uses it to stop a search, and mlcareer must not die under it.
    """
    import os
    import signal
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git does: colour, and no paging for what fits
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    try:
        child = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        return False
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread: keep the handler
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert child.stdin is not None
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        with contextlib.suppress(BrokenPipeError):  # the pager was quit before it read everything
            child.stdin.write(body.encode(encoding, errors="replace"))
        with contextlib.suppress(BrokenPipeError):
            child.stdin.close()
        status = child.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return status == 0


def _command_pager(argv: list[str]) -> Pager:
    """A Rich pager that runs ``argv``, and prints plainly if it cannot."""
    from rich.pager import Pager

    class CommandPager(Pager):
        def show(self, content: str) -> None:
            if not run_pager(argv, content):
                sys.stdout.write(content)
                sys.stdout.flush()

    return CommandPager()


def _rstrip_lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n"))


def error(message: str, details: list[str] | None = None) -> None:
    """'Error: message' on stderr, then any detail lines indented beneath it.

    Messages quote input (file names, keys, answers): control characters in them are shown
    as visible escapes, as on stdout, so no ESC or NUL reaches the terminal.
    """
    from rich.text import Text

    from mlcareer.text import clean, clean_line

    console = err()
    with _quiet_stderr():
        console.print(Text.assemble(("Error: ", "bold red"), clean(message)), soft_wrap=True)
        for line in details or []:
            console.print(Text("  " + clean_line(line)), soft_wrap=True)


def notice(message: str, dim: bool = True, wrap: bool = False) -> None:
    """A notice on stderr, never mixed into results; ``wrap``: at the terminal's width, between words."""
    from rich.text import Text

    from mlcareer.text import clean

    with _quiet_stderr():
        err().print(Text(clean(message), style="dim" if dim else ""), soft_wrap=not wrap)


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """A message that cannot be written (stderr closed or full) is lost, not a traceback."""
    with contextlib.suppress(OSError, ValueError):
        yield


def plain_text(renderable: object, width: int = 100) -> str:
    """A renderable as uncoloured text, for a file."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False).print(renderable)
    return _rstrip_lines(buffer.getvalue())


def escape_markup(text: str) -> str:
    """Text made safe for a place that reads Rich markup (Typer's completion help)."""
    from rich.markup import escape

    return escape(text)
