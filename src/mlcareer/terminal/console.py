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
    width = sane_width(stream)
    if stderr:
        console = Console(stderr=True, highlight=False, emoji=False, markup=False, width=width)
    else:
        console = Console(highlight=False, emoji=False, markup=False, soft_wrap=False, width=width)
    _held[stderr] = (stream, environ, console)
    return console


#: The narrowest and widest a result is drawn: COLUMNS outside them is a mistake, not a wish.
MIN_WIDTH = 20
MAX_WIDTH = 1000


def sane_width(stream: object) -> int | None:
    """The width to draw at when $COLUMNS is unusable (0, negative, absurd, not a number).

    None leaves it to Rich (a sane COLUMNS, else the terminal's width, else 80). COLUMNS=0
    drew nothing at all; a huge value, lines of a million characters.
    """
    raw = os.environ.get("COLUMNS")
    if raw is None:
        return None
    try:
        columns = int(raw.strip())
    except ValueError:
        columns = 0
    if MIN_WIDTH <= columns <= MAX_WIDTH:
        return None
    if columns > MAX_WIDTH:
        return MAX_WIDTH
    if columns > 0:
        return MIN_WIDTH
    try:
        terminal = os.get_terminal_size(stream.fileno()).columns  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        terminal = 0
    return terminal if MIN_WIDTH <= terminal <= MAX_WIDTH else 80


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
    The result is drawn whole first, then written with :func:`mlcareer.stdout.write_stdout`,
    so a short write is an error (exit 1), as for every other format.
    """
    from mlcareer.stdout import stdout_failed, write_stdout

    console = out()
    try:
        with console.capture() as captured:  # Rich flushes stdout when a capture ends
            console.print(renderable)
    except OSError as exc:
        raise stdout_failed(exc) from None
    text = captured.get()
    if not console.is_terminal:
        text = _rstrip_lines(text)
    if paged:
        page_text(text)
        return
    write_stdout(text)


def page_text(body: str) -> None:
    """Text on stdout, through the pager when there is one (printed directly if it cannot start)."""
    command = pager_command()
    if command is None or not run_pager(command, body):
        from mlcareer.stdout import write_stdout

        write_stdout(body)


# ---------------------------------------------------------------- the pager
#
# $MLCAREER_PAGER or $PAGER is split into words as a shell would (quotes, backslashes,
# $VAR and ${VAR}, a leading ~) and run without a shell, as gh does: nothing in it is ever
# run as shell code. git runs its pager with `sh -c`; for a value that needs a shell (a
# pipe, `;`), write a small script and name it.

DEFAULT_PAGER = "less -FRX"


def wants_pager() -> bool:
    """Whether stdout is a terminal that a pager can take over (not a pipe, a file or TERM=dumb)."""
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return os.isatty(sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):  # a test's buffer, a closed stream
        return False


def pager_command() -> list[str] | None:
    """The pager to run: $MLCAREER_PAGER, else $PAGER, else less -FRX; None for none (empty, cat)."""
    import shlex

    value = os.environ.get("MLCAREER_PAGER")
    if value is None:
        value = os.environ.get("PAGER")
    if value is None:
        value = DEFAULT_PAGER
    try:
        argv = shlex.split(_expand_vars(value))
    except ValueError:  # unbalanced quotes: page nothing rather than guess
        notice(f"the pager {value!r} cannot be read (unbalanced quotes); printing directly")
        return None
    if not argv or argv == ["cat"]:
        return None
    return [_expand_home(word) for word in argv]


def _expand_vars(value: str) -> str:
    """$NAME and ${NAME} replaced by the variable (empty when unset), as sh does; not inside '...'."""
    import re

    name = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
    out: list[str] = []
    i, quote = 0, ""
    while i < len(value):
        ch = value[i]
        if quote == "'":
            quote = "" if ch == "'" else quote
        elif ch == "\\" and i + 1 < len(value):
            out.append(value[i : i + 2])  # kept for shlex, which reads the escape
            i += 2
            continue
        elif ch == "$":
            found = name.match(value, i)
            if found:
                out.append(os.environ.get(found.group(1) or found.group(2), ""))
                i = found.end()
                continue
        elif ch in "'\"" and not quote:
            quote = ch
        elif ch == quote:
            quote = ""
        out.append(ch)
        i += 1
    return "".join(out)


def _expand_home(word: str) -> str:
    """``~`` and ``~/x`` (and ``~user/x``) as the shell expands them at the start of a word."""
    if not word.startswith("~"):
        return word
    from mlcareer.files import expand_user

    expanded = expand_user(word)
    return word if expanded is None else str(expanded)


def run_pager(argv: list[str], body: str) -> bool:
    """Show ``body`` in the pager ``argv``; False when it could not start (print it then).

    Quitting the pager before the end is not a failure. A pager that started and then failed
    (a non-zero exit) has shown some of the output, or none: printing it again could show it
    twice, so that is an OutputError (exit 1) instead. Ctrl-C belongs to the pager while it
    runs, as with git: less uses it to stop a search, and mlcareer must not die under it.
    """
    import signal
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git does: colour, and no paging for what fits
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    try:
        child = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        notice(f"cannot run the pager {argv[0]!r}: {reason}; printing directly")
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
    if status == 0 or status in (-signal.SIGINT, -signal.SIGPIPE):  # quit, or stopped with a key
        return True
    from mlcareer.errors import OutputError

    how = f"was killed by signal {-status}" if status < 0 else f"exited with status {status}"
    raise OutputError(
        f"the pager {argv[0]!r} {how}; the output is not printed again "
        "(--no-pager, or MLCAREER_PAGER=cat, prints it directly)"
    )


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
