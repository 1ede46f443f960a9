"""The extraction marker ``N_`` alone, for modules that must answer before anything else is imported
(the launcher's ``--version``); everything else imports it from :mod:`leerwinkel.i18n`."""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 (gettext's name for a marker that does not translate)
    """Mark a constant for extraction without translating it; translate it where it is used, with ``_()``."""
    return text


__all__ = ["N_"]
