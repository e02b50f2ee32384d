"""The stdout and stderr consoles, made inside each command so the environment of the moment rules.

Rich is imported only when a console is made: `--help` and `--version` never need it.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def _is_utf(stream: object) -> bool:
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
        if reconfigure is not None and not _is_utf(stream):
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors="replace")
