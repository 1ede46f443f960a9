"""Text folding, one helper for the whole core: how names, headings, values and search words are compared."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[0-9a-z]+")

#: Letters that carry no combining accent in Unicode, so NFKD alone keeps them (Ł, Ø, Đ, ß ...).
_PLAIN = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case without accents and with single spaces: "  Oriëntatie  Łukasz" -> "orientatie lukasz".

    Use it for comparing and searching only; never store it in place of what the user typed.
    """
    if text.isascii():  # most catalogue and name text: nothing to decompose, casefold() is lower()
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


def words(text: str) -> list[str]:
    """The folded words of a text, in order ("B-VCA (basis)" -> ["b", "vca", "basis"])."""
    return _WORD.findall(fold(text))


def compact(text: str) -> str:
    """The folded letters and digits only ("E-mail adres" -> "emailadres"): for matching column headings."""
    return "".join(words(text))
