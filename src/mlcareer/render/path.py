"""Rendering of `mlcareer path`: the ladder as a tree, a route step by step, JSON, Markdown, Mermaid."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text
from rich.tree import Tree

from mlcareer.ladder import SPECIALISE_NOTE, Ladder, Node, PayChange, Route, SkillGrowth, Step
from mlcareer.models import SalaryFigure
from mlcareer.render import view as v
from mlcareer.render.common import HEADING, MUTED, NO_DATA, bullets, figure_amount, literal, money, no_data
from mlcareer.render.expect import COMPACT_NOTE
from mlcareer.render.role_page import grade_line

HIGHLIGHT = "bold yellow"
LEVEL_STYLE = "bold magenta"


def _arrow(ascii_only: bool) -> str:
    return "->" if ascii_only else "→"


def _back_arrow(ascii_only: bool) -> str:
    return "<-" if ascii_only else "←"


def _steps(count: int) -> str:
    return f"{count} step{'' if count == 1 else 's'}"


def _band(figures: list[SalaryFigure]) -> str:
    """'$80,000 - $110,000 per year', several joined by '; '."""
    return "; ".join(f"{figure_amount(f)} per {f.period}" for f in figures)


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
    text = f"{figure_amount(before)} {arrow} {figure_amount(after)} per {after.period}"
    if after.kind == "average":
        return f"{text} ({_signed(pay.low, after.currency)})"
    changes = [f"low end {_signed(pay.low, after.currency)}"]
    if pay.high is not None:
        more = " or more" if after.open_ended else ""
        changes.append(f"high end {_signed(pay.high, after.currency)}{more}")
    return f"{text} ({', '.join(changes)})"


# ---------------------------------------------------------------- the tree


class LadderTree:
    """The ladder by level, specialisations under the role they specialise; ASCII guides when needed.

    Below 60 columns ids go on their own line and specialisations hang straight from
    their role, so that even the longest id fits 40 columns.
    """

    def __init__(self, ladder: Ladder) -> None:
        self.ladder = ladder

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ladder = self.ladder
        start = ladder.start
        narrow = options.max_width < 60
        if start is None:
            yield Text("Career ladder", style=HEADING)
        else:
            yield Text.assemble(("Reachable from ", HEADING), literal(start.title, HEADING))
        tree = Tree(Text(""), guide_style=MUTED, hide_root=True)
        for level, name in ladder.levels:
            parts: list[RenderableType] = [literal(name, LEVEL_STYLE)]
            info = ladder.info.get(level)
            if info is not None and info.advance is not None:
                advance = Text(f"{_arrow(options.ascii_only)} ", style=MUTED).append(
                    literal(info.advance.text, MUTED)
                )
                parts.append(Padding(advance, (0, 0, 0, 2)))
            if info is not None and info.requirements:
                asks = bullets(literal(req.text, MUTED) for req in info.requirements)
                parts.append(Padding(asks, (0, 0, 0, 2)))
            branch = tree.add(Group(*parts))
            for node in ladder.top(level):
                self._add(branch, node, options.ascii_only, narrow)
        yield tree
        yield Text(
            "Roles are those each level may include; moving up is advancing to the next level "
            "(the source names no role-to-role move). " + SPECIALISE_NOTE + ".",
            style=MUTED,
        )
        if start is not None and len(ladder.nodes) == 1:
            yield Text.assemble(
                literal(start.id), " is at the top of the ladder: the sources name no level above it."
            )

    def _add(self, branch: Tree, node: Node, ascii_only: bool, narrow: bool) -> None:
        children = self.ladder.children(node.role.id)
        label = self._label(node, ascii_only, narrow)
        if children and narrow:
            label.append(f"\nspecialisations ({len(children)}):", style=MUTED)
        here = branch.add(label)
        if children:
            title = f"specialise as ({len(children)})"
            kinds = here if narrow else here.add(Text(title, style=MUTED))
            for child in children:
                self._add(kinds, child, ascii_only, narrow)

    def _label(self, node: Node, ascii_only: bool, narrow: bool) -> Text:
        role = node.role
        is_start = self.ladder.start is not None and self.ladder.start.id == role.id
        label = Text()
        label.append(literal(role.title, HIGHLIGHT if is_start else "bold"))
        label.append(f"\n{role.id}" if narrow else f" ({role.id})", style=MUTED)
        if is_start:
            label.append(f" {_back_arrow(ascii_only)} you are here", style=HIGHLIGHT)
        if role.kind == "ladder" or node.pay:
            label.append("\npay: ", style=MUTED)
            label.append(literal(_band(node.pay)) if node.pay else no_data())
        return label


# ---------------------------------------------------------------- a route


def change_label(growth: SkillGrowth) -> str:
    """'+2', 'none', or '' when a grade is not scored for both roles (never 'new skill')."""
    change = growth.change
    if change is not None:
        return f"+{change}" if change > 0 else ("none" if change == 0 else f"{change}")
    return ""


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


def render_ladder(ladder: Ladder) -> RenderableType:
    """The ladder as a tree."""
    return LadderTree(ladder)


# ---------------------------------------------------------------- Markdown


# ---------------------------------------------------------------- Mermaid
