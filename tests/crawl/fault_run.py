"""``python -m tests.crawl.fault_run PEAK_FILE RUNNER_ARGS...``: a crawl (auditor.crawl.runner) that
writes its own peak resident memory (VmHWM, in kB) to PEAK_FILE when it ends.

VmHWM belongs to the process's own memory map, so unlike ``ru_maxrss`` it does not count the
parent's pages the child had before it started the interpreter."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from auditor.crawl.runner import main


def peak_kb() -> int:
    status = Path("/proc/self/status").read_text()
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) if found else 0


if __name__ == "__main__":
    code = main(sys.argv[2:])
    Path(sys.argv[1]).write_text(str(peak_kb()))
    sys.exit(code)
