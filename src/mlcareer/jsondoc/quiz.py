"""A quiz result as JSON (no dates, no paths)."""

from __future__ import annotations

from typing import Any

from mlcareer.expectations import RULE
from mlcareer.jsondoc.expect import expectation_json
from mlcareer.models import Credential
from mlcareer.quiz import QuizResult


def _cred_json(c: Credential) -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "kind": c.kind}


def result_json(result: QuizResult) -> dict[str, Any]:
    """The result as stable JSON (no dates, no paths)."""
    fit = result.level
    return {
        "role": {"id": result.role.id, "title": result.role.title, "level": result.role.level.value},
        "quick": result.quick,
        "readiness": {
            "percent": result.readiness,
            "skills_graded": result.graded,
            "skills_answered": result.judged,
            "expectations": result.expectations.counts(),
            "rule": RULE,
        },
        "level": {
            "level": fit.level.value if fit.level else None,
            "basis": fit.basis,
            "levels": [
                {
                    "level": c.level.value,
                    "status": c.status,
                    "role": c.role.id if c.role else None,
                    "met": c.met,
                    "judged": c.judged,
                    "requirements": [
                        {"text": q.text, "quote": q.quote, "source": q.source} for q in c.requirements
                    ],
                }
                for c in fit.checks
            ],
        },
        "skills": [
            {
                "skill": r.skill.id,
                "name": r.skill.name,
                "you": r.you,
                "expected": r.expected,
                "status": r.status,
                "expectation": expectation_json(r.expectation),
            }
            for r in result.skills
        ],
        "gaps": [
            {
                "skill": g.skill.id,
                "name": g.skill.name,
                "you": g.you,
                "expected": g.expected,
                "gap": g.size,
                "description": g.skill.description,
                "credentials": [_cred_json(c) for c in g.credentials],
            }
            for g in result.gaps
        ],
        "education": [_cred_json(c) for c in result.education],
        "certifications": [_cred_json(c) for c in result.certifications],
        "matches": [
            {
                "role": m.role.id,
                "title": m.role.title,
                "score": m.score,
                "interest": m.interest,
                "skill": m.skill,
                "interests": [{"question": q.id, "text": q.text, "answer": a} for q, a in m.interests],
                "skills": [{"skill": s.id, "name": s.name, "you": a} for s, a in m.skills],
            }
            for m in result.matches
        ],
        "answers": dict(sorted(result.answers.items())),
        "disclaimer": result.disclaimer,
    }
