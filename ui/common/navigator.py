"""What a daily-work page may ask of the pages around it: open a client, start an intake, say something.

ui/workflow.py implements it; the pages take it through their constructors, so no page imports the
workflow that builds it.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from leerwinkel.changes import Changes


class Navigator(Protocol):
    def status(self, text: str) -> None:
        """Show ``text`` in the main window's status bar."""

    def broadcast(self, changes: Changes) -> None:
        """Publish what a write changed, so every page refreshes what it shows."""

    def open_client(self, client_id: uuid.UUID) -> None:
        """Open the client's detail dialog."""

    def start_intake_for(self, client_id: uuid.UUID) -> None:
        """Go to Nieuwe intake with the client loaded (after asking about unsaved changes)."""
