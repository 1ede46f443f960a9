"""The ORM models. Only storage/ and the services use them; the UI never sees them."""

from leerwinkel.storage.models.base import Base, Record, UTCDateTime
from leerwinkel.storage.models.catalogue import Location, Offering, OfferingLocation, Provider
from leerwinkel.storage.models.contacts import ClientAssignment, Contact
from leerwinkel.storage.models.drafts import Draft
from leerwinkel.storage.models.people import (
    Client,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Consent,
    Counsellor,
    Intake,
    LearningWish,
    Site,
)
from leerwinkel.storage.models.referrals import Letter, Referral, ReferralStatusChange
from leerwinkel.storage.models.search import CatalogueChanges, SearchEntry, SearchPosting
from leerwinkel.storage.models.sync import (
    SyncAuditEvent,
    SyncConflict,
    SyncIdentity,
    SyncOutbox,
    SyncPeer,
    SyncShadow,
    SyncTombstone,
)
from leerwinkel.storage.models.system import AuditEvent, Setting

__all__ = [
    "AuditEvent",
    "Base",
    "CatalogueChanges",
    "Client",
    "ClientAssignment",
    "ClientTargetGroup",
    "ClientThreshold",
    "ClientVulnerability",
    "Consent",
    "Contact",
    "Counsellor",
    "Draft",
    "Intake",
    "LearningWish",
    "Letter",
    "Location",
    "Offering",
    "OfferingLocation",
    "Provider",
    "Record",
    "Referral",
    "ReferralStatusChange",
    "SearchEntry",
    "SearchPosting",
    "Setting",
    "Site",
    "SyncAuditEvent",
    "SyncConflict",
    "SyncIdentity",
    "SyncOutbox",
    "SyncPeer",
    "SyncShadow",
    "SyncTombstone",
    "UTCDateTime",
]
