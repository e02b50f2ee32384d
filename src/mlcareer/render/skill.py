"""Rendering of the skill catalogue (`mlcareer skills`) and of one skill (`mlcareer skill`)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlcareer.models import Skill
from mlcareer.render import markdown as md
from mlcareer.render.common import (
    MUTED,
    Bar,
    Fit,
    bullets,
    comma_list,
    dot,
    literal,
    no_data,
    section,
    source_label,
)
from mlcareer.render.expect import basis_text, grade_text, grade_words
from mlcareer.skills import CATEGORIES, RoleNeed, SkillSummary, SkillView

NARROW = 60


PACK_GROUPING = "*"


def _category(skill: Skill) -> str:
    """'technical', or 'technical*' where the grouping is the data pack's own."""
    return skill.category + ("" if skill.category_from == "sources" else PACK_GROUPING)


def _name(skill: Skill) -> str:
    return skill.name + ("" if skill.category_from == "sources" else f" {PACK_GROUPING}")


def counts_note(total_roles: int) -> str:
    return (
        f"Of the {total_roles} roles, how many have sources that expect the skill at a grade (Expect), "
        "and how many mention it without one (Mention); for the rest the sources do not say, which is "
        f"not the same as not needed. {PACK_GROUPING} a category that is this data pack's grouping, "
        "not a source's. `mlcareer skill ID` explains one."
    )


# ---------------------------------------------------------------- the catalogue


def render_skills(found: list[SkillSummary], total_roles: int) -> RenderableType:
    """The skills grouped by category, with how many roles need each."""
    if not found:
        return Text("No skills match.", style=MUTED)
    return Fit(lambda width, ascii_only: _skills(found, total_roles, width, ascii_only))


def _skills(found: list[SkillSummary], total_roles: int, width: int, ascii_only: bool) -> RenderableType:
    note = Text(counts_note(total_roles), style=MUTED)
    if width < NARROW:
        parts: list[RenderableType] = []
        for category in CATEGORIES:
            rows = [s for s in found if s.skill.category == category]
            if not rows:
                continue
            parts.append(Text(category.upper(), style="bold magenta"))
            for row in rows:
                parts.append(literal(_name(row.skill), "bold"))
                parts.append(
                    Padding(
                        Text.assemble(literal(row.skill.id, "cyan"), dot(ascii_only), _count(row)),
                        (0, 0, 0, 2),
                    )
                )
            parts.append(Text(""))
        return Group(*parts, note)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("Skill", ratio=1)
    table.add_column("Id", style="cyan", overflow="fold")
    table.add_column("Expect", justify="right", no_wrap=True)
    table.add_column("Mention", justify="right", no_wrap=True)
    for category in CATEGORIES:
        rows = [s for s in found if s.skill.category == category]
        if not rows:
            continue
        if table.row_count:
            table.add_row("", "", "", "")
        table.add_row(Text(category.upper(), style="bold magenta"), "", "", "")
        for row in rows:
            table.add_row(
                literal(_name(row.skill)), literal(row.skill.id), str(row.expected), str(row.mentioned)
            )
    return Group(table, Text(""), note)


def _count(row: SkillSummary) -> str:
    """'3 expect, 2 mention' (of the roles; the rest: not stated)."""
    return f"{row.expected} expect, {row.mentioned} mention"


SCALE_NOTE = "The scale is mlcareer's own rubric, not a claim of the sources."


def skills_markdown(found: list[SkillSummary], total_roles: int) -> str:
    parts = [md.heading(1, "Skills")]
    if not found:
        return md.join(*parts, "No skills match.\n")
    for category in CATEGORIES:
        rows = [s for s in found if s.skill.category == category]
        if rows:
            parts.append(md.heading(2, category.capitalize()))
            parts.append(
                md.table(
                    ["Skill", "Id", "Stated by"],
                    [[md.md(_name(s.skill)), f"`{s.skill.id}`", _count(s)] for s in rows],
                    escaped=True,
                )
            )
    parts.append(f"_{md.md(counts_note(total_roles))}_\n")
    return md.join(*parts)


# ---------------------------------------------------------------- one skill


def render_skill(view: SkillView) -> RenderableType:
    """What a skill is, its proficiency steps, the roles that need it, credentials and sources."""
    return Fit(lambda width, ascii_only: _skill(view, width, ascii_only))


def _skill(view: SkillView, width: int, ascii_only: bool) -> RenderableType:
    skill = view.skill
    parts: list[RenderableType] = [
        literal(skill.name, "bold"),
        Text(f"{skill.id}{dot(ascii_only)}{_category(skill)} skill", style=MUTED),
    ]
    if skill.category_from != "sources":
        parts.append(
            Text(f"{PACK_GROUPING} the category is this data pack's grouping, not a source's.", MUTED)
        )
    parts.append(Text(""))
    about: list[RenderableType] = [literal(skill.description)]
    if skill.examples:
        about.append(Text.assemble(("Examples: ", "bold"), comma_list(skill.examples)))
    parts.append(section("What it is", Group(*about)))
    parts.append(section("Proficiency steps (0-4)", _steps(view, ascii_only)))
    parts.append(section(_roles_title(view), _needs(view.roles, width, ascii_only)))
    parts.append(
        section(
            "Credentials a source ties to this skill",
            bullets(literal(c.name, "bold").append(f" ({c.kind})", style=MUTED) for c in view.credentials)
            if view.credentials
            else Text("The sources tie no credential to this skill.", style=MUTED),
        )
    )
    parts.append(section("Sources", bullets(source_label(s) for s in view.sources)))
    return Group(*parts)


def _steps(view: SkillView, ascii_only: bool) -> RenderableType:
    if not view.scale:
        return no_data()
    return Group(
        Text(SCALE_NOTE, style=MUTED),
        *(
            Text.assemble(
                Bar(step.value).text(ascii_only),
                f" {step.value} ",
                literal(step.name, "bold"),
                ": ",
                literal(step.description),
            )
            for step in view.scale
        ),
    )


def _roles_title(view: SkillView) -> str:
    return (
        f"Roles whose sources state it ({len(view.roles)} of {view.total}; "
        "for the others the sources do not say)"
    )


def _needs(needs: list[RoleNeed], width: int, ascii_only: bool) -> RenderableType:
    if not needs:
        return Text("No role's sources state this skill.", style=MUTED)
    return Group(
        *(
            Group(
                Text.assemble(
                    literal(n.role.title, "bold"),
                    (f"  ({n.role.id}, {n.role.level.value})  ", MUTED),
                    grade_text(n.expectation, ascii_only),
                ),
                Padding(
                    basis_text(n.expectation)
                    if n.expectation.inherited_from is None
                    else literal(n.expectation.label, "italic"),
                    (0, 0, 0, 2),
                ),
            )
            for n in needs
        )
    )


def skill_markdown(view: SkillView) -> str:
    """The skill as Markdown: headings, lists and pipe tables; data text escaped."""
    skill = view.skill
    parts = [md.heading(1, skill.name), f"Id: `{skill.id}`; category: {md.md(_category(skill))}\n"]
    if skill.category_from != "sources":
        parts.append(f"{md.md(PACK_GROUPING)} the category is this data pack's grouping, not a source's.\n")
    parts.append(md.heading(2, "What it is"))
    parts.append(md.md(skill.description) + "\n")
    if skill.examples:
        parts.append("Examples:\n")
        parts.append(md.bullets(skill.examples))
    parts.append(md.heading(2, "Proficiency steps (0-4)"))
    if view.scale:
        parts.append(f"_{md.md(SCALE_NOTE)}_\n")
        parts.append(
            md.table(
                ["Step", "Name", "What it looks like"],
                [[str(s.value), s.name, s.description] for s in view.scale],
            )
        )
    else:
        parts.append("_no data_\n")
    parts.append(md.heading(2, _roles_title(view)))
    parts.append(
        md.table(
            ["Role", "Id", "Level", "Expects", "On what it rests"],
            [
                [
                    md.md(n.role.title),
                    f"`{n.role.id}`",
                    n.role.level.value,
                    md.md(grade_words(n.expectation)),
                    md.md(n.expectation.label),
                ]
                for n in view.roles
            ],
            escaped=True,
        )
        if view.roles
        else "_No role's sources state this skill._\n"
    )
    parts.append(md.heading(2, "Credentials a source ties to this skill"))
    parts.append(
        md.bullets((f"{md.md(c.name)} ({c.kind})" for c in view.credentials), escaped=True)
        if view.credentials
        else "_The sources tie no credential to this skill._\n"
    )
    parts.append(md.heading(2, "Sources"))
    parts.append(md.bullets(source_label(s) for s in view.sources))
    return md.join(*parts)
