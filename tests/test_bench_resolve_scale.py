"""bench/resolve_scale.py runs end to end on a small database, in both of its modes, and prints
one row per size with the ratio to the first size and the log bound beside it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[1] / "bench" / "resolve_scale.py"


@pytest.mark.parametrize("mode", [[], ["--spread"]])
def test_the_scale_bench_prints_a_row_per_size(mode: list[str]) -> None:
    done = subprocess.run([sys.executable, str(BENCH), "--sizes", "300,600", "--batch", "40", "--repeat", "1", *mode],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = [cells for cells in map(str.split, done.stdout.splitlines())
            if len(cells) == 9 and cells[0].replace(",", "").isdigit()]
    assert [int(r[0].replace(",", "")) >= size for r, size in zip(rows, (300, 600), strict=True)] == [True, True]
    first, second = rows
    assert first[5] == "1.00" and float(second[6]) > 1.0  # ratio to itself; log(600)/log(300)
