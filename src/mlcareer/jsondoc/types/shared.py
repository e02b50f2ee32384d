"""The parts every document shares: proficiency, source, pay, expectation, official figures."""

from __future__ import annotations

from typing import Literal

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


class RoleName(TypedDict):
    """A role wherever a document names one: at least its id and title."""

    id: str
    title: str


class RoleRef(RoleName):
    level: str
    kind: str


class MatchScore(TypedDict):
    """How well answers fit a kind of ML engineer: a percentage, and the rule that makes it."""

    percent: int
    rule: str


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
    bullet: str | None  # the heading of the bullet the sentence stands under
    part: str | None  # the part of the skill it speaks of, when only one part
    said_of: str | None  # a level statement: whom the source says it of


class CeilingDoc(TypedDict):
    """The level ceiling that lowered a grade: mlcareer's own reading, with the sentence it rests on."""

    level: str
    grade: int
    quote: str
    source: str
    rule: str


class SpecialityDoc(TypedDict):
    """A kind of ML engineer's own speciality: mlcareer's reading of its defining description."""

    skills: list[str]
    quote: str
    source: str
    rule: str


class ExpectationDoc(TypedDict):
    """A role's expectation of a skill: expected at a grade, or mentioned without one."""

    skill: str
    name: str
    category: str
    state: Literal["expected", "mentioned"]
    expected: Proficiency
    basis: Literal["role", "level", "profession", "speciality", "default"]
    graded: bool  # a source grades it: it counts towards readiness (a default never does)
    inherited_from: str | None
    label: str
    rule: str
    conflict: bool
    ceiling: CeilingDoc | None  # set when mlcareer's level ceiling lowered the grade
    speciality: SpecialityDoc | None  # set for a kind's own speciality
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
    ceiling: CeilingDoc | None  # the role's level's characteristic grade (mlcareer's reading)
    speciality_rule: str | None  # a kind of ML engineer: how its speciality is graded
    minimum_graded: int  # graded expectations a readiness percentage needs (the pack's choice)
    profession_values: list[ReadingDoc]


class StatementDoc(TypedDict):
    skill: str
    quote: str
    source: str
    said_of: str  # whom the source says it of
    covers: list[str]  # the roles it is said of


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


class OccupationDoc(OccupationRef):
    """Every figure of an official occupation, each carrying the occupation it describes."""

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

    role: RoleName
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
