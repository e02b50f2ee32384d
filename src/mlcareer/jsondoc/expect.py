"""An expectation as JSON: its state, grade, basis, inheritance and every reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.expectations import RULE, Expectation, Reading, RoleExpectations

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import ExpectationDoc, ExpectationsDoc, NotStatedDoc, ReadingDoc

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
        "inherited_from": exp.inherited_from.id if exp.inherited_from else None,
        "label": exp.label,
        "rule": exp.why,
        "conflict": exp.conflict,
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
        "profession_values": [reading_json(r) for r in exps.values],
    }
