"""The saved results of the self-assessment: `mlcareer history` (list, show N, --diff, --clear)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.cli.app import app, catalog
from mlcareer.cli.options import FormatOption, JsonOption, OutputOption
from mlcareer.cli.output import emit, notice, print_json
from mlcareer.errors import MlcareerError, UsageError
from mlcareer.formats import Format

if TYPE_CHECKING:
    from mlcareer.history.entry import Entry
    from mlcareer.history.store import Store
    from mlcareer.models import ScaleStep


@app.command()
def history(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="show N | A B",
            help="show N: one saved result in full. With --diff, A B: the two results to compare.",
            show_default=False,
        ),
    ] = None,
    *,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Show per skill what changed between two results: A B, or by default the last two "
            "for the same role and questions.",
        ),
    ] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Delete every saved result (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="With --clear: do not ask.")] = False,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Your saved quiz results, newest first: date, target role, readiness, level and trend.

    The trend is the change in readiness since your previous result for the same role.
    `history show N` shows result N in full; `history --diff 3 5` compares results 3 and 5.
    Results live in a SQLite file in $MLCAREER_HOME, else $XDG_DATA_HOME/mlcareer or ~/.local/share/mlcareer.

    Example: mlcareer history show 1
    """
    from mlcareer.history.diff import diff_chosen, trends
    from mlcareer.history.store import Store
    from mlcareer.jsondoc import history as jsondoc
    from mlcareer.render.history import diff_page, history_page

    words = words or []
    if diff and clear:
        raise UsageError("--diff and --clear do not go together")
    if yes and not clear:
        raise UsageError("--yes goes with --clear")
    shown = _shown(words, diff)
    pair = _pair(words) if diff else None
    if (shown is not None or pair) and clear:
        raise UsageError("--clear deletes every result; it takes no result numbers")
    store = Store()
    try:
        entries = store.load()
    except OSError as exc:
        raise MlcareerError(f"cannot read {store.path}: {exc.strerror or exc}") from None
    for reason in store.damaged[:10]:
        notice(f"Left out: {reason}; the history file was left as it was.")
    if len(store.damaged) > 10:
        notice(f"Left out: {len(store.damaged) - 10} more results that cannot be read.")
    if clear:
        _clear(store, len(entries) + len(store.damaged), yes, as_json)
        return
    for number in [n for n in (shown, *(pair or ())) if n is not None]:
        if number in store.unreadable:  # named above: not "no saved result"
            raise MlcareerError(
                f"result #{number} cannot be read ({store.unreadable[number]}); "
                "the history file was left as it was"
            )
    if shown is not None:
        _show(ctx, entries, shown, fmt, as_json, output)
        return
    if diff:
        change = diff_chosen(entries, *(pair or (None, None)))
        emit(
            fmt=fmt,
            as_json=as_json,
            output=output,
            data=lambda: jsondoc.diff_json(change, _scale(ctx)),
            page=lambda: diff_page(change),
        )
        return
    found = trends(entries)
    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        data=lambda: jsondoc.history_json(found),
        page=lambda: history_page(found),
    )


def _number(word: str, what: str) -> int:
    try:
        value = int(word.lstrip("#"))
    except ValueError:
        raise UsageError(f"{what} is a result number from `mlcareer history`, not {word!r}") from None
    if value < 1:
        raise UsageError(f"{what} is a result number from `mlcareer history` (1 or more), not {word!r}")
    return value


def _shown(words: list[str], diff: bool) -> int | None:
    """N from `history show N`; None when the words ask for something else."""
    if not words or words[0] != "show":
        if words and not diff:
            raise UsageError(f"unexpected {' '.join(words)!r}; use `history show N` or `history --diff A B`")
        return None
    if diff:
        raise UsageError("show N shows one result and --diff compares two; give one")
    if len(words) != 2:
        raise UsageError("show takes one result number: `mlcareer history show N`")
    return _number(words[1], "N")


def _pair(words: list[str]) -> tuple[int, int] | None:
    if not words:
        return None
    if len(words) != 2:
        raise UsageError("--diff takes two result numbers (`--diff 3 5`), or none for the last two")
    return _number(words[0], "A"), _number(words[1], "B")


def _show(
    ctx: typer.Context, entries: list[Entry], number: int, fmt: str, as_json: bool, output: Path | None
) -> None:
    """One saved result in full: its answers scored again, with the date it was taken."""
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.quiz import score
    from mlcareer.errors import NotFoundError
    from mlcareer.history.diff import find_entry
    from mlcareer.jsondoc import history as jsondoc_history
    from mlcareer.jsondoc import quiz as jsondoc
    from mlcareer.render import history as render_history
    from mlcareer.render import quiz as render

    entry = find_entry(entries, number)
    data = catalog(ctx)
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
            raise UsageError("--clear asks before it deletes, and stdin is not a terminal; add --yes")
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
