"""pydantic's validation errors retold in the project's words, with the spec's key paths
(``identity.palette[0].hex: '#12' is not a hex colour (#rgb or #rrggbb)``)."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

from auditor.spec.yamlfile import bool_word_at, quoting_hint


def describe_error(error: dict, model: type[BaseModel], data: Any = None) -> str:
    """One plain sentence for one pydantic error, in the project's words (never the library's).
    With ``data`` (the YAML that was validated), a value YAML read as true/false from a word
    such as ``NO`` or ``ON`` gets the hint to quote it."""
    message = _describe(error, model)
    word = bool_word_at(data, error["loc"]) if data is not None else ""
    return f"{message}; {quoting_hint(word)}" if word else message


def _describe(error: dict, model: type[BaseModel]) -> str:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = loc[-1]
        known = known_keys(model, loc[:-1])
        hint = difflib.get_close_matches(str(key), known, n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else f" (known keys: {', '.join(known)})"
        parent = key_path(loc[:-1]) or "the top level"
        return f"unknown key '{key}' in {parent}{suggestion}"
    if kind == "missing":
        parent = key_path(loc[:-1]) or "the top level"
        return f"missing required key '{loc[-1]}' in {parent}"
    where = key_path(loc)
    message = _plain_message(kind, error)
    return f"{where}: {message}" if where else message


def merge_union_errors(errors: list[dict]) -> list[dict]:
    """One error per value: a value that fits no member of a union (``off`` or a number) gives
    pydantic one error per member; they become one ``expected A or B, found X``."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for error in errors:
        groups.setdefault((key_path(tuple(error["loc"])), repr(error.get("input"))), []).append(error)
    out = []
    for group in groups.values():
        if len(group) == 1 or group[0]["type"] in ("extra_forbidden", "missing"):
            out.extend(group)
            continue
        wanted = [w for w in (_expectation(e) for e in group) if w]
        merged = dict(group[0], type="union_mismatch")
        found = _shown(group[0].get("input"))
        merged["msg"] = f"expected {' or '.join(dict.fromkeys(wanted))}, found {found}"
        out.append(merged)
    return out


def _expectation(error: dict) -> str:
    kind = error["type"]
    if kind == "literal_error":
        return str((error.get("ctx") or {}).get("expected", "")).replace(" or ", ", ")
    return next((text for prefix, text in _EXPECTED.items() if kind.startswith(prefix + "_")), "")


def key_path(loc: tuple) -> str:
    """A pydantic location as the spec's key path: ``identity.palette[0].hex``."""
    out = ""
    for part in loc:
        text = str(part)
        if isinstance(part, int):
            out += f"[{part}]"
        elif _is_tag(text):
            continue  # a union member's tag, not a key of the file
        else:
            out += f".{text}" if out else text
    return out


def _is_tag(text: str) -> bool:
    """Whether a location part names a union member (a type or model), not a key of the file."""
    return text.startswith(("function-", "literal[")) or text in _TYPE_TAGS or "[" in text or _is_model(text)


def _is_model(tag: str) -> bool:
    """Whether a location part is a union member's model name (``RuleSetting``), not a key."""
    from auditor.spec import models

    candidate = getattr(models, tag, None)
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


_TYPE_TAGS = {"str", "int", "float", "bool", "list", "dict", "none", "is-instance", "lax-or-strict"}
_EXPECTED = {
    "int": "a whole number", "float": "a number", "bool": "true or false", "string": "text",
    "list": "a list ([a, b] or one '- item' per line)", "dict": "a mapping (key: value)",
    "model": "a mapping (key: value)", "date": "a date (YYYY-MM-DD)",
}  # fmt: skip


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value) if not isinstance(value, bool) else str(value).lower()


def _plain_message(kind: str, error: dict) -> str:
    found = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "union_mismatch":
        return str(error["msg"])
    if kind in ("value_error", "assertion_error"):
        return str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"{_shown(found)} is not one of: {expected}"
    for prefix, expected in _EXPECTED.items():
        if kind.startswith(prefix + "_"):
            return f"expected {expected}, found {_shown(found)}"
    bounds = {"greater_than_equal": ">=", "greater_than": ">", "less_than_equal": "<=", "less_than": "<"}
    if kind in bounds:
        limit = next(iter(ctx.values()), "")
        limit = f"{limit:g}" if isinstance(limit, int | float) else limit
        return f"{_shown(found)} must be {bounds[kind]} {limit}"
    if kind in ("too_short", "too_long"):
        return f"{_shown(found)} has the wrong number of items"
    return f"{_shown(found)} is not a valid value here"


def known_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model reached by following ``loc`` from ``model``."""
    import typing

    current: Any = model
    for step in loc:
        if isinstance(step, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(str(step))
        if info is None:
            return []
        current = info.annotation
        for _ in range(3):  # unwrap list[X], X | None, dict[str, X]
            args = [a for a in typing.get_args(current) if a is not type(None)]
            if isinstance(current, type) and issubclass(current, BaseModel):
                break
            if not args:
                break
            current = args[-1]
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []
