"""The index of role and skill ids that Tab completion answers from, beside the catalog cache.

Full runs write it (:func:`write_index`, called by the command layer after a load that built
the catalog); a Tab press reads it back (:func:`read_index`) before Typer loads, trusting it
only when it was made from exactly the data files in use: the files, their size limit and
the cache key are ``mlcareer.datafiles``'s, the loader's own.
Like :mod:`mlcareer.fastcomplete`, only the standard library's light modules are imported
at the top: this runs on every Tab press.
"""

from __future__ import annotations

import hashlib
import json
import os

from mlcareer.datafiles import (
    MAX_BYTES,
    NAMES,
    cache_dir,
    cache_key,
    entry_name,
    grammar_name,
    shipped_data_dir,
)

__all__ = ["cache_dir", "data_key", "index_path", "read_index", "shipped_data_dir", "write_index"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a Tab press needs none)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

INDEX_FORMAT = 1
_ROLE, _SKILL = "role", "skill"


# ---------------------------------------------------------------- the index, written by full runs


def write_index(directory: Path, key: str, items: dict[str, list[tuple[str, str]]]) -> None:
    """Store the ids (``items``: role and skill, each id with its help) beside the catalog cache.

    The command layer makes the items (``mlcareer.cli.complete``); any failure only costs speed.
    """
    from pathlib import Path

    from mlcareer.files import replace_file

    body = json.dumps({kind: items[kind] for kind in (_ROLE, _SKILL)}).encode()
    head = json.dumps({"format": INDEX_FORMAT, "key": key, "body": hashlib.sha256(body).hexdigest()})
    target = index_path(str(directory))
    if target is None:
        return
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        replace_file(Path(target), head.encode() + b"\n" + body, prefix=".ids-")
    except OSError:
        pass


# ---------------------------------------------------------------- reading it back, before Typer loads


def index_path(directory: str) -> str | None:
    """The index file, named as the catalog cache entry for this directory is (None: no cache)."""
    where = cache_dir()
    return None if where is None else os.path.join(where, entry_name(directory, ".ids"))


def _read_regular(path: str, limit: int, own: bool = False) -> bytes | None:
    """A regular file's bytes (``own``: only this user's, not writable by others), never
    through a FIFO or a device, and never more than ``limit``; None otherwise."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (os.O_NOFOLLOW if own else 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        if own and (st.st_uid != os.geteuid() or st.st_mode & 0o022 or st.st_nlink != 1):
            return None
        with open(fd, "rb", closefd=False) as fh:
            return fh.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def data_key(directory: str) -> str | None:
    """The cache key of a data directory (``mlcareer.datafiles.cache_key`` of its files), or None."""
    if not os.path.isdir(directory):
        return None
    files: dict[str, bytes | None] = {}
    for name in NAMES:
        path = os.path.join(directory, name)
        raw: bytes | None = None
        if os.path.lexists(path):
            raw = _read_regular(path, MAX_BYTES + 1)  # a FIFO would block a Tab press forever
            if raw is None:
                return None  # the caller falls back to Typer, which reports it
        files[name] = raw
    from mlcareer.datafiles import extras

    return cache_key(extras(os.listdir(directory)), files)


def read_index(directory: str) -> dict[str, list[tuple[str, str]]] | None:
    """The ids of this data directory, only if the index was made from exactly its files."""
    path = index_path(directory)
    raw = None if path is None else _read_regular(path, MAX_BYTES, own=True)
    if raw is None:
        return None
    head, _, body = raw.partition(b"\n")
    try:
        meta = json.loads(head)
    except ValueError:
        return None
    if meta.get("format") != INDEX_FORMAT or meta.get("body") != hashlib.sha256(body).hexdigest():
        return None
    if meta.get("key") != data_key(directory):
        return None
    data = json.loads(body)
    out: dict[str, list[tuple[str, str]]] = {}
    for kind in (_ROLE, _SKILL):
        items = data[kind]
        if not all(
            isinstance(i, list) and len(i) == 2 and isinstance(i[0], str) and isinstance(i[1], str)
            for i in items
        ):
            return None
        out[kind] = [(i[0], i[1]) for i in items]
    return out


# ---------------------------------------------------------------- the grammar of the command line
#
# The command line's recording: its grammar (for Tab completion), the program's help (for
# ``mlcareer --help``) and what the fast path parses (``cli.runspec``), all recorded from the real
# Click commands (``mlcareer.cli.index``). mlcareer ships one, made when the code was released
# (``python -m mlcareer.cli.record``; a test checks it is what the commands record now), so even
# the first run after an install is parsed before Typer loads. A run that Typer parsed records
# one in this user's cache where neither is usable: the shipped one was made for another typer
# (a user's own install may pick another version in the range allowed), or the code was changed
# in place.

# 2: with the program's help, as Typer prints it for a terminal of 80 columns or more;
# 3: with what the command line's fast path parses (``cli.runspec``, ``mlcareer.fastrun``);
# 4: the typer it was made with named by its version, so a recording can be shipped
GRAMMAR_FORMAT = 4
#: A command's grammar, as the fast path reads it: its arguments in order (what completes each:
#: "role", "skill" or None), its options that take a value (with what completes them), its flags.
Grammar = tuple[tuple[str | None, ...], dict[str, str | None], frozenset[str]]
#: What a recording is made from, beside ``cli`` and ``commands``: the choices and formats whose
#: names and help the commands' options carry.
_MADE_FROM = ("cli", "commands", "choices.py", "formats.py")
#: The recording shipped with mlcareer, in the package beside this one's parent.
SHIPPED = "recording.json"


def _package() -> str:
    return os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def code_key() -> str:
    """A hash of mlcareer's version and the source of what the recording is made from (the
    declarations in ``cli``, the work in ``commands``, the choices and formats they offer)."""
    from mlcareer import __version__

    package = _package()
    digest = hashlib.sha256(f"{GRAMMAR_FORMAT}|{__version__}".encode())
    for part in _MADE_FROM:
        if part.endswith(".py"):
            names = [part]
        else:
            found = sorted(os.listdir(os.path.join(package, part)))
            names = [f"{part}/{n}" for n in found if n.endswith(".py")]
        for name in names:
            with open(os.path.join(package, name), "rb") as fh:
                digest.update(f"\0{name}\0".encode() + fh.read())
    return digest.hexdigest()


def grammar_path() -> str | None:
    """This user's recording, in the cache (None: no cache)."""
    where = cache_dir()
    return None if where is None else os.path.join(where, grammar_name())


def shipped_path() -> str:
    """The recording shipped with mlcareer."""
    return os.path.join(_package(), SHIPPED)


def recording(
    group_values: list[str],
    commands: dict[str, Grammar],
    help_text: str | None = None,
    run: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A recording as it is stored: what it was made from (format, code, typer) and its contents."""
    return {
        "format": GRAMMAR_FORMAT,
        "key": code_key(),
        "group_values": group_values,
        "help": help_text,
        "typer": typer_stamp(),
        "run": run,
        "commands": {
            name: {"arguments": list(args), "values": values, "flags": sorted(flags)}
            for name, (args, values, flags) in commands.items()
        },
    }


def write_grammar(
    group_values: list[str],
    commands: dict[str, Grammar],
    help_text: str | None = None,
    run: dict[str, Any] | None = None,
) -> None:
    """Store the command line's recording in this user's cache: the grammar, recorded from the
    real commands by the command layer (``mlcareer.cli.index.record_grammar``), with the
    program's help as Typer prints it (``help_text``) and what the fast path parses (``run``:
    ``cli.runspec``); any failure only costs speed."""
    from pathlib import Path

    from mlcareer.files import replace_file

    target = grammar_path()
    if target is None:
        return
    body = recording(group_values, commands, help_text, run)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        replace_file(Path(target), json.dumps(body).encode(), prefix=".grammar-")
    except OSError:
        pass


def _recorded() -> dict[str, Any] | None:
    """The first usable recording, the shipped one or this user's: recorded in this format from
    exactly the code and the typer in use. None if neither is (missing, unreadable, damaged,
    stale).

    Two usable recordings are the same recording (the same code and typer made both), so the
    shipped one is read first: an upgraded user's cache holds one made by older code, which
    would otherwise be read and refused on every run.
    """
    made_from: tuple[str, list[object] | None] | None = None  # worked out once, when needed
    for path, own in ((shipped_path(), False), (grammar_path(), True)):
        # This user's cache holds only files this user made; the shipped one is as trusted as the code.
        raw = None if path is None else _read_regular(path, MAX_BYTES, own=own)
        if raw is None:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(data, dict) or data.get("format") != GRAMMAR_FORMAT:
            continue
        if made_from is None:
            made_from = (code_key(), typer_stamp())
        if (data.get("key"), data.get("typer")) == made_from:
            return data
    return None


def read_grammar() -> tuple[tuple[str, ...], dict[str, Grammar]] | None:
    """The group's options that take a value and every command's grammar, only if they were
    recorded from exactly the code and the typer in use; None otherwise."""
    data = _recorded()
    if data is None:
        return None
    try:
        commands: dict[str, Grammar] = {
            str(name): (
                tuple(None if a is None else str(a) for a in spec["arguments"]),
                {str(k): None if c is None else str(c) for k, c in spec["values"].items()},
                frozenset(str(f) for f in spec["flags"]),
            )
            for name, spec in data["commands"].items()
        }
        return tuple(str(o) for o in data["group_values"]), commands
    except (ValueError, TypeError, KeyError, AttributeError, OSError):
        return None


def typer_stamp() -> list[object] | None:
    """The installed typer, by its version, read from its ``__init__.py`` without importing it:
    a recording is used only while the typer it was made with parses and formats help."""
    for entry in __import__("sys").path:
        try:
            with open(os.path.join(entry or ".", "typer", "__init__.py"), "rb") as fh:
                head = fh.read(4096)
        except OSError:
            continue
        for line in head.splitlines():
            name, equals, value = line.partition(b"=")
            if equals and name.strip() == b"__version__":
                return ["typer", value.strip().strip(b"\"'").decode("ascii", "replace")]
        return None
    return None


def read_help() -> str | None:
    """The program's help (``mlcareer --help``) recorded from the real group, only if it was
    recorded from exactly the code and the typer in use; None otherwise."""
    data = _recorded()
    text = None if data is None else data.get("help")
    return text if isinstance(text, str) else None


#: Set when ``read_run`` found a recording it could not use (made from other code, another
#: typer, damaged): the run that Typer then parses records it afresh (``cli.app``).
unusable_run: list[bool] = []


def read_run() -> dict[str, Any] | None:
    """What the command line's fast path parses (``cli.runspec``), only if it was recorded from
    exactly the command modules and the typer in use; None otherwise."""
    data = _recorded()
    if data is None:
        unusable_run.append(True)
        return None
    run = data.get("run")
    return run if isinstance(run, dict) and run else None  # empty: nothing it can parse
