"""Fault injection for the convergence tests: `HARMLEDGER_KILL_AT=stage:n` makes the process
SIGKILL itself at the n-th pass of a named checkpoint (`extracted`, `stored`, `resolving`).
A real kill -9 at a chosen moment, so the tests that prove an ingest converges after any kill
do not depend on timing. Unset (always, outside tests), a checkpoint is one dict lookup."""

from __future__ import annotations

import os
import signal

ENV = "HARMLEDGER_KILL_AT"


def checkpoint(stage: str, number: int) -> None:
    """Kill this process (SIGKILL, no clean-up) when HARMLEDGER_KILL_AT names this moment."""
    wanted = os.environ.get(ENV)
    if wanted and wanted == f"{stage}:{number}":
        os.kill(os.getpid(), signal.SIGKILL)
