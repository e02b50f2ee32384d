"""Output of every command: one result in its format, JSON, files written whole, errors and notices."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlcareer.choices import Format
from mlcareer.cli.options import state
from mlcareer.errors import DataError, MlcareerError, OutputError, UsageError

if TYPE_CHECKING:
    from mlcareer.render.view import Page


def emit(
    *,
    fmt: str,
    as_json: bool = False,
    output: Path | None = None,
    data: Callable[[], Any],
    page: Callable[[], Page] | None = None,
    text: Callable[[], object] | None = None,
    mermaid: Callable[[], str] | None = None,
) -> None:
    """Print (or write to ``output``) one result in the chosen format.

    ``data`` builds the JSON document. A view described as a ``page`` (``render.view``) has
    every format of a page (``mlcareer.formats``); ``text`` draws a terminal-only form of the
    same result instead of the page's text (the role overview, the fast role list, the result
    of `validate`), and ``mermaid`` the path's diagram. Only the builder for the format asked
    runs, and builders import what their format needs (a JSON run loads no Rich, a text run no
    JSON builders). A file is written whole or not at all.
    """
    from mlcareer.formats import DOCUMENTS

    offered = [Format.text, Format.json]
    offered += list(DOCUMENTS) if page else []
    offered += [Format.mermaid] if mermaid else []
    if as_json and Format(fmt) not in (Format.text, Format.json):
        raise UsageError(f"--json and --format {Format(fmt).value} ask for two formats; give one")
    fmt = Format.json if as_json else Format(fmt)
    if fmt not in offered:
        names = ", ".join(f.value for f in offered)
        raise UsageError(f"this command has no {fmt.value} output; use --format {names}")
    if fmt is Format.json:
        body = json_text(data())
    elif fmt in DOCUMENTS and page is not None:
        body = DOCUMENTS[fmt](page())
    elif fmt is Format.mermaid and mermaid is not None:
        body = mermaid()
    else:
        shown = _terminal(page, text)
        if output is None:
            from mlcareer.terminal import console

            console.show(shown, paged=paging())
            return
        from mlcareer.terminal.console import plain_text

        body = plain_text(shown)
    if output is None and fmt is not Format.json and paging():
        from mlcareer.terminal.console import page_text

        page_text(body)
    elif output is None:
        from mlcareer.files import write_stdout

        write_stdout(body)
    else:
        write_file(output, body)


def _terminal(page: Callable[[], Page] | None, text: Callable[[], object] | None) -> object:
    if text is not None:
        return text()
    assert page is not None
    from mlcareer.render import to_text

    return to_text.page(page())


def paging() -> bool:
    """Whether text results go through the pager: on a terminal, unless --no-pager."""
    from mlcareer.terminal.console import wants_pager

    return state().pager and wants_pager()


#: The version of every JSON document mlcareer prints: raised when a key is added, goes or changes
#: meaning (the schemas in docs/schemas are closed, so they describe one version exactly).
JSON_SCHEMA_VERSION = 3


def json_text(data: Any) -> str:
    """Indented JSON, led by ``schema_version``; ASCII-escaped unless stdout takes UTF-8."""
    import json  # here, not at the top: `mlcareer --help` needs none of it

    from mlcareer.terminal.console import is_utf

    if isinstance(data, dict):
        data = {"schema_version": JSON_SCHEMA_VERSION, **data}
    utf = is_utf(sys.stdout)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if not text.isascii():  # escape what json.dumps leaves raw: bidi overrides, C1 controls
        text = "".join(_json_char(c, utf) for c in text)
    return text + "\n"


def _json_char(c: str, utf: bool) -> str:
    """One character of JSON text, as written: escaped unless printable (and ASCII when not ``utf``).

    A byte of a file name that is not UTF-8 (a lone surrogate) becomes the text ``\\xNN``, as in
    messages: a lone surrogate is not valid Unicode, and strict JSON readers refuse it.
    """
    import json

    if "\udc80" <= c <= "\udcff":
        return f"\\\\x{ord(c) - 0xDC00:02x}"
    if c == "\n" or (c.isprintable() and (utf or c.isascii())):
        return c
    return json.dumps(c)[1:-1]  # \uXXXX (a surrogate pair beyond the BMP)


def check_writable(path: Path) -> None:
    """Raise MlcareerError unless ``path`` can be written (``-`` is stdout)."""
    from mlcareer.files import destination

    _protect_run_files()
    destination(path)


def write_file(path: Path, body: str) -> None:
    """Write ``body`` to ``path``: whole or not at all for a regular file; see mlcareer.files."""
    from mlcareer.files import shown, write

    _protect_run_files()
    where = write(path, body)
    if where.how != "stdout":
        notice(f"Wrote {shown(path)}")


def _protect_run_files() -> None:
    """Never write over the history database (nor its journals) or a data file of this run.

    Files the run reads are protected as they are read (``mlcareer.files.protect``); these
    may not have been read yet, or not at all (a cached catalog), so they are named here.
    """
    from mlcareer.files import protect
    from mlcareer.history.store import database_path
    from mlcareer.pack.catalog import FILES, resolve_data_dir

    try:
        database: Path | None = database_path()
    except MlcareerError:
        database = None
    if database is not None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            protect(Path(f"{database}{suffix}"), "your history database", by_name=True)
    directory = resolve_data_dir(state().data_dir)
    for spec in FILES:
        protect(directory / spec.name, "a data file of this run")


def notice(message: str) -> None:
    """A one-line notice on stderr (never mixed into results)."""
    from mlcareer.terminal import console

    console.notice(message)


def print_json(data: Any) -> None:
    """JSON on stdout, never through Rich (which would wrap it)."""
    from mlcareer.files import write_stdout

    write_stdout(json_text(data))


def show(renderable: object) -> None:
    """Print one renderable on stdout."""
    from mlcareer.terminal import console

    console.show(renderable)


def report_error(exc: MlcareerError) -> None:
    """'Error: ...' on stderr; a data error lists each problem on its own line."""
    from mlcareer.terminal import console

    if isinstance(exc, OutputError) and exc.quiet:
        return
    if isinstance(exc, DataError) and exc.total > 1:
        console.error(f"{exc.total:,} problems in {exc.where}:", [str(p) for p in exc.problems])
    else:
        console.error(str(exc))
