"""A role (`mlcareer role`) and the role list (`mlcareer roles`) as JSON."""

from __future__ import annotations

from typing import Any

from mlcareer.careers import RoleView
from mlcareer.choices import Section
from mlcareer.jsondoc.expect import expectation_json, expectations_json
from mlcareer.jsondoc.official import role_official_json
from mlcareer.jsondoc.salary import figure_json
from mlcareer.models import Role

# The JSON keys that make up each section; id, title, aliases, level and kind always come.
SECTION_KEYS: dict[Section, tuple[str, ...]] = {
    Section.summary: ("summary",),
    Section.level: ("level_info",),
    Section.responsibilities: ("responsibilities",),
    Section.skills: ("skills", "expectations"),
    Section.tools: ("tools",),
    Section.education: ("education",),
    Section.certifications: ("certifications",),
    Section.industries: ("industries", "applications"),
    Section.workplace: ("workplace",),
    Section.outlook: ("outlook",),
    Section.becoming: ("how_to_become", "suits", "team"),
    Section.salary: ("salary",),
    Section.official: ("official",),
    Section.related: ("leads_to", "leads_from", "related", "specialises", "specialisations", "contrasts"),
    Section.sources: ("sources",),
}


def role_json(view: RoleView, only: Section | None = None) -> dict[str, Any]:
    """The role as stable JSON: the data file's fields, with references resolved.

    With ``only``, the identifying fields and that section's fields alone.
    """
    role = _role_json(view)
    if only is None:
        return role
    keep = ("id", "title", "aliases", "level", "kind", *SECTION_KEYS[only])
    return {key: role[key] for key in keep}


def _role_json(view: RoleView) -> dict[str, Any]:
    role = view.role.model_dump(mode="json")
    role["level_info"] = view.level.model_dump(mode="json") if view.level else None
    role["skills"] = [expectation_json(e) for e in view.expectations.items]
    role["expectations"] = expectations_json(view.expectations)
    role["education"] = [c.model_dump(mode="json") for c in view.education]
    role["certifications"] = [c.model_dump(mode="json") for c in view.certifications]
    by_source = {s.id: s for s in view.figure_sources.values()}
    role["salary"] = [figure_json(f, by_source) for f in view.salary]  # as `salary --json` has them
    role["official"] = role_official_json(view.official)  # the occupation's figures, labelled
    role["leads_to"] = [{"role": m.role.id, "move": m.kind} for m in view.leads_to]
    role["leads_from"] = [{"role": m.role.id, "move": m.kind} for m in view.leads_from]
    role["specialisations"] = [r.id for r in view.specialisations]
    role["sources"] = [s.model_dump(mode="json") for s in view.sources]
    return role


def roles_json(roles: list[Role]) -> dict[str, Any]:
    return {
        "roles": [
            {
                "id": r.id,
                "title": r.title,
                "aliases": list(r.aliases),
                "level": r.level.value,
                "kind": r.kind,
                "summary": r.summary,
            }
            for r in roles
        ]
    }
