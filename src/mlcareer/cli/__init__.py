"""The command line: parse, call one domain function, render once, map errors to exit codes.

Heavy modules (pydantic, rich, yaml, questionary) are imported inside the commands
that need them, so `mlcareer --help` starts fast. Each command module adds its commands
to the one Typer app when it is imported, and only the module of the command being run
is (``mlcareer.cli.app.COMMANDS`` names them).
"""

from __future__ import annotations

from mlcareer.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: Typer parses the command line, inside the run's frame
    (``mlcareer.commands.entry.run``: streams checked first, one exit code at the end)."""
    from mlcareer.commands.entry import run

    run(lambda: app(prog_name="mlcareer"))
