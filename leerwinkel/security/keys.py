"""Account key material (key file format 2): standard primitives from ``cryptography``.

Each account (and the recovery key) has an X25519 key pair, to receive the database key, and an
Ed25519 key pair, to sign role grants and audit anchors. Both private keys are encrypted with
AES-256-GCM under a key derived from the password by argon2id; the argon2id parameters, the salt,
the account label and the public keys are the associated data, so a file whose parameters were
changed does not decrypt. The database key (and, for administrators, the backup key) is sealed to
the account's X25519 public key: ephemeral X25519, HKDF-SHA256, AES-256-GCM. That is what makes
revocation possible: an administrator can give a new database key to every remaining account
without knowing their passwords, and a removed account never receives it.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field

from argon2 import Type as Argon2Type
from argon2.low_level import hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from leerwinkel.security.crypto import KEY_BYTES, SALT_BYTES, KdfParams

NONCE_BYTES = 12
_RAW = serialization.Encoding.Raw


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)


def _raw_private(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def _raw_public(key: X25519PublicKey | Ed25519PublicKey) -> bytes:
    return key.public_bytes(_RAW, serialization.PublicFormat.Raw)


def derive_kek(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """The key-encryption key of one password: argon2id, 32 bytes."""
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Argon2Type.ID,
    )


def aead_encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def aead_decrypt(key: bytes, sealed: bytes, aad: bytes) -> bytes | None:
    """The plaintext, or None when the key is wrong or anything (data or associated data) was changed."""
    if len(sealed) < NONCE_BYTES + 16:
        return None
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        return None


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes, aad: bytes) -> bytes:
    info = b"leerwinkel-seal-v1\x00" + ephemeral + recipient + aad
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(shared)


def seal(recipient_public: bytes, plaintext: bytes, aad: bytes) -> str:
    """Encrypt ``plaintext`` so that only the holder of the X25519 private key can read it."""
    ephemeral = X25519PrivateKey.generate()
    eph_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    return b64(eph_public + aead_encrypt(_box_key(shared, eph_public, recipient_public, aad), plaintext, aad))


def unseal(private: X25519PrivateKey, sealed: str, aad: bytes) -> bytes | None:
    try:
        data = unb64(sealed)
    except ValueError:
        return None
    if len(data) < 32:
        return None
    eph_public, rest = data[:32], data[32:]
    recipient = _raw_public(private.public_key())
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_public))
    except ValueError:
        return None
    return aead_decrypt(_box_key(shared, eph_public, recipient, aad), rest, aad)


def sign(private: Ed25519PrivateKey, message: bytes) -> str:
    return b64(private.sign(message))


def verify_signature(public: bytes, message: bytes, signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(unb64(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def canonical(data: object) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


@dataclass
class AccountKeys:
    """One account's entry in the key file (format 2): public keys in clear, private keys encrypted."""

    label: str
    params: KdfParams
    salt: bytes
    box_public: bytes
    sign_public: bytes
    secrets: bytes  # AES-GCM of the two private keys under the password's key
    database_key: str = ""  # sealed to box_public
    backup_private: str = ""  # sealed to box_public; administrators and the recovery key only
    extra: dict[str, object] = field(default_factory=dict)

    def _aad(self) -> bytes:
        return canonical(
            {
                "v": 2,
                "label": self.label,
                "params": self.params.to_dict(),
                "salt": b64(self.salt),
                "box": b64(self.box_public),
                "sign": b64(self.sign_public),
            }
        )

    @classmethod
    def create(
        cls, label: str, secret: str, params: KdfParams, *, signer: Ed25519PrivateKey | None = None
    ) -> tuple[AccountKeys, Unlocked]:
        """New key pairs for ``label`` (keeping ``signer`` when given), locked with ``secret``; also unlocked.

        The receiving (X25519) pair is always new, so that a replaced password cannot open what is
        sealed to the account later; the signing key may stay, so earlier signatures keep verifying.
        """
        box = X25519PrivateKey.generate()
        signer = signer or Ed25519PrivateKey.generate()
        entry = cls(
            label=label,
            params=params,
            salt=secrets.token_bytes(SALT_BYTES),
            box_public=_raw_public(box.public_key()),
            sign_public=_raw_public(signer.public_key()),
            secrets=b"",
        )
        plain = canonical({"box": b64(_raw_private(box)), "sign": b64(_raw_private(signer))})
        entry.secrets = aead_encrypt(derive_kek(secret, entry.salt, params), plain, entry._aad())
        return entry, Unlocked(box, signer)

    def unlock(self, secret: str) -> Unlocked | None:
        """The private keys, or None for a wrong secret (or a changed entry)."""
        plain = aead_decrypt(derive_kek(secret, self.salt, self.params), self.secrets, self._aad())
        if plain is None:
            return None
        data = json.loads(plain)
        return Unlocked(
            X25519PrivateKey.from_private_bytes(unb64(data["box"])),
            Ed25519PrivateKey.from_private_bytes(unb64(data["sign"])),
        )

    def give(self, *, database_key: bytes, generation: int, backup_private: bytes | None) -> None:
        """Seal the database key (and the backup key, or none) to this account.

        The database key is bound to the key generation (a sealed copy of an older key does not pass
        for the current one); the backup key, which outlives a database key rotation, is not.
        """
        self.database_key = seal(self.box_public, database_key, _purpose("database", self.label, generation))
        self.backup_private = (
            seal(self.box_public, backup_private, _purpose("backup", self.label, 0))
            if backup_private is not None
            else ""
        )

    def give_backup(self, backup_private: bytes | None) -> None:
        """Seal only the backup key (or take it away)."""
        self.backup_private = (
            seal(self.box_public, backup_private, _purpose("backup", self.label, 0)) if backup_private else ""
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "format": 2,
            "kdf": "argon2id",
            "params": self.params.to_dict(),
            "salt": b64(self.salt),
            "box_public": b64(self.box_public),
            "sign_public": b64(self.sign_public),
            "secrets": b64(self.secrets),
            "database_key": self.database_key,
            "backup_private": self.backup_private,
        }

    @classmethod
    def from_dict(cls, label: str, data: dict[str, object]) -> AccountKeys:
        if data.get("kdf") != "argon2id" or data.get("format") != 2:
            raise ValueError("not a format 2 entry")
        params = data["params"]
        if not isinstance(params, dict):
            raise ValueError("bad parameters")
        return cls(
            label=label,
            params=KdfParams.from_dict(params),
            salt=unb64(data["salt"]),
            box_public=unb64(data["box_public"]),
            sign_public=unb64(data["sign_public"]),
            secrets=unb64(data["secrets"]),
            database_key=str(data.get("database_key") or ""),
            backup_private=str(data.get("backup_private") or ""),
        )


def _purpose(kind: str, label: str, generation: int) -> bytes:
    return canonical({"kind": kind, "label": label, "generation": generation})


@dataclass
class Unlocked:
    """An account's private keys after its password opened them (kept in memory only)."""

    box: X25519PrivateKey
    signer: Ed25519PrivateKey

    def database_key(self, entry: AccountKeys, generation: int) -> bytes | None:
        return unseal(self.box, entry.database_key, _purpose("database", entry.label, generation))

    def backup_private(self, entry: AccountKeys) -> bytes | None:
        if not entry.backup_private:
            return None
        return unseal(self.box, entry.backup_private, _purpose("backup", entry.label, 0))

    @property
    def sign_public(self) -> bytes:
        return _raw_public(self.signer.public_key())


def new_backup_keypair() -> tuple[bytes, bytes]:
    """(private, public) raw X25519 bytes of a new backup key."""
    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def backup_private_key(raw: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(raw)
