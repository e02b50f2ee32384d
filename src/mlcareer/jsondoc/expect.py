"""An expectation as JSON: its state, grade, basis, inheritance and every reading."""

from __future__ import annotations

from typing import Any

from mlcareer.expectations import RULE, Expectation, Reading, RoleExpectations


def reading_json(reading: Reading) -> dict[str, Any]:
    return {
        "quote": reading.quote,
        "source": reading.source,
        "scope": reading.scope,
        "where": reading.where,
        "phrase": reading.phrase,
        "grade": reading.grade,
    }


def expectation_json(exp: Expectation) -> dict[str, Any]:
    """An expectation with its state, grade, basis, inheritance and every reading."""
    return {
        "skill": exp.skill.id,
        "name": exp.skill.name,
        "category": exp.skill.category,
        "state": exp.state,
        "grade": exp.grade,
        "grade_name": exp.step.name if exp.step else None,
        "basis": exp.basis,
        "inherited_from": exp.inherited_from.id if exp.inherited_from else None,
        "label": exp.label,
        "rule": exp.why,
        "conflict": exp.conflict,
        "readings": [reading_json(r) for r in exp.readings],
    }


def expectations_json(exps: RoleExpectations) -> dict[str, Any]:
    """How the role's expectations were made: counts by basis, the rule, the map, the default."""
    return {
        "rule": RULE,
        "counts": exps.counts(),
        "wording": [{"phrase": p, "grade": g} for p, g in exps.wording],
        "default_grade_reason": exps.default_reason,
        "profession_values": [reading_json(r) for r in exps.values],
    }
