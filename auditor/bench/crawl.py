"""Crawl benchmark: a 2,000-store demo world crawled by the auditor and by bare Scrapy + extruct
over the same pages in the same run; then a second, incremental crawl of the unchanged world.

Records ``crawl_pages_per_s`` (auditor vs bare spider), ``recrawl_speedup`` (first crawl time /
second crawl time) and ``crawl_peak_rss_mb`` (the auditor crawl's peak memory; target 400 MB).
"""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from auditor.bench import BenchResult

STORES = 2000


def _timed(args: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    return time.perf_counter() - started, done.stdout


def _serve(out: Path) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "auditor.demo",
            "--out",
            str(out),
            "--locations",
            str(STORES),
            "--serve",
            "--no-faults",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    for line in server.stdout:  # "serving on http://127.0.0.1:PORT; spec: ..."
        if line.startswith("serving on "):
            return server, line.split()[2].rstrip(";")
    raise RuntimeError("the demo server did not start")


def run() -> list[BenchResult]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        server, proxy = _serve(out)
        try:
            spec = out / "brand.served.yaml"
            db = out / "bench.db"
            first, _ = _timed(["-m", "auditor.crawl.runner", str(spec), str(db), "--loopback", "--quiet"])
            peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            with sqlite3.connect(db) as conn:
                urls = [u for (u,) in conn.execute("SELECT url FROM fetch WHERE run_id = 1 AND status = 200")]
                pages = conn.execute("SELECT COUNT(*) FROM fetch WHERE run_id = 1").fetchone()[0]
            second, _ = _timed(["-m", "auditor.crawl.runner", str(spec), str(db), "--loopback", "--quiet"])
            urls_file = out / "urls.txt"
            urls_file.write_text("\n".join(urls))
            bare_time, bare_out = _timed(["-m", "auditor.bench.bare_spider", str(urls_file), proxy])
            bare_pages = int(bare_out.strip().splitlines()[-1])
        finally:
            server.terminate()
            server.wait(timeout=10)
    auditor_rate = pages / first
    bare_rate = bare_pages / bare_time
    return [
        BenchResult(
            "crawl_pages_per_s",
            round(auditor_rate, 1),
            "pages/s",
            round(bare_rate, 1),
            round(auditor_rate / bare_rate, 3),
        ),
        BenchResult(
            "recrawl_speedup", round(first / second, 2), "x", round(first, 1), round(first / second, 2)
        ),
        BenchResult("crawl_peak_rss_mb", round(peak_mb, 1), "MB", 400.0, round(peak_mb / 400.0, 3)),
    ]
