"""Reading a file that someone else may have put there: a regular file, and not too big.

A shared workspace can hold a FIFO (reading it waits forever), a symlink to /dev/zero (reading
it never ends) or a file of gigabytes. `read_limited` looks before it reads (os.stat follows
the link to what it names), opens without blocking, and reads at most `limit` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MB = 1024 * 1024
MAX_TOML_BYTES = 4 * MB  # one workspace file; 10,000 tasks are about 1 MB
MAX_STATE_BYTES = 16 * MB  # a file of .diklat/ or of the cache


class NotRegular(OSError):
    """The path names a FIFO, a device, a socket or a folder, not a file."""


class TooBig(OSError):
    """The file is larger than the limit; `size` and `limit` in bytes."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes, over the limit of {limit}")
        self.size = size
        self.limit = limit


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`; raises NotRegular, TooBig or another OSError."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(f"{path} is not a regular file")
    if st.st_size > limit:
        raise TooBig(st.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced since it was looked at
            raise NotRegular(f"{path} is not a regular file")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(limit + 1 - size, MB) or 1):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise TooBig(size, limit)
    finally:
        os.close(fd)
    return b"".join(chunks)


Stamp = tuple[str, int, int, int]  # path, mtime, ctime (a restored mtime is still seen), size


def stamp(path: Path) -> Stamp:
    """What a cache compares a file by; a missing file is stamped too, so its return is seen."""
    where = str(path.absolute())
    try:
        st = path.stat()
    except OSError:
        return (where, -1, -1, -1)
    return (where, st.st_mtime_ns, st.st_ctime_ns, st.st_size)
