"""Read a file's bytes within a bound: regular files only, and no more than a limit.

Every file aiecosys reads (knowledge bases, claims, rates, importers' inputs)
comes through `read_bytes`, so that a FIFO, a device (a link to ``/dev/zero``)
or a file far larger than any real one is refused with the bound named, before
it is opened or read whole.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING, Final

from aiecosys._errors import DataError, Problem
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _


if TYPE_CHECKING:
    # Annotations only: pathlib costs a first conversion, which reads the
    # bundled rates through this module, about 3 ms of imports.
    from pathlib import Path


__all__ = ["FILE_LIMIT", "read_bytes", "read_text"]

FILE_LIMIT: Final = 64 * 1024 * 1024
"""The largest file aiecosys reads, in bytes (64 MiB): about a hundred times the
largest knowledge base, rates file or model table it has been given."""


def _kind(mode: int) -> str | None:
    """The refusal of a file that is not a regular file, or None for one that is."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return N_("cannot read a folder; give the path of a regular file")
    if stat.S_ISFIFO(mode):
        return N_("cannot read a pipe (FIFO); give the path of a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("cannot read a device; give the path of a regular file")
    if stat.S_ISSOCK(mode):
        return N_("cannot read a socket; give the path of a regular file")
    return N_(  # pragma: no cover - no other kinds on POSIX
        "cannot read not a regular file; give the path of a regular file"
    )


def read_bytes(path: str | Path, *, limit: int = FILE_LIMIT) -> bytes:
    """Return the bytes of the regular file at *path*, refusing more than *limit*.

    Raises:
        DataError: The file is missing or unreadable, is not a regular file
            (a folder, a pipe, a device such as ``/dev/zero``), or is larger
            than *limit* bytes; the problem names the file and the bound.

    Examples:
        >>> read_bytes("/dev/zero")
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - /dev/zero: cannot read a device; give the path of a regular file
    """
    name = str(path)
    try:
        status = os.stat(path)  # noqa: PTH116 - one call, following links
        kind = _kind(status.st_mode)
        if kind is not None:
            raise DataError([Problem(_(kind), file=name)])
        with open(path, "rb") as stream:  # noqa: PTH123
            # No more than the file's size (a buffer of the limit would cost
            # 64 MiB for every small file), and one byte past the limit.
            data = stream.read(min(status.st_size, limit) + 1)
            if len(data) > status.st_size:  # it grew while being read
                data += stream.read(limit + 1 - len(data))
    except OSError as error:
        message = _("cannot read the file: {reason}").format(
            reason=error.strerror or error
        )
        raise DataError([Problem(message, file=name)]) from error
    if len(data) > limit:
        message = _(
            "the file is larger than {limit} bytes, the most aiecosys reads; "
            "split it into smaller files"
        ).format(limit=f"{limit:,}")
        raise DataError([Problem(message, file=name)])
    return data


def read_text(path: str | Path, *, limit: int = FILE_LIMIT) -> str:
    """Return the text of a UTF-8 file (a byte-order mark is skipped), bounded.

    Raises:
        DataError: As `read_bytes`, or the file is not UTF-8 text.
    """
    data = read_bytes(path, limit=limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = _("not UTF-8 text (byte {byte}): save the file as UTF-8").format(
            byte=error.start
        )
        raise DataError([Problem(message, file=str(path))]) from None
