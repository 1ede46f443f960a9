"""Shared UI pieces: the background-op helper, the error presenter, small widgets and table helpers."""
