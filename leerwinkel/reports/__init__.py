"""Reports: the figures for the coordinator and the funders, and their PDF/XLSX/CSV exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leerwinkel.reports.figures import Count, Period, Report, Share

if TYPE_CHECKING:
    from leerwinkel.reports.service import ReportService

__all__ = ["Count", "Period", "Report", "ReportService", "Share"]


def __getattr__(name: str) -> Any:
    # The service (and SQLAlchemy with it) is imported on first use: the command line imports this
    # package to build its parser, and ``leerwinkel --help`` must not wait for the database layer.
    if name == "ReportService":
        from leerwinkel.reports.service import ReportService

        return ReportService
    raise AttributeError(name)
