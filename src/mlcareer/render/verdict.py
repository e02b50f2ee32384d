"""The one-line verdict a result ends with, so it is on screen when the output stops.

Each is built from the domain result alone, as a paragraph of the view model: the last block
of the result's page, in every format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.render import view as v
from mlcareer.render.common import NO_DATA

if TYPE_CHECKING:  # a verdict reads its result; loading every command's domain would cost each run
    from mlcareer.domain.careers import Comparison
    from mlcareer.domain.ladder import PayChange, Route
    from mlcareer.domain.plan import Plan
    from mlcareer.domain.quiz import QuizResult
    from mlcareer.domain.team import Team


def _line(*parts: str) -> v.Para:
    return v.Para(v.line(v.strong("In short: "), "; ".join(parts) + "."), apart=True)


def readiness_words(result: QuizResult) -> str:
    """'64% ready for X (7 of 11 graded expectations met)', or why there is no percentage."""
    role = result.role.title
    total = len(result.expectations.items)
    if result.readiness is not None:
        counts = f"{result.met} of {result.graded} graded expectations met"
        special = [r for r in result.skills if r.expectation.basis == "speciality" and r.you is not None]
        if special:
            met = sum(1 for r in special if r.status == "met")
            said = "met" if met == len(special) else f"{met} of {len(special)} met"
            names = ", ".join(r.skill.name.split(" (")[0].lower() for r in special)
            counts += f"; its own speciality, {names}: {said}"
        return f"{result.readiness}% ready for {role} ({counts})"
    if not total:
        return f"readiness for {role}: the sources name no skill for this role"
    if result.graded < result.minimum:
        return (
            f"{role}: the sources grade too few of this role's skills to score it "
            f"({result.graded} of {total}); here is how your answers compare"
        )
    return f"readiness for {role}: {NO_DATA} (none of its {result.graded} graded expectations asked)"


def level_words(result: QuizResult) -> str:
    """'your answers fit entry level (mid: 4 of 11 graded expectations met)', or the start below it."""
    fit = result.level
    if fit.start is not None and fit.level is None:
        return f"below entry level: start with the {fit.start.title}"
    if fit.level is None:
        return f"level: {NO_DATA}"
    out = f"your answers fit {fit.level.value} level"
    order = [c.level for c in fit.checks]
    if fit.level in order:
        nxt = fit.checks[order.index(fit.level) + 1 :]
        same = nxt and nxt[0].role is not None and nxt[0].role.id == result.role.id
        if nxt and nxt[0].status == "not met" and nxt[0].how == "graded" and not same:
            out += f" ({nxt[0].level.value}: {nxt[0].met} of {nxt[0].judged} graded expectations met)"
    return out


def quiz_verdict(result: QuizResult) -> v.Para:
    """'In short: 64% ready for Machine Learning Engineer (7 of 11 graded expectations met); your
    answers fit entry level (mid: ...); best-fitting kind: ... (65% match, mlcareer's rule)'."""
    best = result.matches[0] if result.matches else None
    fit = f"{best.role.title} ({best.score}% match, mlcareer's rule)" if best else NO_DATA
    return _line(readiness_words(result), level_words(result), f"best-fitting kind: {fit}")


def route_verdict(route: Route, total: PayChange, pay: str) -> v.Para:
    """'In short: 3 steps from A to B; pay $80,000 - $110,000 -> no data'. ``pay`` is ``total`` as text."""
    count = len(route.steps)
    steps = f"{count} step{'' if count == 1 else 's'} from {route.roles[0].title} to {route.goal.title}"
    if not count:
        return _line(f"you are already at {route.goal.title}")
    label = "total pay change" if total.comparable else "pay"
    return _line(steps, f"{label}: {pay}")


def comparison_verdict(cmp: Comparison) -> v.Para:
    """Levels, the skills both list, and where each expects more."""
    a, b = cmp.left.role, cmp.right.role
    both = [r for r in cmp.skills if r.left is not None and r.right is not None]
    graded = [
        (r.left.grade, r.right.grade)
        for r in both
        if r.left is not None and r.right is not None
        if r.left.graded and r.right.graded and r.left.grade is not None and r.right.grade is not None
    ]
    more_a = sum(1 for x, y in graded if x > y)
    more_b = sum(1 for x, y in graded if y > x)
    levels = f"{a.id} is {a.level.value} level, {b.id} {b.level.value}"
    shared = f"the sources state {len(both)} of the {len(cmp.skills)} skills named for both"
    if graded:
        higher = (
            f"{a.id} expects more in {more_a}, {b.id} in {more_b} "
            f"(of the {len(graded)} the sources grade for both)"
        )
    else:
        higher = "the sources grade no shared skill for both"
    counts = (
        f"graded expectations: {a.id} {len(cmp.left.expectations.scored)}, "
        f"{b.id} {len(cmp.right.expectations.scored)}"
    )
    return _line(levels, shared, higher, counts)


def plan_verdict(plan: Plan) -> v.Para:
    """'In short: 37 steps to X; 0% ready (0 of 12 graded expectations met); below entry level: ...'."""
    count = len(plan.steps)
    left = count - plan.done
    steps = (
        f"{left} of {count} steps left to {plan.role.title}" if count else f"no steps to {plan.role.title}"
    )
    parts = [steps, readiness_words(plan.result), level_words(plan.result)]
    if plan.steps:
        first = plan.steps[0].level.value
        parts.append(f"start at the {first} level")
    return _line(*parts)


def team_verdict(team: Team) -> v.Para:
    """'In short: 3 people against X, each on its 12 graded expectations; readiness 40% to 71%; ...'."""
    people = len(team.members)
    head = f"{people} {'person' if people == 1 else 'people'} against {team.role.title}"
    scored = [m.result.readiness for m in team.members if m.result.readiness is not None]
    if scored:
        low, high = min(scored), max(scored)
        span = f"{low}%" if low == high else f"{low}% to {high}%"
        ready = f"readiness {span}, each on the {team.graded} graded expectations"
    elif team.members:
        first = team.members[0].result
        total = len(first.expectations.items)
        ready = f"the sources grade too few of this role's skills to score it ({team.graded} of {total})"
    else:
        ready = f"{team.graded} graded expectations"
    gaps = team.shared_gaps
    top = (
        f"most shared gap: {gaps[0].skill.name} ({gaps[0].below} of {people} below)"
        if gaps
        else "no shared gap"
    )
    return _line(head, ready, top)
