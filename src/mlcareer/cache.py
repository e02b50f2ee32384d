"""A cache of validated catalogs, so later runs skip parsing YAML.

One file per data directory in the user's cache directory, holding the key it was made
for and the catalog as JSON. The key hashes every data file's bytes (and the versions
that shape the model), so the cache is never stale. A corrupt, unreadable or
unwritable cache only costs speed: it is ignored, and rebuilt where it can be.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlcareer.models import Catalog

ENV_CACHE_DIR = "MLCAREER_CACHE_DIR"
FORMAT = 3  # 3: occupations (official figures) in the catalog
# Below this size, rebuilding a cached catalog object by object (no validators to build) is
# the faster way; above it, validating the JSON is. Measured here: the shipped data (80 KB)
# 5-8 ms against 31-37 ms; a 1,000-role pack (2 MB) 214-282 ms against 73-98 ms.
TRUSTED_LIMIT = 512 * 1024


def cache_dir() -> Path:
    """$MLCAREER_CACHE_DIR, else $XDG_CACHE_HOME/mlcareer, else ~/.cache/mlcareer."""
    explicit = os.environ.get(ENV_CACHE_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mlcareer"


def key(extras: tuple[str, ...], files: dict[str, bytes | OSError | None]) -> str | None:
    """A hash of everything the catalog is made from; None when a file could not be read."""
    from mlcareer import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    digest.update(("|".join(extras)).encode())
    for name, raw in sorted(files.items()):
        if isinstance(raw, OSError):
            return None
        digest.update(f"\0{name}\0{-1 if raw is None else len(raw)}\0".encode())
        digest.update(raw or b"")
    return digest.hexdigest()


def _entry(directory: Path) -> Path:
    where = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:24]
    return cache_dir() / f"catalog-{where}.json"


def get(directory: Path, wanted: str) -> Catalog | None:
    """The cached catalog for this directory if it was made from exactly these files.

    The entry carries a hash of its own body: a damaged entry is never trusted.
    """
    try:
        raw = _entry(directory).read_bytes()
        head, _, body = raw.partition(b"\n")
        meta = json.loads(head)
        if meta.get("format") != FORMAT or meta.get("key") != wanted:
            return None
        if meta.get("body") != hashlib.sha256(body).hexdigest():
            return None
        from mlcareer.models import Catalog, from_trusted

        if len(body) > TRUSTED_LIMIT:
            # A large pack: pydantic's compiled validator outruns rebuilding objects in Python.
            from mlcareer.interrupts import critical

            with critical():
                return Catalog.model_validate_json(body)
        return from_trusted(Catalog, json.loads(body))
    except Exception:
        return None


def put(directory: Path, made_from: str, catalog: Catalog) -> None:
    """Store a catalog; any failure (read-only, full disk) is silently only a missed speed-up."""
    target = _entry(directory)
    from mlcareer.interrupts import critical

    with critical():
        body = catalog.model_dump_json().encode()
    head = json.dumps({"format": FORMAT, "key": made_from, "body": hashlib.sha256(body).hexdigest()})
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".catalog-", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(head.encode() + b"\n" + body)
        os.replace(tmp, target)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
