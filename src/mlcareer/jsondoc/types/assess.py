"""The documents of assessment: quiz, history, plan, skills, team, validate."""

from __future__ import annotations

from typing import Literal, NotRequired

from typing_extensions import TypedDict

from mlcareer.jsondoc.types.shared import (
    CeilingDoc,
    CredentialDoc,
    ExpectationDoc,
    MatchScore,
    Proficiency,
    QuotedDoc,
    RoleName,
    RoleRef,
    ScaleStepDoc,
    SourceDoc,
)

# ---------------------------------------------------------------- quiz and history


class LevelCheckDoc(TypedDict):
    level: str
    status: Literal["met", "not met", "not asked", "no data"]
    role: RoleName | None
    how: Literal["graded", "characteristic"]  # characteristic: the sources grade too few
    met: int
    judged: int
    total: int
    percent: int | None
    requirements: list[QuotedDoc]


class LevelDoc(TypedDict):
    """The level the answers fit, one shape in every document (quiz, plan, team, history)."""

    level: str | None  # entry, mid or senior; null below entry level or without data
    below_entry: bool
    start: RoleName | None  # below entry level: the role to start with
    basis: str | None  # why, in words (null: a saved result lists only its level)
    levels: list[LevelCheckDoc]  # per rung; empty for a saved result's list entry


class ReadinessDoc(TypedDict):
    """How ready the answers are for the role, one shape in every document (quiz, plan, team,
    history). Only graded expectations count; a history list entry has only its saved percent."""

    percent: int | None  # null: not scored (see scored and note)
    scored: bool
    graded: int | None  # expectations a source grades: the only ones counted
    answered: int | None
    met: int | None
    named: int | None  # named without a grade: shown, never counted
    minimum: int | None  # graded expectations a percentage needs (the data pack's choice)
    expectations: dict[str, int] | None  # by basis
    note: str
    rule: str


class SkillRowDoc(TypedDict):
    skill: str
    name: str
    you: Proficiency
    expected: Proficiency
    status: str
    expectation: ExpectationDoc


class GapDoc(TypedDict):
    skill: str
    name: str
    you: Proficiency
    expected: Proficiency
    gap: int
    description: str
    credentials: list[CredentialDoc]
    next_grades: list[ScaleStepDoc]  # each grade above yours up to the role's, in the quiz's words


class SuggestionDoc(TypedDict):
    """A statement of the sources that suggests what to do, its hedge kept."""

    level: str | None  # the level whose statement it is; null: profession-wide
    text: str
    quote: str
    source: str


class SuggestionsDoc(TypedDict):
    education: list[SuggestionDoc]  # what the level statements say of education
    learning: list[SuggestionDoc]  # the sources' advice on continuous learning


class NextStepDoc(TypedDict):
    number: int  # as the plan shows it; `plan --done NUMBER` takes it
    id: str
    title: str
    kind: Literal["skill", "requirement"]
    next_grade: ScaleStepDoc | None  # a skill step: the next grade, in the quiz's words


class NextDoc(TypedDict):
    """What to do after a quiz: the plan's first open steps, and the command that shows the plan."""

    command: str
    hint: str | None  # what the command needs first (answers not saved are in no file)
    steps: list[NextStepDoc]
    total: int


class InterestAnswerDoc(TypedDict):
    question: str
    text: str
    answer: int  # on the interest scale, not the proficiency scale


class SkillAnswerDoc(TypedDict):
    skill: str
    name: str
    you: Proficiency


class MatchDoc(TypedDict):
    role: RoleName
    match: MatchScore
    interest: int | None
    skill: int | None
    interests: list[InterestAnswerDoc]
    skills: list[SkillAnswerDoc]


class QuizResultDoc(TypedDict):
    """`mlcareer quiz --json`: the scored result (no dates, no paths)."""

    role: RoleRef
    quick: bool
    readiness: ReadinessDoc
    level: LevelDoc
    skills: list[SkillRowDoc]
    gaps: list[GapDoc]
    education: list[CredentialDoc]
    certifications: list[CredentialDoc]
    matches: list[MatchDoc]
    answers: dict[str, int]  # as given: question id to the step chosen, as in an answers file
    disclaimer: str
    grade_words: str  # whose words the grades' descriptions in next_grades are
    suggestions: NotRequired[SuggestionsDoc]  # a fresh result (quiz): what the sources suggest
    next: NotRequired[NextDoc]  # a fresh result (quiz): the first steps of the plan


class EntryDoc(TypedDict):
    """A saved quiz result, as `mlcareer history` lists it."""

    id: int
    taken_at: str
    role: RoleName
    readiness: ReadinessDoc
    level: LevelDoc
    quick: bool


class TrendDoc(EntryDoc):
    previous: int | None
    change: int | None


class HistoryDoc(TypedDict):
    results: list[TrendDoc]


class SavedResultDoc(EntryDoc):
    """`mlcareer history show N --json`: a saved result in full, scored again."""

    result: QuizResultDoc


class SkillChangeDoc(TypedDict):
    skill: str
    name: str
    before: Proficiency
    after: Proficiency
    change: int | None


class DiffDoc(TypedDict):
    comparable: bool
    not_comparable: str | None
    before: EntryDoc
    after: EntryDoc
    readiness_change: int | None
    skills: list[SkillChangeDoc]


class ClearedDoc(TypedDict):
    """`mlcareer history clear --json`."""

    deleted: int


# ---------------------------------------------------------------- plan


class PlanStepDoc(TypedDict):
    number: int  # as the plan shows it (from 1); `plan --done NUMBER` takes it
    id: str
    kind: Literal["skill", "requirement"]
    level: str
    title: str
    done: bool
    # a skill step:
    skill: NotRequired[str]
    you: NotRequired[Proficiency]
    expected: NotRequired[Proficiency]  # what the role expects
    aim: NotRequired[Proficiency]  # what this step aims at (less at a level below the role's)
    starts_from: NotRequired[Proficiency]  # your answer, or an earlier step's aim
    gap: NotRequired[int]
    aim_ceiling: NotRequired[CeilingDoc | None]  # the level ceiling that limits the aim
    expectation: NotRequired[ExpectationDoc]
    covers: NotRequired[str]
    next_grades: NotRequired[list[ScaleStepDoc]]
    builds_on: NotRequired[list[str]]
    credentials: NotRequired[list[CredentialDoc]]
    # a requirement step:
    requirement: NotRequired[QuotedDoc]


class ProgressDoc(TypedDict):
    done: int
    total: int
    percent: int | None


class OriginDoc(TypedDict):
    """Where a plan's answers came from."""

    kind: Literal["answers", "history"]
    file: NotRequired[str]  # an answers file
    result: NotRequired[int]  # a saved result's number


PlanDoc = TypedDict(
    "PlanDoc",
    {
        "role": RoleRef,
        "from": OriginDoc,
        "readiness": ReadinessDoc,
        "level": LevelDoc,
        "route": list[RoleName] | None,
        "start": RoleName | None,
        "rule": str,
        "progress": ProgressDoc,
        "next": int | None,  # `--next N`: steps holds only the first N open steps; null: every step
        "steps": list[PlanStepDoc],
        "not_asked": list[str],
        "education": list[CredentialDoc],
        "suggestions": SuggestionsDoc,
        "grade_words": str,  # whose words the grades' descriptions in next_grades are
    },
)


# ---------------------------------------------------------------- skills


class RoleCountsDoc(TypedDict):
    expected: int
    mentioned: int
    inherited: int  # of expected and mentioned: kinds of ML engineer that only inherit it
    not_stated: int


class SkillListItem(TypedDict):
    id: str
    name: str
    category: str
    category_from: str
    keywords: list[str]
    roles: RoleCountsDoc
    role_ids: list[str]


class SkillsDoc(TypedDict):
    total_roles: int
    skills: list[SkillListItem]


class SkillRoleDoc(RoleRef):
    expectation: ExpectationDoc


class SkillViewDoc(TypedDict):
    id: str
    name: str
    category: str
    category_from: str
    description: str
    keywords: list[str]
    examples: list[str]
    scale: list[ScaleStepDoc]
    roles: list[SkillRoleDoc]
    not_stated_by: int
    credentials: list[CredentialDoc]
    sources: list[SourceDoc]


class SkillDoc(TypedDict):
    skill: SkillViewDoc


# ---------------------------------------------------------------- team


class PersonDoc(TypedDict):
    name: str
    file: str
    readiness: ReadinessDoc
    level: LevelDoc
    answers: dict[str, int]  # as given in the person's answers file


class TeamSkillDoc(TypedDict):
    skill: str
    name: str
    expected: Proficiency
    expectation: ExpectationDoc
    answered: int
    met: int
    below: int
    answers: list[Proficiency]  # per person, in order; grade null: not asked


class LeaningDoc(TypedDict):
    role: RoleName
    match: MatchScore  # the mean of each person's match
    top_for: int


class ProblemDoc(TypedDict):
    """A problem in a data or answers file: where it is and what is wrong."""

    file: str
    line: int | None
    field: str
    message: str


class TeamDoc(TypedDict):
    role: RoleRef
    people: list[PersonDoc]
    skills: list[TeamSkillDoc]
    shared_gaps: list[str]
    leanings: list[LeaningDoc]
    problems: list[ProblemDoc]


class PersonRef(TypedDict):
    name: str
    file: str


class RoundDoc(TypedDict):
    """One person in one round of answers."""

    file: str
    readiness: ReadinessDoc  # as in the quiz's result
    level: LevelDoc  # as in the quiz's result


class PersonChangeDoc(TypedDict):
    name: str
    matched_by: Literal["name", "file"]  # the files' name: keys, else the files' names
    before: RoundDoc
    after: RoundDoc
    readiness_change: int | None  # percentage points; null: no readiness in a round
    skills: list[SkillChangeDoc]  # every skill either round answered


class GroupCountsDoc(TypedDict):
    answered: int
    met: int
    mean: float | None  # the mean answer (0-4) of those who answered; null: nobody did


class ClassSkillChangeDoc(TypedDict):
    skill: str
    name: str
    expected: Proficiency
    before: GroupCountsDoc
    after: GroupCountsDoc
    change: float | None  # of the mean answer


class TeamSinceDoc(TypedDict):
    """`mlcareer team NEW --since OLD --json`: each person's change, and the group's per skill."""

    role: RoleRef
    matching: str  # how the two rounds' people are paired
    people: list[PersonChangeDoc]
    skills: list[ClassSkillChangeDoc]
    only_before: list[PersonRef]  # in the earlier round only
    only_after: list[PersonRef]  # in the later round only
    problems: list[ProblemDoc]


class CalibrationLineDoc(TypedDict):
    skill: str
    name: str
    first: Proficiency
    second: Proficiency
    difference: int | None
    talk_about: bool


class CalibrationDoc(TypedDict):
    first: PersonRef
    second: PersonRef
    talk_about_from: int
    skills: list[CalibrationLineDoc]
    topics: list[str]


# ---------------------------------------------------------------- validate


class ValidateDoc(TypedDict):
    """`mlcareer validate --json`: the data directory's problems, and what it holds."""

    directory: str
    ok: bool
    problems: list[ProblemDoc]  # the first 100, each with its file, line and field
    total: int  # every problem found, listed or not
    unlisted: int  # those beyond the listed ones
    counts: dict[str, int]
