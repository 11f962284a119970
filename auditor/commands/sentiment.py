"""``auditor sentiment-eval``: accuracy and macro F1 of each analyzer on labelled sentence files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from auditor.commands.failures import ExitCode


def sentiment_eval(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files of 'sentence<TAB>label' lines (0 negative, 1 positive). "
            "Default: every *_labelled.txt set in ../shared/data/sentiment "
            "(or the repository copy in tests/data/sentiment).",
            show_default=False,
        ),
    ] = None,
    analyzer: Annotated[
        list[str] | None,
        typer.Option(
            "--analyzer",
            "-a",
            help="Analyzer to evaluate (repeatable): textblob, vader, lexicon, review.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print 'FILE ANALYZER accuracy=0.xxx macro_f1=0.xxx' per file and analyzer.

    Trained analyzers see only sentences new to them: review(train=SET;unseen=N/TOTAL).

    Example: auditor sentiment-eval my_reviews.tsv -a textblob -a review
    """
    from auditor.sentiment.analyzers import ANALYZERS
    from auditor.sentiment.evaluate import BASELINES, evaluate_set
    from auditor.sentiment.labelled import (
        LabelledFileError,
        default_labelled_dir,
        default_labelled_files,
        read_labelled,
    )

    names = analyzer or [*BASELINES, "review"]
    unknown = [n for n in names if n not in ANALYZERS]
    if unknown:
        raise typer.BadParameter(
            f"unknown analyzer {unknown[0]!r}; choose from {', '.join(sorted(ANALYZERS))}",
            param_hint="'--analyzer'",
        )
    paths = files or default_labelled_files()
    if not paths:
        typer.echo(
            f"error: no *_labelled.txt files in {default_labelled_dir()}; pass FILE arguments",
            err=True,
        )
        raise typer.Exit(ExitCode.FAILED)
    for path in paths:
        try:
            labelled = read_labelled(path)
        except LabelledFileError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(ExitCode.INVALID_INPUT) from None
        display = str(path) if files else path.name
        for evaluation in evaluate_set(labelled, display, names):
            typer.echo(evaluation.line())


def register(app: typer.Typer) -> None:
    """Add ``sentiment-eval`` to the CLI."""
    app.command("sentiment-eval")(sentiment_eval)
