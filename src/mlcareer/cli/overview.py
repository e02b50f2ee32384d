"""What `mlcareer` with no command prints: what the tool does and where to start."""

from __future__ import annotations

import shutil
import textwrap

import typer

# The commands the overview shows, most useful first; those not installed are skipped.
OVERVIEW_COMMANDS = ("roles", "role", "quiz", "plan", "team", "salary", "path", "skills", "skill", "compare")
SHOWN = 6
_BLURBS = {
    "roles": "every role on the ML engineering career ladder, by level",
    "role": "one role explained: work, skills, tools, pay, next steps",
    "quiz": "assess yourself against a role: readiness, level, gaps, next steps",
    "plan": "your learning plan for a role, step by step, with progress",
    "team": "a class or a team side by side; --since shows what changed",
    "salary": "pay by level, as the sources give it",
    "skills": "the skill catalogue, with how many roles need each skill",
    "skill": "one skill: its proficiency steps and the roles that need it",
    "compare": "two roles side by side",
}


def overview(ctx: typer.Context) -> str:
    """What mlcareer does and the six most useful commands, wrapped to the terminal; cheap (no
    data, no Rich)."""
    commands = getattr(ctx.command, "commands", {})
    # The group's commands are built when looked up: its listing tells their help without that.
    listed = getattr(commands, "listing", commands.__getitem__)
    shown = [name for name in OVERVIEW_COMMANDS if name in commands][:SHOWN]
    width = max((len(name) for name in shown), default=0)
    columns = max(shutil.get_terminal_size((80, 24)).columns, 40)

    def blurb(name: str) -> str:
        first = listed(name).get_short_help_str(limit=200).split(":")[0].rstrip(".")
        return _BLURBS.get(name) or first[:1].lower() + first[1:]

    def para(text: str, indent: int = 0, first: str = "") -> list[str]:
        return textwrap.wrap(
            text,
            width=columns - 1,
            initial_indent=first,
            subsequent_indent=" " * indent,
            break_on_hyphens=False,
            break_long_words=False,
        )

    lines = [
        *para("mlcareer: a career guide for machine learning engineering, in your terminal."),
        *para("Roles, the skills they expect, pay and paths, each fact from a named source."),
        "",
        "Start with:",
    ]
    for name in shown:
        lead = f"  mlcareer {name:<{width}}  "
        lines += para(blurb(name), indent=len(lead), first=lead)
    lines += ["", *para("Run mlcareer --help for all commands, mlcareer COMMAND --help for one.")]
    return "\n".join(lines) + "\n"
