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


#: How many ids one call of :func:`new_ids` can make: the consecutive part is the last 16 bits.
MAX_RUN = 0x10000


def new_ids(count: int) -> list[uuid.UUID]:
    """Ids for ``count`` new rows of one table written in one save, in the order given.

    Consecutive numbers from a random version 4 UUID whose last 16 bits are cleared: still random UUIDs
    (106 random bits per run, the version and variant bits untouched), unique as :func:`new_id` is,
    but the rows of one run sit next to each other in the table's primary-key index, so a save writes
    one page of that index instead of one per row (the five thresholds of a new client: one page, not
    five; issue 15), and they sort in the order given on SQLite and PostgreSQL alike.

    Only for rows nobody reads or types by id (a client's thresholds, target groups, wishes): the
    ids of one run share their first 28 hex digits, and those first digits are what people see of a
    referral (``LW-1A2B3C4D``) or a client (``clients merge``), so referrals and clients get :func:`new_id`.
    """
    if not 0 <= count <= MAX_RUN:
        raise ValueError(f"new_ids makes at most {MAX_RUN} ids at a time, not {count}")
    start = uuid.uuid4().int & ~(MAX_RUN - 1)
    return [uuid.UUID(int=start | index) for index in range(count)]
