"""`mlcareer plan` as JSON: the steps in order with ids, grades, scope and done state."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mlcareer.domain.plan import Plan, PlanStep
from mlcareer.jsondoc.common import credential, proficiency, quoted, role_ref, scale_step
from mlcareer.jsondoc.expect import expectation_json

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import OriginDoc, PlanDoc, PlanStepDoc
    from mlcareer.models import ScaleStep


def _step_json(step: PlanStep, scale: Mapping[int, ScaleStep]) -> PlanStepDoc:
    out: PlanStepDoc = {
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
        out["gap"] = step.gap
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


def plan_json(plan: Plan, origin: Mapping[str, Any]) -> PlanDoc:
    """The plan as stable JSON: steps in order with ids, grades, scope and done state."""
    scale = plan.result.scale
    return {
        "role": role_ref(plan.role),
        "from": _origin(origin),
        "level": plan.result.level.level.value if plan.result.level.level else None,
        "route": [r.id for r in plan.roles] if plan.start is not None else None,
        "start": plan.start.id if plan.start else None,
        "rule": plan.rule,
        "progress": {"done": plan.done, "total": len(plan.steps), "percent": plan.percent},
        "steps": [_step_json(s, scale) for s in plan.steps],
        "not_asked": [s.id for s in plan.not_asked],
        "education": [credential(c) for c in plan.education],
    }
