"""Bad voice regexes and incomplete source adapters: one exact file:line error each, exit 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app

GOOD = Path(__file__).parent / "data" / "specs" / "good"
runner = CliRunner()


def _validate_with(tmp_path: Path, old: str, new: str) -> tuple[int, str, Path]:
    target = tmp_path / "spec"
    shutil.copytree(GOOD, target)
    spec_file = target / "brand.yaml"
    text = spec_file.read_text()
    assert old in text
    spec_file.write_text(text.replace(old, new, 1))
    result = runner.invoke(app, ["validate", str(spec_file)])
    return result.exit_code, result.output.strip(), spec_file


def _line(spec_file: Path, needle: str) -> int:
    return next(i for i, t in enumerate(spec_file.read_text().splitlines(), 1) if needle in t)


def test_invalid_regex_in_required_phrase(tmp_path: Path) -> None:
    code, output, spec_file = _validate_with(
        tmp_path,
        "  forbidden_phrases: [cheapest in town]",
        '  forbidden_phrases: [cheapest in town]\n  required_phrases:\n'
        '    - {text: "Prices (include GST", regex: true}',
    )
    assert code == 3
    assert output == (
        f"{spec_file}:{_line(spec_file, 'Prices (')}: voice.required_phrases[0]: text 'Prices (include GST' "
        "is not a valid regular expression: missing ) in 'Prices (include GST'"
    )


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "adapter: {type: jsonld, types: [LocalBusiness]}",
            "adapter: {type: css}",
            "adapter: {type: css}",
            "sources[0].adapter: a css adapter needs 'fields' (field -> selector)",
        ),
        (
            "adapter: {type: jsonld, types: [LocalBusiness]}",
            "adapter: {type: json_api, fields: {name: name}}",
            "type: json_api",
            "sources[0].adapter: a json_api adapter needs 'records' (JMESPath to the record list)",
        ),
        (
            '      review: "article.review"\n',
            "",
            "- id: reviewhub",
            "sources[1]: reviews source 'reviewhub' needs adapter 'review' and 'review_fields'",
        ),
        (
            '    url_template: "http://reviewhub.example/furnco/{store_id}/reviews"\n',
            "",
            "- id: reviewhub",
            "sources[1]: source 'reviewhub' needs 'start_urls' or 'url_template'",
        ),
        (
            "    kind: listing\n",
            "    kind: directory\n",
            "kind: directory",
            "sources[0].kind: 'directory' is not one of: 'listing', 'reviews'",
        ),
    ],
)
def test_incomplete_source_blocks(tmp_path: Path, old: str, new: str, needle: str, message: str) -> None:
    code, output, spec_file = _validate_with(tmp_path, old, new)
    assert code == 3
    assert output == f"{spec_file}:{_line(spec_file, needle)}: {message}"


def test_unknown_adapter_type_names_the_known_ones(tmp_path: Path) -> None:
    from auditor.crawl.adapters import ADAPTERS

    code, output, spec_file = _validate_with(
        tmp_path, "adapter: {type: jsonld, types: [LocalBusiness]}", "adapter: {type: xml}"
    )
    assert code != 0
    assert output == (
        f"{spec_file}:{_line(spec_file, 'type: xml')}: sources[0].adapter.type: 'xml' is not an adapter "
        f"type (use one of: {', '.join(ADAPTERS)})"
    )
