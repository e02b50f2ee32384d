"""Markdown for one role (`mlcareer role --format markdown`), the role list and a comparison.

Headings, lists and pipe tables that render on common Markdown hosts; every piece of data
text goes through ``md()`` so it shows literally.
"""

from __future__ import annotations

from collections.abc import Callable

from mlcareer.careers import Comparison, RoleView
from mlcareer.choices import SECTION_TITLES, Level, Section
from mlcareer.models import Credential, Quoted, Role, Source
from mlcareer.render.common import figure_amount, source_label
from mlcareer.render.expect import basis_lines, grade_words, reading_words, wording_note
from mlcareer.render.markdown import bullets, heading, join, md, table
from mlcareer.render.official import role_official_markdown
from mlcareer.render.role import FROM_LABELS, MOVE_LABELS, level_text, moves_by_kind

NO_DATA = "_no data_\n"
NOT_SAID = "_The sources do not say._\n"


def _role_ref(role: Role) -> str:
    return f"{md(role.title)} (`{role.id}`, {role.level.value})"


def _skills(view: RoleView) -> str:
    exps = view.expectations
    if not exps.items:
        return "_The sources name no skill for this role, so there is nothing to measure against._\n"
    rows = [
        [md(e.skill.name), md(grade_words(e)), "<br>".join(md(line) for line in basis_lines(e))]
        for e in exps.items
    ]
    counts = ", ".join(f"{n} {k}" for k, n in exps.counts().items() if n)
    parts = [
        table(["Skill", "Expects", "On what it rests"], rows, escaped=True),
        f"Expectations by basis: {md(counts)}.\n",
    ]
    if exps.values:
        parts += [
            heading(3, "What the profession values (profession-wide, not this role's bar)"),
            bullets(reading_words(r) for r in exps.values),
        ]
    parts.append(f"_{md(wording_note(exps))} See `mlcareer skill SKILL` for the steps._\n")
    return join(*parts)


def _quoted(items: list[Quoted]) -> str:
    return bullets((f"{md(q.text)} [{md(q.source)}]" for q in items), escaped=True)


def _responsibilities(view: RoleView) -> str:
    groups = view.role.responsibilities
    if not groups:
        return NO_DATA
    return join(
        *(
            join(
                heading(3, g.group),
                bullets((f"{md(i.text)} [{md(', '.join(i.sources))}]" for i in g.items), escaped=True),
            )
            for g in groups
        )
    )


def _credentials(creds: list[Credential]) -> str:
    if not creds:
        return NOT_SAID
    return bullets(
        (f"**{md(c.name)}**" + (f": {md(c.description)}" if c.description else "") for c in creds),
        escaped=True,
    )


def _level(view: RoleView) -> str:
    info = view.level
    parts = [f"Level: {md(level_text(view.role))}\n"]
    if info is None:
        return join(*parts, NO_DATA)
    if info.summary:
        parts.append(md(info.summary) + "\n")
    parts.append(
        _quoted(list(info.requirements))
        if info.requirements
        else "_The sources state no requirements for this level._\n"
    )
    return join(*parts)


def _becoming(view: RoleView) -> str:
    role = view.role
    rows = [("How to become one", role.how_to_become), ("Who it suits", role.suits), ("In a team", role.team)]
    parts = [join(heading(3, label), _quoted(list(items))) for label, items in rows if items]
    return join(*parts) if parts else NOT_SAID


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
        *moves_by_kind(view.leads_to, MOVE_LABELS),
        *moves_by_kind(view.leads_from, FROM_LABELS),
        ("Related", view.related),
    ]
    parts = [
        join(heading(3, label), bullets((_role_ref(r) for r in roles), escaped=True))
        for label, roles in groups
        if roles
    ]
    if view.level is not None and view.level.advance is not None and view.leads_from:
        parts.append(f'The move up rests on: "{md(view.level.advance.quote)}"\n')
    if view.contrasts:
        parts.append(heading(3, "How it differs"))
        parts.append(
            bullets(
                (f"From {md(other.title)}: {md(c.text)} [{md(c.source)}]" for c, other in view.contrasts),
                escaped=True,
            )
        )
    return join(*parts) if parts else NO_DATA


def _sources(sources: list[Source]) -> str:
    return bullets(source_label(s) for s in sources)


_BUILDERS: dict[Section, Callable[[RoleView], str]] = {
    Section.summary: lambda v: md(v.role.summary) + "\n",
    Section.level: _level,
    Section.responsibilities: _responsibilities,
    Section.skills: _skills,
    Section.tools: lambda v: bullets(v.role.tools),
    Section.education: lambda v: _credentials(v.education),
    Section.certifications: lambda v: _credentials(v.certifications),
    Section.industries: _industries,
    Section.workplace: lambda v: bullets(v.role.workplace),
    Section.outlook: lambda v: bullets(v.role.outlook),
    Section.becoming: _becoming,
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
        ["Moves on", listed([m.role.id for m in a.leads_to]), listed([m.role.id for m in b.leads_to])],
    ]
    skills = [
        [md(row.skill.name), md(grade_words(row.left)), md(grade_words(row.right))] for row in cmp.skills
    ]
    sources = {s.id: s for s in (*a.sources, *b.sources)}
    differ = [f'{md(c.text)} ("{md(c.quote)}" [{md(c.source)}])' for c, _ in cmp.contrasts]
    note = (
        '_"the sources do not say": no source states the skill for that role, which is not the same '
        "as not needed. (default): named without a grade, scored against the data pack's default._\n"
    )
    return join(
        heading(1, f"{a.role.title} vs {b.role.title}"),
        table(["", a.role.title, b.role.title], facts, escaped=True),
        *(
            [heading(2, "How they differ, in the sources' words"), bullets(differ, escaped=True)]
            if differ
            else []
        ),
        heading(2, "Skills"),
        join(table(["Skill", a.role.id, b.role.id], skills, escaped=True), note) if skills else NO_DATA,
        heading(2, "Sources"),
        _sources(list(sources.values())),
    )
