"""Pure domain: what a role expects of each skill, from the statements of the sources.

A statement has a scope: a role's own description, its level's statement, or what the
sources say of machine learning engineers in general (the profession). Its grade is read
from its wording by the one map (``wording.py``). :data:`RULE` says how they combine; it is
the only place that rule lives, and every view (role, compare, skill, skills, path, quiz,
plan) asks this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from mlcareer.choices import Level
from mlcareer.named import NamedTuple
from mlcareer.pack.wording import grades_in, phrases

if TYPE_CHECKING:
    from mlcareer.models import Catalog, Role, ScaleStep, Skill, Statement

Scope = Literal["role", "level", "profession"]
#: Where the grade scored against comes from; "default": the data pack's grade for a skill named
#: without one.
Basis = Literal["role", "level", "profession", "default"]
State = Literal["expected", "mentioned"]

#: How a role's expectations are made, said wherever a grade is shown (README, role page, JSON).
RULE = (
    "Each grade is read from the source's wording by one map. A role's grade for a skill comes "
    "from the narrowest statement that grades it: the role's own description, then its level's "
    "statement, then what the sources say of machine learning engineers in general "
    "(profession-wide, which applies to the ML engineer family from the mid level up). Where "
    "statements of the same scope disagree, the lowest grade, the one they all support, is used. "
    "A kind of ML engineer is measured as the ML engineer, except where its own description grades "
    "a skill. A skill the sources name without a grade is scored against the data pack's default. "
    "A skill the sources do not mention for a role is not stated: not the same as not needed."
)

_SCOPES: tuple[Scope, ...] = ("role", "level", "profession")


class Reading(NamedTuple):
    """One statement about a skill as it applies to a role: its quote, scope and grade (None: no grade)."""

    skill: str
    quote: str
    source: str
    scope: Scope
    where: str  # "Machine Learning Engineer", "Mid level", "profession-wide"
    phrase: str | None
    grade: int | None


class Expectation(NamedTuple):
    """What a role expects of one skill, and on what it rests."""

    skill: Skill
    state: State  # expected at a grade the sources give, or mentioned without one
    grade: int | None  # the grade scored against; None: mentioned and the pack sets no default
    step: ScaleStep | None
    basis: Basis
    readings: tuple[Reading, ...]  # every statement that applies, narrowest scope first
    chosen: Reading | None  # the statement whose grade is used; None for the default
    inherited_from: Role | None = None  # a kind of ML engineer: the role it is measured as

    @property
    def conflict(self) -> bool:
        """The statements that apply grade the skill differently."""
        return len({r.grade for r in self.readings if r.grade is not None}) > 1

    @property
    def label(self) -> str:
        """Where the grade comes from, in a few words: 'from the mid-level statement' and so on."""
        own = _LABELS[self.basis] if self.grade is not None or self.basis != "default" else _NO_DEFAULT
        if self.basis == "level" and self.chosen is not None:
            own = f"from the {self.chosen.where.lower().replace(' level', '-level')} statement"
        if self.inherited_from is not None:
            return f"as for the {self.inherited_from.title} ({own})"
        return own

    @property
    def why(self) -> str:
        """The rule's reason for this grade, in a sentence."""
        if self.chosen is None:
            return "named without a grade: scored against the data pack's default grade"
        same = [r for r in self.readings if r.scope == self.chosen.scope and r.grade is not None]
        if len({r.grade for r in same}) > 1:
            return (
                f"{len(same)} graded statements of the same scope disagree: "
                "the lowest grade, which all support"
            )
        if self.conflict:
            return "the narrowest statement that grades it wins over the broader ones"
        return "the narrowest statement that grades it"


_LABELS: dict[Basis, str] = {
    "role": "the role's own description",
    "level": "from the level statement",
    "profession": "profession-wide, no level given",
    "default": "named without a grade: the data pack's default",
}
_NO_DEFAULT = "named without a grade; this data pack sets no default, so it is not scored"


class RoleExpectations(NamedTuple):
    """A role's expectations in catalogue order, and what the profession values beside them."""

    role: Role
    items: tuple[Expectation, ...]
    values: tuple[Reading, ...]  # profession-wide statements shown beside an entry role, not its bar
    default_reason: str | None
    wording: tuple[tuple[str, int], ...] = ()  # the wording map the grades were read by

    def get(self, skill: str) -> Expectation | None:
        return next((e for e in self.items if e.skill.id == skill), None)

    @property
    def scored(self) -> dict[str, int]:
        """Skill id -> the grade a readiness is measured against."""
        return {e.skill.id: e.grade for e in self.items if e.grade is not None}

    @property
    def unscored(self) -> int:
        """Skills named without a grade in a pack that sets no default grade: shown, not scored."""
        return sum(1 for e in self.items if e.grade is None)

    def counts(self) -> dict[str, int]:
        """How many scored expectations rest on each basis; 'inherited' counts those of a kind of ML
        engineer taken from the role it is measured as."""
        out = {"role": 0, "level": 0, "profession": 0, "default": 0, "inherited": 0}
        for e in self.items:
            if e.grade is None:
                continue
            if e.inherited_from is not None:
                out["inherited"] += 1
            else:
                out[e.basis] += 1
        return out

    def inherited_counts(self) -> dict[str, int]:
        """Of the inherited expectations, how many rest on each basis in the role measured as."""
        out = {"role": 0, "level": 0, "profession": 0, "default": 0}
        for e in self.items:
            if e.grade is not None and e.inherited_from is not None:
                out[e.basis] += 1
        return out


def expectations(catalog: Catalog, role: Role) -> RoleExpectations:
    """What ``role`` expects of each skill, by :data:`RULE`. Cached per catalog."""
    memo = _memo(catalog)
    if role.id not in memo:
        memo[role.id] = _build(catalog, role, memo)
    return memo[role.id]


_MEMO: dict[int, tuple[Catalog, dict[str, RoleExpectations]]] = {}


def _memo(catalog: Catalog) -> dict[str, RoleExpectations]:
    held = _MEMO.get(id(catalog))
    if held is None or held[0] is not catalog:
        if len(_MEMO) > 8:  # a long-lived process (tests) loads many catalogs
            _MEMO.clear()
        held = (catalog, {})
        _MEMO[id(catalog)] = held
    return held[1]


def _build(catalog: Catalog, role: Role, memo: dict[str, RoleExpectations]) -> RoleExpectations:
    rules = catalog.expectations
    wording = phrases(rules.wording)
    skills = catalog.lookup.skills
    steps = catalog.lookup.scale
    default = rules.default_grade.grade if rules.default_grade else None
    reason = rules.default_grade.reason if rules.default_grade else None

    def read(s: Statement, scope: Scope, where: str) -> Reading:
        found = grades_in(s.quote, wording)
        phrase, grade = found[0] if found else (None, None)
        return Reading(s.skill, s.quote, s.source, scope, where, phrase, grade)

    own = [read(s, "role", role.title) for s in role.skills if s.skill in skills]
    parent = _parent(catalog, role)
    order = catalog.lookup.skill_order
    items: list[Expectation] = []
    if parent is not None:
        base = memo.get(parent.id) or expectations(catalog, parent)
        inherited = {e.skill.id: e for e in base.items}
        for sid in sorted({r.skill for r in own} | set(inherited), key=order.__getitem__):
            mine = [r for r in own if r.skill == sid]
            graded = [r for r in mine if r.grade is not None]
            theirs = inherited.get(sid)
            if graded or theirs is None:
                items.append(
                    _combine(skills[sid], [*mine, *(theirs.readings if theirs else ())], steps, default)
                )
            else:
                items.append(
                    Expectation(
                        skill=theirs.skill,
                        state=theirs.state,
                        grade=theirs.grade,
                        step=theirs.step,
                        basis=theirs.basis,
                        readings=(*mine, *theirs.readings),
                        chosen=theirs.chosen,
                        inherited_from=theirs.inherited_from or parent,
                    )
                )
        return RoleExpectations(role, tuple(items), (), reason, tuple(wording.items()))

    info = next((lv for lv in catalog.levels if lv.id == role.level), None)
    level = [read(s, "level", info.name) for s in info.expects] if info else []
    profession: list[Reading] = []
    values: list[Reading] = []
    if rules.profession is not None and role.id in rules.family:
        said = [read(s, "profession", "profession-wide") for s in rules.profession.statements]
        if role.level.rank >= rules.profession.applies_from.rank:
            profession = said
        else:
            values = said
    readings = [*own, *level, *profession]
    for sid in sorted({r.skill for r in readings if r.skill in skills}, key=order.__getitem__):
        items.append(_combine(skills[sid], [r for r in readings if r.skill == sid], steps, default))
    return RoleExpectations(role, tuple(items), tuple(values), reason, tuple(wording.items()))


def _combine(
    skill: Skill, readings: list[Reading], steps: Mapping[int, ScaleStep], default: int | None
) -> Expectation:
    """One skill's readings (any scope) -> the expectation, by RULE."""
    readings = sorted(readings, key=lambda r: _SCOPES.index(r.scope))
    for scope in _SCOPES:
        graded = [r for r in readings if r.scope == scope and r.grade is not None]
        if graded:
            chosen = min(graded, key=lambda r: r.grade if r.grade is not None else 0)
            assert chosen.grade is not None
            return Expectation(
                skill, "expected", chosen.grade, steps.get(chosen.grade), scope, tuple(readings), chosen
            )
    step = steps.get(default) if default is not None else None
    return Expectation(skill, "mentioned", default, step, "default", tuple(readings), None)


def _parent(catalog: Catalog, role: Role) -> Role | None:
    """The role a kind of ML engineer is measured as (None for a ladder role)."""
    if role.kind != "specialisation" or role.specialises is None:
        return None
    return next((r for r in catalog.roles if r.id == role.specialises), None)


def family_role(catalog: Catalog, level: Level) -> Role | None:
    """The ML engineer family's role at ``level`` (the data pack's reading), if any."""
    family = catalog.expectations.family
    found = [r for r in catalog.roles if r.id in family and r.level == level and r.kind == "ladder"]
    return found[0] if found else None
