"""The view of `mlcareer plan`: the ordered steps, grouped by level, with progress.

Built once as a view model (``render.view``); the terminal, Markdown and HTML all render it.
"""

from __future__ import annotations

from mlcareer.domain.plan import Plan, PlanStep
from mlcareer.render import view as v
from mlcareer.render.expect import grade_words, short_basis

DONE_HINT = "Mark a step done: mlcareer plan --done ID (undo: --undo ID)."


def _route_line(plan: Plan) -> v.Line | None:
    """'Route: A (the role of your level) → B → C', the arrows drawn for the format at hand."""
    if plan.start is None:
        return None
    where = (
        "where you start, below the entry level"
        if plan.result.level.below_entry
        else "the role of your level"
    )
    parts: list[str | v.Piece] = [f"Route: {plan.start.title} ({where})"]
    for role in plan.roles:
        if role.id != plan.start.id:
            parts += [v.Arrow(), role.title]
    return v.line(*parts)


def _aim_words(step: PlanStep) -> str:
    """'you 0, aim for 2/4 working knowledge at this level (...); the role expects 3/4 proficient'."""
    assert step.expectation is not None
    role = grade_words(step.expectation)
    start = f"you {step.you}"
    if step.base not in (None, step.you) and step.skill is not None:
        start += f"; from {step.base}/4 after the earlier step ({step.skill.id})"
    if step.ceiling is not None and step.aim is not None:
        name = next((g.name for g in step.next_grades if g.value == step.aim), "")
        return (
            f"{start}: aim for {step.aim}/4 {name} at the {step.level.value} level (its characteristic "
            f"grade, mlcareer's level ceiling); the role expects {role}"
        )
    return f"{start}, the role expects {role}"


def _details(step: PlanStep) -> v.Cell:
    """What a step takes: where you are, on what the bar rests, what the skill covers and so on."""
    if step.kind == "requirement" and step.requirement is not None:
        quote = f'"{step.requirement.quote}" [{step.requirement.source}]'
        return (
            v.line(v.muted("A requirement of the level that skills cannot show.")),
            v.line(v.muted(quote)),
        )
    if step.skill is None or step.expectation is None:
        return ()
    lines = [v.line(_aim_words(step))]
    lines += [
        v.line(v.muted("On what it rests: " + short_basis(step.expectation))),
        v.line(f"What it covers: {step.skill.description}"),
    ]
    if step.next_grades:
        lines.append(v.line(v.muted("What the next grades look like:")))
        lines += [v.line(v.Dots(g.value), f" {g.name}: {g.description}") for g in step.next_grades]
    if step.builds_on:
        lines.append(v.line(v.muted("Builds on: " + ", ".join(step.builds_on))))
    if step.credentials:
        helps = "; ".join(f"{c.name} ({c.description or c.kind})" for c in step.credentials)
        lines.append(v.line(f"Can help: {helps}"))
    return tuple(lines)


def plan_page(plan: Plan) -> v.Page:
    """Progress, then the steps by level (each: its box, title, id and what it takes), then the rule."""
    route = _route_line(plan)
    progress = (
        v.line(f"{plan.done} of {len(plan.steps)} steps done  ", v.Percent(plan.percent))
        if plan.steps
        else v.line(v.strong("No steps: your answers meet every expectation of this role."))
    )
    meta = (v.line(v.Span(plan.role.id, "code")), *((route,) if route else ()), progress)
    blocks: list[v.Block] = []
    number = 1
    for level in dict.fromkeys(s.level for s in plan.steps):
        steps = tuple(
            v.Check(
                s.done,
                v.line(v.strong(s.title), v.muted("  ("), v.Span(s.id, "code"), v.muted(")")),
                _details(s),
            )
            for s in plan.steps
            if s.level == level
        )
        blocks.append(v.Section(f"{level.value.capitalize()} level", (v.Checklist(steps, number),)))
        number += len(steps)
    if plan.not_asked:
        names = ", ".join(s.name for s in plan.not_asked)
        blocks.append(v.note(f"Not asked, so not in the plan: {names}. Take the full quiz to include them."))
    if plan.education:
        education = (f"{c.name}: {c.description}" if c.description else c.name for c in plan.education)
        blocks.append(v.Section("Education the sources mention for this role", (v.bullets(education),)))
    from mlcareer.render.verdict import plan_verdict

    blocks += [v.note(plan.rule), v.note(DONE_HINT), plan_verdict(plan)]
    return v.Page(f"Learning plan for {plan.role.title}", meta, tuple(blocks))
