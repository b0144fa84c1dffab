"""bench/ui_load.py runs end to end on two small databases and prints each load time and the ratio;
the larger one is above the page's 2,000-incident limit, so it is drawn from server cells."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")]

BENCH = Path(__file__).resolve().parents[1] / "bench" / "ui_load.py"


def test_the_ui_bench_prints_both_sizes_and_the_ratio() -> None:
    done = subprocess.run([sys.executable, str(BENCH), "--sizes", "300,3000", "--runs", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[0] == "300" and lines[1].split()[0] == "3000"
    assert all("home page" in line and "API calls" in line for line in lines[:2])
    assert lines[2].startswith("ratio 3000/300: ")
