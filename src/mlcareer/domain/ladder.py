"""Pure domain: the career ladder as a graph, what is reachable, and the shortest route.

The source names no move from one role to another. It lists the roles each level may
include and says machine learning engineers advance from one level to the next, so the
moves are: "advance" from a role to each role of the next level, resting on that level's
``advance`` sentence; and "specialisation", from a role into each kind of ML engineer that
``specialises`` it (mlcareer's reading of "Types of Machine Learning Engineers"). A kind of
ML engineer advances like the role it specialises. Ties between routes of the same length
go to the ML engineer family first, then to the data's order.
"""

from __future__ import annotations

from collections import deque
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from mlcareer.choices import Level
from mlcareer.domain.expectations import Expectation, expectations
from mlcareer.domain.salaries import salary_for_role
from mlcareer.errors import NoRouteError
from mlcareer.named import NamedTuple

EdgeKind = Literal["advance", "specialisation"]
ChangeBasis = Literal["sources", "ceiling", "speciality", "unsourced", "same", "none"]
#: Said beside a change of grade that comes from defaults or from a shift of scope.
UNSOURCED = "no source grades this difference"

#: Said wherever a route passes through a role the source does not single out.
ROUTE_NOTE = (
    "The source names no move from one role to another: machine learning engineers advance "
    "from one level to the next. Which role a route passes through at each level is "
    "mlcareer's choice (the machine learning engineer's own where there is one)."
)
#: Said of every move up: it is between levels, not roles.
ADVANCE_NOTE = (
    "the source says machine learning engineers advance from one level to the next; it names no "
    "move from one role to another, so a move up leads to the next level, to any of its roles"
)
#: Said of every specialisation move.
SPECIALISE_NOTE = (
    'mlcareer\'s reading of "Types of Machine Learning Engineers": a kind of machine learning '
    "engineer is reached by specialising as a machine learning engineer"
)

if TYPE_CHECKING:
    from mlcareer.models import Catalog, LevelInfo, Quoted, Role, SalaryFigure, Skill


class Edge(NamedTuple):
    """One move the data allows: up the ladder, or into a specialisation."""

    source: str
    target: str
    kind: EdgeKind


class Node(NamedTuple):
    """A role on the ladder, its pay at its own level, and the role it hangs from in the tree."""

    role: Role
    pay: list[SalaryFigure]
    parent: str | None


class Ladder(NamedTuple):
    """The ladder (or the part reachable from ``start``): roles by level, and the moves between them."""

    levels: list[tuple[Level, str]]
    info: dict[Level, LevelInfo]  # what the sources say of each level shown
    nodes: list[Node]
    edges: list[Edge]
    start: Role | None

    def top(self, level: Level) -> list[Node]:
        """The roles of a level that hang from no other role."""
        return [n for n in self.nodes if n.role.level == level and n.parent is None]

    def children(self, role_id: str) -> list[Node]:
        """The specialisations shown under a role."""
        return [n for n in self.nodes if n.parent == role_id]


class SkillGrowth(NamedTuple):
    """A skill the next role expects, against the current role (None: its sources do not say)."""

    skill: Skill
    now: Expectation | None
    then: Expectation

    @property
    def basis(self) -> ChangeBasis:
        """On what the change rests: "sources" (statements at the two roles' scopes grade it
        differently), "ceiling" or "speciality" (mlcareer's reading, labelled), "unsourced" (defaults
        or a shift of scope: no source grades the difference), "same", or "none" (not stated now)."""
        now, then = self.now, self.then
        if now is None or now.grade is None or then.grade is None:
            return "none"
        if now.grade == then.grade:
            return "same"
        if not now.graded or not then.graded:
            return "unsourced"
        if then.basis == "speciality" or now.basis == "speciality":
            return "speciality"
        if now.chosen is not None and then.chosen is not None and now.chosen.quote == then.chosen.quote:
            return "ceiling" if (now.ceiling or then.ceiling) else "same"
        if now.chosen is None or then.chosen is None or now.chosen.scope != then.chosen.scope:
            return "unsourced"
        return "sources"

    @property
    def change(self) -> int | None:
        """Steps to grow on the 0-4 scale, only where a source (or mlcareer's labelled reading)
        grades the difference; None for a change no source grades."""
        if self.basis in ("none", "unsourced") or self.now is None:
            return None
        if not (self.now.graded and self.then.graded):
            return None
        assert self.now.grade is not None and self.then.grade is not None
        return self.then.grade - self.now.grade


class PayChange(NamedTuple):
    """Pay before and after a step, each at its role's own level, and the difference where comparable."""

    before: SalaryFigure | None
    after: SalaryFigure | None
    low: int | None = None  # change at the low end (or of the average)
    high: int | None = None  # change at the high end, where both ranges state one

    @property
    def comparable(self) -> bool:
        return self.low is not None


class Step(NamedTuple):
    """One move of a route and what it asks for."""

    source: Role
    target: Role
    kind: EdgeKind
    skills: list[SkillGrowth]
    pay: PayChange
    basis: Quoted | None  # the sentence the move rests on (the level's advance sentence)
    requirements: list[Quoted]  # what the target's level asks beyond skills, hedges kept


class Route(NamedTuple):
    """The shortest route to ``goal``; ``origins`` are the roles the search started from."""

    roles: list[Role]
    steps: list[Step]
    origins: list[Role]
    goal: Role
    note: str = ROUTE_NOTE


def level_names(catalog: Catalog) -> dict[Level, str]:
    """Each level's display name: the data's, else 'Entry level' and so on."""
    names = {level: f"{level.value.capitalize()} level" for level in Level}
    names.update({info.id: info.name for info in catalog.levels})
    return names


# Each level's next rung up: a table, as this is asked once per role on every run.
_NEXT_LEVEL: dict[Level, Level] = dict(pairwise(Level))


def _next_level(level: Level) -> Level | None:
    return _NEXT_LEVEL.get(level)


def _preferred(catalog: Catalog) -> list[Role]:
    """Roles in the order moves are tried: the ML engineer family first, then data order."""
    family = catalog.expectations.family
    return sorted(catalog.roles, key=lambda r: r.id not in family)


def edges(catalog: Catalog) -> list[Edge]:
    """Every move: advancing to each role of the next level, and specialising into each kind."""
    roles = _preferred(catalog)
    out: list[Edge] = []
    for role in catalog.roles:
        nxt = _next_level(role.level)
        for target in roles:
            if nxt is not None and target.kind == "ladder" and target.level == nxt:
                out.append(Edge(role.id, target.id, "advance"))
    ids = catalog.lookup.roles.keys()
    for role in catalog.roles:
        if role.specialises in ids and role.specialises != role.id:
            out.append(Edge(role.specialises, role.id, "specialisation"))
    return out


def moves_from(catalog: Catalog, role: Role) -> list[Edge]:
    """The moves on from one role, in the order :func:`edges` gives them (without building them all)."""
    nxt = _next_level(role.level)
    out = [
        Edge(role.id, t.id, "advance")
        for t in (_preferred(catalog) if nxt is not None else [])
        if t.kind == "ladder" and t.level == nxt
    ]
    return out + [
        Edge(role.id, r.id, "specialisation") for r in catalog.roles if r.specialises == role.id != r.id
    ]


def moves_to(catalog: Catalog, role: Role) -> list[Edge]:
    """The moves into one role, in the order :func:`edges` gives them."""
    out = []
    if role.kind == "ladder":
        out = [Edge(r.id, role.id, "advance") for r in catalog.roles if _next_level(r.level) == role.level]
    ids = catalog.lookup.roles.keys()
    if role.specialises in ids and role.specialises != role.id:
        assert role.specialises is not None
        out.append(Edge(role.specialises, role.id, "specialisation"))
    return out


def _successors(catalog: Catalog) -> dict[str, list[Edge]]:
    out: dict[str, list[Edge]] = {r.id: [] for r in catalog.roles}
    for edge in edges(catalog):
        out[edge.source].append(edge)
    return out


def reachable(catalog: Catalog, start: Role) -> list[Role]:
    """``start`` and every role reachable from it, breadth first."""
    succ = _successors(catalog)
    by_id = catalog.lookup.roles
    seen = [start.id]
    queue = deque(seen)
    while queue:
        for edge in succ[queue.popleft()]:
            if edge.target not in seen:
                seen.append(edge.target)
                queue.append(edge.target)
    return [by_id[i] for i in seen]


def pay_at_own_level(catalog: Catalog, role: Role) -> list[SalaryFigure]:
    """The figures for this role at the role's own level (ranges first)."""
    return [f for f in salary_for_role(catalog, role) if f.level == role.level]


def ladder(catalog: Catalog, start: Role | None = None) -> Ladder:
    """The whole ladder, or what is reachable from ``start``; ordered by level, then data order."""
    roles = reachable(catalog, start) if start is not None else list(catalog.roles)
    shown = {r.id for r in roles}
    order = catalog.lookup.role_order
    roles.sort(key=lambda r: (r.level.rank, r.kind != "ladder", order[r.id]))
    nodes = [
        Node(
            role=r,
            pay=pay_at_own_level(catalog, r),
            parent=r.specialises if r.specialises in shown and r.specialises != r.id else None,
        )
        for r in roles
    ]
    names = level_names(catalog)
    levels = [(level, names[level]) for level in Level if any(r.level == level for r in roles)]
    graph = [e for e in edges(catalog) if e.source in shown and e.target in shown]
    info = {lv: i for lv, i in catalog.lookup.levels.items() if any(lv == level for level, _ in levels)}
    return Ladder(levels=levels, info=info, nodes=nodes, edges=graph, start=start)


def entry_roles(catalog: Catalog) -> list[Role]:
    """The ladder roles at the entry level, in data order."""
    return [r for r in catalog.roles if r.kind == "ladder" and r.level == Level.entry]


def route(catalog: Catalog, goal: Role, start: Role | None = None) -> Route:
    """The shortest route to ``goal`` from ``start``, or from the nearest entry role.

    Breadth first from every origin at once, so the first origin in data order wins a tie.
    """
    origins = [start] if start is not None else entry_roles(catalog)
    succ = _successors(catalog)
    by_id = catalog.lookup.roles
    came_from: dict[str, Edge | None] = {o.id: None for o in origins}
    queue = deque(o.id for o in origins)
    while queue and goal.id not in came_from:
        for edge in succ[queue.popleft()]:
            if edge.target not in came_from:
                came_from[edge.target] = edge
                queue.append(edge.target)
    if goal.id not in came_from:
        raise NoRouteError(_no_route(catalog, origins, goal, start is None))
    path: list[Edge] = []
    at = came_from[goal.id]
    while at is not None:
        path.append(at)
        at = came_from[at.source]
    path.reverse()
    roles = [by_id[path[0].source]] if path else [goal]
    roles += [by_id[e.target] for e in path]
    steps = [step(catalog, by_id[e.source], by_id[e.target], e.kind) for e in path]
    return Route(roles=roles, steps=steps, origins=origins, goal=goal)


def _no_route(catalog: Catalog, origins: list[Role], goal: Role, from_entry: bool) -> str:
    if not origins:
        return f"no route to {goal.id}: the data has no entry-level ladder role to start from"
    if from_entry:
        names = ", ".join(o.id for o in origins)
        return f"no route to {goal.id} from any entry role ({names}): no move in the data leads there"
    start = origins[0]
    where = f"no route from {start.id} to {goal.id}"
    if goal.level == start.level:
        return f"{where}: the ladder only goes up, and both are {goal.level.value} level"
    if goal.level.rank < start.level.rank:
        return (
            f"{where}: the ladder only goes up "
            f"({start.id} is {start.level.value} level, {goal.id} is {goal.level.value} level)"
        )
    moves = [e.target for e in _successors(catalog)[start.id]]
    if not moves:
        return f"{where}: {start.id} is at the top of the ladder"
    return f"{where}: advancing a level at a time from {start.id} does not reach it"


def step(catalog: Catalog, source: Role, target: Role, kind: EdgeKind) -> Step:
    """What a move asks for: the target's expectations against the source's, the change in pay,
    and, for an advance, the sentence it rests on and the new level's requirements."""
    now = expectations(catalog, source)
    growth = [SkillGrowth(e.skill, now.get(e.skill.id), e) for e in expectations(catalog, target).items]
    info = catalog.lookup.levels.get(target.level)
    basis = info.advance if info is not None and kind == "advance" else None
    needs: list[Quoted] = list(info.requirements) if info is not None and target.level != source.level else []
    return Step(source, target, kind, growth, pay_change(catalog, source, target), basis, needs)


def pay_change(catalog: Catalog, source: Role, target: Role) -> PayChange:
    """Pay at each role's own level; the difference only between like figures (kind, currency, period)."""
    before = next(iter(pay_at_own_level(catalog, source)), None)
    after = next(iter(pay_at_own_level(catalog, target)), None)
    if before is None or after is None:
        return PayChange(before, after)
    if (before.kind, before.currency, before.period) != (after.kind, after.currency, after.period):
        return PayChange(before, after)
    if before.kind == "average":
        assert before.amount is not None and after.amount is not None
        change = after.amount - before.amount
        return PayChange(before, after, low=change, high=change)
    assert before.low is not None and after.low is not None
    high = None
    # An open-ended "or more" high end is only a lower bound: no difference from it.
    if before.high is not None and after.high is not None and not before.open_ended:
        high = after.high - before.high
    return PayChange(before, after, low=after.low - before.low, high=high)


def explore(catalog: Catalog, start: Role | None = None, goal: Role | None = None) -> Ladder | Route:
    """`mlcareer path`: the route to ``goal`` when there is one, else the ladder (from ``start``)."""
    if goal is not None:
        return route(catalog, goal, start)
    return ladder(catalog, start)
