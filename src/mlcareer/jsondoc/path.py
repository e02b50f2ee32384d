"""`mlcareer path` as JSON: the ladder's nodes and edges, or a route's roles and steps."""

from __future__ import annotations

from typing import Any

from mlcareer.jsondoc.expect import expectation_json
from mlcareer.ladder import SPECIALISE_NOTE, Ladder, Route, Step
from mlcareer.models import Role, SalaryFigure


def _figure(f: SalaryFigure | None) -> dict[str, Any] | None:
    return None if f is None else f.model_dump(mode="json")


def _role_ref(role: Role) -> dict[str, Any]:
    return {"id": role.id, "title": role.title, "level": role.level.value, "kind": role.kind}


def _step_json(step: Step) -> dict[str, Any]:
    return {
        "from": step.source.id,
        "to": step.target.id,
        "kind": step.kind,
        "rests_on": step.basis.model_dump(mode="json") if step.basis else SPECIALISE_NOTE,
        "requirements": [r.model_dump(mode="json") for r in step.requirements],
        "skills": [
            {
                "skill": g.skill.id,
                "name": g.skill.name,
                "now": expectation_json(g.now) if g.now else {"state": "not stated"},
                "expects": expectation_json(g.then),
                "change": g.change,
            }
            for g in step.skills
        ],
        "pay": {
            "before": _figure(step.pay.before),
            "after": _figure(step.pay.after),
            "low_change": step.pay.low,
            "high_change": step.pay.high,
        },
    }


def path_json(result: Ladder | Route) -> dict[str, Any]:
    """Nodes and edges for a ladder; the roles and steps for a route."""
    if isinstance(result, Route):
        return {
            "route": {
                "from": result.roles[0].id,
                "to": result.goal.id,
                "origins": [r.id for r in result.origins],
                "roles": [_role_ref(r) for r in result.roles],
                "steps": [_step_json(s) for s in result.steps],
                "note": result.note,
            }
        }
    return {
        "start": result.start.id if result.start else None,
        "levels": [
            {
                "id": level.value,
                "name": name,
                "advance": info.advance.model_dump(mode="json") if info and info.advance else None,
                "requirements": [r.model_dump(mode="json") for r in info.requirements] if info else [],
            }
            for level, name in result.levels
            for info in [result.info.get(level)]
        ],
        "nodes": [
            {
                **_role_ref(n.role),
                "specialises": n.role.specialises,
                "parent": n.parent,
                "pay": [f.model_dump(mode="json") for f in n.pay],
            }
            for n in result.nodes
        ],
        "edges": [{"from": e.source, "to": e.target, "kind": e.kind} for e in result.edges],
    }
