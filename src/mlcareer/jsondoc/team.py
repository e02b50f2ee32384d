"""`mlcareer team` as JSON: a group side by side, and two views of one person."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mlcareer.domain.team import TALK_ABOUT, Calibration, Team
from mlcareer.jsondoc.common import proficiency, role_ref
from mlcareer.jsondoc.expect import expectation_json

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import CalibrationDoc, ProblemDoc, Proficiency, TeamDoc
    from mlcareer.models import ScaleStep


def problem_json(p: Mapping[str, Any]) -> ProblemDoc:
    line = p.get("line")
    return {
        "file": str(p["file"]),
        "line": int(line) if line is not None else None,
        "field": str(p.get("field") or ""),
        "message": str(p["message"]),
    }


def team_json(team: Team, problems: list[ProblemDoc]) -> TeamDoc:
    scale = team.members[0].result.scale if team.members else {}
    return {
        "role": role_ref(team.role),
        "people": [
            {
                "name": m.name,
                "file": m.file,
                "readiness": m.result.readiness,
                "level": m.result.level.level.value if m.result.level.level else None,
                "answers": dict(sorted(m.result.answers.items())),
            }
            for m in team.members
        ],
        "skills": [
            {
                "skill": line.skill.id,
                "name": line.skill.name,
                "expected": proficiency(line.expectation.grade, scale),
                "expectation": expectation_json(line.expectation),
                "answered": line.answered,
                "met": line.met,
                "below": line.below,
                "answers": [proficiency(a, scale) for a in line.answers],
            }
            for line in team.skills
        ],
        "shared_gaps": [line.skill.id for line in team.shared_gaps],
        "leanings": [
            {"role": lean.role.id, "score": lean.score, "top_for": lean.top_for} for lean in team.leanings
        ],
        "problems": [problem_json(p) for p in problems],
    }


def _named(grade: int | None, step: ScaleStep | None) -> Proficiency:
    return {"grade": grade, "name": step.name if step is not None and grade is not None else None}


def calibration_json(cal: Calibration) -> CalibrationDoc:
    return {
        "first": {"name": cal.first.name, "file": cal.first.file},
        "second": {"name": cal.second.name, "file": cal.second.file},
        "talk_about_from": TALK_ABOUT,
        "skills": [
            {
                "skill": line.skill.id,
                "name": line.skill.name,
                "first": _named(line.first, line.steps[0]),
                "second": _named(line.second, line.steps[1]),
                "difference": line.difference,
                "talk_about": line.talk_about,
            }
            for line in cal.lines
        ],
        "topics": [line.skill.id for line in cal.topics],
    }
