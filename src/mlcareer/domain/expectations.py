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
    from mlcareer.models import (
        Catalog,
        Ceiling,
        ExpectationRules,
        Role,
        ScaleStep,
        Skill,
        Speciality,
        Statement,
    )

Scope = Literal["role", "level", "profession"]
#: Where the grade scored against comes from; "speciality": a kind of ML engineer's own speciality,
#: at its level's characteristic grade; "default": the data pack's grade for a skill named without one.
Basis = Literal["role", "level", "profession", "speciality", "default"]
State = Literal["expected", "mentioned"]

#: How a role's expectations are made, said wherever a grade is shown (README, role page, JSON).
RULE = (
    "Each grade is read from the source's wording by one map. A role's grade for a skill comes "
    "from the narrowest statement that grades it: the role's own description, then its level's "
    "statement (said of the roles it names), then what the sources say of machine learning "
    "engineers in general (profession-wide, which applies to the ML engineer family from the mid "
    "level up). Where statements of the same scope disagree, the lowest grade, the one they all "
    "support, is used; a sentence about one part of a skill grades it only where none speaks of "
    "the whole. A kind of ML engineer is measured as the ML engineer, except where its own "
    "description grades a skill. A skill the sources name without a grade is shown against the data "
    "pack's default, and never counts towards readiness. A skill the sources do not mention for a "
    "role is not stated: not the same as not needed."
)
#: The level ceiling and the speciality floor: mlcareer's own reading, a rule apart from the map.
CEILING_RULE = (
    "mlcareer's own reading (the level ceiling): a statement broader than the role (profession-wide, "
    "its level's, or inherited) grades it at most at its level's characteristic grade; only the "
    "role's own description lifts a grade above it. A kind of ML engineer's own speciality is "
    "expected at least at that grade."
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
    bullet: str | None = None  # the heading of the bullet the sentence stands under
    part: str | None = None  # the part of the skill it speaks of, when only one part
    said_of: str | None = None  # a level statement: whom the source says it of


class Expectation(NamedTuple):
    """What a role expects of one skill, and on what it rests."""

    skill: Skill
    state: State  # expected at a grade the sources give, or mentioned without one
    grade: int | None  # the grade shown; None: mentioned and the pack sets no default
    step: ScaleStep | None
    basis: Basis
    readings: tuple[Reading, ...]  # every statement that applies, narrowest scope first
    chosen: Reading | None  # the statement whose grade is used; None for the default and a speciality
    inherited_from: Role | None = None  # a kind of ML engineer: the role it is measured as
    ceiling: Ceiling | None = None  # set when the level ceiling lowered the statement's grade
    speciality: Speciality | None = None  # set for a kind's own speciality
    level_name: str = ""  # the role's level, in words ("mid level"), for the labels
    speciality_quote: str | None = None  # the sentence the speciality's grade rests on, if the pack gives one

    @property
    def graded(self) -> bool:
        """A source grades it (directly, or as a kind's speciality): it counts towards readiness."""
        return self.grade is not None and self.basis != "default"

    @property
    def conflict(self) -> bool:
        """The statements that apply grade the skill differently."""
        return len({r.grade for r in self.readings if r.grade is not None}) > 1

    @property
    def label(self) -> str:
        """Where the grade comes from, in a few words: 'from the mid-level statement' and so on."""
        if self.basis == "speciality":
            name = self.step.name if self.step else str(self.grade)
            said = f' and of "{self.speciality_quote}"' if self.speciality_quote else ""
            return f"the kind's own speciality (mlcareer's reading of its description{said}): {name}"
        own = _LABELS[self.basis] if self.grade is not None or self.basis != "default" else _NO_DEFAULT
        if self.basis == "level" and self.chosen is not None:
            own = f"from the {self.chosen.where.lower().replace(' level', '-level')} statement"
            if self.chosen.said_of:
                own += f", said of {self.chosen.said_of}"
        if self.ceiling is not None and self.chosen is not None:
            own += (
                f"; capped at the {self.level_name} (mlcareer's level ceiling): the sentence says "
                f"'{self.chosen.phrase}'"
            )
        if self.inherited_from is not None:
            return f"as for the {self.inherited_from.title} ({own})"
        return own

    @property
    def why(self) -> str:
        """The rule's reason for this grade, in a sentence."""
        if self.basis == "speciality":
            return (
                "the kind's own speciality: mlcareer's reading sets its grade, and no broader or "
                "lower reading pulls it below that"
            )
        if self.chosen is None:
            return "named without a grade: shown against the data pack's default grade, never counted"
        same = [r for r in self.readings if r.scope == self.chosen.scope and r.grade is not None]
        whole = [r for r in same if r.part is None]
        parts = [r for r in same if r.part is not None]
        out = "the narrowest statement that grades it"
        if len({r.grade for r in (whole or same)}) > 1:
            out = (
                f"{len(whole or same)} graded statements of the same scope disagree: "
                "the lowest grade, which all support"
            )
        elif self.conflict:
            out = "the narrowest statement that grades it wins over the broader ones"
        if parts and whole:
            out += f"; the sentence about part of it ('{parts[0].part}') does not grade the whole skill"
        if self.ceiling is not None:
            out += f"; capped at the {self.level_name}'s characteristic grade (mlcareer's level ceiling)"
        return out


_LABELS: dict[Basis, str] = {
    "role": "the role's own description",
    "level": "from the level statement",
    "profession": "profession-wide, no level given",
    "speciality": "the kind's own speciality",
    "default": "named without a grade: the data pack's default, not counted",
}
_NO_DEFAULT = "named without a grade; this data pack sets no default, so it is not scored"


class RoleExpectations(NamedTuple):
    """A role's expectations in catalogue order, and what the profession values beside them."""

    role: Role
    items: tuple[Expectation, ...]
    values: tuple[Reading, ...]  # profession-wide statements shown beside an entry role, not its bar
    default_reason: str | None
    wording: tuple[tuple[str, int], ...] = ()  # the wording map the grades were read by
    minimum: int = 1  # graded expectations a readiness percentage needs (the pack's choice)
    minimum_reason: str | None = None
    ceiling: Ceiling | None = None  # the role's level's characteristic grade, if the pack sets one
    ceiling_reason: str | None = None
    speciality_reason: str | None = None  # a kind of ML engineer: how its speciality is graded
    names: Mapping[str, Skill] = {}  # the catalogue's skills by id, to name the readings of ``values``

    def get(self, skill: str) -> Expectation | None:
        return next((e for e in self.items if e.skill.id == skill), None)

    @property
    def scored(self) -> dict[str, int]:
        """Skill id -> the grade a readiness is measured against: graded expectations only."""
        return {e.skill.id: e.grade for e in self.items if e.graded and e.grade is not None}

    @property
    def named(self) -> int:
        """Skills named without a grade (shown beside your answer, never counted)."""
        return sum(1 for e in self.items if not e.graded)

    @property
    def unscored(self) -> int:
        """Skills named without a grade in a pack that sets no default grade: shown, not scored."""
        return sum(1 for e in self.items if e.grade is None)

    @property
    def scorable(self) -> bool:
        """Enough graded expectations for a readiness percentage (the pack's minimum)."""
        return len(self.scored) >= self.minimum

    def counts(self) -> dict[str, int]:
        """How many expectations rest on each basis ('default': named without a grade, not counted);
        'inherited' counts those of a kind of ML engineer taken from the role it is measured as."""
        out = {"role": 0, "level": 0, "profession": 0, "speciality": 0, "default": 0, "inherited": 0}
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
        out = {"role": 0, "level": 0, "profession": 0, "speciality": 0, "default": 0}
        for e in self.items:
            if e.grade is not None and e.inherited_from is not None:
                out[e.basis] += 1
        return out

    @property
    def capped(self) -> int:
        return sum(1 for e in self.items if e.ceiling is not None)


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


def ceiling_for(catalog: Catalog, level: Level) -> Ceiling | None:
    """The level's characteristic grade: its own entry, else the nearest level below that has one."""
    rules = catalog.expectations.ceilings
    if rules is None:
        return None
    below = [c for c in rules.levels if c.level.rank <= level.rank]
    return max(below, key=lambda c: c.level.rank) if below else None


class _Making(NamedTuple):
    """What building one role's expectations reads: its data's rules, wording map, skills and
    scale, the default grade, and the role's level ceiling."""

    catalog: Catalog
    role: Role
    rules: ExpectationRules
    wording: dict[str, int]
    skills: Mapping[str, Skill]
    steps: Mapping[int, ScaleStep]
    default: int | None
    ceiling: Ceiling | None
    level_name: str

    def read(self, s: Statement, scope: Scope, where: str, said_of: str | None = None) -> Reading:
        """A statement as read: the first grade its wording gives, if any."""
        found = grades_in(s.quote, self.wording)
        phrase, grade = found[0] if found else (None, None)
        return Reading(s.skill, s.quote, s.source, scope, where, phrase, grade, s.bullet, s.part, said_of)

    def combine(self, skill: Skill, readings: list[Reading]) -> Expectation:
        return _combine(skill, readings, self.steps, self.default, self.ceiling, self.level_name)

    def done(self, items: list[Expectation], values: tuple[Reading, ...] = ()) -> RoleExpectations:
        rules = self.rules
        return RoleExpectations(
            self.role,
            tuple(items),
            values,
            rules.default_grade.reason if rules.default_grade else None,
            tuple(self.wording.items()),
            rules.readiness.minimum_graded if rules.readiness else 1,
            rules.readiness.reason if rules.readiness else None,
            self.ceiling,
            rules.ceilings.reason if rules.ceilings else None,
            rules.speciality.reason if rules.speciality and self.role.speciality else None,
            self.skills,
        )


def _build(catalog: Catalog, role: Role, memo: dict[str, RoleExpectations]) -> RoleExpectations:
    rules = catalog.expectations
    making = _Making(
        catalog,
        role,
        rules,
        phrases(rules.wording),
        catalog.lookup.skills,
        catalog.lookup.scale,
        rules.default_grade.grade if rules.default_grade else None,
        ceiling_for(catalog, role.level),
        f"{role.level.value} level",
    )
    own = [making.read(s, "role", role.title) for s in role.skills if s.skill in making.skills]
    parent = _parent(catalog, role)
    if parent is not None:
        return making.done(_kind_items(making, own, parent, memo))
    info = catalog.lookup.levels.get(role.level)
    level = (
        [making.read(s, "level", info.name, s.said_of) for s in info.expects if role.id in s.covers]
        if info
        else []
    )
    profession: list[Reading] = []
    values: list[Reading] = []
    if rules.profession is not None and role.id in rules.family:
        said = [making.read(s, "profession", "profession-wide") for s in rules.profession.statements]
        if role.level.rank >= rules.profession.applies_from.rank:
            profession = said
        else:
            values = said
    readings = [*own, *level, *profession]
    order = catalog.lookup.skill_order
    items = [
        making.combine(making.skills[sid], [r for r in readings if r.skill == sid])
        for sid in sorted({r.skill for r in readings if r.skill in making.skills}, key=order.__getitem__)
    ]
    return making.done(items, tuple(values))


def _kind_items(
    making: _Making, own: list[Reading], parent: Role, memo: dict[str, RoleExpectations]
) -> list[Expectation]:
    """A kind of ML engineer's expectations: its own graded statements, else its parent's (capped
    at its level), and its speciality's skills at least at their floor."""
    catalog, role, skills = making.catalog, making.role, making.skills
    base = memo.get(parent.id) or expectations(catalog, parent)
    inherited = {e.skill.id: e for e in base.items}
    special = [x for x in (role.speciality.skills if role.speciality else []) if x in skills]
    floor = speciality_grade(catalog, role)
    order = catalog.lookup.skill_order
    items: list[Expectation] = []
    for sid in sorted({r.skill for r in own} | set(inherited) | set(special), key=order.__getitem__):
        mine = [r for r in own if r.skill == sid]
        theirs = inherited.get(sid)
        if any(r.grade is not None for r in mine) or theirs is None:
            exp = making.combine(skills[sid], [*mine, *(theirs.readings if theirs else ())])
        else:
            exp = _inherit(theirs, mine, parent, making.ceiling, making.steps, making.level_name)
        if sid in special:
            exp = _floor(exp, role, floor, making.steps)
            if exp.basis == "speciality" and making.rules.speciality is not None:
                exp = exp._replace(speciality_quote=making.rules.speciality.quote)
        items.append(exp)
    return items


def _inherit(
    theirs: Expectation,
    mine: list[Reading],
    parent: Role,
    ceiling: Ceiling | None,
    steps: Mapping[int, ScaleStep],
    level_name: str,
) -> Expectation:
    """The parent's expectation as a kind's: inherited, and broader than the kind, so capped."""
    grade, capped = theirs.grade, theirs.ceiling
    if theirs.graded and grade is not None and ceiling is not None and grade > ceiling.grade:
        grade, capped = ceiling.grade, ceiling
    return theirs._replace(
        grade=grade,
        step=steps.get(grade) if grade is not None else None,
        readings=(*mine, *theirs.readings),
        inherited_from=theirs.inherited_from or parent,
        ceiling=capped,
        level_name=level_name,
    )


def speciality_grade(catalog: Catalog, role: Role) -> int | None:
    """The grade a kind's own speciality is expected at: the pack's speciality grade, never below
    the kind's level's characteristic grade (None: the pack sets neither)."""
    rules = catalog.expectations
    ceiling = ceiling_for(catalog, role.level)
    grades = [g.grade for g in (rules.speciality, ceiling) if g is not None]
    return max(grades) if grades else None


def _floor(exp: Expectation, role: Role, floor: int | None, steps: Mapping[int, ScaleStep]) -> Expectation:
    """A kind's own speciality: at the speciality grade, unless its own description reads higher."""
    if floor is None or role.speciality is None:
        return exp._replace(speciality=role.speciality)
    if exp.basis == "role" and exp.grade is not None and exp.grade >= floor:
        return exp._replace(speciality=role.speciality)
    return exp._replace(
        state="expected",
        grade=floor,
        step=steps.get(floor),
        basis="speciality",
        chosen=None,
        inherited_from=None,
        ceiling=None,
        speciality=role.speciality,
    )


def _combine(
    skill: Skill,
    readings: list[Reading],
    steps: Mapping[int, ScaleStep],
    default: int | None,
    ceiling: Ceiling | None,
    level_name: str,
) -> Expectation:
    """One skill's readings (any scope) -> the expectation, by RULE and the level ceiling."""
    readings = sorted(readings, key=lambda r: _SCOPES.index(r.scope))
    for scope in _SCOPES:
        graded = [r for r in readings if r.scope == scope and r.grade is not None]
        whole = [r for r in graded if r.part is None] or graded
        if whole:
            chosen = min(whole, key=lambda r: r.grade if r.grade is not None else 0)
            assert chosen.grade is not None
            grade, capped = chosen.grade, None
            if scope != "role" and ceiling is not None and grade > ceiling.grade:
                grade, capped = ceiling.grade, ceiling
            return Expectation(
                skill,
                "expected",
                grade,
                steps.get(grade),
                scope,
                tuple(readings),
                chosen,
                ceiling=capped,
                level_name=level_name,
            )
    step = steps.get(default) if default is not None else None
    return Expectation(
        skill, "mentioned", default, step, "default", tuple(readings), None, level_name=level_name
    )


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
