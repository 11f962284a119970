"""Which version of the page readers made a run, so a run by another version reads pages afresh.

Pages a sitemap dates as unchanged, or a server answers 304 for, are carried over from the run
that last read them: what that run's readers made of them stands. After an upgrade that reads
pages better, carrying them would keep the old readings for up to ``crawl.refresh_days``; so a
page is carried only from a run whose readers were these (``reader_fingerprint``).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

READER_PACKAGES = ("crawl", "normalise", "sources")
"""The parts of ``auditor`` whose code decides what a page is read as."""


@cache
def reader_fingerprint() -> str:
    """``<version>+<12 hex digits>``: the package version and a hash of the readers' source."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in READER_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".json", ".txt", ".csv", ".gz"):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    try:
        version = metadata.version("brand-auditor")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"{version}+{digest.hexdigest()[:12]}"
