"""``--version``, answered from the raw arguments before anything else of the program is imported."""

from __future__ import annotations

from collections.abc import Sequence


def asks_version_only(argv: Sequence[str]) -> bool:
    """``--version`` among the global options, before any command: no parser or command module is needed."""
    for arg in argv:
        if arg == "--version":
            return True
        if not arg.startswith("-"):
            return False  # a command: --version after it belongs to the command's own options
    return False


__all__ = ["asks_version_only"]
