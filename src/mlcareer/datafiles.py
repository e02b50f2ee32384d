"""The one list of a data pack's files, their size limit, and the cache format and key made from them.

The loader (``pack.catalog``), the catalog cache (``pack.cache``) and Tab completion's index
(``pack.fastindex``, read before anything heavy loads) all import this module, so adding a
data file is one entry here, plus its model and its checks. Standard library only, and only
its light modules: a Tab press imports it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from mlcareer.named import NamedTuple


class FileSpec(NamedTuple):
    """A data file: the top-level keys it holds, and where they go in the Catalog."""

    name: str
    keys: tuple[str, ...]
    required: bool
    section: str | None = None  # nest the keys under this Catalog field


FILES = (
    FileSpec("sources.yaml", ("sources",), required=True),
    FileSpec("levels.yaml", ("levels",), required=False),
    FileSpec("skills.yaml", ("scale", "skills"), required=True),
    FileSpec("credentials.yaml", ("credentials",), required=False),
    FileSpec("roles.yaml", ("roles",), required=True),
    FileSpec("salaries.yaml", ("figures", "premiums", "factors"), required=False, section="salaries"),
    FileSpec("quiz.yaml", ("interest_scale", "questions"), required=False, section="quiz"),
    FileSpec(
        "expectations.yaml",
        ("wording", "default_grade", "family", "profession", "ceilings", "speciality", "readiness"),
        required=False,
        section="expectations",
    ),
    FileSpec("plan.yaml", ("builds_on",), required=False, section="plan"),
    FileSpec("occupations.yaml", ("occupations",), required=False),
)
NAMES = tuple(spec.name for spec in FILES)
SUFFIXES = (".yaml", ".yml")  # a file with one of these that is not a data file is reported

MAX_BYTES = 16 * 1024 * 1024  # larger data files are refused unread

#: The cache's format: 3, occupations (official figures) in the catalog; 4, entries carry their
#: size and a MAC; 5, level ceilings, specialities, bullet-scoped and level statements said of
#: named roles; 6, the catalog as positional records, with the field layout the models wrote
#: (``mlcareer.records``). Part of the key, so entries of another format are never read.
CACHE_FORMAT = 6


def named(stem: str) -> str:
    """The file name of the data file ``stem`` ('quiz' -> the quiz's file), for messages."""
    for name in NAMES:
        if name.partition(".")[0] == stem:
            return name
    raise KeyError(stem)


def extras(names: list[str]) -> tuple[str, ...]:
    """The YAML files among ``names`` that are no data file (a typo, usually), sorted."""
    return tuple(sorted(n for n in names if os.path.splitext(n)[1] in SUFFIXES and n not in NAMES))


def cache_key(odd: tuple[str, ...], files: Mapping[str, bytes | None]) -> str:
    """A hash of everything a catalog is made from: the format, the versions, the stray YAML
    files' names (``odd``) and every data file's bytes (None: the file is not there)."""
    import hashlib  # here: a run that needs no key (mlcareer --help) loads no OpenSSL

    from mlcareer import __version__

    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    digest.update(os.fsencode("|".join(odd)))  # file names may be any bytes
    for name, raw in sorted(files.items()):
        digest.update(f"\0{name}\0{-1 if raw is None else len(raw)}\0".encode())
        digest.update(raw or b"")
    return digest.hexdigest()


def entry_name(directory: str, suffix: str) -> str:
    """The name of this user's cache entry for a data directory ('.json': the catalog, '.ids': the index)."""
    import hashlib

    name = hashlib.sha256(os.fsencode(os.path.realpath(directory))).hexdigest()[:24]
    return f"catalog-{os.geteuid()}-{name}{suffix}"


def grammar_name() -> str:
    """The name of this user's recording of the command line's grammar and help, in the cache."""
    return f"grammar-{os.geteuid()}.json"


def cache_dir() -> str | None:
    """$MLCAREER_CACHE_DIR, else $XDG_CACHE_HOME/mlcareer, else ~/.cache/mlcareer; None: no cache.

    A relative XDG_CACHE_HOME is ignored, as the XDG spec says, and so is a relative
    MLCAREER_CACHE_DIR (it would be another directory in every working directory); with no
    home directory there is no cache (rather than a directory literally named ``~``).
    """
    explicit = os.environ.get("MLCAREER_CACHE_DIR")
    if explicit and os.path.isabs(explicit):
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "mlcareer")
    from mlcareer.files import user_home  # light: the standard library and mlcareer's base

    home = user_home()
    return None if home is None else os.path.join(home, ".cache", "mlcareer")


def shipped_data_dir() -> str:
    """The data that ships inside the package (or, in a source checkout, the repo's data/)."""
    here = os.path.dirname(os.path.realpath(__file__))  # the mlcareer package
    packaged = os.path.join(here, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data")
