"""`mlcareer plan` as JSON: the steps in order with ids, grades, scope and done state."""

from __future__ import annotations

from typing import Any

from mlcareer.jsondoc.expect import expectation_json
from mlcareer.plan import Plan, PlanStep


def _step_json(step: PlanStep) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": step.id,
        "kind": step.kind,
        "level": step.level.value,
        "title": step.title,
        "done": step.done,
    }
    if step.kind == "skill" and step.skill is not None and step.expectation is not None:
        out.update(
            {
                "skill": step.skill.id,
                "you": step.you,
                "expected": step.expectation.grade,
                "gap": step.gap,
                "expectation": expectation_json(step.expectation),
                "covers": step.skill.description,
                "next_grades": [
                    {"grade": g.value, "name": g.name, "description": g.description} for g in step.next_grades
                ],
                "builds_on": list(step.builds_on),
                "credentials": [
                    {"id": c.id, "name": c.name, "kind": c.kind, "description": c.description}
                    for c in step.credentials
                ],
            }
        )
    if step.requirement is not None:
        out["requirement"] = step.requirement.model_dump(mode="json")
    return out


def plan_json(plan: Plan, origin: dict[str, Any]) -> dict[str, Any]:
    """The plan as stable JSON: steps in order with ids, grades, scope and done state."""
    return {
        "role": {"id": plan.role.id, "title": plan.role.title, "level": plan.role.level.value},
        "from": origin,
        "level": plan.result.level.level.value if plan.result.level.level else None,
        "route": [r.id for r in plan.roles] if plan.start is not None else None,
        "start": plan.start.id if plan.start else None,
        "rule": plan.rule,
        "progress": {"done": plan.done, "total": len(plan.steps), "percent": plan.percent},
        "steps": [_step_json(s) for s in plan.steps],
        "not_asked": [s.id for s in plan.not_asked],
        "education": [{"id": c.id, "name": c.name, "description": c.description} for c in plan.education],
    }
