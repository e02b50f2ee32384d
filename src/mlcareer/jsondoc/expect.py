"""An expectation as JSON: its state, grade, basis, inheritance and every reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.expectations import CEILING_RULE, RULE, Expectation, Reading, RoleExpectations

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import (
        CeilingDoc,
        ExpectationDoc,
        ExpectationsDoc,
        NotStatedDoc,
        ReadingDoc,
        SpecialityDoc,
    )
    from mlcareer.models import Ceiling

#: The words for the third state, alike in every format (CONTENT.md section 3).
NOT_STATED = "the sources do not say"


def reading_json(reading: Reading) -> ReadingDoc:
    return {
        "quote": reading.quote,
        "source": reading.source,
        "scope": reading.scope,
        "where": reading.where,
        "phrase": reading.phrase,
        "grade": reading.grade,
        "bullet": reading.bullet,
        "part": reading.part,
        "said_of": reading.said_of,
    }


def ceiling_json(ceiling: Ceiling | None) -> CeilingDoc | None:
    if ceiling is None:
        return None
    return {
        "level": ceiling.level.value,
        "grade": ceiling.grade,
        "quote": ceiling.quote,
        "source": ceiling.source,
        "rule": CEILING_RULE,
    }


def _speciality(exp: Expectation) -> SpecialityDoc | None:
    if exp.speciality is None:
        return None
    return {
        "skills": list(exp.speciality.skills),
        "quote": exp.speciality.quote,
        "source": exp.speciality.source,
        "rule": CEILING_RULE,
    }


def expectation_json(exp: Expectation) -> ExpectationDoc:
    """An expectation with its state, grade, basis, inheritance and every reading."""
    return {
        "skill": exp.skill.id,
        "name": exp.skill.name,
        "category": exp.skill.category,
        "state": exp.state,
        "expected": {"grade": exp.grade, "name": exp.step.name if exp.step else None},
        "basis": exp.basis,
        "graded": exp.graded,
        "inherited_from": exp.inherited_from.id if exp.inherited_from else None,
        "label": exp.label,
        "rule": exp.why,
        "conflict": exp.conflict,
        "ceiling": ceiling_json(exp.ceiling),
        "speciality": _speciality(exp),
        "readings": [reading_json(r) for r in exp.readings],
    }


def not_stated() -> NotStatedDoc:
    return {"state": "not stated", "label": NOT_STATED}


def stated_or_not(exp: Expectation | None) -> ExpectationDoc | NotStatedDoc:
    """An expectation, or the third state when the sources say nothing of the skill."""
    return not_stated() if exp is None else expectation_json(exp)


def expectations_json(exps: RoleExpectations) -> ExpectationsDoc:
    """How the role's expectations were made: counts by basis, the rule, the map, the default."""
    return {
        "rule": RULE,
        "counts": exps.counts(),
        "wording": [{"phrase": p, "grade": g} for p, g in exps.wording],
        "default_grade_reason": exps.default_reason,
        "ceiling": ceiling_json(exps.ceiling),
        "speciality_rule": exps.speciality_reason,
        "minimum_graded": exps.minimum,
        "profession_values": [reading_json(r) for r in exps.values],
    }
