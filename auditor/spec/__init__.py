"""The brand spec: brand.yaml models, YAML and roster loading with file:line errors, validation."""

from auditor.spec.load import (
    DEFAULT_RULES_DIR,
    Spec,
    SpecError,
    default_rule_packs,
    describe_error,
    load_spec,
)

__all__ = ["DEFAULT_RULES_DIR", "Spec", "SpecError", "default_rule_packs", "describe_error", "load_spec"]
