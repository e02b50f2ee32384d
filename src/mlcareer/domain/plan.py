"""Pure domain: a self-assessment turned into an ordered learning plan for a role.

A step is a skill where your answer is below what the role expects (the expectation and
on what it rests come from :mod:`mlcareer.domain.expectations`), or a requirement of a level on
the way that skills cannot show (experience, education). The order is :data:`ORDER_RULE`:
mlcareer's suggestion, resting on the data pack's ``plan.yaml``, never a source's words.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from mlcareer.choices import Level
from mlcareer.domain.expectations import Expectation, expectations, family_role
from mlcareer.domain.ladder import route
from mlcareer.domain.quiz import QuizResult, score
from mlcareer.errors import NoRouteError

if TYPE_CHECKING:
    from mlcareer.models import Catalog, Credential, Question, Quoted, Role, ScaleStep, Skill

ORDER_RULE = (
    "mlcareer's suggestion, not a source's: steps are grouped by the level of the route where the "
    "skill is first expected, or earlier where a step of an earlier level builds on it. Within a "
    "level, a skill comes after the skills it builds on (plan.yaml, this data pack's choice); of "
    "the skills that can come next, foundations (those another step builds on) first, then larger "
    "gaps, then the catalogue's order. Each level's own requirements close its group."
)

StepKind = Literal["skill", "requirement"]


@dataclass(frozen=True)
class PlanStep:
    """One thing to do: close a skill gap, or meet a level's requirement."""

    id: str  # the skill id, or "LEVEL-requirement-N"
    kind: StepKind
    level: Level  # the level of the route where it is first expected
    title: str
    done: bool
    skill: Skill | None = None
    you: int | None = None
    expectation: Expectation | None = None
    next_grades: tuple[ScaleStep, ...] = ()  # what each grade above yours up to the bar looks like
    credentials: tuple[Credential, ...] = ()  # those a source ties to the skill
    builds_on: tuple[str, ...] = ()  # earlier steps this one builds on
    requirement: Quoted | None = None

    @property
    def gap(self) -> int:
        if self.expectation is None or self.expectation.grade is None or self.you is None:
            return 0
        return self.expectation.grade - self.you


@dataclass(frozen=True)
class Plan:
    """The ordered steps to ``role`` from a scored result, and how far along they are."""

    role: Role
    result: QuizResult
    start: Role | None  # the role of your level the route starts from; None: no route needed
    roles: tuple[Role, ...]  # the route's roles (just the target when no route)
    steps: tuple[PlanStep, ...]
    not_asked: tuple[Skill, ...]  # expected skills the answers did not cover
    education: tuple[Credential, ...]  # what the sources say of the role's education
    rule: str = ORDER_RULE

    @property
    def done(self) -> int:
        return sum(1 for s in self.steps if s.done)

    @property
    def percent(self) -> int | None:
        """The share of steps done, in percent; None for a plan with no steps."""
        return round(100 * self.done / len(self.steps)) if self.steps else None


def make_plan(
    catalog: Catalog,
    role: Role,
    answers: Mapping[str, int],
    quick: bool = False,
    done: Set[str] = frozenset(),
) -> Plan:
    """The plan for ``role`` from quiz ``answers``; ``done`` holds the ids of steps marked done."""
    result = score(catalog, role, answers, quick=quick)
    start, roles = _route(catalog, role, result.level.level)
    expected_at = _first_expected(catalog, roles, {r.skill.id: r.you for r in result.skills})
    steps: list[PlanStep] = []
    for row in result.skills:
        if row.status != "gap" or row.you is None or row.expected is None:
            continue
        exp = row.expectation
        steps.append(
            PlanStep(
                id=row.skill.id,
                kind="skill",
                level=expected_at.get(row.skill.id, role.level),
                title=row.skill.name,
                done=row.skill.id in done,
                skill=row.skill,
                you=row.you,
                expectation=exp,
                next_grades=tuple(s for s in catalog.scale if row.you < s.value <= row.expected),
                credentials=tuple(c for c in catalog.credentials if row.skill.id in c.skills),
            )
        )
    ordered = _order(catalog, steps)
    levels = [r.level for r in roles] if start is not None else [role.level]
    final: list[PlanStep] = []
    for level in dict.fromkeys(levels):
        final += [s for s in ordered if s.level == level]
        final += _requirements(catalog, level, done)
    final += [s for s in ordered if s.level not in levels]
    creds = catalog.lookup.credentials
    return Plan(
        role=role,
        result=result,
        start=start,
        roles=tuple(roles),
        steps=tuple(final),
        not_asked=tuple(r.skill for r in result.skills if r.status == "not asked"),
        education=tuple(creds[c] for c in role.education if c in creds),
    )


def _route(catalog: Catalog, goal: Role, level: Level | None) -> tuple[Role | None, list[Role]]:
    """The roles to go through: from the ML engineer family's role at your level to ``goal``,
    when ``goal`` is above it. Below every level, the route starts at the entry role itself."""
    below = level is None
    if level is None:
        level = Level.entry
    if not below and level.rank >= goal.level.rank:
        return None, [goal]
    start = family_role(catalog, level)
    if start is None or start.id == goal.id:
        return None, [goal]
    try:
        found = route(catalog, goal, start)
    except NoRouteError:
        return None, [goal]
    return start, found.roles if below else found.roles[1:]


def _first_expected(catalog: Catalog, roles: list[Role], you: Mapping[str, int | None]) -> dict[str, Level]:
    """Each skill -> the level of the first role on the route that expects more than your answer."""
    found: dict[str, Level] = {}
    for role in roles:
        for exp in expectations(catalog, role).items:
            mine = you.get(exp.skill.id)
            if exp.grade is not None and mine is not None and mine < exp.grade:
                found.setdefault(exp.skill.id, role.level)
    return found


def _ancestors(catalog: Catalog) -> dict[str, set[str]]:
    """Every skill a skill builds on, directly or through others (plan.yaml has no cycles)."""
    direct = {b.skill: set(b.on) for b in catalog.plan.builds_on}
    memo: dict[str, set[str]] = {}

    def walk(skill: str, seen: frozenset[str]) -> set[str]:
        if skill not in memo:
            out: set[str] = set()
            for parent in direct.get(skill, ()):
                if parent not in seen:  # a guard: validation refuses cycles
                    out |= {parent} | walk(parent, seen | {parent})
            memo[skill] = out
        return memo[skill]

    return {skill: walk(skill, frozenset({skill})) for skill in {s.id for s in catalog.skills}}


def _order(catalog: Catalog, steps: list[PlanStep]) -> list[PlanStep]:
    """Skill steps by level, then foundations first (builds_on), then larger gaps, then catalogue order."""
    ancestors = _ancestors(catalog)
    order = catalog.lookup.skill_order
    ids = {s.id for s in steps}
    # a foundation comes no later than the earliest step that builds on it
    earliest = {
        s.id: min(
            [s.level, *(o.level for o in steps if s.id in ancestors.get(o.id, set()))], key=lambda lv: lv.rank
        )
        for s in steps
    }
    steps = [replace(s, level=earliest[s.id]) for s in steps]
    placed: list[PlanStep] = []
    pending = sorted(steps, key=lambda s: (s.level.rank, -s.gap, order.get(s.id, 0)))
    while pending:
        done = {p.id for p in placed}
        left = {s.id for s in pending}
        free = [s for s in pending if not (ancestors.get(s.id, set()) & ids) - done - {s.id}]
        free = free or pending[:1]  # unreachable without a cycle; never loop forever
        level = min(s.level.rank for s in free)
        free = [s for s in free if s.level.rank == level]
        foundations = [s for s in free if any(s.id in ancestors.get(o, set()) for o in left)]
        ready = (foundations or free)[0]
        pending.remove(ready)
        below = tuple(a for a in sorted(ancestors.get(ready.id, set()) & ids, key=order.__getitem__))
        placed.append(replace(ready, builds_on=below))
    return placed


def _requirements(catalog: Catalog, level: Level, done: Set[str]) -> list[PlanStep]:
    info = next((lv for lv in catalog.levels if lv.id == level), None)
    if info is None:
        return []
    steps = []
    for i, req in enumerate(info.requirements, 1):
        ident = f"{level.value}-requirement-{i}"
        steps.append(PlanStep(ident, "requirement", level, req.text, ident in done, requirement=req))
    return steps


def retake_questions(catalog: Catalog, plan: Plan) -> list[Question]:
    """The skill questions of the plan's skill steps, in quiz order: what `quiz --plan` asks again."""
    skills = {s.skill.id for s in plan.steps if s.skill is not None}
    questions = catalog.quiz.questions if catalog.quiz is not None else []
    return [q for q in questions if q.kind == "skill" and q.skill in skills]
