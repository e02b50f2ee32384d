"""The saved results of the self-assessment: `mlcareer history` and its subcommands show, diff, clear."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, ClassVar

import typer

from mlcareer.cli.app import Subgroup, app
from mlcareer.cli.options import JsonOption, OutputOption, formats_for
from mlcareer.commands.catalog import catalog
from mlcareer.commands.output import emit, notice
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
    fmt: Annotated[str, formats_for("History")] = Format.text,
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
    from mlcareer.domain.shown import History
    from mlcareer.history.diff import trends

    emit(History(trends(_entries())), fmt, output, as_json=as_json)


@history_app.command()
def show(
    ctx: typer.Context,
    number: Annotated[str, typer.Argument(metavar="N", help="The result's number in `mlcareer history`.")],
    *,
    fmt: Annotated[str, formats_for("Saved")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """One saved result in full, its answers scored again against the data in use.

    Example: mlcareer history show 1
    """
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.quiz import score
    from mlcareer.domain.shown import Saved
    from mlcareer.errors import NotFoundError
    from mlcareer.history.diff import find_entry
    from mlcareer.render.history import percent

    wanted = _number(number, "N")
    entry = find_entry(_entries(wanted=(wanted,)), wanted)
    data = catalog()
    try:
        role = find_role(data, entry.role)
    except NotFoundError:
        raise MlcareerError(
            f"result #{entry.id} was taken against the role {entry.role!r} ({entry.role_title}), "
            "which is not in the data in use (--data-dir or MLCAREER_DATA_DIR?)"
        ) from None
    result = score(data, role, entry.answers, quick=entry.quick)
    if result.readiness != entry.readiness:
        notice(
            f"Result #{entry.id} was saved with readiness {percent(entry.readiness)}; "
            f"scored against the data in use now it is {percent(result.readiness)}."
        )
    emit(Saved(entry, result), fmt, output, as_json=as_json)


@history_app.command()
def diff(
    ctx: typer.Context,
    first: Annotated[str | None, _number_argument("A")] = None,
    second: Annotated[str | None, _number_argument("B")] = None,
    *,
    fmt: Annotated[str, formats_for("DiffShown")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """What changed per skill between two results: A B, or the last two for the same role and questions.

    Two results of different roles, or of the quick form and the full quiz, are not comparable,
    and the diff says so. Alias: `mlcareer history --diff [A B]` (for this version).

    Example: mlcareer history diff 1 2
    """
    from mlcareer.domain.shown import DiffShown
    from mlcareer.history.diff import diff_chosen

    pair = _pair([n for n in (first, second) if n is not None])
    change = diff_chosen(_entries(wanted=pair or ()), *(pair or (None, None)))
    wants_json = as_json or Format(fmt) is Format.json  # only JSON names the grades: text reads no data
    emit(DiffShown(change, _scale(ctx) if wants_json else {}), fmt, output, as_json=as_json)


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


def _entries(store: Store | None = None, wanted: tuple[int, ...] = ()) -> list[Entry]:
    """The saved results; those that cannot be read are named on stderr and left out, and one
    of the ``wanted`` numbers that cannot be read is an error (not "no saved result")."""
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
    for number in wanted:
        if number in store.unreadable:  # named above
            raise MlcareerError(
                f"result #{number} cannot be read ({store.unreadable[number]}); "
                "the history file was left as it was"
            )
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


def _clear(store: Store, count: int, yes: bool, as_json: bool) -> None:
    from mlcareer.domain.shown import Cleared

    if count and not yes and not _confirmed(count):
        notice("Nothing deleted.")
        deleted = 0
    else:
        deleted = store.clear() if count else 0
        if not as_json:
            notice(f"Deleted {deleted} saved results." if deleted else "No saved results; nothing to delete.")
    if as_json:
        emit(Cleared(deleted), Format.json)


def _confirmed(count: int) -> bool:
    """Whether the person at the terminal says yes to deleting ``count`` results."""
    from mlcareer.terminal import prompts

    if not prompts.stdin_is_terminal():
        raise UsageError("clear asks before it deletes, and stdin is not a terminal; add --yes")
    return typer.confirm(f"Delete all {count} saved quiz results?", default=False, err=True)


def _scale(ctx: typer.Context) -> dict[int, ScaleStep]:
    """The scale that names the grades of saved answers; none (grades unnamed) when the data
    cannot be read: saved results are the user's own and are shown all the same."""
    try:
        return {s.value: s for s in catalog().scale}
    except MlcareerError as exc:
        notice(f"Grades are not named: the data cannot be read ({str(exc).splitlines()[0]}).")
        return {}
