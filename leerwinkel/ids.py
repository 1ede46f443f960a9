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
    """A new record's id: a UUID version 7 (RFC 9562), its first 48 bits the time in milliseconds, the
    other 74 random (``secrets``), so ids made on two desks never clash.

    Time-ordered ids put the rows of one save next to each other in every index that holds an id (a
    random UUID put each wish and threshold of a new intake on a page of its own), and a new row lands
    on the last page instead of anywhere: saving a new client wrote 63 encrypted pages with random ids,
    55 with these (issue 15). A plain ``uuid.UUID``, not the library's subclass, goes to the drivers.
    """
    import uuid6  # here, not above: the command line imports the id types, and --help makes no id

    return uuid.UUID(int=uuid6.uuid7().int)
