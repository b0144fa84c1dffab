"""Every command has help with a runnable example and is documented in the README."""

from __future__ import annotations

import pytest
import typer

from harmledger.cli.main import app
from tests.conftest import ROOT, run_cli

COMMANDS = sorted(c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_an_example_in_its_help(command: str) -> None:
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    assert "Example:" in (click_command.help or "")


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_in_the_readme(command: str) -> None:
    assert f"harmledger {command}" in (ROOT / "README.md").read_text() or \
        f"] {command}" in (ROOT / "README.md").read_text()


def test_help_runs() -> None:
    result = run_cli("--help")
    assert result.returncode == 0 and "ingest" in result.stdout
