"""Everything a run needs, checked before anything is crawled: ``validate`` and every writing command.

The spec and its roster (``load_spec``), the rule packs as the judge loads them (check types,
regexes, message placeholders, ids), the logo files (exist, are images), that the rule packs
and logos are inside the spec's folder, and that the database can be opened and written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.spec import DEFAULT_RULES_DIR, Spec, SpecError, load_spec
from auditor.spec.yamlfile import Problem, YamlFileError, line_of, load_yaml


@dataclass(frozen=True)
class Checked:
    """A spec that passed every check, with its loaded rule packs."""

    spec: Spec
    packs: Any  # auditor.judge.rules.RulePacks


def check_spec(spec_path: str | Path) -> Checked:
    """Load the spec and everything it points at; raises SpecError listing every problem."""
    from auditor.judge.rules import load_rule_packs

    spec = load_spec(spec_path)
    problems = list(_path_problems(spec))
    packs = None
    try:
        packs = load_rule_packs(list(spec.rule_pack_paths))
    except SpecError as exc:
        problems.extend(exc.problems)
    problems.extend(_logo_problems(spec))
    if problems:
        raise SpecError(problems)
    return Checked(spec, packs)


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _spec_lines(spec: Spec) -> Any:
    try:
        data, _ = load_yaml(spec.path, "brand spec")
    except YamlFileError:
        return None
    return data


def _path_problems(spec: Spec) -> list[Problem]:
    """Rule packs and logos named by a path that leads outside the spec's folder."""
    folder = spec.path.parent
    data = _spec_lines(spec)
    name = str(spec.path)
    problems = []
    for index, entry in enumerate(spec.model.rules):
        if entry == "default":
            continue
        if not _inside(folder / entry, folder) and not _inside(folder / entry, DEFAULT_RULES_DIR):
            problems.append(
                Problem(name, line_of(data, ("rules", index)),
                        f"rule pack '{entry}' is outside the spec's folder ({folder}); copy it inside")
            )  # fmt: skip
    for index, entry in enumerate(spec.model.identity.logo):
        if not _inside(folder / entry, folder):
            problems.append(
                Problem(name, line_of(data, ("identity", "logo", index)),
                        f"logo '{entry}' is outside the spec's folder ({folder}); copy it inside")
            )  # fmt: skip
    return problems


def _logo_problems(spec: Spec) -> list[Problem]:
    """Logo files that are missing or are not images."""
    from PIL import Image, UnidentifiedImageError

    folder = spec.path.parent
    data = _spec_lines(spec)
    name = str(spec.path)
    problems = []
    for index, entry in enumerate(spec.model.identity.logo):
        path = folder / entry
        if not _inside(path, folder):
            continue  # reported as outside the folder
        line = line_of(data, ("identity", "logo", index))
        if not path.is_file():
            kind = "is a folder" if path.is_dir() else "not found"
            problems.append(Problem(name, line, f"logo '{entry}' {kind} (looked for {path})"))
            continue
        try:
            with Image.open(path) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            reason = "not an image PIL can read" if isinstance(exc, UnidentifiedImageError) else str(exc)
            problems.append(Problem(name, line, f"logo '{entry}': {reason}"))
        except Image.DecompressionBombError:
            problems.append(Problem(name, line, f"logo '{entry}': too many pixels for a logo"))
    return problems


def check_database(db: str | None, write: bool = True) -> Any:
    """Open the database (creating its tables); raises DatabaseProblem with one line."""
    from auditor.store.engine import database_url, display_name, make_engine, writable_problem
    from auditor.store.errors import DatabaseProblem
    from auditor.store.schema import needs_repair

    url = database_url(db)
    if write and (problem := writable_problem(url)):
        raise DatabaseProblem(problem)
    engine = make_engine(db)
    if write and (waiting := needs_repair(engine)):
        raise DatabaseProblem(
            f"{display_name(url)}: duplicate rows left by an earlier version in {', '.join(waiting)}; "
            "run `auditor doctor --fix` first"
        )
    return engine


def database_problem(db: str | None) -> str | None:
    """Why the run could not use the database (None when it can); a new file is not created."""
    from auditor.store.engine import database_url, sqlite_path, writable_problem
    from auditor.store.errors import DatabaseProblem

    url = database_url(db)
    if problem := writable_problem(url):
        return problem
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return None  # the folder is writable: the run creates it
    try:
        check_database(db)
    except DatabaseProblem as exc:
        return str(exc)
    return None
