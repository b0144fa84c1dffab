"""Where what is built from installed packages is kept (the gazetteer index, the fast encoder,
the WordNet classes), and the key each is filed under: a hash of its build inputs."""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Iterable
from pathlib import Path


def cache_dir() -> Path:
    """HARMLEDGER_CACHE, or ~/.cache/harmledger; the files in it are named for what built them."""
    return Path(os.environ.get("HARMLEDGER_CACHE") or Path.home() / ".cache" / "harmledger")


def inputs_key(files: Iterable[Path], packages: Iterable[str] = ()) -> str:
    """A short hash of the build inputs: the bytes of `files` (build code, word lists, data) and
    the installed versions of `packages`. Any edit or upgrade gives a new key, so a stale build is
    never read back; no version number to remember to bump."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for package in packages:
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{package}={version}\0".encode())
    return digest.hexdigest()[:16]
