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
    from mlcareer.domain.plan import NextAction
    from mlcareer.jsondoc.types import LevelFitDoc, QuizResultDoc, ReadinessDoc


def readiness_json(result: QuizResult) -> ReadinessDoc:
    """A result's readiness: the one shape every document gives it."""
    return {
        "percent": result.readiness,
        "skills_graded": result.graded,
        "skills_answered": result.judged,
        "expectations": result.expectations.counts(),
        "rule": RULE,
    }


def level_json(fit: LevelFit) -> LevelFitDoc:
    """The level a result's answers fit: the one shape every document gives it."""
    return {
        "level": fit.level.value if fit.level else None,
        "basis": fit.basis,
        "levels": [
            {
                "level": c.level.value,
                "status": c.status,
                "role": role_name(c.role) if c.role else None,
                "met": c.met,
                "judged": c.judged,
                "requirements": [quoted(q) for q in c.requirements],
            }
            for c in fit.checks
        ],
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
        from mlcareer.jsondoc.plan import next_json, suggestions_json

        out["suggestions"] = suggestions_json(nxt.plan.suggestions)
        out["next"] = next_json(nxt)
    return out
