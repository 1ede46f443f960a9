"""``audit verify`` for the trails other devices sent: their hash chains and their signed anchors, checked again.

An exchange file checks a peer's events as they arrive (leerwinkel.sync.merge). Kept here, they could be
changed or deleted later like our own; this check finds that: a chain that no longer links, an event whose
hash is no longer its own, a gap, or a trail that disagrees with the anchor the peer signed with its device
key (a wrong signature, another hash at the anchor's number, fewer events than the anchor names).
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.security.audit import GENESIS_HASH, row_digest
from leerwinkel.security.auditcheck import AuditProblem
from leerwinkel.security.keys import canonical, unb64, verify_signature
from leerwinkel.storage.models import SyncAuditEvent, SyncPeer

#: The problem kinds this check reports (texts in leerwinkel.security.cli.AUDIT_PROBLEMS).
KINDS = ("peer-missing", "peer-chain", "peer-edited", "peer-anchor", "peer-rewritten", "peer-cut")


def check_received_trails(session: Session) -> list[AuditProblem]:
    """Every received trail, by device: the first break in its chain, else its anchor; ``detail`` names the
    device (its name here, else its id)."""
    peers = {peer.device_id: peer for peer in session.scalars(select(SyncPeer))}
    origins = set(session.scalars(select(SyncAuditEvent.origin).distinct()))
    origins |= {device for device, peer in peers.items() if peer.anchor}
    problems: list[AuditProblem] = []
    for origin in sorted(origins):
        peer = peers.get(origin)
        name = peer.name if peer is not None else origin
        found, hashes = _check_chain(session, origin, name)
        problems += found
        if peer is not None and peer.anchor and not found:
            problems += _check_anchor(peer, hashes, name)
    return problems


def _check_chain(session: Session, origin: str, name: str) -> tuple[list[AuditProblem], dict[int, str]]:
    hashes: dict[int, str] = {}
    previous, expected = GENESIS_HASH, 1
    query = select(SyncAuditEvent).where(SyncAuditEvent.origin == origin).order_by(SyncAuditEvent.sequence)
    for row in session.scalars(query):
        hashes[row.sequence] = row.hash
        kind, at = "", row.sequence
        if row.sequence != expected:
            kind, at = "peer-missing", expected
        elif row.previous_hash != previous:
            kind = "peer-chain"
        elif row_digest(row) != row.hash:
            kind = "peer-edited"
        if kind:
            return [AuditProblem(kind, at, row.occurred_at, name)], hashes
        previous, expected = row.hash, row.sequence + 1
    return [], hashes


def _check_anchor(peer: SyncPeer, hashes: dict[int, str], name: str) -> list[AuditProblem]:
    """The anchor the peer signed: its signature, then the received trail against it.

    A peer that sent no events (an office's session pack carries only its anchor) is not checked against it.
    """
    try:
        data = json.loads(peer.anchor)
        anchor, signature = data["anchor"], str(data["signature"])
        sequence, digest, at = int(anchor["sequence"]), str(anchor["hash"]), str(anchor.get("at") or "")
        signed = verify_signature(unb64(peer.sign_public), canonical(anchor), signature)
    except (ValueError, KeyError, TypeError):
        return [AuditProblem("peer-anchor", None, None, name)]
    if not signed or anchor.get("device_id") != peer.device_id:
        return [AuditProblem("peer-anchor", sequence, at or None, name)]
    if not hashes:
        return []
    if sequence in hashes and hashes[sequence] != digest:
        return [AuditProblem("peer-rewritten", sequence, at or None, name)]
    if sequence > max(hashes):
        return [AuditProblem("peer-cut", max(hashes) + 1, at or None, name)]
    return []


__all__ = ["KINDS", "check_received_trails"]
