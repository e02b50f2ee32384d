"""One saved quiz result: what is kept of a result, and a stored row read back, distrusting every value."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mlcareer.text import clean

if TYPE_CHECKING:
    from mlcareer.domain.quiz import QuizResult


@dataclass(frozen=True)
class SkillSnapshot:
    """One skill in a saved result: your answer and what the target role expected."""

    skill: str
    name: str
    you: int | None
    expected: int | None


@dataclass(frozen=True)
class Entry:
    """One saved quiz result (``id`` 0 until saved)."""

    id: int
    taken_at: str  # ISO 8601, UTC
    role: str
    role_title: str
    readiness: int | None
    level: str | None
    quick: bool
    skills: list[SkillSnapshot]
    answers: dict[str, int]


def entry_from(result: QuizResult, when: datetime | None = None) -> Entry:
    """What is kept of a result: the scores, and every skill answered or expected."""
    when = (when or datetime.now(UTC)).astimezone(UTC)
    listed = {row.skill.id for row in result.skills}
    skills = [SkillSnapshot(r.skill.id, r.skill.name, r.you, r.expected) for r in result.skills]
    # and the skills answered that the role does not list, so a diff sees every answer
    skills += [SkillSnapshot(s.id, s.name, you, None) for s, you in result.answered if s.id not in listed]
    return Entry(
        id=0,
        taken_at=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        role=result.role.id,
        role_title=result.role.title,
        readiness=result.readiness,
        level=_level(result),
        quick=result.quick,
        skills=skills,
        answers=dict(result.answers),
    )


#: The saved level of a result below the entry level ("below entry level: start with ...").
BELOW_ENTRY = "below entry"


def _level(result: QuizResult) -> str | None:
    fit = result.level
    if fit.level is not None:
        return fit.level.value
    return BELOW_ENTRY if fit.start is not None else None


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} is not text")
    return clean(value)


def _number(value: Any, what: str, low: int, high: int, optional: bool = True) -> int | None:
    """A whole number in range, or None; a damaged row may hold text, floats, huge numbers."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{what} is not a whole number from {low} to {high}")
    return value


def _answer(value: Any) -> int:
    answer = _number(value, "an answer", 0, 4, optional=False)
    assert answer is not None
    return answer


def _entry(row: tuple[Any, ...]) -> Entry:
    """One row as an Entry; anything a damaged row may hold is refused with ValueError or TypeError."""
    taken_at = _text(row[1], "taken_at")
    when = datetime.strptime(taken_at, "%Y-%m-%dT%H:%M:%SZ")
    if not 2 <= when.year <= 9998:  # shown in local time: year 1 or 9999 cannot be shifted
        raise ValueError(f"taken_at {taken_at} is out of range")
    skills = []
    items = json.loads(row[7])
    if not isinstance(items, list):
        raise TypeError("skills is not a list")
    for item in items:
        if not isinstance(item, dict) or set(item) != {"skill", "name", "you", "expected"}:
            raise TypeError("a skill is not a mapping of skill, name, you, expected")
        skills.append(
            SkillSnapshot(
                _text(item["skill"], "skill"),
                _text(item["name"], "skill name"),
                _number(item["you"], "an answer", 0, 4),
                _number(item["expected"], "an expected level", 0, 4),
            )
        )
    answers = json.loads(row[8])
    if not isinstance(answers, dict):
        raise TypeError("answers is not a mapping")
    return Entry(
        id=int(row[0]),
        taken_at=taken_at,
        role=_text(row[2], "role"),
        role_title=_text(row[3], "role_title"),
        readiness=_number(row[4], "readiness", 0, 100),
        level=None if row[5] is None else _text(row[5], "level"),
        quick=bool(_number(row[6], "quick", 0, 1)),
        skills=skills,
        answers={
            _text(k, "a question id"): int(_number(v, "an answer", 0, 4, False) or 0)
            for k, v in answers.items()
        },
    )
