"""Fault injection for the convergence tests: `HARMLEDGER_KILL_AT=stage:n` makes the process
SIGKILL itself at the n-th pass of a named checkpoint (`extracted`, `stored`, `resolving`,
`rebuilding`). A real kill -9 at a chosen moment, so the tests that prove an ingest converges
after any kill do not depend on timing. `HARMLEDGER_PAUSE_AT=stage:n:FILE` instead creates
FILE.reached there and waits until FILE exists, so a race test can run another process at that
moment. Unset (always, outside tests), a checkpoint is two dict lookups."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

ENV = "HARMLEDGER_KILL_AT"
PAUSE_ENV = "HARMLEDGER_PAUSE_AT"
PAUSE_LIMIT = 600.0  # seconds a paused process waits for its FILE at most


def checkpoint(stage: str, number: int) -> None:
    """Kill this process (SIGKILL, no clean-up) when HARMLEDGER_KILL_AT names this moment."""
    wanted = os.environ.get(ENV)
    if wanted and wanted == f"{stage}:{number}":
        os.kill(os.getpid(), signal.SIGKILL)
    pause = os.environ.get(PAUSE_ENV)
    if pause and pause.startswith(f"{stage}:{number}:"):
        _pause(Path(pause.split(":", 2)[2]))


def _pause(release: Path) -> None:
    """Say this moment is reached (release.reached), then wait until `release` exists."""
    Path(f"{release}.reached").touch()
    deadline = time.monotonic() + PAUSE_LIMIT
    while not release.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
