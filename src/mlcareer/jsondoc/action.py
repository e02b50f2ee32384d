"""From a result to action, as JSON: what the sources suggest, and the plan's first steps after a
quiz. Shared by the quiz's document and the plan's (``render.action`` draws the same for people)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.jsondoc.common import scale_step

if TYPE_CHECKING:
    from mlcareer.domain.plan import NextAction, Suggestions
    from mlcareer.jsondoc.types import NextDoc, SuggestionsDoc


def suggestions_json(found: Suggestions) -> SuggestionsDoc:
    """What the sources suggest, hedges kept: education from the level statements, advice on learning."""
    return {
        "education": [
            {"level": level.value, "text": q.text, "quote": q.quote, "source": q.source}
            for level, q in found.education
        ],
        "learning": [
            {"level": None, "text": "Continuous learning", "quote": s.quote, "source": s.source}
            for s in found.learning
        ],
    }


def next_json(nxt: NextAction) -> NextDoc:
    """The plan's first open steps after a quiz, and the command that shows the whole plan."""
    return {
        "command": nxt.command,
        "hint": nxt.hint or None,
        "steps": [
            {
                "number": n,
                "id": s.id,
                "title": s.title,
                "kind": s.kind,
                "next_grade": scale_step(s.next_grades[0]) if s.next_grades else None,
            }
            for n, s in nxt.steps
        ],
        "total": len(nxt.plan.steps),
    }
