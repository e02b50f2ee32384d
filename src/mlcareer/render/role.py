"""The page of the role list (`mlcareer roles`); the terminal draws its own (render/role_list.py), and
the role page is render/role_page.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.choices import Level
from mlcareer.render import view as v

if TYPE_CHECKING:
    from mlcareer.domain.shown import RoleList

if TYPE_CHECKING:
    from mlcareer.models import Role

KINDS_NOTE = (
    "specialisation: a kind of ML engineer. The sources give the kinds no level of their own; each is "
    "listed at the level of the role it specialises."
)


def roles_page(roles: list[Role]) -> v.Page:
    """All roles, a table per level of the ladder.

    The terminal draws its own form of the same rows (``role_list.render_roles``): a Rich table takes a
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


def role_list_page(shown: RoleList) -> v.Page:
    return roles_page(shown.roles)
