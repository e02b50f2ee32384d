"""Rendering of the skill catalogue (`mlcareer skills`) and of one skill (`mlcareer skill`)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlcareer.models import ScaleStep
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
from mlcareer.skills import CATEGORIES, Asked, RoleNeed, SkillSummary, SkillView

NARROW = 60


def _step_text(proficiency: int | None, step: ScaleStep | None, ascii_only: bool) -> Text:
    if proficiency is None:
        return Text("level: no data", style=MUTED)
    name = step.name if step else f"{proficiency}/4"
    return Text.assemble(Bar(proficiency).text(ascii_only), " ", literal(name))


# ---------------------------------------------------------------- the catalogue


def render_skills(found: list[SkillSummary], total_roles: int) -> RenderableType:
    """The skills grouped by category, with how many roles need each."""
    if not found:
        return Text("No skills match.", style=MUTED)
    return Fit(lambda width, ascii_only: _skills(found, total_roles, width, ascii_only))


def _skills(found: list[SkillSummary], total_roles: int, width: int, ascii_only: bool) -> RenderableType:
    note = Text(
        f"Roles: how many of the {total_roles} roles in the data need the skill. "
        "`mlcareer skill ID` explains one.",
        style=MUTED,
    )
    if width < NARROW:
        parts: list[RenderableType] = []
        for category in CATEGORIES:
            rows = [s for s in found if s.skill.category == category]
            if not rows:
                continue
            parts.append(Text(category.upper(), style="bold magenta"))
            for row in rows:
                parts.append(literal(row.skill.name, "bold"))
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
    table.add_column("Id", no_wrap=True, style="cyan")
    table.add_column("Roles", justify="right", no_wrap=True)
    for category in CATEGORIES:
        rows = [s for s in found if s.skill.category == category]
        if not rows:
            continue
        if table.row_count:
            table.add_row("", "", "")
        table.add_row(Text(category.upper(), style="bold magenta"), "", "")
        for row in rows:
            table.add_row(literal(row.skill.name), literal(row.skill.id), str(len(row.roles)))
    return Group(table, Text(""), note)


def _count(row: SkillSummary) -> str:
    n = len(row.roles)
    return f"{n} role{'' if n == 1 else 's'}"


def _of(n: int, total: int) -> str:
    return f"{n} of {total} role{'' if total == 1 else 's'}"


SCALE_NOTE = "The scale is mlcareer's own rubric, not a claim of the sources."


def skills_json(found: list[SkillSummary], total_roles: int) -> dict[str, Any]:
    return {
        "total_roles": total_roles,
        "skills": [
            {
                "id": s.skill.id,
                "name": s.skill.name,
                "category": s.skill.category,
                "aliases": list(s.skill.aliases),
                "roles": len(s.roles),
                "role_ids": [r.id for r in s.roles],
            }
            for s in found
        ],
    }


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
                    ["Skill", "Id", "Roles"],
                    [[md.md(s.skill.name), f"`{s.skill.id}`", str(len(s.roles))] for s in rows],
                    escaped=True,
                )
            )
    parts.append(f"_Roles: how many of the {total_roles} roles in the data need the skill._\n")
    return md.join(*parts)


# ---------------------------------------------------------------- one skill


def render_skill(view: SkillView) -> RenderableType:
    """What a skill is, its proficiency steps, the roles that need it, credentials and sources."""
    return Fit(lambda width, ascii_only: _skill(view, width, ascii_only))


def _skill(view: SkillView, width: int, ascii_only: bool) -> RenderableType:
    skill = view.skill
    parts: list[RenderableType] = [
        literal(skill.name, "bold"),
        Text(f"{skill.id}{dot(ascii_only)}{skill.category} skill", style=MUTED),
    ]
    if skill.aliases:
        parts.append(Text.assemble(("Also known as: ", MUTED), literal(", ".join(skill.aliases))))
    parts.append(Text(""))
    about: list[RenderableType] = [literal(skill.description)]
    if skill.examples:
        about.append(Text.assemble(("Examples: ", "bold"), comma_list(skill.examples)))
    parts.append(section("What it is", Group(*about)))
    parts.append(section("Proficiency steps (0-4)", _steps(view, ascii_only)))
    parts.append(section(f"Roles that need it ({len(view.roles)})", _needs(view.roles, width, ascii_only)))
    parts.append(
        section(
            "Credentials the data ties to this skill",
            bullets(literal(c.name, "bold").append(f" ({c.kind})", style=MUTED) for c in view.credentials),
        )
    )
    for title, asked in (
        ("Education asked of roles that need it", view.education),
        ("Certifications asked of roles that need it", view.certifications),
    ):
        if asked:
            parts.append(section(title, _asked(asked, len(view.roles))))
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


def _needs(needs: list[RoleNeed], width: int, ascii_only: bool) -> RenderableType:
    if not needs:
        return no_data()
    if width < NARROW:
        return Group(
            *(
                Group(
                    Text.assemble(
                        literal(n.role.title, "bold"), (f"  ({n.role.id}, {n.role.level.value})", MUTED)
                    ),
                    Padding(_step_text(n.proficiency, n.step, ascii_only), (0, 0, 0, 2)),
                )
                for n in needs
            )
        )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("Role", ratio=1)
    table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("Level", no_wrap=True)
    table.add_column("Expects", no_wrap=True)
    for n in needs:
        table.add_row(
            literal(n.role.title),
            literal(n.role.id),
            n.role.level.value,
            _step_text(n.proficiency, n.step, ascii_only),
        )
    return table


def _asked(asked: list[Asked], total: int) -> RenderableType:
    return Group(
        Text("Not tied to this skill by the sources; asked by the roles above.", style=MUTED),
        bullets(
            literal(a.credential.name).append(f"  ({_of(len(a.roles), total)})", style=MUTED) for a in asked
        ),
    )


def skill_json(view: SkillView) -> dict[str, Any]:
    """The skill as stable JSON: the data file's fields, with references resolved."""
    steps = {s.value: s.name for s in view.scale}

    def asked(items: list[Asked]) -> list[dict[str, Any]]:
        return [{**a.credential.model_dump(mode="json"), "roles": [r.id for r in a.roles]} for a in items]

    return {
        "skill": {
            **view.skill.model_dump(mode="json"),
            "scale": [s.model_dump(mode="json") for s in view.scale],
            "roles": [
                {
                    "id": n.role.id,
                    "title": n.role.title,
                    "level": n.role.level.value,
                    "kind": n.role.kind,
                    "proficiency": n.proficiency,
                    "proficiency_name": steps.get(n.proficiency) if n.proficiency is not None else None,
                    "evidence": n.evidence,
                }
                for n in view.roles
            ],
            "credentials": [c.model_dump(mode="json") for c in view.credentials],
            "asked_by_roles": {
                "education": asked(view.education),
                "certifications": asked(view.certifications),
            },
            "sources": [s.model_dump(mode="json") for s in view.sources],
        }
    }


def _md_expects(n: RoleNeed) -> str:
    if n.proficiency is None:
        return "level: no data"
    name = n.step.name if n.step else ""
    return f"{n.proficiency}/4 {md.md(name)}".rstrip()


def skill_markdown(view: SkillView) -> str:
    """The skill as Markdown: headings, lists and pipe tables; data text escaped."""
    skill = view.skill
    parts = [md.heading(1, skill.name), f"Id: `{skill.id}`; category: {skill.category}\n"]
    if skill.aliases:
        parts.append(f"Also known as: {md.md(', '.join(skill.aliases))}\n")
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
    parts.append(md.heading(2, f"Roles that need it ({len(view.roles)})"))
    parts.append(
        md.table(
            ["Role", "Id", "Level", "Expects"],
            [[md.md(n.role.title), f"`{n.role.id}`", n.role.level.value, _md_expects(n)] for n in view.roles],
            escaped=True,
        )
        if view.roles
        else "_no data_\n"
    )
    parts.append(md.heading(2, "Credentials the data ties to this skill"))
    parts.append(md.bullets((f"{md.md(c.name)} ({c.kind})" for c in view.credentials), escaped=True))
    for title, asked in (
        ("Education asked of roles that need it", view.education),
        ("Certifications asked of roles that need it", view.certifications),
    ):
        if asked:
            parts.append(md.heading(2, title))
            parts.append("_Not tied to this skill by the sources; asked by the roles above._\n")
            parts.append(
                md.bullets(
                    (f"{md.md(a.credential.name)} ({_of(len(a.roles), len(view.roles))})" for a in asked),
                    escaped=True,
                )
            )
    parts.append(md.heading(2, "Sources"))
    parts.append(md.bullets(source_label(s) for s in view.sources))
    return md.join(*parts)
