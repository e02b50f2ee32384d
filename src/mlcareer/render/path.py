"""Rendering of `mlcareer path`: the ladder as a tree, a route step by step, JSON, Markdown, Mermaid."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from mlcareer.ladder import SPECIALISE_NOTE, Ladder, Node, PayChange, Route, SkillGrowth, Step
from mlcareer.models import SalaryFigure
from mlcareer.render.common import HEADING, MUTED, NO_DATA, bullets, figure_amount, literal, money, no_data
from mlcareer.render.expect import COMPACT_NOTE, grade_text

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


def _now_text(growth: SkillGrowth, ascii_only: bool) -> Text:
    return grade_text(growth.now, ascii_only, compact=True)


def _then_text(growth: SkillGrowth, ascii_only: bool) -> Text:
    return grade_text(growth.then, ascii_only, compact=True)


def change_label(growth: SkillGrowth) -> str:
    """'+2', 'none', or '' when a grade is not scored for both roles (never 'new skill')."""
    change = growth.change
    if change is not None:
        return f"+{change}" if change > 0 else ("none" if change == 0 else f"{change}")
    return ""


class SkillGrowthTable:
    """Each skill the next role expects, now and then: a table when wide, stacked when narrow."""

    def __init__(self, skills: list[SkillGrowth]) -> None:
        self.skills = skills

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ascii_only = options.ascii_only
        if not self.skills:
            yield no_data()
            return
        if options.max_width < 64:
            for g in self.skills:
                name = Text()
                name.append(literal(g.skill.name, "bold"))
                label = change_label(g)
                if label:
                    name.append(f" ({label})", style=MUTED)
                yield name
                yield Padding(Text.assemble(("now: ", MUTED), _now_text(g, ascii_only)), (0, 0, 0, 2))
                yield Padding(Text.assemble(("expects: ", MUTED), _then_text(g, ascii_only)), (0, 0, 0, 2))
            return
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("Skill", ratio=1, min_width=12)
        table.add_column("Now", no_wrap=True)
        table.add_column("Expects", no_wrap=True)
        table.add_column("Change", no_wrap=True, style=MUTED)
        for g in self.skills:
            table.add_row(
                literal(g.skill.name), _now_text(g, ascii_only), _then_text(g, ascii_only), change_label(g)
            )
        yield table


class RouteView:
    """A route: the roles in order, then each step with its skills and pay."""

    def __init__(self, route: Route) -> None:
        self.route = route

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        route = self.route
        arrow = _arrow(options.ascii_only)
        first = route.roles[0]
        yield Text.assemble(
            ("Route from ", HEADING),
            literal(first.title, HEADING),
            (" to ", HEADING),
            literal(route.goal.title, HEADING),
        )
        if len(route.origins) > 1:
            yield Text(f"Starting from {first.id}: no entry role has a shorter route.", style=MUTED)
        count = len(route.steps)
        yield literal(f" {arrow} ".join(r.id for r in route.roles)).append(
            f"  ({_steps(count)})", style=MUTED
        )
        if not route.steps:
            yield Text.assemble(literal(route.goal.id), " is where the route starts: no steps to take.")
        elif any(s.kind == "advance" for s in route.steps):
            yield Text(route.note, style=MUTED)
        for number, step in enumerate(route.steps, 1):
            yield Text("")
            yield self._step(number, count, step, arrow)

    def _step(self, number: int, count: int, step: Step, arrow: str) -> RenderableType:
        title = Text(f"Step {number} of {count}: ", style="bold")
        title.append(literal(step.source.title, "bold"))
        title.append(f" {arrow} ")
        title.append(literal(step.target.title, "bold"))
        parts: list[RenderableType] = []
        if step.kind == "specialisation":
            parts.append(Text(f"Specialise: {SPECIALISE_NOTE}.", style=MUTED))
        else:
            parts.append(
                Text(
                    f"Advance to the next level: {step.source.level.value} {arrow} {step.target.level.value}",
                    MUTED,
                )
            )
            if step.basis is not None:
                parts.append(Text.assemble(("Rests on: ", MUTED), literal(f'"{step.basis.quote}"', MUTED)))
        if step.requirements:
            parts.append(Text("What the new level asks beyond skills", style="bold"))
            parts.append(bullets(literal(r.text) for r in step.requirements))
        parts += [
            Text("Skills the next role expects", style="bold"),
            SkillGrowthTable(step.skills),
            Text(COMPACT_NOTE, style=MUTED),
            Text.assemble(("Pay: ", "bold"), literal(pay_text(step.pay, arrow))),
        ]
        body = Group(*parts)
        return Group(title, Padding(body, (0, 0, 0, 2), expand=False))


def render_path(result: Ladder | Route) -> RenderableType:
    """The tree for a ladder, the steps for a route."""
    return RouteView(result) if isinstance(result, Route) else LadderTree(result)


# ---------------------------------------------------------------- Markdown


# ---------------------------------------------------------------- Mermaid
