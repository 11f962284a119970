"""Labelled sentence files: ``sentence<TAB>label`` lines, 0 negative, 1 positive."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class LabelledFileError(ValueError):
    """A labelled file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class LabelledSet:
    """The sentences of one file with their 0/1 labels."""

    name: str  # file stem, used to say which set a model was trained on
    path: Path
    sentences: list[str]
    labels: list[int]


def read_labelled(path: Path) -> LabelledSet:
    """Read a labelled file; blank lines are skipped, anything else malformed is an error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LabelledFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LabelledFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    sentences: list[str] = []
    labels: list[int] = []
    # Split on "\n" only: real sentences can hold U+0085 or U+2028, which splitlines() breaks on.
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        sentence, sep, label = line.rpartition("\t")
        label = label.strip()
        if not sep or label not in ("0", "1") or not sentence.strip():
            raise LabelledFileError(
                f"{path}:{number}: expected 'sentence<TAB>0' or 'sentence<TAB>1'"
            )
        sentences.append(sentence.strip())
        labels.append(int(label))
    if not sentences:
        raise LabelledFileError(f"{path}: no labelled sentences found")
    return LabelledSet(path.stem, path, sentences, labels)


def default_labelled_dir(repo_root: Path | None = None) -> Path:
    """../shared/data/sentiment beside the repository, else the repository's own copy in
    tests/data/sentiment. The repository is ``repo_root``, else the working directory if it is a
    checkout, else the one this package was installed from in development mode."""
    if repo_root is None:
        cwd = Path.cwd()
        package_root = Path(__file__).resolve().parents[2]
        repo_root = cwd if (cwd / "auditor" / "sentiment").is_dir() else package_root
    shared = repo_root.parent / "shared" / "data" / "sentiment"
    if shared.is_dir() and any(shared.glob("*_labelled.txt")):
        return shared
    return repo_root / "tests" / "data" / "sentiment"


def default_labelled_files(repo_root: Path | None = None) -> list[Path]:
    """Every ``*_labelled.txt`` set in the default directory, sorted."""
    return sorted(default_labelled_dir(repo_root).glob("*_labelled.txt"))
