"""A quiz result as JSON (no dates, no paths)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.expectations import RULE
from mlcareer.domain.quiz import SCALE_WORDS, LevelFit, QuizResult
from mlcareer.jsondoc.common import (
    credential,
    match_score,
    proficiency,
    quoted,
    role_name,
    role_ref,
    scale_step,
)
from mlcareer.jsondoc.expect import expectation_json

if TYPE_CHECKING:
    from mlcareer.assessment import Assessment
    from mlcareer.domain.plan import NextAction
    from mlcareer.jsondoc.types import LevelDoc, QuizResultDoc, ReadinessDoc


READINESS_RULE = (
    "Readiness counts only the expectations a source grades (directly, inherited, or a kind's own "
    "speciality): each counts min(your answer, the grade) out of the grade. A skill named without a "
    "grade is shown beside your answer and never counted. A role with fewer graded expectations than "
    "the data pack's minimum gets no percentage. " + RULE
)


def readiness_json(result: QuizResult) -> ReadinessDoc:
    """The readiness object, one shape wherever a result is shown."""
    from mlcareer.render.verdict import readiness_words

    return {
        "percent": result.readiness,
        "scored": result.readiness is not None,
        "graded": result.graded,
        "answered": result.judged,
        "met": result.met,
        "named": result.named,
        "minimum": result.minimum,
        "expectations": result.expectations.counts(),
        "note": readiness_words(result),
        "rule": READINESS_RULE,
    }


def level_json(fit: LevelFit) -> LevelDoc:
    """The level object, one shape wherever a result is shown."""
    return {
        "level": fit.level.value if fit.level else None,
        "below_entry": fit.below_entry,
        "start": role_name(fit.start) if fit.start else None,
        "basis": fit.basis,
        "levels": [
            {
                "level": c.level.value,
                "status": c.status,
                "role": role_name(c.role) if c.role else None,
                "how": c.how,
                "met": c.met,
                "judged": c.judged,
                "total": c.total,
                "percent": c.percent,
                "requirements": [quoted(q) for q in c.requirements],
            }
            for c in fit.checks
        ],
    }


def saved_readiness(percent: int | None) -> ReadinessDoc:
    """A saved result's readiness as listed: only the percent it was saved with."""
    return {
        "percent": percent,
        "scored": percent is not None,
        "graded": None,
        "answered": None,
        "met": None,
        "named": None,
        "minimum": None,
        "expectations": None,
        "note": "as saved; `mlcareer history show N` scores the answers again against the data in use",
        "rule": READINESS_RULE,
    }


def saved_level(level: str | None) -> LevelDoc:
    """A saved result's level as listed: only the level it was saved with."""
    from mlcareer.history.entry import BELOW_ENTRY

    below = level == BELOW_ENTRY
    return {
        "level": None if below else level,
        "below_entry": below,
        "start": None,
        "basis": None,
        "levels": [],
    }


def result_json(result: QuizResult, nxt: NextAction | None = None) -> QuizResultDoc:
    """The result as stable JSON (no dates, no paths); ``nxt``: the plan's first steps, after a quiz."""
    fit, scale = result.level, result.scale
    out: QuizResultDoc = {
        "role": role_ref(result.role),
        "quick": result.quick,
        "readiness": readiness_json(result),
        "level": level_json(fit),
        "skills": [
            {
                "skill": r.skill.id,
                "name": r.skill.name,
                "you": proficiency(r.you, scale),
                "expected": proficiency(r.expected, scale),
                "status": r.status,
                "expectation": expectation_json(r.expectation),
            }
            for r in result.skills
        ],
        "gaps": [
            {
                "skill": g.skill.id,
                "name": g.skill.name,
                "you": proficiency(g.you, scale),
                "expected": proficiency(g.expected, scale),
                "gap": g.size,
                "description": g.skill.description,
                "credentials": [credential(c) for c in g.credentials],
                "next_grades": [scale_step(s) for s in g.grades],
            }
            for g in result.gaps
        ],
        "education": [credential(c) for c in result.education],
        "certifications": [credential(c) for c in result.certifications],
        "matches": [
            {
                "role": role_name(m.role),
                "match": match_score(m.score),
                "interest": m.interest,
                "skill": m.skill,
                "interests": [{"question": q.id, "text": q.text, "answer": a} for q, a in m.interests],
                "skills": [
                    {"skill": s.id, "name": s.name, "you": proficiency(a, scale)} for s, a in m.skills
                ],
            }
            for m in result.matches
        ],
        "answers": dict(sorted(result.answers.items())),
        "disclaimer": result.disclaimer,
        "grade_words": SCALE_WORDS,
    }
    if nxt is not None:
        from mlcareer.jsondoc.action import next_json, suggestions_json

        out["suggestions"] = suggestions_json(nxt.plan.suggestions)
        out["next"] = next_json(nxt)
    return out


def assessment_json(done: Assessment) -> QuizResultDoc:
    """`mlcareer quiz --json`: the result, and after it the plan's first steps."""
    return result_json(done.result, done.next)
