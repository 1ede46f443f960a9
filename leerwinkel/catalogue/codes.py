"""Codes the command line offers as choices, here so that building its parser imports nothing heavy."""

from __future__ import annotations

COSTS = ("free", "reduced-jobseekers", "reduced-prisoners")
EXPORT_FORMATS = ("json", "csv", "xlsx", "hsds", "hsds-csv")
