"""The view of `mlcareer plan`: the ordered steps, grouped by level, with progress.

Built once as a view model (``render.view``); the terminal, Markdown and HTML all render it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlcareer.domain.plan import Plan, PlanStep
from mlcareer.domain.quiz import SCALE_WORDS
from mlcareer.render import view as v
from mlcareer.render.action import credential_words, grade_lines, suggestion_blocks
from mlcareer.render.expect import grade_words, short_basis

if TYPE_CHECKING:
    from mlcareer.domain.handouts import Handout  # a class's handouts: only their type is needed here
    from mlcareer.domain.shown import PlanShown
    from mlcareer.models import Role

DONE_HINT = "Mark steps done by number or id: mlcareer plan --done 1 --done ID (undo: --undo)."


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
        lines.append(v.line(v.muted(f"What the next grade looks like ({SCALE_WORDS}):")))
        lines += grade_lines(step.next_grades, role_grade=step.ceiling is None)
    if step.builds_on:
        lines.append(v.line(v.muted("Builds on: " + ", ".join(step.builds_on))))
    if step.credentials:
        lines.append(v.line(v.muted("Can help: "), credential_words(step.credentials)))
    return tuple(lines)


def _check(step: PlanStep) -> v.Check:
    head = v.line(v.strong(step.title), v.muted("  ("), v.Span(step.id, "code"), v.muted(")"))
    return v.Check(step.done, head, _details(step))


def plan_page(
    plan: Plan, first: int | None = None, handout: Handout | None = None, index: str = ""
) -> v.Page:
    """Progress, then the steps by level (each: its box, title, id and what it takes), then the rule.

    ``first``: only the first that many open steps (`plan --next N`), each under its own number.
    ``handout``: one student's page of a class's plans, with a link back to the ``index`` file.
    """
    title, meta = _head(plan, handout, index)
    if first is not None:
        return v.Page(title, meta, _next_steps(plan, first, handout))
    blocks: list[v.Block] = []
    number = 1
    for level in dict.fromkeys(s.level for s in plan.steps):
        steps = tuple(_check(s) for s in plan.steps if s.level == level)
        blocks.append(v.Section(f"{level.value.capitalize()} level", (v.Checklist(steps, number),)))
        number += len(steps)
    blocks += suggestion_blocks(plan.suggestions)
    if plan.not_asked:
        names = ", ".join(s.name for s in plan.not_asked)
        blocks.append(v.note(f"Not asked, so not in the plan: {names}. Take the full quiz to include them."))
    if plan.education:
        education = (f"{c.name}: {c.description}" if c.description else c.name for c in plan.education)
        blocks.append(v.Section("Education the sources mention for this role", (v.bullets(education),)))
    from mlcareer.render.verdict import plan_verdict

    blocks += [v.note(plan.rule), *(() if handout else (v.note(DONE_HINT),)), plan_verdict(plan)]
    return v.Page(title, meta, tuple(blocks))


def _head(plan: Plan, handout: Handout | None, index: str) -> tuple[str, tuple[v.Line, ...]]:
    """The page's title and metadata: the role, the route, the progress; a student's file and the index."""
    route = _route_line(plan)
    progress = (
        v.line(f"{plan.done} of {len(plan.steps)} steps done  ", v.Percent(plan.percent))
        if plan.steps
        else v.line(v.strong("No steps: your answers meet every expectation of this role."))
    )
    meta: tuple[v.Line, ...] = (v.line(v.Span(plan.role.id, "code")), *((route,) if route else ()), progress)
    if handout is None:
        return f"Learning plan for {plan.role.title}", meta
    meta = (
        v.line(v.muted("From the answers in "), v.Span(handout.person.file, "code")),
        *meta,
        *((v.line(v.Link("All plans of the class", index)),) if index else ()),
    )
    return f"{handout.person.name}: learning plan for {plan.role.title}", meta


def _next_steps(plan: Plan, first: int, handout: Handout | None) -> v.Blocks:
    """`plan --next N`: the first N open steps, each under its own number, and how many are left."""
    blocks: list[v.Block] = []
    shown = plan.open_steps(first)
    left = len(plan.open_steps()) - len(shown)
    heading = f"The next {len(shown)} open step{'' if len(shown) == 1 else 's'}"
    if not shown:
        blocks.append(v.para("Every step of this plan is done." if plan.steps else "No steps."))
    else:
        blocks.append(
            v.Section(heading, tuple(v.Checklist((_check(step),), number) for number, step in shown))
        )
    if left:
        more = f"{left} more open step{'' if left == 1 else 's'}"
        blocks.append(v.note(f"{more}: mlcareer plan without --next shows them all."))
    return (*blocks, *(() if handout else (v.note(DONE_HINT),)))


def index_page(role: Role, plans: Sequence[Handout], suffix: str, not_read: Sequence[str] = ()) -> v.Page:
    """The class's plans: per student a link to their page, their progress and their first open step."""
    rows = []
    for h in plans:
        first = h.plan.open_steps(1)
        nxt = v.line(f"{first[0][0]}. {first[0][1].title}") if first else v.line(v.muted("none"))
        ready = h.plan.result.readiness
        rows.append(
            (
                (v.line(v.Link(h.person.name, f"{h.stem}{suffix}")),),
                (v.line(v.Span(h.person.file, "code")),),
                (v.line(v.Percent(ready) if ready is not None else v.muted("not scored")),),
                (v.line(str(len(h.plan.steps))),),
                (nxt,),
            )
        )
    header = ("Student", "Answers file", "Readiness", "Steps", "First step")
    blocks: list[v.Block] = [v.Table(header, tuple(rows), empty="no plans")]
    if not_read:
        blocks.append(v.Section("Files not read", (v.bullets(not_read),)))
    blocks.append(v.note("Each plan's order is mlcareer's suggestion, not a source's; each page says why."))
    count = f"{len(plans)} student{'' if len(plans) == 1 else 's'}"
    meta = (v.line(v.Span(role.id, "code"), v.Sep(), count),)
    return v.Page(f"Learning plans for {role.title}", meta, tuple(blocks))


def plan_shown_page(shown: PlanShown) -> v.Page:
    return plan_page(shown.plan, shown.first)
