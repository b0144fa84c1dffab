"""The package imports one way: entry points → app → outputs → store → stages → nouns, no cycles.

The contracts live in pyproject.toml ([tool.importlinter]) and run in `make lint` as well."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pyproject.toml"


def _contracts() -> list[dict[str, Any]]:
    return list(tomllib.loads(CONFIG.read_text())["tool"]["importlinter"]["contracts"])


def test_every_import_follows_the_layers_and_no_package_has_a_cycle() -> None:
    assert lint_imports(config_filename=str(CONFIG), no_cache=True) == 0


def test_every_top_level_module_has_a_layer() -> None:
    """A new package or module at the top is unchecked until it is given a layer."""
    layers: list[str] = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    named = {m.strip() for layer in layers for m in layer.replace(":", "|").split("|")}
    top = {f"harmledger.{p.stem if p.is_file() else p.name}" for p in (ROOT / "harmledger").iterdir()
           if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()}
    assert top - named == set()


def test_a_backward_import_breaks_the_contract(tmp_path: Path) -> None:
    """The check can fail: a copy of the package where a stage imports the app layer is refused."""
    copy = tmp_path / "harmledger"
    for src in (ROOT / "harmledger").rglob("*.py"):
        dest = copy / src.relative_to(ROOT / "harmledger")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(src.read_text())
    (copy / "reconcile" / "backwards.py").write_text("from harmledger.app import pipeline  # noqa\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run([Path(sys.executable).with_name("lint-imports"), "--config", str(CONFIG), "--no-cache"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert "harmledger.reconcile.backwards -> harmledger.app.pipeline" in run.stdout
