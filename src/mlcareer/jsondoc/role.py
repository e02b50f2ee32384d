"""A role (`mlcareer role`) and the role list (`mlcareer roles`) as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from mlcareer.choices import Section
from mlcareer.domain.careers import RoleView
from mlcareer.jsondoc.common import credential, quoted, role_name, sources_doc
from mlcareer.jsondoc.expect import expectation_json, expectations_json
from mlcareer.jsondoc.official import role_official_json
from mlcareer.jsondoc.salary import figure_json

if TYPE_CHECKING:
    from mlcareer.domain.shown import RoleList, RoleShown
    from mlcareer.jsondoc.types import InheritsDoc, LevelInfoDoc, RoleCommandDoc, RoleDoc, RolesDoc
    from mlcareer.models import LevelInfo, Role

# The JSON keys that make up each section; id, title, aliases, level and kind always come.
SECTION_KEYS: dict[Section, tuple[str, ...]] = {
    Section.summary: ("summary",),
    Section.level: ("level_info",),
    Section.responsibilities: ("responsibilities", "inherits"),
    Section.skills: ("skills", "expectations"),
    Section.tools: ("tools", "inherits"),
    Section.education: ("education", "education_from_level", "inherits"),
    Section.certifications: ("certifications",),
    Section.industries: ("industries", "applications"),
    Section.workplace: ("workplace", "inherits"),
    Section.outlook: ("outlook",),
    Section.becoming: ("how_to_become", "suits", "team"),
    Section.salary: ("salary", "inherits"),
    Section.official: ("official",),
    Section.related: ("leads_to", "leads_from", "related", "specialises", "specialisations", "contrasts"),
    Section.sources: ("sources",),
}
IDENTITY_KEYS = ("id", "title", "aliases", "level", "kind")


def role_json(view: RoleView, only: Section | None = None) -> RoleDoc:
    """The role as stable JSON: the data file's fields, with references resolved.

    With ``only``, the identifying fields and that section's fields alone (the schema of
    `role --section` requires only the identifying ones).
    """
    role = _role_json(view)
    if only is None:
        return role
    keep = (*IDENTITY_KEYS, *SECTION_KEYS[only])
    return cast("RoleDoc", {key: role[key] for key in keep})  # type: ignore[literal-required]


def _level_info(info: LevelInfo) -> LevelInfoDoc:
    return {
        "id": info.id.value,
        "name": info.name,
        "summary": info.summary,
        "advance": quoted(info.advance) if info.advance else None,
        "requirements": [quoted(q) for q in info.requirements],
        "expects": [
            {"skill": s.skill, "quote": s.quote, "source": s.source, "said_of": s.said_of, "covers": s.covers}
            for s in info.expects
        ],
        "sources": list(info.sources),
    }


def _inherits(view: RoleView) -> InheritsDoc | None:
    parent = view.parent
    if parent is None:
        return None
    role = view.role
    shown = [
        name
        for name, own, theirs in (
            ("responsibilities", role.responsibilities, parent.role.responsibilities),
            ("tools", role.tools, parent.role.tools),
            ("education", role.education, parent.education or parent.level_education),
            ("workplace", role.workplace, parent.role.workplace),
            ("salary", view.salary, [f for f in parent.salary if f.level == role.level]),
        )
        if not own and theirs
    ]
    return {
        "role": role_name(parent.role),
        "sections": shown,
        "note": f"as for the {parent.role.title}: the sources say this of the role this kind specialises",
    }


def _role_json(view: RoleView) -> RoleDoc:
    role = view.role
    by_source = {s.id: s for s in view.figure_sources.values()}
    return {
        "id": role.id,
        "title": role.title,
        "aliases": list(role.aliases),
        "level": role.level.value,
        "kind": role.kind,
        "summary": role.summary,
        "level_info": _level_info(view.level) if view.level else None,
        "responsibilities": [
            {"group": g.group, "items": [{"text": i.text, "sources": list(i.sources)} for i in g.items]}
            for g in role.responsibilities
        ],
        "skills": [expectation_json(e) for e in view.expectations.items],
        "expectations": expectations_json(view.expectations),
        "tools": list(role.tools),
        "education": [credential(c) for c in view.education],
        "education_from_level": [quoted(q) for q in view.level_education],
        "inherits": _inherits(view),
        "certifications": [credential(c) for c in view.certifications],
        "industries": list(role.industries),
        "applications": list(role.applications),
        "workplace": list(role.workplace),
        "outlook": list(role.outlook),
        "how_to_become": [quoted(q) for q in role.how_to_become],
        "suits": [{**quoted(q), "inferred": q.inferred} for q in role.suits],
        "team": [quoted(q) for q in role.team],
        "salary": [figure_json(f, by_source) for f in view.salary],  # as `salary --json` has them
        "official": role_official_json(view.official),  # the occupation's figures, labelled
        "contrasts": [
            {"role": role_name(other), "text": c.text, "quote": c.quote, "source": c.source}
            for c, other in view.contrasts
        ],
        "related": list(role.related),
        "specialises": role.specialises,
        "leads_to": [{"role": role_name(m.role), "move": m.kind} for m in view.leads_to],
        "leads_from": [{"role": role_name(m.role), "move": m.kind} for m in view.leads_from],
        "specialisations": [r.id for r in view.specialisations],
        "sources": sources_doc(list(view.sources)),
    }


def roles_json(roles: list[Role]) -> RolesDoc:
    return {
        "roles": [
            {
                "id": r.id,
                "title": r.title,
                "aliases": list(r.aliases),
                "level": r.level.value,
                "level_from": "specialises" if r.kind == "specialisation" else "sources",
                "kind": r.kind,
                "summary": r.summary,
            }
            for r in roles
        ]
    }


def role_shown_json(shown: RoleShown) -> RoleCommandDoc:
    """`mlcareer role --json`: the role, whole or the section asked for."""
    return {"role": role_json(shown.view, shown.section)}


def role_list_json(shown: RoleList) -> RolesDoc:
    return roles_json(shown.roles)
