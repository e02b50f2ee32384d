"""The one-line verdict a result ends with, so it is on screen when the output stops.

Each is built from the domain result alone, as a paragraph of the view model: the last block
of the result's page, in every format.
"""

from __future__ import annotations

from mlcareer.domain.careers import Comparison
from mlcareer.domain.ladder import PayChange, Route
from mlcareer.domain.quiz import QuizResult
from mlcareer.render import view as v
from mlcareer.render.common import NO_DATA


def _line(*parts: str) -> v.Para:
    return v.Para(v.line(v.strong("In short: "), "; ".join(parts) + "."), apart=True)


def quiz_verdict(result: QuizResult) -> v.Para:
    """'In short: 77% ready for Machine Learning Engineer; your answers fit entry level; ...'."""
    ready = (
        f"{result.readiness}% ready for {result.role.title}"
        if result.readiness is not None
        else f"readiness for {result.role.title}: {NO_DATA}"
    )
    fitted = result.level.level
    level = f"your answers fit {fitted.value} level" if fitted else f"level: {NO_DATA}"
    best = result.matches[0] if result.matches else None
    fit = f"{best.role.title} ({best.score}% match)" if best else NO_DATA
    return _line(ready, level, f"best-fitting kind: {fit}")


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
        if r.left.grade is not None and r.right.grade is not None
    ]
    more_a = sum(1 for x, y in graded if x > y)
    more_b = sum(1 for x, y in graded if y > x)
    levels = f"{a.id} is {a.level.value} level, {b.id} {b.level.value}"
    shared = f"the sources state {len(both)} of the {len(cmp.skills)} skills named for both"
    if graded:
        higher = f"{a.id} expects more in {more_a}, {b.id} in {more_b} (of {len(graded)} scored for both)"
    else:
        higher = "the sources grade no shared skill for both"
    return _line(levels, shared, higher)
