"""Signing in, the first start, the inactivity lock and the session's life cycle."""
