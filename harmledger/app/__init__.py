"""The application layer: the use cases (ingest, rebuild, corrections, evaluation) that the CLI and
the API both call. Below it the stages and the store; above it only the entry points."""
