"""``auditor sentiment-eval`` output and the cross-set evaluation on the real UCI sets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.sentiment.evaluate import binary_scores, evaluate_set
from auditor.sentiment.labelled import LabelledFileError, default_labelled_dir, read_labelled

DATA = Path(__file__).resolve().parents[1] / "data" / "sentiment"
LINE = re.compile(r"^(\S+) (\S+) accuracy=(0\.\d{3}|1\.000) macro_f1=(0\.\d{3}|1\.000)$")
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
    # unseen sentences: the production model (trained on every shipped set) is used
    assert parsed[1].group(2) == ("review(train=amazon_cells_labelled+imdb_labelled;unseen=4/4)")
    assert float(parsed[1].group(3)) == 1.0


def test_eval_bad_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("fine sentence\t1\nno label here\n", encoding="utf-8")
    result = runner.invoke(app, ["sentiment-eval", str(bad)])
    assert result.exit_code == 3
    assert f"{bad}:2: expected 'sentence<TAB>0' or 'sentence<TAB>1'" in result.output
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
    assert binary_scores([1, 0, 1, 0], [1, 0, 0, 0]) == (0.75, pytest.approx((2 / 3 + 0.8) / 2))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["amazon_cells_labelled", "imdb_labelled"])
def test_cross_set_default_beats_both_baselines(name):
    """On each real set the default, trained on the other set only, beats TextBlob and VADER."""
    labelled = read_labelled(DATA / f"{name}.txt")
    results = {e.analyzer.split("(")[0]: e for e in evaluate_set(labelled, name)}
    trained = results["review"]
    other = "imdb_labelled" if name.startswith("amazon") else "amazon_cells_labelled"
    assert trained.analyzer.startswith(f"review(train={other};unseen=")
    assert trained.sentences >= 990
    assert trained.accuracy > results["vader"].accuracy + 0.01
    assert trained.accuracy > results["textblob"].accuracy + 0.04


def test_default_sets_fall_back_to_the_repository_copy(tmp_path):
    repo = tmp_path / "main"
    (repo / "tests" / "data" / "sentiment").mkdir(parents=True)
    assert default_labelled_dir(repo) == repo / "tests" / "data" / "sentiment"
    shared = tmp_path / "shared" / "data" / "sentiment"
    shared.mkdir(parents=True)
    (shared / "x_labelled.txt").write_text("Great.\t1\n", encoding="utf-8")
    assert default_labelled_dir(repo) == shared
