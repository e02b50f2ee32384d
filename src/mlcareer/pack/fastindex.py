"""The index of role and skill ids that Tab completion answers from, beside the catalog cache.

Full runs write it (:func:`write_index`); a Tab press reads it back (:func:`read_index`)
before Typer loads, trusting it only when it was made from exactly the data files in use.
Like :mod:`mlcareer.fastcomplete`, only the standard library's light modules are imported
at the top: this runs on every Tab press.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from mlcareer.models import Catalog

INDEX_FORMAT = 1
_ROLE, _SKILL = "role", "skill"

# Mirrors mlcareer.pack.catalog.FILES and mlcareer.pack.cache.key (tests hold them equal).
DATA_FILES = (
    "sources.yaml",
    "levels.yaml",
    "skills.yaml",
    "credentials.yaml",
    "roles.yaml",
    "salaries.yaml",
    "quiz.yaml",
    "expectations.yaml",
    "plan.yaml",
    "occupations.yaml",
)
MAX_BYTES = 16 * 1024 * 1024
CACHE_FORMAT = 6


# ---------------------------------------------------------------- the index, written by full runs


def help_line(text: str) -> str:
    """A title made safe for a completion menu: one line, printable, no Rich markup."""
    from mlcareer.terminal.console import escape_markup

    line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return escape_markup(line[:80])


def role_items(catalog: Catalog) -> list[tuple[str, str]]:
    """Every role id with its title, as the completion menu shows them."""
    return [(r.id, help_line(r.title)) for r in catalog.roles]


def skill_items(catalog: Catalog) -> list[tuple[str, str]]:
    """Every skill id with its name, as the completion menu shows them."""
    return [(s.id, help_line(s.name)) for s in catalog.skills]


def write_index(directory: Path, key: str, catalog: Catalog) -> None:
    """Store the ids beside the catalog cache; any failure only costs speed."""
    from pathlib import Path

    from mlcareer.files import replace_file

    body = json.dumps({_ROLE: role_items(catalog), _SKILL: skill_items(catalog)}).encode()
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


def cache_dir() -> str | None:
    """As mlcareer.pack.cache.cache_dir(): a relative XDG_CACHE_HOME or MLCAREER_CACHE_DIR is ignored."""
    explicit = os.environ.get("MLCAREER_CACHE_DIR")
    if explicit and os.path.isabs(explicit):
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "mlcareer")
    home = os.path.expanduser("~")  # "~" itself when there is no home: never a relative path
    return os.path.join(home, ".cache", "mlcareer") if os.path.isabs(home) else None


def index_path(directory: str) -> str | None:
    """The index file, named as the catalog cache entry for this directory is (None: no cache)."""
    where = cache_dir()
    if where is None:
        return None
    name = hashlib.sha256(os.fsencode(os.path.realpath(directory))).hexdigest()[:24]
    return os.path.join(where, f"catalog-{os.geteuid()}-{name}.ids")


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
    """The cache key of a data directory (as mlcareer.pack.cache.key of its files), or None."""
    from mlcareer import __version__

    if not os.path.isdir(directory):
        return None
    known = set(DATA_FILES)
    extras = sorted(
        name
        for name in os.listdir(directory)
        if os.path.splitext(name)[1] in (".yaml", ".yml") and name not in known
    )
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    digest.update(os.fsencode("|".join(extras)))
    for name in sorted(DATA_FILES):
        path = os.path.join(directory, name)
        raw: bytes | None = None
        if os.path.lexists(path):
            raw = _read_regular(path, MAX_BYTES + 1)  # a FIFO would block a Tab press forever
            if raw is None:
                return None  # the caller falls back to Typer, which reports it
        digest.update(f"\0{name}\0{-1 if raw is None else len(raw)}\0".encode())
        digest.update(raw or b"")
    return digest.hexdigest()


def shipped_data_dir() -> str:
    """As mlcareer.pack.catalog.shipped_data_dir()."""
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the mlcareer package
    packaged = os.path.join(here, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data")


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
