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
