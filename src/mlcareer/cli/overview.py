"""What `mlcareer` with no command prints: what the tool does and where to start."""

from __future__ import annotations

import typer

# The commands the overview shows, most useful first; those not installed are skipped.
OVERVIEW_COMMANDS = ("roles", "role", "quiz", "path", "salary", "skills", "skill", "compare")
_BLURBS = {
    "roles": "every role on the ML engineering career ladder, by level",
    "role": "one role explained: work, skills, tools, pay, next steps",
    "skills": "the skill catalogue, with how many roles need each skill",
    "skill": "one skill: its proficiency steps and the roles that need it",
    "compare": "two roles side by side",
}


def overview(ctx: typer.Context) -> str:
    """What mlcareer does and the five most useful commands; cheap (no data, no Rich)."""
    commands = getattr(ctx.command, "commands", {})
    # The group's commands are built when looked up: its listing tells their help without that.
    listed = getattr(commands, "listing", commands.__getitem__)
    shown = [name for name in OVERVIEW_COMMANDS if name in commands][:5]
    width = max((len(name) for name in shown), default=0)

    def blurb(name: str) -> str:
        first = listed(name).get_short_help_str(limit=200).split(":")[0].rstrip(".")
        return _BLURBS.get(name) or first[:1].lower() + first[1:]

    lines = [
        "mlcareer: a career guide for machine learning engineering, in your terminal.",
        "Roles, the skills they expect, pay and paths, each fact from a named source.",
        "",
        "Start with:",
        *(f"  mlcareer {name:<{width}}  {blurb(name)}" for name in shown),
        "",
        "Run mlcareer --help for all commands, mlcareer COMMAND --help for one.",
    ]
    return "\n".join(lines) + "\n"
