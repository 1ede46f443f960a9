"""This installation as a device (id, name, role, key pairs), its peers, and the enrolment file.

An enrolment file is a small signed JSON file with a device's id, name, role and public keys. The office
and the laptop each write one and read the other's; each shows a fingerprint to compare by eye (or by
phone) before trusting it. Enrolled peers exchange files without a passphrase: encrypted to the
recipient's X25519 key and signed with the sender's Ed25519 key.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from leerwinkel import __version__
from leerwinkel.errors import ExchangeError
from leerwinkel.security.keys import b64, canonical, unb64, verify_signature
from leerwinkel.storage.models import SyncIdentity, SyncPeer
from leerwinkel.sync.pack import Sender
from leerwinkel.text import fold

ROLES = ("office", "laptop")
MAX_ENROLMENT_BYTES = 16 * 1024


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """Twenty characters in groups of four, to compare an enrolment file by eye."""
    digest = hashlib.sha256(b"leerwinkel-device-v1\x00" + sign_public + box_public).digest()
    text = base64.b32encode(digest[:15]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


@dataclass(frozen=True)
class Device:
    device_id: str
    name: str
    role: str
    fingerprint: str


@dataclass(frozen=True)
class Keys:
    """This installation's private keys, for one unit of work."""

    box: X25519PrivateKey
    signer: Ed25519PrivateKey
    digest_key: bytes
    sender: Sender


def _raw(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def _private_raw(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(
        key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    )


def identity(session: Session, device_id: str) -> SyncIdentity:
    """This installation's row, made (with new key pairs) the first time it is needed."""
    row = session.scalars(select(SyncIdentity).limit(1)).first()
    if row is not None:
        return row
    row = SyncIdentity(
        device_id=device_id,
        name=device_id,
        role="office",
        box_private=b64(_private_raw(X25519PrivateKey.generate())),
        sign_private=b64(_private_raw(Ed25519PrivateKey.generate())),
        digest_key=b64(secrets.token_bytes(32)),
        next_sequence=1,
    )
    session.add(row)
    session.flush()
    return row


def keys_of(row: SyncIdentity) -> Keys:
    box = X25519PrivateKey.from_private_bytes(unb64(row.box_private))
    signer = Ed25519PrivateKey.from_private_bytes(unb64(row.sign_private))
    sender = Sender(
        device_id=row.device_id,
        name=row.name,
        role=row.role,
        sign_public=_raw(signer.public_key()),
        box_public=_raw(box.public_key()),
    )
    return Keys(box=box, signer=signer, digest_key=unb64(row.digest_key), sender=sender)


def device_of(row: SyncIdentity) -> Device:
    keys = keys_of(row)
    return Device(row.device_id, row.name, row.role, fingerprint(keys.sender.sign_public, keys.sender.box_public))


PROVISIONAL = "naam:"


def find_peer(session: Session, text: str) -> SyncPeer | None:
    """A peer by device id, else by name (case-insensitive); a peer known by its device id goes first.

    Failing that, a name written another way: "laptop-lio" finds the peer that, once its first file came
    back, took the name it gave itself ("Laptop LIO"), instead of starting a second peer for it.
    """
    wanted = text.strip()
    candidates = list(
        session.scalars(
            select(SyncPeer).where(or_(SyncPeer.device_id == wanted, func.lower(SyncPeer.name) == wanted.casefold()))
        )
    )
    if not candidates and _loose(wanted):
        candidates = [peer for peer in session.scalars(select(SyncPeer)) if _loose(peer.name) == _loose(wanted)]

    def rank(peer: SyncPeer) -> tuple[bool, bool, bool]:
        return (peer.device_id != wanted, peer.device_id.startswith(PROVISIONAL), not peer.enrolled)

    return min(candidates, key=rank, default=None)


def _loose(name: str) -> str:
    """A name without case, accents, spaces or punctuation ("Laptop LIO" and "laptop-lio" alike)."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def enrolment_document(row: SyncIdentity) -> bytes:
    keys = keys_of(row)
    body = {
        "leerwinkel-enrolment": 1,
        "app_version": __version__,
        "device_id": row.device_id,
        "name": row.name,
        "role": row.role,
        "sign_public": b64(keys.sender.sign_public),
        "box_public": b64(keys.sender.box_public),
    }
    signature = b64(keys.signer.sign(canonical(body)))
    return (json.dumps({**body, "signature": signature}, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    name: str
    role: str
    sign_public: bytes
    box_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)


def read_enrolment(path: Path) -> Enrolment:
    """A peer's enrolment file, checked (its own signature); ExchangeError("bad-enrolment") otherwise."""
    location = path.name
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_ENROLMENT_BYTES + 1)
        if len(raw) > MAX_ENROLMENT_BYTES:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
        signature = data.pop("signature")
        if data.get("leerwinkel-enrolment") != 1:
            raise ValueError("not an enrolment file")
        enrolment = Enrolment(
            device_id=str(data["device_id"])[:64],
            name=str(data["name"])[:200],
            role=str(data["role"]),
            sign_public=unb64(data["sign_public"]),
            box_public=unb64(data["box_public"]),
        )
        if enrolment.role not in ROLES or len(enrolment.sign_public) != 32 or len(enrolment.box_public) != 32:
            raise ValueError("bad keys or role")
        if not verify_signature(enrolment.sign_public, canonical(data), signature):
            raise ValueError("bad signature")
    except OSError as error:
        raise ExchangeError("bad-enrolment", location=location) from error
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
        raise ExchangeError("bad-enrolment", location=location) from error
    return enrolment
