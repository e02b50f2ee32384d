"""The models of pay: sourced salary figures, and official occupations with their statistics."""

from itertools import pairwise
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, Field, model_validator

from mlcareer.models.base import Id, LevelField, Money, PartialDate, Text, _Model


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
    def _consistent(self) -> Self:
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

    figures: list[SalaryFigure] = Field(default_factory=list)
    premiums: list[SalaryNote] = Field(default_factory=list)
    factors: list[SalaryNote] = Field(default_factory=list)


# ---------------------------------------------------------------- official figures

# Bounds that no official figure comes near: they catch a slipped digit, not a fact.
Wage = Annotated[int, Field(ge=0, le=10_000_000)]
Count = Annotated[int, Field(ge=0, le=1_000_000_000)]
# A projection period as the OOH writes it: "2022-32" (or "2022-2032"), ending after it begins.
ProjectionPeriod = Annotated[
    str, Field(pattern=r"^\d{4}-(\d{2}|\d{4})$"), AfterValidator(lambda p: _forward(p))
]


def _forward(period: str) -> str:
    first, last = period_years(period)
    if last <= first:
        raise ValueError(f"the period {period} ends in {last}, not after it begins in {first}")
    return period


def period_years(period: str) -> tuple[int, int]:
    """'2022-32' -> (2022, 2032); '2022-2032' -> (2022, 2032); '2095-05' -> (2095, 2105).

    Only the two-digit form wraps into the next century; '2022-2022' is (2022, 2022), a
    period of no years, which the models refuse.
    """
    start, end = period.split("-")
    first = int(start)
    last = int(end) if len(end) == 4 else first - first % 100 + int(end)
    if len(end) == 2 and last < first:
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
    def _ordered(self) -> Self:
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
    def _span(self) -> Self:
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
    pay: list[OfficialPay] = Field(default_factory=list)
    jobs: OfficialCount | None = None
    growth: OfficialGrowth | None = None
    change: OfficialChange | None = None
    openings: OfficialOpenings | None = None
    education: OfficialEducation | None = None
    beside: list[Beside] = Field(default_factory=list)
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if not self.url.startswith(("https://", "http://")):
            raise ValueError("'url' must be the web address of the page (http:// or https://)")
        if self.soc is None and self.soc_note is None:
            raise ValueError("give 'soc', or 'soc_note' saying why the source shows none")
        periods = {p.period for p in (self.growth, self.change, self.openings) if p is not None}
        if len({period_years(p) for p in periods}) > 1:
            raise ValueError("growth, change and openings must share one projection period")
        return self
