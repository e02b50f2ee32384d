"""Shell completion of role and skill ids from the data in use.

Typer calls these while the user presses Tab. They must be quick and must never fail:
with a missing or broken data directory they complete nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from mlcareer.models import Catalog


def _catalog(ctx: typer.Context) -> Catalog | None:
    """The catalog the command would use (--data-dir, MLCAREER_DATA_DIR, shipped), or None."""
    try:
        from mlcareer.catalog import load_catalog, resolve_data_dir

        # While completing, the group callback has not run: read --data-dir from the parsed params.
        given = ctx.find_root().params.get("data_dir")
        return load_catalog(resolve_data_dir(Path(given) if given else None))
    except Exception:  # a broken data directory, or anything else: complete nothing
        return None


def _help(text: str) -> str:
    """A title made safe for a completion menu: one line, printable, no Rich markup."""
    from mlcareer.console import escape_markup as escape

    line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return escape(line[:80])


def complete_role(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Role ids starting with what was typed, each with its title."""
    data = _catalog(ctx)
    if data is None:
        return []
    return [(r.id, _help(r.title)) for r in data.roles if r.id.startswith(incomplete)]


def complete_skill(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Skill ids starting with what was typed, each with its name."""
    data = _catalog(ctx)
    if data is None:
        return []
    return [(s.id, _help(s.name)) for s in data.skills if s.id.startswith(incomplete)]
