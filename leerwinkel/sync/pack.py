"""The exchange file (``.lwsync``): a signed header, then the payload compressed and encrypted.

Layout (all lengths big-endian)::

    b"LWSYNC\\r\\n"  format (2 bytes)  header length (4)  header (canonical JSON)
    body length (8)  body  Ed25519 signature (64) of everything before it

The header says who sent the file (device id, name, role, public keys), to whom, its sequence number,
the app version and how the body is locked. The body is the zlib-compressed JSON payload, encrypted
either to the recipient's X25519 key with HPKE (RFC 9180: DHKEM-X25519, HKDF-SHA256, AES-256-GCM; the
header is the HPKE ``info``) or, without enrolment, with AES-256-GCM under a key that scrypt derives
from a shared passphrase (the header is the associated data; a check value tells a wrong passphrase
from a damaged file). The signature covers header and body: a flipped byte anywhere is refused before
anything is decrypted. No cipher here is our own: ``cryptography`` provides every primitive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from leerwinkel import __version__
from leerwinkel.errors import ExchangeError
from leerwinkel.security.keys import b64, canonical, unb64

MAGIC = b"LWSYNC\r\n"  # the CR LF shows a copy that went through a text-mode transfer
FORMAT = 1
SUFFIX = ".lwsync"
SIGNATURE_BYTES = 64
NONCE_BYTES = 12
CHECK_BYTES = 32
MAX_HEADER = 64 * 1024
MAX_PAYLOAD = 1024 * 1024 * 1024  # decompressed: refuse a "zip bomb" before it fills the memory
_PREFIX = struct.Struct(">HI")
_BODY_LENGTH = struct.Struct(">Q")
_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)
_INFO = b"leerwinkel-exchange-v1\x00"

#: scrypt work factor 2**N for passphrase files (age uses 2**18; tests lower it). Read from the header,
#: within SCRYPT_BOUNDS, so a file made with another factor still opens.
SCRYPT_LOG_N = 17
SCRYPT_BOUNDS = (10, 20)


@dataclass(frozen=True)
class Sender:
    """Who made a file: enough to enrol it, or to recognise it next time."""

    device_id: str
    name: str
    role: str
    sign_public: bytes
    box_public: bytes


@dataclass(frozen=True)
class PackHeader:
    kind: str  # session (office to laptop) | return (everything changed since the last acknowledged file)
    sender: Sender
    recipient: str  # a device id, or "" for whoever holds the passphrase
    sequence: int
    created_at: str
    app_version: str
    mode: str  # key | passphrase

    @property
    def uses_passphrase(self) -> bool:
        return self.mode == "passphrase"


@dataclass(frozen=True)
class OpenedPack:
    header: PackHeader
    payload: dict[str, Any]
    digest: str  # SHA-256 of the whole file, for the audit trail


def version_tuple(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _passphrase_keys(passphrase: str, salt: bytes, log_n: int) -> tuple[bytes, bytes]:
    derived = Scrypt(salt=salt, length=64, n=2**log_n, r=8, p=1).derive(passphrase.encode("utf-8"))
    return derived[:32], derived[32:]


def _check_value(check_key: bytes, header: bytes) -> bytes:
    return hmac.new(check_key, b"leerwinkel-exchange-check\x00" + header, hashlib.sha256).digest()


def write_pack(
    payload: dict[str, Any],
    *,
    kind: str,
    sender: Sender,
    signer: Ed25519PrivateKey,
    sequence: int,
    now: dt.datetime,
    recipient: str = "",
    recipient_box: bytes | None = None,
    passphrase: str | None = None,
) -> bytes:
    """The bytes of an exchange file: to ``recipient_box`` (HPKE), or with ``passphrase`` (scrypt)."""
    if (recipient_box is None) == (passphrase is None):
        raise ValueError("give exactly one of recipient_box and passphrase")
    header: dict[str, Any] = {
        "format": FORMAT,
        "app_version": __version__,
        "kind": kind,
        "sender": {
            "device_id": sender.device_id,
            "name": sender.name,
            "role": sender.role,
            "sign_public": b64(sender.sign_public),
            "box_public": b64(sender.box_public),
        },
        "recipient": recipient,
        "sequence": sequence,
        "created_at": now.astimezone(dt.UTC).isoformat(),
        "compression": "zlib",
    }
    plain = zlib.compress(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), 6)
    if passphrase is not None:
        salt = secrets.token_bytes(16)
        header["mode"] = "passphrase"
        header["kdf"] = {"name": "scrypt", "salt": b64(salt), "log_n": SCRYPT_LOG_N, "r": 8, "p": 1}
        header_bytes = canonical(header)
        key, check_key = _passphrase_keys(passphrase, salt, SCRYPT_LOG_N)
        nonce = secrets.token_bytes(NONCE_BYTES)
        body = _check_value(check_key, header_bytes) + nonce + AESGCM(key).encrypt(nonce, plain, header_bytes)
    else:
        assert recipient_box is not None
        header["mode"] = "key"
        header["hpke"] = "x25519-hkdf-sha256-aes256gcm"
        header_bytes = canonical(header)
        body = _SUITE.encrypt(plain, X25519PublicKey.from_public_bytes(recipient_box), info=_INFO + header_bytes)
    signed = MAGIC + _PREFIX.pack(FORMAT, len(header_bytes)) + header_bytes + _BODY_LENGTH.pack(len(body)) + body
    return signed + signer.sign(signed)


@dataclass(frozen=True)
class _Parts:
    header: PackHeader
    header_bytes: bytes
    raw_header: dict[str, Any]
    signed: bytes
    body: bytes
    signature: bytes


def read_header(data: bytes, *, location: str = "") -> _Parts:
    """Split a file and read its header; refuse what is not an exchange file, cut short, or too new."""
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data):
            raise ExchangeError("truncated", location=location)
        raise ExchangeError("not-an-exchange-file", location=location)
    offset = len(MAGIC)
    if len(data) < offset + _PREFIX.size:
        raise ExchangeError("truncated", location=location)
    file_format, header_length = _PREFIX.unpack_from(data, offset)
    if file_format > FORMAT:
        raise ExchangeError("newer-version", location=location, detail=f"formaat {file_format}")
    if file_format < 1 or header_length > MAX_HEADER:
        raise ExchangeError("damaged", location=location)
    offset += _PREFIX.size
    if len(data) < offset + header_length + _BODY_LENGTH.size:
        raise ExchangeError("truncated", location=location)
    header_bytes = data[offset : offset + header_length]
    offset += header_length
    (body_length,) = _BODY_LENGTH.unpack_from(data, offset)
    offset += _BODY_LENGTH.size
    end = offset + body_length
    if len(data) < end + SIGNATURE_BYTES:
        raise ExchangeError("truncated", location=location)
    if len(data) > end + SIGNATURE_BYTES:
        raise ExchangeError("damaged", location=location)
    try:
        raw = json.loads(header_bytes)
        sender = raw["sender"]
        header = PackHeader(
            kind=str(raw["kind"]),
            sender=Sender(
                device_id=str(sender["device_id"]),
                name=str(sender["name"]),
                role=str(sender["role"]),
                sign_public=unb64(sender["sign_public"]),
                box_public=unb64(sender["box_public"]),
            ),
            recipient=str(raw["recipient"]),
            sequence=int(raw["sequence"]),
            created_at=str(raw["created_at"]),
            app_version=str(raw["app_version"]),
            mode=str(raw["mode"]),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise ExchangeError("damaged", location=location) from error
    if version_tuple(header.app_version) > version_tuple(__version__):
        raise ExchangeError("newer-version", location=location, detail=header.app_version)
    return _Parts(header, header_bytes, raw, data[:end], data[offset:end], data[end:])


def verify_signature(parts: _Parts, sign_public: bytes, *, location: str = "") -> None:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(parts.signature, parts.signed)
    except (InvalidSignature, ValueError) as error:
        raise ExchangeError("damaged", location=location) from error


def decrypt_body(
    parts: _Parts, *, box: X25519PrivateKey | None, passphrase: str | None, location: str = ""
) -> dict[str, Any]:
    """The payload of a file whose signature was verified: decrypt, decompress, parse."""
    if parts.header.uses_passphrase:
        if passphrase is None:
            raise ExchangeError("passphrase-required", location=location)
        kdf = parts.raw_header.get("kdf")
        try:
            assert isinstance(kdf, dict) and kdf.get("name") == "scrypt" and kdf.get("r") == 8 and kdf.get("p") == 1
            log_n = int(kdf["log_n"])
            salt = unb64(kdf["salt"])
        except (AssertionError, KeyError, TypeError, ValueError) as error:
            raise ExchangeError("damaged", location=location) from error
        if not SCRYPT_BOUNDS[0] <= log_n <= SCRYPT_BOUNDS[1]:
            raise ExchangeError("damaged", location=location)
        key, check_key = _passphrase_keys(passphrase, salt, log_n)
        body = parts.body
        if len(body) < CHECK_BYTES + NONCE_BYTES + 16:
            raise ExchangeError("damaged", location=location)
        if not hmac.compare_digest(body[:CHECK_BYTES], _check_value(check_key, parts.header_bytes)):
            raise ExchangeError("wrong-passphrase", location=location)
        nonce = body[CHECK_BYTES : CHECK_BYTES + NONCE_BYTES]
        try:
            plain = AESGCM(key).decrypt(nonce, body[CHECK_BYTES + NONCE_BYTES :], parts.header_bytes)
        except InvalidTag as error:
            raise ExchangeError("damaged", location=location) from error
    else:
        if box is None:
            raise ExchangeError("wrong-key", location=location)
        try:
            plain = _SUITE.decrypt(parts.body, box, info=_INFO + parts.header_bytes)
        except (InvalidTag, ValueError) as error:
            raise ExchangeError("wrong-key", location=location) from error
    try:
        inflater = zlib.decompressobj()
        text = inflater.decompress(plain, MAX_PAYLOAD)
        if inflater.unconsumed_tail:
            raise ExchangeError("damaged", location=location, detail="too large")
        payload = json.loads(text)
    except (zlib.error, ValueError) as error:
        raise ExchangeError("damaged", location=location) from error
    if not isinstance(payload, dict):
        raise ExchangeError("damaged", location=location)
    return payload


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
