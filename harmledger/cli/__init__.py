"""The `harmledger` command line (Typer): one entry point over the application layer."""
