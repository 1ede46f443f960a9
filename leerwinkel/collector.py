"""Python's cycle collector paused for one large batch (a catalogue import, a session print).

A batch holds hundreds of thousands of small objects at once; each full pass of the collector would walk
them all again and free nothing. Objects freed meanwhile go as usual (reference counting); at the end the
young generations, where everything made during the batch still is, are collected once, without walking
the whole older heap (four times cheaper than a full collection, benchmarks/letters.py --session 1000).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the collector for the ``with`` block; nested batches leave it to the outermost one."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(1)


__all__ = ["paused"]
