"""Item pipelines, in order: normalise (300) -> match to roster (400) -> store (900)."""
