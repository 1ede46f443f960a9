"""Reports: the figures for the coordinator and the funders, and their PDF/XLSX/CSV exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from leerwinkel.reports.figures import Count, Period, Report, Share
    from leerwinkel.reports.service import ReportService

__all__ = ["Count", "Period", "Report", "ReportService", "Share"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the command line imports this package to build its parser, and ``leerwinkel
    # --help`` must not wait for the database layer (the service) or the figures' dataclasses.
    if name == "ReportService":
        from leerwinkel.reports.service import ReportService

        return ReportService
    if name in {"Count", "Period", "Report", "Share"}:
        from leerwinkel.reports import figures

        return getattr(figures, name)
    raise AttributeError(name)
