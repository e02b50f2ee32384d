"""Rendering of one role's full page (`mlcareer role`) and the role list."""

from __future__ import annotations

from collections.abc import Callable, Collection

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from mlcareer.careers import Move, RoleView
from mlcareer.choices import SECTION_TITLES, Level, Section
from mlcareer.expectations import Expectation
from mlcareer.models import Credential, Quoted, Role, Source
from mlcareer.render.common import (
    MUTED,
    Fit,
    bullets,
    comma_list,
    dot,
    literal,
    no_data,
    section,
    source_label,
    wrap,
)
from mlcareer.render.expect import (
    basis_counts,
    basis_text,
    grade_text,
    reading_words,
    wording_note,
)
from mlcareer.render.official import role_official
from mlcareer.render.salary import role_salary
from mlcareer.text import clean


def level_text(role: Role) -> str:
    """'mid level', or for a specialisation where that level comes from."""
    if role.kind == "specialisation" and role.specialises:
        return f"{role.level.value} level, as the {role.specialises} it specialises (no level in the sources)"
    return f"{role.level.value} level"


def _role_ref(role: Role) -> Text:
    return literal(role.title).append(f"  ({role.id}, {role.level.value})", style=MUTED)


class SkillsTable:
    """Expectations with what they rest on: a table when wide, a stacked list when narrow."""

    def __init__(self, items: list[Expectation], basis: bool = True) -> None:
        self.items = items
        self.basis = basis

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.items:
            yield no_data()
            return
        if self.basis or options.max_width < 72:
            for exp in self.items:
                yield Text.assemble(
                    literal(exp.skill.name, "bold"), "  ", grade_text(exp, options.ascii_only)
                )
                if self.basis:
                    yield Padding(basis_text(exp), (0, 0, 0, 2))
            return
        table = Table(box=None, header_style="bold", pad_edge=False, show_lines=self.basis)
        table.add_column("Skill", min_width=12, max_width=24 if self.basis else 40)
        table.add_column("Expects", no_wrap=True)
        if self.basis:
            table.add_column("On what it rests", ratio=1)
        for exp in self.items:
            row: list[RenderableType] = [literal(exp.skill.name), grade_text(exp, options.ascii_only)]
            if self.basis:
                row.append(basis_text(exp))
            table.add_row(*row)
        yield table


def skills_table(items: list[Expectation], basis: bool = True) -> RenderableType:
    return SkillsTable(list(items), basis)


def _skills(view: RoleView) -> RenderableType:
    exps = view.expectations
    if not exps.items:
        return Text("The sources name no skill for this role, so there is nothing to measure against.", MUTED)
    parts: list[RenderableType] = [skills_table(list(exps.items)), Text(basis_counts(exps), style=MUTED)]
    if exps.values:
        parts.append(Text(""))
        parts.append(Text("What the profession values (profession-wide, not this role's bar)", style="bold"))
        parts.append(bullets(reading_words(r) for r in exps.values))
    parts.append(Text(wording_note(exps), style=MUTED))
    return Group(*parts)


def _quoted(items: list[Quoted]) -> RenderableType:
    return bullets(literal(q.text).append(f"  [{q.source}]", MUTED) for q in items)


def _level(view: RoleView) -> RenderableType:
    role, info = view.role, view.level
    parts: list[RenderableType] = [Text.assemble(("Level: ", "bold"), literal(level_text(role)))]
    if info is None:
        parts.append(no_data())
        return Group(*parts)
    if role.kind == "specialisation":
        parts.append(Text("The level's requirements, as for the role this kind specialises:", style=MUTED))
    if info.summary:
        parts.append(literal(info.summary))
    if info.requirements:
        parts.append(_quoted(list(info.requirements)))
    else:
        parts.append(Text("The sources state no requirements for this level.", style=MUTED))
    return Group(*parts)


def _becoming(view: RoleView) -> RenderableType:
    role = view.role
    rows = [("How to become one", role.how_to_become), ("Who it suits", role.suits), ("In a team", role.team)]
    parts: list[RenderableType] = []
    for label, items in rows:
        if items:
            parts.append(Text(label, style="bold"))
            parts.append(_quoted(list(items)))
    return Group(*parts) if parts else Text("The sources do not say.", style=MUTED)


def _salary(view: RoleView) -> RenderableType:
    return role_salary(view.salary, view.figure_sources)


def _responsibilities(view: RoleView) -> RenderableType:
    groups = view.role.responsibilities
    if not groups:
        return no_data()
    parts: list[RenderableType] = []
    for group in groups:
        parts.append(literal(group.group, "bold"))
        parts.append(
            bullets(literal(i.text).append(f"  [{', '.join(i.sources)}]", MUTED) for i in group.items)
        )
    return Group(*parts)


def _credentials(creds: list[Credential]) -> RenderableType:
    if not creds:
        return Text("The sources do not say.", style=MUTED)
    return bullets(
        literal(c.name, "bold").append(literal(f": {c.description}" if c.description else "")) for c in creds
    )


def _industries(view: RoleView) -> RenderableType:
    role = view.role
    if not role.industries and not role.applications:
        return no_data()
    return Group(
        Text.assemble(("Industries: ", "bold"), comma_list(role.industries)),
        Text.assemble(("Applications: ", "bold"), comma_list(role.applications)),
    )


MOVE_LABELS = {
    "advance": "Advance to the next level: any of its roles",
    "specialisation": "Specialise as a kind of ML engineer (mlcareer's reading of the sources' types)",
}
FROM_LABELS = {
    "advance": "Reached by advancing from the level below",
    "specialisation": "A kind of this role: reached by specialising as",
}


def moves_by_kind(moves: list[Move], labels: dict[str, str]) -> list[tuple[str, list[Role]]]:
    return [(label, [m.role for m in moves if m.kind == kind]) for kind, label in labels.items()]


def _related(view: RoleView) -> RenderableType:
    rows: list[tuple[str, list[Role]]] = [
        *moves_by_kind(view.leads_to, MOVE_LABELS),
        *moves_by_kind(view.leads_from, FROM_LABELS),
        ("Related", view.related),
    ]
    parts: list[RenderableType] = []
    for label, roles in rows:
        if roles:
            parts.append(Text(label, style="bold"))
            parts.append(bullets(_role_ref(r) for r in roles))
    if view.level is not None and view.level.advance is not None and view.leads_from:
        parts.append(
            Text.assemble(("The move up rests on: ", MUTED), literal(f'"{view.level.advance.quote}"', MUTED))
        )
    if view.contrasts:
        parts.append(Text("How it differs", style="bold"))
        parts.append(
            bullets(
                literal(f"From {other.title}: {c.text}").append(f"  [{c.source}]", MUTED)
                for c, other in view.contrasts
            )
        )
    if not view.leads_to and view.role.kind == "ladder":
        parts.append(Text("The top of the ladder: the sources name no level above it.", style=MUTED))
    return Group(*parts) if parts else no_data()


def _sources(sources: list[Source]) -> RenderableType:
    return bullets(source_label(s) for s in sources)


_BUILDERS: dict[Section, Callable[[RoleView], RenderableType]] = {
    Section.summary: lambda v: literal(v.role.summary),
    Section.level: _level,
    Section.responsibilities: _responsibilities,
    Section.skills: _skills,
    Section.tools: lambda v: comma_list(v.role.tools),
    Section.education: lambda v: _credentials(v.education),
    Section.certifications: lambda v: _credentials(v.certifications),
    Section.industries: _industries,
    Section.workplace: lambda v: bullets(v.role.workplace),
    Section.outlook: lambda v: bullets(v.role.outlook),
    Section.becoming: _becoming,
    Section.salary: _salary,
    Section.official: lambda v: role_official(v.official),
    Section.related: _related,
    Section.sources: lambda v: _sources(v.sources),
}


def render_role(
    view: RoleView, only: Section | None = None, sections: Collection[Section] | None = None
) -> RenderableType:
    """The whole role, one section of it (``only``), or some sections (``sections``)."""
    role = view.role
    title = literal(role.title, "bold")
    kind = "kind of ML engineer" if role.kind == "specialisation" else "career ladder role"
    meta = Fit(lambda _, ascii_only: Text(dot(ascii_only).join((role.id, level_text(role), kind)), MUTED))
    aliases = Text.assemble(("Also known as: ", MUTED), literal(", ".join(role.aliases)))
    parts: list[RenderableType] = [title, meta]
    if role.aliases:
        parts.append(aliases)
    parts.append(Text(""))
    for key, build in _BUILDERS.items():
        if key == only if only is not None else sections is None or key in sections:
            parts.append(section(SECTION_TITLES[key], build(view)))
    return Group(*parts)


# ---------------------------------------------------------------- the overview (`role` without --full)
# What `mlcareer role ROLE` shows by default, to fit a screen: these sections, each in a short
# form; --full shows every section whole, --section one. Markdown and JSON are always complete.


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
