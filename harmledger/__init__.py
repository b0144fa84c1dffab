"""harmledger: conflicting news reports about violent incidents, reconciled with provenance."""

__version__ = "0.1.0"
