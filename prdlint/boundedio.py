"""Read input bytes with a bound: every file prdlint reads (documents, standard input,
config, rule packs, baselines) is opened, checked to be a regular file on the opened
descriptor (no race with a swapped symlink), and read to at most the limit plus one byte,
so /dev/zero, a FIFO or a huge file can neither exhaust memory nor block the run."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

# Markdown takes ~40x its size in memory while parsed: 16 MiB stays near 650 MB and
# 40 s, and still holds a 100,000-story list. Larger inputs are refused.
MAX_FILE_BYTES = 16 * 1024 * 1024
_CHUNK = 1024 * 1024


class ReadRefused(OSError):
    """An input prdlint will not read; `strerror` is the one-line reason (no path), so
    the callers' `except OSError` handlers report it like any other read failure."""

    def __init__(self, reason: str) -> None:
        super().__init__(None, reason)


def too_large(size: int, limit: int = MAX_FILE_BYTES) -> ReadRefused:
    return ReadRefused(
        f"file too large ({size / 1024 / 1024:.0f} MiB; the limit is {limit >> 20} MiB)"
    )


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; OSError otherwise."""
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadRefused("not a regular file")
        if info.st_size > limit:  # refused before reading: a huge file is never loaded
            raise too_large(info.st_size, limit)
        data = _read_to(fd, limit)
    finally:
        os.close(fd)
    if len(data) > limit:  # grew since fstat
        raise too_large(len(data), limit)
    return data


def read_stdin(limit: int = MAX_FILE_BYTES) -> bytes:
    """Standard input, at most `limit` bytes; OSError when closed or endless."""
    if sys.stdin is None:  # started with descriptor 0 closed (`<&-`)
        raise ReadRefused("standard input is closed")
    try:
        fd = sys.stdin.fileno()
    except (OSError, ValueError):  # replaced by a stream without a descriptor (tests)
        data: bytes = sys.stdin.buffer.read(limit + 1)
    else:
        data = _read_to(fd, limit)
    if len(data) > limit:
        raise ReadRefused(f"standard input too large (over {limit >> 20} MiB, the limit)")
    return data


def _read_to(fd: int, limit: int) -> bytes:
    """Up to limit + 1 bytes from `fd`: one byte more than allowed says it is too long."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = os.read(fd, min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
