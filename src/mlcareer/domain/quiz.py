"""Pure quiz scoring: the questions to ask, and answers -> a result. No I/O.

Answers map a question id to a step 0-4: for a skill question the step of the
proficiency scale, for an interest question the step of the interest scale. A question
left out (the quick form asks only some) is "not asked", never counted as 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from mlcareer.choices import Level
from mlcareer.datafiles import named
from mlcareer.domain.careers import level_education
from mlcareer.domain.expectations import (
    Expectation,
    RoleExpectations,
    ceiling_for,
    expectations,
    family_role,
)
from mlcareer.errors import MlcareerError
from mlcareer.named import NamedTuple
from mlcareer.records import replace

if TYPE_CHECKING:
    from mlcareer.models import (
        Catalog,
        Credential,
        Question,
        QuizData,
        Quoted,
        Requirement,
        Role,
        ScaleStep,
        Skill,
    )

DISCLAIMER = "This is a self-assessment for orientation, not a hiring test."

#: The rungs a level can be fitted to.
QUIZ_LEVELS = (Level.entry, Level.mid, Level.senior)

#: How much an interest answer and a skill answer weigh in a match (mlcareer's own rule).
MATCH_RULE = (
    "mlcareer's own rule, not a source's: a kind's match is 70% your interest in its work and 30% "
    "your answers on the skills of its speciality, each out of the most you could give"
)
INTEREST_WEIGHT = 0.7
SKILL_WEIGHT = 0.3

#: An answer at or above this step is named as a reason for a match.
STRONG = 3

MATCHES = 3

MATCH_RULE = (
    f"mlcareer's own rule, not a source's: {round(100 * INTEREST_WEIGHT)}% your interest in the kind's "
    "work (the mean answer to the interest questions about it) and "
    f"{round(100 * SKILL_WEIGHT)}% your answers on the skills it lists, each out of the top of its "
    "scale; a part not asked counts 0"
)

SkillStatus = Literal["met", "gap", "no expectation", "not asked"]


def quiz_data(catalog: Catalog) -> QuizData:
    """The catalogue's quiz, or an error when the data directory has none."""
    if catalog.quiz is None:
        raise MlcareerError(f"this data directory has no {named('quiz')}, so there is no quiz to take")
    return catalog.quiz


def select_questions(quiz: QuizData, quick: bool = False) -> list[Question]:
    """The questions to ask, in file order: all, or those marked ``quick``."""
    return [q for q in quiz.questions if q.quick or not quick]


class SkillRow(NamedTuple):
    """One skill the target role's sources state: your answer against what the role expects."""

    skill: Skill
    you: int | None  # None: not asked
    expectation: Expectation

    @property
    def expected(self) -> int | None:
        """The grade shown against your answer (None: mentioned, and the data pack sets no default)."""
        return self.expectation.grade

    @property
    def graded(self) -> bool:
        """A source grades it: it counts towards readiness (a default grade never does)."""
        return self.expectation.graded

    @property
    def status(self) -> SkillStatus:
        if self.expected is None:
            return "no expectation"
        if self.you is None:
            return "not asked"
        return "met" if self.you >= self.expected else "gap"


#: Whose words a grade's description is: the quiz's own, never a source's.
SCALE_WORDS = "mlcareer's description of the scale"


def grade_words(catalog: Catalog, skill: str, above: int, upto: int) -> tuple[ScaleStep, ...]:
    """The grades above ``above`` up to ``upto`` of ``skill``, each in the words of the skill's quiz
    question (mlcareer's own rubric: "3 proficient: I write and maintain programs on my own..."),
    else the scale's general words."""
    questions = catalog.quiz.questions if catalog.quiz else []
    question = next((q for q in questions if q.kind == "skill" and q.skill == skill), None)
    out = []
    for step in catalog.scale:
        if above < step.value <= upto:
            if question is not None and step.value < len(question.steps):
                step = replace(step, description=question.steps[step.value])
            out.append(step)
    return tuple(out)


class Gap(NamedTuple):
    """A skill below what the role expects, with what the data offers to close it."""

    skill: Skill
    you: int
    expected: int
    credentials: list[Credential]
    #: each grade above yours up to the role's, in the skill's own words (:data:`SCALE_WORDS`)
    grades: tuple[ScaleStep, ...] = ()

    @property
    def size(self) -> int:
        return self.expected - self.you


class LevelCheck(NamedTuple):
    """How the answers compare with the ladder roles of one level."""

    level: Level
    role: Role | None  # the ladder role judged; None: the data states no expectations here
    met: int = 0
    judged: int = 0
    requirements: tuple[Quoted, ...] = ()  # what the level asks beyond skills, hedges kept
    # "graded": the role's graded expectations; "characteristic": the sources grade too few of
    # them, so the skills its description names, at the level's characteristic grade
    how: Literal["graded", "characteristic"] = "graded"
    total: int = 0  # expectations the level is judged on (answered or not)
    percent: int | None = None  # readiness over them

    @property
    def status(self) -> Literal["met", "not met", "not asked", "no data"]:
        if self.role is None:
            return "no data"
        if self.judged == 0:
            return "not asked"
        return "met" if self.met == self.judged else "not met"


class LevelFit(NamedTuple):
    """The level the answers fit (None: the data cannot tell), and why."""

    level: Level | None
    basis: str
    checks: list[LevelCheck]
    start: Role | None = None  # below entry level: the role to start with

    @property
    def below_entry(self) -> bool:
        return self.level is None and self.start is not None


class Match(NamedTuple):
    """A kind of ML engineer, how well the answers fit it (0-100), and why."""

    role: Role
    score: int
    interest: int | None  # mean interest answer, as a percentage; None: not asked
    skill: int | None  # mean answer over the role's skills, as a percentage; None: not asked
    interests: list[tuple[Question, int]]  # interest answers at or above STRONG
    skills: list[tuple[Skill, int]]  # skill answers at or above STRONG


class QuizResult(NamedTuple):
    """Everything a finished quiz shows."""

    role: Role
    quick: bool
    answers: dict[str, int]
    answered: list[tuple[Skill, int]]  # every skill answered, in catalogue order
    readiness: int | None  # percent; None: too few graded expectations (or none answered)
    graded: int  # expectations a source grades: the only ones readiness counts
    judged: int  # ... of which were answered
    met: int  # ... of which your answer reaches
    named: int  # skills named without a grade: shown beside your answer, never counted
    minimum: int  # graded expectations a percentage needs (the data pack's choice)
    expectations: RoleExpectations
    level: LevelFit
    skills: list[SkillRow]
    gaps: list[Gap]
    matches: list[Match]
    education: list[Credential]
    certifications: list[Credential]
    scale: dict[int, ScaleStep]
    interest_scale: dict[int, ScaleStep]
    disclaimer: str = DISCLAIMER
    # where the role names no education or certification of its own: a kind's are the role's it
    # specialises (``inherited_from``); a ladder role's education is what its level says
    level_education: tuple[Requirement, ...] = ()
    inherited_from: Role | None = None


def skill_answers(quiz: QuizData, answers: Mapping[str, int]) -> dict[str, int]:
    """Skill id -> the answer to its question, for the skill questions answered."""
    return {
        q.skill: answers[q.id]
        for q in quiz.questions
        if q.kind == "skill" and q.skill is not None and q.id in answers
    }


def readiness(expected: Mapping[str, int], you: Mapping[str, int]) -> int | None:
    """Percent of the expected proficiency reached, over the expected skills answered.

    Each skill counts ``min(you, expected)`` out of ``expected``: being above what a role
    expects in one skill does not make up for a gap in another. The result is within
    0-100 and never falls when an answer rises. None when no expected skill was answered.
    """
    judged = [skill for skill in expected if skill in you]
    if not judged:
        return None
    total = sum(expected[s] for s in judged)
    if total == 0:
        return 100
    reached = sum(min(you[s], expected[s]) for s in judged)
    return round(100 * reached / total)


def score(catalog: Catalog, role: Role, answers: Mapping[str, int], quick: bool = False) -> QuizResult:
    """Score a finished quiz against the target ``role``.

    - Readiness: see :func:`readiness`, over the role's graded expectations
      (:mod:`mlcareer.domain.expectations`): graded by the sources, directly or inherited, or a
      kind's speciality. A skill named without a grade is shown beside your answer and never
      counted; a role with fewer graded expectations than the pack's minimum gets no percentage.
      Skills the sources do not state are not scored.
    - Level: see :func:`fit_level`.
    - Gaps: graded skills below what the role expects, largest first (then in catalogue order),
      each with the credentials a source ties to that skill (the role's own first).
    - Matches: see :func:`match_kinds`.
    """
    quiz = quiz_data(catalog)
    you = skill_answers(quiz, answers)
    exps = expectations(catalog, role)
    by_id = catalog.lookup.roles
    parent = by_id.get(role.specialises or "") if role.kind == "specialisation" else None
    expected = exps.scored
    judged = [s for s in expected if s in you]
    rows = [SkillRow(e.skill, you.get(e.skill.id), e) for e in exps.items]
    education, certifications = _role_credentials(catalog, role, parent)
    return QuizResult(
        role=role,
        quick=quick,
        answers=dict(answers),
        answered=[(s, you[s.id]) for s in catalog.skills if s.id in you],
        readiness=readiness(expected, you) if exps.scorable else None,
        graded=len(expected),
        judged=len(judged),
        met=sum(1 for s in judged if you[s] >= expected[s]),
        named=exps.named,
        minimum=exps.minimum,
        expectations=exps,
        level=fit_level(catalog, you),
        skills=rows,
        gaps=_gaps(catalog, role, rows),
        matches=match_kinds(catalog, answers),
        education=education,
        certifications=certifications,
        level_education=tuple(level_education(catalog, parent or role)),
        inherited_from=parent if parent and not (role.education and role.certifications) else None,
        scale=dict(catalog.lookup.scale),
        interest_scale={s.value: s for s in quiz.interest_scale},
    )


def _gaps(catalog: Catalog, role: Role, rows: list[SkillRow]) -> list[Gap]:
    """Graded skills below what the role expects, largest first (then in catalogue order), each with
    the credentials a source ties to that skill (the role's own first) and the grades in words."""
    own = [*role.education, *role.certifications]
    gaps = [
        Gap(
            row.skill,
            row.you,
            row.expected,
            _credentials_for(catalog, row.skill.id, own),
            grade_words(catalog, row.skill.id, row.you, row.expected),
        )
        for row in rows
        if row.graded and row.status == "gap" and row.you is not None and row.expected is not None
    ]
    order = catalog.lookup.skill_order
    return sorted(gaps, key=lambda g: (-g.size, order[g.skill.id]))


def _role_credentials(
    catalog: Catalog, role: Role, parent: Role | None
) -> tuple[list[Credential], list[Credential]]:
    """The education and certifications the sources name for the role (a kind: its parent's, if
    it names none of its own)."""
    creds = catalog.lookup.credentials
    education = role.education or (parent.education if parent else [])
    certifications = role.certifications or (parent.certifications if parent else [])
    return [creds[c] for c in education if c in creds], [creds[c] for c in certifications if c in creds]


def _credentials_for(catalog: Catalog, skill: str, own: list[str]) -> list[Credential]:
    tied = [c for c in catalog.credentials if skill in c.skills]
    return sorted(tied, key=lambda c: c.id not in own)


def _judge(catalog: Catalog, role: Role, you: Mapping[str, int]) -> LevelCheck:
    """How the answers compare with one role: on its graded expectations, or, when the sources
    grade too few of them, on the skills it names at its level's characteristic grade."""
    exps = expectations(catalog, role)
    bar = exps.scored
    how: Literal["graded", "characteristic"] = "graded"
    ceiling = ceiling_for(catalog, role.level)
    if not exps.scorable and ceiling is not None and exps.items:
        bar = {e.skill.id: bar.get(e.skill.id, ceiling.grade) for e in exps.items}
        how = "characteristic"
    judged = [s for s in bar if s in you]
    met = sum(1 for s in judged if you[s] >= bar[s])
    return LevelCheck(
        role.level,
        role if bar else None,
        met,
        len(judged),
        _requirements(catalog, role.level),
        how,
        len(bar),
        readiness(bar, you),
    )


def _requirements(catalog: Catalog, level: Level) -> tuple[Quoted, ...]:
    info = next((lv for lv in catalog.levels if lv.id == level), None)
    return tuple(info.requirements) if info is not None else ()


def check_words(check: LevelCheck) -> str:
    """'3 of 11 graded expectations met' (or, judged at the characteristic grade, says so)."""
    if check.how == "characteristic":
        return (
            f"{check.met} of {check.judged} skills its description names met at the "
            f"{check.level.value} level's characteristic grade, since the sources grade too few"
        )
    return f"{check.met} of {check.judged} graded expectations met"


def fit_level(catalog: Catalog, you: Mapping[str, int]) -> LevelFit:
    """The rung of the ladder (entry, mid, senior) the skill answers fit.

    The rule: each level is judged against the ML engineer family's role at that level
    (the data pack's ``family``; without one, the ladder role of the level that fits best), on
    its graded expectations; where the sources grade too few of them (the pack's minimum), on
    the skills its description names at the level's characteristic grade (mlcareer's reading,
    the level ceiling). The answers meet a role when every expectation answered is reached (and
    at least one was answered). The fitted level is the highest level with its role met. When
    none is met, it is the rung just below the lowest judged level; below the entry level, the
    start is that level's role ("below entry level: start with ..."). Skills alone never show
    the level's other requirements (experience, education): the verdict lists them, hedges kept.
    """
    ladder = [r for r in catalog.roles if r.kind == "ladder"]
    checks: list[LevelCheck] = []
    for level in QUIZ_LEVELS:
        mine = family_role(catalog, level)
        candidates = [mine] if mine is not None else [r for r in ladder if r.level == level]
        judged = [c for c in (_judge(catalog, r, you) for r in candidates) if c.role is not None]
        if not judged:
            checks.append(LevelCheck(level, None, requirements=_requirements(catalog, level)))
            continue
        # the role that fits best speaks for the level
        judged.sort(key=lambda c: (c.status != "met", -(c.met / c.judged if c.judged else -1)))
        checks.append(judged[0])
    graded = [c for c in checks if c.status in ("met", "not met")]
    if not graded:
        return LevelFit(None, "the sources state no skill expectations that your answers cover", checks)
    met = [c for c in graded if c.status == "met"]
    if met:
        top = met[-1]
        assert top.role is not None
        basis = (
            f"meets every expectation of the {top.level.value}-level {top.role.title} ({check_words(top)})"
        )
        above = checks[QUIZ_LEVELS.index(top.level) + 1 :]
        if above:
            nxt = above[0]
            if nxt.status == "no data":
                basis += f"; the sources state no skill expectations for {nxt.level.value}"
            elif nxt.status == "not met" and nxt.role is not None:
                basis += f"; {nxt.level.value} ({nxt.role.title}): {check_words(nxt)}"
        return LevelFit(top.level, basis, checks)
    low = graded[0]
    assert low.role is not None
    index = QUIZ_LEVELS.index(low.level)
    if index == 0:
        basis = f"below {low.level.value} level: start with the {low.role.title} ({check_words(low)})"
        return LevelFit(None, basis, checks, start=low.role)
    basis = f"below the {low.level.value}-level {low.role.title}: {check_words(low)}"
    return LevelFit(QUIZ_LEVELS[index - 1], basis, checks)


def match_kinds(catalog: Catalog, answers: Mapping[str, int], n: int = MATCHES) -> list[Match]:
    """The kinds of ML engineer (specialisation roles) that fit the answers best.

    mlcareer's own rule: a kind scores ``0.7 * interest + 0.3 * skill`` (as a percentage),
    where interest is the mean answer to the interest questions that point at it and
    skill the mean answer over its speciality's skills (else the skills its description names),
    each out of 4; a part not asked
    counts 0. Kinds scoring 0 are left out; ties keep the catalogue's order.
    """
    quiz = quiz_data(catalog)
    you = skill_answers(quiz, answers)
    skills = catalog.lookup.skills
    found: list[Match] = []
    for role in catalog.roles:
        if role.kind != "specialisation":
            continue
        asked = [(q, answers[q.id]) for q in quiz.questions if role.id in q.roles and q.id in answers]
        named = role.speciality.skills if role.speciality else [x.skill for x in role.skills]
        own = [(skills[x], you[x]) for x in dict.fromkeys(named) if x in you and x in skills]
        interest = sum(a for _, a in asked) / (4 * len(asked)) if asked else None
        skill = sum(a for _, a in own) / (4 * len(own)) if own else None
        total = round(100 * (INTEREST_WEIGHT * (interest or 0) + SKILL_WEIGHT * (skill or 0)))
        if total <= 0:
            continue
        found.append(
            Match(
                role=role,
                score=total,
                interest=None if interest is None else round(100 * interest),
                skill=None if skill is None else round(100 * skill),
                interests=[(q, a) for q, a in asked if a >= STRONG],
                skills=[(s, a) for s, a in own if a >= STRONG],
            )
        )
    order = catalog.lookup.role_order
    found.sort(key=lambda m: (-m.score, order[m.role.id]))
    return found[:n]
