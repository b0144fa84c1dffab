"""The README's generated parts (the CLI table, the demo's incident list) are what the code makes
now: `cog --check` fails when either is stale (`make readme` regenerates them)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("demo_db", ["sqlite"], indirect=True)  # one backend is enough for the text
def test_the_generated_parts_of_the_readme_are_current(demo_db: str) -> None:
    env = dict(os.environ, README_DEMO_DB=demo_db)
    result = subprocess.run([sys.executable, "-m", "cogapp", "--check", "README.md"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"run 'make readme': {result.stdout}{result.stderr}"
