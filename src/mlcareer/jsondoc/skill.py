"""The skill catalogue (`mlcareer skills`) and one skill (`mlcareer skill`) as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.skills import SkillSummary, SkillView, category_from
from mlcareer.jsondoc.common import credential, role_ref, scale_step, sources_doc
from mlcareer.jsondoc.expect import expectation_json

if TYPE_CHECKING:
    from mlcareer.domain.shown import SkillList
    from mlcareer.jsondoc.types import SkillDoc, SkillsDoc


def skills_json(found: list[SkillSummary], total_roles: int) -> SkillsDoc:
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
                    "inherited": s.inherited,
                    "not_stated": s.total - len(s.roles),
                },
                "role_ids": [n.role.id for n in s.roles],
            }
            for s in found
        ],
    }


def skill_json(view: SkillView) -> SkillDoc:
    """The skill as stable JSON: the data file's fields, with references resolved."""
    skill = view.skill
    return {
        "skill": {
            "id": skill.id,
            "name": skill.name,
            "category": skill.category,
            "category_from": category_from(skill),
            "description": skill.description,
            "keywords": list(skill.keywords),
            "examples": list(skill.examples),
            "scale": [scale_step(s) for s in view.scale],
            "roles": [
                {**role_ref(n.role), "expectation": expectation_json(n.expectation)} for n in view.roles
            ],
            "not_stated_by": view.total - len(view.roles),
            "credentials": [credential(c) for c in view.credentials],
            "sources": sources_doc(view.sources),
        }
    }


def skill_list_json(shown: SkillList) -> SkillsDoc:
    return skills_json(shown.skills, shown.total_roles)
