"""Small real file systems for tests of a full disk and a read-only disk: a tmpfs mounted in the test's folder.

Mounting needs root (or a user namespace); the tests that use these skip with the reason when it is not allowed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int = 512) -> Iterator[Path]:
    """A tmpfs of size_kb mounted on folder (created) for the block; skips the test when it cannot be mounted."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root on Linux")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill_up(folder: Path) -> Path:
    """Write zeros into folder/filler until the disk is full; the filler's path."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    return filler


def make_read_only(folder: Path) -> None:
    """Remount the small disk on folder read-only, as a write-protected USB stick or a read-only share is."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, check=True)
