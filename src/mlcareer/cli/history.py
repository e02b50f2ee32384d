"""The saved results of the self-assessment: `mlcareer history` and its subcommands show, diff, clear."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

import typer

from mlcareer.cli.app import Subgroup, app, catalog
from mlcareer.cli.options import FormatOption, JsonOption, OutputOption
from mlcareer.cli.output import emit, notice, print_json
from mlcareer.errors import MlcareerError, UsageError
from mlcareer.formats import Format

if TYPE_CHECKING:
    from mlcareer.history.entry import Entry
    from mlcareer.history.store import Store
    from mlcareer.models import ScaleStep


class _History(Subgroup):
    """`history` and its subcommands; the flag forms of 0.x stay as aliases for one version."""

    aliases: ClassVar[dict[str, str]] = {"--diff": "diff", "--clear": "clear"}


history_app = typer.Typer(
    cls=_History,
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(history_app, name="history")


def _number_argument(name: str) -> Any:
    return typer.Argument(
        metavar=name, help="A result's number (give both or neither: the last two).", show_default=False
    )


@history_app.callback()
def history(
    ctx: typer.Context,
    *,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Your saved quiz results, newest first: date, target role, readiness, level and trend.

    The trend is the change in readiness since your previous result for the same role.
    `history show N` shows result N in full; `history diff 3 5` compares results 3 and 5;
    `history clear` deletes them all. The older forms `history --diff [A B]` and
    `history --clear` still work, for this version.
    Results live in a SQLite file in $MLCAREER_HOME, else $XDG_DATA_HOME/mlcareer or ~/.local/share/mlcareer.

    Example: mlcareer history show 1
    """
    if ctx.invoked_subcommand is not None:
        said = {"--json": as_json, "--format": fmt != Format.text, "--output": output is not None}
        given = [name for name, yes in said.items() if yes]
        if given:
            where = f"`mlcareer history {ctx.invoked_subcommand} ... {given[0]}`"
            raise UsageError(f"{', '.join(given)} goes after the subcommand: {where}")
        return
    from mlcareer.history.diff import trends
    from mlcareer.jsondoc import history as jsondoc
    from mlcareer.render.history import history_page

    found = trends(_entries())
    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        data=lambda: jsondoc.history_json(found),
        page=lambda: history_page(found),
    )


@history_app.command()
def show(
    ctx: typer.Context,
    number: Annotated[str, typer.Argument(metavar="N", help="The result's number in `mlcareer history`.")],
    *,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """One saved result in full, its answers scored again against the data in use.

    Example: mlcareer history show 1
    """
    _show(ctx, _entries(), _number(number, "N"), fmt, as_json, output)


@history_app.command()
def diff(
    ctx: typer.Context,
    first: Annotated[str | None, _number_argument("A")] = None,
    second: Annotated[str | None, _number_argument("B")] = None,
    *,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """What changed per skill between two results: A B, or the last two for the same role and questions.

    Two results of different roles, or of the quick form and the full quiz, are not comparable,
    and the diff says so. Alias: `mlcareer history --diff [A B]` (for this version).

    Example: mlcareer history diff 1 2
    """
    from mlcareer.history.diff import diff_chosen
    from mlcareer.jsondoc import history as jsondoc
    from mlcareer.render.history import diff_page

    pair = _pair([n for n in (first, second) if n is not None])
    change = diff_chosen(_entries(), *(pair or (None, None)))
    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        data=lambda: jsondoc.diff_json(change, _scale(ctx)),
        page=lambda: diff_page(change),
    )


@history_app.command()
def clear(
    *,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Delete every saved result, after asking (--yes: without asking, as a script must).

    Alias: `mlcareer history --clear` (for this version).

    Example: mlcareer history clear --yes
    """
    from mlcareer.history.store import Store

    store = Store()
    entries = _entries(store)
    _clear(store, len(entries) + len(store.damaged), yes, as_json)


def _entries(store: Store | None = None) -> list[Entry]:
    """The saved results; those that cannot be read are named on stderr and left out."""
    from mlcareer.history.store import Store

    store = store or Store()
    try:
        entries = store.load()
    except OSError as exc:
        raise MlcareerError(f"cannot read {store.path}: {exc.strerror or exc}") from None
    for reason in store.damaged[:10]:
        notice(f"Left out: {reason}; the history file was left as it was.")
    if len(store.damaged) > 10:
        notice(f"Left out: {len(store.damaged) - 10} more results that cannot be read.")
    return entries


def _number(word: str, what: str) -> int:
    try:
        value = int(word.lstrip("#"))
    except ValueError:
        raise UsageError(f"{what} is a result number from `mlcareer history`, not {word!r}") from None
    if value < 1:
        raise UsageError(f"{what} is a result number from `mlcareer history` (1 or more), not {word!r}")
    return value


def _pair(words: list[str]) -> tuple[int, int] | None:
    if not words:
        return None
    if len(words) != 2:
        raise UsageError("diff takes two result numbers (`diff 3 5`), or none for the last two")
    return _number(words[0], "A"), _number(words[1], "B")


def _show(
    ctx: typer.Context, entries: list[Entry], number: int, fmt: str, as_json: bool, output: Path | None
) -> None:
    """One saved result in full: its answers scored again, with the date it was taken."""
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.quiz import score
    from mlcareer.history.diff import find_entry
    from mlcareer.jsondoc import history as jsondoc_history
    from mlcareer.jsondoc import quiz as jsondoc
    from mlcareer.render import history as render_history
    from mlcareer.render import quiz as render

    entry = find_entry(entries, number)
    data = catalog(ctx)
    result = score(data, find_role(data, entry.role), entry.answers, quick=entry.quick)
    if result.readiness != entry.readiness:
        notice(
            f"Result #{entry.id} was saved with readiness {render_history.percent(entry.readiness)}; "
            f"scored against the data in use now it is {render_history.percent(result.readiness)}."
        )
    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        data=lambda: jsondoc_history.saved_json(entry, jsondoc.result_json(result)),
        page=lambda: render.result_page(result, saved=render_history.saved_line(entry)),
    )


def _clear(store: Store, count: int, yes: bool, as_json: bool) -> None:
    from mlcareer.jsondoc.history import cleared_json

    if count and not yes:
        from mlcareer.terminal import prompts

        if not prompts.stdin_is_terminal():
            raise UsageError("clear asks before it deletes, and stdin is not a terminal; add --yes")
        if not typer.confirm(f"Delete all {count} saved quiz results?", default=False, err=True):
            notice("Nothing deleted.")
            if as_json:
                print_json(cleared_json(0))
            return
    deleted = store.clear() if count else 0
    if as_json:
        print_json(cleared_json(deleted))
    else:
        notice(f"Deleted {deleted} saved results." if deleted else "No saved results; nothing to delete.")


def _scale(ctx: typer.Context) -> dict[int, ScaleStep]:
    """The scale that names the grades of saved answers; none (grades unnamed) when the data
    cannot be read: saved results are the user's own and are shown all the same."""
    try:
        return {s.value: s for s in catalog(ctx).scale}
    except MlcareerError as exc:
        notice(f"Grades are not named: the data cannot be read ({str(exc).splitlines()[0]}).")
        return {}
