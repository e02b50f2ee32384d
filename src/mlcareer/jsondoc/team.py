"""`mlcareer team` as JSON: a group side by side, and two views of one person."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mlcareer.domain.team import (
    MATCH_PEOPLE,
    TALK_ABOUT,
    Calibration,
    ClassSkillChange,
    Member,
    Progress,
    SkillLine,
    Team,
)
from mlcareer.jsondoc.common import match_score, proficiency, role_name, role_ref
from mlcareer.jsondoc.expect import expectation_json
from mlcareer.jsondoc.quiz import level_json, readiness_json

if TYPE_CHECKING:
    from mlcareer.domain.shown import ProgressShown, TeamShown
    from mlcareer.errors import MlcareerError
    from mlcareer.jsondoc.types import (
        CalibrationDoc,
        GroupCountsDoc,
        ProblemDoc,
        Proficiency,
        RoundDoc,
        TeamDoc,
        TeamSinceDoc,
    )
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
                "readiness": readiness_json(m.result),
                "level": level_json(m.result.level),
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
            {"role": role_name(lean.role), "match": match_score(lean.score), "top_for": lean.top_for}
            for lean in team.leanings
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


def progress_json(found: Progress, problems: list[ProblemDoc]) -> TeamSinceDoc:
    """Each person's change between two rounds, the group's change per skill, and the unpaired."""
    from mlcareer.jsondoc.quiz import level_json, readiness_json

    scale = found.after.members[0].result.scale if found.after.members else {}

    def counts(line: SkillLine) -> GroupCountsDoc:
        return {"answered": line.answered, "met": line.met, "mean": ClassSkillChange.mean(line)}

    def one(m: Member) -> RoundDoc:
        return {"file": m.file, "readiness": readiness_json(m.result), "level": level_json(m.result.level)}

    return {
        "role": role_ref(found.role),
        "matching": MATCH_PEOPLE,
        "people": [
            {
                "name": p.after.name,
                "matched_by": p.matched_by,
                "before": one(p.before),
                "after": one(p.after),
                "readiness_change": p.readiness_change,
                "skills": [
                    {
                        "skill": c.skill.id,
                        "name": c.skill.name,
                        "before": proficiency(c.before, scale),
                        "after": proficiency(c.after, scale),
                        "change": c.change,
                    }
                    for c in p.skills
                ],
            }
            for p in found.people
        ],
        "skills": [
            {
                "skill": line.skill.id,
                "name": line.skill.name,
                "expected": proficiency(line.after.expectation.grade, scale),
                "before": counts(line.before),
                "after": counts(line.after),
                "change": line.change,
            }
            for line in found.skills
        ],
        "only_before": [{"name": m.name, "file": m.file} for m in found.only_before],
        "only_after": [{"name": m.name, "file": m.file} for m in found.only_after],
        "problems": [problem_json(p) for p in problems],
    }


def _problem_rows(failed: list[tuple[str, MlcareerError]]) -> list[ProblemDoc]:
    from mlcareer.jsondoc.validate import error_rows

    return [row for file, exc in failed for row in error_rows(exc, file)]


def team_shown_json(shown: TeamShown) -> TeamDoc:
    """The group, and a row per problem of each file that could not be read."""
    return team_json(shown.team, _problem_rows(shown.failed))


def progress_shown_json(shown: ProgressShown) -> TeamSinceDoc:
    return progress_json(shown.progress, _problem_rows(shown.failed))
