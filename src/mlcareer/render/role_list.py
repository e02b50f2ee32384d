"""The role list as the terminal draws it (`mlcareer roles`): line by line, fast for many roles.

Documents draw the same rows from the role list's page (``render.role.roles_page``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from mlcareer.choices import Level
from mlcareer.render.rich_common import MUTED, wrap
from mlcareer.render.role import KINDS_NOTE
from mlcareer.text import clean

if TYPE_CHECKING:
    from mlcareer.domain.shown import RoleList
    from mlcareer.models import Role


def render_roles(roles: list[Role]) -> RenderableType:
    """All roles in a table, grouped by level."""
    if not roles:
        return Text("No roles match.", style=MUTED)
    return RoleLines(roles)


class RoleLines:
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


def role_list_text(shown: RoleList) -> RenderableType:
    """`mlcareer roles` in the terminal: the fast list."""
    return render_roles(shown.roles)
