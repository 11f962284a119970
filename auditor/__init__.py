"""Brand consistency auditor."""

__version__ = "0.1.0"
