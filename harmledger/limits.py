"""Every size, depth and range limit on input, in one place, each checked at the edge where the
input enters (readers, record fields, extraction), so that one hostile record is refused or
cleaned there and never reaches the database or the parser whole."""

from __future__ import annotations

import os

# Articles parsed per nlp.pipe call and stored per transaction. $HARMLEDGER_BATCH lowers it (the
# convergence tests use small batches to have several commits in a short corpus).
BATCH = max(1, int(os.environ.get("HARMLEDGER_BATCH", "64") or 64))
