"""Platform presets: ``sources: [{preset: foursquare}]`` expanded into a full source block.

A preset is one YAML file in ``presets/``: the platform's endpoint (``url`` per store, built from
the roster column ``id_column``, or ``start_url`` for a whole-brand query), its JMESPath field
mapping and converters, credential, auth form, headers, quotas and what it shows (``carries``).
The user's block may override ``id``, ``title``, ``id_column``, ``credential``, ``base_url``,
``rate_limit``, ``daily_budget``, ``store``, ``grace_days``, ``carries`` and give the preset's
``params``.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

PRESETS_DIR = Path(__file__).parent / "presets"
_ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]{0,63}$")
USER_KEYS = ("preset", "id", "title", "id_column", "credential", "base_url", "rate_limit", "daily_budget",
             "store", "grace_days", "categories", "carries", "kind", "countries", "listed")  # fmt: skip
_PLATFORM_KEYS = ("credential", "auth", "auth_header", "headers", "rate_limit", "daily_budget", "store",
                  "grace_days", "categories", "holiday_window_days")  # fmt: skip


class PresetError(ValueError):
    """A preset block that cannot be expanded; the message names the key at fault."""

    def __init__(self, key: str, message: str) -> None:
        self.key = key
        super().__init__(message)


def preset_names() -> list[str]:
    """Every preset shipped (the file names in ``presets/``)."""
    return sorted(p.stem for p in PRESETS_DIR.glob("*.yaml"))


@cache
def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "adapter" not in data or not ("url" in data or "start_url" in data):
        raise PresetError("preset", f"{path} is not a preset (it needs 'adapter' and 'url' or 'start_url')")
    return data


def load_preset(name: str, base_dir: Path | None = None) -> dict[str, Any]:
    """A shipped preset by name, or a preset file (``*.yaml``, relative to the spec's folder)."""
    if name.endswith((".yaml", ".yml")):
        path = (base_dir or Path.cwd()) / name
        if not path.is_file():
            raise PresetError("preset", f"preset file '{name}' not found (looked for {path})")
        return _read(path.resolve())
    path = PRESETS_DIR / f"{name}.yaml"
    if not name.replace("_", "").isalnum() or not path.is_file():
        raise PresetError("preset", f"unknown preset '{name}' (use one of: {', '.join(preset_names())})")
    return _read(path)


def expand(block: dict[str, Any], base_dir: Path | None = None) -> dict[str, Any]:
    """A full source block (what a user would otherwise write by hand) from a preset block."""
    given = str(block.get("preset"))
    preset = load_preset(given, base_dir)
    name = Path(given).stem
    params = dict(preset.get("params") or {})
    for key in block:
        if key not in USER_KEYS and key not in params:
            known = ", ".join([*USER_KEYS, *params])
            raise PresetError(key, f"unknown key '{key}' in a '{name}' preset block (known keys: {known})")
    values = {k: block.get(k, default) for k, default in params.items()}
    for key, value in values.items():
        if value is None:
            raise PresetError("preset", f"the '{name}' preset needs '{key}'")
    variable = block.get("credential", preset.get("credential"))
    if variable is not None and not _ENV_NAME.match(str(variable)):
        raise PresetError("credential", "credential: give the name of the environment variable that holds "
                          "the secret (like FOURSQUARE_API_KEY), never the secret itself")  # fmt: skip
    base_url = str(block.get("base_url") or preset["base_url"]).rstrip("/")
    values = {k: quote(str(v), safe="") for k, v in values.items()}
    values["base_url"] = base_url
    source: dict[str, Any] = {
        "id": str(block.get("id") or name),
        "kind": block.get("kind", preset.get("kind", "listing")),
        "title": block.get("title") or preset.get("title", name),
        "allowed_domains": [urlsplit(base_url).hostname or ""],
    }
    if "url" in preset:
        column = str(block.get("id_column") or preset["id_column"])
        values["id"] = "{" + column + "}"
        source["url_template"] = preset["url"].format(**values)
    else:
        if "query" in preset:
            query = preset["query"].replace("{", "{{").replace("}", "}}")
            for key in params:
                query = query.replace("{{" + key + "}}", str(block.get(key, params[key])))
            values["query"] = quote(query, safe="")
        source["start_urls"] = [preset["start_url"].format(**values)]
    adapter = copy.deepcopy(preset["adapter"])
    adapter["type"] = "platform"
    from auditor.sources.convert import converter

    for field, path in (adapter.get("convert") or {}).items():
        try:
            converter(str(path))
        except ValueError as exc:
            raise PresetError("preset", f"preset '{given}': convert.{field}: {exc}") from None
    source["adapter"] = adapter
    source["carries"] = {**(preset.get("carries") or {}), **(block.get("carries") or {})}
    if block.get("countries") is not None:  # a platform used in some markets only
        source["countries"] = block["countries"]
    if (listed := block.get("listed", preset.get("listed"))) is not None:
        source["listed"] = listed
    platform = {"name": name, "title": source["title"]}
    for key in _PLATFORM_KEYS:
        value = block.get(key, preset.get(key))
        if value is not None:
            platform[key] = value
    source["platform"] = platform
    return source


def expand_presets(data: Any, base_dir: Path | None = None) -> list[tuple[tuple[Any, ...], str]]:
    """Expand every ``preset:`` block of a spec's ``sources`` in place; (key path, message) of
    each block that could not be expanded (that block is left as written)."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    sources = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(sources, list):
        return problems
    for index, block in enumerate(sources):
        if not isinstance(block, dict) or "preset" not in block:
            continue
        try:
            sources[index] = expand(block, base_dir)
        except PresetError as exc:
            problems.append((("sources", index, exc.key), f"sources[{index}]: {exc}"))
    return problems
