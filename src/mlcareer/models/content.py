"""The models of the catalogue's content: sources, levels, the scale, skills, credentials, roles."""

from __future__ import annotations

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
