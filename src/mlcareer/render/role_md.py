"""Markdown for one role (`mlcareer role --format markdown`), the role list and a comparison.

Headings, lists and pipe tables that render on common Markdown hosts; every piece of data
text goes through ``md()`` so it shows literally.
"""

from __future__ import annotations

from collections.abc import Callable

from mlcareer.careers import Comparison, RoleView, SkillNeed
from mlcareer.choices import READING_NOTE, SECTION_TITLES, Level, Section
from mlcareer.models import Role, Source
from mlcareer.render.common import figure_amount, source_label
from mlcareer.render.markdown import bullets, heading, join, md, table
from mlcareer.render.official import role_official_markdown
from mlcareer.render.role import level_text

NO_DATA = "_no data_\n"
SCALE = f"_{md(READING_NOTE)} See `mlcareer skill SKILL` for the steps._\n"


def _role_ref(role: Role) -> str:
    return f"{md(role.title)} (`{role.id}`, {role.level.value})"


def _expects(need: SkillNeed | None, missing: str = "level: no data") -> str:
    if need is None:
        return "not listed"
    if need.proficiency is None:
        return missing
    name = md(need.step.name) if need.step else ""
    return f"{need.proficiency}/4 {name}".rstrip()


def _skills(view: RoleView) -> str:
    if not view.skills:
        return NO_DATA
    rows = [
        [md(n.skill.name), _expects(n, "needed, level: no data"), md(n.evidence or "")] for n in view.skills
    ]
    return join(table(["Skill", "Expects", "Source wording"], rows, escaped=True), SCALE)


def _responsibilities(view: RoleView) -> str:
    groups = view.role.responsibilities
    if not groups:
        return NO_DATA
    return join(*(join(heading(3, g.group), bullets(g.items)) for g in groups))


def _education(view: RoleView) -> str:
    return bullets(
        (f"**{md(c.name)}**" + (f": {md(c.description)}" if c.description else "") for c in view.education),
        escaped=True,
    )


def _industries(view: RoleView) -> str:
    role = view.role
    if not role.industries and not role.applications:
        return NO_DATA
    return join(
        heading(3, "Industries"),
        bullets(role.industries),
        heading(3, "Applications"),
        bullets(role.applications),
    )


def _salary(view: RoleView) -> str:
    if not view.salary:
        return NO_DATA
    rows = []
    for fig in view.salary:
        source = view.figure_sources.get(fig.id)
        rows.append(
            [
                fig.level.value if fig.level else "any",
                md(f"{figure_amount(fig)} per {fig.period}"),
                md(fig.scope),
                md(fig.region or "not stated"),
                md(source.title) if source else "no data",
                md(fig.as_of or "undated"),
            ]
        )
    return table(["Level", "Pay", "Scope", "Region", "Source", "As of"], rows, escaped=True)


def _related(view: RoleView) -> str:
    groups: list[tuple[str, list[Role]]] = [
        ("Leads to", view.leads_to),
        ("Reached from", view.leads_from),
        ("Specialises", [view.specialises] if view.specialises else []),
        ("Specialisations", view.specialisations),
        ("Related", view.related),
    ]
    parts = [
        join(heading(3, label), bullets((_role_ref(r) for r in roles), escaped=True))
        for label, roles in groups
        if roles
    ]
    return join(*parts) if parts else NO_DATA


def _sources(sources: list[Source]) -> str:
    return bullets(source_label(s) for s in sources)


_BUILDERS: dict[Section, Callable[[RoleView], str]] = {
    Section.summary: lambda v: md(v.role.summary) + "\n",
    Section.responsibilities: _responsibilities,
    Section.skills: _skills,
    Section.tools: lambda v: bullets(v.role.tools),
    Section.education: _education,
    Section.certifications: lambda v: bullets(c.name for c in v.certifications),
    Section.industries: _industries,
    Section.workplace: lambda v: bullets(v.role.workplace),
    Section.outlook: lambda v: bullets(v.role.outlook),
    Section.salary: _salary,
    Section.official: lambda v: role_official_markdown(v.official),
    Section.related: _related,
    Section.sources: lambda v: _sources(v.sources),
}


def role_markdown(view: RoleView, only: Section | None = None) -> str:
    """The whole role, or one section of it, as Markdown."""
    role = view.role
    kind = "kind of ML engineer" if role.kind == "specialisation" else "career ladder role"
    parts = [heading(1, role.title), f"Id: `{role.id}`; {md(level_text(role))}; {kind}\n"]
    if role.aliases:
        parts.append(f"Also known as: {md(', '.join(role.aliases))}\n")
    for key, build in _BUILDERS.items():
        if only is None or only == key:
            parts += [heading(2, SECTION_TITLES[key]), build(view)]
    return join(*parts)


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


def comparison_markdown(cmp: Comparison) -> str:
    """Two roles side by side: a table of facts, a table of skills, the sources."""
    a, b = cmp.left, cmp.right

    def pay(view: RoleView) -> str:
        if not view.salary:
            return "no data"
        return "; ".join(
            md(f"{(f.level.value + ': ') if f.level else ''}{figure_amount(f)} per {f.period}")
            for f in view.salary
        )

    def work(view: RoleView) -> str:
        groups = view.role.responsibilities
        return "; ".join(md(f"{g.group} ({len(g.items)})") for g in groups) if groups else "no data"

    def listed(items: list[str]) -> str:
        return md(", ".join(items)) if items else "no data"

    facts = [
        ["Id", f"`{a.role.id}`", f"`{b.role.id}`"],
        ["Level", a.role.level.value, b.role.level.value],
        ["Summary", md(a.role.summary), md(b.role.summary)],
        ["Work", work(a), work(b)],
        ["Tools", listed(a.role.tools), listed(b.role.tools)],
        ["Salary", pay(a), pay(b)],
        ["Leads to", listed([r.id for r in a.leads_to]), listed([r.id for r in b.leads_to])],
    ]
    skills = [[md(row.skill.name), _expects(row.left), _expects(row.right)] for row in cmp.skills]
    sources = {s.id: s for s in (*a.sources, *b.sources)}
    return join(
        heading(1, f"{a.role.title} vs {b.role.title}"),
        table(["", a.role.title, b.role.title], facts, escaped=True),
        heading(2, "Skills"),
        join(table(["Skill", a.role.id, b.role.id], skills, escaped=True), SCALE) if skills else NO_DATA,
        heading(2, "Sources"),
        _sources(list(sources.values())),
    )
