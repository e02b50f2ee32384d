"""Output of every command: one result in its format, JSON, files written whole, errors and notices."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mlcareer.choices import Format
from mlcareer.commands.state import state
from mlcareer.errors import DataError, Failed, MlcareerError, OutputError, UsageError


def emit(result: object, fmt: str, output: Path | None = None, *, as_json: bool = False) -> None:
    """Print (or write to ``output``) one result in the chosen format: the one output path.

    The result's entry in ``mlcareer.outputs`` names its builders: the JSON document, the
    page that every document format draws (``mlcareer.formats``), and a terminal form or a
    diagram where it has one. Only the builder for the format asked is imported and run (a
    JSON run loads no Rich, a text run no JSON builders). A file is written whole or not at all.
    """
    from mlcareer.formats import DOCUMENTS, document, resolve
    from mlcareer.outputs import output_of

    entry = output_of(result)
    if as_json and Format(fmt) not in (Format.text, Format.json):
        raise UsageError(f"--json and --format {Format(fmt).value} ask for two formats; give one")
    chosen = Format.json if as_json else Format(fmt)
    if chosen not in entry.formats:
        names = ", ".join(f.value for f in entry.formats)
        raise UsageError(f"this command has no {chosen.value} output; use --format {names}")
    if chosen is Format.json:
        body = json_text(resolve(entry.json)(result))
    elif chosen in DOCUMENTS and entry.page is not None:
        body = document(chosen, resolve(entry.page)(result))
    elif chosen is Format.mermaid and entry.mermaid is not None:
        body = resolve(entry.mermaid)(result)
    else:
        _show_text(entry.text or entry.page, entry.text is not None, result, output)
        return
    _write(body, output, paged=chosen is not Format.json)


def _show_text(builder: str | None, own: bool, result: object, output: Path | None) -> None:
    """The result as text: its own terminal form, else its page drawn by ``render.to_text``."""
    from mlcareer.formats import resolve

    assert builder is not None, "a result shown as text has a page or a text builder"
    shown = resolve(builder)(result)
    if not own:
        from mlcareer.render import to_text

        shown = to_text.page(shown)
    if output is None:
        from mlcareer.terminal import console

        console.show(shown, paged=paging())
        return
    from mlcareer.terminal.console import plain_text

    _write(plain_text(shown), output, paged=False)


def _write(body: str, output: Path | None, *, paged: bool) -> None:
    """A whole document to stdout (through the pager for text, when paging), or to ``output``."""
    if output is None and paged and paging():
        from mlcareer.terminal.console import page_text

        page_text(body)
    elif output is None:
        from mlcareer.stdout import write_stdout

        write_stdout(body)
    else:
        write_file(output, body)


def paging() -> bool:
    """Whether text results go through the pager: on a terminal, unless --no-pager."""
    from mlcareer.terminal.console import wants_pager

    return state().pager and wants_pager()


def json_text(data: Any) -> str:
    """Indented JSON, led by ``schema_version``; ASCII-escaped unless stdout takes UTF-8."""
    import json  # here, not at the top: `mlcareer --help` needs none of it

    from mlcareer.jsondoc import SCHEMA_VERSION
    from mlcareer.terminal.console import is_utf

    if isinstance(data, dict):
        data = {"schema_version": SCHEMA_VERSION, **data}
    utf = is_utf(sys.stdout)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if not text.isascii():  # escape what json.dumps leaves raw: bidi overrides, C1 controls
        import re

        # Only what is not a newline or printable ASCII can need escaping: a pattern finds those
        # (a document is tens of thousands of characters; a call for each took longer than the rest).
        text = re.sub(r"[^\n\x20-\x7e]", lambda found: _json_char(found.group(), utf), text)
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
    from mlcareer.datafiles import NAMES
    from mlcareer.files import protect
    from mlcareer.history.store import database_path
    from mlcareer.pack.catalog import resolve_data_dir

    try:
        database: Path | None = database_path()
    except MlcareerError:
        database = None
    if database is not None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            protect(Path(f"{database}{suffix}"), "your history database", by_name=True)
    directory = resolve_data_dir(state().data_dir)
    for name in NAMES:
        protect(directory / name, "a data file of this run")


def notice(message: str) -> None:
    """A one-line notice on stderr (never mixed into results)."""
    from mlcareer.terminal import console

    console.notice(message)


def report_error(exc: MlcareerError) -> None:
    """'Error: ...' on stderr; a data error lists each problem on its own line."""
    from mlcareer.terminal import console

    if (isinstance(exc, OutputError) and exc.quiet) or isinstance(exc, Failed):
        return
    if isinstance(exc, DataError) and exc.total > 1:
        console.error(f"{exc.total:,} problems in {exc.where}:", [str(p) for p in exc.problems])
    else:
        console.error(str(exc))
