"""Pure domain: a self-assessment turned into an ordered learning plan for a role.

A step is a skill where your answer is below what the role expects (the expectation and
on what it rests come from :mod:`mlcareer.domain.expectations`), or a requirement of a level on
the way that skills cannot show (experience, education). The order is :data:`ORDER_RULE`:
mlcareer's suggestion, resting on the data pack's ``plan.yaml``, never a source's words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from mlcareer.choices import Level
from mlcareer.datafiles import named
from mlcareer.domain.expectations import Expectation, ceiling_for, expectations, family_role
from mlcareer.domain.ladder import route
from mlcareer.domain.quiz import SCALE_WORDS, QuizResult, grade_words, score
from mlcareer.errors import MlcareerError, NoRouteError
from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from mlcareer.models import (
        Catalog,
        Ceiling,
        Credential,
        Question,
        Quoted,
        Role,
        ScaleStep,
        Skill,
        Statement,
    )

ORDER_RULE = (
    "mlcareer's suggestion, not a source's: steps are grouped by the level of the route where the "
    "skill is first expected, or earlier where a step of an earlier level builds on it. A step at a "
    "level below the role's aims at no more than that level's characteristic grade (mlcareer's "
    "level ceiling), and a later step of the same skill takes it on to what the role expects. Within "
    f"a level, a skill comes after the skills it builds on ({named('plan')}, this data pack's choice); of "
    "the skills that can come next, foundations (those another step builds on) first, then larger "
    "gaps, then the catalogue's order. Each level's own requirements close its group."
)

StepKind = Literal["skill", "requirement"]


@dataclass(frozen=True)
class PlanStep:
    """One thing to do: close a skill gap, or meet a level's requirement."""

    id: str  # the skill id (a later step of the same skill: "SKILL-LEVEL"), or "LEVEL-requirement-N"
    kind: StepKind
    level: Level  # the level of the route where it is first expected
    title: str
    done: bool
    skill: Skill | None = None
    you: int | None = None
    expectation: Expectation | None = None
    #: what each grade above yours up to the bar looks like, in the quiz's words for the skill
    #: (:data:`SCALE_WORDS`): the first is the next grade, the last the role's
    next_grades: tuple[ScaleStep, ...] = ()
    credentials: tuple[Credential, ...] = ()  # those a source ties to the skill
    builds_on: tuple[str, ...] = ()  # earlier steps this one builds on
    requirement: Quoted | None = None
    aim: int | None = None  # the grade this step aims at: the role's, or less at a lower level
    base: int | None = None  # the grade it starts from: your answer, or an earlier step's aim
    ceiling: Ceiling | None = None  # set when the level's characteristic grade limits the aim

    @property
    def target(self) -> int | None:
        """The grade this step aims at (the role's grade when no lower aim is set)."""
        if self.aim is not None:
            return self.aim
        return self.expectation.grade if self.expectation is not None else None

    @property
    def gap(self) -> int:
        start = self.base if self.base is not None else self.you
        if self.target is None or start is None:
            return 0
        return self.target - start


class Suggestions(NamedTuple):
    """What the sources suggest beyond one skill's credentials, hedges kept: the education the
    level statements give, and their advice on continuous learning."""

    education: tuple[tuple[Level, Quoted], ...]  # a level and its statement about education
    learning: tuple[Statement, ...]  # the profession-wide statements about continuous learning


NO_SUGGESTIONS = Suggestions((), ())
#: The skill whose statements are the sources' advice on learning.
LEARNING_SKILL = "continuous-learning"
_EDUCATION_WORDS = ("degree", "education")


def suggestions(catalog: Catalog, levels: Sequence[Level]) -> Suggestions:
    """The education the statements of ``levels`` give (those about a degree or education), and
    the sources' advice on continuous learning."""
    education = []
    for level in dict.fromkeys(levels):
        info = catalog.lookup.levels.get(level)
        for req in info.requirements if info is not None else ():
            if any(word in req.text.casefold() for word in _EDUCATION_WORDS):
                education.append((level, req))
    profession = catalog.expectations.profession
    learning = tuple(s for s in (profession.statements if profession else ()) if s.skill == LEARNING_SKILL)
    return Suggestions(tuple(education), learning)


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
    suggestions: Suggestions = NO_SUGGESTIONS
    rule: str = ORDER_RULE
    words: str = SCALE_WORDS  # whose words the grades' descriptions are

    def open_steps(self, n: int | None = None) -> list[tuple[int, PlanStep]]:
        """The first ``n`` steps not done (all when None), each with the number the plan shows."""
        found = [(i, s) for i, s in enumerate(self.steps, 1) if not s.done]
        return found if n is None else found[:n]

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
                next_grades=grade_words(catalog, row.skill.id, row.you, row.expected),
                credentials=tuple(c for c in catalog.credentials if row.skill.id in c.skills),
            )
        )
    ordered = _order(catalog, steps)
    levels = [r.level for r in roles] if start is not None else [role.level]
    ordered = [part for s in ordered for part in _by_level(catalog, s, list(dict.fromkeys(levels)), done)]
    final: list[PlanStep] = []
    for level in dict.fromkeys(levels):
        final += [s for s in ordered if s.level == level]
        final += _requirements(catalog, level, done)
    # a step expected only off the route closes the plan, grouped by level so numbers run in order
    final += sorted((s for s in ordered if s.level not in levels), key=lambda s: s.level.rank)
    creds = catalog.lookup.credentials
    return Plan(
        role=role,
        result=result,
        start=start,
        roles=tuple(roles),
        steps=tuple(final),
        not_asked=tuple(r.skill for r in result.skills if r.status == "not asked"),
        education=tuple(creds[c] for c in role.education if c in creds),
        suggestions=suggestions(catalog, levels),
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


def _by_level(catalog: Catalog, step: PlanStep, levels: list[Level], done: Set[str]) -> list[PlanStep]:
    """A skill step as one step per level of the route it climbs through: at a level below the
    last, it aims at no more than that level's characteristic grade (mlcareer's level ceiling)."""
    final = step.target
    if step.kind != "skill" or final is None or step.you is None or step.level not in levels:
        return [step]
    out: list[PlanStep] = []
    base = step.you
    for level in levels[levels.index(step.level) :]:
        ceiling = ceiling_for(catalog, level)
        last = level == levels[-1]
        aim = final if last or ceiling is None else min(final, ceiling.grade)
        if aim <= base:
            continue
        ident = step.id if not out else f"{step.id}-{level.value}"
        out.append(
            replace(
                step,
                id=ident,
                level=level,
                done=ident in done,
                aim=aim,
                base=base,
                ceiling=ceiling if aim < final else None,
                next_grades=grade_words(catalog, step.skill.id, base, aim) if step.skill else (),
            )
        )
        base = aim
    return out or [step]


def _requirements(catalog: Catalog, level: Level, done: Set[str]) -> list[PlanStep]:
    info = next((lv for lv in catalog.levels if lv.id == level), None)
    if info is None:
        return []
    steps = []
    for i, req in enumerate(info.requirements, 1):
        ident = f"{level.value}-requirement-{i}"
        steps.append(PlanStep(ident, "requirement", level, req.text, ident in done, requirement=req))
    return steps


#: How many open steps a quiz's result shows, to start with.
FIRST_STEPS = 3


class NextAction(NamedTuple):
    """What to do after a quiz: the first open steps of the plan, and the command that shows it."""

    plan: Plan
    steps: tuple[tuple[int, PlanStep], ...]  # the number the plan shows, and the step
    command: str
    hint: str = ""  # what the command needs first, if anything


def next_action(plan: Plan, command: str, n: int = FIRST_STEPS, hint: str = "") -> NextAction:
    return NextAction(plan, tuple(plan.open_steps(n)), command, hint)


def find_steps(plan: Plan, wanted: Sequence[str]) -> list[PlanStep]:
    """The steps named in ``wanted``: by id in any case, or by the number the plan shows (from 1).

    Raise MlcareerError naming every unknown one and the plan's steps; nothing is found then.
    """
    by_id = {s.id.casefold(): s for s in plan.steps}
    found: list[PlanStep] = []
    unknown: list[str] = []
    for name in wanted:
        key = name.strip()
        step = by_id.get(key.casefold())
        if step is None and key.isdigit() and 1 <= int(key) <= len(plan.steps):
            step = plan.steps[int(key) - 1]
        if step is None:
            unknown.append(name)
        elif step not in found:
            found.append(step)
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        listed = ", ".join(f"{i} {s.id}" for i, s in enumerate(plan.steps, 1)) or "none"
        what = "no step" if len(unknown) == 1 else "no steps"
        raise MlcareerError(
            f"{what} {names} in the plan for {plan.role.id}, so nothing was marked; "
            f"its steps (number and id) are: {listed}"
        )
    return found


def retake_questions(catalog: Catalog, plan: Plan) -> list[Question]:
    """The skill questions of the plan's skill steps, in quiz order: what `quiz --plan` asks again."""
    skills = {s.skill.id for s in plan.steps if s.skill is not None}
    questions = catalog.quiz.questions if catalog.quiz is not None else []
    return [q for q in questions if q.kind == "skill" and q.skill in skills]
