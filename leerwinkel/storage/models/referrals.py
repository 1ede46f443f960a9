"""Referrals to providers, their status history, and the letters printed for them."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from leerwinkel.storage.models.base import Code, Record
from leerwinkel.taxonomy import OUTCOMES, REFERRAL_STATUSES, WISH_CATEGORIES


class Referral(Record):
    __tablename__ = "referrals"
    __table_args__ = (  # for the reports (revision 0050)
        Index("ix_referrals_status_follow_up_on_site_id", "status", "follow_up_on", "site_id"),
        Index(
            "ix_referrals_referred_on_site_id_provider_id_category", "referred_on", "site_id", "provider_id", "category"
        ),
        # Enrolment figures look referrals up by id for their client and site: answered from the index
        # alone, without reading (and on SQLCipher decrypting) the table's pages (revision 0070).
        Index("ix_referrals_id_client_id_site_id", "id", "client_id", "site_id"),
        # The follow-up lists' order (Vandaag, Opvolging): their first rows without sorting them all (0200).
        Index("ix_referrals_follow_up_on_referred_on_id_status", "follow_up_on", "referred_on", "id", "status"),
        # The report's enrolments per day, with site and client: from the index alone (revision 0210).
        Index("ix_referrals_enrolled_on_site_id_client_id", "enrolled_on", "site_id", "client_id"),
    )

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    wish_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("learning_wishes.id", ondelete="SET NULL"), index=True)
    offering_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("offerings.id", ondelete="SET NULL"))
    provider_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("providers.id", ondelete="SET NULL"))
    counsellor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("counsellors.id"))
    site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"))
    category: Mapped[Code] = mapped_column(index=True)
    status: Mapped[Code] = mapped_column(default="voorgesteld", index=True)
    referred_on: Mapped[dt.date] = mapped_column(Date, index=True)
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    outcome: Mapped[str | None] = mapped_column(String(40))
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # A provider or service outside the catalogue (revision 0090): name, how to reach it, and what.
    external_provider: Mapped[str] = mapped_column(String(200), default="", server_default="")
    external_contact: Mapped[str] = mapped_column(Text, default="", server_default="")
    external_service: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # The day the course starts for this client, once known (the provider's reply slip; revision 0130).
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    # What the status history reached, for the reports (revision 0210). The database keeps these: its
    # triggers on referral_status_changes recompute them from the whole history on every change to it,
    # whoever writes it (the app, an exchange file). The app never writes them, and they do not travel.
    # A migration that copies referrals or referral_status_changes on SQLite must recreate the triggers.
    # Whether the history holds a change to gestart or afgerond; to afgerond; the first change's date
    # to ingeschreven, gestart or afgerond (leerwinkel/reports/passes.py: STARTED, COMPLETED, ENROLMENT_STATUSES).
    reached_started: Mapped[bool] = mapped_column(server_default=false())
    reached_completed: Mapped[bool] = mapped_column(server_default=false())
    enrolled_on: Mapped[dt.date | None] = mapped_column(Date)

    history: Mapped[list[ReferralStatusChange]] = relationship(
        back_populates="referral", cascade="all, delete-orphan", order_by="ReferralStatusChange.changed_at"
    )
    letters: Mapped[list[Letter]] = relationship(back_populates="referral", cascade="all, delete-orphan")

    @validates("category")
    def _check_category(self, key: str, value: str) -> str:
        return WISH_CATEGORIES.validate(value, field=key)

    @validates("status")
    def _check_status(self, key: str, value: str) -> str:
        return REFERRAL_STATUSES.validate(value, field=key)

    @validates("outcome")
    def _check_outcome(self, key: str, value: str | None) -> str | None:
        return None if value is None else OUTCOMES.validate(value, field=key)


class ReferralStatusChange(Record):
    __tablename__ = "referral_status_changes"
    __table_args__ = (  # for the reports (revision 0050)
        Index("ix_referral_status_changes_status_changed_on_referral_id", "status", "changed_on", "referral_id"),
        Index("ix_referral_status_changes_referral_id_changed_on_status", "referral_id", "changed_on", "status"),
        # Referred anyway: the few changes with a reason, without reading every change (revision 0190).
        Index(
            "ix_referral_status_changes_overridden",
            "referral_id",
            sqlite_where=text("override_reason != ''"),
            postgresql_where=text("override_reason != ''"),
        ),
    )

    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"), index=True)
    status: Mapped[Code]
    changed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    changed_at: Mapped[dt.datetime]
    counsellor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("counsellors.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    # Referred anyway (revision 0090): why the offering did not fit, and the counsellor's short reason.
    overridden: Mapped[str] = mapped_column(Text, default="", server_default="")
    override_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    referral: Mapped[Referral] = relationship(back_populates="history")

    @validates("status")
    def _check_status(self, key: str, value: str) -> str:
        return REFERRAL_STATUSES.validate(value, field=key)


class Letter(Record):
    """A document that was printed or saved: kind, language, who and when, and its SHA-256."""

    __tablename__ = "letters"

    referral_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[Code]
    language: Mapped[str] = mapped_column(String(10), default="nl")
    action: Mapped[Code] = mapped_column(default="saved")  # printed | saved
    produced_at: Mapped[dt.datetime]
    counsellor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("counsellors.id"))
    sha256: Mapped[str] = mapped_column(String(64))

    referral: Mapped[Referral | None] = relationship(back_populates="letters")
