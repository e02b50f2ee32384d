"""Shell completion of role and skill ids from the data in use.

Typer calls these while the user presses Tab. They must be quick and must never fail:
with a missing or broken data directory they complete nothing. Most Tab presses never get
here: ``mlcareer.fastcomplete`` answers them from an index of ids before Typer loads, and
this is the fallback that (re)writes that index and the grammar (``cli.index``, which full
runs call too). Every command's options name these functions, so this module imports
nothing more until a Tab press calls one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from mlcareer.models import Catalog


def help_line(text: str) -> str:
    """A title made safe for Typer's completion help, which reads Rich markup."""
    from mlcareer.commands.catalog import one_line
    from mlcareer.terminal.console import escape_markup

    return escape_markup(one_line(text))


def _catalog(ctx: typer.Context) -> Catalog | None:
    """The catalog the command would use (--data-dir, MLCAREER_DATA_DIR, shipped), or None."""
    try:
        from mlcareer.pack import cache
        from mlcareer.pack.catalog import RawDirectory, load_catalog, read_directory, resolve_data_dir
        from mlcareer.pack.fastindex import read_grammar, read_index

        # While completing, the group callback has not run: read --data-dir from the parsed params.
        given = ctx.find_root().params.get("data_dir")
        directory = resolve_data_dir(Path(given) if given else None)
        catalog = load_catalog(directory)
    except Exception:  # a broken data directory, or anything else: complete nothing
        return None
    try:
        if read_index(str(directory)) is None or read_grammar() is None:
            from mlcareer.cli.index import record_index

            raw = read_directory(directory)
            key = cache.key(raw.extras, raw.files) if isinstance(raw, RawDirectory) else None
            if key is not None:
                record_index(directory, key, catalog, ctx.find_root().command)
    except Exception:  # only a missed speed-up for the next Tab press
        pass
    return catalog


def complete_role(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Role ids starting with what was typed, each with its title."""
    data = _catalog(ctx)
    if data is None:
        return []
    return [(r.id, help_line(r.title)) for r in data.roles if r.id.startswith(incomplete)]


def complete_skill(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Skill ids starting with what was typed, each with its name."""
    data = _catalog(ctx)
    if data is None:
        return []
    return [(s.id, help_line(s.name)) for s in data.skills if s.id.startswith(incomplete)]
