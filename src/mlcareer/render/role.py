"""The role list (`mlcareer roles`); the role page is render/role_page.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from mlcareer.choices import Level
from mlcareer.render import view as v
from mlcareer.render.common import (
    MUTED,
    wrap,
)
from mlcareer.text import clean

if TYPE_CHECKING:
    from mlcareer.models import Role

KINDS_NOTE = (
    "specialisation: a kind of ML engineer. The sources give the kinds no level of their own; each is "
    "listed at the level of the role it specialises."
)


def render_roles(roles: list[Role]) -> RenderableType:
    """All roles in a table, grouped by level."""
    if not roles:
        return Text("No roles match.", style=MUTED)
    return RoleList(roles)


class RoleList:
    """The role table, drawn line by line: a Rich Table takes a second for a thousand roles."""

    def __init__(self, roles: list[Role]) -> None:
        self.roles = roles

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        rows = [(clean(r.id), clean(r.title), r.kind, r.level) for r in self.roles]
        id_width = min(max(cell_len(r[0]) for r in [("Role id",), *rows]), max(width // 2, 8))
        kind_width = max(cell_len(r[2]) for r in rows)
        title_width = width - id_width - kind_width - 4
        ident, muted, bold = Style(color="cyan"), Style(dim=True), Style(bold=True)
        group = Style(bold=True, color="magenta")
        stacked = title_width < 12
        if stacked:
            title_width = max(width - 2, 8)
        yield Segment("Role id".ljust(id_width), bold)
        yield Segment("" if stacked else "  " + "Title".ljust(title_width) + "  " + "Kind", bold)
        yield Segment.line()
        current: Level | None = None
        for role_id, title, kind, level in rows:
            if level != current:
                if current is not None:
                    yield Segment.line()
                current = level
                yield Segment(level.value.upper(), group)
                yield Segment.line()
            if stacked:
                yield Segment(role_id, ident)
                yield Segment.line()
                for line in wrap(f"{title} ({kind})", title_width):
                    yield Segment("  " + line)
                    yield Segment.line()
                continue
            lines = wrap(title, title_width)
            pad = " " * max(id_width - cell_len(role_id), 0)
            yield Segment(role_id, ident)
            yield Segment(pad + "  " + lines[0] + " " * (title_width - cell_len(lines[0])) + "  ")
            yield Segment(kind, muted)
            yield Segment.line()
            for line in lines[1:]:
                yield Segment(" " * (id_width + 2) + line)
                yield Segment.line()
        if any(kind == "specialisation" for _, _, kind, _ in rows):
            yield Segment.line()
            for line in wrap(KINDS_NOTE, max(width, 8)):
                yield Segment(line, muted)
                yield Segment.line()


def roles_page(roles: list[Role]) -> v.Page:
    """All roles, a table per level of the ladder.

    The terminal draws its own form of the same rows (``render_roles``): a Rich table takes a
    second for a thousand roles, and ``mlcareer roles`` is the command people run first.
    """
    blocks: list[v.Block] = []
    for level in Level:
        rows = [r for r in roles if r.level == level]
        if rows:
            cells = tuple(
                ((v.line(r.title),), (v.line(v.Span(r.id, "code")),), (v.line(r.kind),), (v.line(r.summary),))
                for r in rows
            )
            table = v.Table(("Role", "Id", "Kind", "Summary"), cells)
            blocks.append(v.Section(f"{level.value.capitalize()} level", (table,)))
    if any(r.kind == "specialisation" for r in roles):
        blocks.append(v.note(KINDS_NOTE))
    return v.Page("Roles", (), tuple(blocks) or (v.para("No roles match."),))
