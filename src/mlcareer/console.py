"""The stdout and stderr consoles, made inside each command so the environment of the moment rules.

Rich is imported only when a console is made: `--help` and `--version` never need it.
"""

from __future__ import annotations

import contextlib
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
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False, soft_wrap=False)


def err() -> Console:
    """Errors and notices go here."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False, markup=False)


def prepare_streams() -> None:
    """Never crash on a character the terminal's encoding cannot show."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not is_utf(stream):
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors="replace")


def show(renderable: object) -> None:
    """Print one result on stdout; into a pipe or a file, without Rich's padding spaces."""
    console = out()
    try:
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


def notice(message: str, dim: bool = True) -> None:
    """A one-line notice on stderr, never mixed into results."""
    from rich.text import Text

    from mlcareer.text import clean

    with _quiet_stderr():
        err().print(Text(clean(message), style="dim" if dim else ""), soft_wrap=True)


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
