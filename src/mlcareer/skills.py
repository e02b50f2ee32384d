"""Pure domain functions over the skill catalogue: find a skill, list and search them, describe one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mlcareer.careers import name_index, sources_by_id, suggest
from mlcareer.careers import normalise as norm  # one way of folding names for roles and skills
from mlcareer.errors import NotFoundError
from mlcareer.models import Catalog, Credential, Role, ScaleStep, Skill, Source

CATEGORIES = ("technical", "analytical", "interpersonal")


def skill_names(catalog: Catalog) -> dict[str, str]:
    """Every name a skill answers to (id, name, aliases), normalised, mapped to its id."""
    return name_index((s.id, (s.name, *s.aliases)) for s in catalog.skills)


def find_skill(catalog: Catalog, name: str) -> Skill:
    """The skill matching ``name`` by id, name or alias, ignoring case; else NotFoundError."""
    names = skill_names(catalog)
    key = norm(name)
    by_id = {s.id: s for s in catalog.skills}
    if key in names:
        return by_id[names[key]]
    raise NotFoundError("skill", name, suggest(key, names), list(by_id))


def _ladder_order(catalog: Catalog) -> dict[str, tuple[int, bool, int]]:
    """Sort keys that put roles in the order `mlcareer roles` lists them."""
    return {r.id: (r.level.rank, r.kind != "ladder", i) for i, r in enumerate(catalog.roles)}


@dataclass(frozen=True)
class SkillSummary:
    """One line of the skill catalogue: the skill and the roles that need it."""

    skill: Skill
    roles: list[Role]


def list_skills(catalog: Catalog, search: str | None = None) -> list[SkillSummary]:
    """Skills grouped by category (technical, analytical, interpersonal), in data order, filtered.

    ``search`` matches, ignoring case, the id, name, aliases, description or examples.
    """
    order = _ladder_order(catalog)
    skills = list(catalog.skills)
    if search:
        needle = search.casefold()
        skills = [
            s
            for s in skills
            if any(needle in t.casefold() for t in (s.id, s.name, s.description, *s.aliases, *s.examples))
        ]
    skills.sort(key=lambda s: CATEGORIES.index(s.category))
    return [
        SkillSummary(
            skill=s,
            roles=sorted(
                (r for r in catalog.roles if any(n.skill == s.id for n in r.skills)),
                key=lambda r: order[r.id],
            ),
        )
        for s in skills
    ]


@dataclass(frozen=True)
class RoleNeed:
    """A role that needs a skill, with the proficiency it expects (None: the sources give no level)."""

    role: Role
    proficiency: int | None
    step: ScaleStep | None
    evidence: str | None


@dataclass(frozen=True)
class Asked:
    """A credential that roles needing a skill ask for, and how many of those roles ask for it."""

    credential: Credential
    roles: list[Role]


@dataclass(frozen=True)
class SkillView:
    """Everything `mlcareer skill` shows of one skill, resolved.

    ``credentials`` are the ones the data ties to the skill itself; ``education`` and
    ``certifications`` are only what the roles that need the skill ask for, which the
    sources do not tie to this skill.
    """

    skill: Skill
    scale: list[ScaleStep]
    roles: list[RoleNeed]
    credentials: list[Credential]
    education: list[Asked]
    certifications: list[Asked]
    sources: list[Source]


def describe_skill(catalog: Catalog, skill: Skill) -> SkillView:
    """Resolve what the data says about a skill: scale, roles, credentials, sources."""
    steps = {s.value: s for s in catalog.scale}
    order = _ladder_order(catalog)
    needs: list[RoleNeed] = []
    for role in sorted(catalog.roles, key=lambda r: order[r.id]):
        for need in role.skills:
            if need.skill == skill.id:
                step = steps.get(need.proficiency) if need.proficiency is not None else None
                needs.append(RoleNeed(role, need.proficiency, step, need.evidence))
                break
    tied = [c for c in catalog.credentials if skill.id in c.skills]
    sources = sources_by_id(catalog)
    return SkillView(
        skill=skill,
        scale=sorted(catalog.scale, key=lambda s: s.value),
        roles=needs,
        credentials=tied,
        education=_asked(catalog, needs, lambda r: r.education, {c.id for c in tied}),
        certifications=_asked(catalog, needs, lambda r: r.certifications, {c.id for c in tied}),
        sources=[sources[s] for s in skill.sources if s in sources],
    )


def _asked(
    catalog: Catalog, needs: list[RoleNeed], field: Callable[[Role], list[str]], skip: set[str]
) -> list[Asked]:
    """The credentials in ``field`` of the roles in ``needs``, most asked first, then in data order."""
    asked: dict[str, list[Role]] = {}
    for need in needs:
        for cred_id in field(need.role):
            if cred_id not in skip:
                asked.setdefault(cred_id, []).append(need.role)
    order = [c.id for c in catalog.credentials]
    creds = {c.id: c for c in catalog.credentials}
    ranked = sorted((i for i in asked if i in creds), key=lambda i: (-len(asked[i]), order.index(i)))
    return [Asked(creds[i], asked[i]) for i in ranked]
