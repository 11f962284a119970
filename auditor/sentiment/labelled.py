"""Labelled review files, read into texts with 0/1 labels and, where given, star ratings.

Accepted forms (UTF-8, optionally gzipped as ``.gz``), one review per line:

- ``text<TAB>label``: label 0 (negative) or 1 (positive);
- ``text<TAB>stars``: a rating from 1 to 5 (1-2 negative, 4-5 positive, 3 neutral); a file is
  read as stars when any value is other than 0 or 1;
- a header row naming a ``text`` column and a ``label`` column (0, 1 or blank) and/or a ``stars``
  column (or a ``rating`` column whose values are all within 1-5).

Neutral (3-star, blank-label) reviews are counted but take no part in the binary figures.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path


class LabelledFileError(ValueError):
    """A labelled file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class LabelledSet:
    """The labelled texts of one file: 0/1 labels, and stars where the file gives them."""

    name: str  # file stem, used to say which set a model was trained on
    path: Path
    sentences: list[str]
    labels: list[int]
    stars: list[float | None] = field(default_factory=list)
    neutral: int = 0  # 3-star or blank-label reviews left out of the binary figures

    def star(self, index: int) -> float | None:
        return self.stars[index] if self.stars else None


def set_name(path: Path) -> str:
    """``womens_clothing_reviews`` for ``womens_clothing_reviews.tsv.gz``."""
    name = path.name
    for suffix in (".gz", ".tsv", ".txt", ".csv"):
        name = name.removesuffix(suffix)
    return name


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
    except (OSError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise LabelledFileError(f"{path}: cannot read ({reason})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LabelledFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _star_value(value: str) -> float | None:
    try:
        stars = float(value.replace(",", "."))
    except ValueError:
        return None
    return stars if 1.0 <= stars <= 5.0 else None


def _label_of_stars(stars: float) -> int | None:
    if stars <= 2.0:
        return 0
    if stars >= 4.0:
        return 1
    return None


def read_labelled(path: Path) -> LabelledSet:
    """Read a labelled file; blank lines are skipped, anything else malformed is an error."""
    text = _read_text(path)
    # Split on "\n" only: real sentences can hold U+0085 or U+2028, which splitlines() breaks on.
    lines = [(n, line.rstrip("\r")) for n, line in enumerate(text.split("\n"), 1)]
    lines = [(n, line) for n, line in lines if line.strip()]
    if not lines:
        raise LabelledFileError(f"{path}: no labelled sentences found")
    header = [c.strip().lower() for c in lines[0][1].split("\t")]
    with_header = "text" in header
    rows = _with_header(path, header, lines[1:]) if with_header else _without_header(path, lines)
    sentences: list[str] = []
    labels: list[int] = []
    stars: list[float | None] = []
    neutral = 0
    for sentence, label, star in rows:
        if label is None:
            neutral += 1
            continue
        sentences.append(sentence)
        labels.append(label)
        stars.append(star)
    if not sentences:
        raise LabelledFileError(f"{path}: no labelled sentences found")
    has_stars = any(s is not None for s in stars)
    return LabelledSet(set_name(path), path, sentences, labels, stars if has_stars else [], neutral)


Row = tuple[str, int | None, float | None]


def _without_header(path: Path, lines: list[tuple[int, str]]) -> list[Row]:
    parsed: list[tuple[int, str, str]] = []
    for number, line in lines:
        sentence, sep, value = line.rpartition("\t")
        value = value.strip()
        if not sep or not sentence.strip() or (_star_value(value) is None and value != "0"):
            raise LabelledFileError(
                f"{path}:{number}: expected 'text<TAB>label' (0 or 1) or 'text<TAB>stars' (1-5)"
            )
        parsed.append((number, sentence.strip(), value))
    as_stars = any(value not in ("0", "1") for _, _, value in parsed)
    if not as_stars:
        return [(sentence, int(value), None) for _, sentence, value in parsed]
    rows: list[Row] = []
    for number, sentence, value in parsed:
        star = _star_value(value)
        if star is None:
            raise LabelledFileError(f"{path}:{number}: stars must be within 1-5, not {value!r}")
        rows.append((sentence, _label_of_stars(star), star))
    return rows


def _with_header(path: Path, header: list[str], lines: list[tuple[int, str]]) -> list[Row]:
    text_at = header.index("text")
    label_at = header.index("label") if "label" in header else None
    star_column = "stars" if "stars" in header else "rating" if "rating" in header else None
    star_at = header.index(star_column) if star_column else None
    cells = [(n, line.split("\t")) for n, line in lines]
    if star_at is not None and star_column == "rating":
        values = [c[star_at].strip() for _, c in cells if len(c) > star_at and c[star_at].strip()]
        if not all(_star_value(v) is not None for v in values):
            star_at = None  # a score on another scale (Booking.com's 2.5-10), not stars
    if label_at is None and star_at is None:
        raise LabelledFileError(f"{path}:1: the header names neither a label nor a stars column")
    rows: list[Row] = []
    for number, cell in cells:
        if len(cell) != len(header):
            raise LabelledFileError(
                f"{path}:{number}: expected {len(header)} tab-separated columns, found {len(cell)}"
            )
        sentence = cell[text_at].strip()
        star = _star_value(cell[star_at].strip()) if star_at is not None else None
        if label_at is not None and cell[label_at].strip():
            value = cell[label_at].strip()
            if value not in ("0", "1"):
                raise LabelledFileError(f"{path}:{number}: label must be 0, 1 or blank")
            label: int | None = int(value)
        else:
            label = _label_of_stars(star) if star is not None and label_at is None else None
        if sentence:
            rows.append((sentence, label, star))
    return rows


LABELLED_PATTERNS = ("*_labelled.txt", "*.tsv.gz")


def default_labelled_dir(repo_root: Path | None = None) -> Path:
    """The repository's labelled sets, ``tests/data/sentiment``. The repository is ``repo_root``,
    else the working directory if it is a checkout, else the one this package was installed
    from in development mode."""
    if repo_root is None:
        cwd = Path.cwd()
        package_root = Path(__file__).resolve().parents[2]
        repo_root = cwd if (cwd / "auditor" / "sentiment").is_dir() else package_root
    return repo_root / "tests" / "data" / "sentiment"


def default_labelled_files(repo_root: Path | None = None) -> list[Path]:
    """Every labelled English set in the default directory, sorted by name."""
    folder = default_labelled_dir(repo_root)
    found = {p for pattern in LABELLED_PATTERNS for p in folder.glob(pattern)}
    return sorted(found, key=lambda p: p.name)


def labelled_languages(repo_root: Path | None = None) -> dict[str, list[Path]]:
    """Labelled sets in other languages: ``tests/data/sentiment/<language>/*.tsv[.gz]``, by
    two-letter language code."""
    folder = default_labelled_dir(repo_root)
    found: dict[str, list[Path]] = {}
    for sub in sorted(p for p in folder.glob("*") if p.is_dir()):
        if len(sub.name) == 2 and sub.name.isalpha() and sub.name.islower() and sub.name != "en":
            files = sorted({*sub.glob("*.tsv"), *sub.glob("*.tsv.gz")}, key=lambda p: p.name)
            if files:
                found[sub.name] = files
    return found


def all_labelled_files(repo_root: Path | None = None) -> list[Path]:
    """The English sets, then each other language's."""
    others = labelled_languages(repo_root)
    return [*default_labelled_files(repo_root), *(p for lang in sorted(others) for p in others[lang])]
