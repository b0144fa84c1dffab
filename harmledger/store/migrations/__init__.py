"""Alembic migrations for SQLite and PostgreSQL; `open_database` runs them (see database.py)."""
