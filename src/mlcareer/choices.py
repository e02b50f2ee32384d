"""Enums the command line validates against; kept free of heavy imports for a fast start."""

from __future__ import annotations

from enum import StrEnum

from mlcareer.formats import Format as Format  # the formats live with their table


class Level(StrEnum):
    """A rung of the career ladder, in order."""

    entry = "entry"
    mid = "mid"
    senior = "senior"
    executive = "executive"

    @property
    def rank(self) -> int:
        """The level's place on the ladder, from 0 (entry): a table, not a search per call."""
        return _RANKS[self]


_RANKS: dict[Level, int] = {level: i for i, level in enumerate(Level)}


# Other names a level answers to on the command line.
LEVEL_ALIASES: dict[str, Level] = {"junior": Level.entry}
LEVEL_CHOICES = (*(level.value for level in Level), *LEVEL_ALIASES)


def parse_level(text: str) -> Level:
    """A level by name or alias, ignoring case; ValueError naming the valid levels otherwise."""
    key = text.strip().casefold()
    if key in LEVEL_ALIASES:
        return LEVEL_ALIASES[key]
    try:
        return Level(key)
    except ValueError:
        raise ValueError(f"unknown level {text!r}; valid levels: {level_help()}") from None


def level_help() -> str:
    """'entry, mid, senior, executive (junior = entry)'."""
    aliases = ", ".join(f"{alias} = {level.value}" for alias, level in LEVEL_ALIASES.items())
    return ", ".join(level.value for level in Level) + (f" ({aliases})" if aliases else "")


class SourceFamily(StrEnum):
    """Which family of sources `mlcareer salary` shows."""

    all = "all"
    articles = "articles"
    official = "official"


# Other names a family answers to on the command line.
SOURCE_ALIASES: dict[str, SourceFamily] = {"bls": SourceFamily.official}


def parse_source_family(text: str) -> SourceFamily:
    """A family by name or alias, ignoring case; ValueError naming the choices otherwise."""
    key = text.strip().casefold()
    if key in SOURCE_ALIASES:
        return SOURCE_ALIASES[key]
    try:
        return SourceFamily(key)
    except ValueError:
        raise ValueError(f"unknown source {text!r}; choose one of: {source_help()}") from None


def source_help() -> str:
    """'all, articles, official (bls = official)'."""
    aliases = ", ".join(f"{a} = {f.value}" for a, f in SOURCE_ALIASES.items())
    return ", ".join(f.value for f in SourceFamily) + f" ({aliases})"


class Section(StrEnum):
    """The parts of a role, in the order `mlcareer role` shows them."""

    summary = "summary"
    level = "level"
    responsibilities = "responsibilities"
    skills = "skills"
    tools = "tools"
    education = "education"
    certifications = "certifications"
    industries = "industries"
    workplace = "workplace"
    outlook = "outlook"
    becoming = "becoming"
    salary = "salary"
    official = "official"
    related = "related"
    sources = "sources"


SECTION_TITLES: dict[Section, str] = {
    Section.summary: "Summary",
    Section.level: "Level and what it asks",
    Section.responsibilities: "Responsibilities",
    Section.skills: "Skills: what the sources expect, and on what it rests",
    Section.tools: "Tools and frameworks",
    Section.education: "Education the sources mention",
    Section.certifications: "Certifications the sources say can help",
    Section.industries: "Industries and applications",
    Section.workplace: "Workplace",
    Section.outlook: "Outlook",
    Section.becoming: "Becoming one: how, who it suits, where it sits in a team",
    Section.salary: "Salary",
    Section.official: "Official figures: the nearest occupation, not the role",
    Section.related: "Career moves and related roles",
    Section.sources: "Sources",
}
