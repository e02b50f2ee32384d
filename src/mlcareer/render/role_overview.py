"""The overview of one role (`mlcareer role ID` without a section): a screenful, not the whole page."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.text import Text

from mlcareer.careers import RoleView
from mlcareer.choices import SECTION_TITLES, Section
from mlcareer.render.common import (
    MUTED,
    bullets,
    figure_amount,
    literal,
    no_data,
    section,
)
from mlcareer.render.role import _BUILDERS, _skills, level_text, render_role, skills_table


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


OVERVIEW: dict[Section, Callable[[RoleView], RenderableType]] = {
    Section.summary: _BUILDERS[Section.summary],
    Section.level: _overview_level,
    Section.responsibilities: _overview_responsibilities,
    Section.skills: _overview_skills,
    Section.salary: _overview_salary,
    Section.related: _overview_related,
}
