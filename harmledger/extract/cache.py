"""Where what is built from installed packages is kept (the gazetteer index, the fast encoder)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """HARMLEDGER_CACHE, or ~/.cache/harmledger; the files in it are named for what built them."""
    return Path(os.environ.get("HARMLEDGER_CACHE") or Path.home() / ".cache" / "harmledger")
