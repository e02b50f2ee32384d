"""`mlcareer team` as JSON: a group side by side, and two views of one person."""

from __future__ import annotations

from typing import Any

from mlcareer.jsondoc.expect import expectation_json
from mlcareer.team import TALK_ABOUT, Calibration, Team


def team_json(team: Team, problems: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "role": {"id": team.role.id, "title": team.role.title},
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
                "expected": line.expectation.grade,
                "expectation": expectation_json(line.expectation),
                "answered": line.answered,
                "met": line.met,
                "below": line.below,
                "answers": list(line.answers),
            }
            for line in team.skills
        ],
        "shared_gaps": [line.skill.id for line in team.shared_gaps],
        "leanings": [
            {"role": lean.role.id, "score": lean.score, "top_for": lean.top_for} for lean in team.leanings
        ],
        "problems": problems,
    }


def calibration_json(cal: Calibration) -> dict[str, Any]:
    return {
        "first": {"name": cal.first.name, "file": cal.first.file},
        "second": {"name": cal.second.name, "file": cal.second.file},
        "talk_about_from": TALK_ABOUT,
        "skills": [
            {
                "skill": line.skill.id,
                "name": line.skill.name,
                "first": line.first,
                "second": line.second,
                "difference": line.difference,
                "talk_about": line.talk_about,
            }
            for line in cal.lines
        ],
        "topics": [line.skill.id for line in cal.topics],
    }
