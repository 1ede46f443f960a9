"""Start the GUI: QApplication, Dutch translations, the facade, the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from leerwinkel.argv import window_options
from leerwinkel.config import load_config
from leerwinkel.errors import LeerwinkelError
from leerwinkel.logs import configure_logging
from leerwinkel.paths import resource
from ui.common.errors import ErrorPresenter
from ui.common.operations import set_error_presenter, wait_for_background_work
from ui.common.qtdutch import QtDutchSupplement
from ui.common.wheel import install_wheel_guard

log = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Qt's own buttons and our texts in the user's language: Dutch (the source) unless told otherwise.

    ``language`` (else $LEERWINKEL_LANGUAGE) names another language, e.g. "en": its compiled catalogue
    resources/translations/leerwinkel_<language>.qm is loaded when it exists (``make translations``).
    """
    language = (language or os.environ.get("LEERWINKEL_LANGUAGE", "") or "nl").strip().lower()
    if language == "nl":
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium))
    else:
        QLocale.setDefault(QLocale(language))
    translators: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        if language == "nl":
            qt_translator = QtDutchSupplement(qt_translator, app)  # adds what qtbase_nl lacks (ui/common/qtdutch.py)
        app.installTranslator(qt_translator)
        translators.append(qt_translator)
    own = QTranslator(app)
    if language != "nl" and own.load(f"leerwinkel_{language}", str(resource("translations"))):
        app.installTranslator(own)
        translators.append(own)
    return translators


def run(argv: Sequence[str]) -> int:
    options = window_options(argv)
    data_dir = Path(options.data_dir) if options is not None and options.data_dir else None
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Leerwinkel Intake")
    app.setOrganizationName("Leerwinkel")
    app.setWindowIcon(QIcon(str(resource("images", "leerwinkel-logo.png"))))
    install_translators(app)
    install_wheel_guard(app)  # the wheel scrolls pages, never an unfocused combo box (every page)
    config = load_config(data_dir)
    tail = configure_logging(config.log_dir)
    presenter = ErrorPresenter(tail, app)
    presenter.install_excepthook()
    set_error_presenter(presenter)
    from ui.session.lifecycle import finish_session, start_session, watch_session

    try:
        facade = start_session(config)
    except LeerwinkelError as error:
        log.warning("could not open the database: %s", type(error).__name__)
        presenter.show(None, error)
        return 1
    if facade is None:
        return 0
    from ui.mainwindow import MainWindow  # after sign-in: every page, ReportLab, pypdfium2 (preloaded meanwhile)

    window = MainWindow(facade)
    watch_session(window, facade)
    window.show()
    try:
        return app.exec()
    finally:
        wait_for_background_work(timeout=60)  # an op still writing must finish before the database closes
        finish_session(facade)
