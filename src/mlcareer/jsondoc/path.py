"""`mlcareer path` as JSON: the ladder's nodes and edges, or a route's roles and steps."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from mlcareer.domain.ladder import ADVANCE_NOTE, SPECIALISE_NOTE, Ladder, Route, Step
from mlcareer.jsondoc.common import quoted, role_name, role_ref
from mlcareer.jsondoc.expect import expectation_json, stated_or_not
from mlcareer.jsondoc.salary import figure_json

if TYPE_CHECKING:
    from mlcareer.domain.shown import PathShown
    from mlcareer.jsondoc.types import EdgeDoc, PathLadderDoc, PathRouteDoc, PayDoc, StepDoc
    from mlcareer.models import SalaryFigure, Source


def _pay(f: SalaryFigure | None, sources: Mapping[str, Source]) -> PayDoc | None:
    return None if f is None else figure_json(f, sources)


def _step_json(step: Step, sources: Mapping[str, Source]) -> StepDoc:
    return {
        "from": step.source.id,
        "to": step.target.id,
        "kind": step.kind,
        "rests_on": quoted(step.basis) if step.basis else SPECIALISE_NOTE,
        "requirements": [quoted(r) for r in step.requirements],
        "skills": [
            {
                "skill": g.skill.id,
                "name": g.skill.name,
                "now": stated_or_not(g.now),
                "expects": expectation_json(g.then),
                "change": g.change,
                "change_basis": g.basis,
            }
            for g in step.skills
        ],
        "pay": {
            "before": _pay(step.pay.before, sources),
            "after": _pay(step.pay.after, sources),
            "low_change": step.pay.low,
            "high_change": step.pay.high,
        },
    }


def route_json(result: Route, sources: Mapping[str, Source]) -> PathRouteDoc:
    """The roles and steps of a route."""
    return {
        "route": {
            "from": result.roles[0].id,
            "to": result.goal.id,
            "origins": [r.id for r in result.origins],
            "roles": [role_ref(r) for r in result.roles],
            "steps": [_step_json(s, sources) for s in result.steps],
            "note": result.note,
        }
    }


def ladder_json(result: Ladder, sources: Mapping[str, Source]) -> PathLadderDoc:
    """The levels, nodes and edges of the ladder."""
    return {
        "start": role_name(result.start) if result.start else None,
        "levels": [
            {
                "id": level.value,
                "name": name,
                "advance": quoted(info.advance) if info and info.advance else None,
                "roles": [
                    n.role.id for n in result.nodes if n.role.level == level and n.role.kind == "ladder"
                ],
                "requirements": [quoted(r) for r in info.requirements] if info else [],
            }
            for level, name in result.levels
            for info in [result.info.get(level)]
        ],
        "nodes": [
            {
                **role_ref(n.role),
                "specialises": n.role.specialises,
                "parent": n.parent,
                "pay": [figure_json(f, sources) for f in n.pay],
            }
            for n in result.nodes
        ],
        "edges": ladder_edges(result),
    }


def ladder_edges(result: Ladder) -> list[EdgeDoc]:
    """The moves the sources give: from a level to the next (with its sentence), and from a role
    into each kind of ML engineer that specialises it (mlcareer's reading, with the kind's own
    description). No role-to-role move up: the source names none."""
    out: list[EdgeDoc] = []
    levels = [level for level, _ in result.levels]
    for lower, upper in itertools.pairwise(levels):
        advance = result.info[upper].advance if upper in result.info else None
        out.append(
            {
                "from": lower.value,
                "to": upper.value,
                "between": "levels",
                "kind": "advance",
                "quote": advance.quote if advance else None,
                "source": advance.source if advance else None,
                "note": ADVANCE_NOTE,
            }
        )
    roles = {n.role.id: n.role for n in result.nodes}
    for e in result.edges:
        if e.kind != "specialisation":
            continue
        kind = roles[e.target].speciality
        out.append(
            {
                "from": e.source,
                "to": e.target,
                "between": "roles",
                "kind": "specialise",
                "quote": kind.quote if kind else None,
                "source": kind.source if kind else None,
                "note": SPECIALISE_NOTE,
            }
        )
    return out


def path_json(result: Ladder | Route, sources: list[Source]) -> PathLadderDoc | PathRouteDoc:
    """Nodes and edges for a ladder; the roles and steps for a route."""
    by_id = {s.id: s for s in sources}
    return route_json(result, by_id) if isinstance(result, Route) else ladder_json(result, by_id)


def path_shown_json(shown: PathShown) -> PathLadderDoc | PathRouteDoc:
    return path_json(shown.found, shown.sources)
