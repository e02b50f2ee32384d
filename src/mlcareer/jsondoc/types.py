"""The JSON vocabulary: every document mlcareer prints, and the parts they share, as TypedDicts.

The builders are annotated with these, so mypy checks that they produce exactly these shapes;
``mlcareer.jsondoc.schemas`` turns them into the JSON Schemas in docs/schemas/. Every object is
closed (no key beyond those named here). Nothing here imports pydantic: the schema generator
is the only place that does.

Shared parts, the same shape in every document:
- ``Proficiency``: a grade of the 0-4 scale and its name, ``{"grade": 3, "name": "proficient"}``.
- ``SourceDoc``: a source as the data has it (id, title, publisher, date, edition, URL...).
- ``PayDoc``: one pay figure, from the articles or an official occupation, with its source inside.
- ``ExpectationDoc``: what a role expects of a skill, in one of three states (expected, mentioned,
  or ``NotStatedDoc``: "the sources do not say"), with its basis, inheritance and quotes.
"""

from __future__ import annotations

from typing import Literal, NotRequired

from typing_extensions import TypedDict

# ---------------------------------------------------------------- shared parts


class Proficiency(TypedDict):
    """A grade of mlcareer's 0-4 scale and its name; both null when there is none."""

    grade: int | None
    name: str | None


class ScaleStepDoc(TypedDict):
    """A step of a scale: its grade, name and what it looks like."""

    grade: int
    name: str
    description: str


class SourceDoc(TypedDict):
    """A source as the data names it; only ``id`` when the data lacks the source."""

    id: str
    title: str | None
    author: str | None
    publisher: str | None
    published: str | None
    edition: str | None
    url: str | None
    document: str | None
    note: str | None


class QuotedDoc(TypedDict):
    """A statement in mlcareer's words, the source's own words, and the source's id."""

    text: str
    quote: str
    source: str


class RoleRef(TypedDict):
    id: str
    title: str
    level: str
    kind: str


class CredentialDoc(TypedDict):
    id: str
    name: str
    kind: Literal["degree", "certification"]
    description: str | None
    skills: list[str]
    sources: list[str]


class OccupationRef(TypedDict):
    """The official occupation an official figure describes (never a role)."""

    id: str
    title: str
    agency: str
    soc: str | None
    soc_note: str | None
    edition: str
    region: str
    url: str


class PayDoc(TypedDict):
    """One pay figure. ``family`` says where it is from; ``measure`` which amounts it gives."""

    id: str
    family: Literal["articles", "official"]
    measure: Literal["range", "average", "percentiles"]
    low: int | None
    high: int | None
    open_ended: bool
    amount: int | None
    p10: int | None
    median: int | None
    p90: int | None
    currency: str
    period: str
    describes: str  # whose pay, in the source's words
    level: str | None
    roles: list[str]
    region: str | None
    as_of: str | None
    quote: str | None
    note: str | None
    occupation: OccupationRef | None  # official figures only
    source: SourceDoc


class ReadingDoc(TypedDict):
    """One statement a grade is read from: the quote, where it speaks, and the wording map's reading."""

    quote: str
    source: str
    scope: Literal["role", "level", "profession"]
    where: str
    phrase: str | None
    grade: int | None  # the grade the wording map gives ``phrase``


class ExpectationDoc(TypedDict):
    """A role's expectation of a skill: expected at a grade, or mentioned without one."""

    skill: str
    name: str
    category: str
    state: Literal["expected", "mentioned"]
    expected: Proficiency
    basis: Literal["role", "level", "profession", "default"]
    inherited_from: str | None
    label: str
    rule: str
    conflict: bool
    readings: list[ReadingDoc]


class NotStatedDoc(TypedDict):
    """The third state: the sources do not say (which is not "not needed")."""

    state: Literal["not stated"]
    label: str


class WordingDoc(TypedDict):
    phrase: str
    grade: int


class ExpectationsDoc(TypedDict):
    """How a role's expectations were made: counts by basis, the rule, the wording map, the default."""

    rule: str
    counts: dict[str, int]
    wording: list[WordingDoc]
    default_grade_reason: str | None
    profession_values: list[ReadingDoc]


class StatementDoc(TypedDict):
    skill: str
    quote: str
    source: str


class LevelInfoDoc(TypedDict):
    id: str
    name: str
    summary: str | None
    advance: QuotedDoc | None
    requirements: list[QuotedDoc]
    expects: list[StatementDoc]
    sources: list[str]


# ---------------------------------------------------------------- official figures


class OfficialCountDoc(TypedDict):
    count: int
    reference: str
    quote: str
    occupation: OccupationRef


class OfficialGrowthDoc(TypedDict):
    percent: float
    period: str
    description: str | None
    quote: str
    occupation: OccupationRef


class OfficialChangeDoc(TypedDict):
    count: int
    period: str
    quote: str
    occupation: OccupationRef


class OfficialOpeningsDoc(TypedDict):
    per_year: int
    period: str
    quote: str
    occupation: OccupationRef


class OfficialEducationDoc(TypedDict):
    level: str
    quote: str
    occupation: OccupationRef


class OccupationDoc(TypedDict):
    """Every figure of an official occupation, each carrying the occupation it describes."""

    id: str
    title: str
    agency: str
    soc: str | None
    soc_note: str | None
    edition: str
    url: str
    region: str
    retrieved: str | None
    retrieved_note: str | None
    pay: list[PayDoc]
    jobs: OfficialCountDoc | None
    growth: OfficialGrowthDoc | None
    change: OfficialChangeDoc | None
    openings: OfficialOpeningsDoc | None
    education: OfficialEducationDoc | None
    note: str | None
    source: SourceDoc


class PlacementDoc(TypedDict):
    """An occupation beside a role, with the sentence that says how near it is."""

    role: str
    occupation: str
    match: str
    label: str


class RoleOfficialDoc(PlacementDoc):
    figures: OccupationDoc


class BesideDoc(TypedDict):
    roles: list[str]
    match: str
    label: str


class OccupationBesideDoc(TypedDict):
    id: str
    title: str
    beside: list[BesideDoc]


class OfficialSectionDoc(TypedDict):
    figures: list[PayDoc]
    occupations: list[OccupationBesideDoc]
    placements: list[PlacementDoc]
    note: str | None
    missing: str | None


# ---------------------------------------------------------------- role, roles, compare


class ResponsibilityDoc(TypedDict):
    text: str
    sources: list[str]


class ResponsibilityGroupDoc(TypedDict):
    group: str
    items: list[ResponsibilityDoc]


class ContrastDoc(TypedDict):
    role: str
    text: str
    quote: str
    source: str


class MoveDoc(TypedDict):
    role: str
    move: Literal["advance", "specialisation"]


class RoleDoc(TypedDict):
    """A role: the data file's fields, with references resolved."""

    id: str
    title: str
    aliases: list[str]
    level: str
    kind: Literal["ladder", "specialisation"]
    summary: str
    level_info: LevelInfoDoc | None
    responsibilities: list[ResponsibilityGroupDoc]
    skills: list[ExpectationDoc]
    expectations: ExpectationsDoc
    tools: list[str]
    education: list[CredentialDoc]
    certifications: list[CredentialDoc]
    industries: list[str]
    applications: list[str]
    workplace: list[str]
    outlook: list[str]
    how_to_become: list[QuotedDoc]
    suits: list[QuotedDoc]
    team: list[QuotedDoc]
    salary: list[PayDoc]
    official: list[RoleOfficialDoc]
    contrasts: list[ContrastDoc]
    related: list[str]
    specialises: str | None
    leads_to: list[MoveDoc]
    leads_from: list[MoveDoc]
    specialisations: list[str]
    sources: list[SourceDoc]


class RoleCommandDoc(TypedDict):
    """`mlcareer role ROLE --json` (with --section, only the identifying keys and that section's)."""

    role: RoleDoc


class RoleListItem(TypedDict):
    id: str
    title: str
    aliases: list[str]
    level: str
    kind: str
    summary: str


class RolesDoc(TypedDict):
    roles: list[RoleListItem]


class CompareSkillDoc(TypedDict):
    skill: str
    name: str
    left: ExpectationDoc | NotStatedDoc
    right: ExpectationDoc | NotStatedDoc


class CompareDoc(TypedDict):
    left: RoleDoc
    right: RoleDoc
    contrasts: list[ContrastDoc]
    skills: list[CompareSkillDoc]


# ---------------------------------------------------------------- salary


class SalaryFiltersDoc(TypedDict):
    level: str | None
    role: str | None
    region: str | None
    currency: str | None
    source: str


class SalaryLevelDoc(TypedDict):
    level: str
    name: str | None
    figures: list[str]
    no_data: str | None  # why the level has no figure
    ladder_roles: list[RoleRef]


class NoteDoc(TypedDict):
    id: str
    title: str
    text: str
    sources: list[str]


class AvailableDoc(TypedDict):
    regions: list[str | None]
    currencies: list[str]


class SalaryDoc(TypedDict):
    filters: SalaryFiltersDoc
    figures: list[PayDoc]
    official: OfficialSectionDoc
    levels: list[SalaryLevelDoc]
    premiums: list[NoteDoc]
    factors: list[NoteDoc]
    sources: list[SourceDoc]
    roles_with_data: list[str]
    available: AvailableDoc
    message: NotRequired[str]  # when the chosen role has no figure


# ---------------------------------------------------------------- path


class PathLevelDoc(TypedDict):
    id: str
    name: str
    advance: QuotedDoc | None
    requirements: list[QuotedDoc]


class PathNodeDoc(RoleRef):
    specialises: str | None
    parent: str | None
    pay: list[PayDoc]


EdgeDoc = TypedDict("EdgeDoc", {"from": str, "to": str, "kind": Literal["advance", "specialisation"]})


class PathLadderDoc(TypedDict):
    start: str | None
    levels: list[PathLevelDoc]
    nodes: list[PathNodeDoc]
    edges: list[EdgeDoc]


class GrowthDoc(TypedDict):
    skill: str
    name: str
    now: ExpectationDoc | NotStatedDoc
    expects: ExpectationDoc
    change: int | None


class PayChangeDoc(TypedDict):
    before: PayDoc | None
    after: PayDoc | None
    low_change: int | None
    high_change: int | None


# "from" is a Python keyword: these use the functional form.
StepDoc = TypedDict(
    "StepDoc",
    {
        "from": str,
        "to": str,
        "kind": Literal["advance", "specialisation"],
        "rests_on": QuotedDoc | str,  # the sentence the move rests on, or mlcareer's reading
        "requirements": list[QuotedDoc],
        "skills": list[GrowthDoc],
        "pay": PayChangeDoc,
    },
)

RouteDoc = TypedDict(
    "RouteDoc",
    {
        "from": str,
        "to": str,
        "origins": list[str],
        "roles": list[RoleRef],
        "steps": list[StepDoc],
        "note": str,
    },
)


class PathRouteDoc(TypedDict):
    route: RouteDoc


# ---------------------------------------------------------------- quiz and history


class LevelCheckDoc(TypedDict):
    level: str
    status: Literal["met", "not met", "not asked", "no data"]
    role: str | None
    met: int
    judged: int
    requirements: list[QuotedDoc]


class LevelFitDoc(TypedDict):
    level: str | None
    basis: str
    levels: list[LevelCheckDoc]


class ReadinessDoc(TypedDict):
    percent: int | None
    skills_graded: int
    skills_answered: int
    expectations: dict[str, int]
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


class InterestAnswerDoc(TypedDict):
    question: str
    text: str
    answer: int  # on the interest scale, not the proficiency scale


class SkillAnswerDoc(TypedDict):
    skill: str
    name: str
    you: Proficiency


class MatchDoc(TypedDict):
    role: str
    title: str
    score: int
    interest: int | None
    skill: int | None
    interests: list[InterestAnswerDoc]
    skills: list[SkillAnswerDoc]


class QuizResultDoc(TypedDict):
    """`mlcareer quiz --json`: the scored result (no dates, no paths)."""

    role: RoleRef
    quick: bool
    readiness: ReadinessDoc
    level: LevelFitDoc
    skills: list[SkillRowDoc]
    gaps: list[GapDoc]
    education: list[CredentialDoc]
    certifications: list[CredentialDoc]
    matches: list[MatchDoc]
    answers: dict[str, int]  # as given: question id to the step chosen, as in an answers file
    disclaimer: str


class EntryDoc(TypedDict):
    """A saved quiz result, as `mlcareer history` lists it."""

    id: int
    taken_at: str
    role: str
    role_title: str
    readiness: int | None
    level: str | None
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
    """`mlcareer history --clear --json`."""

    deleted: int


# ---------------------------------------------------------------- plan


class PlanStepDoc(TypedDict):
    id: str
    kind: Literal["skill", "requirement"]
    level: str
    title: str
    done: bool
    # a skill step:
    skill: NotRequired[str]
    you: NotRequired[Proficiency]
    expected: NotRequired[Proficiency]
    gap: NotRequired[int]
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
        "level": str | None,
        "route": list[str] | None,
        "start": str | None,
        "rule": str,
        "progress": ProgressDoc,
        "steps": list[PlanStepDoc],
        "not_asked": list[str],
        "education": list[CredentialDoc],
    },
)


# ---------------------------------------------------------------- skills


class RoleCountsDoc(TypedDict):
    expected: int
    mentioned: int
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
    readiness: int | None
    level: str | None
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
    role: str
    score: int
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
    problems: list[ProblemDoc]
    counts: dict[str, int]
