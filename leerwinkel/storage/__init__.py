"""Storage: the store (engines, sessions), models and migrations."""
