"""Pure domain functions over a Catalog: find roles, describe them, compare them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

from mlcareer.choices import Level
from mlcareer.domain.expectations import Expectation, RoleExpectations, expectations
from mlcareer.domain.ladder import EdgeKind, moves_from, moves_to
from mlcareer.domain.official import Placement, placements
from mlcareer.domain.salaries import salary_for_role  # lives with the other salary queries
from mlcareer.errors import NotFoundError
from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from mlcareer.models import (
        Catalog,
        Contrast,
        Credential,
        LevelInfo,
        Requirement,
        Role,
        SalaryFigure,
        Skill,
        Source,
    )


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
    key = normalise(name)
    if key in catalog.lookup.roles:  # an id wins over any title or alias: no index needed
        return catalog.lookup.roles[key]
    names = role_names(catalog)
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
            yield from (item.text for item in group.items)

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
    role = catalog.lookup.roles.get(role_id)
    if role is not None:
        return role
    raise NotFoundError("role", role_id, [], [r.id for r in catalog.roles])


def list_roles(catalog: Catalog, level: Level | None = None, search: str | None = None) -> list[Role]:
    """Roles in ladder order (by level, ladder before specialisations), filtered."""
    roles = [r for r in catalog.roles if level is None or r.level == level]
    if search:
        needle = search.casefold()
        skills = catalog.lookup.skills

        def hit(role: Role) -> bool:
            texts = [role.id, role.title, role.summary, *role.aliases, *role.tools]
            texts += [skills[s.skill].name for s in role.skills if s.skill in skills]
            return any(needle in t.casefold() for t in texts)

        roles = [r for r in roles if hit(r)]
    order = catalog.lookup.role_order
    return sorted(roles, key=lambda r: (r.level.rank, r.kind != "ladder", order[r.id]))


class Move(NamedTuple):
    """A move on from a role, or into it: advancing a level, or specialising."""

    role: Role
    kind: EdgeKind


class RoleView(NamedTuple):
    """Everything `mlcareer role` shows of one role, resolved."""

    role: Role
    level: LevelInfo | None
    expectations: RoleExpectations
    education: list[Credential]
    certifications: list[Credential]
    salary: list[SalaryFigure]
    related: list[Role]
    leads_to: list[Move]
    leads_from: list[Move]
    specialises: Role | None
    specialisations: list[Role]
    contrasts: list[tuple[Contrast, Role]]
    sources: list[Source]
    figure_sources: dict[str, Source]
    official: list[Placement]  # occupations beside the role
    level_education: list[Requirement]  # the level's education statements, where the role has none
    parent: RoleView | None = None  # a kind of ML engineer: the role it specialises, whose facts it inherits


def level_education(catalog: Catalog, role: Role) -> list[Requirement]:
    """What the role's level says of education, shown where the role has none of its own."""
    if role.education or role.kind == "specialisation":
        return []
    info = catalog.lookup.levels.get(role.level)
    return [r for r in info.requirements if r.education] if info is not None else []


def contrasts(catalog: Catalog, role: Role, other: Role | None = None) -> list[tuple[Contrast, Role]]:
    """What the sources say of how ``role`` differs from another (from ``other`` only, if given)."""
    by_id = catalog.lookup.roles
    found = [(c, by_id[c.role]) for c in role.contrasts if c.role in by_id]
    if other is not None:
        found = [(c, r) for c, r in found if r.id == other.id]
        found += [
            (c, other)
            for c in other.contrasts
            if c.role == role.id and c.quote not in {x.quote for x, _ in found}
        ]
    return found


def describe_role(catalog: Catalog, role: Role) -> RoleView:
    """Resolve every reference of a role into the view `mlcareer role` renders."""
    creds = catalog.lookup.credentials
    sources = catalog.lookup.sources
    figures = salary_for_role(catalog, role)
    by_id = catalog.lookup.roles
    parent = by_id.get(role.specialises or "") if role.kind == "specialisation" else None
    if parent is not None and parent.id == role.id:
        parent = None
    return RoleView(
        role=role,
        level=catalog.lookup.levels.get(role.level),
        expectations=expectations(catalog, role),
        education=_known(role.education, creds),
        certifications=_known(role.certifications, creds),
        salary=figures,
        related=_known(role.related, by_id),
        leads_to=[Move(by_id[e.target], e.kind) for e in moves_from(catalog, role)],
        leads_from=[Move(by_id[e.source], e.kind) for e in moves_to(catalog, role)],
        specialises=by_id.get(role.specialises) if role.specialises else None,
        specialisations=[r for r in catalog.roles if r.specialises == role.id],
        contrasts=contrasts(catalog, role),
        sources=_known(role.sources, sources),
        figure_sources={f.id: sources[f.source] for f in figures if f.source in sources},
        official=placements(catalog, role),
        level_education=level_education(catalog, role),
        parent=describe_role(catalog, parent) if parent is not None else None,
    )


_T = TypeVar("_T")


def _known(ids: Iterable[str], table: Mapping[str, _T]) -> list[_T]:
    """What ``ids`` name in ``table``, in order; an id it does not hold is left out."""
    return [table[i] for i in ids if i in table]


class SkillRow(NamedTuple):
    """One skill in a comparison: what each role's sources state (None: not stated)."""

    skill: Skill
    left: Expectation | None
    right: Expectation | None


class Comparison(NamedTuple):
    """Two roles side by side, and how the sources say they differ."""

    left: RoleView
    right: RoleView
    skills: list[SkillRow]
    contrasts: list[tuple[Contrast, Role]]


def compare_roles(catalog: Catalog, left: Role, right: Role) -> Comparison:
    """Two roles side by side: skills both state first, then each role's own."""
    a, b = describe_role(catalog, left), describe_role(catalog, right)
    a_needs = {e.skill.id: e for e in a.expectations.items}
    b_needs = {e.skill.id: e for e in b.expectations.items}
    order = catalog.lookup.skill_order
    ids = sorted(
        set(a_needs) | set(b_needs),
        key=lambda i: (not (i in a_needs and i in b_needs), i not in a_needs, order[i]),
    )
    rows = [SkillRow((a_needs.get(i) or b_needs[i]).skill, a_needs.get(i), b_needs.get(i)) for i in ids]
    return Comparison(a, b, rows, contrasts(catalog, left, right))
