"""Enums the command line validates against; kept free of heavy imports for a fast start."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """A rung of the career ladder, in order."""

    entry = "entry"
    mid = "mid"
    senior = "senior"
    executive = "executive"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class Section(StrEnum):
    """The parts of a role, in the order `mlcareer role` shows them."""

    summary = "summary"
    responsibilities = "responsibilities"
    skills = "skills"
    tools = "tools"
    education = "education"
    certifications = "certifications"
    industries = "industries"
    workplace = "workplace"
    outlook = "outlook"
    salary = "salary"
    related = "related"
    sources = "sources"


class Format(StrEnum):
    """How a command prints its result."""

    text = "text"
    json = "json"
    markdown = "markdown"
    mermaid = "mermaid"
