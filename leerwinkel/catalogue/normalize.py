"""Text folding for search and matching: case and accents do not matter."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower case without accents: "Oriëntatie" -> "orientatie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of a text, in order ("B-VCA (basis)" -> ["b", "vca", "basis"])."""
    return _WORD.findall(fold(text))
