"""Precision at 5 of the catalogue search over the counsellor queries kept in tests (prints a table).

Usage: python benchmarks/search_quality.py [CATALOGUE.json]   (default: the bundled catalogue)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.setup_data import set_up
from leerwinkel.app import open_store
from leerwinkel.catalogue.service import CatalogueService, bundled_catalogue
from leerwinkel.storage.models import Offering
from tests.core.search_quality import evaluate, load_cases, report


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_catalogue()
    with tempfile.TemporaryDirectory() as tmp:
        config, credentials = set_up(Path(tmp) / "data")
        store = open_store(config, credentials=credentials)
        try:
            service = CatalogueService(store)
            service.load_bundle(source, force=True)
            with store.unit_of_work() as session:
                keys = {o.id: o.external_id for o in session.query(Offering)}
                active = {o.external_id for o in session.query(Offering) if o.active}

            def search(query: str) -> list[str]:
                return [keys[i] for i in service.search(query).ids[:5]]

            print(report(evaluate(search, load_cases(), active)))
        finally:
            store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
