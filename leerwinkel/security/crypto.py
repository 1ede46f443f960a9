"""Key material: argon2id password hashes, the random database key and how it is wrapped.

The database key is 32 random bytes. It is never stored as such: each account (and the recovery key)
gets a copy XOR-ed with 32 bytes derived from its secret by argon2id under a fresh salt, plus a
check value (HMAC-SHA256 under 32 more derived bytes) that tells a wrong secret from a right one.
The argon2id parameters are stored beside every wrapped copy and every password hash.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import asdict, dataclass

from argon2 import PasswordHasher
from argon2 import Type as Argon2Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import hash_secret_raw

KEY_BYTES = 32
SALT_BYTES = 16
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by hand


@dataclass(frozen=True)
class KdfParams:
    """argon2id parameters (RFC 9106 second recommended option by default)."""

    time_cost: int = 3
    memory_cost: int = 65536  # KiB
    parallelism: int = 4

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> KdfParams:
        """Parameters read from a file, bounded: KdfParamsError when one is missing or out of range."""
        values: dict[str, int] = {}
        for name, (low, high) in PARAM_BOUNDS.items():
            value = data.get(name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise KdfParamsError(name, low, high)
            values[name] = value
        if values["memory_cost"] < 8 * values["parallelism"]:  # argon2's own minimum
            raise KdfParamsError("memory_cost", 8 * values["parallelism"], PARAM_BOUNDS["memory_cost"][1])
        return cls(**values)

    def is_weaker_than(self, other: KdfParams) -> bool:
        """True when any cost is below ``other``'s (check_needs_rehash then asks for new parameters)."""
        return self.time_cost < other.time_cost or self.memory_cost < other.memory_cost


class KdfParamsError(ValueError):
    """argon2id parameters in a key file that are missing or outside the bounds this app accepts."""

    def __init__(self, name: str, low: int, high: int) -> None:
        super().__init__(name, low, high)
        self.name = name
        self.low = low
        self.high = high


#: What a key file may ask for: enough to refuse a file that would take minutes or gigabytes to
#: open (or that is plainly broken), wide enough for any parameters this app has ever written.
PARAM_BOUNDS: dict[str, tuple[int, int]] = {
    "time_cost": (1, 64),
    "memory_cost": (8, 2 * 1024 * 1024),  # KiB: up to 2 GiB
    "parallelism": (1, 64),
}


DEFAULT_PARAMS = KdfParams()
#: The parameters new wraps get, and that check_needs_rehash upgrades older ones to (tests lower it).
TARGET_PARAMS = DEFAULT_PARAMS


def target_params() -> KdfParams:
    return TARGET_PARAMS


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def sqlcipher_key_pragma(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key (no passphrase derivation by SQLCipher)."""
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=2 * KEY_BYTES,
        type=Argon2Type.ID,
    )


@dataclass(frozen=True)
class WrappedKey:
    """A copy of the database key locked with one secret (an account password or the recovery key)."""

    salt: bytes
    params: KdfParams
    wrapped: bytes
    check: bytes

    def to_dict(self) -> dict[str, object]:
        return {
            "kdf": "argon2id",
            "params": self.params.to_dict(),
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "wrapped": base64.b64encode(self.wrapped).decode("ascii"),
            "check": base64.b64encode(self.check).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> WrappedKey:
        if data.get("kdf") != "argon2id":
            raise ValueError("unknown key derivation")
        params = data["params"]
        if not isinstance(params, dict):
            raise ValueError("bad parameters")
        return cls(
            salt=base64.b64decode(str(data["salt"])),
            params=KdfParams.from_dict(params),
            wrapped=base64.b64decode(str(data["wrapped"])),
            check=base64.b64decode(str(data["check"])),
        )


def _check_value(mac_key: bytes, wrapped: bytes, label: str) -> bytes:
    return hmac.new(
        mac_key, b"leerwinkel-key-v1\x00" + label.encode("utf-8") + b"\x00" + wrapped, hashlib.sha256
    ).digest()


def wrap_key(key: bytes, secret: str, *, label: str, params: KdfParams = DEFAULT_PARAMS) -> WrappedKey:
    """Lock ``key`` with ``secret``; ``label`` (the user name) binds the copy to its owner."""
    salt = secrets.token_bytes(SALT_BYTES)
    derived = _derive(secret, salt, params)
    wrapped = bytes(a ^ b for a, b in zip(key, derived[:KEY_BYTES], strict=True))
    return WrappedKey(salt, params, wrapped, _check_value(derived[KEY_BYTES:], wrapped, label))


def unwrap_key(copy: WrappedKey, secret: str, *, label: str) -> bytes | None:
    """The database key, or None when ``secret`` is not the one this copy was locked with."""
    derived = _derive(secret, copy.salt, copy.params)
    if not hmac.compare_digest(_check_value(derived[KEY_BYTES:], copy.wrapped, label), copy.check):
        return None
    return bytes(a ^ b for a, b in zip(copy.wrapped, derived[:KEY_BYTES], strict=True))


def new_recovery_key() -> str:
    """A recovery key to print once: 24 characters in groups of four, about 120 bits."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(24))
    return "-".join(chars[i : i + 4] for i in range(0, 24, 4))


def normalise_recovery_key(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def password_hasher(params: KdfParams = DEFAULT_PARAMS) -> PasswordHasher:
    return PasswordHasher(
        time_cost=params.time_cost, memory_cost=params.memory_cost, parallelism=params.parallelism, type=Argon2Type.ID
    )


def hash_password(password: str, params: KdfParams = DEFAULT_PARAMS) -> str:
    """An argon2id hash in PHC format: the parameters and the salt travel inside the string."""
    return password_hasher(params).hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches; the parameters are read from the stored hash itself."""
    if not stored:
        return False
    try:
        return PasswordHasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
