"""Atomic file writes: a temporary file in the same folder, then a rename.

A run killed at any point leaves the previous output whole.  Inside
:func:`staged`, the renames wait until every file of the set is written, so
that a failure partway (a full disk, an output someone locked) leaves the
folder as the last run left it, not half old and half new.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import ExportError

__all__ = ["atomic_path", "atomic_write", "staged", "write_text_atomic"]

#: (temporary, target) pairs waiting for the end of the innermost :func:`staged` block
_PENDING: contextvars.ContextVar[list[tuple[Path, Path]] | None] = contextvars.ContextVar("_PENDING", default=None)


@contextlib.contextmanager
def staged() -> Iterator[None]:
    """Write a set of files all or none: atomic writes inside wait, then all are renamed.

    When a write inside fails, no target is touched.  When a rename fails (a
    target that cannot be replaced), the targets renamed before it get their
    old contents back, and the error names the file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with staged():
    ...     write_text_atomic(d / "a.txt", "A")
    ...     (d / "a.txt").exists()
    False
    >>> (d / "a.txt").read_text()
    'A'
    """
    pending: list[tuple[Path, Path]] = []
    token = _PENDING.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _ in pending:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    finally:
        _PENDING.reset(token)
    _commit(pending)


def _commit(pending: list[tuple[Path, Path]]) -> None:
    """Rename every temporary over its target; on a failure, put back what was replaced."""
    done: list[tuple[Path, Path | None]] = []  # (target, its old contents kept aside)
    try:
        for k, (tmp, path) in enumerate(pending):
            old: Path | None = None
            if path.exists() and not path.is_dir():
                old = _aside(path)
            try:
                os.replace(tmp, path)
            except OSError as exc:
                if old is not None:
                    with contextlib.suppress(OSError):
                        old.unlink()
                unwritten = ", ".join(p.name for _, p in pending[k + 1 :])
                more = f"; not written either, so the folder stays as it was: {unwritten}" if unwritten else ""
                raise ExportError(f"{path}: could not be written ({exc.strerror or exc}){more}") from exc
            done.append((path, old))
    except ExportError:
        for path, old in reversed(done):
            with contextlib.suppress(OSError):
                if old is not None:
                    os.replace(old, path)
                else:
                    path.unlink()
        done = [(p, None) for p, _ in done]
        raise
    finally:
        for tmp, _ in pending:
            with contextlib.suppress(OSError):
                tmp.unlink()
        for _, old in done:
            if old is not None:
                with contextlib.suppress(OSError):
                    old.unlink()


def _aside(path: Path) -> Path | None:
    """A hard link to (or copy of) ``path``'s current contents under a temporary name.

    ``None`` when neither can be made: the file is then replaced without a way back.
    """
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".old.tmp", dir=path.parent)
        os.close(fd)
        os.unlink(name)
    except OSError:
        return None
    try:
        os.link(path, name)
    except OSError:
        try:
            shutil.copy2(path, name)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(name)
            return None
    return Path(name)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` on success."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write here ({exc.strerror or exc})") from exc
    tmp_path = Path(tmp)
    pending = _PENDING.get()
    try:
        yield tmp_path
        if pending is not None:
            pending.append((tmp_path, path))
            return
        os.replace(tmp_path, path)
    except OSError as exc:
        raise ExportError(f"{path}: could not be written ({exc.strerror or exc})") from exc
    finally:
        if (pending is None or (tmp_path, path) not in pending) and tmp_path.exists():
            with contextlib.suppress(OSError):
                tmp_path.unlink()


@contextlib.contextmanager
def atomic_write(path: str | Path, *, newline: str | None = "\n") -> Iterator[IO[str]]:
    """Open a text file for writing that appears under ``path`` only when complete."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline=newline) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    with atomic_write(path) as fh:
        fh.write(text)
