"""Saved quiz results (`mlcareer history`) and the change between two, as JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mlcareer.history.diff import Diff, Trend
from mlcareer.history.entry import Entry
from mlcareer.jsondoc.common import proficiency
from mlcareer.jsondoc.quiz import saved_level, saved_readiness

if TYPE_CHECKING:
    from mlcareer.domain.shown import Cleared, DiffShown, History, Saved
    from mlcareer.jsondoc.types import (
        ClearedDoc,
        DiffDoc,
        EntryDoc,
        HistoryDoc,
        QuizResultDoc,
        SavedResultDoc,
    )
    from mlcareer.models import ScaleStep


def entry_json(e: Entry) -> EntryDoc:
    return {
        "id": e.id,
        "taken_at": e.taken_at,
        "role": {"id": e.role, "title": e.role_title},
        "readiness": saved_readiness(e.readiness),
        "level": saved_level(e.level),
        "quick": e.quick,
    }


def saved_json(e: Entry, result: QuizResultDoc) -> SavedResultDoc:
    """A saved result in full: the entry, and its answers scored again."""
    return {**entry_json(e), "result": result}


def history_json(found: list[Trend]) -> HistoryDoc:
    return {
        "results": [
            {**entry_json(t.entry), "previous": t.previous.id if t.previous else None, "change": t.change}
            for t in found
        ]
    }


def diff_json(diff: Diff, scale: Mapping[int, ScaleStep]) -> DiffDoc:
    """The change between two results; answers are grades of ``scale`` (null: not asked)."""
    return {
        "comparable": diff.not_comparable is None,
        "not_comparable": diff.not_comparable,
        "before": entry_json(diff.before),
        "after": entry_json(diff.after),
        "readiness_change": diff.readiness_change,
        "skills": [
            {
                "skill": c.skill,
                "name": c.name,
                "before": proficiency(c.before, scale),
                "after": proficiency(c.after, scale),
                "change": c.change,
            }
            for c in diff.skills
        ],
    }


def cleared_json(deleted: int) -> ClearedDoc:
    return {"deleted": deleted}


def history_shown_json(shown: History) -> HistoryDoc:
    return history_json(shown.trends)


def saved_shown_json(shown: Saved) -> SavedResultDoc:
    """A saved result in full: when it was taken, and its answers scored again."""
    from mlcareer.jsondoc.quiz import result_json

    return saved_json(shown.entry, result_json(shown.result))


def diff_shown_json(shown: DiffShown) -> DiffDoc:
    return diff_json(shown.diff, shown.scale)


def cleared_shown_json(shown: Cleared) -> ClearedDoc:
    return cleared_json(shown.deleted)
