"""Pure domain: self-assessments of a group side by side, and two views of one person.

Each person is scored with the quiz's own scoring (:func:`mlcareer.domain.quiz.score`) against one
role, so a cell means what it means in `mlcareer quiz`: an answer against the role's
expectation (:mod:`mlcareer.domain.expectations`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mlcareer.domain.expectations import Expectation, expectations
from mlcareer.domain.quiz import QuizResult, match_kinds, score

if TYPE_CHECKING:
    from mlcareer.models import Catalog, Role, ScaleStep, Skill

#: A difference of this many steps or more between two views of one person is worth a talk
#: (as engineering ladders that ask a person and their manager to rate one rubric do).
TALK_ABOUT = 2


@dataclass(frozen=True)
class Member:
    """One person of the group: a name (from the file, else its file name) and their result."""

    name: str
    file: str
    result: QuizResult


@dataclass(frozen=True)
class SkillLine:
    """One skill the role expects, across the group."""

    skill: Skill
    expectation: Expectation
    answers: tuple[int | None, ...]  # per member, in order; None: not asked

    @property
    def answered(self) -> int:
        return sum(1 for a in self.answers if a is not None)

    @property
    def met(self) -> int:
        grade = self.expectation.grade
        return sum(1 for a in self.answers if a is not None and grade is not None and a >= grade)

    @property
    def below(self) -> int:
        return self.answered - self.met if self.expectation.grade is not None else 0


@dataclass(frozen=True)
class Leaning:
    """A kind of ML engineer and how well it fits the group: the mean of each member's match."""

    role: Role
    score: int  # 0-100
    top_for: int  # members for whom it is among their three best matches


@dataclass(frozen=True)
class Team:
    """The group against one role."""

    role: Role
    members: tuple[Member, ...]
    skills: tuple[SkillLine, ...]  # catalogue order
    leanings: tuple[Leaning, ...]

    @property
    def shared_gaps(self) -> list[SkillLine]:
        """Skills some members are below on, the most shared first (then catalogue order)."""
        order = {s.skill.id: i for i, s in enumerate(self.skills)}
        gaps = [s for s in self.skills if s.below]
        return sorted(gaps, key=lambda s: (-s.below, order[s.skill.id]))


def team(
    catalog: Catalog, role: Role, people: Sequence[tuple[str, str, Mapping[str, int]]], quick: bool = False
) -> Team:
    """Score each (name, file, answers) against ``role``; the group's lines, gaps and leanings."""
    members = tuple(
        Member(name, file, score(catalog, role, answers, quick=quick)) for name, file, answers in people
    )
    lines = []
    for exp in expectations(catalog, role).items:
        answers = tuple(_answer(m.result, exp.skill.id) for m in members)
        lines.append(SkillLine(exp.skill, exp, answers))
    return Team(role, members, tuple(lines), _leanings(catalog, [answers for _, _, answers in people]))


def _answer(result: QuizResult, skill: str) -> int | None:
    return next((a for s, a in result.answered if s.id == skill), None)


def _leanings(catalog: Catalog, answers: list[Mapping[str, int]], n: int = 3) -> tuple[Leaning, ...]:
    """The kinds the group leans to: mean match score (mlcareer's own rule, as in the quiz)."""
    kinds = [r for r in catalog.roles if r.kind == "specialisation"]
    if not answers or not kinds:
        return ()
    totals = {r.id: 0 for r in kinds}
    tops = {r.id: 0 for r in kinds}
    for given in answers:
        matches = match_kinds(catalog, given, n=len(kinds))
        for m in matches:
            totals[m.role.id] += m.score
        for m in matches[:3]:
            tops[m.role.id] += 1
    order = {r.id: i for i, r in enumerate(kinds)}
    found = [Leaning(r, round(totals[r.id] / len(answers)), tops[r.id]) for r in kinds if totals[r.id]]
    found.sort(key=lambda lean: (-lean.score, order[lean.role.id]))
    return tuple(found[:n])


@dataclass(frozen=True)
class CalibrationLine:
    """One skill as two people rated it (None: not asked in that file)."""

    skill: Skill
    first: int | None
    second: int | None
    steps: tuple[ScaleStep | None, ScaleStep | None]

    @property
    def difference(self) -> int | None:
        if self.first is None or self.second is None:
            return None
        return self.second - self.first

    @property
    def talk_about(self) -> bool:
        """The two views differ by TALK_ABOUT steps or more."""
        return self.difference is not None and abs(self.difference) >= TALK_ABOUT


@dataclass(frozen=True)
class Calibration:
    """Two assessments of one person side by side (self and manager, say)."""

    first: Member
    second: Member
    lines: tuple[CalibrationLine, ...]

    @property
    def topics(self) -> list[CalibrationLine]:
        return [line for line in self.lines if line.talk_about]


def calibrate(catalog: Catalog, first: Member, second: Member) -> Calibration:
    """Every skill either file answers, in catalogue order, with both grades and their descriptions."""
    steps = catalog.lookup.scale
    a = dict((s.id, v) for s, v in first.result.answered)
    b = dict((s.id, v) for s, v in second.result.answered)
    lines = []
    for skill in catalog.skills:
        if skill.id in a or skill.id in b:
            x, y = a.get(skill.id), b.get(skill.id)
            pair = (steps.get(x) if x is not None else None, steps.get(y) if y is not None else None)
            lines.append(CalibrationLine(skill, x, y, pair))
    return Calibration(first, second, tuple(lines))
