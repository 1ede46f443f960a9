"""Which clients' names contain every word typed, through an index on SQLite for every keystroke.

On SQLite an FTS5 trigram index (migration 0181) answers for the words of three letters or more;
for a word of one or two letters its vocabulary says which trigrams start with it (every letter of
a key starts one: the key is indexed with two spaces after it) and in how many clients. A word
that no client has ends the search at once; a rare one is looked up through its trigrams; a common
one is left to the scan in order of last activity, which then finds its rows quickly. The chosen
candidates are always checked against the search key itself (LIKE), so the index only makes the
answer fast, never different.

PostgreSQL (shared databases) reads the clients table as before: an index there would need the
pg_trgm extension, which a server administrator has to allow.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

#: The scan in activity order wins when matches squared exceed this many times the clients (measured:
#: a row read through the index costs about as much as 12 rows scanned for a page of 200).
SCAN_FACTOR = 12.5
#: Short words that sit in more trigrams than this are looked up by scanning too.
MOST_TERMS = 60


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """For Alembic's comparison: the index's own tables (FTS5 and its shadow tables) are not models."""
    return not (
        type_ == "table" and name is not None and (name == "client_search" or name.startswith("client_search_"))
    )


def has_index(connection: Connection) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    found = connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'client_search'").first()
    return found is not None


def rebuild(connection: Connection) -> None:
    """Fill the index again from the clients table (after an upgrade that may have renumbered its rows)."""
    if not has_index(connection):
        return
    connection.exec_driver_sql("DELETE FROM client_search")
    connection.exec_driver_sql(
        "INSERT INTO client_search (rowid, search_key) SELECT rowid, ' ' || search_key || '  ' FROM clients"
    )


NO_MATCH = ""  # what ``plan`` says when no client can match
#: The condition that narrows a query on clients to the candidates of a MATCH expression.
CANDIDATES = text("clients.rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH :client_match)")


def plan(connection: Connection, words: list[str]) -> str | None:
    """How to find the clients that hold every (folded) word: an FTS5 MATCH expression whose rows
    are candidates, NO_MATCH when no client can hold them, or None to scan in order of activity.

    The index is worth it when the matches are few: scanning in activity order reads about
    200 x clients / matches rows before it has a page, the index about as many rows as match.
    """
    if not words or not has_index(connection):
        return None
    _ensure_vocabulary(connection)
    long_words = [w for w in words if len(w) >= 3]
    short_words = [w for w in words if len(w) < 3]
    # FTS5's trigram MATCH finds a word of three letters or more anywhere in the text.
    groups = [_quote(w) for w in long_words]
    bound: int | None = None
    for word in long_words:
        count = _smallest_trigram_count(connection, word)
        bound = count if bound is None else min(bound, count)
    for word in short_words:
        terms = connection.execute(
            text("SELECT term, doc FROM client_search_vocab WHERE term >= :low AND term < :high"),
            {"low": word, "high": word + "\U0010ffff"},
        ).all()
        if not terms:
            return NO_MATCH
        total = sum(doc for _term, doc in terms)
        bound = total if bound is None else min(bound, total)
        if len(terms) <= MOST_TERMS:
            groups.append("(" + " OR ".join(_quote(term) for term, _doc in terms) + ")")
    if bound == 0:
        return NO_MATCH
    clients = connection.exec_driver_sql("SELECT max(rowid) FROM clients").scalar() or 0
    if bound is None or not groups or bound * bound > SCAN_FACTOR * clients:
        return None
    return " AND ".join(groups)


def _smallest_trigram_count(connection: Connection, word: str) -> int:
    """How many clients hold the word's rarest trigram (an upper bound of its matches)."""
    grams = sorted({word[i : i + 3] for i in range(len(word) - 2)})
    lookup = text("SELECT doc FROM client_search_vocab WHERE term = :term")
    smallest: int | None = None
    for gram in grams:
        count = connection.execute(lookup, {"term": gram}).scalar() or 0
        smallest = count if smallest is None else min(smallest, count)
        if not smallest:
            break
    return smallest or 0


def _ensure_vocabulary(connection: Connection) -> None:
    # fts5vocab tables are cheap views over the index; a TEMP one lives with the connection only.
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.client_search_vocab USING fts5vocab(main, client_search, 'row')"
    )


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'
