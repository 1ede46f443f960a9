"""Typed ids: one NewType over UUID per entity, so a client id cannot pass for a referral id."""

from __future__ import annotations

import uuid
from typing import NewType

CounsellorId = NewType("CounsellorId", uuid.UUID)
SiteId = NewType("SiteId", uuid.UUID)
ClientId = NewType("ClientId", uuid.UUID)
IntakeId = NewType("IntakeId", uuid.UUID)
WishId = NewType("WishId", uuid.UUID)
ProviderId = NewType("ProviderId", uuid.UUID)
LocationId = NewType("LocationId", uuid.UUID)
OfferingId = NewType("OfferingId", uuid.UUID)
ReferralId = NewType("ReferralId", uuid.UUID)
LetterId = NewType("LetterId", uuid.UUID)
ContactId = NewType("ContactId", uuid.UUID)


def new_id() -> uuid.UUID:
    """A new record's id: a random UUID (version 4), made here for every table.

    Not a time-ordered one (UUID version 7), although it would put the rows of one save next to each
    other in every index (a new client's save wrote 47 encrypted pages instead of 55, issue 15): what
    people read and type of an id is its first hex digits (the ``LW-1A2B3C4D`` reference on letters and
    reply slips, the id prefix ``clients merge`` takes), and in a version 7 id those are the clock, the
    same for every record made in the same minute.
    """
    return uuid.uuid4()
