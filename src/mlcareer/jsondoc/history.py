"""Saved quiz results (`mlcareer history`) and the change between two, as JSON."""

from __future__ import annotations

from typing import Any

from mlcareer.history_diff import Diff, Trend
from mlcareer.history_entry import Entry


def entry_json(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "taken_at": e.taken_at,
        "role": e.role,
        "role_title": e.role_title,
        "readiness": e.readiness,
        "level": e.level,
        "quick": e.quick,
    }


def history_json(found: list[Trend]) -> dict[str, Any]:
    return {
        "results": [
            {**entry_json(t.entry), "previous": t.previous.id if t.previous else None, "change": t.change}
            for t in found
        ]
    }


def diff_json(diff: Diff) -> dict[str, Any]:
    return {
        "comparable": diff.not_comparable is None,
        "not_comparable": diff.not_comparable,
        "before": entry_json(diff.before),
        "after": entry_json(diff.after),
        "readiness_change": diff.readiness_change,
        "skills": [
            {"skill": c.skill, "name": c.name, "before": c.before, "after": c.after, "change": c.change}
            for c in diff.skills
        ],
    }
