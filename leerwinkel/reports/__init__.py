"""Reports: the figures for the coordinator and the funders, and their PDF/XLSX/CSV exports."""

from leerwinkel.reports.figures import Count, Period, Report, Share
from leerwinkel.reports.service import ReportService

__all__ = ["Count", "Period", "Report", "ReportService", "Share"]
