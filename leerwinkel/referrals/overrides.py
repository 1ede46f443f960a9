"""Referring anyway (an exclusion overridden with a reason) and referring outside the catalogue."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from leerwinkel.catalogue.match import exclusion_for
from leerwinkel.catalogue.repository import load_offerings
from leerwinkel.intake.proposals import stored_profile
from leerwinkel.intake.validation import Checker
from leerwinkel.storage.models import Client


@dataclass(frozen=True)
class ExternalProvider:
    """A provider or service outside the catalogue: its name, how to reach it, and what it offers."""

    name: str
    contact: str = ""
    service: str = ""


def exclusion_reasons(session: Session, client: Client, offering_id: uuid.UUID) -> tuple[str, ...]:
    """Why matching excludes the offering for the client as saved (plain Dutch); () when it fits."""
    found = load_offerings(session, ids=[offering_id], include_inactive=True)
    if not found:
        return ()
    exclusion = exclusion_for(found[0], stored_profile(session, client))
    return exclusion.reasons if exclusion is not None else ()


def check_external(checker: Checker, external: ExternalProvider) -> ExternalProvider:
    """The external provider with its texts trimmed; problems go to ``checker`` (the name is required)."""
    name = checker.text("external_provider", external.name, maximum=200)
    if not name:
        checker.add("required", "external_provider")
    contact = checker.text("external_contact", external.contact, maximum=1000, multiline=True)
    service = checker.text("external_service", external.service, maximum=300)
    return dataclasses.replace(external, name=name, contact=contact, service=service)
