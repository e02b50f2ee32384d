"""The user's files, read and written safely.

Reading: only regular files are read, checked before they are opened (a FIFO would block
forever, a device could stream without end) and again on the open descriptor, and never
more than a given number of bytes.

Examining: :func:`examine` is the one way a path the user gave is looked at before use; it
turns ENAMETOOLONG, EACCES, ELOOP, ENOTDIR... into a one-line :class:`PathError` (exit 1).

Writing (``--output``, ``--report``): a regular file is replaced atomically, by a temporary
file beside it renamed over it, keeping the mode and owner of the file it replaces; a
character device, a FIFO or ``/dev/stdout`` is written in place, since renaming over it
would replace the device or the link; ``-`` is stdout. A symbolic link is followed: the
file it points to is written and the link stays. A file the shell's ``>`` could not write
(no write permission on it) is refused; a file whose identity a rename would change (it has
other hard links, or an owner this user cannot give a new file) is written in place, as
``>`` does. A file the run reads (:func:`protect`) is never written. The temporary file is
removed on any error and on SIGTERM, SIGHUP, SIGQUIT or Ctrl-C.

Standard output is written by :mod:`mlcareer.stdout`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from types import FrameType
from typing import Any

from mlcareer.errors import MlcareerError
from mlcareer.named import NamedTuple
from mlcareer.stdout import write_all, write_stdout
from mlcareer.text import clean_line

# Paths through which a process reaches its own open files: written in place, never renamed over.
_FD_DIRS = ("/proc/", "/dev/fd/")
_STDOUT = ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def shown(path: Path | str | bytes) -> str:
    """A path fit for a message or JSON: any byte, control character or newline made visible.

    A byte that is not UTF-8 (held as a lone surrogate by ``os.fsdecode``) is shown as ``\\xff``.
    """
    return clean_line(visible_bytes(os.fsdecode(path)))


def visible_bytes(text: str) -> str:
    """``text`` with each undecodable byte (a lone surrogate from ``surrogateescape``) as ``\\xNN``."""
    if text.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return "".join(f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else ch for ch in text)


def kind_of(mode: int) -> str:
    """What a file is, in words, from its ``st_mode``."""
    for test, name in (
        (stat.S_ISREG, "a regular file"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"  # pragma: no cover


class NotRegularFile(OSError):
    """A path that exists but is not a regular file (and so is never opened for reading)."""

    def __init__(self, mode: int) -> None:
        super().__init__(errno.EINVAL, f"is {kind_of(mode)}, not a regular file")


def read_regular(path: Path, limit: int, *, is_input: bool = True) -> bytes:
    """At most ``limit`` bytes of a regular file; raise OSError (NotRegularFile for a FIFO...).

    ``is_input``: the file is one of the run's inputs (:func:`protect`), which ``--output``
    never replaces (not so for a file only peeked at).
    """
    before = os.stat(path)
    if not stat.S_ISREG(before.st_mode):
        raise NotRegularFile(before.st_mode)
    # O_NONBLOCK: were it swapped for a FIFO since the stat, the open still returns at once.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):
            raise NotRegularFile(now.st_mode)
        if is_input:
            _note(now, "a file this run reads")
        # Sized by the file, not by ``limit``: a 16 MB buffer for each small file ran out of
        # memory under `ulimit -v`. A file that grows while read still stops at ``limit``.
        chunks: list[bytes] = []
        left = limit
        while left > 0:
            chunk = os.read(fd, min(left, max(now.st_size + 1, 64 * 1024)))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


# -- examining a path --------------------------------------------------------------------

_REASONS = {
    errno.ENOENT: "it does not exist",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "the name is too long (over 255 bytes in one part of the path, or 4,096 in all)",
    errno.ELOOP: "too many symbolic links (a loop of links?)",
    errno.ENOTDIR: "a part of the path is not a directory",
}


def why(exc: OSError, path: Path | None = None, *, stat_call: bool = False) -> str:
    """An OSError about ``path`` in words, for ``cannot read PATH: ...``.

    ``stat_call``: the error came from looking the path up (stat, lstat, listing a parent),
    where "permission denied" means a directory on the way cannot be searched.
    """
    code = exc.errno
    if code == errno.ENOENT and path is not None and os.path.islink(path):
        with contextlib.suppress(OSError):
            return f"it is a symbolic link to {shown(os.readlink(path))}, which does not exist"
    if code in (errno.EACCES, errno.EPERM) and stat_call:
        return "permission denied (a directory on its path cannot be searched)"
    if code in _REASONS:
        return _REASONS[code]
    return exc.strerror or str(exc)


class PathError(MlcareerError):
    """A path that cannot be used: ``cannot ACTION PATH: REASON`` (exit 1)."""

    def __init__(self, path: Path | str, action: str, reason: str, code: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.errno = code  # the OSError's errno, when there was one
        super().__init__(f"cannot {action} {shown(path)}: {reason}")


def examine(path: Path, action: str = "read", *, follow: bool = True) -> os.stat_result:
    """The status of ``path`` (``follow=False``: of a link itself); PathError saying why not.

    The one way every path the user names is looked at before it is used: ENAMETOOLONG,
    EACCES, ELOOP, ENOTDIR, a missing file, a NUL in the name all become one line,
    ``cannot ACTION PATH: REASON``, never a traceback.
    """
    try:
        return os.stat(path, follow_symlinks=follow)
    except OSError as exc:
        raise PathError(path, action, why(exc, path, stat_call=True), exc.errno) from None
    except ValueError:  # an embedded NUL byte
        raise PathError(path, action, "the name holds a NUL byte") from None


def list_directory(path: Path, action: str = "read") -> list[Path]:
    """The entries of directory ``path``, sorted by name; PathError saying why they cannot be listed."""
    try:
        with os.scandir(path) as entries:
            names = sorted(os.fsencode(e.name) for e in entries)
    except OSError as exc:
        reason = "permission denied (it cannot be listed)" if exc.errno == errno.EACCES else why(exc, path)
        raise PathError(path, action, reason, exc.errno) from None
    return [path / os.fsdecode(name) for name in names]


# -- what a run reads: never written over --------------------------------------------------

Identity = tuple[int, int]  # (st_dev, st_ino)
# What this run reads (by identity, or by directory and name), and the outputs spelled ``DIR/``.
_protected: ContextVar[dict[object, str] | None] = ContextVar("mlcareer_protected", default=None)


@contextlib.contextmanager
def fresh_run() -> Iterator[None]:
    """One run's record of the files it reads (a test's next run starts afresh)."""
    token = _protected.set({})
    try:
        yield
    finally:
        _protected.reset(token)


def _record() -> dict[object, str]:
    record = _protected.get()
    if record is None:
        record = {}
        _protected.set(record)
    return record


def _note(st: os.stat_result, why: str) -> None:
    _record().setdefault((st.st_dev, st.st_ino), why)


def _place(path: Path) -> tuple[int, int, str] | None:
    """A name in a directory, by the directory's identity: the same for every spelling of it."""
    parent = path.parent if str(path.parent) else Path(".")
    try:
        st = os.stat(parent)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino, path.name)


def protect(path: Path, why: str, *, by_name: bool = False) -> None:
    """Never let ``--output`` or ``--report`` write ``path`` in this run; ``why`` says what it is.

    Compared by device and inode, so any spelling of the path (a link, ``..``, another mount
    of it) is caught. ``by_name``: also the name itself, for a file that may not exist yet
    (a database's journal).
    """
    with contextlib.suppress(OSError, ValueError):
        _note(os.stat(path), why)
    if by_name:
        place = _place(path)
        if place is not None:
            _record().setdefault(place, why)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file, existing or not (by device and inode, else by directory and name)."""
    try:
        one, two = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        place = _place(a)
        return place is not None and place == _place(b)
    return (one.st_dev, one.st_ino) == (two.st_dev, two.st_ino)


def protected(path: Path, st: os.stat_result | None) -> str | None:
    """What ``path`` is, when the run must not write it; None when it may."""
    record = _record()
    if st is not None and (st.st_dev, st.st_ino) in record:
        return record[(st.st_dev, st.st_ino)]
    place = _place(path)
    return record.get(place) if place is not None else None


def user_home() -> Path | None:
    """The user's home: an absolute $HOME, else the password database's entry; None if neither.

    Never ``~`` itself, which ``os.path.expanduser`` returns when it finds no home, and which
    would become a directory literally named ``~`` in the working directory.
    """
    home = os.environ.get("HOME")
    if home and os.path.isabs(home):
        return Path(home)
    try:
        import pwd

        entry = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError):
        return None
    return Path(entry) if entry and os.path.isabs(entry) else None


def expand_user(text: str) -> Path | None:
    """``~/x`` with the user's home in front; None if it starts with ``~`` and there is none."""
    if text == "~" or text.startswith("~/"):
        home = user_home()
        return None if home is None else home / text[2:]
    if text.startswith("~"):
        with contextlib.suppress(RuntimeError):  # ~name of an unknown user: kept as written
            return Path(text).expanduser()
    return Path(text)


# -- writing ---------------------------------------------------------------------------


class Destination(NamedTuple):
    """Where an output file goes: stdout, a file written in place, or a regular file replaced."""

    path: Path  # as given
    how: str  # "stdout", "in place" or "replace"
    target: Path  # the file written: for "replace", the link's target when ``path`` is a link
    mode: int | None = None  # of the file replaced
    owner: tuple[int, int] | None = None


def _problem(path: Path, what: str) -> MlcareerError:
    return PathError(path, "write", what)


def _via_fd_dir(path: Path) -> bool:
    """Whether ``path`` or a link on the way to its file lies in /proc or /dev/fd."""
    current = os.path.abspath(path)
    for _ in range(40):
        if current.startswith(_FD_DIRS):
            return True
        try:
            link = os.readlink(current)
        except OSError:
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return False


def _may(path: Path, mode: int) -> bool:
    """``os.access`` with the effective ids, as an open by this process would be checked."""
    if os.access in os.supports_effective_ids:
        return os.access(path, mode, effective_ids=True)
    return os.access(path, mode)  # pragma: no cover - every POSIX Python has effective ids


def _can_give(owner: tuple[int, int]) -> bool:
    """Whether a new file of this user's can be given ``owner`` (uid, gid), as the old one had."""
    uid, gid = owner
    if os.geteuid() == 0:
        return True
    return uid == os.geteuid() and (gid == os.getegid() or gid in os.getgroups())


def output_path(text: str) -> Path:
    """An --output or --report value as given: ``DIR/`` (a trailing slash) names a directory.

    pathlib drops the slash, so it is noted here, on the text: :func:`destination` then
    refuses it as a file to write (a directory is not a file, and one that does not exist is
    not created, nor a file of its name); a command that writes into a folder takes it.
    """
    path = Path(text)
    if text not in ("-", "/") and text.endswith("/"):
        _record().setdefault(("spelled as a directory", os.fsdecode(path)), text)
    return path


def _spelled_as_directory(path: Path) -> str | None:
    """The text ``DIR/`` when ``path`` was given so (see :func:`output_path`)."""
    return _record().get(("spelled as a directory", os.fsdecode(path)))


def destination(path: Path) -> Destination:
    """Decide how ``path`` is written, or raise MlcareerError saying why it cannot be."""
    text = os.fsdecode(path)
    if text == "-" or text in _STDOUT:
        return Destination(path, "stdout", path)
    spelled = _spelled_as_directory(path)
    if spelled is not None:
        try:
            is_dir = os.path.isdir(path)
        except ValueError:
            is_dir = False
        reason = "it is a directory" if is_dir else "no such directory (a name ending in / is a directory)"
        raise PathError(spelled, "write", reason)
    try:
        st: os.stat_result | None = examine(path, "write")
    except PathError as exc:
        if exc.errno != errno.ENOENT:
            raise
        st = None  # a new file (or a link to one): its directory decides
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise _problem(path, "it is a directory")
    what = protected(path, st)
    if what is not None:
        raise _problem(path, f"it is {what}; choose another file")
    if st is not None and (not stat.S_ISREG(st.st_mode) or _via_fd_dir(path)):
        if not _may(path, os.W_OK):
            raise _problem(path, "permission denied")
        return Destination(path, "in place", path)
    if st is not None and not _may(path, os.W_OK):  # as the shell's `>` would refuse it
        raise _problem(path, "permission denied (the file is not writable)")
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    if st is not None and (st.st_nlink > 1 or not _can_give((st.st_uid, st.st_gid))):
        # A rename would split the hard links, or leave the file with this user as owner:
        # keep the file itself, as `>` does.
        return Destination(path, "in place", target)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        is_dir = stat.S_ISDIR(os.stat(directory).st_mode)
    except FileNotFoundError:
        raise _problem(path, f"there is no directory {shown(directory)}") from None
    except OSError as exc:
        raise _problem(path, why(exc, directory, stat_call=True)) from None
    if not is_dir:
        raise _problem(path, f"{shown(directory)} is not a directory")
    if not _may(directory, os.W_OK | os.X_OK):
        raise _problem(path, f"no permission to write in {shown(directory)}")
    if st is None:
        return Destination(path, "replace", target)
    return Destination(path, "replace", target, stat.S_IMODE(st.st_mode), (st.st_uid, st.st_gid))


def write(path: Path, body: str) -> Destination:
    """Write ``body`` to ``path`` as :func:`destination` decides; return where it went."""
    where = destination(path)
    data = body.encode("utf-8", "surrogateescape")
    if where.how == "stdout":
        write_stdout(body)
    elif where.how == "in place":
        _write_in_place(where, data)
    else:
        _replace(where, data)
    return where


def _write_in_place(where: Destination, data: bytes) -> None:
    try:
        fd = os.open(where.target, os.O_WRONLY | os.O_TRUNC | os.O_CLOEXEC)
    except OSError as exc:
        raise _problem(where.path, why(exc, where.target)) from None
    try:
        write_all(fd, data)
    except OSError as exc:
        raise _problem(where.path, why(exc, where.target)) from None
    finally:
        os.close(fd)


class _Terminated(BaseException):
    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)


#: Signals that end the program by default: while a temporary file exists they raise instead,
#: so it is removed, and then the program dies of the signal as it would have.
_FATAL = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name))


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While the block runs, SIGTERM, SIGHUP and SIGQUIT raise, so ``finally`` clauses run."""
    previous: list[tuple[signal.Signals, Any]] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        raise _Terminated(signum)

    def restore() -> None:
        while previous:
            signal.signal(*previous.pop())

    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        for sig in _FATAL:
            if signal.getsignal(sig) is signal.SIG_DFL:  # an ignored signal stays ignored
                previous.append((sig, signal.signal(sig, handler)))
    try:
        yield
    except _Terminated as exc:
        restore()
        signal.signal(exc.signum, signal.SIG_DFL)
        os.kill(os.getpid(), exc.signum)  # die of the signal, as without the handler
        raise SystemExit(128 + exc.signum) from None  # pragma: no cover - only if the kill was blocked
    finally:
        restore()


def replace_file(
    target: Path, data: bytes, prefix: str = ".mlcareer-", prepare: Callable[[int], None] | None = None
) -> None:
    """Write ``data`` to a new file beside ``target``, then rename it over ``target``: whole or not at all.

    ``prepare`` gets the new file's descriptor before the rename (to set its owner and mode;
    it is made 0600). Raises OSError; the temporary file never outlives a failure, nor a
    SIGTERM, SIGHUP, SIGQUIT or Ctrl-C. Regular files only: :func:`destination` decides (the
    catalog cache and the completion index also write this way, into their own directory).
    """
    import tempfile

    directory = target.parent if str(target.parent) else Path(".")
    tmp: str | None = None
    with _signals_raise():
        try:
            # A short name, whatever the length of the target's (which may be 255 bytes).
            fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
            try:
                write_all(fd, data)  # every byte, or OSError (a buffered file can lose a tail)
                if prepare is not None:
                    prepare(fd)
            finally:
                os.close(fd)
            os.replace(tmp, target)
        except BaseException:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise


def _replace(where: Destination, data: bytes) -> None:
    def prepare(fd: int) -> None:
        if where.owner is not None and where.owner != (os.geteuid(), os.getegid()):
            os.fchown(fd, *where.owner)  # destination() checked that it may
        if where.mode is not None:
            mode = where.mode
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp makes 0600; a new report is an ordinary file
        os.fchmod(fd, mode)

    try:
        replace_file(where.target, data, prepare=prepare)
    except OSError as exc:
        raise _problem(where.path, why(exc, where.target)) from None
