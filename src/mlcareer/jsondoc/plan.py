"""`mlcareer plan` as JSON: the steps in order with ids, grades, scope and done state."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mlcareer.domain.plan import Plan, PlanStep
from mlcareer.jsondoc.action import suggestions_json
from mlcareer.jsondoc.common import credential, proficiency, quoted, role_name, role_ref, scale_step
from mlcareer.jsondoc.expect import ceiling_json, expectation_json
from mlcareer.jsondoc.quiz import level_json, readiness_json

if TYPE_CHECKING:
    from mlcareer.domain.shown import PlanShown
    from mlcareer.jsondoc.types import OriginDoc, PlanDoc, PlanStepDoc
    from mlcareer.models import ScaleStep


def _step_json(number: int, step: PlanStep, scale: Mapping[int, ScaleStep]) -> PlanStepDoc:
    out: PlanStepDoc = {
        "number": number,
        "id": step.id,
        "kind": step.kind,
        "level": step.level.value,
        "title": step.title,
        "done": step.done,
    }
    if step.kind == "skill" and step.skill is not None and step.expectation is not None:
        out["skill"] = step.skill.id
        out["you"] = proficiency(step.you, scale)
        out["expected"] = proficiency(step.expectation.grade, scale)
        out["aim"] = proficiency(step.target, scale)
        out["starts_from"] = proficiency(step.base if step.base is not None else step.you, scale)
        out["gap"] = step.gap
        out["aim_ceiling"] = ceiling_json(step.ceiling)
        out["expectation"] = expectation_json(step.expectation)
        out["covers"] = step.skill.description
        out["next_grades"] = [scale_step(g) for g in step.next_grades]
        out["builds_on"] = list(step.builds_on)
        out["credentials"] = [credential(c) for c in step.credentials]
    if step.requirement is not None:
        out["requirement"] = quoted(step.requirement)
    return out


def _origin(origin: Mapping[str, Any]) -> OriginDoc:
    out: OriginDoc = {"kind": "history" if origin.get("kind") == "history" else "answers"}
    if "file" in origin:
        out["file"] = str(origin["file"])
    if "result" in origin:
        out["result"] = int(origin["result"])
    return out


def plan_json(plan: Plan, origin: Mapping[str, Any], first: int | None = None) -> PlanDoc:
    """The plan as stable JSON: steps in order with ids, grades, scope and done state.

    ``first``: only the first that many open steps (`plan --next N`); the progress counts them all.
    """
    scale = plan.result.scale
    shown = plan.open_steps(first) if first is not None else list(enumerate(plan.steps, 1))
    return {
        "role": role_ref(plan.role),
        "from": _origin(origin),
        "readiness": readiness_json(plan.result),
        "level": level_json(plan.result.level),
        "route": [role_name(r) for r in plan.roles] if plan.start is not None else None,
        "start": role_name(plan.start) if plan.start else None,
        "rule": plan.rule,
        "progress": {"done": plan.done, "total": len(plan.steps), "percent": plan.percent},
        "next": first,
        "steps": [_step_json(n, s, scale) for n, s in shown],
        "not_asked": [s.id for s in plan.not_asked],
        "education": [credential(c) for c in plan.education],
        "suggestions": suggestions_json(plan.suggestions),
        "grade_words": plan.words,
    }


def plan_shown_json(shown: PlanShown) -> PlanDoc:
    return plan_json(shown.plan, shown.origin, shown.first)
