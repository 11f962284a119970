"""Reports: terminal tables, a static HTML site, CSV/JSON exports."""

from auditor.report.html import write_html_report
from auditor.report.terminal import print_run_summary

__all__ = ["print_run_summary", "write_html_report"]
