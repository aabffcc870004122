"""Reading files within bounds: regular files only, and never more than a limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aiecosys import DataError
from aiecosys._reading import read_bytes, read_text


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    """A small regular file's bytes come back as they are."""
    path = tmp_path / "small.toml"
    path.write_bytes(b"format_version = 1\n")
    assert read_bytes(path) == b"format_version = 1\n"


def test_a_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    """UTF-8 text with a byte-order mark reads without it."""
    path = tmp_path / "bom.toml"
    path.write_bytes("\ufeffa = 1\n".encode())
    assert read_text(path) == "a = 1\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX only")
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    """A named pipe is refused before it is opened (opening one would wait)."""
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    with pytest.raises(DataError, match=r"cannot read a pipe \(FIFO\)") as caught:
        read_bytes(path)
    assert caught.value.problems[0].file == str(path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    """A link to /dev/zero names the link and says it leads to a device."""
    path = tmp_path / "endless.toml"
    path.symlink_to("/dev/zero")
    with pytest.raises(DataError, match="cannot read a device") as caught:
        read_text(path)
    assert caught.value.problems[0].file == str(path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    """A folder given as a file is named as a folder."""
    with pytest.raises(DataError, match="cannot read a folder"):
        read_bytes(tmp_path)


def test_a_file_over_the_limit_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    """A file one byte over the limit is refused, and the message gives the limit."""
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 101)
    assert read_bytes(path, limit=101) == b"x" * 101
    with pytest.raises(DataError, match="larger than 100 bytes, the most"):
        read_bytes(path, limit=100)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    """A missing file gives the operating system's reason, with the path."""
    with pytest.raises(DataError, match="cannot read the file: No such file"):
        read_bytes(tmp_path / "missing.toml")


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """Latin-1 bytes are refused with the offset of the first bad byte."""
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'title = "caf\xe9"\n')
    with pytest.raises(DataError, match=r"not UTF-8 text \(byte 12\)"):
        read_text(path)
