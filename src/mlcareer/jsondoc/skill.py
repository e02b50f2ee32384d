"""The skill catalogue (`mlcareer skills`) and one skill (`mlcareer skill`) as JSON."""

from __future__ import annotations

from typing import Any

from mlcareer.jsondoc.expect import expectation_json
from mlcareer.skills import SkillSummary, SkillView, category_from


def skills_json(found: list[SkillSummary], total_roles: int) -> dict[str, Any]:
    return {
        "total_roles": total_roles,
        "skills": [
            {
                "id": s.skill.id,
                "name": s.skill.name,
                "category": s.skill.category,
                "category_from": category_from(s.skill),
                "keywords": list(s.skill.keywords),
                "roles": {
                    "expected": s.expected,
                    "mentioned": s.mentioned,
                    "not_stated": s.total - len(s.roles),
                },
                "role_ids": [n.role.id for n in s.roles],
            }
            for s in found
        ],
    }


def skill_json(view: SkillView) -> dict[str, Any]:
    """The skill as stable JSON: the data file's fields, with references resolved."""
    return {
        "skill": {
            **view.skill.model_dump(mode="json"),
            "category_from": category_from(view.skill),
            "scale": [s.model_dump(mode="json") for s in view.scale],
            "roles": [
                {
                    "id": n.role.id,
                    "title": n.role.title,
                    "level": n.role.level.value,
                    "kind": n.role.kind,
                    "expectation": expectation_json(n.expectation),
                }
                for n in view.roles
            ],
            "not_stated_by": view.total - len(view.roles),
            "credentials": [c.model_dump(mode="json") for c in view.credentials],
            "sources": [s.model_dump(mode="json") for s in view.sources],
        }
    }
