"""Render sample letters (invented people) to PDF and PNG in docs/screenshots/.

Run from the checkout: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_letter_samples.py``
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from leerwinkel.config import Config  # noqa: E402
from leerwinkel.letters.model import ReferralLetterOptions  # noqa: E402
from leerwinkel.letters.service import LetterService  # noqa: E402
from leerwinkel.storage.models import Referral  # noqa: E402
from tests.factories import open_test_store  # noqa: E402
from tests.lettersdata import build_referral, set_setting  # noqa: E402

OUT = Path(__file__).resolve().parent


def to_png(name: str, pdf: bytes) -> None:
    (OUT / f"{name}.pdf").write_bytes(pdf)
    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        image = document[index].render(scale=1.25).to_pil()
        image.save(OUT / f"{name}-p{index + 1}.png", optimize=True)
    document.close()


def grab_preview(store: object, letter: object) -> None:
    """A picture of the preview dialog itself (offscreen Qt)."""
    from PySide6.QtWidgets import QApplication

    from leerwinkel.app import Leerwinkel
    from ui.letters.preview import LetterPreviewDialog

    app = QApplication.instance() or QApplication([])
    facade = Leerwinkel(Config(data_dir=Path(tempfile.gettempdir())), store)  # type: ignore[arg-type]
    dialog = LetterPreviewDialog(facade, letter)  # type: ignore[arg-type]
    dialog.resize(820, 900)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "letter-preview-dialog.png"))
    dialog.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_test_store(Config(data_dir=Path(folder)), now=dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC))
        try:
            set_setting(store, "organisation.phone", "015 00 00 00")
            set_setting(store, "organisation.email", "leerwinkel@example.invalid")
            shared = build_referral(store, share=True, detained=True, site_code="mechelen-sociaal-huis")
            detained = build_referral(store, first_name="Tesfay", last_name="Voorbeeld", detained=True)
            anonymous = build_referral(
                store,
                first_name="Mohammed محمد",
                last_name="Çelik",
                share=False,
                provider_name="Centrum voor Basiseducatie Voorbeeld",
                offering_title="Nederlands voor anderstaligen, traag leertraject",
            )
            service = LetterService(store)
            with store.unit_of_work() as session:  # the provider's reply slip gave a start date
                referral = session.get(Referral, anonymous.referral_id)
                assert referral is not None
                referral.starts_on = dt.date(2026, 9, 7)
            to_png(
                "letter-referral",
                service.referral_letter(
                    shared.referral_id,
                    ReferralLetterOptions(
                        background="Volgde in 2024 al lessen NT2 in het buitenland.", include_thresholds=True
                    ),
                ).pdf,
            )
            to_png("letter-referral-no-consent", service.referral_letter(anonymous.referral_id).pdf)
            to_png("letter-handout-nl", service.handout(anonymous.referral_id, "nl").pdf)
            to_png("letter-handout-nl-ar", service.handout(anonymous.referral_id, "nl-ar").pdf)
            to_png("letter-handout-nl-ti", service.handout(anonymous.referral_id, "nl-ti").pdf)
            to_png("letter-handout-detained-nl", service.handout(detained.referral_id, "nl").pdf)
            to_png("letter-handout-nl-en", service.handout(anonymous.referral_id, "nl-en").pdf)
            to_png("letter-handout-nl-fr", service.handout(shared.referral_id, "nl-fr").pdf)
            to_png("letter-catalogue-prison", service.catalogue_sheet(["nt2"], prison="gevangenis-mechelen").pdf)
            grab_preview(store, service.handout(anonymous.referral_id, "nl-en"))
        finally:
            store.dispose()


if __name__ == "__main__":
    main()
