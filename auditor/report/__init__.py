"""Reports: terminal tables, a static HTML site, CSV/JSON exports.

The two entry points are imported on first use, so a command that only prints rows
(``auditor.report.export``) starts without loading Jinja2 and the database layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.report.html import write_html_report
    from auditor.report.terminal import print_run_summary

__all__ = ["print_run_summary", "write_html_report"]


def __getattr__(name: str) -> Any:
    if name == "write_html_report":
        from auditor.report.html import write_html_report

        return write_html_report
    if name == "print_run_summary":
        from auditor.report.terminal import print_run_summary

        return print_run_summary
    raise AttributeError(f"module 'auditor.report' has no attribute {name!r}")
