"""Database failures the command line reports as one line with their own exit codes."""

from __future__ import annotations


class DatabaseProblem(RuntimeError):
    """The database cannot be used: not SQLite, a folder, read-only, unreachable, needs repair."""


class DatabaseLocked(RuntimeError):
    """Another run holds the database's lock."""
