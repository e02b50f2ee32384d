"""Pure domain functions over a Catalog: find roles, describe them, compare them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from mlcareer.choices import Level
from mlcareer.errors import NotFoundError
from mlcareer.models import (
    Catalog,
    Credential,
    Role,
    RoleSkill,
    SalaryFigure,
    ScaleStep,
    Skill,
    Source,
)
from mlcareer.salaries import salary_for_role  # lives with the other salary queries


def normalise(text: str) -> str:
    """Case, spaces, underscores and punctuation folded: 'ML  Engineer' ~ 'ml-engineer'."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def name_index(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Every name of each entry (its id, then its other names) normalised, mapped to the id.

    Ids are indexed first, so an id always wins over another entry's title or alias.
    """
    entries = list(entries)
    names: dict[str, str] = {}
    for ident, _ in entries:
        names.setdefault(normalise(ident), ident)
    for ident, others in entries:
        for name in others:
            names.setdefault(normalise(name), ident)
    return names


def role_names(catalog: Catalog) -> dict[str, str]:
    """Every name a role answers to (id, title, aliases), normalised, mapped to its id."""
    return name_index((r.id, (r.title, *r.aliases)) for r in catalog.roles)


def find_role(catalog: Catalog, name: str) -> Role:
    """The role matching ``name`` by id, title or alias, ignoring case; else NotFoundError."""
    names = role_names(catalog)
    key = normalise(name)
    if key in names:
        return role_by_id(catalog, names[key])
    suggestions = suggest(key, names)
    found = [] if suggestions else mentioning(catalog, name)
    raise NotFoundError("role", name, suggestions, [r.id for r in catalog.roles], mentions=found)


def mentioning(catalog: Catalog, word: str) -> list[str]:
    """Ids of the roles whose title, aliases, summary or responsibilities mention ``word``."""
    word = word.strip()
    if len(word) < 2:
        return []
    pattern = re.compile(rf"(?<![a-z0-9]){re.escape(word.casefold())}", re.IGNORECASE)

    def texts(role: Role) -> Iterable[str]:
        yield from (role.title, *role.aliases, role.summary)
        for group in role.responsibilities:
            yield group.group
            yield from group.items

    return [r.id for r in catalog.roles if any(pattern.search(t) for t in texts(r))]


def suggest(key: str, names: dict[str, str], n: int = 3) -> list[str]:
    """The ids whose names are closest to ``key``, best first, without repeats."""
    out: list[str] = []
    for match in difflib.get_close_matches(key, list(names), n=n * 3, cutoff=0.6):
        if names[match] not in out:
            out.append(names[match])
    if not out and key:
        out = list(dict.fromkeys(names[k] for k in names if key in k))[:n]
    return out[:n]


def role_by_id(catalog: Catalog, role_id: str) -> Role:
    """A role by its exact id (the data is cross-checked, so references resolve)."""
    for role in catalog.roles:
        if role.id == role_id:
            return role
    raise NotFoundError("role", role_id, [], [r.id for r in catalog.roles])


def list_roles(catalog: Catalog, level: Level | None = None, search: str | None = None) -> list[Role]:
    """Roles in ladder order (by level, ladder before specialisations), filtered."""
    roles = [r for r in catalog.roles if level is None or r.level == level]
    if search:
        needle = search.casefold()
        skills = {s.id: s for s in catalog.skills}

        def hit(role: Role) -> bool:
            texts = [role.id, role.title, role.summary, *role.aliases, *role.tools]
            texts += [skills[s.skill].name for s in role.skills if s.skill in skills]
            return any(needle in t.casefold() for t in texts)

        roles = [r for r in roles if hit(r)]
    order = {r.id: i for i, r in enumerate(catalog.roles)}
    return sorted(roles, key=lambda r: (r.level.rank, r.kind != "ladder", order[r.id]))


@dataclass(frozen=True)
class SkillNeed:
    """A skill a role needs, resolved against the catalogue and the scale."""

    skill: Skill
    proficiency: int | None
    step: ScaleStep | None
    evidence: str | None


@dataclass(frozen=True)
class RoleView:
    """Everything `mlcareer role` shows of one role, resolved."""

    role: Role
    skills: list[SkillNeed]
    education: list[Credential]
    certifications: list[Credential]
    salary: list[SalaryFigure]
    related: list[Role]
    leads_to: list[Role]
    leads_from: list[Role]
    specialises: Role | None
    specialisations: list[Role]
    sources: list[Source]
    figure_sources: dict[str, Source]


def skill_needs(catalog: Catalog, needs: list[RoleSkill]) -> list[SkillNeed]:
    """Resolve a role's skill list: the Skill, the scale step it expects."""
    skills = {s.id: s for s in catalog.skills}
    steps = {s.value: s for s in catalog.scale}
    return [
        SkillNeed(
            skill=skills[n.skill],
            proficiency=n.proficiency,
            step=steps.get(n.proficiency) if n.proficiency is not None else None,
            evidence=n.evidence,
        )
        for n in needs
        if n.skill in skills
    ]


def sources_by_id(catalog: Catalog) -> dict[str, Source]:
    return {s.id: s for s in catalog.sources}


def describe_role(catalog: Catalog, role: Role) -> RoleView:
    """Resolve every reference of a role into the view `mlcareer role` renders."""
    creds = {c.id: c for c in catalog.credentials}
    sources = sources_by_id(catalog)
    figures = salary_for_role(catalog, role)
    by_id = {r.id: r for r in catalog.roles}
    return RoleView(
        role=role,
        skills=skill_needs(catalog, role.skills),
        education=[creds[c] for c in role.education if c in creds],
        certifications=[creds[c] for c in role.certifications if c in creds],
        salary=figures,
        related=[by_id[r] for r in role.related if r in by_id],
        leads_to=[by_id[r] for r in role.leads_to if r in by_id],
        leads_from=[r for r in catalog.roles if role.id in r.leads_to],
        specialises=by_id.get(role.specialises) if role.specialises else None,
        specialisations=[r for r in catalog.roles if r.specialises == role.id],
        sources=[sources[s] for s in role.sources if s in sources],
        figure_sources={f.id: sources[f.source] for f in figures if f.source in sources},
    )


@dataclass(frozen=True)
class SkillRow:
    """One skill in a comparison: what each role expects (None: not listed or no grade)."""

    skill: Skill
    left: SkillNeed | None
    right: SkillNeed | None


@dataclass(frozen=True)
class Comparison:
    """Two roles side by side."""

    left: RoleView
    right: RoleView
    skills: list[SkillRow]


def compare_roles(catalog: Catalog, left: Role, right: Role) -> Comparison:
    """Two roles side by side: skills shared first, then each role's own."""
    a, b = describe_role(catalog, left), describe_role(catalog, right)
    a_needs = {n.skill.id: n for n in a.skills}
    b_needs = {n.skill.id: n for n in b.skills}
    order = [s.id for s in catalog.skills]
    ids = sorted(
        set(a_needs) | set(b_needs),
        key=lambda i: (not (i in a_needs and i in b_needs), i not in a_needs, order.index(i)),
    )
    rows = [SkillRow((a_needs.get(i) or b_needs[i]).skill, a_needs.get(i), b_needs.get(i)) for i in ids]
    return Comparison(a, b, rows)
