"""logo: the logo on location pages is the brand's (perceptual-hash distance)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.normalise import hash_distance, logo_hash


@lru_cache(maxsize=32)
def _reference_hashes(paths: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(logo_hash(Path(p).read_bytes()) for p in paths if Path(p).is_file())


@lru_cache(maxsize=4096)
def _distance(seen: str, reference: str) -> int:
    return hash_distance(seen, reference)


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    files = tuple(str(ev.spec.base_dir / p) for p in ev.spec.identity.logo)
    references = _reference_hashes(files)
    pages = [f["logo"] for f in ev.observed.get("site", {}).values() if "logo" in f and f["logo"].value]
    if not references:
        return []
    if not pages:
        return [not_applicable("site", "no logo read")]
    worst = max(min(_distance(str(seen.value), ref) for ref in references) for seen in pages)
    limit = ev.spec.identity.logo_max_distance
    if worst <= limit:
        return [Outcome("site", 1.0, field="logo")]
    return [Outcome("site", 0.0, f"distance <= {limit}", f"distance {worst}", pages[0].url, "logo")]
