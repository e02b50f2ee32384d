"""`mlcareer --help` (or `-h`) answered before Typer loads, from the help the real group printed.

A run that records Tab completion's grammar (``mlcareer.cli.index``) also records the program's
help, formatted by the real Click group for a terminal of 80 columns or more (Click then formats
78 columns wide, whatever the width). This answers exactly `mlcareer --help` and `mlcareer -h`
with it when the recording was made from the command modules and the typer in use
(``fastindex.read_help``) and the terminal is that wide; anything else, and any failure to
write, goes to Typer unchanged.
"""

from __future__ import annotations

import sys

HELP_ARGS = (["--help"], ["-h"])
MIN_COLUMNS = 80  # Click formats help min(columns, 80) - 2 wide


def main(argv: list[str]) -> None:
    """Print the recorded help and exit 0 when it answers ``argv`` exactly; else return."""
    if argv not in HELP_ARGS:
        return
    import os

    from mlcareer.datafiles import cache_dir, grammar_name

    where = cache_dir()
    if where is None or not os.path.isfile(os.path.join(where, grammar_name())):
        return  # nothing recorded: costs a stat, not the imports below
    import shutil

    if shutil.get_terminal_size().columns < MIN_COLUMNS:  # as Click measures the terminal
        return
    from mlcareer.pack.fastindex import read_help

    text = read_help()
    if text is None:
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):
        return  # a closed or full stdout: Typer reports it as ever
    raise SystemExit(0)
