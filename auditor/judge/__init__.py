"""The judge: rule packs, evidence per location, checks (one module per rule type), scoring."""
