"""Load and validate a brand spec: brand.yaml, its roster and its rule packs.

``load_spec(path)`` returns a :class:`Spec` or raises :class:`SpecError` listing every problem
found, each as ``file:line: message``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from auditor.spec.errors import describe_error, merge_union_errors
from auditor.spec.models import BrandSpec, RosterEntry
from auditor.spec.roster_file import column_warnings, load_roster
from auditor.spec.yamlfile import LineDict, Problem, YamlFileError, line_of, load_yaml


def _shipped_rules_dir() -> Path:
    """``rules/`` beside the package (a checkout or editable install), else the copy a wheel
    installs under ``<prefix>/share/auditor/rules``."""
    import sys

    beside = Path(__file__).resolve().parents[2] / "rules"
    installed = Path(sys.prefix) / "share" / "auditor" / "rules"
    return beside if beside.is_dir() or not installed.is_dir() else installed


DEFAULT_RULES_DIR = _shipped_rules_dir()


def default_rule_packs() -> list[Path]:
    """The rule packs shipped with the auditor (``rules/*.yml``); empty when none are present."""
    if not DEFAULT_RULES_DIR.is_dir():
        return []
    return sorted(p for p in DEFAULT_RULES_DIR.iterdir() if p.suffix in (".yml", ".yaml"))


class SpecError(ValueError):
    """The spec (or its roster or rule packs) has problems; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Spec:
    """A validated spec with its roster resolved; model attributes are reachable directly."""

    model: BrandSpec
    path: Path
    roster: list[RosterEntry]
    rule_pack_paths: list[Path]
    spec_hash: str
    warnings: list[Problem] = field(default_factory=list)  # worth saying, not worth refusing
    _by_id: dict[str, RosterEntry] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {entry.store_id: entry for entry in self.roster}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.model, name)

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def location(self, store_id: str) -> RosterEntry | None:
        return self._by_id.get(store_id)

    def allowed_domains(self) -> list[str]:
        """Hosts the crawler may visit: the brand's own plus every source's."""
        hosts = list(self.model.brand.domains)
        for source in self.model.sources:
            hosts.extend(source.allowed_domains)
        return sorted(set(hosts))

    def rule_overrides_for(self, store: RosterEntry | str) -> dict[str, str | float]:
        """Rule id -> "off" or a new weight, from every override matching the store (in order)."""
        entry = self.location(store) if isinstance(store, str) else store
        if entry is None:
            return {}
        merged: dict[str, str | float] = {}
        country = (entry.country or self.model.country or "").upper()
        for override in self.model.scoring.overrides:
            region = override.match.get("region")
            store_id = override.match.get("store")
            wanted_country = override.match.get("country")
            if (
                (region is None or region == entry.region)
                and (store_id is None or store_id == entry.store_id)
                and (wanted_country is None or wanted_country.upper() == country)
            ):
                merged.update(override.rules)
        return merged


def load_spec(path: str | Path) -> Spec:
    """Read, validate and resolve a brand spec; raises SpecError with every problem."""
    path = Path(path)
    name = str(path)
    try:
        data, problems = load_yaml(path, "brand spec")
    except YamlFileError as exc:
        raise SpecError([exc.problem]) from None
    if not isinstance(data, dict):
        found = "an empty file" if data is None else type(data).__name__
        raise SpecError([Problem(name, 1, f"expected a mapping of spec sections, found {found}")])
    from auditor.sources.presets import expand_presets

    preset_problems = [Problem(name, line_of(data, keys), message)
                       for keys, message in expand_presets(data, path.parent)]  # fmt: skip
    if preset_problems:  # a block that is not a source yet: say only what is wrong with it
        raise SpecError(problems + preset_problems)
    try:
        model = BrandSpec.model_validate(data)
    except ValidationError as exc:
        problems.extend(_model_problems(name, data, exc, BrandSpec))
        raise SpecError(problems) from None

    from auditor.spec.checks import network_problems, phrase_problems, template_problems, template_warnings

    for keys, message in network_problems(model):
        problems.append(Problem(name, line_of(data, keys), message))
    for keys, message in phrase_problems(model):
        problems.append(Problem(name, line_of(data, keys), message))
    roster_path = (path.parent / model.roster).resolve()
    roster_line = line_of(data, ("roster",))
    roster: list[RosterEntry] = []
    warnings: list[Problem] = []
    if not model.roster_outside_ok and not roster_path.is_relative_to(path.parent.resolve()):
        problems.append(Problem(name, roster_line, (
            f"roster file '{model.roster}' is outside the spec's folder ({roster_path}); "
            "move it beside brand.yaml or set roster_outside_ok: true")))  # fmt: skip
    elif not roster_path.exists():
        problems.append(
            Problem(name, roster_line, f"roster file '{model.roster}' not found (looked for {roster_path})")
        )
    else:
        if not model.country:
            model, missing = _country_from_roster(model, roster_path)
            if missing:
                problems.append(Problem(name, 1, missing))
        roster, roster_problems, roster_lines = load_roster(roster_path, model.country)
        problems.extend(roster_problems)
        problems.extend(_check_roster(roster_path, model, roster, roster_lines))
        warnings = column_warnings(roster_path, roster, roster_lines)
        warnings += [Problem(str(roster_path), line, message)
                     for line, message in template_warnings(model, roster, roster_lines)]  # fmt: skip

    own_columns = list(dict.fromkeys(c for entry in roster for c in entry.extra_columns)) if roster else None
    for keys, message in template_problems(model, own_columns):
        problems.append(Problem(name, line_of(data, keys), message))
    rule_paths, rule_problems = _rule_pack_paths(path, data, model)
    problems.extend(rule_problems)
    if problems:
        raise SpecError(problems)
    return Spec(
        model=model,
        path=path.resolve(),
        roster=roster,
        rule_pack_paths=rule_paths,
        spec_hash=_hash_files([path, roster_path, *rule_paths]),
        warnings=warnings,
    )


def _country_from_roster(model: BrandSpec, roster_path: Path) -> tuple[BrandSpec, str | None]:
    """A spec that names no ``country`` takes the one most of its roster's stores are in; when
    some stores name none, the spec must say it (never a silent guess)."""
    rows, _problems, _lines = load_roster(roster_path, "")
    countries = Counter(row.country.upper() for row in rows if row.country)
    if rows and countries and all(row.country for row in rows):
        return model.model_copy(update={"country": countries.most_common(1)[0][0]}), None
    return model, ("country: not set, and the roster does not give every store's country: add "
                   "'country: XX' (the ISO code of the brand's main country, e.g. DE) to brand.yaml, "
                   "or a country column to the roster")  # fmt: skip


def _check_roster(
    roster_path: Path, model: BrandSpec, roster: list[RosterEntry], lines: list[int]
) -> Iterator[Problem]:
    """Cross-checks between roster rows and the spec: ids, regions, phones, hours."""
    from auditor.spec.checks import roster_row_problems

    name = str(roster_path)
    first_line: dict[str, int] = {}
    for entry, line in zip(roster, lines, strict=True):
        if entry.store_id in first_line:
            yield Problem(
                name,
                line,
                f"duplicate store id '{entry.store_id}' (first at line {first_line[entry.store_id]})",
            )
            continue
        first_line[entry.store_id] = line
        for message in roster_row_problems(entry, model):
            yield Problem(name, line, message)


def _rule_pack_paths(path: Path, data: LineDict, model: BrandSpec) -> tuple[list[Path], list[Problem]]:
    """Resolve ``rules:`` entries to YAML files; ``default`` is the shipped packs."""
    found: list[Path] = []
    problems: list[Problem] = []
    for index, entry in enumerate(model.rules):
        target = DEFAULT_RULES_DIR if entry == "default" else (path.parent / entry)
        if target.is_dir():
            found.extend(sorted(p for p in target.iterdir() if p.suffix in (".yml", ".yaml")))
        elif target.is_file():
            found.append(target)
        else:
            line = line_of(data, ("rules", index))
            problems.append(Problem(str(path), line, f"rule pack '{entry}' not found (looked for {target})"))
    return [p.resolve() for p in found], problems


def _hash_files(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for p in paths:
        if p.is_file():
            digest.update(p.name.encode())
            digest.update(p.read_bytes())
    return digest.hexdigest()


def _model_problems(
    name: str, data: Any, exc: ValidationError, model: type[BaseModel]
) -> list[Problem]:
    """Turn pydantic errors into file:line problems with plain-language messages."""
    problems = []
    for error in merge_union_errors(exc.errors()):
        loc = tuple(error["loc"])
        line = line_of(data, loc)
        problems.append(Problem(name, line, describe_error(error, model, data)))
    return problems
