"""A cache of validated catalogs, so later runs skip parsing YAML.

One file per data directory (and user) in the user's cache directory, holding the key it
was made for and the catalog as JSON. The key hashes every data file's bytes (and the
versions that shape the model), so the cache is never stale. A corrupt, unreadable or
unwritable cache only costs speed: it is ignored, and rebuilt where it can be.

An entry is rebuilt without validation, so it must hold exactly what validation produced:
the catalog as plain records (``mlcareer.records``), made from the field layout the models
wrote beside it, so a cached run imports no pydantic.
Each entry carries an HMAC of its key and body, made with a random per-user secret kept
beside the entries (a regular file of the user's own, mode 0600, never a link). Anyone who
can write the cache directory but is not the user cannot make an entry that passes: an
entry whose MAC does not check, a secret that is not the user's own, an entry that is not a
regular file of the user's or is larger than it says, all mean "no cache", never trust.
"""

from __future__ import annotations

import hmac
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from mlcareer import datafiles

if TYPE_CHECKING:
    from mlcareer.models import Catalog

FORMAT = datafiles.CACHE_FORMAT
SECRET_BYTES = 32
MAX_HEAD = 4096
MAX_BODY = 256 * 1024 * 1024


def cache_dir() -> Path | None:
    """Where the cache lives (``mlcareer.datafiles.cache_dir``); None: no cache."""
    where = datafiles.cache_dir()
    return None if where is None else Path(where)


def key(extras: tuple[str, ...], files: dict[str, bytes | OSError | None]) -> str | None:
    """A hash of everything the catalog is made from; None when a file could not be read."""
    read: dict[str, bytes | None] = {}
    for name, raw in files.items():
        if isinstance(raw, OSError):
            return None
        read[name] = raw
    return datafiles.cache_key(extras, read)


def _entry(where: Path, directory: Path) -> Path:
    return where / datafiles.entry_name(str(directory), ".json")


def _own_regular(st: os.stat_result, private: bool) -> bool:
    """A regular file of this user's, with one name; ``private``: no one else may read it."""
    mine = stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid() and st.st_nlink == 1
    return mine and not st.st_mode & (0o077 if private else 0o022)


def _read_own(path: Path, limit: int, private: bool = False) -> bytes | None:
    """A file of this user's, read without following a link or blocking, if it is at most ``limit``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not _own_regular(st, private) or st.st_size > limit:
            return None
        data = os.read(fd, st.st_size + 1)
        while len(data) < st.st_size:
            more = os.read(fd, st.st_size + 1 - len(data))
            if not more:
                break
            data += more
        return data if len(data) == st.st_size else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _secret(where: Path, create: bool) -> bytes | None:
    """This user's secret for MACs: read, or made when ``create`` and there is none.

    A secret of the user's own that is the wrong size (empty: cut short by a crash or a full
    disk as it was made) is made again, or the cache would stay off for good. A file that is
    not the user's own private regular file is never trusted and never replaced.
    """
    path = where / f"secret-{os.geteuid()}"
    secret = _read_own(path, SECRET_BYTES, private=True)
    if secret is not None and len(secret) == SECRET_BYTES:
        return secret
    if not create:
        return None
    if os.path.lexists(path) and not _own_private_file(path):
        return None
    made = os.urandom(SECRET_BYTES)
    from mlcareer.files import replace_file

    try:
        replace_file(path, made, prefix=".secret-")  # whole or not at all; mode 0600
    except OSError:
        return None
    return made


def _own_private_file(path: Path) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return _own_regular(st, private=True)


def _mac(secret: bytes, made_from: str, body: bytes) -> str:
    return hmac.new(secret, f"{FORMAT}\0{made_from}\0{len(body)}\0".encode() + body, "sha256").hexdigest()


def get(directory: Path, wanted: str) -> Catalog | None:
    """The cached catalog for this directory if this user's cache made it from exactly these files."""
    try:
        where = cache_dir()
        if where is None:
            return None
        raw = _read_own(_entry(where, directory), MAX_HEAD + MAX_BODY)
        if raw is None:
            return None
        head, _, body = raw[:MAX_HEAD].partition(b"\n")
        meta = json.loads(head)
        body = raw[len(head) + 1 :]
        if meta.get("format") != FORMAT or meta.get("key") != wanted or meta.get("size") != len(body):
            return None
        secret = _secret(where, create=False)
        if secret is None or not hmac.compare_digest(str(meta.get("mac")), _mac(secret, wanted, body)):
            return None
        from mlcareer.records import rebuild

        entry = json.loads(body)
        return rebuild(entry["layout"], entry["catalog"])  # type: ignore[no-any-return]
    except Exception:
        return None


def _json(value: object) -> bytes:
    """``value`` as compact JSON in UTF-8, which ``json.loads`` reads back equal.

    pydantic-core's encoder (already loaded: a catalog is stored only after it was validated)
    takes half the time of the json module's on a big pack; NaN and infinities are written as
    the json module writes them. Text it cannot encode (a lone surrogate) goes to the json
    module, which escapes it.
    """
    from pydantic_core import PydanticSerializationError, to_json

    try:
        return to_json(value, inf_nan_mode="constants")
    except PydanticSerializationError:
        return json.dumps(value, separators=(",", ":")).encode()


def put(directory: Path, made_from: str, catalog: Catalog) -> None:
    """Store a catalog; any failure (read-only, full disk) is silently only a missed speed-up."""
    where = cache_dir()
    if where is None:
        return
    from mlcareer.interrupts import critical
    from mlcareer.models import layout
    from mlcareer.records import positional

    with critical():
        shape = layout()
        body = _json({"layout": shape, "catalog": positional(shape, catalog)})
    from mlcareer.files import replace_file

    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = _entry(where, directory)
        secret = _secret(where, create=True)
        if secret is None:
            return
        head = json.dumps(
            {"format": FORMAT, "key": made_from, "size": len(body), "mac": _mac(secret, made_from, body)}
        )
        replace_file(target, head.encode() + b"\n" + body, prefix=".catalog-")  # private: 0600
    except OSError:
        pass
