"""The catalog of a run, and the completion index that a run which built it writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.commands.state import state

if TYPE_CHECKING:
    from pathlib import Path

    from mlcareer.models import Catalog


def catalog() -> Catalog:
    """The validated data for this run (``--data-dir``, MLCAREER_DATA_DIR, else the shipped data).

    A run that built it (no usable cache) also writes Tab completion's index of it; the command
    layer then records the grammar beside it (``cli.app``, after the command: ``built()``).
    """
    from mlcareer.pack.catalog import load, resolve_data_dir

    directory = resolve_data_dir(state().data_dir)
    loaded = load(directory)  # one load per directory and process: later calls return the first
    if loaded.built and loaded.key is not None and (directory, loaded.key) not in _INDEXED:
        _INDEXED.add((directory, loaded.key))
        write_index(directory, loaded.key, loaded.catalog)
    return loaded.catalog


_INDEXED: set[tuple[Path, str]] = set()  # the catalogs this process built and indexed


def built() -> int:
    """How many catalogs this process has built and indexed: grows in a run that built one."""
    return len(_INDEXED)


def one_line(text: str) -> str:
    """A title as a completion menu shows it: one line, printable, at most 80 characters."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())[:80]


def write_index(directory: Path, key: str, catalog: Catalog) -> None:
    """Write the index Tab completion answers from (``mlcareer.fastcomplete``) for this data.

    The titles are stored unescaped: the fast path answers only with help made of characters
    that Rich's markup leaves alone, so a run that writes the index needs no Rich.
    """
    from mlcareer.pack.fastindex import write_index as write

    roles = [(r.id, one_line(r.title)) for r in catalog.roles]
    skills = [(s.id, one_line(s.name)) for s in catalog.skills]
    write(directory, key, {"role": roles, "skill": skills})
