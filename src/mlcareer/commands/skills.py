"""The work of the commands about skills: skills, skill."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.commands.catalog import catalog
from mlcareer.commands.output import emit

if TYPE_CHECKING:
    from pathlib import Path


def skills(*, search: str | None, fmt: str, as_json: bool, output: Path | None) -> None:
    """`mlcareer skills`: the skills by group, with how many roles need each."""
    from mlcareer.domain.shown import SkillList
    from mlcareer.domain.skills import list_skills

    data = catalog()
    found = list_skills(data, search)
    emit(SkillList(found, len(data.roles)), fmt, output, as_json=as_json)


def skill(name: str, *, fmt: str, as_json: bool, output: Path | None) -> None:
    """`mlcareer skill SKILL`: one skill explained."""
    from mlcareer.domain.skills import describe_skill, find_skill

    data = catalog()
    emit(describe_skill(data, find_skill(data, name)), fmt, output, as_json=as_json)
