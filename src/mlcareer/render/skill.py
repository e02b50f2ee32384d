"""The views of the skill catalogue (`mlcareer skills`) and of one skill (`mlcareer skill`).

Built once as view models (``render.view``); the terminal, Markdown and HTML all render them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.skills import CATEGORIES, RoleNeed, SkillSummary, SkillView
from mlcareer.render import view as v
from mlcareer.render.common import source_label
from mlcareer.render.expect import basis_lines
from mlcareer.render.role_page import grade_line, role_ref

if TYPE_CHECKING:
    from mlcareer.domain.shown import SkillList
    from mlcareer.models import Skill

PACK_GROUPING = "*"
SCALE_NOTE = "The scale is mlcareer's own rubric, not a claim of the sources."


def _category(skill: Skill) -> str:
    """'technical', or 'technical*' where the grouping is the data pack's own."""
    return skill.category + ("" if skill.category_from == "sources" else PACK_GROUPING)


def _name(skill: Skill) -> str:
    return skill.name + ("" if skill.category_from == "sources" else f" {PACK_GROUPING}")


def counts_note(total_roles: int) -> str:
    return (
        f"Of the {total_roles} roles, how many have sources that expect the skill at a grade (expect), "
        "and how many mention it without one (mention); of those, how many only inherit it (a kind "
        "of ML engineer, as for the role it specialises); for the rest the sources do not say, which is "
        f"not the same as not needed. {PACK_GROUPING} a category that is this data pack's grouping, "
        "not a source's. `mlcareer skill ID` explains one."
    )


# ---------------------------------------------------------------- the catalogue


def skills_page(found: list[SkillSummary], total_roles: int) -> v.Page:
    """The skills grouped by category, with how many roles' sources expect or mention each."""
    if not found:
        return v.Page("Skills", (), (v.note("No skills match."),))
    blocks: list[v.Block] = []
    for category in CATEGORIES:
        rows = tuple(
            ((v.line(_name(s.skill)),), (v.line(v.Span(s.skill.id, "code")),), (v.line(_count(s)),))
            for s in found
            if s.skill.category == category
        )
        if rows:
            blocks.append(v.Section(category.capitalize(), (v.Table(("Skill", "Id", "Stated by"), rows),)))
    return v.Page("Skills", (), (*blocks, v.note(counts_note(total_roles))))


def _count(row: SkillSummary) -> str:
    """'3 expect, 2 mention; 12 of them only inherit it' (of the roles; the rest: not stated)."""
    out = f"{row.expected} expect, {row.mentioned} mention"
    return f"{out}; {row.inherited} only inherit it" if row.inherited else out


# ---------------------------------------------------------------- one skill


def skill_page(view: SkillView) -> v.Page:
    """What a skill is, its proficiency steps, the roles that need it, credentials and sources."""
    skill = view.skill
    meta = [v.line(v.Span(skill.id, "code"), v.Sep(), f"{_category(skill)} skill")]
    if skill.category_from != "sources":
        meta.append(v.line(f"{PACK_GROUPING} the category is this data pack's grouping, not a source's."))
    about: list[v.Block] = [v.para(skill.description)]
    if skill.examples:
        about.append(v.short_list(skill.examples, "Examples"))
    steps = v.Table(
        ("Step", "Name", "What it looks like"),
        tuple(((v.line(v.Dots(s.value)),), (v.line(s.name),), (v.line(s.description),)) for s in view.scale),
        min_width=60,
    )
    credentials = (v.line(v.strong(c.name), v.muted(f" ({c.kind})")) for c in view.credentials)
    return v.Page(
        skill.name,
        tuple(meta),
        (
            v.Section("What it is", tuple(about)),
            v.Section("Proficiency steps (0-4)", (v.note(SCALE_NOTE), steps) if view.scale else ()),
            v.Section(
                f"Roles whose sources state it ({len(view.roles)} of {view.total}; "
                "for the others the sources do not say)",
                (_needs(view.roles),),
            ),
            v.Section(
                "Credentials a source ties to this skill",
                (v.bullets(credentials, empty="The sources tie no credential to this skill."),),
            ),
            v.Section("Sources", (v.bullets(source_label(s) for s in view.sources),)),
        ),
    )


def _needs(needs: list[RoleNeed]) -> v.Table:
    """Each role: its grade, and on what the grade rests (only the label, when inherited)."""
    rows = []
    for n in needs:
        role, exp = n.role, n.expectation
        lines = basis_lines(exp) if exp.inherited_from is None else [exp.label]
        rows.append(
            (
                (role_ref(role),),
                (grade_line(exp),),
                ((v.Span(lines[0], "em"),), *((v.muted(x),) for x in lines[1:])),
            )
        )
    return v.Table(
        ("Role", "Expects", "On what it rests"),
        tuple(rows),
        stacked="always",
        empty="No role's sources state this skill.",
    )


def skill_list_page(shown: SkillList) -> v.Page:
    return skills_page(shown.skills, shown.total_roles)
