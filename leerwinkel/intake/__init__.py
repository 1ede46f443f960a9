"""Intake: clients, intakes, learning wishes, thresholds, consent, drafts and the client import."""
