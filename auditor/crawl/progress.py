"""A live Rich table of pages, items and failures per source while the crawl runs."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.table import Table

COLUMNS = ("pages", "items", "reused", "failures", "unmatched", "field_problems")


def source_counts(crawlers: list[Any]) -> dict[str, dict[str, int]]:
    """source -> column -> count, from the crawlers' stats (``auditor/<source>/<column>``)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    for crawler in crawlers:
        for key, value in (crawler.stats.get_stats() or {}).items():
            parts = key.split("/")
            if len(parts) == 3 and parts[0] == "auditor" and parts[2] in COLUMNS:
                counts[parts[1]][parts[2]] += int(value)
    return dict(counts)


def progress_table(crawlers: list[Any]) -> Table:
    table = Table(title="crawl", expand=False)
    table.add_column("source", no_wrap=True, min_width=6)  # ids told apart in full (firmakatalog-se)
    for column in COLUMNS:
        table.add_column(column.replace("_", " "), justify="right")
    for source, counts in sorted(source_counts(crawlers).items()):
        table.add_row(source, *(f"{counts[c]:,}" for c in COLUMNS))
    return table


class CrawlProgress:
    """Refreshes the table twice a second on the running reactor."""

    def __init__(self, crawlers: list[Any], console: Console | None = None) -> None:
        self.crawlers = crawlers
        from auditor.report.console import make_console

        self.console = console or make_console(stderr=True)
        self.live = Live(progress_table(crawlers), console=self.console, refresh_per_second=4,
                         transient=False)  # fmt: skip
        self.loop: Any = None

    def start(self) -> None:
        from twisted.internet.task import LoopingCall

        self.live.start()
        self.loop = LoopingCall(self.refresh)
        self.loop.start(0.5, now=False)

    def refresh(self) -> None:
        self.live.update(progress_table(self.crawlers))

    def stop(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.refresh()
        self.live.stop()
        if not self.console.is_terminal:  # in a file the last table ends without a line end
            self.console.file.write("\n")
