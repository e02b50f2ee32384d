"""Rendering of one role (`mlcareer role`), the role list and a comparison."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from mlcareer.careers import Comparison, Move, RoleView
from mlcareer.choices import SECTION_TITLES, Level, Section
from mlcareer.expectations import Expectation
from mlcareer.models import Credential, Quoted, Role, Source
from mlcareer.render.common import (
    MUTED,
    Fit,
    bullets,
    comma_list,
    dot,
    figure_amount,
    literal,
    no_data,
    section,
    source_label,
    wrap,
)
from mlcareer.render.expect import (
    basis_counts,
    basis_text,
    expectation_json,
    expectations_json,
    grade_text,
    reading_words,
    wording_note,
)
from mlcareer.render.official import role_official, role_official_json
from mlcareer.render.salary import figure_json, role_salary
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


def _overview_responsibilities(view: RoleView) -> RenderableType:
    groups = view.role.responsibilities
    if not groups:
        return no_data()
    return literal("; ".join(f"{g.group} ({len(g.items)})" for g in groups))


def _overview_skills(view: RoleView) -> RenderableType:
    items = view.expectations.items
    if not items:
        return _skills(view)
    graded = [e for e in items if e.state == "expected"]
    named = [e.skill.name for e in items if e.state == "mentioned"]
    parts: list[RenderableType] = [skills_table(graded, basis=False)] if graded else []
    if len(named) > 3:  # a long list would push the rest off the screen: --section skills has it
        how = "scored at the data pack's default" if view.expectations.default_reason else "not scored"
        parts.append(Text(f"and {len(named)} skills named without a grade ({how})", style=MUTED))
    elif named:
        how = "scored at the data pack's default" if view.expectations.default_reason else "not scored"
        parts.append(Text.assemble((f"Named without a grade ({how}): ", MUTED), literal(", ".join(named))))
    parts.append(Text(OVERVIEW_READING_NOTE, style=MUTED))
    return Group(*parts)


OVERVIEW_READING_NOTE = (
    "Expects: read from the sources' wording on mlcareer's 0-4 scale; "
    "--section skills shows on what each grade rests."
)


def _overview_salary(view: RoleView) -> RenderableType:
    from mlcareer.render.official import pay_text

    own = [f for f in view.salary if f.level == view.role.level] or view.salary[:1]
    parts: list[RenderableType] = []
    if own:
        figure = own[0]
        source = view.figure_sources.get(figure.id)
        where = f"{figure.level.value} level, " if figure.level else ""
        cited = f"; {source.title}" if source else ""
        parts.append(
            Text.assemble(
                (f"{figure_amount(figure)} per {figure.period}", "bold"),
                literal(f"  ({where}{figure.region or 'region not stated'}{cited})", MUTED),
            )
        )
    for placed in view.official:
        occupation = placed.occupation
        if occupation.pay:
            pay = occupation.pay[0]
            line = f"{occupation.agency}, not this role's own: {occupation.title}, {pay_text(pay)}"
            parts.append(literal(f"{line} ({pay.reference})", MUTED))
    return Group(*parts) if parts else no_data()


def _overview_related(view: RoleView) -> RenderableType:
    up = [m.role for m in view.leads_to if m.kind == "advance"]
    rows = [
        ("Advance to the next level", up),
        ("Specialises", [view.specialises] if view.specialises else []),
    ]
    parts: list[RenderableType] = [
        Text.assemble((f"{label}: ", "bold"), literal(", ".join(r.title for r in roles)))
        for label, roles in rows
        if roles
    ]
    if view.specialisations:
        parts.append(Text.assemble(("Specialise as: ", "bold"), f"{len(view.specialisations)} kinds"))
    return Group(*parts) if parts else no_data()


def _overview_level(view: RoleView) -> RenderableType:
    info = view.level
    line = Text.assemble(("Level: ", "bold"), literal(level_text(view.role)))
    if info is None or not info.requirements:
        return line
    return Group(line, bullets(literal(q.text) for q in info.requirements))


OVERVIEW: dict[Section, Callable[[RoleView], RenderableType]] = {
    Section.summary: _BUILDERS[Section.summary],
    Section.level: _overview_level,
    Section.responsibilities: _overview_responsibilities,
    Section.skills: _overview_skills,
    Section.salary: _overview_salary,
    Section.related: _overview_related,
}


def render_overview(view: RoleView) -> RenderableType:
    """The overview of a role, ending with how to see the rest."""
    full = render_role(view, sections=())
    more = Text.assemble(
        "More: ",
        ("--full", "bold"),
        " for every section, or ",
        ("--section NAME", "bold"),
        " for one of: ",
        ", ".join(s.value for s in Section),
        ".",
        style=MUTED,
    )
    parts = [section(SECTION_TITLES[key], build(view)) for key, build in OVERVIEW.items()]
    return Group(full, *parts, more)


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


# Below this width two roles side by side break words inside ("entry-leve|l"): stack them instead.
_COMPARE_NARROW = 60


def render_comparison(cmp: Comparison) -> RenderableType:
    """Two roles side by side: facts, then skills; one above the other on a narrow terminal."""
    a, b = cmp.left, cmp.right

    def money_lines(view: RoleView) -> Text:
        if not view.salary:
            return no_data()
        return Text("\n").join(
            Text(f"{(f.level.value + ': ') if f.level else ''}{figure_amount(f)}") for f in view.salary
        )

    rows: list[tuple[str, RenderableType, RenderableType]] = [
        ("Level", Text(a.role.level.value), Text(b.role.level.value)),
        ("Summary", literal(a.role.summary), literal(b.role.summary)),
        ("Work", _group_names(a), _group_names(b)),
        ("Tools", comma_list(a.role.tools), comma_list(b.role.tools)),
        ("Salary", money_lines(a), money_lines(b)),
        ("Moves on", comma_list(m.role.id for m in a.leads_to), comma_list(m.role.id for m in b.leads_to)),
    ]

    def facts(width: int, _: bool) -> RenderableType:
        if width < _COMPARE_NARROW:
            return Group(*(_stacked(label, a.role.id, left, b.role.id, right) for label, left, right in rows))
        table = Table(show_header=True, header_style="bold", show_lines=True, expand=True)
        table.add_column("", style="bold", min_width=9, overflow="fold")
        table.add_column(literal(a.role.title), ratio=3, overflow="fold")
        table.add_column(literal(b.role.title), ratio=3, overflow="fold")
        for label, left, right in rows:
            table.add_row(label, left, right)
        return table

    def skills(width: int, ascii_only: bool) -> RenderableType:
        if width < _COMPARE_NARROW:  # per skill: its name, then one short line per role
            parts: list[RenderableType] = []
            for row in cmp.skills:
                grid = Table.grid(padding=(0, 1))
                grid.add_column(style=MUTED, no_wrap=True)
                grid.add_column()
                grid.add_row(literal(a.role.id), grade_text(row.left, ascii_only))
                grid.add_row(literal(b.role.id), grade_text(row.right, ascii_only))
                parts += [literal(row.skill.name, "bold"), Padding(grid, (0, 0, 0, 2))]
            return Group(*parts)
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("Skill", ratio=2, overflow="fold")
        table.add_column(literal(a.role.id), ratio=2, overflow="fold")
        table.add_column(literal(b.role.id), ratio=2, overflow="fold")
        for row in cmp.skills:
            table.add_row(
                literal(row.skill.name), grade_text(row.left, ascii_only), grade_text(row.right, ascii_only)
            )
        return table

    sources = {s.id: s for s in (*a.sources, *b.sources)}
    parts: list[RenderableType] = []
    if cmp.contrasts:
        parts.append(
            section(
                "How they differ, in the sources' words",
                bullets(
                    literal(c.text).append(f'  ("{c.quote}" [{c.source}])', MUTED) for c, _ in cmp.contrasts
                ),
            )
        )
    note = Text(
        '"the sources do not say": no source states the skill for that role, which is not the '
        "same as not needed. (default): named without a grade, scored against the data pack's default.",
        style=MUTED,
    )
    return Group(
        Fit(facts),
        Text(""),
        *parts,
        section("Skills", Group(Fit(skills), note) if cmp.skills else no_data()),
        section("Sources", _sources(list(sources.values()))),
    )


def _stacked(
    label: str, left_id: str, left: RenderableType, right_id: str, right: RenderableType
) -> RenderableType:
    """One fact of two roles: the label, then each role's id and, beneath it, its value."""
    return Group(
        literal(label, "bold"),
        Padding(literal(left_id, MUTED), (0, 0, 0, 2)),
        Padding(left, (0, 0, 0, 4)),
        Padding(literal(right_id, MUTED), (0, 0, 0, 2)),
        Padding(right, (0, 0, 0, 4)),
    )


def _group_names(view: RoleView) -> Text:
    groups = view.role.responsibilities
    if not groups:
        return no_data()
    return Text("\n").join(literal(f"{g.group} ({len(g.items)})") for g in groups)


def comparison_json(cmp: Comparison) -> dict[str, Any]:
    def need(n: Expectation | None) -> dict[str, Any]:
        return {"state": "not stated"} if n is None else expectation_json(n)

    return {
        "left": role_json(cmp.left),
        "right": role_json(cmp.right),
        "contrasts": [
            {"role": other.id, "text": c.text, "quote": c.quote, "source": c.source}
            for c, other in cmp.contrasts
        ],
        "skills": [
            {
                "skill": row.skill.id,
                "name": row.skill.name,
                "left": need(row.left),
                "right": need(row.right),
            }
            for row in cmp.skills
        ],
    }
