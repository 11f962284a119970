"""``auditor sentiment-eval`` output and the cross-set evaluation on the real review sets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.sentiment.evaluate import binary_scores, evaluate_set
from auditor.sentiment.labelled import LabelledFileError, default_labelled_dir, read_labelled

DATA = Path(__file__).resolve().parents[1] / "data" / "sentiment"
FIGURE = r"(0\.\d{3}|1\.000)"
LINE = re.compile(
    rf"^(\S+) (\S+) n=(\d+) accuracy={FIGURE} balanced_accuracy={FIGURE} macro_f1={FIGURE} "
    rf"negative_recall={FIGURE}$"
)
runner = CliRunner()


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "Rude staff and the sofa arrived damaged.\t0\n"
        "Delivery was quick and the team was lovely.\t1\n"
        "\n"
        "Not bad at all, would buy again.\t1\n"
        "Waited an hour, never again.\t0\n",
        encoding="utf-8",
    )
    return path


def test_eval_prints_one_line_per_file_and_analyzer(tmp_path):
    path = _small(tmp_path)
    result = runner.invoke(app, ["sentiment-eval", str(path), "-a", "textblob", "-a", "review"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [m.group(1) for m in parsed] == [str(path), str(path)]
    assert parsed[0].group(2) == "textblob"
    # unseen texts: the default model (trained on every shipped set) is used, and marked
    assert parsed[1].group(2).startswith("review*(train=amazon_cells_labelled+")
    assert parsed[1].group(2).endswith(";unseen=4/4)")
    assert float(parsed[1].group(4)) == 1.0


def test_eval_reads_stars_and_reports_negative_recall(tmp_path):
    path = tmp_path / "stars.tsv"
    path.write_text(
        "Rude staff and the sofa arrived damaged.\t1\n"
        "Delivery was quick and the team was lovely.\t5\n"
        "It was a sofa.\t3\n"
        "Waited an hour, never again.\t2\n",
        encoding="utf-8",
    )
    labelled = read_labelled(path)
    assert labelled.labels == [0, 1, 0]
    assert labelled.stars == [1.0, 5.0, 2.0]
    assert labelled.neutral == 1
    result = runner.invoke(app, ["sentiment-eval", str(path), "-a", "review"])
    assert result.exit_code == 0, result.output
    match = LINE.match(result.output.strip())
    assert match, result.output
    assert match.group(3) == "3"
    assert float(match.group(7)) == 1.0


def test_a_file_in_another_language_is_not_scored_as_english(tmp_path):
    path = tmp_path / "de.tsv"
    path.write_text(
        "Das Personal war unfreundlich und das Sofa kam beschädigt an.\t1\n"
        "Die Lieferung war schnell und das Team sehr freundlich.\t5\n"
        "Wir haben eine Stunde gewartet, nie wieder.\t2\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["sentiment-eval", str(path), "-a", "textblob", "-a", "review"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines == [
        f"{path} textblob not scored (language: de 3 of 3 texts)",
        f"{path} review not scored (language: de 3 of 3 texts)",
    ]


def test_header_files_with_a_label_and_a_rating_column(tmp_path):
    path = tmp_path / "h.tsv"
    path.write_text(
        "text\trating\tlabel\nGood.\t5\t1\nMeh.\t3\t\nBad.\t1\t0\n", encoding="utf-8"
    )
    labelled = read_labelled(path)
    assert (labelled.sentences, labelled.labels, labelled.stars) == (
        ["Good.", "Bad."], [1, 0], [5.0, 1.0]
    )
    scores = path.with_name("scores.tsv")
    scores.write_text("text\trating\tlabel\nGood.\t9.5\t1\nBad.\t2.5\t0\n", encoding="utf-8")
    assert read_labelled(scores).stars == []  # a score out of 10 is not stars


def test_eval_bad_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("fine sentence\t1\nno label here\n", encoding="utf-8")
    result = runner.invoke(app, ["sentiment-eval", str(bad)])
    assert result.exit_code == 3
    assert f"{bad}:2: expected 'text<TAB>label' (0 or 1) or 'text<TAB>stars' (1-5)" in result.output
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["sentiment-eval", str(tmp_path / "none.tsv")])
    assert missing.exit_code == 3
    assert "cannot read" in missing.output


def test_eval_unknown_analyzer(tmp_path):
    result = runner.invoke(app, ["sentiment-eval", str(_small(tmp_path)), "-a", "bert"])
    assert result.exit_code == 64
    assert "unknown analyzer 'bert'" in result.output


def test_read_labelled_keeps_u0085_inside_sentences():
    imdb = read_labelled(DATA / "imdb_labelled.txt")
    assert len(imdb.sentences) == 1000
    assert sum(imdb.labels) == 500
    assert any("\x85" in s for s in imdb.sentences)


def test_read_labelled_rejects_empty(tmp_path):
    empty = tmp_path / "empty.tsv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(LabelledFileError, match="no labelled sentences"):
        read_labelled(empty)


def test_binary_scores():
    scores = binary_scores([1, 0, 1, 0], [1, 0, 0, 0])
    assert scores.accuracy == 0.75
    assert scores.macro_f1 == pytest.approx((2 / 3 + 0.8) / 2)
    assert scores.negative_recall == 1.0
    assert scores.balanced_accuracy == 0.75


@pytest.mark.slow
@pytest.mark.parametrize("name", ["amazon_cells_labelled.txt", "imdb_labelled.txt"])
def test_cross_set_default_beats_both_baselines(name):
    """On each real sentence set a model trained on the other sets only beats TextBlob and VADER."""
    labelled = read_labelled(DATA / name)
    results = {e.analyzer.split("(")[0]: e for e in evaluate_set(labelled, name)}
    assert results["review*"].scores is None  # the default model was trained on these
    trained = results["review"]
    assert f"{name.removesuffix('.txt')}" not in trained.analyzer.split(";")[0]
    assert trained.sentences >= 990
    assert trained.accuracy > results["vader"].accuracy + 0.01
    assert trained.accuracy > results["textblob"].accuracy + 0.04


def test_default_sets_are_the_repository_copy(tmp_path):
    repo = tmp_path / "main"
    (repo / "tests" / "data" / "sentiment").mkdir(parents=True)
    assert default_labelled_dir(repo) == repo / "tests" / "data" / "sentiment"
