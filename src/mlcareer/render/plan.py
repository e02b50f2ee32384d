"""Rendering of `mlcareer plan`: the ordered steps, grouped by level, with progress."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from mlcareer.plan import Plan, PlanStep
from mlcareer.render import markdown as md
from mlcareer.render.common import MUTED, bullets, literal, section
from mlcareer.render.expect import grade_words, short_basis
from mlcareer.render.quiz import PercentBar

DONE_HINT = "Mark a step done: mlcareer plan --done ID (undo: --undo ID)."


def _percent(plan: Plan) -> int | None:
    return plan.percent


def _route_words(plan: Plan) -> str | None:
    if plan.start is None:
        return None
    names = " → ".join(r.title for r in plan.roles if r.id != plan.start.id)
    return f"Route: {plan.start.title} (the role of your level) → {names}"


def _where(step: PlanStep) -> str:
    """'you 1 (awareness) → expects 3 (proficient)'."""
    exp = step.expectation
    return f"you {step.you}, the role expects {grade_words(exp)}"


def _step_text(number: int, step: PlanStep) -> RenderableType:
    box = "[x]" if step.done else "[ ]"
    head = Text(f"{number}. {box} ", style="bold")
    head.append(literal(step.title, "bold"))
    head.append(f"  ({step.id})", style=MUTED)
    lines: list[RenderableType] = [head]
    body: list[RenderableType] = []
    if step.kind == "requirement" and step.requirement is not None:
        body.append(Text("A requirement of the level that skills cannot show.", style=MUTED))
        body.append(literal(f'"{step.requirement.quote}" [{step.requirement.source}]', MUTED))
    elif step.skill is not None and step.expectation is not None:
        body.append(literal(_where(step)))
        body.append(literal("On what it rests: " + short_basis(step.expectation), MUTED))
        body.append(literal(f"What it covers: {step.skill.description}"))
        if step.next_grades:
            body.append(Text("What the next grades look like:", style=MUTED))
            body.append(bullets(literal(f"{g.value} {g.name}: {g.description}") for g in step.next_grades))
        if step.builds_on:
            body.append(literal("Builds on: " + ", ".join(step.builds_on), MUTED))
        if step.credentials:
            body.append(
                literal(
                    "Can help: "
                    + "; ".join(f"{c.name} ({c.description or c.kind})" for c in step.credentials)
                )
            )
    lines.append(Padding(Group(*body), (0, 0, 0, 4)))
    return Group(*lines)


def render_plan(plan: Plan) -> RenderableType:
    """The plan for the terminal: progress, then the steps by level, then the rule."""
    title = Text("Learning plan for ", style="bold").append(literal(plan.role.title, "bold"))
    title.append(f"  ({plan.role.id})", style=MUTED)
    parts: list[RenderableType] = [title]
    route = _route_words(plan)
    if route:
        parts.append(literal(route, MUTED))
    if not plan.steps:
        parts.append(Text("No steps: your answers meet every expectation of this role.", style="bold"))
    else:
        progress = Text(f"{plan.done} of {len(plan.steps)} steps done  ")
        progress.append(PercentBar(_percent(plan)).text(cells=20))
        parts.append(progress)
    parts.append(Text(""))
    number = 0
    levels = list(dict.fromkeys(s.level for s in plan.steps))
    for level in levels:
        group: list[RenderableType] = []
        for step in (s for s in plan.steps if s.level == level):
            number += 1
            group.append(_step_text(number, step))
        parts.append(section(f"{level.value.capitalize()} level", Group(*group)))
    if plan.not_asked:
        parts.append(
            literal(
                f"Not asked, so not in the plan: {', '.join(s.name for s in plan.not_asked)}. "
                "Take the full quiz to include them.",
                MUTED,
            )
        )
    if plan.education:
        parts.append(
            section(
                "Education the sources mention for this role",
                bullets(
                    literal(f"{c.name}: {c.description}" if c.description else c.name) for c in plan.education
                ),
            )
        )
    parts.append(Text(plan.rule, style=MUTED))
    parts.append(Text(DONE_HINT, style=MUTED))
    return Group(*parts)


def plan_markdown(plan: Plan) -> str:
    """A checklist to paste into notes: one item per step, grouped by level."""
    parts = [md.heading(1, f"Learning plan for {plan.role.title}")]
    route = _route_words(plan)
    if route:
        parts.append(md.md(route) + "\n")
    parts.append(f"{plan.done} of {len(plan.steps)} steps done.\n")
    for level in dict.fromkeys(s.level for s in plan.steps):
        items = []
        for step in (s for s in plan.steps if s.level == level):
            box = "[x]" if step.done else "[ ]"
            line = f"{box} **{md.md(step.title)}** (`{step.id}`)"
            if step.kind == "skill" and step.expectation is not None:
                line += f": {md.md(_where(step))}; {md.md(step.expectation.label)}"
                if step.next_grades:
                    target = step.next_grades[-1]
                    line += f". {md.md(target.name.capitalize())} looks like: {md.md(target.description)}"
            elif step.requirement is not None:
                line += f': "{md.md(step.requirement.quote)}" [{md.md(step.requirement.source)}]'
            items.append(line)
        parts += [md.heading(2, f"{level.value.capitalize()} level"), md.bullets(items, escaped=True)]
    if plan.not_asked:
        parts.append(
            f"_Not asked, so not in the plan: {md.md(', '.join(s.name for s in plan.not_asked))}._\n"
        )
    parts.append(f"_{md.md(plan.rule)}_\n")
    return md.join(*parts)
