"""How an option's text becomes its value: one reader per kind of value, free of Typer.

Typer's callbacks (``cli.options``) call these and turn a ``ValueError`` into a usage error
that names the choices. The fast path (``mlcareer.fastrun``) calls the same readers, found by
the name that each callback carries (``READS``), and leaves any value a reader refuses to
Typer, so every error is Typer's own.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from mlcareer.choices import Level, Section, SourceFamily, parse_level, parse_source_family

#: The attribute of a Typer callback (or parser) that names its reader here, with the reader's
#: arguments: recorded with the command line's grammar (``cli.index``) for the fast path.
READS = "mlcareer_reads"


def level(value: str) -> Level:
    """--level: a level in any case, or an alias (junior)."""
    return parse_level(value)


def source(value: str) -> SourceFamily:
    """salary --source: a family of sources in any case, or an alias (bls)."""
    return parse_source_family(value)


CHOICES = {"section": Section}


def choice(value: str, what: str) -> Section:
    """An enum member in any case (``what`` names the enum in ``CHOICES``)."""
    enum = CHOICES[what]
    try:
        return enum(value.casefold())
    except ValueError:
        names = ", ".join(member.value for member in enum)
        raise ValueError(f"unknown {what} {value!r}; choose one of: {names}") from None


def format_name(value: str, *offered: str) -> str:
    """--format in any case, one of the ``offered`` formats of the command."""
    key = value.casefold()
    if key not in offered:
        raise ValueError(f"unknown format {value!r}; this command has: {', '.join(offered)}")
    return key


def output_path(text: str) -> Path:
    """--output FILE as given: ``DIR/`` (a trailing slash) is noted as naming a directory."""
    from mlcareer.files import output_path as noted

    return noted(text)


setattr(output_path, READS, ["output_path"])  # Typer's parser of --output and --report is this


def stdout_dash(value: Path) -> Path | None:
    """--output '-' is standard output (None), as no --output is."""
    return None if str(value) == "-" else value


def answers(value: Path, dir_okay: bool) -> Path:
    """--answers FILE (or, with ``dir_okay``, a folder of them); '-' is standard input.

    One that does not exist is a ``ValueError`` (a usage error); one that cannot be examined
    raises ``MlcareerError`` (exit 1). A file is an input of the run: ``--output`` and
    ``--report`` never write over it (the files of a folder are protected as it is read).
    """
    if str(value) == "-":
        return value
    import os
    import stat

    from mlcareer.files import PathError, examine, protect, shown

    try:
        st = examine(value)
    except PathError as exc:
        if exc.errno == errno.ENOENT and not os.path.islink(value):
            what = "path" if dir_okay else "file"
            raise ValueError(f"{what} {shown(value)!r} does not exist") from None
        raise
    if stat.S_ISDIR(st.st_mode):
        if not dir_okay:
            raise ValueError(f"{shown(value)!r} is a directory; give an answers file")
        return value
    protect(value, "the answers file this run reads")
    return value


#: Every reader by the name a callback records.
READERS: dict[str, Callable[..., object]] = {
    "level": level,
    "source": source,
    "choice": choice,
    "format": format_name,
    "output_path": output_path,
    "stdout_dash": stdout_dash,
    "answers": answers,
}
