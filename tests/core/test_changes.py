"""The change flags: one type for the whole app, combined with |, re-exported where older code imports it."""

from __future__ import annotations

from leerwinkel.changes import Changes


def test_flags_combine_and_name_themselves() -> None:
    combined = Changes(clients=True) | Changes(referrals=True) | Changes()
    assert combined == Changes(clients=True, referrals=True)
    assert combined.names() == ("clients", "referrals")
    assert not Changes() and combined


def test_every_flag_of_the_app() -> None:
    assert Changes.everything().names() == (
        "clients",
        "intakes",
        "referrals",
        "drafts",
        "catalogue",
        "settings",
        "letters",
        "accounts",
        "contacts",
    )
