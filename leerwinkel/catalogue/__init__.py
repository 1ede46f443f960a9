"""The catalogue: bundled providers and offerings, import/export, offline search and matching."""
