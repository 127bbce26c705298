"""Writing result tables so that an interrupted run never leaves half a file or folder."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd


def _umask() -> int:
    """The process's umask (read by setting it and setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def ordinary_mode(path: Path, folder: bool = False) -> Path:
    """Give ``path`` the mode a plain ``open``/``mkdir`` would (0666/0777 less the
    umask): ``tempfile`` makes files 0600 and folders 0700, which nobody else on a
    shared server or behind a web server could read."""
    os.chmod(path, (0o777 if folder else 0o666) & ~_umask())
    return path


def write_atomic(path: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it into place
    (with the ordinary file mode, see :func:`ordinary_mode`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        ordinary_mode(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_table(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` as Parquet or CSV (by the file ending), atomically."""
    if path.suffix == ".parquet":
        return write_atomic(path, lambda tmp: frame.to_parquet(tmp, index=False))
    if path.suffix == ".csv":
        return write_atomic(path, lambda tmp: frame.to_csv(tmp, index=False))
    raise ValueError(f"{path}: write .parquet or .csv")


@contextmanager
def replacing_dir(out: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder; on success it replaces ``out`` whole.

    On any error (or Ctrl-C) the temporary folder is removed and ``out`` is left as it
    was: readers see the previous complete output or the new complete one, never a mix.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = ordinary_mode(Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp",
                                              dir=out.parent)), folder=True)
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


class Busy(RuntimeError):
    """Another run holds the lock on the same output."""


@contextmanager
def locked(lock_file: Path, message: str) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` for the block; raise :class:`Busy` with
    ``message`` when another process holds it (two runs never write one output)."""
    lock_file = Path(lock_file)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_file, "w")  # noqa: SIM115 - held for the whole block
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        handle.close()
        raise Busy(message) from exc
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
