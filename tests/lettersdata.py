"""Invented test data for the letters tests, built with the ORM (no real people, no real providers)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from leerwinkel.storage.models import (
    Client,
    ClientThreshold,
    ClientVulnerability,
    Consent,
    Counsellor,
    Intake,
    LearningWish,
    Location,
    Offering,
    Provider,
    Referral,
    Setting,
    Site,
)
from leerwinkel.storage.store import Store

MARKUP = '<b>vet</b> <img src="/etc/passwd"/> <a href="http://example.invalid/x">klik</a> <i>open'


@dataclass(frozen=True)
class Built:
    referral_id: uuid.UUID
    client_id: uuid.UUID
    counsellor_id: uuid.UUID
    provider_id: uuid.UUID
    offering_id: uuid.UUID


def set_setting(store: Store, key: str, value: object) -> None:
    with store.unit_of_work() as session:
        row = session.scalars(select(Setting).where(Setting.key == key)).first()
        if row is None:
            session.add(Setting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)


def build_referral(
    store: Store,
    *,
    first_name: str = "Nguyễn Thị",
    last_name: str = "Đặng",
    share: bool = True,
    detained: bool = False,
    site_code: str = "gevangenis-mechelen",
    note: str = "",
    counsellor_name: str = "Øyvind Çelik",
    provider_name: str = "CVO Voorbeeld",
    offering_title: str = "Nederlands tweede taal, richtgraad 1",
    location_city: str = "Mechelen",
    category: str = "nt2",
    referred_on: dt.date = dt.date(2026, 3, 16),
    appointment: dt.datetime | None = dt.datetime(2026, 3, 23, 9, 0, tzinfo=dt.UTC),
    username: str | None = None,
) -> Built:
    """One client with consent, a wish, an offering at a location and a referral (all invented)."""
    with store.unit_of_work() as session:
        site = session.scalars(select(Site).where(Site.code == site_code)).one()
        counsellor = session.scalars(
            select(Counsellor).where(Counsellor.username == (username or "test-counsellor"))
        ).first()
        if counsellor is None:
            counsellor = Counsellor(
                username=username or "test-counsellor",
                display_name=counsellor_name,
                phone="015 00 00 00",
                email="trajectbegeleider@example.invalid",
            )
            session.add(counsellor)
        provider = Provider(
            external_id=f"test-{uuid.uuid4()}",
            name=provider_name,
            phone="015 11 11 11",
            email="info@example.invalid",
            website="https://example.invalid/cvo",
        )
        location = Location(
            external_id=f"test-{uuid.uuid4()}",
            provider=provider,
            name="Campus Voorbeeld",
            street="Voorbeeldstraat 1",
            postcode="2800",
            city=location_city,
            phone="015 22 22 22",
            opening_hours="maandag tot vrijdag van 9 tot 16 uur",
        )
        prison_location = Location(
            external_id=f"test-{uuid.uuid4()}",
            provider=provider,
            name="Lokaal in de gevangenis",
            city="Mechelen",
            postcode="2800",
            prison_site_code="gevangenis-mechelen",
        )
        offering = Offering(
            external_id=f"test-{uuid.uuid4()}",
            provider=provider,
            title=offering_title,
            category=category,
            description="Lessen Nederlands voor beginners. Je leert spreken, luisteren, lezen en schrijven.",
            schedule_day=True,
            schedule_evening=True,
            schedule_note="Start in september en in februari.",
            is_free=False,
            reduced_for_jobseekers=True,
            cost_note="€ 1,50 per lesuur; vrijstelling mogelijk.",
            what_to_bring="Je identiteitskaart en een schrift.",
            in_prison=True,
        )
        offering.locations.extend([location, prison_location])
        session.add_all([provider, location, prison_location, offering])
        client = Client(
            first_name=first_name,
            last_name=last_name,
            phone="0470 00 00 01",
            email="client@example.invalid",
            street="Proefstraat 5",
            postcode="2800",
            municipality="Mechelen",
            birth_year=1990,
            dutch_level="A1",
            detained=detained,
            expected_release_date=dt.date(2027, 1, 15) if detained else None,
            notes=note,
        )
        client.thresholds.append(ClientThreshold(code="kinderopvang"))
        client.vulnerabilities.append(ClientVulnerability(code="psychisch", note="vertrouwelijk"))
        client.consents.append(
            Consent(store_data=True, share_with_provider=False, contact_follow_up=True, given_on=dt.date(2026, 1, 5))
        )
        client.consents.append(
            Consent(store_data=True, share_with_provider=share, contact_follow_up=True, given_on=dt.date(2026, 3, 16))
        )
        session.add(client)
        session.flush()
        intake = Intake(
            client_id=client.id,
            site_id=site.id,
            counsellor_id=counsellor.id,
            held_on=referred_on,
            next_appointment_at=appointment,
        )
        wish = LearningWish(
            client_id=client.id,
            category=category,
            description=note or "Beter Nederlands spreken met de juf van mijn kinderen.",
            goal="Later een opleiding volgen.",
        )
        session.add_all([intake, wish])
        session.flush()
        referral = Referral(
            client_id=client.id,
            wish_id=wish.id,
            offering_id=offering.id,
            provider_id=provider.id,
            counsellor_id=counsellor.id,
            site_id=site.id,
            category=category,
            referred_on=referred_on,
            note=note,
        )
        session.add(referral)
        session.flush()
        return Built(referral.id, client.id, counsellor.id, provider.id, offering.id)
