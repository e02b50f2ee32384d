"""The models of the catalogue's content: sources, levels, the scale, skills, credentials, roles."""

from typing import Literal

from pydantic import Field

from mlcareer.models.base import Id, LevelField, PartialDate, Proficiency, Text, _Model


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


class Suit(Quoted):
    """Who a role suits; ``inferred``: mlcareer's inference from the quote, not the source's words."""

    inferred: bool = False


class Requirement(Quoted):
    """What a level asks beyond skills; ``education`` marks what it says of education."""

    education: bool = False


class Statement(_Model):
    """What a source says of a skill, at the scope of the place it is written (role, level, profession).

    It carries no grade: the grade is read from the quote's wording by the one wording map
    (``ExpectationRules.wording``); a quote the map does not grade is "mentioned, no grade".
    """

    skill: Id
    quote: Text
    source: Id
    # The heading of the bullet the sentence stands under, as the source writes it: a sentence of
    # one bullet grades only that bullet's skills (`validate` checks the skill is named there).
    bullet: Text | None = None
    # The part of the skill the sentence speaks of, when it speaks of one part only ("machine
    # learning libraries and frameworks" of programming): shown, and graded only where no
    # sentence of the same scope speaks of the whole skill.
    part: Text | None = None


class LevelStatement(Statement):
    """A level's statement about a skill, and whom the source says it of."""

    said_of: Text  # "machine learning engineers at the mid level"
    covers: list[Id] = Field(min_length=1)  # the roles it is said of (a kind inherits through its role)


class Speciality(_Model):
    """What a kind of ML engineer specialises in: the skills its defining description is about.

    mlcareer's reading of the description in ``quote``: those skills are expected at least at the
    kind's level's characteristic grade (the level ceiling of expectations.yaml).
    """

    skills: list[Id] = Field(min_length=1)
    quote: Text
    source: Id


class LevelInfo(_Model):
    """What a level of the ladder means, as the sources describe it."""

    id: LevelField
    name: Text
    summary: Text | None = None
    advance: Quoted | None = None  # the sentence that says how one reaches this level
    requirements: list[Requirement] = Field(default_factory=list)
    expects: list[LevelStatement] = Field(default_factory=list)
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
    keywords: list[Text] = Field(default_factory=list)  # search words, not other names
    examples: list[Text] = Field(default_factory=list)
    sources: list[Id] = Field(min_length=1)


class Credential(_Model):
    """A degree or a certification."""

    id: Id
    name: Text
    kind: Literal["degree", "certification"]
    description: Text | None = None
    skills: list[Id] = Field(default_factory=list)
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
    aliases: list[Text] = Field(default_factory=list)
    level: LevelField
    kind: Literal["ladder", "specialisation"]
    summary: Text
    responsibilities: list[ResponsibilityGroup] = Field(default_factory=list)
    skills: list[Statement] = Field(default_factory=list)
    tools: list[Text] = Field(default_factory=list)
    education: list[Id] = Field(default_factory=list)
    certifications: list[Id] = Field(default_factory=list)
    industries: list[Text] = Field(default_factory=list)
    applications: list[Text] = Field(default_factory=list)
    workplace: list[Text] = Field(default_factory=list)
    outlook: list[Text] = Field(default_factory=list)
    how_to_become: list[Quoted] = Field(default_factory=list)
    suits: list[Suit] = Field(default_factory=list)
    team: list[Quoted] = Field(default_factory=list)
    contrasts: list[Contrast] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)
    specialises: Id | None = None
    speciality: Speciality | None = None  # a kind of ML engineer's own speciality (mlcareer's reading)
    sources: list[Id] = Field(min_length=1)
