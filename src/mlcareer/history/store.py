"""The SQLite store of finished quizzes (trends and diffs are in history_diff).

The database lives in the user's data directory: ``$MLCAREER_HOME``, else
``$XDG_DATA_HOME/mlcareer``, else ``~/.local/share/mlcareer``. Its schema version is
``PRAGMA user_version``. Each save is one ``BEGIN IMMEDIATE`` transaction with a busy
timeout, so saves from two processes at once both land.

A database that cannot be read (not SQLite, a newer schema, no permission) is reported
and left alone: an existing file is only ever opened, never created, truncated,
recreated or deleted; the only writes are an insert on save and a delete of the rows
on ``history clear``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mlcareer.errors import MlcareerError

if TYPE_CHECKING:
    pass
from mlcareer.history.entry import Entry, _entry

ENV_HOME = "MLCAREER_HOME"
FILE_NAME = "history.sqlite3"
SCHEMA_VERSION = 2  # 1: results; 2: and plan_progress
BUSY_SECONDS = 10.0

_SCHEMA = """
CREATE TABLE results (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL,
    role TEXT NOT NULL,
    role_title TEXT NOT NULL,
    readiness INTEGER,
    level TEXT,
    quick INTEGER NOT NULL,
    skills TEXT NOT NULL,
    answers TEXT NOT NULL
)
"""
# Each step of a plan marked done, by target role; kept apart from results so a new quiz
# (or `history clear`) never loses it.
_SCHEMA_2 = """
CREATE TABLE plan_progress (
    role TEXT NOT NULL,
    step TEXT NOT NULL,
    done_at TEXT NOT NULL,
    PRIMARY KEY (role, step)
)
"""


class HistoryError(MlcareerError):
    """The history database cannot be read or written; it was left as it was."""


def data_home() -> Path:
    """The directory mlcareer keeps its data in; HistoryError when there is no home to put it in."""
    from mlcareer.files import expand_user, user_home

    env = os.environ.get(ENV_HOME)
    if env:
        expanded = expand_user(env)
        if expanded is None:
            raise HistoryError(f"{ENV_HOME} starts with ~, and there is no home directory to expand it to")
        if not expanded.is_absolute():  # it would name another directory in every other directory
            from mlcareer.files import shown

            raise HistoryError(
                f"{ENV_HOME} is a relative path ({shown(env)}); set it to an absolute one, such as "
                f'"$PWD/{shown(env)}"'
            )
        return expanded
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "mlcareer"
    home = user_home()
    if home is None:
        raise HistoryError(
            f"no home directory to keep the history in ({home_missing()} and the user has no "
            f"entry in the password database); set {ENV_HOME} to a directory"
        )
    return home / ".local" / "share" / "mlcareer"


def home_missing() -> str:
    """Why $HOME gives no home directory, in words."""
    from mlcareer.files import shown

    value = os.environ.get("HOME")
    if value is None:
        return "HOME is not set"
    if not value:
        return "HOME is empty"
    return f"HOME is not an absolute path ({shown(value)})"


def database_path() -> Path:
    return data_home() / FILE_NAME


class Store:
    """The history database at ``path``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else database_path()
        self.damaged: list[str] = []  # results the last load() left out, and why
        self.unreadable: dict[int, str] = {}  # their numbers, and why

    # -- opening ---------------------------------------------------------------

    def _problem(self, what: str) -> HistoryError:
        return HistoryError(f"history database {self.path}: {what}; it was left unchanged")

    def _stat(self) -> os.stat_result | None:
        """The file's status (None if there is none); HistoryError for anything but a regular file."""
        try:
            st = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            if os.path.islink(self.path):
                raise self._problem(
                    f"is a symbolic link to {os.readlink(self.path)!r}, which does not exist"
                ) from None
            return None
        except OSError as exc:
            from mlcareer.files import why

            raise self._problem(why(exc, self.path, stat_call=True)) from None
        if stat.S_ISDIR(st.st_mode):
            raise self._problem("is a directory")
        if not stat.S_ISREG(st.st_mode):
            from mlcareer.files import kind_of

            raise self._problem(f"is {kind_of(st.st_mode)}, not a regular file")
        return st

    def _writable(self) -> bool:
        """Whether SQLite can write here: the file, and its directory for the journal."""
        return os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK | os.X_OK)

    @contextmanager
    def _open(self, write: bool) -> Iterator[sqlite3.Connection | None]:
        """A connection, or None when there is no database yet and ``write`` is False.

        Reading opens the file read-write whenever it can be written: a save cut short by a
        crash leaves a "hot" journal that only a read-write connection rolls back, so a
        read-only one would report the file as read-only forever.
        """
        st = self._stat()
        if st is None and not write:
            yield None
            return
        if st is not None:
            access = os.R_OK | (os.W_OK if write else 0)
            if not os.access(self.path, access):
                raise self._problem("permission denied")
            mode = "rw" if write or self._writable() else "ro"
            if mode == "ro" and _hot_journal(self.path):
                raise self._problem(
                    "a save was cut short (a crash?) and its journal can only be rolled back with "
                    f"permission to write the file and {self.path.parent}"
                )
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HistoryError(f"cannot create {self.path.parent}: {exc.strerror or exc}") from None
            mode = "rwc"
        uri = f"{self.path.absolute().as_uri()}?mode={mode}"
        try:
            con = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._problem(_reason(exc)) from None
        try:
            yield con
        except sqlite3.Error as exc:
            raise self._problem(_reason(exc)) from None
        finally:
            con.close()

    def _version(self, con: sqlite3.Connection) -> int:
        """The schema version; 0 for a new, empty database. Raise for anything else."""
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise self._problem(
                f"was written by a newer mlcareer (schema {version}; this version reads up to "
                f"{SCHEMA_VERSION}); upgrade mlcareer, or set {ENV_HOME} to use another directory"
            )
        if version == 0 and con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise self._problem("is not an mlcareer history database")
        return version

    # -- operations -------------------------------------------------------------

    def check(self) -> None:
        """Raise HistoryError unless the database is usable, or missing and can be created."""
        if self._stat() is None:
            existing = next(p for p in self.path.parents if os.path.exists(p))
            if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
                raise HistoryError(f"cannot create {self.path}: {existing} is not a writable directory")
            return
        with self._open(write=False) as con:
            if con is not None:
                if self._version(con):
                    con.execute("SELECT count(*) FROM results").fetchone()
                if not os.access(self.path, os.W_OK):
                    raise self._problem("is read-only")
                if not os.access(self.path.parent, os.W_OK | os.X_OK):
                    raise self._problem(f"cannot be saved to: {self.path.parent} is read-only")

    def save(self, entry: Entry) -> int:
        """Add one result in one transaction; return its id."""
        with self._open(write=True) as con:
            assert con is not None
            con.execute("BEGIN IMMEDIATE")
            try:
                self._migrate(con)
                cursor = con.execute(
                    "INSERT INTO results (taken_at, role, role_title, readiness, level, quick,"
                    " skills, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        entry.taken_at,
                        entry.role,
                        entry.role_title,
                        entry.readiness,
                        entry.level,
                        int(entry.quick),
                        json.dumps([s.__dict__ for s in entry.skills]),
                        json.dumps(entry.answers, sort_keys=True),
                    ),
                )
                con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise
            return int(cursor.lastrowid or 0)

    def _migrate(self, con: sqlite3.Connection) -> None:
        """Bring the schema to SCHEMA_VERSION inside the caller's write transaction; keep every row."""
        version = self._version(con)
        if version == 0:
            con.execute(_SCHEMA)
        if version < 2:
            con.execute(_SCHEMA_2)
        if version < SCHEMA_VERSION:
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def progress(self, role: str) -> dict[str, str]:
        """The steps of ``role``'s plan marked done: step id -> when (ISO 8601, UTC)."""
        with self._open(write=False) as con:
            if con is None or self._version(con) < 2:
                return {}
            rows = con.execute("SELECT step, done_at FROM plan_progress WHERE role = ?", (role,)).fetchall()
        return {str(step): str(when) for step, when in rows}

    def mark(self, role: str, step: str, done: bool, when: datetime | None = None) -> bool:
        """Mark a step of ``role``'s plan done (or not); return whether anything changed."""
        return self.mark_steps(role, [step], done, when)[0]

    def mark_steps(
        self, role: str, steps: Sequence[str], done: bool, when: datetime | None = None
    ) -> list[bool]:
        """Mark steps of ``role``'s plan done (or not), all or none; per step, whether it changed."""
        stamp = (when or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        changed: list[bool] = []
        with self._open(write=True) as con:
            assert con is not None
            con.execute("BEGIN IMMEDIATE")
            try:
                self._migrate(con)
                for step in steps:
                    if done:
                        cursor = con.execute(
                            "INSERT OR IGNORE INTO plan_progress (role, step, done_at) VALUES (?, ?, ?)",
                            (role, step, stamp),
                        )
                    else:
                        cursor = con.execute(
                            "DELETE FROM plan_progress WHERE role = ? AND step = ?", (role, step)
                        )
                    changed.append(cursor.rowcount > 0)
                con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise
            return changed

    def load(self) -> list[Entry]:
        """Every saved result, newest first."""
        with self._open(write=False) as con:
            if con is None or self._version(con) == 0:
                return []
            rows = con.execute(
                "SELECT id, taken_at, role, role_title, readiness, level, quick, skills, answers"
                " FROM results ORDER BY id DESC"
            ).fetchall()
        entries = []
        self.damaged = []
        self.unreadable = {}
        for row in rows:
            try:
                entries.append(_entry(row))
            except (ValueError, TypeError, KeyError, RecursionError, OverflowError) as exc:
                self.damaged.append(f"result #{row[0]} cannot be read ({str(exc)[:200]})")
                if isinstance(row[0], int):
                    self.unreadable[row[0]] = str(exc)[:200]
        return entries

    def clear(self) -> int:
        """Delete every saved result (the file stays); return how many."""
        if self._stat() is None:
            return 0
        with self._open(write=True) as con:
            assert con is not None
            con.execute("BEGIN IMMEDIATE")
            try:
                if self._version(con) == 0:
                    con.execute("ROLLBACK")
                    return 0
                count = int(con.execute("DELETE FROM results").rowcount)
                con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise
            return count


def _reason(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "not a database" in text:
        return "is not a readable SQLite database (corrupt, or another kind of file)"
    if "readonly" in text or "read-only" in text:
        return "is read-only"
    if "unable to open" in text:
        return "cannot be opened (check the permissions of the file and its directory)"
    if "locked" in text or "busy" in text:
        return f"is busy (another mlcareer is using it): {text}"
    return text


def _hot_journal(path: Path) -> bool:
    """Whether a rollback journal beside the database holds a transaction to roll back."""
    try:
        return os.stat(f"{path}-journal").st_size > 0
    except OSError:
        return False
