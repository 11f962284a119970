"""Per-platform converters: a platform's structured hours, special days and status values to the
forms the normalisers read (OSM ``opening_hours`` text, ``2026-12-25 closed; ...``, and
``open`` / ``temporarily_closed`` / ``closed``).

A preset's ``adapter.convert`` maps a field to ``module.function`` in this package (or to
``package.module:function`` anywhere importable); each
function takes the JSON value its JMESPath found and returns text (or None: the platform shows
nothing there). A value it cannot read raises ConvertError with the reason.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from auditor.sources.convert.common import ConvertError

Converter = Callable[[Any], "str | None"]


def converter(name: str) -> Converter:
    """The function ``module.function`` of this package names, or ``package.module:function``
    anywhere importable (a converter kept outside the auditor); ValueError when there is none."""
    if ":" in name:
        module_name, _, function = name.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise ValueError(f"converter module '{module_name}' cannot be imported: {exc}") from None
        found = getattr(module, function, None)
        if not callable(found):
            raise ValueError(f"converter module '{module_name}' has no function '{function}'")
        return found
    module_name, _, function = name.rpartition(".")
    if not module_name or not module_name.replace("_", "").isalnum():
        raise ValueError(f"converter '{name}' is not 'module.function'")
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ImportError:
        raise ValueError(f"no converter module '{module_name}' in {__name__}") from None
    found = getattr(module, function, None)
    if not callable(found):
        raise ValueError(f"converter module '{module_name}' has no function '{function}'")
    return found


__all__ = ["ConvertError", "converter"]
