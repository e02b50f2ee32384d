"""Rendering of `mlcareer path`: the ladder as a tree, a route step by step, JSON, Markdown, Mermaid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.ladder import (
    SPECIALISE_NOTE,
    UNSOURCED,
    Ladder,
    Node,
    PayChange,
    Route,
    SkillGrowth,
    Step,
)
from mlcareer.render import view as v
from mlcareer.render.common import NO_DATA, amount_text, money
from mlcareer.render.expect import COMPACT_NOTE
from mlcareer.render.role_page import grade_line
from mlcareer.render.salary import amount

if TYPE_CHECKING:
    from mlcareer.domain.shown import PathShown

if TYPE_CHECKING:
    from mlcareer.models import SalaryFigure

HIGHLIGHT = "bold yellow"
LEVEL_STYLE = "bold magenta"


def _steps(count: int) -> str:
    return f"{count} step{'' if count == 1 else 's'}"


def _band(figures: list[SalaryFigure]) -> str:
    """'$80,000 - $110,000 per year', several joined by '; '."""
    return "; ".join(amount_text(amount(f, per=True)) for f in figures)


def _signed(amount: int, currency: str) -> str:
    if amount == 0:
        return "no change"
    return ("+" if amount > 0 else "-") + money(abs(amount), currency)


def pay_text(pay: PayChange, arrow: str) -> str:
    """'$80,000 - $110,000 -> $110,000 - $150,000 per year (low end +$30,000, high end +$40,000)'."""
    before, after = pay.before, pay.after
    if before is None and after is None:
        return NO_DATA
    if before is None or after is None:
        left = _band([before]) if before else NO_DATA
        right = _band([after]) if after else NO_DATA
        return f"{left} {arrow} {right}"
    if pay.low is None:
        return f"{_band([before])} {arrow} {_band([after])}"
    text = f"{amount_text(amount(before))} {arrow} {amount_text(amount(after, per=True))}"
    if after.kind == "average":
        return f"{text} ({_signed(pay.low, after.currency)})"
    changes = [f"low end {_signed(pay.low, after.currency)}"]
    if pay.high is not None:
        more = " or more" if after.open_ended else ""
        changes.append(f"high end {_signed(pay.high, after.currency)}{more}")
    return f"{text} ({', '.join(changes)})"


# ---------------------------------------------------------------- the tree


def _role_branch(ladder: Ladder, node: Node) -> v.Branch:
    role = node.role
    here = ladder.start is not None and ladder.start.id == role.id
    lines = [
        v.line(
            v.Span(role.title, "mark" if here else "strong"),
            v.muted(" ("),
            v.Span(role.id, "code"),
            v.muted(")"),
            *((v.Arrow(back=True), v.Span("you are here", "mark")) if here else ()),
        )
    ]
    if role.kind == "ladder" or node.pay:
        lines.append(v.line(v.muted("pay: "), _band(node.pay) if node.pay else v.muted(NO_DATA)))
    children = ladder.children(role.id)
    if not children:
        return v.Branch(tuple(lines))
    kinds = v.Branch(
        (v.line(v.muted(f"specialise as ({len(children)})")),),
        tuple(_role_branch(ladder, child) for child in children),
        group=True,
    )
    return v.Branch(tuple(lines), (kinds,))


def ladder_page(ladder: Ladder) -> v.Page:
    """The ladder by level: what each level asks, its roles, specialisations under their role."""
    start = ladder.start
    blocks: list[v.Block] = []
    for level, name in ladder.levels:
        info = ladder.info.get(level)
        inner: list[v.Block] = []
        if info is not None and info.advance is not None:
            inner.append(v.note(info.advance.text))
        if info is not None and info.requirements:
            inner.append(v.bullets(v.line(v.muted(req.text)) for req in info.requirements))
        roles = tuple(_role_branch(ladder, node) for node in ladder.top(level))
        inner.append(v.Tree((v.Branch((v.line(v.muted(f"roles ({len(roles)})")),), roles, group=True),)))
        blocks.append(v.Section(name, tuple(inner)))
    blocks.append(
        v.note(
            "Roles are those each level may include; moving up is advancing to the next level "
            "(the source names no role-to-role move). " + SPECIALISE_NOTE + "."
        )
    )
    if start is not None and len(ladder.nodes) == 1:
        blocks.append(
            v.para(
                v.Span(start.id, "code"), " is at the top of the ladder: the sources name no level above it."
            )
        )
    title = "Career ladder" if start is None else f"Reachable from {start.title}"
    return v.Page(title, (), tuple(blocks))


# ---------------------------------------------------------------- a route


#: The Change column's short words, explained under the table.
NO_SOURCE = "no source"
CHANGE_NOTE = (
    f'Change: "{NO_SOURCE}": {UNSOURCED} (a default grade, or statements of different scopes); '
    '"ceiling": mlcareer\'s level ceiling; "speciality": the kind\'s own speciality, mlcareer\'s reading.'
)


def change_label(growth: SkillGrowth) -> str:
    """'+2', '+1 ceiling', 'none', 'no source' (no source grades the difference), or '' when the
    skill is not stated for the current role (never 'new skill')."""
    if growth.basis == "unsourced":
        return NO_SOURCE
    if growth.now is not None and not (growth.now.graded and growth.then.graded):
        return ""  # a default on either side: no source grades it, so no change to show
    change = growth.change
    if change is None:
        return ""
    text = f"+{change}" if change > 0 else ("none" if change == 0 else f"{change}")
    if growth.basis in ("ceiling", "speciality"):
        text += f" {growth.basis}"
    return text


def pay_line(pay: PayChange) -> v.Line:
    """``pay_text`` with its arrow drawn for the format at hand."""
    parts: list[str | v.Piece] = []
    for n, part in enumerate(pay_text(pay, "\0").split(" \0 ")):
        parts += [v.Arrow(), part] if n else [part]
    return v.line(*parts)


def _growth(skills: list[SkillGrowth]) -> v.Table:
    """Each skill the next role expects, now and then: a table when wide, stacked when narrow."""
    rows = tuple(
        (
            (v.line(g.skill.name),),
            (grade_line(g.now, compact=True),),
            (grade_line(g.then, compact=True),),
            (v.line(v.muted(change_label(g))),),
        )
        for g in skills
    )
    return v.Table(("Skill", "Now", "Expects", "Change"), rows, min_width=64, labelled=True)


def _step(number: int, count: int, step: Step) -> v.Section:
    blocks: list[v.Block] = []
    if step.kind == "specialisation":
        blocks.append(v.note(f"Specialise: {SPECIALISE_NOTE}."))
    else:
        levels = v.line(
            f"Advance to the next level: {step.source.level.value}", v.Arrow(), step.target.level.value
        )
        blocks.append(v.Para(levels, note=True))
        if step.basis is not None:
            blocks.append(v.note(f'Rests on: "{step.basis.quote}"'))
    if step.requirements:
        blocks += [
            v.Label("What the new level asks beyond skills"),
            v.bullets(r.text for r in step.requirements),
        ]
    blocks += [
        v.Label("Skills the next role expects"),
        _growth(step.skills),
        v.note(COMPACT_NOTE),
        v.note(CHANGE_NOTE),
        v.para(v.strong("Pay: "), *pay_line(step.pay)),
    ]
    return v.Section(f"Step {number} of {count}: {step.source.title} to {step.target.title}", tuple(blocks))


def route_page(route: Route, verdict: v.Para | None = None) -> v.Page:
    """A route: the roles in order, then each step with its skills and pay, then the verdict."""
    first, count = route.roles[0], len(route.steps)
    ids: list[str | v.Piece] = []
    for n, role in enumerate(route.roles):
        ids += [v.Arrow(), v.Span(role.id, "code")] if n else [v.Span(role.id, "code")]
    meta = [v.line(*ids, v.muted(f"  ({_steps(count)})"))]
    if len(route.origins) > 1:
        meta.insert(0, v.line(f"Starting from {first.id}: no entry role has a shorter route."))
    blocks: list[v.Block] = []
    if not route.steps:
        blocks.append(v.para(v.Span(route.goal.id, "code"), " is where the route starts: no steps to take."))
    elif any(s.kind == "advance" for s in route.steps):
        blocks.append(v.note(route.note))
    blocks += [_step(n, count, step) for n, step in enumerate(route.steps, 1)]
    if verdict is not None:
        blocks.append(verdict)
    return v.Page(f"Route from {first.title} to {route.goal.title}", tuple(meta), tuple(blocks))


# ---------------------------------------------------------------- Markdown


# ---------------------------------------------------------------- Mermaid


def path_shown_page(shown: PathShown) -> v.Page:
    """The ladder's page, or a route's, ending with its verdict (the pay from first role to last)."""
    from mlcareer.render.verdict import route_verdict

    if not isinstance(shown.found, Route):
        return ladder_page(shown.found)
    if shown.total is None:
        return route_page(shown.found)
    return route_page(shown.found, route_verdict(shown.found, shown.total, pay_text(shown.total, "->")))
