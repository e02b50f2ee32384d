"""The data model: every data file is validated into these frozen pydantic models."""

from __future__ import annotations

from enum import Enum
from itertools import pairwise
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from mlcareer.choices import LEVEL_ALIASES as LEVEL_ALIASES  # re-exported; defined with the enum
from mlcareer.choices import Level
from mlcareer.text import clean

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
# Every text from a data file: control characters become visible escapes at the edge,
# so no renderer can pass an ESC or a bidi override to a terminal, a file or a browser.
Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(clean)]
Proficiency = Annotated[int, Field(ge=0, le=4)]
PartialDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
# Pay in any currency and period: bounded, so no figure can overflow a float in a chart.
Money = Annotated[int, Field(ge=0, le=10**9)]


LevelField = Annotated[Level, Field(strict=False)]


class _Model(BaseModel):
    # defer_build: a schema is built on first validation, not at import; a run that reads
    # the cache builds none (see ``from_trusted``).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class Source(_Model):
    """A document a fact or figure comes from."""

    id: Id
    title: Text
    author: Text | None = None
    publisher: Text | None = None
    published: PartialDate | None = None
    edition: Text | None = None
    url: Text | None = None
    document: Text | None = None
    note: Text | None = None


class Quoted(_Model):
    """A fact in mlcareer's words (``text``, hedges kept) and the source's sentence it rests on."""

    text: Text
    quote: Text
    source: Id


class Statement(_Model):
    """What a source says of a skill, at the scope of the place it is written (role, level, profession).

    It carries no grade: the grade is read from the quote's wording by the one wording map
    (``ExpectationRules.wording``); a quote the map does not grade is "mentioned, no grade".
    """

    skill: Id
    quote: Text
    source: Id


class LevelInfo(_Model):
    """What a level of the ladder means, as the sources describe it."""

    id: LevelField
    name: Text
    summary: Text | None = None
    advance: Quoted | None = None  # the sentence that says how one reaches this level
    requirements: list[Quoted] = []
    expects: list[Statement] = []
    sources: list[Id] = Field(min_length=1)


class ScaleStep(_Model):
    """One step of the 0-4 proficiency scale."""

    value: Proficiency
    name: Text
    description: Text


class Skill(_Model):
    """A skill of the catalogue."""

    id: Id
    name: Text
    category: Literal["technical", "analytical", "interpersonal"]
    category_from: Literal["sources"] | None = None  # None: the data pack's own grouping
    description: Text
    keywords: list[Text] = []  # search words, not other names
    examples: list[Text] = []
    sources: list[Id] = Field(min_length=1)


class Credential(_Model):
    """A degree or a certification."""

    id: Id
    name: Text
    kind: Literal["degree", "certification"]
    description: Text | None = None
    skills: list[Id] = []
    sources: list[Id] = Field(min_length=1)


class Responsibility(_Model):
    """One responsibility, worded once, with every source that gives it."""

    text: Text
    sources: list[Id] = Field(min_length=1)


class ResponsibilityGroup(_Model):
    """Responsibilities under a heading (the grouping is the data pack's)."""

    group: Text
    items: list[Responsibility] = Field(min_length=1)


class Contrast(_Model):
    """How a source says this role differs from another."""

    role: Id
    text: Text
    quote: Text
    source: Id


class Role(_Model):
    """A role: a rung of the ladder or a kind of ML engineer."""

    id: Id
    title: Text
    aliases: list[Text] = []
    level: LevelField
    kind: Literal["ladder", "specialisation"]
    summary: Text
    responsibilities: list[ResponsibilityGroup] = []
    skills: list[Statement] = []
    tools: list[Text] = []
    education: list[Id] = []
    certifications: list[Id] = []
    industries: list[Text] = []
    applications: list[Text] = []
    workplace: list[Text] = []
    outlook: list[Text] = []
    how_to_become: list[Quoted] = []
    suits: list[Quoted] = []
    team: list[Quoted] = []
    contrasts: list[Contrast] = []
    related: list[Id] = []
    specialises: Id | None = None
    sources: list[Id] = Field(min_length=1)


class SalaryFigure(_Model):
    """A sourced pay figure: a range (possibly open-ended) or an average."""

    id: Id
    roles: list[Id] = Field(min_length=1)
    level: LevelField | None = None
    kind: Literal["range", "average"]
    low: Money | None = None
    high: Money | None = None
    open_ended: bool = False
    amount: Money | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    period: Literal["year", "month", "hour"]
    region: Text | None = None
    scope: Text
    as_of: PartialDate | None = None
    source: Id
    quote: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> SalaryFigure:
        if self.kind == "range":
            if self.low is None:
                raise ValueError("a range needs 'low'")
            if self.amount is not None:
                raise ValueError("a range has 'low' and 'high', not 'amount'")
            if self.high is None and not self.open_ended:
                raise ValueError("a range needs 'high' or 'open_ended: true'")
            if self.high is not None and self.high < self.low:
                raise ValueError("'high' is below 'low'")
        else:
            if self.amount is None:
                raise ValueError("an average needs 'amount'")
            if self.low is not None or self.high is not None or self.open_ended:
                raise ValueError("an average has 'amount', not 'low'/'high'/'open_ended'")
        return self


class SalaryNote(_Model):
    """A sourced remark on pay: a premium or a factor, without invented numbers."""

    id: Id
    title: Text
    text: Text
    sources: list[Id] = Field(min_length=1)


class Salaries(_Model):
    """The contents of salaries.yaml."""

    figures: list[SalaryFigure] = []
    premiums: list[SalaryNote] = []
    factors: list[SalaryNote] = []


# ---------------------------------------------------------------- official figures

# Bounds that no official figure comes near: they catch a slipped digit, not a fact.
Wage = Annotated[int, Field(ge=0, le=10_000_000)]
Count = Annotated[int, Field(ge=0, le=1_000_000_000)]
# A projection period as the OOH writes it: "2022-32" (or "2022-2032").
ProjectionPeriod = Annotated[str, Field(pattern=r"^\d{4}-(\d{2}|\d{4})$")]


def period_years(period: str) -> tuple[int, int]:
    """'2022-32' -> (2022, 2032); '2022-2032' -> (2022, 2032)."""
    start, end = period.split("-")
    first = int(start)
    last = int(end) if len(end) == 4 else first - first % 100 + int(end)
    if last <= first:
        last += 100
    return first, last


class OfficialPay(_Model):
    """Pay percentiles an official source gives for (part of) an occupation, with its quote."""

    of: Text  # whom the figure describes, in the source's words ("software developers")
    p10: Wage | None = None
    median: Wage | None = None
    p90: Wage | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    period: Literal["year", "hour"]
    reference: Text  # the date the figure describes, as the source says it: "May 2022"
    quote: Text

    @model_validator(mode="after")
    def _ordered(self) -> OfficialPay:
        given = [
            (n, v)
            for n, v in (("p10", self.p10), ("median", self.median), ("p90", self.p90))
            if v is not None
        ]
        if not given:
            raise ValueError("an official pay figure needs at least one of 'p10', 'median', 'p90'")
        for (low_name, low), (high_name, high) in pairwise(given):
            if high < low:
                raise ValueError(
                    f"percentiles out of order: '{high_name}' ({high}) is below '{low_name}' ({low})"
                )
        return self


class OfficialCount(_Model):
    """A number of jobs in a reference year, with its quote."""

    count: Count
    reference: Text  # "2022"
    quote: Text


class OfficialGrowth(_Model):
    """Projected change in employment over a named period, as a percentage, with its quote."""

    percent: Annotated[float, Field(ge=-100, le=1000, strict=False)]
    period: ProjectionPeriod
    description: Text | None = None  # the source's own words: "much faster than average"
    quote: Text

    @model_validator(mode="after")
    def _span(self) -> OfficialGrowth:
        first, last = period_years(self.period)
        if last - first > 20:
            raise ValueError(f"a projection period of {last - first} years; expected at most 20")
        return self


class OfficialChange(_Model):
    """Projected change in the number of jobs over a named period, with its quote."""

    count: Annotated[int, Field(ge=-1_000_000_000, le=1_000_000_000)]
    period: ProjectionPeriod
    quote: Text


class OfficialOpenings(_Model):
    """Projected openings each year, on average, over a named period, with its quote."""

    per_year: Count
    period: ProjectionPeriod
    quote: Text


class OfficialEducation(_Model):
    """The typical entry-level education the source gives, with its quote."""

    level: Text
    quote: Text


class Beside(_Model):
    """Roles an occupation is shown beside: the data pack's choice, and how near it is.

    ``nearest``: the source has no occupation of the role's name; this is the nearest.
    ``same-name``: the source has an occupation of that name, which still covers every
    level and employer, so its figures are not the role's own either.
    """

    roles: list[Id] = Field(min_length=1)
    match: Literal["nearest", "same-name"]


class OfficialOccupation(_Model):
    """An occupation of an official source (the BLS Occupational Outlook Handbook), with its figures.

    Every figure is the occupation's, never a role's: ``beside`` says which roles it stands
    beside, and every view labels it so.
    """

    id: Id
    title: Text  # the occupation's title as the source gives it
    agency: Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z][A-Za-z0-9 .&-]*$")]  # "BLS"
    soc: Annotated[str, Field(pattern=r"^\d{2}-\d{4}$")] | None = None
    soc_note: Text | None = None  # why there is no SOC code, when there is none
    source: Id
    edition: Text  # "2022-32": the projection period and wage year the page reports
    url: Text
    region: Text
    retrieved: PartialDate | None = None
    retrieved_note: Text | None = None
    pay: list[OfficialPay] = []
    jobs: OfficialCount | None = None
    growth: OfficialGrowth | None = None
    change: OfficialChange | None = None
    openings: OfficialOpenings | None = None
    education: OfficialEducation | None = None
    beside: list[Beside] = []
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> OfficialOccupation:
        if not self.url.startswith(("https://", "http://")):
            raise ValueError("'url' must be the web address of the page (http:// or https://)")
        if self.soc is None and self.soc_note is None:
            raise ValueError("give 'soc', or 'soc_note' saying why the source shows none")
        periods = {p.period for p in (self.growth, self.change, self.openings) if p is not None}
        if len({period_years(p) for p in periods}) > 1:
            raise ValueError("growth, change and openings must share one projection period")
        return self


class Question(_Model):
    """One quiz question: a skill rated on five steps, or an interest in a kind of ML engineer."""

    id: Id
    kind: Literal["skill", "interest"]
    text: Text
    skill: Id | None = None
    steps: list[Text] = []
    roles: list[Id] = []
    quick: bool = False
    sources: list[Id] = []

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.kind == "skill":
            if self.skill is None:
                raise ValueError("a skill question needs 'skill'")
            if len(self.steps) != 5:
                raise ValueError(f"a skill question needs 5 'steps' (0-4), found {len(self.steps)}")
            if self.roles:
                raise ValueError("a skill question has no 'roles'; interest questions point at roles")
        else:
            if not self.roles:
                raise ValueError("an interest question needs 'roles'")
            if not self.sources:
                raise ValueError("an interest question needs 'sources'")
            if self.skill is not None or self.steps:
                raise ValueError("an interest question has no 'skill' or 'steps'; it uses interest_scale")
        return self


class QuizData(_Model):
    """The contents of quiz.yaml."""

    interest_scale: list[ScaleStep] = []
    questions: list[Question] = Field(min_length=1)


class WordingRule(_Model):
    """One entry of the wording map: a phrase of the sources and the grade it reads as."""

    phrase: Text
    grade: Proficiency


class DefaultGrade(_Model):
    """The data pack's own grade for a skill that a role's sources name without grading it."""

    grade: Proficiency
    reason: Text


class Profession(_Model):
    """What the sources say of machine learning engineers in general, with no level."""

    applies_from: LevelField
    statements: list[Statement] = []


class ExpectationRules(_Model):
    """The contents of expectations.yaml: how statements become expected proficiencies."""

    wording: list[WordingRule] = []
    default_grade: DefaultGrade | None = None
    family: list[Id] = []
    profession: Profession | None = None


class BuildsOn(_Model):
    """The data pack's suggestion: ``skill`` is best learnt after the skills ``on``."""

    skill: Id
    on: list[Id] = Field(min_length=1)


class PlanRules(_Model):
    """The contents of plan.yaml: the order `mlcareer plan` suggests (the pack's own choice)."""

    builds_on: list[BuildsOn] = []


class Catalog(_Model):
    """Everything in a data directory, validated and cross-checked."""

    sources: list[Source]
    levels: list[LevelInfo] = []
    scale: list[ScaleStep] = []
    skills: list[Skill]
    credentials: list[Credential] = []
    roles: list[Role]
    salaries: Salaries = Field(default_factory=Salaries)
    quiz: QuizData | None = None
    expectations: ExpectationRules = Field(default_factory=ExpectationRules)
    plan: PlanRules = Field(default_factory=PlanRules)
    occupations: list[OfficialOccupation] = []


_M = TypeVar("_M", bound=BaseModel)


def from_trusted(model: type[_M], data: dict[str, Any]) -> _M:
    """Rebuild a model from data that an earlier validation of it produced, without validating.

    Only for mlcareer's own cache, whose integrity is checked by a hash before this runs: it
    skips building pydantic's validators, which costs more than the rest of a cached run.
    """
    return model.model_construct(
        **{name: _trusted(model.model_fields[name].annotation, value) for name, value in data.items()}
    )


def _trusted(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(annotation)
    if origin is Annotated:
        return _trusted(get_args(annotation)[0], value)
    if origin is list:
        (item,) = get_args(annotation)
        return [_trusted(item, v) for v in value]
    if origin in (UnionType, Union):
        arms = [a for a in get_args(annotation) if a is not type(None)]
        return _trusted(arms[0], value) if len(arms) == 1 else value
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return from_trusted(annotation, value)
        if issubclass(annotation, Enum):
            return annotation(value)
    return value


def field_names() -> set[str]:
    """Every field name of every data model, to suggest a fix for a misspelt key."""
    names: set[str] = set()
    todo: list[type[BaseModel]] = [_Model]
    while todo:
        model = todo.pop()
        names.update(model.model_fields)
        todo.extend(model.__subclasses__())
    return names
