"""The README's generated parts, run by cog (`make readme`; `cog --check README.md` in the tests):
the CLI command table from the Typer app, and the demo's incident list from a real run.

The CLI is found through pyproject.toml's `harmledger` script entry, so these keep working
wherever the command line's module moves."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
# The width the demo table is printed at: the README's code blocks read well at it.
COLUMNS = "130"


def _entry() -> tuple[str, str]:
    """(module, function) of the `harmledger` script, as pyproject.toml declares it."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, function = scripts["harmledger"].split(":")
    return module, function


def _click_app() -> Any:
    import typer

    module = importlib.import_module(_entry()[0])
    return typer.main.get_command(module.app)


def command_table() -> str:
    """| command | what it does | — each command's usage and the first paragraph of its help."""
    group = _click_app()
    rows = ["| command | what it does |", "|---|---|"]
    for name, command in group.commands.items():
        # An argument's metavar carries its own "..." when it repeats ("ARTICLE...").
        arguments = [(p.metavar or p.name or "").upper().removesuffix("...") + ("..." if p.nargs == -1 else "")
                     for p in command.params if p.param_type_name == "argument"]
        usage = " ".join(["harmledger", name, "[OPTIONS]", *arguments])
        first = " ".join((command.help or "").strip().split("\n\n")[0].split())
        rows.append(f"| `{usage}` | {first.replace('|', chr(92) + '|')} |")
    return "\n".join(rows) + "\n"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh process, as a user runs it (entry point from pyproject.toml)."""
    module, function = _entry()
    env = dict(os.environ, COLUMNS=COLUMNS, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("HARMLEDGER_DB", None)
    code = f"import sys; sys.argv[0] = 'harmledger'; from {module} import {function}; {function}()"
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(f"harmledger {' '.join(args)} failed: {result.stderr}")
    return result


def demo_incidents() -> str:
    """`harmledger incidents` on the demo corpus: on $README_DEMO_DB when it holds the demo
    already (the tests' demo database), else on a fresh ingest of examples/demo."""
    db = os.environ.get("README_DEMO_DB")
    if db:
        return _lines(_run("--db", db, "incidents").stdout)
    with tempfile.TemporaryDirectory() as tmp:
        _run("--db", f"{tmp}/demo.db", "ingest", str(DEMO))
        return _lines(_run("--db", f"{tmp}/demo.db", "incidents").stdout)


def _lines(text: str) -> str:
    """Without the spaces rich pads lines with (trailing spaces in Markdown are line breaks)."""
    return "".join(line.rstrip() + "\n" for line in text.splitlines())
