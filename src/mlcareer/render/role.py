"""The role list (`mlcareer roles`) and a role as JSON; the role page is render/role_page.py."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from mlcareer.careers import RoleView
from mlcareer.choices import Level, Section
from mlcareer.models import Role
from mlcareer.render.common import (
    MUTED,
    wrap,
)
from mlcareer.render.expect import (
    expectation_json,
    expectations_json,
)
from mlcareer.render.markdown import heading, join, md, table
from mlcareer.render.official import role_official_json
from mlcareer.render.salary import figure_json
from mlcareer.text import clean

# The JSON keys that make up each section; id, title, aliases, level and kind always come.
SECTION_KEYS: dict[Section, tuple[str, ...]] = {
    Section.summary: ("summary",),
    Section.level: ("level_info",),
    Section.responsibilities: ("responsibilities",),
    Section.skills: ("skills", "expectations"),
    Section.tools: ("tools",),
    Section.education: ("education",),
    Section.certifications: ("certifications",),
    Section.industries: ("industries", "applications"),
    Section.workplace: ("workplace",),
    Section.outlook: ("outlook",),
    Section.becoming: ("how_to_become", "suits", "team"),
    Section.salary: ("salary",),
    Section.official: ("official",),
    Section.related: ("leads_to", "leads_from", "related", "specialises", "specialisations", "contrasts"),
    Section.sources: ("sources",),
}


def role_json(view: RoleView, only: Section | None = None) -> dict[str, Any]:
    """The role as stable JSON: the data file's fields, with references resolved.

    With ``only``, the identifying fields and that section's fields alone.
    """
    role = _role_json(view)
    if only is None:
        return role
    keep = ("id", "title", "aliases", "level", "kind", *SECTION_KEYS[only])
    return {key: role[key] for key in keep}


def _role_json(view: RoleView) -> dict[str, Any]:
    role = view.role.model_dump(mode="json")
    role["level_info"] = view.level.model_dump(mode="json") if view.level else None
    role["skills"] = [expectation_json(e) for e in view.expectations.items]
    role["expectations"] = expectations_json(view.expectations)
    role["education"] = [c.model_dump(mode="json") for c in view.education]
    role["certifications"] = [c.model_dump(mode="json") for c in view.certifications]
    by_source = {s.id: s for s in view.figure_sources.values()}
    role["salary"] = [figure_json(f, by_source) for f in view.salary]  # as `salary --json` has them
    role["official"] = role_official_json(view.official)  # the occupation's figures, labelled
    role["leads_to"] = [{"role": m.role.id, "move": m.kind} for m in view.leads_to]
    role["leads_from"] = [{"role": m.role.id, "move": m.kind} for m in view.leads_from]
    role["specialisations"] = [r.id for r in view.specialisations]
    role["sources"] = [s.model_dump(mode="json") for s in view.sources]
    return role


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


def roles_json(roles: list[Role]) -> dict[str, Any]:
    return {
        "roles": [
            {
                "id": r.id,
                "title": r.title,
                "aliases": list(r.aliases),
                "level": r.level.value,
                "kind": r.kind,
                "summary": r.summary,
            }
            for r in roles
        ]
    }


def roles_markdown(roles: list[Role]) -> str:
    """All roles, a table per level of the ladder."""
    parts = [heading(1, "Roles")]
    if not roles:
        return join(*parts, "No roles match.\n")
    for level in Level:
        rows = [r for r in roles if r.level == level]
        if rows:
            parts.append(heading(2, f"{level.value.capitalize()} level"))
            parts.append(
                table(
                    ["Role", "Id", "Kind", "Summary"],
                    [[md(r.title), f"`{r.id}`", r.kind, md(r.summary)] for r in rows],
                    escaped=True,
                )
            )
    return join(*parts)
