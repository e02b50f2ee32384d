"""Pure domain functions over the skill catalogue: find a skill, list and search them, describe one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mlcareer.domain.careers import name_index, suggest
from mlcareer.domain.careers import normalise as norm  # one way of folding names for roles and skills
from mlcareer.domain.expectations import Expectation, expectations
from mlcareer.errors import NotFoundError

if TYPE_CHECKING:
    from mlcareer.models import Catalog, Credential, Role, ScaleStep, Skill, Source

CATEGORIES = ("technical", "analytical", "interpersonal")


def skill_names(catalog: Catalog) -> dict[str, str]:
    """Every name a skill answers to (id, name, keywords), normalised, mapped to its id."""
    return name_index((s.id, (s.name, *s.keywords)) for s in catalog.skills)


def find_skill(catalog: Catalog, name: str) -> Skill:
    """The skill matching ``name`` by id, name or alias, ignoring case; else NotFoundError."""
    key = norm(name)
    by_id = catalog.lookup.skills
    if key in by_id:  # an id wins over any name or keyword: no index needed
        return by_id[key]
    names = skill_names(catalog)
    if key in names:
        return by_id[names[key]]
    raise NotFoundError("skill", name, suggest(key, names), list(by_id))


def _ladder_order(catalog: Catalog) -> dict[str, tuple[int, bool, int]]:
    """Sort keys that put roles in the order `mlcareer roles` lists them."""
    return {r.id: (r.level.rank, r.kind != "ladder", i) for i, r in enumerate(catalog.roles)}


@dataclass(frozen=True)
class RoleNeed:
    """What one role's sources state of a skill: expected at a grade, or mentioned without one."""

    role: Role
    expectation: Expectation


@dataclass(frozen=True)
class SkillSummary:
    """One line of the skill catalogue: the skill and the roles whose sources state it.

    A role not in ``roles`` is one the sources say nothing of for this skill: not stated,
    which is not the same as not needed.
    """

    skill: Skill
    roles: list[RoleNeed]
    total: int  # roles in the catalogue

    @property
    def expected(self) -> int:
        return sum(1 for n in self.roles if n.expectation.state == "expected")

    @property
    def mentioned(self) -> int:
        return sum(1 for n in self.roles if n.expectation.state == "mentioned")

    @property
    def inherited(self) -> int:
        """Of the roles counted, those that only inherit it (a kind of ML engineer, as for its role)."""
        return sum(1 for n in self.roles if n.expectation.inherited_from is not None)


def role_needs(catalog: Catalog, skill: Skill) -> list[RoleNeed]:
    """Every role whose sources state ``skill``, in ladder order, with its expectation."""
    order = _ladder_order(catalog)
    found: list[RoleNeed] = []
    for role in sorted(catalog.roles, key=lambda r: order[r.id]):
        exp = expectations(catalog, role).get(skill.id)
        if exp is not None:
            found.append(RoleNeed(role, exp))
    return found


def list_skills(catalog: Catalog, search: str | None = None) -> list[SkillSummary]:
    """Skills grouped by category (technical, analytical, interpersonal), in data order, filtered.

    ``search`` matches, ignoring case, the id, name, keywords, description or examples.
    """
    skills = list(catalog.skills)
    if search:
        needle = search.casefold()
        skills = [
            s
            for s in skills
            if any(needle in t.casefold() for t in (s.id, s.name, s.description, *s.keywords, *s.examples))
        ]
    skills.sort(key=lambda s: CATEGORIES.index(s.category))
    return [SkillSummary(skill=s, roles=role_needs(catalog, s), total=len(catalog.roles)) for s in skills]


@dataclass(frozen=True)
class SkillView:
    """Everything `mlcareer skill` shows of one skill, resolved.

    ``credentials`` are the ones a source ties to the skill itself; no credential of a role
    is carried over to a skill the role needs.
    """

    skill: Skill
    scale: list[ScaleStep]
    roles: list[RoleNeed]
    credentials: list[Credential]
    sources: list[Source]
    total: int  # roles in the catalogue


def describe_skill(catalog: Catalog, skill: Skill) -> SkillView:
    """Resolve what the data says about a skill: scale, roles, credentials, sources."""
    sources = catalog.lookup.sources
    return SkillView(
        skill=skill,
        scale=sorted(catalog.scale, key=lambda s: s.value),
        roles=role_needs(catalog, skill),
        credentials=[c for c in catalog.credentials if skill.id in c.skills],
        sources=[sources[s] for s in skill.sources if s in sources],
        total=len(catalog.roles),
    )


def category_from(skill: Skill) -> str:
    """Who grouped the skill: 'sources', or 'data pack' (the JSON word for both commands)."""
    return skill.category_from or "data pack"
