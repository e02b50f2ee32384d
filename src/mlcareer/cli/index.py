"""Tab completion's index and grammar, written by the command layer for ``mlcareer.fastcomplete``.

A run that built the catalog (``cli.app.catalog``) and a Tab press that Typer answers
(``cli.complete``) write them: the ids and titles of the data in use, and the grammar of the
command line recorded from the real Click commands, so the fast path keeps no copy of either.
The loader knows nothing of completion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from mlcareer.models import Catalog
    from mlcareer.pack.fastindex import Grammar


def record_index(directory: Path, key: str, catalog: Catalog, group: Any) -> None:
    """Write Tab completion's index for this data (``commands.catalog.write_index``) and record
    the grammar of ``group`` (the program's command group) beside it when missing or stale:
    what a Tab press that Typer answered leaves for the next one."""
    from mlcareer.commands.catalog import write_index

    write_index(directory, key, catalog)
    record_grammar(group)


def record_grammar(group: Any) -> None:
    """Record the command line's grammar from the real Click commands (``group``'s), for the
    fast path, in this user's cache: written when neither it nor the recording shipped with
    mlcareer is usable (missing, or made from other code or for another typer:
    ``fastindex._recorded``). Building every command costs a little, once.
    """
    from mlcareer.pack.fastindex import read_grammar, read_help, write_grammar

    if read_grammar() is not None and read_help() is not None:  # the fast path's record with them
        return
    write_grammar(*_contents(group))


def recording_of(group: Any) -> dict[str, Any]:
    """The recording of ``group``'s commands as it is stored (``fastindex.recording``)."""
    from mlcareer.pack.fastindex import recording

    return recording(*_contents(group))


def _contents(group: Any) -> tuple[list[str], dict[str, Grammar], str | None, dict[str, Any] | None]:
    """The group's options that take a value, the grammar, the program's help and the run spec."""
    group_values = [o for p in group.params if not getattr(p, "is_flag", True) for o in p.opts]
    return group_values, grammar(group), program_help(group), _run_spec(group)


def _run_spec(group: Any) -> dict[str, Any] | None:
    """What the command line's fast path parses (``cli.runspec``); None if it cannot be made."""
    from mlcareer.cli.runspec import run_spec

    try:
        return run_spec(group)
    except Exception:  # only a missed speed-up: Typer parses every command line as ever
        return None


def program_help(group: Any) -> str | None:
    """``mlcareer --help`` as the group prints it on a terminal of 80 columns or more (Click then
    formats help 78 columns wide: min(columns, 80) - 2), for ``mlcareer.fasthelp``; None if it
    cannot be made."""
    try:
        with group.make_context("mlcareer", [], resilient_parsing=True, terminal_width=78) as ctx:
            return str(ctx.get_help()) + "\n"
    except Exception:  # only a missed speed-up: Typer answers --help as ever
        return None


def grammar(group: Any) -> dict[str, Grammar]:
    """Per command that completes ids: its arguments in order (what completes each), its options
    that take a value (with what completes them) and its flags, as Typer builds them.

    Commands with subcommands or with an argument of many values (team FILE...) are left to Typer.
    """
    out: dict[str, Grammar] = {}
    for name in list(group.commands):
        command = group.commands[name]
        if hasattr(command, "commands"):  # a group (history show, diff, clear)
            continue
        ctx = group.make_context("mlcareer", [name], resilient_parsing=True)
        params = command.get_params(ctx)
        if not all(p.nargs == 1 and not getattr(p, "multiple", False) for p in params):
            continue
        arguments = tuple(_completes(p) for p in params if p.param_type_name == "argument")
        options = [p for p in params if p.param_type_name == "option"]
        values = {o: _completes(p) for p in options if not p.is_flag for o in p.opts}
        flags = frozenset(o for p in options if p.is_flag for o in p.opts)
        if {*arguments, *values.values()} - {None}:
            out[name] = (arguments, values, flags)
    return out


_IDS = {"complete_role": "role", "complete_skill": "skill"}  # the completers of mlcareer.cli.complete


def _completes(param: Any) -> str | None:
    """The id that completes a parameter ("role", "skill"), found in the callback Typer wrapped."""
    todo = [getattr(param, "_custom_shell_complete", None)]
    while todo:
        function = todo.pop()
        if getattr(function, "__module__", None) == "mlcareer.cli.complete":
            name = getattr(function, "__name__", "")
            if name in _IDS:
                return _IDS[name]
        cells = getattr(function, "__closure__", None) or ()
        todo += [c.cell_contents for c in cells if callable(c.cell_contents)]
    return None
