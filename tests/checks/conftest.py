"""A real spec (the demo brand's) and evidence built field by field for check tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.demo import generate
from auditor.judge.checks.base import Evidence, Seen
from auditor.spec import Spec, load_spec


@pytest.fixture(scope="session")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Spec:
    world = generate(tmp_path_factory.mktemp("world"), locations=12, seed=5)
    return load_spec(world.spec)


@pytest.fixture
def make_evidence(spec: Spec):
    store = next(e for e in spec.roster if e.status == "open").model_dump()

    def build(
        observed: dict | None = None,
        reviews: dict | None = None,
        status: str = "open",
        failed: set[str] | None = None,
        facts: dict | None = None,
        **store_changes,
    ) -> Evidence:
        seen: dict = {}
        for (source, entity), fields in (observed or {}).items():
            seen.setdefault(source, {})[entity] = {
                name: value
                if isinstance(value, Seen)
                else Seen(str(value), value, f"http://{source}.example/{entity}")
                for name, value in fields.items()
            }
        return Evidence(
            store={**store, "status": status, **store_changes},
            spec=spec,
            observed=seen,
            failed_sources=failed or set(),
            reviews=reviews,
            facts=facts or {},
        )

    return build


def rule(**fields):
    from auditor.judge.checks.base import Rule

    return Rule.model_validate({"id": "t.rule", "message": "{source}: {observed} vs {expected}", **fields})


def tests_dir() -> Path:
    return Path(__file__).parent
